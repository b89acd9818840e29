import assert from "node:assert/strict";
import {
  $,
  _,
  after,
  arrayToList,
  BUDGET,
  charlist,
  float,
  list,
  NOMATCH,
  on,
  type Proc,
  receive,
  receiveWith,
  run,
  self,
  send,
  spawn,
  type Term,
} from "../../runtime/mod.ts";
import { freshNode } from "./_node.ts";

Deno.test("receive() takes the oldest matching message and leaves the others in order", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const me = self();
    for (const m of [1, "b", 2, "c", 3]) send(me, m);
    got.push(yield* receive(on("c", () => "c")));
    got.push(yield* receive(on("b", () => "b")));
    for (let i = 0; i < 3; i++) got.push(yield* receive(on($("x"), ({ x }) => x)));
  });
  assert.deepEqual(got, ["c", "b", 1, 2, 3]);
});

Deno.test("receive() skips unmatched messages and does not test them again", async () => {
  freshNode();
  let tests = 0;
  await run(function* () {
    const me = self();
    for (let i = 0; i < 5; i++) send(me, ["noise", i]);
    spawn(function* () {
      yield;
      send(me, "wanted");
    });
    yield* receiveWith((m) => {
      tests++;
      return m === "wanted" ? m : NOMATCH;
    });
  });
  assert.equal(tests, 6);
});

Deno.test("receive() binds variables and checks a variable bound twice", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const me = self();
    send(me, ["pair", 1, 2]);
    send(me, ["pair", 7, 7]);
    got.push(yield* receive(on(["pair", $("a"), $("a")], ({ a }) => a)));
    got.push(yield* receive(on(["pair", $("a"), $("b")], ({ a, b }) => [a, b])));
  });
  assert.deepEqual(got, [7, [1, 2]]);
});

Deno.test("receive() matches lists, strings, floats and the wildcard", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const me = self();
    send(me, float(2));
    send(me, 2);
    send(me, list(1, charlist("hi"), 3));
    got.push(yield* receive(on(2, () => "int")));
    got.push(yield* receive(on(float(2), () => "float")));
    got.push(yield* receive(on(arrayToList([_, $("s"), 3] as Term[]), (b) => b.s as Term)));
  });
  assert.deepEqual(got, ["int", "float", charlist("hi")]);
});

Deno.test("receive() applies guards, and a guard that throws does not match", async () => {
  freshNode();
  let r: Term = null;
  await run(function* () {
    const me = self();
    send(me, ["n", 1]);
    send(me, ["n", 50]);
    r = yield* receive(
      on(["n", $("x")], () => {
        throw new Error("boom");
      }, () => "never"),
      on(["n", $("x")], ({ x }) => (x as number) > 10, ({ x }) => x),
    );
  });
  assert.equal(r, 50);
});

Deno.test("receive() with after 0 only looks at what is already there", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    got.push(yield* receive(on("x", () => "x"), after(0, () => "timeout")));
    send(self(), "x");
    got.push(yield* receive(on("x", () => "x"), after(0, () => "timeout")));
  });
  assert.deepEqual(got, ["timeout", "x"]);
});

Deno.test("receive() with after times out, and a match cancels the timer", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const t0 = performance.now();
    got.push(yield* receive(on("x", () => "x"), after(30, () => "timeout")));
    got.push(performance.now() - t0 >= 25);
    const me = self();
    spawn(function* () {
      send(me, "x");
    });
    got.push(yield* receive(on("x", () => "x"), after(30, () => "timeout")));
    // A timer left over from the match above would end this wait early.
    got.push(yield* receive(on("y", () => "y"), after(60, () => "late")));
  });
  assert.deepEqual(got, ["timeout", true, "x", "late"]);
});

Deno.test("receive() runs a generator handler as part of the process", async () => {
  freshNode();
  let r: Term = null;
  await run(function* () {
    const me = self();
    send(me, "first");
    send(me, "second");
    r = yield* receive(on("first", function* (): Proc<Term> {
      return yield* receive(on("second", () => "both"));
    }));
  });
  assert.equal(r, "both");
});

Deno.test("a receive satisfied from the mailbox does not give up the processor", async () => {
  freshNode();
  const log: string[] = [];
  await run(function* () {
    const me = self();
    spawn(function* () {
      log.push("other ran");
    });
    send(me, "a");
    yield* receive(on("a", () => null));
    log.push("received");
  });
  assert.deepEqual(log, ["received", "other ran"]);
});

Deno.test("a process that keeps receiving yields after its budget so others run", async () => {
  freshNode();
  let received = 0;
  let seenAt = -1;
  await run(function* () {
    const me = self();
    for (let i = 0; i < BUDGET * 3; i++) send(me, i);
    spawn(function* () {
      seenAt = received;
    });
    for (let i = 0; i < BUDGET * 3; i++) {
      yield* receive(on(_, () => null));
      received++;
    }
  });
  assert.ok(seenAt > 0 && seenAt <= BUDGET, `the other process ran after ${seenAt} receives`);
});

Deno.test("receive() outside a process is a clear error", () => {
  assert.throws(() => receive(on("x", () => 1)).next(), /Cannot call receive outside a process/);
});
