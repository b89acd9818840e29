import assert from "node:assert/strict";
import { runDenoWithInput } from "../_run.ts";

// Runs main.ts with `input` on standard input (a pipe) and collects what it printed.
async function session(input: string, args: string[] = []) {
  const r = await runDenoWithInput(["run", "-A", "main.ts", ...args], input);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

Deno.test("the shell prints a banner, prompts, and each value in LFE syntax", async () => {
  const r = await session(`(+ 1 2)\n(tuple 'ok (self))\n"abc"\n#"bin"\n(/ 4 2)\n`);
  assert.equal(r.code, 0);
  const lines = r.out.split("\n");
  assert.match(lines[0] as string, /^node \(distributed Erlang\/LFE on Deno\) \d+\.\d+\.\d+/);
  assert.equal(lines[2], "LFE Shell V0.1.0 (abort with ^G)");
  assert.equal(lines[3], "lfe> 3");
  assert.match(lines[4] as string, /^lfe> #\(ok <0\.\d+\.0>\)$/);
  assert.deepEqual(lines.slice(5), [`lfe> "abc"`, `lfe> #"bin"`, "lfe> 2.0", "lfe> "]);
});

Deno.test("a form may span lines; an error is reported and the shell goes on with its variables", async () => {
  const r = await session(`(set x\n  42)\n(tut99:go)\n(+ x 1)\n(car 'a)\n)\n(* x 2)\n`);
  assert.deepEqual(
    r.out.split("\n").slice(3),
    [
      "lfe> 42",
      "lfe> ** exception error: undefined function tut99:go/0",
      "",
      "lfe> 43",
      "lfe> ** exception error: bad argument",
      "",
      "lfe> 1: illegal ')'",
      "lfe> 84",
      "lfe> ",
    ].map((l) => l),
  );
});

Deno.test("the shell is a process: self, receive and flush act on its mailbox", async () => {
  const r = await session(
    `(! (self) 'one)\n(! (self) #(two 2))\n(receive ('one 'got-one))\n(flush)\n(flush)\n`,
  );
  assert.deepEqual(r.out.split("\n").slice(3), [
    "lfe> one",
    "lfe> #(two 2)",
    "lfe> got-one",
    "lfe> Shell got {two,2}",
    "ok",
    "lfe> ok",
    "lfe> ",
  ]);
});

Deno.test("shell commands: set with a pattern, history variables, c, m, q", async () => {
  const r = await session(
    `(set (tuple a b) (tuple 1 2))\n(+ a b)\n*\n(c "examples/tut21")\n(m 'tut21)\n(q)\n(+ 1 1)\n`,
  );
  assert.equal(r.code, 0);
  assert.deepEqual(r.out.split("\n").slice(3), [
    "lfe> #(1 2)",
    "lfe> 3",
    "lfe> 3",
    "lfe> (#(module tut21))",
    "lfe> Module: tut21",
    `Object file: ${Deno.cwd()}/examples/tut21.lfe`,
    "Compiled: No compile time info avaliable",
    "Compiler options: ()",
    "Exported functions:",
    "  ping/2                          start-ping/1                  ",
    "  pong/0                          start-pong/0                  ",
    "Exported macros:",
    "ok",
    // (q) is init:stop/0: its value is printed, then the node stops before (+ 1 1).
    "lfe> ok",
    "lfe> ",
  ]);
});

Deno.test("bad input: a 1 MB form, 100,000 nested parentheses, NUL bytes, invalid UTF-8, an unfinished form at the end", async () => {
  const big = `(length (list ${"1 ".repeat(500_000)}))\n`;
  const deep = `${"(list ".repeat(100_000)}1${")".repeat(100_000)}\n`;
  const input = new Uint8Array([
    ...new TextEncoder().encode(big + deep + '(+ 1 1)\n(list 97 0 98)\n(list "a\0b")\n'),
    ...[0x28, 0x6c, 0x69, 0x73, 0x74, 0x20, 0x22, 0xff, 0x22, 0x29, 0x0a], // (list "\xff")
    ...new TextEncoder().encode("(+ 2 2)\n(foo (bar\n"),
  ]);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts"],
    cwd: new URL("../../", import.meta.url).pathname,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(input);
  await w.close();
  const out = await child.output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0);
  assert.deepEqual(text.split("\n").slice(3), [
    "lfe> 500000",
    "lfe> ** exception error: the form cannot be evaluated: it is nested too deeply",
    "",
    "lfe> 2",
    "lfe> (97 0 98)",
    "lfe> ((97 0 98))", // a NUL in a string is a character like any other, as in LFE
    "lfe> ** the input is not valid UTF-8: it is read as Latin-1",
    '("ÿ")',
    "lfe> 4",
    "lfe> 1: missing token",
    "",
  ]);
});
