/**
 * The node executable with two schedulers (`+S 2`): what the shell does reaches processes on
 * the worker scheduler too — code compiled or reloaded at the prompt, names, `(i)`.
 */

import assert from "node:assert/strict";
import { runDenoWithInput } from "../_run.ts";

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

// Runs the node with `input` on standard input in `dir`, and collects what it printed.
async function session(dir: string, input: string, args: string[]) {
  const r = await runDenoWithInput(["run", "-A", MAIN, ...args], input, {
    cwd: dir,
    env: { NODE_ERL_FLAGS: "" },
  });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const HOT = (v: number) =>
  `(defmodule hot (export (v 0) (loop 0)))
(defun v () ${v})
(defun loop () (receive ((tuple from) (! from (tuple 'v (hot:v) (erlang:system_info 'scheduler_id))) (loop))))
`;

Deno.test("+S 2: code compiled and reloaded at the prompt runs on the other scheduler; names and (i) span both", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/hot.lfe`, HOT(1));
    await Deno.writeTextFile(`${dir}/hot2.lfe`, HOT(2)); // the same module, a new version
    const r = await session(
      dir,
      [
        "(erlang:system_info 'schedulers)",
        '(c "hot")',
        "(register 'far (spawn_opt 'hot 'loop () '(#(scheduler 2))))",
        "(! 'far (tuple (self)))",
        "(receive (x x) (after 5000 'timeout))",
        '(c "hot2")',
        "(! 'far (tuple (self)))",
        "(receive (x x) (after 5000 'timeout))",
        "(i)",
        "(lists:member (whereis 'far) (processes))",
      ].join("\n") + "\n",
      ["+S", "2"],
    );
    const lines = r.out.split("\n").map((l) => l.replace(/^lfe> /, ""));
    assert.ok(lines.includes("2"), r.out); // schedulers
    const values = lines.filter((l) => l.startsWith("#(v "));
    // hot:v is called by name in the process on scheduler 2: the new version once reloaded.
    assert.deepEqual(values, ["#(v 1 2)", "#(v 2 2)"], r.out + r.err);
    // (i) as c:i/0 lays it out: the pid's line, then its registered name's.
    const far = lines.findIndex((l) => /^<0\.\d+\.0>\s+hot:loop\/0\s+\d+\s+\d+\s+\d+$/.test(l));
    assert.ok(far >= 0, r.out);
    assert.match(lines[far + 1] ?? "", /^far\s+hot:loop\/0\s+\d+\s*$/, r.out);
    assert.equal(lines.at(-2), "true", r.out);
    assert.equal(r.err, "");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("+S 1 keeps one scheduler; +S 2 makes two", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const one = await session(dir, "(erlang:system_info 'schedulers)\n", ["+S", "1"]);
    assert.match(one.out, /lfe> 1\n/);
    const two = await session(dir, "(erlang:system_info 'schedulers)\n", ["+S", "2"]);
    assert.match(two.out, /lfe> 2\n/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
