/**
 * The code of a node: modules by name, each a table of functions, so that `spawn(Node, Mod,
 * Fun, Args)` and `apply(Mod, Fun, Args)` find code by name. A module is a module whichever
 * language wrote it: TypeScript registers its functions here, and the LFE loader (which finds
 * `.lfe` files on the code path) plugs in as the loader of modules not yet loaded.
 *
 * @example
 * ```ts
 * import { defineModule, findFunction } from "./code.ts";
 * defineModule("greeter", { hello: (who: string) => `hello ${who}` });
 * findFunction("greeter", "hello", 1)?.("joe"); // "hello joe"
 * ```
 *
 * @module
 */

import { ErlangError } from "./errors.ts";
import type { ProcessFn } from "./node.ts";
import { arrayToList, type Fun, nameFun, type Term } from "./terms.ts";

/** A module's functions: by name (any arity) or by `name/arity`. */
export type ModuleFunctions = Record<string, ProcessFn>;

/** Finds a module that is not loaded yet; `undefined` when there is none. */
export type ModuleLoader = (name: string) => ModuleFunctions | undefined;

/**
 * A module as call sites see it: the same object for the life of the isolate, whose functions
 * are replaced in place when the module is loaded again, so a call site can keep it.
 */
export interface ModuleRecord {
  readonly name: string;
  /** Functions by `name/arity` (and, for TypeScript modules, by name alone). */
  fns: ModuleFunctions;
  loaded: boolean;
}

const modules = new Map<string, ModuleRecord>();
let loader: ModuleLoader | null = null;

/** The record of module `name`, loaded or not (it is filled in when the module loads). */
export function moduleRef(name: string): ModuleRecord {
  let m = modules.get(name);
  if (m === undefined) modules.set(name, m = { name, fns: Object.create(null), loaded: false });
  return m;
}

/** Loads (or reloads) module `name` with the given functions. */
export function defineModule(name: string, functions: ModuleFunctions): void {
  const m = moduleRef(name);
  m.fns = Object.assign(Object.create(null), functions);
  m.loaded = true;
}

/** Removes module `name`; `false` if it was not loaded. */
export function deleteModule(name: string): boolean {
  const m = modules.get(name);
  if (m === undefined || !m.loaded) return false;
  m.fns = Object.create(null);
  m.loaded = false;
  return true;
}

/** Sets what finds modules that are not loaded yet (the code path). */
export function setModuleLoader(find: ModuleLoader | null): void {
  loader = find;
}

/** The functions of module `name`, loading it if it can be found. */
export function findModule(name: string): ModuleFunctions | undefined {
  const m = moduleRef(name);
  if (!m.loaded && loader !== null) {
    const found = loader(name);
    if (found !== undefined) defineModule(name, found);
  }
  return m.loaded ? m.fns : undefined;
}

/** Function `name/arity` of module `module`, or `undefined` if the code has none. */
export function findFunction(module: string, name: string, arity: number): ProcessFn | undefined {
  const m = findModule(module);
  if (m === undefined) return undefined;
  return m[`${name}/${arity}`] ?? m[name];
}

/** The names of the loaded modules. */
export function loadedModules(): string[] {
  return [...modules.values()].filter((m) => m.loaded).map((m) => m.name);
}

/**
 * The fun `fun module:name/arity`: it calls the function by name, found (or loaded) at each
 * call, so it means the same on every node and scheduler; `undef` where there is none.
 */
export function exportedFun(module: string, name: string, arity: number): Fun {
  return nameFun((...args: unknown[]) => {
    const fn = findFunction(module, name, args.length);
    if (fn === undefined) {
      throw new ErlangError(
        "error",
        "undef",
        arrayToList([[module, name, arrayToList(args as Term[]), null]]),
      );
    }
    return fn(...args);
  }, { module, name, arity, exported: true });
}

let fileLoader: ((path: string) => void) | null = null;
let announce: ((path: string) => void) | null = null;

/** Sets how this isolate loads a module from a source file (the LFE loader's way). */
export function setFileLoader(load: (path: string) => void): void {
  fileLoader = load;
}

/** Loads the module of the source file `path` here, as another scheduler did. */
export function loadFileHere(path: string): void {
  fileLoader?.(path);
}

/** Sets who is told when a module is loaded from a file here (the other schedulers). */
export function setLoadAnnouncer(tell: ((path: string) => void) | null): void {
  announce = tell;
}

/** Tells the other schedulers of the node that the module of file `path` was (re)loaded. */
export function announceLoad(path: string): void {
  announce?.(path);
}
