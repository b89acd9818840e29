/**
 * `module_info/0,1` and LFE's `__info__/1` for `clj` and `cl`, which a compiled LFE module has:
 * the module's name, its exports in the order BEAM lists them (by name, then arity, with
 * `module_info` last), and its attributes (the `export-macro` declarations; a module written in
 * TypeScript has no `vsn` and no compile options).
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, type Term } from "../../runtime/terms.ts";
import { functionClause } from "./_util.ts";

type NameArity = [string, number];

function nameArity(key: string): NameArity {
  const i = key.lastIndexOf("/");
  return [key.slice(0, i), Number(key.slice(i + 1))];
}

function byNameArity(a: NameArity, b: NameArity): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

/**
 * The info functions of `module`, whose other functions are `fns` and whose `export-macro`
 * declarations were `macroGroups`.
 */
export function moduleInfo(
  module: string,
  fns: ModuleFunctions,
  macroGroups: readonly (readonly string[])[],
): ModuleFunctions {
  const functions = Object.keys(fns).map(nameArity).sort(byNameArity);
  const exports = [...functions, ["__info__", 1] as NameArity].sort(byNameArity);
  exports.push(["module_info", 0], ["module_info", 1]);
  const attributes = arrayToList(macroGroups.map((g) => ["export-macro", arrayToList([...g])]));
  const info = (item: Term): Term => {
    switch (item) {
      case "module":
        return module;
      case "exports":
        return arrayToList(exports);
      case "attributes":
        return attributes;
      case "compile":
        return null;
      default:
        return raiseError("badarg");
    }
  };
  return {
    "module_info/0": () =>
      arrayToList(["module", "exports", "attributes", "compile"].map((k) => [k, info(k)])),
    "module_info/1": info,
    "__info__/1": (item: Term) => {
      switch (item) {
        case "module":
          return module;
        case "functions":
          return arrayToList(functions);
        case "macros":
        case "deprecated":
          return null;
        case "attributes":
        case "compile":
          return info(item);
        default:
          return functionClause();
      }
    },
  };
}
