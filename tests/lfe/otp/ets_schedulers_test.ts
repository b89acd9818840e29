/**
 * ets tables are node-wide, as on BEAM: a process on the node's second scheduler (another
 * isolate) reads, writes and counts in a table the first scheduler's process made, by name and
 * by identifier; a private table stays its owner's.
 */

import assert from "node:assert/strict";

import { runOnTwoSchedulers } from "../_two_schedulers.ts";

const PROGRAM = `(defmodule etsx (export (main 0) (worker 2) (probe 1) (taker 1)))
;; A process on the second scheduler that takes a table given away, then ends.
(defun taker (parent)
  (! parent (tuple 'taker (self) (erlang:system_info 'scheduler_id)))
  (receive ((tuple 'ETS-TRANSFER tab from data) (! parent (tuple 'took tab data))) ('stop (exit 'normal)))
  (receive ('stop 'ok)))
(defun probe (parent) (! parent (tuple 'sched (erlang:system_info 'scheduler_id))))
(defun on-second ()
  (spawn 'etsx 'probe (list (self)))
  (receive ((tuple 'sched 2) 'ok) ((tuple 'sched _) (on-second))))
(defun worker (parent tid)
  (let ((r (list (erlang:system_info 'scheduler_id)
                 (ets:lookup 'shared 'a)
                 (ets:insert 'shared (tuple 'b 2))
                 (ets:update_counter 'shared 'n 1)
                 (ets:lookup tid 'p)
                 (catch (ets:lookup (element 2 (ets:lookup tid 'priv)) 'x))
                 (ets:info 'shared 'size))))
    (! parent (tuple 'done r))))
(defun main ()
  (on-second)
  (ets:new 'shared '(named_table public))
  (ets:insert 'shared (list #(a 1) #(n 0)))
  (let ((tid (ets:new 'byid '(public)))
        (priv (ets:new 'priv '(private))))
    (ets:insert tid (list #(p ok) (tuple 'priv priv)))
    (lists:foreach (lambda (_) (spawn 'etsx 'worker (list (self) tid))) '(1 2 3 4))
    (let ((rs (lists:map (lambda (_) (receive ((tuple 'done r) r))) '(1 2 3 4))))
      (io:format "~w~n" (list (lists:usort (lists:map (lambda (r) (hd r)) rs))))
      (io:format "~w~n" (list (lists:usort (lists:map (lambda (r) (tl r)) rs)))))
    (io:format "~w~n" (list (ets:lookup 'shared 'n))))
  ;; A table given away to a process of the other scheduler is deleted when it ends; one
  ;; whose heir is there goes to the heir.
  (let* ((t (ets:new 'given '(public)))
         (pid (spawn-on-second)))
    (ets:insert t #(k v))
    (ets:give_away t pid 'gift)
    (receive ((tuple 'took _ data) (io:format "took ~w~n" (list data))))
    (io:format "owner ~w~n" (list (== (ets:info t 'owner) pid)))
    (let ((ref (erlang:monitor 'process pid)))
      (! pid 'stop)
      (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok)))
    (timer:sleep 50)
    (io:format "after ~w~n" (list (ets:info t)))))

(defun spawn-on-second ()
  (let ((pid (spawn 'etsx 'taker (list (self)))))
    (receive
      ((tuple 'taker p 2) (when (== p pid)) pid)
      ((tuple 'taker p _) (when (== p pid)) (! pid 'stop) (spawn-on-second)))))
`;

Deno.test("a process on another scheduler reaches the node's ets tables", async () => {
  const out = await runOnTwoSchedulers("etsx.lfe", PROGRAM);
  const lines = out.stdout.trim().split("\n");
  assert.equal(lines[0], "[1,2]", lines.join("\n"));
  // Each worker saw the same table; the counts differ by who came first.
  assert.match(lines[1] as string, /^\[\[\[\{a,1\}\],true,[1-4],\[\{p,ok\}\],\{'EXIT',\{badarg,/);
  assert.equal(lines[2], "[{n,4}]");
  assert.deepEqual(lines.slice(3), ["took gift", "owner true", "after undefined"]);
});
