/**
 * The runtime of a node: terms, processes and their scheduler, mailboxes with selective
 * receive, names, links, monitors, exits, group leaders and io. It imports nothing of the
 * other layers; the distribution layer plugs in through {@linkcode Router}.
 *
 * @example
 * ```ts
 * import { $, on, type Pid, print, receive, run, self, send, spawn } from "./mod.ts";
 * await run(function* () {
 *   const pong = spawn(function* () {
 *     yield* receive(on(["ping", $("from")], ({ from }) => send(from as Pid, "pong")));
 *   });
 *   send(pong, ["ping", self()]);
 *   yield* receive(on("pong", () => print("got pong\n")));
 * });
 * ```
 *
 * @module
 */

export * from "./terms.ts";
export * from "./bits.ts";
export * from "./term_order.ts";
export * from "./print_term.ts";
export * from "./cbor_codec.ts";
export * from "./errors.ts";
export {
  type Body,
  HOLE,
  type MonitorEntry,
  type Proc,
  type Process,
  State,
  WAIT,
  type Yielded,
} from "./process.ts";
export { BUDGET, currentProcess } from "./scheduler.ts";
export {
  Node,
  type NodeOptions,
  type ProcessFn,
  refKey,
  samePid,
  type Siblings as SiblingsApi,
  type SpawnOptions,
} from "./node.ts";
export { applySignal, nodeDown, type SignalSource, signalTarget } from "./signals.ts";
export { type Batch, type Endpoint, lostScheduler, Siblings } from "./siblings.ts";
export {
  type SchedulerOptions,
  type Schedulers,
  serveScheduler,
  startSchedulers,
} from "./schedulers.ts";
export { MAX_NAMES, SharedState } from "./shared.ts";
export { type Router, SignalRouter, type SpawnRequest } from "./router.ts";
export { localNodeName, nodeByIndex, nodeIndex, setLocalNode } from "./node_table.ts";
export * from "./pattern.ts";
export * from "./receive.ts";
export * from "./io.ts";
export * from "./api.ts";
export * from "./code.ts";
export * from "./call.ts";
export * from "./dist_api.ts";
export * from "./halt.ts";
