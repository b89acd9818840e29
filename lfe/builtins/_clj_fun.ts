/**
 * The functions of `clj` that make funs of funs: composition (`comp/0,1,2,3`), partial
 * application (`partial/2`), `identity/1` and `constantly/1`. The funs they return are named as
 * BEAM names `clj`'s lambdas (`-comp/2-fun-0-`, ...), and fail when called as those do: `{badfun,
 * F}` for what is no fun, `{badarity, {F, Args}}` for a fun of another arity, `badarg` for an
 * argument list that is not a proper list.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Fun, type Term } from "../../runtime/terms.ts";
import { funcall, type Gen, isList, lambda } from "./_clj_util.ts";
import { append2, elems } from "./_lists_basic.ts";
import { applyFun, properArray, spent, unresolved } from "./_util.ts";

/** `identity/1`, which is also the fun `comp/0` gives (`#'identity/1`). */
export const identity = lambda("clj", "identity", 1, (x: Term) => x);

/** `constantly/1`: a fun of one argument that answers `x`. */
export function constantly(x: Term): Fun {
  return lambda("clj", "-constantly/1-fun-0-", 1, (_: Term) => x);
}

// The first clause of comp/2: `(fn [x] (funcall f (funcall g x)))`.
function compose(f: Term, g: Term): Fun {
  return lambda("clj", "-comp/2-fun-0-", 1, function* (x: Term): Gen<Term> {
    return yield* funcall(f, yield* funcall(g, x));
  });
}

/** `comp/1`: the funs of `fs` composed right to left (`lists:foldr` over them). */
export function comp1(fs: Term): Term {
  const xs = elems(fs);
  let acc: Term = identity;
  for (let i = xs.length - 1; i >= 0; i--) acc = compose(xs[i] as Term, acc);
  return acc;
}

/**
 * `comp/2`: `f` after `g` when `g` is a fun; otherwise the funs of the list `f` composed and
 * applied to `g`.
 */
export function* comp2(f: Term, g: Term): Gen<Term> {
  if (typeof g === "function") return compose(f, g);
  return yield* funcall(comp1(f), g);
}

/** `comp/3`: `(funcall (comp f g) x)`. */
export function* comp3(f: Term, g: Term, x: Term): Gen<Term> {
  return yield* funcall(yield* comp2(f, g), x);
}

// `(apply f args)`: `badarg` for an argument list that is not proper.
function* apply(f: Term, args: Term): Gen<Term> {
  const xs = properArray(args);
  if (xs === undefined) return raiseError("badarg");
  const r = applyFun(f, xs);
  if (unresolved(r)) return yield* resolve(r);
  if (spent()) yield;
  return r as Term;
}

/**
 * `partial/2`: `f` with its first arguments given. With a list `args`, the fun takes the rest
 * as a list or as one argument; with any other first argument, as a list or as the second.
 */
export function partial(f: Term, first: Term): Fun {
  if (isList(first)) {
    return lambda("clj", "-partial/2-fun-0-", 1, function* (more: Term): Gen<Term> {
      return yield* apply(f, append2(first, isList(more) ? more : new Cons(more, null)));
    });
  }
  return lambda("clj", "-partial/2-fun-1-", 1, function* (more: Term): Gen<Term> {
    if (isList(more)) return yield* apply(f, new Cons(first, more));
    return yield* funcall(f, first, more);
  });
}
