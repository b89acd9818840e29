/**
 * A file's top-level forms, as LFE's compiler takes them: in order, each expanded until it is a
 * definition. `include-file`/`include-lib` read other files' forms in; `eval-when-compile`
 * defines functions for the macros to call; `defmacro`/`define-macro` and `defrecord` add to the
 * file's macros, seen by every module after them; each `defmodule` begins a module, and
 * `extend-module` adds to it; `defun`/`define-function` add functions; type and spec
 * declarations are taken and not checked.
 *
 * @module
 */

import {
  arrayToList,
  Cons,
  type Fun,
  listToArray,
  type ModuleFunctions,
  raiseError,
  type Term,
} from "../runtime/mod.ts";
import {
  addCompileTimeFunction,
  compileCoreMacro,
  type CompiledModule,
  compileMacro,
  coreDefinition,
  type DynamicScope,
  LfeCompileError,
  ModuleUnit,
  runNow,
  textOf,
} from "./compile.ts";
import {
  defineRecord,
  elems,
  exportedMacro,
  type Macro,
  registerExportedMacros,
} from "./macros.ts";
import { rt } from "./rt.ts";
import { syntaxMacro } from "./_syntax.ts";
import { structFunctions } from "./_structs.ts";
import { includeLibForms, readIncludeFile } from "./_include.ts";

/** Options of {@linkcode compileModule}. */
export interface CompileModuleOptions {
  /** The line where each form starts, for errors (`LfeCompileError.line`). */
  lines?: number[];
  /** The file the forms come from: `include-file` looks beside it first. */
  file?: string;
}

/** A module's forms, added to a unit but not compiled yet. */
export interface ModuleParts {
  unit: ModuleUnit;
  exports: Set<string> | "all";
  /** The line of each function's `defun`, by key. */
  lines: Map<string, number>;
  /** Attributes other than export and import: `(name value...)`, in order. */
  attributes: [string, Term][];
  /** The macros it exports (`export-macro`), which other modules call as `(module:name ...)`. */
  exportedMacros: Map<string, Macro>;
  /** The names of the macros it exports. */
  exportMacroNames: string[];
  /** The function to run when it is loaded (`on_load`), by key. */
  onLoad?: string;
}

/** Compiles the forms of a module file (its first module; see {@linkcode compileFile}). */
export function compileModule(forms: Term[], options: CompileModuleOptions = {}): CompiledModule {
  return compileFileForms(forms, options)[0]!;
}

/** Compiles every module of a file's forms. */
export function compileFileForms(
  forms: Term[],
  options: CompileModuleOptions = {},
): CompiledModule[] {
  const all = fileParts(forms, options.lines ?? [], undefined, options.file);
  return all.map((parts) => {
    const { unit, exports } = parts;
    const functions = atLine(parts, () => unit.build(exports));
    addModuleInfo(functions, parts);
    const warnings = exports === "all" ? [] : [...unit.fns.keys()]
      .filter((k) => !exports.has(k) && !unit.used.has(k))
      .map((k) => ({ line: parts.lines.get(k), text: `function ${k} is unused` }));
    const m: CompiledModule = { name: unit.name, functions, docs: unit.docs, warnings };
    if (parts.onLoad !== undefined) m.onLoad = parts.onLoad;
    return m;
  });
}

/**
 * Reads a module's forms into a unit: its attributes, functions, macros and records. With a
 * `scope`, calls to functions the module lacks and free symbols go to the shell's (`slurp`).
 * Errors are `LfeCompileError`s carrying the line of the form.
 */
export function moduleParts(forms: Term[], lines: number[], scope?: DynamicScope): ModuleParts {
  return fileParts(forms, lines, scope)[0]!;
}

function fileParts(
  forms: Term[],
  lines: number[],
  scope: DynamicScope | undefined,
  file?: string,
): ModuleParts[] {
  const top = new TopLevel(scope, file);
  forms.forEach((f, i) => {
    top.line = lines[i];
    onLine(lines[i], () => top.form(f));
  });
  for (const m of top.modules) {
    for (const n of m.exportMacroNames) {
      const mac = top.macros.get(n);
      if (mac === undefined) {
        throw withLine(new LfeCompileError(`exported macro ${n} undefined`), lines[0]);
      }
      m.exportedMacros.set(n, mac);
    }
    if (m.exportedMacros.size > 0) registerExportedMacros(m.unit.name, m.exportedMacros);
  }
  if (top.modules.length === 0) {
    throw withLine(new LfeCompileError("A module file must contain (defmodule name ...)"), 1);
  }
  return top.modules;
}

class TopLevel {
  readonly macros = new Map<string, Macro>();
  readonly modules: ModuleParts[] = [];
  line: number | undefined;
  constructor(readonly scope: DynamicScope | undefined, readonly file: string | undefined) {}

  get current(): ModuleParts {
    const m = this.modules[this.modules.length - 1];
    if (m === undefined) throw new LfeCompileError("no module definition");
    return m;
  }

  form(f: Term): void {
    if (!(f instanceof Cons)) {
      throw new LfeCompileError(`Cannot use ${String(f)} at the top of a module`);
    }
    const head = f.hd;
    const args = elems(f.tl, "a top-level form");
    switch (head) {
      case "progn":
        return args.forEach((a) => this.form(a));
      case "include-file":
        return this.include(readIncludeFile(String(textOf(args[0] as Term)), this.file));
      case "include-lib":
        return this.include(includeLibForms(String(textOf(args[0] as Term)), this.file));
      case "eval-when-compile":
        return this.evalWhenCompile(args);
      case "defmodule":
      case "define-module":
        return this.defmodule(head, args);
      case "extend-module":
        return this.attributes(metaAndAttributes(args));
      case "defun": {
        const [name, ...rest] = args;
        const key = this.current.unit.addFunction(name as string, rest);
        if (this.line !== undefined) this.current.lines.set(key, this.line);
        return;
      }
      case "define-function": {
        const [name, _meta, def] = args;
        const key = this.current.unit.addFunction(name as string, coreDefinition([def as Term]));
        if (this.line !== undefined) this.current.lines.set(key, this.line);
        return;
      }
      case "defmacro": {
        const [name, ...rest] = args;
        const module = this.modules.length > 0 ? this.current.unit.name : "-no-module-";
        this.macros.set(name as string, compileMacro(name as string, rest, this.macros, module));
        return;
      }
      case "define-macro": {
        const [name, _meta, def] = args;
        const module = this.modules.length > 0 ? this.current.unit.name : "-no-module-";
        this.macros.set(
          name as string,
          compileCoreMacro(name as string, def as Term, this.macros, module),
        );
        return;
      }
      case "defstruct":
      case "define-struct": {
        const fields = head === "defstruct"
          ? args
          : elems((args[0] ?? null) as Term, "struct fields");
        for (const d of structFunctions(this.current.unit.name, fields)) this.form(d);
        return;
      }
      case "defsyntax": {
        const [name, ...rules] = args;
        this.macros.set(name as string, syntaxMacro(name as string, rules));
        return;
      }
      case "defrecord":
        return defineRecord(args[0] as string, args.slice(1), { macros: this.macros });
      case "define-record":
        return defineRecord(
          args[0] as string,
          elems((args[1] ?? null) as Term, "record fields"),
          { macros: this.macros },
        );
      case "deftype":
      case "defopaque":
      case "defspec":
      case "define-type":
      case "define-opaque-type":
      case "define-function-spec":
        return;
    }
    const expanded = this.expand(f);
    if (expanded === undefined) {
      throw new LfeCompileError(`Cannot use (${String(head)} ...) at the top of a module`);
    }
    this.form(expanded);
  }

  expand(f: Cons): Term | undefined {
    const env = this.modules.length > 0
      ? this.current.unit.macroEnv
      : { macros: this.macros, module: "-no-module-" };
    const head = f.hd;
    if (typeof head === "string" && head.includes(":")) {
      const [m, n] = head.split(":");
      const mac = exportedMacro(m as string, n as string);
      if (mac !== undefined) return mac(elems(f.tl, "a macro call"));
    }
    return new ModuleUnit(env.module ?? "-no-module-", undefined, env.macros).expand(f);
  }

  include(forms: Term[]): void {
    for (const f of forms) this.form(f);
  }

  defmodule(head: string, args: Term[]): void {
    const [name, ...rest] = args;
    if (typeof name !== "string") throw new LfeCompileError("A module name must be an atom");
    const unit = new ModuleUnit(name, this.scope, this.macros);
    unit.lint = this.scope === undefined;
    const parts: ModuleParts = {
      unit,
      exports: new Set(),
      lines: new Map(),
      attributes: [],
      exportedMacros: new Map(),
      exportMacroNames: [],
    };
    unit.file = this.file?.replace(/^.*\//, "");
    unit.lineOf = (key) => parts.lines.get(key);
    this.modules.push(parts);
    this.attributes(head === "define-module" ? metaAndAttributes(rest) : rest);
  }

  attributes(attrs: Term[]): void {
    const parts = this.current;
    const { unit } = parts;
    for (const a of attrs) {
      const doc = textOf(a);
      if (doc !== undefined) {
        unit.docs.module = doc;
        continue;
      }
      const [kind, ...items] = elems(a, "a module attribute");
      if (kind === "export") {
        for (const it of items) {
          if (it === "all") parts.exports = "all";
          else if (parts.exports !== "all") {
            const [f, n] = elems(it, "an export");
            parts.exports.add(`${String(f)}/${String(n)}`);
          }
        }
      } else if (kind === "import") {
        for (const it of items) {
          const [how, mod, ...fs] = elems(it, "an import");
          if (how !== "from" && how !== "rename") continue;
          for (const f of fs) {
            const p = elems(f, "an imported function");
            const [fname, n] = how === "rename" ? elems(p[0] as Term, "a function") : p;
            const local = how === "rename" ? p[1] : fname;
            unit.imports.set(`${String(local)}/${String(n)}`, [mod as string, String(fname)]);
          }
        }
      } else if (kind === "on_load") {
        const [f, n] = elems(items[0] as Term, "an on_load function");
        parts.onLoad = `${String(f)}/${String(n)}`;
      } else if (kind === "export-macro") {
        for (const m of items) parts.exportMacroNames.push(String(m));
      } else if (kind === "module-alias") {
        for (const it of items) {
          const [long, short] = elems(it, "a module alias");
          unit.macroEnv.aliases ??= new Map();
          unit.macroEnv.aliases.set(String(short), String(long));
        }
      } else if (kind === "doc") {
        const text = textOf(items[0] as Term);
        if (text !== undefined) unit.docs.module = text;
      } else if (kind === "record") {
        for (const r of items) {
          const [rname, ...fields] = elems(r, "a record");
          defineRecord(rname as string, fields, { macros: this.macros });
        }
      } else if (
        !["spec", "type", "opaque", "export-type", "struct"].includes(
          String(kind),
        )
      ) {
        // One value is the value (in a list unless it is one, as BEAM keeps attributes).
        const one = items.length === 1 ? items[0] as Term : undefined;
        const value = one !== undefined && (one === null || one instanceof Cons)
          ? one
          : arrayToList(items);
        parts.attributes.push([String(kind), value]);
      }
    }
  }

  // (eval-when-compile form...): functions and macros for the file's macros to use.
  evalWhenCompile(forms: Term[]): void {
    const defs: [string, Term[]][] = [];
    const flat = (fs: Term[]): void => {
      for (const f of fs) {
        if (!(f instanceof Cons)) continue;
        const args = elems(f.tl, "a form");
        if (f.hd === "progn" || f.hd === "eval-when-compile") flat(args);
        else if (f.hd === "defun") defs.push([args[0] as string, args.slice(1)]);
        else if (f.hd === "define-function") {
          defs.push([args[0] as string, coreDefinition([args[2] as Term])]);
        } else if (f.hd === "defmacro" || f.hd === "define-macro" || f.hd === "defrecord") {
          this.compileTimeFunctions(defs.splice(0));
          this.form(f);
        } else {
          this.compileTimeFunctions(defs.splice(0));
          const unit = new ModuleUnit("-eval-when-compile-", undefined, this.macros);
          unit.addFunction("-expr-", [arrayToList([null, f])]);
          runNow(rt.outsideProcess(() => (unit.build("all")["-expr-/0"] as Fun)()));
        }
      }
    };
    flat(forms);
    this.compileTimeFunctions(defs);
  }

  compileTimeFunctions(defs: [string, Term[]][]): void {
    if (defs.length === 0) return;
    const unit = new ModuleUnit("-eval-when-compile-", undefined, this.macros);
    const keys = defs.map(([name, rest]) => unit.addFunction(name, rest));
    const fns = unit.build("all");
    for (const k of keys) addCompileTimeFunction(this.macros, k, fns[k] as Fun);
  }
}

// The metadata and attributes of `(define-module name metas attrs)`/`(extend-module metas attrs)`.
function metaAndAttributes([metas, attrs]: Term[]): Term[] {
  return [
    ...elems((metas ?? null) as Term, "module metadata"),
    ...elems((attrs ?? null) as Term, "module attributes"),
  ];
}

// `module_info/0,1`, as every Erlang module has them.
function addModuleInfo(functions: ModuleFunctions, parts: ModuleParts): void {
  const name = parts.unit.name;
  const exported = () =>
    arrayToList(
      [...Object.keys(functions), "module_info/0", "module_info/1"]
        .filter((k, i, all) => all.indexOf(k) === i)
        .map((k): [string, number] => {
          const i = k.lastIndexOf("/");
          return [k.slice(0, i), Number(k.slice(i + 1))];
        })
        .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]),
    );
  const attributes = () => arrayToList(parts.attributes.map(([k, v]) => [k, v]));
  const info = (what: Term): Term => {
    switch (what) {
      case "module":
        return name;
      case "exports":
        return exported();
      case "attributes":
        return attributes();
      case "functions":
        return arrayToList(
          [...parts.unit.fns.values()].map((f) => [f.name, f.arity]).concat([
            ["module_info", 0],
            ["module_info", 1],
          ]),
        );
      case "compile":
      case "native":
        return what === "native" ? false : null;
      case "md5":
        return new Uint8Array(16);
    }
    return raiseError("badarg");
  };
  const macros = parts.exportedMacros;
  functions["LFE-EXPAND-EXPORTED-MACRO/3"] = (name: Term, args: Term, _env: Term) => {
    const m = typeof name === "string" ? macros.get(name) : undefined;
    if (m === undefined) return "no";
    const exp = m(listToArray(args));
    return exp === undefined ? "no" : ["yes", exp];
  };
  functions["__info__/1"] = (what: Term) => {
    switch (what) {
      case "module":
        return name;
      case "functions":
        return info("functions");
      case "macros":
        return null;
      case "deprecated":
        return null;
      case "attributes":
      case "compile":
      case "md5":
        return info(what);
    }
    return raiseError("function_clause");
  };
  functions["module_info/0"] = () =>
    arrayToList(["module", "exports", "attributes", "compile", "md5"].map((k) => [k, info(k)]));
  functions["module_info/1"] = (what: Term) => info(what);
}

/** Runs `build`, turning an error in a function into an `LfeCompileError` at its line. */
export function atLine<T>(parts: ModuleParts, build: () => T): T {
  try {
    return build();
  } catch (e) {
    const key = parts.unit.compiling;
    throw compileError(e, key === undefined ? undefined : parts.lines.get(key));
  }
}

function onLine(line: number | undefined, f: () => void): void {
  try {
    f();
  } catch (e) {
    throw compileError(e, line);
  }
}

function compileError(e: unknown, line: number | undefined): unknown {
  if (e instanceof LfeCompileError) return e.line === undefined ? withLine(e, line) : e;
  if (e instanceof SyntaxError || e instanceof TypeError) {
    return withLine(new LfeCompileError(e.message), line);
  }
  return e;
}

function withLine(e: LfeCompileError, line: number | undefined): LfeCompileError {
  e.line = line;
  return e;
}
