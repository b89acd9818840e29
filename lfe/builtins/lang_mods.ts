/**
 * Registers the modules of the language's own library: `math`, `erl_internal`, `random`, `rand` and LFE's modules (`lfe`,
 * `lfe_env`, `lfe_eval`, `lfe_macro`, `lfe_scan`, `lfe_parse`, `lfe_comp`).
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { registerLfeModules } from "./lfe_mods.ts";
import { registerScm } from "../_scm.ts";
import { MATH } from "./math.ts";
import { ERL_INTERNAL } from "./erl_internal.ts";
import { RANDOM } from "./random.ts";
import { RAND } from "./rand.ts";

/** Defines the modules. */
export function registerLangModules(): void {
  defineModule("math", MATH);
  defineModule("erl_internal", ERL_INTERNAL);
  defineModule("random", RANDOM);
  defineModule("rand", RAND);
  registerLfeModules();
  registerScm();
}
