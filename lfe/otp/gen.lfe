;; What OTP's behaviours share: starting a process by proc_lib with its name registered
;; (`#(local N)`, `#(global N)`, `#(via M N)`), and calls with OTP's own messages, so that
;; they work with the same behaviours on BEAM nodes: a call is
;; `#(Label #(From Tag) Request)`, answered `#(Tag Reply)`; the caller watches the callee
;; with a monitor, so that a dead callee is `noproc` and a lost node `#(nodedown N)`.
(defmodule gen
  (export (start 5) (start 6) (init_it 6) (init_it 7)
          (call 3) (call 4) (reply 2) (send_request 3)
          (wait_response 2) (receive_response 2) (check_response 2)
          (where 1) (get_parent 0) (name 1) (unregister_name 1) (debug_options 2)
          (timeout 1) (spawn_opts 1) (hibernate_after 1) (format_status_header 2)
          (client_info 1) (exit_reason 3)))

;; start(GenMod, LinkP, [Name,] Mod, Args, Options): LinkP is link, monitor or nolink.
(defun start (gen-mod link-p mod args opts)
  (do-spawn gen-mod link-p 'self mod args opts))

(defun start (gen-mod link-p name mod args opts)
  (case (where name)
    ('undefined (do-spawn gen-mod link-p name mod args opts))
    (pid (tuple 'error (tuple 'already_started pid)))))

(defun do-spawn (gen-mod link-p name mod args opts)
  (let ((time (timeout opts))
        (spawn-opts (spawn_opts opts)))
    (case link-p
      ('link (proc_lib:start_link 'gen 'init_it
                                  (list gen-mod (self) (self) name mod args opts)
                                  time spawn-opts))
      ('monitor
       (case (proc_lib:start_monitor 'gen 'init_it
                                     (list gen-mod (self) (self) name mod args opts)
                                     time spawn-opts)
         ((tuple (tuple 'ok pid) mon) (tuple 'ok (tuple pid mon)))
         ((tuple error mon) (erlang:demonitor mon '(flush)) error)))
      (_ (proc_lib:start 'gen 'init_it
                         (list gen-mod (self) 'self name mod args opts)
                         time spawn-opts)))))

(defun init_it (gen-mod starter parent mod args opts)
  (init_it gen-mod starter parent 'self mod args opts))

(defun init_it
  ((gen-mod starter parent 'self mod args opts)
   (init-it2 gen-mod starter parent (self) mod args opts))
  ((gen-mod starter parent name mod args opts)
   (case (register-name name)
     ('true (init-it2 gen-mod starter parent name mod args opts))
     ((tuple 'false pid)
      (proc_lib:init_ack starter (tuple 'error (tuple 'already_started pid)))))))

(defun init-it2 (gen-mod starter parent name mod args opts)
  ;; A server started unlinked is its own parent.
  (call gen-mod 'init_it starter (if (== parent 'self) (self) parent) name mod args opts))

(defun register-name
  (((tuple 'local name))
   (try (progn (register name (self)) 'true)
     (catch ((tuple _ _ _) (tuple 'false (whereis name))))))
  (((tuple 'global name))
   (case (global:register_name name (self))
     ('yes 'true)
     ('no (tuple 'false (global:whereis_name name)))))
  (((tuple 'via mod name))
   (case (call mod 'register_name name (self))
     ('yes 'true)
     ('no (tuple 'false (call mod 'whereis_name name))))))

(defun name
  (((tuple 'local name)) name)
  (((tuple 'global name)) name)
  (((tuple 'via _ name)) name)
  ((pid) pid))

(defun unregister_name
  (((tuple 'local name)) (try (unregister name) (catch ((tuple _ _ _) 'ok))))
  (((tuple 'global name)) (global:unregister_name name))
  (((tuple 'via mod name)) (call mod 'unregister_name name))
  ((_) 'ok))

(defun where
  (((tuple 'global name)) (global:whereis_name name))
  (((tuple 'via mod name)) (call mod 'whereis_name name))
  (((tuple 'local name)) (whereis name))
  ((_) 'undefined))

(defun timeout (opts)
  (case (lists:keyfind 'timeout 1 opts)
    ((tuple _ time) time)
    ('false 'infinity)))

(defun spawn_opts (opts)
  (case (lists:keyfind 'spawn_opt 1 opts)
    ((tuple _ o) o)
    ('false ())))

(defun hibernate_after (opts)
  (case (lists:keyfind 'hibernate_after 1 opts)
    ((tuple _ h) h)
    ('false 'infinity)))

(defun debug_options (_name opts)
  (case (lists:keyfind 'debug 1 opts)
    ((tuple _ options) (sys:debug_options options))
    ('false ())))

(defun get_parent ()
  (case (get '$ancestors)
    ((cons p _) (when (is_pid p)) p)
    ((cons name _) (case (whereis name) ('undefined (exit 'process_not_found)) (p p)))
    (_ (exit 'process_not_found))))

;; A call of the process `process` (a pid, a registered name, #(Name Node), #(global N),
;; #(via M N)); exits noproc, #(nodedown N), timeout or the callee's exit reason.
(defun call (process label request)
  (gen_native:call process label request 5000))

(defun call (process label request timeout)
  (gen_native:call process label request timeout))

;; The reply to a call: `#(Tag Reply)` to the caller (a tag `(alias . Ref)` from a BEAM
;; node is answered to the caller's pid as well).
(defun reply (from reply) (gen_native:reply from reply))

;; A request sent now whose reply is collected later.
(defun send_request (process label request)
  (let ((mref (erlang:monitor 'process (send-target process))))
    (erlang:send (send-target process) (tuple label (tuple (self) mref) request) '(noconnect))
    mref))

(defun send-target
  (((tuple 'global name)) (global:whereis_name name))
  (((tuple 'via mod name)) (call mod 'whereis_name name))
  ((p) p))

(defun wait_response (mref timeout)
  (receive
    ((tuple tag reply) (when (=:= tag mref))
     (erlang:demonitor mref '(flush))
     (tuple 'reply reply))
    ((tuple 'DOWN ref _ object reason) (when (=:= ref mref))
     (tuple 'error (tuple reason object)))
    (after (if (== timeout 'infinity) 'infinity timeout) 'timeout)))

(defun receive_response (mref timeout)
  (receive
    ((tuple tag reply) (when (=:= tag mref))
     (erlang:demonitor mref '(flush))
     (tuple 'reply reply))
    ((tuple 'DOWN ref _ object reason) (when (=:= ref mref))
     (tuple 'error (tuple reason object)))
    (after (if (== timeout 'infinity) 'infinity timeout)
      (erlang:demonitor mref '(flush))
      (receive
        ((tuple tag reply) (when (=:= tag mref)) (tuple 'reply reply))
        (after 0 'timeout)))))

(defun check_response
  (((tuple tag reply) mref) (when (=:= tag mref))
   (erlang:demonitor mref '(flush))
   (tuple 'reply reply))
  (((tuple 'DOWN r _ object reason) mref) (when (=:= r mref))
   (tuple 'error (tuple reason object)))
  ((_ _) 'no_reply))

;; The exit reason of a process that ended with an exception of `class`.
(defun exit_reason
  (('error reason stack) (tuple reason stack))
  (('exit reason _) reason)
  (('throw reason stack) (tuple (tuple 'nocatch reason) stack)))

;; What a crashed server's report tells of the caller it was answering: remote, dead, or
;; where it waits (it is asked).
(defun client_info (pid)
  (cond ((/= (node pid) (node)) (tuple pid 'remote))
        ((is_process_alive pid) (tuple pid (tuple pid (gen_native:client_stack pid))))
        ('true (tuple pid 'dead))))

(defun format_status_header (tag-line name)
  (cond ((is_pid name) (lists:concat (list tag-line " " (pid_to_list name))))
        ((is_atom name) (lists:concat (list tag-line " " name)))
        ('true (tuple tag-line name))))
