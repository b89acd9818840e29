/**
 * A local node: its processes, their names, and the signals between them — messages, links,
 * monitors and exits — as Erlang defines them. Signals to other nodes go through a
 * {@linkcode Router} that the distribution layer provides.
 *
 * @module
 */

import { traceExit, traceProc, traceSpawn, tracing } from "./trace.ts";
import { stopTimer } from "./receive.ts";
import { isGenerator, resolve, TailCall } from "./call.ts";
import { exitReasonOf } from "./errors.ts";
import {
  type Body,
  InitialFn,
  type MonitorEntry,
  MonitorTable,
  Process,
  refKey,
  State,
} from "./process.ts";
import type { Router } from "./router.ts";
import { Scheduler } from "./scheduler.ts";
import { GONE, type SharedState, STARTING } from "./shared.ts";
import { arrayToList, Pid, Ref, type Term } from "./terms.ts";
import { exactEq } from "./term_order.ts";

/** Options of {@linkcode Node.spawn}. */
export interface SpawnOptions {
  /** Link the new process with `parent`. */
  link?: boolean;
  /** Make `parent` monitor the new process; the reference is returned. */
  monitor?: boolean;
  /** The spawning process (links, monitors and the group leader come from it). */
  parent?: Process | null;
  /** The group leader; by default the parent's, else the node's. */
  groupLeader?: Pid;
  /** `#(module function arity)` to report as the initial call. */
  initialCall?: Term;
  /**
   * The module and function `fn` is known by, so that the process may start on another
   * scheduler (which finds the function by name); a process of a closure stays here.
   */
  mfa?: readonly [string, string];
  /** The scheduler to start on (0 is the main isolate's); the least loaded when not given. */
  scheduler?: number;
}

/**
 * The other schedulers of this node, as a node sees them: a {@linkcode Router} for signals to
 * their processes, and what else crosses between schedulers.
 */
export interface Siblings extends Router {
  /** Starts `module:fun(args...)` on `scheduler` as the process `pid`. */
  spawnAt(
    scheduler: number,
    pid: Pid,
    module: string,
    fun: string,
    args: Term[],
    groupLeader: Pid,
    initialCall: Term,
  ): void;
  /** Hands a signal from node `peer` to the scheduler of its process; `false` if that is here. */
  relay(peer: string, t: Term[]): boolean;
  /** Sends `t` to scheduler `i`; `false` if that scheduler is gone. */
  ask(i: number, t: Term[]): boolean;
  /** Tells the other schedulers that `node` is down. */
  nodeDown(node: string): void;
  /** Tells the other schedulers that `node` is up. */
  nodeUp(node: string): void;
}

/** Options of a new {@linkcode Node}. */
export interface NodeOptions {
  /** The node's name; `nonode@nohost` when not distributed. */
  name?: string;
  /** The incarnation of the name, set by the port mapper. */
  creation?: number;
  /**
   * How many schedulers the node will run (see `startSchedulers`): a pid's number tells its
   * scheduler (the number modulo the count), so the count is fixed when the node is made.
   */
  schedulers?: number;
}

/** A process body: a generator function (sync or async), or a plain function run once. */
// deno-lint-ignore no-explicit-any
export type ProcessFn = (...args: any[]) => any;

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const MAX_ID = 1 << 28;

/** Reports printed for processes that crash: the node writes them through a group leader. */
export type ReportSink = (groupLeader: Pid, text: Term, p: Process) => void;

/** The processes of one node and the signals between them. */
export class Node {
  name: string;
  creation: number;
  readonly scheduler: Scheduler;
  /** Carries signals to other nodes, once distribution is started. */
  router: Router | null = null;
  /** This isolate's scheduler among the node's (0: the main isolate's). */
  index = 0;
  /** How many schedulers the node runs. */
  schedulerCount = 1;
  /** The node's other schedulers, when it runs more than one. */
  siblings: Siblings | null = null;
  /** Whether processes started by name take the schedulers in turn (else: least loaded). */
  spread = false;
  #turn = 0;
  /** What the node's schedulers share, when it runs more than one. */
  shared: SharedState | null = null;
  /** The group leader of processes spawned from outside any process. */
  defaultGroupLeader: Pid;
  /** Where crash reports go; set by the io layer. */
  reportCrash: (p: Process, reason: Term) => void = () => {};
  readonly #procs = new Map<number, Process>();
  readonly #names = new Map<string, Process>();
  #nextId = 0;
  #wraps = 0;
  #refs = 0;
  readonly #exits: Process[] = [];
  #draining = false;

  constructor(options: NodeOptions = {}) {
    this.name = options.name ?? "nonode@nohost";
    this.creation = options.creation ?? 0;
    this.schedulerCount = options.schedulers ?? 1;
    this.scheduler = new Scheduler({
      finished: (p, value) => {
        // A body may end by handing over a call to run in its place (compiled tail calls):
        // the process goes on with it, at the same depth.
        if (isGenerator(value) || value instanceof TailCall) {
          p.gen = isGenerator(value) ? value : resolve(value);
          this.scheduler.enqueue(p);
        } else this.exitProcess(p, "normal");
      },
      turnEnded: (waiting) => this.shared?.setLoad(this.index, waiting),
      crashed: (p, e) => {
        if (p.state === State.Exited) return;
        const { reason, report } = exitReasonOf(e);
        if (report) this.reportCrash(p, reason);
        this.exitProcess(p, reason);
      },
    });
    this.defaultGroupLeader = new Pid(this.name, 0, 0, this.creation);
  }

  /** Starts a process running `fn(...args)`. */
  spawn(fn: ProcessFn, args: readonly unknown[] = [], options: SpawnOptions = {}): Pid {
    const parent = options.parent ?? null;
    const gl = options.groupLeader ?? parent?.groupLeader ?? this.defaultGroupLeader;
    const at = this.siblings === null ? this.index : this.#placement(options);
    let pid: Pid;
    // On another scheduler, links and monitors follow the spawn on the same channel, so they
    // find the process there.
    if (at !== this.index) pid = this.#spawnAt(at, args, gl, options);
    else {
      pid = this.#newPid();
      this.spawnPlaced(pid, fn, args, gl, options.initialCall ?? new InitialFn(fn));
      if (tracing.count !== 0) {
        const mfa: Term = options.mfa !== undefined
          ? [options.mfa[0], options.mfa[1], arrayToList(args as Term[])]
          : ["erlang", "apply", arrayToList([fn as unknown as Term, null])];
        traceSpawn(parent, this.lookup(pid)!, mfa);
      }
    }
    if (parent !== null) {
      if (options.link) this.link(parent, pid);
      if (options.monitor) this.monitor(parent, pid);
    }
    return pid;
  }

  /**
   * Shares `shared` with the node's other schedulers: the names registered here go into it,
   * and new pids come from its count.
   */
  attachShared(shared: SharedState): void {
    this.shared = shared;
    shared.setNextId(this.index, this.#nextId + this.#wraps * this.#perScheduler());
    for (const [name, p] of this.#names) shared.register(name, p.pid.id, p.pid.serial);
  }

  // Where a new process goes: where asked, else here unless another scheduler is less loaded
  // by more than one process (only a process started by name can go elsewhere).
  #placement(o: SpawnOptions): number {
    const shared = this.shared as SharedState;
    if (o.scheduler !== undefined) {
      if (!Number.isInteger(o.scheduler) || o.scheduler < 0 || o.scheduler >= this.schedulerCount) {
        throw new RangeError(
          `No scheduler index ${o.scheduler}: this node's run from 0 to ${this.schedulerCount - 1}`,
        );
      }
      if (shared.load(o.scheduler) === GONE) {
        throw new RangeError(
          `Scheduler index ${o.scheduler} is gone: its isolate stopped with an error`,
        );
      }
      return o.scheduler;
    }
    if (o.mfa === undefined) return this.index;
    if (this.spread) {
      for (let k = 0; k < this.schedulerCount; k++) {
        const i = (this.index + ++this.#turn) % this.schedulerCount;
        const load = shared.load(i);
        if (load !== GONE && load < STARTING) return i;
      }
      return this.index;
    }
    const mine = this.scheduler.runQueueLength;
    let best = this.index, least = mine;
    for (let i = 0; i < this.schedulerCount; i++) {
      if (i === this.index) continue;
      const load = shared.load(i);
      if (load !== GONE && load + 1 < least) {
        best = i;
        least = load;
      }
    }
    if (best !== this.index) shared.addLoad(best);
    return best;
  }

  #spawnAt(at: number, args: readonly unknown[], gl: Pid, o: SpawnOptions): Pid {
    if (o.mfa === undefined) {
      throw new TypeError(
        "Only a process started by module and function can start on another scheduler",
      );
    }
    const pid = this.#pidOn(at);
    const [m, f] = o.mfa;
    const call = o.initialCall ?? [m, f, args.length];
    (this.siblings as Siblings).spawnAt(at, pid, m, f, args as Term[], gl, call);
    return pid;
  }

  // How many pid numbers each scheduler has: the numbers of scheduler `i` are those that
  // leave `i` when divided by the count (so pids print as BEAM's do, `<0.41.0>`).
  #perScheduler(): number {
    return Math.floor(MAX_ID / this.schedulerCount);
  }

  // A pid for a new process on scheduler `at`, from the count the schedulers share.
  #pidOn(at: number): Pid {
    const n = (this.shared as SharedState).nextId(at), per = this.#perScheduler();
    return new Pid(
      this.name,
      (n % per) * this.schedulerCount + at,
      Math.floor(n / per),
      this.creation,
    );
  }

  /** The scheduler a pid of this node runs on. */
  schedulerOf(pid: Pid): number {
    return pid.id % this.schedulerCount;
  }

  /**
   * Starts, on this scheduler, the process `pid` (one this scheduler numbered, or one another
   * scheduler placed here) running `fn(...args)`.
   */
  spawnPlaced(
    pid: Pid,
    fn: ProcessFn,
    args: readonly unknown[],
    groupLeader: Pid,
    initialCall: Term | InitialFn,
  ): void {
    const p = new Process(this, pid, groupLeader, initialCall);
    pid.proc = p;
    p.gen = bodyOf(fn, args);
    p.isAsync = Symbol.asyncIterator in p.gen;
    this.#procs.set(pid.id, p);
    this.scheduler.enqueue(p);
  }

  #newPid(): Pid {
    if (this.shared !== null) return this.#pidOn(this.index);
    const per = this.#perScheduler(), count = this.schedulerCount;
    let k = this.#nextId++;
    if (k >= per) {
      this.#nextId = 1;
      k = 0;
      this.#wraps++;
    }
    while (this.#procs.has(k * count + this.index)) k = this.#nextId++;
    return new Pid(this.name, k * count + this.index, this.#wraps, this.creation);
  }

  /** The live process of `pid` on this scheduler, or `undefined`. */
  lookup(pid: Pid): Process | undefined {
    const p = pid.proc as Process | undefined;
    if (p !== undefined) return p.state === State.Exited ? undefined : p;
    if (pid.node !== this.name || pid.creation !== this.creation) return undefined;
    const q = this.#procs.get(pid.id);
    return q !== undefined && q.pid.serial === pid.serial ? q : undefined;
  }

  /** Whether `pid` names a process of this node (on any of its schedulers). */
  isLocal(pid: Pid): boolean {
    return pid.node === this.name;
  }

  /** Whether `pid` names a process of this scheduler. */
  isHere(pid: Pid): boolean {
    return pid.node === this.name && pid.id % this.schedulerCount === this.index;
  }

  // What carries signals to `pid`, a process elsewhere: another scheduler, or another node.
  #via(pid: Pid): Router | null {
    return pid.node === this.name ? this.siblings : this.router;
  }

  /** Every live process of this scheduler, oldest first. */
  processes(): Process[] {
    return [...this.#procs.values()];
  }

  /** Sends `msg` to a pid; a dead local pid drops it, as Erlang does. */
  sendPid(to: Pid, msg: Term, from: Process | null): void {
    const p = (to.proc as Process | undefined) ?? this.lookup(to);
    if (p !== undefined) p.post(msg);
    else if (!this.isHere(to)) this.#via(to)?.send(from?.pid ?? null, to, msg);
  }

  /** Sends to a registered name of this node; `false` if no process has it. */
  sendName(name: string, msg: Term): boolean {
    const p = this.#names.get(name);
    if (p !== undefined) {
      p.post(msg);
      return true;
    }
    const pid = this.whereisPid(name);
    if (pid === undefined) return false;
    if (this.isHere(pid)) {
      // Registered from another scheduler, and not yet taken on here.
      const q = this.lookup(pid);
      q?.post(msg);
      return q !== undefined;
    }
    this.siblings?.send(null, pid, msg);
    return true;
  }

  /** Sends to `#(name node)`; an unknown name on a node that is up drops the message. */
  sendNameAt(name: string, node: string, msg: Term, from: Process | null): void {
    if (node === this.name) this.sendName(name, msg);
    else this.router?.sendName(from?.pid ?? null, node, name, msg);
  }

  /** Registers `p` under `name`; `false` if the name is taken or `p` has one. */
  register(name: string, p: Process): boolean {
    if (this.#names.has(name) || p.name !== undefined || p.state === State.Exited) return false;
    if (this.shared !== null && !this.shared.register(name, p.pid.id, p.pid.serial)) return false;
    this.#names.set(name, p);
    p.name = name;
    if (tracing.count !== 0) traceProc(p, "register", name);
    return true;
  }

  /**
   * Registers a process of another scheduler of this node under `name`; `false` if the name is
   * taken. That scheduler takes the name on, or frees it if the process is gone or named.
   */
  registerElsewhere(name: string, pid: Pid): boolean {
    if (this.shared === null || this.siblings === null || this.isHere(pid)) return false;
    if (!this.shared.register(name, pid.id, pid.serial)) return false;
    this.siblings.ask(this.schedulerOf(pid), ["adopt_name", name, pid]);
    return true;
  }

  /** Takes on `name`, registered elsewhere for the process `pid` of this scheduler. */
  adoptName(name: string, pid: Pid): void {
    const p = this.lookup(pid);
    if (p === undefined || p.name !== undefined || this.#names.has(name)) {
      this.shared?.unregister(name, pid.id, pid.serial);
      return;
    }
    this.#names.set(name, p);
    p.name = name;
  }

  /** Removes a registered name of the node; `false` if it was not registered. */
  unregister(name: string): boolean {
    const p = this.#names.get(name);
    if (p === undefined) return this.shared?.unregister(name) ?? false;
    this.#names.delete(name);
    this.shared?.unregister(name, p.pid.id, p.pid.serial);
    p.name = undefined;
    if (tracing.count !== 0) traceProc(p, "unregister", name);
    return true;
  }

  /** The process of this scheduler registered under `name`. */
  whereis(name: string): Process | undefined {
    return this.#names.get(name);
  }

  /** The pid registered under `name` on this node, whichever scheduler runs it. */
  whereisPid(name: string): Pid | undefined {
    const p = this.#names.get(name);
    if (p !== undefined) return p.pid;
    const found = this.shared?.whereis(name);
    return found && new Pid(this.name, found[0], found[1], this.creation);
  }

  /** The registered names of the node. */
  registered(): string[] {
    return this.shared !== null ? this.shared.names().map(([n]) => n) : [...this.#names.keys()];
  }

  /** A new reference, unique on this node (the scheduler's number is part of it). */
  makeRef(): Ref {
    const n = ++this.#refs;
    return new Ref(this.name, this.creation, [n % 0x40000, Math.floor(n / 0x40000), this.index]);
  }

  /** Links `p` with `to`. A dead local `to` sends `noproc` to a trapping `p`. */
  link(p: Process, to: Pid): void {
    if (to === p.pid || hasPid(p.links, to)) return;
    if (!this.isHere(to)) {
      (p.links ??= []).push(to);
      this.#via(to)?.link(p.pid, to);
      return;
    }
    const q = this.lookup(to);
    if (q === undefined) {
      if (p.trapExit) this.#deliverSignal(p, ["EXIT", to, "noproc"]);
      return;
    }
    (p.links ??= []).push(to);
    (q.links ??= []).push(p.pid);
    if (tracing.count !== 0) {
      traceProc(p, "link", to);
      traceProc(q, "getting_linked", p.pid);
    }
  }

  /** Removes the link between `p` and `to`. */
  unlink(p: Process, to: Pid): void {
    removePid(p.links, to);
    if (!this.isHere(to)) {
      this.#via(to)?.unlink(p.pid, to);
      return;
    }
    const q = this.lookup(to);
    if (q !== undefined) removePid(q.links, p.pid);
    if (tracing.count !== 0) {
      traceProc(p, "unlink", to);
      if (q !== undefined) traceProc(q, "getting_unlinked", p.pid);
    }
  }

  /** `p` starts monitoring `to` (a pid, or a registered name on a node). */
  monitor(p: Process, to: Pid | [string, string], tag?: Term): Ref {
    const ref = this.makeRef();
    const down = tag ?? "DOWN";
    if (to instanceof Pid) {
      if (!this.isHere(to)) {
        (p.monitors ??= new MonitorTable()).set({ ref, other: to, node: to.node, tag });
        this.#via(to)?.monitor(p.pid, to, to.node, ref);
        return ref;
      }
      const q = this.lookup(to);
      if (q === undefined) this.#deliverSignal(p, [down, ref, "process", to, "noproc"]);
      else this.#addMonitor(p, q, ref, undefined, tag);
      return ref;
    }
    const [name, node] = to;
    const there = node === this.name ? this.whereisPid(name) : undefined;
    if (node !== this.name || (there !== undefined && !this.isHere(there))) {
      // On another scheduler the pid is known, so that losing that scheduler reaches this too.
      const other = there ?? null;
      (p.monitors ??= new MonitorTable()).set({ ref, other, node, name: [name, node], tag });
      (node === this.name ? this.siblings : this.router)?.monitor(p.pid, name, node, ref);
      return ref;
    }
    const q = this.#names.get(name);
    if (q === undefined) this.#deliverSignal(p, [down, ref, "process", [name, node], "noproc"]);
    else this.#addMonitor(p, q, ref, [name, node], tag);
    return ref;
  }

  #addMonitor(p: Process, q: Process, ref: Ref, name?: Term, tag?: Term): void {
    const mine: MonitorEntry = { ref, other: q.pid, node: this.name };
    if (tag !== undefined) mine.tag = tag;
    const theirs: MonitorEntry = { ref, other: p.pid, node: this.name };
    if (name !== undefined) mine.name = theirs.name = name;
    (p.monitors ??= new MonitorTable()).set(mine);
    (q.monitoredBy ??= new MonitorTable()).set(theirs);
  }

  /** Removes a monitor `p` holds; `false` if it held none under `ref`. */
  demonitor(p: Process, ref: Ref): boolean {
    const e = p.monitors?.get(ref);
    if (e === undefined) return false;
    p.monitors!.delete(ref);
    this.#monitorAliasGone(ref);
    this.#dropMonitor(p, e);
    return true;
  }

  // Tells the target's end that the monitor `e`, held by `p`, is gone.
  #dropMonitor(p: Process, e: MonitorEntry): void {
    if (e.other !== null && this.isHere(e.other)) {
      this.lookup(e.other)?.monitoredBy?.delete(e.ref);
    } else {
      const to = e.other ?? (e.name as [string, string])[0];
      (e.node === this.name ? this.siblings : this.router)?.demonitor(
        p.pid,
        to,
        e.node,
        e.ref,
      );
    }
  }

  /** Sends the exit signal of `exit/2` from `from` to `to`. */
  exitSignal(from: Pid, to: Pid, reason: Term): void {
    if (!this.isHere(to)) {
      this.#via(to)?.exit(from, to, reason, false);
      return;
    }
    const q = this.lookup(to);
    if (q === undefined) return;
    if (reason === "kill") this.exitProcess(q, "killed");
    else if (q.trapExit) this.#deliverSignal(q, ["EXIT", from, reason]);
    else if (reason !== "normal" || from === q.pid) this.exitProcess(q, reason);
  }

  /** Delivers a link's exit signal, from a process that ended with `reason`, to `q`. */
  linkSignal(q: Process, from: Pid, reason: Term): void {
    if (!removePid(q.links, from)) return;
    if (q.trapExit) this.#deliverSignal(q, ["EXIT", from, reason]);
    else if (reason !== "normal") this.exitProcess(q, reason);
  }

  /** Delivers a `DOWN` message for a monitor that `q` holds. */
  downSignal(q: Process, ref: Ref, object: Term, reason: Term): void {
    const e = q.monitors?.get(ref);
    if (e === undefined) return;
    q.monitors!.delete(ref);
    this.#monitorAliasGone(ref);
    this.#deliverSignal(q, [e.tag ?? "DOWN", ref, "process", object, reason]);
  }

  // ---- Node events (`net_kernel:monitor_nodes/1,2`) ----

  readonly #nodeMonitors: { pid: Pid; options: Term[] }[] = [];
  readonly #upNodes = new Set<string>();

  /** Subscribes `pid` to `{nodeup, Node}` and `{nodedown, Node}` (`on`), or ends one. */
  monitorNodes(pid: Pid, on: boolean, options: Term[]): void {
    if (on) {
      this.#nodeMonitors.push({ pid, options });
      return;
    }
    const same = (a: Term[], b: Term[]) =>
      a.length === b.length && a.every((x, i) => exactEq(x, b[i] as Term));
    const i = this.#nodeMonitors.findIndex((m) => samePid(m.pid, pid) && same(m.options, options));
    if (i >= 0) this.#nodeMonitors.splice(i, 1);
  }

  /** A node came up (`up`) or went down: its subscribers hear of it, a node down only once up. */
  nodeEvent(up: boolean, peer: string): void {
    if (up) {
      if (this.#upNodes.has(peer)) return;
      this.#upNodes.add(peer);
    } else if (!this.#upNodes.delete(peer)) return;
    for (const m of [...this.#nodeMonitors]) {
      const q = this.lookup(m.pid);
      if (q === undefined) {
        this.#nodeMonitors.splice(this.#nodeMonitors.indexOf(m), 1);
        continue;
      }
      const tag = up ? "nodeup" : "nodedown";
      if (m.options.length === 0) {
        q.post([tag, peer]);
        continue;
      }
      const info: Term[] = [];
      if (m.options.some((o) => Array.isArray(o) && o[0] === "node_type")) {
        info.push(["node_type", "visible"]);
      }
      if (!up && m.options.includes("nodedown_reason")) {
        info.push(["nodedown_reason", "connection_closed"]);
      }
      q.post([tag, peer, arrayToList(info)]);
    }
  }

  // ---- Process aliases (`alias/0,1`, `monitor/3`'s `{alias, Mode}`) ----

  readonly #aliases = new Map<string, Alias>();
  readonly #aliasesOf = new WeakMap<Process, string[]>();

  /**
   * Makes `ref` an alias of `p`: a message sent to it reaches `p` until it is unaliased, after
   * one message (`reply`), or with its monitor (`demonitor`: when the monitor goes).
   */
  addAlias(p: Process, ref: Ref, mode: AliasMode): void {
    const key = refKey(ref);
    this.#aliases.set(key, { owner: p, mode });
    const keys = this.#aliasesOf.get(p);
    if (keys === undefined) this.#aliasesOf.set(p, [key]);
    else keys.push(key);
  }

  /** Ends the alias `ref` of `p`; `false` if `p` had no such alias. */
  removeAlias(p: Process, ref: Ref): boolean {
    const key = refKey(ref);
    const a = this.#aliases.get(key);
    if (a === undefined || a.owner !== p) return false;
    this.#dropAlias(key, p);
    return true;
  }

  #dropAlias(key: string, p: Process): void {
    this.#aliases.delete(key);
    const keys = this.#aliasesOf.get(p);
    if (keys !== undefined) {
      const i = keys.indexOf(key);
      if (i >= 0) keys.splice(i, 1);
    }
  }

  // A monitor that is gone takes its alias with it when the alias was made to go so.
  #monitorAliasGone(ref: Ref): void {
    const key = refKey(ref);
    const a = this.#aliases.get(key);
    if (a !== undefined && (a.mode === "demonitor" || a.mode === "reply_demonitor")) {
      this.#dropAlias(key, a.owner);
    }
  }

  /** Sends `msg` to the alias `ref`: to its process if it is active, else nowhere. */
  sendAlias(ref: Ref, msg: Term): void {
    const key = refKey(ref);
    const a = this.#aliases.get(key);
    if (a === undefined) return;
    if (a.owner.state === State.Exited) {
      this.#dropAlias(key, a.owner);
      return;
    }
    if (a.mode === "reply" || a.mode === "reply_demonitor") {
      this.#dropAlias(key, a.owner);
      if (a.mode === "reply_demonitor") this.demonitor(a.owner, ref);
    }
    a.owner.post(msg);
  }

  #deliverSignal(q: Process, msg: Term): void {
    q.post(msg);
  }

  /**
   * Ends `p` with `reason`: it never runs again, and its links and monitors are told. Exits
   * that cascade through links are handled one after another, not by recursion.
   */
  exitProcess(p: Process, reason: Term): void {
    if (p.state === State.Exited) return;
    p.state = State.Exited;
    p.exitReason = reason;
    this.#exits.push(p);
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let i = 0; i < this.#exits.length; i++) this.#cleanUp(this.#exits[i] as Process);
    } finally {
      this.#exits.length = 0;
      this.#draining = false;
    }
  }

  #cleanUp(p: Process): void {
    const reason = p.exitReason;
    if (tracing.count !== 0) traceExit(p, reason);
    if (p.timer !== undefined) stopTimer(p);
    const onExit = p.onExit;
    if (onExit !== null) {
      p.onExit = null;
      onExit(p);
    }
    this.#procs.delete(p.pid.id);
    for (const key of this.#aliasesOf.get(p) ?? []) this.#aliases.delete(key);
    if (p.name !== undefined) {
      this.#names.delete(p.name);
      this.shared?.unregister(p.name, p.pid.id, p.pid.serial);
    }
    p.pid.proc = undefined;
    p.gen = undefined;
    p.clear();
    for (const l of p.links ?? []) {
      if (!this.isHere(l)) this.#via(l)?.exit(p.pid, l, reason, true);
      else {
        const q = this.lookup(l);
        if (q !== undefined) this.linkSignal(q, p.pid, reason);
      }
    }
    p.links = null;
    for (const e of p.monitoredBy?.values() ?? []) {
      const watcher = e.other as Pid;
      const object = e.name ?? p.pid;
      if (!this.isHere(watcher)) {
        this.#via(watcher)?.down(p.pid, watcher, e.ref, object, reason);
      } else {
        const q = this.lookup(watcher);
        if (q !== undefined) this.downSignal(q, e.ref, object, reason);
      }
    }
    p.monitoredBy = null;
    for (const e of p.monitors?.values() ?? []) this.#dropMonitor(p, e);
    p.monitors = null;
  }
}

export { refKey };

/** How long an alias lasts: until `unalias/1`, for one message, or with its monitor. */
export type AliasMode = "explicit_unalias" | "reply" | "demonitor" | "reply_demonitor";

interface Alias {
  owner: Process;
  mode: AliasMode;
}

function hasPid(pids: Pid[] | null, pid: Pid): boolean {
  if (pids === null) return false;
  for (const p of pids) if (samePid(p, pid)) return true;
  return false;
}

function removePid(pids: Pid[] | null, pid: Pid): boolean {
  if (pids === null) return false;
  for (let i = 0; i < pids.length; i++) {
    if (samePid(pids[i] as Pid, pid)) {
      pids.splice(i, 1);
      return true;
    }
  }
  return false;
}

/** Whether two pids name the same process. */
export function samePid(a: Pid, b: Pid): boolean {
  return a === b ||
    (a.id === b.id && a.serial === b.serial && a.node === b.node && a.creation === b.creation);
}

// The generator a process runs: a generator function's own, or one that calls a plain function
// once the process first runs (so that self() inside it is the new process).
function bodyOf(fn: ProcessFn, args: readonly unknown[]): Body {
  if (fn instanceof GeneratorFunction || fn instanceof AsyncGeneratorFunction) {
    return fn(...args) as Body;
  }
  if (fn instanceof AsyncFunction) {
    return (async function* () {
      return await fn(...args);
    })();
  }
  return (function* () {
    return fn(...args);
  })();
}
