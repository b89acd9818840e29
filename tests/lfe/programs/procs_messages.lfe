;; Processes and messages: spawn, send, receive with patterns and guards,
;; selective receive keeping other messages in order, after timeouts,
;; after 0 to flush, and a round trip through several processes.
(defmodule procs_messages
  (export (main 0) (echo 0) (relay 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun echo ()
  (receive
    ((tuple from msg) (! from (tuple (self) msg)) (echo))
    ('stop 'stopped)))

(defun relay (next)
  (receive
    ((tuple 'token n) (! next (tuple 'token (+ n 1))) (relay next))
    ('stop (! next 'stop))))

(defun flush ()
  (receive
    (m (cons m (flush)))
    (after 0 ())))

(defun main ()
  (let ((e (spawn 'procs_messages 'echo ())))
    (! e (tuple (self) 'hello))
    (receive ((tuple pid msg) (when (== pid e)) (show 'echoed msg)))
    (! e (tuple (self) (list 1 2 3)))
    (receive ((tuple _ msg) (show 'echoed msg)))
    (! e 'stop))
  (show 'send-returns (! (self) 'msg))
  (receive ('msg 'ok))
  (! (self) 'first)
  (! (self) #(wanted 1))
  (! (self) 'second)
  (! (self) #(wanted 2))
  (show 'selective (receive ((tuple 'wanted n) n)))
  (show 'selective-again (receive ((tuple 'wanted n) n)))
  (show 'remaining (flush))
  (show 'timeout (receive ('never 'got) (after 10 'timed-out)))
  (show 'after-zero (receive (x x) (after 0 'empty)))
  (! (self) 5)
  (! (self) 50)
  (show 'guard-receive (receive (n (when (> n 10)) (tuple 'big n))))
  (show 'left (flush))
  (let* ((me (self))
         (r3 (spawn 'procs_messages 'relay (list me)))
         (r2 (spawn 'procs_messages 'relay (list r3)))
         (r1 (spawn 'procs_messages 'relay (list r2))))
    (! r1 #(token 0))
    (show 'ring (receive ((tuple 'token n) n)))
    (! r1 'stop)
    (show 'ring-stop (receive ('stop 'all-stopped))))
  (let ((parent (self)))
    (lc ((<- i (lists:seq 1 5)))
      (spawn (lambda () (! parent (tuple 'square i (* i i))))))
    (show 'collected
          (lists:sort (lc ((<- _ (lists:seq 1 5)))
                        (receive ((tuple 'square i sq) (tuple i sq)))))))
  (show 'spawn-fun
        (let ((parent (self)))
          (spawn (lambda () (! parent (tuple 'from-fun (is_pid (self))))))
          (receive ((tuple 'from-fun x) x))))
  (show 'self-is-pid (is_pid (self)))
  (show 'alive (let ((p (spawn (lambda () 'done))))
                 (timer:sleep 20)
                 (is_process_alive p))))
