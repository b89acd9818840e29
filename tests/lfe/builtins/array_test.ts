import { ARRAY } from "../../../lfe/builtins/array.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises } from "./_check.ts";

const a = (key: string) => fn(ARRAY, key);

Deno.test("array: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("array", 900);
});

Deno.test("array: the representation is OTP's record over a tree of tuples", () => {
  is(a("new/1")(3), "#(array 3 0 undefined 10)");
  is(a("new/0")(), "#(array 0 10 undefined 10)");
  const s = a("set/3")(12, "x", a("new/0")());
  is(a("size/1")(s), 13);
  is(a("get/2")(12, s), "x");
  is(a("get/2")(500, s), "undefined");
  raises(() => a("set/3")(3, "x", a("new/1")(3)), "badarg");
});
