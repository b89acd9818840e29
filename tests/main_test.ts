import assert from "node:assert/strict";
import { runDeno } from "./_run.ts";

const NODE = ["run", "--allow-all", "main.ts"];
const NOSHELL = [...NODE, "-noshell"];

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

Deno.test("main.ts -noshell starts a node that runs until SIGTERM stops it", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: NOSHELL,
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

// Runs a node until it has played the local ping pong, then stops it; answers what it wrote.
async function untilPingPong(args: string[]): Promise<{ out: string; err: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [...NOSHELL, "-pa", "examples", ...args],
    cwd: new URL("../", import.meta.url).pathname,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const dec = new TextDecoder();
  const r = { out: "", err: "" };
  const pump = async (s: ReadableStream<Uint8Array>, k: "out" | "err") => {
    for await (const c of s) r[k] += dec.decode(c);
  };
  const done = Promise.all([pump(child.stdout, "out"), pump(child.stderr, "err")]);
  try {
    for (let i = 0; i < 100 && !r.out.includes("Pong finished"); i++) {
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await done;
  }
  return r;
}

const PINGPONG = "Pong received ping\nPing received pong\n".repeat(3) +
  "Ping finished\nPong finished\n";

Deno.test("main.ts -eval runs LFE as the shell runs it; the node runs on after", async () => {
  const r = await untilPingPong(["-eval", "(set n 3) (pingpong:start)", "-eval", "(+ n 1)"]);
  assert.equal(r.err, "");
  assert.equal(r.out, PINGPONG);
});

Deno.test("main.ts -eval that raises prints the exception as lfe -eval does and stops with 127", async () => {
  const r = await runDeno([
    ...NOSHELL,
    "-eval",
    "(+ 1 1)",
    "-eval",
    "(tut99:go)",
    "-eval",
    "(+ 2 2)",
  ]);
  assert.equal(r.code, 127);
  // As `lfe -e` prints it: the frames that would name the function are below the evaluator.
  assert.equal(r.stdout, "exception error: undefined function\n");
  const bad = await runDeno([...NOSHELL, "-eval", "(+ 1"]);
  assert.equal(bad.code, 127);
  assert.equal(bad.stdout, "lfe:1: missing token\n");
});

Deno.test("main.ts: halt/1 and init:stop/1 end the node with their status", async () => {
  assert.equal((await runDeno([...NOSHELL, "-eval", "(halt 3)"])).code, 3);
  const r = await runDeno([...NOSHELL, "-eval", '(io:format "bye~n") (init:stop 4)']);
  assert.equal(r.code, 4);
  assert.equal(r.stdout, "bye\n");
  assert.equal((await runDeno([...NOSHELL, "-eval", "(init:stop)"])).code, 0);
});

Deno.test("main.ts -s MOD FUN ARGS calls MOD:FUN with the arguments as a list of atoms", async () => {
  const r = await untilPingPong(["-s", "pingpong", "start", "-s", "lists", "reverse", "a"]);
  assert.equal(r.out, PINGPONG);
  assert.equal(r.err, "", "(lists:reverse '(a)) runs without error");
});

Deno.test("main.ts checks the values of +S and -connect_all", async () => {
  for (const bad of [["+S", "x"], ["+S", "0"], ["-connect_all", "maybe"], ["-s"]]) {
    const r = await runDeno([...NODE, ...bad]);
    assert.equal(r.code, 2, bad.join(" "));
    assert.match(r.stderr, /^node: .*\nusage: node/);
  }
  const ok = await runDeno([...NODE, "+S", "2", "-connect_all", "false", "-version"]);
  assert.equal(ok.code, 0);
});
