;; The generic state machine, as OTP 25's: callback mode state_functions or
;; handle_event_function (with state_enter), events from calls, casts, infos, timeouts and
;; `next_event`; actions reply, postpone, next_event, hibernate, event timeout, state_timeout
;; and generic `#(timeout Name)` timeouts; postponed events retried after a change of state.
(defmodule gen_statem
  (export (start 3) (start 4) (start_link 3) (start_link 4) (start_monitor 3) (start_monitor 4)
          (stop 1) (stop 3) (call 2) (call 3) (cast 2) (reply 1) (reply 2)
          (send_request 2) (wait_response 2) (receive_response 2) (check_response 2)
          (enter_loop 4) (enter_loop 5) (enter_loop 6)
          (init_it 6) (system_continue 3) (system_terminate 4) (system_get_state 1)
          (system_replace_state 2) (system_code_change 4) (format_status 2)))

(defun start (mod args opts) (gen:start 'gen_statem 'nolink mod args opts))
(defun start (name mod args opts) (gen:start 'gen_statem 'nolink name mod args opts))
(defun start_link (mod args opts) (gen:start 'gen_statem 'link mod args opts))
(defun start_link (name mod args opts) (gen:start 'gen_statem 'link name mod args opts))
(defun start_monitor (mod args opts) (gen:start 'gen_statem 'monitor mod args opts))
(defun start_monitor (name mod args opts) (gen:start 'gen_statem 'monitor name mod args opts))

(defun stop (server) (gen_server:stop server))
(defun stop (server reason timeout) (gen_server:stop server reason timeout))

(defun call (server request) (call-it server request 'infinity))
(defun call (server request timeout) (call-it server request timeout))

(defun call-it (server request timeout)
  (let ((t (case timeout
             ((tuple 'dirty_timeout t) t)
             ((tuple 'clean_timeout t) t)
             (t t))))
    (try (gen:call server '$gen_call request t)
      (catch ((tuple 'exit reason _)
              (exit (tuple reason (tuple 'gen_statem 'call (list server request timeout)))))))))

(defun cast (server msg)
  (gen_server:cast server msg))

(defun reply
  (((tuple 'reply from r)) (reply from r))
  ((replies) (when (is_list replies))
   (lists:foreach (match-lambda (((tuple 'reply from r)) (reply from r))) replies)
   'ok))
(defun reply (from r) (gen:reply from r))

(defun send_request (server request) (gen:send_request server '$gen_call request))
(defun wait_response (req-id timeout) (gen:wait_response req-id timeout))
(defun receive_response (req-id timeout) (gen:receive_response req-id timeout))
(defun check_response (msg req-id) (gen:check_response msg req-id))

;; Makes the calling process a gen_statem.
(defun enter_loop (mod opts state data) (enter_loop mod opts state data (self) ()))
(defun enter_loop
  ((mod opts state data actions) (when (is_list actions))
   (enter_loop mod opts state data (self) actions))
  ((mod opts state data server) (enter_loop mod opts state data server ())))
(defun enter_loop (mod opts state data server actions)
  (let ((s (new-state (gen:get_parent) (gen:name server) mod
                      (gen:debug_options server opts))))
    (case (callback-mode mod)
      ((tuple 'ok mode enter)
       (start-machine (mset s 'mode mode 'enter enter) state data actions))
      ((tuple 'error why) (error why)))))

(defun new-state (parent name mod debug)
  (map 'parent parent 'name name 'mod mod 'mode 'state_functions 'enter 'false
       'state 'undefined 'data 'undefined 'postponed () 'queue () 'timers #M()
       'etimeout 'none 'debug debug))

(defun init_it (starter parent name0 mod args opts)
  (let* ((name (gen:name name0))
         (s (new-state parent name mod (gen:debug_options name0 opts))))
    (case (try (tuple 'ok (call mod 'init args))
            (catch ((tuple 'throw r _) (tuple 'ok r))
                   ((tuple class r stack) (tuple 'EXIT class r stack))))
      ((tuple 'ok result)
       (case result
         ((tuple 'ok state data) (init-ok starter s state data ()))
         ((tuple 'ok state data actions) (init-ok starter s state data actions))
         ((tuple 'stop reason)
          (gen:unregister_name name0)
          (proc_lib:init_ack starter (tuple 'error reason))
          (exit reason))
         ('ignore
          (gen:unregister_name name0)
          (proc_lib:init_ack starter 'ignore)
          (exit 'normal))
         ((= (tuple 'error _) err)
          (gen:unregister_name name0)
          (proc_lib:init_ack starter err)
          (exit 'normal))
         (other
          (gen:unregister_name name0)
          (let ((why (tuple 'bad_return_from_init other)))
            (proc_lib:init_ack starter (tuple 'error why))
            (exit why)))))
      ((tuple 'EXIT class reason stack)
       (gen:unregister_name name0)
       (proc_lib:init_ack starter (tuple 'error (gen:exit_reason class reason stack)))
       (erlang:raise class reason stack)))))

(defun init-ok (starter s state data actions)
  (case (callback-mode (mref s 'mod))
    ((tuple 'ok mode enter)
     (proc_lib:init_ack starter (tuple 'ok (self)))
     (start-machine (mset s 'mode mode 'enter enter) state data actions))
    ((tuple 'error why)
     (proc_lib:init_ack starter (tuple 'error why))
     (error why))))

(defun start-machine (s state data actions)
  (let* (((tuple _ next-events ts s0) (do-actions s (listify actions) 'false () ()))
         (s1 (mset s0 'state state 'data data 'queue (lists:reverse next-events)))
         (s2 (set-timeouts s1 ts)))
    (if (mref s 'enter) (enter-state s2 state) (loop s2))))

(defun listify (a) (if (is_list a) a (list a)))

(defun callback-mode (mod)
  (case (try (call mod 'callback_mode)
          (catch ((tuple class r _) (tuple 'EXIT class r))))
    ('state_functions (tuple 'ok 'state_functions 'false))
    ('handle_event_function (tuple 'ok 'handle_event_function 'false))
    (modes (when (is_list modes))
     (let ((enter (lists:member 'state_enter modes))
           (mode (lists:filter (lambda (m) (lists:member m '(state_functions handle_event_function)))
                               modes)))
       (case mode
         ((list m) (tuple 'ok m enter))
         (_ (tuple 'error (tuple 'bad_callback_mode modes))))))
    (other (tuple 'error (tuple 'bad_callback_mode other)))))

;; The loop: queued events first, then the mailbox.
(defun loop (s)
  (case (mref s 'queue)
    ((cons (tuple type content) rest)
     (handle-event (mset s 'queue rest) type content))
    (()
     (let ((wait (case (mref s 'etimeout)
                   ('none 'infinity)
                   ((tuple t _) t))))
       (receive
         (msg (decode-msg s msg))
         (after wait
           (let (((tuple _ content) (mref s 'etimeout)))
             (handle-event (mset s 'etimeout 'none) 'timeout content))))))))

(defun decode-msg (s msg)
  (case msg
    ((tuple 'system from req)
     (sys:handle_system_msg req from (mref s 'parent) 'gen_statem (mref s 'debug) s))
    ((tuple 'EXIT pid reason) (when (== pid (mref s 'parent)))
     (terminate s 'exit reason () ()))
    ((tuple 'timeout tref type)
     (case (maps:find type (mref s 'timers))
       ((tuple 'ok (tuple r content)) (when (=:= r tref))
        (let ((s1 (mset s 'timers (maps:remove type (mref s 'timers)) 'etimeout 'none)))
          (handle-event s1 (timeout-event-type type) content)))
       (_ (handle-event (mset s 'etimeout 'none) 'info msg))))
    ((tuple '$gen_call from req)
     (handle-event (mset s 'etimeout 'none) (tuple 'call from) req))
    ((tuple '$gen_cast m) (handle-event (mset s 'etimeout 'none) 'cast m))
    (_ (handle-event (mset s 'etimeout 'none) 'info msg))))

(defun timeout-event-type
  (('state_timeout) 'state_timeout)
  (((tuple 'timeout name)) (tuple 'timeout name))
  ((other) other))

(defun handle-event (s type content)
  (let ((s1 (debug-event s (tuple 'in type content))))
    (case (call-state-fun s1 type content)
      ((tuple 'ok result) (handle-result s1 type content result 'false))
      ((tuple 'EXIT class reason stack)
       (terminate s1 class reason stack (list (tuple type content)))))))

(defun call-state-fun (s type content)
  (let ((mod (mref s 'mod)) (state (mref s 'state)) (data (mref s 'data)))
    (try (tuple 'ok (case (mref s 'mode)
                      ('state_functions (call mod state type content data))
                      ('handle_event_function
                       (call mod 'handle_event type content state data))))
      (catch ((tuple 'throw r _) (tuple 'ok r))
             ((tuple class r stack) (tuple 'EXIT class r stack))))))

;; What a state callback returned.
(defun handle-result (s type content result enter-call)
  (let ((state (mref s 'state)) (data (mref s 'data)) (event (tuple type content)))
    (case result
      ((tuple 'next_state next nd)
       (transition s event next nd () enter-call 'false))
      ((tuple 'next_state next nd actions)
       (transition s event next nd (listify actions) enter-call 'false))
      ((tuple 'keep_state nd) (transition s event state nd () enter-call 'false))
      ((tuple 'keep_state nd actions)
       (transition s event state nd (listify actions) enter-call 'false))
      ('keep_state_and_data (transition s event state data () enter-call 'false))
      ((tuple 'keep_state_and_data actions)
       (transition s event state data (listify actions) enter-call 'false))
      ((tuple 'repeat_state nd) (transition s event state nd () enter-call 'true))
      ((tuple 'repeat_state nd actions)
       (transition s event state nd (listify actions) enter-call 'true))
      ('repeat_state_and_data (transition s event state data () enter-call 'true))
      ((tuple 'repeat_state_and_data actions)
       (transition s event state data (listify actions) enter-call 'true))
      ((tuple 'stop reason) (terminate s 'exit reason () (list event)))
      ((tuple 'stop reason nd) (terminate (mset s 'data nd) 'exit reason () (list event)))
      ((tuple 'stop_and_reply reason replies)
       (reply (listify replies))
       (terminate s 'exit reason () (list event)))
      ((tuple 'stop_and_reply reason replies nd)
       (reply (listify replies))
       (terminate (mset s 'data nd) 'exit reason () (list event)))
      (bad
       (terminate s 'error (tuple 'bad_return_from_state_function bad) () (list event))))))

;; A transition: actions done, then (if the state changed or is repeated, with state_enter)
;; the enter call, then the queue reordered and the loop.
(defun transition (s0 event next nd actions enter-call repeat)
  (let* ((state (mref s0 'state))
         ((tuple postpone next-events ts s) (do-actions s0 actions 'false () ())))
    (if (andalso enter-call (orelse postpone (/= next-events ())))
      (terminate s 'error (tuple 'bad_action_from_state_function
                                 (if postpone 'postpone (hd next-events)))
                 () (list event))
      (let* ((changed (/= next state))
             (s1 (mset s 'data nd 'state next))
             (postponed (if postpone (cons event (mref s 'postponed)) (mref s 'postponed)))
             (s2 (if (andalso changed (not enter-call))
                   (mset s1 'queue (++ (lists:reverse next-events)
                                       (lists:reverse postponed)
                                       (mref s 'queue))
                         'postponed ()
                         'timers (cancel-state-timeout (mref s1 'timers)))
                   (mset s1 'queue (++ (lists:reverse next-events) (mref s 'queue))
                         'postponed postponed)))
             (s3 (set-timeouts s2 ts)))
        (cond ((andalso enter-call changed)
               (terminate s 'error (tuple 'bad_state_enter_return_from_state_function next)
                          () (list event)))
              ((andalso (mref s 'enter) (not enter-call) (orelse changed repeat))
               (enter-state s3 state))
              ('true (loop s3)))))))

(defun enter-state (s old)
  (case (call-state-fun s 'enter old)
    ((tuple 'ok result) (handle-result s 'enter old result 'true))
    ((tuple 'EXIT class reason stack)
     (terminate s class reason stack (list (tuple 'enter old))))))

(defun cancel-state-timeout (timers)
  (case (maps:find 'state_timeout timers)
    ((tuple 'ok (tuple ref _))
     (erlang:cancel_timer ref)
     (maps:remove 'state_timeout timers))
    ('error timers)))

;; Runs the actions: replies now; answers whether to postpone, the next events (newest
;; first) and the timeouts to set (oldest first).
(defun do-actions
  ((s () postpone nexts ts) (tuple postpone nexts (lists:reverse ts) s))
  ((s (cons a rest) postpone nexts ts)
   (case a
     ('postpone (do-actions s rest 'true nexts ts))
     ((tuple 'postpone p) (do-actions s rest p nexts ts))
     ((tuple 'next_event type content)
      (do-actions s rest postpone (cons (tuple type content) nexts) ts))
     ((tuple 'reply from r) (reply from r) (do-actions s rest postpone nexts ts))
     ('hibernate (do-actions s rest postpone nexts ts))
     ((tuple 'hibernate _) (do-actions s rest postpone nexts ts))
     ((tuple 'change_callback_module mod)
      (do-actions (with-module s mod) rest postpone nexts ts))
     ((tuple 'push_callback_module mod)
      (do-actions (with-module (mset s 'stack (cons (mref s 'mod) (maps:get 'stack s ()))) mod)
                  rest postpone nexts ts))
     ('pop_callback_module
      (case (maps:get 'stack s ())
        ((cons mod stack) (do-actions (with-module (mset s 'stack stack) mod) rest postpone nexts ts))
        (() (exit (tuple 'bad_action_from_state_function a)))))
     (t (when (orelse (is_integer t) (== t 'infinity)))
        (do-actions s rest postpone nexts (cons (tuple 'timeout t t) ts)))
     ((tuple 'timeout t msg) (do-actions s rest postpone nexts (cons (tuple 'timeout t msg) ts)))
     ((tuple 'timeout t msg _) (do-actions s rest postpone nexts (cons (tuple 'timeout t msg) ts)))
     ((tuple 'state_timeout t msg)
      (do-actions s rest postpone nexts (cons (tuple 'state_timeout t msg) ts)))
     ((tuple 'state_timeout t msg _)
      (do-actions s rest postpone nexts (cons (tuple 'state_timeout t msg) ts)))
     ((tuple (= (tuple 'timeout _) name) t msg)
      (do-actions s rest postpone nexts (cons (tuple name t msg) ts)))
     ((tuple (= (tuple 'timeout _) name) t msg _)
      (do-actions s rest postpone nexts (cons (tuple name t msg) ts)))
     ((tuple 'state_timeout 'cancel)
      (do-actions s rest postpone nexts (cons (tuple 'state_timeout 'infinity 'cancel) ts)))
     ((tuple (= (tuple 'timeout _) name) 'cancel)
      (do-actions s rest postpone nexts (cons (tuple name 'infinity 'cancel) ts)))
     (bad (exit (tuple 'bad_action_from_state_function bad))))))

;; The callback module changed by an action: its callback mode is asked again.
(defun with-module (s mod)
  (case (callback-mode mod)
    ((tuple 'ok mode enter) (mset s 'mod mod 'mode mode 'enter enter))
    ((tuple 'error why) (exit why))))

(defun set-timeouts
  ((s ()) s)
  ((s (cons (tuple 'timeout t msg) rest))
   (case t
     ('infinity (set-timeouts (mset s 'etimeout 'none) rest))
     (0 (set-timeouts (mset s 'etimeout 'none
                            'queue (++ (mref s 'queue) (list (tuple 'timeout msg))))
                      rest))
     (_ (set-timeouts (mset s 'etimeout (tuple t msg)) rest))))
  ((s (cons (tuple type 'update msg) rest))
   ;; A running timer gets new content; with none running, the event comes at once.
   (let ((timers (mref s 'timers)))
     (case (maps:find type timers)
       ((tuple 'ok (tuple ref _))
        (set-timeouts (mset s 'timers (maps:put type (tuple ref msg) timers)) rest))
       ('error
        (set-timeouts (mset s 'queue (++ (mref s 'queue)
                                          (list (tuple (timeout-event-type type) msg))))
                      rest)))))
  ((s (cons (tuple type t msg) rest))
   (let* ((timers (mref s 'timers))
          (timers1 (case (maps:find type timers)
                     ((tuple 'ok (tuple ref _)) (erlang:cancel_timer ref) (maps:remove type timers))
                     ('error timers))))
     (case t
       ('infinity (set-timeouts (mset s 'timers timers1) rest))
       (0
        (set-timeouts (mset s 'timers timers1
                            'queue (++ (mref s 'queue) (list (tuple (timeout-event-type type) msg))))
                      rest))
       (_
        (let ((ref (erlang:start_timer t (self) type)))
          (set-timeouts (mset s 'timers (maps:put type (tuple ref msg) timers1)) rest)))))))

(defun debug-event (s event)
  (case (mref s 'debug)
    (() s)
    (debug (mset s 'debug (sys:handle_debug debug (fun print-event 3) (mref s 'name) event)))))

(defun print-event (dev event name)
  (case event
    ((tuple 'in type content)
     (io:format dev "*DBG* ~tp receive ~tp ~tp~n" (list name type content)))
    (_ (io:format dev "*DBG* ~tp ~tp~n" (list name event)))))

(defun terminate (s class reason stack queue)
  (let ((mod (mref s 'mod)) (state (mref s 'state)) (data (mref s 'data)))
    (case (if (erlang:function_exported mod 'terminate 3)
            (try (tuple 'ok (call mod 'terminate reason state data))
              (catch ((tuple 'throw r _) (tuple 'ok r))
                     ((tuple c r st) (tuple 'EXIT c r st))))
            (tuple 'ok 'ok))
      ((tuple 'EXIT c r st)
       (error-info s c r st (++ queue (mref s 'queue)))
       (erlang:raise c r st))
      (_
       (case (tuple class reason)
         ((tuple 'exit 'normal) 'ok)
         ((tuple 'exit 'shutdown) 'ok)
         ((tuple 'exit (tuple 'shutdown _)) 'ok)
         (_ (error-info s class reason stack (++ queue (mref s 'queue)))))
       (case stack
         (() (case class
               ('exit (exit reason))
               ('error (error reason))
               ('throw (throw reason))))
         (_ (erlang:raise class reason stack)))))))

(defun client-info
  (((cons (tuple (tuple 'call (tuple pid _)) _) _)) (when (is_pid pid)) (gen:client_info pid))
  ((_) 'undefined))

(defun error-info (s class reason stack queue)
  (logger:log 'error
              (map 'label (tuple 'gen_statem 'terminate)
                   'name (mref s 'name)
                   'queue queue
                   'postponed (mref s 'postponed)
                   'modules (list (mref s 'mod))
                   'callback_mode (if (mref s 'enter) (list (mref s 'mode) 'state_enter) (mref s 'mode))
                   'state_enter (mref s 'enter)
                   'state (tuple (mref s 'state) (mref s 'data))
                   'timeouts (tuple (maps:size (mref s 'timers)) ())
                   'log ()
                   'reason (tuple class reason stack)
                   'client_info (client-info queue))
              (map 'domain '(otp) 'error_logger (map 'tag 'error))))

;; The system message protocol's callbacks.
(defun system_continue (_parent debug s) (loop (mset s 'debug debug)))
(defun system_terminate (reason _parent debug s)
  (terminate (mset s 'debug debug) 'exit reason () ()))
(defun system_get_state (s) (tuple 'ok (tuple (mref s 'state) (mref s 'data))))
(defun system_replace_state (f s)
  (let (((= (tuple state data) new) (funcall f (tuple (mref s 'state) (mref s 'data)))))
    (tuple 'ok new (mset s 'state state 'data data))))
(defun system_code_change (s _module old-vsn extra)
  (let ((mod (mref s 'mod)))
    (case (if (erlang:function_exported mod 'code_change 4)
            (catch (call mod 'code_change old-vsn (mref s 'state) (mref s 'data) extra))
            (tuple 'ok (mref s 'state) (mref s 'data)))
      ((tuple 'ok state data) (tuple 'ok (mset s 'state state 'data data)))
      (else else))))

(defun format_status
  ((opt (list pdict sys-state parent debug s))
   (let ((header (gen:format_status_header "Status for state machine" (mref s 'name))))
     (list (tuple 'header header)
           (tuple 'data (list (tuple "Status" sys-state) (tuple "Parent" parent)
                              (tuple "Modules" (list (mref s 'mod)))
                              (tuple "Time-outs" (tuple (maps:size (mref s 'timers)) ()))
                              (tuple "Logged Events" ())
                              (tuple "Postponed" (mref s 'postponed))))
           (tuple 'data (list (tuple "State" (tuple (mref s 'state) (mref s 'data)))))))))
