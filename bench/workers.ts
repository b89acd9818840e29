/**
 * Schedulers in worker isolates: how much faster a CPU-bound job split over many processes runs
 * on two schedulers than on one (`parallel_speedup`), how many messages per second cross from
 * one scheduler to another (`cross_scheduler_msgs_per_s`, one way, batched per turn) and round
 * trips between them (`cross_scheduler_rtt_per_s`), and local ping-pong on one scheduler of a
 * node that runs two (`workers_local_pingpong_rtt_per_s`, to compare with the local group's).
 *
 * @module
 */

import "./_workers_mod.ts";
import {
  $,
  createNode,
  on,
  receive,
  run,
  self,
  send,
  setDefaultNode,
  spawnMfa,
  startSchedulers,
  thisNode,
} from "../runtime/mod.ts";
import { localPingPong } from "./local.ts";

const ENTRY = new URL("./_workers_entry.ts", import.meta.url);
const JOBS = 32;
const STEPS = 6_000_000;

// Seconds to run JOBS crunch processes (placed as the node sees fit) to the end.
async function crunchSeconds(): Promise<number> {
  let dt = 0;
  await run(function* () {
    const me = self();
    const t0 = performance.now();
    for (let i = 0; i < JOBS; i++) spawnMfa("wbench", "crunch", [STEPS, me]);
    for (let i = 0; i < JOBS; i++) yield* receive(on(["done", $("s")], () => null));
    dt = (performance.now() - t0) / 1000;
  });
  return dt;
}

// Messages per second from a process here to a sink on scheduler 1.
async function crossOneWay(n: number): Promise<number> {
  let rate = 0;
  await run(function* () {
    const sink = spawnMfa("wbench", "sink", [], { scheduler: 1 });
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) {
      send(sink, ["msg", i]);
      if ((i & 4095) === 0) yield; // a cooperative sender: lets the batch go out
    }
    send(sink, ["done", self()]);
    const count = yield* receive(on(["count", $("c")], ({ c }) => c));
    if (count !== n) throw new Error(`The sink counted ${String(count)} of ${n}`);
    rate = n / ((performance.now() - t0) / 1000);
  });
  return Math.round(rate);
}

// Round trips per second between a process here and one on scheduler 1.
async function crossRoundTrips(n: number): Promise<number> {
  let rate = 0;
  await run(function* () {
    const p = spawnMfa("wbench", "pong", [], { scheduler: 1 });
    const me = self();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      send(p, ["ping", me]);
      yield* receive(on("pong", () => null));
    }
    rate = n / ((performance.now() - t0) / 1000);
    send(p, "stop");
  });
  return Math.round(rate);
}

/** Runs the workers group, printing one line per figure. */
export async function benchWorkers(print: (name: string, value: number) => void): Promise<void> {
  setDefaultNode(createNode({ output: () => {} }));
  await crunchSeconds(); // warm-up
  const one = Math.min(await crunchSeconds(), await crunchSeconds());

  setDefaultNode(createNode({ output: () => {}, schedulers: 2 }));
  const s = startSchedulers(thisNode(), { count: 2, entry: ENTRY });
  await s.ready;
  try {
    await crunchSeconds();
    const two = Math.min(await crunchSeconds(), await crunchSeconds());
    print("parallel_speedup", Math.round((one / two) * 100) / 100);
    await crossOneWay(200_000);
    print("cross_scheduler_msgs_per_s", await crossOneWay(2_000_000));
    await crossRoundTrips(10_000);
    print("cross_scheduler_rtt_per_s", await crossRoundTrips(100_000));
    await localPingPong(200_000);
    await localPingPong(200_000);
    print("workers_local_pingpong_rtt_per_s", await localPingPong(1_000_000));
  } finally {
    s.stop();
  }
}
