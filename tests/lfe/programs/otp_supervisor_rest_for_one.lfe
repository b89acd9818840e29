;; A rest_for_one supervisor with a supervisor among its children: a child that
;; dies takes down the ones started after it (the last first) and they start
;; again in order; the last child dies alone; the inner supervisor restarts its
;; own child without the outer one noticing; when the inner one gives up (too many restarts) the outer one starts
;; it and the rest again; count_children counts supervisors apart; and the order
;; of stopping.
;;
;; The workers tell the program when they start and stop ("event" lines); the
;; program prints those after a call to the supervisor and after
;; logger_std_h:filesync/1, so that everything printed comes in one order.
(defmodule otp_supervisor_rest_for_one
  (behaviour supervisor)
  (export (main 0) (init 1) (start-worker 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun events ()
  (receive
    ((tuple 'event what id) (lfe_io:format "  event ~p ~p~n" (list what id)) (events))
    ((tuple 'event what id reason)
     (lfe_io:format "  event ~p ~p ~p~n" (list what id reason))
     (events))
    (after 0 'ok)))

(defun children (sup)
  (lists:map (match-lambda
               (((tuple id child type mods))
                (tuple id (if (is_pid child) 'pid child) type mods)))
             (supervisor:which_children sup)))

(defun child-pid (sup id)
  (case (lists:keyfind id 1 (supervisor:which_children sup))
    ((tuple _ child _ _) child)
    ('false 'no-child)))

;; Kills a child of sup and waits until it is gone and the top supervisor has seen it.
(defun kill-child (top sup id)
  (let* ((pid (child-pid sup id))
         (ref (monitor 'process pid)))
    (exit pid 'kill)
    (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
    (let* ((inner (children (child-pid top 'inner)))
           (outer (children top)))
      (settle)
      (events)
      (show 'outer outer)
      (show 'inner inner))))

(defun worker (id owner)
  (tuple id (tuple 'otp_supervisor_rest_for_one 'start-worker (list id owner))
         'permanent 5000 'worker '(otp_sup_rest_worker)))

(defun init
  (((tuple 'outer owner))
   (tuple 'ok (tuple #(rest_for_one 10 60)
                     (list (worker 'a owner)
                           (map 'id 'inner
                                'start (tuple 'supervisor 'start_link
                                              (list 'otp_supervisor_rest_for_one
                                                    (tuple 'inner owner)))
                                'type 'supervisor)
                           (worker 'b owner)
                           (worker 'c owner)))))
  (((tuple 'inner owner))
   (tuple 'ok (tuple #M(strategy one_for_one intensity 1 period 60)
                     (list (worker 'x owner) (worker 'y owner))))))

(defun start-worker (id owner)
  (gen_server:start_link 'otp_sup_rest_worker (tuple id owner) ()))

(defun main ()
  (process_flag 'trap_exit 'true)
  (let* ((me (self))
         ((tuple 'ok top) (supervisor:start_link #(local otp_sup_rest) 'otp_supervisor_rest_for_one
                                                 (tuple 'outer me))))
    (events)
    (show 'which-children (children top))
    (show 'count-children (supervisor:count_children top))
    (show 'inner-count-children (supervisor:count_children (child-pid top 'inner)))
    (show 'inner-childspec (supervisor:get_childspec top 'inner))
    ;; a dies: c, b and the inner supervisor (with y and x) stop, then all start again.
    (kill-child top top 'a)
    ;; b dies: c stops, b and c start again.
    (kill-child top top 'b)
    ;; c is the last: it dies alone.
    (kill-child top top 'c)
    ;; A child of the inner supervisor: only the inner one restarts it.
    (kill-child top (child-pid top 'inner) 'x)
    ;; Again: too many restarts for the inner supervisor, which stops y and ends
    ;; with shutdown; the outer one starts it, and b and c after it, again.
    (let* ((inner (child-pid top 'inner))
           (inner-ref (monitor 'process inner))
           (x (child-pid inner 'x))
           (ref (monitor 'process x)))
      (exit x 'kill)
      (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
      (receive ((tuple 'DOWN r _ _ _) (when (== r inner-ref)) 'ok))
      (let* ((outer (children top))
             (new-inner (child-pid top 'inner))
             (inner-children (children new-inner)))
        (settle)
        (events)
        (show 'outer outer)
        (show 'inner inner-children)
        (show 'inner-is-new (=/= new-inner inner))))
    (show 'stop (gen_server:stop top))
    (events)
    (show 'supervisor-exit (receive ((tuple 'EXIT p reason) (when (== p top)) reason)
                             (after 1000 'no-exit))))
  (process_flag 'trap_exit 'false)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

(defmodule otp_sup_rest_worker
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun init
  (((tuple id owner))
   (process_flag 'trap_exit 'true)
   (! owner (tuple 'event 'start id))
   (tuple 'ok (tuple id owner))))

(defun handle_call (_ _ s) (tuple 'reply 'ok s))

(defun handle_cast (_ s) (tuple 'noreply s))

(defun terminate
  ((reason (tuple id owner))
   (! owner (tuple 'event 'stop id reason))
   'ok))
