/**
 * The seed's tut22 in TypeScript: pong starts on this node, and ping is spawned on another node,
 * where it runs with this node's group leader, so all its output appears here.
 *
 * ```sh
 * deno run -A examples/tut22.ts -sname ping                  # on kosken: a node, waiting
 * deno run -A examples/tut22.ts -sname pong start ping@kosken   # on gollum: all output here
 * ```
 *
 * @module
 */

import {
  defineModule,
  node,
  type Pid,
  type Proc,
  register,
  spawn,
  spawnOn,
} from "../runtime/mod.ts";
import { runExample } from "./_cli.ts";
// The seed's tut22 has the very ping and pong of tut21.
import { ping, pong } from "./tut21.ts";

/** Starts pong here, registered as `pong`, and ping on `pingNode`. */
export function* start(pingNode: string): Proc<Pid> {
  register("pong", spawn(pong));
  return yield* spawnOn(pingNode, "tut22", "ping", [3, node()]);
}

defineModule("tut22", { ping, pong, start });

if (import.meta.main) await runExample("tut22", Deno.args);
