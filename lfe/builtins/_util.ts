/**
 * What the built-in modules share: naming a module's functions as funs, calling a fun the way
 * Erlang does (with its errors), letting a long loop give up the processor, and reading lists.
 *
 * @module
 */

import { TailCall } from "../../runtime/call.ts";
import { isGenerator } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import {
  arrayToList,
  Cons,
  type Fun,
  FUN_INFO,
  funInfo,
  nameFun,
  type Term,
} from "../../runtime/terms.ts";

/**
 * Names every function of a module's table as the fun `module:name/arity` of its key (one
 * already named keeps its name), so that `is_function/2` and the arity check of a call see the
 * arity of the key rather than what JavaScript counts.
 */
export function moduleTable(module: string, fns: ModuleFunctions): ModuleFunctions {
  for (const [key, f] of Object.entries(fns)) {
    if (Object.hasOwn(f, FUN_INFO)) continue;
    const i = key.lastIndexOf("/");
    nameFun(f, { module, name: key.slice(0, i), arity: Number(key.slice(i + 1)) });
  }
  return fns;
}

/** Whether a call's result still has to be run (`yield* resolve(r)`) to give its term. */
export function unresolved(r: unknown): boolean {
  return r instanceof TailCall || isGenerator(r);
}

/** Whether `f` is a fun of `arity` arguments, as the guard `is_function(F, Arity)`. */
export function isFunOf(f: unknown, arity: number): f is Fun {
  return typeof f === "function" && funInfo(f as Fun).arity === arity;
}

/**
 * Calls the fun `f` with `args` as Erlang applies a fun: `{badfun, F}` if it is no fun,
 * `{badarity, {F, Args}}` (the arguments as a list) if it takes another number of arguments.
 * The result may still have to be resolved.
 */
export function applyFun(f: unknown, args: Term[]): unknown {
  if (typeof f !== "function") raiseError(["badfun", f as Term]);
  if (funInfo(f as Fun).arity !== args.length) {
    raiseError(["badarity", [f as Term, arrayToList(args)]]);
  }
  return (f as Fun)(...args);
}

/**
 * Counts one reduction of the calling process; `true` when its budget is spent, and the loop
 * that asked should `yield` so that others run (as a BEAM process is preempted in a long
 * `lists:map/2`).
 */
export function spent(): boolean {
  const p = currentProcess();
  return p !== null && --p.reds <= 0;
}

/** The elements of a proper list, or `undefined` if `l` is not one. */
export function properArray(l: Term): Term[] | undefined {
  const out: Term[] = [];
  let c = l;
  while (c instanceof Cons) {
    out.push(c.hd);
    c = c.tl;
  }
  return c === null ? out : undefined;
}

/** The elements of a proper list; otherwise raises `reason` (`badarg` by default). */
export function mustArray(l: Term, reason: Term = "badarg"): Term[] {
  const a = properArray(l);
  if (a === undefined) raiseError(reason);
  return a;
}

/** Whether `t` is an integer term that is a safe number (no bigint). */
export function isSmall(t: unknown): t is number {
  return typeof t === "number";
}

/** Raises `function_clause`, as a call that no clause of an Erlang function matches. */
export function functionClause(): never {
  return raiseError("function_clause");
}
