import assert from "node:assert/strict";
import { type DistributedNode, serveEpmd, startNode } from "../../net/mod.ts";
import {
  $,
  connectNode,
  currentProcess,
  nodes,
  on,
  receive,
  register,
  self,
  send,
} from "../../runtime/mod.ts";

// Two nodes in this one isolate, with a port mapper of their own.
async function twoNodes(busyLimit?: number) {
  const epmd = serveEpmd({ port: 0, hostname: "127.0.0.1" });
  const home = await Deno.makeTempDir();
  const logs: string[] = [];
  const opts = {
    setcookie: "testcookie",
    epmdPort: epmd.port,
    home,
    output: () => {},
    log: (l: string) => logs.push(l),
    ...(busyLimit !== undefined ? { busyLimit } : {}),
  };
  const tag = Math.floor(Math.random() * 1e6);
  const a: DistributedNode = await startNode({ sname: `a${tag}`, ...opts });
  const b: DistributedNode = await startNode({ sname: `b${tag}`, ...opts });
  return {
    a,
    b,
    logs,
    async stop() {
      a.stop();
      b.stop();
      await epmd.close();
      await Deno.remove(home, { recursive: true });
    },
  };
}

Deno.test("a sender waits while its connection holds more than the busy limit, and nothing is lost", async () => {
  const t = await twoNodes(16 * 1024);
  try {
    const bName = t.b.node.name;
    let count = -1;
    let blocked = 0;
    // The sink runs on b: spawn it there.
    t.b.node.spawn(
      function* () {
        register("sink2", self());
        let n = 0;
        for (;;) {
          const from = yield* receive(
            on(["n", $("i")], () => null),
            on(["count", $("f")], ({ f }) => f),
          );
          if (from === null) n++;
          else send(from as never, ["count", n]);
        }
      },
      [],
      {},
    );
    const payload = new Uint8Array(1000);
    await new Promise<void>((resolve) => {
      t.a.node.spawn(
        function* () {
          const me = currentProcess()!;
          if (!(yield* connectNode(bName))) throw new Error("no connection");
          for (let i = 0; i < 5000; i++) {
            send(["sink2", bName], ["n", payload]);
            if (me.blocked) blocked++;
            if (i % 10 === 9) yield;
          }
          send(["sink2", bName], ["count", self()]);
          count = yield* receive(on(["count", $("n")], ({ n }) => n as number));
          resolve();
        },
        [],
        {},
      );
    });
    assert.equal(count, 5000);
    assert.ok(blocked > 0, "the sender was held back at least once");
    assert.deepEqual(t.logs, []);
  } finally {
    await t.stop();
  }
});

Deno.test("nodes() lists connected nodes, and connections open on first use", async () => {
  const t = await twoNodes();
  try {
    const bName = t.b.node.name;
    let before: unknown[] = [];
    let after: unknown[] = [];
    await new Promise<void>((resolve) => {
      t.a.node.spawn(
        function* () {
          before = nodes();
          send(["nobody", bName], "hello"); // opens the connection; the name is unknown there
          yield* connectNode(bName);
          after = nodes();
          resolve();
        },
        [],
        {},
      );
    });
    assert.deepEqual(before, []);
    assert.deepEqual(after, [bName]);
  } finally {
    await t.stop();
  }
});
