/**
 * Control messages from other nodes: each is applied by the runtime's signal handlers
 * (`runtime/signals.ts`), on the scheduler of the process it is for; and what a node going down
 * means for the processes here.
 *
 * @module
 */

import {
  applySignal,
  nodeDown as signalNodeDown,
  type SignalSource,
  type Term,
} from "../runtime/mod.ts";
import type { Connection } from "./connection.ts";
import type { Distribution } from "./dist.ts";

const sources = new WeakMap<Connection, SignalSource>();

function sourceOf(d: Distribution, c: Connection): SignalSource {
  let s = sources.get(c);
  if (s === undefined) {
    s = {
      node: d.node,
      peer: c.peer,
      reply: (t) => c.send(t),
      spawns: d.spawns,
      log: (line) => d.log(line),
    };
    sources.set(c, s);
  }
  return s;
}

/** Acts on one control message from the node at the other end of `c`. */
export function handleControl(d: Distribution, c: Connection, t: Term[]): void {
  if (d.node.siblings?.relay(c.peer, t)) return; // for a process of another scheduler here
  applySignal(sourceOf(d, c), t);
}

/**
 * What `node` going down means here, on every scheduler: links to its processes give
 * `noconnection`, monitors of them `DOWN ... noconnection`, spawns waiting on it fail, and
 * `monitor_node` watchers get `#(nodedown Node)`.
 */
export function nodeDown(d: Distribution, node: string): void {
  signalNodeDown(d.node, node, d.spawns, d.nodeWatchers);
  d.node.siblings?.nodeDown(node);
}
