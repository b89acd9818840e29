/**
 * The programs of tests/lfe/programs: each `NAME.lfe` whose `NAME.out` holds what real LFE 2.2
 * printed for it (see that folder's README.md and tools/record_lfe_programs.sh), run on this
 * runtime's node as a user runs one, and compared line by line.
 */

const ROOT = new URL("../../", import.meta.url).pathname;

/** The folder of the programs and their recorded output. */
export const PROGRAMS_DIR = `${ROOT}tests/lfe/programs`;

/** A program and what real LFE printed for it. */
export interface Program {
  name: string;
  /** Standard output of `lfe -pa EBIN -e '(NAME:main)'`. */
  expected: string;
  /** Its exit status (`NAME.exit`, 0 when there is none). */
  status: number;
}

/** The programs that have a recorded output, sorted by name. */
export function listPrograms(): Program[] {
  const names: string[] = [];
  for (const e of Deno.readDirSync(PROGRAMS_DIR)) {
    const m = /^(.+)\.lfe$/.exec(e.name);
    if (e.isFile && m?.[1] !== undefined && exists(`${PROGRAMS_DIR}/${m[1]}.out`)) names.push(m[1]);
  }
  return names.sort().map((name) => ({
    name,
    expected: Deno.readTextFileSync(`${PROGRAMS_DIR}/${name}.out`),
    status: exists(`${PROGRAMS_DIR}/${name}.exit`)
      ? Number(Deno.readTextFileSync(`${PROGRAMS_DIR}/${name}.exit`).trim())
      : 0,
  }));
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** What one run of a program on our node gave. */
export interface ProgramRun {
  stdout: string;
  stderr: string;
  status: number;
  /** The node had not ended when its time was up, and was killed. */
  timedOut: boolean;
}

/**
 * Runs `NAME:main` on a node of ours, in the programs folder with a temporary `HOME`, as
 * `node -noshell -pa DIR -eval '(NAME:main)' -eval '(init:stop)'`: the same as `lfe -e`, which
 * evaluates the call and then stops the node (with status 127 when the call raises).
 */
export async function runProgram(name: string, timeoutMs = 20_000): Promise<ProgramRun> {
  const home = await Deno.makeTempDir({ prefix: "lfe_program_" });
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--allow-all",
        `${ROOT}main.ts`,
        "-noshell",
        "-pa",
        PROGRAMS_DIR,
        "-eval",
        `(${name}:main)`,
        "-eval",
        "(init:stop)",
      ],
      cwd: PROGRAMS_DIR,
      // One scheduler: a fun made by a program (a logger filter, say) runs only on the
      // scheduler that made it, so a process placed on another would not see it.
      env: { HOME: home, NODE_ERL_FLAGS: "+S 1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const out = await child.output();
    clearTimeout(timer);
    const dec = new TextDecoder();
    return {
      stdout: dec.decode(out.stdout),
      stderr: dec.decode(out.stderr),
      status: out.code,
      timedOut,
    };
  } finally {
    await Deno.remove(home, { recursive: true });
  }
}

/**
 * What must differ between two nodes is made the same: pid numbers, the time in an error
 * report's heading, the hash BEAM gives a fun, references and ports.
 */
export function normalise(text: string): string {
  return text
    .replace(/<\d+\.\d+\.\d+>/g, "<PID>")
    .replace(/^(=[A-Z ]+ REPORT==== ).*( ===)$/gm, "$1<DATE>$2")
    .replace(/#Fun<([^.<>\s]+)\.(\d+)\.\d+((?:\/\d+)?)>/g, "#Fun<$1.$2.HASH$3>")
    .replace(/#Ref<[\d.]+>/g, "#Ref<REF>")
    .replace(/#Port<[\d.]+>/g, "#Port<PORT>");
}

/** How a run differs from the recording, or `undefined` when it prints and ends the same. */
export function compareRun(p: Program, run: ProgramRun): string | undefined {
  const want = normalise(p.expected);
  const got = normalise(run.stdout);
  if (want === got && p.status === run.status && !run.timedOut) return undefined;
  const report: string[] = [];
  if (run.timedOut) report.push("the node was still running when its time was up, and was killed");
  if (want !== got) report.push(...lineDiff(want, got));
  if (p.status !== run.status) {
    report.push(`exit status: LFE 2.2 ended with ${p.status}, this node with ${run.status}`);
  }
  if (run.stderr.trim() !== "") {
    const lines = run.stderr.trimEnd().split("\n");
    report.push("standard error of this node:", ...lines.slice(0, 20).map((l) => `  ${l}`));
    if (lines.length > 20) report.push(`  ... ${lines.length - 20} more lines`);
  }
  return report.join("\n");
}

/** The first line where a run differs from the recording, for a one-line summary. */
export function firstDifference(p: Program, run: ProgramRun): string {
  if (run.timedOut) return "timed out";
  const want = splitLines(normalise(p.expected));
  const got = splitLines(normalise(run.stdout));
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return `line ${i + 1}: expected ${show(want[i])}, got ${show(got[i])}`;
    }
  }
  return `exit status ${run.status}, expected ${p.status}`;
}

function show(line: string | undefined): string {
  return line === undefined ? "end of output" : JSON.stringify(line);
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const MAX_DIFF_LINES = 80;

/**
 * A line diff of two texts: the first line that differs, then every line, unchanged ones
 * marked with a space, LFE's with `-`, ours with `+` (at most 80 lines).
 */
export function lineDiff(expected: string, actual: string): string[] {
  const a = splitLines(expected);
  const b = splitLines(actual);
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const out = [
    `output differs from LFE 2.2's from line ${first + 1}:`,
    `  LFE 2.2:   ${show(a[first])}`,
    `  this node: ${show(b[first])}`,
    "--- LFE 2.2",
    "+++ this node",
  ];
  const ops = diffOps(a, b);
  for (const line of ops.slice(0, MAX_DIFF_LINES)) out.push(line);
  if (ops.length > MAX_DIFF_LINES) out.push(`... ${ops.length - MAX_DIFF_LINES} more lines`);
  return out;
}

// The longest common subsequence of the lines, as a diff script.
function diffOps(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j]
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push(`  ${a[i++]}`);
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push(`- ${a[i++]}`);
    } else {
      ops.push(`+ ${b[j++]}`);
    }
  }
  return ops;
}

/**
 * Runs tasks at most `limit` at a time, in the order they were asked for; each answer is a
 * promise of that task's result.
 */
export class Pool {
  #limit: number;
  #running = 0;
  #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Queues `task`; answers its result when it has run. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running++;
        task().then(resolve, reject).finally(() => {
          this.#running--;
          this.#waiting.shift()?.();
        });
      };
      if (this.#running < this.#limit) start();
      else this.#waiting.push(start);
    });
  }
}
