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

import type { ProcessFn } from "./node.ts";

/** A module's functions: by name (any arity) or by `name/arity`. */
export type ModuleFunctions = Record<string, ProcessFn>;

/** Finds a module that is not loaded yet; `undefined` when there is none. */
export type ModuleLoader = (name: string) => ModuleFunctions | undefined;

const modules = new Map<string, ModuleFunctions>();
let loader: ModuleLoader | null = null;

/** Loads (or reloads) module `name` with the given functions. */
export function defineModule(name: string, functions: ModuleFunctions): void {
  modules.set(name, { ...functions });
}

/** Removes module `name`; `false` if it was not loaded. */
export function deleteModule(name: string): boolean {
  return modules.delete(name);
}

/** Sets what finds modules that are not loaded yet (the code path). */
export function setModuleLoader(find: ModuleLoader | null): void {
  loader = find;
}

/** The functions of module `name`, loading it if it can be found. */
export function findModule(name: string): ModuleFunctions | undefined {
  let m = modules.get(name);
  if (m === undefined && loader !== null) {
    const found = loader(name);
    if (found !== undefined) {
      defineModule(name, found);
      m = modules.get(name);
    }
  }
  return m;
}

/** Function `name/arity` of module `module`, or `undefined` if the code has none. */
export function findFunction(module: string, name: string, arity: number): ProcessFn | undefined {
  const m = findModule(module);
  if (m === undefined) return undefined;
  return Object.hasOwn(m, `${name}/${arity}`)
    ? m[`${name}/${arity}`]
    : Object.hasOwn(m, name)
    ? m[name]
    : undefined;
}

/** The names of the loaded modules. */
export function loadedModules(): string[] {
  return [...modules.keys()];
}
