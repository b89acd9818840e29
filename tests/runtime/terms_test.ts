import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  arrayToList,
  atom,
  atomName,
  binary,
  charlist,
  charlistToString,
  Cons,
  Float,
  float,
  funInfo,
  isAtom,
  isFun,
  isInteger,
  isList,
  isNumber,
  isTuple,
  list,
  listToArray,
  nameFun,
  normInt,
  Pid,
  Ref,
  type Term,
  TermMap,
  tuple,
  whyNotTerm,
} from "../../runtime/terms.ts";

Deno.test("float() boxes a number so that 2.0 stays apart from 2", () => {
  const two = float(2);
  ok(two instanceof Float);
  strictEqual(two.value, 2);
  throws(() => float(NaN), RangeError);
  throws(() => float(Infinity), /Cannot make a float of Infinity: not finite/);
});

Deno.test("list() and arrayToList() build cons cells ending in [] or the given tail", () => {
  strictEqual(list(), null);
  const l = list(1, 2) as Cons;
  strictEqual(l.hd, 1);
  strictEqual((l.tl as Cons).hd, 2);
  strictEqual((l.tl as Cons).tl, null);
  const dotted = arrayToList(["a"], "b") as Cons;
  strictEqual(dotted.hd, "a");
  strictEqual(dotted.tl, "b");
  strictEqual(arrayToList([], "t"), "t");
});

Deno.test("listToArray() gives the elements of a proper list and refuses an improper one", () => {
  deepStrictEqual(listToArray(list(1, "a", [])), [1, "a", []]);
  deepStrictEqual(listToArray(null), []);
  throws(() => listToArray(new Cons(1, 2)), TypeError);
});

Deno.test("charlist() makes a list of code points, and charlistToString() reads it back", () => {
  deepStrictEqual(listToArray(charlist("a😀é")), [97, 0x1f600, 233]);
  strictEqual(charlist(""), null);
  strictEqual(charlistToString(charlist("a😀é")), "a😀é");
  strictEqual(charlistToString(null), "");
  strictEqual(charlistToString(list(0xd800)), undefined);
  strictEqual(charlistToString(list(0x110000)), undefined);
  strictEqual(charlistToString(list("a")), undefined);
  strictEqual(charlistToString(new Cons(97, 98)), undefined);
});

Deno.test("atom() makes the atoms true and false booleans, and atomName() names them", () => {
  strictEqual(atom("true"), true);
  strictEqual(atom("false"), false);
  strictEqual(atom("ok"), "ok");
  strictEqual(atomName(true), "true");
  strictEqual(atomName(false), "false");
  strictEqual(atomName("ok"), "ok");
});

Deno.test("tuple() and binary() make tuples and binaries", () => {
  deepStrictEqual(tuple("ping", 1), ["ping", 1]);
  deepStrictEqual(binary("é"), Uint8Array.from([0xc3, 0xa9]));
  const source = [1, 2, 3];
  const b = binary(source);
  source[0] = 9;
  deepStrictEqual(b, Uint8Array.from([1, 2, 3]));
});

Deno.test("Pid and Ref keep their node, numbers and creation", () => {
  const p = new Pid("a@host", 41, 2, 7);
  deepStrictEqual([p.node, p.id, p.serial, p.creation], ["a@host", 41, 2, 7]);
  const r = new Ref("a@host", 3, [1, 2, 3]);
  deepStrictEqual([r.node, r.creation, r.ids], ["a@host", 3, [1, 2, 3]]);
});

Deno.test("funInfo() gives a named fun's module, name and arity, and a JS function's own", () => {
  const f = nameFun((_x: number) => 0, { module: "lists", name: "map", arity: 2 });
  deepStrictEqual(funInfo(f), { module: "lists", name: "map", arity: 2 });
  function plain(_a: unknown) {}
  deepStrictEqual(funInfo(plain), { module: "js", name: "plain", arity: 1 });
});

Deno.test("TermMap is immutable: put() and remove() give new maps", () => {
  const m = new TermMap([["a", 1]]);
  const m2 = m.put("b", 2);
  const m3 = m2.remove("a");
  deepStrictEqual(m.entries(), [["a", 1]]);
  deepStrictEqual(m2.entries(), [["a", 1], ["b", 2]]);
  deepStrictEqual(m3.entries(), [["b", 2]]);
  strictEqual(m2.size, 2);
  strictEqual(m2.get("b"), 2);
  strictEqual(m2.get("c"), undefined);
  strictEqual(m.put("a", 3).get("a"), 3);
});

Deno.test("TermMap matches keys exactly: 1 and 1.0 differ, 0.0 and -0.0 do not (OTP 25)", () => {
  const m = new TermMap([[1, "int"], [float(1), "float"], [float(0), "zero"]]);
  strictEqual(m.size, 3);
  strictEqual(m.get(1), "int");
  strictEqual(m.get(float(1)), "float");
  strictEqual(m.get(float(0)), "zero");
  strictEqual(m.get(float(-0)), "zero");
  strictEqual(m.has("1"), false);
});

Deno.test("TermMap finds compound keys by value", () => {
  const key = () => ["k", list(1, float(2)), binary([1]), new Pid("a@h", 1, 0, 1)];
  const m = new TermMap([[key(), "v"]]);
  strictEqual(m.get(key()), "v");
  strictEqual(m.get(["k", list(1, 2), binary([1]), new Pid("a@h", 1, 0, 1)]), undefined);
});

Deno.test("TermMap finds a map key whatever order that map's keys were put in", () => {
  const a = new TermMap([["x", 1], ["y", 2]]);
  const b = new TermMap([["y", 2], ["x", 1]]);
  const m = new TermMap([[a, "found"]]);
  strictEqual(m.get(b), "found");
  strictEqual(new TermMap([[a, 1], [b, 2]]).size, 1);
});

Deno.test("the is... predicates tell the kinds apart", () => {
  ok(isAtom("a") && isAtom(true) && !isAtom(1));
  ok(isInteger(1) && isInteger(2n ** 64n) && !isInteger(1.5) && !isInteger(float(1)));
  ok(isNumber(float(1)) && isNumber(1) && !isNumber("1"));
  ok(isTuple([]) && !isTuple(list(1)));
  ok(isList(null) && isList(new Cons(1, 2)) && !isList([]));
  ok(isFun(() => 1) && !isFun("f"));
});

Deno.test("normInt() turns a bigint within the safe range into a number", () => {
  strictEqual(normInt(5n), 5);
  strictEqual(normInt(-(2n ** 53n) + 1n), Number.MIN_SAFE_INTEGER);
  strictEqual(normInt(2n ** 53n), 2n ** 53n);
});

Deno.test("whyNotTerm() accepts every kind of term", () => {
  const terms: Term[] = [
    "a",
    true,
    1,
    2n ** 70n,
    float(0.5),
    ["t", list(1, [2])],
    new Cons(1, 2),
    binary([1]),
    new TermMap([[["k"], list(float(1))]]),
    new Pid("a@h", 1, 0, 1),
    new Ref("a@h", 1, [1]),
    () => 1,
    null,
  ];
  for (const t of terms) strictEqual(whyNotTerm(t), undefined);
});

Deno.test("whyNotTerm() says why a value is not a term", () => {
  const cases: [unknown, string][] = [
    [undefined, "undefined is not a term"],
    [1.5, "the number 1.5 is not an integer: use float(1.5) for a float"],
    [2 ** 60, "the number 1152921504606847000 is beyond 2^53: use a bigint"],
    [NaN, "the number NaN is not an integer: use float(NaN) for a float"],
    [Symbol("s"), "the symbol Symbol(s) is not a term"],
    [{}, "a Object object is not a term"],
    [["ok", new Map()], "a Map object is not a term"],
    [list(1, new Date(0) as unknown as Term), "a Date object is not a term"],
    [new TermMap([["k", [undefined as unknown as Term]]]), "undefined is not a term"],
    [new Cons(1, undefined as unknown as Term), "undefined is not a term"],
    [new Array(2), "undefined is not a term"],
  ];
  for (const [value, why] of cases) strictEqual(whyNotTerm(value), why);
});

Deno.test("whyNotTerm() checks a term nested 10,000 deep and refuses one deeper", () => {
  const nest = (n: number) => {
    let t: Term = [float(1)];
    for (let i = 0; i < n; i++) t = i % 2 ? [t] : list(t);
    return t;
  };
  strictEqual(whyNotTerm(nest(9_999)), undefined);
  strictEqual(whyNotTerm(nest(10_000)), "it is nested too deeply");
  strictEqual(whyNotTerm(nest(100_000)), "it is nested too deeply");
});
