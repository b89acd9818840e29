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

/** Adds `module_info/0,1` to the table `fns` of `module`; answers the same table. */
export function withModuleInfo(module: string, fns: ModuleFunctions): ModuleFunctions {
  const exports = () =>
    Object.keys(fns)
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
  fns["module_info/0"] = () =>
    arrayToList(["module", "exports", "attributes", "compile", "md5"].map((k) => [k, info(k)]));
  fns["module_info/1"] = info;
  return fns;
}
