import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { PING_LINES, PONG_LINES, seedOrder, TUT22_LINES } from "./_seed_lines.ts";

const NODE = ["run", "-A", "main.ts", "-noshell"];

Deno.test("t020 the seed's tut21.lfe across two nodes, from the code path", async () => {
  const c = await Cluster.create();
  try {
    const pong = c.spawn([
      ...NODE,
      "-sname",
      "pong",
      "-pa",
      "examples",
      "-eval",
      "(tut21:start-pong)",
    ]);
    await c.waitForNode(nodeName("pong"));
    const ping = c.spawn([
      ...NODE,
      "-sname",
      "ping",
      "-pa",
      "examples",
      "-eval",
      `(tut21:start-ping '${nodeName("pong")})`,
    ]);
    await ping.waitFor(/^Ping finished$/, 20_000);
    await pong.waitFor(/^Pong finished$/);
    assert.deepEqual(ping.out, PING_LINES);
    assert.deepEqual(pong.out, PONG_LINES);
  } finally {
    await c.stop();
  }
});

Deno.test("t021 the seed's tut22.lfe: ping spawned on the other node, all output at home", async () => {
  const c = await Cluster.create();
  try {
    const ping = c.spawn([...NODE, "-sname", "ping", "-pa", "examples"]);
    await c.waitForNode(nodeName("ping"));
    const pong = c.spawn([
      ...NODE,
      "-sname",
      "pong",
      "-pa",
      "examples",
      "-eval",
      `(tut22:start '${nodeName("ping")})`,
    ]);
    await pong.waitFor(/^Pong finished$/, 20_000);
    await pong.waitFor(/^Ping finished$/, 5000);
    assert.deepEqual(seedOrder(pong.out), TUT22_LINES);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(ping.out, []);
  } finally {
    await c.stop();
  }
});
