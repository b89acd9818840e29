/**
 * The operators as compiled code calls them when their fast paths do not apply: each error
 * they raise carries the operator's own entry first in its stack trace, with the arguments, as
 * BEAM reports it (`{erlang, '+', [1, a], [{error_info, #{module => erl_erts_errors}}]}`).
 *
 * @module
 */

import { ErlangError } from "../../runtime/errors.ts";
import { list, type Term, TermMap } from "../../runtime/terms.ts";
import * as ops from "./ops.ts";

const INFO: Term = list(["error_info", new TermMap([["module", "erl_erts_errors"]])]);

// deno-lint-ignore no-explicit-any
type AnyFn = (...args: any[]) => any;

/** `f` with its errors marked as raised by the BIF `erlang:name`. */
export function framed<F extends AnyFn>(name: string, f: F, arity = f.length): F {
  const mark = (e: unknown, args: Term[]) => {
    if (e instanceof ErlangError && e.bifFrame === undefined && e.stackTerm === undefined) {
      e.bifFrame = ["erlang", name, list(...args), INFO];
    }
    return e;
  };
  // One wrapper per arity, without a rest parameter, so that the call stays cheap.
  switch (arity) {
    case 1:
      return ((a: Term) => {
        try {
          return f(a);
        } catch (e) {
          throw mark(e, [a]);
        }
      }) as F;
    case 2:
      return ((a: Term, b: Term) => {
        try {
          return f(a, b);
        } catch (e) {
          throw mark(e, [a, b]);
        }
      }) as F;
    case 3:
      return ((a: Term, b: Term, c: Term) => {
        try {
          return f(a, b, c);
        } catch (e) {
          throw mark(e, [a, b, c]);
        }
      }) as F;
  }
  return ((...args: Term[]) => {
    try {
      return f(...args);
    } catch (e) {
      throw mark(e, args);
    }
  }) as F;
}

const NAMES: Record<string, string> = {
  add: "+",
  sub: "-",
  mul: "*",
  idiv: "div",
  rem: "rem",
  neg: "-",
  plus: "+",
  abs: "abs",
  band: "band",
  bor: "bor",
  bxor: "bxor",
  bnot: "bnot",
  bsl: "bsl",
  bsr: "bsr",
};

/** The module `ops` with its arithmetic framed. */
export const FRAMED_OPS: Record<string, AnyFn> = Object.fromEntries(
  Object.entries(ops).map(([k, f]) => [
    k,
    typeof f === "function" && NAMES[k] !== undefined ? framed(NAMES[k] as string, f as AnyFn) : f,
  ]),
) as Record<string, AnyFn>;

// The BIFs whose errors are not their own: raising is what they are for, or the error comes
// from the code they call.
const UNFRAMED = new Set([
  "error/1",
  "error/2",
  "exit/1",
  "throw/1",
  "raise/3",
  "apply/2",
  "apply/3",
  "halt/0",
  "halt/1",
]);

/**
 * A module table of `erlang` with each plain BIF's errors marked as its own (operators keep
 * their names): `list_to_atom(42)` fails with `{erlang, list_to_atom, [42], Info}` first.
 */
export function framedTable<T extends Record<string, AnyFn>>(fns: T): T {
  const ops = new Set(Object.values(FRAMED_OPS));
  const out: Record<string, AnyFn> = {};
  for (const [key, f] of Object.entries(fns)) {
    const slash = key.lastIndexOf("/");
    const isGen = f.constructor?.name === "GeneratorFunction";
    out[key] = isGen || ops.has(f) || UNFRAMED.has(key)
      ? f
      : framed(key.slice(0, slash), f, Number(key.slice(slash + 1)));
  }
  return out as T;
}
