/**
 * Runs an example as a node of its own, for trying the examples across two terminals before
 * the shell can: `deno run -A examples/tut21.ts -sname pong start-pong` starts node `pong`,
 * calls `tut21:start-pong()` in a process, prints the result as the shell would, and ends once
 * every process the call started has finished (a node given no function runs until Ctrl-C).
 * Arguments after the function are atoms, or integers.
 *
 * @module
 */

import { startNode } from "../net/mod.ts";
import { findFunction, printTerm, run, type Term, thisNode } from "../runtime/mod.ts";

/** Starts the node the flags name and calls `module:fun(args...)` if a function is given. */
export async function runExample(module: string, argv: string[]): Promise<void> {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith("-") && i + 1 < argv.length && rest.length === 0) {
      flags[a.slice(1)] = argv[++i] as string;
    } else rest.push(a);
  }
  const ticktime = flags["net_ticktime"];
  const started = await startNode({
    ...(flags["sname"] !== undefined ? { sname: flags["sname"] } : {}),
    ...(flags["name"] !== undefined ? { name: flags["name"] } : {}),
    ...(flags["setcookie"] !== undefined ? { setcookie: flags["setcookie"] } : {}),
    ...(ticktime !== undefined ? { ticktime: Number(ticktime) } : {}),
  });
  const stop = () => {
    started.stop();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  const [fun, ...args] = rest;
  if (fun === undefined) return;
  const fn = findFunction(module, fun, args.length);
  if (fn === undefined) throw new Error(`No function ${module}:${fun}/${args.length}`);
  const argTerms: Term[] = args.map((a) => /^-?\d+$/.test(a) ? Number(a) : a);
  const node = thisNode();
  const before = new Set(node.processes().map((p) => p.pid.id));
  await run(function* () {
    const r = fn(...argTerms);
    const value = isGenerator(r) ? yield* r : r;
    console.log(printTerm(value as Term));
  });
  // Done once no process started since the call is left, and nothing came for a moment (the
  // last lines of a process on another node may still be on their way here).
  for (let quiet = 0; quiet < 3;) {
    await new Promise((r) => setTimeout(r, 100));
    const busy = node.processes().some((p) => !before.has(p.pid.id));
    quiet = busy ? 0 : quiet + 1;
  }
  stop();
}

function isGenerator(r: unknown): r is Generator<unknown, unknown, unknown> {
  return typeof r === "object" && r !== null && typeof (r as Generator).next === "function";
}
