/**
 * A node of ours and a real Erlang node in one system: the seed's tut21 in both role
 * assignments, with each side's output on its own terminal, and net_adm:ping both ways. Runs
 * where `erl` and `erlc` are installed and the host name is this machine's loopback.
 */

import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { isLoopback, onPath } from "../net/_epmd.ts";

const HOST = Deno.hostname().split(".")[0] as string;
const NO_ERL = !onPath("erl") || !onPath("erlc") || !(await isLoopback(HOST));
const SHELL = ["run", "-A", "main.ts", "-pa", "examples", "-sname"];

/** A real Erlang node `alive` of the cluster that runs `evalText` (in `cwd`, where given). */
function startErl(c: Cluster, alive: string, evalText: string, cwd?: string) {
  return c.spawnProgram(
    "erl",
    ["-noshell", "-sname", alive, "-eval", evalText],
    cwd !== undefined ? { cwd } : {},
  );
}

/** Our node `alive` with no shell: `extra` flags, then the LFE of `evalText` if given. */
function startOurs(c: Cluster, alive: string, evalText?: string, extra: string[] = []) {
  const run = evalText === undefined ? [] : ["-eval", evalText];
  return c.spawn(["run", "-A", "main.ts", "-sname", alive, "-noshell", ...extra, ...run]);
}

// tut17 of the Erlang tutorial under the name of the seed's tut21, so that the two meet.
const TUT21_ERL = `-module(tut21).
-export([start_ping/1, start_pong/0, ping/2, pong/0]).
ping(0, Pong_Node) -> {pong, Pong_Node} ! finished, io:format("Ping finished~n", []);
ping(N, Pong_Node) ->
    {pong, Pong_Node} ! {ping, self()},
    receive pong -> io:format("Ping received pong~n", []) end,
    ping(N - 1, Pong_Node).
pong() ->
    receive
        finished -> io:format("Pong finished~n", []);
        {ping, Ping_PID} -> io:format("Pong received ping~n", []), Ping_PID ! pong, pong()
    end.
start_pong() -> register(pong, spawn(tut21, pong, [])).
start_ping(Pong_Node) -> spawn(tut21, ping, [3, Pong_Node]).
`;

// tut18 of the Erlang tutorial under the name of the seed's tut22.
const TUT22_ERL = `-module(tut22).
-export([start/1, ping/2, pong/0]).
ping(0, Pong_Node) -> {pong, Pong_Node} ! finished, io:format("Ping finished~n", []);
ping(N, Pong_Node) ->
    {pong, Pong_Node} ! {ping, self()},
    receive pong -> io:format("Ping received pong~n", []) end,
    ping(N - 1, Pong_Node).
pong() ->
    receive
        finished -> io:format("Pong finished~n", []);
        {ping, Ping_PID} -> io:format("Pong received ping~n", []), Ping_PID ! pong, pong()
    end.
start(Ping_Node) ->
    register(pong, spawn(tut22, pong, [])),
    spawn(Ping_Node, tut22, ping, [3, node()]).
`;

async function compileTutorials(c: Cluster): Promise<string> {
  const dir = await c.newHome();
  for (const [name, text] of [["tut21", TUT21_ERL], ["tut22", TUT22_ERL]]) {
    await Deno.writeTextFile(`${dir}/${name}.erl`, text as string);
    const out = await new Deno.Command("erlc", { args: [`${name}.erl`], cwd: dir }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  }
  return dir;
}

// The lines of tut22 in the order they come: ping's and pong's in turn.
const TUT22 = [
  "Pong received ping",
  "Ping received pong",
  "Pong received ping",
  "Ping received pong",
  "Pong received ping",
  "Ping received pong",
];

const PING = ["Ping received pong", "Ping received pong", "Ping received pong", "Ping finished"];
const PONG = ["Pong received ping", "Pong received ping", "Pong received ping", "Pong finished"];

Deno.test({
  name: "t025 tut21: our shell is pong, a real Erlang node pings it",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileTutorials(c);
      const pong = c.spawn([...SHELL, "pong"], { stdin: true });
      await pong.waitFor(/^LFE Shell/, 20_000);
      assert.equal(
        await pong.ask("(tut21:start-pong)", /true$/),
        `(${nodeName("pong")})lfe> true`,
      );
      const erl = startErl(
        c,
        "ping",
        `io:format("~p~n", [net_adm:ping('${nodeName("pong")}')]), ` +
          `tut21:start_ping('${nodeName("pong")}'), timer:sleep(3000), halt().`,
        dir,
      );
      await pong.waitFor(/Pong finished$/, 20_000);
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), ["pong", ...PING]);
      const q = `(${nodeName("pong")})lfe> `;
      const after = pong.out.slice(pong.out.indexOf(`${q}true`) + 1).map((l) =>
        l.startsWith(q) ? l.slice(q.length) : l
      );
      assert.deepEqual(after.filter((l) => l !== ""), PONG);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 tut21: a real Erlang node is pong, our shell pings it; net_adm:ping both ways",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileTutorials(c);
      const erl = startErl(
        c,
        "pong",
        'tut21:start_pong(), io:format("ready~n"), timer:sleep(20000), halt().',
        dir,
      );
      await erl.waitFor(/^ready$/, 20_000);
      const ping = c.spawn([...SHELL, "ping"], { stdin: true });
      await ping.waitFor(/^LFE Shell/, 20_000);
      assert.match(await ping.ask(`(net_adm:ping '${nodeName("pong")})`, /p[oa]ng$/), /pong$/);
      await ping.send(`(tut21:start-ping '${nodeName("pong")})`);
      await ping.waitFor(/Ping finished$/, 20_000);
      await erl.waitFor(/^Pong finished$/);
      assert.deepEqual(erl.out.filter((l) => l !== "" && l !== "ready"), PONG);
      const p = `(${nodeName("ping")})lfe> `;
      const tail = ping.out.slice(ping.out.findIndex((l) => /lfe> <0\.\d+\.0>$/.test(l)) + 1)
        .map((l) => l.startsWith(p) ? l.slice(p.length) : l);
      assert.deepEqual(tail.filter((l) => l !== ""), PING);
      // (nodes) lists the Erlang node as any other.
      await ping.ask("(nodes)", new RegExp(`(^|> )\\(${nodeName("pong")}\\)$`));
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 tut22: a real Erlang node spawns ping on ours; all eight lines print on erl",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileTutorials(c);
      const ours = startOurs(c, "ping", undefined, ["-pa", "examples"]);
      await c.waitForNode(nodeName("ping"));
      const erl = startErl(
        c,
        "pong",
        `io:format("~p~n", [tut22:start('${nodeName("ping")}')]), timer:sleep(3000), halt().`,
        dir,
      );
      await erl.done;
      const all = erl.out.filter((l) => l !== "");
      // The pid of ping on our node, printed by the shell as ping already plays: it may come
      // before or among pong's lines, as on two BEAM nodes.
      const pidAt = all.findIndex((l) => /^<\d+\.\d+\.\d+>$/.test(l));
      assert.ok(pidAt >= 0, `no pid among ${JSON.stringify(all)}`);
      const lines = all.filter((_, i) => i !== pidAt);
      assert.deepEqual(lines.slice(0, 6), TUT22);
      assert.deepEqual([...lines.slice(6)].sort(), ["Ping finished", "Pong finished"]);
      assert.deepEqual(ours.out.filter((l) => l !== ""), []);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 tut22: our shell spawns ping on a real Erlang node; all eight lines print here",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await compileTutorials(c);
      const erl = startErl(c, "ping", 'io:format("ready~n"), timer:sleep(20000), halt().', dir);
      await erl.waitFor(/^ready$/, 20_000);
      const pong = c.spawn([...SHELL, "pong"], { stdin: true });
      await pong.waitFor(/^LFE Shell/, 20_000);
      await pong.send(`(tut22:start '${nodeName("ping")})`);
      await pong.waitFor(/Ping finished$/, 20_000);
      await pong.waitFor(/Pong finished$/, 20_000);
      const q = `(${nodeName("pong")})lfe> `;
      const at = pong.out.findIndex((l) => /lfe> <[1-9]\d*\.\d+\.\d+>$/.test(l));
      assert.ok(at >= 0, pong.out.join("\n"));
      const lines = pong.out.slice(at + 1).map((l) => l.startsWith(q) ? l.slice(q.length) : l)
        .filter((l) => l !== "");
      assert.deepEqual(lines.slice(0, 6), TUT22);
      assert.deepEqual([...lines.slice(6)].sort(), ["Ping finished", "Pong finished"]);
      assert.deepEqual(erl.out.filter((l) => l !== "ready" && l !== ""), []);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 rpc:call from a real Erlang node to ours: a value, an error, an unknown module",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      startOurs(c, "ours");
      await c.waitForNode(nodeName("ours"));
      const n = `'${nodeName("ours")}'`;
      const erl = startErl(
        c,
        "beam",
        `io:format("~p~n", [rpc:call(${n}, lists, reverse, [[1, 2, 3]])]), ` +
          `io:format("~p~n", [rpc:call(${n}, erlang, error, [boom])]), ` +
          `io:format("~p~n", [rpc:call(${n}, nosuch, f, [])]), ` +
          `io:format("~p~n", [lists:member(${n}, nodes())]), halt().`,
      );
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), [
        "[3,2,1]",
        "{badrpc,{'EXIT',{boom,[]}}}",
        "{badrpc,{'EXIT',{undef,[{nosuch,f,[],[]}]}}}",
        "true", // ours is in the Erlang node's nodes()
      ]);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 bitstrings that are not whole bytes cross both ways",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const ours = startOurs(
        c,
        "ours",
        `(progn (register 'echo (self))
           (receive ((tuple from m)
                     (io:format "ours got ~p~n" (list m))
                     (! from (tuple 'back m (binary (m bitstring) (1 (size 2))))))))`,
      );
      await c.waitForNode(nodeName("ours"));
      const erl = startErl(
        c,
        "beam",
        `{echo, '${nodeName("ours")}'} ! {self(), <<1:3>>}, ` +
          `receive R -> io:format("~p~n", [R]) after 10000 -> io:format("timeout~n") end, halt().`,
      );
      await ours.waitFor(/^ours got <<1:3>>$/, 20_000);
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), ["{back,<<1:3>>,<<5:5>>}"]);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 links, monitors (by pid and by name) and exit/2 between a real Erlang node and ours",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      startOurs(c, "ours");
      await c.waitForNode(nodeName("ours"));
      const n = `'${nodeName("ours")}'`;
      const erl = startErl(
        c,
        "beam",
        `process_flag(trap_exit, true),
         P = spawn_link(${n}, erlang, exit, [bye]),
         receive {'EXIT', P, R} -> io:format("link ~p~n", [R]) after 5000 -> timeout end,
         {_, M} = spawn_monitor(${n}, timer, sleep, [100]),
         receive {'DOWN', M, process, _, R2} -> io:format("monitor ~p~n", [R2]) after 5000 -> timeout end,
         M3 = erlang:monitor(process, {nosuch, ${n}}),
         receive {'DOWN', M3, process, O, R3} -> io:format("name ~p ~p~n", [O, R3]) after 5000 -> timeout end,
         Q = spawn(${n}, timer, sleep, [10000]), link(Q), exit(Q, kill),
         receive {'EXIT', Q, R4} -> io:format("killed ~p~n", [R4]) after 5000 -> timeout end,
         halt().`,
      );
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), [
        "link bye",
        "monitor normal",
        `name {nosuch,${nodeName("ours")}} noproc`,
        "killed killed",
      ]);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 rpc:call from our shell to a real Erlang node: a value, an error, an unknown module",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const erl = startErl(c, "beam", 'io:format("ready~n"), timer:sleep(20000), halt().');
      await erl.waitFor(/^ready$/, 20_000);
      const sh = c.spawn([...SHELL, "ours"], { stdin: true });
      await sh.waitFor(/^LFE Shell/, 20_000);
      const b = `'${nodeName("beam")}`;
      assert.match(
        await sh.ask(`(rpc:call ${b} 'lists 'reverse '((1 2 3)))`, /\)$/),
        /> \(3 2 1\)$/,
      );
      assert.match(
        await sh.ask(`(rpc:call ${b} 'erlang 'error '(boom))`, /badrpc/),
        /> #\(badrpc #\(EXIT #\(boom \(#\(erlang error \(boom\) \(\)\)\)\)\)\)$/,
      );
      assert.match(
        await sh.ask(`(rpc:call ${b} 'nosuch 'f ())`, /badrpc/),
        /> #\(badrpc #\(EXIT #\(undef \(#\(nosuch f \(\) \(\)\)\)\)\)\)$/,
      );
      assert.match(await sh.ask(`(rpc:call ${b} 'erlang 'node ())`, /beam/), /> beam@/);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name: "t025 `fun M:F/A` crosses both ways between a real Erlang node and ours",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      startOurs(
        c,
        "ours",
        "(progn (register 'echo (self)) (receive ((tuple f from) " +
          "(! from (tuple 'back (funcall f (list 1 2 3)) #'lists:sort/1)))))",
      );
      await c.waitForNode(nodeName("ours"));
      const erl = startErl(
        c,
        "beam",
        `{echo, '${nodeName("ours")}'} ! {fun lists:reverse/1, self()}, ` +
          'receive {back, R, F} -> io:format("~p ~p~n", [R, F([3, 1, 2])]) ' +
          'after 10000 -> io:format("nothing~n") end, halt().',
      );
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), ["[3,2,1] [1,2,3]"]);
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name:
    "t025 a port from a real Erlang node is a term here: printed, compared, sent back as itself",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const ours = startOurs(
        c,
        "ours",
        "(progn (register 'echo (self)) (receive ((tuple p from) " +
          '(io:format "~p ~p ~p~n" (list p (is_port p) (node p))) (! from (tuple p (list p p))))))',
      );
      await c.waitForNode(nodeName("ours"));
      const erl = startErl(
        c,
        "beam",
        `P = hd(erlang:ports()), {echo, '${nodeName("ours")}'} ! {P, self()}, ` +
          'receive {Q, [Q, Q]} -> io:format("~p~n", [Q =:= P]) ' +
          'after 10000 -> io:format("nothing~n") end, halt().',
      );
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), ["true"]);
      assert.match(
        await ours.waitFor(/^#Port</, 5000),
        new RegExp(`^#Port<[1-9]\\d*\\.\\d+> true beam@${HOST}$`),
      );
    } finally {
      await c.stop();
    }
  },
});

// What a node that watches a peer's process through a link, a monitor and monitor_node gets
// when the peer goes: three messages, in any order.
const LOST = (node: string) => [
  /^\{'DOWN',#Ref<[\d.]+>,process,<\d+\.\d+\.\d+>,noconnection\}$/,
  /^\{'EXIT',<\d+\.\d+\.\d+>,noconnection\}$/,
  new RegExp(`^\\{nodedown,'?${node}'?\\}$`),
];

function assertLost(lines: string[], node: string): void {
  const got = lines.filter((l) => l.startsWith("{")).sort();
  assert.equal(got.length, 3, lines.join("\n"));
  LOST(node).forEach((re, i) => assert.match(got[i] as string, re));
}

// Watches NODE's registered `svc` through a link, a monitor and monitor_node, in LFE.
const WATCH_LFE = (node: string) =>
  `(progn (process_flag 'trap_exit 'true) (monitor_node '${node} 'true) ` +
  `(let ((p (rpc:call '${node} 'erlang 'whereis '(svc)))) (link p) (erlang:monitor 'process p)) ` +
  `(io:format "watching~n") ` +
  `(lc ((<- _ '(1 2 3))) (receive (m (io:format "~p~n" (list m))) (after 10000 (io:format "timeout~n")))))`;

// The same in Erlang.
const WATCH_ERL = (node: string) =>
  `process_flag(trap_exit, true), monitor_node('${node}', true), ` +
  `P = rpc:call('${node}', erlang, whereis, [svc]), link(P), erlang:monitor(process, P), ` +
  `io:format("watching~n"), ` +
  `[receive M -> io:format("~p~n", [M]) after 10000 -> io:format("timeout~n") end || _ <- [1, 2, 3]], ` +
  `halt().`;

Deno.test({
  name:
    "t025 a real Erlang node killed with SIGKILL: our link, monitor and monitor_node say noconnection and nodedown",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const erl = startErl(
        c,
        "beam",
        'register(svc, spawn(timer, sleep, [infinity])), io:format("ready~n"), timer:sleep(60000).',
      );
      await erl.waitFor(/^ready$/, 20_000);
      const ours = startOurs(c, "ours", WATCH_LFE(nodeName("beam")));
      await ours.waitFor(/^watching$/, 20_000);
      erl.kill("SIGKILL");
      await ours.waitFor(/^\{nodedown/, 10_000);
      await ours.waitFor(/^\{'DOWN'/, 2000);
      await ours.waitFor(/^\{'EXIT'/, 2000);
      assertLost(ours.out, nodeName("beam"));
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name:
    "t025 our node killed with SIGKILL: a real Erlang node's link, monitor and monitor_node say noconnection and nodedown",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const ours = startOurs(c, "ours", "(progn (register 'svc (self)) (receive (x x)))");
      await c.waitForNode(nodeName("ours"));
      const erl = startErl(c, "beam", WATCH_ERL(nodeName("ours")));
      await erl.waitFor(/^watching$/, 20_000);
      ours.kill("SIGKILL");
      await erl.done;
      assertLost(erl.out, nodeName("ours"));
    } finally {
      await c.stop();
    }
  },
});

Deno.test({
  name:
    "t025 ticks both ways: a stopped Erlang node is found out by ours, a stopped node of ours by erl",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    const tick = ["-kernel", "net_ticktime", "2"];
    try {
      const erl = c.spawnProgram("erl", [
        "-noshell",
        "-sname",
        "beam",
        ...tick,
        "-eval",
        'register(svc, spawn(timer, sleep, [infinity])), io:format("ready~n"), timer:sleep(60000).',
      ]);
      await erl.waitFor(/^ready$/, 20_000);
      const ours = startOurs(c, "ours", WATCH_LFE(nodeName("beam")), tick);
      await ours.waitFor(/^watching$/, 20_000);
      // Quiet for three tick times: ticks alone keep the connection up.
      await new Promise((r) => setTimeout(r, 6000));
      assert.deepEqual(ours.out.filter((l) => l.startsWith("{")), []);
      const t0 = Date.now();
      erl.kill("SIGSTOP");
      try {
        await ours.waitFor(/^\{nodedown/, 8000);
        const took = Date.now() - t0;
        assert.ok(took >= 1000 && took <= 5000, `nodedown after ${took} ms`);
      } finally {
        erl.kill("SIGCONT");
      }

      const svc = startOurs(c, "svc", "(progn (register 'svc (self)) (receive (x x)))", tick);
      await c.waitForNode(nodeName("svc"));
      const watcher = c.spawnProgram("erl", [
        "-noshell",
        "-sname",
        "watcher",
        ...tick,
        "-eval",
        WATCH_ERL(nodeName("svc")),
      ]);
      await watcher.waitFor(/^watching$/, 20_000);
      await new Promise((r) => setTimeout(r, 6000));
      assert.deepEqual(watcher.out.filter((l) => l.startsWith("{")), []);
      svc.kill("SIGSTOP");
      try {
        await watcher.waitFor(/^\{nodedown/, 8000);
      } finally {
        svc.kill("SIGCONT");
      }
    } finally {
      await c.stop();
    }
  },
});
