/**
 * The seed's tut21 in TypeScript: ping and pong on two nodes. `pong` is registered on its node;
 * `ping` sends to `#(pong PongNode)`, by name, and pong answers the pid inside the message.
 *
 * ```sh
 * deno run -A examples/tut21.ts -sname pong start-pong          # on gollum: prints true
 * deno run -A examples/tut21.ts -sname ping start-ping pong@gollum   # on kosken
 * ```
 *
 * @module
 */

import {
  $,
  defineModule,
  on,
  type Pid,
  type Proc,
  putChars,
  receive,
  register,
  self,
  send,
  spawn,
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

/** Starts pong, registered as `pong`. */
export function startPong(): true {
  return register("pong", spawn(pong));
}

/** Starts ping against the pong on `pongNode`. */
export function startPing(pongNode: string): Pid {
  return spawn(ping, 3, pongNode);
}

defineModule("tut21", { ping, pong, "start-pong": startPong, "start-ping": startPing });

if (import.meta.main) await runExample("tut21", Deno.args);
