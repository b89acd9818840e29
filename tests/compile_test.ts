/** `deno task compile` (tools/compile.ts) refuses a `DENORT_BIN` that is not a denort, and embeds
 * only what runs. No test compiles for real: that needs Deno's denort, which is downloaded. */
import assert from "node:assert/strict";
import { runDeno } from "./_run.ts";

const DENO = Deno.execPath();
const VERSION = Deno.version.deno;

/** Runs the compile task into a fresh directory, with `DENORT_BIN` set; returns what it said and
 * what it left in that directory. */
async function compile(denort: string, ...args: string[]) {
  const dir = await Deno.makeTempDir();
  try {
    const r = await runDeno(["task", "-q", "compile", ...args, "--output", `${dir}/node`], {
      DENORT_BIN: denort,
    });
    return { ...r, written: [...Deno.readDirSync(dir)].map((e) => e.name) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("compile refuses DENORT_BIN set to the deno CLI, and writes nothing", async () => {
  const r = await compile(DENO);
  assert.equal(r.code, 1);
  assert.ok(
    r.stderr.includes(
      `compile: DENORT_BIN=${DENO} is not a denort binary (it answers "deno ${VERSION} (`,
    ),
    r.stderr,
  );
  assert.match(r.stderr, new RegExp(`set it to Deno's denort runtime of version ${VERSION}`));
  assert.match(r.stderr, /or unset it to download it\n$/);
  assert.deepEqual(r.written, []);
});

Deno.test("compile refuses DENORT_BIN naming no file", async () => {
  const dir = await Deno.makeTempDir();
  const r = await compile(`${dir}/denort`);
  await Deno.remove(dir);
  assert.equal(r.code, 1);
  assert.ok(
    r.stderr.includes(`compile: DENORT_BIN=${dir}/denort does not exist: set it to`),
    r.stderr,
  );
  assert.deepEqual(r.written, []);
});

Deno.test("compile refuses DENORT_BIN built for another system than --target", async () => {
  const other = Deno.build.target === "aarch64-apple-darwin"
    ? "x86_64-pc-windows-msvc"
    : "aarch64-apple-darwin";
  const r = await compile(DENO, "--target", other);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`is a \\w+ \\w+ binary, not one for ${other}: set it to`));
  assert.deepEqual(r.written, []);
});

Deno.test("compile refuses an unknown argument with the usage and exit code 2", async () => {
  const r = await runDeno(["task", "-q", "compile", "--bogus"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /compile: unexpected --bogus\nusage: deno task compile/);
});

Deno.test("what runs imports no npm package, so the executable leaves node_modules out", async () => {
  for (const entry of ["main.ts", "scheduler.ts"]) {
    const r = await runDeno(["info", "--json", entry]);
    assert.equal(r.code, 0, r.stderr);
    const graph = JSON.parse(r.stdout) as {
      modules: { specifier: string }[];
      npmPackages?: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(graph.npmPackages ?? {}), [], entry);
    const outside = graph.modules.map((m) => m.specifier)
      .filter((s) => !s.startsWith("file:") && !s.startsWith("node:"));
    assert.deepEqual(outside, [], entry);
    const unneeded = graph.modules.map((m) => m.specifier)
      .filter((s) => /\/(node_modules|tests|bench)\//.test(s));
    assert.deepEqual(unneeded, [], entry);
  }
});
