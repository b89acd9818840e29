/**
 * Runs an example as a node of its own, for trying the examples across two terminals before
 * the shell can: `deno run -A examples/tut21.ts -sname pong start-pong` starts node `pong`,
 * calls `tut21:start-pong()` in a process, prints the result as the shell would, and keeps the
 * node running until Ctrl-C. Arguments after the function are atoms, or integers.
 *
 * @module
 */

import { startNode } from "../net/mod.ts";
import { findFunction, printTerm, run, type Term } from "../runtime/mod.ts";

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
  await run(function* () {
    const r = fn(...argTerms);
    const value = isGenerator(r) ? yield* r : r;
    console.log(printTerm(value as Term));
  });
}

function isGenerator(r: unknown): r is Generator<unknown, unknown, unknown> {
  return typeof r === "object" && r !== null && typeof (r as Generator).next === "function";
}
