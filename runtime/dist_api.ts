/**
 * The process API across nodes, for TypeScript: spawning by module and function name (here or
 * on another node), `nodes()`, `ping()`, `connectNode()`, `monitorNode()`, and a way for a
 * process to wait on a promise. The work is done by the node's {@linkcode Router}, which the
 * distribution layer provides; a node that is not distributed answers as Erlang's does.
 *
 * @module
 */

import { thisNode } from "./api.ts";
import { findFunction } from "./code.ts";
import { ErlangError, raiseError } from "./errors.ts";
import type { Yielded } from "./process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "./receive.ts";
import { exactEq } from "./term_order.ts";
import { arrayToList, type Atom, list, type Pid, type Ref, type Term } from "./terms.ts";

/** The names of the nodes this node is connected to. */
export function nodes(): Atom[] {
  return thisNode().router?.nodes() ?? [];
}

// A process that raises undef as soon as it runs: what spawning unknown code gives, as in Erlang.
function undefBody(module: string, fun: string, args: Term[]): () => never {
  return () => {
    throw new ErlangError("error", "undef", list([module, fun, arrayToList(args), null]));
  };
}

/** Options of {@linkcode spawnOn}. */
export interface SpawnOnOptions {
  link?: boolean;
  monitor?: boolean;
}

/**
 * Spawns `module:fun(args...)` on `node` (this node included) for the calling process. The new
 * process gets the caller's group leader, so its output appears where the caller's does. An
 * unknown module or function on the other node raises `undef` in the caller, with the node
 * named in the message.
 */
export function* spawnOn(
  node: Atom,
  module: Atom,
  fun: Atom,
  args: Term[],
  options: SpawnOnOptions = {},
): Generator<Yielded, Pid, unknown> {
  return (yield* spawnThere(node, module, fun, args, options))[0];
}

/**
 * As {@linkcode spawnOn}, monitored from its start (so that no exit can come before the
 * monitor): the pid and the monitor's reference.
 */
export function* spawnMonitorOn(
  node: Atom,
  module: Atom,
  fun: Atom,
  args: Term[],
): Generator<Yielded, [Pid, Ref], unknown> {
  return (yield* spawnThere(node, module, fun, args, { monitor: true })) as [Pid, Ref];
}

function* spawnThere(
  node: Atom,
  module: Atom,
  fun: Atom,
  args: Term[],
  options: SpawnOnOptions,
): Generator<Yielded, [Pid, Ref | undefined], unknown> {
  const p = mustCurrent("spawnOn()");
  const here = p.node;
  if (node === here.name) {
    const fn = findFunction(String(module), String(fun), args.length) ??
      undefBody(String(module), String(fun), args);
    const pid = here.spawn(fn, args, {
      parent: p,
      link: options.link === true,
      initialCall: [module, fun, args.length],
    });
    return [pid, options.monitor === true ? here.monitor(p, pid) : undefined];
  }
  const router = here.router;
  if (router === null) raiseError("notalive");
  const ref = here.makeRef();
  router.spawnRequest({
    ref,
    from: p.pid,
    groupLeader: p.groupLeader,
    node: String(node),
    module: String(module),
    fun: String(fun),
    args,
    link: options.link === true,
    monitor: options.monitor === true,
  });
  const reply = yield* receiveWith((m) =>
    Array.isArray(m) && m[0] === "spawn_reply" && exactEq(m[1] as Term, ref) ? m as Term[] : NOMATCH
  );
  if (reply[2] === "ok") return [reply[3] as Pid, options.monitor === true ? ref : undefined];
  const reason = reply[3] as Term;
  const e = new ErlangError("error", reason);
  if (reason === "undef") {
    e.stackTerm = list([module, fun, arrayToList(args), null]);
    e.message = `Cannot spawn ${String(module)}:${String(fun)}/${args.length} on ${
      String(node)
    }: the function is not defined there`;
  } else e.message = `Cannot spawn on ${String(node)}: ${String(reason)}`;
  throw e;
}

/**
 * Waits, as a receive does, until `promise` settles; returns its value or throws its error.
 * Other processes run meanwhile.
 */
export function* awaitPromise<T>(promise: Promise<T>): Generator<Yielded, T, unknown> {
  const p = mustCurrent("awaitPromise()");
  const ref: Ref = p.node.makeRef();
  const me = p.pid;
  const node = p.node;
  promise.then(
    (v) => node.sendPid(me, [SETTLED, ref, true, v as Term], null),
    (e) => node.sendPid(me, [SETTLED, ref, false, e as Term], null),
  );
  const m = yield* receiveWith((m) =>
    Array.isArray(m) && m[0] === SETTLED && m[1] === ref ? m : NOMATCH
  );
  if (m[2] === true) return m[3] as T;
  throw m[3];
}
// Marks the message a settled promise sends: no term can hold a symbol, so none can fake it.
const SETTLED = Symbol("settled") as unknown as Term;

/** Connects to `node`: `true` once connected, `false` if it cannot be reached. */
export function* connectNode(node: Atom): Generator<Yielded, boolean, unknown> {
  const p = mustCurrent("connectNode()");
  if (node === p.node.name) return true;
  const router = p.node.router;
  if (router === null) return false;
  return yield* awaitPromise(router.connect(String(node)));
}

/** `net_adm:ping/1`: `pong` if `node` answers (connecting if need be), else `pang`. */
export function* ping(node: Atom): Generator<Yielded, "pong" | "pang", unknown> {
  return (yield* connectNode(node)) ? "pong" : "pang";
}

/** `monitor_node/2`: the caller gets `#(nodedown node)` when `node` goes down. */
export function monitorNode(node: Atom, on: boolean): true {
  const p = mustCurrent("monitorNode()");
  const router = p.node.router;
  if (router === null) {
    if (on) p.node.sendPid(p.pid, ["nodedown", node], p);
    return true;
  }
  router.monitorNode(p.pid, String(node), on);
  return true;
}
