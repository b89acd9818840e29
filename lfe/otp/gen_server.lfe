;; The generic server, message for message as OTP 25's: calls are
;; `#($gen_call #(From Tag) Request)`, casts `#($gen_cast Msg)`, everything else goes to
;; handle_info; system messages are answered by sys. A callback's exception ends the server
;; with an error report; `terminate/2` runs when the server stops (and, trapping exits, when
;; its parent ends).
(defmodule gen_server
  (export (start 3) (start 4) (start_link 3) (start_link 4) (start_monitor 3) (start_monitor 4)
          (stop 1) (stop 3) (call 2) (call 3) (send_request 2) (send_request 4)
          (wait_response 2) (receive_response 2) (check_response 2)
          (cast 2) (reply 2) (abcast 2) (abcast 3)
          (multi_call 2) (multi_call 3) (multi_call 4)
          (enter_loop 3) (enter_loop 4) (enter_loop 5)
          (init_it 6) (wake_hib 6)
          (system_continue 3) (system_terminate 4) (system_get_state 1)
          (system_replace_state 2) (system_code_change 4) (format_status 2)
          (format_log 1) (format_log 2)))

(defun start (mod args opts) (gen:start 'gen_server 'nolink mod args opts))
(defun start (name mod args opts) (gen:start 'gen_server 'nolink name mod args opts))
(defun start_link (mod args opts) (gen:start 'gen_server 'link mod args opts))
(defun start_link (name mod args opts) (gen:start 'gen_server 'link name mod args opts))
(defun start_monitor (mod args opts) (gen:start 'gen_server 'monitor mod args opts))
(defun start_monitor (name mod args opts) (gen:start 'gen_server 'monitor name mod args opts))

(defun stop (server) (stop server 'normal 'infinity))
(defun stop (server reason timeout)
  (proc_lib:stop (stop-target server) reason timeout))

(defun stop-target
  (((tuple 'global name)) (global-or-noproc (global:whereis_name name)))
  (((tuple 'via mod name)) (global-or-noproc (call mod 'whereis_name name)))
  ((server) server))

(defun global-or-noproc
  (('undefined) (exit 'noproc))
  ((pid) pid))

(defun call (server request)
  (gen_native:call server '$gen_call request 5000
                   (tuple 'gen_server 'call (list server request))))

(defun call (server request timeout)
  (gen_native:call server '$gen_call request timeout
                   (tuple 'gen_server 'call (list server request timeout))))

(defun send_request (server request) (gen:send_request server '$gen_call request))
(defun send_request (server request label req-id-col)
  (maps:put (gen:send_request server '$gen_call request) label req-id-col))
(defun wait_response (req-id timeout) (gen:wait_response req-id timeout))
(defun receive_response (req-id timeout) (gen:receive_response req-id timeout))
(defun check_response (msg req-id) (gen:check_response msg req-id))

(defun cast (dest request)
  (do-send dest (tuple '$gen_cast request))
  'ok)

(defun do-send
  (((tuple 'global name) msg) (catch (global:send name msg)) 'ok)
  (((tuple 'via mod name) msg) (catch (call mod 'send name msg)) 'ok)
  ((dest msg) (try (erlang:send dest msg) (catch ((tuple _ _ _) 'ok))) 'ok))

(defun reply (from reply) (gen_native:reply from reply))

(defun abcast (name request) (abcast (cons (node) (nodes)) name request))
(defun abcast (nodes name request)
  (lists:foreach (lambda (n) (do-send (tuple name n) (tuple '$gen_cast request))) nodes)
  'abcast)

(defun multi_call (name request) (multi_call (cons (node) (nodes)) name request 'infinity))
(defun multi_call (nodes name request) (multi_call nodes name request 'infinity))
(defun multi_call (nodes name request timeout)
  (let ((reqs (lists:map (lambda (n)
                           (tuple n (erlang:monitor 'process (tuple name n))))
                         nodes)))
    (lists:foreach (match-lambda
                     (((tuple n ref))
                      (erlang:send (tuple name n)
                                   (tuple '$gen_call (tuple (self) ref) request)
                                   '(noconnect))))
                   reqs)
    (let ((deadline (if (== timeout 'infinity)
                      'infinity
                      (+ (erlang:monotonic_time 'millisecond) timeout))))
      (collect-replies reqs deadline () ()))))

(defun collect-replies
  ((() _ good bad) (tuple (lists:reverse good) (lists:reverse bad)))
  (((cons (tuple n ref) rest) deadline good bad)
   (let ((wait (if (== deadline 'infinity)
                 'infinity
                 (max 0 (- deadline (erlang:monotonic_time 'millisecond))))))
     (receive
       ((tuple r reply) (when (=:= r ref))
        (erlang:demonitor ref '(flush))
        (collect-replies rest deadline (cons (tuple n reply) good) bad))
       ((tuple 'DOWN r _ _ _) (when (=:= r ref))
        (collect-replies rest deadline good (cons n bad)))
       (after wait
         (erlang:demonitor ref '(flush))
         (collect-replies rest deadline good (cons n bad)))))))

;; Makes the calling process (started by proc_lib) a gen_server.
(defun enter_loop (mod options state) (enter_loop mod options state (self) 'infinity))
(defun enter_loop
  ((mod options state (= (tuple _ _) server-name))
   (enter_loop mod options state server-name 'infinity))
  ((mod options state (= (tuple _ _ _) server-name))
   (enter_loop mod options state server-name 'infinity))
  ((mod options state timeout) (enter_loop mod options state (self) timeout)))
(defun enter_loop (mod options state server-name timeout)
  (let ((name (gen:name server-name))
        (parent (gen:get_parent))
        (debug (gen:debug_options server-name options)))
    (case (where-ok server-name)
      ('ok (loop-after parent name state mod timeout debug))
      (_ (error 'process_not_registered)))))

(defun where-ok (server-name)
  (if (is_pid server-name)
    'ok
    (if (== (gen:where server-name) (self)) 'ok 'bad)))

(defun init_it (starter parent name0 mod args options)
  (let ((name (gen:name name0))
        (debug (gen:debug_options name0 options)))
    (case (init-it mod args)
      ((tuple 'ok (tuple 'ok state))
       (proc_lib:init_ack starter (tuple 'ok (self)))
       (loop-after parent name state mod 'infinity debug))
      ((tuple 'ok (tuple 'ok state time-or-hib))
       (proc_lib:init_ack starter (tuple 'ok (self)))
       (loop-after parent name state mod time-or-hib debug))
      ((tuple 'ok (tuple 'stop reason))
       (gen:unregister_name name0)
       (proc_lib:init_ack starter (tuple 'error reason))
       (exit reason))
      ((tuple 'ok 'ignore)
       (gen:unregister_name name0)
       (proc_lib:init_ack starter 'ignore)
       (exit 'normal))
      ((tuple 'ok (= (tuple 'error _) err))
       (gen:unregister_name name0)
       (proc_lib:init_ack starter err)
       (exit 'normal))
      ((tuple 'ok else)
       (let ((error (tuple 'bad_return_value else)))
         (proc_lib:init_ack starter (tuple 'error error))
         (exit error)))
      ((tuple 'EXIT class reason stack)
       (gen:unregister_name name0)
       (proc_lib:init_ack starter (tuple 'error (gen:exit_reason class reason stack)))
       (erlang:raise class reason stack)))))

(defun init-it (mod args)
  (try (tuple 'ok (call mod 'init args))
    (catch
      ((tuple 'throw r _) (tuple 'ok r))
      ((tuple class r stack) (tuple 'EXIT class r stack)))))

;; What follows a callback's return: a continue, a loop with or without a timeout.
(defun loop-after
  ((parent name state mod (tuple 'continue c) debug)
   (handle-result parent name (tuple 'continue c) mod debug
                  (try_handle_continue mod c state) 'undefined state))
  ((parent name state mod time debug)
   (loop parent name state mod time debug)))

(defun loop (parent name state mod time debug)
  (let ((wait (case time ('hibernate 'infinity) (t t))))
    (receive
      ;; A call with no debugging is answered here, and the loop goes on without a new frame:
      ;; what handle_msg and try_handle_call do, and a trace from the callback shows both.
      ((tuple '$gen_call from req) (when (=:= debug ()))
       (let ((result (try (tuple 'ok (call mod 'handle_call req from state))
                       (catch
                         ((tuple 'throw r _) (tuple 'ok r))
                         ((tuple class r stack) (tuple 'EXIT class r stack))))))
         (case result
           ((tuple 'ok (tuple 'reply reply nstate))
            (gen_native:reply from reply)
            (loop parent name nstate mod 'infinity ()))
           (_ (handle-call-result result from req parent name state mod ())))))
      (msg (decode-msg msg parent name state mod time debug))
      (after wait (decode-msg 'timeout parent name state mod time debug)))))

(defun wake_hib (parent name state mod time debug)
  (loop parent name state mod time debug))

(defun decode-msg (msg parent name state mod time debug)
  (case msg
    ((tuple 'system from req)
     (sys:handle_system_msg req from parent 'gen_server debug (list name state mod time)))
    ((tuple 'EXIT p reason) (when (== p parent))
     (terminate-with 'exit reason () reason name 'undefined msg mod state debug))
    (_ (let ((debug2 (if (== debug ()) () (sys:handle_debug debug (fun print-event 3) name
                                                              (tuple 'in msg)))))
         (handle_msg msg parent name state mod debug2)))))

(defun handle_msg
  (((tuple '$gen_call from req) parent name state mod debug)
   (handle-call-result (try_handle_call mod req from state) from req parent name state mod debug))
  (((tuple '$gen_cast msg) parent name state mod debug)
   (handle-result parent name (tuple '$gen_cast msg) mod debug
                  (try_dispatch mod 'handle_cast msg state) 'undefined state))
  ((msg parent name state mod debug)
   (handle-result parent name msg mod debug (try-info mod msg state) 'undefined state)))

(defun handle-call-result (result from req parent name state mod debug)
  (case result
    ((tuple 'ok (tuple 'reply reply nstate))
     (gen_native:reply from reply)
     (if (=:= debug ())
       (loop parent name nstate mod 'infinity ())
       (loop parent name nstate mod 'infinity (reply-debug debug from reply name nstate))))
    ((tuple 'ok (tuple 'reply reply nstate time))
     (gen_native:reply from reply)
     (if (=:= debug ())
       (loop-after parent name nstate mod time ())
       (loop-after parent name nstate mod time (reply-debug debug from reply name nstate))))
    ((tuple 'ok (tuple 'stop reason reply nstate))
     (try (terminate-with 'exit reason (otp-stack 'handle_msg 6 1193) reason name from req mod nstate
                          debug)
       (after (gen:reply from reply))))
    (other (handle-result parent name req mod debug other from state))))

(defun noreply-debug (debug name state)
  (if (== debug ())
    ()
    (sys:handle_debug debug (fun print-event 3) name (tuple 'noreply state))))

(defun reply-debug (debug from reply name state)
  (sys:handle_debug debug (fun print-event 3) name (tuple 'out reply from state)))

(defun try_handle_call (mod req from state)
  (try (tuple 'ok (call mod 'handle_call req from state))
    (catch
      ((tuple 'throw r _) (tuple 'ok r))
      ((tuple class r stack) (tuple 'EXIT class r stack)))))

(defun try_handle_continue (mod msg state)
  (try (tuple 'ok (call mod 'handle_continue msg state))
    (catch
      ((tuple 'throw r _) (tuple 'ok r))
      ((tuple class r stack) (tuple 'EXIT class r stack)))))

(defun try_dispatch (mod f msg state)
  (try (tuple 'ok (call mod f msg state))
    (catch
      ((tuple 'throw r _) (tuple 'ok r))
      ((tuple class r stack) (tuple 'EXIT class r stack)))))

(defun try-info (mod msg state)
  (case (erlang:function_exported mod 'handle_info 2)
    ('true (try_dispatch mod 'handle_info msg state))
    ('false
     (logger:log 'warning
                 (map 'label (tuple 'gen_server 'no_handle_info)
                      'module mod 'message msg)
                 (map 'domain '(otp) 'error_logger (map 'tag 'warning_msg)))
     (tuple 'ok (tuple 'noreply state)))))

;; The state a result leaves the server in (`last` is the message, for a report).
(defun handle-result (parent name last mod debug result from state)
  (case result
    ((tuple 'ok (tuple 'noreply nstate))
     (loop parent name nstate mod 'infinity (noreply-debug debug name nstate)))
    ((tuple 'ok (tuple 'noreply nstate time))
     (loop-after parent name nstate mod time (noreply-debug debug name nstate)))
    ((tuple 'ok (tuple 'stop reason nstate))
     (terminate-with 'exit reason (otp-stack 'handle_common_reply 8 1241) reason name from last mod
                     nstate debug))
    ((tuple 'EXIT class reason stack)
     (terminate-with class reason stack (tuple reason stack)
                     name from last mod state debug))
    ((tuple 'ok bad)
     (terminate-with 'exit (tuple 'bad_return_value bad) (otp-stack 'handle_common_reply 8 1245)
                     (tuple 'bad_return_value bad) name from last mod state debug))))

;; The stack OTP's gen_server ends with when a callback's return stops the server: where in
;; gen_server.erl it decides so.
(defun otp-stack (f arity line)
  (list (tuple 'gen_server f arity (list (tuple 'file "gen_server.erl") (tuple 'line line)))
        (tuple 'proc_lib 'init_p_do_apply 3 (list (tuple 'file "proc_lib.erl") (tuple 'line 240)))))

(defun terminate-with (class reason stack report-reason name from msg mod state debug)
  (let ((treason (gen:exit_reason class reason stack)))
    (case (try_terminate mod treason state)
      ((tuple 'EXIT c r s)
       (error-info (tuple r s) name from msg mod state debug)
       (erlang:raise c r s))
      (_
       (case (tuple class reason)
         ((tuple 'exit 'normal) 'ok)
         ((tuple 'exit 'shutdown) 'ok)
         ((tuple 'exit (tuple 'shutdown _)) 'ok)
         (_ (error-info report-reason name from msg mod state debug)))))
    (case stack
      (() (exit-class class reason))
      (_ (erlang:raise class reason stack)))))

(defun exit-class
  (('exit reason) (exit reason))
  (('error reason) (error reason))
  (('throw reason) (throw reason)))

(defun try_terminate (mod reason state)
  (case (erlang:function_exported mod 'terminate 2)
    ('true (try (tuple 'ok (call mod 'terminate reason state))
             (catch
               ((tuple 'throw r _) (tuple 'ok r))
               ((tuple class r stack) (tuple 'EXIT class r stack)))))
    ('false (tuple 'ok 'ok))))

(defun error-info (reason name from msg mod state debug)
  (logger:log 'error
              (map 'label (tuple 'gen_server 'terminate)
                   'name name
                   'last_message msg
                   'state (format-state mod state)
                   'log (sys:get_debug 'log debug (tuple 0 ()))
                   'reason reason
                   'client_info (client-info from))
              (map 'domain '(otp) 'error_logger (map 'tag 'error))))

(defun format-state (mod state)
  (case (erlang:function_exported mod 'format_status 2)
    ('true (case (catch (call mod 'format_status 'terminate (list (get) state)))
             ((tuple 'EXIT _) state)
             (s s)))
    ('false state)))

(defun client-info
  (((tuple pid _)) (when (is_pid pid)) (gen:client_info pid))
  ((_) 'undefined))

(defun print-event (dev event name)
  (case event
    ((tuple 'in (tuple '$gen_call (tuple from _) call))
     (io:format dev "*DBG* ~tp got call ~tp from ~tw~n" (list name call from)))
    ((tuple 'in (tuple '$gen_cast cast))
     (io:format dev "*DBG* ~tp got cast ~tp~n" (list name cast)))
    ((tuple 'in msg)
     (io:format dev "*DBG* ~tp got ~tp~n" (list name msg)))
    ((tuple 'out msg (tuple to _) state)
     (io:format dev "*DBG* ~tp sent ~tp to ~tw, new state ~tp~n" (list name msg to state)))
    ((tuple 'noreply state)
     (io:format dev "*DBG* ~tp new state ~tp~n" (list name state)))
    (_ (io:format dev "*DBG* ~tp dbg  ~tp~n" (list name event)))))

;; The system message protocol's callbacks.
(defun system_continue
  ((parent debug (list name state mod time)) (loop parent name state mod time debug)))

(defun system_terminate
  ((reason _parent debug (list name state mod _time))
   (terminate-with 'exit reason () reason name 'undefined () mod state debug)))

(defun system_get_state (((list _ state _ _)) (tuple 'ok state)))

(defun system_replace_state
  ((f (list name state mod time))
   (let ((nstate (funcall f state)))
     (tuple 'ok nstate (list name nstate mod time)))))

(defun system_code_change
  (((list name state mod time) _module old-vsn extra)
   (case (catch (call mod 'code_change old-vsn state extra))
     ((tuple 'ok nstate) (tuple 'ok (list name nstate mod time)))
     (else else))))

(defun format_status
  ((opt (list pdict sys-state parent debug (list name state mod _time)))
   (format-status opt pdict sys-state parent debug name state mod)))

(defun format-status (opt pdict sys-state parent debug name state mod)
  (let* ((header (gen:format_status_header "Status for generic server" name))
         (log (sys:get_debug 'log debug (tuple 0 ())))
         (specific
          (case (erlang:function_exported mod 'format_status 2)
            ('true (case (catch (call mod 'format_status opt (list pdict state)))
                     ((tuple 'EXIT _) (list (tuple 'data (list (tuple "State" state)))))
                     (l (when (is_list l)) l)
                     (s (list (tuple 'data (list (tuple "State" s)))))))
            ('false (list (tuple 'data (list (tuple "State" state))))))))
    (list* (tuple 'header header)
           (tuple 'data (list (tuple "Status" sys-state) (tuple "Parent" parent)
                              (tuple "Logged events" (log-events log))))
           specific)))

(defun log-events
  (((tuple _ events)) (lists:reverse (lists:map (match-lambda (((tuple e _ _)) e)) events)))
  ((_) ()))

(defun format_log (report) (logger:format_report report))
(defun format_log (report _config) (logger:format_report report))
