;; Global names: a name registered on one node is found from every node of the cluster.
;; Each node keeps the names registered on it (in a table that a keeper process owns, which
;; unregisters a name when its process ends); looking a name up asks this node, then each
;; connected node (a node of ours for its own names, a BEAM node its global). So
;; `gen_server:start_link #(global Name)` and calls to `#(global Name)` work across nodes.
;;
;; Locks (set_lock, del_lock, trans) are kept the same way: each node keeps the locks taken on
;; it, a lock on a set of nodes is taken on each in turn (and given back on all if one refuses,
;; to try again later), and a lock goes when the last process holding it ends. A BEAM node
;; keeps its locks by its own global's protocol, which this one does not speak: it takes no
;; part in a lock.
(defmodule global
  (export (register_name 2) (register_name 3) (re_register_name 2) (re_register_name 3)
          (unregister_name 1) (whereis_name 1) (send 2) (registered_names 0)
          (set_lock 1) (set_lock 2) (set_lock 3) (del_lock 1) (del_lock 2)
          (trans 2) (trans 3) (trans 4)
          (random_exit_name 3) (random_notify_name 3) (notify_all_name 3)
          (local_whereis 1) (local_names 0) (unregister_local 1) (local_lock 3) (local_unlock 3)
          (sync 0) (sync 1) (keeper 0)))

(defun locks () 'global_locks)

(defun table () 'global_names)

;; The table of this node's names, with its keeper started on first use.
(defun ensure ()
  (case (ets:info (table) 'size)
    ('undefined
     (let ((me (self)))
       (spawn (lambda ()
                (catch (ets:new (table) '(named_table public set)))
                (catch (ets:new (locks) '(named_table public set)))
                (! me 'global-ready)
                (keeper))))
     (receive ('global-ready 'ok) (after 1000 'ok)))
    (_ 'ok)))

;; Watches the processes with names here and forgets a name when its process ends.
(defun keeper ()
  (receive
    ((tuple 'watch pid) (erlang:monitor 'process pid) (keeper))
    ((tuple 'DOWN _ 'process pid _)
     (ets:match_delete (table) (tuple '_ pid))
     (lists:foreach (match-lambda (((tuple id req _)) (local_unlock id req pid)))
                    (ets:tab2list (locks)))
     (keeper))
    (_ (keeper))))

(defun register_name (name pid) (register_name name pid 'random_exit_name))
(defun register_name (name pid _resolve)
  (ensure)
  (cond ((not (is_pid pid)) (error 'badarg (list name pid)))
        ((/= (whereis_name name) 'undefined) 'no)
        ((/= (ets:match (table) (tuple '$1 pid)) ()) 'no)
        ('true
         (ets:insert (table) (tuple name pid))
         (watch pid)
         'yes)))

(defun re_register_name (name pid) (re_register_name name pid 'random_exit_name))
(defun re_register_name (name pid _resolve)
  (ensure)
  (unregister_name name)
  (ets:insert (table) (tuple name pid))
  (watch pid)
  'yes)

(defun watch (pid)
  (case (ets:info (table) 'owner)
    (keeper (when (is_pid keeper)) (! keeper (tuple 'watch pid)))
    (_ 'ok)))

(defun unregister_name (name)
  (ensure)
  (case (ets:lookup (table) name)
    (() (lists:foreach (lambda (n) (catch (rpc:call n 'global 'unregister_local (list name))))
                       (nodes))
        'ok)
    (_ (ets:delete (table) name) 'ok)))

(defun unregister_local (name)
  (ensure)
  (ets:delete (table) name)
  'ok)

(defun local_whereis (name)
  (ensure)
  (case (ets:lookup (table) name)
    ((list (tuple _ pid)) pid)
    (() 'undefined)))

(defun local_names ()
  (ensure)
  (lists:map (match-lambda (((tuple n _)) n)) (ets:tab2list (table))))

(defun whereis_name (name)
  (case (local_whereis name)
    ('undefined (remote-whereis name (nodes)))
    (pid pid)))

(defun remote-whereis
  ((_ ()) 'undefined)
  ((name (cons n rest))
   (case (rpc:call n 'global 'local_whereis (list name))
     (pid (when (is_pid pid)) pid)
     ((tuple 'badrpc _)
      (case (rpc:call n 'global 'whereis_name (list name))
        (pid (when (is_pid pid)) pid)
        (_ (remote-whereis name rest))))
     (_ (remote-whereis name rest)))))

(defun send (name msg)
  (case (whereis_name name)
    ('undefined (exit (tuple 'badarg (tuple name msg))))
    (pid (! pid msg) pid)))

(defun registered_names ()
  (lists:usort
   (lists:append
    (local_names)
    (lists:append
     (lists:map (lambda (n)
                  (case (rpc:call n 'global 'local_names ())
                    (names (when (is_list names)) names)
                    (_ (case (rpc:call n 'global 'registered_names ())
                         (names (when (is_list names)) names)
                         (_ ())))))
                (nodes))))))

(defun sync () 'ok)
(defun sync (nodes)
  (if (is_list nodes) 'ok (error 'badarg (list nodes))))

;; Locks: `{ResourceId, LockRequesterId}` on nodes, tried `retries` times (or for ever).

(defun set_lock (id) (set_lock id (cons (node) (nodes)) 'infinity))
(defun set_lock (id nodes) (set_lock id nodes 'infinity))
(defun set_lock
  (((tuple res req) nodes retries)
   (when (is_list nodes) (orelse (== retries 'infinity) (andalso (is_integer retries)
                                                                 (>= retries 0))))
   (ensure)
   (try-lock res req nodes retries 0)))

(defun try-lock (res req nodes retries tries)
  (case (lock-on res req nodes ())
    ('true 'true)
    ('false
     (if (andalso (/= retries 'infinity) (>= tries retries))
       'false
       (progn
         ;; As global, a random wait that grows with each try, up to 8 s.
         (timer:sleep (+ 1 (random-below (min 8000 (* 250 (+ tries 1))))))
         (try-lock res req nodes retries (+ tries 1)))))))

;; A number from 0 to n - 1, not the same each time.
(defun random-below (n) (erlang:phash2 (make_ref) n))

;; Takes the lock on each node; gives back what it took if one refuses.
(defun lock-on
  ((_ _ () _) 'true)
  ((res req (cons n rest) taken)
   (case (on-node n 'local_lock (list res req (self)))
     ('false
      (lists:foreach (lambda (m) (on-node m 'local_unlock (list res req (self)))) taken)
      'false)
     (_ (lock-on res req rest (cons n taken))))))

(defun del_lock (id) (del_lock id (cons (node) (nodes))))
(defun del_lock
  (((tuple res req) nodes) (when (is_list nodes))
   (ensure)
   (lists:foreach (lambda (n) (on-node n 'local_unlock (list res req (self)))) nodes)
   'true))

(defun trans (id fun) (trans id fun (cons (node) (nodes)) 'infinity))
(defun trans (id fun nodes) (trans id fun nodes 'infinity))
(defun trans (id fun nodes retries)
  (case (set_lock id nodes retries)
    ('true (try (funcall fun) (after (del_lock id nodes))))
    ('false 'aborted)))

;; Runs one of this module's functions on node `n`: here at once, on a node of ours by rpc;
;; a node that does not answer (a BEAM node) has no say, as if it agreed.
(defun on-node (n f args)
  (if (== n (node))
    (call 'global f (car args) (cadr args) (caddr args))
    (case (rpc:call n 'global f args)
      ((tuple 'badrpc _) 'true)
      (r r))))

;; The locks of this node: `{ResourceId, LockRequesterId, Pids}`.
(defun local_lock (res req pid)
  (ensure)
  (case (ets:lookup (locks) res)
    (() (ets:insert (locks) (tuple res req (list pid))) (watch pid) 'true)
    ((list (tuple _ r pids)) (when (=:= r req))
     (if (lists:member pid pids)
       'true
       (progn (ets:insert (locks) (tuple res req (cons pid pids))) (watch pid) 'true)))
    (_ 'false)))

(defun local_unlock (res req pid)
  (ensure)
  (case (ets:lookup (locks) res)
    ((list (tuple _ r pids)) (when (=:= r req))
     (case (lists:delete pid pids)
       (() (ets:delete (locks) res))
       (left (ets:insert (locks) (tuple res req left)))))
    (_ 'ok))
  'true)

;; What register_name's third argument may be: how a clash of two registrations of one name
;; is resolved.
(defun random_exit_name (name pid1 pid2)
  (let* ((keep (if (== (random-below 2) 0) pid1 pid2))
         (lose (if (== keep pid1) pid2 pid1)))
    (logger:log 'info "global: Name conflict terminating ~tw~n" (list (tuple name lose)))
    (exit lose 'kill)
    keep))

(defun random_notify_name (name pid1 pid2)
  (let* ((keep (if (== (random-below 2) 0) pid1 pid2))
         (lose (if (== keep pid1) pid2 pid1)))
    (! lose (tuple 'global_name_conflict name))
    keep))

(defun notify_all_name (name pid1 pid2)
  (! pid1 (tuple 'global_name_conflict name pid2))
  (! pid2 (tuple 'global_name_conflict name pid1))
  'none)
