/**
 * The module `orddict`: dictionaries as lists of `{Key, Value}` pairs ordered by key, keys
 * compared with `==`. Each function walks the list as OTP 25's clauses do: a key that is not
 * there raises `function_clause` from `fetch/2` and `update/3`, as does a list that holds
 * something other than pairs where a function looks.
 *
 * @example
 * ```ts
 * import { ORDDICT } from "./orddict.ts";
 * import { list } from "../../runtime/terms.ts";
 * const d = ORDDICT["from_list/1"]!(list(["b", 2], ["a", 1])); // (#(a 1) #(b 2))
 * ORDDICT["fetch/2"]!("b", d); // 2
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { add } from "./ops.ts";
import { callFun, type Gen } from "./_coll.ts";
import { functionClause as fc, isFunOf, moduleTable, mustArray } from "./_util.ts";

type Pair = [Term, Term];

function isPair(t: Term): t is Pair {
  return Array.isArray(t) && t.length === 2;
}

/** The pair at the head of `c`; `function_clause` if it is none. */
function pairAt(c: Cons): Pair {
  return isPair(c.hd) ? c.hd : fc();
}

/**
 * Finds `key`: the pairs before it, the cell where the walk stopped (`null` at the end) and
 * how `key` compares with that cell's key (`-1` when the key is not there and goes before it).
 */
function seek(key: Term, d: Term): [Term[], Cons | null, number] {
  const before: Term[] = [];
  let c = d;
  for (; c instanceof Cons; c = c.tl) {
    const o = compare(key, pairAt(c)[0]);
    if (o <= 0) return [before, c, o];
    before.push(c.hd);
  }
  return c === null ? [before, null, 1] : fc();
}

function isKey(key: Term, d: Term): boolean {
  return seek(key, d)[2] === 0;
}

function find(key: Term, d: Term): Term {
  const [, c, o] = seek(key, d);
  return o === 0 ? ["ok", pairAt(c as Cons)[1]] : "error";
}

/** `fetch/2`: OTP's clauses stop with `function_clause` at the first key past `key`. */
function fetch(key: Term, d: Term): Term {
  const [, c, o] = seek(key, d);
  return o === 0 ? pairAt(c as Cons)[1] : fc();
}

function erase(key: Term, d: Term): Term {
  const [before, c, o] = seek(key, d);
  if (c === null) return arrayToList(before);
  return arrayToList(before, o === 0 ? c.tl : c);
}

function take(key: Term, d: Term): Term {
  const [before, c, o] = seek(key, d);
  return o === 0 ? [pairAt(c as Cons)[1], arrayToList(before, (c as Cons).tl)] : "error";
}

/** Stores under `key` the value `value(old)` (`undefined` when there was none); the key given wins. */
function put(key: Term, d: Term, value: (old: Term | undefined) => Term): Term {
  const [before, c, o] = seek(key, d);
  if (c === null) return arrayToList(before, new Cons([key, value(undefined)], null));
  if (o < 0) return arrayToList(before, new Cons([key, value(undefined)], c));
  return arrayToList(before, new Cons([key, value(pairAt(c)[1])], c.tl));
}

function appendList(old: Term, more: Term): Term {
  return arrayToList(mustArray(old), more);
}

function fromList(l: Term): Term {
  // OTP reverses the pairs, then keeps the first of equal keys: the last one given wins.
  const xs = mustArray(l, "function_clause");
  if (xs.length === 1 && isPair(xs[0] as Term)) return l;
  for (const p of xs) if (!isPair(p)) return fc();
  const sorted = (xs.reverse() as Pair[]).sort((a, b) => compare(a[0], b[0]));
  const out = sorted.filter((p, i) => i === 0 || compare((sorted[i - 1] as Pair)[0], p[0]) !== 0);
  return arrayToList(out);
}

function fetchKeys(d: Term): Term {
  const keys: Term[] = [];
  let c = d;
  for (; c instanceof Cons; c = c.tl) keys.push(pairAt(c)[0]);
  return c === null ? arrayToList(keys) : fc();
}

/** The pairs of `d`, checked as the clauses of a fun-calling function check them. */
function pairs(d: Term): Pair[] {
  const xs: Pair[] = [];
  let c = d;
  for (; c instanceof Cons; c = c.tl) xs.push(pairAt(c));
  return c === null ? xs : fc();
}

/** `function_clause` unless `f` is a fun of `arity`, as the clauses for `[]` check. */
function checkFun(f: Term, arity: number): void {
  if (!isFunOf(f, arity)) fc();
}

function* update3(key: Term, f: Term, d: Term): Gen<Term> {
  const [before, c, o] = seek(key, d);
  if (o !== 0) return fc();
  const cell = c as Cons;
  const v = yield* callFun(f, pairAt(cell)[1]);
  return arrayToList(before, new Cons([key, v], cell.tl));
}

function* update4(key: Term, f: Term, init: Term, d: Term): Gen<Term> {
  const [before, c, o] = seek(key, d);
  if (c === null || o < 0) return arrayToList(before, new Cons([key, init], c));
  const v = yield* callFun(f, pairAt(c)[1]);
  return arrayToList(before, new Cons([key, v], c.tl));
}

function* fold(f: Term, acc: Term, d: Term): Gen<Term> {
  const ps = pairs(d);
  if (ps.length === 0) checkFun(f, 3);
  for (const [k, v] of ps) {
    acc = yield* callFun(f, k, v, acc);
  }
  return acc;
}

function* map(f: Term, d: Term): Gen<Term> {
  const ps = pairs(d);
  if (ps.length === 0) checkFun(f, 2);
  const out: Term[] = [];
  for (const [k, v] of ps) {
    out.push([k, yield* callFun(f, k, v)]);
  }
  return arrayToList(out);
}

function* filter(f: Term, d: Term): Gen<Term> {
  const ps = pairs(d);
  if (ps.length === 0) checkFun(f, 2);
  const out: Term[] = [];
  for (const p of ps) {
    const v = yield* callFun(f, p[0], p[1]);
    if (v === true) out.push(p);
    else if (v !== false) return raiseError(["case_clause", v]);
  }
  return arrayToList(out);
}

function* merge(f: Term, d1: Term, d2: Term): Gen<Term> {
  const out: Term[] = [];
  let a = d1, b = d2;
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const [k1, v1] = pairAt(a), [k2, v2] = pairAt(b);
      const o = compare(k1, k2);
      if (o < 0) {
        out.push(a.hd);
        a = a.tl;
      } else if (o > 0) {
        out.push(b.hd);
        b = b.tl;
      } else {
        out.push([k1, yield* callFun(f, k1, v1, v2)]);
        a = a.tl;
        b = b.tl;
      }
    } else if (a === null || b === null) {
      checkFun(f, 3);
      return arrayToList(out, a === null ? b : a);
    } else return fc();
  }
}

/** The functions of `orddict`, by `name/arity`. */
export const ORDDICT: ModuleFunctions = moduleTable("orddict", {
  "new/0": () => null,
  "is_key/2": isKey,
  "to_list/1": (d: Term) => d,
  "from_list/1": fromList,
  "size/1": (d: Term) => mustArray(d).length,
  "is_empty/1": (d: Term) => d === null ? true : d instanceof Cons ? false : fc(),
  "fetch/2": fetch,
  "find/2": find,
  "fetch_keys/1": fetchKeys,
  "erase/2": erase,
  "take/2": take,
  "store/3": (k: Term, v: Term, d: Term) => put(k, d, () => v),
  "append/3": (k: Term, v: Term, d: Term) =>
    put(k, d, (old) => old === undefined ? arrayToList([v]) : appendList(old, arrayToList([v]))),
  "append_list/3": (k: Term, vs: Term, d: Term) =>
    put(k, d, (old) => old === undefined ? vs : appendList(old, vs)),
  "update/3": update3,
  "update/4": update4,
  "update_counter/3": (k: Term, n: Term, d: Term) =>
    put(k, d, (old) => old === undefined ? n : add(old, n)),
  "fold/3": fold,
  "map/2": map,
  "filter/2": filter,
  "merge/3": merge,
});
