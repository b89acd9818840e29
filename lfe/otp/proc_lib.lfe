;; Processes that OTP's behaviours are made of: each knows its ancestors and its initial call
;; (in its dictionary, as `$ancestors` and `$initial_call`), tells its starter when it has
;; started (`init_ack`), and when it ends abnormally leaves a crash report.
(defmodule proc_lib
  (export (spawn 1) (spawn 2) (spawn 3) (spawn 4)
          (spawn_link 1) (spawn_link 2) (spawn_link 3) (spawn_link 4)
          (spawn_opt 2) (spawn_opt 3) (spawn_opt 4) (spawn_opt 5)
          (start 3) (start 4) (start 5) (start_link 3) (start_link 4) (start_link 5)
          (start_monitor 3) (start_monitor 4) (start_monitor 5)
          (init_ack 1) (init_ack 2) (init_p 3) (init_p 5) (init_p_do_apply 3)
          (initial_call 1) (translate_initial_call 1) (hibernate 3)
          (stop 1) (stop 3) (format 1) (format 2) (format 3)))

(defun ancestors ()
  (case (get '$ancestors)
    (a (when (is_list a)) a)
    (_ ())))

(defun my-name ()
  (case (process_info (self) 'registered_name)
    ((tuple 'registered_name name) name)
    (_ (self))))

(defun spawn (f) (erlang:spawn 'proc_lib 'init_p (list (my-name) (ancestors) f)))
(defun spawn (node f) (erlang:spawn node 'proc_lib 'init_p (list (my-name) (ancestors) f)))
(defun spawn (m f a) (erlang:spawn 'proc_lib 'init_p (list (my-name) (ancestors) m f a)))
(defun spawn (node m f a)
  (erlang:spawn node 'proc_lib 'init_p (list (my-name) (ancestors) m f a)))

(defun spawn_link (f) (erlang:spawn_link 'proc_lib 'init_p (list (my-name) (ancestors) f)))
(defun spawn_link (node f)
  (erlang:spawn_link node 'proc_lib 'init_p (list (my-name) (ancestors) f)))
(defun spawn_link (m f a) (erlang:spawn_link 'proc_lib 'init_p (list (my-name) (ancestors) m f a)))
(defun spawn_link (node m f a)
  (erlang:spawn_link node 'proc_lib 'init_p (list (my-name) (ancestors) m f a)))

(defun spawn_opt (f opts)
  (erlang:spawn_opt 'proc_lib 'init_p (list (my-name) (ancestors) f) opts))
(defun spawn_opt (node f opts)
  (erlang:spawn_opt node 'proc_lib 'init_p (list (my-name) (ancestors) f) opts))
(defun spawn_opt (m f a opts)
  (erlang:spawn_opt 'proc_lib 'init_p (list (my-name) (ancestors) m f a) opts))
(defun spawn_opt (node m f a opts)
  (erlang:spawn_opt node 'proc_lib 'init_p (list (my-name) (ancestors) m f a) opts))

(defun init_p (parent ancestors f)
  (put '$ancestors (cons parent ancestors))
  (put '$initial_call (fun-initial-call f))
  (try (funcall f)
    (catch ((tuple class reason stack) (exit-p class reason stack)))))

(defun init_p (parent ancestors m f a)
  (put '$ancestors (cons parent ancestors))
  (put '$initial_call (trans-init m f a))
  (init_p_do_apply m f a))

(defun init_p_do_apply (m f a)
  (try (apply m f a)
    (catch ((tuple class reason stack) (exit-p class reason stack)))))

(defun fun-initial-call (f)
  (let (((tuple 'module m) (erlang:fun_info f 'module))
        ((tuple 'name n) (erlang:fun_info f 'name))
        ((tuple 'arity a) (erlang:fun_info f 'arity)))
    (tuple m n a)))

;; The initial call a report shows: the callback module's init/1 of a behaviour.
(defun trans-init
  (('gen 'init_it (list 'gen_server _ _ 'supervisor (tuple _ mod _) _))
   (tuple 'supervisor mod 1))
  (('gen 'init_it (list 'gen_server _ _ _ 'supervisor (tuple _ mod _) _))
   (tuple 'supervisor mod 1))
  (('gen 'init_it (list 'gen_server _ _ 'supervisor_bridge (list mod _ _) _))
   (tuple 'supervisor_bridge mod 1))
  (('gen 'init_it (list 'gen_event _ _ _ 'gen_event _ _))
   (tuple 'gen_event 'init_it 6))
  (('gen 'init_it (list _ _ _ mod _ _)) (when (is_atom mod)) (tuple mod 'init 1))
  (('gen 'init_it (list _ _ _ _ mod _ _)) (when (is_atom mod)) (tuple mod 'init 1))
  ((m f a) (tuple m f (length a))))

(defun exit-p (class reason stack)
  (let ((mfa (case (get '$initial_call)
               ((= (tuple _ _ _) mfa) mfa)
               (_ (tuple 'proc_lib 'init_p 5)))))
    (crash-report class reason mfa stack)
    (erlang:raise 'exit (exit-reason class reason stack) stack)))

(defun exit-reason
  (('error reason stack) (tuple reason stack))
  (('exit reason _) reason)
  (('throw reason stack) (tuple (tuple 'nocatch reason) stack)))

(defun crash-report
  (('exit 'normal _ _) 'ok)
  (('exit 'shutdown _ _) 'ok)
  (('exit (tuple 'shutdown _) _ _) 'ok)
  ((class reason mfa stack)
   (logger:log 'error
               (map 'label (tuple 'proc_lib 'crash)
                    'report (list (my-info class reason mfa stack) ()))
               (map 'domain '(otp sasl)
                    'error_logger (map 'tag 'error_report 'type 'crash_report)))))

(defun my-info (class reason mfa stack)
  (list (tuple 'initial_call mfa)
        (tuple 'pid (self))
        (tuple 'registered_name
               (case (process_info (self) 'registered_name)
                 ((tuple _ n) n)
                 (_ ())))
        (tuple 'error_info (tuple class reason stack))
        (tuple 'ancestors (case (get '$ancestors) ('undefined ()) (a a)))
        (info-of 'message_queue_len)
        (info-of 'messages)
        (info-of 'links)
        (tuple 'dictionary
               (lists:filter (match-lambda
                               (((tuple '$ancestors _)) 'false)
                               (((tuple '$initial_call _)) 'false)
                               ((_) 'true))
                             (element 2 (process_info (self) 'dictionary))))
        (info-of 'trap_exit)
        (info-of 'status)
        (info-of 'heap_size)
        (info-of 'stack_size)
        (info-of 'reductions)))

(defun info-of (item)
  (case (process_info (self) item)
    ((= (tuple _ _) i) i)
    (_ (tuple item 'undefined))))

;; Starts a process by proc_lib and waits for its init_ack.
(defun start (m f a) (start m f a 'infinity ()))
(defun start (m f a timeout) (start m f a timeout ()))
(defun start (m f a timeout opts)
  (sync-start (spawn_opt m f a (cons 'monitor opts)) timeout))

(defun start_link (m f a) (start_link m f a 'infinity ()))
(defun start_link (m f a timeout) (start_link m f a timeout ()))
(defun start_link (m f a timeout opts)
  (sync-start (spawn_opt m f a (list* 'link 'monitor opts)) timeout))

(defun start_monitor (m f a) (start_monitor m f a 'infinity ()))
(defun start_monitor (m f a timeout) (start_monitor m f a timeout ()))
(defun start_monitor (m f a timeout opts)
  (let (((tuple pid ref) (spawn_opt m f a (cons 'monitor opts))))
    (receive
      ((tuple 'ack p return) (when (=:= p pid)) (tuple return ref))
      ((tuple 'DOWN r 'process p reason) (when (=:= r ref) (=:= p pid))
       (self-down ref pid reason)
       (tuple (tuple 'error reason) ref))
      (after timeout
        (kill-flush pid)
        (tuple (tuple 'error 'timeout) ref)))))

(defun self-down (ref pid reason)
  (! (self) (tuple 'DOWN ref 'process pid reason)))

(defun sync-start
  (((tuple pid ref) timeout)
   (receive
     ((tuple 'ack p return) (when (=:= p pid))
      (erlang:demonitor ref '(flush))
      return)
     ((tuple 'DOWN r 'process p reason) (when (=:= r ref) (=:= p pid))
      (tuple 'error reason))
     (after timeout
       (erlang:demonitor ref '(flush))
       (kill-flush pid)
       (tuple 'error 'timeout)))))

(defun kill-flush (pid)
  (erlang:unlink pid)
  (exit pid 'kill)
  (receive ((tuple 'EXIT p _) (when (=:= p pid)) 'true) (after 0 'true)))

(defun init_ack (return)
  (case (get '$ancestors)
    ((cons parent _) (init_ack parent return))
    (_ 'ok)))

(defun init_ack (parent return)
  (! parent (tuple 'ack (self) return))
  'ok)

(defun initial_call (process)
  (case (dictionary-of process)
    ('false 'false)
    (dict (case (lists:keyfind '$initial_call 1 dict)
            ((tuple _ (tuple m f a)) (tuple m f (make-args a)))
            (_ 'false)))))

(defun make-args (n) (lists:map (lambda (i) (list_to_atom (++ "Argument__" (integer_to_list i))))
                                (lists:seq 1 n)))

(defun translate_initial_call (process)
  (case (dictionary-of process)
    ('false (tuple 'proc_lib 'init_p 5))
    (dict (case (lists:keyfind '$initial_call 1 dict)
            ((tuple _ (= (tuple _ _ _) mfa)) mfa)
            (_ (tuple 'proc_lib 'init_p 5))))))

(defun dictionary-of (process)
  (let ((pid (if (is_pid process) process (whereis process))))
    (case (if (is_pid pid) (process_info pid 'dictionary) 'undefined)
      ((tuple 'dictionary d) d)
      (_ 'false))))

(defun hibernate (m f a) (erlang:hibernate m f a))

;; Stops the process as a supervisor would: a monitor, an exit signal, and a wait.
(defun stop (process) (stop process 'normal 'infinity))

(defun stop (process reason timeout)
  (let* ((mref (erlang:monitor 'process process))
         ((tuple helper href)
          (spawn_monitor
           (lambda ()
             (sys:terminate process reason 'infinity)))))
    ;; The process has stopped when its own DOWN comes, with the reason asked for.
    (receive
      ((tuple 'DOWN r _ _ why) (when (=:= r mref))
       (exit helper 'kill)
       (receive ((tuple 'DOWN h _ _ _) (when (=:= h href)) 'ok))
       (cond ((== why reason) 'ok)
             ('true (exit why))))
      (after timeout
        (exit helper 'kill)
        (erlang:demonitor href '(flush))
        (erlang:demonitor mref '(flush))
        (exit 'timeout)))))

(defun format (report) (format report 'latin1 'unlimited))
(defun format (report encoding) (format report encoding 'unlimited))
(defun format (report _encoding _depth)
  (let (((tuple _ (list text)) (logger:format_report (map 'label #(proc_lib crash)
                                                          'report report))))
    text))
