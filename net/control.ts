/**
 * Control messages from other nodes, one function per kind, and what a node going down means
 * for the processes here. Each message is a tuple whose first element names it:
 *
 * | message                                                    | meaning                        |
 * |------------------------------------------------------------|--------------------------------|
 * | `#(send To Msg)`                                           | a message to a pid             |
 * | `#(reg_send Name Msg)`                                     | a message to a registered name |
 * | `#(link From To)` / `#(unlink From To)`                    | links                          |
 * | `#(link_noproc From To)`                                   | a link to a process not there  |
 * | `#(exit From To Reason)` / `#(exit2 From To Reason)`       | a link's exit / `exit/2`       |
 * | `#(monitor From Target Ref)` / `#(demonitor From Target Ref)` | monitors (Target: pid or name) |
 * | `#(down From To Ref Object Reason)`                        | a monitored process is gone    |
 * | `#(spawn_request Ref From GL Mod Fun Args Link Monitor)`   | a remote spawn                 |
 * | `#(spawn_reply To Ref ok Pid)` / `... error Reason)`       | its answer                     |
 * | `#(group_leader From To)`                                  | `group_leader(From, To)`       |
 * | `#(tick)`                                                  | I am alive                     |
 *
 * A message of a kind not known, or of the wrong shape, is dropped with a log line.
 *
 * @module
 */

import {
  findFunction,
  listToArray,
  type MonitorEntry,
  Pid,
  type Process,
  Ref,
  refKey,
  samePid,
  type Term,
} from "../runtime/mod.ts";
import type { Connection } from "./connection.ts";
import type { Distribution } from "./dist.ts";

type Handler = (d: Distribution, c: Connection, t: Term[]) => void;

const HANDLERS: Record<string, Handler> = {
  send(d, _c, [, to, msg]) {
    if (to instanceof Pid) d.node.sendPid(to, msg as Term, null);
  },
  reg_send(d, _c, [, name, msg]) {
    if (typeof name === "string") d.node.sendName(name, msg as Term);
  },
  link(d, c, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = d.node.lookup(to);
    if (q === undefined) c.send(["link_noproc", to, from]);
    else if (!(q.links ?? []).some((l) => samePid(l, from))) (q.links ??= []).push(from);
  },
  link_noproc(d, _c, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = d.node.lookup(to);
    if (q === undefined) return;
    removeLink(q, from);
    if (q.trapExit) d.node.sendPid(q.pid, ["EXIT", from, "noproc"], null);
  },
  unlink(d, _c, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = d.node.lookup(to);
    if (q !== undefined) removeLink(q, from);
  },
  exit(d, _c, [, from, to, reason]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = d.node.lookup(to);
    if (q !== undefined) d.node.linkSignal(q, from, reason as Term);
  },
  exit2(d, _c, [, from, to, reason]) {
    if (from instanceof Pid && to instanceof Pid) d.node.exitSignal(from, to, reason as Term);
  },
  monitor(d, c, [, from, target, ref]) {
    if (!(from instanceof Pid) || !(ref instanceof Ref)) return;
    const q = target instanceof Pid
      ? d.node.lookup(target)
      : typeof target === "string"
      ? d.node.whereis(target)
      : undefined;
    const object: Term = target instanceof Pid ? target : [target as Term, d.node.name];
    if (q === undefined) {
      c.send(["down", target instanceof Pid ? target : null, from, ref, object, "noproc"]);
      return;
    }
    const key = refKey(ref);
    const e: MonitorEntry = { key, ref, other: from, node: c.peer };
    if (!(target instanceof Pid)) e.name = object;
    (q.monitoredBy ??= new Map()).set(key, e);
  },
  demonitor(d, _c, [, , target, ref]) {
    if (!(ref instanceof Ref)) return;
    const q = target instanceof Pid
      ? d.node.lookup(target)
      : typeof target === "string"
      ? d.node.whereis(target)
      : undefined;
    q?.monitoredBy?.delete(refKey(ref));
  },
  down(d, _c, [, , to, ref, object, reason]) {
    if (!(to instanceof Pid) || !(ref instanceof Ref)) return;
    const q = d.node.lookup(to);
    if (q !== undefined) d.node.downSignal(q, ref, object as Term, reason as Term);
  },
  spawn_request(d, c, [, ref, from, gl, module, fun, args, link, monitor]) {
    if (
      !(ref instanceof Ref) || !(from instanceof Pid) || !(gl instanceof Pid) ||
      typeof module !== "string" || typeof fun !== "string"
    ) return;
    let argv: Term[];
    try {
      argv = listToArray(args as Term);
    } catch {
      c.send(["spawn_reply", from, ref, "error", "badarg"]);
      return;
    }
    const fn = findFunction(module, fun, argv.length);
    if (fn === undefined) {
      c.send(["spawn_reply", from, ref, "error", "undef"]);
      return;
    }
    const pid = d.node.spawn(fn, argv, {
      groupLeader: gl,
      initialCall: [module, fun, argv.length],
    });
    const p = d.node.lookup(pid) as Process;
    if (link === true) (p.links ??= []).push(from);
    if (monitor === true) {
      const key = refKey(ref);
      (p.monitoredBy ??= new Map()).set(key, { key, ref, other: from, node: c.peer });
    }
    c.send(["spawn_reply", from, ref, "ok", pid]);
  },
  spawn_reply(d, c, [, to, ref, status, result]) {
    if (!(to instanceof Pid) || !(ref instanceof Ref)) return;
    const key = refKey(ref);
    const req = d.spawns.get(key);
    d.spawns.delete(key);
    const q = d.node.lookup(to);
    if (status === "ok" && result instanceof Pid && req !== undefined) {
      if (q === undefined) {
        // The caller is gone: a linked child must not outlive it unnoticed.
        if (req.link) c.send(["exit", to, result, "noproc"]);
        if (req.monitor) c.send(["demonitor", to, result, ref]);
        return;
      }
      if (req.link) (q.links ??= []).push(result);
      if (req.monitor) {
        (q.monitors ??= new Map()).set(key, { key, ref, other: result, node: c.peer });
      }
    }
    if (q !== undefined) {
      d.node.sendPid(to, ["spawn_reply", ref, status as Term, result as Term], null);
    }
  },
  group_leader(d, _c, [, from, to]) {
    if (!(from instanceof Pid) || !(to instanceof Pid)) return;
    const q = d.node.lookup(to);
    if (q !== undefined) q.groupLeader = from;
  },
  undecodable(d, c, [, why]) {
    const text = why instanceof Uint8Array ? new TextDecoder().decode(why) : String(why);
    d.log(`** Dropped a message from node ${c.peer} that cannot be read here: ${text} **`);
  },
  tick() {},
};

/** Acts on one control message from the node at the other end of `c`. */
export function handleControl(d: Distribution, c: Connection, t: Term[]): void {
  const h = HANDLERS[t[0] as string];
  if (h === undefined || !Object.hasOwn(HANDLERS, t[0] as string)) {
    d.log(`** Dropped a control message of unknown kind ${String(t[0])} from node ${c.peer} **`);
    return;
  }
  h(d, c, t);
}

/**
 * What `node` going down means here: links to its processes give `noconnection`, monitors of
 * them `DOWN ... noconnection`, spawns waiting on it fail, and `monitor_node` watchers get
 * `#(nodedown Node)`. Monitors and links it held on processes here are forgotten.
 */
export function nodeDown(d: Distribution, node: string): void {
  const local = d.node;
  for (const p of local.processes()) {
    for (const l of [...(p.links ?? [])]) {
      if (l.node === node) local.linkSignal(p, l, "noconnection");
    }
    for (const e of [...(p.monitors?.values() ?? [])]) {
      if (e.node === node) local.downSignal(p, e.ref as Ref, e.name ?? e.other, "noconnection");
    }
    for (const e of [...(p.monitoredBy?.values() ?? [])]) {
      if (e.node === node) p.monitoredBy?.delete(e.key);
    }
  }
  for (const [key, r] of [...d.spawns]) {
    if (r.node !== node) continue;
    d.spawns.delete(key);
    local.sendPid(r.from, ["spawn_reply", r.ref, "error", "noconnection"], null);
  }
  const watchers = d.nodeWatchers.get(node);
  d.nodeWatchers.delete(node);
  for (const w of watchers ?? []) local.sendPid(w, ["nodedown", node], null);
}

function removeLink(q: Process, pid: Pid): void {
  const links = q.links;
  if (links === null) return;
  const i = links.findIndex((l) => samePid(l, pid));
  if (i >= 0) links.splice(i, 1);
}
