import { BINARY } from "../../../lfe/builtins/binary.ts";
import { binary, list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const b = (key: string) => fn(BINARY, key);

Deno.test("binary: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("binary", 1300);
});

Deno.test("binary: split, replace and match with several patterns", () => {
  is(
    b("split/3")(binary("a,b;;c"), list(binary(","), binary(";")), t("(global trim_all)")),
    t('(#"a" #"b" #"c")'),
  );
  is(
    b("replace/4")(binary("abcb"), binary("b"), binary("[]"), t("(global #(insert_replaced 1))")),
    t('#"a[b]c[b]"'),
  );
  is(b("matches/2")(binary("abcab"), list(binary("ab"), binary("abc"))), t("(#(0 3) #(3 2))"));
  raises(() => b("split/2")(binary("abc"), binary("")), "badarg");
});

Deno.test("binary: a compiled pattern is {bm, Ref} or {ac, Ref} and searches as its patterns", () => {
  const one = b("compile_pattern/1")(binary("b")) as unknown[];
  const two = b("compile_pattern/1")(list(binary("b"), binary("c"))) as unknown[];
  is(one[0], "bm");
  is(two[0], "ac");
  is(b("match/2")(binary("abc"), two), t("#(1 1)"));
  raises(() => b("match/2")(binary("abc"), t("#(bm foo)")), "badarg");
});

Deno.test("binary: unsigned integers both ways, bigints included", () => {
  is(b("encode_unsigned/2")(2n ** 70n + 5n, "little"), t("#B(5 0 0 0 0 0 0 0 64)"));
  is(b("decode_unsigned/1")(t("#B(64 0 0 0 0 0 0 0 5)")), 2n ** 70n + 5n);
  raises(() => b("encode_unsigned/1")(-1), "badarg");
});
