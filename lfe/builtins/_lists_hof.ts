/**
 * The functions of `lists` that call a fun: generator functions, since the fun may wait (a
 * receive) and then the call is resolved with `yield*`. A fun that returns at once costs no
 * generator. A long loop counts reductions and lets other processes run when its budget is
 * spent, as BEAM preempts a process in a long `lists:map/2`.
 *
 * Errors are OTP's: `function_clause` for a fun of the wrong arity or a list that ends badly,
 * `case_clause` for a predicate that answers neither `true` nor `false`, and so on.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { arrayToList, Cons, type Fun, type Term } from "../../runtime/terms.ts";
import { append2, elems, firstIndexes } from "./_lists_basic.ts";
import { applyFun, functionClause as fc, isFunOf, spent, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** Checks that `f` is a fun of `arity` (`function_clause` otherwise) and gives it typed. */
function fun(f: Term, arity: number): Fun {
  return isFunOf(f, arity) ? f : fc();
}

// Every fun is called as `let v = f(x); if (unresolved(v)) v = yield* resolve(v); else if
// (spent()) yield;` — written out in each loop, so that a fun that does not wait costs no
// generator of ours.

/** `map/2`. */
export function* map(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  if (l !== null && !(l instanceof Cons)) raiseError(["case_clause", l]);
  // The result is built front to back, each new cell hung on the last: no one sees it yet.
  const head = new Cons(null, null);
  let last = head;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    let v = g(c.hd);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    const cell = new Cons(v, null);
    last.tl = cell;
    last = cell;
  }
  return c === null ? head.tl : fc();
}

/** `foldl/3`. */
export function* foldl(f: Term, acc: Term, l: Term): Gen<Term> {
  const g = fun(f, 2);
  if (l !== null && !(l instanceof Cons)) raiseError(["case_clause", l]);
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    acc = g(c.hd, acc);
    if (unresolved(acc)) acc = yield* resolve(acc);
    else if (spent()) yield;
  }
  return c === null ? acc : fc();
}

/** `foldr/3`. */
export function* foldr(f: Term, acc: Term, l: Term): Gen<Term> {
  const g = fun(f, 2);
  const xs = elems(l);
  for (let i = xs.length - 1; i >= 0; i--) {
    acc = g(xs[i], acc);
    if (unresolved(acc)) acc = yield* resolve(acc);
    else if (spent()) yield;
  }
  return acc;
}

/** `foreach/2`: `ok`. */
export function* foreach(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    const v = g(c.hd);
    if (unresolved(v)) yield* resolve(v);
    else if (spent()) yield;
  }
  return c === null ? "ok" : fc();
}

/** `filter/2`: the fun must answer a boolean (`bad_filter`), the list be one (`bad_generator`). */
export function* filter(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const out: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    let v = g(c.hd);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === true) out.push(c.hd);
    else if (v !== false) raiseError(["bad_filter", v]);
  }
  return c === null ? arrayToList(out) : raiseError(["bad_generator", c]);
}

/**
 * Runs the predicate `g` over the list until it answers `stopOn`; answers whether it did, with
 * the cell it stopped at. A list that does not start as one raises `notList`.
 */
function* scan(
  g: Fun,
  l: Term,
  stopOn: boolean,
  notList: Term,
): Gen<[boolean, Term]> {
  if (l !== null && !(l instanceof Cons)) raiseError(notList);
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    let v = g(c.hd);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === stopOn) return [true, c];
    if (v !== !stopOn) raiseError(["case_clause", v]);
  }
  return c === null ? [false, null] : fc();
}

/** `any/2`. */
export function* any(f: Term, l: Term): Gen<Term> {
  return (yield* scan(fun(f, 1), l, true, ["case_clause", l]))[0];
}

/** `all/2`. */
export function* all(f: Term, l: Term): Gen<Term> {
  return !(yield* scan(fun(f, 1), l, false, ["case_clause", l]))[0];
}

/** `search/2`: `#(value x)` for the first `x` the fun accepts, or `false`. */
export function* search(f: Term, l: Term): Gen<Term> {
  const [found, c] = yield* scan(fun(f, 1), l, true, "function_clause");
  return found ? ["value", (c as Cons).hd] : false;
}

/** `splitwith/2`: `#(prefix-that-satisfies rest)`. */
export function* splitwith(f: Term, l: Term): Gen<Term> {
  const [found, c] = yield* scan(fun(f, 1), l, false, "function_clause");
  if (!found) return [l, null];
  const front: Term[] = [];
  for (let x = l; x !== c; x = (x as Cons).tl) front.push((x as Cons).hd);
  return [arrayToList(front), c];
}

/** `takewhile/2`. */
export function* takewhile(f: Term, l: Term): Gen<Term> {
  return ((yield* splitwith(f, l)) as Term[])[0] as Term;
}

/** `dropwhile/2`. */
export function* dropwhile(f: Term, l: Term): Gen<Term> {
  return ((yield* splitwith(f, l)) as Term[])[1] as Term;
}

/** `partition/2`: `#(satisfying others)`. */
export function* partition(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const yes: Term[] = [], no: Term[] = [];
  for (const x of elems(l)) {
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === true) yes.push(x);
    else if (v === false) no.push(x);
    else raiseError(["case_clause", v]);
  }
  return [arrayToList(yes), arrayToList(no)];
}

/** `flatmap/2`: each result must be a proper list (`badarg` otherwise, as `++`). */
export function* flatmap(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const parts: Term[] = [];
  for (const x of elems(l)) {
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    parts.push(v);
  }
  let r: Term = null;
  for (let i = parts.length - 1; i >= 0; i--) r = append2(parts[i] as Term, r);
  return r;
}

/** `filtermap/2`: the fun answers `true`, `false` or `#(true value)`. */
export function* filtermap(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const out: Term[] = [];
  for (const x of elems(l)) {
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === true) out.push(x);
    else if (Array.isArray(v) && v.length === 2 && v[0] === true) out.push(v[1] as Term);
    else if (v !== false) raiseError(["case_clause", v]);
  }
  return arrayToList(out);
}

/** `zipwith/3`: lists of the same length. */
export function* zipwith(f: Term, a: Term, b: Term): Gen<Term> {
  const xs = elems(a), ys = elems(b);
  if (xs.length !== ys.length) return fc();
  const out: Term[] = [];
  for (let i = 0; i < xs.length; i++) {
    let v = applyFun(f, [xs[i] as Term, ys[i] as Term]);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    out.push(v as Term);
  }
  return arrayToList(out);
}

/** `mapfoldl/3` and (with `right`) `mapfoldr/3`: the fun answers `#(value acc)`. */
export function* mapfold(f: Term, acc: Term, l: Term, right = false): Gen<Term> {
  const g = fun(f, 2);
  const xs = elems(l);
  const out: Term[] = new Array(xs.length);
  for (let n = 0; n < xs.length; n++) {
    const i = right ? xs.length - 1 - n : n;
    let v = g(xs[i], acc);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (!Array.isArray(v) || v.length !== 2) raiseError(["badmatch", v]);
    out[i] = v[0];
    acc = v[1];
  }
  return [arrayToList(out), acc];
}

/** `uniq/2`: the first element of each key the fun gives. */
export function* uniqBy(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const xs = elems(l);
  const keys: Term[] = [];
  for (const x of xs) {
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    keys.push(v);
  }
  const ids = firstIndexes(keys);
  return arrayToList(xs.filter((_, i) => ids.get(keys[i] as Term) === i));
}

/** Whether `f` puts `a` before `b`; `case_clause` for an answer that is not a boolean. */
function* before(g: Fun, a: Term, b: Term): Gen<boolean> {
  let v = g(a, b);
  if (unresolved(v)) v = yield* resolve(v);
  else if (spent()) yield;
  return typeof v === "boolean" ? v : raiseError(["case_clause", v]);
}

/**
 * `sort/2`: a merge sort that takes from the left run while `f(left, right)` holds, so that it
 * is stable for an ordering like `=<` and puts equal elements in reverse for one like `<`, as
 * OTP's does.
 */
export function* sortWith(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 2);
  let src = elems(l);
  const n = src.length;
  let dst: Term[] = new Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        dst[k++] = (yield* before(g, src[i] as Term, src[j] as Term))
          ? src[i++] as Term
          : src[j++] as Term;
      }
      while (i < mid) dst[k++] = src[i++] as Term;
      while (j < hi) dst[k++] = src[j++] as Term;
    }
    [src, dst] = [dst, src];
  }
  return arrayToList(src);
}

/** `usort/2`: sorted by `f`, dropping an element that `f` finds equal to the one before it. */
export function* usortWith(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 2);
  const sorted = elems(yield* sortWith(f, l));
  const out: Term[] = [];
  for (const x of sorted) {
    const prev = out[out.length - 1];
    if (out.length === 0 || !(yield* before(g, x, prev as Term))) out.push(x);
  }
  return arrayToList(out);
}
