/**
 * The functions of `lists` on lists of tuples (`keyfind/3`, `keystore/4`, ...); the sorts are
 * in `_lists_keysort.ts`. Keys match by `==` (`1` finds `#(1.0 a)`), as in OTP; `keyfind/3` is a
 * BIF and raises `badarg` where the others, Erlang code, raise `function_clause`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arithEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { isIndex } from "./_lists_basic.ts";
import { functionClause as fc } from "./_util.ts";

function hasKey(t: Term, k: Term, n: number | bigint): t is Term[] {
  return typeof n === "number" && Array.isArray(t) && t.length >= n &&
    arithEq(t[n - 1] as Term, k);
}

/** The guard `is_integer(N), N > 0` of the Erlang functions. */
function isPosInt(n: Term): n is number | bigint {
  return (typeof n === "number" && n > 0) || (typeof n === "bigint" && n > 0n);
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
  if (!isPosInt(n)) return fc();
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

/** `usort/1`, for the modules that take it from here. */
export { usort } from "./_lists_sort.ts";
