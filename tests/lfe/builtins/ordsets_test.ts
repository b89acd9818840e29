import { ORDSETS } from "../../../lfe/builtins/ordsets.ts";
import { float, list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const o = (key: string) => fn(ORDSETS, key);

Deno.test("ordsets: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("ordsets", 500);
});

Deno.test("ordsets: elements are compared with ==", () => {
  is(o("from_list/1")(list(3, float(1), 1, 2)), "(1.0 2 3)");
  is(o("is_element/2")(float(2), list(1, 2, 3)), true);
  is(o("union/2")(t("(1 3)"), t("(1.0 2)")), "(1 2 3)");
  raises(() => o("add_element/2")(1, "a"), "function_clause");
});
