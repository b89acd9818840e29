;; A simple_one_for_one supervisor: one child spec as a template, children
;; started with start_child and extra arguments, which_children (no ids),
;; count_children, get_childspec, terminate_child by pid, what delete_child and
;; restart_child answer, a permanent template's child restarted after a kill
;; (with its arguments), a temporary template's children gone after any exit,
;; start functions answering ignore or an error, and the supervisor's stop.
;; The children of a simple_one_for_one supervisor stop all at once, so the
;; events of their stop are printed sorted.
(defmodule otp_supervisor_simple
  (behaviour supervisor)
  (export (main 0) (init 1) (start-worker 3)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun take-events (acc)
  (receive
    ((tuple 'event what id) (take-events (cons (tuple what id) acc)))
    ((tuple 'event what id reason) (take-events (cons (tuple what id reason) acc)))
    (after 0 (lists:reverse acc))))

(defun events ()
  (lists:foreach (lambda (e) (lfe_io:format "  event ~p~n" (list e))) (take-events ())))

(defun sorted-events ()
  (lists:foreach (lambda (e) (lfe_io:format "  event ~p~n" (list e)))
                 (lists:sort (take-events ()))))

(defun children (sup)
  (lists:map (match-lambda
               (((tuple id child type mods))
                (tuple id (if (is_pid child) 'pid child) type mods)))
             (supervisor:which_children sup)))

(defun init
  (((tuple restart owner))
   (tuple 'ok (tuple #M(strategy simple_one_for_one intensity 10 period 60)
                     (list (map 'id 'ignored-id
                                'start (tuple 'otp_supervisor_simple 'start-worker (list owner))
                                'restart restart
                                'modules '(otp_sup_simple_worker)))))))

;; The template's arguments come first, then those given to start_child.
(defun start-worker
  ((_owner 'ignore _) 'ignore)
  ((_owner 'error why) (tuple 'error why))
  ((owner id extra)
   (gen_server:start_link 'otp_sup_simple_worker (tuple id extra owner) ())))

(defun main ()
  (process_flag 'trap_exit 'true)
  (let* ((me (self))
         ((tuple 'ok sup) (supervisor:start_link #(local otp_sup_simple) 'otp_supervisor_simple
                                                 (tuple 'permanent me))))
    (show 'no-children (supervisor:which_children sup))
    (show 'count-empty (supervisor:count_children sup))
    (let* (((tuple 'ok p1) (supervisor:start_child sup '(one 1)))
           ((tuple 'ok p2) (supervisor:start_child 'otp_sup_simple '(two 2)))
           ((tuple 'ok p3) (supervisor:start_child sup '(three 3))))
      (events)
      (show 'which-children (children sup))
      (show 'count-children (supervisor:count_children sup))
      (show 'child-args (list (gen_server:call p1 'args) (gen_server:call p2 'args)))
      (show 'childspec (supervisor:get_childspec sup 'ignored-id))
      (show 'childspec-by-pid (supervisor:get_childspec sup p1))
      ;; Start functions answering ignore or an error.
      (show 'start-ignore (supervisor:start_child sup '(ignore x)))
      (show 'start-error (supervisor:start_child sup '(error no-room)))
      (show 'count-children (supervisor:count_children sup))
      ;; The wrong number of extra arguments.
      (let (((tuple 'error (tuple 'EXIT (tuple reason (cons frame _))))
             (supervisor:start_child sup '(too many extra args))))
        (show 'start-bad-arity reason)
        (show 'start-bad-arity-frame frame))
      ;; restart_child and delete_child have no meaning here.
      (show 'restart-child (supervisor:restart_child sup p1))
      (show 'delete-child (supervisor:delete_child sup p1))
      ;; terminate_child takes a pid.
      (show 'terminate-by-id (supervisor:terminate_child sup 'ignored-id))
      (show 'terminate-p2 (supervisor:terminate_child sup p2))
      (events)
      (show 'terminate-p2-again (supervisor:terminate_child sup p2))
      (show 'count-children (supervisor:count_children sup))
      ;; A killed child is started again with the same arguments.
      (let ((ref (monitor 'process p3)))
        (exit p3 'kill)
        (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
        (let ((after (children sup)))
          (settle)
          (events)
          (show 'after-kill after)
          (let ((new (lists:filter (lambda (p) (not (== p p1)))
                                   (lists:map (lambda (c) (element 2 c))
                                              (supervisor:which_children sup)))))
            (show 'restarted-args (gen_server:call (hd new) 'args))))))
    (show 'stop (gen_server:stop sup))
    (sorted-events)
    (show 'supervisor-exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                             (after 1000 'no-exit))))
  ;; A temporary template: an exit of any kind removes the child.
  (let* ((me (self))
         ((tuple 'ok sup) (supervisor:start_link 'otp_supervisor_simple (tuple 'temporary me)))
         ((tuple 'ok p1) (supervisor:start_child sup '(t1 a)))
         ((tuple 'ok p2) (supervisor:start_child sup '(t2 b))))
    (events)
    (let ((ref (monitor 'process p1)))
      (exit p1 'kill)
      (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok)))
    (let ((ref (monitor 'process p2)))
      (gen_server:cast p2 'stop-normal)
      (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok)))
    (let ((after (supervisor:which_children sup)))
      (settle)
      (events)
      (show 'temporary-after after))
    (show 'count-children (supervisor:count_children sup))
    (show 'stop (gen_server:stop sup))
    (show 'supervisor-exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                             (after 1000 'no-exit))))
  (process_flag 'trap_exit 'false)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

(defmodule otp_sup_simple_worker
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun init
  (((tuple id extra owner))
   (process_flag 'trap_exit 'true)
   (! owner (tuple 'event 'start id))
   (tuple 'ok (tuple id extra owner))))

(defun handle_call (('args _ (= (tuple id extra _) s)) (tuple 'reply (tuple id extra) s)))

(defun handle_cast (('stop-normal s) (tuple 'stop 'normal s)))

(defun terminate
  ((reason (tuple id _ owner))
   (! owner (tuple 'event 'stop id reason))
   'ok))
