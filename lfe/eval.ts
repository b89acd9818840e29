/**
 * Evaluating one LFE expression with variables already bound, as the shell does: the
 * expression is compiled into a function of those variables and run in the calling process.
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

import { arrayToList, type Fun, resolve, type Term, type Yielded } from "../runtime/mod.ts";
import { ModuleUnit } from "./compile.ts";

/** Compiles `form` as a function of the variables `vars`, in module `module` (for errors). */
export function compileExpr(form: Term, vars: string[], module = "lfe_shell"): Fun {
  const unit = new ModuleUnit(module);
  unit.addFunction("-expr-", [arrayToList([arrayToList(vars), form])]);
  return unit.build("all")[`-expr-/${vars.length}`] as Fun;
}

/** Evaluates `form` with `env`'s variables bound; runs as part of the calling process. */
export function* evalForm(
  form: Term,
  env: ReadonlyMap<string, Term> = new Map(),
): Generator<Yielded, Term, unknown> {
  const names = [...env.keys()];
  const f = compileExpr(form, names);
  return yield* resolve(f(...names.map((n) => env.get(n))));
}
