/**
 * The module `init`, as far as a program asks it: `stop/0,1` end the node once the current
 * turn is over (output in flight is written first), with the status given (0 by default).
 *
 * @module
 */

import { haltNode } from "../../runtime/halt.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Term } from "../../runtime/terms.ts";

function stop(status: Term = 0): Term {
  if (typeof status !== "number" || !Number.isInteger(status) || status < 0) {
    return raiseError("badarg");
  }
  haltNode(status, { graceful: true });
  return "ok";
}

/** The functions of `init`. */
export const INIT: ModuleFunctions = {
  "stop/0": () => stop(),
  "stop/1": (status: Term) => stop(status),
};
