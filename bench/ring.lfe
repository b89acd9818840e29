;; The classic thread ring: processes in a ring pass a counter on, each taking one off, until it
;; reaches zero. Run as (ring:start 503 10000000): answers the messages passed per second.
(defmodule ring
  (export (start 2) (relay 2) (first-relay 1)))

(defun start (n-procs count)
  (let* ((main (self))
         (first (spawn 'ring 'first-relay (list main)))
         (last (lists:foldl (lambda (_ next) (spawn 'ring 'relay (list next main)))
                            first
                            (lists:seq 2 n-procs)))
         (t0 (erlang:monotonic_time 'microsecond)))
    (! first (tuple 'next last))
    (! last count)
    (receive
      ((tuple 'done _)
       (let ((t1 (erlang:monotonic_time 'microsecond)))
         (round (/ (* count 1000000) (- t1 t0))))))))

(defun first-relay (main)
  (receive
    ((tuple 'next next) (relay next main))))

(defun relay (next main)
  (receive
    (0 (! main (tuple 'done (self))))
    (n (! next (- n 1))
       (relay next main))))
