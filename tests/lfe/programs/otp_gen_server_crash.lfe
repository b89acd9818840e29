;; gen_servers that crash: in handle_call (with the client waiting, and with the
;; client dead), in handle_cast and handle_info, with a bad return value, in
;; init and with a bad return from init; unlinked and watched with a monitor, or
;; linked with exits trapped. It prints what the client sees, the DOWN or EXIT
;; reason, and the reports the default logger handler writes: the "Generic
;; server ... terminating" error report and proc_lib's crash report.
;;
;; What differs between two runtimes is kept steady by a primary logger filter,
;; and by the program where it prints a reason: the heap and stack sizes and
;; reductions in a crash report read 0, and a stack trace keeps only the frames
;; of this file's functions (not those of gen_server, proc_lib or the shell).
;; After each crash, logger_std_h:filesync/1 waits until the default handler
;; has written what was logged before anything more is printed.
(defmodule otp_gen_server_crash
  (behaviour gen_server)
  (export (main 0) (steady 2)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

;; The filter, and the steady forms of reasons and stack traces.

(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(proc_lib crash) 'report (list crasher linked)) r))
     (mset event 'msg (tuple 'report (mset r 'report (list (steady-crasher crasher) linked)))))
    ((tuple 'report (= (map 'label #(gen_server terminate)) r))
     (mset event 'msg (tuple 'report (mset r 'reason (steady-reason (mref r 'reason))
                                           'client_info (steady-client (mref r 'client_info))))))
    (_ event)))

(defun steady-crasher (crasher)
  (lists:map
   (match-lambda
     (((tuple 'error_info (tuple class reason stack)))
      (tuple 'error_info (tuple class (steady-reason reason) (own-frames stack))))
     (((tuple key _)) (when (orelse (== key 'heap_size) (== key 'stack_size)
                                    (== key 'reductions)))
      (tuple key 0))
     ((other) other))
   crasher))

(defun steady-client
  (((tuple pid (tuple name stack))) (when (is_list stack)) (tuple pid (tuple name (own-frames stack))))
  ((other) other))

(defun steady-reason
  (((tuple reason stack)) (when (is_list stack))
   (if (stack-p stack) (tuple (steady-reason reason) (own-frames stack)) (tuple reason stack)))
  (((tuple reason (tuple m f args))) (when (is_atom m))
   ;; {Reason, {gen_server, call, Args}} as a caller's exit
   (tuple (steady-reason reason) (tuple m f args)))
  ((other) other))

(defun stack-p
  ((()) 'false)
  ((frames) (lists:all (match-lambda (((tuple m _ _ l)) (andalso (is_atom m) (is_list l)))
                                     ((_) 'false))
                       frames)))

(defun own-frames (stack)
  (lists:filter (lambda (frame) (== (element 1 frame) 'otp_gen_server_crash)) stack))

(defun settle () (logger_std_h:filesync 'default))

;; The server. Its state is the number it was started with.

(defun init
  (('crash) (error 'init-failed))
  (('bad-return) 'not-ok)
  (((tuple 'stop reason)) (tuple 'stop reason))
  ((n) (tuple 'ok n)))

(defun handle_call
  (('divide _from n) (tuple 'reply (div 100 (- n n)) n))
  (('bad-return _from _n) 'not-a-reply)
  (('exit _from _n) (exit 'call-exit))
  (((tuple 'crash-when-client-dead owner) (tuple client _) n)
   (let ((ref (monitor 'process client)))
     (! owner 'server-has-call)
     (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
     (error (tuple 'client-gone n))))
  (('get _from n) (tuple 'reply n n)))

(defun handle_cast
  (('boom n) (error (tuple 'cast-boom n)))
  (('stop-abnormal n) (tuple 'stop 'abnormal n)))

(defun handle_info
  (('exit n) (exit (tuple 'info-exit n)))
  (('throw n) (throw (tuple 'thrown n)))
  ((_ n) (tuple 'noreply n)))

(defun terminate (reason n)
  (lfe_io:format "terminate ~p in state ~p~n" (list (steady-reason reason) n))
  'ok)

;; Runs one crash of an unlinked server: starts it, monitors it, does what makes it
;; crash, waits for its DOWN and for the handler, then prints what came back.
(defun crash (tag name-or-none n action)
  (let* (((tuple 'ok pid) (case name-or-none
                             ('none (gen_server:start 'otp_gen_server_crash n ()))
                             (name (gen_server:start (tuple 'local name) 'otp_gen_server_crash n ()))))
         (ref (monitor 'process pid))
         (result (try (tuple 'returned (funcall action pid))
                   (catch ((tuple class reason _) (tuple class (steady-reason reason))))))
         (down (receive ((tuple 'DOWN r 'process _ reason) (when (== r ref)) reason)
                 (after 2000 'no-down))))
    (settle)
    (lfe_io:format "~s result ~p~n" (list tag result))
    (lfe_io:format "~s down ~p~n" (list tag (steady-reason down)))))

(defun main ()
  (logger:add_primary_filter 'steady (tuple (fun otp_gen_server_crash steady 2) 'none))
  (crash 'divide 'none 5 (lambda (pid) (gen_server:call pid 'divide)))
  (crash 'bad-return 'none 6 (lambda (pid) (gen_server:call pid 'bad-return)))
  (crash 'call-exit 'none 7 (lambda (pid) (gen_server:call pid 'exit)))
  (crash 'cast 'otp_crash_named 8 (lambda (pid) (gen_server:cast 'otp_crash_named 'boom)))
  (crash 'stop-abnormal 'none 9 (lambda (pid) (gen_server:cast pid 'stop-abnormal)))
  (crash 'info-exit 'none 10 (lambda (pid) (! pid 'exit)))
  (crash 'info-throw 'none 11 (lambda (pid) (! pid 'throw)))
  ;; The client is killed while the server holds its call; the server crashes after.
  (let ((me (self)))
    (crash 'client-dead 'none 12
           (lambda (pid)
             (let ((client (spawn (lambda ()
                                    (gen_server:call pid (tuple 'crash-when-client-dead me))))))
               (receive ('server-has-call 'ok))
               (exit client 'kill)
               'client-killed))))
  ;; The server is not there any more.
  (show 'registered-after-crash (whereis 'otp_crash_named))
  ;; init fails: start answers {error,Reason}; a linked starter trapping exits gets the EXIT.
  (process_flag 'trap_exit 'true)
  (let ((r (gen_server:start_link 'otp_gen_server_crash 'crash ())))
    (let ((exit (receive ((tuple 'EXIT _ reason) reason) (after 2000 'no-exit))))
      (settle)
      (show 'init-crash (tuple (element 1 r) (steady-reason (element 2 r))))
      (show 'init-crash-exit (steady-reason exit))))
  (let ((r (gen_server:start_link #(local otp_crash_init) 'otp_gen_server_crash 'bad-return ())))
    (let ((exit (receive ((tuple 'EXIT _ reason) reason) (after 2000 'no-exit))))
      (settle)
      (show 'init-bad-return r)
      (show 'init-bad-return-exit exit)
      (show 'name-free (whereis 'otp_crash_init))))
  (let ((r (gen_server:start_link 'otp_gen_server_crash #(stop #(config missing)) ())))
    (let ((exit (receive ((tuple 'EXIT _ reason) reason) (after 2000 'no-exit))))
      (settle)
      (show 'init-stop r)
      (show 'init-stop-exit exit)))
  ;; A linked server crashing in handle_cast: its EXIT reaches the trapping starter.
  (let (((tuple 'ok pid) (gen_server:start_link 'otp_gen_server_crash 13 ())))
    (gen_server:cast pid 'boom)
    (let ((exit (receive ((tuple 'EXIT p reason) (when (== p pid)) reason) (after 2000 'no-exit))))
      (settle)
      (show 'linked-exit (steady-reason exit))))
  (process_flag 'trap_exit 'false)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))
