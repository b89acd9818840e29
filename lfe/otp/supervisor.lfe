;; The supervisor, as OTP 25's: a gen_server that traps exits, starts its children in order,
;; restarts them by its strategy (one_for_one, one_for_all, rest_for_one, simple_one_for_one)
;; and their restart types, stops them by their shutdown (brutal_kill, milliseconds, infinity),
;; and gives up with `shutdown` when more restarts than its intensity come within its period.
;; Child specifications are maps or six-tuples, checked as OTP checks them.
(defmodule supervisor
  (behaviour gen_server)
  (export (start_link 2) (start_link 3) (start_child 2) (restart_child 2) (delete_child 2)
          (terminate_child 2) (which_children 1) (count_children 1) (get_childspec 2)
          (check_childspecs 1) (check_childspecs 2) (get_callback_module 1)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)
          (code_change 3) (format_status 2)))

(defun start_link (mod args) (gen_server:start_link 'supervisor (tuple 'self mod args) ()))
(defun start_link (name mod args)
  (gen_server:start_link name 'supervisor (tuple name mod args) ()))

(defun sup-call (sup req) (gen_server:call sup req 'infinity))

(defun start_child (sup spec-or-args) (sup-call sup (tuple 'start_child spec-or-args)))
(defun restart_child (sup id) (sup-call sup (tuple 'restart_child id)))
(defun delete_child (sup id) (sup-call sup (tuple 'delete_child id)))
(defun terminate_child (sup id) (sup-call sup (tuple 'terminate_child id)))
(defun which_children (sup) (sup-call sup 'which_children))
(defun count_children (sup) (sup-call sup 'count_children))
(defun get_childspec (sup id) (sup-call sup (tuple 'get_childspec id)))
(defun get_callback_module (sup)
  (let (((tuple 'ok mod) (sup-call sup 'get_callback_module))) mod))

;; Child specifications.
(defun check_childspecs (specs) (check_childspecs specs #M()))
(defun check_childspecs
  ((specs _) (when (is_list specs))
   (case (check-specs specs ())
     ((tuple 'ok _) 'ok)
     (err err)))
  ((x _) (tuple 'error (tuple 'badarg x))))

(defun check-specs
  ((() acc) (tuple 'ok (lists:reverse acc)))
  (((cons spec rest) acc)
   (case (check-spec spec)
     ((tuple 'ok child)
      (if (lists:any (lambda (c) (== (mref c 'id) (mref child 'id))) acc)
        (tuple 'error (tuple 'duplicate_child_name (mref child 'id)))
        (check-specs rest (cons child acc))))
     (err err))))

(defun check-spec
  ((spec) (when (is_map spec))
   (case (tuple (maps:find 'id spec) (maps:find 'start spec))
     ((tuple 'error _) (tuple 'error 'missing_id))
     ((tuple _ 'error) (tuple 'error 'missing_start))
     ((tuple (tuple 'ok id) (tuple 'ok start))
      (let ((type (maps:get 'type spec 'worker)))
        (check-child id start (maps:get 'restart spec 'permanent)
                     (maps:get 'significant spec 'false)
                     (maps:get 'shutdown spec (default-shutdown type))
                     type
                     (maps:get 'modules spec (default-modules start)))))))
  (((= (tuple id start restart shutdown type modules) spec))
   (check-child id start restart 'false shutdown type modules))
  ((other) (tuple 'error (tuple 'invalid_child_spec other))))

(defun default-shutdown
  (('supervisor) 'infinity)
  ((_) 5000))

(defun default-modules
  (((tuple m _ _)) (list m))
  ((_) 'dynamic))

(defun check-child (id start restart significant shutdown type modules)
  (cond ((not (valid-mfa start)) (tuple 'error (tuple 'invalid_mfa start)))
        ((not (lists:member restart '(permanent transient temporary)))
         (tuple 'error (tuple 'invalid_restart_type restart)))
        ((not (is_boolean significant))
         (tuple 'error (tuple 'invalid_significant significant)))
        ((not (valid-shutdown shutdown)) (tuple 'error (tuple 'invalid_shutdown shutdown)))
        ((not (lists:member type '(worker supervisor)))
         (tuple 'error (tuple 'invalid_child_type type)))
        ((not (valid-modules modules)) (tuple 'error (tuple 'invalid_modules modules)))
        ('true
         (tuple 'ok (map 'pid 'undefined 'id id 'mfargs start 'restart_type restart
                         'significant significant 'shutdown shutdown 'child_type type
                         'modules modules)))))

(defun valid-mfa
  (((tuple m f a)) (andalso (is_atom m) (is_atom f) (is_list a)))
  ((_) 'false))

(defun valid-shutdown
  (('brutal_kill) 'true)
  (('infinity) 'true)
  ((t) (andalso (is_integer t) (>= t 0))))

(defun valid-modules
  (('dynamic) 'true)
  ((ms) (andalso (is_list ms) (lists:all (fun is_atom 1) ms))))

(defun spec-map (child)
  (map 'id (mref child 'id) 'start (mref child 'mfargs)
       'restart (mref child 'restart_type) 'significant (mref child 'significant)
       'shutdown (mref child 'shutdown) 'type (mref child 'child_type)
       'modules (mref child 'modules)))

;; The supervisor's own flags.
(defun check-flags
  ((flags) (when (is_map flags))
   (check-flags2 (maps:get 'strategy flags 'one_for_one) (maps:get 'intensity flags 1)
                 (maps:get 'period flags 5) (maps:get 'auto_shutdown flags 'never)))
  (((tuple strategy intensity period)) (check-flags2 strategy intensity period 'never))
  ((other) (tuple 'error (tuple 'invalid_type other))))

(defun check-flags2 (strategy intensity period auto)
  (cond ((not (lists:member strategy '(one_for_one one_for_all rest_for_one simple_one_for_one)))
         (tuple 'error (tuple 'invalid_strategy strategy)))
        ((not (andalso (is_integer intensity) (>= intensity 0)))
         (tuple 'error (tuple 'invalid_intensity intensity)))
        ((not (andalso (is_integer period) (> period 0)))
         (tuple 'error (tuple 'invalid_period period)))
        ('true (tuple 'ok strategy intensity period auto))))

;; gen_server callbacks.
(defun init
  (((tuple name mod args)) (init-sup name mod args)))

(defun init-sup (name mod args)
  (process_flag 'trap_exit 'true)
  (let ((sup-name (if (== name 'self) (tuple (self) mod) name)))
    (case (call-init mod args)
      ((tuple 'ok (tuple flags specs))
       (case (check-flags flags)
         ((tuple 'ok strategy intensity period auto)
          (let ((state (map 'name sup-name 'strategy strategy 'intensity intensity
                            'period period 'auto_shutdown auto 'module mod 'args args
                            'children () 'dynamics #M() 'restarts ())))
            (if (== strategy 'simple_one_for_one)
              (init-dynamic state specs)
              (init-children state specs))))
         ((tuple 'error why) (tuple 'stop (tuple 'supervisor_data why)))))
      ('ignore 'ignore)
      ((tuple 'EXIT why) (tuple 'stop why))
      (other (tuple 'stop (tuple 'bad_return (tuple mod 'init other)))))))

(defun call-init (mod args)
  (try (call mod 'init args)
    (catch ((tuple 'exit r _) (tuple 'EXIT r))
           ((tuple 'error r stack) (tuple 'EXIT (tuple r stack)))
           ((tuple 'throw r _) r))))

(defun init-children (state specs)
  (case (check-specs-list specs)
    ((tuple 'ok children)
     (case (start-all children state ())
       ((tuple 'ok started) (tuple 'ok (mset state 'children started)))
       ((tuple 'error started id reason)
        (terminate-children started (mref state 'name))
        (tuple 'stop (tuple 'shutdown (tuple 'failed_to_start_child id reason))))))
    ((tuple 'error why) (tuple 'stop (tuple 'start_spec why)))))

(defun check-specs-list (specs)
  (if (is_list specs) (check-specs specs ()) (tuple 'error (tuple 'badarg specs))))

(defun init-dynamic (state specs)
  (case (check-specs-list specs)
    ((tuple 'ok (list child)) (tuple 'ok (mset state 'children (list child))))
    ((tuple 'ok _) (tuple 'stop (tuple 'bad_start_spec specs)))
    ((tuple 'error why) (tuple 'stop (tuple 'start_spec why)))))

;; Starts children in order; answers them newest first.
(defun start-all
  ((() _ started) (tuple 'ok started))
  (((cons child rest) state started)
   (case (do-start-child (mref state 'name) child)
     ((tuple 'ok pid) (start-all rest state (cons (mset child 'pid pid) started)))
     ((tuple 'ok pid _) (start-all rest state (cons (mset child 'pid pid) started)))
     ((tuple 'error reason)
      (report-error 'start_error reason child (mref state 'name))
      (tuple 'error started (mref child 'id) reason)))))

(defun do-start-child (sup-name child)
  (let (((tuple m f a) (mref child 'mfargs)))
    (case (catch (apply m f a))
      ((= (tuple 'ok pid) ok) (when (is_pid pid)) ok)
      ((= (tuple 'ok pid _) ok) (when (is_pid pid)) ok)
      ('ignore (tuple 'ok 'undefined))
      ((= (tuple 'error _) err) err)
      (what (tuple 'error what)))))

(defun do-start-dynamic (child extra)
  (let* (((tuple m f a) (mref child 'mfargs))
         (args (++ a extra)))
    (case (catch (apply m f args))
      ((tuple 'ok pid) (when (is_pid pid)) (tuple 'ok pid args 'none))
      ((tuple 'ok pid info) (when (is_pid pid)) (tuple 'ok pid args (tuple 'info info)))
      ('ignore 'ignore)
      ((= (tuple 'error _) err) err)
      (what (tuple 'error what)))))

(defun handle_call
  (((tuple 'start_child extra) _ state) (when (== (mref state 'strategy) 'simple_one_for_one))
   (let ((child (hd (mref state 'children))))
     (case (do-start-dynamic child extra)
       ((tuple 'ok pid args 'none)
        (tuple 'reply (tuple 'ok pid) (add-dynamic pid args state)))
       ((tuple 'ok pid args (tuple 'info info))
        (tuple 'reply (tuple 'ok pid info) (add-dynamic pid args state)))
       ('ignore (tuple 'reply (tuple 'ok 'undefined) state))
       (err (tuple 'reply err state)))))
  (((tuple 'start_child spec) _ state)
   (case (check-spec spec)
     ((tuple 'ok child)
      (case (find-child (mref child 'id) state)
        ((tuple 'ok old)
         (if (== (mref old 'pid) 'undefined)
           (tuple 'reply (tuple 'error 'already_present) state)
           (tuple 'reply (tuple 'error (tuple 'already_started (mref old 'pid))) state)))
        ('error
         (case (do-start-child (mref state 'name) child)
           ((tuple 'ok pid)
            (tuple 'reply (tuple 'ok pid) (add-child (saved (mset child 'pid pid)) state)))
           ((tuple 'ok pid info)
            (tuple 'reply (tuple 'ok pid info) (add-child (saved (mset child 'pid pid)) state)))
           ((tuple 'error what)
            (tuple 'reply (tuple 'error (tuple what (child-record child))) state))))))
     (err (tuple 'reply err state))))
  (((tuple 'restart_child _) _ state) (when (== (mref state 'strategy) 'simple_one_for_one))
   (tuple 'reply (tuple 'error 'simple_one_for_one) state))
  (((tuple 'restart_child id) _ state)
   (case (find-child id state)
     ((tuple 'ok child)
      (case (mref child 'pid)
        ('undefined
         (case (do-start-child (mref state 'name) child)
           ((tuple 'ok pid)
            (tuple 'reply (tuple 'ok pid) (replace-child (mset child 'pid pid) state)))
           ((tuple 'ok pid info)
            (tuple 'reply (tuple 'ok pid info) (replace-child (mset child 'pid pid) state)))
           (err (tuple 'reply err state))))
        ('restarting (tuple 'reply (tuple 'error 'restarting) state))
        (_ (tuple 'reply (tuple 'error 'running) state))))
     ('error (tuple 'reply (tuple 'error 'not_found) state))))
  (((tuple 'delete_child _) _ state) (when (== (mref state 'strategy) 'simple_one_for_one))
   (tuple 'reply (tuple 'error 'simple_one_for_one) state))
  (((tuple 'delete_child id) _ state)
   (case (find-child id state)
     ((tuple 'ok child)
      (case (mref child 'pid)
        ('undefined (tuple 'reply 'ok (remove-child id state)))
        ('restarting (tuple 'reply (tuple 'error 'restarting) state))
        (_ (tuple 'reply (tuple 'error 'running) state))))
     ('error (tuple 'reply (tuple 'error 'not_found) state))))
  (((tuple 'terminate_child pid) _ state)
   (when (== (mref state 'strategy) 'simple_one_for_one))
   (if (andalso (is_pid pid) (maps:is_key pid (mref state 'dynamics)))
     (let ((child (hd (mref state 'children))))
       (shutdown-child (mset child 'pid pid) (mref state 'name))
       (tuple 'reply 'ok (mset state 'dynamics (maps:remove pid (mref state 'dynamics)))))
     (tuple 'reply (cond ((not (is_pid pid)) (tuple 'error 'simple_one_for_one))
                         ((is_process_alive pid) (tuple 'error 'not_found))
                         ('true 'ok))
            state)))
  (((tuple 'terminate_child id) _ state)
   (case (find-child id state)
     ((tuple 'ok child)
      (if (is_pid (mref child 'pid)) (shutdown-child child (mref state 'name)))
      (if (== (mref child 'restart_type) 'temporary)
        (tuple 'reply 'ok (remove-child (mref child 'id) state))
        (tuple 'reply 'ok (replace-child (mset child 'pid 'undefined) state))))
     ('error (tuple 'reply (tuple 'error 'not_found) state))))
  (('which_children _ state)
   (if (== (mref state 'strategy) 'simple_one_for_one)
     (let ((child (hd (mref state 'children))))
       (tuple 'reply
              (lists:map (lambda (pid)
                           (tuple 'undefined pid (mref child 'child_type)
                                  (mref child 'modules)))
                         (maps:keys (mref state 'dynamics)))
              state))
     (tuple 'reply
            (lists:map (lambda (c)
                         (tuple (mref c 'id) (mref c 'pid) (mref c 'child_type)
                                (mref c 'modules)))
                       (mref state 'children))
            state)))
  (('count_children _ state)
   (let* ((dynamic (== (mref state 'strategy) 'simple_one_for_one))
          (children (mref state 'children))
          (pids (if dynamic
                  (maps:keys (mref state 'dynamics))
                  (lists:filter (lambda (p) (is_pid p))
                                (lists:map (lambda (c) (mref c 'pid)) children))))
          (active (length (lists:filter (lambda (p) (is_process_alive p)) pids)))
          (specs (length children))
          (type (if (== children ()) 'worker (mref (hd children) 'child_type)))
          (sups (if dynamic
                  (if (== type 'supervisor) (length pids) 0)
                  (length (lists:filter (lambda (c) (== (mref c 'child_type) 'supervisor))
                                        children))))
          (workers (if dynamic (- (length pids) sups) (- specs sups))))
     (tuple 'reply (list (tuple 'specs specs) (tuple 'active active)
                         (tuple 'supervisors sups) (tuple 'workers workers))
            state)))
  (((tuple 'get_childspec _) _ state)
   (when (== (mref state 'strategy) 'simple_one_for_one))
   (tuple 'reply (tuple 'ok (spec-map (hd (mref state 'children)))) state))
  (((tuple 'get_childspec id) _ state)
   (case (find-child-by id state)
     ((tuple 'ok child) (tuple 'reply (tuple 'ok (spec-map child)) state))
     ('error (tuple 'reply (tuple 'error 'not_found) state))))
  (('get_callback_module _ state) (tuple 'reply (tuple 'ok (mref state 'module)) state))
  ((req _ state)
   (logger:log 'error (map 'label (tuple 'supervisor 'unexpected_call) 'report
                           (list (tuple 'supervisor (mref state 'name))
                                 (tuple 'unexpected_call req)))
               (map 'error_logger (map 'tag 'error)))
   (tuple 'reply 'ignore state)))

(defun handle_cast
  (((tuple 'try_again_restart id) state)
   (case (find-child-by id state)
     ((tuple 'ok child)
      (case (restart child state)
        ((tuple 'ok s) (tuple 'noreply s))
        ((tuple 'shutdown s) (tuple 'stop 'shutdown s))))
     ('error (tuple 'noreply state))))
  ((_ state) (tuple 'noreply state)))

(defun handle_info
  (((tuple 'EXIT pid reason) state)
   (case (restart-child pid reason state)
     ((tuple 'ok s) (tuple 'noreply s))
     ((tuple 'shutdown s) (tuple 'stop 'shutdown s))))
  ((msg state)
   (logger:log 'error
               (map 'label (tuple 'supervisor 'unexpected_msg)
                    'report (list (tuple 'supervisor (mref state 'name))
                                  (tuple 'unexpected_msg msg)))
               (map 'error_logger (map 'tag 'error)))
   (tuple 'noreply state)))

(defun terminate (_reason state)
  (if (== (mref state 'strategy) 'simple_one_for_one)
    (terminate-dynamic state)
    (terminate-children (mref state 'children) (mref state 'name)))
  'ok)

(defun code_change (_old state _extra) (tuple 'ok state))

(defun format_status
  (('terminate (list _pdict state)) state)
  ((_opt (list _pdict state))
   (list (tuple 'data (list (tuple "State" state)))
         (tuple 'supervisor (list (tuple "Callback" (mref state 'module)))))))

;; The children, newest first.
(defun add-child (child state)
  (mset state 'children (cons child (mref state 'children))))

(defun add-dynamic (pid args state)
  (mset state 'dynamics (maps:put pid args (mref state 'dynamics))))

(defun replace-child (child state)
  (let ((id (mref child 'id)))
    (mset state 'children
          (lists:map (lambda (c) (if (== (mref c 'id) id) child c)) (mref state 'children)))))

(defun remove-child (id state)
  (mset state 'children
        (lists:filter (lambda (c) (/= (mref c 'id) id)) (mref state 'children))))

(defun find-child (id state)
  (case (lists:filter (lambda (c) (== (mref c 'id) id)) (mref state 'children))
    ((cons c _) (tuple 'ok c))
    (() 'error)))

(defun find-child-by (id-or-pid state)
  (case (lists:filter (lambda (c) (orelse (== (mref c 'id) id-or-pid)
                                          (andalso (is_pid id-or-pid)
                                                   (== (mref c 'pid) id-or-pid))))
                      (mref state 'children))
    ((cons c _) (tuple 'ok c))
    (() 'error)))

;; A child ended with `reason`: restart it, or not, by its type.
(defun restart-child (pid reason state)
  (if (== (mref state 'strategy) 'simple_one_for_one)
    (case (maps:find pid (mref state 'dynamics))
      ((tuple 'ok args)
       (let* ((template (hd (mref state 'children)))
              (child (saved (mset template 'pid pid
                                  'mfargs (set-args (mref template 'mfargs) args)))))
         (do-restart (mref child 'restart_type) reason child
                     (mset state 'dynamics (maps:remove pid (mref state 'dynamics))))))
      ('error (tuple 'ok state)))
    (case (lists:filter (lambda (c) (== (mref c 'pid) pid)) (mref state 'children))
      ((cons child _) (do-restart (mref child 'restart_type) reason child state))
      (() (tuple 'ok state)))))

(defun set-args
  (((tuple m f _) args) (tuple m f args)))

;; A temporary child is never restarted: its arguments are not kept, as OTP keeps them not.
(defun saved (child)
  (case (tuple (mref child 'restart_type) (mref child 'mfargs))
    ((tuple 'temporary (tuple m f _)) (mset child 'mfargs (tuple m f 'undefined)))
    (_ child)))

(defun do-restart (type reason child state)
  (let ((name (mref state 'name)))
    (case (tuple type (normal-exit reason))
      ((tuple 'permanent _)
       (report-error 'child_terminated reason child name)
       (restart child state))
      ((tuple _ 'true) (significant-gone child (child-gone child state)))
      ((tuple 'transient 'false)
       (report-error 'child_terminated reason child name)
       (restart child state))
      ((tuple 'temporary 'false)
       (report-error 'child_terminated reason child name)
       (significant-gone child (child-gone child state))))))

;; A significant child that ended for good may end the supervisor (auto_shutdown).
(defun significant-gone (child state)
  (case (tuple (mref child 'significant) (mref state 'auto_shutdown))
    ((tuple 'true 'any_significant) (tuple 'shutdown state))
    ((tuple 'true 'all_significant)
     (if (lists:any (lambda (c) (andalso (mref c 'significant) (is_pid (mref c 'pid))))
                    (mref state 'children))
       (tuple 'ok state)
       (tuple 'shutdown state)))
    (_ (tuple 'ok state))))

(defun normal-exit
  (('normal) 'true)
  (('shutdown) 'true)
  (((tuple 'shutdown _)) 'true)
  ((_) 'false))

;; A child that ended and is not restarted: a temporary one is forgotten.
(defun child-gone (child state)
  (cond ((== (mref state 'strategy) 'simple_one_for_one) state)
        ((== (mref child 'restart_type) 'temporary) (remove-child (mref child 'id) state))
        ('true (replace-child (mset child 'pid 'undefined) state))))

(defun restart (child state)
  (case (add-restart state)
    ((tuple 'ok s)
     (case (restart-by (mref s 'strategy) child s)
       ((tuple 'ok s2) (tuple 'ok s2))
       ((tuple 'try_again s2 id)
        (gen_server:cast (self) (tuple 'try_again_restart id))
        (tuple 'ok s2))))
    ((tuple 'terminate s)
     (report-error 'shutdown 'reached_max_restart_intensity child (mref s 'name))
     (tuple 'shutdown (child-gone child s)))))

(defun add-restart (state)
  (let* ((now (erlang:monotonic_time 'second))
         (period (mref state 'period))
         (recent (lists:filter (lambda (t) (< (- now t) period)) (mref state 'restarts)))
         (rs (cons now recent)))
    (if (=< (length rs) (mref state 'intensity))
      (tuple 'ok (mset state 'restarts rs))
      (tuple 'terminate (mset state 'restarts rs)))))

(defun restart-by
  (('simple_one_for_one child state)
   (let (((tuple m f args) (mref child 'mfargs)))
     (case (catch (apply m f args))
       ((tuple 'ok pid) (when (is_pid pid)) (tuple 'ok (add-dynamic pid args state)))
       ((tuple 'ok pid _) (when (is_pid pid)) (tuple 'ok (add-dynamic pid args state)))
       ('ignore (tuple 'ok state))
       (err
        (report-error 'start_error (start-error err) child (mref state 'name))
        (tuple 'ok state)))))
  (('one_for_one child state)
   (case (do-start-child (mref state 'name) child)
     ((tuple 'ok pid) (tuple 'ok (replace-child (mset child 'pid pid) state)))
     ((tuple 'ok pid _) (tuple 'ok (replace-child (mset child 'pid pid) state)))
     ((tuple 'error reason)
      (report-error 'start_error reason child (mref state 'name))
      (tuple 'try_again (replace-child (mset child 'pid 'restarting) state) (mref child 'id)))))
  (('one_for_all child state)
   (let* ((children (replace-child-in (mset child 'pid 'undefined) (mref state 'children)))
          (others (lists:filter (lambda (c) (/= (mref c 'id) (mref child 'id))) children)))
     (terminate-children others (mref state 'name))
     (restart-list (lists:reverse children) state child)))
  (('rest_for_one child state)
   (let* ((children (replace-child-in (mset child 'pid 'undefined) (mref state 'children)))
          ;; Newest first: those started after the child come before it in the list.
          ((tuple newer (cons me older)) (lists:splitwith
                                          (lambda (c) (/= (mref c 'id) (mref child 'id)))
                                          children)))
     (terminate-children newer (mref state 'name))
     (restart-list (cons me (lists:reverse newer)) (mset state 'children older) child))))

(defun replace-child-in (child children)
  (lists:map (lambda (c) (if (== (mref c 'id) (mref child 'id)) child c)) children))

(defun start-error
  (((tuple 'error r)) r)
  ((r) r))

;; Starts `children` (oldest first) again on top of the state's older children.
(defun restart-list (children state failed)
  (let ((base (lists:filter (lambda (c) (not (lists:any (lambda (x) (== (mref x 'id) (mref c 'id)))
                                                          children)))
                            (mref state 'children))))
    (restart-list2 children (mset state 'children base) failed)))

(defun restart-list2
  ((() state _) (tuple 'ok state))
  (((cons child rest) state failed)
   (if (andalso (== (mref child 'restart_type) 'temporary) (/= (mref child 'id) (mref failed 'id)))
     (restart-list2 rest state failed)
     (if (andalso (== (mref child 'restart_type) 'temporary) (== (mref child 'id) (mref failed 'id)))
       (restart-list2 rest state failed)
       (case (do-start-child (mref state 'name) child)
         ((tuple 'ok pid) (restart-list2 rest (add-child (mset child 'pid pid) state) failed))
         ((tuple 'ok pid _) (restart-list2 rest (add-child (mset child 'pid pid) state) failed))
         ((tuple 'error reason)
          (report-error 'start_error reason child (mref state 'name))
          (let ((s (lists:foldl (lambda (c s) (add-child (mset c 'pid 'undefined) s))
                                (add-child (mset child 'pid 'restarting) state) rest)))
            (tuple 'try_again s (mref child 'id)))))))))

;; Stops each child (newest first) by its shutdown.
(defun terminate-children (children sup-name)
  (lists:foreach (lambda (c)
                   (case (mref c 'pid)
                     (pid (when (is_pid pid)) (shutdown-child c sup-name))
                     (_ 'ok)))
                 children))

(defun terminate-dynamic (state)
  (let ((child (hd (mref state 'children))))
    (lists:foreach (lambda (pid) (shutdown-child (mset child 'pid pid) (mref state 'name)))
                   (maps:keys (mref state 'dynamics)))))

(defun shutdown-child (child sup-name)
  (let* ((pid (mref child 'pid))
         (result (shutdown pid (mref child 'shutdown))))
    (case result
      ('ok 'ok)
      ((tuple 'error reason) (report-error 'shutdown_error reason child sup-name)))))

(defun shutdown
  ((pid 'brutal_kill)
   (let ((mon (erlang:monitor 'process pid)))
     (exit pid 'kill)
     (receive
       ((tuple 'DOWN m 'process _ reason0) (when (=:= m mon))
        (case (unlink-flush pid reason0)
          ('killed 'ok)
          (other (tuple 'error other)))))))
  ((pid time)
   (let ((mon (erlang:monitor 'process pid)))
     (exit pid 'shutdown)
     (receive
       ((tuple 'DOWN m 'process _ reason0) (when (=:= m mon))
        (case (unlink-flush pid reason0)
          ('shutdown 'ok)
          (other (tuple 'error other))))
       (after time
         (exit pid 'kill)
         (receive
           ((tuple 'DOWN m 'process _ reason0) (when (=:= m mon))
            (tuple 'error (unlink-flush pid reason0)))))))))

(defun unlink-flush (pid default)
  (unlink pid)
  (receive
    ((tuple 'EXIT p reason) (when (=:= p pid)) (if (== default 'noproc) reason default))
    (after 0 default)))

(defun report-error (error reason child sup-name)
  (logger:log 'error
              (map 'label (tuple 'supervisor error)
                   'report (list (tuple 'supervisor sup-name)
                                 (tuple 'errorContext error)
                                 (tuple 'reason reason)
                                 (tuple 'offender (extract-child child))))
              (map 'domain '(otp sasl)
                   'error_logger (map 'tag 'error_report 'type 'supervisor_report))))

;; OTP's #child record of a child, as start errors show it.
(defun child-record (child)
  (tuple 'child (mref child 'pid) (mref child 'id) (mref child 'mfargs)
         (mref child 'restart_type) (mref child 'significant) (mref child 'shutdown)
         (mref child 'child_type) (mref child 'modules)))

(defun extract-child (child)
  (list (tuple 'pid (mref child 'pid))
        (tuple 'id (mref child 'id))
        (tuple 'mfargs (mref child 'mfargs))
        (tuple 'restart_type (mref child 'restart_type))
        (tuple 'significant (mref child 'significant))
        (tuple 'shutdown (mref child 'shutdown))
        (tuple 'child_type (mref child 'child_type))))
