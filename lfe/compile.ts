/**
 * The compiler: an LFE module (`defmodule` and its `defun`s, `defmacro`s, `defrecord`s) to a
 * table of JavaScript functions, made once with `new Function` from the source the code
 * generator writes. Functions that can wait are generator functions, the others plain; which
 * is which is settled by compiling every function as plain and redoing the ones that turn out
 * to wait, until nothing changes.
 *
 * @module
 */

import {
  arrayToList,
  Cons,
  findModule,
  type Fun,
  isGeneratorFunction,
  type ModuleFunctions,
  type Term,
} from "../runtime/mod.ts";
import { compilePattern } from "./_pattern.ts";
import { FnGen, type LocalFn, NeedsGenerator, Scope } from "./codegen.ts";
import { defineRecord, elems, type Macro, type MacroEnv, macroexpand1 } from "./macros.ts";
import { rt } from "./rt.ts";

/** A compile error: the module and what is wrong. */
export class LfeCompileError extends SyntaxError {
  override name = "LfeCompileError";
}

interface FnDef {
  name: string;
  arity: number;
  clauses: Term[];
  js: string;
  gen: boolean;
}

/** One module being compiled: its functions, constants and the names it refers to. */
export class ModuleUnit {
  readonly name: string;
  readonly macroEnv: MacroEnv = { macros: new Map() };
  /** Imported functions: local `name/arity` → [module, name there]. */
  readonly imports = new Map<string, [string, string]>();
  readonly fns = new Map<string, FnDef>();
  readonly #constants: Term[] = [];
  readonly #modRefs: string[] = [];
  readonly #bifs: Fun[] = [];
  readonly #bifIndex = new Map<string, number>();
  #uid = 0;
  #lambdas = 0;

  constructor(name: string) {
    this.name = name;
  }

  uid(): number {
    return this.#uid++;
  }

  constant(t: Term): string {
    this.#constants.push(t);
    return `$K[${this.#constants.length - 1}]`;
  }

  moduleRef(name: string): string {
    let i = this.#modRefs.indexOf(name);
    if (i < 0) i = this.#modRefs.push(name) - 1;
    return `$M[${i}]`;
  }

  /** A function of a built-in module known now, with whether it waits. */
  bif(module: string, key: string): LocalFn | undefined {
    if (module === this.name) return undefined;
    const id = `${module}:${key}`;
    let i = this.#bifIndex.get(id);
    if (i === undefined) {
      const fns = BUILTIN_MODULES.has(module) ? findModule(module) : undefined;
      const fn = fns?.[key];
      if (fn === undefined) return undefined;
      i = this.#bifs.push(fn) - 1;
      this.#bifIndex.set(id, i);
    }
    return { js: `$B[${i}]`, gen: isGeneratorFunction(this.#bifs[i]) };
  }

  localFn(key: string): LocalFn | undefined {
    const f = this.fns.get(key);
    return f === undefined ? undefined : { js: f.js, gen: f.gen };
  }

  expand(f: Term): Term | undefined {
    return macroexpand1(f, this.macroEnv);
  }

  /** A fun (lambda or match-lambda) as a JS expression, its captured variables copied in. */
  closure(clauses: Term[], arity: number, sc: Scope, parent: FnGen, label: string): string {
    return this.#closure(clauses, arity, sc, parent, label).expr;
  }

  #closure(
    clauses: Term[],
    arity: number,
    sc: Scope,
    parent: FnGen,
    label: string,
  ): { expr: string; gen: boolean } {
    const name = `${label}${this.#lambdas++}-`;
    const { source, captured, gen } = this.#compileClauses(
      clauses,
      arity,
      sc,
      `$lam${this.uid()}`,
      undefined,
      this.name,
      name,
    );
    for (const v of captured) if (!parent.decls.has(v)) parent.captured.add(v);
    const caps = [...captured];
    const expr = `rt.fun(((${caps.join(", ")}) => ${source})(${caps.join(", ")}), ${
      JSON.stringify(this.name)
    }, ${JSON.stringify(name)}, ${arity})`;
    return { expr, gen };
  }

  /** `flet`/`fletrec`: functions visible in `body`, held by one object so they can recur. */
  localFunctions(
    g: FnGen,
    defs: Term[],
    body: Term[],
    sc: Scope,
    tail: boolean,
    rec: boolean,
  ): string | undefined {
    const holder = g.declare("$flet");
    g.emit(`${holder} = {};`);
    const inner = new Scope(sc);
    const parsed = defs.map((d) => {
      const [name, ...rest] = elems(d, "a local function");
      const clauses = defunClauses(rest);
      const arity = elems(elems(clauses[0] as Term, "a clause")[0] as Term, "patterns").length;
      return { name: name as string, arity, clauses, key: `${String(name)}/${arity}` };
    });
    const defScope = rec ? inner : sc;
    const gens = new Map(parsed.map((p) => [p.key, false]));
    const setFns = () => {
      for (const p of parsed) {
        inner.fns.set(p.key, { js: `${holder}[${JSON.stringify(p.key)}]`, gen: gens.get(p.key)! });
      }
    };
    for (let round = 0; round < 10; round++) {
      setFns();
      let changed = false;
      const lines: string[] = [];
      for (const p of parsed) {
        const c = this.#closure(p.clauses, p.arity, defScope, g, `-${p.name}/${p.arity}-`);
        if (c.gen !== gens.get(p.key)) {
          gens.set(p.key, c.gen);
          changed = true;
        }
        lines.push(`${holder}[${JSON.stringify(p.key)}] = ${c.expr};`);
      }
      if (!changed || !rec) {
        for (const l of lines) g.emit(l);
        setFns();
        return g.body(body, inner, tail);
      }
    }
    throw new LfeCompileError("Cannot settle the local functions of an fletrec");
  }

  /** `#'f/2` in code: a fun of the local function `f/2`. */
  funRef(key: string, sc: Scope, _g: FnGen): string {
    const local = sc.fn(key) ?? this.localFn(key);
    if (local === undefined) throw new LfeCompileError(`Undefined function ${key} in #'${key}`);
    return local.js;
  }

  /**
   * Compiles clauses into a JS function expression: plain if it can be, else a generator.
   * `selfKey` makes tail calls to that key loop.
   */
  #compileClauses(
    clauses: Term[],
    arity: number,
    outer: Scope | null,
    jsName: string,
    selfKey: string | undefined,
    module: string,
    name: string,
    forceGen = false,
  ): { source: string; captured: Set<string>; gen: boolean } {
    for (const gen of forceGen ? [true] : [false, true]) {
      const g = new FnGen(this, gen, outer);
      try {
        const params = Array.from({ length: arity }, (_, i) => `$a${i}`);
        g.selfKey = selfKey;
        g.selfParams = params;
        const sc = new Scope(outer);
        g.emit(`$top: for (;;) {`);
        if (gen) g.emit(`if (--$p.reds <= 0) yield;`);
        for (const c of clauses) {
          const [pats, ...rest] = elems(c, "a function clause");
          const ps = elems(pats as Term, "clause patterns");
          if (ps.length !== arity) throw new LfeCompileError(`Clauses of ${name} differ in arity`);
          const w = rest[0];
          const guard = w instanceof Cons && w.hd === "when" ? elems(w.tl, "a guard") : [];
          const body = guard.length > 0 || (w instanceof Cons && w.hd === "when")
            ? rest.slice(1)
            : rest;
          const tests: string[] = [];
          const binds = new Map<string, string>();
          const host = {
            declare: (n: string) => g.declare(n),
            constant: (t: Term) => this.constant(t),
            expand: (f: Term) => this.expand(f),
          };
          ps.forEach((p, i) => {
            const cp = compilePattern(p as Term, params[i] as string, host);
            tests.push(cp.test);
            // A variable in two parameters must match equal terms in both.
            for (const [k, v] of cp.binds) {
              const prev = binds.get(k);
              if (prev !== undefined) tests.push(`rt.exactEq(${prev}, ${v})`);
              else binds.set(k, v);
            }
          });
          const inner = g.scopeWith(binds, sc);
          if (guard.length > 0) tests.push(g.guard(guard, inner));
          g.emit(`if (${tests.filter((t) => t !== "true").join(" && ") || "true"}) {`);
          g.body(body, inner, true);
          g.emit(`}`);
        }
        g.emit(
          `return rt.functionClause(${JSON.stringify(module)}, ${JSON.stringify(name)}, [${
            params.join(", ")
          }]);`,
        );
        g.emit(`}`);
        const decls = [...g.decls];
        const head = `${gen ? "function*" : "function"} ${jsName}(${params.join(", ")})`;
        const source = `${head} {${decls.length > 0 ? ` let ${decls.join(", ")};` : ""}${
          gen ? " const $p = rt.proc();" : ""
        }\n${g.lines.join("\n")}\n}`;
        return { source, captured: g.captured, gen };
      } catch (e) {
        if (e instanceof NeedsGenerator && !gen) continue;
        throw e;
      }
    }
    throw new Error("unreachable");
  }

  /** Compiles every function; answers the module's JS source. */
  compileFunctions(): string {
    const sources = new Map<string, string>();
    for (let round = 0; round < 50; round++) {
      let changed = false;
      for (const [key, f] of this.fns) {
        const { source, gen } = this.#compileClauses(
          f.clauses,
          f.arity,
          null,
          f.js,
          key,
          this.name,
          f.name,
          f.gen,
        );
        if (gen !== f.gen) {
          f.gen = gen;
          changed = true;
        }
        sources.set(key, source);
      }
      if (!changed) return [...sources.values()].join("\n");
    }
    throw new LfeCompileError(`Cannot settle which functions of ${this.name} wait`);
  }

  /** Makes the module's functions: every function by key, exported or not. */
  build(exports: Set<string> | "all"): ModuleFunctions {
    const body = this.compileFunctions();
    const table = [...this.fns].map(([key, f]) =>
      `t[${JSON.stringify(key)}] = rt.fun(${f.js}, ${JSON.stringify(this.name)}, ${
        JSON.stringify(f.name)
      }, ${f.arity});`
    );
    const source = `"use strict";\n${body}\nconst t = Object.create(null);\n${
      table.join("\n")
    }\nreturn t;`;
    const factory = new Function("rt", "$K", "$M", "$B", source) as (
      ...a: unknown[]
    ) => ModuleFunctions;
    const all = factory(rt, this.#constants, this.#modRefs.map((m) => rt.mod(m)), this.#bifs);
    if (exports === "all") return all;
    const out: ModuleFunctions = Object.create(null);
    for (const key of exports) {
      const f = all[key];
      if (f === undefined) throw new LfeCompileError(`Exported function ${key} is not defined`);
      out[key] = f;
    }
    return out;
  }

  /** Adds `(defun name ...)`. */
  addFunction(name: string, rest: Term[]): void {
    const clauses = defunClauses(rest);
    const arity = elems(elems(clauses[0] as Term, "a clause")[0] as Term, "patterns").length;
    const key = `${name}/${arity}`;
    if (this.fns.has(key)) throw new LfeCompileError(`Function ${key} is defined twice`);
    this.fns.set(key, {
      name,
      arity,
      clauses,
      js: `f_${name.replace(/[^A-Za-z0-9_]/g, "_")}_${arity}_${this.uid()}`,
      gen: false,
    });
  }

  /** Adds `(defmacro name ...)`, made into a function run at compile time. */
  addMacro(name: string, rest: Term[]): void {
    const [params, ...body] = rest;
    const pattern: Term = typeof params === "string" ? params : new Cons("list", params as Term);
    const clause = arrayToList([arrayToList([pattern]), ...body]);
    const unit = new ModuleUnit(this.name);
    for (const [k, m] of this.macroEnv.macros) unit.macroEnv.macros.set(k, m);
    unit.addFunction("-macro-", [clause]);
    const fn = unit.build("all")["-macro-/1"] as Fun;
    const macro: Macro = (args) => runNow(fn(arrayToList(args)));
    this.macroEnv.macros.set(name, macro);
  }
}

/** The modules whose functions are known when code is compiled (they never change). */
export const BUILTIN_MODULES = new Set([
  "erlang",
  "lists",
  "maps",
  "proplists",
  "string",
  "timer",
  "io",
  "io_lib",
  "lfe_io",
  "net_adm",
  "net_kernel",
  "rpc",
]);

/** The clauses of a `defun` (or `flet` function): `(args) body...` or `((pats) body...)...`. */
export function defunClauses(rest: Term[]): Term[] {
  let r = rest;
  // A doc string comes before the arguments.
  if (r.length > 2 && r[0] instanceof Cons && isCharList(r[0]) && r[1] instanceof Cons) {
    r = r.slice(1);
  }
  const first = r[0];
  const simple = first === null ||
    (first instanceof Cons && elems(first, "arguments").every((a) => typeof a === "string"));
  if (simple) return [arrayToList([first as Term, ...r.slice(1)])];
  return r;
}

function isCharList(t: Term): boolean {
  for (let c: Term = t; c !== null; c = (c as Cons).tl) {
    if (!(c instanceof Cons) || typeof c.hd !== "number") return false;
  }
  return true;
}

// Runs a macro's function outside any process: it may call built-ins but not wait.
function runNow(r: unknown): Term {
  for (;;) {
    if (r instanceof rt.TailCall) r = r.f(...r.args);
    else if (rt.isGenerator(r)) {
      let step = r.next();
      while (!step.done) {
        if (step.value === rt.WAIT) throw new LfeCompileError("A macro cannot wait for messages");
        step = r.next();
      }
      r = step.value;
    } else return r as Term;
  }
}

/** What compiling a module gives: its name and its exported functions. */
export interface CompiledModule {
  name: string;
  functions: ModuleFunctions;
}

/** Compiles the forms of one module file. */
export function compileModule(forms: Term[]): CompiledModule {
  const [first, ...rest] = forms;
  if (!(first instanceof Cons) || first.hd !== "defmodule") {
    throw new LfeCompileError("A module file must start with (defmodule name ...)");
  }
  const [name, ...attrs] = elems(first.tl, "defmodule");
  if (typeof name !== "string") throw new LfeCompileError("A module name must be an atom");
  const unit = new ModuleUnit(name);
  let exports: Set<string> | "all" = new Set();
  for (const a of attrs) {
    const [kind, ...items] = elems(a, "a module attribute");
    if (kind === "export") {
      for (const it of items) {
        if (it === "all") exports = "all";
        else if (exports !== "all") {
          const [f, n] = elems(it, "an export");
          exports.add(`${String(f)}/${String(n)}`);
        }
      }
    } else if (kind === "import") {
      for (const it of items) {
        const [how, mod, ...fs] = elems(it, "an import");
        if (how !== "from" && how !== "rename") continue;
        for (const f of fs) {
          const parts = elems(f, "an imported function");
          const [fname, n] = how === "rename" ? elems(parts[0] as Term, "a function") : parts;
          const local = how === "rename" ? parts[1] : fname;
          unit.imports.set(`${String(local)}/${String(n)}`, [mod as string, String(fname)]);
        }
      }
    }
  }
  for (const f of rest) {
    const expanded = expandTop(f, unit);
    for (const d of expanded) {
      const [kind, fname, ...body] = elems(d, "a top-level form");
      if (kind === "defun") unit.addFunction(fname as string, body);
      else if (kind === "defmacro") unit.addMacro(fname as string, body);
      else if (kind === "defrecord") {
        defineRecord(fname as string, body, unit.macroEnv);
      } else throw new LfeCompileError(`Cannot use ${String(kind)} at the top of a module`);
    }
  }
  return { name, functions: unit.build(exports) };
}

// Top-level forms: progn and macros that make defuns are opened up.
function expandTop(f: Term, unit: ModuleUnit): Term[] {
  if (!(f instanceof Cons)) {
    throw new LfeCompileError(`Cannot use ${String(f)} at the top of a module`);
  }
  if (["defun", "defmacro", "defrecord"].includes(f.hd as string)) return [f];
  if (f.hd === "progn") return elems(f.tl, "progn").flatMap((x) => expandTop(x, unit));
  const e = unit.expand(f);
  if (e === undefined) {
    throw new LfeCompileError(`Cannot use (${String(f.hd)} ...) at the top of a module`);
  }
  return expandTop(e, unit);
}
