import assert from "node:assert/strict";
import { runDeno } from "../_run.ts";

Deno.test("examples/pingpong.ts plays the seed's ping pong with deno run", async () => {
  const r = await runDeno(["run", "examples/pingpong.ts"]);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    [
      "Pong received ping",
      "Ping received pong",
      "Pong received ping",
      "Ping received pong",
      "Pong received ping",
      "Ping received pong",
      "Ping finished",
      "Pong finished",
      "",
    ].join("\n"),
  );
});
