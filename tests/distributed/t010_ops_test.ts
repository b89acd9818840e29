import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

Deno.test("t010 100,000 messages between two nodes arrive complete and in order", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    const b = await c.probe("beta");
    await b.send("serve sink");
    await b.waitFor(/^serving sink$/);
    await a.send(`flood ${nodeName("beta")} sink 100000`);
    assert.equal(await a.waitFor(/^count /, 60_000), "count 100000 ok");
  } finally {
    await c.stop();
  }
});

Deno.test("t011 simultaneous connects between the same pair resolve to one connection", async () => {
  const c = await Cluster.create();
  try {
    for (let round = 0; round < 3; round++) {
      const a = await c.probe(`left${round}`);
      const b = await c.probe(`right${round}`);
      await Promise.all([
        a.send(`ping ${nodeName(`right${round}`)}`),
        b.send(`ping ${nodeName(`left${round}`)}`),
      ]);
      await a.waitFor(/^pong$/);
      await b.waitFor(/^pong$/);
      assert.equal(await a.ask("nodes", /@|^$/), nodeName(`right${round}`));
      assert.equal(await b.ask("nodes", /@|^$/), nodeName(`left${round}`));
      // One connection: a message each way still arrives.
      await b.send("serve box");
      await b.waitFor(/^serving box$/);
      assert.equal(
        await a.ask(`flood ${nodeName(`right${round}`)} box 10`, /^count /),
        "count 10 ok",
      );
      assert.deepEqual(a.err, []);
      assert.deepEqual(b.err, []);
    }
  } finally {
    await c.stop();
  }
});

Deno.test("t012 a short-named node and a long-named node do not connect, with a clear error", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    await a.send("ping beta@host.example.com");
    await a.waitFor(/^pang$/);
    assert.match(a.err.join("\n"), /short and long node names do not mix/);
  } finally {
    await c.stop();
  }
});

Deno.test("t013 a remote spawn of a module the other node lacks is a clear error at the caller", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    await c.probe("beta");
    await a.send(`spawn ${nodeName("beta")} tut99 go`);
    const line = await a.waitFor(/^error |^</);
    assert.match(
      line,
      new RegExp(
        `^error Cannot spawn tut99:go/0 on ${nodeName("beta")}: the function is not defined there$`,
      ),
    );
    await a.send(`spawn ${nodeName("beta")} probe idle`);
    assert.match(await a.waitFor(/^</), /^<[1-9]\d*\.\d+\.0>$/);
  } finally {
    await c.stop();
  }
});

Deno.test("t018 remote spawn with link and monitor, and exit/2 across nodes", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    await c.probe("beta");
    await a.send(`spawnlm ${nodeName("beta")} boom`);
    assert.match(await a.waitFor(/^spawned /), /^spawned <[1-9]\d*\.\d+\.0>$/);
    await a.waitFor(/^EXIT boom$/);
    await a.waitFor(/^DOWN boom$/);
    await a.send(`spawnlm ${nodeName("beta")} kill`);
    await a.waitFor(/^EXIT killed$/);
    await a.waitFor(/^DOWN killed$/);
  } finally {
    await c.stop();
  }
});

Deno.test("t019 a monitor by registered name on another node reports #(name node) in DOWN", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    const b = await c.probe("beta");
    await b.send("idle waiter");
    await b.waitFor(/^idle waiter$/);
    await a.send(`watchname ${nodeName("beta")} waiter`);
    assert.equal(await a.waitFor(/^DOWN /), `DOWN #(waiter ${nodeName("beta")}) normal`);
    await a.send(`watchname ${nodeName("beta")} nobody`);
    assert.equal(await a.waitFor(/^DOWN #\(nobody/), `DOWN #(nobody ${nodeName("beta")}) noproc`);
  } finally {
    await c.stop();
  }
});
