;; Applications, as OTP 25's application controller keeps them: an application is loaded from
;; its `NAME.app` resource file on the code path (or given as a spec), started after the
;; applications it needs, its callback module's start/2 giving the top supervisor, which an
;; application master watches; its environment is kept node-wide (an ets table), and when it
;; stops or ends its type decides: temporary ones are reported, permanent and (when they
;; fail) transient ones stop the node.
(defmodule application
  (export (load 1) (load 2) (unload 1) (start 1) (start 2) (stop 1)
          (ensure_started 1) (ensure_started 2) (ensure_all_started 1) (ensure_all_started 2)
          (which_applications 0) (which_applications 1) (loaded_applications 0)
          (get_env 1) (get_env 2) (get_env 3) (get_all_env 0) (get_all_env 1)
          (set_env 1) (set_env 2) (set_env 3) (set_env 4) (unset_env 2) (unset_env 3)
          (get_key 1) (get_key 2) (get_all_key 0) (get_all_key 1)
          (get_application 0) (get_application 1) (info 0)
          (start_type 0) (takeover 2) (permit 2) (get_supervisor 1)))

(defun ctl (req)
  (application_controller:ensure)
  (gen_server:call 'application_controller req 'infinity))

(defun load (app) (load app ()))
(defun load (app _distributed) (ctl (tuple 'load app)))
(defun unload (app) (ctl (tuple 'unload app)))

(defun start (app) (start app 'temporary))
(defun start (app type)
  (if (lists:member type '(temporary transient permanent))
    (case (load app)
      ('ok (ctl (tuple 'start (app-name app) type)))
      ((tuple 'error (tuple 'already_loaded _)) (ctl (tuple 'start (app-name app) type)))
      (err err))
    (error 'badarg (list app type))))

(defun app-name
  (((tuple 'application name _)) name)
  ((name) name))

(defun stop (app) (ctl (tuple 'stop app)))

(defun ensure_started (app) (ensure_started app 'temporary))
(defun ensure_started (app type)
  (case (start app type)
    ('ok 'ok)
    ((tuple 'error (tuple 'already_started _)) 'ok)
    (err err)))

(defun ensure_all_started (app) (ensure_all_started app 'temporary))
(defun ensure_all_started (app type)
  (case (ensure-all app type ())
    ((tuple 'ok started) (tuple 'ok (lists:reverse started)))
    ((tuple 'error why started)
     (lists:foreach (lambda (a) (stop a)) started)
     (tuple 'error why))))

(defun ensure-all (app type started)
  (case (load app)
    ((= (tuple 'error (tuple 'already_loaded _)) _) (ensure-deps app type started))
    ('ok (ensure-deps app type started))
    ((tuple 'error why) (tuple 'error (tuple app why) started))))

(defun ensure-deps (app type started)
  (case (get_key app 'applications)
    ((tuple 'ok deps)
     (case (lists:foldl (lambda (dep acc)
                          (case acc
                            ((tuple 'ok s) (ensure-all dep type s))
                            (err err)))
                        (tuple 'ok started) deps)
       ((tuple 'ok s)
        (case (start app type)
          ('ok (tuple 'ok (cons app s)))
          ((tuple 'error (tuple 'already_started _)) (tuple 'ok s))
          ((tuple 'error why) (tuple 'error (tuple app why) s))))
       (err err)))
    (_ (tuple 'error (tuple app 'not_loaded) started))))

(defun which_applications () (ctl 'which_applications))
(defun which_applications (_timeout) (ctl 'which_applications))
(defun loaded_applications () (ctl 'loaded_applications))
(defun info () (ctl 'info))

;; The environment: read from the node-wide table, written through the controller.
(defun get_env (key)
  (case (get_application)
    ((tuple 'ok app) (get_env app key))
    ('undefined 'undefined)))
(defun get_env (app key)
  (application_controller:ensure)
  (case (ets:lookup 'ac_tab (tuple 'env app key))
    ((list (tuple _ val)) (tuple 'ok val))
    (() 'undefined)))
(defun get_env (app key default)
  (case (get_env app key)
    ((tuple 'ok val) val)
    ('undefined default)))

(defun get_all_env ()
  (case (get_application)
    ((tuple 'ok app) (get_all_env app))
    ('undefined ())))
(defun get_all_env (app)
  (application_controller:ensure)
  (lists:map (match-lambda (((list k v)) (tuple k v)))
             (ets:match 'ac_tab (tuple (tuple 'env app '$1) '$2))))

(defun set_env (config) (set_env config ()))
(defun set_env (config _opts)
  (lists:foreach (match-lambda
                   (((tuple app env))
                    (lists:foreach (match-lambda (((tuple k v)) (set_env app k v))) env)))
                 config)
  'ok)
(defun set_env (app key val) (ctl (tuple 'set_env app key val)))
(defun set_env (app key val _opts) (set_env app key val))
(defun unset_env (app key) (ctl (tuple 'unset_env app key)))
(defun unset_env (app key _opts) (unset_env app key))

(defun get_key (key)
  (case (get_application)
    ((tuple 'ok app) (get_key app key))
    ('undefined 'undefined)))
(defun get_key (app key)
  (application_controller:ensure)
  (case (ets:lookup 'ac_tab (tuple 'loaded app))
    ((list (tuple _ spec))
     (case (maps:find key spec)
       ((tuple 'ok v) (tuple 'ok v))
       ('error 'undefined)))
    (() 'undefined)))

(defun get_all_key ()
  (case (get_application)
    ((tuple 'ok app) (get_all_key app))
    ('undefined 'undefined)))
(defun get_all_key (app)
  (application_controller:ensure)
  (case (ets:lookup 'ac_tab (tuple 'loaded app))
    ((list (tuple _ spec))
     (tuple 'ok (lists:map (lambda (k) (tuple k (maps:get k spec)))
                           '(description id vsn modules maxP maxT registered
                             included_applications optional_applications applications
                             env mod start_phases))))
    (() 'undefined)))

;; The application of a process: the one whose master is its group leader.
(defun get_application () (get_application (self)))
(defun get_application
  ((pid) (when (is_pid pid))
   (application_controller:ensure)
   (let ((gl (case (process_info pid 'group_leader)
               ((tuple _ g) g)
               (_ 'undefined))))
     (case (ets:match 'ac_tab (tuple (tuple 'master '$1) gl))
       ((list (list app)) (tuple 'ok app))
       (_ 'undefined))))
  ((module) (when (is_atom module))
   (application_controller:ensure)
   (case (lists:filter (match-lambda
                         (((list app spec)) (lists:member module (maps:get 'modules spec ()))))
                       (ets:match 'ac_tab (tuple (tuple 'loaded '$1) '$2)))
     ((cons (list app _) _) (tuple 'ok app))
     (() 'undefined))))

(defun start_type ()
  (case (get_application)
    ((tuple 'ok _) 'normal)
    ('undefined 'undefined)))

(defun get_supervisor (app) (ctl (tuple 'get_supervisor app)))
(defun takeover (app type) (start app type))
(defun permit (_app _bool) 'ok)
