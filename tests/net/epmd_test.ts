import assert from "node:assert/strict";
import {
  EPMD,
  EpmdError,
  killEpmd,
  listNames,
  lookupNode,
  NODE_TYPE,
  registerNode,
} from "../../net/epmd_client.ts";
import { type EpmdServer, serveEpmd } from "../../net/epmd_server.ts";
import { waitFor } from "./_epmd.ts";

const HOST = "127.0.0.1";

async function withDaemon(body: (server: EpmdServer) => Promise<void>): Promise<void> {
  const server = serveEpmd({ port: 0, hostname: HOST });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/** Sends raw bytes to the daemon and reads until it closes the connection. */
async function raw(port: number, bytes: Uint8Array): Promise<Uint8Array> {
  const conn = await Deno.connect({ hostname: HOST, port });
  try {
    await conn.write(bytes);
    const chunks: number[] = [];
    const buf = new Uint8Array(256);
    for (;;) {
      const n = await conn.read(buf).catch(() => null);
      if (n === null) break;
      chunks.push(...buf.subarray(0, n));
    }
    return new Uint8Array(chunks);
  } finally {
    conn.close();
  }
}

Deno.test("registerNode() keeps the name while its socket is open", async () => {
  await withDaemon(async (server) => {
    const extra = new TextEncoder().encode("deno");
    const reg = await registerNode({ alive: "pong", port: 36011, extra, epmdPort: server.port });
    assert.ok(reg.creation !== 0);
    assert.deepEqual(await lookupNode("pong", HOST, server.port), {
      port: 36011,
      nodeType: NODE_TYPE.normal,
      protocol: 0,
      highestVersion: 6,
      lowestVersion: 6,
      extra,
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await lookupNode("pong", HOST, server.port))?.port, 36011);
    reg.close();
    await reg.closed;
    await waitFor("pong to go", async () => !(await lookupNode("pong", HOST, server.port)));
  });
});

Deno.test("registerNode() is refused a name already registered", async () => {
  await withDaemon(async (server) => {
    const reg = await registerNode({ alive: "pong", port: 1000, epmdPort: server.port });
    try {
      await assert.rejects(
        () => registerNode({ alive: "pong", port: 1001, epmdPort: server.port }),
        (e: unknown) =>
          e instanceof EpmdError && e.kind === "refused" &&
          e.message.startsWith(`Cannot register "pong" with the port mapper at ${HOST}:`),
      );
      assert.equal((await lookupNode("pong", HOST, server.port))?.port, 1000);
    } finally {
      reg.close();
      await reg.closed;
    }
  });
});

Deno.test("registerNode() gets a new creation for each registration of a name", async () => {
  await withDaemon(async (server) => {
    const creations = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const reg = await registerNode({ alive: "pong", port: 1000, epmdPort: server.port });
      creations.add(reg.creation);
      assert.ok(reg.creation >= 4 && reg.creation <= 0xffff_ffff);
      reg.close();
      await reg.closed;
      await waitFor("pong to go", async () => !(await lookupNode("pong", HOST, server.port)));
    }
    assert.equal(creations.size, 3);
  });
});

Deno.test("registerNode() connects by host name and registers a hidden node", async () => {
  await withDaemon(async (server) => {
    const reg = await registerNode({
      alive: "ghost",
      port: 2000,
      epmdPort: server.port,
      host: "localhost",
      hidden: true,
    });
    try {
      const entry = await lookupNode("ghost", "localhost", server.port);
      assert.equal(entry?.nodeType, NODE_TYPE.hidden);
    } finally {
      reg.close();
      await reg.closed;
    }
  });
});

Deno.test("registerNode() refuses an empty or oversized name before asking", async () => {
  await assert.rejects(() => registerNode({ alive: "", port: 1, epmdPort: 1 }), RangeError);
  await assert.rejects(
    () => registerNode({ alive: "x".repeat(256), port: 1, epmdPort: 1 }),
    RangeError,
  );
  await assert.rejects(() => registerNode({ alive: "x", port: 0, epmdPort: 1 }), RangeError);
});

Deno.test("lookupNode() returns undefined for a name not registered", async () => {
  await withDaemon(async (server) => {
    assert.equal(await lookupNode("nobody", HOST, server.port), undefined);
  });
});

Deno.test("listNames() lists the registered names and the port mapper's port", async () => {
  await withDaemon(async (server) => {
    assert.deepEqual(await listNames(HOST, server.port), { port: server.port, names: [] });
    const a = await registerNode({ alive: "ping", port: 1111, epmdPort: server.port });
    const b = await registerNode({ alive: "pong", port: 2222, epmdPort: server.port });
    try {
      const { port, names } = await listNames(HOST, server.port);
      assert.equal(port, server.port);
      assert.deepEqual(names.sort((x, y) => x.name.localeCompare(y.name)), [
        { name: "ping", port: 1111 },
        { name: "pong", port: 2222 },
      ]);
    } finally {
      a.close();
      b.close();
      await Promise.all([a.closed, b.closed]);
    }
  });
});

Deno.test("killEpmd() stops serveEpmd(), which drops its names", async () => {
  const server = serveEpmd({ port: 0, hostname: HOST });
  try {
    const reg = await registerNode({ alive: "pong", port: 1000, epmdPort: server.port });
    assert.equal(await killEpmd(HOST, server.port), true);
    await server.finished;
    await reg.closed;
    await assert.rejects(
      () => listNames(HOST, server.port),
      (e: unknown) =>
        e instanceof EpmdError && e.kind === "unreachable" &&
        e.message.startsWith(`Cannot reach the port mapper at ${HOST}:${server.port}: `),
    );
  } finally {
    await server.close();
  }
});

Deno.test("serveEpmd() closes a malformed request's connection and serves on", async () => {
  await withDaemon(async (server) => {
    const reg = await registerNode({ alive: "pong", port: 1000, epmdPort: server.port });
    try {
      const bad = [
        [0, 0], // empty request
        [0, 1, 99], // unknown tag
        [0xff, 0xff, EPMD.NAMES_REQ], // longer than the daemon takes: refused unread
        [0, 4, EPMD.ALIVE2_REQ, 1, 2, 3], // ALIVE2 cut short
        [0, 14, EPMD.ALIVE2_REQ, 0, 1, 77, 0, 0, 6, 0, 6, 0, 200, 65, 0, 0], // name overruns
        [0, 3, EPMD.PORT_PLEASE2_REQ, 0xff, 0xfe], // name not UTF-8
        [0, 1, EPMD.STOP_REQ],
      ];
      for (const b of bad) {
        assert.deepEqual(await raw(server.port, new Uint8Array(b)), new Uint8Array(), `${b}`);
      }
      // A request split over writes, and then a client that hangs up half-way.
      const conn = await Deno.connect({ hostname: HOST, port: server.port });
      await conn.write(new Uint8Array([0, 5, EPMD.PORT_PLEASE2_REQ]));
      conn.close();
      assert.equal((await lookupNode("pong", HOST, server.port))?.port, 1000);
      assert.equal((await listNames(HOST, server.port)).names.length, 1);
    } finally {
      reg.close();
      await reg.closed;
    }
  });
});

Deno.test("serveEpmd() answers an ALIVE2 of protocol version 5 with ALIVE2_RESP", async () => {
  await withDaemon(async (server) => {
    const name = new TextEncoder().encode("old");
    const req = [0, 13 + name.length, EPMD.ALIVE2_REQ, 0x10, 0x00, 77, 0, 0, 5, 0, 5];
    const conn = await Deno.connect({ hostname: HOST, port: server.port });
    try {
      await conn.write(new Uint8Array([...req, 0, name.length, ...name, 0, 0]));
      const answer = new Uint8Array(4);
      let got = 0;
      while (got < 4) got += (await conn.read(answer.subarray(got))) ?? 4;
      assert.equal(answer[0], EPMD.ALIVE2_RESP);
      assert.equal(answer[1], 0);
      assert.ok(answer[3]! >= 1 && answer[3]! <= 3 && answer[2] === 0);
      assert.equal((await lookupNode("old", HOST, server.port))?.highestVersion, 5);
    } finally {
      conn.close();
    }
  });
});

Deno.test("lookupNode() gives up on a port mapper that does not answer", async () => {
  const listener = Deno.listen({ hostname: HOST, port: 0 });
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) held.push(c);
  })().catch(() => {});
  try {
    await assert.rejects(
      () => lookupNode("pong", HOST, listener.addr.port, { timeout: 300 }),
      (e: unknown) =>
        e instanceof EpmdError && e.kind === "timeout" &&
        e.message ===
          `The port mapper at ${HOST}:${listener.addr.port} did not answer within 300 ms`,
    );
  } finally {
    listener.close();
    for (const c of held) c.close();
    await accepting;
  }
});

Deno.test("listNames() says clearly that no port mapper listens", async () => {
  const listener = Deno.listen({ hostname: HOST, port: 0 });
  const port = listener.addr.port;
  listener.close();
  await assert.rejects(
    () => listNames(HOST, port),
    (e: unknown) =>
      e instanceof EpmdError && e.kind === "unreachable" &&
      e.message.startsWith(`Cannot reach the port mapper at ${HOST}:${port}: `),
  );
});
