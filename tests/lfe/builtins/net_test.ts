import assert from "node:assert/strict";
import { registerIoBuiltins } from "../../../lfe/builtins/io_mods.ts";
import { type DistributedNode, serveEpmd, startNode } from "../../../net/mod.ts";
import {
  charlist,
  charlistToString,
  defineModule,
  findFunction,
  list,
  raiseError,
  raiseExit,
  raiseThrow,
  self,
  send,
  sleep,
  type Term,
  thisNode,
} from "../../../runtime/mod.ts";
import { on, receive } from "../../../runtime/receive.ts";

registerIoBuiltins();

// A module that both nodes of the test have, for rpc to call.
defineModule("rpc_test", {
  "where/0": () => thisNode().name,
  "add/2": (a: number, b: number) => a + b,
  "thr/0": () => raiseThrow("oops"),
  "ex/0": () => raiseExit("bye"),
  "err/0": () => raiseError("boom"),
  "slow/0": function* () {
    yield* sleep(200);
    return "done";
  },
  "say/1": function* (what: Term) {
    const format = findFunction("io", "format", 2)!;
    return yield* format(charlist("said ~p on ~s~n"), list(what, thisNode().name));
  },
  "tell/1": (pid: Term) => send(pid as never, ["told", thisNode().name]),
});

// deno-lint-ignore no-explicit-any
function fn(module: string, name: string, arity: number): (...args: any[]) => any {
  return findFunction(module, name, arity)!;
}

// Two nodes in this isolate, with a port mapper of their own; node a's output is captured.
async function twoNodes() {
  const epmd = serveEpmd({ port: 0, hostname: "127.0.0.1" });
  const home = await Deno.makeTempDir();
  const out: Record<string, string[]> = { a: [], b: [] };
  const tag = Math.floor(Math.random() * 1e6);
  const start = (n: "a" | "b") =>
    startNode({
      sname: `${n}${tag}`,
      setcookie: "testcookie",
      epmdPort: epmd.port,
      home,
      output: (s: string) => void out[n]!.push(s),
      log: () => {},
    });
  const a: DistributedNode = await start("a");
  const b: DistributedNode = await start("b");
  return {
    a,
    b,
    out,
    /** Runs `body` as a process of node a and resolves with what it returns. */
    on<T>(body: () => Generator<unknown, T, unknown>): Promise<T> {
      return new Promise((resolve, reject) => {
        a.node.spawn(function* () {
          try {
            resolve(yield* body());
          } catch (e) {
            reject(e);
          }
        }, []);
      });
    },
    async stop() {
      a.stop();
      b.stop();
      await epmd.close();
      await Deno.remove(home, { recursive: true });
    },
  };
}

Deno.test("net_adm:ping and net_kernel:connect_node answer for a node that is up and one that is not", async () => {
  const t = await twoNodes();
  try {
    const b = t.b.node.name;
    const host = b.slice(b.indexOf("@") + 1);
    const r = await t.on(function* () {
      return [
        yield* fn("net_adm", "ping", 1)(b),
        yield* fn("net_adm", "ping", 1)(`nobody@${host}`),
        yield* fn("net_kernel", "connect_node", 1)(b),
        yield* fn("net_kernel", "connect_node", 1)(`nobody@${host}`),
        charlistToString(fn("net_adm", "localhost", 0)()),
      ];
    });
    assert.deepEqual(r, ["pong", "pang", true, false, host]);
  } finally {
    await t.stop();
  }
});

Deno.test("rpc:call returns the value, or what Erlang's rpc returns for throws, exits and errors", async () => {
  const t = await twoNodes();
  try {
    const b = t.b.node.name;
    const host = b.slice(b.indexOf("@") + 1);
    const call = fn("rpc", "call", 4);
    const r = await t.on(function* () {
      return [
        yield* call(b, "rpc_test", "where", null),
        yield* call(b, "rpc_test", "add", list(2, 3)),
        yield* call(b, "rpc_test", "thr", null),
        yield* call(b, "rpc_test", "ex", null),
        yield* call(b, "nomod", "nofun", list(1)),
        yield* call(`nobody@${host}`, "rpc_test", "where", null),
        yield* call(t.a.node.name, "rpc_test", "where", null),
        yield* fn("rpc", "call", 5)(b, "rpc_test", "slow", null, 20),
      ];
    });
    assert.deepEqual(r, [
      b,
      5,
      "oops",
      ["badrpc", ["EXIT", "bye"]],
      ["badrpc", ["EXIT", ["undef", list(["nomod", "nofun", list(1), null])]]],
      ["badrpc", "nodedown"],
      t.a.node.name,
      ["badrpc", "timeout"],
    ]);
    const err = await t.on(function* () {
      return yield* call(b, "rpc_test", "err", null);
    }) as Term[];
    assert.equal(err[0], "badrpc");
    const [tag, [reason]] = err[1] as [Term, Term[]];
    assert.deepEqual([tag, reason], ["EXIT", "boom"]);
  } finally {
    await t.stop();
  }
});

Deno.test("the output of an rpc comes back to the caller's node, as its group leader is the caller's", async () => {
  const t = await twoNodes();
  try {
    const b = t.b.node.name;
    const r = await t.on(function* () {
      return yield* fn("rpc", "call", 4)(b, "rpc_test", "say", list("hello"));
    });
    assert.equal(r, "ok");
    assert.equal(t.out.a!.join(""), `said hello on ${b}\n`);
    assert.deepEqual(t.out.b, []);
  } finally {
    await t.stop();
  }
});

Deno.test("rpc:cast runs the call there without waiting, and returns true", async () => {
  const t = await twoNodes();
  try {
    const b = t.b.node.name;
    const r2 = await t.on(function* () {
      const cast = yield* fn("rpc", "cast", 4)(b, "rpc_test", "tell", list(self()));
      let from: Term = null;
      yield* receive(on(["told", b], () => (from = b)));
      return [cast, from];
    });
    assert.deepEqual(r2, [true, b]);
  } finally {
    await t.stop();
  }
});

Deno.test("rpc:call checks its arguments", async () => {
  const t = await twoNodes();
  try {
    const r = await t.on(function* () {
      const out: Term[] = [];
      for (const args of [["b", "m", "f", "notalist"], ["b", "m", "f", null, "bad"]]) {
        try {
          yield* fn("rpc", "call", args.length)(...args);
        } catch (e) {
          out.push((e as { reason: Term }).reason);
        }
      }
      return out;
    });
    assert.deepEqual(r, ["badarg", "badarg"]);
  } finally {
    await t.stop();
  }
});
