/**
 * Registers the data-structure and text modules of OTP's standard library: `queue`,
 * `ordsets` and `orddict`.
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { ORDDICT } from "./orddict.ts";
import { ORDSETS } from "./ordsets.ts";
import { QUEUE } from "./queue.ts";

/** Defines the modules. */
export function registerStdlibModules(): void {
  defineModule("queue", QUEUE);
  defineModule("ordsets", ORDSETS);
  defineModule("orddict", ORDDICT);
}
