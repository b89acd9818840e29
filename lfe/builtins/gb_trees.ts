/**
 * The module `gb_trees` of OTP 25: general balanced trees kept as OTP keeps them, the tuple
 * `{Size, Tree}` where `Tree` is `nil` or `{Key, Value, Smaller, Bigger}`, rebalanced by the
 * same rule at the same moments (a path longer than the square of the size, counted down from
 * the top) so that a tree prints, lists and iterates as on BEAM. Keys compare as `<` and `>`
 * do (`1` and `1.0` are the same key). A term that is no tree raises `function_clause`.
 *
 * @example
 * ```ts
 * import { GB_TREES } from "./gb_trees.ts";
 * const t = GB_TREES["insert/3"]!(1, "a", GB_TREES["empty/0"]!()); // #(1 #(1 a nil nil))
 * GB_TREES["lookup/2"]!(1, t); // #(value a)
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { arrayToList, type Term } from "../../runtime/terms.ts";
import { callFun, type Gen } from "./_coll.ts";
import { functionClause as fc, isFunOf, moduleTable, properArray } from "./_util.ts";

/** A node: `nil`, or `[key, value, smaller, bigger]`. */
type Node = "nil" | [Term, Term, Node, Node];

function node(t: Term): Node {
  if (t === "nil") return t;
  return Array.isArray(t) && t.length === 4 ? t as [Term, Term, Node, Node] : fc();
}

/** The `{Size, Tree}` of `t`: `[size, tree]`, the tree unchecked until walked. */
function tree(t: Term): [Term, Term] {
  return Array.isArray(t) && t.length === 2 ? [t[0] as Term, t[1] as Term] : fc();
}

/** The size of `t`, which must be a non-negative integer. */
function sized(t: Term): [number, Term] {
  const [s, n] = tree(t);
  return typeof s === "number" && s >= 0 ? [s, n] : fc();
}

function lookupNode(key: Term, t: Term): Node {
  let n = node(t);
  while (n !== "nil") {
    const c = compare(key, n[0]);
    if (c === 0) return n;
    n = node(c < 0 ? n[2] : n[3]);
  }
  return n;
}

function count(t: Node): [number, number] {
  if (t === "nil") return [1, 0];
  if (t[2] === "nil" && t[3] === "nil") return [1, 1];
  const [h1, s1] = count(node(t[2]));
  const [h2, s2] = count(node(t[3]));
  return [2 * Math.max(h1, h2), s1 + s2 + 1];
}

/** The result of inserting below: a tree, or `[tree, height, size]` while counting. */
type Inserted = { tree: Node; counted?: [number, number] };

function insert1(key: Term, value: Term, t: Node, s: number): Inserted {
  if (t === "nil") {
    const leaf: Node = [key, value, "nil", "nil"];
    return s === 0 ? { tree: leaf, counted: [1, 1] } : { tree: leaf };
  }
  const c = compare(key, t[0]);
  if (c === 0) raiseError(["key_exists", key]);
  const left = c < 0;
  const sub = insert1(key, value, node(left ? t[2] : t[3]), s >> 1);
  const made: Node = left ? [t[0], t[1], sub.tree, t[3]] : [t[0], t[1], t[2], sub.tree];
  if (sub.counted === undefined) return { tree: made };
  const [h1, s1] = sub.counted;
  const [h2, s2] = count(node(left ? t[3] : t[2]));
  const h = 2 * Math.max(h1, h2);
  const ss = s1 + s2 + 1;
  return h > ss * ss ? { tree: balanceTree(made, ss) } : { tree: made, counted: [h, ss] };
}

function insert(key: Term, value: Term, t: Term): Term {
  const [s, n] = tree(t);
  if (typeof s !== "number") fc();
  const s1 = s + 1;
  return [s1, insert1(key, value, node(n), s1 * s1).tree];
}

function entries(t: Term, out: [Term, Term][] = []): [Term, Term][] {
  const n = node(t);
  if (n === "nil") return out;
  entries(n[2], out);
  out.push([n[0], n[1]]);
  entries(n[3], out);
  return out;
}

/** A balanced tree of the first `size` entries of `l` from `at`: `[tree, next index]`. */
function balanceList(l: Term[][], at: number, size: number): [Node, number] {
  if (size === 0) return ["nil", at];
  if (size === 1) {
    const e = l[at] ?? fc();
    return [[e[0] as Term, e[1] as Term, "nil", "nil"], at + 1];
  }
  const s2 = (size - 1) >> 1;
  const [t1, i] = balanceList(l, at, size - 1 - s2);
  const e = l[i] ?? fc();
  const [t2, j] = balanceList(l, i + 1, s2);
  return [[e[0] as Term, e[1] as Term, t1, t2], j];
}

function balanceTree(t: Node, size: number): Node {
  return balanceList(entries(t), 0, size)[0];
}

function fromOrddict(l: Term): Term {
  const xs = properArray(l) ?? raiseError("badarg");
  const pairs = xs.map((x) => Array.isArray(x) && x.length === 2 ? x : fc());
  const [t, used] = balanceList(pairs, 0, xs.length);
  return used === xs.length ? [xs.length, t] : fc();
}

function update1(key: Term, value: Term, t: Term): Node {
  const n = node(t);
  if (n === "nil") fc();
  const c = compare(key, n[0]);
  if (c < 0) return [n[0], n[1], update1(key, value, n[2]), n[3]];
  if (c > 0) return [n[0], n[1], n[2], update1(key, value, n[3])];
  return [key, value, n[2], n[3]];
}

function update(key: Term, value: Term, t: Term): Term {
  const [s, n] = tree(t);
  return [s, update1(key, value, n)];
}

function isDefined(key: Term, t: Term): boolean {
  return lookupNode(key, tree(t)[1]) !== "nil";
}

/** Takes the smallest entry: `[key, value, rest]`. */
function takeSmallest1(t: Term): [Term, Term, Node] {
  const n = node(t);
  if (n === "nil") fc();
  if (n[2] === "nil") return [n[0], n[1], node(n[3])];
  const [k, v, rest] = takeSmallest1(n[2]);
  return [k, v, [n[0], n[1], rest, n[3]]];
}

function takeLargest1(t: Term): [Term, Term, Node] {
  const n = node(t);
  if (n === "nil") fc();
  if (n[3] === "nil") return [n[0], n[1], node(n[2])];
  const [k, v, rest] = takeLargest1(n[3]);
  return [k, v, [n[0], n[1], n[2], rest]];
}

function merge(smaller: Node, larger: Node): Node {
  if (larger === "nil") return smaller;
  if (smaller === "nil") return larger;
  const [k, v, rest] = takeSmallest1(larger);
  return [k, v, smaller, rest];
}

/** Removes `key` (which must be there): `[value, rest]`. */
function take1(key: Term, t: Term): [Term, Node] {
  const n = node(t);
  if (n === "nil") fc();
  const c = compare(key, n[0]);
  if (c < 0) {
    const [v, rest] = take1(key, n[2]);
    return [v, [n[0], n[1], rest, n[3]]];
  }
  if (c > 0) {
    const [v, rest] = take1(key, n[3]);
    return [v, [n[0], n[1], n[2], rest]];
  }
  return [n[1], merge(node(n[2]), node(n[3]))];
}

function take(key: Term, t: Term): Term {
  const [s, n] = sized(t);
  const [v, rest] = take1(key, n);
  return [v, [s - 1, rest]];
}

function del(key: Term, t: Term): Term {
  const [s, n] = sized(t);
  return [s - 1, take1(key, n)[1]];
}

function extreme(t: Term, largest: boolean): Term {
  let n = node(tree(t)[1]);
  if (n === "nil") fc();
  for (let next = node(n[largest ? 3 : 2]); next !== "nil"; next = node(next[largest ? 3 : 2])) {
    n = next;
  }
  return [n[0], n[1]];
}

function takeEnd(t: Term, largest: boolean): Term {
  const [s, n] = sized(t);
  const [k, v, rest] = largest ? takeLargest1(n) : takeSmallest1(n);
  return [k, v, [s - 1, rest]];
}

/** The iterator stack from `t` down its smaller side, on top of `as`. */
function descend(t: Term, as: Term): Term {
  let out = as;
  let n = node(t);
  while (n !== "nil") {
    out = arrayToList([n], out);
    if (n[2] === "nil") break;
    n = node(n[2]);
  }
  return out;
}

function iteratorFrom(key: Term, t: Term, as: Term): Term {
  let out = as;
  let n = node(t);
  while (n !== "nil") {
    if (compare(n[0], key) < 0) {
      n = node(n[3]);
      continue;
    }
    out = arrayToList([n], out);
    if (n[2] === "nil") break;
    n = node(n[2]);
  }
  return out;
}

function next(it: Term): Term {
  if (it === null) return "none";
  const [top, ...rest] = properArrayHead(it);
  const n = Array.isArray(top) && top.length === 4 ? top : fc();
  return [n[0] as Term, n[1] as Term, descend(n[3] as Term, rest[0] as Term)];
}

/** The head and tail of a cons cell; `function_clause` for anything else. */
function properArrayHead(it: Term): [Term, Term] {
  if (it === null || typeof it !== "object" || !("hd" in it)) return fc();
  return [it.hd, it.tl];
}

function* map1(f: Term, t: Term): Gen<Node> {
  const n = node(t);
  if (n === "nil") return n;
  const v = yield* callFun(f, n[0], n[1]);
  return [n[0], v, yield* map1(f, n[2]), yield* map1(f, n[3])];
}

/** The functions of `gb_trees`, by `name/arity`. */
export const GB_TREES: ModuleFunctions = moduleTable("gb_trees", {
  "empty/0": () => [0, "nil"],
  "is_empty/1": (t: Term) => Array.isArray(t) && t.length === 2 && t[0] === 0 && t[1] === "nil",
  "size/1": (t: Term) => sized(t)[0],
  "lookup/2": (k: Term, t: Term) => {
    const n = lookupNode(k, tree(t)[1]);
    return n === "nil" ? "none" : ["value", n[1]];
  },
  "is_defined/2": isDefined,
  "get/2": (k: Term, t: Term) => {
    const n = lookupNode(k, tree(t)[1]);
    return n === "nil" ? fc() : n[1];
  },
  "update/3": update,
  "insert/3": insert,
  "enter/3": (k: Term, v: Term, t: Term) => isDefined(k, t) ? update(k, v, t) : insert(k, v, t),
  "balance/1": (t: Term) => {
    const [s, n] = tree(t);
    return [s, balanceTree(node(n), typeof s === "number" ? s : fc())];
  },
  "from_orddict/1": fromOrddict,
  "delete/2": del,
  "delete_any/2": (k: Term, t: Term) => isDefined(k, t) ? del(k, t) : t,
  "take/2": take,
  "take_any/2": (k: Term, t: Term) => isDefined(k, t) ? take(k, t) : "error",
  "take_smallest/1": (t: Term) => takeEnd(t, false),
  "take_largest/1": (t: Term) => takeEnd(t, true),
  "smallest/1": (t: Term) => extreme(t, false),
  "largest/1": (t: Term) => extreme(t, true),
  "to_list/1": (t: Term) => arrayToList(entries(tree(t)[1])),
  "keys/1": (t: Term) => arrayToList(entries(tree(t)[1]).map((e) => e[0])),
  "values/1": (t: Term) => arrayToList(entries(tree(t)[1]).map((e) => e[1])),
  "iterator/1": (t: Term) => descend(tree(t)[1], null),
  "iterator_from/2": (k: Term, t: Term) => iteratorFrom(k, tree(t)[1], null),
  "next/1": next,
  "map/2": function* (f: Term, t: Term) {
    const [s, n] = tree(t);
    if (!isFunOf(f, 2)) fc();
    return [s, yield* map1(f, n)];
  },
});
