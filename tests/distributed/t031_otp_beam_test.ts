/**
 * OTP's behaviours across a mixed cluster: a real Erlang node calls a gen_server of ours with
 * `gen_server:call/2` and `sys:get_state/1`, and one of ours calls a gen_server on the Erlang
 * node, casts to it, and sees `noproc` and `{nodedown, Node}` as OTP gives them; a supervisor
 * of ours restarts a child that died with the node its partner was on. Runs where `erl` and
 * `erlc` are installed and the host name is this machine's loopback.
 */

import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { isLoopback, onPath } from "../net/_epmd.ts";

const HOST = Deno.hostname().split(".")[0] as string;
const NO_ERL = !onPath("erl") || !onPath("erlc") || !(await isLoopback(HOST));

// The same key-value server in LFE (ours) and Erlang (BEAM's).
const KV_LFE = `(defmodule kv
  (behaviour gen_server)
  (export (start 0) (init 1) (handle_call 3) (handle_cast 2) (handle_info 2)))
(defun start () (gen_server:start #(local kv) 'kv () ()))
(defun init (_) #(ok #M()))
(defun handle_call
  (((tuple 'put k v) _ s) (tuple 'reply 'ok (maps:put k v s)))
  (((tuple 'get k) _ s) (tuple 'reply (maps:get k s 'none) s))
  (('where _ s) (tuple 'reply (node) s)))
(defun handle_cast (((tuple 'put k v) s) (tuple 'noreply (maps:put k v s))))
(defun handle_info (_ s) (tuple 'noreply s))
`;

const KV_ERL = `-module(kvb).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2]).
start() -> gen_server:start({local, kvb}, kvb, [], []).
init([]) -> {ok, #{}}.
handle_call({put, K, V}, _From, S) -> {reply, ok, S#{K => V}};
handle_call({get, K}, _From, S) -> {reply, maps:get(K, S, none), S};
handle_call(where, _From, S) -> {reply, node(), S}.
handle_cast({put, K, V}, S) -> {noreply, S#{K => V}}.
`;

async function writeModules(c: Cluster): Promise<string> {
  const dir = await c.newHome();
  await Deno.writeTextFile(`${dir}/kv.lfe`, KV_LFE);
  await Deno.writeTextFile(`${dir}/kvb.erl`, KV_ERL);
  const out = await new Deno.Command("erlc", { args: ["kvb.erl"], cwd: dir }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return dir;
}

Deno.test({
  name: "t031 a real Erlang node calls a gen_server of ours, and ours calls one on BEAM",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await writeModules(c);
      const ours = c.spawn(
        ["run", "-A", "main.ts", "-sname", "lfe", "-noshell", "-pa", dir, "-eval", "(kv:start)"],
      );
      await c.waitForNode(nodeName("lfe"));
      const lfe = `'${nodeName("lfe")}'`;
      const erl = c.spawnProgram("erl", [
        "-noshell",
        "-sname",
        "beam",
        "-eval",
        `kvb:start(), pong = net_adm:ping(${lfe}),
         io:format("~p~n", [gen_server:call({kv, ${lfe}}, {put, a, 1})]),
         io:format("~p~n", [gen_server:call({kv, ${lfe}}, {get, a})]),
         gen_server:cast({kv, ${lfe}}, {put, b, [2, 3]}),
         io:format("~p~n", [gen_server:call({kv, ${lfe}}, {get, b})]),
         io:format("~p~n", [gen_server:call({kv, ${lfe}}, where) =:= ${lfe}]),
         io:format("~p~n", [sys:get_state({kv, ${lfe}})]),
         io:format("~p~n", [catch gen_server:call({nokv, ${lfe}}, x)]),
         io:format("ready~n"), timer:sleep(30000), halt().`,
      ], { cwd: dir });
      await erl.waitFor(/^ready$/, 30_000);
      assert.deepEqual(erl.out.filter((l) => l !== "" && l !== "ready"), [
        "ok",
        "1",
        "[2,3]",
        "true",
        "#{a => 1,b => [2,3]}",
        `{'EXIT',{noproc,{gen_server,call,[{nokv,${nodeName("lfe")}},x]}}}`,
      ]);
      // Now ours calls the Erlang node's server.
      const beam = `'${nodeName("beam")}`;
      const caller = c.spawn([
        "run",
        "-A",
        "main.ts",
        "-sname",
        "caller",
        "-noshell",
        "-eval",
        `(progn
           (io:format "~p~n" (list (gen_server:call (tuple 'kvb ${beam}) #(put x 10))))
           (io:format "~p~n" (list (gen_server:call (tuple 'kvb ${beam}) #(get x))))
           (gen_server:cast (tuple 'kvb ${beam}) #(put y "text"))
           (io:format "~p~n" (list (gen_server:call (tuple 'kvb ${beam}) #(get y))))
           (io:format "~p~n" (list (== (gen_server:call (tuple 'kvb ${beam}) 'where) ${beam})))
           (io:format "~p~n" (list (catch (gen_server:call (tuple 'nokvb ${beam}) 'x))))
           (io:format "~w~n" (list (catch (gen_server:call (tuple 'kvb 'nobody@nowhere) 'x 1000))))
           (io:format "done~n"))`,
        "-eval",
        "(init:stop)",
      ]);
      await caller.done;
      assert.deepEqual(caller.out.filter((l) => l !== ""), [
        "ok",
        "10",
        '"text"',
        "true",
        `{'EXIT',{noproc,{gen_server,call,[{nokvb,${nodeName("beam")}},x]}}}`,
        "{'EXIT',{{nodedown,nobody@nowhere},{gen_server,call,[{kvb,nobody@nowhere},x,1000]}}}",
        "done",
      ]);
      assert.deepEqual(ours.out.filter((l) => l !== ""), []);
    } finally {
      await c.stop();
    }
  },
});

// A worker linked to a process on the Erlang node, under a supervisor of ours.
const WATCH_LFE = `(defmodule watch
  (export (start 1) (start_link 1) (init 1) (run 1)))
(defun start (peer)
  (let (((tuple 'ok sup) (supervisor:start_link #(local watch_sup) 'watch peer)))
    (unlink sup)))
(defun init (peer)
  (tuple 'ok (tuple #M(strategy one_for_one intensity 5 period 10)
                    (list (map 'id 'w 'start (tuple 'watch 'start_link (list peer)))))))
(defun start_link (peer) (proc_lib:start_link 'watch 'run (list peer)))
(defun run (peer)
  (case (net_adm:ping peer)
    ('pong (link (spawn peer 'timer 'sleep '(infinity))))
    ('pang 'ok))
  (proc_lib:init_ack (tuple 'ok (self)))
  (receive (_ 'ok)))
`;

Deno.test({
  name:
    "t031 a supervisor of ours restarts a child that died when the BEAM node it was linked to went",
  ignore: NO_ERL,
  async fn() {
    const c = await Cluster.create();
    try {
      const dir = await c.newHome();
      await Deno.writeTextFile(`${dir}/watch.lfe`, WATCH_LFE);
      const erl = c.spawnProgram("erl", [
        "-noshell",
        "-sname",
        "beam",
        "-eval",
        'io:format("ready~n"), timer:sleep(60000), halt().',
      ]);
      await erl.waitFor(/^ready$/, 30_000);
      const ours = c.spawn([
        "run",
        "-A",
        "main.ts",
        "-sname",
        "sup",
        "-noshell",
        "-pa",
        dir,
        "-eval",
        `(progn (watch:start '${nodeName("beam")})
           (let (((list (tuple 'w pid _ _)) (supervisor:which_children 'watch_sup)))
             (io:format "linked ~p~n" (list (length (element 2 (process_info pid 'links)))))
             (io:format "up~n")
             (receive ('never 'ok) (after 8000 'ok))
             (let (((list (tuple 'w pid2 _ _)) (supervisor:which_children 'watch_sup)))
               (io:format "restarted ~p~n" (list (andalso (is_pid pid2) (/= pid pid2))))))
           (init:stop))`,
      ]);
      await ours.waitFor(/^up$/, 30_000);
      erl.kill("SIGKILL");
      await ours.waitFor(/^restarted/, 30_000);
      const out = ours.out.filter((l) => l !== "");
      assert.ok(out.includes("linked 2"), out.join("\n"));
      assert.ok(out.includes("restarted true"), out.join("\n"));
      assert.ok(out.includes("    errorContext: child_terminated"), out.join("\n"));
      assert.ok(out.includes("    reason: noconnection"), out.join("\n"));
    } finally {
      await c.stop();
    }
  },
});

Deno.test("t031 a gen_server registered globally on one node of ours is called from another", async () => {
  const c = await Cluster.create();
  try {
    const dir = await c.newHome();
    await Deno.writeTextFile(
      `${dir}/gkv.lfe`,
      `(defmodule gkv (behaviour gen_server)
  (export (start 0) (init 1) (handle_call 3) (handle_cast 2)))
(defun start () (gen_server:start #(global gkv) 'gkv () ()))
(defun init (_) #(ok 0))
(defun handle_call
  (('add _ n) (tuple 'reply (+ n 1) (+ n 1)))
  (('where _ n) (tuple 'reply (node) n)))
(defun handle_cast (_ n) (tuple 'noreply n))
`,
    );
    const home = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "ghome",
      "-noshell",
      "-pa",
      dir,
      "-eval",
      `(progn (io:format "~p~n" (list (element 1 (gkv:start)))))`,
    ]);
    await home.waitFor(/^ok$/, 30_000);
    const other = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "gother",
      "-noshell",
      "-eval",
      `(progn
         (io:format "~p~n" (list (net_adm:ping '${nodeName("ghome")})))
         (io:format "~p~n" (list (gen_server:call #(global gkv) 'add)))
         (io:format "~p~n" (list (gen_server:call #(global gkv) 'add)))
         (io:format "~p~n" (list (== (gen_server:call #(global gkv) 'where) '${nodeName("ghome")})))
         (io:format "~p~n" (list (lists:member 'gkv (global:registered_names))))
         (io:format "~p~n" (list (global:register_name 'gkv (self))))
         (io:format "~p~n" (list (catch (gen_server:call #(global nobody) 'add)))))`,
      "-eval",
      "(init:stop)",
    ]);
    await other.done;
    assert.deepEqual(other.out.filter((l) => l !== ""), [
      "pong",
      "1",
      "2",
      "true",
      "true",
      "no",
      "{'EXIT',{noproc,{gen_server,call,[{global,nobody},add]}}}",
    ]);
  } finally {
    await c.stop();
  }
});

Deno.test("t031 a global lock taken on two nodes of ours holds off a requester on the other until it is given back", async () => {
  const c = await Cluster.create();
  try {
    const dir = await c.newHome();
    await Deno.writeTextFile(
      `${dir}/holder.lfe`,
      `(defmodule holder (export (start 1) (hold 2)))
(defun start (other)
  (net_adm:ping other)
  (let ((me (self)))
    (register 'holder (spawn 'holder 'hold (list me other)))
    (receive ((tuple 'locked r) r))))
(defun hold (parent other)
  (! parent (tuple 'locked (global:set_lock #(res holder) (list (node) other))))
  (receive
    ((tuple 'release from)
     (global:del_lock #(res holder) (list (node) other))
     (! from 'released)
     (receive (_ 'ok)))))
`,
    );
    const other = c.spawn(["run", "-A", "main.ts", "-sname", "lother", "-noshell"]);
    await c.waitForNode(nodeName("lother"));
    const home = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "lhome",
      "-noshell",
      "-pa",
      dir,
      "-eval",
      `(io:format "~p~n" (list (holder:start '${nodeName("lother")})))`,
    ]);
    await home.waitFor(/^true$/, 30_000);
    const asker = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "lasker",
      "-noshell",
      "-eval",
      `(let ((nodes (list '${nodeName("lhome")} '${nodeName("lother")})))
         (io:format "~p~n" (list (net_adm:ping '${nodeName("lhome")})))
         (io:format "~p~n" (list (global:set_lock #(res asker) nodes 0)))
         (io:format "~p~n" (list (global:trans #(res asker) (lambda () 'ran) nodes 1)))
         (! #(holder ${nodeName("lhome")}) (tuple 'release (self)))
         (receive ('released 'ok))
         (io:format "~p~n" (list (global:set_lock #(res asker) nodes 0)))
         (io:format "~p~n" (list (global:del_lock #(res asker) nodes)))
         (io:format "~p~n" (list (global:trans #(res asker) (lambda () 'ran) nodes 0))))`,
      "-eval",
      "(init:stop)",
    ]);
    await asker.done;
    assert.deepEqual(asker.out.filter((l) => l !== ""), [
      "pong",
      "false",
      "aborted",
      "true",
      "true",
      "ran",
    ]);
    assert.equal(other.out.filter((l) => l !== "").length, 0);
  } finally {
    await c.stop();
  }
});
