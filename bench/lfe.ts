/**
 * The LFE workload: the thread ring of `bench/ring.lfe` (503 processes passing a counter
 * 10,000,000 times), compiled by our LFE compiler and run by our node. The same file run by
 * real LFE on BEAM is its anchor.
 *
 * @module
 */

import { loadFile, registerBuiltins } from "../lfe/mod.ts";
import { findFunction, type Proc, resolve, run, type Term } from "../runtime/mod.ts";

function* ring(procs: number, count: number): Proc<Term> {
  const start = findFunction("ring", "start", 2);
  if (start === undefined) throw new Error("ring:start/2 is not loaded");
  return yield* resolve(start(procs, count));
}

/** Runs the lfe group, printing one line per figure. */
export async function benchLfe(print: (name: string, value: number) => void): Promise<void> {
  registerBuiltins();
  loadFile(new URL("./ring.lfe", import.meta.url).pathname);
  let rate: Term = 0;
  for (let i = 0; i < 2; i++) await run(ring, 503, 1_000_000);
  await run(function* () {
    rate = yield* ring(503, 10_000_000);
  });
  print("lfe_ring_msgs_per_s", rate as number);
}
