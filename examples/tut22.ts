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
  $,
  defineModule,
  node,
  on,
  type Pid,
  type Proc,
  putChars,
  receive,
  register,
  self,
  send,
  spawn,
  spawnOn,
  type Term,
} from "../runtime/mod.ts";
import { runExample } from "./_cli.ts";

const PONG = on("pong", () => null);

/** Sends `n` pings to the process registered as `pong` on `pongNode`. */
export function* ping(n: number, pongNode: string): Proc<Term> {
  for (; n > 0; n--) {
    send(["pong", pongNode], ["ping", self()]);
    yield* receive(PONG);
    yield* putChars("Ping received pong\n");
  }
  send(["pong", pongNode], "finished");
  return yield* putChars("Ping finished\n");
}

const FINISHED = on("finished", () => null);
const PING = on(["ping", $("pingPid")], ({ pingPid }) => pingPid as Pid);

/** Answers pings until `finished`. */
export function* pong(): Proc<Term> {
  for (;;) {
    const from = yield* receive(FINISHED, PING);
    if (from === null) return yield* putChars("Pong finished\n");
    yield* putChars("Pong received ping\n");
    send(from, "pong");
  }
}

/** Starts pong here, registered as `pong`, and ping on `pingNode`. */
export function* start(pingNode: string): Proc<Pid> {
  register("pong", spawn(pong));
  return yield* spawnOn(pingNode, "tut22", "ping", [3, node()]);
}

defineModule("tut22", { ping, pong, start });

if (import.meta.main) await runExample("tut22", Deno.args);
