/**
 * The system BIFs of `erlang` that BEAM answers from its emulator's settings: `system_flag/2`
 * (each flag keeps the value set, and answers the one before), `suspend_process/1,2` and
 * `resume_process/1` (a suspended process is not run, nor woken by messages, until every
 * suspend on it is undone, or its suspender ends), `match_spec_test/3`, `get_module_info/1,2`,
 * `monitor_node/3`, `exit_signal/2`, `system_monitor/0,1,2` and `system_profile/0,2` (kept,
 * with nothing here to report to them), the dynamic-trace tags of an emulator built without
 * dynamic tracing (`dt_*`), the sequential-trace token of a process that has none, and the code
 * loader's BIFs as a node that loads no BEAM files or NIFs answers them.
 *
 * @module
 */

import { thisNode } from "../../runtime/api.ts";
import { findFunction } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { addOnExit, type Process, State } from "../../runtime/process.ts";
import { mustCurrent } from "../../runtime/receive.ts";
import {
  arrayToList,
  atomName,
  charlist,
  Cons,
  isAtom,
  Pid,
  type Term,
  termKey,
  TermMap,
} from "../../runtime/terms.ts";
import { checkMatchSpec, NO_MATCH } from "./_match_spec.ts";
import { exit2, monitorNode2 } from "./_erlang_process.ts";
import { properArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

// ---- system_flag/2 ----

const FLAGS = new Map<string, Term>([
  ["backtrace_depth", 8],
  ["fullsweep_after", 65535],
  ["min_heap_size", 233],
  ["min_bin_vheap_size", 46422],
  ["trace_control_word", 0],
  ["scheduler_wall_time", false],
  ["microstate_accounting", false],
  ["outstanding_system_requests_limit", 4],
  ["scheduler_bind_type", "unbound"],
  ["multi_scheduling", "enabled"],
  ["time_offset", "preliminary"],
  ["system_logger", "logger"],
]);

function maxHeapSize(): TermMap {
  return new TermMap([["error_logger", true], ["kill", true], ["size", 0]]);
}

/** `system_flag/2`: sets a flag of the emulator and answers its value before. */
export function systemFlag(flag: Term, value: Term): Term {
  if (typeof flag !== "string") return badarg();
  const node = thisNode();
  switch (flag) {
    case "schedulers_online":
    case "dirty_cpu_schedulers_online": {
      const n = node.schedulerCount;
      if (typeof value !== "number" || value < 1 || value > n) return badarg();
      return n;
    }
    case "dirty_io_schedulers":
      return badarg();
    case "max_heap_size": {
      if (typeof value !== "number" && !(value instanceof TermMap)) return badarg();
      const old = FLAGS.get("max_heap_size") ?? maxHeapSize();
      FLAGS.set(
        "max_heap_size",
        typeof value === "number" ? maxHeapSize().put("size", value) : value,
      );
      return old;
    }
    case "cpu_topology":
      return arrayToList([
        [
          "processor",
          arrayToList(
            Array.from({ length: node.schedulerCount }, (_, i) => ["core", ["logical", i]]),
          ),
        ],
      ]);
    case "multi_scheduling":
      if (value === "block" || value === "block_normal") {
        return FLAGS.set(flag, "blocked") && "blocked";
      }
      if (value === "unblock" || value === "unblock_normal") {
        return FLAGS.set(flag, "enabled") && "enabled";
      }
      return badarg();
    case "time_offset":
      if (value !== "finalize") return badarg();
      FLAGS.set(flag, "final");
      return "final";
    case "system_logger":
      if (!(value === "logger" || value === "undefined" || value instanceof Pid)) return badarg();
      break;
    case "scheduler_wall_time":
    case "microstate_accounting":
      if (typeof value !== "boolean" && value !== "reset") return badarg();
      break;
    case "scheduler_bind_type":
      if (!isAtom(value)) return badarg();
      return FLAGS.get(flag)!;
    default:
      if (!FLAGS.has(flag)) return badarg();
      if (typeof value !== "number" || value < 0) return badarg();
  }
  const old = FLAGS.get(flag)!;
  FLAGS.set(flag, value === "reset" ? old : value);
  return old;
}

/** The value of a flag `system_flag/2` sets (for `system_info/1`). */
export function flagValue(flag: string): Term | undefined {
  return FLAGS.get(flag);
}

// ---- suspend_process/1,2 and resume_process/1 ----

/** For each suspended process: how many suspends each suspender holds on it. */
const suspends = new WeakMap<
  Process,
  Map<string | number | boolean | bigint | object, [Process, number]>
>();
/** What a suspended process was doing when its first suspend came. */
const before = new WeakMap<Process, State>();
const watching = new WeakSet<Process>();

function target(pid: Term, me: Process): Process {
  if (!(pid instanceof Pid)) return badarg();
  const q = thisNode().lookup(pid);
  if (q === undefined || q === me || q.state === State.Exited) return badarg();
  return q;
}

/** `suspend_process/1,2`. */
export function suspendProcess(pid: Term, options: Term = null): Term {
  const me = mustCurrent("suspend_process");
  const opts = properArray(options) ?? badarg();
  let unlessSuspending = false, replyTag: Term | undefined;
  for (const o of opts) {
    if (o === "unless_suspending") unlessSuspending = true;
    else if (o === "asynchronous") replyTag = "undefined";
    else if (Array.isArray(o) && o.length === 2 && o[0] === "asynchronous") replyTag = o[1]!;
    else return badarg();
  }
  const q = target(pid, me);
  let held = suspends.get(q);
  if (held === undefined) suspends.set(q, held = new Map());
  const key = termKey(me.pid);
  const mine = held.get(key);
  if (unlessSuspending && mine !== undefined) return false;
  held.set(key, [me, (mine?.[1] ?? 0) + 1]);
  if (q.state !== State.Suspended) {
    before.set(q, q.state);
    q.state = State.Suspended;
  }
  if (!watching.has(me)) {
    watching.add(me);
    addOnExit(me, () => releaseAll(me));
  }
  if (replyTag !== undefined && replyTag !== "undefined") me.post([replyTag, "suspended"]);
  return true;
}

/** `resume_process/1`: badarg unless the caller suspended it. */
export function resumeProcess(pid: Term): Term {
  const me = mustCurrent("resume_process");
  const q = target(pid, me);
  const held = suspends.get(q);
  const key = termKey(me.pid);
  const mine = held?.get(key);
  if (held === undefined || mine === undefined) return badarg();
  if (mine[1] > 1) held.set(key, [me, mine[1] - 1]);
  else held.delete(key);
  if (held.size === 0) wake(q);
  return true;
}

function wake(q: Process): void {
  suspends.delete(q);
  before.delete(q);
  if (q.state !== State.Suspended) return;
  // It runs once to look at what came meanwhile; with nothing for it, it waits again.
  q.node.scheduler.enqueue(q);
}

function releaseAll(me: Process): void {
  const key = termKey(me.pid);
  for (const q of thisNode().processes()) {
    const held = suspends.get(q);
    if (held?.delete(key) && held.size === 0) wake(q);
  }
}

// ---- the rest ----

/** `match_spec_test/3`. */
export function matchSpecTest(term: Term, ms: Term, type: Term): Term {
  if (type !== "table" && type !== "trace") return badarg();
  if (type === "trace" && !(term === null || term instanceof Cons)) return badarg();
  const c = checkMatchSpec(ms);
  if (typeof c === "string") return ["error", arrayToList([["error", charlist(c)]])];
  const r = c.run(term);
  return ["ok", r === NO_MATCH ? false : r, null, null];
}

/** `get_module_info/1,2`: a module's `module_info/0,1`. */
export function getModuleInfo(m: Term, item?: Term): Term {
  if (!isAtom(m)) return badarg();
  const f = findFunction(atomName(m), "module_info", item === undefined ? 0 : 1);
  if (f === undefined) return badarg();
  return (item === undefined ? f() : f(item)) as Term;
}

/** `monitor_node/3`: as `monitor_node/2`, with `allow_passive_connect` the one option. */
export function monitorNode3(node: Term, flag: Term, options: Term): Term {
  const opts = properArray(options) ?? badarg();
  if (opts.some((o) => o !== "allow_passive_connect")) return badarg();
  return monitorNode2(node, flag);
}

/** `exit_signal/2`: sends an exit signal, as `exit/2`. */
export function exitSignal2(pid: Term, reason: Term): Term {
  return exit2(pid, reason);
}

let monitorSetting: Term = "undefined";
let profileSetting: Term = "undefined";

/** `system_monitor/0,1,2`. */
export function systemMonitor(a?: Term, b?: Term): Term {
  const old = monitorSetting;
  if (a === undefined) return old;
  if (b === undefined) {
    if (a === "undefined") monitorSetting = "undefined";
    else if (
      Array.isArray(a) && a.length === 2 && a[0] instanceof Pid && properArray(a[1]!) !== undefined
    ) {
      monitorSetting = a;
    } else return badarg();
    return old;
  }
  if (!(a instanceof Pid) || properArray(b) === undefined) return badarg();
  monitorSetting = [a, b];
  return old;
}

/** `system_profile/0,2`. */
export function systemProfile(a?: Term, b?: Term): Term {
  const old = profileSetting;
  if (a === undefined) return old;
  if (a === "undefined") profileSetting = "undefined";
  else if (a instanceof Pid && properArray(b!) !== undefined) profileSetting = [a, b!];
  else return badarg();
  return old;
}

/** `load_nif/2`: this runtime loads no native code. */
export function loadNif(path: Term, _info: Term): Term {
  let p: string;
  try {
    p = typeof path === "string" ? path : String.fromCodePoint(...(properArray(path) as number[]));
  } catch {
    return badarg();
  }
  return ["error", [
    "load_failed",
    charlist(`Failed to load NIF library ${p}: NIFs cannot be loaded by this runtime`),
  ]];
}

/** `prepare_loading/2`: no BEAM file loads here. */
export function prepareLoading(m: Term, code: Term): Term {
  if (!isAtom(m) || !(code instanceof Uint8Array)) return badarg();
  return ["error", "badfile"];
}

/** `finish_loading/1`. */
export function finishLoading(l: Term): Term {
  const a = properArray(l) ?? badarg();
  return a.length === 0 ? "ok" : badarg();
}

/** `seq_trace_info/1`: a process here carries no sequential trace token. */
export function seqTraceInfo(what: Term): Term {
  if (
    ["send", "receive", "print", "timestamp", "monotonic_timestamp", "strict_monotonic_timestamp"]
      .includes(what as string)
  ) {
    return [what, false];
  }
  if (what === "label" || what === "serial") return [];
  return badarg();
}

/** `seq_trace/2`: the token's previous value. */
export function seqTrace(flag: Term, _value: Term): Term {
  if (flag === "label") return 0;
  if (flag === "serial") return [];
  if (flag === "token") return [];
  if (
    ["send", "receive", "print", "timestamp", "monotonic_timestamp", "strict_monotonic_timestamp"]
      .includes(flag as string)
  ) {
    return false;
  }
  return badarg();
}

/** The functions this module adds to `erlang`, by `name/arity`. */
export const SYS_FLAG_FUNCTIONS: Record<string, (...a: Term[]) => Term> = {
  "system_flag/2": systemFlag,
  "suspend_process/1": (p: Term) => suspendProcess(p),
  "suspend_process/2": suspendProcess,
  "resume_process/1": resumeProcess,
  "match_spec_test/3": matchSpecTest,
  "get_module_info/1": (m: Term) => getModuleInfo(m),
  "get_module_info/2": getModuleInfo,
  "monitor_node/3": monitorNode3,
  "exit_signal/2": exitSignal2,
  "system_monitor/0": () => systemMonitor(),
  "system_monitor/1": (a: Term) => systemMonitor(a),
  "system_monitor/2": systemMonitor,
  "system_profile/0": () => systemProfile(),
  "system_profile/2": systemProfile,
  "load_nif/2": loadNif,
  "prepare_loading/2": prepareLoading,
  "finish_loading/1": finishLoading,
  "has_prepared_code_on_load/1": () => badarg(),
  "call_on_load_function/1": () => badarg(),
  "finish_after_on_load/2": () => badarg(),
  "seq_trace_info/1": seqTraceInfo,
  "seq_trace/2": seqTrace,
  "seq_trace_print/1": (_l: Term) => true,
  "seq_trace_print/2": (_a: Term, _l: Term) => true,
  "dt_get_tag/0": () => "undefined",
  "dt_put_tag/1": (_t: Term) => "undefined",
  "dt_get_tag_data/0": () => "undefined",
  "dt_spread_tag/1": (_b: Term) => true,
  "dt_restore_tag/1": (_t: Term) => true,
  "dt_append_vm_tag_data/1": (t: Term) => t,
  "dt_prepend_vm_tag_data/1": (t: Term) => t,
  "delay_trap/2": (t: Term, _n: Term) => t,
  "format_cpu_topology/1": (t: Term) => (t === "undefined" ? "undefined" : badarg()),
  "set_cpu_topology/1": () => badarg(),
  "garbage_collect_message_area/0": () => raiseError("undefined"),
};
