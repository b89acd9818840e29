/**
 * The `node` executable: launcher, node and (later) shell. For now it starts a local node
 * that runs until it is stopped, as `erl -noshell` does.
 *
 * @module
 */

import { thisNode } from "./runtime/mod.ts";
import { runEpmdCommand } from "./net/epmd_daemon.ts";

/** The version of this runtime. */
export const VERSION = "0.1.0";

const USAGE = `usage: node [-version] [-help]`;

function main(args: string[]): number | undefined | Promise<number> {
  if (args[0] === "epmd") return runEpmdCommand(args.slice(1));
  for (const a of args) {
    if (a === "-version" || a === "--version") {
      console.log(`node (distributed Erlang/LFE on Deno) ${VERSION}`);
      return 0;
    }
    if (a === "-help" || a === "--help" || a === "-h") {
      console.log(USAGE);
      return 0;
    }
    console.error(`node: unknown flag ${a}\n${USAGE}`);
    return 2;
  }
  thisNode();
  // A node with nothing else to wait on still runs until a signal stops it.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const stop = () => {
    clearInterval(keepAlive);
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  return undefined;
}

if (import.meta.main) {
  const code = await main(Deno.args);
  if (code !== undefined) Deno.exit(code);
}
