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
export function framed<F extends AnyFn>(name: string, f: F): F {
  return ((...args: Term[]) => {
    try {
      return f(...args);
    } catch (e) {
      if (e instanceof ErlangError && e.bifFrame === undefined && e.stackTerm === undefined) {
        e.bifFrame = ["erlang", name, list(...args), INFO];
      }
      throw e;
    }
  }) as F;
}

const NAMES: Record<string, string> = {
  add: "+",
  sub: "-",
  mul: "*",
  fdiv: "/",
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
