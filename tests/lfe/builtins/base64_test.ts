import { BASE64 } from "../../../lfe/builtins/base64.ts";
import { binary, charlist } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const b = (key: string) => fn(BASE64, key);

Deno.test("base64: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("base64", 600);
});

Deno.test("base64: both ways, whitespace skipped, padding required", () => {
  is(b("encode/1")(binary("hello")), t('#"aGVsbG8="'));
  is(b("encode_to_string/1")(charlist("hi")), t('"aGk="'));
  is(b("decode/1")(charlist("aGVs\nbG8=")), t('#"hello"'));
  is(b("decode_to_string/1")(binary("aGk=")), t('"hi"'));
  raises(() => b("decode/1")(binary("aGk")), "function_clause");
  raises(() => b("decode/1")(binary("aGk=x")), "#(case_clause 49)");
});

Deno.test("base64: mime_decode skips what is not base 64", () => {
  is(b("mime_decode/1")(binary("aG!Vs*bG8=")), t('#"hello"'));
  is(b("mime_decode_to_string/1")(binary("aGk=\r\n")), t('"hi"'));
});
