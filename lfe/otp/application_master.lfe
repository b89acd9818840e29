;; An application's master, as OTP 25's application_master: started by proc_lib (so a
;; failed start leaves OTP's crash report, `application_master:init/4`), linked to the
;; application controller and the process that asked for the start. It is the group leader
;; of the application's processes and passes their io on. Beside it runs the process that
;; calls the callback module's start/2 and then each start phase (start_phase/3, for the
;; application and, when its module is `{application_starter, [Mod, Args]}`, for its included
;; applications that have that phase), and that then holds the top supervisor.
(defmodule application_master
  (export (starter 6) (init 4) (start_it 4)))

;; The process the controller starts an application with: it waits for the master and tells
;; the controller how the start went.
(defun starter (ctl app spec type gl _from)
  (process_flag 'trap_exit 'true)
  (let ((result (proc_lib:start_link 'application_master 'init
                                     (list ctl (self) (tuple app spec gl) type))))
    (! ctl (tuple 'started app result))))

(defun init (ctl starter data type)
  (link ctl)
  (process_flag 'trap_exit 'true)
  (let* (((tuple app spec gl) data)
         (k (spawn_link 'application_master 'start_it (list (self) app spec type))))
    (case (starting gl k)
      ('ok
       (unlink starter)
       (proc_lib:init_ack starter (tuple 'ok (self)))
       (master-loop gl k 'running))
      ((tuple 'error reason) (exit reason)))))

;; Passes io on while start/2 and the start phases run; their result.
(defun starting (gl k)
  (receive
    ((= (tuple 'io_request _ _ _) req)
     (! gl req)
     (starting gl k))
    ((tuple 'started k2 result) (when (=:= k2 k)) result)
    ((tuple 'EXIT k2 reason) (when (=:= k2 k)) (tuple 'error reason))))

(defun master-loop (gl k state)
  (receive
    ((= (tuple 'io_request _ _ _) req)
     (! gl req)
     (master-loop gl k state))
    ((tuple 'get_child from)
     (! k (tuple 'get_child (self) from))
     (master-loop gl k state))
    ('stop
     (! k 'stop)
     (master-loop gl k 'stopping))
    ((tuple 'EXIT k2 reason) (when (=:= k2 k))
     (exit (if (== state 'stopping) 'normal reason)))
    (_ (master-loop gl k state))))

;; Calls the callback module's start/2, then the start phases; holds the top supervisor.
(defun start_it (m app spec type)
  (group_leader m (self))
  (process_flag 'trap_exit 'true)
  (let (((tuple mod args) (case (mref spec 'mod)
                            ((tuple 'application_starter (list mod args)) (tuple mod args))
                            (ma ma))))
    (case (start-callback mod args)
      ((tuple 'ok pid st)
       (case (start-phases spec mod)
         ('ok
          (! m (tuple 'started (self) 'ok))
          (keeper-loop m mod pid st))
         (err
          (exit pid 'shutdown)
          (receive ((tuple 'EXIT p _) (when (=:= p pid)) 'ok))
          (! m (tuple 'started (self) err)))))
      (err (! m (tuple 'started (self) err))))))

(defun start-callback (mod args)
  (case (try (call mod 'start 'normal args)
          (catch ((tuple 'throw r _) r)
                 ((tuple 'exit r _) (tuple 'EXIT r))
                 ((tuple 'error r stack) (tuple 'EXIT (tuple r stack)))))
    ((tuple 'ok pid) (when (is_pid pid)) (tuple 'ok pid ()))
    ((tuple 'ok pid st) (when (is_pid pid)) (tuple 'ok pid st))
    ((tuple 'error why) (tuple 'error (tuple why (tuple mod 'start (list 'normal args)))))
    (other (tuple 'error (tuple 'bad_return
                                (tuple (tuple mod 'start (list 'normal args)) other))))))

;; Each start phase of the application, in order: its module's, then (an application started
;; by application_starter) its included applications' that name the phase.
(defun start-phases (spec mod)
  (case (mref spec 'start_phases)
    ('undefined 'ok)
    (phases
     (let ((included (case (mref spec 'mod)
                       ((tuple 'application_starter _) (mref spec 'included_applications))
                       (_ ()))))
       (run-phases phases mod included)))))

(defun run-phases
  ((() _ _) 'ok)
  (((cons (tuple phase args) rest) mod included)
   (case (run-phase mod phase args)
     ('ok (case (included-phase included phase)
            ('ok (run-phases rest mod included))
            (err err)))
     (err err))))

(defun included-phase
  ((() _) 'ok)
  (((cons app rest) phase)
   (case (ets:lookup 'ac_tab (tuple 'loaded app))
     ((list (tuple _ spec))
      (case (tuple (mref spec 'mod) (mref spec 'start_phases))
        ((tuple (tuple mod _) phases) (when (is_list phases))
         (case (lists:keyfind phase 1 phases)
           ((tuple _ args)
            (case (run-phase mod phase args)
              ('ok (included-phase rest phase))
              (err err)))
           ('false (included-phase rest phase))))
        (_ (included-phase rest phase))))
     (() (included-phase rest phase)))))

(defun run-phase (mod phase args)
  (let ((mfa (tuple mod 'start_phase (list phase 'normal args))))
    (case (catch (call mod 'start_phase phase 'normal args))
      ('ok 'ok)
      ((tuple 'error why) (tuple 'error (tuple why mfa)))
      ((tuple 'EXIT why) (tuple 'error (tuple why mfa)))
      (other (tuple 'error (tuple 'bad_return_value (tuple mfa other)))))))

(defun keeper-loop (m mod pid st)
  (receive
    ('stop
     (let ((st2 (if (erlang:function_exported mod 'prep_stop 1)
                  (call mod 'prep_stop st)
                  st)))
       (exit pid 'shutdown)
       (receive ((tuple 'EXIT p _) (when (=:= p pid)) 'ok))
       (call mod 'stop st2)
       (exit 'normal)))
    ((tuple 'get_child m2 from)
     (! from (tuple 'child m2 pid))
     (keeper-loop m mod pid st))
    ((tuple 'EXIT p reason) (when (=:= p pid))
     (if (erlang:function_exported mod 'stop 1) (catch (call mod 'stop st)))
     (exit reason))
    ((tuple 'EXIT p reason) (when (=:= p m))
     (exit pid 'kill)
     (exit reason))
    (_ (keeper-loop m mod pid st))))
