/**
 * The process API for TypeScript: the BIFs of Erlang as functions that act for the calling
 * process (`self()`, `send()`, `spawn()`, `link()`, ...). Outside any process they act on the
 * default node of this isolate, which is made on first use.
 *
 * @example
 * ```ts
 * import { $, on, type Pid, receive, run, self, send, spawn } from "./mod.ts";
 * const reason = await run(function* () {
 *   const echo = spawn(function* () {
 *     yield* receive(on(["ping", $("from")], ({ from }) => send(from as Pid, "pong")));
 *   });
 *   send(echo, ["ping", self()]);
 *   yield* receive(on("pong", () => "ok"));
 * });
 * ```
 *
 * @module
 */

import { traceSend, tracing } from "./trace.ts";
import { findFunction } from "./code.ts";
import { badarg, ErlangError, raiseExit } from "./errors.ts";
import { type DeviceOptions, type Output, startUser } from "./io.ts";
import { Node, type NodeOptions, type ProcessFn } from "./node.ts";
import { type Process, State } from "./process.ts";
import { $, _ } from "./pattern.ts";
import { after, mustCurrent, NOMATCH, on, receive, receiveWith } from "./receive.ts";
import { currentProcess } from "./scheduler.ts";
import { exactEq } from "./term_order.ts";
import {
  arrayToList,
  type Atom,
  atomName,
  listToArray,
  Pid,
  Port,
  quickTerm,
  Ref,
  type Term,
  termKey,
  whyNotTerm,
} from "./terms.ts";
import type { Yielded } from "./process.ts";

let defaultNode: Node | null = null;

/** Options of {@linkcode createNode}. */
export interface CreateNodeOptions extends NodeOptions {
  /** Where the node's default group leader writes; the terminal by default. */
  output?: Output;
  /** The encoding of that group leader (`unicode` by default), and where it writes bytes. */
  device?: DeviceOptions;
}

/** Makes a node with its default group leader (`user`) running. */
export function createNode(options: CreateNodeOptions = {}): Node {
  const node = new Node(options);
  startUser(node, options.output, options.device);
  return node;
}

/** The node of the calling process, or the isolate's default node. */
export function thisNode(): Node {
  return currentProcess()?.node ?? (defaultNode ??= createNode());
}

/** Makes `node` the default node of this isolate (for code outside any process). */
export function setDefaultNode(node: Node): void {
  defaultNode = node;
}

/** Thrown into the body of a process that was ended while it ran; never caught by the node. */
class ProcessEnded extends Error {}

function stopIfEnded(p: Process): void {
  if (p.state === State.Exited) throw new ProcessEnded("process ended");
}

/** The pid of the calling process. */
export function self(): Pid {
  return mustCurrent("self()").pid;
}

/** The name of this node, as an atom. */
export function node(): Atom {
  return thisNode().name;
}

/** A destination: a pid, a registered name, or `[name, node]`. */
export type Dest = Pid | Atom | readonly [Atom, Atom] | Ref | Port;

let portSender: ((port: Port, msg: Term) => void) | null = null;

/** Sets what takes a message sent to a port (the module that opens ports). */
export function setPortSender(f: (port: Port, msg: Term) => void): void {
  portSender = f;
}

/**
 * Sends `msg` to `to` and returns `msg`. A dead pid drops it silently, as in Erlang; a name
 * that no process has raises `badarg` in the sender.
 */
export function send(to: Dest, msg: Term): Term {
  if (tracing.count !== 0) traceSendTo(to as Term, msg);
  if (to instanceof Pid) {
    if (!quickTerm(msg)) {
      const why = whyNotTerm(msg);
      if (why !== undefined) throw new TypeError(`Cannot send to ${describePid(to)}: ${why}`);
    }
    // The hot path: a live local process, known from its pid without a lookup.
    const q = to.proc as Process | undefined;
    if (q !== undefined) {
      q.post(msg);
      return msg;
    }
    const p = currentProcess();
    (p?.node ?? thisNode()).sendPid(to, msg, p);
    return msg;
  }
  const p = currentProcess();
  const node = p?.node ?? thisNode();
  const why = whyNotTerm(msg);
  if (why !== undefined) throw new TypeError(`Cannot send to ${String(to)}: ${why}`);
  if (to instanceof Port) {
    if (portSender === null) badarg(`Cannot send to a port: none is open here`);
    portSender(to, msg);
    return msg;
  }
  if (to instanceof Ref) {
    // An alias: its process gets it while the alias is active; otherwise nobody does.
    node.sendAlias(to, msg);
    return msg;
  }
  if (typeof to === "string") {
    if (!node.sendName(to, msg)) badarg(`Cannot send to ${to}: no process is registered by it`);
    return msg;
  }
  if (
    Array.isArray(to) && to.length === 2 && typeof to[0] === "string" && typeof to[1] === "string"
  ) {
    node.sendNameAt(to[0], to[1], msg, p);
    return msg;
  }
  return badarg(`Cannot send to ${String(to)}: not a pid, a name or #(name node)`);
}

/**
 * Sends `msg`, a term built by the runtime or by compiled code (so not checked again), to the
 * process `to`.
 */
export function sendTerm(to: Pid, msg: Term): void {
  if (tracing.count !== 0) traceSendTo(to, msg);
  const q = to.proc as Process | undefined;
  if (q !== undefined) q.post(msg);
  else {
    const p = currentProcess();
    (p?.node ?? thisNode()).sendPid(to, msg, p);
  }
}

/** Tells the tracer of the sending process, if it is traced for `send`, of a send. */
export function traceSendTo(to: Term, msg: Term): void {
  const p = currentProcess();
  if (p === null) return;
  const node = p.node;
  const gone = to instanceof Pid && to.proc === undefined && node.isHere(to) &&
    node.lookup(to) === undefined;
  traceSend(p, to, msg, !gone);
}

function describePid(pid: Pid): string {
  return `<${pid.node}.${pid.id}.${pid.serial}>`;
}

/** Starts a process running `fn(...args)`; `fn` is a generator function or a plain function. */
export function spawn(fn: ProcessFn, ...args: unknown[]): Pid {
  const p = currentProcess();
  return (p?.node ?? thisNode()).spawn(fn, args, { parent: p });
}

/** Options of {@linkcode spawnMfa}. */
export interface SpawnMfaOptions {
  /** Link the new process with the caller. */
  link?: boolean;
  /** The scheduler to start on; by default the caller's, or a less loaded one. */
  scheduler?: number;
}

/**
 * Starts a process running `module:fun(args...)`, the function found by name (a function the
 * code lacks gives a process that fails with `undef`). Unlike a closure, such a process can
 * start on any scheduler of the node.
 */
export function spawnMfa(
  module: Atom,
  fun: Atom,
  args: Term[],
  options: SpawnMfaOptions = {},
): Pid {
  const p = options.link ? mustCurrent("spawnMfa() with link") : currentProcess();
  const m = atomName(module), f = atomName(fun);
  const fn = findFunction(m, f, args.length) ?? (() => {
    throw new ErlangError("error", "undef", arrayToList([[m, f, arrayToList(args), null]]));
  });
  return (p?.node ?? thisNode()).spawn(fn, args, {
    parent: p,
    link: options.link === true,
    mfa: [m, f],
    initialCall: [m, f, args.length],
    ...(options.scheduler !== undefined ? { scheduler: options.scheduler } : {}),
  });
}

/** Starts a process linked to the caller. */
export function spawnLink(fn: ProcessFn, ...args: unknown[]): Pid {
  const p = mustCurrent("spawnLink()");
  return p.node.spawn(fn, args, { parent: p, link: true });
}

/** Starts a process monitored by the caller; returns its pid and the monitor's reference. */
export function spawnMonitor(fn: ProcessFn, ...args: unknown[]): [Pid, Ref] {
  const p = mustCurrent("spawnMonitor()");
  const pid = p.node.spawn(fn, args, { parent: p });
  return [pid, p.node.monitor(p, pid)];
}

/** Links the caller with `pid`. */
export function link(pid: Pid): true {
  const p = mustCurrent("link()");
  if (!(pid instanceof Pid)) badarg(`Cannot link to ${String(pid)}: not a pid`);
  p.node.link(p, pid);
  stopIfEnded(p);
  return true;
}

/** Removes the link between the caller and `pid`. */
export function unlink(pid: Pid): true {
  const p = mustCurrent("unlink()");
  if (!(pid instanceof Pid)) badarg(`Cannot unlink ${String(pid)}: not a pid`);
  p.node.unlink(p, pid);
  return true;
}

/** Monitors a process by pid, by local name, or by `[name, node]`. */
export function monitor(target: Pid | Atom | readonly [Atom, Atom]): Ref {
  const p = mustCurrent("monitor()");
  if (target instanceof Pid) return p.node.monitor(p, target);
  if (typeof target === "string") return p.node.monitor(p, [target, p.node.name]);
  if (Array.isArray(target) && typeof target[0] === "string" && typeof target[1] === "string") {
    return p.node.monitor(p, [target[0], target[1]]);
  }
  return badarg(`Cannot monitor ${String(target)}: not a pid, a name or #(name node)`);
}

/** Removes a monitor; with `flush`, also a `DOWN` message of it already received. */
export function demonitor(ref: Ref, options: { flush?: boolean } = {}): true {
  const p = mustCurrent("demonitor()");
  if (!(ref instanceof Ref)) badarg(`Cannot demonitor ${String(ref)}: not a reference`);
  p.node.demonitor(p, ref);
  if (options.flush && p.q !== null) {
    const q = p.q;
    for (let i = p.qh; i < p.qt; i++) {
      const m = q[i];
      if (Array.isArray(m) && m[0] === "DOWN" && exactEq(m[1] as Term, ref)) p.take(i);
    }
  }
  return true;
}

/**
 * `exit(reason)` ends the caller with `reason` (an exception that `catch` can see);
 * `exit(pid, reason)` sends an exit signal to `pid`.
 */
export function exit(reason: Term): never;
export function exit(pid: Pid, reason: Term): true;
export function exit(a: Term, b?: Term): true {
  if (arguments.length < 2) raiseExit(a);
  if (!(a instanceof Pid)) badarg(`Cannot send an exit signal to ${String(a)}: not a pid`);
  const why = whyNotTerm(b);
  if (why !== undefined) throw new TypeError(`Cannot exit ${describePid(a)}: ${why}`);
  const p = currentProcess();
  const node = p?.node ?? thisNode();
  node.exitSignal(p?.pid ?? node.defaultGroupLeader, a, b as Term);
  if (p !== null) stopIfEnded(p);
  return true;
}

/** Sets whether the caller traps exits; returns the old setting. */
export function trapExit(on: boolean): boolean {
  const p = mustCurrent("trapExit()");
  const old = p.trapExit;
  p.trapExit = on;
  return old;
}

/** Registers `pid` under `name`; `badarg` if either is taken or the process is dead. */
export function register(name: Atom, pid: Pid): true {
  const node = thisNode();
  if (typeof name !== "string" || name === "undefined") {
    badarg(`Cannot register ${String(name)}: not an atom that can name a process`);
  }
  if (pid instanceof Pid && node.isLocal(pid) && !node.isHere(pid)) {
    if (!node.registerElsewhere(name, pid)) {
      badarg(`Cannot register ${name}: the name is taken`);
    }
    return true;
  }
  const p = pid instanceof Pid ? node.lookup(pid) : undefined;
  if (p === undefined) badarg(`Cannot register ${name}: ${String(pid)} is not a live local pid`);
  if (!node.register(name, p)) {
    badarg(`Cannot register ${name}: the name is taken or the process has a name`);
  }
  return true;
}

/** Removes a registered name; `badarg` if it is not registered. */
export function unregister(name: Atom): true {
  if (typeof name !== "string" || !thisNode().unregister(name)) {
    badarg(`Cannot unregister ${String(name)}: not a registered name`);
  }
  return true;
}

/** The pid registered under `name`, or the atom `undefined`. */
export function whereis(name: Atom): Pid | "undefined" {
  return typeof name === "string" ? thisNode().whereisPid(name) ?? "undefined" : "undefined";
}

/** The registered names of this node. */
export function registered(): Atom[] {
  return thisNode().registered();
}

/** Whether the process `pid` of this scheduler is alive (see {@linkcode isAlive} for any). */
export function isProcessAlive(pid: Pid): boolean {
  return thisNode().lookup(pid) !== undefined;
}

/**
 * Whether the process `pid` of this node is alive, on whichever scheduler it runs: the
 * caller asks that scheduler and waits for the answer (`false` if it does not answer in a
 * second, as when it is gone).
 */
export function* isAlive(pid: Pid): Generator<Yielded, boolean, unknown> {
  const p = mustCurrent("isAlive()");
  const node = p.node;
  if (!node.isLocal(pid) || node.isHere(pid) || node.siblings === null) {
    return node.lookup(pid) !== undefined;
  }
  return (yield* ask(p, [node.schedulerOf(pid)], "alive", pid))[0] === true;
}

/** The pids of every live process of this node. */
export function processes(): Pid[] {
  return thisNode().processes().map((p) => p.pid);
}

/** What {@linkcode processInfo} tells of a process. */
export interface ProcessInfo {
  pid: Pid;
  registeredName: Atom | undefined;
  status: "running" | "runnable" | "waiting" | "suspended";
  messageQueueLen: number;
  messages: Term[];
  links: Pid[];
  monitors: Term[];
  monitoredBy: Pid[];
  trapExit: boolean;
  groupLeader: Pid;
  initialCall: Term;
  reductions: number;
  /** The process dictionary, as `#(Key Value)` tuples. */
  dictionary: Term[];
}

/** A line of the shell's `(i)`: what every scheduler tells of each of its processes. */
export interface ProcessSummary {
  pid: Pid;
  initialCall: Term;
  reductions: number;
  messages: number;
  name: Atom | undefined;
}

/**
 * The answer of `node`'s scheduler here to a question another scheduler asked about its
 * processes: `processes` (their summaries), `alive` or `info` (of the pid `arg`).
 */
export function answerQuery(node: Node, what: Term, arg: Term): Term {
  const handler = typeof what === "string" ? queryHandlers.get(what) : undefined;
  if (handler !== undefined) return handler(node, arg);
  switch (what) {
    case "processes":
      return summaries(node);
    case "alive":
      return arg instanceof Pid && node.lookup(arg) !== undefined;
    case "info":
      return arg instanceof Pid ? processInfoTerm(node, arg) : "undefined";
  }
  return "undefined";
}

const queryHandlers = new Map<string, (node: Node, arg: Term) => Term>();

/**
 * Makes this isolate answer the question `what` that another scheduler asks (with
 * {@linkcode askScheduler}): a part of the node that keeps state per scheduler (ets tables, say)
 * serves the other schedulers so.
 */
export function setQueryHandler(what: string, answer: (node: Node, arg: Term) => Term): void {
  queryHandlers.set(what, answer);
}

/**
 * Asks scheduler `at` of this node the question `what` about `arg` and waits for its answer
 * (`undefined` if it does not answer within `ms` milliseconds, as when it is gone).
 */
export function* askScheduler(
  at: number,
  what: string,
  arg: Term,
  ms = 5000,
): Generator<Yielded, Term | undefined, unknown> {
  const p = mustCurrent("askScheduler()");
  const got = yield* ask(p, [at], what, arg, ms);
  return got[0];
}

// Asks each scheduler in `at` the question `what` (about `arg`) and waits for the answers;
// those that do not answer within a second are left out.
function* ask(
  p: Process,
  at: number[],
  what: string,
  arg: Term,
  ms = 1000,
): Generator<Yielded, Term[], unknown> {
  const siblings = p.node.siblings;
  const answers: Term[] = [];
  if (siblings === null) return answers;
  const ref = p.node.makeRef();
  let waiting = 0;
  for (const i of at) if (siblings.ask(i, ["query", what, arg, p.pid, ref])) waiting++;
  const deadline = Date.now() + ms;
  for (; waiting > 0; waiting--) {
    const got = yield* receive(
      on(["answer", ref, $("a")], ({ a }) => [a as Term]),
      after(Math.max(0, deadline - Date.now()), () => null),
    );
    if (got === null) break;
    answers.push(got[0] as Term);
  }
  return answers;
}

// The summary of each process of `node`'s scheduler here, as a list of tuples.
function summaries(node: Node): Term {
  return arrayToList(
    node.processes().map((p) => [
      p.pid,
      p.initialCall,
      p.reductions,
      p.queueLength,
      p.name ?? "undefined",
    ]),
  );
}

/**
 * Every process of this node, on every scheduler: the caller asks the other schedulers and
 * waits for their answers (a scheduler that does not answer within a second is left out).
 */
export function* allProcesses(): Generator<Yielded, ProcessSummary[], unknown> {
  const p = mustCurrent("allProcesses()");
  const node = p.node;
  const others = Array.from({ length: node.schedulerCount }, (_, i) => i)
    .filter((i) => i !== node.index);
  const lists: Term[] = [summaries(node), ...yield* ask(p, others, "processes", null)];
  const out: ProcessSummary[] = [];
  for (const l of lists) {
    for (const t of listToArray(l) as Term[][]) {
      const [pid, initialCall, reductions, messages, name] = t;
      out.push({
        pid: pid as Pid,
        initialCall: initialCall as Term,
        reductions: reductions as number,
        messages: messages as number,
        name: name === "undefined" ? undefined : name as Atom,
      });
    }
  }
  return out.sort((a, b) => a.pid.id - b.pid.id);
}

const STATUS = ["runnable", "running", "waiting", "exiting", "suspended"] as const;

/** What is known of a live local process, or `undefined` if it is not alive. */
export function processInfo(pid: Pid): ProcessInfo | undefined {
  const p = thisNode().lookup(pid);
  if (p === undefined) return undefined;
  return {
    pid: p.pid,
    registeredName: p.name,
    status: STATUS[p.state as 0 | 1 | 2 | 4] as "running" | "runnable" | "waiting" | "suspended",
    messageQueueLen: p.queueLength,
    messages: p.messages(),
    links: [...(p.links ?? [])],
    monitors: [...(p.monitors?.values() ?? [])].map((e) =>
      e.name !== undefined ? ["process", e.name] : ["process", e.other as Pid]
    ),
    monitoredBy: [...(p.monitoredBy?.values() ?? [])].map((e) => e.other as Pid),
    trapExit: p.trapExit,
    groupLeader: p.groupLeader,
    initialCall: p.initialCall,
    reductions: p.reductions,
    dictionary: p.dict === null || p.dict === undefined ? [] : dictionaryEntries(p.dict),
  };
}

const INFO_FIELDS = [
  "pid",
  "registeredName",
  "status",
  "messageQueueLen",
  "messages",
  "links",
  "monitors",
  "monitoredBy",
  "trapExit",
  "groupLeader",
  "initialCall",
  "reductions",
  "dictionary",
] as const;

const LIST_FIELDS: readonly string[] = [
  "messages",
  "links",
  "monitors",
  "monitoredBy",
  "dictionary",
];

/** {@linkcode processInfo} as a term, to send to another scheduler: `undefined` or a tuple. */
function processInfoTerm(node: Node, pid: Pid): Term {
  const p = node.lookup(pid);
  if (p === undefined) return "undefined";
  const i = processInfo(pid) as ProcessInfo;
  return INFO_FIELDS.map((k) => {
    const v = i[k];
    if (v === undefined) return "undefined";
    return LIST_FIELDS.includes(k) ? arrayToList(v as Term[]) : v as Term;
  });
}

/**
 * What is known of a live process of this node on whichever scheduler it runs (its scheduler
 * is asked, and the caller waits for the answer), or `undefined` if it is not alive.
 */
export function* processInfoAnywhere(
  pid: Pid,
): Generator<Yielded, ProcessInfo | undefined, unknown> {
  const p = mustCurrent("processInfoAnywhere()");
  const node = p.node;
  if (!node.isLocal(pid) || node.isHere(pid) || node.siblings === null) return processInfo(pid);
  const t = (yield* ask(p, [node.schedulerOf(pid)], "info", pid))[0];
  if (!Array.isArray(t)) return undefined;
  const o: Record<string, unknown> = {};
  INFO_FIELDS.forEach((k, n) => {
    const v = t[n] as Term;
    o[k] = LIST_FIELDS.includes(k)
      ? listToArray(v)
      : k === "registeredName" && v === "undefined"
      ? undefined
      : v;
  });
  return o as unknown as ProcessInfo;
}

/** The group leader of the caller (outside a process: the node's default). */
export function groupLeader(): Pid {
  return currentProcess()?.groupLeader ?? thisNode().defaultGroupLeader;
}

/** Makes `leader` the group leader of `pid`. */
export function setGroupLeader(leader: Pid, pid: Pid): true {
  const p = thisNode().lookup(pid);
  if (p === undefined || !(leader instanceof Pid)) {
    badarg(`Cannot set the group leader of ${String(pid)}: not a live local pid`);
  }
  p.groupLeader = leader;
  return true;
}

/** A new reference. */
export function makeRef(): Ref {
  return thisNode().makeRef();
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
function timerKey(ref: Ref): string {
  return ref.ids.join(".");
}

/** Sends `msg` to `dest` after `ms` milliseconds; returns a reference to cancel it. */
export function sendAfter(ms: number, dest: Dest, msg: Term): Ref {
  const node = thisNode();
  const ref = node.makeRef();
  const key = timerKey(ref);
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      try {
        send(dest, msg);
      } catch { /* the name went away: dropped, as erlang:send_after does */ }
    }, ms),
  );
  return ref;
}

/** Cancels a timer of {@linkcode sendAfter}; `false` if it already fired or was cancelled. */
export function cancelTimer(ref: Ref): boolean {
  const key = timerKey(ref);
  const t = timers.get(key);
  if (t === undefined) return false;
  clearTimeout(t);
  timers.delete(key);
  return true;
}

/** Lets the caller wait `ms` milliseconds (a receive that matches nothing). */
export function* sleep(ms: number): Generator<Yielded, void, unknown> {
  yield* receiveWith(() => NOMATCH, ms, () => undefined);
}

/**
 * Runs `fn(...args)` as a process and resolves with its exit reason (`normal` when it
 * returned). For programs and tests that start processes from outside any process.
 */
export function run(fn: ProcessFn, ...args: unknown[]): Promise<Term> {
  return new Promise((resolve) => {
    thisNode().spawn(function* watcher() {
      const [, ref] = spawnMonitor(fn, ...args);
      resolve(yield* receive(on(["DOWN", ref, _, _, $("reason")], ({ reason }) => reason)));
    }, []);
  });
}

// ---- the process dictionary ----

/**
 * A value kept in a process dictionary that becomes its term only when something reads it: a
 * library that updates its own entry on every call (as `rand` does its state) keeps it in a
 * form of its own, and {@linkcode peekLazy} gives it back while nobody has looked.
 */
export abstract class LazyTerm {
  /** The term this value stands for. */
  abstract force(): Term;
}

function dictionary(what: string): Map<unknown, [Term, Term]> {
  const p = mustCurrent(what);
  return p.dict ??= new Map();
}

/** The term of a dictionary entry, made once if it was lazy. */
function entryValue(e: [Term, Term]): Term {
  const v = e[1] as unknown;
  return v instanceof LazyTerm ? (e[1] = v.force()) : e[1];
}

/** The entries of a dictionary, lazy values made into terms. */
export function dictionaryEntries(d: Map<unknown, [Term, Term]>): [Term, Term][] {
  return [...d.values()].map((e) => [e[0], entryValue(e)]);
}

/** `put/2`: sets `key` in the caller's process dictionary; answers the old value or `undefined`. */
export function put(key: Term, value: Term): Term {
  const d = dictionary("put()");
  const k = termKey(key);
  const old = d.get(k);
  d.set(k, [key, value]);
  return old === undefined ? "undefined" : entryValue(old);
}

/** Sets `key` to a lazy value; nothing is answered, the old value is not made. */
export function putLazy(key: Term, value: LazyTerm): void {
  dictionary("put()").set(termKey(key), [key, value as unknown as Term]);
}

/** The lazy value under `key` if it is still one, else `undefined`. */
export function peekLazy(key: Term): LazyTerm | undefined {
  const v = dictionary("get()").get(termKey(key))?.[1] as unknown;
  return v instanceof LazyTerm ? v : undefined;
}

/** `get/1`: the value under `key` in the caller's process dictionary, or `undefined`. */
export function get(key: Term): Term {
  const e = dictionary("get()").get(termKey(key));
  return e === undefined ? "undefined" : entryValue(e);
}

/** `get/0`: the whole process dictionary, as a list of `#(key value)`. */
export function getAll(): Term {
  return arrayToList(dictionaryEntries(dictionary("get()")).map(([k, v]) => [k, v]));
}

/** `erase/1`: removes `key`; answers its value or `undefined`. */
export function erase(key: Term): Term {
  const d = dictionary("erase()");
  const k = termKey(key);
  const old = d.get(k);
  d.delete(k);
  return old === undefined ? "undefined" : entryValue(old);
}

/** `erase/0`: empties the process dictionary; answers what it held. */
export function eraseAll(): Term {
  const all = getAll();
  dictionary("erase()").clear();
  return all;
}

/** `get_keys/0,1`: the keys (with the value `value`, when given). */
export function getKeys(value?: Term): Term {
  const entries = dictionaryEntries(dictionary("get_keys()"));
  return arrayToList(
    entries.filter(([, v]) => value === undefined || exactEq(v, value)).map(([k]) => k),
  );
}
