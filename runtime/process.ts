/**
 * A process: a generator run by its node's scheduler, with a mailbox, links, monitors and a
 * group leader. The mailbox is an array with a head index; a selective receive removes a
 * message from the middle by leaving a hole, so no message moves while others wait.
 *
 * @module
 */

import { traceReceive, tracing } from "./trace.ts";
import type { Node } from "./node.ts";
import { type Fun, funInfo, type Pid, type Ref, type Term } from "./terms.ts";

/** What a process body yields to its scheduler: nothing to go on later, or `WAIT`. */
export const WAIT: unique symbol = Symbol("wait");
/** A value a process yields: `undefined` to let others run, {@linkcode WAIT} to wait. */
export type Yielded = typeof WAIT | undefined | void;
/** The generator that is a process body. */
export type Body =
  | Generator<Yielded, unknown, unknown>
  | AsyncGenerator<Yielded, unknown, unknown>;

/** Where a process stands. */
export const State = {
  /** In the run queue. */
  Runnable: 0,
  /** Being stepped, or (an async body) waiting for its step's promise. */
  Running: 1,
  /** Blocked in a receive. */
  Waiting: 2,
  /** Ended; its generator is never resumed again. */
  Exited: 3,
  /** Held by `erlang:suspend_process/1,2`: not run, and not woken by messages, until resumed. */
  Suspended: 4,
} as const;
/** One of {@linkcode State}. */
export type State = typeof State[keyof typeof State];

/** A removed message in the middle of a mailbox. */
export const HOLE: unique symbol = Symbol("hole");

/** A monitor between two processes, seen from either end. */
export interface MonitorEntry {
  /** The monitor's reference. */
  ref: Ref;
  /** The other end: the target for the watcher, the watcher for the target; `null` while a
   * remote name is not yet resolved. */
  other: Pid | null;
  /** The node of the other end. */
  node: string;
  /** The name monitored, when the monitor was made by registered name. */
  name?: Term;
  /** What the `DOWN` message begins with in place of `DOWN` (`monitor/3`'s `{tag, Tag}`). */
  tag?: Term | undefined;
}

// Whether two references are one: the same object, or made alike (one that came back from
// another scheduler or node is a copy).
function sameRef(a: Ref, b: Ref): boolean {
  if (a === b) return true;
  if (a.node !== b.node) return false;
  const x = a.ids, y = b.ids;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The key a reference is kept under in a table of many. */
export function refKey(ref: Ref): string {
  let k = ref.key;
  if (k === undefined) {
    const ids = ref.ids;
    k = ids.length === 3
      ? `${ids[0]}.${ids[1]}.${ids[2]}@${ref.node}`
      : `${ids.join(".")}@${ref.node}`;
    ref.key = k;
  }
  return k;
}

/**
 * The monitors of one process, by reference: a few in a short array (a process mostly holds
 * one or two, made and dropped on every `gen_server:call`), many in a Map.
 */
export class MonitorTable {
  #vals: MonitorEntry[] = [];
  #map: Map<string, MonitorEntry> | null = null;

  get size(): number {
    return this.#map !== null ? this.#map.size : this.#vals.length;
  }
  #find(ref: Ref): number {
    const v = this.#vals;
    for (let i = 0; i < v.length; i++) if ((v[i] as MonitorEntry).ref === ref) return i;
    for (let i = 0; i < v.length; i++) if (sameRef((v[i] as MonitorEntry).ref, ref)) return i;
    return -1;
  }
  /** Adds the monitor `e` under its reference. */
  set(e: MonitorEntry): this {
    if (this.#map !== null) {
      this.#map.set(refKey(e.ref), e);
      return this;
    }
    const i = this.#find(e.ref);
    if (i >= 0) this.#vals[i] = e;
    else if (this.#vals.length < 16) this.#vals.push(e);
    else {
      this.#map = new Map(this.#vals.map((x) => [refKey(x.ref), x]));
      this.#map.set(refKey(e.ref), e);
      this.#vals = [];
    }
    return this;
  }
  get(ref: Ref): MonitorEntry | undefined {
    if (this.#map !== null) return this.#map.get(refKey(ref));
    const i = this.#find(ref);
    return i < 0 ? undefined : this.#vals[i];
  }
  has(ref: Ref): boolean {
    return this.get(ref) !== undefined;
  }
  delete(ref: Ref): boolean {
    if (this.#map !== null) return this.#map.delete(refKey(ref));
    const i = this.#find(ref);
    if (i < 0) return false;
    const v = this.#vals;
    v[i] = v[v.length - 1] as MonitorEntry;
    v.pop();
    return true;
  }
  values(): IterableIterator<MonitorEntry> {
    return this.#map !== null ? this.#map.values() : [...this.#vals].values();
  }
}

/** What few processes need: kept apart so that a million waiting processes stay small. */
interface Extra {
  links: Pid[] | null;
  monitors: MonitorTable | null;
  monitoredBy: MonitorTable | null;
  name: string | undefined;
  dict: Map<unknown, [Term, Term]> | null;
  onExit: ((p: Process) => void) | null;
}

const IS_ASYNC = 1;
const TRAP_EXIT = 2;
const TIMED_OUT = 4;
const INITIAL_FN = 8;
const BLOCKED = 16;

/** A body function standing for the initial call, read from it only when asked. */
export class InitialFn {
  readonly fn: Fun;
  constructor(fn: Fun) {
    this.fn = fn;
  }
}

/** A process of a local node. Fields are read and written by the node and its scheduler. */
export class Process {
  readonly pid: Pid;
  readonly node: Node;
  gen: Body | undefined = undefined;
  state: State = State.Runnable as State;
  /** Messages; `HOLE` marks one taken by a selective receive. */
  q: (Term | typeof HOLE)[] | null = null;
  /** Index of the first message not taken. */
  qh = 0;
  /** Index after the last message; slots from here on are free (the array is reused). */
  qt = 0;
  /** The mailbox length when the process last found nothing to match. */
  waitLen = 0;
  /** Reductions left in this slice. */
  reds = 0;
  /** Total reductions, for inspection. */
  reductions = 0;
  groupLeader: Pid;
  /** The timeout of the receive it waits in, if it has one. */
  timer: { cancelled: boolean } | undefined = undefined;
  /** The exit reason, once exited. */
  exitReason: Term = null;
  /** A finished receive kept for the next one, so a receive allocates nothing. */
  rx: unknown = null;
  #flags = 0;
  #extra: Extra | null = null;
  /** `#(module function arity)`, or (flag INITIAL_FN) the body function to read it from. */
  #initialCall: unknown;

  constructor(node: Node, pid: Pid, groupLeader: Pid, initialCall: Term | InitialFn) {
    this.node = node;
    this.pid = pid;
    this.groupLeader = groupLeader;
    if (initialCall instanceof InitialFn) {
      this.#initialCall = initialCall.fn;
      this.#flags = INITIAL_FN;
    } else this.#initialCall = initialCall;
  }

  #x(): Extra {
    return this.#extra ??= {
      links: null,
      monitors: null,
      monitoredBy: null,
      name: undefined,
      dict: null,
      onExit: null,
    };
  }
  #flag(bit: number, on: boolean): void {
    this.#flags = on ? this.#flags | bit : this.#flags & ~bit;
  }

  /** Whether the body is an async generator. */
  get isAsync(): boolean {
    return (this.#flags & IS_ASYNC) !== 0;
  }
  set isAsync(on: boolean) {
    this.#flag(IS_ASYNC, on);
  }
  /** Whether exit signals arrive as messages. */
  get trapExit(): boolean {
    return (this.#flags & TRAP_EXIT) !== 0;
  }
  set trapExit(on: boolean) {
    this.#flag(TRAP_EXIT, on);
  }
  /** Whether it waits, at its next yield, for a busy connection to another node to drain. */
  get blocked(): boolean {
    return (this.#flags & BLOCKED) !== 0;
  }
  set blocked(on: boolean) {
    this.#flag(BLOCKED, on);
  }
  /** Whether the timer of the current receive has fired. */
  get timedOut(): boolean {
    return (this.#flags & TIMED_OUT) !== 0;
  }
  set timedOut(on: boolean) {
    this.#flag(TIMED_OUT, on);
  }
  /**
   * What runs as the process ends, before its links and monitors hear of it (the ets tables
   * it owns are deleted so).
   */
  get onExit(): ((p: Process) => void) | null {
    return this.#extra?.onExit ?? null;
  }
  set onExit(f: ((p: Process) => void) | null) {
    if (f !== null || this.#extra !== null) this.#x().onExit = f;
  }
  get links(): Pid[] | null {
    return this.#extra?.links ?? null;
  }
  set links(v: Pid[] | null) {
    if (v !== null || this.#extra !== null) this.#x().links = v;
  }
  /** Monitors this process holds on others. */
  get monitors(): MonitorTable | null {
    return this.#extra?.monitors ?? null;
  }
  set monitors(v: MonitorTable | null) {
    if (v !== null || this.#extra !== null) this.#x().monitors = v;
  }
  /** Monitors others hold on this process. */
  get monitoredBy(): MonitorTable | null {
    return this.#extra?.monitoredBy ?? null;
  }
  set monitoredBy(v: MonitorTable | null) {
    if (v !== null || this.#extra !== null) this.#x().monitoredBy = v;
  }
  /** The registered name. */
  get name(): string | undefined {
    return this.#extra?.name;
  }
  set name(v: string | undefined) {
    if (v !== undefined || this.#extra !== null) this.#x().name = v;
  }
  /** The process dictionary. */
  get dict(): Map<unknown, [Term, Term]> | null {
    return this.#extra?.dict ?? null;
  }
  set dict(v: Map<unknown, [Term, Term]> | null) {
    if (v !== null || this.#extra !== null) this.#x().dict = v;
  }
  /** `#(module function arity)` the process started in. */
  get initialCall(): Term {
    if ((this.#flags & INITIAL_FN) !== 0) {
      this.#flag(INITIAL_FN, false);
      const i = funInfo(this.#initialCall as Fun);
      this.#initialCall = [i.module, i.name, i.arity];
    }
    return this.#initialCall as Term;
  }

  /** Appends a message. */
  deliver(msg: Term): void {
    const q = this.q;
    if (q === null) {
      this.q = [msg];
      this.qt = 1;
    } else if (this.qt < q.length) q[this.qt++] = msg;
    else {
      q.push(msg);
      this.qt++;
    }
  }

  /** Delivers a message and wakes the process if it waits for one; an exited one takes none. */
  post(msg: Term): void {
    const st = this.state;
    if (st === State.Exited) return;
    if (tracing.count !== 0) traceReceive(this, msg);
    this.deliver(msg);
    if (st === State.Waiting) this.node.scheduler.enqueue(this);
  }

  /** The number of messages not yet taken. */
  get queueLength(): number {
    const q = this.q;
    if (q === null) return 0;
    let n = 0;
    for (let i = this.qh; i < this.qt; i++) if (q[i] !== HOLE) n++;
    return n;
  }

  /** Takes the message at index `i` out of the mailbox. */
  take(i: number): void {
    const q = this.q as (Term | typeof HOLE)[];
    q[i] = HOLE;
    if (i !== this.qh) return;
    const t = this.qt;
    let h = i + 1;
    while (h < t && q[h] === HOLE) h++;
    if (h === t) {
      // Empty: start again at the front, keeping the array's storage for the next message.
      for (let j = i; j < t; j++) q[j] = HOLE;
      this.qh = this.qt = 0;
    } else if (h > 1024 && h > t >> 1) {
      // A long-lived backlog: move it to the front so the array does not grow forever.
      q.copyWithin(0, h, t);
      q.length = t - h;
      this.qh = 0;
      this.qt = t - h;
    } else {
      this.qh = h;
    }
  }

  /** Takes every message out of the mailbox. */
  clear(): void {
    this.q = null;
    this.qh = this.qt = 0;
  }

  /** The messages not yet taken, oldest first. */
  messages(): Term[] {
    const q = this.q;
    if (q === null) return [];
    const out: Term[] = [];
    for (let i = this.qh; i < this.qt; i++) {
      const m = q[i];
      if (m !== HOLE) out.push(m as Term);
    }
    return out;
  }
}

/** The type of a process body written in TypeScript: `function* p(): Proc { ... }`. */
export type Proc<R = unknown> = Generator<Yielded, R, unknown>;

/** Adds `f` to what runs when `p` ends, after what was there. */
export function addOnExit(p: Process, f: (p: Process) => void): void {
  const prev = p.onExit;
  p.onExit = prev === null ? f : (q) => {
    prev(q);
    f(q);
  };
}
