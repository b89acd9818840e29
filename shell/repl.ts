/**
 * The LFE shell of the `node` executable: reads forms from a terminal (with job control) or
 * from standard input, has them evaluated by a shell on this node or another (`-remsh`), which
 * prints each value in LFE syntax (or the exception as LFE prints it). Variables set at the
 * prompt stay; an evaluator that dies is replaced, and the shell goes on. Everything a shell
 * writes goes through this node's group leader, in order with what other processes print.
 *
 * @module
 */

import { getCodePath } from "../lfe/mod.ts";
import { findModule, isHalting, loadedModules, type Node } from "../runtime/mod.ts";
import { decodeInput } from "./_input.ts";
import { FormReader } from "./form_reader.ts";
import { ShellJob } from "./job.ts";
import type { JobControl } from "./jobs.ts";

/** Options of a shell. */
export interface ShellOptions {
  /** The prompt of a shell evaluating on a node: `(ping@kosken)lfe> `. */
  prompt: (node: string) => string;
  /** The banner printed first. */
  banner: string;
  /** Called at the end of input, and by the menu's quit. */
  stop: (code: number) => void;
  /** Writes the banner (and first prompt) at once, before any process runs. */
  write: (text: string) => void;
  /** The node the shell evaluates on (`-remsh`); this node by default. */
  target?: string;
}

/** The prompt of a shell evaluating on `node`: `(name)lfe> ` when distributed, else `lfe> `. */
export function promptFor(node: string): string {
  return node === "nonode@nohost" ? "lfe> " : `(${node})lfe> `;
}

/**
 * Runs the shell over `lines` (standard input read line by line, not a terminal): forms may
 * span lines; each complete form is evaluated as it comes, and the prompt is written after its
 * value in the same write, so a session reads as it would at a terminal.
 */
export async function runShell(
  node: Node,
  lines: AsyncIterable<string>,
  o: ShellOptions,
): Promise<void> {
  const job = new ShellJob(node, {
    ...(o.target !== undefined ? { target: o.target } : {}),
    onEnd: (text) => o.write(text),
  });
  const prompt = o.prompt(job.target);
  o.write(o.banner);
  if (!(await job.started())) return o.stop(1);
  o.write(prompt);
  const reader = new FormReader();
  for await (const line of lines) {
    if (isHalting()) return;
    const ev = reader.push(line);
    if (ev === undefined) continue;
    if (ev.kind === "error") o.write(`${ev.text}\n${prompt}`);
    else await job.evaluate(ev.form, prompt);
    if (job.ended) return o.stop(1);
  }
  const ev = reader.end();
  if (ev?.kind === "error") o.write(`${ev.text}\n`);
  else if (ev?.kind === "form") await job.evaluate(ev.form, "");
  o.stop(0);
}

/**
 * Runs the shell at a terminal: the line editor draws the prompt and the line being typed,
 * output from other processes is written above it, and Ctrl-G gives the job control menu.
 */
export async function runTerminalShell(jobs: JobControl, o: ShellOptions): Promise<void> {
  o.write(o.banner);
  const first = jobs.start(o.target);
  if (!(await first.started())) return o.stop(1);
  await jobs.run();
}

/**
 * Lines of standard input, without their newline. A line that is not UTF-8 is read as Latin-1
 * and `onLatin1` told of it.
 */
export async function* stdinLines(onLatin1: () => void = () => {}): AsyncGenerator<string> {
  let rest = new Uint8Array(0);
  const line = (b: Uint8Array) => {
    const d = decodeInput(b);
    if (!d.utf8) onLatin1();
    return d.text;
  };
  for await (const chunk of Deno.stdin.readable) {
    const all = new Uint8Array(rest.length + chunk.length);
    all.set(rest);
    all.set(chunk, rest.length);
    let start = 0;
    for (let i = all.indexOf(10); i >= 0; i = all.indexOf(10, start)) {
      yield line(all.subarray(start, i));
      start = i + 1;
    }
    rest = all.slice(start);
  }
  if (rest.length > 0) yield line(rest);
}

/** Where the shell keeps its history across runs: `~/.lfe_node_history`. */
export function historyFile(): string | undefined {
  const home = Deno.env.get("HOME");
  return home === undefined ? undefined : `${home}/.lfe_node_history`;
}

/** Tab completion: module names, or after `mod:` the functions `mod` exports. */
export function completions(word: string): string[] {
  const colon = word.indexOf(":");
  if (colon > 0) {
    const mod = word.slice(0, colon);
    const fns = findModule(mod);
    if (fns === undefined) return [];
    const names = [...new Set(Object.keys(fns).map((k) => k.replace(/\/\d+$/, "")))];
    return names.map((n) => `${mod}:${n}`).filter((c) => c.startsWith(word)).sort();
  }
  const mods = new Set(loadedModules());
  for (const dir of getCodePath()) {
    try {
      for (const e of Deno.readDirSync(dir)) {
        if (e.isFile && e.name.endsWith(".lfe")) mods.add(e.name.slice(0, -4));
      }
    } catch { /* a directory that is not there */ }
  }
  return [...mods].filter((m) => m.startsWith(word)).sort().map((m) => m + ":");
}
