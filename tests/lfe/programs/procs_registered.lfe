;; Registered names: register, whereis, send to a name, registered, the
;; errors of registering twice and sending to an unknown name, and a small
;; server loop kept under a name.
(defmodule procs_registered
  (export (main 0) (counter 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun counter (n)
  (receive
    ((tuple 'add k) (counter (+ n k)))
    ((tuple 'get from) (! from (tuple 'count n)) (counter n))
    ('stop 'ok)))

(defun call-get ()
  (! 'counter (tuple 'get (self)))
  (receive ((tuple 'count n) n)))

(defun main ()
  (let ((pid (spawn 'procs_registered 'counter '(0))))
    (show 'register (register 'counter pid))
    (show 'whereis (== (whereis 'counter) pid))
    (show 'whereis-none (whereis 'nobody))
    (show 'is-registered (lists:member 'counter (registered)))
    (! 'counter #(add 5))
    (! 'counter #(add 10))
    (show 'count (call-get))
    (show 'register-twice
          (try (register 'counter (self))
            (catch ((tuple c r _) (tuple c r)))))
    (show 'register-self-other-name (register 'main_proc (self)))
    (show 'self-whereis (== (whereis 'main_proc) (self)))
    (show 'unregister (unregister 'main_proc))
    (show 'send-unknown
          (try (! 'nobody_here 'hi)
            (catch ((tuple c r _) (tuple c r)))))
    (show 'send-tuple-name (progn (! (tuple 'counter (node)) #(add 1)) (call-get)))
    (! 'counter 'stop)
    (timer:sleep 20)
    (show 'name-freed (whereis 'counter))))
