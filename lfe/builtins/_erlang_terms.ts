/**
 * The BIFs of `erlang` that work on terms alone: number conversions (`float`, `round`, ...),
 * `min`/`max`, the boolean operators, and tuples and lists (`element`, `length`, `hd`, ...).
 * Bad arguments raise `badarg`, as these are BIFs.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { BitString, Cons, Float, type Integer, normInt, type Term } from "../../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

/** `float/1`. */
export function toFloat(t: Term): Float {
  if (t instanceof Float) return t;
  if (typeof t === "number") return new Float(t + 0); // an integer -0 (from inlined `*`) is 0
  if (typeof t === "bigint") {
    const x = Number(t);
    if (Number.isFinite(x)) return new Float(x);
  }
  return badarg();
}

/** An integral float value as an integer term (exactly, also beyond 2^53). */
function integral(x: number): Integer {
  return Number.isSafeInteger(x) ? x + 0 : normInt(BigInt(x));
}

function rounding(how: (x: number) => number): (t: Term) => Integer {
  return (t) => {
    if (typeof t === "number" || typeof t === "bigint") return t;
    if (t instanceof Float) return integral(how(t.value));
    return badarg();
  };
}

/** `round/1`: halves away from zero, as Erlang (`round(-2.5)` is `-3`). */
export const round: (t: Term) => Integer = rounding((x) => x < 0 ? -Math.round(-x) : Math.round(x));
/** `trunc/1`. */
export const trunc: (t: Term) => Integer = rounding(Math.trunc);
/** `floor/1`. */
export const floor: (t: Term) => Integer = rounding(Math.floor);
/** `ceil/1`. */
export const ceil: (t: Term) => Integer = rounding(Math.ceil);

/** `min/2`: the first when they compare equal (`min(1, 1.0)` is `1`). */
export function min(a: Term, b: Term): Term {
  return compare(a, b) <= 0 ? a : b;
}

/** `max/2`: the first when they compare equal. */
export function max(a: Term, b: Term): Term {
  return compare(a, b) >= 0 ? a : b;
}

function bool(t: Term): boolean {
  return typeof t === "boolean" ? t : badarg();
}

/** `and/2`: both operands are evaluated and must be booleans. */
export function and(a: Term, b: Term): boolean {
  const x = bool(a), y = bool(b);
  return x && y;
}

/** `or/2`. */
export function or(a: Term, b: Term): boolean {
  const x = bool(a), y = bool(b);
  return x || y;
}

/** `xor/2`. */
export function xor(a: Term, b: Term): boolean {
  return bool(a) !== bool(b);
}

/** `not/1`. */
export function not(a: Term): boolean {
  return !bool(a);
}

/** `element/2`: 1-based. */
export function element(n: Term, t: Term): Term {
  if (!Array.isArray(t) || typeof n !== "number" || n < 1 || n > t.length) return badarg();
  return t[n - 1] as Term;
}

/** `setelement/3`: a new tuple. */
export function setelement(n: Term, t: Term, v: Term): Term[] {
  if (!Array.isArray(t) || typeof n !== "number" || n < 1 || n > t.length) return badarg();
  const c = t.slice();
  c[n - 1] = v;
  return c;
}

/** `tuple_size/1`. */
export function tupleSize(t: Term): number {
  return Array.isArray(t) ? t.length : badarg();
}

/** `size/1`: of a tuple, or the whole bytes of a bitstring. */
export function size(t: Term): number {
  if (Array.isArray(t)) return t.length;
  if (t instanceof Uint8Array) return t.length;
  if (t instanceof BitString) return t.bytes.length - 1;
  return badarg();
}

/** `length/1`: of a proper list. */
export function length(l: Term): number {
  let n = 0;
  let c = l;
  while (c instanceof Cons) {
    n++;
    c = c.tl;
  }
  return c === null ? n : badarg();
}

/** `hd/1`. */
export function hd(l: Term): Term {
  return l instanceof Cons ? l.hd : badarg();
}

/** `tl/1`. */
export function tl(l: Term): Term {
  return l instanceof Cons ? l.tl : badarg();
}

/** `tuple_to_list/1`. */
export function tupleToList(t: Term): Term {
  if (!Array.isArray(t)) return badarg();
  let l: Term = null;
  for (let i = t.length - 1; i >= 0; i--) l = new Cons(t[i] as Term, l);
  return l;
}

/** `list_to_tuple/1`. */
export function listToTuple(l: Term): Term[] {
  const out: Term[] = [];
  let c = l;
  while (c instanceof Cons) {
    out.push(c.hd);
    c = c.tl;
  }
  return c === null ? out : badarg();
}
