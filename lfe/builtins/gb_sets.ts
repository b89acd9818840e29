/**
 * The module `gb_sets` of OTP 25: general balanced trees of elements kept as OTP keeps them,
 * the tuple `{Size, Tree}` where `Tree` is `nil` or `{Element, Smaller, Bigger}`, built and
 * rebalanced by the same rules at the same moments as `gb_trees` (the shape a set prints with
 * is BEAM's), and set operations that choose, as OTP's do, between walking both sets in order
 * and looking each element up, by the sizes. Elements compare as `<` and `>` do (`1` and `1.0`
 * are one element). A term that is no set raises `function_clause`.
 *
 * @example
 * ```ts
 * import { GB_SETS } from "./gb_sets.ts";
 * import { list } from "../../runtime/terms.ts";
 * GB_SETS["from_list/1"]!(list(3, 1, 2)); // #(3 #(2 #(1 nil nil) #(3 nil nil)))
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { callFun, type Gen } from "./_coll.ts";
import { functionClause as fc, isFunOf, moduleTable, properArray } from "./_util.ts";
import { LISTS } from "./lists.ts";

/** A node: `nil`, or `[element, smaller, bigger]`. */
type Node = "nil" | [Term, Node, Node];

function node(t: Term): Node {
  if (t === "nil") return t;
  return Array.isArray(t) && t.length === 3 ? t as [Term, Node, Node] : fc();
}

/** The `{Size, Tree}` of `t`: `[size, tree]`, the tree unchecked until walked. */
function set(t: Term): [Term, Term] {
  return Array.isArray(t) && t.length === 2 ? [t[0] as Term, t[1] as Term] : fc();
}

function isMember1(x: Term, t: Term): boolean {
  let n = node(t);
  while (n !== "nil") {
    const c = compare(x, n[0]);
    if (c === 0) return true;
    n = node(c < 0 ? n[1] : n[2]);
  }
  return false;
}

function isMember(x: Term, s: Term): boolean {
  return isMember1(x, set(s)[1]);
}

function count(t: Node): [number, number] {
  if (t === "nil") return [1, 0];
  if (t[1] === "nil" && t[2] === "nil") return [1, 1];
  const [h1, s1] = count(node(t[1]));
  const [h2, s2] = count(node(t[2]));
  return [2 * Math.max(h1, h2), s1 + s2 + 1];
}

/** The result of inserting below: a tree, and its height and size while they are counted. */
type Inserted = { tree: Node; counted?: [number, number] };

function insert1(x: Term, t: Node, s: number): Inserted {
  if (t === "nil") {
    const leaf: Node = [x, "nil", "nil"];
    return s === 0 ? { tree: leaf, counted: [1, 1] } : { tree: leaf };
  }
  const c = compare(x, t[0]);
  if (c === 0) raiseError(["key_exists", x]);
  const left = c < 0;
  const sub = insert1(x, node(left ? t[1] : t[2]), s >> 1);
  const made: Node = left ? [t[0], sub.tree, t[2]] : [t[0], t[1], sub.tree];
  if (sub.counted === undefined) return { tree: made };
  const [h1, s1] = sub.counted;
  const [h2, s2] = count(node(left ? t[2] : t[1]));
  const h = 2 * Math.max(h1, h2);
  const ss = s1 + s2 + 1;
  return h > ss * ss ? { tree: balanceList(elements(made), ss) } : { tree: made, counted: [h, ss] };
}

function insert(x: Term, s: Term): Term {
  const [size, t] = set(s);
  const s1 = num(size) + 1;
  return [s1, insert1(x, node(t), s1 * s1).tree];
}

/** A size in arithmetic: `badarith` if it is no number, as OTP's `S + 1` gives. */
function num(x: Term): number {
  return typeof x === "number" ? x : raiseError("badarith");
}

/**
 * A size a tree is built to, as OTP's balancing takes it: a size above 1 that is no integer
 * fails in its arithmetic (`badarith`), a negative one matches no clause.
 */
function buildSize(s: Term): number {
  if (typeof s === "number" && Number.isInteger(s) && s >= 0) return s;
  return compare(s, 1) > 0 ? raiseError("badarith") : fc();
}

function elements(t: Term, out: Term[] = []): Term[] {
  const n = node(t);
  if (n === "nil") return out;
  elements(n[1], out);
  out.push(n[0]);
  elements(n[2], out);
  return out;
}

/** A balanced tree of the first `size` elements of `l` (in order). */
function balanceList(l: Term[], size: number): Node {
  let at = 0;
  const build = (s: number): Node => {
    if (s === 0) return "nil";
    if (s === 1) return [l[at++] ?? fc(), "nil", "nil"];
    const s2 = (s - 1) >> 1;
    const t1 = build(s - 1 - s2);
    const x = l[at++] ?? fc();
    return [x, t1, build(s2)];
  };
  return build(size);
}

/** A balanced tree of the first `size` elements of `l`, which is in reverse order. */
function balanceRevList(l: Term[], size: number): Node {
  let at = 0;
  const build = (s: number): Node => {
    if (s === 0) return "nil";
    if (s === 1) return [l[at++] ?? fc(), "nil", "nil"];
    const s2 = (s - 1) >> 1;
    const t2 = build(s - 1 - s2);
    const x = l[at++] ?? fc();
    return [x, build(s2), t2];
  };
  return build(size);
}

function fromOrdset(l: Term): Term {
  const xs = properArray(l) ?? raiseError("badarg");
  return [xs.length, balanceList(xs, xs.length)];
}

function fromList(l: Term): Term {
  return fromOrdset((LISTS["usort/1"] as (l: Term) => Term)(l));
}

function takeSmallest1(t: Term): [Term, Node] {
  const n = node(t);
  if (n === "nil") fc();
  if (n[1] === "nil") return [n[0], node(n[2])];
  const [x, rest] = takeSmallest1(n[1]);
  return [x, [n[0], rest, n[2]]];
}

function takeLargest1(t: Term): [Term, Node] {
  const n = node(t);
  if (n === "nil") fc();
  if (n[2] === "nil") return [n[0], node(n[1])];
  const [x, rest] = takeLargest1(n[2]);
  return [x, [n[0], n[1], rest]];
}

function delete1(x: Term, t: Term): Node {
  const n = node(t);
  if (n === "nil") fc();
  const c = compare(x, n[0]);
  if (c < 0) return [n[0], delete1(x, n[1]), n[2]];
  if (c > 0) return [n[0], n[1], delete1(x, n[2])];
  const smaller = node(n[1]), bigger = node(n[2]);
  if (bigger === "nil") return smaller;
  if (smaller === "nil") return bigger;
  const [k, rest] = takeSmallest1(bigger);
  return [k, smaller, rest];
}

function del(x: Term, s: Term): Term {
  const [size, t] = set(s);
  if (typeof size !== "number") raiseError("badarith");
  return [size - 1, delete1(x, t)];
}

function extreme(s: Term, largest: boolean): Term {
  let n = node(set(s)[1]);
  if (n === "nil") fc();
  for (let next = node(n[largest ? 2 : 1]); next !== "nil"; next = node(next[largest ? 2 : 1])) {
    n = next;
  }
  return n[0];
}

function takeEnd(s: Term, largest: boolean): Term {
  const [size, t] = set(s);
  const [x, rest] = largest ? takeLargest1(t) : takeSmallest1(t);
  if (typeof size !== "number") raiseError("badarith");
  return [x, [size - 1, rest]];
}

/** The iterator (a list, the stack of an in-order walk) from `t` down its smaller side. */
function descend(t: Term, as: Term): Term {
  let out = as;
  let n = node(t);
  while (n !== "nil") {
    out = new Cons(n, out);
    if (n[1] === "nil") break;
    n = node(n[1]);
  }
  return out;
}

function iteratorFrom(x: Term, t: Term): Term {
  let out: Term = null;
  let n = node(t);
  while (n !== "nil") {
    if (compare(n[0], x) < 0) {
      n = node(n[2]);
      continue;
    }
    out = new Cons(n, out);
    if (n[1] === "nil") break;
    n = node(n[1]);
  }
  return out;
}

function next(it: Term): Term {
  if (it === null) return "none";
  if (!(it instanceof Cons)) fc();
  const n = it.hd;
  if (!(Array.isArray(n) && n.length === 3)) fc();
  return [n[0] as Term, descend(n[2] as Term, it.tl)];
}

/**
 * OTP's rule for two sets' elements walked together rather than looked up one by one, with
 * its errors for sizes that are no numbers (`math:log` gives `badarg`).
 */
function walkBoth(n1: Term, n2: Term): boolean {
  if (compare(n2, 10) < 0) return true;
  if (typeof n2 !== "number") raiseError("badarg");
  return compare(n2, num(n1) * Math.round(1.46 * Math.log(n2))) < 0;
}

/** The smaller set's elements, its size, the other's tree and size, as OTP orders them. */
function bySize(a: Term, b: Term): [Term[], Term, Term, Term] {
  const [n1, t1] = set(a), [n2, t2] = set(b);
  return compare(n2, n1) < 0 ? [elements(t2), n2, t1, n1] : [elements(t1), n1, t2, n2];
}

function union(a: Term, b: Term): Term {
  const [xs, ln, bt, bn] = bySize(a, b);
  if (walkBoth(ln, bn)) {
    const ys = elements(bt);
    let size = num(ln) + num(bn);
    const acc: Term[] = [];
    let i = 0, j = 0;
    // As OTP's: the list whose head was larger leads from then on.
    let left = xs, right = ys;
    while (i < left.length && j < right.length) {
      const c = compare(left[i] as Term, right[j] as Term);
      if (c < 0) acc.push(left[i++] as Term);
      else if (c > 0) {
        acc.push(right[j++] as Term);
        [left, right] = [right, left];
        [i, j] = [j, i];
      } else {
        acc.push(left[i++] as Term);
        j++;
        size--;
      }
    }
    for (; i < left.length; i++) acc.push(left[i] as Term);
    for (; j < right.length; j++) acc.push(right[j] as Term);
    acc.reverse();
    return [size, balanceRevList(acc, buildSize(size))];
  }
  let s: Term = [bn, bt];
  for (const x of xs) if (!isMember(x, s)) s = insert(x, s);
  return s;
}

function intersection(a: Term, b: Term): Term {
  const [xs, ln, bt, bn] = bySize(a, b);
  const acc: Term[] = [];
  if (walkBoth(ln, bn)) {
    let left = xs, right = elements(bt);
    let i = 0, j = 0;
    while (i < left.length && j < right.length) {
      const c = compare(left[i] as Term, right[j] as Term);
      if (c < 0) i++;
      else if (c > 0) {
        j++;
        [left, right] = [right, left];
        [i, j] = [j, i];
      } else {
        acc.push(left[i++] as Term);
        j++;
      }
    }
  } else for (const x of xs) if (isMember1(x, bt)) acc.push(x);
  acc.reverse();
  return [acc.length, balanceRevList(acc, acc.length)];
}

function difference(a: Term, b: Term): Term {
  const [n1, t1] = set(a), [n2, t2] = set(b);
  const xs = elements(t1);
  const acc: Term[] = [];
  if (walkBoth(n1, n2)) {
    const ys = elements(t2);
    let size: Term = n1;
    let i = 0, j = 0;
    while (i < xs.length && j < ys.length) {
      const c = compare(xs[i] as Term, ys[j] as Term);
      if (c < 0) acc.push(xs[i++] as Term);
      else if (c > 0) j++;
      else {
        i++;
        j++;
        size = num(size) - 1;
      }
    }
    for (; i < xs.length; i++) acc.push(xs[i] as Term);
    acc.reverse();
    return [size, balanceRevList(acc, buildSize(size))];
  }
  for (const x of xs) if (!isMember1(x, t2)) acc.push(x);
  acc.reverse();
  return [acc.length, balanceRevList(acc, acc.length)];
}

function isSubset(a: Term, b: Term): boolean {
  const [n1, t1] = set(a), [n2, t2] = set(b);
  const xs = elements(t1);
  if (!walkBoth(n1, n2)) return xs.every((x) => isMember1(x, t2));
  const ys = elements(t2);
  let j = 0;
  for (const x of xs) {
    for (;;) {
      if (j >= ys.length) return false;
      const c = compare(x, ys[j] as Term);
      if (c < 0) return false;
      j++;
      if (c === 0) break;
    }
  }
  return true;
}

function isDisjoint(a: Term, b: Term): boolean {
  const [n1, t1] = set(a), [n2, t2] = set(b);
  const [small, big] = compare(n1, n2) < 0 ? [t1, t2] : [t2, t1];
  return !elements(small).some((x) => isMember1(x, big));
}

function setList(l: Term, op: (a: Term, b: Term) => Term): Term {
  const ss = properArray(l) ?? fc();
  if (ss.length === 0) fc();
  return ss.slice(1).reduce((acc, s) => op(acc, s), ss[0] as Term);
}

function isSet(t: Term): boolean {
  if (!(Array.isArray(t) && t.length === 2)) return false;
  const [n, tr] = t as [Term, Term];
  if (n === 0 && tr === "nil") return true;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && Array.isArray(tr) &&
    tr.length === 3;
}

function* fold1(f: Term, acc: Term, t: Term): Gen<Term> {
  const n = Array.isArray(t) && t.length === 3 ? t as [Term, Term, Term] : undefined;
  if (n === undefined) return acc;
  const a1 = yield* fold1(f, acc, n[1]);
  const a2 = yield* callFun(f, n[0], a1);
  return yield* fold1(f, a2, n[2]);
}

/** The functions of `gb_sets`, by `name/arity`. */
export const GB_SETS: ModuleFunctions = moduleTable("gb_sets", {
  "empty/0": () => [0, "nil"],
  "new/0": () => [0, "nil"],
  "is_empty/1": (s: Term) => Array.isArray(s) && s.length === 2 && s[0] === 0 && s[1] === "nil",
  "size/1": (s: Term) => set(s)[0],
  "singleton/1": (x: Term) => [1, [x, "nil", "nil"]],
  "is_element/2": isMember,
  "is_member/2": isMember,
  "insert/2": insert,
  "add/2": (x: Term, s: Term) => isMember(x, s) ? s : insert(x, s),
  "add_element/2": (x: Term, s: Term) => isMember(x, s) ? s : insert(x, s),
  "balance/1": (s: Term) => {
    const [n, t] = set(s);
    return [n, balanceList(elements(t), buildSize(n))];
  },
  "from_list/1": fromList,
  "from_ordset/1": fromOrdset,
  "delete/2": del,
  "delete_any/2": (x: Term, s: Term) => isMember(x, s) ? del(x, s) : s,
  "del_element/2": (x: Term, s: Term) => isMember(x, s) ? del(x, s) : s,
  "take_smallest/1": (s: Term) => takeEnd(s, false),
  "take_largest/1": (s: Term) => takeEnd(s, true),
  "smallest/1": (s: Term) => extreme(s, false),
  "largest/1": (s: Term) => extreme(s, true),
  "to_list/1": (s: Term) => arrayToList(elements(set(s)[1])),
  "iterator/1": (s: Term) => descend(set(s)[1], null),
  "iterator_from/2": (x: Term, s: Term) => iteratorFrom(x, set(s)[1]),
  "next/1": next,
  "union/2": union,
  "union/1": (l: Term) => properArray(l)?.length === 0 ? [0, "nil"] : setList(l, union),
  "intersection/2": intersection,
  "intersection/1": (l: Term) => setList(l, intersection),
  "difference/2": difference,
  "subtract/2": difference,
  "is_subset/2": isSubset,
  "is_disjoint/2": isDisjoint,
  "is_set/1": isSet,
  "filter/2": function* (f: Term, s: Term) {
    if (!isFunOf(f, 1)) fc();
    const kept: Term[] = [];
    for (const x of elements(set(s)[1])) {
      // A filter of a list comprehension, as OTP's is.
      const v = yield* callFun(f, x);
      if (v === true) kept.push(x);
      else if (v !== false) raiseError(["bad_filter", v]);
    }
    return [kept.length, balanceList(kept, kept.length)];
  },
  "fold/3": function* (f: Term, acc: Term, s: Term) {
    if (!isFunOf(f, 2)) fc();
    return yield* fold1(f, acc, set(s)[1]);
  },
});
