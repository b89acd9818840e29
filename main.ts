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
  installCodePathLoader,
  LfeSyntaxError,
  readAll,
  registerBuiltins,
  setCodePath,
  warmOtpModules,
} from "./lfe/mod.ts";
import {
  createNode,
  type DeviceOptions,
  ping,
  putChars,
  run,
  setDefaultNode,
  setHaltHandler,
  startSchedulers,
  stdinReader,
  type Term,
  thisNode,
} from "./runtime/mod.ts";
import {
  completions,
  evalTop,
  exceptionText,
  fullNodeName,
  historyFile,
  JobControl,
  LineEditor,
  NOT_UTF8,
  promptFor,
  registerShellModules,
  runShell,
  runTerminalShell,
  ShellState,
  stdinLines,
} from "./shell/mod.ts";

// `-eval` and `-s`: the forms run as LFE's shell runs `lfe -eval` strings, one after another
// in one process with one shell state (so `(set x 1)` then `x` works). An exception is
// printed as lfe_init prints it and stops the node with status 127; a form that cannot be
// read is reported and stops it too.
// The messages go through the group leader, as LFE's do, so they are in its encoding.
async function evalAtStart(texts: string[]): Promise<number> {
  let status = 0;
  await run(function* () {
    const st = new ShellState();
    for (const text of texts) {
      let forms: Term[];
      try {
        forms = readAll(text);
      } catch (e) {
        if (!(e instanceof LfeSyntaxError)) throw e;
        yield* putChars(`lfe:${e.lfeLine}: ${e.lfe}\n`);
        status = 127;
        return;
      }
      try {
        for (const form of forms) yield* evalTop(form, st);
      } catch (e) {
        // As LFE's -e prints it: the frames below the evaluator's are left out, and the
        // evaluator's own are not ours to show, so no stack lines follow the reason.
        yield* putChars(exceptionText(e, false).replace(/^\*\* /, "").replace(/\n\n$/, "\n"));
        status = 127;
        return;
      }
    }
  });
  return status;
}

function writeAll(bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += Deno.stdout.writeSync(bytes.subarray(off));
}

/** The version of this runtime. */
export const VERSION = "0.1.0";

const USAGE = `usage: node [-sname NAME | -name NAME[@HOST]] [-setcookie COOKIE]
            [-kernel net_ticktime SECONDS] [-hidden] [-connect_all false]
            [-pa DIR...] [-config FILE] [-eval EXPR] [-s MOD [FUN [ARG...]]]
            [-noshell] [-detached]
            [-remsh NODE]
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
  /** `-config FILE`: applications' environment, `[{App, [{Key, Value}]}]` in FILE(.config). */
  config?: string[];
  /** `-noshell`: no shell; standard input is left alone. */
  noshell?: boolean;
  /** `-s MOD [FUN [ARG...]]`: calls run once the node has started (FUN defaults to start). */
  s?: string[][];
  /** `-remsh NODE`: the shell evaluates on NODE (this node is hidden). */
  remsh?: string;
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
      case "-config":
        (f.config ??= []).push(value(++i, a));
        break;
      case "-eval":
      case "-e":
        (f.eval ??= []).push(value(++i, a));
        break;
      case "-remsh":
        f.remsh = value(++i, a);
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
  let editor: LineEditor | undefined;
  // The one way the node stops: the terminal given back, connections closed, the name given
  // up at the port mapper. halt/1, init:stop/1, (q), Ctrl-C's abort and the end of input.
  const shutdown = (code: number) => {
    editor?.close();
    stopNode();
    Deno.exit(code);
  };
  setHaltHandler(shutdown);
  // Everything the node prints goes one way: above the line being typed, at a terminal.
  const write = (text: string) => {
    if (editor !== undefined) editor.printAbove(text);
    else Deno.stdout.writeSync(new TextEncoder().encode(text));
  };
  // The shell's terminal takes any character; standard output without a shell is Latin-1,
  // as OTP's `user` has it under -noshell (io:setopts/1 changes it).
  const device: DeviceOptions = flags.noshell
    ? { encoding: "latin1", writeBytes: (b) => void writeAll(b), read: stdinReader() }
    : { encoding: "unicode" };
  const log = (line: string) => {
    if (editor !== undefined) editor.printAbove(`${line}\n`);
    else console.error(line);
  };
  // One scheduler per core unless +S says otherwise: the main isolate's and N - 1 workers.
  const count = flags.schedulers ?? navigator.hardwareConcurrency ?? 1;
  // -remsh needs a name of this node's own to reach the other one by.
  if (flags.remsh !== undefined && flags.sname === undefined && flags.name === undefined) {
    if (flags.remsh.includes(".")) flags.name = `remsh${Deno.pid}`;
    else flags.sname = `remsh${Deno.pid}`;
  }
  let jobs: JobControl | undefined;
  // At a terminal, the shell edits lines itself and output from processes goes above them.
  if (!flags.noshell && Deno.stdin.isTerminal()) {
    editor = new LineEditor({
      historyFile: historyFile(),
      complete: completions,
      quit: () => shutdown(0),
      jobControl: () => void jobs?.menu(),
    });
  }
  if (flags.sname !== undefined || flags.name !== undefined) {
    try {
      const started = await startNode({
        output: write,
        device,
        log,
        ...(flags.sname !== undefined ? { sname: flags.sname } : {}),
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...(flags.setcookie !== undefined ? { setcookie: flags.setcookie } : {}),
        ...(flags.ticktime !== undefined ? { ticktime: flags.ticktime } : {}),
        ...(flags.hidden || flags.remsh !== undefined ? { hidden: true } : {}),
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
  } else setDefaultNode(createNode({ output: write, device, schedulers: count }));
  registerBuiltins();
  registerShellModules();
  const codePath = [".", ...(flags.pa ?? [])];
  setCodePath(codePath);
  installCodePathLoader();
  warmOtpModules();
  if (count > 1) {
    try {
      // The workers start in the background: the prompt does not wait for them, and is drawn
      // again once they run, should anything have written over it meanwhile.
      const s = startSchedulers(thisNode(), {
        count,
        placement: flags.placement ?? "load",
        entry: new URL("./scheduler.ts", import.meta.url),
        data: { codePath, cookie: thisNode().router?.cookie?.() },
        log,
      });
      void s.ready.then(() => editor?.redraw());
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
  // The configuration is read before anything runs, as erl reads it at boot.
  const evals = [
    ...(flags.config ?? []).map((c) => `(application_controller:config ${JSON.stringify(c)})`),
    ...flags.eval ?? [],
  ];
  for (const [mod, fun = "start", ...rest] of flags.s ?? []) {
    evals.push(`(: ${mod} ${fun}${rest.length > 0 ? ` '(${rest.join(" ")})` : ""})`);
  }
  if (evals.length > 0) {
    const status = await evalAtStart(evals);
    if (status !== 0) return shutdown(status);
  }
  const target = flags.remsh === undefined ? undefined : fullNodeName(flags.remsh, thisNode().name);
  let reached = true;
  if (target !== undefined) {
    await run(function* () {
      reached = (yield* ping(target)) === "pong";
    });
  }
  if (!reached) {
    console.error(`Could not connect to "${target}"`);
    return shutdown(1);
  }
  if (!flags.noshell) {
    const node = thisNode();
    const options = {
      prompt: promptFor,
      banner: `node (distributed Erlang/LFE on Deno) ${VERSION} [deno ${Deno.version.deno}]\n\n` +
        `LFE Shell V${VERSION} (abort with ^G)\n`,
      stop: shutdown,
      write,
      ...(target !== undefined ? { target } : {}),
    };
    if (editor !== undefined) {
      jobs = new JobControl(node, editor, { prompt: promptFor, quit: () => shutdown(0) });
      editor.start();
      void runTerminalShell(jobs, options);
    } else void runShell(node, stdinLines(() => write(NOT_UTF8)), options);
  }
  // A node with nothing else to wait on still runs until a signal stops it.
  setInterval(() => {}, 1 << 30);
  Deno.addSignalListener("SIGINT", () => shutdown(0));
  Deno.addSignalListener("SIGTERM", () => shutdown(0));
  return undefined;
}

if (import.meta.main) {
  const code = await main(Deno.args);
  if (code !== undefined) Deno.exit(code);
}
