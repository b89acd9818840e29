import { FILENAME } from "../../../lfe/builtins/filename.ts";
import { binary, charlist, list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises } from "./_check.ts";

const f = (key: string) => fn(FILENAME, key);

Deno.test("filename: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("filename", 400);
});

Deno.test("filename: a binary anywhere in a join makes the result a binary", () => {
  is(f("join/2")(charlist("a"), binary("b")), '#"a/b"');
  is(f("join/1")(list("a", charlist("b//"), charlist("c"))), '"a/b/c"');
  raises(() => f("basename/1")(123), "function_clause");
});
