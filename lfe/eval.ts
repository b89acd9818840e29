/**
 * Evaluating one LFE expression with variables already bound, as the shell does: the
 * expression is compiled into a function of those variables and run in the calling process.
 * A shell lends its own functions, macros and variables through {@linkcode ExprContext}.
 *
 * @example
 * ```ts ignore
 * import { evalForm } from "./eval.ts";
 * import { readAll } from "./reader.ts";
 * // inside a process:
 * // const v = yield* evalForm(readAll("(+ x 1)")[0]!, new Map([["x", 41]]));
 * ```
 *
 * @module
 */

import {
  arrayToList,
  type Fun,
  type ModuleFunctions,
  resolve,
  type Term,
  type Yielded,
} from "../runtime/mod.ts";
import { type DynamicScope, ModuleUnit } from "./compile.ts";
import { atLine, type ModuleParts, moduleParts } from "./_toplevel.ts";
import type { Macro } from "./macros.ts";
import { compilePattern } from "./_pattern.ts";
import { recordPattern } from "./_records.ts";

/** What a shell adds to the code it compiles. */
export interface ExprContext {
  /** Free symbols and calls of unknown functions go here, when the code runs. */
  scope?: DynamicScope;
  /** Macros defined in the shell (and records' accessors). */
  macros?: ReadonlyMap<string, Macro>;
  /** Functions called without a module: `name/arity` → [module, function]. */
  imports?: ReadonlyMap<string, readonly [string, string]>;
}

function unitFor(module: string, ctx: ExprContext): ModuleUnit {
  const unit = new ModuleUnit(module, ctx.scope);
  for (const [k, m] of ctx.macros ?? []) unit.macroEnv.macros.set(k, m);
  for (const [k, i] of ctx.imports ?? []) unit.imports.set(k, [i[0], i[1]]);
  return unit;
}

/** Compiles `form` as a function of the variables `vars`, in module `module` (for errors). */
export function compileExpr(
  form: Term,
  vars: string[],
  module = "lfe_shell",
  ctx: ExprContext = {},
): Fun {
  const unit = unitFor(module, ctx);
  unit.addFunction("-expr-", [arrayToList([arrayToList(vars), form])]);
  return unit.build("all")[`-expr-/${vars.length}`] as Fun;
}

/** Evaluates `form` with `env`'s variables bound; runs as part of the calling process. */
export function* evalForm(
  form: Term,
  env: ReadonlyMap<string, Term> = new Map(),
  ctx: ExprContext = {},
): Generator<Yielded, Term, unknown> {
  const names = [...env.keys()];
  const f = compileExpr(form, names, "lfe_shell", ctx);
  return yield* resolve(f(...names.map((n) => env.get(n))));
}

/** `(defun name ...)` at a shell: the function, its key `name/arity`. */
export function compileShellFunction(
  name: string,
  rest: Term[],
  ctx: ExprContext = {},
): { key: string; fn: Fun } {
  const unit = unitFor("lfe_shell", ctx);
  const key = unit.addFunction(name, rest);
  return { key, fn: unit.build("all")[key] as Fun };
}

/** What `slurp` takes from a module file: every function, its macros and records, imports. */
export interface Slurped {
  module: string;
  functions: ModuleFunctions;
  macros: Map<string, Macro>;
  imports: Map<string, [string, string]>;
}

/**
 * The module of `forms` made ready for a shell (`slurp`): compiled and checked as a module is,
 * every function kept, exported or not.
 */
export function slurpForms(forms: Term[], lines: number[]): Slurped {
  const parts: ModuleParts = moduleParts(forms, lines);
  const { unit } = parts;
  const functions = atLine(parts, () => unit.build("all"));
  return {
    module: unit.name,
    functions,
    macros: new Map(unit.macroEnv.macros),
    imports: new Map(unit.imports),
  };
}

/** The variables a pattern binds, in order, after expanding the macros in it (records'). */
export function patternVariables(pattern: Term, ctx: ExprContext = {}): string[] {
  const unit = unitFor("lfe_shell", ctx);
  let n = 0;
  const cp = compilePattern(pattern, "$subject", {
    declare: (name) => `${name}$${n++}`,
    constant: (t) => unit.constant(t),
    expand: (f) => unit.expand(f),
    recordPattern: (name, args) => recordPattern(unit.macroEnv, name, args),
  });
  return [...cp.binds.keys()];
}
