;; A gen_statem in handle_event_function mode with state_enter: states that are
;; any term, enter calls (also after repeat_state), postponed casts and calls
;; retried after a state change, next_event with internal and cast events and
;; their order against the postponed ones, state_timeout (fired, and cancelled by
;; a state change), the event timeout (fired, and cancelled by an event),
;; generic {timeout,Name} timeouts (fired, cancelled, and updated), reply
;; actions (several in one list), send_request/receive_response, hibernate,
;; stop_and_reply, and the trace of what the machine saw in what order.
;; Timeouts are short, and the machine tells its owner when one fires, so the
;; program waits for that message rather than for a time.
(defmodule otp_gen_statem_events
  (behaviour gen_statem)
  (export (main 0) (callback_mode 0) (init 1) (handle_event 4) (terminate 3)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun callback_mode () (list 'handle_event_function 'state_enter))

(defun init (owner)
  (tuple 'ok 'idle (map 'owner owner 'trace ())))

(defun note (data x) (mset data 'trace (cons x (mref data 'trace))))

(defun tell (data x) (! (mref data 'owner) x))

;; Enter calls: every state change, and repeat_state.
(defun handle_event
  (('enter old new data)
   (tuple 'keep_state (note data (tuple 'enter old new))))
  ;; The trace is asked for in any state; it is emptied.
  (((tuple 'call from) 'trace _state data)
   (tuple 'keep_state (mset data 'trace ())
          (list (tuple 'reply from (lists:reverse (mref data 'trace))))))
  (((tuple 'call from) 'state state _data)
   (tuple 'keep_state_and_data (list (tuple 'reply from state))))
  ;; idle
  (('cast 'work 'idle data)
   (tuple 'next_state (tuple 'busy 1) (note data 'work)
          (list (tuple 'state_timeout 5000 'too-slow))))
  (('cast (tuple 'quick-job ms) 'idle data)
   (tuple 'next_state (tuple 'busy 2) (note data 'quick-job)
          (list (tuple 'state_timeout ms 'too-slow))))
  (('cast 'wait-for-something 'idle data)
   (tuple 'keep_state (note data 'waiting) (list (tuple 'timeout 20 'nothing-came))))
  (('cast 'wait-then-poke 'idle data)
   (tuple 'keep_state (note data 'waiting) (list (tuple 'timeout 5000 'nothing-came))))
  (('cast 'poke 'idle data) (tuple 'keep_state (note data 'poked)))
  (('timeout 'nothing-came 'idle data)
   (tell data 'event-timeout)
   (tuple 'keep_state (note data 'event-timeout)))
  (('cast (tuple 'alarm name ms) _state data)
   (tuple 'keep_state (note data (tuple 'set-alarm name))
          (list (tuple (tuple 'timeout name) ms (tuple 'alarm-content name)))))
  (('cast (tuple 'cancel-alarm name) _state data)
   (tuple 'keep_state (note data (tuple 'cancel-alarm name))
          (list (tuple (tuple 'timeout name) 'cancel))))
  (('cast (tuple 'update-alarm name content) _state data)
   (tuple 'keep_state (note data (tuple 'update-alarm name))
          (list (tuple (tuple 'timeout name) 'update content))))
  (((tuple 'timeout name) content _state data)
   (tell data (tuple 'alarm name))
   (tuple 'keep_state (note data (tuple 'alarm name content))))
  (('cast 'again state data)
   (tuple 'repeat_state (note data (tuple 'again state))))
  (('cast 'same-state state data)
   (tuple 'next_state state (note data (tuple 'same-state state))))
  (((tuple 'call from) 'sleep _state data)
   (tuple 'keep_state (note data 'sleep) (list (tuple 'reply from 'slept) 'hibernate)))
  ;; busy: extra work waits for idle
  (('cast (tuple 'extra x) (tuple 'busy _) data)
   (tuple 'keep_state (note data (tuple 'postponing x)) (list 'postpone)))
  (((tuple 'call _from) (tuple 'ask x) (tuple 'busy _) data)
   (tuple 'keep_state (note data (tuple 'postponing-call x)) (list 'postpone)))
  (('cast 'finish (tuple 'busy n) data)
   (tuple 'next_state 'idle (note data (tuple 'finish n))
          (list (tuple 'next_event 'internal 'cleanup)
                (tuple 'next_event 'cast 'inserted-cast))))
  (('state_timeout 'too-slow (tuple 'busy n) data)
   (tell data 'state-timeout)
   (tuple 'next_state 'idle (note data (tuple 'state-timeout n))))
  ;; idle again: the inserted and the postponed events
  (('internal 'cleanup 'idle data) (tuple 'keep_state (note data 'cleanup)))
  (('cast 'inserted-cast 'idle data) (tuple 'keep_state (note data 'inserted-cast)))
  (('cast (tuple 'extra x) 'idle data) (tuple 'keep_state (note data (tuple 'extra x))))
  (((tuple 'call from) (tuple 'ask x) 'idle data)
   (tuple 'keep_state (note data (tuple 'ask x)) (list (tuple 'reply from (tuple 'answer x)))))
  ;; several replies in one list of actions
  (((tuple 'call from) (tuple 'hold n) 'idle data)
   (let ((held (cons from (maps:get 'held data ()))))
     (if (== (length held) n)
       (tuple 'keep_state (maps:remove 'held (note data 'release))
              (lists:map (lambda (f) (tuple 'reply f 'released)) (lists:reverse held)))
       (tuple 'keep_state (mset (note data 'hold) 'held held)))))
  ;; info events
  (('info msg _state data) (tuple 'keep_state (note data (tuple 'info msg))))
  (((tuple 'call from) 'bye _state _data)
   (tuple 'stop_and_reply 'normal (list (tuple 'reply from 'goodbye)))))

(defun terminate (reason state data)
  (tell data (tuple 'terminated reason state))
  'ok)

(defun wait-for (msg)
  (receive (m (when (== m msg)) m) (after 2000 (tuple 'missing msg))))

(defun main ()
  (let (((tuple 'ok m) (gen_statem:start_link 'otp_gen_statem_events (self) ())))
    (show 'state (gen_statem:call m 'state))
    (show 'trace-after-init (gen_statem:call m 'trace))
    ;; Postponed casts and a postponed call, then finish: next_event first.
    (gen_statem:cast m 'work)
    (gen_statem:cast m #(extra a))
    (let ((req (gen_statem:send_request m #(ask q))))
      (gen_statem:cast m #(extra b))
      (show 'state (gen_statem:call m 'state))
      (gen_statem:cast m 'finish)
      (show 'postponed-call (gen_statem:receive_response req 1000)))
    (show 'trace (gen_statem:call m 'trace))
    ;; A state_timeout that fires, and one that a state change cancels.
    (gen_statem:cast m #(quick-job 20))
    (show 'state-timeout (wait-for 'state-timeout))
    (gen_statem:cast m 'work)
    (gen_statem:cast m 'finish)
    (show 'trace (gen_statem:call m 'trace))
    ;; The event timeout: fires when nothing comes, cancelled by any event.
    (gen_statem:cast m 'wait-for-something)
    (show 'event-timeout (wait-for 'event-timeout))
    (gen_statem:cast m 'wait-then-poke)
    (gen_statem:cast m 'poke)
    (show 'trace (gen_statem:call m 'trace))
    ;; Generic timeouts: one fires, one is cancelled, one is updated then fires.
    (gen_statem:cast m #(alarm one 20))
    (show 'alarm (wait-for #(alarm one)))
    (gen_statem:cast m #(alarm two 5000))
    (gen_statem:cast m #(cancel-alarm two))
    (gen_statem:cast m #(alarm three 30))
    (gen_statem:cast m #(update-alarm three new-content))
    (show 'alarm (wait-for #(alarm three)))
    (show 'trace (gen_statem:call m 'trace))
    ;; repeat_state runs the enter call again; next_state to the same state does not.
    (gen_statem:cast m 'again)
    (gen_statem:cast m 'same-state)
    (! m 'an-info)
    (show 'hibernate (gen_statem:call m 'sleep))
    (show 'trace (gen_statem:call m 'trace))
    ;; Three callers answered by one list of reply actions.
    (let* ((r1 (gen_statem:send_request m #(hold 3)))
           (r2 (gen_statem:send_request m #(hold 3)))
           (r3 (gen_statem:send_request m #(hold 3))))
      (show 'held (list (gen_statem:receive_response r1 1000)
                        (gen_statem:receive_response r2 1000)
                        (gen_statem:receive_response r3 1000))))
    (show 'trace (gen_statem:call m 'trace))
    (show 'sys-state (sys:get_state m))
    (show 'bye (gen_statem:call m 'bye))
    (show 'terminated (receive ((tuple 'terminated reason state) (tuple reason state))
                        (after 1000 'no-terminate))))
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))
