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
  caught,
  charlist,
  Cons,
  findModule,
  type Fun,
  isGeneratorFunction,
  mayWait,
  type ModuleFunctions,
  registerFrame,
  type Term,
  TermMap,
} from "../runtime/mod.ts";
import { compilePattern, isStringLiteral } from "./_pattern.ts";
import { FnGen, type LocalFn, NeedsGenerator, Scope } from "./codegen.ts";
import { elems, type Macro, type MacroEnv, macroexpand1 } from "./macros.ts";
import { rt } from "./rt.ts";

// Where a fun stands in a module's table of funs, as BEAM orders it: funs made at a lesser depth
// first, then by the name of the function they are in, then in the order they are numbered.
function compareFunPlace(a: [number, string, number], b: [number, string, number]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
}

// The modules of code that LFE evaluates rather than compiles.
const EVALUATED = new Set([
  "lfe_shell",
  "lfe_eval",
  "-eval-when-compile-",
  "-read-",
  "-no-module-",
]);

// Numbers that make the JavaScript names of compiled functions unique in the node.
let jsNames = 0;

/** A compile error: the module and what is wrong, and the line of the form it is in. */
export class LfeCompileError extends SyntaxError {
  override name = "LfeCompileError";
  /** The line of the top-level form where it was found, when known. */
  line: number | undefined;
}

/**
 * What a shell lends code compiled for it: its variables and functions, looked up when the code
 * runs, so that a function defined at the prompt sees variables set after it and functions
 * defined after it, as in LFE's shell.
 */
export interface DynamicScope {
  /** A shell variable's value, or `undefined` when it is not bound. */
  variable(name: string): Term | undefined;
  /** A function defined in the shell, or `undefined`. */
  fn(name: string, arity: number): Fun | undefined;
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
  readonly macroEnv: MacroEnv;
  /** Imported functions: local `name/arity` → [module, name there]. */
  readonly imports = new Map<string, [string, string]>();
  readonly fns = new Map<string, FnDef>();
  readonly #constants: Term[] = [];
  readonly #modRefs: string[] = [];
  readonly #bifs: Fun[] = [];
  readonly #bifIndex = new Map<string, number>();
  #uid = 0;
  /** Funs made in each function so far, for their names (`-f/1-fun-0-`). */
  readonly #funs = new Map<string, number>();
  /** How deep in funs the code being compiled is, and each fun's depth by name. */
  #depth = 0;
  readonly #lambdaDepth = new Map<string, [number, string, number]>();
  /** The stack entries of this round's functions: JS name, function name, arity, its key. */
  #frames: [string, string, number, string | undefined][] = [];
  /** The file the module comes from, for stack traces. */
  file: string | undefined;
  /** The line of a function's definition, by key, for stack traces. */
  lineOf: (key: string) => number | undefined = () => undefined;
  /** Doc strings: the module's, and each function's by key. */
  readonly docs: { module?: string; functions: Map<string, string> } = { functions: new Map() };
  /** Local functions called from other functions (for the unused-function warning). */
  readonly used = new Set<string>();
  /** A macro's: a symbol that is not bound raises `{unbound_symb, S}` when it is reached. */
  lenient = false;
  /** A module's functions: a call of a function it neither defines nor imports is an error. */
  lint = false;
  /** The key of the function being compiled, for the line of an error in it. */
  compiling: string | undefined;
  /** The JS expression of the shell scope that free symbols and unknown calls go to, if any. */
  dynamic: string | undefined;

  constructor(name: string, scope?: DynamicScope, macros?: Map<string, Macro>) {
    this.name = name;
    // Code of the shell belongs to no module: (MODULE) is -no-module- there, as in LFE's shell.
    this.macroEnv = {
      macros: macros ?? new Map(),
      module: name === "lfe_shell" ? "-no-module-" : name,
    };
    if (scope !== undefined) this.dynamic = this.constant(scope as unknown as Term);
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
    return { js: `$B[${i}]`, gen: mayWait(this.#bifs[i]) };
  }

  localFn(key: string): LocalFn | undefined {
    const f = this.fns.get(key);
    if (f !== undefined && key !== this.compiling) this.used.add(key);
    if (f === undefined) return this.#compileTimeFn(key);
    return { js: f.js, gen: f.gen };
  }

  // A function of `eval-when-compile`, which the file's macros may call.
  #compileTimeFn(key: string): LocalFn | undefined {
    const entry = this.macroEnv.macros.get(compileTimeKey(key)) as
      | (Macro & { fn?: Fun })
      | undefined;
    if (entry?.fn === undefined) return undefined;
    const id = `-compile-time-:${key}`;
    let i = this.#bifIndex.get(id);
    if (i === undefined) {
      i = this.#bifs.push(entry.fn) - 1;
      this.#bifIndex.set(id, i);
    }
    return { js: `$B[${i}]`, gen: isGeneratorFunction(entry.fn) };
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
    const outerKey = this.compiling ?? "-";
    // Funs are numbered as OTP numbers them: a fun inside another before it.
    const placeholder = `\u0000fun${jsNames}\u0000`;
    const jsName = `$lam_${jsNames++}`;
    this.#depth++;
    let compiled;
    try {
      compiled = this.#compileClauses(
        clauses,
        arity,
        sc,
        jsName,
        undefined,
        this.name,
        placeholder,
      );
    } finally {
      this.#depth--;
    }
    const n = this.#funs.get(outerKey) ?? 0;
    this.#funs.set(outerKey, n + 1);
    const name = label === "-lambda-" || label === "-match-lambda-"
      ? `-${outerKey}-fun-${n}-`
      : `-${outerKey}-${label.slice(1, -1)}-fun-${n}-`;
    this.#frames.push([jsName, name, arity, this.compiling]);
    this.#lambdaDepth.set(name, [this.#depth + 1, outerKey, n]);
    const { captured, gen } = compiled;
    const source = compiled.source.replaceAll(JSON.stringify(placeholder), JSON.stringify(name));
    for (const v of captured) if (!parent.decls.has(v)) parent.captured.add(v);
    const caps = [...captured];
    const expr = `rt.fun(((${caps.join(", ")}) => ${source})(${caps.join(", ")}), ${
      JSON.stringify(this.name)
    }, ${JSON.stringify(name)}, ${arity}, $FI[${JSON.stringify(name)}])`;
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
      const clauses = defunClauses(coreDefinition(rest));
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
    const funsKey = this.compiling ?? "-";
    const funsAtStart = this.#funs.get(funsKey) ?? 0;
    for (let round = 0; round < 10; round++) {
      this.#funs.set(funsKey, funsAtStart);
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
    if (local !== undefined && sc.fn(key) === undefined && this.fns.has(key)) {
      // A fun of a function of the module takes a place among the module's funs, as on BEAM.
      const outerKey = this.compiling ?? "-";
      const n = this.#funs.get(outerKey) ?? 0;
      this.#funs.set(outerKey, n + 1);
      // One place however often the function is taken as a fun: its first.
      const place: [number, string, number] = [this.#depth + 1, outerKey, n];
      const old = this.#lambdaDepth.get(`fun ${key}`);
      if (old === undefined || compareFunPlace(place, old) < 0) {
        this.#lambdaDepth.set(`fun ${key}`, place);
      }
    }
    if (local !== undefined) return local.js;
    const slash = key.lastIndexOf("/");
    const [name, arity] = [key.slice(0, slash), key.slice(slash + 1)];
    const imp = this.imports.get(key);
    if (imp !== undefined) {
      return `rt.extFun(${JSON.stringify(imp[0])}, ${JSON.stringify(imp[1])}, ${arity})`;
    }
    if (findModule("erlang")?.[key] !== undefined) {
      return `rt.extFun("erlang", ${JSON.stringify(name)}, ${arity})`;
    }
    if (this.dynamic !== undefined) {
      return `rt.dynFun(${this.dynamic}, ${JSON.stringify(name)}, ${arity})`;
    }
    throw new LfeCompileError(`function ${name}/${arity} undefined`);
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
    const funsKey = this.compiling ?? "-";
    const funsAtStart = this.#funs.get(funsKey) ?? 0;
    for (const gen of forceGen ? [true] : [false, true]) {
      // A second attempt (as a generator) numbers the funs inside it again from the same place.
      this.#funs.set(funsKey, outer === null && selfKey !== undefined ? 0 : funsAtStart);
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
          const host = g.patternHost(sc);
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
        const line = this.lineOf(this.compiling ?? "");
        const where: Term[] = [];
        if (this.file !== undefined) where.push(["file", charlist(this.file)]);
        if (line !== undefined) where.push(["line", line]);
        g.emit(
          `return rt.functionClause(${JSON.stringify(module)}, ${JSON.stringify(name)}, [${
            params.join(", ")
          }], ${this.constant(arrayToList(where))});`,
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
      this.#frames = [...this.fns].map(([key, f]) => [f.js, f.name, f.arity, key]);
      for (const [key, f] of this.fns) {
        this.compiling = key;
        this.macroEnv.function = key;
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
      if (!changed) {
        this.compiling = undefined;
        return [...sources.values()].join("\n");
      }
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
    const sourceLines = source.split("\n");
    // What the shell and macros run is evaluated code, not a module's: it shows in no trace.
    const frames = EVALUATED.has(this.name) ? [] : this.#frames;
    for (const [js, name, arity, key] of frames) {
      const line = key === undefined ? undefined : this.lineOf(key);
      registerFrame(js, this.name, name, arity, this.file, line, sourceLines);
    }
    // Each fun's index in the module, as BEAM orders its fun table: by depth, then by name.
    const funIndex: Record<string, number> = Object.create(null);
    [...this.#lambdaDepth]
      .sort(([, a], [, b]) => compareFunPlace(a, b))
      .forEach(([name], i) => funIndex[name] = i);
    const factory = new Function("rt", "$K", "$M", "$B", "$FI", source) as (
      ...a: unknown[]
    ) => ModuleFunctions;
    const all = factory(
      rt,
      this.#constants,
      this.#modRefs.map((m) => rt.mod(m)),
      this.#bifs,
      funIndex,
    );
    if (exports === "all") return all;
    const out: ModuleFunctions = Object.create(null);
    for (const key of exports) {
      const f = all[key];
      if (f === undefined) throw new LfeCompileError(`Exported function ${key} is not defined`);
      out[key] = f;
    }
    return out;
  }

  /** Adds `(defun name ...)`; answers its key, `name/arity`. */
  addFunction(name: string, rest: Term[]): string {
    const clauses = defunClauses(rest);
    const arity = elems(elems(clauses[0] as Term, "a clause")[0] as Term, "patterns").length;
    const key = `${name}/${arity}`;
    if (this.fns.has(key)) throw new LfeCompileError(`function ${key} already defined`);
    const doc = defunDoc(rest);
    if (doc !== undefined) this.docs.functions.set(key, doc);
    this.fns.set(key, {
      name,
      arity,
      clauses,
      js: `f_${name.replace(/[^A-Za-z0-9_]/g, "_")}_${arity}_${jsNames++}`,
      gen: false,
    });
    return key;
  }

  /** Adds `(defmacro name ...)`, made into a function run at compile time. */
  addMacro(name: string, rest: Term[]): void {
    this.macroEnv.macros.set(name, compileMacro(name, rest, this.macroEnv.macros, this.name));
  }
}

/** Where a compile-time function `name/arity` is kept among the macros. */
export function compileTimeKey(key: string): string {
  return `-compile-time-${key}`;
}

/** Makes `fn` callable as `key` from the macros of `macros` (`eval-when-compile`). */
export function addCompileTimeFunction(macros: Map<string, Macro>, key: string, fn: Fun): void {
  macros.set(compileTimeKey(key), Object.assign((() => undefined) as Macro, { fn }));
}

/**
 * A macro's expansion failed: the form and the exception, which LFE prints as
 * `error expanding FORM:` and the reason.
 */
export class LfeMacroError extends LfeCompileError {
  override name = "LfeMacroError";
  constructor(readonly form: Term, readonly reason: Term) {
    super("error expanding");
  }
}

/**
 * `(defmacro name ...)` made into a macro: `(args ...) body...` with symbols for arguments, or
 * clauses `(pattern body...)` matched against the list of argument forms; a doc string may come
 * first. The macro runs at compile time, so it may call functions but not wait. With a `scope`
 * (the shell's) its free symbols are the shell's variables.
 */
export function compileMacro(
  name: string,
  rest: Term[],
  macros: ReadonlyMap<string, Macro>,
  module = "lfe_shell",
  scope?: DynamicScope,
): Macro {
  let r = rest;
  if (r.length > 1 && isStringLiteral(r[0] as Term)) r = r.slice(1);
  const [params, ...body] = r;
  const simple = typeof params === "string" || params === null ||
    (params instanceof Cons && symbolsEnd(params) === null);
  // `(a b . c)`: the arguments of a macro taking the rest as a list.
  const dotted = !simple && params instanceof Cons && typeof symbolsEnd(params) === "string";
  const clauses = simple || dotted
    ? [[typeof params === "string" ? params : argumentPattern(params as Term), ...body]]
    : r.map((c) => elems(c, "a macro clause"));
  return macroFromClauses(
    name,
    clauses.map(([pat, ...b]) => {
      const w = b[0];
      const guard = w instanceof Cons && w.hd === "when" ? [w] : [];
      const rest = guard.length > 0 ? b.slice(1) : b;
      return arrayToList([arrayToList([pat as Term]), ...guard, withEnv(rest)]);
    }),
    macros,
    module,
    scope,
  );
}

// What ends a list of symbols: `null` for `(a b)`, the symbol for `(a b . c)`; `undefined`
// when an element is no symbol.
function symbolsEnd(t: Cons): Term | undefined {
  let c: Term = t;
  for (; c instanceof Cons; c = c.tl) if (typeof c.hd !== "string") return undefined;
  return c;
}

// The pattern of a macro's argument list: `(list a b)`, or `(cons a (cons b c))` when dotted.
function argumentPattern(params: Term): Term {
  if (params === null) return arrayToList(["list"]);
  let c: Term = params;
  const items: Term[] = [];
  for (; c instanceof Cons; c = c.tl) items.push(c.hd);
  if (c === null) return new Cons("list", params);
  return items.reduceRight<Term>((acc, x) => arrayToList(["cons", x, acc]), c);
}

// A macro's body, with `$ENV` bound as LFE binds it (to the macro environment, opaque here).
function withEnv(body: Term[], env: Term = "$ENV"): Term {
  const envTerm = arrayToList(["quote", ["env", new TermMap(), new TermMap(), new TermMap()]]);
  return arrayToList(["let", arrayToList([arrayToList([env, envTerm])]), ...body]);
}

/**
 * `(define-macro name meta (match-lambda ((args env) body...) ...))`, the core form of a macro:
 * clauses of two arguments, the argument list and the macro environment.
 */
export function compileCoreMacro(
  name: string,
  def: Term,
  macros: ReadonlyMap<string, Macro>,
  module: string,
): Macro {
  const [kind, ...parts] = elems(def, "a macro definition");
  const clauses = kind === "lambda" ? [arrayToList(parts)] : parts;
  return macroFromClauses(
    name,
    clauses.map((c) => {
      const [pats, ...body] = elems(c, "a macro clause");
      const [args, env] = elems(pats as Term, "a macro clause's arguments");
      return arrayToList([arrayToList([args as Term]), withEnv(body, (env ?? "_") as Term)]);
    }),
    macros,
    module,
  );
}

function macroFromClauses(
  name: string,
  clauses: Term[],
  macros: ReadonlyMap<string, Macro>,
  module: string,
  scope?: DynamicScope,
): Macro {
  const unit = new ModuleUnit(module, scope, new Map(macros));
  unit.lenient = true;
  unit.addFunction(`-macro-${name}-`, clauses);
  const fn = unit.build("all")[`-macro-${name}-/1`] as Fun;
  return (args) => {
    try {
      return runNow(rt.outsideProcess(() => fn(arrayToList(args))));
    } catch (e) {
      if (e instanceof LfeCompileError) throw e;
      const c = caught(e);
      throw new LfeMacroError(new Cons(name, arrayToList(args)), c.reason);
    }
  };
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
  "re",
  "queue",
  "sets",
  "ordsets",
  "orddict",
  "dict",
  "filename",
  "binary",
  "gb_trees",
  "gb_sets",
  "base64",
  "calendar",
  "unicode",
  "ets",
  "gen_native",
]);

/** The clauses of a `defun` (or `flet` function): `(args) body...` or `((pats) body...)...`. */
export function defunClauses(rest: Term[]): Term[] {
  let r = rest;
  // A doc string comes before the arguments.
  if (r.length > 2 && isStringLiteral(r[0] as Term) && r[1] instanceof Cons) {
    r = r.slice(1);
  }
  const first = r[0] as Term;
  if (isArgumentList(first)) return [arrayToList([first, ...r.slice(1)])];
  return r;
}

// `(lambda args body...)` or `(match-lambda clause...)` as `let-function` has them, as the
// arguments and body or clauses that `flet` has.
export function coreDefinition(rest: Term[]): Term[] {
  const d = rest[0];
  if (rest.length === 1 && d instanceof Cons && (d.hd === "lambda" || d.hd === "match-lambda")) {
    const parts = elems(d.tl, String(d.hd));
    return d.hd === "lambda" ? parts : parts;
  }
  return rest;
}

// A defun's doc string: before the clauses, or after a simple argument list when a body follows.
function defunDoc(rest: Term[]): string | undefined {
  if (rest.length > 1 && isStringLiteral(rest[0] as Term)) return textOf(rest[0] as Term);
  return isArgumentList(rest[0] as Term) && rest.length > 2 ? textOf(rest[1] as Term) : undefined;
}

// `(x y)`, `()`: the arguments of a function of one clause, rather than clauses.
function isArgumentList(t: Term): boolean {
  return t === null ||
    (t instanceof Cons &&
      elems(t, "arguments").every((a) => typeof a === "string" || typeof a === "boolean"));
}

export function textOf(t: Term): string | undefined {
  if (!isStringLiteral(t)) return undefined;
  return String.fromCodePoint(...(elems(t, "a string") as number[]));
}

// Runs a macro's function outside any process: it may call built-ins but not wait.
export function runNow(r: unknown): Term {
  return rt.outsideProcess(() => runSteps(r));
}

function runSteps(r: unknown): Term {
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

/** What compiling a module gives: its name and its exported functions, docs and warnings. */
export interface CompiledModule {
  name: string;
  functions: ModuleFunctions;
  /** Doc strings: the module's, and each function's by `name/arity`. */
  docs: { module?: string; functions: Map<string, string> };
  /** Warnings in LFE's words, with the line of the form: unused functions. */
  warnings: { line: number | undefined; text: string }[];
  /** The function `(on_load (f 0))` names, run when the module is loaded. */
  onLoad?: string;
}
