;; logger and what its default handler prints: the primary level (notice), so
;; that info and debug are dropped until the level is lowered; each level's
;; heading; a format with arguments, a plain string, a report map and a report
;; list; logger:log/2,3; metadata with a domain (which the default handler's
;; filters drop); a format that does not fit its arguments; the handler's own
;; level; error_logger's functions; a handler of this file added
;; and removed (it prints the level and message it is given); and the default
;; formatter configured for single lines with a template. The default handler
;; writes from its own process, so after each event the program waits for it
;; with logger_std_h:filesync/1 before printing more.
(defmodule otp_logger
  (export (main 0) (log 2) (adding_handler 1) (removing_handler 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun settle () (logger_std_h:filesync 'default))

(defun step (tag thunk)
  (lfe_io:format "-- ~s~n" (list tag))
  (funcall thunk)
  (settle))

;; A handler: prints what it is given, in the process that logs.
(defun adding_handler (config)
  (lfe_io:format "adding_handler ~p~n" (list (mref config 'id)))
  (tuple 'ok config))

(defun removing_handler (config)
  (lfe_io:format "removing_handler ~p~n" (list (mref config 'id)))
  'ok)

(defun log (event config)
  (lfe_io:format "handler ~p got ~p ~p (meta has pid: ~p, time: ~p)~n"
                 (list (mref config 'id) (mref event 'level) (mref event 'msg)
                       (maps:is_key 'pid (mref event 'meta))
                       (maps:is_key 'time (mref event 'meta)))))

(defun main ()
  (show 'primary-level (mref (logger:get_primary_config) 'level))
  (show 'default-handler (lists:member 'default (logger:get_handler_ids)))
  (show 'default-handler-level (mref (element 2 (logger:get_handler_config 'default)) 'level))
  (show 'allowed (list (logger:allow 'info 'otp_logger) (logger:allow 'notice 'otp_logger)))
  (step "debug and info are dropped"
        (lambda () (logger:debug "a debug message") (logger:info "an info message")))
  (step "notice" (lambda () (logger:notice "a notice: ~p and ~s" (list 'atom "string"))))
  (step "warning" (lambda () (logger:warning "a warning with a term ~p" (list #(x (1 2 3))))))
  (step "error" (lambda () (logger:error "an error, no arguments")))
  (step "critical" (lambda () (logger:critical "critical ~w" '(1))))
  (step "alert" (lambda () (logger:alert "alert")))
  (step "emergency" (lambda () (logger:emergency "emergency")))
  (step "report map" (lambda () (logger:error #M(what disk-full free 0 path "/var"))))
  (step "report list" (lambda () (logger:warning '(#(step 1) #(status failed)))))
  (step "report map, long value"
        (lambda () (logger:notice (map 'items (lists:seq 1 40) 'name 'long))))
  (step "string with a newline" (lambda () (logger:notice "line one~nline two" ())))
  (step "log/2 and log/3"
        (lambda ()
          (logger:log 'warning "via log/3 ~p" '(3))
          (logger:log 'error #M(via log/2))))
  (step "with metadata"
        (lambda ()
          (logger:notice "with metadata, no domain" () #M(reason none))
          (logger:notice "with a domain of its own: dropped" () #M(domain (test)))))
  (step "format that does not fit" (lambda () (logger:notice "missing ~p ~p" '(1))))
  ;; Lower the primary level: info is printed, debug is not.
  (show 'set-primary-level (logger:set_primary_config 'level 'info))
  (step "info after level info"
        (lambda () (logger:info "now info shows ~p" '(yes)) (logger:debug "debug still not")))
  (show 'set-primary-level (logger:set_primary_config 'level 'debug))
  (step "debug after level debug" (lambda () (logger:debug "debug shows")))
  ;; The handler's own level.
  (show 'set-handler-level (logger:set_handler_config 'default 'level 'error))
  (step "warning below the handler's level"
        (lambda () (logger:warning "not printed") (logger:error "printed")))
  (show 'set-handler-level (logger:set_handler_config 'default 'level 'all))
  (show 'set-primary-level (logger:set_primary_config 'level 'notice))
  ;; error_logger's functions go through logger.
  (step "error_logger"
        (lambda ()
          (error_logger:error_msg "error_msg ~p~n" '(1))
          (error_logger:warning_msg "warning_msg ~p~n" '(2))
          (error_logger:info_msg "info_msg is logged at notice~n")
          (error_logger:info_report '(#(info_report also notice)))
          (error_logger:error_report '(#(key value) "a string" other))
          (error_logger:warning_report #M(a 1))))
  ;; A handler of this module.
  (show 'add-handler (logger:add_handler 'mine 'otp_logger #M(level warning)))
  (show 'handler-ids (lists:sort (logger:get_handler_ids)))
  (step "two handlers"
        (lambda ()
          (logger:warning "to both ~p" '(handlers))
          (logger:notice "notice: default only")
          (logger:error #M(report to-both))))
  (show 'remove-handler (logger:remove_handler 'mine))
  (show 'remove-again (logger:remove_handler 'mine))
  (show 'add-bad-handler (logger:add_handler 'bad 'otp_no_such_module #M()))
  ;; The default formatter on one line, with a template.
  (show 'formatter (logger:update_formatter_config
                    'default #M(single_line true legacy_header false
                                template (level ": " msg "\n"))))
  (step "single line"
        (lambda ()
          (logger:notice "one ~p" (list '(a b c)))
          (logger:warning #M(a 1 b "two"))
          (logger:error "multi~nline")))
  (show 'formatter (logger:update_formatter_config
                    'default #M(single_line false legacy_header true
                                template ((logger_formatter header) "\n" msg "\n"))))
  (step "back to the default" (lambda () (logger:notice "back"))))
