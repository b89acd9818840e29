/**
 * The functions of `lists` that take no fun: plain functions. Each raises what OTP's `lists`
 * raises for a bad argument: `function_clause` where the Erlang code has no clause for it,
 * `badarg` where it is a BIF or uses one (`member/2`, `reverse/2`, `++`, `keyfind/3`, ...).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare, exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, Float, type Term, TermMap } from "../../runtime/terms.ts";
import { atomToList, floatText } from "./_erlang_convert.ts";
import { add } from "./ops.ts";
import { functionClause as fc, mustArray, properArray } from "./_util.ts";

/** The elements of a proper list; `function_clause` otherwise. */
export function elems(l: Term): Term[] {
  return mustArray(l, "function_clause");
}

/** Whether `n` is an integer no less than `least` (a bigint is never an index). */
export function isIndex(n: Term, least: number): n is number {
  return typeof n === "number" && n >= least;
}

/** `reverse/1`. */
export function reverse(l: Term): Term {
  let r: Term = null;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) r = new Cons(c.hd, r);
  return c === null ? r : fc();
}

/** `reverse/2`: the reversed list ending in `tail`. */
export function reverse2(l: Term, tail: Term): Term {
  let r = tail;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) r = new Cons(c.hd, r);
  return c === null ? r : raiseError("badarg");
}

/** `nth/2`: 1-based. */
export function nth(n: Term, l: Term): Term {
  if (!isIndex(n, 1)) return fc();
  let c: Term = l;
  for (let i = 1; i < n && c instanceof Cons; i++) c = c.tl;
  return c instanceof Cons ? c.hd : fc();
}

/** `nthtail/2`. */
export function nthtail(n: Term, l: Term): Term {
  if (typeof n !== "number" && typeof n !== "bigint") return raiseError("badarith");
  if (n < 0) return fc();
  let c: Term = l;
  for (let i = 0; i < n; i++) c = c instanceof Cons ? c.tl : fc();
  return c === null || c instanceof Cons || n > 0 ? c : fc();
}

/** `member/2`: exact matching. */
export function member(e: Term, l: Term): boolean {
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) if (c.hd === e || exactEq(c.hd, e)) return true;
  return c === null ? false : raiseError("badarg");
}

/** `++` and `append/2`: `a` must be a proper list; `b` becomes the tail. */
export function append2(a: Term, b: Term): Term {
  const xs = properArray(a);
  return xs === undefined ? raiseError("badarg") : arrayToList(xs, b);
}

/** `append/1`: the last list is the tail, as it stands. */
export function append1(ls: Term): Term {
  const lists = elems(ls);
  if (lists.length === 0) return null;
  let r = lists[lists.length - 1] as Term;
  for (let i = lists.length - 2; i >= 0; i--) r = append2(lists[i] as Term, r);
  return r;
}

/** `concat/1`: atoms, numbers and strings written one after another. */
export function concat(things: Term): Term {
  const parts = elems(things).map((t): Term => {
    if (typeof t === "string" || typeof t === "boolean") return atomToList(t);
    if (typeof t === "number" || typeof t === "bigint") return arrayToList(codes(t.toString()));
    if (t instanceof Float) return arrayToList(codes(floatText(t.value)));
    if (t === null || t instanceof Cons) return t;
    return fc();
  });
  return append1(arrayToList(parts));
}

function codes(s: string): number[] {
  return [...s].map((ch) => ch.codePointAt(0) as number);
}

/** `delete/2`: without the first element exactly equal to `e`. */
export function deleteFirst(e: Term, l: Term): Term {
  const before: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    if (exactEq(c.hd, e)) return arrayToList(before, c.tl);
    before.push(c.hd);
  }
  return c === null ? l : fc();
}

/**
 * Indexes of the distinct terms of `xs` (exact matching), each the index of its first
 * occurrence: `ids.get(x)` is the first `i` with `xs[i] =:= x`.
 */
export function firstIndexes(xs: readonly Term[]): TermMap {
  const entries: [Term, Term][] = [];
  for (let i = xs.length - 1; i >= 0; i--) entries.push([xs[i] as Term, i]);
  return new TermMap(entries);
}

/** `--` and `subtract/2`: each element of `b` takes out the first equal one of `a`. */
export function subtract2(a: Term, b: Term): Term {
  const xs = properArray(a), ys = properArray(b);
  if (xs === undefined || ys === undefined) return raiseError("badarg");
  if (ys.length === 0) return a;
  const ids = firstIndexes(ys);
  const counts = new Map<number, number>();
  for (const y of ys) {
    const i = ids.get(y) as number;
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const out: Term[] = [];
  for (const x of xs) {
    const i = ids.get(x) as number | undefined;
    const n = i === undefined ? 0 : counts.get(i) as number;
    if (n > 0) counts.set(i as number, n - 1);
    else out.push(x);
  }
  return arrayToList(out);
}

/** `duplicate/2`. */
export function duplicate(n: Term, x: Term): Term {
  if (!isIndex(n, 0)) return fc();
  let l: Term = null;
  for (let i = 0; i < n; i++) l = new Cons(x, l);
  return l;
}

/** `split/2`: `#(first-n rest)`. */
export function split(n: Term, l: Term): Term[] {
  if (!isIndex(n, 0)) return raiseError("badarg");
  const front: Term[] = [];
  let c: Term = l;
  for (let i = 0; i < n; i++) {
    if (!(c instanceof Cons)) return raiseError("badarg");
    front.push(c.hd);
    c = c.tl;
  }
  if (n === 0 && c !== null && !(c instanceof Cons)) return raiseError("badarg");
  return [arrayToList(front), c];
}

/** `sum/1`. */
export function sum(l: Term): Term {
  let s: Term = 0;
  for (const x of elems(l)) s = add(s, x);
  return s;
}

/** `max/1`: the first of equal maxima. */
export function max(l: Term): Term {
  const xs = elems(l);
  if (xs.length === 0) return fc();
  let m = xs[0] as Term;
  for (const x of xs) if (compare(x, m) > 0) m = x;
  return m;
}

/** `min/1`: the first of equal minima. */
export function min(l: Term): Term {
  const xs = elems(l);
  if (xs.length === 0) return fc();
  let m = xs[0] as Term;
  for (const x of xs) if (compare(x, m) < 0) m = x;
  return m;
}

/** `last/1`. */
export function last(l: Term): Term {
  const xs = elems(l);
  return xs.length > 0 ? xs[xs.length - 1] as Term : fc();
}

/** `droplast/1`. */
export function droplast(l: Term): Term {
  const xs = elems(l);
  return xs.length > 0 ? arrayToList(xs.slice(0, -1)) : fc();
}

/** `flatten/1,2`: every nested list spliced in, in order, ending in `tail`. */
export function flatten(l: Term, tail: Term = null): Term {
  if (properArray(tail) === undefined) return fc();
  const out: Term[] = [];
  // One cell at a time: its tail waits on the stack while a nested head is taken apart.
  const stack: Term[] = [l];
  while (stack.length > 0) {
    const c = stack.pop() as Term;
    if (c === null) continue;
    if (!(c instanceof Cons)) return fc();
    stack.push(c.tl);
    if (c.hd === null || c.hd instanceof Cons) stack.push(c.hd);
    else out.push(c.hd);
  }
  return arrayToList(out, tail);
}

/** `zip/2`: lists of the same length. */
export function zip(a: Term, b: Term): Term {
  const xs = elems(a), ys = elems(b);
  if (xs.length !== ys.length) return fc();
  return arrayToList(xs.map((x, i) => [x, ys[i] as Term]));
}

/** `unzip/1`. */
export function unzip(l: Term): Term[] {
  const xs: Term[] = [], ys: Term[] = [];
  for (const t of elems(l)) {
    if (!Array.isArray(t) || t.length !== 2) return fc();
    xs.push(t[0] as Term);
    ys.push(t[1] as Term);
  }
  return [arrayToList(xs), arrayToList(ys)];
}

/** `seq/2`: from `from` up to `to`; `to` may be one less than `from`. */
export function seq2(from: Term, to: Term): Term {
  if (typeof from !== "number" || typeof to !== "number" || to < from - 1) return fc();
  let l: Term = null;
  for (let i = to; i >= from; i--) l = new Cons(i, l);
  return l;
}

/** `seq/3`. */
export function seq3(from: Term, to: Term, step: Term): Term {
  if (typeof from !== "number" || typeof to !== "number" || typeof step !== "number") {
    return raiseError("badarg");
  }
  if (step === 0) return from === to ? new Cons(from, null) : raiseError("badarg");
  if (step > 0 ? to < from - step : to > from - step) return raiseError("badarg");
  const out: number[] = [];
  if (step > 0) { for (let i = from; i <= to; i += step) out.push(i); }
  else for (let i = from; i >= to; i += step) out.push(i);
  return arrayToList(out);
}

/** `enumerate/1,2`: `#(index element)` from `start`. */
export function enumerate(start: Term, l: Term): Term {
  if (typeof start !== "number") return fc();
  return arrayToList(elems(l).map((x, i) => [start + i, x]));
}

/** `uniq/1`: the first of each run of exactly equal elements, wherever they are. */
export function uniq(l: Term): Term {
  const xs = elems(l);
  const ids = firstIndexes(xs);
  return arrayToList(xs.filter((x, i) => ids.get(x) === i));
}

/** `sublist/2`. */
export function sublist2(l: Term, n: Term): Term {
  if (!isIndex(n, 0)) return fc();
  const out: Term[] = [];
  let c: Term = l;
  for (let i = 0; i < n; i++) {
    if (c === null) break;
    if (!(c instanceof Cons)) return fc();
    out.push(c.hd);
    c = c.tl;
  }
  return arrayToList(out);
}

/** `sublist/3`: from 1-based `start`; past the end gives `[]`. */
export function sublist3(l: Term, start: Term, n: Term): Term {
  if (!isIndex(start, 1) || !isIndex(n, 0) || (l !== null && !(l instanceof Cons))) return fc();
  let c: Term = l;
  for (let i = 1; i < start; i++) {
    if (!(c instanceof Cons)) return c === null ? null : fc();
    c = c.tl;
  }
  return sublist2(c, n);
}

/** `prefix/2`: whether `a` begins `b` (exact matching). */
export function prefix(a: Term, b: Term): boolean {
  let x = a, y = b;
  while (x instanceof Cons) {
    if (!(y instanceof Cons)) return y === null ? false : fc();
    if (!exactEq(x.hd, y.hd)) return false;
    x = x.tl;
    y = y.tl;
  }
  return x === null && (y === null || y instanceof Cons) ? true : fc();
}

/** `suffix/2`: whether `a` ends `b`. */
export function suffix(a: Term, b: Term): boolean {
  const xs = properArray(a), ys = properArray(b);
  if (xs === undefined || ys === undefined) return raiseError("badarg");
  const d = ys.length - xs.length;
  return d >= 0 && xs.every((x, i) => exactEq(x, ys[d + i] as Term));
}

/** `join/2`: `sep` between the elements. */
export function join(sep: Term, l: Term): Term {
  const xs = elems(l);
  const out: Term[] = [];
  xs.forEach((x, i) => i === 0 ? out.push(x) : out.push(sep, x));
  return arrayToList(out);
}
