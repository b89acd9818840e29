import { DICT } from "../../../lfe/builtins/dict.ts";
import { list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises } from "./_check.ts";

const d = (key: string) => fn(DICT, key);

Deno.test("dict: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("dict", 400);
});

Deno.test("dict: the record prints as OTP's, entries as [Key | Value] cells", () => {
  const x = d("from_list/1")(list(["a", 1], ["b", 2]));
  is(
    x,
    "#(dict 2 16 16 8 80 48 #(() () () () () () () () () () () () () () () ()) " +
      "#(#(() ((a . 1)) ((b . 2)) () () () () () () () () () () () () ())))",
  );
  is(d("to_list/1")(x), "(#(a 1) #(b 2))");
  raises(() => d("fetch/2")("c", x), "badarg");
});
