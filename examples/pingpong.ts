/**
 * The seed's ping pong on one node, in TypeScript: `pong` is registered and answers each
 * `#(ping Pid)` with `pong` until it gets `finished`; `ping` plays three rounds.
 *
 * Run with `deno run examples/pingpong.ts`.
 *
 * @module
 */

import {
  $,
  on,
  type Pid,
  type Proc,
  putChars,
  receive,
  register,
  run,
  self,
  send,
  spawn,
} from "../runtime/mod.ts";

/** Plays `n` rounds against the process registered as `pong`. */
export function* ping(n: number): Proc<void> {
  for (; n > 0; n--) {
    send("pong", ["ping", self()]);
    yield* receive(on("pong", () => null));
    yield* putChars("Ping received pong\n");
  }
  send("pong", "finished");
  yield* putChars("Ping finished\n");
}

/** Answers pings until `finished`. */
export function* pong(): Proc<void> {
  for (;;) {
    const from = yield* receive(
      on("finished", () => null),
      on(["ping", $("pingPid")], ({ pingPid }) => pingPid as Pid),
    );
    if (from === null) break;
    yield* putChars("Pong received ping\n");
    send(from, "pong");
  }
  yield* putChars("Pong finished\n");
}

/** Starts pong under its name, then ping. */
export function* start(): Proc<void> {
  register("pong", spawn(pong));
  spawn(ping, 3);
}

if (import.meta.main) await run(start);
