import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

Deno.test("t005 a peer killed with SIGKILL: nodedown, noconnection for links and monitors; it can come back", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha");
    let b = await c.probe("beta");
    await b.send("serve svc");
    await b.waitFor(/^serving svc$/);
    await a.send(`monitor_node ${nodeName("beta")}`);
    await a.send(`watch ${nodeName("beta")} svc`);
    await a.waitFor(/^watching$/);
    b.kill("SIGKILL");
    await a.waitFor(new RegExp(`^nodedown ${nodeName("beta")}$`));
    await a.waitFor(/^EXIT noconnection$/);
    await a.waitFor(/^DOWN noconnection$/);
    await b.done;
    b = await c.probe("beta");
    await a.send(`ping ${nodeName("beta")}`);
    await a.waitFor(/^pong$/);
  } finally {
    await c.stop();
  }
});

Deno.test("t006 a silent peer is found out by ticks within net_ticktime", async () => {
  const c = await Cluster.create();
  try {
    const a = await c.probe("alpha", { ticktime: 2 });
    const b = await c.probe("beta", { ticktime: 2 });
    await a.send(`ping ${nodeName("beta")}`);
    await a.waitFor(/^pong$/);
    await a.send(`monitor_node ${nodeName("beta")}`);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    b.kill("SIGSTOP");
    try {
      await a.waitFor(new RegExp(`^nodedown ${nodeName("beta")}$`), 6000);
      const took = Date.now() - t0;
      assert.ok(took >= 1500 && took <= 4500, `nodedown after ${took} ms`);
      assert.match(a.err.join("\n"), /beta@\S+ not responding: .*net_tick_timeout/);
    } finally {
      b.kill("SIGCONT");
    }
  } finally {
    await c.stop();
  }
});
