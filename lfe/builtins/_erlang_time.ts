/**
 * Time in `erlang`: the clocks (`monotonic_time`, `system_time`, `time_offset`, `timestamp`,
 * `now`) in any time unit, `convert_time_unit/3`, the conversions between universal, local and
 * POSIX time, `unique_integer/0,1`, and the timers (`send_after/3,4`, `start_timer/3,4`,
 * `cancel_timer/1,2`, `read_timer/1,2`), which deliver to a local pid or a registered name
 * and tell the milliseconds left. Native time units are nanoseconds, as on BEAM on Linux.
 *
 * @module
 */

import { makeRef, self, send, thisNode } from "../../runtime/api.ts";
import { raiseError } from "../../runtime/errors.ts";
import { refKey } from "../../runtime/node.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { type Integer, normInt, Pid, Ref, type Term } from "../../runtime/terms.ts";
import { mustArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
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

/** Parts of a second in `unit` (a unit's name, or a positive integer); `badarg` otherwise. */
function perSecond(unit: Term): bigint {
  if (typeof unit === "string" && Object.hasOwn(PER_SECOND, unit)) {
    return PER_SECOND[unit] as bigint;
  }
  if (typeof unit === "number" && unit > 0) return BigInt(unit);
  if (typeof unit === "bigint" && unit > 0n) return unit;
  return badarg();
}

/** `v` divided by `d`, rounded down also below zero. */
function floorDiv(v: bigint, d: bigint): bigint {
  return v >= 0n ? v / d : -((-v + d - 1n) / d);
}

/** Nanoseconds in `unit`, rounded down. */
function inUnit(ns: bigint, unit: Term): Integer {
  return normInt(floorDiv(ns * perSecond(unit), NS));
}

function epochMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

function monotonicNs(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}

/** `monotonic_time/0,1`. */
export function monotonicTime(unit: Term = "native"): Integer {
  return inUnit(monotonicNs(), unit);
}

/** `system_time/0,1`. */
export function systemTime(unit: Term = "native"): Integer {
  return inUnit(BigInt(epochMicros()) * 1000n, unit);
}

/** `time_offset/0,1`: system time less monotonic time. */
export function timeOffset(unit: Term = "native"): Integer {
  return inUnit(BigInt(Math.round(performance.timeOrigin * 1e6)), unit);
}

/** `convert_time_unit/3`: rounded down. */
export function convertTimeUnit(t: Term, from: Term, to: Term): Integer {
  if (typeof t !== "number" && typeof t !== "bigint") return badarg();
  const [f, g] = [perSecond(from), perSecond(to)];
  return normInt(floorDiv(BigInt(t) * g, f));
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

let unique = 0n;
/** `unique_integer/0,1`: options `positive` and `monotonic`. */
export function uniqueInteger(options: Term = null): Integer {
  let positive = false;
  for (const o of mustArray(options)) {
    if (o === "positive") positive = true;
    else if (o !== "monotonic") return badarg();
  }
  unique++;
  return normInt(positive ? unique : unique - (1n << 59n));
}

/** The date and time of `{{Y, M, D}, {H, Mi, S}}` as numbers, checked. */
function dateTime(t: Term): number[] {
  if (!Array.isArray(t) || t.length !== 2) return badarg();
  const [d, c] = t as [Term, Term];
  if (!Array.isArray(d) || d.length !== 3 || !Array.isArray(c) || c.length !== 3) return badarg();
  const ns = [...d, ...c];
  if (!ns.every((n) => typeof n === "number")) return badarg();
  const [y, mo, day, h, mi, s] = ns as [number, number, number, number, number, number];
  const days = mo >= 1 && mo <= 12 ? utc(y, mo + 1, 0, 0, 0, 0).getUTCDate() : 0;
  if (y < 0 || day < 1 || day > days || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
    return badarg();
  }
  return ns as number[];
}

/** A date in universal time, any year (JavaScript takes 0 to 99 as 1900 to 1999). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t;
}

/** A date in local time, any year. */
function local(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const t = new Date(0);
  t.setFullYear(y, mo - 1, d);
  t.setHours(h, mi, s, 0);
  return t;
}

function utcParts(d: Date): Term {
  return [
    [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()],
    [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()],
  ];
}

function localParts(d: Date): Term {
  return [
    [d.getFullYear(), d.getMonth() + 1, d.getDate()],
    [d.getHours(), d.getMinutes(), d.getSeconds()],
  ];
}

/** `universaltime_to_localtime/1`. */
export function universalToLocal(t: Term): Term {
  const [y, mo, d, h, mi, s] = dateTime(t) as [number, number, number, number, number, number];
  return localParts(utc(y, mo, d, h, mi, s));
}

/**
 * `localtime_to_universaltime/1,2`: with `dst` `true` (or `false`) the local time is taken as
 * in summer (or winter) time, as C's `mktime` takes it.
 */
export function localToUniversal(t: Term, dst: Term = "undefined"): Term {
  if (dst !== true && dst !== false && dst !== "undefined") return badarg();
  const [y, mo, d, h, mi, s] = dateTime(t) as [number, number, number, number, number, number];
  const date = local(y, mo, d, h, mi, s);
  if (dst !== "undefined") {
    const jan = local(y, 1, 1, 0, 0, 0).getTimezoneOffset();
    const jul = local(y, 7, 1, 0, 0, 0).getTimezoneOffset();
    const summer = date.getTimezoneOffset() < Math.max(jan, jul);
    if (dst === true && !summer) date.setTime(date.getTime() - 3600_000);
    if (dst === false && summer) date.setTime(date.getTime() + 3600_000);
  }
  return utcParts(date);
}

/** `universaltime_to_posixtime/1`. */
export function universalToPosix(t: Term): Integer {
  const [y, mo, d, h, mi, s] = dateTime(t) as [number, number, number, number, number, number];
  return utc(y, mo, d, h, mi, s).getTime() / 1000;
}

/** `posixtime_to_universaltime/1`. */
export function posixToUniversal(p: Term): Term {
  if (typeof p !== "number") return badarg();
  return utcParts(new Date(p * 1000));
}

// The timers: when each is due and what cancels it.
const timers = new Map<string, { due: number; handle: ReturnType<typeof setTimeout> }>();

/** The milliseconds of a timer: `abs` takes `t` as a monotonic time in milliseconds. */
function delay(t: Term, abs: boolean): number {
  if (typeof t !== "number") return badarg();
  if (!abs) return t >= 0 && t <= 0xffffffff ? t : badarg();
  return Math.max(0, t - Math.floor(performance.now()));
}

function timerOptions(opts: Term): boolean {
  let abs = false;
  for (const o of mustArray(opts)) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "abs" && typeof o[1] === "boolean") {
      abs = o[1];
    } else return badarg();
  }
  return abs;
}

/** A timer that sends `msg`, or (`tagged`) `{timeout, Ref, Msg}`, to `dest` after `t`. */
export function startTimer(t: Term, dest: Term, msg: Term, opts: Term, tagged: boolean): Ref {
  const ms = delay(t, timerOptions(opts));
  const here = currentProcess()?.node ?? thisNode();
  if (!(dest instanceof Pid && dest.node === here.name) && typeof dest !== "string") {
    return badarg();
  }
  const ref = makeRef();
  const key = refKey(ref);
  const handle = setTimeout(() => {
    timers.delete(key);
    try {
      send(dest as Pid, tagged ? ["timeout", ref, msg] : msg);
    } catch { /* a name no process has: dropped, as BEAM drops it */ }
  }, ms);
  timers.set(key, { due: performance.now() + ms, handle });
  return ref;
}

/** The milliseconds left on timer `ref`, or `false`; `cancel` stops it. */
function left(ref: Term, cancel: boolean): Term {
  if (!(ref instanceof Ref)) return badarg();
  const key = refKey(ref);
  const t = timers.get(key);
  if (t === undefined) return false;
  if (cancel) {
    clearTimeout(t.handle);
    timers.delete(key);
  }
  return Math.max(0, Math.round(t.due - performance.now()));
}

/** The options `{async, B}` and (for cancelling) `{info, B}`. */
function asyncOptions(opts: Term, info: boolean): { async: boolean; info: boolean } {
  const out = { async: false, info: true };
  for (const o of mustArray(opts)) {
    const ok = Array.isArray(o) && o.length === 2 && typeof o[1] === "boolean" &&
      (o[0] === "async" || (info && o[0] === "info"));
    if (!ok) return badarg();
    out[(o as [string, boolean])[0] as "async" | "info"] = (o as [string, boolean])[1];
  }
  return out;
}

/** `cancel_timer/1,2` and `read_timer/1,2`. */
export function timerCall(ref: Term, opts: Term, cancel: boolean): Term {
  const how = asyncOptions(opts, cancel);
  const r = left(ref, cancel);
  if (!how.async) return how.info ? r : "ok";
  if (how.info) send(self(), [cancel ? "cancel_timer" : "read_timer", ref, r]);
  return "ok";
}
