/**
 * The seed's flow typed at our shell, with a real LFE node on the other side: tut21 and tut22
 * in both role assignments. Runs where `LFE_DIR` names a built lfe/lfe checkout (its `bin/lfe`
 * and `bin/lfec`), `script` can give LFE's shell a terminal, and the host name is loopback.
 */

import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { afterPrompt, PING_LINES, PONG_LINES, seedOrder, TUT22_LINES } from "./_seed_lines.ts";
import { isLoopback, onPath } from "../net/_epmd.ts";

const LFE_DIR = Deno.env.get("LFE_DIR");
const HOST = Deno.hostname().split(".")[0] as string;
const NO_LFE = LFE_DIR === undefined || !onPath("script") || !onPath("erl") ||
  !(await Deno.stat(`${LFE_DIR}/bin/lfe`).then(() => true, () => false)) ||
  !(await isLoopback(HOST));
const SHELL = ["run", "-A", "main.ts", "-pa", "examples", "-sname"];

/** The seed's tut21 and tut22 compiled by LFE's own compiler into a directory of the cluster. */
async function compileSeed(c: Cluster): Promise<string> {
  const dir = await c.newHome();
  const out = await new Deno.Command(`${LFE_DIR}/bin/lfec`, {
    args: ["-o", dir, "examples/tut21.lfe", "examples/tut22.lfe"],
    env: { PATH: `${LFE_DIR}/bin:${Deno.env.get("PATH") ?? ""}` },
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return dir;
}

/** A real LFE shell `alive` at a terminal of its own (through `script`), with `dir` on its path. */
async function startLfe(c: Cluster, alive: string, dir: string) {
  const p = c.spawnProgram(
    "script",
    ["-qfec", `${LFE_DIR}/bin/lfe -sname ${alive} -pa ${dir}`, "/dev/null"],
    { stdin: true, cwd: dir },
  );
  // The prompt has no line end until input comes; what is typed before it waits in the terminal.
  await p.waitFor(/abort with \^G/, 20_000);
  return p;
}

/** What a terminal shows of each line: colours dropped, carriage returns and backspaces done. */
function screen(lines: string[]): string[] {
  return lines.map((l) => {
    const cells: string[] = [];
    let x = 0;
    // deno-lint-ignore no-control-regex
    for (const ch of l.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")) {
      if (ch === "\r") x = 0;
      else if (ch === "\b") x = Math.max(0, x - 1);
      else cells[x++] = ch;
    }
    return Array.from(cells, (c) => c ?? " ").join("").trimEnd();
  });
}

/** The lines after the first one matching `re`, each without the prompt before it. */
function after(lines: string[], re: RegExp, prompt: string): string[] {
  const s = screen(lines);
  const at = s.findIndex((l) => re.test(l));
  assert.ok(at >= 0, `no line matching ${re} in:\n${s.join("\n")}`);
  return s.slice(at + 1).map((l) => l.startsWith(prompt) ? l.slice(prompt.length) : l)
    .filter((l) => l !== "" && l !== prompt.trimEnd());
}

const prompt = (alive: string) => `(${nodeName(alive)})lfe> `;

Deno.test({
  name: "t026 tut21: a real LFE node is pong, our shell is ping, as the seed types it",
  ignore: NO_LFE,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileSeed(c);
      const pong = await startLfe(c, "pong", dir);
      const ping = c.spawn([...SHELL, "ping"], { stdin: true });
      await ping.waitFor(/^LFE Shell/, 20_000);
      await pong.send("(tut21:start-pong)\r");
      await pong.waitFor(/^true\r?$/);
      await ping.send(`(tut21:start-ping '${nodeName("pong")})`);
      await ping.waitFor(/Ping finished$/, 20_000);
      await pong.waitFor(/Pong finished/, 5000);
      const p = prompt("ping");
      const tail = ping.out.slice(ping.out.findIndex((l) => l.includes("<0.")));
      assert.match(tail[0] as string, new RegExp(`^\\(${nodeName("ping")}\\)lfe> <0\\.\\d+\\.0>$`));
      assert.deepEqual(tail.slice(1), afterPrompt(p, PING_LINES));
      assert.deepEqual(after(pong.out, /^true$/, prompt("pong")), PONG_LINES);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t026 tut21: our shell is pong, a real LFE node is ping",
  ignore: NO_LFE,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileSeed(c);
      const pong = c.spawn([...SHELL, "pong"], { stdin: true });
      await pong.waitFor(/^LFE Shell/, 20_000);
      const ping = await startLfe(c, "ping", dir);
      await pong.send("(tut21:start-pong)");
      assert.equal(await pong.waitFor(/true$/), `${prompt("pong")}true`);
      await ping.send(`(tut21:start-ping '${nodeName("pong")})\r`);
      await ping.waitFor(/Ping finished/, 20_000);
      await pong.waitFor(/Pong finished$/, 5000);
      const q = prompt("pong");
      assert.deepEqual(
        pong.out.slice(pong.out.indexOf(`${q}true`) + 1),
        afterPrompt(q, PONG_LINES),
      );
      // LFE 2 prints a pid as #Pid<0.91.0>.
      assert.deepEqual(after(ping.out, /^#Pid<0\.\d+\.0>$/, prompt("ping")), PING_LINES);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t026 tut22: a real LFE node spawns ping on ours; all eight lines print on the LFE node",
  ignore: NO_LFE,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileSeed(c);
      const ping = c.spawn([...SHELL, "ping"], { stdin: true });
      await ping.waitFor(/^LFE Shell/, 20_000);
      const pong = await startLfe(c, "pong", dir);
      await pong.send(`(tut22:start '${nodeName("ping")})\r`);
      await pong.waitFor(/Pong finished/, 20_000);
      await pong.waitFor(/Ping finished/, 5000);
      const lines = after(pong.out, /tut22:start/, prompt("pong"));
      // The shell's value, a pid on our node, may come among the lines: LFE's shell prints it
      // while the processes are already printing.
      const pids = lines.filter((l) => l.startsWith("#Pid<"));
      assert.equal(pids.length, 1, lines.join("\n"));
      assert.match(pids[0] as string, /^#Pid<[1-9]\d*\.\d+\.\d+>$/);
      assert.deepEqual(seedOrder(lines.filter((l) => !l.startsWith("#Pid<"))), TUT22_LINES);
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(ping.out.every((l) => !/Ping|Pong/.test(l)), "nothing of it on ping");
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t026 tut22: our shell spawns ping on a real LFE node; all eight lines print here",
  ignore: NO_LFE,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileSeed(c);
      const ping = await startLfe(c, "ping", dir);
      const pong = c.spawn([...SHELL, "pong"], { stdin: true });
      await pong.waitFor(/^LFE Shell/, 20_000);
      await pong.send(`(tut22:start '${nodeName("ping")})`);
      await pong.waitFor(/Pong finished$/, 20_000);
      await pong.waitFor(/Ping finished$/, 5000);
      const q = prompt("pong");
      const at = pong.out.findIndex((l) => /lfe> <[1-9]\d*\.\d+\.\d+>$/.test(l));
      assert.ok(at >= 0, `a remote pid is printed: ${pong.out.join("\n")}`);
      assert.deepEqual(seedOrder(pong.out.slice(at + 1)), afterPrompt(q, TUT22_LINES));
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(screen(ping.out).every((l) => !/Ping|Pong/.test(l)), "nothing of it on ping");
    } finally {
      await c.stop();
    }
  },
});
