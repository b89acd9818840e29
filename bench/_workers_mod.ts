/**
 * The module the `workers` benchmarks run on every scheduler: each isolate that imports this
 * file has it.
 *
 * @module
 */

import { $, _, defineModule, on, type Pid, receive, send } from "../runtime/mod.ts";

const MSG = on(["msg", _], () => null);
const DONE = on(["done", $("from")], ({ from }) => from as Pid);
const PING = on(["ping", $("from")], ({ from }) => from as Pid);
const STOP = on("stop", () => null);

defineModule("wbench", {
  /** CPU-bound work: a sum over `n` steps, sent to `to` as `#(done Sum)`. */
  crunch(n: number, to: Pid) {
    let s = 0;
    for (let i = 0; i < n; i++) s = (s + ((i * i) ^ (i >>> 3)) % 7919) % 1_000_000_007;
    send(to, ["done", s]);
  },
  /** Counts `#(msg I)` until `#(done From)`, answered with `#(count N)`. */
  *sink() {
    let count = 0;
    for (;;) {
      const from = yield* receive(MSG, DONE);
      if (from === null) count++;
      else {
        send(from, ["count", count]);
        count = 0;
      }
    }
  },
  /** Answers `#(ping From)` with `pong` until `stop`. */
  *pong() {
    for (;;) {
      const from = yield* receive(PING, STOP);
      if (from === null) return;
      send(from, "pong");
    }
  },
});
