import assert from "node:assert/strict";
import {
  after,
  cancelTimer,
  on,
  processes,
  receive,
  run,
  self,
  sendAfter,
  sleep,
  spawn,
  type Term,
} from "../../runtime/mod.ts";
import { freshNode } from "./_node.ts";

Deno.test("sendAfter() delivers a message after the delay", async () => {
  freshNode();
  let got: Term = null;
  let waited = 0;
  await run(function* () {
    const t0 = performance.now();
    sendAfter(20, self(), "tick");
    got = yield* receive(on("tick", () => "tick"), after(500, () => "none"));
    waited = performance.now() - t0;
  });
  assert.equal(got, "tick");
  assert.ok(waited >= 15, `waited ${waited} ms`);
});

Deno.test("cancelTimer() stops a pending sendAfter()", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const ref = sendAfter(10, self(), "tick");
    got.push(cancelTimer(ref), cancelTimer(ref));
    got.push(yield* receive(on("tick", () => "tick"), after(40, () => "none")));
  });
  assert.deepEqual(got, [true, false, "none"]);
});

Deno.test("sleep() lets the caller wait while others run", async () => {
  freshNode();
  const log: string[] = [];
  await run(function* () {
    spawn(function* () {
      log.push("other");
    });
    yield* sleep(10);
    log.push("woke");
  });
  assert.deepEqual(log, ["other", "woke"]);
});

Deno.test("processes() lists the live processes of the node", async () => {
  const { node } = freshNode();
  let seen: Term[] = [];
  await run(function* () {
    const a = spawn(function* () {
      yield* receive(on("stop", () => null));
    });
    seen = processes();
    assert.ok(seen.includes(self()) && seen.includes(a) && seen.includes(node.defaultGroupLeader));
  });
  assert.equal(seen.length, 4); // the group leader, run()'s watcher, the caller and `a`
});
