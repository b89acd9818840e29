/**
 * Signals that come from elsewhere — another node, or another scheduler of this node — as
 * tuples whose first element names them, and what each does here. The distribution layer and
 * the schedulers' channels apply them alike.
 *
 * | signal                                                     | meaning                        |
 * |------------------------------------------------------------|--------------------------------|
 * | `#(send To Msg)`                                           | a message to a pid             |
 * | `#(reg_send Name Msg)`                                     | a message to a registered name |
 * | `#(link From To)` / `#(unlink From To)`                    | links                          |
 * | `#(link_noproc From To)`                                   | a link to a process not there  |
 * | `#(exit From To Reason)` / `#(exit2 From To Reason)`       | a link's exit / `exit/2`       |
 * | `#(monitor From Target Ref)` / `#(demonitor From Target Ref)` | monitors (Target: pid or name) |
 * | `#(down From To Ref Object Reason)`                        | a monitored process is gone    |
 * | `#(spawn_request Ref From GL Mod Fun Args Link Monitor)`   | a spawn asked from elsewhere   |
 * | `#(spawn_reply To Ref ok Pid)` / `... error Reason)`       | its answer                     |
 * | `#(group_leader From To)`                                  | `group_leader(From, To)`       |
 * | `#(tick)`                                                  | I am alive                     |
 *
 * A signal of a kind not known, or of the wrong shape, is dropped with a log line.
 *
 * @module
 */

import { findFunction } from "./code.ts";
import { type Node, refKey, samePid } from "./node.ts";
import { type MonitorEntry, MonitorTable, type Process } from "./process.ts";
import type { SpawnRequest } from "./router.ts";
import { listToArray, Pid, Ref, type Term } from "./terms.ts";

/** Where a signal came from, and what applying it needs. */
export interface SignalSource {
  /** The node here. */
  readonly node: Node;
  /** The node the signal came from (this node's own name for another scheduler). */
  readonly peer: string;
  /** Sends a signal back to where this one came from. */
  reply(t: Term[]): void;
  /** Spawns asked of other nodes from here and not yet answered, by reference key. */
  readonly spawns: Map<string, SpawnRequest>;
  /** Writes a line to the log. */
  log(line: string): void;
}

type Handler = (s: SignalSource, t: Term[]) => void;

const HANDLERS: Record<string, Handler> = {
  send(s, [, to, msg]) {
    if (to instanceof Pid) s.node.sendPid(to, msg as Term, null);
  },
  reg_send(s, [, name, msg]) {
    if (typeof name === "string") s.node.sendName(name, msg as Term);
  },
  link(s, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = s.node.lookup(to);
    if (q === undefined) s.reply(["link_noproc", to, from]);
    else if (!(q.links ?? []).some((l) => samePid(l, from))) (q.links ??= []).push(from);
  },
  link_noproc(s, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = s.node.lookup(to);
    if (q === undefined) return;
    removeLink(q, from);
    if (q.trapExit) s.node.sendPid(q.pid, ["EXIT", from, "noproc"], null);
  },
  unlink(s, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = s.node.lookup(to);
    if (q !== undefined) removeLink(q, from);
  },
  exit(s, [, from, to, reason]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = s.node.lookup(to);
    if (q !== undefined) s.node.linkSignal(q, from, reason as Term);
  },
  exit2(s, [, from, to, reason]) {
    if (from instanceof Pid && to instanceof Pid) s.node.exitSignal(from, to, reason as Term);
  },
  monitor(s, [, from, target, ref]) {
    if (!(from instanceof Pid) || !(ref instanceof Ref)) return;
    const q = target instanceof Pid
      ? s.node.lookup(target)
      : typeof target === "string"
      ? s.node.whereis(target)
      : undefined;
    const object: Term = target instanceof Pid ? target : [target as Term, s.node.name];
    if (q === undefined) {
      s.reply(["down", target instanceof Pid ? target : null, from, ref, object, "noproc"]);
      return;
    }
    const e: MonitorEntry = { ref, other: from, node: s.peer };
    if (!(target instanceof Pid)) e.name = object;
    (q.monitoredBy ??= new MonitorTable()).set(e);
  },
  demonitor(s, [, , target, ref]) {
    if (!(ref instanceof Ref)) return;
    const q = target instanceof Pid
      ? s.node.lookup(target)
      : typeof target === "string"
      ? s.node.whereis(target)
      : undefined;
    q?.monitoredBy?.delete(ref);
  },
  down(s, [, , to, ref, object, reason]) {
    if (!(to instanceof Pid) || !(ref instanceof Ref)) return;
    const q = s.node.lookup(to);
    if (q !== undefined) s.node.downSignal(q, ref, object as Term, reason as Term);
  },
  spawn_request(s, [, ref, from, gl, module, fun, args, link, monitor]) {
    if (
      !(ref instanceof Ref) || !(from instanceof Pid) || !(gl instanceof Pid) ||
      typeof module !== "string" || typeof fun !== "string"
    ) return;
    let argv: Term[];
    try {
      argv = listToArray(args as Term);
    } catch {
      s.reply(["spawn_reply", from, ref, "error", "badarg"]);
      return;
    }
    const fn = findFunction(module, fun, argv.length);
    if (fn === undefined) {
      s.reply(["spawn_reply", from, ref, "error", "undef"]);
      return;
    }
    const pid = s.node.spawn(fn, argv, {
      groupLeader: gl,
      initialCall: [module, fun, argv.length],
      mfa: [module, fun],
    });
    const p = s.node.lookup(pid);
    if (p === undefined) {
      // Placed on another scheduler: the link and monitor follow the spawn there.
      if (link === true) s.node.siblings?.relay(s.peer, ["link", from, pid]);
      if (monitor === true) s.node.siblings?.relay(s.peer, ["monitor", from, pid, ref]);
    } else {
      if (link === true) (p.links ??= []).push(from);
      if (monitor === true) {
        (p.monitoredBy ??= new MonitorTable()).set({ ref, other: from, node: s.peer });
      }
    }
    s.reply(["spawn_reply", from, ref, "ok", pid]);
  },
  spawn_reply(s, [, to, ref, status, result]) {
    if (!(to instanceof Pid) || !(ref instanceof Ref)) return;
    const key = refKey(ref);
    const req = s.spawns.get(key);
    s.spawns.delete(key);
    const q = s.node.lookup(to);
    if (status === "ok" && result instanceof Pid && req !== undefined) {
      if (q === undefined) {
        // The caller is gone: a linked child must not outlive it unnoticed.
        if (req.link) s.reply(["exit", to, result, "noproc"]);
        if (req.monitor) s.reply(["demonitor", to, result, ref]);
        return;
      }
      if (req.link) (q.links ??= []).push(result);
      if (req.monitor) {
        (q.monitors ??= new MonitorTable()).set({ ref, other: result, node: s.peer });
      }
    }
    if (q !== undefined) {
      s.node.sendPid(to, ["spawn_reply", ref, status as Term, result as Term], null);
    }
  },
  group_leader(s, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = s.node.lookup(to);
    if (q !== undefined) q.groupLeader = from;
  },
  undecodable(s, [, why]) {
    const text = why instanceof Uint8Array ? new TextDecoder().decode(why) : String(why);
    s.log(`** Dropped a message from node ${s.peer} that cannot be read here: ${text} **`);
  },
  tick() {},
};

/** Acts on one signal from `s.peer`. */
export function applySignal(s: SignalSource, t: Term[]): void {
  const kind = t[0] as string;
  const h = Object.hasOwn(HANDLERS, kind) ? HANDLERS[kind] : undefined;
  if (h === undefined) {
    s.log(`** Dropped a control message of unknown kind ${String(kind)} from node ${s.peer} **`);
    return;
  }
  h(s, t);
}

/**
 * The process of this node a signal is for, where that decides which scheduler applies it:
 * a pid, a registered name, or `undefined` for a signal that any scheduler can apply.
 */
export function signalTarget(t: Term[]): Pid | string | undefined {
  switch (t[0]) {
    case "send":
    case "spawn_reply":
      return t[1] instanceof Pid ? t[1] : undefined;
    case "reg_send":
      return typeof t[1] === "string" ? t[1] : undefined;
    case "link":
    case "link_noproc":
    case "unlink":
    case "exit":
    case "exit2":
    case "down":
    case "group_leader":
      return t[2] instanceof Pid ? t[2] : undefined;
    case "monitor":
    case "demonitor":
      return t[2] instanceof Pid || typeof t[2] === "string" ? t[2] : undefined;
  }
  return undefined;
}

/**
 * What `down` going away means for the processes of `node`'s scheduler here: links to its
 * processes give `noconnection`, monitors of them `DOWN ... noconnection`, spawns waiting on it
 * fail, and `monitor_node` watchers get `#(nodedown Node)`. Monitors and links it held on
 * processes here are forgotten.
 */
export function nodeDown(
  node: Node,
  down: string,
  spawns: Map<string, SpawnRequest>,
  watchers: Map<string, Pid[]>,
): void {
  lostContact(node, (_pid, at) => at === down);
  for (const [key, r] of [...spawns]) {
    if (r.node !== down) continue;
    spawns.delete(key);
    node.sendPid(r.from, ["spawn_reply", r.ref, "error", "noconnection"], null);
  }
  const list = watchers.get(down);
  watchers.delete(down);
  for (const w of list ?? []) node.sendPid(w, ["nodedown", down], null);
  node.nodeEvent(false, down);
}

/**
 * Links and monitors of this scheduler's processes with processes that are `lost` (by pid,
 * where known, and by node): a link gives `noconnection`, a monitor `DOWN ... noconnection`,
 * and what the lost processes held here is forgotten.
 */
export function lostContact(node: Node, lost: (pid: Pid | null, node: string) => boolean): void {
  for (const p of node.processes()) {
    for (const l of [...(p.links ?? [])]) {
      if (lost(l, l.node)) node.linkSignal(p, l, "noconnection");
    }
    for (const e of [...(p.monitors?.values() ?? [])]) {
      if (lost(e.other, e.node)) {
        node.downSignal(p, e.ref, e.name ?? e.other, "noconnection");
      }
    }
    for (const e of [...(p.monitoredBy?.values() ?? [])]) {
      if (lost(e.other, e.node)) p.monitoredBy?.delete(e.ref);
    }
  }
}

function removeLink(q: Process, pid: Pid): void {
  const links = q.links;
  if (links === null) return;
  const i = links.findIndex((l) => samePid(l, pid));
  if (i >= 0) links.splice(i, 1);
}
