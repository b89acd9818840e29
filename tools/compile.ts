/**
 * Builds the single executable with `deno compile` (what `deno task compile` runs, here and in the
 * release workflow): `deno task compile [--target TARGET] [--output FILE]`, by default `./node` for
 * this machine. `deno compile` copies Deno's runtime, `denort`, and puts the program into it. It
 * takes the file that `DENORT_BIN` names without looking at it, so a `deno` CLI there gives a copy
 * of Deno that never runs the program: this script first makes sure that file is a denort of this
 * Deno's version for the target, and where `DENORT_BIN` is unset and the download of denort fails,
 * says what to do.
 *
 * A denort is told apart by what it does: run with no program in it, it answers "error: Could not
 * find standalone binary section." (the `deno` CLI answers `--version` with "deno 2.9.6 (...)",
 * and has no such message in it). A denort for another machine cannot be run here, so there the
 * message is looked for in the file's bytes; its header must name the target's system and
 * processor, and its user agent string ("Deno/2.9.6") this Deno's version.
 */

/** The flags of the executable: its permissions, and what it embeds (only what runs: the graph
 * of `main.ts` imports no npm package, and `scheduler.ts` is each scheduler's worker entry). */
const FLAGS = [
  ...["--allow-net", "--allow-read", "--allow-write", "--allow-env", "--allow-run", "--allow-sys"],
  ...["--exclude", "node_modules", "--include", "scheduler.ts"],
  // Deeper recursion than V8's default allows, within the stack of a scheduler's thread.
  "--v8-flags=--stack-size=3000",
];

const LOADER = "Could not find standalone binary section.";
const VERSION = Deno.version.deno;
const enc = new TextEncoder();

/** Where `needle` first occurs in `bytes` from `from`, or -1. */
function find(bytes: Uint8Array, needle: string, from = 0): number {
  const n = enc.encode(needle);
  for (let i = bytes.indexOf(n[0]!, from); i >= 0; i = bytes.indexOf(n[0]!, i + 1)) {
    if (n.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}

/** "linux x86_64", "darwin aarch64", "windows x86_64"... from a target triple. */
function platformOfTarget(target: string): string {
  const os = target.includes("linux") ? "linux" : target.includes("darwin") ? "darwin" : "windows";
  return `${os} ${target.split("-")[0]}`;
}

/** The system and processor an executable's header names, or null for no known executable. */
function platformOfBinary(b: Uint8Array): string | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // ELF e_machine, Mach-O cputype, PE machine
  const arch = (m: number) =>
    ({ 0x3e: "x86_64", 0xb7: "aarch64", 0x1000007: "x86_64", 0x100000c: "aarch64" })[m] ??
      ({ 0x8664: "x86_64", 0xaa64: "aarch64" })[m] ?? `machine 0x${m.toString(16)}`;
  if (b.length < 64) return null;
  if (v.getUint32(0) === 0x7f454c46) return `linux ${arch(v.getUint16(18, true))}`;
  if (v.getUint32(0) === 0xcffaedfe) return `darwin ${arch(v.getUint32(4, true))}`;
  const pe = v.getUint32(0x3c, true);
  if (v.getUint16(0) === 0x4d5a && pe + 6 <= b.length && v.getUint32(pe) === 0x50450000) {
    return `windows ${arch(v.getUint16(pe + 4, true))}`;
  }
  return null;
}

/** What the program at `path` prints when asked `--version` (at most 10 s), or null if it
 * cannot be run. */
async function answer(path: string): Promise<string | null> {
  try {
    const out = await new Deno.Command(path, {
      args: ["--version"],
      stdin: "null",
      signal: AbortSignal.timeout(10_000),
    }).output();
    return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  } catch {
    return null;
  }
}

/** Why the file `path` cannot serve as denort for `target`, or null if it can. */
async function refusal(path: string, target: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    return e instanceof Deno.errors.NotFound ? "does not exist" : `cannot be read (${e})`;
  }
  const platform = platformOfBinary(bytes);
  if (platform === null) return "is not an executable";
  if (platform !== platformOfTarget(target)) {
    return `is a ${platform} binary, not one for ${target}`;
  }
  const said = platform === platformOfTarget(Deno.build.target) ? await answer(path) : null;
  if (said !== null ? !said.includes(LOADER) : find(bytes, LOADER) < 0) {
    const first = said?.trim().split("\n")[0];
    const why = first ? `it answers "${first}"` : said === "" ? "it answers nothing" : "";
    return `is not a denort binary${why ? ` (${why})` : ""}`;
  }
  const versions = new Set<string>();
  for (let i = find(bytes, "Deno/"); i >= 0; i = find(bytes, "Deno/", i + 1)) {
    const m = /^Deno\/(\d+\.\d+\.\d+)(?![\d.])/.exec(
      new TextDecoder().decode(bytes.subarray(i, i + 20)),
    );
    if (m) versions.add(m[1]!);
  }
  if (versions.size > 0 && !versions.has(VERSION)) return `is denort ${[...versions].join(", ")}`;
  return null;
}

function fail(message: string, code = 1): never {
  console.error(`compile: ${message}`);
  Deno.exit(code);
}

if (import.meta.main) {
  const args = [...Deno.args];
  const opts: Record<string, string> = {};
  while (args.length > 0) {
    const [flag, value] = args.splice(0, 2);
    if ((flag !== "--target" && flag !== "--output") || value === undefined) {
      fail(`unexpected ${flag}\nusage: deno task compile [--target TARGET] [--output FILE]`, 2);
    }
    opts[flag.slice(2)] = value;
  }
  const target = opts.target ?? Deno.build.target;
  const denort = Deno.env.get("DENORT_BIN");
  const fix =
    `set it to Deno's denort runtime of version ${VERSION} for ${target}, or unset it to download it`;
  if (denort !== undefined) {
    const why = await refusal(denort, target);
    if (why !== null) fail(`DENORT_BIN=${denort} ${why}: ${fix}`);
  }
  const root = new URL("../", import.meta.url);
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "compile",
      ...FLAGS,
      ...(opts.target ? ["--target", opts.target] : []),
      "--output",
      opts.output ?? "node",
      "main.ts",
    ],
    cwd: root,
    stdin: "null",
    stderr: "piped",
  }).spawn();
  let said = "";
  const dec = new TextDecoder();
  for await (const chunk of child.stderr) {
    said += dec.decode(chunk, { stream: true });
    await Deno.stderr.write(chunk);
  }
  const { code } = await child.status;
  // A failed download ends in an error naming the zip it tried.
  const url = /https?:\/\/\S+\/denort-\S+\.zip/.exec(said.slice(said.indexOf("error:")))?.[0];
  if (code !== 0 && denort === undefined && url !== undefined) {
    fail(
      `Deno's runtime could not be downloaded (${url}): set DENORT_BIN to a denort binary of ` +
        `version ${VERSION} for ${target} (the one in that zip), or build where it can be downloaded`,
    );
  }
  Deno.exit(code);
}
