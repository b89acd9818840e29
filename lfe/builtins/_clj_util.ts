/**
 * What the `clj` and `cl` modules share: calling a fun as LFE's `funcall` does, naming the funs
 * they return as BEAM names an LFE module's lambdas, and the tests LFE's `if`, `not`, `andalso`
 * and `orelse` make of a value that should be a boolean, each raising what compiled LFE raises.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { ErlangError, raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { arrayToList, Cons, type Fun, nameFun, type Term } from "../../runtime/terms.ts";
import { LfeMacroError } from "../compile.ts";
import type { Macro } from "../macros.ts";
import { applyFun, properArray, spent, unresolved } from "./_util.ts";

/** A generator that may wait, as the functions that call funs are. */
export type Gen<T> = Generator<Yielded, T, unknown>;

/**
 * `(funcall f arg ...)`: `{badfun, F}` if `f` is no fun, `{badarity, {F, Args}}` for another
 * arity; the result resolved. Counts a reduction, and lets others run when the budget is spent.
 */
export function* funcall(f: Term, ...args: Term[]): Gen<Term> {
  const r = applyFun(f, args);
  if (unresolved(r)) return yield* resolve(r);
  if (spent()) yield;
  return r as Term;
}

/** Names `f` as the fun `module:name/arity` that an LFE module's lambda is on BEAM. */
export function lambda<F extends Fun>(module: string, name: string, arity: number, f: F): F {
  return nameFun(f, { module, name, arity });
}

/** LFE's `if` of a value: `true` or `false`, else `{case_clause, V}`. */
export function test(v: Term): boolean {
  return typeof v === "boolean" ? v : raiseError(["case_clause", v]);
}

/** `(not v)`: `badarg` unless `v` is a boolean. */
export function not(v: Term): boolean {
  return typeof v === "boolean" ? !v : raiseError("badarg");
}

/** The left side of `andalso`/`orelse`: `{badarg, V}` unless it is a boolean. */
export function bool(v: Term): boolean {
  return typeof v === "boolean" ? v : raiseError(["badarg", v]);
}

/** A comprehension's filter: `{bad_filter, V}` unless it is a boolean. */
export function filter(v: Term): boolean {
  return typeof v === "boolean" ? v : raiseError(["bad_filter", v]);
}

/**
 * Where a comprehension's generator ran out of list: nothing if at the empty list, else
 * `{bad_generator, Tail}`, raised only after the elements before it were seen (as LFE's).
 */
export function generatorEnd(tail: Term): void {
  if (tail !== null) raiseError(["bad_generator", tail]);
}

/** Whether `t` is a list (proper or not), as the guard `is_list`. */
export function isList(t: Term): t is Cons | null {
  return t === null || t instanceof Cons;
}

/** Whether `t` is an atom, as the guard `is_atom` (`true` and `false` included). */
export function isAtom(t: Term): t is string | boolean {
  return typeof t === "string" || typeof t === "boolean";
}

/** Whether `t` is an integer, as the guard `is_integer`. */
export function isInteger(t: Term): t is number | bigint {
  return typeof t === "number" || typeof t === "bigint";
}

/**
 * A macro as LFE runs it: the argument forms in, the expansion out; a failure is an Erlang
 * error (`function_clause`, `{case_clause, Args}`, ...) as the macro's LFE code would raise.
 */
export type MacroFn = (args: Term[]) => Term;

/**
 * The macros of `module` as the compiler takes them: a failure becomes the compiler's
 * `error expanding (: module name arg ...)` with the Erlang error's reason, as LFE says it.
 */
export function exportedMacros(
  module: string,
  fns: Readonly<Record<string, MacroFn>>,
): Map<string, Macro> {
  const macros = new Map<string, Macro>();
  for (const [name, fn] of Object.entries(fns)) {
    macros.set(name, (args) => {
      try {
        return fn(args);
      } catch (e) {
        if (!(e instanceof ErlangError)) throw e;
        throw new LfeMacroError(arrayToList([":", module, name, ...args]), e.reason);
      }
    });
  }
  return macros;
}

/**
 * `'LFE-EXPAND-EXPORTED-MACRO'/3`, which LFE's macro expander calls on a module to expand its
 * exported macros: `#(yes Expansion)`, or `no` for a name that is no macro of the module.
 */
export function expandExported(
  fns: Readonly<Record<string, MacroFn>>,
): (name: Term, args: Term, env: Term) => Term {
  return (name, args) => {
    if (typeof name !== "string" || !Object.hasOwn(fns, name)) return "no";
    const xs = properArray(args);
    if (xs === undefined) return raiseError(["case_clause", args]);
    return ["yes", (fns[name] as MacroFn)(xs)];
  };
}
