;; Applications with start phases (otp_phases*.app): started by application_starter,
;; the phases of the application and of the one it includes; an included application
;; loaded and unloaded with the one including it; a phase that fails and a start/2
;; that fails, with the crash report of application_master and the controller's
;; report. Reports are written (logger_std_h:filesync) before each result prints; a
;; primary filter sets the sizes a crash report shows to 0.
(defmodule otp_app_phases
  (export (main 0) (steady 2) (start 2) (start_phase 3) (stop 1) (init 1)))

(defun steady (event _extra)
  (case (mref event 'msg)
    ((tuple 'report (= (map 'label #(proc_lib crash) 'report (list crasher linked)) r))
     (mset event 'msg (tuple 'report (mset r 'report (list (steady-crasher crasher) linked)))))
    (_ event)))

(defun steady-crasher (crasher)
  (lists:map
   (match-lambda
     (((tuple key _)) (when (orelse (== key 'heap_size) (== key 'stack_size)
                                    (== key 'reductions)))
      (tuple key 0))
     ((other) other))
   crasher))

(defun start (t a) (io:format "start ~p ~p~n" (list t a)) (supervisor:start_link 'otp_app_phases ()))
(defun start_phase (p t a) (io:format "phase ~p ~p ~p~n" (list p t a)) 'ok)
(defun stop (_) 'ok)
(defun init (_) #(ok #(#(one_for_one 1 1) ())))

(defun names (l) (lists:sort (lists:map (lambda (x) (element 1 x)) l)))

(defun show (x)
  (logger_std_h:filesync 'default)
  (io:format "~p~n" (list x)))

(defun main ()
  (logger:add_primary_filter 'steady (tuple (fun steady 2) ()))
  (show (application:load 'otp_phases))
  (show (names (application:loaded_applications)))
  (show (application:start 'otp_phases))
  (show (names (application:which_applications)))
  (show (application:get_key 'otp_phases 'included_applications))
  (show (application:get_key 'otp_phases_inc 'start_phases))
  (show (application:start 'otp_phases_bad))
  (show (application:start 'otp_phases_nostart))
  (show (application:stop 'otp_phases))
  (show (application:unload 'otp_phases))
  (show (names (application:loaded_applications))))

(defmodule otp_app_phases_inc (export (start 2) (start_phase 3) (stop 1)))
(defun start (t a) (io:format "inc start ~p ~p~n" (list t a)) #(error never))
(defun start_phase (p t a) (io:format "inc phase ~p ~p ~p~n" (list p t a)) 'ok)
(defun stop (_) 'ok)

(defmodule otp_app_phases_bad (export (start 2) (start_phase 3) (stop 1) (init 1)))
(defun start (_ _) (supervisor:start_link 'otp_app_phases_bad ()))
(defun init (_) #(ok #(#(one_for_one 1 1) ())))
(defun start_phase (p t a) (io:format "bad phase ~p ~p ~p~n" (list p t a)) #(error oops))
(defun stop (_) 'ok)

(defmodule otp_app_phases_nostart (export (start 2) (stop 1)))
(defun start (_ _) #(error nope))
(defun stop (_) 'ok)
