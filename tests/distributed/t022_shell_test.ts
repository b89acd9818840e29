import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { afterPrompt, PING_LINES, PONG_LINES, seedOrder, TUT22_LINES } from "./_seed_lines.ts";

const SHELL = ["run", "-A", "main.ts", "-pa", "examples", "-sname"];

Deno.test("t022 the seed's tut21 transcript, typed at two shells", async () => {
  const c = await Cluster.create();
  try {
    const pong = c.spawn([...SHELL, "pong"], { stdin: true });
    const ping = c.spawn([...SHELL, "ping"], { stdin: true });
    await pong.waitFor(/^LFE Shell V[\d.]+ \(abort with \^G\)$/, 20_000);
    await ping.waitFor(/^LFE Shell V[\d.]+ \(abort with \^G\)$/, 20_000);
    await pong.send("(tut21:start-pong)");
    assert.equal(await pong.waitFor(/true$/), `(${nodeName("pong")})lfe> true`);
    await ping.send(`(tut21:start-ping '${nodeName("pong")})`);
    await ping.waitFor(/Ping finished$/, 20_000);
    await pong.waitFor(/Pong finished$/);
    const p = `(${nodeName("ping")})lfe> `;
    const tail = ping.out.slice(ping.out.findIndex((l) => l.includes("<0.")));
    assert.match(tail[0] as string, new RegExp(`^\\(${nodeName("ping")}\\)lfe> <0\\.\\d+\\.0>$`));
    assert.deepEqual(tail.slice(1), afterPrompt(p, PING_LINES));
    const q = `(${nodeName("pong")})lfe> `;
    assert.deepEqual(pong.out.slice(pong.out.indexOf(`${q}true`) + 1), afterPrompt(q, PONG_LINES));
  } finally {
    await c.stop();
  }
});

Deno.test("t023 the seed's tut22 transcript: the remote pid, and all eight lines on pong", async () => {
  const c = await Cluster.create();
  try {
    const ping = c.spawn([...SHELL, "ping"], { stdin: true });
    const pong = c.spawn([...SHELL, "pong"], { stdin: true });
    await ping.waitFor(/^LFE Shell/, 20_000);
    await pong.waitFor(/^LFE Shell/, 20_000);
    await pong.send(`(tut22:start '${nodeName("ping")})`);
    await pong.waitFor(/Pong finished$/, 20_000);
    await pong.waitFor(/Ping finished$/, 5000);
    const q = `(${nodeName("pong")})lfe> `;
    const at = pong.out.findIndex((l) => /lfe> <[1-9]\d*\.\d+\.0>$/.test(l));
    assert.ok(at >= 0, `a remote pid is printed: ${pong.out.join("\n")}`);
    assert.deepEqual(seedOrder(pong.out.slice(at + 1)), afterPrompt(q, TUT22_LINES));
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(ping.out.every((l) => !/Ping|Pong/.test(l)), "nothing of it on ping");
  } finally {
    await c.stop();
  }
});
