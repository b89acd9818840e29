/**
 * Where an order is not obvious, the expected answer is what erl (OTP 25) gave for the same
 * terms, built with binary_to_term for pids and references of other nodes.
 */

import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { arithEq, compare, exactEq, orderedEntries } from "../../runtime/term_order.ts";
import {
  arrayToList,
  binary,
  charlist,
  Cons,
  float,
  list,
  nameFun,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { makeGen } from "./_gen.ts";

const f1 = nameFun(() => 1, { module: "m", name: "f", arity: 0 });
const f2 = nameFun(() => 2, { module: "m", name: "g", arity: 0 });

/** Asserts that the terms are in strictly ascending order, pair by pair both ways. */
function ascending(...terms: Term[]): void {
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i] as Term, b = terms[i + 1] as Term;
    strictEqual(compare(a, b), -1, `compare(#${i}, #${i + 1})`);
    strictEqual(compare(b, a), 1, `compare(#${i + 1}, #${i})`);
  }
}

Deno.test("compare() orders the kinds number < atom < reference < fun < port < pid < tuple < map < nil < list < binary", () => {
  ascending(
    2n ** 80n,
    "a",
    new Ref("a@h", 1, [1, 2, 3]),
    f1,
    new Port("a@h", 1, 1),
    new Pid("a@h", 1, 0, 1),
    ["a"],
    new TermMap(),
    null,
    list(1),
    binary([]),
  );
});

Deno.test("compare() orders integers and floats by value, exactly beyond 2^53", () => {
  ascending(float(-1e30), -(2n ** 70n), -1, float(-0.5), 0, float(0.5), 1, float(1.5), 2);
  ascending(float(2 ** 53), 2n ** 53n + 1n);
  ascending(2n ** 64n, 2n ** 64n + 1n, float(1e20));
  strictEqual(compare(2n ** 64n, float(2 ** 64)), 0);
  strictEqual(compare(1, float(1)), 0);
  strictEqual(compare(float(-0), float(0)), 0);
});

Deno.test("compare() orders atoms by code point, false before true", () => {
  ascending("", "a", "ab", "b", "z", "é", "\uffff", "\u{10000}");
  ascending("\ufffd", "\u{10000}");
  ascending(false, "ok", true);
  strictEqual(compare("true", true), 0);
});

Deno.test("compare() orders tuples by size, then element by element", () => {
  ascending([], [9], [1, 1], [1, 2], [2, 0], [0, 0, 0]);
});

Deno.test("compare() orders lists element by element, comparing an improper tail as a term", () => {
  ascending(null, list(1), list(1, 2), list(2));
  ascending(new Cons("a", 1), new Cons("a", "b"), new Cons("a", "c"), list("a"), list("a", "b"));
  ascending(arrayToList([1, 2], "z"), list(1, 2), list(1, 2, 3));
});

Deno.test("compare() orders binaries bytewise, then by length", () => {
  ascending(binary([]), binary([1, 2]), binary([1, 2, 0]), binary([2]));
});

Deno.test("compare() orders maps by size, then keys with every integer before every float, then values", () => {
  ascending(new TermMap(), new TermMap([["a", 2]]), new TermMap([["b", 1]]));
  ascending(new TermMap([[1, "b"]]), new TermMap([[float(1), "a"]]));
  ascending(new TermMap([[2, "a"]]), new TermMap([[float(1), "a"]]));
  ascending(new TermMap([["a", 1], ["b", 2]]), new TermMap([["a", 2], ["b", 1]]));
  ascending(new TermMap([["z", 0]]), new TermMap([["a", 0], ["b", 0]]));
  strictEqual(compare(new TermMap([["a", 1]]), new TermMap([["a", float(1)]])), 0);
});

Deno.test("compare() orders pids by serial, then id, then node name and creation", () => {
  ascending(new Pid("a@h", 6, 0, 1), new Pid("a@h", 5, 1, 1));
  ascending(new Pid("b@h", 1, 0, 1), new Pid("a@h", 2, 0, 1));
  ascending(new Pid("a@h", 1, 0, 1), new Pid("b@h", 1, 0, 1));
  ascending(new Pid("a@h", 1, 0, 3), new Pid("a@h", 2, 0, 2));
  ascending(new Pid("a@h", 1, 0, 2), new Pid("a@h", 1, 0, 3));
});

Deno.test("compare() orders references by node and creation first, then ids, most significant first", () => {
  ascending(new Ref("a@h", 1, [0, 0, 2]), new Ref("b@h", 1, [0, 0, 1]));
  ascending(new Ref("a@h", 1, [5, 0, 0]), new Ref("a@h", 2, [1, 0, 0]));
  ascending(new Ref("a@h", 1, [0, 0, 2]), new Ref("a@h", 1, [1, 0, 1]));
  // A shorter list of ids counts as padded with zeros in front.
  ascending(new Ref("a@h", 1, [0, 0, 0, 1]), new Ref("a@h", 1, [0, 0, 5]));
  ascending(new Ref("a@h", 1, [0, 0, 5]), new Ref("a@h", 1, [1, 0, 0, 1]));
  strictEqual(compare(new Ref("a@h", 1, [0, 7]), new Ref("a@h", 1, [7])), 0);
});

Deno.test("compare() orders a BEAM node's ports by node, creation, then id, as erl does", () => {
  ascending(
    new Port("a@h", 1, 1),
    new Port("a@h", 2, 1),
    new Port("a@h", 1, 2),
    new Port("a@h", 1, 3),
    new Port("b@h", 1, 1),
  );
  strictEqual(compare(new Port("a@h", 4, 1), new Port("a@h", 4, 1)), 0);
});

Deno.test("compare() orders funs by module, name and arity, and distinct funs apart", () => {
  ascending(f1, f2);
  const twin = nameFun(() => 1, { module: "m", name: "f", arity: 0 });
  strictEqual(Math.abs(compare(f1, twin)), 1);
  strictEqual(compare(f1, twin) + compare(twin, f1), 0);
  strictEqual(compare(f1, f1), 0);
});

Deno.test("exactEq() tells 1 from 1.0 but not 0.0 from -0.0, as =:= does in OTP 25", () => {
  strictEqual(exactEq(1, float(1)), false);
  strictEqual(exactEq(float(0), float(-0)), true);
  strictEqual(exactEq(float(2), float(2)), true);
  strictEqual(exactEq([1, list(float(1))], [1, list(float(1))]), true);
  strictEqual(exactEq([1, list(float(1))], [1, list(1)]), false);
  strictEqual(exactEq(new TermMap([["a", 1]]), new TermMap([["a", float(1)]])), false);
  strictEqual(exactEq(2n ** 64n, 2n ** 64n), true);
});

Deno.test("arithEq() compares numbers by value, as == does", () => {
  strictEqual(arithEq(1, float(1)), true);
  strictEqual(arithEq(float(0), float(-0)), true);
  strictEqual(arithEq([1, list(float(1))], [float(1), list(1)]), true);
  strictEqual(arithEq(new TermMap([["a", 1]]), new TermMap([["a", float(1)]])), true);
  // Keys still match exactly, so these maps differ.
  strictEqual(arithEq(new TermMap([[1, "a"]]), new TermMap([[float(1), "a"]])), false);
  strictEqual(arithEq(1, 2), false);
  strictEqual(arithEq("a", "b"), false);
});

Deno.test("exactEq() finds maps equal whatever order their keys were put in", () => {
  const a = new TermMap([["x", 1], [["k"], list(2)], [float(1), 3]]);
  const b = new TermMap([[float(1), 3], [["k"], list(2)], ["x", 1]]);
  strictEqual(exactEq(a, b), true);
  strictEqual(compare(a, b), 0);
});

Deno.test("orderedEntries() gives a map's entries in the order of its keys", () => {
  const m = new TermMap(
    [[float(1.5), "a"], [float(0), "b"], [2, "c"], [float(-0), "d"], [0, "e"], ["k", "f"], [
      1,
      "g",
    ]],
  );
  // 0.0 and -0.0 are one key in OTP 25: the later value is kept.
  deepStrictEqual(orderedEntries(m).map(([, v]) => v), ["e", "g", "c", "d", "a", "f"]);
});

Deno.test("compare() is a total order on random terms: reflexive, antisymmetric, transitive", () => {
  const gen = makeGen(7);
  const terms = Array.from({ length: 600 }, () => gen.term());
  for (const t of terms) strictEqual(compare(t, t), 0);
  const sorted = [...terms].sort(compare);
  for (let i = 0; i + 1 < sorted.length; i++) {
    ok(compare(sorted[i] as Term, sorted[i + 1] as Term) <= 0, `sorted at ${i}`);
  }
  for (let i = 0; i < 3000; i++) {
    const a = terms[gen.int(terms.length)] as Term, b = terms[gen.int(terms.length)] as Term;
    const c = terms[gen.int(terms.length)] as Term;
    strictEqual(compare(a, b) + compare(b, a), 0);
    if (compare(a, b) <= 0 && compare(b, c) <= 0) ok(compare(a, c) <= 0);
    if (exactEq(a, b)) strictEqual(compare(a, b), 0);
  }
});

Deno.test("compare() and exactEq() handle a term nested 10,000 deep and a list of a million", () => {
  const deep = (leaf: Term) => {
    let t = leaf;
    for (let i = 0; i < 10_000; i++) t = [list(t)];
    return t;
  };
  strictEqual(exactEq(deep("x"), deep("x")), true);
  strictEqual(compare(deep("x"), deep("y")), -1);
  const long = (last: number) => arrayToList([...Array.from({ length: 1_000_000 }, () => 0), last]);
  strictEqual(compare(long(1), long(2)), -1);
  strictEqual(exactEq(charlist("same"), charlist("same")), true);
});
