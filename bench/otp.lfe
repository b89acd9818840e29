;; The otp workloads: gen_server:call round trips to a server that answers at once, and
;; ets:insert and ets:lookup on a set table, each timed inside the program. bench/otp.erl is
;; the same workload in Erlang, for BEAM.
(defmodule otp
  (behaviour gen_server)
  (export (calls 1) (ets_ops 1) (init 1) (handle_call 3) (handle_cast 2)))

(defun init (_) #(ok 0))
(defun handle_call (_req _from n) (tuple 'reply n (+ n 1)))
(defun handle_cast (_msg n) (tuple 'noreply n))

(defun now-us () (erlang:monotonic_time 'microsecond))

;; Round trips per second over n calls.
(defun calls (n)
  (let* (((tuple 'ok pid) (gen_server:start 'otp () ()))
         (t0 (now-us)))
    (call-loop pid n)
    (let ((us (- (now-us) t0)))
      (gen_server:stop pid)
      (round (/ (* n 1000000) (max us 1))))))

(defun call-loop
  ((_ 0) 'ok)
  ((pid n) (gen_server:call pid 'ping) (call-loop pid (- n 1))))

;; #(inserts-per-s lookups-per-s) over n keys.
(defun ets_ops (n)
  (let* ((t (ets:new 'bench '(set public)))
         (t0 (now-us))
         (_ (insert-loop t n))
         (t1 (now-us))
         (_ (lookup-loop t n 0))
         (t2 (now-us)))
    (ets:delete t)
    (tuple (round (/ (* n 1000000) (max (- t1 t0) 1)))
           (round (/ (* n 1000000) (max (- t2 t1) 1))))))

(defun insert-loop
  ((_ 0) 'ok)
  ((t n) (ets:insert t (tuple n n)) (insert-loop t (- n 1))))

(defun lookup-loop
  ((_ 0 acc) acc)
  ((t n acc)
   (let (((list (tuple _ v)) (ets:lookup t n)))
     (lookup-loop t (- n 1) (+ acc v)))))
