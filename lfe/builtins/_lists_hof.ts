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
import { element, setelement } from "./_erlang_terms.ts";
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
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    const x = c.hd;
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === true) yes.push(x);
    else if (v === false) no.push(x);
    else raiseError(["case_clause", v]);
  }
  return c === null ? [arrayToList(yes), arrayToList(no)] : fc();
}

/** `flatmap/2`: each result must be a proper list (`badarg` otherwise, as `++`). */
export function* flatmap(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const parts: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    let v = g(c.hd);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    parts.push(v);
  }
  if (c !== null) return fc();
  let r: Term = null;
  for (let i = parts.length - 1; i >= 0; i--) r = append2(parts[i] as Term, r);
  return r;
}

/** `filtermap/2`: the fun answers `true`, `false` or `#(true value)`. */
export function* filtermap(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const out: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    const x = c.hd;
    let v = g(x);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (v === true) out.push(x);
    else if (Array.isArray(v) && v.length === 2 && v[0] === true) out.push(v[1] as Term);
    else if (v !== false) raiseError(["case_clause", v]);
  }
  return c === null ? arrayToList(out) : fc();
}

/**
 * `zipwith/3` and `zipwith3/4`: the fun on the heads as long as every list has one; then
 * every list must have ended (`function_clause`), and the fun must take that many arguments.
 */
export function* zipwith(f: Term, ...lists: Term[]): Gen<Term> {
  const out: Term[] = [];
  const cs: Term[] = [...lists];
  const allCons = () => cs.every((c) => c instanceof Cons);
  while (allCons()) {
    let v = applyFun(f, cs.map((c) => (c as Cons).hd));
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    out.push(v as Term);
    for (let i = 0; i < cs.length; i++) cs[i] = (cs[i] as Cons).tl;
  }
  if (!cs.every((c) => c === null) || !isFunOf(f, lists.length)) return fc();
  return arrayToList(out);
}

/** `keymap/3`: the fun on element `n` of each tuple. */
export function* keymap(f: Term, n: Term, l: Term): Gen<Term> {
  const out: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    const t = c.hd;
    let v = applyFun(f, [element(n, t)]);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    out.push(setelement(n, t, v as Term));
  }
  const index = (typeof n === "number" && n >= 1) || (typeof n === "bigint" && n >= 1n);
  return c === null && index && isFunOf(f, 1) ? arrayToList(out) : fc();
}

/** `mapfoldl/3` and (with `right`) `mapfoldr/3`: the fun answers `#(value acc)`. */
export function* mapfold(f: Term, acc: Term, l: Term, right = false): Gen<Term> {
  const g = fun(f, 2);
  // mapfoldl calls the fun on each element before it looks further; mapfoldr reaches the end
  // of the list first.
  const xs = right ? elems(l).reverse() : [];
  const out: Term[] = [];
  let c: Term = right ? null : l;
  for (let i = 0; right ? i < xs.length : c instanceof Cons; i++) {
    const x = right ? xs[i] as Term : (c as Cons).hd;
    if (!right) c = (c as Cons).tl;
    let v = g(x, acc);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    if (!Array.isArray(v) || v.length !== 2) raiseError(["badmatch", v]);
    out.push(v[0]);
    acc = v[1];
  }
  if (c !== null) return fc();
  return [arrayToList(right ? out.reverse() : out), acc];
}

/** `uniq/2`: the first element of each key the fun gives. */
export function* uniqBy(f: Term, l: Term): Gen<Term> {
  const g = fun(f, 1);
  const xs: Term[] = [];
  const keys: Term[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    let v = g(c.hd);
    if (unresolved(v)) v = yield* resolve(v);
    else if (spent()) yield;
    xs.push(c.hd);
    keys.push(v);
  }
  if (c !== null) return fc();
  const ids = firstIndexes(keys);
  return arrayToList(xs.filter((_, i) => ids.get(keys[i] as Term) === i));
}
