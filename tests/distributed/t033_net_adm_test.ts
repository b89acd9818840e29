/**
 * net_adm across nodes of ours: names/0,1 lists the names the port mapper holds with their
 * ports, world_list/1 finds and connects the nodes of a host, ping_list/1 keeps those that
 * answer, and a host file (`.hosts.erlang` in HOME) is what world/0 reads. Only the test's
 * own nodes are looked at: the cluster's helper may be registered too.
 */

import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

const HOST = Deno.hostname().split(".")[0] as string;

Deno.test("t033 net_adm: names from the port mapper, world_list and world over a host file", async () => {
  const c = await Cluster.create();
  try {
    await Deno.writeTextFile(`${c.home}/.hosts.erlang`, `'${HOST}'.\n`);
    c.spawn(["run", "-A", "main.ts", "-sname", "nadm1", "-noshell"]);
    await c.waitForNode(nodeName("nadm1"));
    const asker = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "nadm2",
      "-noshell",
      "-eval",
      `(let* (((tuple 'ok ns) (net_adm:names))
              (ours (lambda (l) (lists:sort (lists:filter
                                             (lambda (n) (lists:prefix "nadm" (atom_to_list n)))
                                             l)))))
         (io:format "~p~n" (list (lists:filter (lambda (n) (lists:prefix "nadm" n))
                                               (lists:sort (lists:map (lambda (e) (element 1 e))
                                                                      ns)))))
         (io:format "~p~n" (list (lists:all (lambda (e) (is_integer (element 2 e))) ns)))
         (io:format "~p~n" (list (== (net_adm:names "${HOST}") (tuple 'ok ns))))
         (io:format "~p~n" (list (net_adm:ping_list '(${nodeName("nadm1")} nobody@${HOST}))))
         (io:format "~p~n" (list (funcall ours (net_adm:world_list '(${HOST})))))
         (io:format "~p~n" (list (net_adm:host_file)))
         (io:format "~p~n" (list (funcall ours (net_adm:world))))
         (io:format "~p~n" (list (funcall ours (nodes)))))`,
      "-eval",
      "(init:stop)",
    ]);
    await asker.done;
    const n1 = nodeName("nadm1"), n2 = nodeName("nadm2");
    assert.deepEqual(asker.out.filter((l) => l !== ""), [
      `["nadm1","nadm2"]`,
      "true",
      "true",
      `[${n1}]`,
      `[${n1},${n2}]`,
      `[${HOST}]`,
      `[${n1},${n2}]`,
      `[${n1}]`,
    ]);
  } finally {
    await c.stop();
  }
});

Deno.test("t033 net_kernel:monitor_nodes: nodeup and nodedown of another node, with the info asked for", async () => {
  const c = await Cluster.create();
  try {
    const watcher = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "nkwatch",
      "-noshell",
      "-eval",
      `(progn
         (io:format "~p~n" (list (net_kernel:monitor_nodes 'true)))
         (io:format "~p~n" (list (net_kernel:monitor_nodes 'true '(#(node_type all) nodedown_reason))))
         (io:format "~p~n" (list (net_kernel:monitor_nodes 'true '(bad))))
         (io:format "~p~n" (list (net_kernel:get_net_ticktime)))
         (io:format "~p~n" (list (net_kernel:set_net_ticktime 60)))
         (io:format "ready~n")
         (let ((get (lambda () (receive (m m) (after 20000 'timeout)))))
           (io:format "~w~n" (list (funcall get)))
           (io:format "~w~n" (list (funcall get)))
           (io:format "~w~n" (list (funcall get)))
           (io:format "~w~n" (list (funcall get)))))`,
      "-eval",
      "(init:stop)",
    ]);
    await watcher.waitFor(/^ready$/, 30_000);
    const other = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "nkother",
      "-noshell",
      "-eval",
      `(progn (net_adm:ping '${nodeName("nkwatch")}) (timer:sleep 500))`,
      "-eval",
      "(init:stop)",
    ]);
    await other.done;
    await watcher.done;
    const o = nodeName("nkother");
    assert.deepEqual(watcher.out.filter((l) => l !== ""), [
      "ok",
      "ok",
      "{error,{unknown_options,[bad]}}",
      "60",
      "unchanged",
      "ready",
      `{nodeup,${o}}`,
      `{nodeup,${o},[{node_type,visible}]}`,
      `{nodedown,${o}}`,
      `{nodedown,${o},[{node_type,visible},{nodedown_reason,connection_closed}]}`,
    ]);
  } finally {
    await c.stop();
  }
});

Deno.test("t033 erlang:get_cookie and set_cookie: a node reaches another of a different cookie once told it", async () => {
  const c = await Cluster.create({ cookie: "firstcookie" });
  try {
    const up = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "ckother",
      "-setcookie",
      "othercookie",
      "-noshell",
      "-eval",
      `(io:format "up~n")`,
    ]);
    await up.waitFor(/^up$/, 30_000);
    const other = nodeName("ckother");
    const asker = c.spawn([
      "run",
      "-A",
      "main.ts",
      "-sname",
      "ckasker",
      "-noshell",
      "-eval",
      `(progn
         (io:format "~p~n" (list (erlang:get_cookie)))
         (io:format "~p~n" (list (net_adm:ping '${other})))
         (io:format "~p~n" (list (erlang:set_cookie '${other} 'othercookie)))
         (io:format "~p~n" (list (erlang:get_cookie '${other})))
         (io:format "~p~n" (list (net_adm:ping '${other})))
         (io:format "~p~n" (list (erlang:set_cookie 'newcookie)))
         (io:format "~p~n" (list (erlang:get_cookie)))
         (io:format "~p~n" (list (catch (erlang:set_cookie "text"))))
         (io:format "~p~n" (list (list (net_kernel:allowed) (net_kernel:verbose 1) (net_kernel:verbose 0)
                                       (net_kernel:node_info 'nobody@nowhere)
                                       (net_kernel:node_info '${other} 'state)
                                       (element 1 (net_kernel:nodes_info))))))`,
      "-eval",
      "(init:stop)",
    ]);
    await asker.done;
    const lines = asker.out.filter((l) => l !== "");
    assert.deepEqual(lines.slice(0, 7), [
      "firstcookie",
      "pang",
      "true",
      "othercookie",
      "pong",
      "true",
      "newcookie",
    ]);
    assert.match(lines[7] ?? "", /^\{'EXIT',\{badarg,/);
    assert.equal(lines.at(-1), "[{ok,[]},{ok,0},{ok,1},{error,bad_node},{ok,up},ok]");
  } finally {
    await c.stop();
  }
});
