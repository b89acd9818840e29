/**
 * The `node epmd` subcommand, which behaves as the real `epmd` command line does
 * (`-port N`, `-daemon`, `-names`, `-kill`), and {@linkcode ensureEpmd}, with which a starting
 * node makes sure a port mapper is running, starting one from its own executable if none is, so
 * that it outlives the node as `epmd` does.
 *
 * @example
 * ```ts ignore
 * import { runEpmdCommand } from "./epmd_daemon.ts";
 * Deno.exit(await runEpmdCommand(["-names"]));
 * ```
 *
 * @module
 */

import { EpmdError, epmdPort, killEpmd, listNames } from "./epmd_client.ts";
import { serveEpmd } from "./epmd_server.ts";

const USAGE = `usage: node epmd [-port No] [-daemon] [-relaxed_command_check]
       node epmd [-port No] [-names|-kill]`;

/** How long a started daemon has to answer before starting it counts as failed. */
const START_TIMEOUT = 15_000;
const LOCAL = "127.0.0.1";

interface EpmdFlags {
  port: number;
  daemon: boolean;
  action: "serve" | "names" | "kill";
}

/**
 * Runs `node epmd ARGS`: without flags it serves in the foreground until stopped (by a signal or
 * `-kill`); `-daemon` serves detached and returns once the daemon answers; `-names` prints the
 * registered names as `epmd -names` does; `-kill` stops the port mapper. Resolves to the exit
 * code.
 *
 * @example
 * ```ts ignore
 * import { runEpmdCommand } from "./epmd_daemon.ts";
 * const code = await runEpmdCommand(["-port", "4369", "-names"]);
 * // epmd: up and running on port 4369 with data:
 * // name pong at port 36011
 * ```
 */
export async function runEpmdCommand(args: string[]): Promise<number> {
  let flags: EpmdFlags | "help";
  try {
    flags = parseFlags(args);
  } catch (e) {
    console.error(`epmd: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 1;
  }
  if (flags === "help") {
    console.log(USAGE);
    return 0;
  }
  switch (flags.action) {
    case "names":
      return await printNames(flags.port);
    case "kill":
      return await kill(flags.port);
    case "serve":
      return flags.daemon ? await startDaemon(flags.port) : await serveForeground(flags.port);
  }
}

/**
 * Makes sure a port mapper answers on 127.0.0.1:`port`: `"running"` when one already does;
 * otherwise it starts one from this executable (`epmd -port N -daemon`, which detaches the
 * daemon so that it outlives this process, as `erl` starts `epmd -daemon`) and resolves to
 * `"started"` once it answers. Throws an `EpmdError` when it does not answer in time.
 *
 * @example
 * ```ts ignore
 * import { ensureEpmd } from "./epmd_daemon.ts";
 * import { epmdPort } from "./epmd_client.ts";
 * await ensureEpmd(epmdPort()); // "running" or "started"
 * ```
 */
export async function ensureEpmd(port: number): Promise<"running" | "started"> {
  if (await answers(port)) return "running";
  // The daemon is started by a short-lived `-daemon` process rather than from here, so that
  // this process holds no handle on it (nothing to reap, nothing left open).
  const starter = new Deno.Command(Deno.execPath(), {
    ...selfCommand(["epmd", "-port", String(port), "-daemon"], EPMD_PERMISSIONS),
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const guard = setTimeout(() => {
    try {
      starter.kill("SIGKILL");
    } catch { /* ended already */ }
  }, START_TIMEOUT + 5000);
  let why: string;
  try {
    const out = await starter.output();
    why = new TextDecoder().decode(out.stderr).trim();
  } finally {
    clearTimeout(guard);
  }
  if (await answers(port)) return "started";
  throw new EpmdError(
    "unreachable",
    `Cannot start the port mapper on port ${port}: ${why || "it did not answer"}`,
  );
}

function parseFlags(args: string[]): EpmdFlags | "help" {
  const flags: EpmdFlags = { port: 0, daemon: false, action: "serve" };
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    switch (a) {
      case "-port": {
        const text = args[++i];
        const n = Number(text);
        if (text === undefined || !/^\d+$/.test(text) || n < 1 || n > 65535) {
          throw new RangeError(`-port needs a port from 1 to 65535, not ${text ?? "nothing"}`);
        }
        port = n;
        break;
      }
      case "-daemon":
        flags.daemon = true;
        break;
      case "-names":
      case "-kill":
        flags.action = a === "-names" ? "names" : "kill";
        break;
      case "-relaxed_command_check": // this daemon always lets -kill stop it
      case "-d":
      case "-debug":
        break;
      case "-h":
      case "-help":
      case "--help":
        return "help";
      default:
        throw new TypeError(`unknown flag ${a}`);
    }
  }
  flags.port = port ?? epmdPort();
  return flags;
}

async function printNames(port: number): Promise<number> {
  let names;
  try {
    names = await listNames(LOCAL, port);
  } catch {
    console.error("epmd: Cannot connect to local epmd");
    return 1;
  }
  const lines = [`epmd: up and running on port ${names.port} with data:`];
  for (const n of names.names) lines.push(`name ${n.name} at port ${n.port}`);
  console.log(lines.join("\n"));
  return 0;
}

async function kill(port: number): Promise<number> {
  let killed: boolean;
  try {
    killed = await killEpmd(LOCAL, port);
  } catch {
    console.error("epmd: Cannot connect to local epmd");
    return 1;
  }
  console.log(killed ? "Killed" : "Killing not allowed - living nodes in database.");
  return killed ? 0 : 1;
}

async function serveForeground(port: number): Promise<number> {
  let server;
  try {
    server = serveEpmd({ port });
  } catch (e) {
    // As `epmd`: finding a port mapper already on the port is not an error.
    if (e instanceof Deno.errors.AddrInUse && await answers(port)) return 0;
    console.error(`epmd: Cannot listen on port ${port}: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
  const stop = () => void server.close();
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, stop);
  try {
    await server.finished;
  } finally {
    for (const s of signals) Deno.removeSignalListener(s, stop);
  }
  return 0;
}

async function startDaemon(port: number): Promise<number> {
  if (await answers(port)) return 0;
  spawnSelfDetached(["epmd", "-port", String(port)]);
  if (await waitUntilAnswering(port)) return 0;
  console.error(`epmd: the daemon did not answer on port ${port} within ${START_TIMEOUT / 1000} s`);
  return 1;
}

/** Runs `node ARGS` (main.ts's arguments) from this very executable, detached and forgotten. */
export function spawnSelfDetached(args: string[], allow: string[] = EPMD_PERMISSIONS): void {
  const child = new Deno.Command(Deno.execPath(), {
    ...selfCommand(args, allow),
    stdin: "null",
    stdout: "null",
    stderr: "null",
    detached: true,
  }).spawn();
  child.unref();
}

// What the port mapper needs, and no more, when it runs from source.
const EPMD_PERMISSIONS = [
  "--allow-net",
  "--allow-env",
  "--allow-read",
  "--allow-run",
  "--allow-sys",
];

/** The arguments (and directory) that run `node ARGS` with this very executable. */
function selfCommand(args: string[], allow: string[]): { args: string[]; cwd?: string } {
  if (!/(^|[\\/])deno(\.exe)?$/i.test(Deno.execPath())) return { args };
  const main = decodeURIComponent(new URL("../main.ts", import.meta.url).pathname);
  return { args: ["run", ...allow, main, ...args], cwd: main.replace(/[\\/][^\\/]*$/, "") };
}

async function waitUntilAnswering(port: number): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT;
  while (Date.now() < deadline) {
    if (await answers(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Whether a port mapper answers NAMES on 127.0.0.1:`port`. */
async function answers(port: number): Promise<boolean> {
  try {
    await listNames(LOCAL, port, { timeout: 1000 });
    return true;
  } catch {
    return false;
  }
}
