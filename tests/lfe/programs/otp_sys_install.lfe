;; sys:install/2,3 and sys:remove/2: a debug function of the caller's sees each event of a
;; gen_server (what came in, what went out) with its own state, until it answers done; one
;; installed under an id is removed by that id. Events are shown without their pids and
;; references.
(defmodule otp_sys_install
  (behaviour gen_server)
  (export (main 0) (init 1) (handle_call 3) (handle_cast 2) (watch 3)))

(defun init (_) #(ok 0))
(defun handle_call (_ _ n) (tuple 'reply n (+ n 1)))
(defun handle_cast (_ n) (tuple 'noreply (* n 10)))

(defun event
  (((tuple 'in (tuple '$gen_call _ req))) (tuple 'call req))
  (((tuple 'in msg)) (tuple 'in msg))
  (((tuple 'out reply (tuple _ _) state)) (tuple 'out reply state))
  ((other) other))

(defun watch (n event _name)
  (lfe_io:format "watch ~p ~p~n" (list n (event event)))
  (if (>= n 2) 'done (+ n 1)))

(defun main ()
  (let (((tuple 'ok p) (gen_server:start 'otp_sys_install () ())))
    (lfe_io:format "~p~n" (list (sys:install p (tuple (fun watch 3) 0))))
    (gen_server:call p 'a)
    (gen_server:cast p 'b)
    (lfe_io:format "~p~n" (list (gen_server:call p 'c)))
    (gen_server:call p 'd)
    (lfe_io:format "~p~n" (list (sys:install p (tuple 'mine (fun watch 3) 0))))
    (lfe_io:format "~p~n" (list (sys:install p (tuple 'mine (fun watch 3) 5))))
    (gen_server:call p 'e)
    (lfe_io:format "~p~n" (list (sys:remove p 'mine)))
    (lfe_io:format "~p~n" (list (gen_server:call p 'f)))
    (lfe_io:format "~p~n" (list (sys:install p (tuple (lambda (s e _) (error 'oops)) 0))))
    (lfe_io:format "~p~n" (list (gen_server:call p 'g)))
    (lfe_io:format "~p~n" (list (gen_server:call p 'h)))))
