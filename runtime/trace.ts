/**
 * Process tracing, as `erlang:trace/3` sets it: a traced process's sends (`send`), the
 * messages put in its queue (`receive`), its spawns, links, names and end (`procs`), and its
 * calls of functions whose pattern `erlang:trace_pattern/3` set (`call`, which `lfe/builtins`
 * puts in place by wrapping the functions), each reported to its tracer as the message
 * `{trace, Pid, Tag, ...}` (`trace_ts` with a timestamp at the end, with `timestamp`).
 *
 * Nothing here costs a process that is not traced more than one test of {@linkcode tracing}.
 *
 * @module
 */

import type { Process } from "./process.ts";
import { State } from "./process.ts";
import type { Pid, Term } from "./terms.ts";

/** How a process is traced. */
export interface TraceState {
  tracer: Process;
  flags: Set<string>;
  /** `none`, or the kind of timestamp the messages carry. */
  timestamp: "none" | "timestamp" | "monotonic_timestamp" | "strict_monotonic_timestamp";
}

/**
 * How many processes are traced (`count`): the hot paths look at nothing else when it is 0.
 * An object, so that reading it costs a plain load.
 */
export const tracing = { count: 0 };

const states = new WeakMap<Process, TraceState>();
/** The flags new processes get (`trace(new, ...)`), if any. */
let forNew: TraceState | null = null;

/** The trace state of `p`, if it is traced. */
export function traceOf(p: Process): TraceState | undefined {
  return tracing.count === 0 ? undefined : states.get(p);
}

/** Sets (or with no flags left, clears) the trace state of `p`. */
export function setTrace(p: Process, st: TraceState | undefined): void {
  const had = states.has(p);
  if (st === undefined || st.flags.size === 0) {
    if (had) {
      states.delete(p);
      tracing.count--;
    }
    return;
  }
  states.set(p, st);
  if (!had) tracing.count++;
}

/** Sets the flags new processes are traced with. */
export function setTraceForNew(st: TraceState | null): void {
  if (forNew === null && st !== null) tracing.count++;
  else if (forNew !== null && st === null) tracing.count--;
  forNew = st;
}

/** The flags new processes are traced with. */
export function traceForNew(): TraceState | null {
  return forNew;
}

let lastNow = 0;

function stamp(kind: TraceState["timestamp"]): Term {
  if (kind === "monotonic_timestamp" || kind === "strict_monotonic_timestamp") {
    return BigInt(Math.round(performance.now() * 1e6));
  }
  const us = Math.max(Math.round((performance.timeOrigin + performance.now()) * 1000), lastNow + 1);
  lastNow = us;
  return [Math.floor(us / 1e12), Math.floor(us / 1e6) % 1e6, us % 1e6];
}

/** Delivers a trace message to the tracer, itself never traced for it. */
function emit(st: TraceState, parts: Term[]): void {
  const t = st.tracer;
  if (t.state === State.Exited) return;
  const msg: Term = st.timestamp === "none"
    ? ["trace", ...parts]
    : ["trace_ts", ...parts, stamp(st.timestamp)];
  t.deliver(msg);
  if (t.state === State.Waiting) t.node.scheduler.enqueue(t);
}

/** `p` is about to have `msg` put in its queue. */
export function traceReceive(p: Process, msg: Term): void {
  const st = states.get(p);
  if (st !== undefined && st.flags.has("receive")) emit(st, [p.pid, "receive", msg]);
}

/** `p` sends `msg` to `to`; `exists` is false when `to` is a local process that is gone. */
export function traceSend(p: Process | null, to: Term, msg: Term, exists = true): void {
  if (p === null) return;
  const st = states.get(p);
  if (st === undefined || !st.flags.has("send")) return;
  emit(st, [p.pid, exists ? "send" : "send_to_non_existing_process", msg, to]);
}

/** `parent` spawned `child` to run `mfa`: the spawn is told, and the child traced if asked. */
export function traceSpawn(parent: Process | null, child: Process, mfa: Term): void {
  const st = parent === null ? undefined : states.get(parent);
  if (st !== undefined) {
    if (st.flags.has("procs")) emit(st, [parent!.pid, "spawn", child.pid, mfa]);
    if (st.flags.has("set_on_spawn") || st.flags.has("set_on_first_spawn")) {
      const flags = new Set(st.flags);
      if (flags.has("set_on_first_spawn")) {
        flags.delete("set_on_first_spawn");
        st.flags.delete("set_on_first_spawn");
        flags.delete("set_on_spawn");
      }
      setTrace(child, { ...st, flags });
    }
  }
  if (!states.has(child) && forNew !== null) {
    setTrace(child, { ...forNew, flags: new Set(forNew.flags) });
  }
  const cst = states.get(child);
  if (cst !== undefined && cst.flags.has("procs") && parent !== null) {
    emit(cst, [child.pid, "spawned", parent.pid, mfa]);
  }
}

/** `p` ends with `reason`. */
export function traceExit(p: Process, reason: Term): void {
  const st = states.get(p);
  if (st === undefined) return;
  if (st.flags.has("procs")) emit(st, [p.pid, "exit", reason]);
  setTrace(p, undefined);
}

/** A process event of `procs`: `link`, `unlink`, `getting_linked`, `register`, ... */
export function traceProc(p: Process, tag: string, what: Term): void {
  const st = states.get(p);
  if (st !== undefined && st.flags.has("procs")) emit(st, [p.pid, tag, what]);
}

/** `p` calls `{M, F, Args}`, or returns from `{M, F, Arity}` with `value`. */
export function traceCall(p: Process, mfa: Term, returned?: { value: Term }): void {
  const st = states.get(p);
  if (st === undefined || !st.flags.has("call")) return;
  if (returned === undefined) emit(st, [p.pid, "call", mfa]);
  else emit(st, [p.pid, "return_from", mfa, returned.value]);
}

/** Whether `p`'s calls are traced. */
export function tracesCalls(p: Process | null): boolean {
  return p !== null && tracing.count !== 0 && states.get(p)?.flags.has("call") === true;
}

export type { Pid };
