import assert from "node:assert/strict";
import {
  $,
  _,
  after,
  demonitor,
  ErlangError,
  exit,
  isProcessAlive,
  link,
  monitor,
  on,
  type Pid,
  processInfo,
  raiseError,
  receive,
  register,
  registered,
  run,
  self,
  send,
  spawn,
  spawnLink,
  spawnMonitor,
  type Term,
  trapExit,
  unlink,
  unregister,
  whereis,
} from "../../runtime/mod.ts";
import { freshNode, settle } from "./_node.ts";

const forever = function* () {
  yield* receive(on("never", () => null));
};

function* down(ref: Term) {
  return yield* receive(on(["DOWN", ref, "process", _, $("r")], ({ r }) => r));
}

Deno.test("a crash reaches a linked process, which dies with the same reason", async () => {
  const { node } = freshNode();
  let a: Pid | undefined;
  let b: Pid | undefined;
  const reasons: Term[] = [];
  await run(function* () {
    a = spawn(function* () {
      b = spawnLink(forever);
      yield* receive(on("go", () => raiseError("boom")));
    });
    const ma = monitor(a);
    yield;
    const mb = monitor(b!);
    send(a, "go");
    reasons.push(yield* down(ma), yield* down(mb));
  });
  assert.equal((reasons[0] as Term[])[0], "boom");
  assert.deepEqual(reasons[0], reasons[1]);
  assert.equal(node.lookup(b!), undefined);
});

Deno.test("a normal exit does not kill a linked process", async () => {
  freshNode();
  let alive = false;
  await run(function* () {
    const child = spawnLink(function* () {});
    yield* receive(after(10, () => null));
    alive = isProcessAlive(self()) && !isProcessAlive(child);
  });
  assert.ok(alive);
});

Deno.test("a trapping process gets #(EXIT pid reason) messages instead of dying", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    trapExit(true);
    const child = spawnLink(function* () {
      exit("bye");
    });
    got = yield* receive(on(["EXIT", child, $("r")], ({ r }) => r));
  });
  assert.equal(got, "bye");
});

Deno.test("exit(pid, kill) kills even a trapping process, and its links see killed", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    trapExit(true);
    const victim = spawnLink(function* () {
      trapExit(true);
      yield* receive(on("never", () => null));
    });
    yield;
    exit(victim, "kill");
    got = yield* receive(on(["EXIT", victim, $("r")], ({ r }) => r));
  });
  assert.equal(got, "killed");
});

Deno.test("exit(pid, normal) is ignored unless the process sends it to itself", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const other = spawn(forever);
    yield;
    exit(other, "normal");
    yield;
    got.push(isProcessAlive(other));
    const [selfish, ref] = spawnMonitor(function* () {
      exit(self(), "normal");
      yield* receive(on("never", () => null));
    });
    got.push(yield* down(ref), isProcessAlive(selfish));
  });
  assert.deepEqual(got, [true, "normal", false]);
});

Deno.test("a trapping process gets exit/2 signals as messages", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    const me = self();
    const t = spawn(function* () {
      trapExit(true);
      send(me, "ready");
      const m = yield* receive(on(["EXIT", _, $("r")], ({ r }) => r));
      send(me, ["got", m]);
    });
    yield* receive(on("ready", () => null));
    exit(t, "please");
    got = yield* receive(on(["got", $("m")], ({ m }) => m));
  });
  assert.equal(got, "please");
});

Deno.test("unlink() stops a crash from spreading", async () => {
  freshNode();
  let alive = false;
  await run(function* () {
    const child = spawn(function* () {
      yield* receive(on("die", () => exit("crash")));
    });
    link(child);
    unlink(child);
    send(child, "die");
    yield* receive(after(10, () => null));
    alive = isProcessAlive(self());
  });
  assert.ok(alive);
});

Deno.test("linking to a dead process gives a trapping process #(EXIT pid noproc)", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    const dead = spawn(function* () {});
    yield* receive(after(5, () => null));
    trapExit(true);
    link(dead);
    got = yield* receive(on(["EXIT", dead, $("r")], ({ r }) => r), after(50, () => "none"));
  });
  assert.equal(got, "noproc");
});

Deno.test("a chain of 20,000 linked processes dies without overflowing the stack", async () => {
  const { node } = freshNode();
  let reason: Term = null;
  await run(function* () {
    const me = self();
    const head = spawn(function* () {
      let prev = self();
      for (let i = 0; i < 20_000; i++) {
        const p = spawn(forever);
        node.link(node.lookup(p)!, prev);
        prev = p;
      }
      send(me, ["tail", prev]);
      yield* receive(on("die", () => exit("chain")));
    });
    const tail = yield* receive(on(["tail", $("t")], ({ t }) => t as Pid));
    const ref = monitor(tail);
    send(head, "die");
    reason = yield* down(ref);
  });
  assert.equal(reason, "chain");
  assert.equal(node.processes().length, 1); // the group leader
});

Deno.test("monitor() delivers DOWN with the exit reason, and noproc for a dead pid", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const [, ref] = spawnMonitor(function* () {
      exit(["shutdown", "done"]);
    });
    got.push(yield* down(ref));
    const dead = spawn(function* () {});
    yield* receive(after(5, () => null));
    got.push(yield* down(monitor(dead)));
  });
  assert.deepEqual(got, [["shutdown", "done"], "noproc"]);
});

Deno.test("monitor() by registered name reports #(name node) in DOWN", async () => {
  const { node } = freshNode();
  let got: Term = null;
  await run(function* () {
    const p = spawn(function* () {
      yield* receive(on("stop", () => null));
    });
    register("svc", p);
    const ref = monitor("svc");
    send("svc", "stop");
    got = yield* receive(on(["DOWN", ref, "process", $("o"), $("r")], ({ o, r }) => [o, r]));
  });
  assert.deepEqual(got, [["svc", node.name], "normal"]);
});

Deno.test("demonitor() with flush removes a DOWN already delivered", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    const [, ref] = spawnMonitor(function* () {});
    yield* receive(after(5, () => null));
    demonitor(ref, { flush: true });
    got = yield* receive(on(_, () => "message"), after(0, () => "empty"));
  });
  assert.equal(got, "empty");
});

Deno.test("register(), whereis(), registered() and unregister() manage names", async () => {
  freshNode();
  const got: Term[] = [];
  await run(function* () {
    const p = spawn(forever);
    register("named", p);
    got.push(whereis("named") === p, registered().includes("named"));
    assert.throws(() => register("named", self()), (e: ErlangError) => e.reason === "badarg");
    unregister("named");
    got.push(whereis("named"));
    exit(p, "kill");
  });
  assert.deepEqual(got, [true, true, "undefined"]);
});

Deno.test("a name is released when its process exits", async () => {
  freshNode();
  await run(function* () {
    register("short", spawn(function* () {}));
    yield* receive(after(5, () => null));
  });
  assert.equal(whereis("short"), "undefined");
});

Deno.test("sending to an unregistered name raises badarg in the sender", async () => {
  freshNode();
  let reason: Term = null;
  await run(function* () {
    const [, ref] = spawnMonitor(function* () {
      send("nobody", "hello");
    });
    reason = yield* down(ref);
  });
  assert.equal((reason as unknown as Term[])[0], "badarg");
});

Deno.test("sending to a dead pid is silently dropped", async () => {
  freshNode();
  let ok = false;
  await run(function* () {
    const dead = spawn(function* () {});
    yield* receive(after(5, () => null));
    send(dead, "anyone there?");
    ok = true;
  });
  assert.ok(ok);
});

Deno.test("sending a value that is not a term is a clear TypeError and the node runs on", async () => {
  const { node } = freshNode();
  const errors: string[] = [];
  await run(function* () {
    for (const bad of [undefined, 1.5, { a: 1 }, [1, Symbol("s")]]) {
      try {
        send(self(), bad as Term);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
  });
  assert.equal(errors.length, 4);
  assert.match(errors[0]!, /Cannot send to .*undefined is not a term/);
  assert.match(errors[1]!, /not an integer: use float\(1.5\)/);
  assert.match(errors[2]!, /Object object is not a term/);
  assert.ok(node.lookup(node.defaultGroupLeader));
});

Deno.test("exit() with a reason that is not a term is a clear TypeError", async () => {
  freshNode();
  let msg = "";
  await run(function* () {
    const p = spawn(forever);
    try {
      exit(p, new Date() as unknown as Term);
    } catch (e) {
      msg = (e as Error).message;
    }
    exit(p, "kill");
  });
  assert.match(msg, /Cannot exit <.*>: a Date object is not a term/);
});

Deno.test("processInfo() tells status, queue, links, names and trap_exit", async () => {
  freshNode();
  let info: ReturnType<typeof processInfo>;
  await run(function* () {
    const p = spawn(function* () {
      trapExit(true);
      yield* receive(on("stop", () => null));
    });
    register("inspected", p);
    link(p);
    send(p, "hello");
    yield* receive(after(5, () => null));
    info = processInfo(p);
    exit(p, "kill");
  });
  assert.equal(info!.status, "waiting");
  assert.equal(info!.registeredName, "inspected");
  assert.equal(info!.messageQueueLen, 1);
  assert.deepEqual(info!.messages, ["hello"]);
  assert.equal(info!.links.length, 1);
  assert.equal(info!.trapExit, true);
});

Deno.test("pids leave room for a scheduler index in their serial", async () => {
  freshNode("a@host");
  let pid: Pid | undefined;
  await run(function* () {
    pid = self();
  });
  assert.equal(pid!.node, "a@host");
  assert.equal(pid!.serial, 0);
});

Deno.test("an async generator process can await promises and keeps its identity", async () => {
  freshNode();
  const got: Term[] = [];
  await run(async function* () {
    const me = self();
    await new Promise((r) => setTimeout(r, 5));
    got.push(self() === me);
    send(me, "x");
    got.push(yield* receive(on("x", () => "x")));
    const child = spawn(async function* () {
      await null;
      send(me, "from child");
    });
    got.push(yield* receive(on("from child", () => child !== me)));
  });
  assert.deepEqual(got, [true, "x", true]);
});

Deno.test("a plain function can be a process body", async () => {
  freshNode();
  let got: Term = null;
  await run(function* () {
    const me = self();
    spawn((x: number) => send(me, x * 2), 21);
    got = yield* receive(on($("n"), ({ n }) => n));
  });
  assert.equal(got, 42);
});

Deno.test("a busy process that yields does not starve timers", async () => {
  freshNode();
  let fired = false;
  let spins = 0;
  setTimeout(() => fired = true, 5);
  await run(function* () {
    while (!fired) {
      spins++;
      yield;
    }
  });
  assert.ok(fired && spins > 0);
  await settle();
});
