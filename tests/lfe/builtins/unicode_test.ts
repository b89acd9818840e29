import { UNICODE } from "../../../lfe/builtins/unicode.ts";
import { binary, charlist, list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const u = (key: string) => fn(UNICODE, key);

Deno.test("unicode: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("unicode", 950);
});

Deno.test("unicode: conversions, and where the data goes wrong", () => {
  is(u("characters_to_binary/1")(list(955, binary("x"))), binary("λx"));
  is(u("characters_to_list/2")(new Uint8Array([0, 97, 0, 98]), "utf16"), charlist("ab"));
  is(u("characters_to_binary/1")(list(97, 0x110000, 98)), t('#(error #"a" (1114112 98))'));
  is(u("characters_to_list/1")(list(97, new Uint8Array([0xc3]))), t('#(incomplete "a" #B(195))'));
  raises(() => u("characters_to_list/1")(list("a")), "badarg");
});

Deno.test("unicode: normalization forms and byte order marks", () => {
  is(u("characters_to_nfd_list/1")(list(0xe9)), list(101, 0x301));
  is(u("bom_to_encoding/1")(new Uint8Array([0xff, 0xfe, 0, 0])), t("#(#(utf32 little) 4)"));
});
