/**
 * The old functions of `string`, from before Unicode: they take character lists only, count
 * code points, and raise `function_clause` (or `badarg` where they use a BIF) for anything
 * else, as OTP 25's do.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { length } from "./_erlang_terms.ts";
import { append2 } from "./_lists_basic.ts";
import { functionClause as fc, mustArray } from "./_util.ts";

function chars(l: Term): Term[] {
  return mustArray(l, "function_clause");
}

/** Latin-1 case mapping, as the old `to_upper`/`to_lower`: letters only, others as they are. */
function caseChar(c: Term, upper: boolean): Term {
  if (typeof c !== "number") return c;
  const lower = (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xfe && c !== 0xf7);
  const up = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
  if (upper && lower) return c - 32;
  if (!upper && up) return c + 32;
  return c;
}

function recase(s: Term, upper: boolean): Term {
  if (typeof s === "number") return caseChar(s, upper);
  if (s !== null && !(s instanceof Cons)) return fc();
  return arrayToList(chars(s).map((c) => caseChar(c, upper)));
}

/** The 1-based place of `sub` in `s`, the first or the last; 0 if none (or `sub` is empty). */
function place(s: Term, sub: Term, last: boolean): number {
  const xs = chars(s), ys = chars(sub);
  if (ys.length === 0) return 0;
  const at = (i: number) => ys.every((y, j) => xs[i + j] === y);
  if (last) {
    for (let i = xs.length - ys.length; i >= 0; i--) if (at(i)) return i + 1;
  } else {
    for (let i = 0; i + ys.length <= xs.length; i++) if (at(i)) return i + 1;
  }
  return 0;
}

function tokens(s: Term, seps: Term): Term {
  const sep = new Set(chars(seps));
  const out: Term[] = [];
  let cur: Term[] = [];
  for (const c of chars(s)) {
    if (sep.has(c)) {
      if (cur.length > 0) out.push(arrayToList(cur));
      cur = [];
    } else cur.push(c);
  }
  if (cur.length > 0) out.push(arrayToList(cur));
  return arrayToList(out);
}

function substr(s: Term, start: Term, len?: Term): Term {
  const xs = chars(s);
  if (typeof start !== "number" || start < 1 || start > xs.length + 1) return fc();
  if (len !== undefined && (typeof len !== "number" || len < 0)) return fc();
  const end = len === undefined ? xs.length : start - 1 + (len as number);
  return arrayToList(xs.slice(start - 1, end));
}

function charsOf(c: Term, n: Term, tail: Term = null): Term {
  if (typeof c !== "number" || typeof n !== "number" || n < 0) return fc();
  return arrayToList(new Array<Term>(n).fill(c), tail);
}

function copies(s: Term, n: Term): Term {
  if (typeof n !== "number" || n < 0) return fc();
  const xs = chars(s);
  const out: Term[] = [];
  for (let i = 0; i < n; i++) out.push(...xs);
  return arrayToList(out);
}

function join(l: Term, sep: Term): Term {
  const items = chars(l);
  if (items.length === 0) return null;
  let r = items[items.length - 1] as Term;
  for (let i = items.length - 2; i >= 0; i--) r = append2(items[i] as Term, append2(sep, r));
  return r;
}

/** The old functions of `string`, by `name/arity`. */
export const OLD_STRING: ModuleFunctions = {
  "len/1": (s: Term) => length(s),
  "concat/2": (a: Term, b: Term) => append2(a, b),
  "to_upper/1": (s: Term) => recase(s, true),
  "to_lower/1": (s: Term) => recase(s, false),
  "join/2": join,
  "str/2": (s: Term, sub: Term) => place(s, sub, false),
  "rstr/2": (s: Term, sub: Term) => place(s, sub, true),
  "tokens/2": tokens,
  "substr/2": (s: Term, start: Term) => substr(s, start),
  "substr/3": (s: Term, start: Term, len: Term) => substr(s, start, len),
  "chars/2": (c: Term, n: Term) => charsOf(c, n),
  "chars/3": (c: Term, n: Term, tail: Term) => charsOf(c, n, tail),
  "copies/2": copies,
};
