/**
 * Registers the core built-in modules of the LFE runtime: `erlang`, `lists`, `maps`,
 * `proplists`, `string`, `timer` and `init`, native TypeScript tables of functions.
 *
 * @example
 * ```ts
 * import { registerCoreBuiltins } from "./core.ts";
 * import { findFunction } from "../../runtime/code.ts";
 * registerCoreBuiltins();
 * findFunction("lists", "reverse", 1) !== undefined; // true
 * ```
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { registerCl } from "./cl.ts";
import { registerClj } from "./clj.ts";
import { ERLANG } from "./erlang.ts";
import { INIT } from "./init.ts";
import { LISTS } from "./lists.ts";
import { MAPS } from "./maps.ts";
import { PROPLISTS } from "./proplists.ts";
import { registerStdlibModules } from "./stdlib_mods.ts";
import { STRING } from "./string.ts";
import { TIMER } from "./timer.ts";

/** Defines the modules `erlang`, `lists`, `maps`, `proplists`, `string` and `timer`. */
export function registerCoreBuiltins(): void {
  defineModule("erlang", ERLANG);
  defineModule("lists", LISTS);
  defineModule("maps", MAPS);
  defineModule("proplists", PROPLISTS);
  defineModule("string", STRING);
  defineModule("timer", TIMER);
  defineModule("init", INIT);
  registerStdlibModules();
  registerClj();
  registerCl();
}
