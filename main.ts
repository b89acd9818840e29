/**
 * The `node` executable: launcher, node and (later) shell. With `-sname`/`-name` it starts a
 * distributed node, registered at the port mapper (started if none runs), that runs until
 * SIGINT or SIGTERM stops it cleanly; without, a local node. `node epmd ...` is the port
 * mapper itself.
 *
 * @module
 */

import { CookieError, EpmdError, runEpmdCommand, spawnSelfDetached, startNode } from "./net/mod.ts";
import {
  evalForm,
  formatException,
  installCodePathLoader,
  readAll,
  registerBuiltins,
  setCodePath,
} from "./lfe/mod.ts";
import {
  caught,
  createNode,
  ErlangError,
  run,
  setDefaultNode,
  startSchedulers,
  thisNode,
} from "./runtime/mod.ts";
import {
  completions,
  historyFile,
  LineEditor,
  promptFor,
  runShell,
  runTerminalShell,
  stdinLines,
} from "./shell/mod.ts";

// `-eval`: each expression runs in a process of its own; an error is reported, not fatal.
async function evalAtStart(text: string): Promise<void> {
  await run(function* () {
    try {
      for (const form of readAll(text)) yield* evalForm(form);
    } catch (e) {
      if (e instanceof SyntaxError && !(e instanceof ErlangError)) {
        console.error(`node: -eval: ${e.message}`);
        return;
      }
      const c = caught(e);
      Deno.stderr.writeSync(new TextEncoder().encode(formatException(c.cls, c.reason, c.stack)));
    }
  });
}

/** The version of this runtime. */
export const VERSION = "0.1.0";

const USAGE = `usage: node [-sname NAME | -name NAME[@HOST]] [-setcookie COOKIE]
            [-kernel net_ticktime SECONDS] [-hidden] [-connect_all false]
            [-pa DIR...] [-eval EXPR] [-s MOD [FUN [ARG...]]] [-noshell] [-detached]
            [+S N] [+Sp spread|load] [-version] [-help]
       node epmd [-port PORT] [-daemon] [-names] [-kill]`;

/** The flags of a node, as `erl` spells them. */
export interface Flags {
  sname?: string;
  name?: string;
  setcookie?: string;
  ticktime?: number;
  hidden?: boolean;
  /** `-pa DIR...`: directories added to the code path, in order. */
  pa?: string[];
  /** `-eval EXPR`: LFE evaluated once the node has started. */
  eval?: string[];
  /** `-noshell`: no shell; standard input is left alone. */
  noshell?: boolean;
  /** `-s MOD [FUN [ARG...]]`: calls run once the node has started (FUN defaults to start). */
  s?: string[][];
  /** `-detached`: runs in the background, with no shell and no terminal. */
  detached?: boolean;
  /** `-connect_all false`: no connections to the nodes a new peer knows. */
  connectAll?: boolean;
  /** `+S N`: schedulers (one per core by default). */
  schedulers?: number;
  /** `+Sp spread|load`: where processes started by name go (`load`: the least loaded). */
  placement?: "spread" | "load";
  version?: boolean;
  help?: boolean;
}

/** Reads erl-style flags; throws a RangeError naming the flag for a bad one. */
export function parseFlags(args: string[]): Flags {
  const f: Flags = {};
  const value = (i: number, flag: string): string => {
    const v = args[i];
    if (v === undefined || v.startsWith("-")) throw new RangeError(`missing value for ${flag}`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    switch (a) {
      case "-sname":
        f.sname = value(++i, a);
        break;
      case "-name":
        f.name = value(++i, a);
        break;
      case "-setcookie":
        f.setcookie = value(++i, a);
        break;
      case "-hidden":
        f.hidden = true;
        break;
      case "-noshell":
        f.noshell = true;
        break;
      case "-detached":
        f.detached = true;
        f.noshell = true;
        break;
      case "-s": {
        const call = [value(++i, a)];
        while (i + 1 < args.length && !/^[-+]/.test(args[i + 1] as string)) {
          call.push(args[++i] as string);
        }
        (f.s ??= []).push(call);
        break;
      }
      case "-connect_all": {
        const v = value(++i, a);
        if (v !== "true" && v !== "false") {
          throw new RangeError(`-connect_all takes true or false, not ${v}`);
        }
        f.connectAll = v === "true";
        break;
      }
      case "+S": {
        const v = value(++i, a);
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1024) {
          throw new RangeError(`+S takes a number of schedulers from 1 to 1024, not ${v}`);
        }
        f.schedulers = Number(v);
        break;
      }
      case "+Sp": {
        const v = value(++i, a);
        if (v !== "spread" && v !== "load") {
          throw new RangeError(`+Sp takes spread or load, not ${v}`);
        }
        f.placement = v;
        break;
      }
      case "-pa": {
        const dirs: string[] = [];
        while (i + 1 < args.length && !/^[-+]/.test(args[i + 1] as string)) {
          dirs.push(args[++i] as string);
        }
        if (dirs.length === 0) throw new RangeError("missing value for -pa");
        (f.pa ??= []).push(...dirs);
        break;
      }
      case "-eval":
        (f.eval ??= []).push(value(++i, a));
        break;
      case "-kernel": {
        const key = value(++i, a);
        const v = value(++i, `-kernel ${key}`);
        if (key !== "net_ticktime") throw new RangeError(`unknown kernel parameter ${key}`);
        if (!/^\d+$/.test(v) || Number(v) < 1) {
          throw new RangeError(`net_ticktime must be a number of seconds, not ${v}`);
        }
        f.ticktime = Number(v);
        break;
      }
      case "-version":
      case "--version":
        f.version = true;
        break;
      case "-help":
      case "--help":
      case "-h":
        f.help = true;
        break;
      default:
        throw new RangeError(`unknown flag ${a}`);
    }
  }
  if (f.sname !== undefined && f.name !== undefined) {
    throw new RangeError("-sname and -name cannot both be given");
  }
  return f;
}

// `-detached`: the same command, without -detached, in a process of its own with no terminal.
function detach(args: string[]): number {
  spawnSelfDetached(["-noshell", ...args.filter((a) => a !== "-detached")], ["--allow-all"]);
  return 0;
}

async function main(args: string[]): Promise<number | undefined> {
  if (args[0] === "epmd") return await runEpmdCommand(args.slice(1));
  let flags: Flags;
  try {
    // NODE_ERL_FLAGS come before the command line's, as ERL_AFLAGS do for erl.
    const env = (Deno.env.get("NODE_ERL_FLAGS") ?? "").split(/\s+/).filter((a) => a !== "");
    flags = parseFlags([...env, ...args]);
  } catch (e) {
    console.error(`node: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (flags.version) {
    console.log(`node (distributed Erlang/LFE on Deno) ${VERSION}`);
    return 0;
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.detached) return detach(args);
  let stopNode = () => {};
  // One scheduler per core unless +S says otherwise: the main isolate's and N - 1 workers.
  const count = flags.schedulers ?? navigator.hardwareConcurrency ?? 1;
  // At a terminal, the shell edits lines itself and output from processes goes above them.
  const editor = !flags.noshell && Deno.stdin.isTerminal()
    ? new LineEditor({
      historyFile: historyFile(),
      complete: completions,
      quit: () => {
        editor?.close();
        stopNode();
        Deno.exit(0);
      },
    })
    : undefined;
  if (flags.sname !== undefined || flags.name !== undefined) {
    try {
      const started = await startNode({
        ...(editor !== undefined ? { output: (t: string) => editor.printAbove(t) } : {}),
        ...(flags.sname !== undefined ? { sname: flags.sname } : {}),
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...(flags.setcookie !== undefined ? { setcookie: flags.setcookie } : {}),
        ...(flags.ticktime !== undefined ? { ticktime: flags.ticktime } : {}),
        ...(flags.hidden ? { hidden: true } : {}),
        schedulers: count,
      });
      stopNode = started.stop;
    } catch (e) {
      if (e instanceof CookieError || e instanceof EpmdError || e instanceof RangeError) {
        console.error(`node: ${e.message}`);
        return 1;
      }
      throw e;
    }
  } else if (editor !== undefined) {
    setDefaultNode(createNode({ output: (t) => editor.printAbove(t), schedulers: count }));
  } else setDefaultNode(createNode({ schedulers: count }));
  registerBuiltins();
  const codePath = [".", ...(flags.pa ?? [])];
  setCodePath(codePath);
  installCodePathLoader();
  if (count > 1) {
    try {
      // The workers start in the background: the prompt does not wait for them.
      const s = startSchedulers(thisNode(), {
        count,
        placement: flags.placement ?? "load",
        entry: new URL("./scheduler.ts", import.meta.url),
        data: { codePath },
      });
      const stopBefore = stopNode;
      stopNode = () => {
        s.stop();
        stopBefore();
      };
    } catch (e) {
      console.error(`node: ${(e as Error).message}`);
      return 1;
    }
  }
  for (const text of flags.eval ?? []) await evalAtStart(text);
  for (const [mod, fun = "start", ...rest] of flags.s ?? []) {
    await evalAtStart(`(: ${mod} ${fun}${rest.length > 0 ? ` '(${rest.join(" ")})` : ""})`);
  }
  if (!flags.noshell) {
    const node = thisNode();
    const options = {
      prompt: promptFor(node),
      banner: `node (distributed Erlang/LFE on Deno) ${VERSION} [deno ${Deno.version.deno}]\n\n` +
        `LFE Shell V${VERSION} (abort with ^G)\n`,
      stop: (code: number) => {
        editor?.close();
        stopNode();
        Deno.exit(code);
      },
      write: (text: string) => {
        if (editor !== undefined) editor.printAbove(text);
        else Deno.stdout.writeSync(new TextEncoder().encode(text));
      },
    };
    if (editor !== undefined) {
      editor.start();
      void runTerminalShell(node, editor, options);
    } else void runShell(node, stdinLines(), options);
  }
  // A node with nothing else to wait on still runs until a signal stops it.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const stop = () => {
    clearInterval(keepAlive);
    stopNode();
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
