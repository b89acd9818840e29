/**
 * examples/kvstore: the supervised key-value store started as an application on one node of
 * ours, used from another node of ours through its API and, where `erl` is installed, from a
 * real Erlang node with gen_server:call.
 */

import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";
import { isLoopback, onPath } from "../net/_epmd.ts";

const HOST = Deno.hostname().split(".")[0] as string;
const NO_ERL = !onPath("erl") || !(await isLoopback(HOST));
const KV = "examples/kvstore";

Deno.test("t032 the kvstore application serves another node of ours, and BEAM", async () => {
  const c = await Cluster.create();
  try {
    const store = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "kv",
      "-noshell",
      "-pa",
      KV,
      "-eval",
      `(progn (io:format "~p~n" (list (application:ensure_all_started 'kvstore)))
              (kvstore:put 'seeded 0))`,
    ]);
    await store.waitFor(/^\{ok,\[kvstore\]\}$/, 30_000);
    const kv = `'${nodeName("kv")}`;
    const user = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "user1",
      "-noshell",
      "-pa",
      KV,
      "-eval",
      `(progn
         (io:format "~p~n" (list (kvstore:put ${kv} 'colour "blue")))
         (io:format "~p~n" (list (kvstore:get ${kv} 'colour)))
         (io:format "~p~n" (list (kvstore:get ${kv} 'nothing)))
         (io:format "~p~n" (list (kvstore:keys ${kv})))
         (io:format "~p~n" (list (kvstore:delete ${kv} 'seeded)))
         (io:format "~p~n" (list (kvstore:keys ${kv}))))`,
      "-eval",
      "(init:stop)",
    ]);
    await user.done;
    assert.deepEqual(user.out.filter((l) => l !== ""), [
      "ok",
      '{ok,"blue"}',
      "not_found",
      "[colour,seeded]",
      "ok",
      "[colour]",
    ]);
    if (!NO_ERL) {
      const erl = c.spawnProgram("erl", [
        "-noshell",
        "-sname",
        "beam",
        "-eval",
        `N = '${nodeName("kv")}',
         io:format("~p~n", [gen_server:call({kvstore, N}, {put, size, 42})]),
         io:format("~p~n", [gen_server:call({kvstore, N}, {get, size})]),
         io:format("~p~n", [gen_server:call({kvstore, N}, keys)]),
         halt().`,
      ]);
      await erl.done;
      assert.deepEqual(erl.out.filter((l) => l !== ""), ["ok", "{ok,42}", "[colour,size]"]);
    }
  } finally {
    await c.stop();
  }
});
