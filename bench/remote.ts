/**
 * Remote workloads, the same as `ebench:remote/3`: sequential round trips to a registered
 * process on another node, and one-way throughput of 100-byte messages to another. The other
 * node is a child OS process with its own port mapper port and temporary HOME, as the anchor's.
 *
 * @module
 */

import { startNode } from "../net/mod.ts";
import {
  $,
  awaitPromise,
  connectNode,
  on,
  type Proc,
  receive,
  run,
  self,
  send,
} from "../runtime/mod.ts";

const PONG = on("pong", () => null);

function* roundTrips(server: string, n: number): Proc<number> {
  const me = self();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    send(["pong", server], ["ping", me]);
    yield* receive(PONG);
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

function* oneWay(server: string, n: number): Proc<number> {
  const payload = new Uint8Array(100).fill(120);
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) {
    send(["sink", server], ["msg", i, payload]);
    if ((i & 1023) === 0) yield; // a cooperative sender: lets the writer flush and wait on it
  }
  send(["sink", server], ["done", self()]);
  const count = yield* receive(on(["count", $("n")], ({ n }) => n));
  if (count !== n) throw new Error(`The sink counted ${String(count)} of ${n} messages`);
  return Math.round(n / ((performance.now() - t0) / 1000));
}

/** Runs the remote group, printing one line per figure. */
export async function benchRemote(print: (name: string, value: number) => void): Promise<void> {
  const home = await Deno.makeTempDir();
  await Deno.writeTextFile(`${home}/.erlang.cookie`, "benchcookie");
  await Deno.chmod(`${home}/.erlang.cookie`, 0o400);
  const epmdPort = 20000 + Math.floor(Math.random() * 12000); // below the ephemeral range
  const env = { HOME: home, ERL_EPMD_PORT: String(epmdPort) };
  const root = new URL("../", import.meta.url).pathname;
  const deno = Deno.execPath();
  const epmd = new Deno.Command(deno, {
    args: ["run", "-A", "main.ts", "epmd", "-port", String(epmdPort)],
    cwd: root,
    env,
    stdout: "null",
    stderr: "null",
  }).spawn();
  const alive = `benchsrv${Deno.pid}`;
  const server = new Deno.Command(deno, {
    args: ["run", "-A", "bench/remote_server.ts", alive],
    cwd: root,
    env,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  try {
    const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
    while (!((await reader.read()).value ?? "").includes("ready"));
    void reader.cancel();
    const client = await startNode({ sname: `benchcli${Deno.pid}`, epmdPort, home, log: () => {} });
    const node = `${alive}@${Deno.hostname().split(".")[0]}`;
    await run(function* () {
      if (!(yield* connectNode(node))) throw new Error(`Cannot connect to ${node}`);
      yield* roundTrips(node, 10_000);
      print("remote_pingpong_rtt_per_s", yield* roundTrips(node, 100_000));
      yield* oneWay(node, 200_000);
      print("remote_oneway_msgs_per_s", yield* oneWay(node, 1_000_000));
      yield* awaitPromise(Promise.resolve());
    });
    client.stop();
  } finally {
    server.kill("SIGTERM");
    await server.status;
    epmd.kill("SIGTERM");
    await epmd.status;
    await Deno.remove(home, { recursive: true });
  }
}
