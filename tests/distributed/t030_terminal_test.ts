import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { hasTmux, Terminals } from "./_tmux.ts";
import { isLoopback, onPath } from "../net/_epmd.ts";

const NO_ERL = !onPath("erl") || !(await isLoopback(Deno.hostname().split(".")[0] as string));

// The node as a user starts it: `deno task node ...` (what `npm start` runs), default flags.
const NODE = ["task", "node"];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A scenario with a port mapper, a cookie and terminals of its own, all stopped after.
function scenario(fn: (c: Cluster, t: Terminals) => Promise<void>): () => Promise<void> {
  return async () => {
    const c = await Cluster.create();
    const t = new Terminals(c);
    try {
      await fn(c, t);
    } finally {
      await t.stop();
      await c.stop();
    }
  };
}

// The prompt is the last thing on the screen, with nothing typed after it.
function promptLast(prompt: string): (s: string) => boolean {
  return (s) => s.split("\n").at(-1) === prompt.trimEnd();
}

Deno.test({
  name: "t030 at a terminal: the prompt shows with nothing typed and stays; defun, c, errors",
  ignore: !hasTmux,
  fn: scenario(async (_c, t) => {
    const prompt = `(${nodeName("pong")})lfe> `;
    t.open("pong", [...NODE, "-sname", "pong"]);
    // Nothing typed: the prompt comes, and is still there once the schedulers have started.
    await t.until("pong", promptLast(prompt));
    await wait(3000);
    assert.ok(promptLast(prompt)(t.screen("pong")), t.screen("pong"));
    t.line("pong", "(defun sq (x) (* x x))");
    await t.until("pong", (s) => s.includes(`${prompt}(defun sq (x) (* x x))\nsq\n`));
    t.line("pong", "(sq 12)");
    await t.until("pong", (s) => s.includes("(sq 12)\n144\n"));
    t.line("pong", '(c "nosuchfile")');
    await t.until(
      "pong",
      (s) =>
        s.includes('(c "nosuchfile")\nnosuchfile.lfe:none: no such file or directory\nerror\n'),
    );
    t.line("pong", "(sq 1 2)");
    await t.until("pong", (s) => s.includes("** exception error: function sq/2 undefined\n"));
    t.line("pong", ")");
    await t.until("pong", (s) => s.includes(`${prompt})\n1: illegal ')'\n`));
    await t.until("pong", promptLast(prompt));
  }),
});

Deno.test({
  name: "t031 at a terminal: a wrong cookie's log line goes above the half-typed line",
  ignore: !hasTmux,
  fn: scenario(async (c, t) => {
    const prompt = `(${nodeName("pong")})lfe> `;
    t.open("pong", [...NODE, "-sname", "pong"]);
    await t.until("pong", promptLast(prompt));
    t.type("pong", "(+ 1 2");
    await t.until("pong", (s) => s.endsWith(`${prompt}(+ 1 2`));
    const other = await c.newHome();
    await c.writeCookie(other, "anothercookie");
    const bad = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "bad",
      "-noshell",
      "-eval",
      `(io:format "~p~n" (list (net_adm:ping '${nodeName("pong")})))`,
    ], { home: other });
    await bad.waitFor(/^pang$/, 20_000);
    // The log line is above; the line being typed is drawn again below it, as it was.
    const s = await t.until("pong", (s) => s.includes("rejected"));
    const lines = s.split("\n");
    assert.match(lines.at(-2) as string, /^\*\* Connection attempt from node bad@.* rejected/);
    assert.equal(lines.at(-1), `${prompt}(+ 1 2`);
    t.line("pong", " 4)");
    await t.until("pong", (s) => s.includes(`${prompt}(+ 1 2 4)\n7\n`));
  }),
});

Deno.test({
  name: "t032 at a terminal: Ctrl-G i interrupts (receive), the shell goes on; j, s, c, k",
  ignore: !hasTmux,
  fn: scenario(async (_c, t) => {
    const prompt = "lfe> ";
    t.open("shell", [...NODE]);
    await t.until("shell", promptLast(prompt));
    t.line("shell", "(set x 42)");
    await t.until("shell", (s) => s.includes("(set x 42)\n42\n"));
    t.line("shell", "(receive)");
    await wait(500);
    t.key("shell", "C-g");
    await t.until("shell", (s) => s.endsWith("User switch command\n -->"));
    t.line("shell", "j");
    await t.until("shell", (s) => s.includes(" --> j\n   1* {lfe_shell,start,[]}\n -->"));
    t.line("shell", "i");
    await t.until("shell", (s) => s.includes("** exception exit: killed"));
    t.line("shell", "c");
    await t.until("shell", promptLast(prompt));
    t.line("shell", "x");
    await t.until("shell", (s) => s.includes(`${prompt}x\n42\n`));
    // A second shell has variables of its own; killing it leaves the first.
    t.key("shell", "C-g");
    await t.until("shell", (s) => s.endsWith(" -->"));
    t.line("shell", "s");
    t.line("shell", "c 2");
    await t.until("shell", promptLast(prompt));
    t.line("shell", "x");
    await t.until("shell", (s) => s.includes("** exception error: symbol x is unbound"));
    t.key("shell", "C-g");
    await t.until("shell", (s) => s.endsWith(" -->"));
    t.line("shell", "k 2");
    t.line("shell", "j");
    await t.until("shell", (s) => /--> j\n {3}1 {2}\{lfe_shell,start,\[\]\}\n -->$/.test(s));
    t.line("shell", "c 1");
    t.line("shell", "(+ x 1)");
    await t.until("shell", (s) => s.includes(`${prompt}(+ x 1)\n43\n`));
    t.line("shell", "(q)");
    for (let i = 0; i < 50 && t.exited("shell") === undefined; i++) await wait(100);
    assert.equal(t.exited("shell"), 0, t.screen("shell"));
  }),
});

Deno.test({
  name: "t033 -remsh: a shell whose forms run on another node, its output here",
  ignore: !hasTmux,
  fn: scenario(async (_c, t) => {
    const pong = nodeName("pong");
    t.open("pong", [...NODE, "-sname", "pong"]);
    await t.until("pong", promptLast(`(${pong})lfe> `));
    t.open("remote", [...NODE, "-remsh", pong]);
    await t.until("remote", promptLast(`(${pong})lfe> `));
    t.line("remote", "(node)");
    await t.until("remote", (s) => s.includes(`(node)\n${pong}\n`));
    t.line("remote", '(spawn (lambda () (io:format "from ~p~n" (list (node)))))');
    await t.until("remote", (s) => s.includes(`from ${pong}\n`));
    t.line("remote", "(set y 5)");
    t.line("remote", "(* y 2)");
    await t.until("remote", (s) => s.includes("(* y 2)\n10\n"));
    assert.ok(!t.screen("pong").includes("from "), "nothing is printed on pong");
  }),
});

Deno.test({
  name: "t034 the seed's tut21 and tut22 typed at two terminals, default flags",
  ignore: !hasTmux,
  fn: scenario(async (_c, t) => {
    const [ping, pong] = [nodeName("ping"), nodeName("pong")];
    t.open("pong", [...NODE, "-sname", "pong", "-pa", "examples"]);
    t.open("ping", [...NODE, "-sname", "ping", "-pa", "examples"]);
    await t.until("pong", promptLast(`(${pong})lfe> `));
    await t.until("ping", promptLast(`(${ping})lfe> `));
    t.line("pong", "(tut21:start-pong)");
    await t.until("pong", (s) => s.includes("(tut21:start-pong)\ntrue\n"));
    t.line("ping", `(tut21:start-ping '${pong})`);
    await t.until("ping", (s) => s.includes("Ping finished"));
    // As OTP 25 shows it: what processes print goes above the prompt, drawn again below.
    const seen = await t.until("ping", promptLast(`(${ping})lfe> `));
    assert.match(
      seen,
      new RegExp(
        `\\(tut21:start-ping '${pong}\\)\\n<0\\.\\d+\\.0>\\n` +
          "Ping received pong\\nPing received pong\\nPing received pong\\nPing finished\\n",
      ),
    );
    await t.until("pong", (s) => s.includes("Pong received ping\n".repeat(3) + "Pong finished"));
    // tut22: pong spawns ping on the other node; every line comes out on pong's terminal.
    t.line("pong", `(tut22:start '${ping})`);
    await t.until("pong", (s) => s.includes("Pong finished\n", s.indexOf("(tut22:start")));
    await t.until("pong", (s) => s.includes("Ping finished", s.indexOf("(tut22:start")));
    const after = t.screen("pong").slice(t.screen("pong").indexOf("(tut22:start"));
    assert.match(after, /^\(tut22:start '[^)]+\)\n<[1-9]\d*\.\d+\.0>\n/);
    assert.equal(after.split("Pong received ping").length - 1, 3);
    assert.equal(after.split("Ping received pong").length - 1, 3);
    assert.ok(!t.screen("ping").includes("Pong received"), t.screen("ping"));
  }),
});

Deno.test({
  name: "t035 -remsh to a real Erlang node: LFE forms evaluated there, the value here",
  ignore: !hasTmux || NO_ERL,
  fn: scenario(async (c, t) => {
    const erl = nodeName("erl1");
    const e = c.spawnProgram("erl", ["-noshell", "-sname", "erl1"]);
    await c.waitForNode(erl);
    t.open("remote", [...NODE, "-remsh", erl]);
    await t.until("remote", promptLast(`(${erl})lfe> `));
    t.line("remote", "(node)");
    await t.until("remote", (s) => s.includes(`(node)\n${erl}\n`));
    t.line("remote", "(set xs (lists:seq 1 4))");
    t.line("remote", "(lists:map (lambda (x) (* x x)) xs)");
    await t.until("remote", (s) => s.includes("xs)\n(1 4 9 16)\n"));
    t.line("remote", '(io:format "from ~p~n" (list (node)))');
    await t.until("remote", (s) => s.includes(`from ${erl}\nok\n`));
    t.line("remote", "(car 1)");
    await t.until(
      "remote",
      (s) => s.includes("** exception error: bad argument\n  in (erlang : hd 1)"),
    );
    assert.deepEqual(e.out, [], "nothing is printed on the Erlang node");
  }),
});
