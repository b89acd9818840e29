/**
 * Local workloads, the same as `ebench.erl`'s: ping-pong round trips, spawning a million
 * waiting processes (time and memory), and a ring of 1,000 processes passing a token 1,000
 * times around.
 *
 * @module
 */

import { $, on, type Pid, receive, run, self, send, spawn } from "../runtime/mod.ts";

const PING = on(["ping", $("from")], ({ from }) => from as Pid);
const STOP = on("stop", () => null);
const PONG = on("pong", () => true);

function* pong() {
  for (;;) {
    const from = yield* receive(PING, STOP);
    if (from === null) return;
    send(from, "pong");
  }
}

/** Round trips per second between two local processes. */
export async function localPingPong(n: number): Promise<number> {
  let rate = 0;
  await run(function* () {
    const p = spawn(pong);
    const me = self();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      send(p, ["ping", me]);
      yield* receive(PONG);
    }
    rate = n / ((performance.now() - t0) / 1000);
    send(p, "stop");
  });
  return Math.round(rate);
}

function* waiter() {
  yield* receive(STOP);
}

function rss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Deno.memoryUsage().rss;
}

/** Spawns per second, and bytes per process, for `n` processes each waiting in receive. */
export async function spawnMany(n: number): Promise<{ perS: number; bytes: number }> {
  let perS = 0;
  let bytes = 0;
  await run(function* () {
    const m0 = rss();
    const t0 = performance.now();
    const pids: Pid[] = new Array(n);
    for (let i = 0; i < n; i++) pids[i] = spawn(waiter);
    const dt = performance.now() - t0;
    yield; // let every new process run into its receive
    bytes = (rss() - m0) / n;
    perS = n / (dt / 1000);
    for (const p of pids) send(p, "stop");
  });
  return { perS: Math.round(perS), bytes: Math.round(bytes) };
}

const TOKEN = on(["token", $("k")], ({ k }) => k as number);

function* relay(next: Pid) {
  for (;;) {
    const k = yield* receive(TOKEN);
    send(next, ["token", k === 0 ? 0 : k - 1]);
    if (k === 0) return;
  }
}

/** Messages per second around a ring of `n` processes, `m` laps. */
export async function ring(n: number, m: number): Promise<number> {
  let rate = 0;
  await run(function* () {
    let next: Pid = self();
    for (let i = 1; i < n; i++) next = spawn(relay, next);
    const first = next;
    const t0 = performance.now();
    send(first, ["token", n * m]);
    for (;;) {
      const k = yield* receive(TOKEN);
      if (k === 0) break;
      send(first, ["token", k - 1]);
    }
    rate = (n * m) / ((performance.now() - t0) / 1000);
  });
  return Math.round(rate);
}

/**
 * Runs the local group, printing one line per figure. Each timed workload runs twice untimed
 * first, so that the figure is of code the JIT has settled on, as in a node that has run a while.
 */
export async function benchLocal(print: (name: string, value: number) => void): Promise<void> {
  for (let i = 0; i < 2; i++) await localPingPong(1_000_000);
  print("local_pingpong_rtt_per_s", await localPingPong(1_000_000));
  const s = await spawnMany(1_000_000);
  print("spawn_per_s", s.perS);
  print("bytes_per_process", s.bytes);
  for (let i = 0; i < 2; i++) await ring(1000, 1000);
  print("ring_msgs_per_s", await ring(1000, 1000));
}
