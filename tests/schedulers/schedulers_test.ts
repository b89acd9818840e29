/**
 * A node with two schedulers in one OS process: the main isolate's and a worker's. Processes on
 * either talk, link, monitor and find each other by name as on one scheduler.
 */

import assert from "node:assert/strict";
import "./_mod.ts";
import {
  $,
  after,
  createNode,
  demonitor,
  exit,
  isAlive,
  link,
  monitor,
  on,
  type Pid,
  printTerm,
  processInfoAnywhere,
  receive,
  register,
  registered,
  run,
  self,
  send,
  setDefaultNode,
  spawnMfa,
  startSchedulers,
  thisNode,
  trapExit,
  whereis,
  type Yielded,
} from "../../runtime/mod.ts";

const ENTRY = new URL("./_worker.ts", import.meta.url);

/** Runs `body` as a process of a node with two schedulers; its failure fails the test. */
async function withSchedulers(body: () => Generator<Yielded, void, unknown>): Promise<void> {
  setDefaultNode(createNode({ output: () => {}, schedulers: 2 }));
  const s = startSchedulers(thisNode(), { count: 2, entry: ENTRY });
  await s.ready;
  let failure: unknown = undefined;
  try {
    const reason = await run(function* () {
      try {
        yield* body();
      } catch (e) {
        failure = e;
      }
    });
    if (failure !== undefined) throw failure;
    assert.equal(reason, "normal");
  } finally {
    s.stop();
  }
}

const PONG = on(["pong", $("i")], ({ i }) => i);

Deno.test("a process placed on the other scheduler answers messages from this one", async () => {
  await withSchedulers(function* () {
    const pong = spawnMfa("st", "pong", [], { scheduler: 1 });
    assert.equal(thisNode().schedulerOf(pong), 1);
    for (let i = 0; i < 100; i++) {
      send(pong, ["ping", self()]);
      assert.equal(yield* receive(PONG, after(5000, () => "timeout")), 1);
    }
    send(pong, "stop");
  });
});

Deno.test("names are node-wide: registered on one scheduler, sent to and found from the other", async () => {
  await withSchedulers(function* () {
    spawnMfa("st", "named", ["far", self()], { scheduler: 1 });
    const r = yield* receive(
      on(["registered", "far", $("i")], ({ i }) => i),
      after(5000, () => "timeout"),
    );
    assert.equal(r, 1);
    const pid = whereis("far") as Pid;
    assert.equal(thisNode().schedulerOf(pid), 1);
    assert.ok(registered().includes("far"));
    send("far", ["ping", self()]);
    assert.equal(yield* receive(PONG, after(5000, () => "timeout")), 1);
    send(["far", thisNode().name], ["ping", self()]);
    assert.equal(yield* receive(PONG, after(5000, () => "timeout")), 1);
    // The name is taken node-wide: registering it here fails.
    assert.throws(() => register("far", self()), /the name is taken/);
  });
});

Deno.test("links and monitors across schedulers: exits and DOWN arrive with the reason", async () => {
  await withSchedulers(function* () {
    trapExit(true);
    const d = spawnMfa("st", "dier", [], { scheduler: 1, link: true });
    const ref = monitor(d);
    send(d, ["die", "boom"]);
    const got = new Set<string>();
    for (let i = 0; i < 2; i++) {
      yield* receive(
        on(["EXIT", d, $("r")], ({ r }) => got.add(`EXIT ${printTerm(r)}`)),
        on(["DOWN", ref, "process", d, $("r")], ({ r }) => got.add(`DOWN ${printTerm(r)}`)),
        after(5000, () => got.add("timeout")),
      );
    }
    assert.deepEqual([...got].sort(), ["DOWN boom", "EXIT boom"]);
    // A process on scheduler 1 linked to one here sees it exit.
    const target = spawnMfa("st", "dier", [], { scheduler: 0 });
    spawnMfa("st", "watcher", [target, self()], { scheduler: 1 });
    assert.equal(yield* receive(on(["linked", $("i")], ({ i }) => i)), 1);
    send(target, ["die", "bye"]);
    assert.equal(
      yield* receive(on(["saw", $("r")], ({ r }) => r), after(5000, () => "timeout")),
      "bye",
    );
    // Demonitor across: no DOWN comes.
    const p = spawnMfa("st", "dier", [], { scheduler: 1 });
    const m = monitor(p);
    demonitor(m);
    send(p, ["die", "quiet"]);
    assert.equal(
      yield* receive(on(["DOWN", m, "_", "_", "_"], () => "down"), after(300, () => "none")),
      "none",
    );
  });
});

Deno.test("a scheduler whose isolate crashes is reported; the node goes on with the others", async () => {
  setDefaultNode(createNode({ output: () => {}, schedulers: 2 }));
  const log: string[] = [];
  const s = startSchedulers(thisNode(), {
    count: 2,
    entry: ENTRY,
    log: (line) => log.push(line),
  });
  assert.equal(await s.ready, 2);
  let failure: unknown = undefined;
  try {
    await run(function* () {
      try {
        trapExit(true);
        const far = spawnMfa("st", "named", ["doomed", self()], { scheduler: 1, link: true });
        yield* receive(on(["registered", "doomed", 1], () => null));
        const ref = monitor(far);
        const byName = monitor("doomed");
        spawnMfa("st_crash", "isolate", [], { scheduler: 1 });
        const got: string[] = [];
        for (let i = 0; i < 3; i++) {
          yield* receive(
            on(["EXIT", far, $("r")], ({ r }) => got.push(`EXIT ${printTerm(r)}`)),
            on(["DOWN", ref, "process", far, $("r")], ({ r }) => got.push(`DOWN ${printTerm(r)}`)),
            on(
              ["DOWN", byName, "process", ["doomed", thisNode().name], $("r")],
              ({ r }) => got.push(`DOWN by name ${printTerm(r)}`),
            ),
            after(5000, () => got.push("timeout")),
          );
        }
        assert.deepEqual(got.sort(), [
          "DOWN by name noconnection",
          "DOWN noconnection",
          "EXIT noconnection",
        ]);
        assert.match(log.join("\n"), /Scheduler 2 stopped: .*the isolate is broken/);
        assert.equal(whereis("doomed"), "undefined", "its names are free again");
        // New processes start on the scheduler that is left, and work.
        const pong = spawnMfa("st", "pong", []);
        assert.equal(thisNode().schedulerOf(pong), 0);
        send(pong, ["ping", self()]);
        assert.equal(yield* receive(PONG, after(5000, () => "timeout")), 0);
        assert.throws(() => spawnMfa("st", "pong", [], { scheduler: 1 }), /index 1 is gone/);
      } catch (e) {
        failure = e;
      }
    });
    if (failure !== undefined) throw failure;
  } finally {
    s.stop();
  }
});

Deno.test("exit/2, kill, monitors by name, io and dead pids across schedulers", async () => {
  const out: string[] = [];
  setDefaultNode(createNode({ output: (t) => out.push(t), schedulers: 2 }));
  const s = startSchedulers(thisNode(), { count: 2, entry: ENTRY });
  await s.ready;
  let failure: unknown = undefined;
  try {
    await run(function* () {
      try {
        // io: a process on the worker prints through the main isolate's group leader.
        spawnMfa("st_more", "say", ["from the worker\n", self()], { scheduler: 1 });
        yield* receive(on("said", () => null), after(5000, () => null));
        assert.ok(out.join("").includes("from the worker\n"), out.join(""));
        // exit/2 with kill ends a process on the other scheduler; its monitor says killed.
        const idle = spawnMfa("st_more", "idle", [], { scheduler: 1 });
        const m = monitor(idle);
        exit(idle, "kill");
        assert.equal(
          yield* receive(
            on(["DOWN", m, "process", idle, $("r")], ({ r }) => r),
            after(5000, () => "timeout"),
          ),
          "killed",
        );
        // A monitor by name of a process on the other scheduler reports the name.
        spawnMfa("st", "named", ["byname", self()], { scheduler: 1 });
        yield* receive(on(["registered", "byname", 1], () => null));
        const mn = monitor("byname");
        send("byname", "stop");
        const obj = yield* receive(
          on(["DOWN", mn, "process", $("o"), "normal"], ({ o }) => o),
          after(5000, () => "timeout"),
        );
        assert.deepEqual(obj, ["byname", thisNode().name]);
        // A dead pid on the other scheduler: a send is dropped, a link gives noproc, a monitor DOWN noproc.
        send(idle, "into the void");
        trapExit(true);
        link(idle);
        assert.equal(
          yield* receive(on(["EXIT", idle, $("r")], ({ r }) => r), after(5000, () => "timeout")),
          "noproc",
        );
        const m2 = monitor(idle);
        assert.equal(
          yield* receive(
            on(["DOWN", m2, "process", idle, $("r")], ({ r }) => r),
            after(5000, () => "timeout"),
          ),
          "noproc",
        );
      } catch (e) {
        failure = e;
      }
    });
    if (failure !== undefined) throw failure;
  } finally {
    s.stop();
  }
});

Deno.test("isAlive asks the scheduler of the pid", async () => {
  await withSchedulers(function* () {
    const far = spawnMfa("st", "pong", [], { scheduler: 1 });
    assert.equal(yield* isAlive(far), true);
    send(far, "stop");
    yield* receive(on("never", () => null), after(100, () => null));
    assert.equal(yield* isAlive(far), false);
    assert.equal(yield* isAlive(self()), true);
  });
});

Deno.test("processInfoAnywhere asks the scheduler of the pid", async () => {
  await withSchedulers(function* () {
    spawnMfa("st", "named", ["informed", self()], { scheduler: 1 });
    yield* receive(on(["registered", "informed", 1], () => null));
    const far = whereis("informed") as Pid;
    const info = yield* processInfoAnywhere(far);
    assert.equal(info?.registeredName, "informed");
    assert.deepEqual(info?.initialCall, ["st", "named", 2]);
    assert.equal(info?.status, "waiting");
    send(far, "stop");
    yield* receive(on("never", () => null), after(100, () => null));
    assert.equal(yield* processInfoAnywhere(far), undefined);
  });
});
