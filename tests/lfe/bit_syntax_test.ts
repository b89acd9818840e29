/**
 * The bit syntax against real LFE: each module of `bit_syntax/` is compiled here and its
 * `main/0` run, and what it prints must be what LFE 2.2 printed for it (`bit_syntax/*.out`,
 * recorded by `bit_syntax/record.sh`; the tables are written by `bit_syntax/gen_tables.ts`).
 */

import assert from "node:assert/strict";
import { evalText, load } from "./_run_lfe.ts";

const DIR = new URL("./bit_syntax/", import.meta.url);

const names = [...Deno.readDirSync(DIR)]
  .filter((e) => e.name.endsWith(".lfe"))
  .map((e) => e.name.slice(0, -4))
  .sort();

for (const name of names) {
  Deno.test(`bit syntax: ${name} prints what LFE 2.2 prints`, async () => {
    load(Deno.readTextFileSync(new URL(`${name}.lfe`, DIR)));
    const expected = Deno.readTextFileSync(new URL(`${name}.out`, DIR)).split("\n");
    const r = await evalText(`(${name}:main)`);
    if (r.error) throw r.error;
    const actual = r.output.split("\n");
    const wrong: string[] = [];
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      if (actual[i] === expected[i]) continue;
      // The case a line belongs to: the line above an indented one.
      const ctx = (expected[i] ?? "").startsWith("  ") ? `${expected[i - 1]}\n` : "";
      wrong.push(`${ctx}line ${i + 1}:\n  got      ${actual[i]}\n  expected ${expected[i]}`);
    }
    assert.ok(
      wrong.length === 0,
      `${wrong.length} lines differ:\n${wrong.slice(0, 12).join("\n")}`,
    );
  });
}

Deno.test("bit syntax: what LFE 2.2 refuses to compile is refused in its words", () => {
  const bodies = Deno.readTextFileSync(new URL("compile_errors.txt", DIR)).trim().split("\n");
  const messages = Deno.readTextFileSync(new URL("compile_errors.out", DIR)).split("\n");
  bodies.forEach((body, i) => {
    const expected = messages[i] as string;
    let got = "";
    try {
      load(`(defmodule e (export all))\n(defun a (x) ${body})`);
    } catch (e) {
      got = (e as Error).message;
    }
    assert.equal(got, expected, body);
  });
});

Deno.test("bit syntax: the shell prints bitstrings as LFE 2.2's shell does", async () => {
  // Typed at LFE 2.2's prompt; the lines below are what it printed.
  const session: [string, string][] = [
    ["(binary (1 (size 12)))", "#B(0 (1 (size 4)))"],
    [
      '(list (binary (1 (size 4))) (binary (300 (size 20))) #"abc" (binary "abc" (1 (size 1))))',
      '(#B((1 (size 4))) #B(0 18 (12 (size 4))) #"abc" #B(97 98 99 (1 (size 1))))',
    ],
    ["(binary (1 (size 0)))", '#""'],
  ];
  for (const [input, printed] of session) {
    const r = await evalText(input);
    assert.equal(r.value, printed, input);
  }
});
