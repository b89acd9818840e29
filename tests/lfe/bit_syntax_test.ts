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
