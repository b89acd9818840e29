/**
 * The functions of `lists` that take no fun: plain functions. Each raises what OTP's `lists`
 * raises for a bad argument: `function_clause` where the Erlang code has no clause for it,
 * `badarg` where it is a BIF or uses one (`member/2`, `reverse/2`, `++`, `keyfind/3`, ...).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare, exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, Float, normInt, type Term, TermMap } from "../../runtime/terms.ts";
import { atomToList, floatText } from "./_erlang_convert.ts";
import { add, sub } from "./ops.ts";
import { functionClause as fc, mustArray, properArray } from "./_util.ts";

/** The elements of a proper list; `function_clause` otherwise. */
export function elems(l: Term): Term[] {
  return mustArray(l, "function_clause");
}

/** Whether `n` is an integer no less than `least` (a bigint is never an index). */
export function isIndex(n: Term, least: number): n is number {
  return typeof n === "number" && n >= least;
}

/** `reverse/1`: `function_clause` unless it is a list of two cells, `badarg` past them. */
export function reverse(l: Term): Term {
  if (l === null) return l;
  if (!(l instanceof Cons)) return fc();
  const t = l.tl;
  if (t === null) return l;
  return t instanceof Cons ? reverse2(t.tl, new Cons(t.hd, new Cons(l.hd, null))) : fc();
}

/** `reverse/2`: the reversed list ending in `tail`. */
export function reverse2(l: Term, tail: Term): Term {
  let r = tail;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) r = new Cons(c.hd, r);
  return c === null ? r : raiseError("badarg");
}

/**
 * `nth/2`, 1-based, clause by clause as OTP's: `N > 1` in term order, so an atom is counted
 * down with `-` (`badarith`) as long as there is a list.
 */
export function nth(n: Term, l: Term): Term {
  for (let c: Term = l;; c = c.tl) {
    if (!(c instanceof Cons)) return fc();
    if (n === 1) return c.hd;
    if (compare(n, 1) <= 0) return fc();
    n = sub(n, 1);
  }
}

/** `nthtail/2`, as OTP's clauses. */
export function nthtail(n: Term, l: Term): Term {
  for (let c: Term = l;; c = (c as Cons).tl) {
    if (c instanceof Cons) {
      if (n === 1) return c.tl;
      if (compare(n, 1) > 0) {
        n = sub(n, 1);
        continue;
      }
    }
    return n === 0 && (c === null || c instanceof Cons) ? c : fc();
  }
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

/** `split/2`: `#(first-n rest)`; `badarg` for a list too short, as OTP's. */
export function split(n: Term, l: Term): Term[] {
  const big = typeof n === "bigint" && n >= 0n;
  if (!big && !isIndex(n, 0) || (l !== null && !(l instanceof Cons))) return raiseError("badarg");
  const front: Term[] = [];
  let c: Term = l;
  for (let i = 0; big || i < (n as number); i++) {
    if (!(c instanceof Cons)) return c === null ? raiseError("badarg") : fc();
    front.push(c.hd);
    c = c.tl;
  }
  return [arrayToList(front), c];
}

/** `sum/1`: added from the left; `badarith` before a bad tail is seen. */
export function sum(l: Term): Term {
  let s: Term = 0;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) s = add(s, c.hd);
  return c === null ? s : fc();
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
  if (tail !== null && !(tail instanceof Cons)) return fc();
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

/** `zip3/3`: lists of the same length. */
export function zip3(a: Term, b: Term, c: Term): Term {
  const out: Term[] = [];
  let x = a, y = b, z = c;
  for (
    ;
    x instanceof Cons && y instanceof Cons && z instanceof Cons;
    x = x.tl, y = y.tl, z = z.tl
  ) {
    out.push([x.hd, y.hd, z.hd]);
  }
  return x === null && y === null && z === null ? arrayToList(out) : fc();
}

/** `unzip3/1`. */
export function unzip3(l: Term): Term[] {
  const xs: Term[] = [], ys: Term[] = [], zs: Term[] = [];
  for (const t of elems(l)) {
    if (!Array.isArray(t) || t.length !== 3) return fc();
    xs.push(t[0] as Term);
    ys.push(t[1] as Term);
    zs.push(t[2] as Term);
  }
  return [arrayToList(xs), arrayToList(ys), arrayToList(zs)];
}

/** `flatlength/1`: the length the list would have flattened. */
export function flatlength(l: Term): number {
  let n = 0;
  const stack: Term[] = [l];
  while (stack.length > 0) {
    const c = stack.pop() as Term;
    if (c === null) continue;
    if (!(c instanceof Cons)) return fc();
    stack.push(c.tl);
    if (c.hd === null || c.hd instanceof Cons) stack.push(c.hd);
    else n++;
  }
  return n;
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

function isInt(t: Term): t is number | bigint {
  return typeof t === "number" || typeof t === "bigint";
}

/** `seq/2`: from `from` up to `to`; `to` may be one less than `from`. */
export function seq2(from: Term, to: Term): Term {
  if (!isInt(from) || !isInt(to) || BigInt(to) < BigInt(from) - 1n) return fc();
  return steps(from, to, 1);
}

/** The integers from `from` by `step` as far as `to`. */
function steps(from: number | bigint, to: number | bigint, step: number | bigint): Term {
  const [f, t, d] = [BigInt(from), BigInt(to), BigInt(step)];
  const n = (t - f + d) / d;
  let l: Term = null;
  if (Number.isSafeInteger(Number(f)) && Number.isSafeInteger(Number(f + d * (n - 1n)))) {
    const [x0, dx] = [Number(f), Number(d)];
    for (let i = Number(n) - 1; i >= 0; i--) l = new Cons(x0 + dx * i, l);
    return l;
  }
  for (let i = n - 1n; i >= 0n; i--) l = new Cons(normInt(f + d * i), l);
  return l;
}

/** `seq/3`: `badarg` for a step that cannot get from `from` to `to`. */
export function seq3(from: Term, to: Term, step: Term): Term {
  if (!isInt(from) || !isInt(to) || !isInt(step)) return raiseError("badarg");
  const [f, t, d] = [BigInt(from), BigInt(to), BigInt(step)];
  if ((d > 0n && f - d <= t) || (d < 0n && f - d >= t)) return steps(from, to, step);
  if (d === 0n && f === t) return new Cons(from, null);
  return raiseError("badarg");
}

/** `enumerate/1,2`: `#(index element)` from `start`. */
export function enumerate(start: Term, l: Term): Term {
  if (!isInt(start) || (l !== null && !(l instanceof Cons))) return fc();
  const out: Term[] = [];
  let i: Term = start;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl, i = add(i, 1)) out.push([i, c.hd]);
  return c === null ? arrayToList(out) : fc();
}

/** `uniq/1`: the first of each run of exactly equal elements, wherever they are. */
export function uniq(l: Term): Term {
  const xs = elems(l);
  const ids = firstIndexes(xs);
  return arrayToList(xs.filter((x, i) => ids.get(x) === i));
}

/** `sublist/2`: up to `n` elements; a list that ends badly before them is `function_clause`. */
export function sublist2(l: Term, n: Term): Term {
  if (!isInt(n) || (l !== null && !(l instanceof Cons))) return fc();
  const out: Term[] = [];
  let c: Term = l;
  let left = typeof n === "bigint" ? (n > 0n ? Infinity : n < 0n ? -1 : 0) : n;
  for (; c instanceof Cons && left > 0; c = c.tl, left--) out.push(c.hd);
  if (left === 0 || (c === null && left > 0)) return arrayToList(out);
  return fc();
}

/** `sublist/3`: from 1-based `start`; a start past the end gives `[]`, as OTP's clauses. */
export function sublist3(l: Term, start: Term, n: Term): Term {
  for (let c = l, s = start;; s = sub(s, 1)) {
    if (s === 1 && (c === null || c instanceof Cons) && isInt(n) && n >= 0) return sublist2(c, n);
    if (!isInt(s) || s < 2 || (c !== null && !(c instanceof Cons))) return fc();
    if (c === null) return null;
    c = c.tl;
  }
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
