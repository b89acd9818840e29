import assert from "node:assert/strict";
import { listNames, lookupNode, NODE_MARK } from "../../net/mod.ts";
import { Cluster, nodeName } from "./_cluster.ts";

async function registered(c: Cluster): Promise<string[]> {
  return (await listNames("127.0.0.1", c.epmdPort)).names.map((n) => n.name);
}

async function until(test: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error("Timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

Deno.test("t014 main.ts -sname registers at the port mapper, answers pings, and leaves on SIGTERM", async () => {
  const c = await Cluster.create();
  try {
    const n = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-noshell",
      "-sname",
      "svc",
      "-kernel",
      "net_ticktime",
      "10",
    ]);
    await until(async () => (await registered(c)).includes("svc"));
    const entry = await lookupNode("svc", "127.0.0.1", c.epmdPort);
    assert.equal(new TextDecoder().decode(entry?.extra), NODE_MARK, "marked as a node of ours");
    const probe = await c.probe("probe");
    assert.equal(await probe.ask(`ping ${nodeName("svc")}`, /^p[oa]ng$/), "pong");
    n.kill("SIGTERM");
    const status = await n.done;
    assert.equal(status.code, 0);
    await until(async () => !(await registered(c)).includes("svc"));
    assert.equal(await probe.ask(`ping ${nodeName("svc")}`, /^p[oa]ng$/), "pang");
  } finally {
    await c.stop();
  }
});

Deno.test("t015 main.ts refuses a cookie file readable by others in one line, exit code 1", async () => {
  const c = await Cluster.create();
  try {
    await c.writeCookie(c.home, "opencookie", 0o640);
    const n = c.spawn(["run", "-A", "main.ts", "-noshell", "-sname", "open"]);
    const status = await n.done;
    assert.equal(status.code, 1);
    assert.equal(n.err.length, 1);
    assert.match(n.err[0] as string, /^node: .*\.erlang\.cookie.*chmod 400/);
  } finally {
    await c.stop();
  }
});

Deno.test("t016 a node with no port mapper running starts one that outlives it", async () => {
  const c = await Cluster.create({ epmd: false });
  try {
    const n = c.spawn(["run", "-A", "main.ts", "-noshell", "-sname", "first"]);
    await until(async () => (await registered(c).catch((): string[] => [])).includes("first"));
    n.kill("SIGTERM");
    await n.done;
    await until(async () => (await registered(c)).length === 0);
  } finally {
    // The daemon was started by the node, not by the test: stop it the way `epmd -kill` does.
    const k = c.spawn(["run", "-A", "main.ts", "epmd", "-port", String(c.epmdPort), "-kill"]);
    await k.done;
    await c.stop();
  }
});

const hasEpmd = (() => {
  try {
    return new Deno.Command("epmd", { args: ["-help"], stdout: "null", stderr: "null" })
      .outputSync().code >= 0;
  } catch {
    return false;
  }
})();

Deno.test({
  name: "t017 nodes register with a real epmd, show in epmd -names and reach each other",
  ignore: !hasEpmd,
  fn: async () => {
    const c = await Cluster.create({ epmd: false });
    const epmd = new Deno.Command("epmd", { args: ["-port", String(c.epmdPort)] }).spawn();
    try {
      await until(async () => {
        try {
          await listNames("127.0.0.1", c.epmdPort);
          return true;
        } catch {
          return false;
        }
      });
      const a = await c.probe("alpha");
      await c.probe("beta");
      const out = new Deno.Command("epmd", { args: ["-port", String(c.epmdPort), "-names"] })
        .outputSync();
      const text = new TextDecoder().decode(out.stdout);
      assert.match(text, /name alpha at port \d+/);
      assert.match(text, /name beta at port \d+/);
      assert.equal(await a.ask(`ping ${nodeName("beta")}`, /^p[oa]ng$/), "pong");
    } finally {
      await c.stop();
      epmd.kill("SIGTERM");
      await epmd.status;
    }
  },
});

Deno.test("t024 main.ts -detached returns at once and leaves the node running in the background", async () => {
  const c = await Cluster.create();
  try {
    const t0 = Date.now();
    const d = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-detached",
      "-sname",
      "bg",
      "-eval",
      "(timer:sleep 1500)",
      "-eval",
      "(halt)",
    ]);
    const status = await d.done;
    assert.equal(status.code, 0);
    assert.ok(Date.now() - t0 < 5000);
    // The detached node registers, then halts by itself after its -eval.
    await until(async () => (await registered(c)).includes("bg"));
    await until(async () => !(await registered(c)).includes("bg"));
  } finally {
    await c.stop();
  }
});
