/**
 * `erlang:trace/3`, `trace_info/2`, `trace_pattern/2,3` and `trace_delivered/1`: tracing of
 * processes (their sends, receives, spawns, links, names and ends, and the calls they make of
 * the functions a pattern is set on), each event sent to the tracer as BEAM sends it. A call
 * pattern traces calls of a module's functions from outside it (BEAM's `global` calls): the
 * function in the module's table is wrapped, and unwrapped when the pattern is cleared.
 *
 * @module
 */

import { makeRef, thisNode } from "../../runtime/api.ts";
import { isGenerator, resolve, TailCall } from "../../runtime/call.ts";
import { loadedModules, moduleRef } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Process, Yielded } from "../../runtime/process.ts";
import { State } from "../../runtime/process.ts";
import { mustCurrent } from "../../runtime/receive.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import {
  arrayToList,
  type Fun,
  FUN_INFO,
  funInfo,
  isAtom,
  Pid,
  type Term,
} from "../../runtime/terms.ts";
import {
  setTrace,
  setTraceForNew,
  traceCall,
  traceForNew,
  traceOf,
  tracesCalls,
  type TraceState,
} from "../../runtime/trace.ts";
import { checkMatchSpec, type CompiledSpec, NO_MATCH } from "./_match_spec.ts";
import { properArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

const EVENT_FLAGS = [
  "send",
  "receive",
  "procs",
  "call",
  "return_to",
  "running",
  "exiting",
  "garbage_collection",
  "set_on_spawn",
  "set_on_first_spawn",
  "set_on_link",
  "set_on_first_link",
  "arity",
  "silent",
  "ports",
  "running_procs",
  "running_ports",
];
const TIMESTAMPS = [
  "timestamp",
  "monotonic_timestamp",
  "strict_monotonic_timestamp",
  "cpu_timestamp",
];

/** `trace/3`: answers how many processes it set the flags of. */
export function trace(spec: Term, how: Term, flagList: Term): Term {
  const me = mustCurrent("trace");
  if (typeof how !== "boolean") return badarg();
  const list = properArray(flagList) ?? badarg();
  const flags = new Set<string>();
  let tracer: Process = me;
  let timestamp: TraceState["timestamp"] | undefined;
  for (const f of list) {
    if (f === "all") {
      for (const x of EVENT_FLAGS) if (x !== "arity" && x !== "silent") flags.add(x);
    } else if (typeof f === "string" && EVENT_FLAGS.includes(f)) flags.add(f);
    else if (typeof f === "string" && TIMESTAMPS.includes(f)) {
      timestamp = f === "cpu_timestamp" ? "timestamp" : f as TraceState["timestamp"];
    } else if (Array.isArray(f) && f.length === 2 && f[0] === "tracer" && f[1] instanceof Pid) {
      const t = thisNode().lookup(f[1]);
      if (t === undefined || t.state === State.Exited) return badarg();
      tracer = t;
    } else return badarg();
  }
  const apply = (p: Process) => {
    const old = traceOf(p);
    if (how) {
      const next: TraceState = {
        tracer: old !== undefined && !list.some((f) => Array.isArray(f)) ? old.tracer : tracer,
        flags: new Set([...(old?.flags ?? []), ...flags]),
        timestamp: timestamp ?? old?.timestamp ?? "none",
      };
      setTrace(p, next);
    } else if (old !== undefined) {
      const left = new Set([...old.flags].filter((x) => !flags.has(x)));
      setTrace(p, {
        ...old,
        flags: left,
        timestamp: timestamp !== undefined ? "none" : old.timestamp,
      });
    }
  };
  const node = thisNode();
  if (spec instanceof Pid) {
    const p = node.lookup(spec);
    if (p === undefined || p.state === State.Exited) return badarg();
    apply(p);
    return 1;
  }
  const existing = spec === "all" || spec === "processes" || spec === "existing" ||
    spec === "existing_processes";
  const newOnes = spec === "all" || spec === "processes" || spec === "new" ||
    spec === "new_processes";
  if (!existing && !newOnes) {
    if (spec === "ports" || spec === "existing_ports" || spec === "new_ports") return 0;
    return badarg();
  }
  let n = 0;
  if (existing) {
    for (const p of node.processes()) {
      if (p === tracer || p.state === State.Exited) continue;
      apply(p);
      n++;
    }
  }
  if (newOnes) {
    const old = traceForNew();
    if (how) {
      setTraceForNew({
        tracer,
        flags: new Set([...(old?.flags ?? []), ...flags]),
        timestamp: timestamp ?? old?.timestamp ?? "none",
      });
    } else if (old !== null) {
      const left = new Set([...old.flags].filter((x) => !flags.has(x)));
      setTraceForNew(left.size === 0 ? null : { ...old, flags: left });
    }
  }
  return n;
}

/** The order BEAM looks at the flags in when it lists them (the list comes out reversed). */
const FLAG_ORDER = [
  "send",
  "receive",
  "set_on_spawn",
  "call",
  "return_to",
  "procs",
  "set_on_first_spawn",
  "set_on_link",
  "set_on_first_link",
  "running",
  "garbage_collection",
  "timestamp",
  "monotonic_timestamp",
  "strict_monotonic_timestamp",
  "arity",
  "silent",
  "running_procs",
  "running_ports",
  "exiting",
  "ports",
];

/** `trace_info/2` of a process or `new`, or of a function `{M, F, A}`. */
export function traceInfo(what: Term, item: Term): Term {
  if (Array.isArray(what) && what.length === 3) return functionInfo(what, item);
  let st: TraceState | undefined | null;
  if (what instanceof Pid) {
    const p = thisNode().lookup(what);
    if (p === undefined) return "undefined";
    st = traceOf(p);
  } else if (what === "new" || what === "new_processes") st = traceForNew();
  else return badarg();
  const flags = (): Term => {
    if (!st) return null;
    const out = FLAG_ORDER.filter((x) => st!.flags.has(x) || st!.timestamp === x);
    return arrayToList(out.reverse());
  };
  const tracer = (): Term => (st ? st.tracer.pid : null);
  switch (item) {
    case "flags":
      return ["flags", flags()];
    case "tracer":
      return ["tracer", tracer()];
    case "all":
      return st ? ["all", arrayToList([["flags", flags()], ["tracer", tracer()]])] : ["all", false];
  }
  return badarg();
}

// ---- call tracing ----

interface Pattern {
  original: Fun;
  ms: CompiledSpec | null;
  msTerm: Term;
  returnTrace: boolean;
}

const patterns = new Map<string, Pattern>();

/** The match specification without its actions: what is matched, and whether returns are told. */
function callSpec(ms: Term): { spec: CompiledSpec | null; returnTrace: boolean } {
  if (ms === true || ms === null) return { spec: null, returnTrace: false };
  const clauses = properArray(ms) ?? badarg();
  let returnTrace = false;
  const stripped = clauses.map((c) => {
    if (!Array.isArray(c) || c.length !== 3) return badarg();
    const body = (properArray(c[2]!) ?? badarg()).filter((x) => {
      const isAction = Array.isArray(x) && x.length === 1 &&
        (x[0] === "return_trace" || x[0] === "exception_trace");
      if (isAction) returnTrace = true;
      return !isAction;
    });
    return [c[0]!, c[1]!, arrayToList(body.length === 0 ? [true] : body)];
  });
  const spec = checkMatchSpec(arrayToList(stripped));
  if (typeof spec === "string") return badarg();
  return { spec, returnTrace };
}

function wrapper(m: string, f: string, arity: number, pat: Pattern): Fun {
  const orig = pat.original;
  const w = function (this: unknown, ...args: unknown[]): unknown {
    const p = currentProcess();
    if (p === null || !tracesCalls(p)) return orig(...args);
    const argList = arrayToList(args as Term[]);
    if (pat.ms !== null && pat.ms.run(argList) === NO_MATCH) return orig(...args);
    traceCall(p, [m, f, argList]);
    let r = orig(...args);
    if (!pat.returnTrace) return r;
    while (r instanceof TailCall) r = r.f(...r.args);
    if (isGenerator(r)) {
      return (function* (): Generator<Yielded, Term, unknown> {
        const v = yield* resolve(r);
        traceCall(p, [m, f, arity], { value: v });
        return v;
      })();
    }
    traceCall(p, [m, f, arity], { value: r as Term });
    return r;
  };
  Object.defineProperty(w, FUN_INFO, { value: funInfo(orig) });
  return w;
}

/** `trace_pattern/2,3`: sets (or clears) a call pattern; answers how many functions match. */
export function tracePattern(mfa: Term, ms: Term, flags: Term = null): Term {
  const fl = properArray(flags) ?? badarg();
  for (const x of fl) {
    if (!(x === "global" || x === "local" || (Array.isArray(x) && x[0] === "meta"))) {
      if (x === "call_count" || x === "call_time" || x === "call_memory") return badarg();
      return badarg();
    }
  }
  if (!Array.isArray(mfa) || mfa.length !== 3) return badarg();
  const [m, f, a] = mfa;
  if (!isAtom(m) || !isAtom(f) || !(typeof a === "number" || a === "_")) return badarg();
  const clear = ms === false;
  const { spec, returnTrace } = clear
    ? { spec: null, returnTrace: false }
    : callSpec(ms === "restart" || ms === "pause" ? true : ms);
  const mods = m === "_" ? loadedModules() : [String(m)];
  let n = 0;
  for (const mod of mods) {
    const rec = moduleRef(mod);
    if (!rec.loaded) continue;
    for (const key of Object.keys(rec.fns)) {
      const i = key.lastIndexOf("/");
      if (i < 0) continue;
      const name = key.slice(0, i), ar = Number(key.slice(i + 1));
      if (name === "module_info") continue;
      if (f !== "_" && name !== f) continue;
      if (a !== "_" && ar !== a) continue;
      const id = `${mod}:${key}`;
      const had = patterns.get(id);
      if (clear) {
        if (had !== undefined) {
          rec.fns[key] = had.original;
          patterns.delete(id);
        }
      } else {
        const pat: Pattern = {
          original: had?.original ?? rec.fns[key] as Fun,
          ms: spec,
          msTerm: ms === true ? null : ms,
          returnTrace,
        };
        patterns.set(id, pat);
        rec.fns[key] = wrapper(mod, name, ar, pat) as never;
      }
      n++;
    }
  }
  return n;
}

function functionInfo(mfa: Term[], item: Term): Term {
  const [m, f, a] = mfa;
  const pat = patterns.get(`${String(m)}:${String(f)}/${String(a)}`);
  switch (item) {
    case "traced":
      return ["traced", pat === undefined ? false : "global"];
    case "match_spec":
      return ["match_spec", pat === undefined ? false : pat.msTerm];
    case "meta":
      return ["meta", false];
    case "meta_match_spec":
      return ["meta_match_spec", false];
    case "call_count":
      return ["call_count", false];
    case "call_time":
      return ["call_time", false];
    case "all":
      return pat === undefined ? ["all", false] : [
        "all",
        arrayToList([
          ["traced", "global"],
          ["match_spec", pat.msTerm],
          ["meta", false],
          ["meta_match_spec", false],
          ["call_count", false],
          ["call_time", false],
        ]),
      ];
  }
  return badarg();
}

/** `trace_delivered/1`: every trace message is delivered as it is made, so at once. */
export function traceDelivered(tracee: Term): Term {
  const me = mustCurrent("trace_delivered");
  if (!(tracee instanceof Pid) && tracee !== "all") return badarg();
  const ref = makeRef();
  me.post(["trace_delivered", tracee, ref]);
  return ref;
}
