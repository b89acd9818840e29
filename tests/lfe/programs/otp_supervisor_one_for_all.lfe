;; A one_for_all supervisor: a child that dies takes its siblings down (the last
;; started first) and all start again in order; a transient child's normal stop
;; and a temporary child's exit restart nothing; terminate_child touches one
;; child; a child that fails to start in init makes start_link fail (with the
;; start_error report); and auto_shutdown with a significant child.
;;
;; The workers tell the program when they start and stop ("event" lines); the
;; program prints those after a call to the supervisor and after
;; logger_std_h:filesync/1, so that everything printed comes in one order.
(defmodule otp_supervisor_one_for_all
  (behaviour supervisor)
  (export (main 0) (init 1) (start-worker 2) (start-failing 0)))

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

(defun end-child (sup id how)
  (let* ((pid (child-pid sup id))
         (ref (monitor 'process pid)))
    (case how
      ((tuple 'exit reason) (exit pid reason))
      ((tuple 'stop reason) (gen_server:cast pid (tuple 'stop reason))))
    (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
    (let ((after (children sup)))
      (settle)
      (events)
      (show (list_to_atom (++ "after-" (atom_to_list id))) after))))

(defun spec (id owner restart)
  (map 'id id 'start (tuple 'otp_supervisor_one_for_all 'start-worker (list id owner))
       'restart restart))

(defun init
  (((tuple 'main owner))
   (tuple 'ok (tuple (map 'strategy 'one_for_all 'intensity 10 'period 60)
                     (list (spec 'a owner 'permanent)
                           (spec 'b owner 'permanent)
                           (spec 'c owner 'transient)
                           (spec 'd owner 'temporary)))))
  (((tuple 'failing owner))
   (tuple 'ok (tuple (map 'strategy 'one_for_all)
                     (list (spec 'a owner 'permanent)
                           (map 'id 'bad 'start #(otp_supervisor_one_for_all start-failing ()))
                           (spec 'c owner 'permanent)))))
  (((tuple 'auto owner))
   (tuple 'ok (tuple (map 'strategy 'one_for_all 'auto_shutdown 'any_significant)
                     (list (spec 'a owner 'permanent)
                           (mset (spec 's owner 'transient) 'significant 'true))))))

(defun start-worker (id owner)
  (gen_server:start_link 'otp_sup_all_worker (tuple id owner) ()))

(defun start-failing () (tuple 'error 'out-of-luck))

(defun main ()
  (process_flag 'trap_exit 'true)
  (let* ((me (self))
         ((tuple 'ok sup) (supervisor:start_link #(local otp_sup_all) 'otp_supervisor_one_for_all
                                                 (tuple 'main me))))
    (events)
    (show 'which-children (children sup))
    ;; b dies: d, c and a are stopped, then a, b and c start again (d is temporary).
    (end-child sup 'b #(exit kill))
    (show 'count-children (supervisor:count_children sup))
    ;; A permanent child stopping with shutdown restarts them all too.
    (end-child sup 'a #(stop shutdown))
    ;; c is transient: a normal stop ends only c.
    (end-child sup 'c #(stop normal))
    (show 'restart-c (element 1 (supervisor:restart_child sup 'c)))
    (events)
    ;; terminate_child stops one child only.
    (show 'terminate-b (supervisor:terminate_child sup 'b))
    (events)
    (show 'which-children (children sup))
    (show 'restart-b (element 1 (supervisor:restart_child sup 'b)))
    (events)
    ;; A temporary child added later, killed: the others stay.
    (supervisor:start_child sup (spec 'e me 'temporary))
    (events)
    (end-child sup 'e #(exit kill))
    (show 'stop (gen_server:stop sup))
    (events)
    (show 'supervisor-exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                             (after 1000 'no-exit))))
  ;; A child that cannot start: the ones started before it are stopped again.
  (let ((r (supervisor:start_link 'otp_supervisor_one_for_all (tuple 'failing (self)))))
    (let ((exit (receive ((tuple 'EXIT _ reason) reason) (after 1000 'no-exit))))
      (settle)
      (events)
      (show 'failing-start r)
      (show 'failing-exit exit)))
  ;; auto_shutdown: when the significant child s ends normally, the supervisor ends.
  (let (((tuple 'ok sup) (supervisor:start_link 'otp_supervisor_one_for_all (tuple 'auto (self)))))
    (events)
    (let ((s (child-pid sup 's)))
      (gen_server:cast s #(stop normal))
      (let ((exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                    (after 1000 'no-exit))))
        (settle)
        (events)
        (show 'auto-shutdown-exit exit))))
  (process_flag 'trap_exit 'false)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

(defmodule otp_sup_all_worker
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun init
  (((tuple id owner))
   (process_flag 'trap_exit 'true)
   (! owner (tuple 'event 'start id))
   (tuple 'ok (tuple id owner))))

(defun handle_call (_ _ s) (tuple 'reply 'ok s))

(defun handle_cast (((tuple 'stop reason) s) (tuple 'stop reason s)))

(defun terminate
  ((reason (tuple id owner))
   (! owner (tuple 'event 'stop id reason))
   'ok))
