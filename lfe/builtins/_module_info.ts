/**
 * `module_info/0,1` for a built-in module written in TypeScript, as every Erlang module has
 * them: its name, its exports (the functions of its table and `module_info/0,1`, by name and
 * arity), no attributes and no compile options, and an MD5 of the export list.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, type Term } from "../../runtime/terms.ts";
import { md5 } from "./_md5.ts";

/**
 * Adds `module_info/0,1` to the table `fns` of `module`; answers the same table. With `byName`
 * they go in under the bare name `module_info` (found by a call of either arity) rather than
 * by `name/arity`: for `erlang`, whose functions by `name/arity` the compiler takes as
 * auto-imported, so that a module's own `(module_info ...)` stays its own.
 */
export function withModuleInfo(
  module: string,
  fns: ModuleFunctions,
  byName = false,
): ModuleFunctions {
  const exports = () =>
    [...Object.keys(fns).filter((k) => k.includes("/")), "module_info/0", "module_info/1"]
      .filter((k, i, all) => all.indexOf(k) === i)
      .map((k): [string, number] => {
        const i = k.lastIndexOf("/");
        return [k.slice(0, i), Number(k.slice(i + 1))];
      })
      .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
  const info = (what: Term): Term => {
    switch (what) {
      case "module":
        return module;
      case "exports":
      case "functions":
        return arrayToList(exports());
      case "attributes":
      case "compile":
      case "nifs":
        return null;
      case "md5":
        return md5(new TextEncoder().encode(exports().map((e) => e.join("/")).join(" ")));
      case "native":
        return false;
    }
    return raiseError("badarg");
  };
  const all = () =>
    arrayToList(["module", "exports", "attributes", "compile", "md5"].map((k) => [k, info(k)]));
  if (byName) {
    fns["module_info"] = (...args: Term[]) => args.length === 0 ? all() : info(args[0] as Term);
  } else {
    fns["module_info/0"] = all;
    fns["module_info/1"] = info;
  }
  return fns;
}
