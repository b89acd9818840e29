/**
 * The modules `net_adm`, `net_kernel`, `rpc` and `erpc`, as far as a node of this runtime has
 * them: `net_adm:ping/1`, `net_adm:localhost/0`, `net_kernel:connect_node/1`, `rpc:call/4,5`,
 * `rpc:cast/4` and `erpc:execute_call/4`. An rpc runs `apply(M, F, A)` in a process spawned on
 * the other node under a monitor (with the caller's group leader, so its output comes home), as
 * Erlang's erpc does: the process exits with the outcome, which the `DOWN` message brings back;
 * a crash gives `#(badrpc #(EXIT R))` and a lost node `#(badrpc nodedown)`, as `rpc` answers.
 *
 * @module
 */

import { demonitor, exit, thisNode } from "../../runtime/api.ts";
import { resolve } from "../../runtime/call.ts";
import { findFunction, type ModuleFunctions } from "../../runtime/code.ts";
import { caught, ErlangError, raiseError } from "../../runtime/errors.ts";
import {
  awaitPromise,
  connectNode,
  nodes,
  ping,
  spawnMonitorOn,
  spawnOn,
} from "../../runtime/dist_api.ts";
import { State, type Yielded } from "../../runtime/process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { listNames } from "../../net/epmd_client.ts";
import {
  arrayToList,
  charlist,
  charlistToString,
  isAtom,
  list,
  listToArray,
  type Pid,
  type Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

/** Applies `module:fun(args...)` in this process, raising `undef` when there is no such code. */
function* apply(module: Term, fun: Term, args: Term): Generator<Yielded, Term, unknown> {
  const argv = listToArray(args);
  const fn = findFunction(String(module), String(fun), argv.length);
  if (fn === undefined) throw new ErlangError("error", "undef", list([module, fun, args, null]));
  return yield* resolve(fn(...argv));
}

function* castBody(module: Term, fun: Term, args: Term) {
  try {
    yield* apply(module, fun, args);
  } catch (e) {
    if (mustCurrent("rpc").state === State.Exited) throw e;
  }
}

function checkCall(node: Term, module: Term, fun: Term, args: Term): void {
  if (!isAtom(node) || !isAtom(module) || !isAtom(fun)) raiseError("badarg");
  try {
    listToArray(args);
  } catch {
    raiseError("badarg");
  }
}

/**
 * Spawns `rpc:Body` on `node`: its pid, `#(badrpc nodedown)` when the node cannot be reached,
 * or `#(badrpc #(EXIT Reason))` when it will not spawn it (a node without this `rpc`).
 */
function* spawnThere(node: Term, body: string, args: Term[]): Generator<Yielded, Pid | Term[]> {
  try {
    return yield* spawnOn(node as string, "rpc", body, args);
  } catch (e) {
    if (!(e instanceof ErlangError)) throw e;
    if (e.reason === "noconnection" || e.reason === "notalive") return ["badrpc", "nodedown"];
    return ["badrpc", ["EXIT", [e.reason, e.stackTerm ?? null]]];
  }
}

const TIMEOUT = Symbol("timeout");

/**
 * `rpc:call/5`: the value of `apply(M, F, A)` on `node`, or `#(badrpc Reason)`. Made as
 * Erlang's erpc makes it, so that it works with BEAM nodes as with ours: `erpc:execute_call/4`
 * is spawned there under a monitor, and its exit reason, `{Ref, return, Value}` or the
 * exception, comes back in the `DOWN` message.
 */
export function* rpcCall(
  node: Term,
  module: Term,
  fun: Term,
  args: Term,
  timeout: Term = "infinity",
): Generator<Yielded, Term, unknown> {
  checkCall(node, module, fun, args);
  const ms = timeout === "infinity"
    ? Infinity
    : typeof timeout === "number" && Number.isInteger(timeout) && timeout >= 0
    ? timeout
    : raiseError("badarg");
  const out = yield* erpcOutcome(node, module, fun, args, ms);
  if (out === "timeout") return ["badrpc", "timeout"];
  if (out.spawn !== undefined) return out.spawn;
  return erpcResult(out.ref, out.reason);
}

/**
 * `erpc:call/4`: the value of `apply(M, F, A)` on `node`, or its exception raised here, class
 * and stack as they were there; a node that cannot be reached raises
 * `{erpc, noconnection}`.
 */
export function* erpcCall(
  node: Term,
  module: Term,
  fun: Term,
  args: Term,
): Generator<Yielded, Term, unknown> {
  checkCall(node, module, fun, args);
  const out = yield* erpcOutcome(node, module, fun, args, Infinity);
  if (out === "timeout" || out.spawn !== undefined) raiseError(["erpc", "noconnection"]);
  const { ref, reason } = out;
  if (Array.isArray(reason) && exactEq(reason[0] as Term, ref)) {
    switch (reason[1]) {
      case "return":
        return reason[2] as Term;
      case "throw":
      case "exit":
        throw new ErlangError(reason[1], reason[2] as Term);
      case "error":
        throw new ErlangError("error", reason[2] as Term, reason[3] as Term);
    }
  }
  if (reason === "noconnection") raiseError(["erpc", "noconnection"]);
  throw new ErlangError("exit", reason);
}

// Spawns erpc:execute_call/4 on `node` under a monitor and waits for its exit reason (or for
// `ms`); `spawn` is rpc's answer when it could not be spawned.
function* erpcOutcome(
  node: Term,
  module: Term,
  fun: Term,
  args: Term,
  ms: number,
): Generator<
  Yielded,
  { ref: Ref; reason: Term; spawn?: undefined } | { spawn: Term } | "timeout",
  unknown
> {
  const me = mustCurrent("rpc:call");
  const ref = me.node.makeRef();
  let pid: Pid, mon: Ref;
  try {
    [pid, mon] = yield* spawnMonitorOn(node as string, "erpc", "execute_call", [
      ref,
      module,
      fun,
      args,
    ]);
  } catch (e) {
    if (!(e instanceof ErlangError)) throw e;
    if (e.reason === "noconnection" || e.reason === "notalive") {
      return { spawn: ["badrpc", "nodedown"] };
    }
    return { spawn: ["badrpc", ["EXIT", [e.reason, e.stackTerm ?? null]]] };
  }
  const reason = yield* receiveWith(
    (m) =>
      Array.isArray(m) && m[0] === "DOWN" && exactEq(m[1] as Term, mon) ? m[4] as Term : NOMATCH,
    ms,
    () => TIMEOUT,
  );
  if (reason === TIMEOUT) {
    demonitor(mon, { flush: true });
    exit(pid, "kill");
    return "timeout";
  }
  return { ref, reason: reason as Term };
}

// What rpc:call returns for the exit reason of erpc:execute_call.
function erpcResult(ref: Ref, reason: Term): Term {
  if (Array.isArray(reason) && exactEq(reason[0] as Term, ref)) {
    switch (reason[1]) {
      case "return":
      case "throw":
        return reason[2] as Term;
      case "exit":
        return ["badrpc", ["EXIT", reason[2] as Term]];
      case "error":
        return ["badrpc", ["EXIT", [reason[2] as Term, reason[3] as Term]]];
    }
  }
  if (reason === "noconnection") return ["badrpc", "nodedown"];
  return ["badrpc", ["EXIT", reason]];
}

/** `rpc:cast/4`: runs `apply(M, F, A)` on `node` without waiting for it; always `true`. */
export function* rpcCast(node: Term, module: Term, fun: Term, args: Term) {
  checkCall(node, module, fun, args);
  yield* spawnThere(node, "-cast-", [module, fun, args]);
  return true;
}

/** The host part of this node's name, or the machine's name when it is not distributed. */
function localhost(): string {
  const name = thisNode().name;
  const host = name.slice(name.indexOf("@") + 1);
  if (name !== "nonode@nohost") return host;
  try {
    return Deno.hostname();
  } catch {
    return host;
  }
}

/** Whether `host` names this machine, the only host whose names this node can know. */
function isThisHost(host: string): boolean {
  if (host === "localhost" || host.startsWith("127.") || host === localhost()) return true;
  try {
    const h = Deno.hostname();
    return host === h || host === h.split(".")[0];
  } catch {
    return false;
  }
}

/** A host as `net_adm` takes it: an atom or a string. */
function hostName(h: Term): string {
  if (typeof h === "string") return h;
  const s = charlistToString(h);
  return s === undefined ? raiseError("function_clause") : s;
}

/** `names/0,1`: `{ok, [{Name, Port}]}` from the port mapper, as `epmd -names`. */
function* names(host: Term): Generator<Yielded, Term, unknown> {
  const h = hostName(host);
  if (!isThisHost(h)) return ["error", "nxdomain"];
  try {
    const r = yield* awaitPromise(listNames("127.0.0.1"));
    return ["ok", list(...r.names.map((n) => [charlist(n.name), n.port] as Term))];
  } catch {
    return ["error", "address"];
  }
}

/** `host_file/0`: the hosts of `.hosts.erlang` here or in `$HOME`, or `{error, Why}`. */
function* hostFile(): Generator<Yielded, Term, unknown> {
  const consult = findFunction("file", "consult", 1);
  const dirs = [".", Deno.env.get("HOME") ?? "."];
  let last: Term = ["error", "enoent"];
  for (const d of dirs) {
    if (consult === undefined) break;
    const r = yield* resolve(consult(charlist(`${d}/.hosts.erlang`)));
    if (Array.isArray(r) && r[0] === "ok") return r[1] as Term;
    if (!(Array.isArray(r) && r[1] === "enoent")) last = r;
  }
  return last;
}

/** The nodes that answer a ping, of those given. */
function* pingList(nodes: Term): Generator<Yielded, Term, unknown> {
  const out: Term[] = [];
  for (const n of listToArray(nodes)) {
    if (isAtom(n) && (yield* ping(n)) === "pong") out.push(n);
  }
  return list(...out);
}

/** `world_list/1,2`: the nodes on the hosts that answer a ping (`verbose` says each). */
function* worldList(hosts: Term, verbose: Term = "silent"): Generator<Yielded, Term, unknown> {
  const found: Term[] = [];
  for (const h of listToArray(hosts)) {
    const host = hostName(h);
    const r = yield* names(h);
    if (!(Array.isArray(r) && r[0] === "ok")) continue;
    for (const e of listToArray(r[1] as Term)) {
      const node = `${charlistToString((e as Term[])[0] as Term)}@${host}`;
      const answer = yield* ping(node);
      if (verbose === "verbose") {
        const io = findFunction("io", "format", 2);
        if (io !== undefined) {
          yield* resolve(io(charlist("Pinging ~w -> ~p~n"), list(node, answer)));
        }
      }
      if (answer === "pong") found.push(node);
    }
  }
  return list(...found);
}

function* world(verbose: Term = "silent"): Generator<Yielded, Term, unknown> {
  const hosts = yield* hostFile();
  if (Array.isArray(hosts) && hosts[0] === "error") exit(hosts);
  return yield* worldList(hosts, verbose);
}

/** The functions of `net_adm`. */
export const netAdmModule: ModuleFunctions = {
  "ping/1": function* (node: Term) {
    if (!isAtom(node)) raiseError("function_clause");
    return yield* ping(node);
  },
  "localhost/0": () => charlist(localhost()),
  "names/0": function* () {
    return yield* names(charlist(localhost()));
  },
  "names/1": names,
  "dns_hostname/1": (host: Term) => {
    const h = hostName(host);
    return isThisHost(h) ? ["ok", charlist(h)] : ["error", host];
  },
  "host_file/0": hostFile,
  "ping_list/1": pingList,
  "world/0": function* () {
    return yield* world();
  },
  "world/1": world,
  "world_list/1": function* (hosts: Term) {
    return yield* worldList(hosts);
  },
  "world_list/2": worldList,
};

/** Whether this node is distributed. */
function alive(): boolean {
  return thisNode().router !== null;
}

/** `monitor_nodes/1,2`: `ok`, or `error` for a flag or options that are not right. */
function monitorNodes(flag: Term, options: Term = null): Term {
  if (typeof flag !== "boolean") return "error";
  let opts: Term[];
  try {
    opts = listToArray(options);
  } catch {
    return "error";
  }
  const unknown = opts.filter((o) =>
    !(o === "nodedown_reason" ||
      (Array.isArray(o) && o.length === 2 && o[0] === "node_type" &&
        ["visible", "hidden", "all"].includes(o[1] as string)))
  );
  if (unknown.length > 0) return ["error", ["unknown_options", arrayToList(unknown)]];
  const p = mustCurrent("monitor_nodes");
  p.node.monitorNodes(p.pid, flag, opts);
  return "ok";
}

function netTicktime(set?: number): Term {
  const router = thisNode().router;
  if (router === null) return "ignored";
  return router.netTicktime?.(set) ?? 60;
}

let verboseLevel = 0;
let passive = false;

/** The nodes `net_kernel:allow/1` let in: none named, so every node may connect. */
function allowedNodes(): Term {
  return null;
}

/** What `node_info/1` tells of a connected node; `undefined` for one that is not. */
function nodeInfo(node: Term): Term | undefined {
  if (!isAtom(node)) return undefined;
  const router = thisNode().router;
  if (router === null || !router.nodes().includes(String(node))) return undefined;
  return arrayToList([["state", "up"], ["type", "normal"]]);
}

/** The functions of `net_kernel`. */
export const netKernelModule: ModuleFunctions = {
  "connect_node/1": function* (node: Term) {
    if (!isAtom(node)) raiseError("function_clause");
    return yield* connectNode(node);
  },
  "hidden_connect_node/1": function* (node: Term) {
    if (!isAtom(node)) raiseError("function_clause");
    return yield* connectNode(node);
  },
  "monitor_nodes/1": (flag: Term) => monitorNodes(flag),
  "monitor_nodes/2": monitorNodes,
  "get_net_ticktime/0": () => netTicktime(),
  "set_net_ticktime/1": (t: Term) => {
    if (typeof t !== "number" || !Number.isInteger(t) || t <= 0) raiseError("function_clause");
    const now = netTicktime();
    if (now === "ignored") return "ignored";
    if (now === t) return "unchanged";
    netTicktime(t);
    return "change_initiated";
  },
  "set_net_ticktime/2": (t: Term, _transition: Term) => {
    if (typeof t !== "number" || !Number.isInteger(t) || t <= 0) raiseError("function_clause");
    const now = netTicktime();
    if (now === "ignored") return "ignored";
    if (now === t) return "unchanged";
    netTicktime(t);
    return "change_initiated";
  },
  "nodename/0": () => alive() ? thisNode().name : "ignored",
  "longnames/0": () => {
    if (!alive()) return "ignored";
    const host = thisNode().name.split("@")[1] ?? "";
    return host.includes(".");
  },
  "disconnect/1": (node: Term) => {
    if (!isAtom(node)) raiseError("function_clause");
    const router = thisNode().router;
    if (router === null) return "ignored";
    return router.disconnect?.(String(node)) ?? false;
  },
  "allow/1": (nodes: Term) => {
    let ns: Term[];
    try {
      ns = listToArray(nodes);
    } catch {
      return "error";
    }
    return ns.every((n) => isAtom(n)) ? (alive() ? "ok" : "ignored") : "error";
  },
  "get_state/0": () => {
    const node = thisNode();
    if (!alive()) return new TermMap([["started", "no"]]);
    const host = node.name.split("@")[1] ?? "";
    return new TermMap([
      ["started", "static"],
      ["name_type", "static"],
      ["name", node.name],
      ["name_domain", host.includes(".") ? "longnames" : "shortnames"],
    ]);
  },
  "stop/0": () => ["error", alive() ? "not_allowed" : "not_found"],
  "allowed/0": () => (alive() ? ["ok", allowedNodes()] : "ignored"),
  "connecttime/0": () => 7000,
  "epmd_module/0": () => "erl_epmd",
  "protocol_childspecs/0": () => null,
  "verbose/1": (level: Term) => {
    if (typeof level !== "number") raiseError("function_clause");
    if (!alive()) return "ignored";
    const old = verboseLevel;
    verboseLevel = level;
    return ["ok", old];
  },
  "passive_cnct/1": (flag: Term) => {
    if (typeof flag !== "boolean") raiseError("function_clause");
    const old = passive;
    if (alive()) passive = flag;
    return old;
  },
  "publish_on_node/1": (node: Term) => (isAtom(node) ? alive() : raiseError("function_clause")),
  "dflag_unicode_io/1": (_pid: Term) => true,
  "async_disconnect/1": (node: Term) => {
    if (!isAtom(node)) raiseError("function_clause");
    thisNode().router?.disconnect?.(String(node));
    return "ok";
  },
  "node_info/1": (node: Term) => {
    if (!alive()) raiseError("badarg");
    const info = nodeInfo(node);
    return info === undefined ? ["error", "bad_node"] : ["ok", info];
  },
  "node_info/2": (node: Term, key: Term) => {
    if (!alive()) raiseError("badarg");
    const info = nodeInfo(node);
    if (info === undefined) return ["error", "bad_node"];
    const hit = listToArray(info).find((e) => Array.isArray(e) && e[0] === key);
    return hit === undefined ? ["error", "invalid_key"] : ["ok", (hit as Term[])[1] as Term];
  },
  "nodes_info/0": () => {
    if (!alive()) raiseError("badarg");
    const router = thisNode().router!;
    return ["ok", arrayToList(router.nodes().map((n) => [n, nodeInfo(n)!]))];
  },

  "getopts/2": (node: Term, _opts: Term) => {
    if (!isAtom(node)) raiseError("function_clause");
    if (!alive()) return "ignored";
    return nodes().includes(String(node)) ? ["ok", null] : ["error", "noconnection"];
  },
  "setopts/2": (_node: Term, _opts: Term) => alive() ? "ok" : "ignored",
};

/**
 * The body that a BEAM node's `erpc:call` (and so its `rpc:call`) spawns here: applies the
 * function and exits with `{Ref, return, Result}`, or with the exception as erpc reads it,
 * `{Ref, throw | exit, Reason}` or `{Ref, error, Reason, Stack}`. The caller's monitor brings
 * the exit reason home.
 */
function* executeCall(ref: Term, module: Term, fun: Term, args: Term) {
  let reply: Term;
  try {
    reply = [ref, "return", yield* apply(module, fun, args)];
  } catch (e) {
    if (mustCurrent("erpc").state === State.Exited) throw e; // killed meanwhile
    const c = caught(e);
    reply = c.cls === "error" ? [ref, "error", c.reason, c.stack ?? null] : [ref, c.cls, c.reason];
  }
  throw new ErlangError("exit", reply);
}

/** The functions of `erpc` that a BEAM node calls on this one. */
export const erpcModule: ModuleFunctions = {
  "execute_call/4": executeCall,
};

/** The functions of `rpc`, with the bodies of the processes it spawns on other nodes. */
export const rpcModule: ModuleFunctions = {
  "call/4": function* (node: Term, module: Term, fun: Term, args: Term) {
    return yield* rpcCall(node, module, fun, args);
  },
  "call/5": function* (node: Term, module: Term, fun: Term, args: Term, timeout: Term) {
    return yield* rpcCall(node, module, fun, args, timeout);
  },
  "cast/4": function* (node: Term, module: Term, fun: Term, args: Term) {
    return yield* rpcCast(node, module, fun, args);
  },
  "-cast-/3": castBody,
};
