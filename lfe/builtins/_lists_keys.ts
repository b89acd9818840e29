/**
 * The functions of `lists` on lists of tuples (`keyfind/3`, `keystore/4`, ...) and the sorts
 * that take no fun. Keys match by `==` (`1` finds `#(1.0 a)`), as in OTP; `keyfind/3` is a BIF
 * and raises `badarg` where the others, Erlang code, raise `function_clause`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arithEq, compare } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { elems, isIndex } from "./_lists_basic.ts";
import { functionClause as fc } from "./_util.ts";

function hasKey(t: Term, k: Term, n: number): t is Term[] {
  return Array.isArray(t) && t.length >= n && arithEq(t[n - 1] as Term, k);
}

/** `keyfind/3`: the first tuple whose element `n` is `k`, or `false`. */
export function keyfind(k: Term, n: Term, l: Term): Term {
  if (!isIndex(n, 1)) return raiseError("badarg");
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) if (hasKey(c.hd, k, n)) return c.hd;
  return c === null ? false : raiseError("badarg");
}

/** `keymember/3`. */
export function keymember(k: Term, n: Term, l: Term): boolean {
  return keyfind(k, n, l) !== false;
}

/** `keysearch/3`: `#(value tuple)` or `false`. */
export function keysearch(k: Term, n: Term, l: Term): Term {
  const t = keyfind(k, n, l);
  return t === false ? false : ["value", t];
}

/**
 * The elements before the first tuple with key `k`, that tuple and the list after it; or, when
 * there is none, all the elements and `undefined`.
 */
function findKey(k: Term, n: Term, l: Term): [Term[], Term[] | undefined, Term] {
  if (!isIndex(n, 1)) return fc();
  const before: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    if (hasKey(c.hd, k, n)) return [before, c.hd, c.tl];
    before.push(c.hd);
  }
  return c === null ? [before, undefined, null] : fc();
}

/** `keydelete/3`. */
export function keydelete(k: Term, n: Term, l: Term): Term {
  const [before, found, after] = findKey(k, n, l);
  return found === undefined ? l : arrayToList(before, after);
}

/** `keyreplace/4`: the first tuple with key `k` replaced by `t`. */
export function keyreplace(k: Term, n: Term, l: Term, t: Term): Term {
  if (!Array.isArray(t)) return fc();
  const [before, found, after] = findKey(k, n, l);
  return found === undefined ? l : arrayToList(before, new Cons(t, after));
}

/** `keystore/4`: as `keyreplace/4`, or `t` added at the end. */
export function keystore(k: Term, n: Term, l: Term, t: Term): Term {
  if (!Array.isArray(t)) return fc();
  const [before, found, after] = findKey(k, n, l);
  if (found === undefined) before.push(t);
  return arrayToList(before, found === undefined ? null : new Cons(t, after));
}

/** `keytake/3`: `#(value tuple rest)` or `false`. */
export function keytake(k: Term, n: Term, l: Term): Term {
  const [before, found, after] = findKey(k, n, l);
  return found === undefined ? false : ["value", found, arrayToList(before, after)];
}

/** `sort/1`: in term order. */
export function sort(l: Term): Term {
  return arrayToList(elems(l).sort(compare));
}

/** `usort/1`: sorted, the first of each run of equal (`==`) elements kept. */
export function usort(l: Term): Term {
  const xs = elems(l).sort(compare);
  return arrayToList(xs.filter((x, i) => i === 0 || compare(xs[i - 1] as Term, x) !== 0));
}

/** `keysort/2`: stable, by element `n` of each tuple. */
export function keysort(n: Term, l: Term): Term {
  if (!isIndex(n, 1)) return fc();
  if (l !== null && !(l instanceof Cons)) return raiseError(["case_clause", l]);
  const xs = elems(l);
  if (xs.length < 2) return l;
  for (const t of xs) if (!Array.isArray(t) || t.length < n) return raiseError("badarg");
  const key = (t: Term) => (t as Term[])[n - 1] as Term;
  return arrayToList(xs.sort((a, b) => compare(key(a), key(b))));
}

/** `merge/2`: two sorted lists as one, the first's elements before equal ones of the second. */
export function merge(a: Term, b: Term): Term {
  const xs = elems(a), ys = elems(b);
  const out: Term[] = [];
  let i = 0, j = 0;
  while (i < xs.length && j < ys.length) {
    out.push(compare(xs[i] as Term, ys[j] as Term) <= 0 ? xs[i++] as Term : ys[j++] as Term);
  }
  return arrayToList([...out, ...xs.slice(i), ...ys.slice(j)]);
}
