/**
 * Modules on the code path: a call to a module not loaded yet looks for `NAME.lfe` in each
 * directory of the code path (the working directory first, then each `-pa DIR`), compiles it
 * and loads it, as `erl` does in interactive mode. `(c "file")` compiles and loads a file;
 * `(l 'mod)` loads a module from the code path again.
 *
 * @module
 */

import {
  aliasFrames,
  announceLoad,
  caught,
  defineModule,
  deleteModule,
  type ModuleFunctions,
  moduleRef,
  printTerm,
  resolve,
  setModuleLoader,
  spawn,
  type Term,
} from "../runtime/mod.ts";
import { type CompiledModule, LfeCompileError, runNow } from "./compile.ts";
import { compileExpr } from "./eval.ts";
import { rt } from "./rt.ts";
import { compileFileForms } from "./_toplevel.ts";
import { readAllWithLines } from "./reader.ts";
import { LfeSyntaxError } from "./syntax_error.ts";
import { setLoadHook } from "./rt.ts";
import { OTP_SOURCES } from "./otp/_sources.ts";
import { OTP_FRAMES } from "./otp/_frames.ts";

const codePath: string[] = ["."];

/** Sets the code path: the working directory, then the `-pa` directories, in order. */
export function setCodePath(dirs: string[]): void {
  codePath.length = 0;
  codePath.push(...dirs);
}

/** The code path. */
export function getCodePath(): string[] {
  return [...codePath];
}

function join(dir: string, file: string): string {
  return dir === "." ? file : `${dir.replace(/\/+$/, "")}/${file}`;
}

/** Compiles the LFE file `path` and loads its module; answers the module's name. */
export function loadFile(path: string): string {
  return compileAndLoad(path).name;
}

/**
 * Compiles the LFE file `path` and loads its module here and on the node's other schedulers;
 * answers what compiling gave (warnings included).
 */
export function compileAndLoad(path: string): CompiledModule {
  const m = loadHere(path);
  // The node's other schedulers load it too, so that every process runs the same code.
  announceLoad(absolute(path));
  return m;
}

/** Loads the module of the LFE file `path` in this isolate only; answers its name. */
export function loadFileQuietly(path: string): string {
  return loadHere(path).name;
}

function loadHere(path: string): CompiledModule {
  const ms = compileLfeFileModules(path);
  for (const m of ms) {
    defineModule(m.name, m.functions);
    loaded.set(m.name, { file: absolute(path), docs: m.docs });
    runOnLoad(m);
  }
  return ms[0]!;
}

/**
 * Runs a module's `on_load` function in a process of its own: a module whose function does not
 * return `ok` is unloaded again, as on BEAM, and a warning says so.
 */
export function runOnLoad(m: CompiledModule): void {
  if (m.onLoad === undefined) return;
  const f = m.functions[m.onLoad];
  const failed = (result: Term) => {
    deleteModule(m.name);
    loaded.delete(m.name);
    console.error(
      `=WARNING REPORT====\nThe on_load function for module ${m.name} returned:\n${
        printTerm(result)
      }\n`,
    );
  };
  if (f === undefined) return failed("undef");
  spawn(function* () {
    let result: Term;
    try {
      result = yield* resolve(f());
    } catch (e) {
      result = caught(e).reason;
    }
    if (result !== "ok") failed(result);
  });
}

function absolute(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
}

/** What is known of a module loaded from an LFE file. */
export interface LoadedFrom {
  /** The file it was compiled from. */
  file: string;
  /** Its doc strings. */
  docs: CompiledModule["docs"];
}

const loaded = new Map<string, LoadedFrom>();

/** The file a module was compiled from and its docs; `undefined` for a built-in module. */
export function loadedFrom(name: string): LoadedFrom | undefined {
  return loaded.get(name);
}

/**
 * An LFE file that cannot be compiled: the file, the line (`none` when there is none) and the
 * error in LFE's words, printed by LFE's compiler as `FILE:LINE: TEXT`.
 */
export class LfeFileError extends Error {
  override name = "LfeFileError";
  constructor(readonly file: string, readonly line: number | "none", readonly text: string) {
    super(`${file}:${line}: ${text}`);
  }
}

/** The text of a file, or an {@linkcode LfeFileError} saying why it cannot be read. */
export function readSource(path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Deno.readFileSync(path));
  } catch (e) {
    throw new LfeFileError(path, "none", fileErrorText(e));
  }
}

/** A file system error in Erlang's words (`file:format_error/1`). */
export function fileErrorText(e: unknown): string {
  if (e instanceof Deno.errors.NotFound) return "no such file or directory";
  if (e instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (e instanceof Deno.errors.IsADirectory) return "illegal operation on a directory";
  if (e instanceof TypeError) return "invalid UTF-8 in the file";
  return e instanceof Error ? e.message : String(e);
}

/** Reads and compiles the LFE file `path` (its first module); errors are {@linkcode LfeFileError}s. */
export function compileLfeFile(path: string): CompiledModule {
  return compileLfeFileModules(path)[0]!;
}

/** Reads and compiles every module of the LFE file `path`. */
export function compileLfeFileModules(path: string): CompiledModule[] {
  const text = readSource(path);
  try {
    return compileText(text, path);
  } catch (e) {
    if (e instanceof LfeSyntaxError) throw new LfeFileError(path, e.lfeLine, e.lfe);
    if (e instanceof LfeCompileError) throw new LfeFileError(path, e.line ?? "none", e.message);
    if (e instanceof RangeError) {
      throw new LfeFileError(path, "none", "the forms are nested too deeply to compile");
    }
    throw e;
  }
}

// Every module of the LFE text of `file`.
function compileText(text: string, file: string): CompiledModule[] {
  const forms = readAllWithLines(text, { evaluate: evaluateAtRead });
  return compileFileForms(forms.map((f) => f.form), { lines: forms.map((f) => f.line), file });
}

// `#.(expr)` in a file: the expression's value, computed as the file is read.
function evaluateAtRead(expr: Term): Term {
  return runNow(rt.outsideProcess(() => compileExpr(expr, [], "-read-")()));
}

/** The file of module `name` on the code path, or `undefined`. */
export function findOnCodePath(name: string): string | undefined {
  if (!/^[A-Za-z0-9_\-.]+$/.test(name)) return undefined;
  for (const dir of codePath) {
    const file = join(dir, `${name}.lfe`);
    try {
      if (Deno.statSync(file).isFile) return file;
    } catch { /* not here */ }
  }
  return undefined;
}

/** `(c "file")`: compiles and loads a file (`.lfe` may be left off). */
export function compileFile(file: string): string {
  const path = file.endsWith(".lfe") ? file : `${file}.lfe`;
  return loadFile(path);
}

/** `(l 'mod)`: loads module `name` from the code path again; `undefined` if it is not there. */
export function reloadModule(name: string): string | undefined {
  const file = findOnCodePath(name);
  return file === undefined ? undefined : loadFile(file);
}

let framesAliased = false;

// An OTP module written in LFE that comes with the node, compiled when first called.
function fromOtp(name: string): ModuleFunctions | undefined {
  if (!Object.hasOwn(OTP_SOURCES, name)) return undefined;
  if (!framesAliased) {
    aliasFrames(OTP_FRAMES);
    framesAliased = true;
  }
  const file = `${name}.lfe`;
  const ms = compileText(OTP_SOURCES[name] as string, file);
  const m = ms.find((x) => x.name === name);
  if (m === undefined) return undefined;
  for (const other of ms) {
    loaded.set(other.name, { file, docs: other.docs });
    if (other !== m) defineModule(other.name, other.functions);
  }
  return m.functions;
}

/**
 * Compiles the most used of the carried OTP modules ahead of their first call, one at a time
 * in idle moments of the event loop, so that the first `gen_server:start` or `sys` call of a
 * program does not wait for the compiler (on each scheduler, which compiles its own).
 */
export function warmOtpModules(delayMs = 20): void {
  const names = ["gen", "proc_lib", "gen_server", "sys", "supervisor"];
  const next = () => {
    const name = names.shift();
    if (name === undefined) return;
    if (!moduleRef(name).loaded) {
      try {
        const fns = fromOtp(name);
        if (fns !== undefined && !moduleRef(name).loaded) defineModule(name, fns);
      } catch { /* compiled when first called instead, where its error shows */ }
    }
    setTimeout(next, delayMs);
  };
  setTimeout(next, delayMs);
}

/** Whether `name` is one of the OTP modules the node carries in LFE. */
export function isOtpModule(name: string): boolean {
  return Object.hasOwn(OTP_SOURCES, name);
}

function fromCodePath(name: string): ModuleFunctions | undefined {
  if (isOtpModule(name)) return fromOtp(name);
  const file = findOnCodePath(name);
  if (file === undefined) return undefined;
  const ms = compileLfeFileModules(file);
  const m = ms.find((x) => x.name === name);
  if (m === undefined) return undefined;
  for (const other of ms) {
    loaded.set(other.name, { file: absolute(file), docs: other.docs });
    if (other !== m || other.onLoad !== undefined) defineModule(other.name, other.functions);
    runOnLoad(other);
  }
  // The file's other modules cannot be found by their names on the node's other schedulers:
  // they load the file too.
  if (ms.length > 1) announceLoad(absolute(file));
  return loaded.has(m.name) ? m.functions : undefined;
}

/** Makes calls to modules not loaded yet look for them on the code path. */
export function installCodePathLoader(): void {
  setModuleLoader(fromCodePath);
  setLoadHook((name) => {
    const fns = fromCodePath(name);
    if (fns !== undefined) defineModule(name, fns);
  });
}
