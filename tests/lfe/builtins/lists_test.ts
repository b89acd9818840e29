import assert from "node:assert/strict";
import { LISTS } from "../../../lfe/builtins/lists.ts";
import { add, lt, mul } from "../../../lfe/builtins/ops.ts";
import { $, on, receive, self, send, sleep, spawn } from "../../../runtime/mod.ts";
import { arrayToList, list, listToArray, nameFun, type Term } from "../../../runtime/terms.ts";
import { fn, inProcess, is, raises, raisesIn, t, value } from "./_check.ts";
import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("lists: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("lists", 2500);
});

const l = (key: string) => fn(LISTS, key);

function fun1(f: (x: Term) => unknown) {
  return nameFun(f, { module: "test", name: "-f1-", arity: 1 });
}
function fun2(f: (x: Term, y: Term) => unknown) {
  return nameFun(f, { module: "test", name: "-f2-", arity: 2 });
}
const double = fun1((x) => mul(x, 2));
const below3 = fun1((x) => lt(x, 3));
const identity = fun1((x) => x);
const plus = fun2((x, acc) => add(x, acc));
const cons = fun2((x, acc) => arrayToList([x], acc));
const le = fun2((a, b) => !lt(b, a));

// Funs that wait for a `#(n N)` message before they answer: funs with a receive.
const nextN = () => receive(on(["n", $("n")], ({ n }) => n as number));
const waitAdd = nameFun(function* (x: number) {
  return x + (yield* nextN());
}, { module: "test", name: "-wait-add-", arity: 1 });
const waitBelow = nameFun(function* (x: number) {
  return x < (yield* nextN());
}, { module: "test", name: "-wait-below-", arity: 1 });
const waitLe = nameFun(function* (a: number, b: number) {
  yield* nextN();
  return a <= b;
}, { module: "test", name: "-wait-le-", arity: 2 });

/** Another process sends `#(n N)` for each N to the caller, a little later each. */
function feed(...ns: number[]): void {
  const to = self();
  spawn(function* () {
    for (const n of ns) {
      yield* sleep(1);
      send(to, ["n", n]);
    }
  });
}

Deno.test("map, foldl, foldr, filter, foreach with plain funs", async () => {
  is(await value(l("map/2")(double, list(1, 2, 3))), "(2 4 6)");
  is(await value(l("map/2")(double, null)), "()");
  is(await value(l("foldl/3")(plus, 0, list(1, 2, 3))), 6);
  is(await value(l("foldr/3")(cons, null, list(1, 2, 3))), "(1 2 3)");
  is(await value(l("foldl/3")(cons, null, list(1, 2, 3))), "(3 2 1)");
  is(await value(l("filter/2")(below3, list(1, 2, 3, 4))), "(1 2)");
  is(await value(l("foreach/2")(identity, list(1, 2))), "ok");
});

Deno.test("higher-order functions call funs that wait in a receive, while others run", async () => {
  const got = await inProcess(function* () {
    feed(10, 20, 30);
    const mapped = yield* l("map/2")(waitAdd, list(1, 2, 3));
    feed(1, 2, 3);
    const summed = yield* l("foldl/3")(
      fun2(function* (x, acc) {
        return (x as number) + (acc as number) + (yield* nextN());
      }),
      0,
      list(100, 200, 300),
    );
    feed(2, 2, 2);
    const kept = yield* l("filter/2")(waitBelow, list(1, 2, 3));
    feed(...new Array(20).fill(0));
    const sorted = yield* l("sort/2")(waitLe, list(3, 1, 2, 5, 4));
    feed(0, 0);
    const all = yield* l("all/2")(waitBelow, list(-1, -2));
    return [mapped, summed, kept, sorted, all];
  });
  is(got, "#((11 22 33) 606 (1) (1 2 3 4 5) true)");
});

Deno.test("a long map over plain funs lets other processes run", async () => {
  const ticks = await inProcess(function* () {
    let n = 0;
    const other = spawn(function* () {
      for (;;) {
        yield* receive(on("tick", () => n++));
      }
    });
    const pinger = fun1((x) => {
      send(other, "tick");
      return x;
    });
    const before = n;
    yield* l("map/2")(pinger, arrayToList(new Array(10000).fill(0)));
    return n - before;
  });
  assert.ok((ticks as number) > 0, "the other process ran during the map");
});

Deno.test("errors of the higher-order functions are OTP's", async () => {
  await raisesIn(() => l("map/2")(1, list(1)), "function_clause");
  await raisesIn(() => l("map/2")(cons, list(1)), "function_clause");
  await raisesIn(() => l("map/2")(identity, "a"), "#(case_clause a)");
  await raisesIn(() => l("map/2")(identity, t("(1 . a)")), "function_clause");
  await raisesIn(() => l("foldl/3")(plus, 0, "a"), "#(case_clause a)");
  await raisesIn(() => l("foldl/3")(plus, 0, t("(1 . a)")), "function_clause");
  await raisesIn(() => l("foldr/3")(cons, null, "a"), "function_clause");
  await raisesIn(() => l("filter/2")(identity, list(1)), "#(bad_filter 1)");
  await raisesIn(() => l("filter/2")(below3, "a"), "#(bad_generator a)");
  await raisesIn(() => l("filter/2")(below3, t("(1 . a)")), "#(bad_generator a)");
  await raisesIn(() => l("foreach/2")(identity, "a"), "function_clause");
  await raisesIn(() => l("any/2")(identity, list(1)), "#(case_clause 1)");
  await raisesIn(() => l("any/2")(below3, "a"), "#(case_clause a)");
  await raisesIn(() => l("all/2")(below3, t("(1 . a)")), "function_clause");
  await raisesIn(() => l("takewhile/2")(identity, list(1)), "#(case_clause 1)");
  await raisesIn(() => l("dropwhile/2")(below3, t("(1 2 . a)")), "function_clause");
  await raisesIn(() => l("flatmap/2")(identity, list(1, 2)), "badarg");
  await raisesIn(() => l("partition/2")(identity, list(1)), "#(case_clause 1)");
  await raisesIn(() => l("sort/2")(fun2(() => 1), list(1, 3, 2)), "#(case_clause 1)");
  await raisesIn(() => l("mapfoldl/3")(fun2((x) => x), 0, list(1)), "#(badmatch 1)");
  await raisesIn(() => l("zipwith/3")(plus, list(1, 2), list(3)), "function_clause");
  const err = await inProcess(() => l("zipwith/3")(identity, list(1), list(2))).catch((e) => e);
  is(err.reason[0], "badarity");
});

Deno.test("any, all, takewhile, dropwhile, splitwith, partition, flatmap, zipwith, mapfold", async () => {
  is(await value(l("any/2")(below3, t("(5 1 a)"))), true);
  is(await value(l("all/2")(below3, t("(5 a)"))), false);
  is(await value(l("any/2")(identity, null)), false);
  is(await value(l("takewhile/2")(below3, list(1, 2, 3, 4))), "(1 2)");
  is(await value(l("dropwhile/2")(below3, list(1, 2, 3, 4))), "(3 4)");
  is(await value(l("splitwith/2")(fun1((x) => lt(x, 2)), list(1, 2, 1))), "#((1) (2 1))");
  is(await value(l("partition/2")(fun1((x) => lt(x, 2)), list(1, 2, 1))), "#((1 1) (2))");
  is(await value(l("flatmap/2")(fun1((x) => list(x, x)), list(1, 2))), "(1 1 2 2)");
  is(await value(l("zipwith/3")(plus, list(1, 2), list(3, 4))), "(4 6)");
  is(
    await value(l("mapfoldl/3")(fun2((x, a) => [mul(x, 2), add(a, x)]), 0, list(1, 2, 3))),
    "#((2 4 6) 6)",
  );
  is(
    await value(
      l("mapfoldr/3")(fun2((x, a) => [mul(x, 2), arrayToList([x], a)]), null, list(1, 2, 3)),
    ),
    "#((2 4 6) (1 2 3))",
  );
  is(await value(l("filtermap/2")(fun1((x) => [true, mul(x, 2)]), list(1, 2))), "(2 4)");
  is(await value(l("filtermap/2")(fun1((x) => lt(1, x)), list(1, 2))), "(2)");
  is(await value(l("search/2")(fun1((x) => lt(1, x)), list(1, 2, 3))), "#(value 2)");
  is(await value(l("search/2")(fun1((x) => lt(5, x)), list(1, 2, 3))), "false");
  is(await value(l("uniq/2")(fun1((x) => (x as number) % 2), list(1, 2, 3, 4))), "(1 2)");
});

Deno.test("sort/2 is stable for =< and reverses equal elements for <, as OTP's", async () => {
  const byFirst = (strict: boolean) =>
    fun2((a, b) => {
      const x = (a as Term[])[0] as number, y = (b as Term[])[0] as number;
      return strict ? x < y : x <= y;
    });
  const xs = t("(#(1 a) #(1 b) #(1 c) #(0 c))");
  is(await value(l("sort/2")(byFirst(false), xs)), "(#(0 c) #(1 a) #(1 b) #(1 c))");
  is(await value(l("sort/2")(byFirst(true), xs)), "(#(0 c) #(1 c) #(1 b) #(1 a))");
  is(await value(l("sort/2")(fun2((a, b) => !lt(a, b)), list(1, 3, 2))), "(3 2 1)");
  is(await value(l("usort/2")(le, list(3, 1, 2, 1))), "(1 2 3)");
});

Deno.test("sorts: sort, usort, keysort, merge", () => {
  // erl: lists:sort([3,1.0,2,a,"b",{}]) is [1.0,2,3,a,{},"b"]. (Elements that are == but not
  // =:=, as 1 and 1.0, keep their order here; OTP's merge sort may swap them.)
  is(l("sort/1")(t('(3 1.0 2 a "b" #())')), '(1.0 2 3 a #() "b")');
  is(l("usort/1")(t("(3 1 1.0 2 3)")), "(1 2 3)");
  is(l("usort/1")(t("(1.0 1)")), "(1.0)");
  is(l("keysort/2")(2, t("(#(a 2) #(b 1) #(c 2 x) #(d 1))")), "(#(b 1) #(d 1) #(a 2) #(c 2 x))");
  is(l("keysort/2")(2, t("(#(a))")), "(#(a))");
  raises(() => l("keysort/2")(2, t("(#(a) #(b))")), "badarg");
  raises(() => l("keysort/2")(0, t("(#(a 1))")), "function_clause");
  raises(() => l("keysort/2")(1, "a"), "#(case_clause a)");
  raises(() => l("sort/1")("a"), "function_clause");
  raises(() => l("sort/1")(t("(b a . c)")), "function_clause");
  is(l("merge/2")(list(1, 3), list(2)), "(1 2 3)");
});

Deno.test("seq/2,3 as OTP counts, and refuses", () => {
  is(l("seq/2")(1, 5), "(1 2 3 4 5)");
  is(l("seq/2")(5, 4), "()");
  is(l("seq/2")(1, 1), "(1)");
  raises(() => l("seq/2")(5, 3), "function_clause");
  raises(() => l("seq/2")(t("1.0"), 2), "function_clause");
  is(l("seq/3")(1, 10, 3), "(1 4 7 10)");
  is(l("seq/3")(10, 1, -3), "(10 7 4 1)");
  is(l("seq/3")(1, 1, 0), "(1)");
  is(l("seq/3")(1, 0, 1), "()");
  raises(() => l("seq/3")(1, 2, 0), "badarg");
  raises(() => l("seq/3")(1, -1, 1), "badarg");
  raises(() => l("seq/3")(1, 5, -1), "badarg");
  raises(() => l("seq/3")(1, 3, t("1.0")), "badarg");
});

Deno.test("reverse, nth, nthtail, member, append, concat", () => {
  is(l("reverse/1")(list(1, 2, 3)), "(3 2 1)");
  raises(() => l("reverse/1")("a"), "function_clause");
  is(l("reverse/2")(list(1, 2), "a"), "(2 1 . a)");
  raises(() => l("reverse/2")("a", null), "badarg");
  is(l("nth/2")(1, t("(1 . a)")), 1);
  raises(() => l("nth/2")(0, list(1)), "function_clause");
  raises(() => l("nth/2")(2, list(1)), "function_clause");
  is(l("nthtail/2")(1, t("(1 . a)")), "a");
  is(l("nthtail/2")(0, list(1)), "(1)");
  raises(() => l("nthtail/2")(2, list(1)), "function_clause");
  raises(() => l("nthtail/2")("a", list(1)), "badarith");
  raises(() => l("nthtail/2")(0, "a"), "function_clause");
  is(l("member/2")(1, t("(1.0)")), false);
  is(l("member/2")(1, t("(1 . a)")), true);
  raises(() => l("member/2")(2, t("(1 . a)")), "badarg");
  is(l("append/1")(t("((1) (2) . ((3 4)))")), "(1 2 3 4)");
  is(l("append/1")(t("((1) (2) a)")), "(1 2 . a)");
  raises(() => l("append/1")(t("((1) a (2))")), "badarg");
  raises(() => l("append/1")("a"), "function_clause");
  is(l("append/2")(list(1), "a"), "(1 . a)");
  raises(() => l("append/2")("a", list(1)), "badarg");
  is(l("concat/1")(t('(a "b" 1 2.0)')), '"ab12.00000000000000000000e+00"');
  raises(() => l("concat/1")(t('(#"x")')), "function_clause");
  raises(() => l("concat/1")(t("(#(a))")), "function_clause");
});

Deno.test("delete, subtract, duplicate, split, sum, max, min, last, droplast", () => {
  is(l("delete/2")(1, t("(1.0 1 1)")), "(1.0 1)");
  raises(() => l("delete/2")(1, t("(2 . a)")), "function_clause");
  is(l("subtract/2")(list(1, 2, 1, 3), list(1, 3, 4)), "(2 1)");
  is(l("subtract/2")(t("(1 1.0)"), t("(1.0)")), "(1)");
  raises(() => l("subtract/2")(t("(1 2 . a)"), list(1)), "badarg");
  const many = arrayToList(Array.from({ length: 100 }, (_, i) => i % 10));
  is(
    l("subtract/2")(many, arrayToList(Array.from({ length: 95 }, (_, i) => i % 10))),
    "(5 6 7 8 9)",
  );
  is(l("duplicate/2")(3, "x"), "(x x x)");
  raises(() => l("duplicate/2")(-1, "x"), "function_clause");
  is(l("split/2")(1, list(1, 2)), "#((1) (2))");
  is(l("split/2")(1, t("(1 . a)")), "#((1) a)");
  raises(() => l("split/2")(3, list(1, 2)), "badarg");
  raises(() => l("split/2")(0, "a"), "badarg");
  is(l("sum/1")(t("(1 2.0 3)")), "6.0");
  is(l("sum/1")(null), 0);
  raises(() => l("sum/1")(t("(a)")), "badarith");
  is(l("max/1")(t("(1 1.0)")), 1);
  is(l("max/1")(t("(1.0 1)")), "1.0");
  is(l("min/1")(t("(3 2 a)")), 2);
  raises(() => l("max/1")(null), "function_clause");
  is(l("last/1")(list(1, 2)), 2);
  raises(() => l("last/1")(null), "function_clause");
  is(l("droplast/1")(list(1, 2)), "(1)");
  raises(() => l("droplast/1")(null), "function_clause");
});

Deno.test("flatten, zip, unzip, sublist, prefix, suffix, enumerate, uniq, join", () => {
  is(l("flatten/1")(t("(1 (2 (3)) () ((())))")), "(1 2 3)");
  is(l("flatten/2")(t("(1 (2))"), list(3)), "(1 2 3)");
  raises(() => l("flatten/1")(t("(1 (2 . a))")), "function_clause");
  raises(() => l("flatten/2")(list(1), "a"), "function_clause");
  const deep = Array.from({ length: 100000 }).reduce((acc: Term) => list(acc), list(7));
  is(l("flatten/1")(deep), "(7)");
  is(l("zip/2")(list(1, 2), list("a", "b")), "(#(1 a) #(2 b))");
  raises(() => l("zip/2")(list(1, 2), list("a")), "function_clause");
  is(l("unzip/1")(t("(#(1 a) #(2 b))")), "#((1 2) (a b))");
  raises(() => l("unzip/1")(t("(#(1 a) x)")), "function_clause");
  is(l("sublist/2")(list(1, 2, 3), 2), "(1 2)");
  is(l("sublist/2")(list(1, 2, 3), 5), "(1 2 3)");
  is(l("sublist/2")(t("(1 2 . a)"), 1), "(1)");
  raises(() => l("sublist/2")(t("(1 2 . a)"), 5), "function_clause");
  is(l("sublist/3")(list(1, 2, 3), 2, 5), "(2 3)");
  is(l("sublist/3")(list(1, 2, 3), 5, 1), "()");
  raises(() => l("sublist/3")(list(1, 2, 3), 0, 1), "function_clause");
  is(l("prefix/2")(list(1), t("(1.0 2)")), false);
  is(l("prefix/2")(list(1), list(1, 2)), true);
  raises(() => l("prefix/2")(null, "a"), "function_clause");
  is(l("suffix/2")(list(2), list(1, 2)), true);
  is(l("suffix/2")(list(1, 2, 3), list(2)), false);
  raises(() => l("suffix/2")("a", list(1)), "badarg");
  is(l("enumerate/1")(list("a", "b")), "(#(1 a) #(2 b))");
  is(l("enumerate/2")(5, list("a", "b")), "(#(5 a) #(6 b))");
  is(l("uniq/1")(t("(1 2 1.0 1 2)")), "(1 2 1.0)");
  raises(() => l("uniq/1")(t("(1 . a)")), "function_clause");
  is(l("join/2")("x", list(1, 2, 3)), "(1 x 2 x 3)");
  is(l("join/2")("x", null), "()");
});

Deno.test("key functions match keys with ==, as OTP", () => {
  const tl = t("(#(1.0 a) #(1 b))");
  is(l("keyfind/3")(1, 1, tl), "#(1.0 a)");
  is(l("keyfind/3")("x", 2, t("(#(a) #(b x))")), "#(b x)");
  is(l("keyfind/3")("x", 1, t("(a #(x))")), "#(x)");
  is(l("keyfind/3")("x", 1, t("(#(x) . a)")), "#(x)");
  raises(() => l("keyfind/3")("y", 1, t("(#(x) . a)")), "badarg");
  raises(() => l("keyfind/3")("x", 0, t("(#(a))")), "badarg");
  is(l("keymember/3")(1, 1, t("(#(1.0))")), true);
  is(l("keysearch/3")(1, 1, t("(#(1.0))")), "#(value #(1.0))");
  is(l("keydelete/3")("x", 1, t("(#(x) #(y) #(x))")), "(#(y) #(x))");
  is(l("keydelete/3")(1, 1, t("(#(1.0) #(1))")), "(#(1))");
  is(l("keydelete/3")("x", 1, t("(a #(x))")), "(a)");
  raises(() => l("keydelete/3")("x", 0, t("(#(x))")), "function_clause");
  is(l("keyreplace/4")("x", 1, t("(#(x 1) #(x 2))"), t("#(z)")), "(#(z) #(x 2))");
  is(l("keyreplace/4")("x", 1, t("(#(y 1))"), t("#(z)")), "(#(y 1))");
  raises(() => l("keyreplace/4")("x", 1, t("(#(y 1))"), "z"), "function_clause");
  is(l("keystore/4")("x", 1, t("(#(y 1))"), t("#(x 2)")), "(#(y 1) #(x 2))");
  is(l("keystore/4")("y", 1, t("(#(y 1))"), t("#(x 2)")), "(#(x 2))");
  is(l("keytake/3")("y", 1, t("(#(a) #(y 1) #(b))")), "#(value #(y 1) (#(a) #(b)))");
  is(l("keytake/3")("q", 1, t("(#(a))")), false);
  assert.equal(listToArray(l("seq/2")(1, 3)).length, 3);
});
