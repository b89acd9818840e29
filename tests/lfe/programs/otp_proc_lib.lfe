;; proc_lib: spawn, spawn_link and spawn_opt of functions of a module and of
;; funs, the $ancestors and $initial_call they keep, initial_call and
;; translate_initial_call, start and start_link with init_ack/1,2 (ok and error
;; answers, and the timeout when no answer comes), start_monitor, stop, and the
;; crash reports proc_lib writes when such a process ends with an error, a throw
;; or an exit (none for normal, shutdown and {shutdown,_}). The crash reports
;; are kept steady by a logger filter, as in otp_gen_server_crash: sizes and
;; reductions read 0, and stack traces keep only this file's frames.
(defmodule otp_proc_lib
  (export (main 0) (steady 2)
          (worker 1) (starter 2) (ancestors 1) (ender 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(proc_lib crash) 'report (list crasher linked)) r))
     (mset event 'msg (tuple 'report (mset r 'report (list (steady-crasher crasher) linked)))))
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

(defun steady-reason
  (((tuple reason stack)) (when (is_list stack))
   (if (stack-p stack) (tuple (steady-reason reason) (own-frames stack)) (tuple reason stack)))
  ((other) other))

(defun stack-p
  ((()) 'false)
  ((frames) (lists:all (match-lambda (((tuple m _ _ l)) (andalso (is_atom m) (is_list l)))
                                     ((_) 'false))
                       frames)))

(defun own-frames (stack)
  (lists:filter (lambda (frame) (== (element 1 frame) 'otp_proc_lib)) stack))

(defun settle () (logger_std_h:filesync 'default))

;; Processes

(defun worker (owner)
  (receive
    ('info (! owner (tuple 'info (get '$initial_call) (length (get '$ancestors)))) (worker owner))
    ('stop 'ok)))

;; Started with proc_lib:start*: answers with init_ack.
(defun starter
  ((owner 'ok) (proc_lib:init_ack (tuple 'ok (self))) (worker owner))
  ((owner 'ok2) (proc_lib:init_ack (tuple 'ok 'with-parent)) (worker owner))
  ((_owner 'error) (proc_lib:init_ack (tuple 'error 'not-today)))
  ((_owner 'silent) (receive ('never 'ok)))
  ((owner 'nested)
   (proc_lib:init_ack (tuple 'ok (self)))
   (let ((child (proc_lib:spawn 'otp_proc_lib 'ancestors (list owner))))
     (receive ('never child)))))

(defun ancestors (owner)
  (! owner (tuple 'ancestors (length (get '$ancestors)) (get '$initial_call))))

(defun ender
  (('normal) 'done)
  (('shutdown) (exit 'shutdown))
  (('shutdown-tuple) (exit #(shutdown finished)))
  (('error) (error (tuple 'bad-thing 1)))
  (('badarith) (/ 1 (zero)))
  (('throw) (throw 'ball))
  (('exit) (exit 'gave-up)))

(defun zero () 0)

(defun run-ender (how)
  (let* ((pid (proc_lib:spawn 'otp_proc_lib 'ender (list how)))
         (ref (monitor 'process pid))
         (reason (receive ((tuple 'DOWN r _ _ reason) (when (== r ref)) reason)
                   (after 1000 'no-down))))
    (settle)
    (show how (steady-reason reason))))

(defun main ()
  (let ((me (self)))
    ;; spawn with M, F, A
    (let ((pid (proc_lib:spawn 'otp_proc_lib 'worker (list me))))
      (! pid 'info)
      (show 'spawn-info (receive ((tuple 'info ic n) (tuple ic n))))
      (show 'initial-call (proc_lib:initial_call pid))
      (show 'translate-initial-call (proc_lib:translate_initial_call pid))
      (show 'links (element 2 (process_info pid 'links)))
      (! pid 'stop))
    ;; spawn_link
    (let ((pid (proc_lib:spawn_link 'otp_proc_lib 'worker (list me))))
      (show 'linked (lists:member pid (element 2 (process_info me 'links))))
      (show 'translate-initial-call (proc_lib:translate_initial_call pid))
      (! pid 'stop))
    ;; spawn of a fun: initial_call has no answer, translate_initial_call names the
    ;; fun's module, its function (its name is the compiler's) and arity 0
    (let ((pid (proc_lib:spawn (lambda () (worker me)))))
      (show 'fun-initial-call (proc_lib:initial_call pid))
      (let (((tuple m f a) (proc_lib:translate_initial_call pid)))
        (show 'fun-translate (list m (is_atom f) a)))
      (! pid 'stop))
    ;; spawn_opt with a monitor
    (let (((tuple pid ref) (proc_lib:spawn_opt 'otp_proc_lib 'worker (list me) '(monitor))))
      (! pid 'stop)
      (show 'spawn-opt-down (receive ((tuple 'DOWN r _ _ reason) (when (== r ref)) reason)
                              (after 1000 'no-down))))
    ;; a process that is not proc_lib's
    (let ((pid (spawn 'otp_proc_lib 'worker (list me))))
      (show 'plain-initial-call (proc_lib:initial_call pid))
      (show 'plain-translate (proc_lib:translate_initial_call pid))
      (! pid 'stop))
    ;; start and start_link wait for init_ack
    (let (((tuple 'ok pid) (proc_lib:start 'otp_proc_lib 'starter (list me 'ok))))
      (show 'start (is_pid pid))
      (show 'start-links (element 2 (process_info pid 'links)))
      (! pid 'stop))
    (let (((tuple 'ok pid) (proc_lib:start_link 'otp_proc_lib 'starter (list me 'ok) 1000)))
      (show 'start-link (lists:member pid (element 2 (process_info me 'links))))
      (! pid 'stop))
    (show 'start-ack-value (proc_lib:start 'otp_proc_lib 'starter (list me 'ok2)))
    (show 'start-error (proc_lib:start 'otp_proc_lib 'starter (list me 'error)))
    (show 'start-timeout (proc_lib:start 'otp_proc_lib 'starter (list me 'silent) 50))
    (let (((tuple (tuple 'ok pid) ref)
           (proc_lib:start_monitor 'otp_proc_lib 'starter (list me 'ok))))
      (show 'start-monitor (list (is_pid pid) (is_reference ref)))
      (! pid 'stop)
      (show 'start-monitor-down (receive ((tuple 'DOWN r _ _ reason) (when (== r ref)) reason)
                                  (after 1000 'no-down))))
    ;; ancestors of a process started by a process started by proc_lib
    (let (((tuple 'ok pid) (proc_lib:start 'otp_proc_lib 'starter (list me 'nested))))
      (show 'nested-ancestors (receive ((tuple 'ancestors n ic) (tuple n ic))))
      (exit pid 'kill))
    ;; proc_lib:stop on a process that answers system messages (a gen_server)
    (let (((tuple 'ok pid) (gen_server:start 'otp_proc_lib_server () ())))
      (show 'stop (proc_lib:stop pid))
      (show 'stopped (is_process_alive pid)))
    (let (((tuple 'ok pid) (gen_server:start 'otp_proc_lib_server () ())))
      (show 'stop3 (proc_lib:stop pid 'normal 1000))))
  ;; How a proc_lib process ends, and the crash reports.
  (logger:add_primary_filter 'steady (tuple (fun otp_proc_lib steady 2) 'none))
  (run-ender 'normal)
  (run-ender 'shutdown)
  (run-ender 'shutdown-tuple)
  (run-ender 'error)
  (run-ender 'badarith)
  (run-ender 'throw)
  (run-ender 'exit)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

(defmodule otp_proc_lib_server
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2)))

(defun init (_) (tuple 'ok 'state))

(defun handle_call (_ _ s) (tuple 'reply 'ok s))

(defun handle_cast (_ s) (tuple 'noreply s))
