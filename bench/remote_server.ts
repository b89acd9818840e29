/**
 * The server node of the remote benchmarks, as `ebench:remote_server/0`: `pong` answers
 * `#(ping From)` with `pong`, and `sink` counts `#(msg I Payload)` until `#(done From)`, which it
 * answers with `#(count N)`.
 *
 * @module
 */

import { startNode } from "../net/mod.ts";
import { $, _, on, type Pid, receive, register, send, spawn } from "../runtime/mod.ts";

const PING = on(["ping", $("from")], ({ from }) => from as Pid);

function* pong() {
  for (;;) send(yield* receive(PING), "pong");
}

const MSG = on(["msg", _, _], () => null);
const DONE = on(["done", $("from")], ({ from }) => from as Pid);

function* sink() {
  let count = 0;
  for (;;) {
    const from = yield* receive(MSG, DONE);
    if (from === null) count++;
    else {
      send(from, ["count", count]);
      count = 0;
    }
  }
}

const started = await startNode({ sname: Deno.args[0] as string, log: () => {} });
register("pong", spawn(pong));
register("sink", spawn(sink));
console.log("ready");
Deno.addSignalListener("SIGTERM", () => {
  started.stop();
  Deno.exit(0);
});
