/**
 * Selective receive for process bodies: `yield* receive(clauses...)` takes the oldest message
 * that one of the clauses matches, leaving the others where they are. A message already in the
 * mailbox is taken at once, without giving up the processor; otherwise the process waits, and
 * when it is woken it goes on from where it stopped scanning (the save position), so it never
 * tests the same message twice.
 *
 * @example
 * ```ts
 * import { after, on, receive } from "./receive.ts";
 * import { $ } from "./pattern.ts";
 * function* echo() {
 *   yield* receive(
 *     on(["ping", $("from")], ({ from }) => from),
 *     after(1000, () => "timeout"),
 *   );
 * }
 * ```
 *
 * @module
 */

import { currentProcess as current } from "./scheduler.ts";
import { HOLE, type Process, WAIT, type Yielded } from "./process.ts";
import { type Bindings, compile, type Handler, type Matcher, type Pattern } from "./pattern.ts";
import type { Term } from "./terms.ts";

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** A receive clause: a pattern, an optional guard, and what to do with a match. */
export class Clause<R = unknown> {
  readonly pattern: Pattern;
  readonly match: Matcher;
  readonly guard: ((b: Record<string, Term>, m: Term) => boolean) | undefined;
  readonly handler: Handler<Record<string, Term>, R>;
  /** Whether the handler is a generator function, to be run as part of the process. */
  readonly gen: boolean;
  /** Tells a clause from an {@linkcode After}. */
  readonly isAfter = false;
  constructor(
    pattern: Pattern,
    guard: Clause<R>["guard"],
    handler: Handler<Record<string, Term>, R>,
    matcher: Matcher = compile(pattern),
  ) {
    this.pattern = pattern;
    this.match = matcher;
    this.guard = guard;
    this.handler = handler;
    this.gen = handler instanceof GeneratorFunction;
  }
}

/** An `after` clause: run `handler` when no message matched within `ms` milliseconds. */
export class After<R = unknown> {
  readonly ms: number;
  readonly handler: () => R | Generator<Yielded, R, unknown>;
  readonly gen: boolean;
  /** Tells an `after` from a {@linkcode Clause}. */
  readonly isAfter = true;
  constructor(ms: number, handler: () => R | Generator<Yielded, R, unknown>) {
    if (!(ms >= 0)) {
      throw new RangeError(`Cannot wait ${ms} milliseconds: not a non-negative number`);
    }
    this.ms = ms;
    this.handler = handler;
    this.gen = handler instanceof GeneratorFunction;
  }
}

/**
 * A clause matching `pattern`; with three arguments the second is a guard. The handler may be
 * a generator function (it then runs as part of the process and may receive in turn). Make
 * clauses once, outside a loop, where you can: the pattern is compiled when the clause is made.
 */
export function on<const P, R>(pattern: P, handler: Handler<Bindings<P>, R>): Clause<R>;
export function on<const P, R>(
  pattern: P,
  guard: (b: Bindings<P>, m: Term) => boolean,
  handler: Handler<Bindings<P>, R>,
): Clause<R>;
export function on(pattern: Pattern, a: unknown, b?: unknown): Clause {
  return b === undefined
    ? new Clause(pattern, undefined, a as Clause["handler"])
    : new Clause(pattern, a as Clause["guard"], b as Clause["handler"]);
}

/** The timeout clause of a receive: `ms` may be 0 (only what is already there) or Infinity. */
export function after<R>(ms: number, handler: () => R | Generator<Yielded, R, unknown>): After<R> {
  return new After(ms, handler);
}

/** The process running the caller, or a TypeError naming what needed one. */
export function mustCurrent(what: string): Process {
  const p = current();
  if (p === null) throw new TypeError(`Cannot call ${what} outside a process`);
  return p;
}

/** Marks "no match" for {@linkcode receiveWith}. */
export const NOMATCH: unique symbol = Symbol("nomatch");

// The results `yield*` reads: one shape for all three (not frozen, which would change it), so
// that reading them stays monomorphic.
const WAITING: IteratorYieldResult<Yielded> = { value: WAIT, done: false };
const YIELDING: IteratorYieldResult<Yielded> = { value: undefined, done: false };
const DONE: { value: unknown; done: true } = { value: undefined, done: true };

// States of a receive, as bits.
const WAITED = 1; // it returned WAIT and is resumed now
const TIMER = 2; // its timer runs
const HELD = 4; // it matched when the budget ran out, and runs the handler on its next step
const INNER = 8; // its handler is a generator, now driven through it

/**
 * One receive in progress, as the iterator that `yield*` drives. It is no generator: a receive
 * that finds its message at once costs no allocation (the object is reused), and one that waits
 * keeps only this object.
 */
class Receive<R> implements Iterator<Yielded, R, unknown> {
  #p: Process;
  #st = 0;
  #i = 0;
  #n = 0;
  // The clauses: the first three in fields, so that a receive makes no array.
  #c0: Clause<R> | undefined = undefined;
  #c1: Clause<R> | undefined = undefined;
  #c2: Clause<R> | undefined = undefined;
  #more: Clause<R>[] | null = null;
  #timeout: After<R> | null = null;
  // A held match (HELD), or the handler's generator (INNER).
  #clause: Clause<R> | null = null;
  #b: Record<string, Term> | undefined = undefined;
  #value: unknown = undefined;

  constructor(p: Process) {
    this.#p = p;
  }

  /** Starts this receive over for `p` with up to four clauses, the last maybe an `after`. */
  init(
    p: Process,
    n: number,
    c0: Clause<R> | After<R> | undefined,
    c1: Clause<R> | After<R> | undefined,
    c2: Clause<R> | After<R> | undefined,
    c3: Clause<R> | After<R> | undefined,
  ): this {
    // Only the fields this receive reads are set: clauses past `n` are never looked at.
    this.#st = 0;
    this.#i = p.qh;
    const last = (n === 1 ? c0 : n === 2 ? c1 : n === 3 ? c2 : c3) as Clause<R> | After<R>;
    if (last.isAfter) {
      this.#timeout = last as After<R>;
      p.timedOut = false;
      n--;
    } else this.#timeout = null;
    this.#n = n;
    this.#c0 = c0 as Clause<R>;
    if (n > 1) {
      this.#c1 = c1 as Clause<R>;
      if (n > 2) {
        this.#c2 = c2 as Clause<R>;
        if (n > 3) this.#more = [c3 as Clause<R>];
      }
    }
    return this;
  }

  /** Starts this receive over for `p` with any number of clauses. */
  initMany(p: Process, clauses: readonly (Clause<R> | After<R>)[]): this {
    const [c0, c1, c2] = clauses;
    const last = clauses[clauses.length - 1];
    this.init(p, Math.min(3, clauses.length), c0, c1, c2, undefined);
    const rest = clauses.slice(3, last instanceof After ? -1 : undefined) as Clause<R>[];
    if (last instanceof After && clauses.length > 3) {
      this.#timeout = last;
      p.timedOut = false;
    }
    this.#n = Math.min(3, clauses.length - (last instanceof After ? 1 : 0)) + rest.length;
    this.#more = rest.length > 0 ? rest : null;
    return this;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Yielded, R> {
    const p = this.#p;
    let st = this.#st;
    if (st !== 0) {
      if ((st & INNER) !== 0) return this.#innerNext();
      if ((st & HELD) !== 0) {
        this.#st = 0;
        const c = this.#clause as Clause<R>;
        const b = this.#b as Record<string, Term>;
        const m = this.#value as Term;
        // The message and bindings go, so that a kept receive holds on to nothing.
        this.#value = this.#b = undefined;
        return this.#finish(c.handler(b, m), c.gen);
      }
      if ((st & WAITED) !== 0) {
        this.#st = st &= ~WAITED;
        if (p.timedOut) {
          p.timedOut = false;
          this.#st = 0;
          const to = this.#timeout as After<R>;
          return this.#finish(to.handler(), to.gen);
        }
      }
    }
    const q = p.q;
    if (q !== null) {
      const t = p.qt;
      const n = this.#n;
      for (let i = this.#i; i < t; i++) {
        const m = q[i];
        if (m === HOLE) continue;
        for (let k = 0; k < n; k++) {
          const c = (k === 0
            ? this.#c0
            : k === 1
            ? this.#c1
            : k === 2
            ? this.#c2
            : (this.#more as Clause<R>[])[k - 3]) as Clause<R>;
          const b = c.match(m as Term);
          if (b === undefined || (c.guard !== undefined && !guardHolds(c, b, m as Term))) {
            continue;
          }
          p.take(i);
          if (st !== 0) {
            if ((st & TIMER) !== 0) {
              stopTimer(p);
            }
            this.#st = 0;
          }
          if (--p.reds <= 0) {
            this.#st = HELD;
            this.#clause = c;
            this.#b = b;
            this.#value = m;
            return YIELDING;
          }
          const r = c.handler(b, m as Term);
          if (c.gen) {
            return this.#finish(r, true);
          }
          if (p.rx === null) {
            p.rx = this;
          }
          // `yield*` reads the result at once, before another receive can finish.
          DONE.value = r;
          return DONE as IteratorReturnResult<R>;
        }
      }
      this.#i = t;
    }
    const to = this.#timeout;
    if (to !== null) {
      if (to.ms === 0) return this.#finish(to.handler(), to.gen);
      if ((st & TIMER) === 0 && to.ms !== Infinity) {
        startTimer(p, to.ms);
        st |= TIMER;
      }
    }
    p.waitLen = p.qt;
    this.#st = st | WAITED;
    return WAITING;
  }

  #finish(r: R | Generator<Yielded, R, unknown>, gen: boolean): IteratorResult<Yielded, R> {
    if (gen) {
      this.#st = INNER;
      this.#value = r;
      return this.#innerNext();
    }
    const p = this.#p;
    if (p.rx === null) p.rx = this;
    // `yield*` reads the result at once, before another receive can finish.
    DONE.value = r;
    return DONE as IteratorReturnResult<R>;
  }

  #innerNext(): IteratorResult<Yielded, R> {
    const r = (this.#value as Generator<Yielded, R, unknown>).next();
    if (r.done) this.#value = undefined;
    return r;
  }
}

/**
 * The primitive receive: `test` returns {@linkcode NOMATCH} or the value to take the message
 * with. `ms` is the timeout (`Infinity` by default); on timeout the result is `onTimeout()`.
 */
export function receiveWith<R>(test: (message: Term) => R | typeof NOMATCH): Receive<R>;
export function receiveWith<R, T>(
  test: (message: Term) => R | typeof NOMATCH,
  ms: number,
  onTimeout: () => T,
): Receive<R | T>;
export function receiveWith<R, T>(
  test: (message: Term) => R | typeof NOMATCH,
  ms = Infinity,
  onTimeout?: () => T,
): Receive<R | T> {
  const p = mustCurrent("receive");
  // The test's value rides in the bindings slot, and the handler hands it back.
  const c = new Clause<R | T>(
    test,
    undefined,
    (b: Record<string, Term>) => (b as unknown as { v: R }).v,
    (m) => {
      const v = test(m);
      return v === NOMATCH ? undefined : { v } as unknown as Record<string, Term>;
    },
  );
  const rx = fresh<R | T>(p);
  return ms === Infinity ? rx.init(p, 1, c, undefined, undefined, undefined) : rx.init(
    p,
    2,
    c,
    after(ms, (onTimeout ?? (() => undefined)) as () => T),
    undefined,
    undefined,
  );
}

function fresh<R>(p: Process): Receive<R> {
  const rx = p.rx as Receive<R> | null;
  if (rx === null) return new Receive<R>(p);
  p.rx = null;
  return rx;
}

/** Starts the timer of a receive with `after ms`: when it fires, `p` wakes timed out. */
export function startTimer(p: Process, ms: number): void {
  const t = new ReceiveTimer(p, ms);
  p.timer = t;
  TIMERS.start(t);
}

/** Stops the timer of a receive that got its message. */
export function stopTimer(p: Process): void {
  const t = p.timer;
  if (t !== undefined) {
    TIMERS.cancel(t as ReceiveTimer);
    p.timer = undefined;
  }
  p.timedOut = false;
}

/** The timeout of one waiting receive: `ms` from when it started, due at `due` once known. */
export class ReceiveTimer {
  cancelled = false;
  due = NaN;
  constructor(readonly p: Process, readonly ms: number) {}
}

/**
 * The receive timeouts of this isolate, in a heap by due time, under one JavaScript timer
 * armed for the earliest: arming and cancelling a receive's timeout (every `gen_server:call`
 * has one) costs a heap step, not a timer of the event loop's each. Cancelled ones leave the
 * heap when they come up, or all at once when they are most of it.
 */
class TimerQueue {
  #heap: ReceiveTimer[] = [];
  #cancelled = 0;
  #armed: ReturnType<typeof setTimeout> | undefined = undefined;
  #armedFor = Infinity;
  // Timers started in this run of the scheduler, given their due time together once it ends
  // (one clock reading for all; the time counts from then, so none fires early). Most are
  // cancelled before that, their receive answered within the run, and cost nothing more.
  #starting: ReceiveTimer[] = [];

  #settling = false;

  start(t: ReceiveTimer): void {
    this.#starting.push(t);
    if (!this.#settling) {
      this.#settling = true;
      queueMicrotask(this.#settle);
    }
  }

  #settle = (): void => {
    this.#settling = false;
    const now = performance.now();
    const ts = this.#starting;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as ReceiveTimer;
      if (t.cancelled) continue;
      t.due = now + t.ms;
      this.#add(t);
    }
    ts.length = 0;
  };

  #add(t: ReceiveTimer): void {
    const h = this.#heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as ReceiveTimer).due <= t.due) break;
      h[i] = h[parent] as ReceiveTimer;
      i = parent;
    }
    h[i] = t;
    if (t.due < this.#armedFor) this.#arm(t.due);
  }

  cancel(t: ReceiveTimer): void {
    if (t.cancelled) return;
    t.cancelled = true;
    if (Number.isNaN(t.due)) {
      // Not in the heap yet: the last one started (a call answered at once) leaves at once.
      const ts = this.#starting;
      if (ts[ts.length - 1] === t) ts.pop();
      return;
    }
    if (++this.#cancelled > 64 && this.#cancelled * 2 > this.#heap.length) this.#compact();
  }

  #compact(): void {
    const live = this.#heap.filter((t) => !t.cancelled).sort((a, b) => a.due - b.due);
    this.#heap = live;
    this.#cancelled = 0;
  }

  #pop(): ReceiveTimer {
    const h = this.#heap;
    const top = h[0] as ReceiveTimer;
    const last = h.pop() as ReceiveTimer;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        let mDue = last.due;
        if (l < n && (h[l] as ReceiveTimer).due < mDue) {
          m = l;
          mDue = (h[l] as ReceiveTimer).due;
        }
        if (r < n && (h[r] as ReceiveTimer).due < mDue) m = r;
        if (m === i) break;
        h[i] = h[m] as ReceiveTimer;
        i = m;
      }
      h[i] = last;
    }
    if (top.cancelled) this.#cancelled--;
    return top;
  }

  #arm(due: number): void {
    if (this.#armed !== undefined) clearTimeout(this.#armed);
    this.#armedFor = due;
    this.#armed = setTimeout(this.#fire, Math.max(0, Math.ceil(due - performance.now())));
  }

  #fire = (): void => {
    this.#armed = undefined;
    this.#armedFor = Infinity;
    const now = performance.now();
    const h = this.#heap;
    while (h.length > 0 && (h[0] as ReceiveTimer).due <= now + 0.5) {
      const t = this.#pop();
      if (t.cancelled) continue;
      t.cancelled = true;
      const p = t.p;
      if (p.timer === t) {
        p.timer = undefined;
        p.timedOut = true;
        p.node.scheduler.wake(p);
      }
    }
    while (h.length > 0 && (h[0] as ReceiveTimer).cancelled) this.#pop();
    if (h.length > 0) this.#arm((h[0] as ReceiveTimer).due);
  };
}

const TIMERS = new TimerQueue();

/**
 * Receives the oldest message that one of `clauses` matches and returns what its handler
 * returns (a handler may be a generator function: it runs as part of the process). A last
 * {@linkcode after} clause sets a timeout. Use it as `yield* receive(...)`.
 */
export function receive<R>(...clauses: (Clause<R> | After<R>)[]): Receive<R>;
export function receive<R>(
  c0?: Clause<R> | After<R>,
  c1?: Clause<R> | After<R>,
  c2?: Clause<R> | After<R>,
  c3?: Clause<R> | After<R>,
  ...more: (Clause<R> | After<R>)[]
): Receive<R> {
  const p = current() ?? mustCurrent("receive");
  const rx = fresh<R>(p);
  if (more.length > 0) {
    return rx.initMany(p, [c0, c1, c2, c3, ...more] as (Clause<R> | After<R>)[]);
  }
  const n = c3 !== undefined ? 4 : c2 !== undefined ? 3 : c1 !== undefined ? 2 : 1;
  if (c0 === undefined) {
    throw new TypeError("Cannot receive without a clause: give on() or after()");
  }
  return rx.init(p, n, c0, c1, c2, c3);
}

export type { Receive };

// A guard that throws is a guard that fails, as in Erlang.
function guardHolds(c: Clause, b: Record<string, Term>, m: Term): boolean {
  try {
    return (c.guard as NonNullable<Clause["guard"]>)(b, m) === true;
  } catch {
    return false;
  }
}

/** Takes every message from the mailbox of the calling process, oldest first. */
export function takeAll(): Term[] {
  const p = mustCurrent("takeAll");
  const all = p.messages();
  p.clear();
  return all;
}
