/**
 * `deno task bench [GROUP...]`: runs the benchmark groups named (all when none) and prints one
 * `name value` line per figure.
 *
 * @module
 */

import { benchLfe } from "./lfe.ts";
import { benchLocal } from "./local.ts";
import { benchOtp } from "./otp.ts";
import { benchRemote } from "./remote.ts";
import { benchStartup } from "./startup.ts";
import { benchWorkers } from "./workers.ts";

const GROUPS: Record<string, (print: (name: string, value: number) => void) => Promise<void>> = {
  local: benchLocal,
  remote: benchRemote,
  lfe: benchLfe,
  workers: benchWorkers,
  startup: benchStartup,
  otp: benchOtp,
};

const print = (name: string, value: number) => console.log(`${name} ${value}`);
const asked = Deno.args.length > 0 ? Deno.args : Object.keys(GROUPS);
for (const g of asked) {
  const run = GROUPS[g];
  if (run === undefined) {
    console.error(`Unknown benchmark group ${g}: the groups are ${Object.keys(GROUPS).join(", ")}`);
    Deno.exit(2);
  }
  await run(print);
}
