/**
 * What compiled LFE code calls: one object, `rt`, handed to every module the compiler makes.
 * It holds the calling convention (tail calls, driving generators), the mailbox operations that
 * an inlined receive needs, sending, calls to other modules by name, and the errors that
 * pattern matching raises.
 *
 * @module
 */

import { tracing } from "../runtime/trace.ts";
import {
  arrayToList,
  Cons,
  currentProcess,
  ErlangError,
  erlangStack,
  exactEq,
  type Fun,
  funInfo,
  HOLE,
  isGenerator,
  list,
  listToArray,
  type ModuleRecord,
  moduleRef,
  nameFun,
  Pid,
  type Process,
  raiseError,
  resolve,
  resolvePlain,
  send as apiSend,
  startTimer as startReceiveTimer,
  stopTimer as stopReceiveTimer,
  TailCall,
  type Term,
  TermMap,
  thisNode,
  WAIT,
} from "../runtime/mod.ts";
import { BIN } from "./_bin_rt.ts";

function cons(h: Term, t: Term): Cons {
  return new Cons(h, t);
}

// What stands for a process while a macro runs at compile time, outside any process.
let standIn: Process | null = null;

/**
 * Runs `f` where code may run without a process (a macro at compile time): it may call any
 * function, but not wait for messages.
 */
export function outsideProcess<T>(f: () => T): T {
  if (currentProcess() !== null || standIn !== null) return f();
  standIn = { reds: Number.MAX_SAFE_INTEGER, q: null, qh: 0, qt: 0 } as unknown as Process;
  try {
    return f();
  } finally {
    standIn = null;
  }
}

/** The process running compiled code; compiled code only runs in a process. */
function proc(): Process {
  const p = currentProcess() ?? standIn;
  if (p === null) throw new TypeError("Cannot run LFE code outside a process");
  return p;
}

/** `(! to msg)`: LFE makes only terms, so the local case goes straight to the mailbox. */
function send(to: Term, msg: Term): Term {
  if (tracing.count !== 0) return apiSend(to as Pid, msg);
  if (to instanceof Pid) {
    const q = to.proc as Process | undefined;
    if (q !== undefined) {
      q.post(msg);
      return msg;
    }
  }
  return apiSend(to as Pid, msg);
}

function undef(m: string, f: string, args: unknown[]): never {
  // The missing function is the trace's first frame, then the callers, as on BEAM.
  const e = new ErlangError("error", "undef");
  e.bifFrame = [m, f, list(...(args as Term[])), null];
  e.message = `undefined function ${m}:${f}/${args.length}`;
  throw e;
}

/** A call to `m:f/arity` by name: found in the module's record, loading the module if need be. */
function callExt(rec: ModuleRecord, f: string, args: unknown[]): unknown {
  const key = `${f}/${args.length}`;
  let fn = rec.fns[key] ?? rec.fns[f];
  if (fn === undefined) {
    findAndLoad(rec.name);
    fn = rec.fns[key] ?? rec.fns[f];
    if (fn === undefined) undef(rec.name, f, args);
  }
  return fn(...args);
}

/**
 * The function `m:f/arity` that a compiled call did not find in the module's record: the module
 * loaded first if it is not yet, or a function raising `undef` with the arguments it is given.
 */
function extFn(rec: ModuleRecord, f: string, arity: number): Fun {
  const key = `${f}/${arity}`;
  let fn = rec.fns[key] ?? rec.fns[f];
  if (fn === undefined) {
    findAndLoad(rec.name);
    fn = rec.fns[key] ?? rec.fns[f];
  }
  return fn ?? ((...args: unknown[]) => undef(rec.name, f, args));
}

let loadModule: (name: string) => void = () => {};
/** Sets how a module not loaded yet is looked for (the code path). */
export function setLoadHook(hook: (name: string) => void): void {
  loadModule = hook;
}
function findAndLoad(name: string): void {
  if (!moduleRef(name).loaded) loadModule(name);
}

/** `(call m f args...)` with `m` and `f` computed. */
function callDynamic(m: Term, f: Term, args: unknown[]): unknown {
  if (typeof m !== "string" || typeof f !== "string") raiseError("badarg");
  return callExt(moduleRef(m), f, args);
}

/** The function `m:f/arity` of `(call m 'f ...)`, with `m` computed and `key` `f/arity`. */
function dynFn(m: Term, key: string, f: string, arity: number): Fun {
  if (typeof m !== "string") raiseError("badarg");
  return moduleRef(m).fns[key] ?? extFn(moduleRef(m), f, arity);
}

/** `(funcall f args...)`. */
function funcall(f: unknown, args: unknown[]): unknown {
  if (typeof f !== "function") raiseError(["badfun", f as Term]);
  if (funInfo(f as Fun).arity !== args.length) {
    raiseError(["badarity", [f as Term, list(...(args as Term[]))]]);
  }
  return (f as Fun)(...args);
}

/** `(apply f args)` and `(apply m f args)` with an argument list. */
function applyList(a: Term, b: Term, c?: Term): unknown {
  if (c === undefined) return funcall(a, listToArray(b));
  return callDynamic(a, b, listToArray(c));
}

function badmatch(v: Term): never {
  return raiseError(["badmatch", v]);
}
function caseClause(v: Term): never {
  return raiseError(["case_clause", v]);
}
function ifClause(): never {
  return raiseError("if_clause");
}
function functionClause(m: string, f: string, args: unknown[], info: Term = null): never {
  const e = new ErlangError("error", "function_clause");
  e.bifFrame = [m, f, list(...(args as Term[])), info];
  throw e;
}

// `(after ms ...)`: ms is checked as Erlang checks it; `infinity` sets no timer.
function startTimer(p: Process, ms: Term): void {
  if (ms === "infinity") return;
  if (typeof ms !== "number" || ms < 0) raiseError(["timeout_value", ms]);
  p.timedOut = false;
  startReceiveTimer(p, ms);
}

/** Names a compiled function as a fun of `module:name/arity`. */
function fun<F extends Fun>(f: F, module: string, name: string, arity: number, index?: number): F {
  return nameFun(f, index === undefined ? { module, name, arity } : { module, name, arity, index });
}

/** `catch`: the value, or what `catch` makes of an exception. */
function caught(e: unknown): Term {
  if (e instanceof ErlangError) {
    if (e.cls === "throw") return e.reason;
    if (e.cls === "exit") return ["EXIT", e.reason];
    return ["EXIT", [e.reason, erlangStack(e)]];
  }
  if (e instanceof Error) {
    const reason: Term = e instanceof RangeError
      ? "system_limit"
      : ["js_error", new TextEncoder().encode(`${e.name}: ${e.message}`)];
    return ["EXIT", [reason, erlangStack(e)]];
  }
  throw e;
}

/** The parts of an exception for `try ... catch`: `#(class reason stack)`. */
function exceptionParts(e: unknown, withStack = true): Term[] {
  if (e instanceof ErlangError) return [e.cls, e.reason, withStack ? erlangStack(e) : null];
  if (e instanceof RangeError) return ["error", "system_limit", withStack ? erlangStack(e) : null];
  if (e instanceof Error) {
    return [
      "error",
      ["js_error", new TextEncoder().encode(`${e.name}: ${e.message}`)],
      withStack ? erlangStack(e) : null,
    ];
  }
  throw e;
}

function unboundSymbol(name: string): never {
  return raiseError(["unbound_symb", name]);
}

function car(x: Term): Term {
  if (!(x instanceof Cons)) raiseError("badarg");
  return x.hd;
}
function cdr(x: Term): Term {
  if (!(x instanceof Cons)) raiseError("badarg");
  return x.tl;
}
function tryClause(v: Term): never {
  return raiseError(["try_clause", v]);
}

/** A guard: true only if it evaluates to true without an error. */
function guard(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/** What a shell lends compiled code (see `DynamicScope` in compile.ts). */
interface Dynamic {
  variable(name: string): Term | undefined;
  fn(name: string, arity: number): Fun | undefined;
}

/** A free symbol of code compiled for a shell: the shell's variable, looked up now. */
function dynVar(scope: Dynamic, name: string): Term {
  const v = scope.variable(name);
  return v === undefined ? raiseError(["unbound_symbol", name]) : v;
}

/** A call of code compiled for a shell to a function it does not define: the shell's. */
function dynCall(scope: Dynamic, name: string, args: unknown[]): unknown {
  const f = scope.fn(name, args.length);
  if (f === undefined) raiseError(["undefined_function", [name, args.length]]);
  return f(...args);
}

/** `#'f/a` in code compiled for a shell: a fun that calls the shell's function when called. */
function dynFun(scope: Dynamic, name: string, arity: number): Fun {
  const fn = (...args: unknown[]) => dynCall(scope, name, args);
  return nameFun(fn, { module: "lfe_shell", name, arity, exported: false });
}

/** `#'m:f/a`: a fun that calls `m:f/a` by name. */
function extFun(m: string, f: string, arity: number): Fun {
  const rec = moduleRef(m);
  const fn = (...args: unknown[]) => callExt(rec, f, args);
  return nameFun(fn, { module: m, name: f, arity, exported: true });
}

/** The operators compiled code falls back on (`add`, `lt`, ...), given by the built-ins. */
// deno-lint-ignore no-explicit-any
export type Ops = Record<string, (...args: any[]) => Term>;
const ops: Ops = {};

/** Installs the operators of the built-in `erlang` module. */
export function setOps(table: Ops): void {
  Object.assign(ops, table);
}

/** The object compiled modules get as `rt`. */
export const rt = {
  outsideProcess,
  proc,
  send,
  callExt,
  extFn,
  dynFn,
  callDynamic,
  funcall,
  applyList,
  mod: moduleRef,
  HOLE,
  WAIT,
  TailCall,
  resolve,
  resolvePlain,
  isGenerator,
  exactEq,
  cons,
  list,
  arrayToList,
  badmatch,
  caseClause,
  ifClause,
  functionClause,
  undef,
  startTimer,
  stopTimer: stopReceiveTimer,
  fun,
  caught,
  exceptionParts,
  raiseError,
  unboundSymbol,
  ops,
  car,
  cdr,
  tryClause,
  guard,
  bin: BIN,
  extFun,
  dynVar,
  dynCall,
  dynFun,
  Cons,
  TermMap,
  self: () => proc().pid,
  node: () => thisNode().name,
};

/** The type of `rt`. */
export type Rt = typeof rt;
