;; Global names: a name registered on one node is found from every node of the cluster.
;; Each node keeps the names registered on it (in a table that a keeper process owns, which
;; unregisters a name when its process ends); looking a name up asks this node, then each
;; connected node (a node of ours for its own names, a BEAM node its global). So
;; `gen_server:start_link #(global Name)` and calls to `#(global Name)` work across nodes.
(defmodule global
  (export (register_name 2) (register_name 3) (re_register_name 2) (re_register_name 3)
          (unregister_name 1) (whereis_name 1) (send 2) (registered_names 0)
          (local_whereis 1) (local_names 0) (unregister_local 1) (sync 0) (keeper 0)))

(defun table () 'global_names)

;; The table of this node's names, with its keeper started on first use.
(defun ensure ()
  (case (ets:info (table) 'size)
    ('undefined
     (let ((me (self)))
       (spawn (lambda ()
                (catch (ets:new (table) '(named_table public set)))
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
