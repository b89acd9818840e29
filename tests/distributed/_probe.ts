/**
 * A node for scenario tests, driven line by line on stdin: each line is a command, each answer
 * one line on stdout (asynchronous events, like `nodedown`, are lines too). Started as
 * `deno run -A tests/distributed/_probe.ts -sname NAME [-net_ticktime S]`.
 *
 * | command                      | answer                                                    |
 * |------------------------------|-----------------------------------------------------------|
 * | `ping NODE`                  | `pong` or `pang`                                          |
 * | `nodes`                      | the connected nodes, space-separated                      |
 * | `serve NAME`                 | `serving NAME`; a process registered as NAME counts `#(n I)` messages, checks their order, and answers `#(count From)` with `count N ok|bad` |
 * | `flood NODE NAME N`          | sends `#(n 1)` .. `#(n N)` to NAME on NODE, then asks for the count: `count N ok` |
 * | `watch NODE NAME`            | links to and monitors the process NAME on NODE (trapping exits); later `EXIT REASON` and `DOWN REASON` |
 * | `monitor_node NODE`          | later `nodedown NODE`                                     |
 * | `spawn NODE MOD FUN`         | the remote pid, or `error MESSAGE`                        |
 *
 * @module
 */

import { startNode } from "../../net/mod.ts";
import "./_probe_mod.ts";
import {
  $,
  _,
  after,
  ErlangError,
  exit,
  link,
  monitor,
  monitorNode,
  nodes,
  on,
  Pid,
  ping,
  printTerm,
  type Proc,
  receive,
  register,
  run,
  self,
  send,
  spawn,
  spawnMfa,
  spawnOn,
  startSchedulers,
  trapExit,
} from "../../runtime/mod.ts";
import process from "node:process";
import { createInterface } from "node:readline";

const flags: Record<string, string> = {};
for (let i = 0; i + 1 < Deno.args.length; i += 2) {
  flags[(Deno.args[i] as string).slice(1)] = Deno.args[i + 1] as string;
}
// The schedulers as NODE_ERL_FLAGS give them to the node executable (`+S N`, `+Sp spread`).
const env = (Deno.env.get("NODE_ERL_FLAGS") ?? "").split(/\s+/);
const count = Number(env[env.indexOf("+S") + 1] ?? 1) || 1;
const spread = env[env.indexOf("+Sp") + 1] === "spread";
const started = await startNode({
  ...(flags["sname"] !== undefined ? { sname: flags["sname"] } : {}),
  ...(flags["name"] !== undefined ? { name: flags["name"] } : {}),
  ...(flags["net_ticktime"] !== undefined ? { ticktime: Number(flags["net_ticktime"]) } : {}),
  schedulers: count,
});
const schedulers = startSchedulers(started.node, {
  count,
  entry: new URL("./_probe_worker.ts", import.meta.url),
  placement: spread ? "spread" : "load",
});
await schedulers.ready;
const out = (line: string) => console.log(line);

function* watcher(node: string, name: string): Proc<void> {
  trapExit(true);
  // A remote process is found through a helper spawned there: it sends back its whereis.
  const me = self();
  yield* spawnOn(node, "probe", "tell", [name, me]);
  const pid = yield* receive(on(["pid", $("p")], ({ p }) => p), after(5000, () => null));
  if (!(pid instanceof Pid)) return out("watch failed");
  link(pid);
  monitor(pid);
  out("watching");
  for (let i = 0; i < 2; i++) {
    yield* receive(
      on(["EXIT", _, $("r")], ({ r }) => out(`EXIT ${printTerm(r)}`)),
      on(["DOWN", _, _, _, $("r")], ({ r }) => out(`DOWN ${printTerm(r)}`)),
    );
  }
}

function* command(line: string): Proc<void> {
  const [cmd, ...a] = line.trim().split(/\s+/);
  switch (cmd) {
    case "ping":
      return out(yield* ping(a[0] as string));
    case "nodes":
      return out(nodes().join(" "));
    case "serve":
      register(a[0] as string, spawnMfa("probe", "counter", []));
      return out(`serving ${a[0]}`);
    case "flood": {
      const [node, name, n] = [a[0] as string, a[1] as string, Number(a[2])];
      for (let i = 1; i <= n; i++) {
        send([name, node], ["n", i]);
        if (i % 1000 === 0) yield;
      }
      send([name, node], ["count", self()]);
      const r = yield* receive(
        on(["count", $("n"), $("ok")], ({ n, ok }) => `count ${n} ${String(ok)}`),
        after(60_000, () => "count timeout"),
      );
      return out(r);
    }
    case "watch":
      spawn(watcher, a[0] as string, a[1] as string);
      return;
    case "monitor_node": {
      const node = a[0] as string;
      spawn(function* () {
        monitorNode(node, true);
        yield* receive(on(["nodedown", $("n")], ({ n }) => out(`nodedown ${String(n)}`)));
      });
      return;
    }
    case "spawn":
      try {
        const pid = yield* spawnOn(a[0] as string, a[1] as string, a[2] as string, []);
        return out(printTerm(pid));
      } catch (e) {
        return out(`error ${e instanceof ErlangError ? e.message : String(e)}`);
      }
    case "spawnlm": {
      // Spawns probe:idle on NODE linked and monitored, then ends it with exit/2.
      const node = a[0] as string;
      spawn(function* () {
        trapExit(true);
        const pid = yield* spawnOn(node, "probe", "idle", [], { link: true, monitor: true });
        out(`spawned ${printTerm(pid)}`);
        exit(pid, a[1] ?? "boom");
        for (let i = 0; i < 2; i++) {
          yield* receive(
            on(["EXIT", pid, $("r")], ({ r }) => out(`EXIT ${printTerm(r)}`)),
            on(["DOWN", _, "process", pid, $("r")], ({ r }) => out(`DOWN ${printTerm(r)}`)),
          );
        }
      });
      return;
    }
    case "watchname": {
      // Monitors NAME on NODE by name, then asks that process to stop.
      const [node, name] = [a[0] as string, a[1] as string];
      spawn(function* () {
        const ref = monitor([name, node]);
        send([name, node], "stop");
        yield* receive(
          on(
            ["DOWN", ref, "process", $("o"), $("r")],
            ({ o, r }) => out(`DOWN ${printTerm(o)} ${printTerm(r)}`),
          ),
        );
      });
      return;
    }
    case "idle":
      register(a[0] as string, spawnMfa("probe", "idle", []));
      return out(`idle ${a[0]}`);
    default:
      return out(`unknown command ${cmd}`);
  }
}

const rl = createInterface({ input: process.stdin });
out(`started ${started.node.name}`);
for await (const line of rl) {
  if (line.trim() === "") continue;
  if (line.trim() === "stop") break;
  await run(command, line);
}
schedulers.stop();
started.stop();
Deno.exit(0);
