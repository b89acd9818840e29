import assert from "node:assert/strict";
import { Cluster, nodeName } from "./_cluster.ts";

const NODE = ["run", "-A", "main.ts", "-noshell"];

// A sink that counts `#(m I Payload)` in order, and a flood of them from a process that a node
// of two schedulers runs on its worker: its messages leave through the main isolate, which lets
// the worker have only so much on its way at once (the flood yields at its receive, where it
// waits while the window is full).
const FLOOD = `(defmodule flood (export (sink 1) (run 3) (pump 4) (tell-nodes 1)))
(defun sink (n)
  (receive
    ((tuple 'done from) (! from (tuple 'count n)) (sink 0))
    ((tuple 'm i _) (if (== i (+ n 1)) (sink i) (exit (tuple 'out_of_order n i))))))
(defun run (node n reply)
  (pump (tuple 'sink node) 1 n (lists:duplicate 1000 120))
  (! (tuple 'sink node) (tuple 'done reply)))
(defun tell-nodes (to) (! to (tuple 'nodes (nodes))))
(defun pump
  ((_ i n _) (when (> i n)) 'ok)
  ((to i n payload)
   (! to (tuple 'm i payload))
   (receive ('never 'ok) (after 0 'ok))
   (pump to (+ i 1) n payload)))
`;

Deno.test("t027 a process on a worker scheduler floods another node: all arrive, in order", async () => {
  const c = await Cluster.create();
  try {
    const dir = await c.newHome();
    await Deno.writeTextFile(`${dir}/flood.lfe`, FLOOD);
    c.spawn([
      ...NODE,
      "-sname",
      "sink",
      "-pa",
      dir,
      "-eval",
      "(register 'sink (spawn 'flood 'sink '(0)))",
    ]);
    await c.waitForNode(nodeName("sink"));
    const n = 100_000;
    const src = c.spawn([
      ...NODE,
      "+S",
      "2",
      "-sname",
      "src",
      "-pa",
      dir,
      "-eval",
      `(progn (spawn_opt 'flood 'run (list '${nodeName("sink")} ${n} (self)) '(#(scheduler 2))) ` +
      `(receive ((tuple 'count k) (io:format "count ~p~n" (list k)))) ` +
      `(spawn_opt 'flood 'tell-nodes (list (self)) '(#(scheduler 2))) ` +
      `(receive ((tuple 'nodes ns) (io:format "nodes ~p~n" (list ns)))))`,
    ]);
    assert.equal(await src.waitFor(/^count /, 60_000), `count ${n}`);
    // The worker knows the nodes the main isolate is connected to.
    assert.equal(await src.waitFor(/^nodes /, 10_000), `nodes [${nodeName("sink")}]`);
  } finally {
    await c.stop();
  }
});
