/**
 * The module `code`: the code path (`get_path`, `add_patha`, `add_pathz`, `del_path`), where a
 * file or module is (`where_is_file`, `which`), and loading (`ensure_loaded`, `load_file`,
 * `is_loaded`, `all_loaded`, `purge`, `delete`), as `erl` in interactive mode has them. A
 * module is loaded from an LFE file on the code path, or is one the node carries.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { deleteModule, findModule, loadedModules, moduleRef } from "../../runtime/code.ts";
import { arrayToList, charlist, charlistToString, type Term } from "../../runtime/terms.ts";
import {
  findOnCodePath,
  getCodePath,
  isOtpModule,
  loadedFrom,
  reloadModule,
  setCodePath,
} from "../loader.ts";
import { moduleTable } from "./_util.ts";
import { fileName } from "./file.ts";

function isDir(d: string): boolean {
  try {
    return Deno.statSync(d).isDirectory;
  } catch {
    return false;
  }
}

function addPath(d: Term, front: boolean): Term {
  const dir = fileName(d);
  if (dir === undefined || !isDir(dir)) return ["error", "bad_directory"];
  const path = getCodePath().filter((p) => p !== dir);
  // The working directory stays first, as the code path's first entry is ".".
  if (front) path.splice(path[0] === "." ? 1 : 0, 0, dir);
  else path.push(dir);
  setCodePath(path);
  return true;
}

function whereIsFile(f: Term): Term {
  const name = fileName(f);
  if (name === undefined) return "non_existing";
  for (const dir of getCodePath()) {
    const p = dir === "." ? name : `${dir.replace(/\/+$/, "")}/${name}`;
    try {
      if (Deno.statSync(p).isFile) return charlist(dir === "." ? `./${name}` : p);
    } catch { /* not here */ }
  }
  return "non_existing";
}

function which(m: Term): Term {
  if (typeof m !== "string") return "non_existing";
  const from = loadedFrom(m);
  if (from !== undefined && !isOtpModule(m)) return charlist(from.file);
  if (moduleRef(m).loaded || isOtpModule(m)) return "preloaded";
  const file = findOnCodePath(m);
  return file === undefined ? "non_existing" : charlist(file);
}

function ensureLoaded(m: Term): Term {
  if (typeof m !== "string") return ["error", "badarg"];
  return findModule(m) !== undefined ? ["module", m] : ["error", "nofile"];
}

function loadFile(m: Term): Term {
  if (typeof m !== "string") return ["error", "badarg"];
  if (isOtpModule(m)) return ensureLoaded(m);
  return reloadModule(m) !== undefined ? ["module", m] : ["error", "nofile"];
}

function isLoaded(m: Term): Term {
  if (typeof m !== "string" || !moduleRef(m).loaded) return false;
  const from = loadedFrom(m);
  return ["file", from !== undefined && !isOtpModule(m) ? charlist(from.file) : "preloaded"];
}

/** `code` by `name/arity`. */
export const CODE: ModuleFunctions = moduleTable("code", {
  "get_path/0": () => arrayToList(getCodePath().map((d) => charlist(d))),
  "add_patha/1": (d: Term) => addPath(d, true),
  "add_pathz/1": (d: Term) => addPath(d, false),
  "add_path/1": (d: Term) => addPath(d, false),
  "add_pathsa/1": (ds: Term) => {
    let c = ds;
    const dirs: Term[] = [];
    while (c !== null && typeof c === "object" && "hd" in c) {
      dirs.push(c.hd);
      c = c.tl;
    }
    for (const d of dirs.reverse()) addPath(d, true);
    return "ok";
  },
  "del_path/1": (d: Term) => {
    const dir = fileName(d);
    const path = getCodePath();
    if (dir === undefined || !path.includes(dir)) return false;
    setCodePath(path.filter((p) => p !== dir));
    return true;
  },
  "where_is_file/1": whereIsFile,
  "which/1": which,
  "ensure_loaded/1": ensureLoaded,
  "load_file/1": loadFile,
  "is_loaded/1": isLoaded,
  "all_loaded/0": () =>
    arrayToList(
      loadedModules().sort().map((m) => {
        const from = loadedFrom(m);
        return [m, from !== undefined && !isOtpModule(m) ? charlist(from.file) : "preloaded"];
      }),
    ),
  "purge/1": () => false,
  "soft_purge/1": () => true,
  "delete/1": (m: Term) => typeof m === "string" && deleteModule(m),
  "root_dir/0": () => charlist("/usr/lib/erlang"),
  "lib_dir/0": () => charlist("/usr/lib/erlang/lib"),
  "priv_dir/1": (a: Term) => {
    const dir = typeof a === "string" ? whereIsFile(`${a}.app`) : "non_existing";
    if (dir === "non_existing") return ["error", "bad_name"];
    const s = charlistToString(dir) ?? "";
    return charlist(s.replace(/\/[^/]*$/, "").replace(/\/ebin$/, "") + "/priv");
  },
});
