/**
 * The module `timer`: `sleep/1` (a receive that waits), `tc/1,2,3` (how long a call takes, in
 * microseconds, with its value), time conversions, and timers that send a message or start a
 * process later. `sleep` and `tc` are generator functions: they wait, or call code that may.
 *
 * @example
 * ```ts
 * import { TIMER } from "./timer.ts";
 * TIMER["minutes/1"]!(2); // 120000
 * ```
 *
 * @module
 */

import {
  cancelTimer,
  register,
  send as sendTo,
  sendAfter,
  sleep,
  thisNode,
  whereis,
} from "../../runtime/api.ts";
import { resolve } from "../../runtime/call.ts";
import { findFunction, type ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { refKey } from "../../runtime/node.ts";
import type { Yielded } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { Pid, Ref, type Term } from "../../runtime/terms.ts";
import { apply2, apply3, undefError } from "./_erlang_process.ts";
import { add, mul } from "./ops.ts";
import { applyFun, moduleTable, properArray, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** The longest wait a JavaScript timer keeps; a longer sleep waits for ever. */
const MAX_TIMER = 2 ** 31 - 1;

function* sleepFor(t: Term): Gen<Term> {
  const forever = t === "infinity" || (typeof t === "bigint" && t > 0n);
  if (!forever && (typeof t !== "number" || t < 0)) raiseError("timeout_value");
  yield* sleep(forever || (t as number) > MAX_TIMER ? Infinity : t as number);
  return "ok";
}

/** Runs `body` and answers `#(microseconds value)`. */
function* timed(body: () => Gen<Term>): Gen<Term> {
  const t0 = performance.now();
  const v = yield* body();
  return [Math.round((performance.now() - t0) * 1000), v];
}

function* callNow(f: Term): Gen<Term> {
  const r = applyFun(f, []);
  return unresolved(r) ? yield* resolve(r) : r as Term;
}

function validTime(t: Term): t is number {
  return typeof t === "number" && t >= 0 && t <= 0xffffffff;
}

function sendAfter3(t: Term, dest: Term, msg: Term): Term {
  if (!validTime(t) || (!(dest instanceof Pid) && typeof dest !== "string")) {
    return ["error", "badarg"];
  }
  return ["ok", ["send_local", sendAfter(t, dest, msg)]];
}

const onceTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** `apply_after/4`: `m:f(args...)` in a new process after `t` milliseconds. */
function applyAfter(t: Term, m: Term, f: Term, args: Term): Term {
  const a = properArray(args);
  if (!validTime(t) || typeof m !== "string" || typeof f !== "string" || a === undefined) {
    return ["error", "badarg"];
  }
  const node = currentProcess()?.node ?? thisNode();
  const ref = node.makeRef();
  const key = refKey(ref);
  onceTimers.set(
    key,
    setTimeout(() => {
      onceTimers.delete(key);
      const fn = findFunction(m, f, a.length) ?? (() => {
        throw undefError(m, f, a);
      });
      node.spawn(fn, a, { initialCall: [m, f, a.length] });
    }, t),
  );
  return ["ok", ["once", ref]];
}

/** A timer that runs `fire` once after `t` milliseconds: `{ok, {once, Ref}}`. */
function once(t: number, fire: () => void): Term {
  const node = currentProcess()?.node ?? thisNode();
  const ref = node.makeRef();
  const key = refKey(ref);
  onceTimers.set(
    key,
    setTimeout(() => {
      onceTimers.delete(key);
      fire();
    }, t),
  );
  return ["ok", ["once", ref]];
}

/** `exit_after/3`: an exit signal to `pid` after `t` milliseconds, from the timer's side. */
function exitAfter(t: Term, pid: Term, reason: Term): Term {
  if (!validTime(t) || !(pid instanceof Pid || typeof pid === "string")) return ["error", "badarg"];
  const node = currentProcess()?.node ?? thisNode();
  return once(t, () => {
    const to = pid instanceof Pid ? pid : whereis(pid);
    if (to instanceof Pid) node.exitSignal(node.defaultGroupLeader, to, reason);
  });
}

const intervals = new Map<string, ReturnType<typeof setInterval>>();

/**
 * A timer that runs `fire` every `t` milliseconds until it is cancelled or the process that
 * made it (or `also`, the pid it sends to) has ended: `{ok, {interval, Ref}}`.
 */
function interval(t: Term, fire: () => void, also?: Term): Term {
  if (!validTime(t)) return ["error", "badarg"];
  const p = currentProcess();
  const node = p?.node ?? thisNode();
  const ref = node.makeRef();
  const key = refKey(ref);
  const owner = p?.pid;
  intervals.set(
    key,
    setInterval(() => {
      const gone = (pid: Term | undefined) =>
        pid instanceof Pid && node.isHere(pid) && node.lookup(pid) === undefined;
      if (gone(owner) || gone(also)) {
        clearInterval(intervals.get(key));
        intervals.delete(key);
        return;
      }
      fire();
    }, Math.max(1, t)),
  );
  return ["ok", ["interval", ref]];
}

function sendInterval(t: Term, dest: Term, msg: Term): Term {
  if (!(dest instanceof Pid) && typeof dest !== "string") return ["error", "badarg"];
  return interval(t, () => {
    try {
      sendTo(dest, msg);
    } catch { /* a name no longer registered hears nothing */ }
  }, dest);
}

function applyInterval(t: Term, m: Term, f: Term, args: Term): Term {
  const a = properArray(args);
  if (typeof m !== "string" || typeof f !== "string" || a === undefined) {
    return ["error", "badarg"];
  }
  const node = currentProcess()?.node ?? thisNode();
  return interval(t, () => {
    const fn = findFunction(m, f, a.length) ?? (() => {
      throw undefError(m, f, a);
    });
    node.spawn(fn, a, { initialCall: [m, f, a.length] });
  });
}

/** `cancel/1`: of a timer of `send_after`, `apply_after`, `exit_after` or an interval. */
function cancel(tref: Term): Term {
  if (!Array.isArray(tref) || tref.length !== 2 || !(tref[1] instanceof Ref)) {
    return ["error", "badarg"];
  }
  const ref = tref[1];
  if (tref[0] === "send_local") cancelTimer(ref);
  else if (tref[0] === "once") {
    const key = refKey(ref);
    clearTimeout(onceTimers.get(key));
    onceTimers.delete(key);
  } else if (tref[0] === "interval") {
    const key = refKey(ref);
    clearInterval(intervals.get(key));
    intervals.delete(key);
  } else return ["error", "badarg"];
  return ["ok", "cancel"];
}

/** `start/0` and `start_link/0`: the timer service runs already, registered as OTP's is. */
function timerServer(): Pid {
  const node = currentProcess()?.node ?? thisNode();
  const there = whereis("timer_server");
  if (there instanceof Pid) return there;
  const pid = node.spawn(
    function* () {
      yield* sleep(Infinity);
    },
    [],
    { initialCall: ["timer", "init", 1] },
  );
  register("timer_server", pid);
  return pid;
}

/** `now_diff/2`: microseconds from the `now/0` triple `t1` to `t2`. */
function nowDiff(t2: Term, t1: Term): Term {
  const us = (t: Term) => {
    if (!Array.isArray(t) || t.length !== 3) return raiseError("function_clause");
    return add(mul(add(mul(t[0] as Term, 1000000), t[1] as Term), 1000000), t[2] as Term);
  };
  return add(us(t2), mul(us(t1), -1));
}

/** The functions of `timer`, by `name/arity`. */
export const TIMER: ModuleFunctions = moduleTable("timer", {
  "sleep/1": sleepFor,
  "tc/1": function* (f: Term) {
    return yield* timed(() => callNow(f));
  },
  "tc/2": function* (f: Term, args: Term) {
    return yield* timed(() => resolve(apply2(f, args)));
  },
  "tc/3": function* (m: Term, f: Term, args: Term) {
    return yield* timed(() => resolve(apply3(m, f, args)));
  },
  "seconds/1": (n: Term) => mul(n, 1000),
  "minutes/1": (n: Term) => mul(n, 60000),
  "hours/1": (n: Term) => mul(n, 3600000),
  "hms/3": (h: Term, m: Term, s: Term) => add(add(mul(h, 3600000), mul(m, 60000)), mul(s, 1000)),
  "send_after/2": (t: Term, msg: Term) => {
    const p = currentProcess();
    return p === null ? ["error", "badarg"] : sendAfter3(t, p.pid, msg);
  },
  "send_after/3": sendAfter3,
  "apply_after/4": applyAfter,
  "send_interval/2": (t: Term, msg: Term) => {
    const p = currentProcess();
    return p === null ? ["error", "badarg"] : sendInterval(t, p.pid, msg);
  },
  "send_interval/3": sendInterval,
  "apply_interval/4": applyInterval,
  "exit_after/2": (t: Term, reason: Term) => {
    const p = currentProcess();
    return p === null ? ["error", "badarg"] : exitAfter(t, p.pid, reason);
  },
  "exit_after/3": exitAfter,
  "kill_after/1": (t: Term) => {
    const p = currentProcess();
    return p === null ? ["error", "badarg"] : exitAfter(t, p.pid, "kill");
  },
  "kill_after/2": (t: Term, pid: Term) => exitAfter(t, pid, "kill"),
  "cancel/1": cancel,
  "start/0": () => {
    timerServer();
    return "ok";
  },
  "start_link/0": () => ["error", ["already_started", timerServer()]],
  // The callbacks of the timer service's gen_server, as OTP's module exports them.
  "init/1": (_: Term) => ["ok", null],
  "handle_call/3": (_r: Term, _f: Term, st: Term) => ["reply", ["error", "badarg"], st],
  "handle_cast/2": (_m: Term, st: Term) => ["noreply", st],
  "handle_info/2": (_m: Term, st: Term) => ["noreply", st],
  "terminate/2": (_r: Term, _st: Term) => "ok",
  "code_change/3": (_v: Term, st: Term, _e: Term) => ["ok", st],
  "now_diff/2": nowDiff,
});
