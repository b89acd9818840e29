/**
 * The built-in modules, native in TypeScript: `erlang`, `lists`, `maps`, `proplists`,
 * `string`, `timer`, `io`, `io_lib`, `lfe_io`, `net_adm`, `net_kernel` and `rpc`, and the
 * operators compiled code falls back on.
 *
 * @module
 */

import { setOps } from "../rt.ts";
import { registerCoreBuiltins } from "./core.ts";
import { registerIoBuiltins } from "./io_mods.ts";
import { registerLangModules } from "./lang_mods.ts";
import { FRAMED_OPS } from "./_framed_ops.ts";
import { prettyErlang } from "./_erl_pretty.ts";
import { setReportFormatter } from "../../runtime/io.ts";
import { defineModule, findModule, loadedModules } from "../../runtime/code.ts";
import { withModuleInfo } from "./_module_info.ts";

let registered = false;

/** Loads every built-in module (once). */
export function registerBuiltins(): void {
  if (registered) return;
  registered = true;
  setOps(FRAMED_OPS as unknown as Parameters<typeof setOps>[0]);
  setReportFormatter((t) => prettyErlang(t, { column: 1 }));
  registerCoreBuiltins();
  registerIoBuiltins();
  registerLangModules();
  // Every module answers module_info/0,1, as every Erlang module does.
  for (const name of loadedModules()) {
    const fns = findModule(name);
    if (fns === undefined || "module_info/0" in fns || "module_info" in fns) continue;
    defineModule(name, withModuleInfo(name, { ...fns }));
  }
}
