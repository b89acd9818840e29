/**
 * The calling convention that compiled LFE and the built-in modules share. A function returns
 * a term; or, when it has to wait (a receive) or calls code that may, a generator that the
 * caller drives with `yield*`; or, from a tail position, a {@linkcode TailCall} for the caller
 * to make, so that tail recursion runs in constant space. {@linkcode resolve} turns any of
 * these into the term.
 *
 * Built-in functions that call back into user code (a fun given to `lists:map/2`, say) are
 * generator functions; all others are plain functions and never call user code, so the
 * compiler can keep a function plain when it calls only those.
 *
 * @example
 * ```ts
 * import { call, resolve, TailCall } from "./call.ts";
 * const double = (x: number) => x * 2;
 * const later = (x: number) => new TailCall(double, [x]);
 * function* body() {
 *   return yield* resolve(call(later, [21])); // 42
 * }
 * ```
 *
 * @module
 */

import { raiseError } from "./errors.ts";
import type { Yielded } from "./process.ts";
import { arrayToList, type Fun, funInfo, type Term } from "./terms.ts";

/** A call left for the caller to make: what a function returns from a tail position. */
export class TailCall {
  readonly f: Fun;
  readonly args: unknown[];
  constructor(f: Fun, args: unknown[]) {
    this.f = f;
    this.args = args;
  }
}

// %GeneratorPrototype%: the prototype of every generator function's `prototype` object.
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/** Whether `x` is a generator object (what calling a generator function gives). */
export function isGenerator(x: unknown): x is Generator<Yielded, unknown, unknown> {
  return typeof x === "object" && x !== null &&
    Object.getPrototypeOf(Object.getPrototypeOf(x)) === GeneratorPrototype;
}

/** Whether `f` is a generator function (one that may wait). */
export function isGeneratorFunction(f: unknown): boolean {
  return f instanceof GeneratorFunction;
}

const mayWaitFns = new WeakSet<object>();

/**
 * Marks the plain function `f` as one that may give a generator to run (a built-in that waits
 * only sometimes): compiled code calls it as it calls a generator function.
 */
export function markMayWait(f: unknown): void {
  if (typeof f === "function") mayWaitFns.add(f);
}

/** Whether a call of `f` may have to wait: a generator function, or one marked so. */
export function mayWait(f: unknown): boolean {
  return f instanceof GeneratorFunction || (typeof f === "function" && mayWaitFns.has(f));
}

/** What a call gives before it is resolved: a term, a generator or a tail call. */
export type CallResult = Term | Generator<Yielded, unknown, unknown> | TailCall;

/** Calls the fun `f` with `args`, checking that it is a fun of that arity. */
export function call(f: unknown, args: unknown[]): CallResult {
  if (typeof f !== "function") raiseError(["badfun", f as Term]);
  const arity = funInfo(f as Fun).arity;
  if (arity !== args.length) raiseError(["badarity", [f as Term, arrayToList(args as Term[])]]);
  return (f as Fun)(...args);
}

/** Resolves a call result to its term, driving generators and making tail calls. */
export function* resolve(r: unknown): Generator<Yielded, Term, unknown> {
  // No term has a `next` method: what has one is a generator.
  for (;;) {
    if (typeof r !== "object" || r === null) return r as Term;
    if (r instanceof TailCall) r = r.f(...r.args);
    else if (typeof (r as { next?: unknown }).next === "function") {
      r = yield* r as Generator<Yielded, unknown, unknown>;
    } else return r as Term;
  }
}

/**
 * Resolves a call result that cannot wait (only tail calls to plain functions); a generator
 * here means plain code called code that waits, which the compiler never lets happen.
 */
export function resolvePlain(r: unknown): Term {
  while (r instanceof TailCall) r = r.f(...r.args);
  if (isGenerator(r)) throw new TypeError("Cannot wait in a function that must not wait");
  return r as Term;
}
