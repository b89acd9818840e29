;; The sys module on gen_servers: get_state, replace_state, get_status (the parts
;; that do not change from run to run) with and without a format_status/2
;; callback, suspend and resume (system messages still answered, others held),
;; change_code while suspended, trace and log of calls, casts and infos,
;; statistics, and terminate.
(defmodule otp_sys
  (behaviour gen_server)
  (export (main 0)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)
          (code_change 3)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun init (n) (tuple 'ok (map 'n n 'vsn 1)))

(defun handle_call
  (('get _from s) (tuple 'reply (mref s 'n) s))
  (((tuple 'add k) _from s)
   (let ((n (+ (mref s 'n) k))) (tuple 'reply n (mset s 'n n)))))

(defun handle_cast (((tuple 'set n) s) (tuple 'noreply (mset s 'n n))))

(defun handle_info ((_ s) (tuple 'noreply (mset s 'n (+ (mref s 'n) 1000)))))

(defun terminate (reason s)
  (lfe_io:format "terminate ~p ~p~n" (list reason s))
  'ok)

(defun code_change (old s extra)
  (lfe_io:format "code_change ~p ~p~n" (list old extra))
  (tuple 'ok (mset s 'vsn 2)))

;; What get_status answers, without the process dictionary, parent and debug options.
(defun status-parts
  (((tuple 'status _pid mod (list _pdict sys-state _parent _debug misc)))
   (list mod sys-state misc)))

(defun main ()
  (let (((tuple 'ok pid) (gen_server:start #(local otp_sys_server) 'otp_sys 10 ())))
    (show 'get-state (sys:get_state pid))
    (show 'get-state-by-name (sys:get_state 'otp_sys_server 1000))
    (show 'replace-state (sys:replace_state pid (lambda (s) (mset s 'n 20))))
    (show 'after-replace (gen_server:call pid 'get))
    (show 'replace-state-by-name (sys:replace_state 'otp_sys_server (lambda (s) (mset s 'n 21)) 1000))
    ;; get_status: the module, the sys state, and the callback's part.
    (let (((tuple 'status spid mod (list pdict sys-state parent debug misc)) (sys:get_status pid)))
      (show 'status-pid (== spid pid))
      (show 'status-mod mod)
      (show 'status-sys-state sys-state)
      (show 'status-parent-is-itself (== parent pid))
      (show 'status-debug debug)
      (show 'status-initial-call (proplists:get_value '$initial_call pdict))
      (show 'status-ancestors (== (proplists:get_value '$ancestors pdict) (list (self))))
      (show 'status-misc misc))
    ;; Suspended: system messages are answered, a cast waits for resume.
    (show 'suspend (sys:suspend pid))
    (gen_server:cast pid #(set 30))
    (show 'state-while-suspended (mref (sys:get_state pid) 'n))
    (show 'status-while-suspended (lists:nth 2 (element 4 (sys:get_status pid))))
    (show 'call-while-suspended
          (try (gen_server:call pid 'get 50)
            (catch ((tuple c (tuple r _) _) (tuple c r)))))
    (show 'resume (sys:resume pid))
    (show 'after-resume (gen_server:call pid 'get))
    ;; change_code calls code_change while suspended.
    (sys:suspend pid)
    (show 'change-code (sys:change_code pid 'otp_sys 'old-vsn 'extra-data))
    (sys:resume pid)
    (show 'vsn-after-change (mref (sys:get_state pid) 'vsn))
    ;; trace prints each event the server handles (*DBG* lines).
    (show 'trace (sys:trace pid 'true))
    (let ((r (gen_server:call pid #(add 1))))
      (gen_server:cast pid #(set 40))
      (! pid 'ping)
      (sys:get_state pid)
      (show 'traced-call r))
    (show 'trace-off (sys:trace pid 'false))
    ;; log keeps the events, to be fetched with get.
    (show 'log-on (sys:log pid 'true))
    (gen_server:call pid 'get)
    (gen_server:cast pid #(set 50))
    (let (((tuple 'ok events) (sys:log pid 'get)))
      (show 'log-count (length events))
      (show 'log-events (lists:map (lambda (e) (element 1 e)) events)))
    (show 'log-print (sys:log pid 'print))
    (show 'log-off (sys:log pid 'false))
    ;; statistics: the message counts only.
    (show 'statistics-on (sys:statistics pid 'true))
    (gen_server:call pid 'get)
    (gen_server:cast pid #(set 60))
    (! pid 'info)
    (let (((tuple 'ok stats) (sys:statistics pid 'get)))
      (show 'messages-in (proplists:get_value 'messages_in stats))
      (show 'messages-out (proplists:get_value 'messages_out stats))
      (show 'statistics-keys (lists:sort (proplists:get_keys stats))))
    (show 'statistics-off (sys:statistics pid 'false))
    (show 'no-debug (sys:no_debug pid))
    (show 'state (sys:get_state pid))
    ;; terminate stops the server through its terminate callback.
    (let ((ref (monitor 'process pid)))
      (show 'sys-terminate (sys:terminate pid 'normal))
      (show 'down (receive ((tuple 'DOWN r _ _ reason) (when (== r ref)) reason)
                    (after 1000 'no-down)))))
  ;; get_status of a server with format_status/2.
  (let (((tuple 'ok pid) (gen_server:start 'otp_sys_formatted 'secret ())))
    (show 'formatted-state (sys:get_state pid))
    (show 'formatted-status (status-parts (sys:get_status pid)))
    (gen_server:stop pid))
  ;; sys on a process that is gone.
  (show 'get-state-dead
        (try (sys:get_state 'otp_sys_server)
          (catch ((tuple c r _) (tuple c r))))))

(defmodule otp_sys_formatted
  (behaviour gen_server)
  (export (init 1) (handle_call 3) (handle_cast 2) (format_status 2)))

(defun init (secret) (tuple 'ok (tuple 'password secret)))

(defun handle_call (_ _ s) (tuple 'reply 'ok s))

(defun handle_cast (_ s) (tuple 'noreply s))

(defun format_status
  ((opt (list _pdict _state)) (list (tuple 'data (list (tuple "State" (tuple 'hidden opt)))))))
