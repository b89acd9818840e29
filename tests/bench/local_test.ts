import assert from "node:assert/strict";
import { localPingPong, ring, spawnMany } from "../../bench/local.ts";
import { freshNode } from "../runtime/_node.ts";

// The figures themselves are measured by `deno task bench`; these check that each workload runs
// to its end (every message delivered, every process stopped) at a small size.
Deno.test("the local benchmark workloads run to completion at a small size", async () => {
  const { node } = freshNode();
  assert.ok((await localPingPong(1000)) > 0);
  const s = await spawnMany(1000);
  assert.ok(s.perS > 0);
  assert.ok(await ring(10, 10) > 0);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(node.processes().length, 1); // only the group leader is left
});
