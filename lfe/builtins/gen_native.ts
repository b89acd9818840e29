/**
 * The module `gen_native`: the calls of OTP's behaviours (`gen:call/4`, `gen:reply/2`) done
 * natively, as the carried `gen`, `gen_server` and `gen_statem` make them on every call. A
 * call monitors the callee, sends `{Label, {self(), Mref}, Request}` and waits for
 * `{Mref, Reply}` (or `{[alias|Mref], Reply}` from a BEAM node); the callee's `DOWN` ends it
 * with the callee's exit reason, `noconnection` with `{nodedown, Node}`, and no answer in time
 * with `timeout`.
 *
 * @module
 */

import { demonitor, monitor, send, sendTerm, whereis } from "../../runtime/api.ts";
import { markMayWait, resolve } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { findFunction } from "../../runtime/code.ts";
import { ErlangError, erlangStack, raiseError, raiseExit } from "../../runtime/errors.ts";
import { HOLE, WAIT, type Yielded } from "../../runtime/process.ts";
import { NOMATCH, receiveWith, startTimer, stopTimer } from "../../runtime/receive.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, charlist, Cons, Pid, Ref, type Term } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function* whereisBy(module: Term, name: Term): Gen<Term> {
  const f = typeof module === "string" ? findFunction(module, "whereis_name", 1) : undefined;
  if (f === undefined) raiseError(["undef", arrayToList([[module, "whereis_name", [name], null]])]);
  return yield* resolve(f(name));
}

function nodeOf(process: Term): Term {
  if (process instanceof Pid) return process.node;
  if (Array.isArray(process) && process.length === 2) return process[1] as Term;
  return currentProcess()?.node.name ?? "nonode@nohost";
}

// The lines of OTP 25's call functions, for their frames: where the call waits, and where it
// exits.
const CALL_LINES: Record<string, readonly [number, number]> = {
  "gen_server:call/2": [366, 370],
  "gen_server:call/3": [381, 385],
};

/**
 * How a behaviour's own call function wraps the exit of a call: `{M, F, Args}`, so that the
 * exit is `{Reason, {gen_server, call, Args}}` and the trace shows `gen_server:call/2` at
 * gen_server.erl's line 370. `null`: the exit as it is (`gen:call/4`).
 */
type Wrap = Term[] | null;

// The frame of the function that `wrap` names: where it exits, or (`waiting`) where it waits.
function wrapFrame(wrap: Term[], waiting = false): Term {
  const [m, f, args] = wrap as [Term, Term, Term];
  let n = 0;
  for (let c = args; c instanceof Cons; c = c.tl) n++;
  const lines = CALL_LINES[`${String(m)}:${String(f)}/${n}`];
  const info = [["file", charlist(`${String(m)}.erl`)]] as Term[];
  if (lines !== undefined) info.push(["line", lines[waiting ? 0 : 1]]);
  return [m, f, n, arrayToList(info)];
}

// The frames of the running stack under the behaviour's call function `wrap` names.
function stackUnder(wrap: Term[]): Term {
  let s = erlangStack(new Error());
  while (
    s instanceof Cons && Array.isArray(s.hd) && s.hd[0] === wrap[0] && s.hd[1] === wrap[1]
  ) s = s.tl;
  return s;
}

// Ends the call with exit `reason`, wrapped as the behaviour's call function wraps it.
function callExit(reason: Term, wrap: Wrap): never {
  if (wrap === null) raiseExit(reason);
  const e = new ErlangError("exit", [reason, wrap]);
  e.bifFrame = wrapFrame(wrap);
  throw e;
}

// `gen:call/4`: the callee's reply, or an exit as OTP's gen gives it. A plain function that
// gives the waiting part to its caller to run, so a call costs one generator.
function call(process: Term, label: Term, request: Term, timeout: Term): Gen<Term> {
  return callWrapped(process, label, request, timeout, null);
}
markMayWait(call);

// `gen_native:call/5`: a behaviour's call function (`gen_server:call/2,3`), whose exits are
// `{Reason, {M, F, Args}}` as `wrap` says, in one step.
function wrappedCall(
  process: Term,
  label: Term,
  request: Term,
  timeout: Term,
  wrap: Term,
): Gen<Term> {
  const w = Array.isArray(wrap) && wrap.length === 3 ? wrap as Term[] : null;
  return callWrapped(process, label, request, timeout, w);
}
markMayWait(wrappedCall);

function callWrapped(
  process: Term,
  label: Term,
  request: Term,
  timeout: Term,
  wrap: Wrap,
): Gen<Term> {
  if (
    timeout !== "infinity" &&
    !(typeof timeout === "number" && Number.isInteger(timeout) && timeout >= 0)
  ) {
    // As OTP's gen:call/4, whose clauses take only these; the behaviour's function called it.
    const e = new ErlangError("error", "function_clause");
    e.bifFrame = [
      "gen",
      "call",
      arrayToList([process, label, request, timeout]),
      arrayToList([
        ["file", charlist("gen.erl")],
        ["line", 215],
      ]),
    ];
    if (wrap === null) throw e;
    // OTP's gen_server:call catches it, and exits with it and its stack.
    const stack = new Cons(e.bifFrame, new Cons(wrapFrame(wrap, true), stackUnder(wrap)));
    callExit(["function_clause", stack], wrap);
  }
  const ms = timeout === "infinity" ? Infinity : timeout;
  let target: Term = process;
  if (process instanceof Pid) target = process;
  else if (typeof process === "string") {
    target = whereis(process);
    if (!(target instanceof Pid)) callExit("noproc", wrap);
  } else if (Array.isArray(process) && process.length === 2 && process[0] === "global") {
    return callFound("global", process[1] as Term, label, request, ms, wrap);
  } else if (Array.isArray(process) && process.length === 3 && process[0] === "via") {
    return callFound(process[1] as Term, process[2] as Term, label, request, ms, wrap);
  } else if (
    Array.isArray(process) && process.length === 2 && typeof process[0] === "string" &&
    typeof process[1] === "string"
  ) {
    if (process[1] === currentProcess()?.node.name) {
      target = whereis(process[0]);
      if (!(target instanceof Pid)) callExit("noproc", wrap);
    }
  } else callExit("noproc", wrap);
  return doCall(target, label, request, ms, wrap);
}

// A call to the process a name module (`global`, or a `via` module) finds by name.
function* callFound(
  module: Term,
  name: Term,
  label: Term,
  request: Term,
  ms: number,
  wrap: Wrap,
): Gen<Term> {
  const target = yield* whereisBy(module, name);
  if (!(target instanceof Pid)) callExit("noproc", wrap);
  return yield* doCall(target, label, request, ms, wrap);
}

// What a message is to a waiting call: its reply, the callee's `DOWN`, or a crashed callee
// asking for the caller's stack.
const OTHER = 0, REPLY = 1, DOWN = 2, ASKED = 3;
function kindOf(m: Term, mref: Ref): number {
  if (!Array.isArray(m)) return OTHER;
  if (m.length === 2) {
    const tag = m[0];
    if (tag === mref || (tag instanceof Ref && exactEq(tag, mref))) return REPLY;
    if (tag instanceof Cons && tag.hd === "alias" && exactEq(tag.tl, mref)) return REPLY;
    return OTHER;
  }
  if (m.length === 5 && m[0] === "DOWN" && exactEq(m[1] as Term, mref)) return DOWN;
  if (m.length === 3 && m[0] === STACK_REQUEST && m[2] instanceof Pid) return ASKED;
  return OTHER;
}

function* doCall(
  target: Term,
  label: Term,
  request: Term,
  ms: number,
  wrap: Wrap,
): Gen<Term> {
  const p = currentProcess();
  if (p === undefined || p === null) raiseError("badarg");
  // What answers this call comes after the monitor is made: the messages before are not
  // looked at (a server with a long mailbox calls another at the cost of a short one).
  let i = p.q === null ? 0 : p.qt;
  const mref = monitor(target as Pid) as Ref;
  const msg: Term = [label, [p.pid, mref], request];
  if (target instanceof Pid) sendTerm(target, msg);
  else send(target as [string, string], msg);
  let timing = false;
  for (;;) {
    const q = p.q;
    if (q !== null) {
      for (; i < p.qt; i++) {
        const m = q[i] as Term | typeof HOLE;
        if (m === HOLE) continue;
        const kind = kindOf(m, mref);
        if (kind === OTHER) continue;
        p.take(i);
        if (kind === ASKED) {
          // The callee that crashed asks where its caller waits, for its report: this process
          // runs again now, so its own frames are those of the running stack.
          const a = m as Term[];
          const below = wrap === null
            ? erlangStack(new Error())
            : new Cons(wrapFrame(wrap, true), stackUnder(wrap));
          send(a[2] as Pid, [a[1] as Term, new Cons(GEN_DO_CALL, below)]);
          i = p.qh - 1;
          continue;
        }
        if (timing) stopTimer(p);
        if (kind === DOWN) {
          const reason = (m as Term[])[4] as Term;
          callExit(reason === "noconnection" ? ["nodedown", nodeOf(target)] : reason, wrap);
        }
        demonitor(mref, { flush: true });
        return (m as Term[])[1] as Term;
      }
    }
    if ((timing && p.timedOut) || ms === 0) {
      p.timedOut = false;
      demonitor(mref, { flush: true });
      callExit("timeout", wrap);
    }
    if (!timing && ms !== Infinity) {
      startTimer(p, ms);
      timing = true;
    }
    p.waitLen = p.qt;
    yield WAIT;
  }
}

// What a caller waiting in a call is asked, and the frame BEAM shows for that wait.
const STACK_REQUEST = "$gen_client_stack";
const GEN_DO_CALL: Term = [
  "gen",
  "do_call",
  4,
  arrayToList([
    ["file", charlist("gen.erl")],
    ["line", 256],
  ]),
];

// The stack of a process waiting in a call of `call/4`, for a report; `[]` if it does not
// answer soon (it waits elsewhere, or is gone).
function* clientStack(pid: Term): Gen<Term> {
  const p = currentProcess();
  if (!(pid instanceof Pid) || p === undefined || p === null) return null;
  const ref = p.node.makeRef();
  send(pid, [STACK_REQUEST, ref, p.pid]);
  const got = yield* receiveWith(
    (m) =>
      Array.isArray(m) && m.length === 2 && exactEq(m[0] as Term, ref) ? m[1] as Term : NOMATCH,
    200,
    () => null,
  );
  return got;
}

// `gen:reply/2`: `{Tag, Reply}` to the caller; never fails.
function reply(from: Term, value: Term): Term {
  if (Array.isArray(from) && from.length === 2 && from[0] instanceof Pid) {
    try {
      sendTerm(from[0], [from[1] as Term, value]);
    } catch { /* a caller that is gone hears nothing */ }
  }
  return "ok";
}

/** `gen_native` by `name/arity`. */
export const GEN_NATIVE: ModuleFunctions = moduleTable("gen_native", {
  "call/4": call,
  "call/5": wrappedCall,
  "reply/2": reply,
  "client_stack/1": clientStack,
});
