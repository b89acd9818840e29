import { GB_TREES } from "../../../lfe/builtins/gb_trees.ts";
import { list } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const g = (key: string) => fn(GB_TREES, key);

Deno.test("gb_trees: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("gb_trees", 800);
});

Deno.test("gb_trees: the representation is OTP's {Size, Tree}, balanced as OTP does", () => {
  let tr = g("empty/0")();
  for (const k of [1, 2, 3, 4]) tr = g("insert/3")(k, "v", tr);
  is(tr, "#(4 #(1 v nil #(2 v nil #(3 v nil #(4 v nil nil)))))");
  tr = g("insert/3")(5, "v", tr);
  is(tr, "#(5 #(1 v nil #(2 v nil #(3 v nil #(4 v nil #(5 v nil nil))))))");
  is(g("balance/1")(tr), "#(5 #(3 v #(2 v #(1 v nil nil) nil) #(5 v #(4 v nil nil) nil)))");
  raises(() => g("insert/3")(t("1.0"), "w", tr), "#(key_exists 1.0)");
  is(g("from_orddict/1")(list([1, "a"], [2, "b"])), "#(2 #(2 b #(1 a nil nil) nil))");
});

Deno.test("gb_trees: an iterator walks the keys in order from where it is asked to", () => {
  const tr = g("from_orddict/1")(t("(#(1 a) #(2 b) #(3 c))"));
  const [k, v, it] = g("next/1")(g("iterator_from/2")(2, tr)) as unknown[];
  is(k, 2);
  is(v, "b");
  is(g("next/1")(it), t("#(3 c ())"));
  raises(() => g("get/2")(9, tr), "function_clause");
});
