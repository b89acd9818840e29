/**
 * The module `sets` of OTP 25, both versions: version 1, the default, is the record
 * `{set, Size, N, MaxN, BSO, ExpSize, ConSize, Empty, Segs}` (a linear hash table placed by
 * `erlang:phash/2`, so it prints and lists its elements as on BEAM); version 2
 * (`(sets:new '(#(version 2)))`) is a map of the elements to `[]`. Functions of two sets take
 * sets of either version. Elements match exactly (`1` and `1.0` differ). A term that is no set
 * raises `function_clause`.
 *
 * @example
 * ```ts
 * import { SETS } from "./sets.ts";
 * import { list } from "../../runtime/terms.ts";
 * const s = SETS["from_list/1"]!(list("a", "b", "a"));
 * SETS["size/1"]!(s); // 2
 * SETS["is_element/2"]!("b", s); // true
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { exactEq, orderedEntries } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { callFun, type Gen, predicate } from "./_coll.ts";
import {
  foldOrder,
  getBucket,
  grow,
  newTable,
  putBucket,
  readTable,
  shrink,
  slotOf,
  type Table,
  writeTable,
} from "./_hash_table.ts";
import { functionClause as fc, isFunOf, moduleTable, mustArray } from "./_util.ts";

/** A set of either version: a working table (version 1) or a map (version 2). */
type AnySet = Table | TermMap;

function set(s: Term): AnySet {
  return s instanceof TermMap ? s : readTable("set", s) ?? fc();
}

function written(s: AnySet): Term {
  return s instanceof TermMap ? s : writeTable(s);
}

const itself = (e: Term) => e;

function size(s: AnySet): number {
  return s instanceof TermMap ? s.size : s.size;
}

/** The elements in the order `fold/3` visits them. */
function elements(s: AnySet): Term[] {
  return s instanceof TermMap ? orderedEntries(s).map(([k]) => k) : foldOrder(s);
}

function bucketOf(tab: Table, e: Term): [number, Term[]] {
  const slot = slotOf(tab, e);
  const out: Term[] = [];
  for (let c = getBucket(tab, slot); c instanceof Cons; c = c.tl) out.push(c.hd);
  return [slot, out];
}

function has(s: AnySet, e: Term): boolean {
  if (s instanceof TermMap) return s.has(e);
  return bucketOf(s, e)[1].some((x) => exactEq(x, e));
}

/** Adds `e`: a new map, or the table changed in place. */
function addTo(s: AnySet, e: Term): AnySet {
  if (s instanceof TermMap) return s.has(e) ? s : s.put(e, null);
  const [slot, b] = bucketOf(s, e);
  if (b.some((x) => exactEq(x, e))) return s;
  putBucket(s, slot, arrayToList([e, ...b]));
  grow(s, 1, itself);
  return s;
}

function delFrom(s: AnySet, e: Term): AnySet {
  if (s instanceof TermMap) return s.remove(e);
  const [slot, b] = bucketOf(s, e);
  const i = b.findIndex((x) => exactEq(x, e));
  if (i < 0) return s;
  b.splice(i, 1);
  putBucket(s, slot, arrayToList(b));
  shrink(s, 1);
  return s;
}

/** The version an options list asks for, as `proplists:get_value(version, Opts, 1)`. */
function version(opts: Term): Term {
  for (const o of mustArray(opts, "function_clause")) {
    if (o === "version") return true;
    if (Array.isArray(o) && o.length >= 1 && o[0] === "version") {
      return o.length === 2 ? o[1] as Term : "undefined";
    }
  }
  return 1;
}

function newSet(v: Term): AnySet {
  if (v === 1) return newTable("set");
  if (v === 2) return new TermMap();
  return raiseError(["case_clause", v]);
}

function fromList(l: Term, v: Term): Term {
  if (v === 2) {
    if (l !== null && !(l instanceof Cons)) return raiseError("badarg");
    return new TermMap(mustArray(l, "badarg").map((e) => [e, null]));
  }
  let s = newSet(v);
  if (l !== null && !(l instanceof Cons)) return raiseError(["case_clause", l]);
  for (const e of mustArray(l, "function_clause")) s = addTo(s, e);
  return written(s);
}

/** `filter/2` on a set: a version 1 table keeps its buckets, each rebuilt as OTP does. */
function* filterSet(f: Term, s: AnySet): Gen<AnySet> {
  if (!isFunOf(f, 1)) return fc();
  if (s instanceof TermMap) {
    const kept: [Term, Term][] = [];
    for (const e of elements(s)) if (yield* predicate(f, e)) kept.push([e, null]);
    return new TermMap(kept);
  }
  let dropped = 0;
  for (let i = 0; i < s.segs.length; i++) {
    const seg = [...s.segs[i] as Term[]];
    for (let b = 0; b < seg.length; b++) {
      // OTP gathers a bucket's survivors by consing, so they come out reversed.
      let kept: Term = null;
      for (let c = seg[b] as Term; c instanceof Cons; c = c.tl) {
        if (yield* predicate(f, c.hd)) kept = new Cons(c.hd, kept);
        else dropped++;
      }
      seg[b] = kept;
    }
    s.segs[i] = seg;
  }
  shrink(s, dropped);
  return s;
}

function* filter(f: Term, s: Term): Gen<Term> {
  return written(yield* filterSet(f, set(s)));
}

function* fold(f: Term, acc: Term, s: Term): Gen<Term> {
  const ss = set(s);
  if (!isFunOf(f, 2)) return fc();
  for (const e of elements(ss)) acc = yield* callFun(f, e, acc);
  return acc;
}

function union(a: Term, b: Term): Term {
  if (a instanceof TermMap && b instanceof TermMap) {
    return new TermMap([...a.entries(), ...b.entries()]);
  }
  const sa = set(a), sb = set(b);
  let [into, from] = size(sa) < size(sb) ? [sb, sa] : [sa, sb];
  for (const e of elements(from)) into = addTo(into, e);
  return written(into);
}

function* intersection(a: Term, b: Term): Gen<Term> {
  const sa = set(a), sb = set(b);
  const [from, other] = size(sa) < size(sb) ? [sa, sb] : [sb, sa];
  return written(yield* keepIf(from, (e) => has(other, e)));
}

/** The elements of `s` that `test` accepts (no fun is called, so nothing waits). */
function* keepIf(s: AnySet, test: (e: Term) => boolean): Gen<AnySet> {
  const f = moduleTable("sets", { "-keep-/1": (e: Term) => test(e) })["-keep-/1"] as Term;
  return yield* filterSet(f, s);
}

/** The functions of `sets`, by `name/arity`. */
export const SETS: ModuleFunctions = moduleTable("sets", {
  "new/0": () => writeTable(newTable("set")),
  "new/1": (opts: Term) => written(newSet(version(opts))),
  "from_list/1": (l: Term) => fromList(l, 1),
  "from_list/2": (l: Term, opts: Term) => fromList(l, version(opts)),
  "is_set/1": (s: Term) => s instanceof TermMap || readTable("set", s) !== undefined,
  "size/1": (s: Term) => size(set(s)),
  "is_empty/1": (s: Term) => size(set(s)) === 0,
  "to_list/1": (s: Term) => {
    // A table's fold conses the elements up; a map lists its keys in order.
    const ss = set(s);
    return arrayToList(ss instanceof TermMap ? elements(ss) : elements(ss).reverse());
  },
  "is_element/2": (e: Term, s: Term) => has(set(s), e),
  "add_element/2": (e: Term, s: Term) => written(addTo(set(s), e)),
  "del_element/2": (e: Term, s: Term) => written(delFrom(set(s), e)),
  "union/2": union,
  "union/1": (l: Term) => {
    const ss = mustArray(l, "function_clause");
    if (ss.length === 0) return writeTable(newTable("set"));
    return ss.slice(1).reduce((acc: Term, s) => union(acc, s), ss[0] as Term);
  },
  "intersection/2": intersection,
  "intersection/1": function* (l: Term) {
    const ss = mustArray(l, "function_clause");
    if (ss.length === 0) return fc();
    let acc = ss[0] as Term;
    for (const s of ss.slice(1)) acc = yield* intersection(acc, s);
    return acc;
  },
  "is_disjoint/2": (a: Term, b: Term) => {
    const sa = set(a), sb = set(b);
    const [from, other] = size(sa) < size(sb) ? [sa, sb] : [sb, sa];
    return !elements(from).some((e) => has(other, e));
  },
  "subtract/2": function* (a: Term, b: Term) {
    const sb = set(b);
    return written(yield* keepIf(set(a), (e) => !has(sb, e)));
  },
  "is_subset/2": (a: Term, b: Term) => {
    // OTP folds over the first set, so the second is looked at only for an element.
    const xs = elements(set(a));
    return xs.length === 0 || xs.every((e) => has(set(b), e));
  },
  "fold/3": fold,
  "filter/2": filter,
});
