/**
 * The state of one LFE shell, as `lfe_shell` keeps it: variables (`set`, and the history
 * variables `+ ++ +++ * ** *** -`), functions and macros defined at the prompt or slurped from a
 * file, records, and imports of a slurped module. Code compiled at the prompt looks its free
 * symbols and unknown functions up here when it runs, so a function sees variables set after it
 * was defined, as in LFE. `slurp` saves the state before it, `unslurp` goes back to that, and
 * `reset-environment` to the state the shell started with.
 *
 * @module
 */

import type { DynamicScope, ExprContext, Macro } from "../lfe/mod.ts";
import { charlist, type Fun, type Term } from "../runtime/mod.ts";
import { SHELL_FUNCTIONS, SHELL_MACROS } from "./builtin_env.ts";

interface Parts {
  vars: Map<string, Term>;
  fns: Map<string, Fun>;
  macros: Map<string, Macro>;
  imports: Map<string, [string, string]>;
}

function copy(p: Parts): Parts {
  return {
    vars: new Map(p.vars),
    fns: new Map(p.fns),
    macros: new Map(p.macros),
    imports: new Map(p.imports),
  };
}

const HISTORY = ["+", "++", "+++", "-", "*", "**", "***"];

/** One shell's variables, functions, macros and imports. */
export class ShellState implements DynamicScope {
  #p: Parts;
  #base: Parts;
  #saved: Parts | undefined;

  /** The BEAM node this shell evaluates on (through erl_eval), if it is one. */
  readonly beam: string | undefined;

  constructor(scriptName = "lfe", scriptArgs: Term = null, beam?: string) {
    this.beam = beam;
    const vars = new Map<string, Term>([["script-name", charlist(scriptName)], [
      "script-args",
      scriptArgs,
    ]]);
    for (const h of HISTORY) vars.set(h, null);
    this.#p = { vars, fns: new Map(), macros: new Map(SHELL_MACROS), imports: new Map() };
    this.#base = copy(this.#p);
  }

  /** The variables bound at the prompt. */
  get vars(): Map<string, Term> {
    return this.#p.vars;
  }

  /** What compiled code gets: this scope, the macros and the slurped module's imports. */
  get context(): ExprContext {
    return { scope: this, macros: this.#p.macros, imports: this.#p.imports };
  }

  /** The macros, for defining more. */
  get macros(): Map<string, Macro> {
    return this.#p.macros;
  }

  variable(name: string): Term | undefined {
    return this.#p.vars.get(name);
  }

  fn(name: string, arity: number): Fun | undefined {
    const key = `${name}/${arity}`;
    return this.#p.fns.get(key) ?? SHELL_FUNCTIONS.get(key);
  }

  /** Defines (or redefines) a function of the shell. */
  defineFunction(key: string, fn: Fun): void {
    this.#p.fns.set(key, fn);
  }

  /** Defines (or redefines) a macro of the shell. */
  defineMacro(name: string, macro: Macro): void {
    this.#p.macros.set(name, macro);
  }

  /** A copy of everything, to go back to if a form fails. */
  snapshot(): unknown {
    return copy(this.#p);
  }

  /** Goes back to a {@linkcode snapshot}. */
  restore(snapshot: unknown): void {
    this.#p = copy(snapshot as Parts);
  }

  /** The history variables after `form` gave `value`, as LFE's shell updates them. */
  remember(form: Term, value: Term): void {
    const v = this.#p.vars;
    v.set("+++", v.get("++") ?? null);
    v.set("++", v.get("+") ?? null);
    v.set("+", form);
    v.set("***", v.get("**") ?? null);
    v.set("**", v.get("*") ?? null);
    v.set("*", value);
  }

  /** Before a slurp: what `unslurp` goes back to. */
  save(): void {
    this.#saved = copy(this.#p);
  }

  /** Adds what a slurped module defines: its functions, macros and imports. */
  addSlurped(
    functions: Record<string, Fun>,
    macros: Map<string, Macro>,
    imports: Map<string, [string, string]>,
  ): void {
    for (const [k, f] of Object.entries(functions)) this.#p.fns.set(k, f);
    for (const [k, m] of macros) this.#p.macros.set(k, m);
    for (const [k, i] of imports) this.#p.imports.set(k, i);
  }

  /** `(unslurp)`: back to the state before the last slurp, if there was one. */
  unslurp(): void {
    if (this.#saved === undefined) return;
    this.#p = this.#saved;
    this.#saved = undefined;
  }

  /** `(reset-environment)`: back to the state the shell started with. */
  reset(): void {
    this.#p = copy(this.#base);
    this.#saved = undefined;
  }
}
