;; A gen_statem in state_functions mode: a door with a code lock. Buttons are
;; casts, the state is asked with calls, the door locks itself again after a
;; state_timeout, and it tells its owner. Covers start/start_link with and
;; without a name, call/2,3 with reply actions (a list, a single action, and
;; gen_statem:reply/2), next_state, keep_state, keep_state_and_data,
;; repeat_state_and_data, info events, sys:get_state and replace_state,
;; stop/1,3 with terminate/3, calls to a stopped machine, and a state function
;; that crashes (the "State machine ... terminating" report and the crash
;; report, kept steady by a logger filter as otp_gen_server_crash does: sizes
;; and reductions read 0 and stack traces keep only this file's frames).
(defmodule otp_gen_statem_functions
  (behaviour gen_statem)
  (export (main 0) (steady 2)
          (callback_mode 0) (init 1) (terminate 3)
          (locked 3) (open 3) (broken 3)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun caught (thunk)
  (try (funcall thunk)
    (catch ((tuple class reason _) (tuple class (steady-reason reason))))))

;; The logger filter, as in otp_gen_server_crash.
(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(proc_lib crash) 'report (list crasher linked)) r))
     (mset event 'msg (tuple 'report (mset r 'report (list (steady-crasher crasher) linked)))))
    ((tuple 'report (= (map 'label #(gen_statem terminate) 'reason (tuple class reason stack)) r))
     (mset event 'msg (tuple 'report (mset r 'reason (tuple class (steady-reason reason)
                                                            (own-frames stack))
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
   (tuple (steady-reason reason) (tuple m f args)))
  ((other) other))

(defun stack-p
  ((()) 'false)
  ((frames) (lists:all (match-lambda (((tuple m _ _ l)) (andalso (is_atom m) (is_list l)))
                                     ((_) 'false))
                       frames)))

(defun own-frames (stack)
  (lists:filter (lambda (frame) (== (element 1 frame) 'otp_gen_statem_functions)) stack))

(defun settle () (logger_std_h:filesync 'default))

;; The door. Data: the code, the buttons pressed so far, the owner, a count of opens.

(defun callback_mode () 'state_functions)

(defun init
  (((tuple code owner))
   (tuple 'ok 'locked (map 'code code 'pressed () 'owner owner 'opened 0)))
  (((tuple 'start-open code owner))
   (tuple 'ok 'open (map 'code code 'pressed () 'owner owner 'opened 0)
          (list (tuple 'state_timeout 20 'lock)))))

(defun locked
  (('cast (tuple 'button b) data)
   (let ((pressed (++ (mref data 'pressed) (list b))))
     (cond ((== pressed (mref data 'code))
            (tuple 'next_state 'open (mset data 'pressed () 'opened (+ 1 (mref data 'opened)))
                   (list (tuple 'state_timeout 30 'lock))))
           ((< (length pressed) (length (mref data 'code)))
            (tuple 'keep_state (mset data 'pressed pressed)))
           ('true (tuple 'keep_state (mset data 'pressed ()))))))
  (((tuple 'call from) 'state data)
   (tuple 'keep_state_and_data (list (tuple 'reply from (tuple 'locked (mref data 'pressed))))))
  (((tuple 'call from) 'opened data)
   (tuple 'keep_state data (tuple 'reply from (mref data 'opened))))
  (((tuple 'call from) 'deferred data)
   (gen_statem:reply from 'answered-early)
   'keep_state_and_data)
  (((tuple 'call from) 'again data)
   (tuple 'repeat_state_and_data (list (tuple 'reply from 'repeated))))
  (((tuple 'call from) 'break data)
   (tuple 'next_state 'broken data (list (tuple 'reply from 'breaking))))
  (((tuple 'call _from) 'never data) 'keep_state_and_data)
  (('info msg data)
   (! (mref data 'owner) (tuple 'door-got-info msg))
   'keep_state_and_data))

(defun open
  (('state_timeout 'lock data)
   (! (mref data 'owner) 'door-locked)
   (tuple 'next_state 'locked data))
  (('cast (tuple 'button _) _data) 'keep_state_and_data)
  (((tuple 'call from) 'state _data)
   (tuple 'keep_state_and_data (list (tuple 'reply from 'open)))))

(defun broken
  (((tuple 'call _from) 'kick data) (error (tuple 'door-fell-off (mref data 'opened)))))

(defun terminate (reason state data)
  (! (mref data 'owner) (tuple 'terminated (steady-reason reason) state))
  'ok)

(defun terminated ()
  (receive ((tuple 'terminated reason state) (tuple 'terminate reason state))
    (after 1000 'no-terminate)))

(defun press (door buttons)
  (lists:foreach (lambda (b) (gen_statem:cast door (tuple 'button b))) buttons))

(defun main ()
  (let* ((me (self))
         ((tuple 'ok door) (gen_statem:start_link #(local otp_door) 'otp_gen_statem_functions
                                                  (tuple '(1 2 3) me) ())))
    (show 'registered (== (whereis 'otp_door) door))
    (show 'state (gen_statem:call 'otp_door 'state))
    (press door '(1 2))
    (show 'state (gen_statem:call door 'state))
    (show 'sys-state (element 1 (sys:get_state door)))
    (press door '(3))
    (show 'state (gen_statem:call door 'state))
    (press door '(9 9 9))
    (show 'state-ignores-buttons (gen_statem:call door 'state 1000))
    (show 'relocked (receive ('door-locked 'door-locked) (after 1000 'still-open)))
    (show 'state (gen_statem:call door 'state))
    (press door '(1 2 4))
    (show 'wrong-code (gen_statem:call door 'state))
    (press door '(1 2 3))
    (show 'open-again (gen_statem:call door 'state))
    (receive ('door-locked 'ok) (after 1000 'still-open))
    (show 'opened (gen_statem:call door 'opened))
    (show 'deferred (gen_statem:call door 'deferred))
    (show 'repeat (gen_statem:call door 'again))
    (! door 'knock)
    (show 'info (receive ((tuple 'door-got-info m) m) (after 1000 'nothing)))
    (show 'replace-state (sys:replace_state door (match-lambda (((tuple 'locked d)) (tuple 'locked (mset d 'opened 10))))))
    (show 'opened (gen_statem:call door 'opened))
    (show 'call-timeout (caught (lambda () (gen_statem:call door 'never 30))))
    (show 'stop (gen_statem:stop door))
    (show 'terminate (terminated))
    (show 'call-stopped (caught (lambda () (gen_statem:call door 'state)))))
  ;; Started open: the state_timeout from init locks it.
  (let (((tuple 'ok door) (gen_statem:start 'otp_gen_statem_functions
                                            (tuple 'start-open '(7) (self)) ())))
    (show 'start-open (receive ('door-locked 'door-locked) (after 1000 'still-open)))
    (show 'stop3 (gen_statem:stop door 'shutdown 1000))
    (show 'terminate (terminated)))
  ;; A state function that crashes.
  (logger:add_primary_filter 'steady (tuple (fun otp_gen_statem_functions steady 2) 'none))
  (let* (((tuple 'ok door) (gen_statem:start #(local otp_door2) 'otp_gen_statem_functions
                                             (tuple '(5) (self)) ()))
         (ref (monitor 'process door)))
    (show 'break (gen_statem:call door 'break))
    (let* ((r (caught (lambda () (gen_statem:call door 'kick))))
           (down (receive ((tuple 'DOWN r _ _ reason) (when (== r ref)) reason)
                   (after 1000 'no-down)))
           (term (terminated)))
      (settle)
      (show 'kick r)
      (show 'terminate term)
      (show 'down (steady-reason down))))
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))
