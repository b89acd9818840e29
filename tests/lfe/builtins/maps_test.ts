import { MAPS } from "../../../lfe/builtins/maps.ts";
import { add, lt, mul } from "../../../lfe/builtins/ops.ts";
import { $, on, receive, self, send } from "../../../runtime/mod.ts";
import { arrayToList, list, nameFun, type Term } from "../../../runtime/terms.ts";
import { fn, inProcess, is, raises, raisesIn, t, value } from "./_check.ts";
import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("maps: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("maps", 1500);
});

const m = (key: string) => fn(MAPS, key);

function fun(arity: number, f: (...xs: Term[]) => unknown) {
  return nameFun(f, { module: "test", name: "-f-", arity });
}
const M = t("#M(b 1 a 2 1 3)");

Deno.test("get, find, put, remove, update, take, is_key, size, new", () => {
  is(m("get/2")("a", M), 2);
  raises(() => m("get/2")("c", M), "#(badkey c)");
  raises(() => m("get/2")("c", "a"), "#(badmap a)");
  raises(() => m("get/2")(t("1.0"), M), "#(badkey 1.0)"); // keys match exactly
  is(m("get/3")("c", M, "d"), "d");
  raises(() => m("get/3")("c", "a", "d"), "#(badmap a)");
  is(m("find/2")("a", M), "#(ok 2)");
  is(m("find/2")("c", M), "error");
  is(m("put/3")("c", 4, M), "#M(a 2 b 1 1 3 c 4)");
  is(M, "#M(b 1 a 2 1 3)"); // unchanged
  raises(() => m("put/3")("a", 1, "a"), "#(badmap a)");
  is(m("remove/2")("a", M), "#M(b 1 1 3)");
  is(m("remove/2")(t("1.0"), M), M);
  raises(() => m("remove/2")("a", "a"), "#(badmap a)");
  is(m("update/3")("a", 9, M), "#M(a 9 b 1 1 3)");
  raises(() => m("update/3")("c", 9, M), "#(badkey c)");
  is(m("take/2")("a", t("#M(a 1)")), "#(1 #M())");
  is(m("take/2")("b", t("#M(a 1)")), "error");
  is(m("is_key/2")(t("1.0"), t("#M(1 a)")), false);
  raises(() => m("is_key/2")("a", "a"), "#(badmap a)");
  is(m("size/1")(M), 3);
  raises(() => m("size/1")("a"), "#(badmap a)");
  is(m("new/0")(), "#M()");
});

Deno.test("keys, values and pairs come in key order, integers before floats", () => {
  is(m("keys/1")(M), "(1 a b)");
  is(m("values/1")(M), "(3 2 1)");
  is(m("to_list/1")(M), "(#(1 3) #(a 2) #(b 1))");
  is(m("keys/1")(t("#M(1.0 a 2 b c d)")), "(2 1.0 c)");
  raises(() => m("keys/1")("a"), "#(badmap a)");
  is(m("from_list/1")(t("(#(a 1) #(a 2))")), "#M(a 2)");
  is(m("from_list/1")(t("(#(1 a) #(1.0 b))")), "#M(1 a 1.0 b)");
  raises(() => m("from_list/1")(t("(#(a 1) x)")), "badarg");
  raises(() => m("from_list/1")("a"), "badarg");
  is(m("from_keys/2")(list("a", "b"), 0), "#M(a 0 b 0)");
  is(m("merge/2")(t("#M(a 1 b 2)"), t("#M(a 3)")), "#M(a 3 b 2)");
  raises(() => m("merge/2")(t("#M()"), "a"), "#(badmap a)");
  is(m("with/2")(list("a", "c"), t("#M(a 1 b 2)")), "#M(a 1)");
  raises(() => m("with/2")("a", t("#M()")), "badarg");
  raises(() => m("with/2")(list("a"), "a"), "#(badmap a)");
  raises(() => m("with/2")(t("(a . b)"), t("#M()")), "function_clause");
  is(m("without/2")(list("a", "c"), t("#M(a 1 b 2)")), "#M(b 2)");
});

Deno.test("fold, map, filter, filtermap, foreach, update_with, merge_with take funs", async () => {
  const pairs = fun(3, (k, v, acc) => arrayToList([[k, v]], acc));
  is(await value(m("fold/3")(pairs, null, t("#M(b 1 a 2)"))), "(#(b 1) #(a 2))");
  is(await value(m("map/2")(fun(2, (_k, v) => mul(v, 2)), t("#M(a 1)"))), "#M(a 2)");
  is(await value(m("filter/2")(fun(2, (_k, v) => lt(1, v)), t("#M(a 1 b 2)"))), "#M(b 2)");
  is(await value(m("filtermap/2")(fun(2, (_k, v) => [true, mul(v, 2)]), t("#M(a 1)"))), "#M(a 2)");
  is(await value(m("foreach/2")(fun(2, () => "x"), t("#M(a 1)"))), "ok");
  const inc = fun(1, (v) => add(v, 1));
  is(await value(m("update_with/3")("a", inc, t("#M(a 1)"))), "#M(a 2)");
  is(await value(m("update_with/4")("b", inc, 0, t("#M(a 1)"))), "#M(a 1 b 0)");
  is(await value(m("update_with/4")("a", inc, 0, t("#M(a 1)"))), "#M(a 2)");
  const sum3 = fun(3, (_k, a, b) => add(a, b));
  is(await value(m("merge_with/3")(sum3, t("#M(a 1)"), t("#M(a 2 b 3)"))), "#M(a 3 b 3)");
  await raisesIn(() => m("update_with/3")("b", inc, t("#M(a 1)")), "#(badkey b)");
  await raisesIn(() => m("update_with/3")("a", 1, t("#M(a 1)")), "badarg");
  await raisesIn(() => m("map/2")(inc, t("#M(a 1)")), "badarg");
  await raisesIn(() => m("fold/3")(1, null, t("#M()")), "badarg");
  await raisesIn(() => m("fold/3")(pairs, null, "a"), "#(badmap a)");
  await raisesIn(() => m("filter/2")(fun(2, () => 1), t("#M(a 1)")), "#(case_clause 1)");
});

Deno.test("maps:map calls a fun that waits", async () => {
  const got = await inProcess(function* () {
    send(self(), ["n", 10]);
    send(self(), ["n", 20]);
    const waitAdd = nameFun(function* (_k: Term, v: number) {
      return v + (yield* receive(on(["n", $("n")], ({ n }) => n as number)));
    }, { module: "test", name: "-w-", arity: 2 });
    return yield* m("map/2")(waitAdd, t("#M(a 1 b 2)"));
  });
  is(got, "#M(a 11 b 22)");
});
