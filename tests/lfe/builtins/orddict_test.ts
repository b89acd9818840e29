import { ORDDICT } from "../../../lfe/builtins/orddict.ts";
import { list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const o = (key: string) => fn(ORDDICT, key);

Deno.test("orddict: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("orddict", 500);
});

Deno.test("orddict: pairs ordered by key, the last one given wins", () => {
  is(o("from_list/1")(list(["b", 1], ["a", 2], ["b", 3])), "(#(a 2) #(b 3))");
  is(o("store/3")("c", 1, t("(#(a 1) #(d 2))")), "(#(a 1) #(c 1) #(d 2))");
  raises(() => o("fetch/2")("b", t("(#(a 1) #(d 2))")), "function_clause");
});
