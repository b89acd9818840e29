import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

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
    assert.deepEqual(ping.out, [
      "Ping received pong",
      "Ping received pong",
      "Ping received pong",
      "Ping finished",
    ]);
    assert.deepEqual(pong.out, [
      "Pong received ping",
      "Pong received ping",
      "Pong received ping",
      "Pong finished",
    ]);
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
    assert.deepEqual(pong.out, [
      "Pong received ping",
      "Ping received pong",
      "Pong received ping",
      "Ping received pong",
      "Pong received ping",
      "Ping received pong",
      "Ping finished",
      "Pong finished",
    ]);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(ping.out, []);
  } finally {
    await c.stop();
  }
});
