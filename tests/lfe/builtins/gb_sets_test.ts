import { GB_SETS } from "../../../lfe/builtins/gb_sets.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const g = (key: string) => fn(GB_SETS, key);

Deno.test("gb_sets: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("gb_sets", 1000);
});

Deno.test("gb_sets: the representation is OTP's {Size, Tree}, balanced as OTP does", () => {
  is(g("from_list/1")(t("(3 1 2 1.0)")), "#(3 #(2 #(1 nil nil) #(3 nil nil)))");
  let s = g("empty/0")();
  for (const x of [1, 2, 3, 4, 5]) s = g("insert/2")(x, s);
  is(s, "#(5 #(1 nil #(2 nil #(3 nil #(4 nil #(5 nil nil))))))");
  is(g("balance/1")(s), "#(5 #(3 #(2 #(1 nil nil) nil) #(5 #(4 nil nil) nil)))");
  raises(() => g("insert/2")(t("1.0"), s), "#(key_exists 1.0)");
  raises(() => g("smallest/1")(g("empty/0")()), "function_clause");
});

Deno.test("gb_sets: an iterator walks the elements in order from where it is asked to", () => {
  const s = g("from_list/1")(t("(a b c)"));
  const [x, it] = g("next/1")(g("iterator_from/2")("b", s)) as unknown[];
  is(x, "b");
  is((g("next/1")(it) as unknown[])[0], "c");
  is(g("next/1")((g("next/1")(it) as unknown[])[1]), "none");
});
