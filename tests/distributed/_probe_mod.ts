/**
 * The module `probe` of the probe nodes (tests/distributed/_probe.ts), on every scheduler: the
 * probe and its worker schedulers import it.
 *
 * @module
 */

import {
  $,
  defineModule,
  on,
  type Pid,
  type Proc,
  receive,
  send,
  type Term,
  whereis,
} from "../../runtime/mod.ts";

export function* counter(): Proc<never> {
  let n = 0;
  let inOrder = true;
  for (;;) {
    yield* receive(
      on(["n", $("i")], ({ i }) => {
        n++;
        if (i !== n) inOrder = false;
      }),
      on(["count", $("from")], ({ from }) => {
        send(from as Pid, ["count", n, inOrder ? "ok" : "bad"]);
        n = 0;
        inOrder = true;
      }),
    );
  }
}

// Runs on the node that has `name`: tells `to` the pid registered under it.
export function tell(name: string, to: Pid): Term {
  return send(to, ["pid", whereis(name)]);
}

export function* idle(): Proc<void> {
  yield* receive(on("stop", () => null));
}

defineModule("probe", { tell, idle, counter });
