/**
 * More of `erlang`'s auto-imported BIFs: process aliases (`alias/0,1`, `unalias/1`) and
 * `monitor/3` (with `{alias, Mode}` and `{tag, Tag}`), `spawn_request/1..5` with its
 * `spawn_reply` message, `nodes/2`, `process_flag/3`, `disconnect_node/1`, and the code BIFs
 * a node that loads no BEAM code answers as BEAM does for code it does not have
 * (`check_old_code/1`, `check_process_code/2,3`, `delete_module/1`, `purge_module/1`,
 * `load_module/2`, `pre_loaded/0`).
 *
 * @module
 */

import { thisNode } from "../../runtime/api.ts";
import { findModule } from "../../runtime/code.ts";
import { nodes, spawnMonitorOn, spawnOn } from "../../runtime/dist_api.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { AliasMode } from "../../runtime/node.ts";
import type { Yielded } from "../../runtime/process.ts";
import { mustCurrent } from "../../runtime/receive.ts";
import {
  arrayToList,
  atomName,
  isAtom,
  Pid,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import * as p from "./_erlang_process.ts";
import { mustArray } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function badarg(): never {
  return raiseError("badarg");
}

const ALIAS_MODES = new Set(["explicit_unalias", "reply"]);

/** `alias/0,1`: a new alias of the caller (`reply`: for one message only). */
export function alias(opts: Term = null): Ref {
  const me = mustCurrent("alias");
  let mode: AliasMode = "explicit_unalias";
  for (const o of mustArray(opts)) {
    if (typeof o !== "string" || !ALIAS_MODES.has(o)) badarg();
    mode = o as AliasMode;
  }
  const ref = me.node.makeRef();
  me.node.addAlias(me, ref, mode);
  return ref;
}

/** `unalias/1`: `true` if the caller had the alias, which is now gone. */
export function unalias(ref: Term): boolean {
  if (!(ref instanceof Ref)) badarg();
  const me = mustCurrent("unalias");
  return me.node.removeAlias(me, ref);
}

const MONITOR_ALIAS = new Set(["explicit_unalias", "demonitor", "reply_demonitor"]);

/** `monitor/3`: `monitor/2` with the options `{alias, Mode}` and `{tag, Tag}`. */
export function monitor3(type: Term, item: Term, opts: Term): Ref {
  if (type !== "process") badarg();
  let mode: AliasMode | undefined, tag: Term | undefined;
  for (const o of mustArray(opts)) {
    if (
      Array.isArray(o) && o.length === 2 && o[0] === "alias" && MONITOR_ALIAS.has(o[1] as string)
    ) {
      mode = o[1] as AliasMode;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "tag") tag = o[1] as Term;
    else badarg();
  }
  const me = mustCurrent("monitor");
  let target: Pid | [string, string];
  if (item instanceof Pid) target = item;
  else if (typeof item === "string") target = [item, me.node.name];
  else if (
    Array.isArray(item) && item.length === 2 && typeof item[0] === "string" &&
    typeof item[1] === "string"
  ) target = [item[0], item[1]];
  else return badarg();
  const ref = me.node.monitor(me, target, tag);
  if (mode !== undefined) me.node.addAlias(me, ref, mode);
  return ref;
}

/** `nodes/2`: the nodes of `nodes/1`, each with the information asked for. */
export function nodes2(kinds: Term, info: Term): Term {
  if (!(info instanceof TermMap)) badarg();
  for (const [k, v] of info.entries()) {
    if ((k !== "connection_id" && k !== "node_type") || typeof v !== "boolean") badarg();
  }
  const ks = isAtom(kinds) ? [kinds] : mustArray(kinds);
  const here = thisNode().name;
  const out: Term[] = [];
  const add = (n: string, type: string) => {
    if (out.some((e) => (e as Term[])[0] === n)) return;
    let m = new TermMap([]);
    if (info.get("connection_id") === true && type !== "this") m = m.put("connection_id", 0);
    if (info.get("node_type") === true) m = m.put("node_type", type);
    out.push([n, m]);
  };
  for (const k of ks) {
    if (k === "this" || k === "known") add(here, "this");
    else if (k === "visible" || k === "connected" || k === "known") {
      for (const n of nodes()) add(String(n), "visible");
    } else if (k !== "hidden") badarg();
  }
  return arrayToList(out);
}

const saveCalls = new WeakMap<object, number>();

/** `process_flag/3`: `save_calls` of a process, the one flag it takes; the old value. */
export function processFlag3(pid: Term, flag: Term, value: Term): Term {
  if (!(pid instanceof Pid) || flag !== "save_calls") badarg();
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10000) {
    badarg();
  }
  const q = thisNode().lookup(pid);
  if (q === undefined) badarg();
  const old = saveCalls.get(q) ?? 0;
  saveCalls.set(q, value);
  return old;
}

/** `disconnect_node/1`: `ignored` on a node that is not distributed. */
export function disconnectNode(n: Term): Term {
  if (!isAtom(n)) badarg();
  const node = thisNode();
  if (node.router === null) return "ignored";
  return node.router.disconnect?.(atomName(n)) ?? false;
}

/** `get_cookie/0,1`: this node's cookie, or the one used with a node; `nocookie` if not alive. */
export function getCookie(n?: Term): Term {
  if (n !== undefined && !isAtom(n)) badarg();
  const router = thisNode().router;
  if (router === null || router.cookie === undefined) return "nocookie";
  return router.cookie(n === undefined ? undefined : atomName(n));
}

/** `set_cookie/1,2`: sets this node's cookie, or the one used with a node. */
export function setCookie(a: Term, b?: Term): Term {
  const [n, c] = b === undefined ? [undefined, a] : [a, b];
  if (!isAtom(c) || (n !== undefined && !isAtom(n))) badarg();
  const router = thisNode().router;
  if (router === null || router.setCookie === undefined) raiseError("distribution_not_started");
  router.setCookie(atomName(c), n === undefined ? undefined : atomName(n));
  return true;
}

/** What BEAM 25 loads before any code: the modules of its boot. */
const PRE_LOADED = [
  "erts_code_purger",
  "erl_init",
  "init",
  "prim_buffer",
  "prim_eval",
  "prim_inet",
  "prim_file",
  "zlib",
  "socket_registry",
  "prim_socket",
  "prim_net",
  "prim_zip",
  "erl_prim_loader",
  "erlang",
  "erts_internal",
  "erl_tracer",
  "erts_literal_area_collector",
  "erts_dirty_process_signal_handler",
  "atomics",
  "counters",
  "persistent_term",
];

/** The code BIFs: this node keeps no old code, and loads no BEAM files. */
export const CODE_BIFS = {
  "check_old_code/1": (m: Term) => isAtom(m) ? false : badarg(),
  "check_process_code/2": (pid: Term, m: Term) =>
    pid instanceof Pid && isAtom(m) ? false : badarg(),
  "check_process_code/3": (pid: Term, m: Term, opts: Term) => {
    mustArray(opts);
    return pid instanceof Pid && isAtom(m) ? false : badarg();
  },
  "delete_module/1": (m: Term) => {
    if (!isAtom(m)) badarg();
    return findModule(atomName(m)) === undefined ? "undefined" : true;
  },
  // Only old code can be purged, and there is none: `badarg`, as BEAM gives for that.
  "purge_module/1": (_m: Term) => badarg(),
  "load_module/2": (m: Term, bin: Term) => {
    if (!isAtom(m) || !(bin instanceof Uint8Array)) badarg();
    return ["error", "badfile"];
  },
  "pre_loaded/0": () => arrayToList(PRE_LOADED),
};

// ---- spawn_request ----

interface Request {
  node: Term;
  module?: Term;
  fun: Term;
  args?: Term;
  opts: Term;
}

/** The request `spawn_request/1..5` was given, by its arguments' kinds. */
function request(a: Term[]): Request {
  const isFun = (t: Term) => typeof t === "function";
  const here = thisNode().name;
  switch (a.length) {
    case 1:
      return { node: here, fun: a[0] as Term, opts: null };
    case 2:
      return isFun(a[0] as Term)
        ? { node: here, fun: a[0] as Term, opts: a[1] as Term }
        : { node: a[0] as Term, fun: a[1] as Term, opts: null };
    case 3:
      return isFun(a[1] as Term)
        ? { node: a[0] as Term, fun: a[1] as Term, opts: a[2] as Term }
        : { node: here, module: a[0] as Term, fun: a[1] as Term, args: a[2] as Term, opts: null };
    case 4:
      // (Node, Module, Function, Args), or (Module, Function, Args, Options).
      return isAtom(a[2] as Term)
        ? {
          node: a[0] as Term,
          module: a[1] as Term,
          fun: a[2] as Term,
          args: a[3] as Term,
          opts: null,
        }
        : {
          node: here,
          module: a[0] as Term,
          fun: a[1] as Term,
          args: a[2] as Term,
          opts: a[3] as Term,
        };
    default:
      return {
        node: a[0] as Term,
        module: a[1] as Term,
        fun: a[2] as Term,
        args: a[3] as Term,
        opts: a[4] as Term,
      };
  }
}

const SPAWN_OPTS = new Set(["link", "monitor"]);

/**
 * `spawn_request/1..5`: the request's reference at once, and later, as the options say,
 * `{spawn_reply, ReqId, ok, Pid}` or `{spawn_reply, ReqId, error, Reason}` (`reply_tag` puts
 * another atom first). With `monitor`, the monitor's reference is the request's.
 */
export function* spawnRequest(...a: Term[]): Gen<Term> {
  const r = request(a);
  const me = mustCurrent("spawn_request");
  if (!isAtom(r.node)) badarg();
  if (r.module === undefined ? typeof r.fun !== "function" : !isAtom(r.module) || !isAtom(r.fun)) {
    badarg();
  }
  if (r.args !== undefined) mustArray(r.args);
  let tag: Term = "spawn_reply", reply: Term = "yes", link = false, monitor = false;
  let bad = false;
  for (const o of mustArray(r.opts)) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "reply_tag") tag = o[1] as Term;
    else if (Array.isArray(o) && o.length === 2 && o[0] === "reply") reply = o[1] as Term;
    else if (o === "link") link = true;
    else if (o === "monitor") monitor = true;
    else if (!(Array.isArray(o) || SPAWN_OPTS.has(o as string))) bad = true;
  }
  const send = (ok: boolean, what: Term, ref: Ref) => {
    const wanted = reply === "yes" || (ok && reply === "success_only") ||
      (!ok && reply === "error_only");
    if (wanted) me.post([tag, ref, ok ? "ok" : "error", what]);
  };
  if (bad) {
    const ref = me.node.makeRef();
    send(false, "badopt", ref);
    return ref;
  }
  const here = r.node === me.node.name;
  if (here) {
    const opts = arrayToList(link ? ["link"] : []);
    const pid = (r.module === undefined
      ? p.spawnOpt2(r.fun, opts)
      : p.spawnOpt4(r.module, r.fun, r.args as Term, opts)) as Pid;
    const ref = monitor ? me.node.monitor(me, pid) : me.node.makeRef();
    send(true, pid, ref);
    return ref;
  }
  const [m, f, args] = r.module === undefined
    ? ["erlang", "apply", [r.fun, null]]
    : [String(r.module), String(r.fun), mustArray(r.args as Term)];
  try {
    if (monitor) {
      const [pid, ref] = yield* spawnMonitorOn(r.node, m as string, f as string, args as Term[]);
      send(true, pid, ref);
      return ref;
    }
    const pid = yield* spawnOn(r.node, m as string, f as string, args as Term[], { link });
    const ref = me.node.makeRef();
    send(true, pid, ref);
    return ref;
  } catch (e) {
    const ref = me.node.makeRef();
    const reason = (e as { reason?: Term }).reason;
    // A node that is not distributed reaches no other: as BEAM, `noconnection`.
    send(false, reason === undefined || reason === "notalive" ? "noconnection" : reason, ref);
    return ref;
  }
}

/** `spawn_request_abandon/1`: a request answered at once is never waiting: `false`. */
export function spawnRequestAbandon(ref: Term): boolean {
  if (!(ref instanceof Ref)) badarg();
  return false;
}
