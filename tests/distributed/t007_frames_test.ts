import assert from "node:assert/strict";
import { dial, FrameReader, lookupNode } from "../../net/mod.ts";
import { Cluster, nodeName } from "./_cluster.ts";

const HOST = Deno.hostname().split(".")[0] as string;

async function rawConnect(c: Cluster, alive: string): Promise<Deno.TcpConn> {
  const entry = await lookupNode(alive, "127.0.0.1", c.epmdPort);
  assert.ok(entry, `${alive} is registered`);
  return await Deno.connect({ hostname: "127.0.0.1", port: entry.port });
}

async function stillServes(c: Cluster, target: string): Promise<void> {
  const other = await c.probe(`check${Math.floor(Math.random() * 1e6)}`);
  await other.send(`ping ${nodeName(target)}`);
  await other.waitFor(/^pong$/);
}

function header(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

Deno.test("t007 an oversized frame from a stranger is refused before it is read; the node runs on", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    const conn = await rawConnect(c, "alpha");
    await conn.write(header(0x7fffffff));
    const buf = new Uint8Array(16);
    assert.equal(await conn.read(buf).catch(() => null), null, "the node closes the connection");
    conn.close();
    await a.waitFor(/Connection attempt from .* rejected: .*exceeds the maximum/, 5000, "err");
    await stillServes(c, "alpha");
  } finally {
    await c.stop();
  }
});

Deno.test("t008 a malformed frame closes that connection only, with a log line", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    const conn = await rawConnect(c, "alpha");
    await conn.write(new Uint8Array([...header(3), 0xff, 0xff, 0xff]));
    await a.waitFor(/Connection attempt from .* rejected: Cannot read the hello/, 5000, "err");
    conn.close();
    await stillServes(c, "alpha");
  } finally {
    await c.stop();
  }
});

Deno.test("t009 after the handshake, malformed and oversized frames close the connection only", async () => {
  const c = await Cluster.create({ cookie: "sharedcookie" });
  try {
    const a = await c.probe("alpha");
    for (const bad of [new Uint8Array([...header(2), 0x1c, 0x00]), header(200 * 1024 * 1024)]) {
      const conn = await rawConnect(c, "alpha");
      const reader = new FrameReader(conn);
      const peer = await dial(conn, reader, nodeName("alpha"), {
        name: `mallory@${HOST}`,
        long: false,
        cookie: "sharedcookie",
      });
      assert.equal(peer.name, nodeName("alpha"));
      await conn.write(bad);
      assert.equal(await reader.next().catch(() => null), null, "the node closes it");
      conn.close();
    }
    await a.waitFor(/Connection to node mallory@\S+ closed: bad frame/, 5000, "err");
    await a.waitFor(/Connection to node mallory@\S+ closed: .*exceeds the maximum/, 5000, "err");
    await stillServes(c, "alpha");
  } finally {
    await c.stop();
  }
});
