/**
 * Runs LFE's own test suites (the `test/` folder of a checkout of lfe/lfe) on this runtime, as a
 * small stand-in for common_test and EUnit: for a `*_SUITE.lfe` file every case that `all/0`
 * names is called with a config holding `data_dir`; for an EUnit file every exported
 * `*_test/0`. A case passes when it returns; it fails when it raises (or its file does not
 * compile). Prints each failure and the count.
 *
 * ```sh
 * deno run --allow-all tools/lfe_suites.ts /path/to/lfe [suite ...]
 * ```
 *
 * @module
 */

import { compileAndLoad, LfeFileError, registerBuiltins } from "../lfe/mod.ts";
import { installCodePathLoader, setCodePath } from "../lfe/loader.ts";
import {
  arrayToList,
  caught,
  charlist,
  createNode,
  defineModule,
  findFunction,
  listToArray,
  printTerm,
  resolve,
  run,
  setDefaultNode,
  type Term,
} from "../runtime/mod.ts";

/** The suites LFE's `make test` runs, and how. */
const SUITES: { file: string; kind: "ct" | "eunit" }[] = [
  { file: "guard_SUITE.lfe", kind: "ct" },
  { file: "andor_SUITE.lfe", kind: "ct" },
  { file: "eval_SUITE.lfe", kind: "ct" },
  { file: "maybe_SUITE.lfe", kind: "ct" },
  { file: "tqstring_SUITE.lfe", kind: "ct" },
  { file: "clj-tests.lfe", kind: "eunit" },
  { file: "maps-tests.lfe", kind: "eunit" },
];

const lfeDir = Deno.args[0] ?? Deno.env.get("LFE_DIR");
if (lfeDir === undefined) {
  console.error("usage: lfe_suites.ts LFE_DIR [suite ...]");
  Deno.exit(2);
}
const only = Deno.args.slice(1);
const testDir = `${lfeDir}/test`;

registerBuiltins();
const out: string[] = [];
setDefaultNode(createNode({ output: (s) => out.push(s) }));
setCodePath([testDir]);
installCodePathLoader();
// common_test's config lookup, which LFE's `test_server.lfe` macros call.
defineModule("test_server", {
  "lookup_config/2": (key: Term, config: Term) => {
    for (const p of listToArray(config)) {
      if (Array.isArray(p) && p[0] === key) return p[1] as Term;
    }
    return "undefined";
  },
});

let passed = 0, failed = 0;
const fail = (what: string, why: string) => {
  failed++;
  console.log(`FAIL ${what}: ${why}`);
};

for (const suite of SUITES) {
  if (only.length > 0 && !only.some((o) => suite.file.startsWith(o))) continue;
  let module: string;
  try {
    module = compileAndLoad(`${testDir}/${suite.file}`).name;
  } catch (e) {
    fail(suite.file, e instanceof LfeFileError ? e.message : String(e));
    continue;
  }
  const cases: { name: string; args: Term[] }[] = [];
  if (suite.kind === "ct") {
    const all = await call(module, "all", []);
    const dataDir = charlist(`${testDir}/${suite.file.replace(/\.lfe$/, "_data")}/`);
    let config: Term = arrayToList([["data_dir", dataDir]]);
    if (findFunction(module, "init_per_suite", 1) !== undefined) {
      const init = await call(module, "init_per_suite", [config]);
      if (init.ok) config = init.value;
      else fail(`${module}:init_per_suite/1`, init.why);
    }
    if (all.ok) {
      for (const c of listToArray(all.value)) cases.push({ name: String(c), args: [config] });
    } else fail(`${module}:all/0`, all.why);
  } else {
    const info = await call(module, "module_info", ["exports"]);
    if (!info.ok) fail(`${module}:module_info/1`, info.why);
    for (const e of info.ok ? listToArray(info.value) : []) {
      const [name, arity] = e as [string, number];
      if (arity === 0 && name.endsWith("_test")) cases.push({ name, args: [] });
    }
  }
  let ok = 0;
  for (const c of cases) {
    const r = await call(module, c.name, c.args);
    if (r.ok) ok++;
    else fail(`${module}:${c.name}`, r.why);
  }
  passed += ok;
  console.log(`${module}: ${ok} of ${cases.length} passed`);
}
if (out.length > 0 && Deno.env.get("SHOW_OUTPUT")) console.log(out.join(""));
console.log(`${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);

async function call(
  module: string,
  name: string,
  args: Term[],
): Promise<{ ok: true; value: Term } | { ok: false; why: string }> {
  const f = findFunction(module, name, args.length);
  if (f === undefined) {
    return { ok: false, why: `undefined function ${module}:${name}/${args.length}` };
  }
  let result: { ok: true; value: Term } | { ok: false; why: string } = {
    ok: false,
    why: "did not finish",
  };
  await run(function* () {
    try {
      const value = yield* resolve(f(...args));
      result = { ok: true, value };
    } catch (e) {
      const c = caught(e);
      const detail = e instanceof Error && e.message !== "" && !e.message.includes("reason is")
        ? ` (${e.message})`
        : "";
      result = { ok: false, why: `${printTerm(c.reason, { depth: 12 })}${detail}` };
    }
  });
  return result;
}
