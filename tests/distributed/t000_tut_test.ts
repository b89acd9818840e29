import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { PING_LINES, PONG_LINES, seedOrder, TUT22_LINES } from "./_seed_lines.ts";

Deno.test("t000 the seed's tut21: ping and pong on two nodes, word for word", async () => {
  const c = await Cluster.create();
  try {
    const pong = c.spawn(["run", "-A", "examples/tut21.ts", "-sname", "pong", "start-pong"]);
    await pong.waitFor(/^true$/, 20_000);
    const ping = c.spawn([
      "run",
      "-A",
      "examples/tut21.ts",
      "-sname",
      "ping",
      "start-ping",
      nodeName("pong"),
    ]);
    await ping.waitFor(/^Ping finished$/, 20_000);
    await pong.waitFor(/^Pong finished$/);
    assert.match(ping.out[0] as string, /^<0\.\d+\.0>$/);
    assert.deepEqual(ping.out.slice(1), PING_LINES);
    assert.deepEqual(pong.out, ["true", ...PONG_LINES]);
    // Both examples end once their processes have finished.
    assert.equal((await ping.done).code, 0);
    assert.equal((await pong.done).code, 0);
  } finally {
    await c.stop();
  }
});

Deno.test("t001 the seed's tut22: ping spawned on the other node, all output at home", async () => {
  const c = await Cluster.create();
  try {
    const ping = c.spawn(["run", "-A", "examples/tut22.ts", "-sname", "ping"]);
    await c.waitForNode(nodeName("ping"));
    const pong = c.spawn([
      "run",
      "-A",
      "examples/tut22.ts",
      "-sname",
      "pong",
      "start",
      nodeName("ping"),
    ]);
    await pong.waitFor(/^Pong finished$/, 20_000);
    await pong.waitFor(/^Ping finished$/, 5000);
    assert.match(pong.out[0] as string, /^<[1-9]\d*\.\d+\.0>$/, "a pid of the other node");
    assert.deepEqual(seedOrder(pong.out.slice(1)), TUT22_LINES);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(ping.out, [], "nothing is printed on the ping node");
    assert.equal((await pong.done).code, 0, "tut22's start ends once its pong has finished");
  } finally {
    await c.stop();
  }
});
