/**
 * The `net_kernel` process of a distributed node, as far as BEAM nodes talk to it: it answers
 * the `is_auth` call that `net_adm:ping/1` makes once connected, with `yes`, and any other
 * call with `#(error not_supported)`.
 *
 * @module
 */

import { type Node, Pid, type Process, type Term, type Yielded } from "../runtime/mod.ts";
import { mustCurrent, receiveWith } from "../runtime/receive.ts";

/** The body of `net_kernel`: answers `gen_server` calls until the node stops. */
export function* netKernelBody(): Generator<Yielded, void, unknown> {
  const p = mustCurrent("netKernelBody");
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (!Array.isArray(m) || m[0] !== "$gen_call" || !Array.isArray(m[1])) continue;
    const [from, tag] = m[1];
    if (!(from instanceof Pid)) continue;
    const req = m[2];
    const answer: Term = Array.isArray(req) && req[0] === "is_auth"
      ? "yes"
      : ["error", "not_supported"];
    p.node.sendPid(from, [tag as Term, answer], p);
  }
}

/** Starts `net_kernel` on `node`, registered under that name. */
export function startNetKernel(node: Node): Pid {
  const pid = node.spawn(netKernelBody, [], { initialCall: ["net_kernel", "init", 1] });
  node.register("net_kernel", node.lookup(pid) as Process);
  return pid;
}
