/**
 * What a node asks of the distribution layer: the interface `net/` implements. The runtime
 * calls it for every signal whose target lives on another node.
 *
 * @module
 */

import type { Pid, Ref, Term } from "./terms.ts";

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
