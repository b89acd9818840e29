;; The application controller: a gen_server registered as `application_controller`, started
;; the first time an application is asked for. Loaded applications' specifications and
;; environments are in the named table `ac_tab`, which anyone may read. Each running
;; application has a master (application_master), the group leader of its processes.
(defmodule application_controller
  (behaviour gen_server)
  (export (ensure 0) (config 1) (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)
          (code_change 3)))

(defun ensure ()
  (case (whereis 'application_controller)
    ('undefined
     (case (gen_server:start (tuple 'local 'application_controller) 'application_controller
                             () ())
       ((tuple 'ok _) 'ok)
       ((tuple 'error (tuple 'already_started _)) 'ok)))
    (_ 'ok)))

(defun init (_)
  (process_flag 'trap_exit 'true)
  (ets:new 'ac_tab '(named_table public set))
  (ets:insert 'ac_tab (tuple (tuple 'loaded 'kernel) (builtin-spec 'kernel "8.5.3")))
  (ets:insert 'ac_tab (tuple (tuple 'loaded 'stdlib) (builtin-spec 'stdlib "4.2")))
  (tuple 'ok (map 'running (list (tuple 'stdlib 'permanent) (tuple 'kernel 'permanent))
                  'loaded-order '(stdlib kernel)
                  'masters #M() 'starting #M())))

(defun builtin-spec (name vsn)
  (map 'description "ERTS  CXC 138 10" 'id "" 'vsn vsn 'modules () 'maxP 'infinity
       'maxT 'infinity 'registered () 'included_applications () 'optional_applications ()
       'applications (if (== name 'kernel) () '(kernel)) 'env () 'mod ()
       'start_phases 'undefined))

(defun spec-of (app)
  (case (ets:lookup 'ac_tab (tuple 'loaded app))
    ((list (tuple _ spec)) (tuple 'ok spec))
    (() 'error)))

;; `-config FILE`: the applications' environment from FILE (`.config` added if it has no
;; extension), `[{App, [{Key, Value}]}]` as erl reads it; it wins over the `.app` files'.
(defun config (file)
  (ensure)
  (let ((path (if (== (filename:extension file) "") (++ file ".config") file)))
    (case (file:consult path)
      ((tuple 'ok (list terms)) (when (is_list terms))
       (lists:foreach
        (match-lambda
          (((tuple app env)) (when (is_atom app) (is_list env))
           (lists:foreach (match-lambda
                            (((tuple k v)) (gen_server:call 'application_controller
                                                            (tuple 'set_env app k v)))
                            ((_) 'ok))
                          env))
          ((_) 'ok))
        terms)
       'ok)
      ((tuple 'ok _) (error (tuple 'bad_config_file path)))
      ((tuple 'error why) (error (tuple 'config_file path why))))))

;; Reads `NAME.app` from the code path.
(defun read-app-file (name)
  (let ((file (++ (atom_to_list name) ".app")))
    (case (code:where_is_file file)
      ('non_existing (tuple 'error (tuple "no such file or directory" file)))
      (path
       (case (file:consult path)
         ((tuple 'ok (list (= (tuple 'application n props) spec)))
          (when (=:= n name) (is_list props))
          (tuple 'ok spec))
         ((tuple 'ok _) (tuple 'error (tuple 'bad_application name)))
         ((tuple 'error (tuple line mod what))
          (tuple 'error (tuple (++ file ":" (integer_to_list line) ": " what) file)))
         ((tuple 'error why)
          (tuple 'error (tuple (file-error why) file))))))))

(defun file-error
  (('enoent) "no such file or directory")
  (('eacces) "permission denied")
  ((why) (atom_to_list why)))

(defun make-spec (name props)
  (let ((get (lambda (k d) (proplists:get_value k props d))))
    (map 'description (funcall get 'description "") 'id (funcall get 'id "")
         'vsn (funcall get 'vsn "") 'modules (funcall get 'modules ())
         'maxP (funcall get 'maxP 'infinity) 'maxT (funcall get 'maxT 'infinity)
         'registered (funcall get 'registered ())
         'included_applications (funcall get 'included_applications ())
         'optional_applications (funcall get 'optional_applications ())
         'applications (funcall get 'applications ())
         'env (funcall get 'env ()) 'mod (funcall get 'mod ())
         'start_phases (funcall get 'start_phases 'undefined))))

(defun load-spec (n spec state)
  (ets:insert 'ac_tab (tuple (tuple 'loaded n) spec))
  (lists:foreach (match-lambda
                   (((tuple k v))
                    (case (ets:lookup 'ac_tab (tuple 'env n k))
                      (() (ets:insert 'ac_tab (tuple (tuple 'env n k) v)))
                      (_ 'ok))))
                 (mref spec 'env))
  (mset state 'loaded-order (cons n (mref state 'loaded-order))))

(defun unload-spec (app state)
  (ets:delete 'ac_tab (tuple 'loaded app))
  (ets:match_delete 'ac_tab (tuple (tuple 'env app '_) '_))
  (mset state 'loaded-order (lists:delete app (mref state 'loaded-order))))

(defun load-included
  ((() state) (tuple 'ok state))
  (((cons app rest) state)
   (case (spec-of app)
     ((tuple 'ok _) (load-included rest state))
     ('error
      (case (read-app-file app)
        ((tuple 'ok (tuple 'application n props))
         (let ((spec (make-spec n props)))
           (load-included (++ rest (mref spec 'included_applications))
                          (load-spec n spec state))))
        ((tuple 'error why) (tuple 'error why state)))))))

(defun handle_call
  (((tuple 'load app) _ state)
   (let ((name (case app ((tuple 'application n _) n) (n n))))
     (case (spec-of name)
       ((tuple 'ok _) (tuple 'reply (tuple 'error (tuple 'already_loaded name)) state))
       ('error
        (case (case app
                ((tuple 'application _ _) (tuple 'ok app))
                (_ (if (is_atom app) (read-app-file app) (tuple 'error (tuple 'badarg app)))))
          ((tuple 'ok (tuple 'application n props))
           (let* ((spec (make-spec n props))
                  (s1 (load-spec n spec state)))
             ;; The applications it includes are loaded with it.
             (case (load-included (mref spec 'included_applications) s1)
               ((tuple 'ok s2) (tuple 'reply 'ok s2))
               ((tuple 'error why s2) (tuple 'reply (tuple 'error why) s2)))))
          (err (tuple 'reply err state)))))))
  (((tuple 'unload app) _ state)
   (cond ((lists:keymember app 1 (mref state 'running))
          (tuple 'reply (tuple 'error (tuple 'running app)) state))
         ((== (spec-of app) 'error)
          (tuple 'reply (tuple 'error (tuple 'not_loaded app)) state))
         ('true
          (let (((tuple 'ok spec) (spec-of app)))
            (tuple 'reply 'ok
                   (lists:foldl (lambda (a st)
                                  (if (lists:keymember a 1 (mref st 'running)) st (unload-spec a st)))
                                (unload-spec app state)
                                (mref spec 'included_applications)))))))
  (((tuple 'start app type) from state)
   (cond ((lists:keymember app 1 (mref state 'running))
          (tuple 'reply (tuple 'error (tuple 'already_started app)) state))
         ((maps:is_key app (mref state 'starting))
          (tuple 'reply (tuple 'error (tuple 'already_started app)) state))
         ('true
          (case (spec-of app)
            ('error (tuple 'reply (tuple 'error (tuple 'not_loaded app)) state))
            ((tuple 'ok spec)
             (case (lists:filter (lambda (d) (not (lists:keymember d 1 (mref state 'running))))
                                 (mref spec 'applications))
               ((cons dep _) (tuple 'reply (tuple 'error (tuple 'not_started dep)) state))
               (()
                (case (mref spec 'mod)
                  (()
                   (info-started app)
                   (tuple 'reply 'ok (mset state 'running
                                           (cons (tuple app type) (mref state 'running)))))
                  ((tuple _ _)
                   (spawn_link 'application_master 'starter
                               (list (self) app spec type (group_leader) from))
                   (tuple 'noreply
                          (mset state 'starting
                                (maps:put app (tuple from type) (mref state 'starting)))))))))))))
  (((tuple 'stop app) _ state)
   (case (lists:keyfind app 1 (mref state 'running))
     ('false (tuple 'reply (tuple 'error (tuple 'not_started app)) state))
     ((tuple _ type)
      (let ((s1 (mset state 'running (lists:keydelete app 1 (mref state 'running)))))
        (case (maps:find app (mref state 'masters))
          ((tuple 'ok m)
           (stop-master m)
           (ets:delete 'ac_tab (tuple 'master app))
           (info-exited app 'stopped type)
           (tuple 'reply 'ok (mset s1 'masters (maps:remove app (mref state 'masters)))))
          ('error
           (info-exited app 'stopped type)
           (tuple 'reply 'ok s1)))))))
  (('which_applications _ state)
   (tuple 'reply
          (lists:map (match-lambda
                       (((tuple app _))
                        (let (((tuple 'ok spec) (spec-of app)))
                          (tuple app (mref spec 'description) (mref spec 'vsn)))))
                     (mref state 'running))
          state))
  (('loaded_applications _ state)
   (tuple 'reply
          (lists:map (lambda (app)
                       (let (((tuple 'ok spec) (spec-of app)))
                         (tuple app (mref spec 'description) (mref spec 'vsn))))
                     (lists:reverse (mref state 'loaded-order)))
          state))
  (('info _ state)
   (tuple 'reply (list (tuple 'loaded (lists:reverse (mref state 'loaded-order)))
                       (tuple 'running (mref state 'running)))
          state))
  (((tuple 'set_env app key val) _ state)
   (ets:insert 'ac_tab (tuple (tuple 'env app key) val))
   (tuple 'reply 'ok state))
  (((tuple 'unset_env app key) _ state)
   (ets:delete 'ac_tab (tuple 'env app key))
   (tuple 'reply 'ok state))
  (((tuple 'get_supervisor app) _ state)
   (case (maps:find app (mref state 'masters))
     ((tuple 'ok m)
      (! m (tuple 'get_child (self)))
      (receive ((tuple 'child m2 pid) (when (== m2 m)) (tuple 'reply (tuple 'ok pid) state))
        (after 5000 (tuple 'reply 'undefined state))))
     ('error (tuple 'reply 'undefined state)))))

(defun handle_cast (_ state) (tuple 'noreply state))

(defun handle_info
  (((tuple 'started app result) state)
   (case (maps:find app (mref state 'starting))
     ((tuple 'ok (tuple from type))
      (let ((s1 (mset state 'starting (maps:remove app (mref state 'starting)))))
        (case result
          ((tuple 'ok m)
           (erlang:monitor 'process m)
           (ets:insert 'ac_tab (tuple (tuple 'master app) m))
           (info-started app)
           (gen_server:reply from 'ok)
           (tuple 'noreply (mset s1 'running (cons (tuple app type) (mref state 'running))
                                 'masters (maps:put app m (mref state 'masters)))))
          (err
           (gen_server:reply from err)
           (info-exited app (element 2 err) type)
           (tuple 'noreply s1)))))
     ('error (tuple 'noreply state))))
  (((tuple 'DOWN _ 'process m reason) state)
   (case (lists:filter (match-lambda (((tuple _ pid)) (== pid m)))
                       (maps:to_list (mref state 'masters)))
     ((list (tuple app _))
      (let* (((tuple _ type) (lists:keyfind app 1 (mref state 'running)))
             (s1 (mset state 'running (lists:keydelete app 1 (mref state 'running))
                       'masters (maps:remove app (mref state 'masters)))))
        (ets:delete 'ac_tab (tuple 'master app))
        (info-exited app reason type)
        (case (tuple type reason)
          ((tuple 'permanent _) (node-stops app reason))
          ((tuple 'transient 'normal) 'ok)
          ((tuple 'transient _) (node-stops app reason))
          (_ 'ok))
        (tuple 'noreply s1)))
     (_ (tuple 'noreply state))))
  ((_ state) (tuple 'noreply state)))

(defun terminate (_ _) 'ok)
(defun code_change (_ state _) (tuple 'ok state))

(defun info-started (app)
  (logger:log 'info
              (map 'label (tuple 'application_controller 'progress)
                   'report (list (tuple 'application app) (tuple 'started_at (node))))
              (map 'domain '(otp sasl)
                   'error_logger (map 'tag 'info_report 'type 'progress))))

(defun info-exited (app reason type)
  (logger:log 'notice
              (map 'label (tuple 'application_controller 'exit)
                   'report (list (tuple 'application app) (tuple 'exited reason)
                                 (tuple 'type type)))
              (map 'domain '(otp)
                   'error_logger (map 'tag 'info_report 'type 'std_info))))

(defun node-stops (app reason)
  ;; What was logged goes out first; then the node ends as BEAM's does when its
  ;; application controller ends.
  (logger_std_h:filesync 'default)
  (let ((why (tuple 'application_terminated app reason)))
    (io:format 'user "{\"Kernel pid terminated\",application_controller,\"~w\"}~n" (list why))
    (io:format 'user "Kernel pid terminated (application_controller) (~w)~n" (list why)))
  (erlang:halt 1))

(defun stop-master (m)
  (let ((ref (erlang:monitor 'process m)))
    (! m 'stop)
    (receive ((tuple 'DOWN r _ _ _) (when (=:= r ref)) 'ok))))
