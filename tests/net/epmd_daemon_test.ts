import assert from "node:assert/strict";
import { killEpmd, listNames, registerNode } from "../../net/epmd_client.ts";
import { ensureEpmd } from "../../net/epmd_daemon.ts";
import { serveEpmd } from "../../net/epmd_server.ts";
import { runDeno } from "../_run.ts";
import { answers, freePort, waitFor } from "./_epmd.ts";

const NODE = ["run", "--allow-all", "main.ts"];
const HOST = "127.0.0.1";

/** Stops a port mapper we started on `port`, and waits until it is gone. */
async function stopEpmd(port: number): Promise<void> {
  if (await answers(port)) await killEpmd(HOST, port).catch(() => {});
  await waitFor(`the port mapper on ${port} to stop`, async () => !(await answers(port)));
}

Deno.test("ensureEpmd() starts a port mapper when none answers", async () => {
  const port = freePort();
  try {
    assert.equal(await ensureEpmd(port), "started");
    assert.deepEqual(await listNames(HOST, port), { port, names: [] });
    const reg = await registerNode({ alive: "pong", port: 1234, epmdPort: port });
    reg.close();
    await reg.closed;
    assert.equal(await ensureEpmd(port), "running");
  } finally {
    await stopEpmd(port);
  }
});

Deno.test("ensureEpmd() starts a port mapper that outlives the node that started it", async () => {
  const port = freePort();
  const mod = new URL("../../net/epmd_daemon.ts", import.meta.url).href;
  try {
    const r = await runDeno([
      "eval",
      `import { ensureEpmd } from "${mod}"; console.log(await ensureEpmd(${port}));`,
    ]);
    assert.equal(r.stdout, "started\n", r.stderr);
    assert.equal(await answers(port), true);
  } finally {
    await stopEpmd(port);
  }
});

Deno.test("ensureEpmd() leaves a running port mapper alone", async () => {
  const server = serveEpmd({ port: 0, hostname: HOST });
  try {
    assert.equal(await ensureEpmd(server.port), "running");
  } finally {
    await server.close();
  }
});

Deno.test("main.ts epmd -port P -names prints what epmd -names prints", async () => {
  const server = serveEpmd({ port: 0, hostname: HOST });
  const reg = await registerNode({ alive: "pong", port: 36011, epmdPort: server.port });
  try {
    const r = await runDeno([...NODE, "epmd", "-port", String(server.port), "-names"]);
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      `epmd: up and running on port ${server.port} with data:\nname pong at port 36011\n`,
    );
  } finally {
    reg.close();
    await reg.closed;
    await server.close();
  }
});

Deno.test("main.ts epmd -names says so when no port mapper answers", async () => {
  const r = await runDeno([...NODE, "epmd", "-port", String(freePort()), "-names"]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "epmd: Cannot connect to local epmd\n");
});

Deno.test("main.ts epmd -daemon starts a port mapper that -kill stops", async () => {
  const port = String(freePort());
  try {
    const started = await runDeno([...NODE, "epmd", "-port", port, "-daemon"]);
    assert.equal(started.code, 0, started.stderr);
    const names = await runDeno([...NODE, "epmd", "-names"], { ERL_EPMD_PORT: port });
    assert.equal(names.stdout, `epmd: up and running on port ${port} with data:\n`);
    const again = await runDeno([...NODE, "epmd", "-port", port, "-daemon"]);
    assert.equal(again.code, 0, "a second -daemon finds the first and leaves it");
    const killed = await runDeno([...NODE, "epmd", "-port", port, "-kill"]);
    assert.equal(killed.stdout, "Killed\n");
    assert.equal(await answers(Number(port)), false);
  } finally {
    await stopEpmd(Number(port));
  }
});

Deno.test("main.ts epmd serves in the foreground until SIGTERM stops it", async () => {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [...NODE, "epmd", "-port", String(port)],
    cwd: new URL("../../", import.meta.url).pathname,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await waitFor("the foreground port mapper", () => answers(port));
  } finally {
    child.kill("SIGTERM");
    assert.equal((await child.status).code, 0);
  }
  assert.equal(await answers(port), false);
});

Deno.test("main.ts epmd refuses an unknown flag with the usage", async () => {
  const r = await runDeno([...NODE, "epmd", "-bogus"]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^epmd: unknown flag -bogus\nusage: node epmd/);
});
