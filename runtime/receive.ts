/**
 * Selective receive for process bodies: `yield* receive(clauses...)` takes the oldest message
 * that one of the clauses matches, leaving the others where they are. A message already in the
 * mailbox is taken at once, without giving up the processor; otherwise the process waits, and
 * when it is woken it goes on from where it stopped scanning (the save position), so it never
 * tests the same message twice.
 *
 * @example
 * ```ts
 * import { $, after, on, receive } from "./receive.ts";
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

import { currentProcess } from "./scheduler.ts";
import { HOLE, type Process, WAIT, type Yielded } from "./process.ts";
import { exactEq } from "./term_order.ts";
import { Cons, Float, Pid, Ref, type Term, TermMap } from "./terms.ts";

/** A pattern variable; it binds what it meets, or must equal what it bound before. */
export class Var<N extends string = string> {
  // Private, so that only a Var is a Var (a function also has a name).
  readonly #var = true;
  readonly name: N;
  constructor(name: N) {
    this.name = name;
  }
}

/** The wildcard pattern: matches anything and binds nothing. */
export const _: unique symbol = Symbol("_");

/** Makes a pattern variable named `name`. */
export function $<N extends string>(name: N): Var<N> {
  return new Var(name);
}

/** A pattern: a term in which `_` and variables may stand for parts. */
export type Pattern = unknown;

// Variables named in a pattern; the depth bound stops the search at Term's own recursion.
type VarsOf<P, D extends unknown[] = []> = D["length"] extends 8 ? never
  : P extends Var<infer N> ? N
  : P extends readonly (infer E)[] ? VarsOf<E, [...D, 0]>
  : never;
/** What a pattern binds, by variable name (any name, for a pattern whose variables hide in a list). */
export type Bindings<P> = [VarsOf<P>] extends [never] ? Record<string, Term>
  : { [K in VarsOf<P>]: Term };

type Handler<B, R> = (bindings: B, message: Term) => R | Generator<Yielded, R, unknown>;

/** Tests a message against a compiled pattern: the bindings, or `undefined`. */
type Matcher = (m: Term) => Record<string, Term> | undefined;

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** A receive clause: a pattern, an optional guard, and what to do with a match. */
export class Clause<R = unknown> {
  readonly pattern: Pattern;
  readonly match: Matcher;
  readonly guard: ((b: Record<string, Term>, m: Term) => boolean) | undefined;
  readonly handler: Handler<Record<string, Term>, R>;
  /** Whether the handler is a generator function, to be run as part of the process. */
  readonly gen: boolean;
  constructor(
    pattern: Pattern,
    guard: Clause<R>["guard"],
    handler: Handler<Record<string, Term>, R>,
  ) {
    this.pattern = pattern;
    this.match = compile(pattern);
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

const EMPTY: Record<string, Term> = Object.freeze({}) as Record<string, Term>;

/**
 * Matches `message` against `pattern`; returns the bindings, or `undefined` for no match.
 * `bound` holds variables already bound (they must match equal terms).
 */
export function match(
  pattern: Pattern,
  message: Term,
  bound: Record<string, Term> = EMPTY,
): Record<string, Term> | undefined {
  if (pattern === message || pattern === _) return bound;
  const out = { ...bound };
  return matchInto(pattern, message, out) ? out : undefined;
}

function matchInto(p: Pattern, m: Term, b: Record<string, Term>): boolean {
  if (p === m || p === _) return true;
  if (p === null || typeof p !== "object") return false;
  if (p instanceof Var) {
    if (Object.hasOwn(b, p.name)) return exactEq(b[p.name] as Term, m);
    b[p.name] = m;
    return true;
  }
  if (Array.isArray(p)) {
    if (!Array.isArray(m) || m.length !== p.length) return false;
    for (let i = 0; i < p.length; i++) if (!matchInto(p[i], m[i] as Term, b)) return false;
    return true;
  }
  if (p instanceof Cons) {
    let pc: unknown = p;
    let mc: Term = m;
    while (pc instanceof Cons) {
      if (!(mc instanceof Cons) || !matchInto(pc.hd, mc.hd, b)) return false;
      pc = pc.tl;
      mc = mc.tl;
    }
    return matchInto(pc, mc, b);
  }
  if (p instanceof TermMap) {
    if (!(m instanceof TermMap)) return false;
    for (const [k, v] of p.entries()) {
      const mv = m.get(k);
      if (mv === undefined || !matchInto(v, mv, b)) return false;
    }
    return true;
  }
  if (p instanceof Float || p instanceof Uint8Array || p instanceof Pid || p instanceof Ref) {
    return exactEq(p, m);
  }
  return false;
}

function hasVar(p: Pattern): boolean {
  if (p instanceof Var) return true;
  if (Array.isArray(p)) return p.some(hasVar);
  if (p instanceof Cons) return hasVar(p.hd) || hasVar(p.tl);
  if (p instanceof TermMap) return p.entries().some(([, v]) => hasVar(v));
  return false;
}

// Compiles the common shapes — a literal, a wildcard, a tuple of literals and variables that
// occur once — into closures that allocate nothing on a miss; the rest are interpreted.
function compile(p: Pattern): Matcher {
  if (p === _) return () => EMPTY;
  if (p === null || (typeof p !== "object" && typeof p !== "function")) {
    return (m) => m === p ? EMPTY : undefined;
  }
  if (!hasVar(p)) {
    return (m) => exactEq(p as Term, m) ? EMPTY : undefined;
  }
  if (p instanceof Var) {
    const name = p.name;
    return (m) => ({ [name]: m });
  }
  if (Array.isArray(p) && p.every((e) => !Array.isArray(e) && !(e instanceof Cons))) {
    const n = p.length;
    const names = p.map((e) => e instanceof Var ? e.name : undefined);
    if (new Set(names.filter((x) => x !== undefined)).size === names.filter((x) => x).length) {
      const lits = p.map((e) => e instanceof Var || e === _ ? _ : e);
      return (m) => {
        if (!Array.isArray(m) || m.length !== n) return undefined;
        for (let i = 0; i < n; i++) {
          const l = lits[i];
          if (l !== _ && l !== m[i] && !exactEq(l as Term, m[i] as Term)) return undefined;
        }
        const b: Record<string, Term> = {};
        for (let i = 0; i < n; i++) {
          const name = names[i];
          if (name !== undefined) b[name] = m[i] as Term;
        }
        return b;
      };
    }
  }
  return (m) => match(p, m);
}

/** The process running the caller, or a TypeError naming what needed one. */
export function mustCurrent(what: string): Process {
  const p = currentProcess();
  if (p === null) throw new TypeError(`Cannot call ${what} outside a process`);
  return p;
}

/** Marks "no match" for {@linkcode receiveWith}. */
export const NOMATCH: unique symbol = Symbol("nomatch");

const WAITING: IteratorYieldResult<Yielded> = Object.freeze({ done: false, value: WAIT });
const YIELDING: IteratorYieldResult<Yielded> = Object.freeze({ done: false, value: undefined });
const DONE: { done: true; value: unknown } = { done: true, value: undefined };

/**
 * One receive in progress, as the iterator that `yield*` drives. It is no generator: a receive
 * that finds its message at once costs one small object, and one that waits keeps only this.
 */
class Receive<R> implements Iterator<Yielded, R, unknown> {
  #p: Process;
  #test: ((m: Term) => unknown) | null = null;
  // The clauses: the first three in fields, so that a receive makes no array.
  #c0: Clause<R> | undefined = undefined;
  #c1: Clause<R> | undefined = undefined;
  #c2: Clause<R> | undefined = undefined;
  #more: Clause<R>[] | null = null;
  #n = 0;
  #timeout: After<unknown> | null = null;
  #i = 0;
  #timer = false;
  #waiting = false;
  // A match made when the budget ran out: run once the process is scheduled again.
  #held = false;
  #inner: Iterator<Yielded, R, unknown> | null = null;
  #clause: Clause<R> | null = null;
  #b: Record<string, Term> | undefined = undefined;
  #value: unknown = undefined;

  constructor(p: Process) {
    this.#p = p;
  }

  /** {@linkcode init} for at most four clauses, given one by one. */
  init4(
    p: Process,
    n: number,
    c0: Clause<R> | After<R> | undefined,
    c1: Clause<R> | After<R> | undefined,
    c2: Clause<R> | After<R> | undefined,
    c3: Clause<R> | After<R> | undefined,
  ): this {
    this.#p = p;
    this.#test = null;
    const last = n === 1 ? c0 : n === 2 ? c1 : n === 3 ? c2 : c3;
    if (last instanceof After) {
      this.#timeout = last as After<unknown>;
      n--;
    } else this.#timeout = null;
    this.#n = n;
    this.#c0 = c0 as Clause<R> | undefined;
    this.#c1 = c1 as Clause<R> | undefined;
    this.#c2 = c2 as Clause<R> | undefined;
    this.#more = n === 4 ? [c3 as Clause<R>] : null;
    this.#i = p.qh;
    this.#timer = this.#waiting = this.#held = false;
    this.#inner = null;
    this.#clause = null;
    if (this.#timeout !== null) p.timedOut = false;
    return this;
  }

  /** Starts this receive over for `p` (a receive object is reused once finished). */
  init(
    p: Process,
    test: ((m: Term) => unknown) | null,
    clauses: ArrayLike<Clause<R> | After<R>>,
  ): this {
    this.#p = p;
    this.#test = test;
    let n = clauses.length;
    const last = clauses[n - 1];
    if (last instanceof After) {
      this.#timeout = last as After<unknown>;
      n--;
    } else this.#timeout = null;
    this.#n = n;
    this.#c0 = clauses[0] as Clause<R> | undefined;
    this.#c1 = clauses[1] as Clause<R> | undefined;
    this.#c2 = clauses[2] as Clause<R> | undefined;
    this.#more = null;
    for (let i = 3; i < n; i++) (this.#more ??= []).push(clauses[i] as Clause<R>);
    this.#i = p.qh;
    this.#timer = this.#waiting = this.#held = false;
    this.#inner = null;
    this.#clause = null;
    p.timedOut = false;
    return this;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Yielded, R> {
    if (this.#inner !== null) return this.#inner.next();
    const p = this.#p;
    if (this.#held) {
      this.#held = false;
      return this.#run();
    }
    if (this.#waiting) {
      this.#waiting = false;
      if (p.timedOut) {
        p.timedOut = false;
        return this.#timedOut();
      }
    }
    const q = p.q;
    if (q !== null) {
      const t = p.qt;
      for (let i = this.#i; i < t; i++) {
        const m = q[i];
        if (m === HOLE || !this.#try(m as Term)) continue;
        p.take(i);
        if (this.#timer) stopTimer(p);
        if (--p.reds <= 0) {
          this.#held = true;
          return YIELDING;
        }
        return this.#run();
      }
      this.#i = t;
    }
    const to = this.#timeout;
    if (to !== null) {
      if (to.ms === 0) return this.#timedOut();
      if (!this.#timer && to.ms !== Infinity) {
        startTimer(p, to.ms);
        this.#timer = true;
      }
    }
    p.waitLen = p.qt;
    this.#waiting = true;
    return WAITING;
  }

  // Whether a clause takes `m`; the clause and bindings (or the test's value) are kept.
  #try(m: Term): boolean {
    const test = this.#test;
    if (test !== null) {
      const r = test(m);
      if (r === NOMATCH) return false;
      this.#value = r;
      return true;
    }
    for (let c = 0; c < this.#n; c++) {
      const clause = (c === 0 ? this.#c0 : c === 1 ? this.#c1 : c === 2 ? this.#c2 : (this.#more as Clause<R>[])[c - 3]) as Clause<R>;
      const b = clause.match(m);
      if (b === undefined || (clause.guard !== undefined && !guardHolds(clause, b, m))) continue;
      this.#value = m;
      this.#clause = clause;
      this.#b = b;
      return true;
    }
    return false;
  }

  #run(): IteratorResult<Yielded, R> {
    const c = this.#clause;
    if (c === null) return this.#finish(this.#value as R, false);
    return this.#finish(c.handler(this.#b as Record<string, Term>, this.#value as Term), c.gen);
  }

  #timedOut(): IteratorResult<Yielded, R> {
    const to = this.#timeout as After<R>;
    return this.#finish(to.handler(), to.gen);
  }

  #finish(r: R | Generator<Yielded, R, unknown>, gen: boolean): IteratorResult<Yielded, R> {
    if (!gen) {
      this.#value = this.#b = this.#c0 = this.#c1 = this.#c2 = undefined;
      this.#clause = this.#test = this.#more = this.#timeout = null;
      const p = this.#p;
      if (p.rx === null) p.rx = this;
      // `yield*` reads the result at once, before another receive can finish.
      DONE.value = r;
      return DONE as IteratorReturnResult<R>;
    }
    this.#inner = r as Generator<Yielded, R, unknown>;
    return this.#inner.next();
  }
}

/**
 * The primitive receive: `test` returns {@linkcode NOMATCH} or the value to take the message
 * with. `ms` is the timeout (`Infinity` by default); on timeout the result is `onTimeout()`.
 */
export function receiveWith<R, T = undefined>(
  test: (message: Term) => R | typeof NOMATCH,
  ms = Infinity,
  onTimeout?: () => T,
): Receive<R | T> {
  const p = mustCurrent("receive");
  const clauses: After<R | T>[] = ms === Infinity
    ? []
    : [after(ms, (onTimeout ?? (() => undefined)) as () => T)];
  return fresh<R | T>(p).init(p, test, clauses);
}

function fresh<R>(p: Process): Receive<R> {
  const rx = p.rx as Receive<R> | null;
  if (rx === null) return new Receive<R>(p);
  p.rx = null;
  return rx;
}

function startTimer(p: Process, ms: number): void {
  p.timer = setTimeout(() => {
    p.timer = undefined;
    p.timedOut = true;
    p.node.scheduler.wake(p);
  }, ms);
}

function stopTimer(p: Process): void {
  if (p.timer !== undefined) {
    clearTimeout(p.timer);
    p.timer = undefined;
  }
  p.timedOut = false;
}

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
): Receive<R> {
  // Named parameters rather than a rest parameter: no array is made for a short receive.
  const p = mustCurrent("receive");
  const n = arguments.length;
  const rx = fresh<R>(p);
  // deno-lint-ignore prefer-rest-params
  if (n > 4) return rx.init(p, null, Array.prototype.slice.call(arguments));
  return rx.init4(p, n, c0, c1, c2, c3);
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
