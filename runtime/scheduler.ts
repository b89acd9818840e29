/**
 * The scheduler: steps runnable processes from a run queue. A synchronous body (`function*`)
 * costs no promise per step; an async body (`async function*`) is stepped without blocking the
 * queue and comes back when its promise settles. A turn of the event loop runs processes for
 * at most a time slice, then lets timers and I/O in.
 *
 * @module
 */

import type { AsyncLocalStorage } from "node:async_hooks";
import { type Process, State, WAIT } from "./process.ts";

const generatorNext: (this: Generator<unknown>) => IteratorResult<unknown> =
  Object.getPrototypeOf(function* () {}).prototype.next;

/** Reductions a process may use before it must let others run. */
export const BUDGET = 2000;
/** How long one turn of the event loop may run processes, in milliseconds. */
const SLICE_MS = 8;
/** An idle gap this long between turns ends a chain of microtask turns, in milliseconds. */
const IDLE_GAP_MS = 1;

/** What the scheduler reports back to its node. */
export interface SchedulerHost {
  /** A process returned from its body. */
  finished(p: Process, value: unknown): void;
  /** A process's body threw. */
  crashed(p: Process, e: unknown): void;
  /** A turn ended with `waiting` processes in the run queue. */
  turnEnded?(waiting: number): void;
}

/** A first-in first-out queue of processes in a growable ring buffer. */
class RunQueue {
  #a: (Process | undefined)[] = new Array(64);
  #h = 0;
  #t = 0;
  #mask = 63;
  get length(): number {
    return (this.#t - this.#h) & this.#mask;
  }
  push(p: Process): void {
    this.#a[this.#t] = p;
    this.#t = (this.#t + 1) & this.#mask;
    if (this.#t === this.#h) this.#grow();
  }
  shift(): Process | undefined {
    if (this.#h === this.#t) return undefined;
    const p = this.#a[this.#h];
    this.#a[this.#h] = undefined;
    this.#h = (this.#h + 1) & this.#mask;
    return p;
  }
  #grow(): void {
    const n = this.#a.length;
    const b: (Process | undefined)[] = new Array(n * 2);
    for (let i = 0; i < n; i++) b[i] = this.#a[(this.#h + i) & this.#mask];
    this.#a = b;
    this.#h = 0;
    this.#t = n;
    this.#mask = n * 2 - 1;
  }
}

let current: Process | null = null;
// Which process an async body's code belongs to, across its awaits. Loaded with the first async
// process: most nodes run none, and loading it costs every start a few milliseconds.
let asyncCurrent: AsyncLocalStorage<Process> | undefined;
let asyncLoading: Promise<void> | undefined;
function loadAsyncContext(): Promise<void> {
  return asyncLoading ??= import("node:async_hooks").then((m) => {
    asyncCurrent = new m.AsyncLocalStorage<Process>();
  });
}

/** The process whose code is running, or `null` outside any process. */
export function currentProcess(): Process | null {
  return current ?? asyncCurrent?.getStore() ?? null;
}

/** Runs processes of one node. */
export class Scheduler {
  readonly #host: SchedulerHost;
  readonly #runq = new RunQueue();
  #pending = false;
  #chainStart = 0;
  #idleSince = 0;
  readonly #run = () => this.#runTurn();
  /**
   * Set when steps left signals for other schedulers. They go out as one batch at the end of
   * the turn, or after a step once they have waited a millisecond, so that a long step does
   * not hold back what came before it.
   */
  outPending = false;
  /** When the signals waiting for other schedulers began to wait (`Date.now()`). */
  outSince = 0;
  /** Sends what is pending for other schedulers. */
  flushOut: () => void = () => {};
  /** Runs when the run queue is empty, before the scheduler sleeps. */
  idle: (() => void) | null = null;
  readonly #runMicro = () => this.#runMicrotask();

  constructor(host: SchedulerHost) {
    this.#host = host;
  }

  /** Number of processes waiting to run. */
  get runQueueLength(): number {
    return this.#runq.length;
  }

  /** Puts a runnable process at the end of the queue and makes sure a turn will come. */
  enqueue(p: Process): void {
    p.state = State.Runnable;
    this.#runq.push(p);
    if (!this.#pending) {
      this.#pending = true;
      queueMicrotask(this.#runMicro);
    }
  }

  /** Makes a waiting process runnable (a message or a timeout arrived). */
  wake(p: Process): void {
    if (p.state === State.Waiting) this.enqueue(p);
  }

  // Turns started from microtasks chain into each other without a turn of the event loop in
  // between. A turn that starts after the scheduler sat idle a while starts a new chain; one
  // that continues a chain past a time slice hands over to setImmediate, so that I/O and timers
  // get in even when async processes keep waking each other.
  #runMicrotask(): void {
    // Date.now(): millisecond precision is enough here, and it costs no call into Deno.
    const now = Date.now();
    if (now - this.#idleSince > IDLE_GAP_MS) this.#chainStart = now;
    else if (now - this.#chainStart > SLICE_MS) {
      setImmediate(this.#run);
      return;
    }
    this.#loop(now);
  }

  #runTurn(): void {
    const now = Date.now();
    this.#chainStart = now;
    this.#loop(now);
  }

  #loop(start: number): void {
    const q = this.#runq;
    const deadline = start + SLICE_MS;
    let steps = 0;
    for (;;) {
      const p = q.shift();
      if (p === undefined) break;
      if (p.state !== State.Runnable) continue;
      const gen = p.gen;
      if (gen === undefined) continue;
      p.reds = BUDGET;
      p.state = State.Running;
      if (p.isAsync) this.#stepAsync(p, gen as AsyncGenerator<unknown>);
      else {
        // The step of a synchronous body, inline: this is the hot path of every switch.
        current = p;
        let r: IteratorResult<unknown>;
        try {
          r = generatorNext.call(gen as Generator<unknown>);
        } catch (e) {
          current = null;
          if ((p.state as State) !== State.Exited) this.#host.crashed(p, e);
          continue;
        }
        current = null;
        if (this.outPending && Date.now() - this.outSince >= 1) {
          this.outPending = false;
          this.flushOut();
        }
        p.reductions += BUDGET - p.reds;
        if ((p.state as State) === State.Exited) {
          // ended by a signal while it ran
        } else if (r.value === WAIT && !r.done) {
          if (p.qt > p.waitLen) {
            p.state = State.Runnable;
            q.push(p);
          } else p.state = State.Waiting;
        } else if (r.done) this.#host.finished(p, r.value);
        else if (p.blocked) p.state = State.Waiting; // woken when its connection drains
        else {
          p.state = State.Runnable;
          q.push(p);
        }
      }
      if ((++steps & 127) === 0 && Date.now() > deadline) {
        this.#host.turnEnded?.(q.length);
        setImmediate(this.#run);
        return;
      }
    }
    this.#host.turnEnded?.(0);
    this.#pending = false;
    this.#idleSince = Date.now();
    if (this.idle !== null) {
      if (this.outPending) {
        this.outPending = false;
        this.flushOut();
      }
      this.idle();
    }
  }

  #stepAsync(p: Process, gen: AsyncGenerator<unknown>): void {
    const context = asyncCurrent;
    if (context === undefined) {
      void loadAsyncContext().then(() => this.#stepAsync(p, gen));
      return;
    }
    let r;
    try {
      r = context.run(p, () => gen.next());
    } catch (e) {
      this.#host.crashed(p, e);
      return;
    }
    r.then((res) => this.#after(p, res), (e) => {
      if ((p.state as State) !== State.Exited) this.#host.crashed(p, e);
    });
  }

  #after(p: Process, r: IteratorResult<unknown>): void {
    if (p.state === State.Exited) return;
    if (r.done) {
      this.#host.finished(p, r.value);
    } else if (r.value === WAIT) {
      // A message or timeout that came while an async step was settling must not be missed.
      if (p.qt > p.waitLen || p.timedOut) this.enqueue(p);
      else p.state = State.Waiting;
    } else {
      this.enqueue(p);
    }
  }
}
