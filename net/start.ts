/**
 * Starting a distributed node: its name from `-sname`/`-name`, its cookie, a port mapper
 * (started if none answers), a listening socket registered there, and the node itself with the
 * creation the port mapper gave. Stopping undoes each step: connections closed, the name given
 * up at the port mapper.
 *
 * @module
 */

import {
  createNode,
  type DeviceOptions,
  type Node,
  type Output,
  setDefaultNode,
  setLocalNode,
} from "../runtime/mod.ts";
import { resolveCookie } from "./cookie.ts";
import { Distribution } from "./dist.ts";
import { epmdPort as defaultEpmdPort, registerNode } from "./epmd_client.ts";
import { ensureEpmd } from "./epmd_daemon.ts";
import { NODE_MARK, nodeNameFromFlags } from "./names.ts";
import { startNetKernel } from "./net_kernel.ts";

export { NODE_MARK } from "./names.ts";

/** Options of {@linkcode startNode}. */
export interface StartNodeOptions {
  /** `-sname N`. */
  sname?: string;
  /** `-name N` or `-name N@HOST`. */
  name?: string;
  /** `-setcookie C`. */
  setcookie?: string;
  /** Where `.erlang.cookie` is; `$HOME` by default. */
  home?: string;
  /** The port mapper's port; `ERL_EPMD_PORT` or 4369 by default. */
  epmdPort?: number;
  /** `-kernel net_ticktime N`, in seconds. */
  ticktime?: number;
  /** `-hidden`. */
  hidden?: boolean;
  /** Where the node's default group leader writes (the terminal by default). */
  output?: Output;
  /** The encoding of that group leader, and where it writes Latin-1 bytes. */
  device?: DeviceOptions;
  /** How many schedulers the node will run (`startSchedulers` starts the others). */
  schedulers?: number;
  /** Where the distribution's one-line reports go (stderr by default). */
  log?: (line: string) => void;
  /** Bytes waiting on one connection past which senders wait (Erlang's +zdbbl). */
  busyLimit?: number;
}

/** A running distributed node. */
export interface DistributedNode {
  node: Node;
  dist: Distribution;
  /** The port mapper was `running` already, or was `started` for this node. */
  epmd: "running" | "started";
  /** Closes connections and gives the name up at the port mapper. */
  stop(): void;
}

/**
 * Starts a distributed node and makes it this isolate's default node. Throws a clear error
 * (a CookieError, a RangeError for a bad name, an EpmdError for a taken name) when it cannot.
 */
export async function startNode(o: StartNodeOptions): Promise<DistributedNode> {
  const nm = nodeNameFromFlags({
    ...(o.sname !== undefined ? { sname: o.sname } : {}),
    ...(o.name !== undefined ? { name: o.name } : {}),
  });
  const { cookie } = await resolveCookie({
    ...(o.setcookie !== undefined ? { setcookie: o.setcookie } : {}),
    ...(o.home !== undefined ? { home: o.home } : {}),
  });
  const port = o.epmdPort ?? defaultEpmdPort();
  const epmd = await ensureEpmd(port);
  const listener = Deno.listen({ hostname: "0.0.0.0", port: 0 });
  let reg;
  try {
    reg = await registerNode({
      alive: nm.alive,
      port: (listener.addr as Deno.NetAddr).port,
      extra: new TextEncoder().encode(NODE_MARK),
      epmdPort: port,
      ...(o.hidden ? { hidden: true } : {}),
    });
  } catch (e) {
    listener.close();
    throw e;
  }
  const node = createNode({
    name: nm.node,
    creation: reg.creation,
    ...(o.output !== undefined ? { output: o.output } : {}),
    ...(o.device !== undefined ? { device: o.device } : {}),
    ...(o.schedulers !== undefined ? { schedulers: o.schedulers } : {}),
  });
  setLocalNode(node.name);
  setDefaultNode(node);
  const dist = new Distribution(node, {
    cookie,
    long: nm.long,
    epmdPort: port,
    ...(o.ticktime !== undefined ? { ticktime: o.ticktime } : {}),
    ...(o.log !== undefined ? { log: o.log } : {}),
    ...(o.busyLimit !== undefined ? { busyLimit: o.busyLimit } : {}),
  });
  startNetKernel(node);
  let stopped = false;
  void (async () => {
    try {
      for await (const conn of listener) void dist.accept(conn);
    } catch (e) {
      if (!stopped) dist.log(`** Stopped accepting connections: ${(e as Error).message} **`);
    }
  })();
  return {
    node,
    dist,
    epmd,
    stop() {
      if (stopped) return;
      stopped = true;
      listener.close();
      dist.closeAll();
      reg.close();
    },
  };
}
