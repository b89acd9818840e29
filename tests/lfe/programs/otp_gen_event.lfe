;; gen_event: start with and without a name, add_handler (plain and with an id),
;; add_sup_handler and the gen_event_EXIT messages, notify and sync_notify, call,
;; handle_info, which_handlers, delete_handler (and what terminate answers),
;; swap_handler, a handler's init failing, a handler removing itself, a handler
;; that crashes (removed, with the error report the default handler prints; its
;; stack trace is kept to this file's frames by a logger filter, as in
;; otp_gen_server_crash), and stop.
(defmodule otp_gen_event
  (export (main 0) (steady 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(gen_event terminate) 'reason reason) r))
     (mset event 'msg (tuple 'report (mset r 'reason (steady-reason reason)))))
    (_ event)))

(defun steady-reason
  (((tuple 'EXIT reason)) (tuple 'EXIT (steady-reason reason)))
  (((tuple reason stack)) (when (is_list stack))
   (if (stack-p stack) (tuple (steady-reason reason) (own-frames stack)) (tuple reason stack)))
  ((other) other))

(defun stack-p
  ((()) 'false)
  ((frames) (lists:all (match-lambda (((tuple m _ _ l)) (andalso (is_atom m) (is_list l)))
                                     ((_) 'false))
                       frames)))

(defun own-frames (stack)
  (lists:filter (lambda (frame) (lists:member (element 1 frame)
                                              '(otp_gen_event otp_ev_log otp_ev_crashy)))
                stack))

(defun exit-messages ()
  (receive
    ((tuple 'gen_event_EXIT handler reason)
     (lfe_io:format "gen_event_EXIT ~p ~p~n" (list handler (steady-reason reason)))
     (exit-messages))
    (after 0 'ok)))

(defun main ()
  (logger:add_primary_filter 'steady (tuple (fun otp_gen_event steady 2) 'none))
  (let (((tuple 'ok em) (gen_event:start #(local otp_events))))
    (show 'registered (== (whereis 'otp_events) em))
    (show 'no-handlers (gen_event:which_handlers em))
    (show 'add (gen_event:add_handler 'otp_events 'otp_ev_log 'first))
    (show 'add-with-id (gen_event:add_handler em #(otp_ev_log second) 'second))
    (show 'add-again (gen_event:add_handler em 'otp_ev_log 'again))
    (show 'add-failing (gen_event:add_handler em #(otp_ev_log bad) 'fail))
    (show 'add-crashing-init (steady-reason (gen_event:add_handler em #(otp_ev_log worse) 'crash)))
    (show 'add-missing-module (element 1 (gen_event:add_handler em 'otp_no_such_handler ())))
    (show 'which-handlers (gen_event:which_handlers em))
    (show 'notify (gen_event:notify em 'hello))
    (show 'sync-notify (gen_event:sync_notify em #(number 42)))
    (! em 'an-info)
    (show 'call (gen_event:call em 'otp_ev_log 'seen))
    (show 'call-with-id (gen_event:call em #(otp_ev_log second) 'seen 1000))
    (show 'call-missing (gen_event:call em 'otp_ev_crashy 'seen))
    ;; A handler that removes itself on an event.
    (gen_event:sync_notify em #(leave second))
    (show 'after-leave (gen_event:which_handlers em))
    ;; A handler whose call answers remove_handler.
    (show 'add-third (gen_event:add_handler em #(otp_ev_log third) 'third))
    (show 'call-remove (gen_event:call em #(otp_ev_log third) 'go-away))
    (show 'after-call-remove (gen_event:which_handlers em))
    ;; delete_handler answers what terminate answered.
    (show 'add-fourth (gen_event:add_handler em #(otp_ev_log fourth) 'fourth))
    (show 'delete (gen_event:delete_handler em #(otp_ev_log fourth) 'because))
    (show 'delete-missing (gen_event:delete_handler em #(otp_ev_log fourth) 'because))
    ;; swap_handler: the old handler's terminate result goes to the new one's init.
    (show 'swap (gen_event:swap_handler em #(otp_ev_log swap-out) #(otp_ev_crashy swapped-in)))
    (show 'after-swap (gen_event:which_handlers em))
    (show 'swapped-state (gen_event:call em 'otp_ev_crashy 'state))
    ;; A supervised handler: its removal is told to the process that added it.
    (show 'add-sup (gen_event:add_sup_handler em #(otp_ev_log supervised) 'supervised))
    (show 'delete-sup (gen_event:delete_handler em #(otp_ev_log supervised) 'done))
    (exit-messages)
    (show 'add-sup (gen_event:add_sup_handler em #(otp_ev_log supervised) 'supervised))
    (gen_event:sync_notify em #(leave supervised))
    (exit-messages)
    ;; A handler that crashes is removed; the others carry on.
    (show 'add-sup-crashy (gen_event:add_sup_handler em #(otp_ev_crashy sup) 'sup))
    (gen_event:sync_notify em 'crash)
    (settle)
    (exit-messages)
    (show 'after-crash (gen_event:which_handlers em))
    (show 'log-still-there (gen_event:call em 'otp_ev_log 'seen))
    ;; Stopping the manager: terminate with stop, and shutdown to the sup handlers.
    (show 'add-sup (gen_event:add_sup_handler em #(otp_ev_log last) 'last))
    (show 'stop (gen_event:stop em))
    (exit-messages)
    (show 'alive (is_process_alive em))
    (show 'notify-stopped-pid (gen_event:notify em 'anyone))
    (show 'notify-stopped-name (try (gen_event:notify 'otp_events 'anyone)
                                 (catch ((tuple c r _) (tuple c r)))))
    (show 'call-stopped (try (gen_event:call 'otp_events 'otp_ev_log 'seen)
                          (catch ((tuple c r _) (tuple c r))))))
  ;; An unnamed manager, started linked.
  (let (((tuple 'ok em) (gen_event:start_link)))
    (gen_event:add_handler em 'otp_ev_log 'linked)
    (gen_event:notify em 'one)
    (show 'linked-seen (gen_event:call em 'otp_ev_log 'seen))
    (show 'stop (gen_event:stop em 'normal 1000)))
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

;; A handler that keeps the events it saw.
(defmodule otp_ev_log
  (behaviour gen_event)
  (export (init 1) (handle_event 2) (handle_call 2) (handle_info 2) (terminate 2)))

(defun init
  (('fail) (tuple 'error 'refused))
  (('crash) (error 'init-crashed))
  ((name) (tuple 'ok (tuple name ()))))

(defun handle_event
  (((tuple 'leave name) (tuple name _)) 'remove_handler)
  ((event (tuple name seen)) (tuple 'ok (tuple name (cons event seen)))))

(defun handle_call
  (('seen (= (tuple name seen) s)) (tuple 'ok (tuple name (lists:reverse seen)) s))
  (('go-away (tuple name _)) (tuple 'remove_handler (tuple name 'leaving))))

(defun handle_info ((msg (tuple name seen)) (tuple 'ok (tuple name (cons (tuple 'info msg) seen)))))

(defun terminate
  ((arg (tuple name _)) (tuple 'terminated name arg)))

;; A handler that crashes on the event crash.
(defmodule otp_ev_crashy
  (behaviour gen_event)
  (export (init 1) (handle_event 2) (handle_call 2) (terminate 2)))

(defun init
  (((tuple args old)) (tuple 'ok (tuple 'swapped args old)))
  ((args) (tuple 'ok args)))

(defun handle_event
  (('crash s) (error (tuple 'handler-crashed s)))
  ((_ s) (tuple 'ok s)))

(defun handle_call (('state s) (tuple 'ok s s)))

(defun terminate (arg _s) (tuple 'crashy-terminated arg))
