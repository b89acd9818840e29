/**
 * What the collection modules (`queue`, `sets`, `ordsets`, `orddict`, `dict`) share: calling a
 * fun that may wait, and the boolean answer a predicate must give.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import type { Term } from "../../runtime/terms.ts";
import { applyFun, spent, unresolved } from "./_util.ts";

/** A built-in that may call a fun which waits: run it with `yield*`. */
export type Gen<T> = Generator<Yielded, T, unknown>;

/**
 * Calls `f` with `args` as Erlang applies a fun (`{badfun, F}`, `{badarity, {F, Args}}`) and
 * gives its term, waiting as the fun waits; a loop of calls counts reductions and lets other
 * processes run when the budget is spent.
 */
export function* callFun(f: Term, ...args: Term[]): Gen<Term> {
  let v = applyFun(f, args);
  if (unresolved(v)) v = yield* resolve(v);
  else if (spent()) yield;
  return v as Term;
}

/** A predicate's answer: `true` or `false`, otherwise `{case_clause, V}` as OTP's `case`. */
export function* predicate(f: Term, x: Term): Gen<boolean> {
  const v = yield* callFun(f, x);
  return typeof v === "boolean" ? v : raiseError(["case_clause", v]);
}
