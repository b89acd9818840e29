/**
 * The process BIFs of `erlang`: spawning (here or on another node, by fun or by module and
 * function), names, links, monitors, exits, process flags and information, and `apply`. They
 * act for the calling process through the runtime's process API and raise what Erlang raises
 * for bad arguments.
 *
 * @module
 */

import {
  demonitor,
  exit as exitSignal,
  isAlive as isAliveAnywhere,
  monitor,
  register,
  registered,
  thisNode,
  trapExit,
  whereis,
} from "../../runtime/api.ts";
import { type CallResult, markMayWait, resolve } from "../../runtime/call.ts";
import { findFunction } from "../../runtime/code.ts";
import { spawnOn } from "../../runtime/dist_api.ts";
import { ErlangError, raiseError, raiseExit } from "../../runtime/errors.ts";
import type { Node } from "../../runtime/node.ts";
import { HOLE, type Process, WAIT, type Yielded } from "../../runtime/process.ts";
import { mustCurrent } from "../../runtime/receive.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import {
  arrayToList,
  atomName,
  type Fun,
  funInfo,
  list,
  Pid,
  Port,
  Ref,
  type Term,
} from "../../runtime/terms.ts";
import { applyFun, mustArray } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function badarg(): never {
  return raiseError("badarg");
}

function isAtom(t: Term): t is string | boolean {
  return typeof t === "string" || typeof t === "boolean";
}

/** The `undef` error of calling `m:f(args...)` that no code defines, as BEAM raises it. */
export function undefError(m: string, f: string, args: Term[]): ErlangError {
  const e = new ErlangError("error", "undef", list([m, f, arrayToList(args), null]));
  e.message = `undefined function ${m}:${f}/${args.length}`;
  return e;
}

/**
 * `apply/2`: `badarg` for no list of arguments, then `{badfun, F}` for no fun. What the fun
 * gives is left to the caller to run (a call from a tail position, as on BEAM).
 */
export function apply2(f: Term, args: Term): CallResult {
  const a = mustArray(args);
  if (typeof f !== "function") raiseError(["badfun", f]);
  return applyFun(f, a) as CallResult;
}
markMayWait(apply2);

/** `apply/3`: finds `m:f/n` (loading `m` if need be); `undef` if there is none. */
export function apply3(m: Term, f: Term, args: Term): CallResult {
  if (!isAtom(m) || !isAtom(f)) return badarg();
  const a = mustArray(args);
  const fn = findFunction(atomName(m), atomName(f), a.length);
  if (fn === undefined) throw undefError(atomName(m), atomName(f), a);
  return fn(...a) as CallResult;
}
markMayWait(apply3);

/**
 * `hibernate/3`: the process forgets its stack and waits until a message is in its mailbox
 * (left there), then runs `m:f(args...)`; when that returns, the process ends normally, as
 * nothing called it.
 */
export function* hibernate(m: Term, f: Term, args: Term): Gen<Term> {
  if (!isAtom(m) || !isAtom(f)) return badarg();
  mustArray(args);
  const p = mustCurrent("hibernate");
  while (!hasMessage(p)) {
    p.waitLen = p.qt;
    yield WAIT;
  }
  yield* resolve(apply3(m, f, args));
  return raiseExit("normal");
}

function hasMessage(p: Process): boolean {
  const q = p.q;
  if (q === null) return false;
  for (let i = p.qh; i < p.qt; i++) if (q[i] !== HOLE) return true;
  return false;
}

interface How {
  link?: boolean;
  monitor?: boolean;
  /** The scheduler's index (`{scheduler, N}` counts from 1, as Erlang's scheduler ids). */
  scheduler?: number;
}

/** The options of `spawn_opt`: `link`, `monitor`, `{scheduler, N}`; others are ignored. */
function spawnOptions(opts: Term): How {
  const how: How = {};
  for (const o of mustArray(opts)) {
    if (o === "link") how.link = true;
    else if (o === "monitor") how.monitor = true;
    else if (Array.isArray(o) && o[0] === "scheduler" && o.length === 2) {
      const n = o[1];
      const count = (currentProcess()?.node ?? thisNode()).schedulerCount;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > count) return badarg();
      how.scheduler = n - 1;
    }
  }
  return how;
}

/** `spawn_opt/2`: a fun, with the options of {@linkcode spawnOptions}. */
export function spawnOpt2(f: Term, opts: Term): Term {
  return spawnFun(f, spawnOptions(opts));
}

/** `spawn_opt/4`: by module and function, with the options of {@linkcode spawnOptions}. */
export function spawnOpt4(m: Term, f: Term, args: Term, opts: Term): Term {
  return spawnMfa(m, f, args, spawnOptions(opts));
}

// What a spawned fun runs: the fun with no arguments (a wrong arity fails in the new process).
function funBody(f: Fun): unknown {
  return applyFun(f, []);
}

function spawner(how: How): { node: Node; parent: Process | null } {
  const parent = how.link || how.monitor
    ? mustCurrent(how.link ? "spawn_link" : "spawn_monitor")
    : currentProcess();
  return { node: parent?.node ?? thisNode(), parent };
}

function started(node: Node, parent: Process | null, pid: Pid, how: How): Term {
  return how.monitor ? [pid, node.monitor(parent as Process, pid)] : pid;
}

/** `spawn/1`, `spawn_link/1`, `spawn_monitor/1`: a process running the fun `f`. */
export function spawnFun(f: Term, how: How = {}): Term {
  if (typeof f !== "function") return badarg();
  const { node, parent } = spawner(how);
  // A closure's code is in this isolate only; a fun by name can start on any scheduler.
  if (how.scheduler !== undefined && how.scheduler !== node.index) {
    const info = funInfo(f as Fun);
    if (info.exported === true) return spawnMfa(info.module, info.name, null, how);
    return badarg();
  }
  const pid = node.spawn(funBody, [f], {
    parent,
    link: how.link === true,
    initialCall: ["erlang", "apply", 2],
    ...(how.scheduler !== undefined ? { scheduler: how.scheduler } : {}),
  });
  return started(node, parent, pid, how);
}

/** Checks the module, function and arguments of a spawn by name. */
function mfa(m: Term, f: Term, args: Term): [string, string, Term[]] {
  if (!isAtom(m) || !isAtom(f)) return badarg();
  return [atomName(m), atomName(f), mustArray(args)];
}

/**
 * `spawn/3`, `spawn_link/3`, `spawn_monitor/3` on this node. A function the code lacks gives a
 * process that fails with `undef`, as in Erlang.
 */
export function spawnMfa(m: Term, f: Term, args: Term, how: How = {}): Term {
  const [mod, fun, a] = mfa(m, f, args);
  const { node, parent } = spawner(how);
  const fn = findFunction(mod, fun, a.length) ?? (() => {
    throw undefError(mod, fun, a);
  });
  const pid = node.spawn(fn, a, {
    parent,
    link: how.link === true,
    initialCall: [m, f, a.length],
    mfa: [mod, fun],
    ...(how.scheduler !== undefined ? { scheduler: how.scheduler } : {}),
  });
  return started(node, parent, pid, how);
}

/** `spawn/4`, `spawn_link/4`: on `node`, which may be this one or another. */
export function* spawnAt(n: Term, m: Term, f: Term, args: Term, how: How = {}): Gen<Term> {
  if (!isAtom(n)) return badarg();
  const [mod, fun, a] = mfa(m, f, args);
  return yield* spawnOn(n, mod, fun, a, { link: how.link === true });
}

/** `spawn/2`, `spawn_link/2`: a fun on `node`; elsewhere it arrives as a fun it cannot run. */
export function* spawnFunAt(n: Term, f: Term, how: How = {}): Gen<Term> {
  if (!isAtom(n) || typeof f !== "function") return badarg();
  if (n === (currentProcess()?.node ?? thisNode()).name) return spawnFun(f, how);
  return yield* spawnOn(n, "erlang", "apply", [f, null], { link: how.link === true });
}

/** `whereis/1`. */
export function whereisName(name: Term): Term {
  if (!isAtom(name)) return badarg();
  return typeof name === "string" ? whereis(name) : "undefined";
}

/** `register/2`. */
export function registerName(name: Term, pid: Term): true {
  if (!isAtom(name)) return badarg();
  return register(name, pid as Pid);
}

/** `registered/0`. */
export function registeredNames(): Term {
  return arrayToList(registered());
}

/** `monitor/2`: only `process` monitors, of a pid, a name, or `#(name node)`. */
export function monitor2(type: Term, item: Term): Ref {
  if (type !== "process") return badarg();
  return monitor(item as Pid);
}

/** `demonitor/2` with the options `flush` and `info`. */
export function demonitor2(ref: Term, options: Term): boolean {
  let flush = false, info = false;
  for (const o of mustArray(options)) {
    if (o === "flush") flush = true;
    else if (o === "info") info = true;
    else badarg();
  }
  if (!(ref instanceof Ref)) return badarg();
  const held = mustCurrent("demonitor").monitors?.has(ref) ?? false;
  demonitor(ref, { flush });
  return info ? held : true;
}

/** `exit/2`: an exit signal to `pid`. */
export function exit2(pid: Term, reason: Term): true {
  if (!(pid instanceof Pid)) return badarg();
  return exitSignal(pid, reason);
}

/** `process_flag/2`: `trap_exit` is the flag this runtime has. */
export function processFlag(flag: Term, value: Term): Term {
  if (flag === "trap_exit" && typeof value === "boolean") return trapExit(value);
  return badarg();
}

/** `is_process_alive/1`: of a local pid. */
export function* isAlive(pid: Term): Gen<boolean> {
  if (!(pid instanceof Pid) || pid.node !== thisNode().name) return badarg();
  return yield* isAliveAnywhere(pid);
}

/** `monitor_node/2`: `notalive` on a node that is not distributed, as in Erlang. */
export function monitorNode2(node: Term, flag: Term): true {
  if (!isAtom(node) || typeof flag !== "boolean") return badarg();
  const p = mustCurrent("monitor_node");
  const router = p.node.router;
  if (router === null) raiseError("notalive");
  router.monitorNode(p.pid, atomName(node), flag);
  return true;
}

/** `node/1`: the node of a pid, a reference or a port. */
export function nodeOf(t: Term): Term {
  if (t instanceof Pid || t instanceof Ref || t instanceof Port) return t.node;
  return badarg();
}
