/**
 * What of OTP 25's standard library this node has: for each module of
 * `otp25_exports.txt` (written by `tools/otp_exports.escript` on erl), the functions OTP
 * exports that are missing here, printed per module. Each module may miss at most as many as
 * `MISSING_AT_MOST` allows: the figures only go down, as functions are implemented, and a
 * module whose figure is 0 has all of OTP's.
 */

import assert from "node:assert/strict";
import { registerBuiltins } from "../../../lfe/mod.ts";
import { installCodePathLoader } from "../../../lfe/loader.ts";
import { findFunction } from "../../../runtime/mod.ts";

registerBuiltins();
installCodePathLoader();

/** How many of each module's exports may still be missing. */
const MISSING_AT_MOST: Record<string, number> = {
  lists: 0,
  maps: 0,
  string: 0,
  binary: 0,
  unicode: 0,
  proplists: 0,
  queue: 0,
  sets: 0,
  ordsets: 0,
  orddict: 0,
  dict: 0,
  gb_trees: 0,
  gb_sets: 0,
  array: 0,
  io_lib: 0,
  io: 0,
  math: 0,
  rand: 0,
  base64: 0,
  calendar: 0,
  re: 0,
  crypto: 0,
  erlang: 14,
  timer: 0,
  filename: 0,
  file: 2,
  os: 0,
  net_adm: 0,
  net_kernel: 18,
};

async function reference(): Promise<Map<string, string[]>> {
  const text = await Deno.readTextFile(new URL("./otp25_exports.txt", import.meta.url));
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [m, ...fs] = line.split(" ");
    out.set(m as string, fs);
  }
  return out;
}

function missing(module: string, exports: string[]): string[] {
  return exports.filter((f) => {
    const i = f.lastIndexOf("/");
    return findFunction(module, f.slice(0, i), Number(f.slice(i + 1))) === undefined;
  });
}

Deno.test("OTP 25's exports of the standard library's modules: what is missing here", async () => {
  const ref = await reference();
  assert.deepEqual([...ref.keys()].sort(), Object.keys(MISSING_AT_MOST).sort());
  let total = 0, have = 0;
  const over: string[] = [];
  for (const [m, fs] of ref) {
    const gone = missing(m, fs);
    total += fs.length;
    have += fs.length - gone.length;
    if (gone.length > 0) {
      console.log(`${m}: ${gone.length} of ${fs.length} missing: ${gone.join(" ")}`);
    }
    if (gone.length > (MISSING_AT_MOST[m] as number)) {
      over.push(`${m} misses ${gone.length} (at most ${MISSING_AT_MOST[m]}): ${gone.join(" ")}`);
    }
  }
  console.log(`${have} of ${total} functions of OTP 25 are here`);
  assert.deepEqual(over, []);
});

Deno.test("every module answers module_info/0,1 and function_exported/3 sees its functions", () => {
  const exported = findFunction("erlang", "function_exported", 3)!;
  for (const m of ["lists", "gb_sets", "ets", "erlang", "io_lib"]) {
    const info = findFunction(m, "module_info", 1)!;
    assert.equal(info("module"), m);
  }
  assert.equal(exported("gb_sets", "union", 2), true);
  assert.equal(exported("gb_sets", "union", 3), false);
});
