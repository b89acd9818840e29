;; An OTP gen_server written in LFE: start_link, call, cast, info messages,
;; state kept between calls, a call that stops the server, and terminate.
(defmodule gen_server_counter
  (behaviour gen_server)
  (export (main 0)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)
          (code_change 3)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun init (start)
  (lfe_io:format "init ~p~n" (list start))
  (tuple 'ok (map 'count start 'log ())))

(defun handle_call
  (('get _from state) (tuple 'reply (mref state 'count) state))
  (((tuple 'add n) _from state)
   (let ((new (+ (mref state 'count) n)))
     (tuple 'reply new (mset state 'count new))))
  (('log _from state) (tuple 'reply (lists:reverse (mref state 'log)) state))
  (('stop _from state) (tuple 'stop 'normal 'stopping state))
  ((other _from state) (tuple 'reply (tuple 'unknown other) state)))

(defun handle_cast
  (((tuple 'note x) state) (tuple 'noreply (mset state 'log (cons x (mref state 'log)))))
  (('reset state) (tuple 'noreply (mset state 'count 0))))

(defun handle_info (msg state)
  (tuple 'noreply (mset state 'log (cons (tuple 'info msg) (mref state 'log)))))

(defun terminate (reason state)
  (lfe_io:format "terminate ~p with count ~p~n" (list reason (mref state 'count)))
  'ok)

(defun code_change (_old state _extra) (tuple 'ok state))

(defun main ()
  (let (((tuple 'ok pid) (gen_server:start_link (tuple 'local 'counter) 'gen_server_counter 10 ())))
    (show 'started (is_pid pid))
    (show 'registered (== (whereis 'counter) pid))
    (show 'get (gen_server:call 'counter 'get))
    (show 'add (gen_server:call 'counter #(add 5)))
    (show 'add-again (gen_server:call pid #(add -3)))
    (gen_server:cast 'counter #(note first))
    (! pid 'raw-message)
    (gen_server:cast 'counter #(note second))
    (show 'log (gen_server:call 'counter 'log))
    (gen_server:cast 'counter 'reset)
    (show 'after-reset (gen_server:call 'counter 'get))
    (show 'unknown (gen_server:call 'counter 'what))
    (show 'stop (gen_server:call 'counter 'stop))
    (timer:sleep 20)
    (show 'alive (is_process_alive pid))
    (show 'call-dead
          (try (gen_server:call 'counter 'get 100)
            (catch ((tuple c (tuple r _) _) (tuple c r)))))))
