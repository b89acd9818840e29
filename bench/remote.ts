/**
 * Remote workloads, the same as `ebench:remote/3`: sequential round trips to a registered
 * process on another node, and one-way throughput of 100-byte messages to another. The other
 * node is a child OS process with its own port mapper port and temporary HOME, as the anchor's.
 * Where `erl` is installed, the same workloads also run against a BEAM node (the `interop_`
 * figures), which this node talks to in Erlang's own protocol.
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

// The server side of `ebench:remote/3` in Erlang, for a BEAM node to run.
const ERL_SERVER = `-module(interop_srv).
-export([start/0, pong/0, sink/1]).
start() -> register(pong, spawn(?MODULE, pong, [])), register(sink, spawn(?MODULE, sink, [0])), ok.
pong() -> receive {ping, From} -> From ! pong, pong(); stop -> ok end.
sink(Count) ->
    receive
        {done, From} -> From ! {count, Count}, sink(0);
        {msg, _, _} -> sink(Count + 1)
    end.
`;

/** Whether a program is on the PATH. */
async function onPath(program: string): Promise<boolean> {
  try {
    const out = await new Deno.Command(program, {
      args: ["-version"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    return out.success || out.code !== 127;
  } catch {
    return false;
  }
}

/** Starts a BEAM node `alive` running the Erlang server; resolves once it is registered. */
async function startErlServer(
  alive: string,
  home: string,
  env: Record<string, string>,
): Promise<Deno.ChildProcess> {
  await Deno.writeTextFile(`${home}/interop_srv.erl`, ERL_SERVER);
  const made = await new Deno.Command("erlc", { args: ["interop_srv.erl"], cwd: home }).output();
  if (!made.success) throw new Error(new TextDecoder().decode(made.stderr));
  const erl = new Deno.Command("erl", {
    args: [
      "-sname",
      alive,
      "-noshell",
      "-pa",
      home,
      "-eval",
      'interop_srv:start(), io:format("ready~n").',
    ],
    cwd: home,
    env,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = erl.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!seen.includes("ready")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("The Erlang server node ended before it was ready");
    seen += value;
  }
  void reader.cancel();
  return erl;
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
  const withErl = await onPath("erl") && await onPath("erlc");
  let erl: Deno.ChildProcess | undefined;
  try {
    const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
    while (!((await reader.read()).value ?? "").includes("ready"));
    void reader.cancel();
    const erlAlive = `benchbeam${Deno.pid}`;
    if (withErl) erl = await startErlServer(erlAlive, home, env);
    else console.error("erl is not installed: the interop figures are left out");
    const client = await startNode({ sname: `benchcli${Deno.pid}`, epmdPort, home, log: () => {} });
    const host = Deno.hostname().split(".")[0];
    const node = `${alive}@${host}`, beam = `${erlAlive}@${host}`;
    await run(function* () {
      if (!(yield* connectNode(node))) throw new Error(`Cannot connect to ${node}`);
      yield* roundTrips(node, 10_000);
      print("remote_pingpong_rtt_per_s", yield* roundTrips(node, 100_000));
      yield* oneWay(node, 200_000);
      print("remote_oneway_msgs_per_s", yield* oneWay(node, 1_000_000));
      if (erl !== undefined) {
        if (!(yield* connectNode(beam))) throw new Error(`Cannot connect to ${beam}`);
        yield* roundTrips(beam, 10_000);
        print("interop_pingpong_rtt_per_s", yield* roundTrips(beam, 100_000));
        yield* oneWay(beam, 200_000);
        print("interop_oneway_msgs_per_s", yield* oneWay(beam, 1_000_000));
      }
      yield* awaitPromise(Promise.resolve());
    });
    client.stop();
  } finally {
    if (erl !== undefined) {
      erl.kill("SIGTERM");
      await erl.status;
    }
    server.kill("SIGTERM");
    await server.status;
    epmd.kill("SIGTERM");
    await epmd.status;
    await Deno.remove(home, { recursive: true });
  }
}
