;; The stack traces of gen_server as OTP's own functions show them: a crash in a
;; handle_call callback (try_handle_call and handle_msg under it), the waiting
;; client's stack in the "Generic server ... terminating" report (gen:do_call and
;; gen_server:call), the frame of a server stopped by a callback's return value,
;; and what a caller of gen_server:call/2,3 catches: a dead server, a timeout, a
;; bad timeout (gen:call's function_clause, which gen_server:call catches and
;; exits with). Frames of the shell that runs main are dropped, and so are the
;; sizes and reductions a crash report shows, by a primary logger filter; what
;; a caller catches is shown without pids or the shell's frames.
(defmodule otp_gen_server_traces
  (behaviour gen_server)
  (export (main 0) (steady 2) (init 1) (handle_call 3) (handle_cast 2) (handle_info 2)))

(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(proc_lib crash) 'report (list crasher linked)) r))
     (mset event 'msg (tuple 'report (mset r 'report (list (steady-crasher crasher) linked)))))
    ((tuple 'report (= (map 'label #(gen_server terminate)) r))
     (mset event 'msg (tuple 'report (mset r 'client_info (steady-client (mref r 'client_info))))))
    (_ event)))

(defun steady-crasher (crasher)
  (lists:map
   (match-lambda
     (((tuple key _)) (when (orelse (== key 'heap_size) (== key 'stack_size)
                                    (== key 'reductions)))
      (tuple key 0))
     ((other) other))
   crasher))

(defun steady-client
  (((tuple pid (tuple name stack))) (when (is_list stack)) (tuple pid (tuple name (frames stack))))
  ((other) other))

;; The frames of OTP's behaviours and of this file: not those of the shell.
(defun frames (stack)
  (lists:filter (lambda (frame)
                  (lists:member (element 1 frame)
                                '(gen gen_server proc_lib otp_gen_server_traces)))
                stack))

(defun settle () (logger_std_h:filesync 'default))

(defun init (_) #(ok 0))
(defun divide (x) (div 100 x))
(defun handle_call
  (('crash _from n) (tuple 'reply (divide 0) n))
  (('stop-reply _from n) (tuple 'stop 'stopped 'bye n))
  (('stop _from n) (tuple 'stop 'stopped n))
  (('weird _from _n) 'weird)
  (('slow _from n) (timer:sleep 500) (tuple 'reply 'late n))
  ((_ _from n) (tuple 'reply n (+ n 1))))
(defun handle_cast
  (('stop n) (tuple 'stop 'cast-stopped n))
  ((_ n) 'weird-cast))
(defun handle_info (_ _n) 'weird-info)

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag (no-pids x))))

;; A term with each pid in it as the atom pid.
(defun no-pids
  ((x) (when (is_pid x)) 'pid)
  ((x) (when (is_tuple x)) (list_to_tuple (no-pids (tuple_to_list x))))
  (((cons h t)) (if (shell-frame? h) (no-pids t) (cons (no-pids h) (no-pids t))))
  ((x) x))

(defun shell-frame?
  (((tuple m _ _ _)) (lists:member m '(lfe_shell lfe_eval erl_eval init)))
  ((_) 'false))

(defun server ()
  (let (((tuple 'ok pid) (gen_server:start 'otp_gen_server_traces () ())))
    pid))

;; A call that fails: what the caller catches, with its stack's own frames.
(defun call-fails (tag f)
  (let ((got (try (funcall f)
               (catch ((tuple c r s) (tuple c r (frames s)))))))
    (settle)
    (show tag got)))

(defun main ()
  (logger:add_primary_filter 'steady (tuple (fun steady 2) ()))
  (let ((pid (server)))
    (show "ping" (gen_server:call pid 'ping))
    (call-fails "crash" (lambda () (gen_server:call pid 'crash)))
    (call-fails "dead" (lambda () (gen_server:call pid 'ping)))
    (call-fails "dead/3" (lambda () (gen_server:call pid 'ping 100))))
  (call-fails "stop-reply" (lambda () (gen_server:call (server) 'stop-reply)))
  (call-fails "stop" (lambda () (gen_server:call (server) 'stop)))
  (call-fails "weird" (lambda () (gen_server:call (server) 'weird)))
  (call-fails "timeout" (lambda () (gen_server:call (server) 'slow 100)))
  (call-fails "noproc" (lambda () (gen_server:call 'no-such-server 'ping)))
  (call-fails "bad-timeout" (lambda () (gen_server:call 'no-such-server 'ping 'soon)))
  (ends-by (lambda (p) (gen_server:cast p 'stop)))
  (ends-by (lambda (p) (gen_server:cast p 'other)))
  (ends-by (lambda (p) (! p 'info)))
  'ok)

;; A new server, sent what ends it, and the reports it leaves.
(defun ends-by (f)
  (let* ((pid (server))
         (ref (monitor 'process pid)))
    (funcall f pid)
    (let ((reason (receive ((tuple 'DOWN ref 'process _ reason) reason))))
      (settle)
      (show "down" reason))))
