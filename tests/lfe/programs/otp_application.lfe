;; An application: otp_kv is defined by otp_kv.app in this folder (found on the
;; code path, which starts with the working directory), with its callback module
;; otp_kv_app, supervisor otp_kv_sup and server otp_kv_store below; otp_kv_extra
;; and otp_kv_lib are given to application:load as terms. Covers load, unload,
;; loaded_applications, get_key, get_all_key, get_env/2,3, get_all_env,
;; set_env, unset_env, get_env/1 and get_application in the application's own
;; processes, start, stop, which_applications (only these applications are
;; shown), ensure_started, ensure_all_started with a dependency, start without
;; a dependency started, an application whose start callback fails, and the
;; errors of each. The default handler prints a report when an application
;; stops; logger_std_h:filesync/1 waits until it has. The crash report of the
;; application master of the application that fails to start is kept out of
;; the output by a logger filter (it shows the master's own messages, links and
;; sizes, which are its implementation's).
(defmodule otp_application
  (export (main 0) (no-master-crash 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun show-settled (tag x)
  (settle)
  (show tag x))

(defun no-master-crash (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (map 'label #(proc_lib crash) 'report (list crasher _)))
     (case (proplists:get_value 'initial_call crasher)
       ((tuple 'application_master _ _) 'stop)
       (_ event)))
    (_ event)))

(defun ours (apps)
  (lists:filter (lambda (a) (lists:member (element 1 a) '(otp_kv otp_kv_extra otp_kv_lib)))
                apps))

(defun main ()
  (logger:add_primary_filter 'no-master-crash
                             (tuple (fun otp_application no-master-crash 2) 'none))
  (show 'loaded-before (ours (application:loaded_applications)))
  (show 'get-key-not-loaded (application:get_key 'otp_kv 'vsn))
  (show 'load (application:load 'otp_kv))
  (show 'load-again (application:load 'otp_kv))
  (show 'loaded (ours (application:loaded_applications)))
  (show 'get-key-vsn (application:get_key 'otp_kv 'vsn))
  (show 'get-key-modules (application:get_key 'otp_kv 'modules))
  (show 'get-key-mod (application:get_key 'otp_kv 'mod))
  (show 'get-key-missing (application:get_key 'otp_kv 'no_such_key))
  ;; (the order of env in get_all_key changes from run to run: it is sorted here)
  (let (((tuple 'ok keys) (application:get_all_key 'otp_kv)))
    (show 'get-all-key
          (lists:keyreplace 'env 1 keys
                            (tuple 'env (lists:sort (proplists:get_value 'env keys))))))
  (show 'get-env (application:get_env 'otp_kv 'port))
  (show 'get-env-missing (application:get_env 'otp_kv 'host))
  (show 'get-env-default (application:get_env 'otp_kv 'host "localhost"))
  (show 'get-all-env (lists:sort (application:get_all_env 'otp_kv)))
  (show 'set-env (application:set_env 'otp_kv 'port 5000))
  (show 'get-env-after-set (application:get_env 'otp_kv 'port))
  (show 'unset-env (application:unset_env 'otp_kv 'mode))
  (show 'get-all-env (lists:sort (application:get_all_env 'otp_kv)))
  (show 'env-of-unknown-app (application:get_env 'otp_nope 'port))
  (show 'all-env-of-unknown-app (application:get_all_env 'otp_nope))
  (show 'running-before (ours (application:which_applications)))
  ;; start: the callback module starts the supervisor, which starts the store
  (show 'start (application:start 'otp_kv))
  (show 'start-again (application:start 'otp_kv))
  (show 'running (ours (application:which_applications)))
  (show 'store-put (otp_kv_store:put 'colour 'blue))
  (show 'store-get (otp_kv_store:get 'colour))
  (show 'store-env (otp_kv_store:env))
  (show 'store-application (application:get_application (whereis 'otp_kv_store)))
  (show 'sup-application (application:get_application (whereis 'otp_kv_sup)))
  (show 'main-env (application:get_env 'port))
  (show 'ensure-started (application:ensure_started 'otp_kv))
  (show-settled 'stop (application:stop 'otp_kv))
  (show 'store-gone (whereis 'otp_kv_store))
  (show 'stop-again (application:stop 'otp_kv))
  (show 'still-loaded (ours (application:loaded_applications)))
  (show 'env-kept-after-stop (application:get_env 'otp_kv 'port))
  (show 'unload (application:unload 'otp_kv))
  (show 'unload-again (application:unload 'otp_kv))
  (show 'env-after-unload (application:get_env 'otp_kv 'port))
  ;; applications given as terms; a dependency started by ensure_all_started
  (show 'load-extra
        (application:load
         #(application otp_kv_extra
           (#(description "Depends on otp_kv") #(vsn "0.1") #(modules ())
            #(registered ()) #(applications (kernel stdlib otp_kv)) #(env (#(extra true)))))))
  (show 'start-without-dependency (application:start 'otp_kv_extra))
  (show 'ensure-all-started (application:ensure_all_started 'otp_kv_extra))
  (show 'ensure-all-started-again (application:ensure_all_started 'otp_kv_extra))
  (show 'running (ours (application:which_applications)))
  (show-settled 'stop-extra (application:stop 'otp_kv_extra))
  (show-settled 'stop-kv (application:stop 'otp_kv))
  ;; a library application: no mod, nothing to start
  (show 'load-lib
        (application:load #(application otp_kv_lib (#(description "Library") #(vsn "2.0")))))
  (show 'start-lib (application:start 'otp_kv_lib))
  (show 'running (ours (application:which_applications)))
  (show-settled 'stop-lib (application:stop 'otp_kv_lib))
  ;; an application whose start callback answers an error
  (show 'load-broken
        (application:load
         #(application otp_kv_broken
           (#(description "Fails to start") #(vsn "0") #(mod #(otp_kv_app broken))))))
  (show-settled 'start-broken (application:start 'otp_kv_broken))
  (show 'running-broken (lists:keyfind 'otp_kv_broken 1 (application:which_applications)))
  ;; applications that do not exist
  (show 'load-unknown (application:load 'otp_nope))
  (show 'start-unknown (application:start 'otp_nope))
  (show 'ensure-all-started-unknown (application:ensure_all_started 'otp_nope))
  (show 'stop-unknown (application:stop 'otp_nope))
  (show 'unload-unknown (application:unload 'otp_nope)))

;; The application callback module.
(defmodule otp_kv_app
  (behaviour application)
  (export (start 2) (prep_stop 1) (stop 1)))

(defun start
  ((_type 'broken) (tuple 'error 'broken-on-purpose))
  ((type args)
   (lfe_io:format "otp_kv_app:start ~p ~p~n" (list type args))
   (otp_kv_sup:start_link)))

(defun prep_stop (state)
  (lfe_io:format "otp_kv_app:prep_stop ~p~n" (list state))
  state)

(defun stop (state)
  (lfe_io:format "otp_kv_app:stop ~p~n" (list state))
  'ok)

;; The top supervisor.
(defmodule otp_kv_sup
  (behaviour supervisor)
  (export (start_link 0) (init 1)))

(defun start_link () (supervisor:start_link #(local otp_kv_sup) 'otp_kv_sup ()))

(defun init (_)
  (tuple 'ok (tuple #M(strategy one_for_one)
                    (list #M(id store start #(otp_kv_store start_link ()))))))

;; The store.
(defmodule otp_kv_store
  (behaviour gen_server)
  (export (start_link 0) (put 2) (get 1) (env 0)
          (init 1) (handle_call 3) (handle_cast 2) (terminate 2)))

(defun start_link () (gen_server:start_link #(local otp_kv_store) 'otp_kv_store () ()))

(defun put (k v) (gen_server:call 'otp_kv_store (tuple 'put k v)))

(defun get (k) (gen_server:call 'otp_kv_store (tuple 'get k)))

(defun env () (gen_server:call 'otp_kv_store 'env))

(defun init (_)
  (process_flag 'trap_exit 'true)
  (lfe_io:format "otp_kv_store:init~n" ())
  (tuple 'ok #M()))

(defun handle_call
  (((tuple 'put k v) _ s) (tuple 'reply 'ok (mset s k v)))
  (((tuple 'get k) _ s) (tuple 'reply (maps:get k s 'none) s))
  (('env _ s)
   (tuple 'reply (list (application:get_application) (application:get_env 'port)
                       (application:get_env 'mode))
          s)))

(defun handle_cast (_ s) (tuple 'noreply s))

(defun terminate (reason _)
  (lfe_io:format "otp_kv_store:terminate ~p~n" (list reason)))
