/**
 * A module the scheduler tests start processes of, on any scheduler: each isolate that imports
 * this file has it.
 *
 * @module
 */
import {
  $,
  defineModule,
  exit,
  link,
  on,
  type Pid,
  type Proc,
  putChars,
  receive,
  register,
  self,
  send,
  thisNode,
  trapExit,
} from "../../runtime/mod.ts";

// Answers #(ping From) with #(pong Scheduler) until stop.
function* pong(): Proc<void> {
  for (;;) {
    const from = yield* receive(
      on(["ping", $("f")], ({ f }) => f as Pid),
      on("stop", () => null),
    );
    if (from === null) return;
    send(from, ["pong", thisNode().index]);
  }
}

defineModule("st", {
  pong,
  // Registers itself as `name`, tells `to`, then serves as pong.
  *named(name: string, to: Pid) {
    register(name, self());
    send(to, ["registered", name, thisNode().index]);
    yield* pong();
  },
  // Waits for #(die Reason) and exits with it.
  *dier() {
    const why = yield* receive(on(["die", $("r")], ({ r }) => r));
    exit(why);
  },
  // Links to `pid`, trapping exits, and tells `to` what exit comes.
  *watcher(pid: Pid, to: Pid) {
    trapExit(true);
    link(pid);
    send(to, ["linked", thisNode().index]);
    const r = yield* receive(on(["EXIT", $("p"), $("r")], ({ r }) => r));
    send(to, ["saw", r]);
  },
  // Busy work: sums i*i mod 7 up to n, then sends the sum to `to`.
  crunch(n: number, to: Pid) {
    let s = 0;
    for (let i = 0; i < n; i++) s = (s + ((i * i) % 7)) % 1_000_000_007;
    send(to, ["done", s, thisNode().index]);
  },
});

defineModule("st_crash", {
  /** Ends this process's whole isolate with an error no process can catch. */
  isolate() {
    setTimeout(() => {
      throw new Error("the isolate is broken");
    }, 0);
  },
});

defineModule("st_more", {
  /** Prints a line through its group leader, then tells `to`. */
  *say(text: string, to: Pid) {
    yield* putChars(text);
    send(to, "said");
  },
  /** Waits for ever (until killed). */
  *idle() {
    yield* receive(on("never", () => null));
  },
});
