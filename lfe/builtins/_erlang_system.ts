/**
 * The BIFs of `erlang` about the system rather than one term: process information, timers,
 * clocks, `display` and `halt`.
 *
 * @module
 */

import {
  cancelTimer,
  groupLeader,
  type ProcessInfo,
  processInfoAnywhere,
  sendAfter,
  thisNode,
} from "../../runtime/api.ts";
import type { Yielded } from "../../runtime/process.ts";
import { raiseError } from "../../runtime/errors.ts";
import { haltNode } from "../../runtime/halt.ts";
import { putCharsAsync } from "../../runtime/io.ts";
import { refKey } from "../../runtime/node.ts";
import { formatErlang } from "../../runtime/print_term.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { arrayToList, type Integer, normInt, Pid, Ref, type Term } from "../../runtime/terms.ts";
import { mustArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

type Item = (i: ProcessInfo) => Term;

const ITEMS: Record<string, Item> = {
  registered_name: (i) => i.registeredName ?? null,
  initial_call: (i) => i.initialCall,
  status: (i) => i.status,
  message_queue_len: (i) => i.messageQueueLen,
  messages: (i) => arrayToList(i.messages),
  links: (i) => arrayToList(i.links),
  monitors: (i) => arrayToList(i.monitors),
  monitored_by: (i) => arrayToList(i.monitoredBy),
  dictionary: (i) => arrayToList(i.dictionary),
  trap_exit: (i) => i.trapExit,
  error_handler: () => "error_handler",
  priority: () => "normal",
  group_leader: (i) => i.groupLeader,
  reductions: (i) => i.reductions,
};

// What process_info/1 tells, in Erlang's order (registered_name only when there is one).
const SUMMARY = [
  "initial_call",
  "status",
  "message_queue_len",
  "links",
  "dictionary",
  "trap_exit",
  "error_handler",
  "priority",
  "group_leader",
  "reductions",
];

function* infoOf(pid: Term): Generator<Yielded, ProcessInfo | undefined, unknown> {
  if (!(pid instanceof Pid) || pid.node !== thisNode().name) return badarg();
  return yield* processInfoAnywhere(pid);
}

/** `process_info/1`: a list of `#(item value)`, or `undefined` for a dead process. */
export function* processInfo1(pid: Term): Generator<Yielded, Term, unknown> {
  const i = yield* infoOf(pid);
  if (i === undefined) return "undefined";
  const keys = i.registeredName === undefined ? SUMMARY : ["registered_name", ...SUMMARY];
  return arrayToList(keys.map((k) => [k, (ITEMS[k] as Item)(i)]));
}

/** `process_info/2`: one item, or a list of items; `badarg` for an item it does not know. */
export function* processInfo2(pid: Term, what: Term): Generator<Yielded, Term, unknown> {
  const keys = typeof what === "string" ? [what] : mustArray(what);
  const items = keys.map((k) =>
    typeof k === "string" && Object.hasOwn(ITEMS, k) ? ITEMS[k] as Item : badarg()
  );
  const i = yield* infoOf(pid);
  if (i === undefined) return "undefined";
  if (typeof what === "string") {
    // The one item asked for alone: an unregistered process answers [] rather than a tuple.
    if (what === "registered_name" && i.registeredName === undefined) return null;
    return [what, (items[0] as Item)(i)];
  }
  return arrayToList(keys.map((k, n) => [k, (items[n] as Item)(i)]));
}

// When each timer of erlang:send_after/3 is due, for cancel_timer/1 to tell the time left.
const due = new Map<string, number>();

/** `send_after/3`: a reference to the timer. */
export function sendAfter3(time: Term, dest: Term, msg: Term): Ref {
  if (typeof time !== "number" || time < 0 || time > 0xffffffff) return badarg();
  if (!(dest instanceof Pid) && typeof dest !== "string") return badarg();
  const ref = sendAfter(time, dest, msg);
  const now = performance.now();
  if (due.size > 1000) { for (const [k, t] of due) if (t < now) due.delete(k); }
  due.set(refKey(ref), now + time);
  return ref;
}

/** `cancel_timer/1`: the milliseconds that were left, or `false` if it had fired already. */
export function cancelTimer1(ref: Term): Term {
  if (!(ref instanceof Ref)) return badarg();
  const key = refKey(ref);
  const t = due.get(key);
  due.delete(key);
  if (!cancelTimer(ref)) return false;
  return t === undefined ? 0 : Math.max(0, Math.round(t - performance.now()));
}

const NS = 1_000_000_000n;
const PER_SECOND: Record<string, bigint> = {
  second: 1n,
  seconds: 1n,
  millisecond: 1000n,
  milli_seconds: 1000n,
  microsecond: 1_000_000n,
  micro_seconds: 1_000_000n,
  nanosecond: NS,
  nano_seconds: NS,
  native: NS,
  perf_counter: NS,
};

/** Nanoseconds in `unit` (a unit's name, or parts per second); `badarg` for another. */
function inUnit(ns: bigint, unit: Term): Integer {
  const per = typeof unit === "string"
    ? Object.hasOwn(PER_SECOND, unit) ? PER_SECOND[unit] : undefined
    : typeof unit === "number" && unit > 0
    ? BigInt(unit)
    : undefined;
  if (per === undefined) return badarg();
  const v = ns * per;
  // Rounded down, also for a time before the epoch.
  return normInt(v >= 0n ? v / NS : -((-v + NS - 1n) / NS));
}

/** Microseconds since the epoch, as precisely as the clock tells. */
function epochMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** `monotonic_time/0,1`: native units are nanoseconds, as on BEAM on Linux. */
export function monotonicTime(unit: Term = "native"): Integer {
  return inUnit(BigInt(Math.round(performance.now() * 1e6)), unit);
}

/** `system_time/0,1`. */
export function systemTime(unit: Term = "native"): Integer {
  return inUnit(BigInt(epochMicros()) * 1000n, unit);
}

function triple(us: number): Term[] {
  return [Math.floor(us / 1e12), Math.floor(us / 1e6) % 1e6, us % 1e6];
}

/** `timestamp/0`: `#(MegaSecs Secs MicroSecs)`. */
export function timestamp(): Term[] {
  return triple(epochMicros());
}

let lastNow = 0;
/** `now/0`: as `timestamp/0`, but never the same twice. */
export function now(): Term[] {
  const us = Math.max(epochMicros(), lastNow + 1);
  lastNow = us;
  return triple(us);
}

/** `display/1`: the term in Erlang syntax and a newline, through the group leader. */
export function display(t: Term): true {
  const node = currentProcess()?.node ?? thisNode();
  putCharsAsync(node, groupLeader(), formatErlang(t) + "\n");
  return true;
}

/** `halt/0,1`: ends the node with a status, or with a message (and status 1). */
export function halt(status: Term = 0): never {
  if (typeof status === "number" && status >= 0) haltNode(status);
  if (status === "abort") haltNode(134);
  const s = status instanceof Uint8Array ? undefined : textOf(status);
  if (s === undefined) return badarg();
  console.error(s);
  haltNode(1);
  throw new Error("unreachable");
}

function textOf(l: Term): string | undefined {
  try {
    return String.fromCodePoint(...(mustArray(l) as number[]));
  } catch {
    return undefined;
  }
}
