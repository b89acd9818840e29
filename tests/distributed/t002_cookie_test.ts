import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

Deno.test("t002 a wrong cookie: pang, one clear line on each side, both nodes run on", async () => {
  const c = await Cluster.create({ cookie: "rightcookie" });
  try {
    const other = await c.newHome();
    await c.writeCookie(other, "wrongcookie");
    const a = await c.probe("alpha");
    const b = await c.probe("beta", { home: other });
    await a.send(`ping ${nodeName("beta")}`);
    await a.waitFor(/^pang$/);
    const dialer = await a.waitFor(/beta/, 5000, "err");
    const acceptor = await b.waitFor(/alpha/, 5000, "err");
    assert.match(dialer, /Cannot connect to node beta@\S+: .*cookie/);
    assert.match(acceptor, /Connection attempt from node alpha@\S+ rejected: .*cookie/);
    assert.equal(a.err.length, 1);
    assert.equal(b.err.length, 1);
    // Both still answer: each serves a third node that shares its cookie.
    const a2 = await c.probe("gamma");
    await a2.send(`ping ${nodeName("alpha")}`);
    await a2.waitFor(/^pong$/);
    await b.send("nodes");
    await b.send(`ping ${nodeName("beta")}`);
    await b.waitFor(/^pong$/);
  } finally {
    await c.stop();
  }
});

Deno.test("t003 a cookie file readable by others stops the node at start, naming the fix", async () => {
  const c = await Cluster.create();
  try {
    await c.writeCookie(c.home, "opencookie", 0o644);
    const n = c.spawn(["run", "-A", "tests/distributed/_probe.ts", "-sname", "open"]);
    const status = await n.done;
    assert.notEqual(status.code, 0);
    const err = n.err.join("\n");
    assert.match(err, new RegExp(`${c.home}/\\.erlang\\.cookie`));
    assert.match(err, /chmod 400/);
    assert.deepEqual(n.out, []);
  } finally {
    await c.stop();
  }
});

Deno.test("t004 a missing cookie file is created with 20 letters and mode 0400", async () => {
  const c = await Cluster.create();
  try {
    const home = await c.newHome();
    const n = await c.probe("fresh", { home });
    const file = `${home}/.erlang.cookie`;
    const info = await Deno.stat(file);
    assert.equal((info.mode as number) & 0o777, 0o400);
    assert.match(await Deno.readTextFile(file), /^[A-Z]{20}$/);
    await n.send("nodes");
  } finally {
    await c.stop();
  }
});
