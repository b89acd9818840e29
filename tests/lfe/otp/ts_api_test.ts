/**
 * OTP's behaviours from TypeScript: a gen_server whose callbacks are TypeScript, called from
 * TypeScript and from LFE code alike; a TypeScript supervisor restarting it; errors as OTP's.
 */

import assert from "node:assert/strict";
import {
  call,
  cast,
  defineGenServer,
  defineSupervisor,
  noreply,
  reply,
  start,
  startSupervisor,
  stop,
  whichChildren,
} from "../../../lfe/otp/mod.ts";
import {
  caught,
  createNode,
  exit,
  listToArray,
  type Pid,
  printTerm,
  run,
  setDefaultNode,
  sleep,
  type Term,
  trapExit,
  whereis,
  type Yielded,
} from "../../../runtime/mod.ts";
import { evalForm, readAll } from "../../../lfe/mod.ts";

defineGenServer<number>("ts_counter", {
  init: (n) => ["ok", n as number],
  handleCall: (req, _from, n) => {
    if (req === "next") return reply(n + 1, n + 1);
    if (req === "stop") return stop("normal", n, "bye");
    return reply(["unknown", req], n);
  },
  handleCast: (msg, n) => noreply(typeof msg === "number" ? n + msg : n),
});

defineSupervisor("ts_sup", () => ({
  strategy: "one_for_one",
  intensity: 3,
  period: 5,
  children: [{ id: "counter", start: ["ts_child", "start_link", []] }],
}));

defineGenServer<number>("ts_child", {
  init: () => ["ok", 0],
  handleCall: (_req, _from, n) => reply(n, n),
});

function* lfe(text: string): Generator<Yielded, Term, unknown> {
  return (yield* evalForm(readAll(text)[0] as Term)) as Term;
}

Deno.test("a TypeScript gen_server answers TypeScript and LFE callers", async () => {
  setDefaultNode(createNode({ output: () => {} }));
  let out: string[] = [];
  await run(function* () {
    const started = (yield* start("ts_counter", 41, "counter")) as Term[];
    assert.equal(started[0], "ok");
    const a = yield* call("counter", "next");
    yield* cast("counter", 10);
    const b = yield* lfe("(gen_server:call 'counter 'next)");
    const c = yield* lfe("(gen_server:call 'counter 'what)");
    const d = yield* call(started[1] as Pid, "stop");
    yield* sleep(10);
    let e: Term;
    try {
      e = yield* call("counter", "next", 100);
    } catch (err) {
      e = caught(err).reason;
    }
    out = [a, b, c, d, e].map((x) => printTerm(x as Term));
  });
  assert.deepEqual(out, [
    "42",
    "53",
    "#(unknown what)",
    "bye",
    "#(noproc #(gen_server call (counter next 100)))",
  ]);
});

Deno.test("a TypeScript supervisor restarts its TypeScript child", async () => {
  setDefaultNode(createNode({ output: () => {} }));
  let out: Term[] = [];
  await run(function* () {
    trapExit(true);
    const r = (yield* startSupervisor("ts_sup", null, "ts_sup")) as Term[];
    assert.equal(r[0], "ok");
    const before = listToArray(yield* whichChildren("ts_sup"))[0] as Term[];
    exit(before[1] as Pid, "kill");
    yield* sleep(20);
    const after = listToArray(yield* whichChildren("ts_sup"))[0] as Term[];
    const restarted = after[1] !== before[1] && typeof after[1] === "object";
    exit(whereis("ts_sup") as Pid, "shutdown");
    out = [before[0] as Term, restarted];
  });
  assert.deepEqual(out, ["counter", true]);
});
