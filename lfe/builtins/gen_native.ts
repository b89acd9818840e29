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

import { demonitor, monitor, send, whereis } from "../../runtime/api.ts";
import { resolve } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { findFunction } from "../../runtime/code.ts";
import { ErlangError, erlangStack, raiseError, raiseExit } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, charlist, Cons, Pid, Ref, type Term } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

const DOWN_NOCONNECTION = Symbol("noconnection");
const STACK_ASKED = Symbol("stack asked");

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

// `gen:call/4`: the callee's reply, or an exit as OTP's gen gives it.
function* call(process: Term, label: Term, request: Term, timeout: Term): Gen<Term> {
  if (
    timeout !== "infinity" &&
    !(typeof timeout === "number" && Number.isInteger(timeout) && timeout >= 0)
  ) {
    // As OTP's gen:call/4, whose clauses take only these.
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
    throw e;
  }
  let target: Term = process;
  if (process instanceof Pid) target = process;
  else if (typeof process === "string") {
    target = whereis(process);
    if (!(target instanceof Pid)) raiseExit("noproc");
  } else if (Array.isArray(process) && process.length === 2 && process[0] === "global") {
    target = yield* whereisBy("global", process[1] as Term);
    if (!(target instanceof Pid)) raiseExit("noproc");
  } else if (Array.isArray(process) && process.length === 3 && process[0] === "via") {
    target = yield* whereisBy(process[1] as Term, process[2] as Term);
    if (!(target instanceof Pid)) raiseExit("noproc");
  } else if (
    Array.isArray(process) && process.length === 2 && typeof process[0] === "string" &&
    typeof process[1] === "string"
  ) {
    if (process[1] === currentProcess()?.node.name) {
      target = whereis(process[0]);
      if (!(target instanceof Pid)) raiseExit("noproc");
    }
  } else raiseExit("noproc");
  return yield* doCall(target, label, request, timeout === "infinity" ? Infinity : timeout);
}

function* doCall(target: Term, label: Term, request: Term, ms: number): Gen<Term> {
  const p = currentProcess();
  if (p === undefined || p === null) raiseError("badarg");
  const mref = monitor(target as Pid);
  send(target as Pid, [label, [p.pid, mref], request]);
  let asked: [Term, Pid] | null = null;
  const test = (
    m: Term,
  ): Term | typeof NOMATCH | typeof DOWN_NOCONNECTION | typeof STACK_ASKED => {
    if (!Array.isArray(m)) return NOMATCH;
    if (m.length === 2) {
      const tag = m[0];
      if (tag === mref || (tag instanceof Ref && exactEq(tag, mref))) return [m[1] as Term];
      if (tag instanceof Cons && tag.hd === "alias" && exactEq(tag.tl, mref)) {
        return [m[1] as Term];
      }
      return NOMATCH;
    }
    if (m.length === 5 && m[0] === "DOWN" && exactEq(m[1] as Term, mref)) {
      return m[4] === "noconnection" ? DOWN_NOCONNECTION : ["$down", m[4] as Term];
    }
    if (m.length === 3 && m[0] === STACK_REQUEST && m[2] instanceof Pid) {
      asked = [m[1] as Term, m[2]];
      return STACK_ASKED;
    }
    return NOMATCH;
  };
  const deadline = ms === Infinity ? Infinity : performance.now() + ms;
  for (;;) {
    const wait = deadline === Infinity ? Infinity : Math.max(0, deadline - performance.now());
    const got = yield* receiveWith(test, wait, () => "$timeout" as const);
    if (got === STACK_ASKED) {
      // The callee that crashed asks where its caller waits, for its report: this process
      // runs again now, so its own frames are those of the running stack.
      const [ref, from] = asked as unknown as [Term, Pid];
      send(from, [ref, new Cons(GEN_DO_CALL, erlangStack(new Error()))]);
      continue;
    }
    if (got === "$timeout") {
      demonitor(mref, { flush: true });
      // A reply that came as the time ran out is still taken.
      const late = yield* receiveWith(test, 0, () => "$timeout" as const);
      if (Array.isArray(late) && late.length === 1) return late[0] as Term;
      raiseExit("timeout");
    }
    if (got === DOWN_NOCONNECTION) raiseExit(["nodedown", nodeOf(target)]);
    const g = got as Term[];
    if (g.length === 2 && g[0] === "$down") raiseExit(g[1] as Term);
    demonitor(mref, { flush: true });
    return g[0] as Term;
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
      send(from[0], [from[1] as Term, value]);
    } catch { /* a caller that is gone hears nothing */ }
  }
  return "ok";
}

/** `gen_native` by `name/arity`. */
export const GEN_NATIVE: ModuleFunctions = moduleTable("gen_native", {
  "call/4": call,
  "reply/2": reply,
  "client_stack/1": clientStack,
});
