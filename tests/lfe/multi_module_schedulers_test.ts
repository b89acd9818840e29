/**
 * A file that defines several modules, loaded from the code path on one scheduler: its other
 * modules (which have no file of their own to be found by) run on the node's other
 * schedulers too — here a gen_server whose callback module is the file's second module,
 * started until one runs on the second scheduler.
 */

import assert from "node:assert/strict";

import { runOnTwoSchedulers } from "./_two_schedulers.ts";

const PROGRAM = `(defmodule pair (export (main 0)))
(defun start-on-second (n)
  (case (gen_server:start 'pair_server () ())
    ((tuple 'ok pid)
     (case (gen_server:call pid 'where)
       (2 (tuple 'ok pid n))
       (_ (gen_server:stop pid) (start-on-second (+ n 1)))))
    (other other)))
(defun main ()
  (case (start-on-second 0)
    ((tuple 'ok pid _) (io:format "~w~n" (list (gen_server:call pid 'answer))))
    (other (io:format "~w~n" (list other)))))

(defmodule pair_server (behaviour gen_server) (export (init 1) (handle_call 3) (handle_cast 2)))
(defun init (_) #(ok 42))
(defun handle_call
  (('where _ s) (tuple 'reply (erlang:system_info 'scheduler_id) s))
  (('answer _ s) (tuple 'reply s s)))
(defun handle_cast (_ s) (tuple 'noreply s))
`;

Deno.test("a file's second module runs on every scheduler", async () => {
  const out = await runOnTwoSchedulers("pair.lfe", PROGRAM);
  assert.equal(out.stdout.trim(), "42", out.stderr);
});
