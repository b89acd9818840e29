/**
 * Registers the data-structure and text modules of OTP's standard library: `queue`.
 *
 * @module
 */

import { defineModule } from "../../runtime/code.ts";
import { QUEUE } from "./queue.ts";

/** Defines the modules. */
export function registerStdlibModules(): void {
  defineModule("queue", QUEUE);
}
