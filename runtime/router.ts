/**
 * What a node asks of the distribution layer: the interface `net/` implements. The runtime
 * calls it for every signal whose target lives on another node.
 *
 * @module
 */

import { refKey } from "./node.ts";
import { arrayToList, type Pid, type Ref, type Term } from "./terms.ts";

/** Carries signals to processes of other nodes. */
export interface Router {
  /** Sends `msg` to the remote process `to`. */
  send(from: Pid | null, to: Pid, msg: Term): void;
  /** Sends `msg` to the process registered as `name` on `node`. */
  sendName(from: Pid | null, node: string, name: string, msg: Term): void;
  /** Links the local `from` with the remote `to`. */
  link(from: Pid, to: Pid): void;
  /** Removes the link between the local `from` and the remote `to`. */
  unlink(from: Pid, to: Pid): void;
  /** Sends an exit signal; `link` tells a link's exit from `exit/2`. */
  exit(from: Pid, to: Pid, reason: Term, link: boolean): void;
  /** Tells the remote `to`, which monitored the local `from` by `ref`, that `from` is gone. */
  down(from: Pid, to: Pid, ref: Ref, object: Term, reason: Term): void;
  /** Makes the local `from` monitor `to` (a pid, or a name on `node`). */
  monitor(from: Pid, to: Pid | string, node: string, ref: Ref): void;
  /** Removes a monitor that the local `from` holds. */
  demonitor(from: Pid, to: Pid | string, node: string, ref: Ref): void;
  /**
   * Asks `node` to spawn `module:fun(args...)` for the local `from`; the answer comes to `from`
   * as `#(spawn_reply ref ok pid)` or `#(spawn_reply ref error reason)`.
   */
  spawnRequest(request: SpawnRequest): void;
  /** Sends the signal `t` (a tuple of `signals.ts`) to `node`, connecting if need be. */
  deliver(node: string, t: Term[]): void;
  /** Whether the connection to `node` holds more than it should: senders should wait. */
  busy?(node: string): boolean;
  /** Closes the connection to `node`; `false` if there was none. */
  disconnect?(node: string): boolean;
  /** The net tick time in seconds, and a new one for connections made from now on. */
  netTicktime?(set?: number): number;
  /** The cookie used with `node`, or this node's own. */
  cookie?(node?: string): string;
  /** Sets this node's cookie, or the one used with `node`. */
  setCookie?(cookie: string, node?: string): void;
  /** Calls `then` once the connection to `node` has drained (or closed). */
  whenDrained?(node: string, then: () => void): void;
  /** Connects to `node` if not connected; resolves whether it is connected now. */
  connect(node: string): Promise<boolean>;
  /** The nodes connected now. */
  nodes(): string[];
  /** Makes `from` get `#(nodedown node)` when `node` goes down (`on`), or stops that. */
  monitorNode(from: Pid, node: string, on: boolean): void;
}

/** A remote spawn, as {@linkcode Router.spawnRequest} takes it. */
export interface SpawnRequest {
  ref: Ref;
  from: Pid;
  groupLeader: Pid;
  node: string;
  module: string;
  fun: string;
  args: Term[];
  link: boolean;
  monitor: boolean;
}

/**
 * A {@linkcode Router} that writes each signal as the tuple of `signals.ts` and hands it to
 * {@linkcode SignalRouter.signal}, which says where it goes: over a connection, through the
 * main isolate, or to another scheduler. It keeps the spawns asked and `monitor_node` watchers.
 */
export abstract class SignalRouter implements Router {
  /** Spawns asked of other nodes and not yet answered, by reference key. */
  readonly spawns: Map<string, SpawnRequest>;
  /** `monitor_node` watchers, by node. */
  readonly nodeWatchers: Map<string, Pid[]>;

  /** The maps may be shared with whoever applies the answers and the node's going down. */
  constructor(
    spawns = new Map<string, SpawnRequest>(),
    nodeWatchers = new Map<string, Pid[]>(),
  ) {
    this.spawns = spawns;
    this.nodeWatchers = nodeWatchers;
  }

  /** Sends the signal `t` on its way to `node`; `from` is the sender of a message, if any. */
  protected abstract signal(node: string, t: Term[], from: Pid | null): void;
  /** What it means here that `node` could not be reached (for the `monitor_node` watchers). */
  protected abstract unreachable(node: string): void;
  abstract connect(node: string): Promise<boolean>;
  abstract nodes(): string[];

  send(from: Pid | null, to: Pid, msg: Term): void {
    this.signal(to.node, ["send", to, msg], from);
  }

  sendName(from: Pid | null, node: string, name: string, msg: Term): void {
    this.signal(node, ["reg_send", name, msg], from);
  }

  link(from: Pid, to: Pid): void {
    this.signal(to.node, ["link", from, to], null);
  }

  unlink(from: Pid, to: Pid): void {
    this.signal(to.node, ["unlink", from, to], null);
  }

  exit(from: Pid, to: Pid, reason: Term, link: boolean): void {
    this.signal(to.node, [link ? "exit" : "exit2", from, to, reason], null);
  }

  monitor(from: Pid, to: Pid | string, node: string, ref: Ref): void {
    this.signal(node, ["monitor", from, to, ref], null);
  }

  demonitor(from: Pid, to: Pid | string, node: string, ref: Ref): void {
    this.signal(node, ["demonitor", from, to, ref], null);
  }

  down(from: Pid, to: Pid, ref: Ref, object: Term, reason: Term): void {
    this.signal(to.node, ["down", from, to, ref, object, reason], null);
  }

  spawnRequest(r: SpawnRequest): void {
    this.spawns.set(refKey(r.ref), r);
    this.signal(r.node, [
      "spawn_request",
      r.ref,
      r.from,
      r.groupLeader,
      r.module,
      r.fun,
      arrayToList(r.args),
      r.link,
      r.monitor,
    ], null);
  }

  deliver(node: string, t: Term[]): void {
    this.signal(node, t, null);
  }

  monitorNode(from: Pid, node: string, on: boolean): void {
    const list = this.nodeWatchers.get(node) ?? [];
    if (on) {
      list.push(from);
      this.nodeWatchers.set(node, list);
      void this.connect(node).then((ok) => {
        if (!ok) this.unreachable(node);
      });
    } else {
      const i = list.indexOf(from);
      if (i >= 0) list.splice(i, 1);
    }
  }
}
