/**
 * Modules on the code path: a call to a module not loaded yet looks for `NAME.lfe` in each
 * directory of the code path (the working directory first, then each `-pa DIR`), compiles it
 * and loads it, as `erl` does in interactive mode. `(c "file")` compiles and loads a file;
 * `(l 'mod)` loads a module from the code path again.
 *
 * @module
 */

import {
  announceLoad,
  defineModule,
  type ModuleFunctions,
  setModuleLoader,
} from "../runtime/mod.ts";
import { compileModule } from "./compile.ts";
import { readAll } from "./reader.ts";
import { setLoadHook } from "./rt.ts";

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
  const name = loadFileQuietly(path);
  // The node's other schedulers load it too, so that every process runs the same code.
  announceLoad(path.startsWith("/") ? path : `${Deno.cwd()}/${path}`);
  return name;
}

/** Loads the module of the LFE file `path` in this isolate only; answers its name. */
export function loadFileQuietly(path: string): string {
  const text = Deno.readTextFileSync(path);
  const m = compileModule(readAll(text));
  defineModule(m.name, m.functions);
  return m.name;
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

function fromCodePath(name: string): ModuleFunctions | undefined {
  const file = findOnCodePath(name);
  if (file === undefined) return undefined;
  const m = compileModule(readAll(Deno.readTextFileSync(file)));
  if (m.name !== name) return undefined;
  return m.functions;
}

/** Makes calls to modules not loaded yet look for them on the code path. */
export function installCodePathLoader(): void {
  setModuleLoader(fromCodePath);
  setLoadHook((name) => {
    const fns = fromCodePath(name);
    if (fns !== undefined) defineModule(name, fns);
  });
}
