/**
 * Exceptions as Erlang has them: a class (`error`, `exit`, `throw`) and a reason that is a term.
 * A JavaScript error raised inside a process becomes an `error` with a `js_error` reason.
 *
 * @module
 */

import { binary, charlist, Cons, list, type Term } from "./terms.ts";

/** The three classes of Erlang exceptions. */
export type ErrorClass = "error" | "exit" | "throw";

/** An Erlang exception: `erlang:error/1`, `exit/1` or `throw/1`. */
export class ErlangError extends Error {
  /** `error`, `exit` or `throw`. */
  readonly cls: ErrorClass;
  /** The reason (for `throw`, the thrown value). */
  readonly reason: Term;
  /** The Erlang-style stack trace, when one was attached by the raiser. */
  stackTerm: Term | undefined;
  /** The entry of the BIF that raised it (`{erlang, '+', [1, a], Info}`), first in its trace. */
  bifFrame: Term | undefined;
  /** The arguments `erlang:error/2` gave, shown in the raising function's entry. */
  errorArgs: Term | undefined;
  constructor(cls: ErrorClass, reason: Term, stackTerm?: Term) {
    super(`${cls}: reason is an Erlang term`);
    this.name = "ErlangError";
    this.cls = cls;
    this.reason = reason;
    this.stackTerm = stackTerm;
  }
}

/** Raises an `error` exception with `reason`, as `erlang:error/1`. */
export function raiseError(reason: Term): never {
  throw new ErlangError("error", reason);
}

/** Raises a `throw` exception, as `throw/1`. */
export function raiseThrow(value: Term): never {
  throw new ErlangError("throw", value);
}

/** Raises an `exit` exception, as `exit/1`. */
export function raiseExit(reason: Term): never {
  throw new ErlangError("exit", reason);
}

/** `badarg`, with the action that got the bad argument for a JavaScript caller to read. */
export function badarg(why: string): never {
  const e = new ErlangError("error", "badarg");
  e.message = why;
  throw e;
}

/** An exception caught from running code, in Erlang's terms. */
export interface Caught {
  cls: ErrorClass;
  reason: Term;
  stack: Term;
}

// Compiled functions by their JavaScript names: the Erlang stack entry each stands for.
const FRAMES = new Map<string, Term | FrameGroup>();

// Enough JavaScript frames that the eight Erlang ones a trace keeps are among them.
if (Error.stackTraceLimit < 40) Error.stackTraceLimit = 40;

/**
 * Names compiled functions for stack traces: `jsName` (a function's name in the generated
 * JavaScript, unique) stands for `{Module, Function, Arity, [{file, F}, {line, L}]}`.
 */
export function registerFrame(
  jsName: string,
  module: string,
  fn: string,
  arity: number,
  file: string | undefined,
  line: number | undefined,
  source?: readonly string[],
): void {
  const alias = FRAME_ALIASES.get(`${module}:${fn}/${arity}`);
  if (alias === null) return;
  const entry = (fn: string, arity: number, file?: string, line?: number): Term => {
    const info: Term[] = [];
    if (file !== undefined) info.push(["file", charlist(file)]);
    if (line !== undefined) info.push(["line", line]);
    return [module, fn, arity, list(...info)];
  };
  if (alias === undefined) FRAMES.set(jsName, entry(fn, arity, file, line));
  else if (alias.length === 1) FRAMES.set(jsName, entry(...(alias[0] as FrameAlias)));
  else FRAMES.set(jsName, new FrameGroup(alias.map((a) => entry(...a))));
  if (source !== undefined) SOURCES.set(jsName, source);
}

/** A function's frame as another's: function, arity, file and line. */
export type FrameAlias = readonly [string, number, string, number];

// A function that stands for several of OTP's, one calling the next (innermost first): a loop
// that does at once what OTP's `handle_msg` and `try_handle_call` do.
class FrameGroup {
  constructor(readonly frames: Term[]) {}
}

// Functions whose frames show as other functions' (`null`: not at all).
const FRAME_ALIASES = new Map<string, readonly FrameAlias[] | null>();

/**
 * Makes the frames of `module:fn/arity` (a key of `aliases`) show in stack traces as the
 * function, arity, file and line given, or not at all for `null`: a module the node carries in
 * place of one of OTP's shows the frames OTP's own would (`gen_server:handle_msg/6` in
 * `gen_server.erl`). Takes effect for functions compiled after.
 */
export function aliasFrames(
  aliases: Readonly<Record<string, FrameAlias | readonly FrameAlias[] | null>>,
): void {
  for (const [k, v] of Object.entries(aliases)) {
    FRAME_ALIASES.set(
      k,
      v === null ? null : Array.isArray(v[0]) ? v as FrameAlias[] : [v as FrameAlias],
    );
  }
}

// The generated source of each compiled function's module, by the function's JavaScript name.
const SOURCES = new Map<string, readonly string[]>();

// Whether a compiled function's frame is at a call in tail position: such a call has replaced
// the caller's frame on BEAM, so the caller does not show in a trace. Calls of BIFs keep it.
function atTailCall(jsName: string, line: number): boolean {
  // The generated source starts two lines into the function `new Function` makes.
  const text = SOURCES.get(jsName)?.[line - 3];
  return text !== undefined && text.startsWith("return ") && !text.startsWith("return $B[") &&
    !text.startsWith("return rt.functionClause(");
}

/**
 * The Erlang stack trace of an exception: the compiled functions on the JavaScript stack where
 * it was raised, innermost first, at most eight as BEAM keeps. Built once, when first asked.
 */
export function erlangStack(e: Error): Term {
  if (e instanceof ErlangError && e.stackTerm !== undefined) return e.stackTerm;
  const frames: Term[] = [];
  if (e instanceof ErlangError && e.bifFrame !== undefined) frames.push(e.bifFrame);
  let seen = false;
  for (const line of (e.stack ?? "").split("\n")) {
    const m = /^\s+at (?:[\w$.]*\.)?([\w$]+) \(.*<anonymous>:(\d+):\d+\)$/.exec(line);
    if (m === null) continue;
    const f = FRAMES.get(m[1] as string);
    if (f !== undefined) {
      // The frame that raised stays; a caller at a tail call is gone on BEAM.
      const raiser = !seen;
      seen = true;
      if (!raiser && atTailCall(m[1] as string, Number(m[2]))) continue;
    }
    // A function's own recursion shows once, as BEAM's traces show it.
    if (f === undefined || frames[frames.length - 1] === f) continue;
    if (f instanceof FrameGroup) {
      for (const g of f.frames) if (frames.length < 8) frames.push(g);
      if (frames.length >= 8) break;
      continue;
    }
    // The function that raised function_clause is there already, with its arguments.
    if (frames.length === 1 && e instanceof ErlangError && e.bifFrame === frames[0]) {
      const [m, fn] = f as Term[];
      const [bm, bfn] = e.bifFrame as Term[];
      if (m === bm && fn === bfn) continue;
    }
    if (frames.length === 0 && e instanceof ErlangError && e.errorArgs !== undefined) {
      const [m, fn, , info] = f as Term[];
      frames.push([m as Term, fn as Term, e.errorArgs, info as Term]);
    } else frames.push(f);
    if (frames.length >= 8) break;
  }
  const t = list(...frames);
  if (e instanceof ErlangError) e.stackTerm = t;
  return t;
}

/** Turns anything thrown by process code into an Erlang class, reason and stack. */
export function caught(e: unknown): Caught {
  if (e instanceof ErlangError) {
    return { cls: e.cls, reason: e.reason, stack: erlangStack(e) };
  }
  if (e instanceof Error) {
    const reason: Term = e instanceof RangeError && /call stack/i.test(e.message)
      ? "system_limit"
      : ["js_error", binary(`${e.name}: ${e.message}`)];
    const stack = erlangStack(e);
    return { cls: "error", reason, stack: stack === null ? stackOf(e) : stack };
  }
  return { cls: "error", reason: ["js_error", binary(String(e))], stack: null };
}

/**
 * The exit reason of a process that ended with this exception, and whether it deserves an
 * error report (errors and uncaught throws do; `exit/1` does not).
 */
export function exitReasonOf(e: unknown): { reason: Term; report: boolean } {
  const c = caught(e);
  switch (c.cls) {
    case "exit":
      return { reason: c.reason, report: false };
    case "throw":
      return { reason: [["nocatch", c.reason], c.stack], report: true };
    default:
      return { reason: [c.reason, c.stack], report: true };
  }
}

// Frames of the JavaScript stack as Erlang stack entries: #(module function 0 (#(line N))).
function stackOf(e: Error): Term {
  const frames: Term[] = [];
  for (const line of (e.stack ?? "").split("\n")) {
    const m = /^\s+at (?:(\S+) \()?(?:.*\/)?([^/():]+?)(?:\.[jt]s)?:(\d+):\d+\)?$/.exec(line);
    if (m === null) continue;
    const fn = m[1] ?? "anonymous";
    if (/^(Generator|AsyncGenerator)\.|^Scheduler\.|^Node\./.test(fn)) continue;
    frames.push([m[2] as string, fn.replace(/^.*\./, ""), 0, list(["line", Number(m[3])])]);
    if (frames.length >= 8) break;
  }
  let l: Term = null;
  for (let i = frames.length - 1; i >= 0; i--) l = new Cons(frames[i] as Term, l);
  return l;
}
