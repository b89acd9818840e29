/**
 * The sequence functions of `clj`, over lists and lazy sequences. A lazy sequence is a fun of
 * no arguments that gives the empty list, or a cons of an element and the next such fun
 * (`next/3` makes them); `take`, `drop`, `cycle` and `partition` walk either kind, calling the
 * funs only as far as they need. Clause by clause they answer and fail as LFE's `clj` does.
 *
 * @module
 */

import { Cons, type Fun, nameFun, type Term } from "../../runtime/terms.ts";
import { add, eqArith, gt, sub } from "./ops.ts";
import { append2, duplicate, reverse, sublist2 } from "./_lists_basic.ts";
import { foldl } from "./_lists_hof.ts";
import { funcall, type Gen, isInteger, isList, lambda } from "./_clj_util.ts";
import { functionClause as fc, isFunOf, properArray, spent } from "./_util.ts";

const fn0 = (name: string, f: () => Gen<Term>): Fun => lambda("clj", name, 0, f);

/**
 * `next/3`: the lazy sequence `start`, `(func start step)`, `(func (func start step) step)`,
 * ...; each element is made when the sequence is walked that far.
 */
export function next(func: Term, start: Term, step: Term): Fun {
  return fn0("-next/3-fun-0-", function* () {
    const following = yield* funcall(func, start, step);
    return new Cons(start, next(func, following, step));
  });
}

// `#'+/2` in LFE's clj: the fun erlang:'+'/2.
const plus = nameFun((a: Term, b: Term) => add(a, b), {
  module: "erlang",
  name: "+",
  arity: 2,
  exported: true,
});

/** `range/2`: the lazy sequence of `start`, `start + step`, ... (`(next #'+/2 start step)`). */
export function range(start: Term, step: Term): Fun {
  return next(plus, start, step);
}

const first = lambda("clj", "-repeat/1-fun-0-", 2, (y: Term, _: Term) => y);

/** `repeat/1`: the lazy sequence of `x` for ever. */
export function repeat1(x: Term): Fun {
  return next(first, x, x);
}

/**
 * `repeat/2`: `n` results of calling the fun `f` of no arguments (last call first), or `n`
 * copies of any other `x` (`lists:duplicate/2`).
 */
export function* repeat2(n: Term, f: Term): Gen<Term> {
  if (typeof f !== "function" || !isInteger(n) || n < 0) return duplicate(n, f);
  let acc: Term = null;
  for (let i = n; i !== 0 && i !== 0n; i = sub(i, 1) as number | bigint) {
    acc = new Cons(yield* funcall(f), acc);
  }
  return acc;
}

/** `cycle/1`: the elements of a list or lazy sequence, over and over. */
export function cycle(l: Term): Term {
  if (l === null) return null;
  return fn0("-cycle/1-fun-0-", () => cycleFrom(l, null));
}

// -cycle/2: walks `l`, keeping what it passed (latest first) to start again from.
function* cycleFrom(l: Term, seen: Term): Gen<Term> {
  for (;;) {
    if (l === null) {
      // An empty sequence cycles for ever, as in LFE; others may run meanwhile.
      l = reverse(seen);
      seen = null;
      if (spent()) yield;
    } else if (isFunOf(l, 0)) {
      l = yield* funcall(l);
    } else if (l instanceof Cons) {
      const { hd, tl } = l;
      const passed = new Cons(hd, seen);
      return new Cons(hd, fn0("--cycle/2-fun-0-", () => cycleFrom(tl, passed)));
    } else return fc();
  }
}

/**
 * `drop/2`: all but the first `n` elements of a list (none for `all`); of a lazy sequence, the
 * lazy sequence that skips them.
 */
export function drop(n: Term, l: Term): Term {
  for (;;) {
    if (l === null) return null;
    if (n === 0) return l;
    if (n === "all" && isList(l)) return null;
    if (typeof l === "function") {
      const f = l;
      const count = n;
      return fn0("-drop/2-fun-0-", function* () {
        return yield* dropLazy(count, yield* funcall(f));
      });
    }
    if (!(l instanceof Cons)) return fc();
    n = sub(n, 1);
    l = l.tl;
  }
}

// -drop/2: drops from a cell of a lazy sequence.
function* dropLazy(n: Term, data: Term): Gen<Term> {
  for (;;) {
    if (data === null) return null;
    if (n === 0) return data;
    if (!(data instanceof Cons) || typeof data.tl !== "function") return fc();
    n = sub(n, 1);
    data = yield* funcall(data.tl);
  }
}

/**
 * `take/2`: the first `n` elements of a list (`lists:sublist/2`; all of it for `all`), or of a
 * lazy sequence (for a positive integer `n`).
 */
export function* take(n: Term, l: Term): Gen<Term> {
  if (l === null || n === 0) return null;
  if (n === "all" && isList(l)) return l;
  if (isList(l)) return sublist2(l, n);
  if (isFunOf(l, 0) && isInteger(n) && gt(n, 0)) return yield* takeLazy(n, yield* funcall(l));
  return fc();
}

// -take/3: takes from a cell of a lazy sequence.
function* takeLazy(n: Term, data: Term): Gen<Term> {
  let acc: Term = null;
  for (;;) {
    if (data === null) return reverse(acc);
    if (!(data instanceof Cons)) return fc();
    acc = new Cons(data.hd, acc);
    if (n === 1) return reverse(acc);
    n = sub(n, 1);
    data = yield* funcall(data.tl);
  }
}

/** `split-at/2`: `#(,(take n l) ,(drop n l))`. */
export function* splitAt(n: Term, l: Term): Gen<Term> {
  const taken = yield* take(n, l);
  return [taken, drop(n, l)];
}

/**
 * -partition/6, which `partition/2,3,4` and `partition-all/2,3` call: parts of `n` elements at
 * offsets `step` apart; the last part short (`partial`), or filled up from `pad`.
 */
export function* partition(
  n: Term,
  step: Term,
  pad: Term,
  partial: Term,
  l: Term,
): Gen<Term> {
  let acc: Term = null;
  for (;;) {
    if (n === 0) return l;
    if (l === null) return reverse(acc);
    const p = yield* take(n, l);
    const size = properArray(p)?.length;
    if (size !== undefined && eqArith(n, size)) {
      acc = new Cons(p, acc);
      l = drop(step, l);
      continue;
    }
    if (eqArith(false, partial)) return reverse(acc);
    const last = pad === null ? p : append2(p, pad);
    return reverse(new Cons(yield* take(n, last), acc));
  }
}

/** `interleave/2`: the first of each list, then the second of each, ... while both last. */
export function interleave(a: Term, b: Term): Term {
  const out: Term[] = [];
  let x = a, y = b;
  for (; x instanceof Cons && y instanceof Cons; x = x.tl, y = y.tl) out.push(x.hd, y.hd);
  let l: Term = null;
  for (let i = out.length - 1; i >= 0; i--) l = new Cons(out[i] as Term, l);
  return l;
}

/** `reduce/2`: a fold from the first element over the rest (`function_clause` for `()`). */
export function* reduce2(f: Term, l: Term): Gen<Term> {
  if (!(l instanceof Cons)) return fc();
  return yield* foldl(f, l.hd, l.tl);
}
