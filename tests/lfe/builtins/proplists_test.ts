import { PROPLISTS } from "../../../lfe/builtins/proplists.ts";
import { fn, is, raises, t } from "./_check.ts";

const p = (key: string) => fn(PROPLISTS, key);

Deno.test("proplists: values, booleans, lookups", () => {
  is(p("get_value/2")("a", t("(#(a 1) #(a 2))")), 1);
  is(p("get_value/2")("a", t("(a)")), true);
  is(p("get_value/2")("b", t("(a)")), "undefined");
  is(p("get_value/3")("b", t("(a)"), "d"), "d");
  is(p("get_value/2")("a", t("(#(a 1 2))")), "undefined");
  is(p("get_value/2")("a", t("(#(b 1) x #(a) #(a 3))")), "undefined");
  is(p("get_value/2")("a", t("(#(a 1) . b)")), 1);
  is(p("get_value/2")(1, t("(#(1.0 a))")), "undefined");
  raises(() => p("get_value/2")("a", "a"), "function_clause");
  is(p("get_bool/2")("a", t("(a)")), true);
  is(p("get_bool/2")("a", t("(#(a true))")), true);
  is(p("get_bool/2")("a", t("(#(a 1))")), false);
  is(p("get_bool/2")("a", null), false);
  is(p("get_all_values/2")("a", t("(#(a 1) a #(a 2) #(a 3 4))")), "(1 true 2)");
  is(p("append_values/2")("a", t("(#(a (1)) #(a 2) a #(b 3))")), "(1 2 true)");
  is(p("lookup/2")("a", t("(#(a 1 2))")), "#(a 1 2)");
  is(p("lookup/2")("a", t("(a)")), "#(a true)");
  is(p("lookup/2")("a", t("(b)")), "none");
  is(p("lookup_all/2")("a", t("(a #(a 1) #(b 1))")), "(#(a true) #(a 1))");
  is(p("is_defined/2")("a", t("(#(a 1 2))")), true);
  is(p("is_defined/2")("a", t("(b)")), false);
});

Deno.test("proplists: delete, keys, property, compact, unfold, maps", () => {
  is(p("delete/2")("a", t("(a #(a 1) b #(a 1 2) #(b 1))")), "(b #(b 1))");
  is(p("get_keys/1")(t('(a #(b 1) #(a 2) c #(d 1 2) "x")')), "(a b c d)");
  is(p("property/2")("a", true), "a");
  is(p("property/2")("a", 1), "#(a 1)");
  is(p("property/1")(t("#(a true)")), "a");
  is(p("property/1")(t("#(a 1 2)")), "#(a 1 2)");
  is(p("compact/1")(t("(#(a true) #(b 1))")), "(a #(b 1))");
  is(p("unfold/1")(t("(a #(b 1))")), "(#(a true) #(b 1))");
  is(p("to_map/1")(t("(a #(b 1) #(a 2))")), "#M(a true b 1)");
  is(p("from_map/1")(t("#M(a 1)")), "(#(a 1))");
});
