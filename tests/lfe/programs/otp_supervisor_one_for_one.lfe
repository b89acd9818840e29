;; A one_for_one supervisor: child specs as maps and as tuples, which_children,
;; count_children, get_childspec, restarts of permanent, transient and temporary
;; children after kill, normal, shutdown and other exits (with the supervisor
;; reports the default handler prints), start_child, terminate_child,
;; restart_child and delete_child with their errors, children whose start
;; function answers ignore or an error, invalid child specs, check_childspecs,
;; and the order children stop in when the supervisor stops.
;;
;; The workers tell the program when they start and stop ("event" lines); the
;; program prints those after a call to the supervisor and after
;; logger_std_h:filesync/1, so that everything printed comes in one order.
(defmodule otp_supervisor_one_for_one
  (behaviour supervisor)
  (export (main 0) (init 1)
          (start-worker 3) (start-ignore 0) (start-error 0) (start-crash 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun events ()
  (receive
    ((tuple 'event what id) (lfe_io:format "  event ~p ~p~n" (list what id)) (events))
    ((tuple 'event what id reason)
     (lfe_io:format "  event ~p ~p ~p~n" (list what id reason))
     (events))
    (after 0 'ok)))

;; which_children with each pid shown as the atom pid.
(defun children (sup)
  (lists:map (match-lambda
               (((tuple id child type mods))
                (tuple id (if (is_pid child) 'pid child) type mods)))
             (supervisor:which_children sup)))

(defun child-pid (sup id)
  (case (lists:keyfind id 1 (supervisor:which_children sup))
    ((tuple _ child _ _) child)
    ('false 'no-child)))

;; Kills (or exits) a child and waits until it is gone and the supervisor has seen it.
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
      (show (list_to_atom (++ "after-" (atom_to_list id))) after)
      (show 'restarted-with-new-pid (let ((new (child-pid sup id)))
                                      (andalso (is_pid new) (=/= new pid)))))))

(defun init
  (((tuple 'main owner))
   (tuple 'ok (tuple (map 'strategy 'one_for_one 'intensity 10 'period 10)
                     (list (map 'id 'a 'start (tuple 'otp_supervisor_one_for_one 'start-worker
                                                     (list 'a owner 'trap)))
                           (tuple 'b (tuple 'otp_supervisor_one_for_one 'start-worker
                                            (list 'b owner 'trap))
                                  'transient 1000 'worker '(otp_sup_one_worker))
                           (map 'id 'c 'start (tuple 'otp_supervisor_one_for_one 'start-worker
                                                     (list 'c owner 'no-trap))
                                'restart 'temporary 'shutdown 'brutal_kill)))))
  (((tuple 'fragile owner))
   (tuple 'ok (tuple #(one_for_one 1 60)
                     (list (map 'id 'f 'start (tuple 'otp_supervisor_one_for_one 'start-worker
                                                     (list 'f owner 'trap))))))))

(defun start-worker (id owner trap)
  (gen_server:start_link 'otp_sup_one_worker (tuple id owner trap) ()))

(defun start-ignore () 'ignore)

(defun start-error () (tuple 'error 'no-resources))

(defun start-crash () (error 'start-crashed))

(defun main ()
  (process_flag 'trap_exit 'true)
  (let* ((me (self))
         ((tuple 'ok sup) (supervisor:start_link #(local otp_sup_one) 'otp_supervisor_one_for_one
                                                 (tuple 'main me))))
    (events)
    (show 'registered (== (whereis 'otp_sup_one) sup))
    (show 'which-children (children sup))
    (show 'count-children (supervisor:count_children sup))
    (show 'childspec-a (supervisor:get_childspec sup 'a))
    (show 'childspec-b (supervisor:get_childspec 'otp_sup_one 'b))
    (show 'childspec-missing (supervisor:get_childspec sup 'zz))
    (show 'callback-module (supervisor:get_callback_module sup))
    ;; A permanent child killed is restarted.
    (end-child sup 'a #(exit kill))
    ;; A transient child: a normal or {shutdown,_} stop is final, a kill is not.
    (end-child sup 'b #(stop normal))
    (show 'restart-b (element 1 (supervisor:restart_child sup 'b)))
    (events)
    (end-child sup 'b #(stop #(shutdown done)))
    (show 'restart-b (element 1 (supervisor:restart_child sup 'b)))
    (events)
    (end-child sup 'b #(exit kill))
    ;; A permanent child stopping normally is restarted too.
    (end-child sup 'a #(stop normal))
    ;; A temporary child is not restarted, and its spec is gone.
    (end-child sup 'c #(exit boom))
    (show 'childspec-c (supervisor:get_childspec sup 'c))
    (show 'count-children (supervisor:count_children sup))
    ;; start_child with a map spec and with a tuple spec.
    (let (((tuple 'ok d) (supervisor:start_child sup (map 'id 'd 'start
                                                          (tuple 'otp_supervisor_one_for_one
                                                                 'start-worker (list 'd me 'trap))
                                                          'shutdown 2000))))
      (events)
      (show 'start-child-d (is_pid d))
      (show 'start-child-again (== (supervisor:start_child
                                    sup (map 'id 'd 'start (tuple 'otp_supervisor_one_for_one
                                                                  'start-worker (list 'd me 'trap))))
                                   (tuple 'error (tuple 'already_started d)))))
    (let (((tuple 'ok e) (supervisor:start_child
                          sup (tuple 'e (tuple 'otp_supervisor_one_for_one 'start-worker
                                               (list 'e me 'trap))
                                     'permanent 'infinity 'worker 'dynamic))))
      (events)
      (show 'start-child-e (is_pid e)))
    (show 'which-children (children sup))
    ;; terminate_child, restart_child, delete_child.
    (show 'terminate-d (supervisor:terminate_child sup 'd))
    (events)
    (show 'd-after-terminate (lists:keyfind 'd 1 (children sup)))
    (show 'start-child-present
          (supervisor:start_child sup (map 'id 'd 'start
                                           (tuple 'otp_supervisor_one_for_one 'start-worker
                                                  (list 'd me 'trap)))))
    (show 'restart-d (element 1 (supervisor:restart_child sup 'd)))
    (events)
    (show 'restart-running (supervisor:restart_child sup 'd))
    (show 'delete-running (supervisor:delete_child sup 'd))
    (show 'terminate-d (supervisor:terminate_child sup 'd))
    (events)
    (show 'terminate-again (supervisor:terminate_child sup 'd))
    (show 'delete-d (supervisor:delete_child sup 'd))
    (show 'delete-again (supervisor:delete_child sup 'd))
    (show 'restart-missing (supervisor:restart_child sup 'd))
    (show 'terminate-missing (supervisor:terminate_child sup 'd))
    (show 'terminate-by-pid (supervisor:terminate_child sup (child-pid sup 'e)))
    (events)
    ;; Start functions that answer ignore or an error, or crash.
    (show 'start-ignore (supervisor:start_child
                         sup #M(id i start #(otp_supervisor_one_for_one start-ignore ()))))
    (show 'ignored-child (lists:keyfind 'i 1 (children sup)))
    (show 'start-error (supervisor:start_child
                        sup #M(id x start #(otp_supervisor_one_for_one start-error ()))))
    (let (((tuple 'error (tuple (tuple 'EXIT (tuple reason stack)) child))
           (supervisor:start_child sup #M(id y start #(otp_supervisor_one_for_one start-crash ())))))
      (show 'start-crash-reason reason)
      (show 'start-crash-first-frame (hd stack))
      (show 'start-crash-child child))
    (show 'no-x-or-y (list (lists:keyfind 'x 1 (children sup)) (lists:keyfind 'y 1 (children sup))))
    ;; Child specs start_child refuses.
    (lists:foreach
     (lambda (spec) (show 'invalid (supervisor:start_child sup spec)))
     (list #M(id z)
           #M(start #(m f ()))
           #M(id z start #(m f ()) restart sometimes)
           #M(id z start #(m f ()) shutdown -1)
           #M(id z start #(m f ()) type thing)
           #M(id z start #(m f ()) modules 7)
           #M(id z start foo)
           #M(id z start #(m f ()) significant maybe)
           #(z #(m f ()))
           #(z #(m f ()) permanent 5000 worker (m) extra)
           #(z #(m f ()) often 5000 worker (m))
           'not-a-spec))
    ;; check_childspecs
    (show 'check-good (supervisor:check_childspecs
                       (list #M(id z start #(m f ()))
                             #(y #(m f (1 2)) transient brutal_kill supervisor dynamic))))
    (show 'check-empty (supervisor:check_childspecs ()))
    (show 'check-duplicate (supervisor:check_childspecs
                            (list #M(id z start #(m f ())) #M(id z start #(m g ())))))
    (show 'check-missing-id (supervisor:check_childspecs (list #M(start #(m f ())))))
    (show 'check-bad-shutdown (supervisor:check_childspecs (list #M(id z start #(m f ()) shutdown soon))))
    (show 'check-not-list (supervisor:check_childspecs 'nope))
    (show 'count-children (supervisor:count_children sup))
    ;; Stopping the supervisor stops its children, last started first.
    (show 'which-children (children sup))
    (show 'stop (gen_server:stop sup))
    (events)
    (show 'supervisor-exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                             (after 1000 'no-exit))))
  ;; Too many restarts: intensity 1 in 60 s, the second restart ends the supervisor.
  (let* ((me (self))
         ((tuple 'ok sup) (supervisor:start_link 'otp_supervisor_one_for_one (tuple 'fragile me))))
    (events)
    (end-child sup 'f #(exit kill))
    (let* ((pid (child-pid sup 'f))
           (ref (monitor 'process pid)))
      (exit pid 'kill)
      (receive ((tuple 'DOWN r _ _ _) (when (== r ref)) 'ok))
      (let ((exit (receive ((tuple 'EXIT p reason) (when (== p sup)) reason)
                    (after 1000 'no-exit))))
        (settle)
        (events)
        (show 'fragile-exit exit)
        (show 'fragile-alive (is_process_alive sup)))))
  (process_flag 'trap_exit 'false)
  (show 'messages-left (element 2 (process_info (self) 'message_queue_len))))

;; The worker: a gen_server that reports its start and stop to the owner.
(defmodule otp_sup_one_worker
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun init
  (((tuple id owner trap))
   (if (== trap 'trap) (process_flag 'trap_exit 'true) 'ok)
   (! owner (tuple 'event 'start id))
   (tuple 'ok (tuple id owner))))

(defun handle_call (_ _ s) (tuple 'reply 'ok s))

(defun handle_cast (((tuple 'stop reason) s) (tuple 'stop reason s)))

(defun terminate
  ((reason (tuple id owner))
   (! owner (tuple 'event 'stop id reason))
   'ok))
