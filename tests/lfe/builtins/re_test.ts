import { RE } from "../../../lfe/builtins/re.ts";
import { binary, charlist, list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises } from "./_check.ts";

const r = (key: string) => fn(RE, key);

Deno.test("re: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("re", 1500);
});

Deno.test("re: offsets are UTF-8 byte offsets in unicode mode", () => {
  is(r("run/3")(charlist("héllo"), charlist("l+"), list("unicode")), "#(match (#(3 2)))");
  is(r("run/3")(binary("héllo"), charlist("l+"), list("unicode")), "#(match (#(3 2)))");
  raises(() => r("run/2")("abc", charlist("a")), "badarg");
});

Deno.test("re: what JavaScript cannot do is a compile error with a reason", () => {
  is(
    r("compile/1")(charlist("a(?1)")),
    '#(error #("recursion and subroutine calls are not supported" 1))',
  );
  is(
    r("compile/1")(charlist("(?(1)a|b)")),
    '#(error #("conditional groups (?(...)...) are not supported" 0))',
  );
});

Deno.test("re: atomic groups and possessive quantifiers keep PCRE's group numbers", () => {
  is(r("run/2")(charlist("aaab"), charlist("(?>(a)+)b")), "#(match (#(0 4) #(2 1)))");
  is(r("run/2")(charlist("aaab"), charlist("(a)++b")), "#(match (#(0 4) #(2 1)))");
  is(r("run/2")(charlist("aaa"), charlist("a++a")), "nomatch");
  is(r("run/2")(charlist("xaab"), charlist("(x)(?>a+)(b)\\2")), "nomatch");
});
