import assert from "node:assert/strict";
import { runDeno } from "./_run.ts";

const NODE = ["run", "--allow-all", "main.ts"];

Deno.test("main.ts -version prints the version", async () => {
  const r = await runDeno([...NODE, "-version"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^node \(distributed Erlang\/LFE on Deno\) \d+\.\d+\.\d+\n$/);
});

Deno.test("main.ts refuses an unknown flag with the usage and exit code 2", async () => {
  const r = await runDeno([...NODE, "-bogus"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown flag -bogus\nusage: node/);
});

Deno.test("main.ts starts a node that runs until SIGTERM stops it", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: NODE,
    cwd: new URL("../", import.meta.url).pathname,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    const early = await Promise.race([
      child.status.then(() => "ended"),
      new Promise((r) => setTimeout(() => r("running"), 1500)),
    ]);
    assert.equal(early, "running");
  } finally {
    child.kill("SIGTERM");
    const status = await child.status;
    await child.stdout.cancel();
    await child.stderr.cancel();
    assert.equal(status.code, 0);
  }
});
