/**
 * The shell's commands about files and code: `(c file [options])`, `(ec file)`, `(l mod ...)`,
 * `(m)`, `(m mod ...)`, `(doc ...)`/`(h ...)`, `(ls [dir])`, `(cd dir)` and `(pwd)`. Compile
 * errors and warnings print as LFE's compiler prints them: `file:line: text`.
 *
 * @module
 */

import {
  compileAndLoad,
  compileLfeFile,
  fileErrorText,
  LfeFileError,
  loadedFrom,
  reloadModule,
} from "../lfe/mod.ts";
import {
  arrayToList,
  charlist,
  charlistToString,
  Cons,
  ErlangError,
  findModule,
  list,
  listToArray,
  loadedModules,
  putChars,
  raiseError,
  type Term,
  type Yielded,
} from "../runtime/mod.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** The name of a file or module given as a string or an atom. */
export function nameArg(t: Term): string {
  if (typeof t === "string") return t;
  const s = charlistToString(t);
  return s ?? raiseError("badarg");
}

function options(opts: Term): Term[] {
  if (opts === null || opts instanceof Cons) {
    try {
      return listToArray(opts);
    } catch {
      return raiseError("badarg");
    }
  }
  return [opts];
}

function has(opts: Term[], name: string): boolean {
  return opts.some((o) => o === name);
}

/** `(c file [options])`: compiles and loads an LFE file; `.lfe` is added unless given. */
export function* c(file: Term, opts: Term = null): Gen<Term> {
  const name = nameArg(file);
  const path = name.endsWith(".lfe") ? name : `${name}.lfe`;
  const os = options(opts);
  try {
    const m = has(os, "binary") ? compileLfeFile(path) : compileAndLoad(path);
    for (const w of m.warnings) {
      yield* putChars(`${path}:${w.line ?? "none"}: Warning: ${w.text}\n`);
    }
    if (has(os, "binary")) return ["ok", list(["ok", m.name])];
    return list(["module", m.name]);
  } catch (e) {
    if (!(e instanceof LfeFileError)) throw e;
    yield* putChars(`${e.message}\n`);
    if (!has(os, "return") && !has(os, "return_errors")) return "error";
    const where = e.line === "none" ? "none" : e.line;
    return [
      "error",
      list(["error", list([charlist(e.file), list([where, "lfe_comp", charlist(e.text)])]), null]),
      null,
      null,
    ];
  }
}

/**
 * `(ec file [options])`: an Erlang source file. This node runs LFE and cannot compile Erlang:
 * it says so (or that the file is missing) and answers `error`.
 */
export function* ec(file: Term, _opts: Term = null): Gen<Term> {
  const name = nameArg(file);
  const path = name.endsWith(".erl") ? name : `${name}.erl`;
  try {
    Deno.statSync(path);
  } catch (e) {
    yield* putChars(`${path}: ${fileErrorText(e)}\n`);
    return "error";
  }
  yield* putChars(
    `${path}: this node runs LFE and cannot compile Erlang source; ` +
      "compile it with erlc and run it on an Erlang node\n",
  );
  return "error";
}

/** One module of `(l ...)`: loaded again from the code path. */
function* loadOne(m: Term): Gen<Term> {
  if (typeof m !== "string") return raiseError("badarg");
  try {
    const name = reloadModule(m);
    return name === undefined ? ["error", "nofile"] : ["module", name];
  } catch (e) {
    if (!(e instanceof LfeFileError)) throw e;
    yield* putChars(`${e.message}\n`);
    return ["error", "badfile"];
  }
}

/** `(l mod ...)`: each module loaded again from the code path. */
export function* l(mods: Term): Gen<Term> {
  const out: Term[] = [];
  for (const m of listToArray(mods)) out.push(yield* loadOne(m));
  return arrayToList(out);
}

/** `c:l/1`: one module loaded again. */
export function* l1(mod: Term): Gen<Term> {
  return yield* loadOne(mod);
}

/** `(ls)`, `(ls dir)`: the files of a directory in columns, as `c:ls/1` lays them out. */
export function* ls(dirs: Term): Gen<Term> {
  const args = listToArray(dirs);
  const dir = args.length === 0 ? "." : nameArg(args[0] as Term);
  let names: string[];
  try {
    names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
  } catch (e) {
    if (e instanceof Deno.errors.NotADirectory) names = [dir];
    else {
      yield* putChars(`${fileErrorText(e)}\n`);
      return "ok";
    }
  }
  if (names.length === 0) return "ok";
  const width = Math.min(Math.max(...names.map((n) => [...n].length)), 40) + 5;
  let s = "", len = 0;
  for (const n of names) {
    if (width + len >= 80) {
      s += "\n";
      len = 0;
    }
    s += n + " ".repeat(Math.max(0, width - [...n].length));
    len += width;
  }
  yield* putChars(s + "\n");
  return "ok";
}

/** `(pwd)`: prints the working directory. */
export function* pwd(): Gen<Term> {
  yield* putChars(`${Deno.cwd()}\n`);
  return "ok";
}

/** `(cd dir)`: changes the working directory (quietly keeping it if it cannot) and prints it. */
export function* cd(dir: Term): Gen<Term> {
  try {
    Deno.chdir(nameArg(dir));
  } catch { /* as file:set_cwd/1, whose error c:cd/1 ignores */ }
  return yield* pwd();
}

function where(name: string): string {
  return loadedFrom(name)?.file ?? "preloaded";
}

/** `(m)`: every module loaded and where it came from. */
export function* m0(): Gen<Term> {
  const row = (a: string, b: string) =>
    [...a].length > 20 ? `${a}\n${" ".repeat(22)}${b}\n` : `${a.padEnd(20)}  ${b}\n`;
  let s = row("Module", "File");
  for (const name of loadedModules().filter((n) => !n.startsWith("-")).sort()) {
    s += row(name, where(name));
  }
  yield* putChars(s);
  return "ok";
}

// Functions every compiled module has, which `m` leaves out as LFE's shell does.
const HIDDEN = /^(module_info|__info__|LFE-EXPAND-EXPORTED-MACRO)\//;

/** `(m mod ...)`: what is known of each module: where it came from, what it exports. */
export function* m1(mods: Term): Gen<Term> {
  for (const m of listToArray(mods)) {
    const name = typeof m === "string" ? m : raiseError("badarg");
    const fns = findModule(name);
    if (fns === undefined) {
      throw new ErlangError("error", "undef", list([name, "module_info", null, null]));
    }
    const names = Object.keys(fns)
      .filter((k) => k.includes("/") && !HIDDEN.test(k))
      .sort();
    const half = Math.round(names.length / 2);
    const [a, b] = [names.slice(0, half), names.slice(half)];
    let s = `Module: ${name}\nObject file: ${where(name)}\n` +
      "Compiled: No compile time info avaliable\nCompiler options: ()\nExported functions:\n";
    a.forEach((n, i) => {
      const other = b[i];
      s += other === undefined ? `  ${n}\n` : `  ${n.padEnd(30)}  ${other.padEnd(30)}\n`;
    });
    yield* putChars(s + "Exported macros:\n");
  }
  return "ok";
}

const RED_LINE = `\x1b[31m${"-".repeat(60)}\x1b[0m\n`;
const blue = (s: string) => `\x1b[1;34m${s}\x1b[0m`;

/** `(h mod)`, `(h mod name)`, `(h mod name arity)`: the docs of a module or its functions. */
export function* h(mod: Term, fun?: Term, arity?: Term): Gen<Term> {
  if (typeof mod !== "string") return ["error", "non_existing"];
  const fns = findModule(mod);
  if (fns === undefined) return ["error", "non_existing"];
  const from = loadedFrom(mod);
  const keys = Object.keys(fns).filter((k) => k.includes("/")).filter((k) => {
    const slash = k.lastIndexOf("/");
    return (fun === undefined || k.slice(0, slash) === fun) &&
      (arity === undefined || k.slice(slash + 1) === String(arity));
  }).sort();
  if (fun !== undefined && keys.length === 0) return ["error", "function_missing"];
  let s: string;
  if (from === undefined) {
    // A built-in module: no docs to show, as erl says of a module without a docs chunk.
    s = fun === undefined
      ? `\n   ${mod}\n\n  There is no documentation for ${mod}\n`
      : keys.map((k) => `\n  ${mod}:${k}\n\n  There is no documentation for ${k}\n`).join("");
  } else if (fun === undefined) {
    const doc = from.docs.module;
    s = `${RED_LINE}${blue(mod)}\n\n${doc ?? `No documentation for ${mod}`}\n`;
  } else {
    s = keys.map((k) =>
      `${RED_LINE}${blue(`function ${k}`)}\n\n${
        from.docs.functions.get(k) ?? `No documentation for ${k}`
      }\n`
    ).join("");
  }
  yield* putChars(s);
  return "ok";
}
