;; gen_server's API from a client's side: start, start_link and start_monitor with
;; and without a name, call/2,3, cast, info messages, a reply deferred with
;; gen_server:reply/2, {reply,R,S,Timeout} and the timeout message, {continue,C}
;; and handle_continue, hibernate, stop/1,3 and terminate, calls to a dead or
;; missing server, a call that times out, init returning {stop,_}, ignore and a
;; bad value, already_started, send_request/receive_response, multi_call and
;; abcast on this node, and enter_loop.
(defmodule otp_gen_server_calls
  (behaviour gen_server)
  (export (main 0)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (handle_continue 2)
          (terminate 2) (code_change 3)
          (enter-loop-init 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun caught (thunk)
  (try (funcall thunk)
    (catch ((tuple class reason _) (tuple 'caught class reason)))))

;; The state is a map; `owner` is the process told about timeouts and terminate.

(defun init
  (((tuple 'plain owner)) (tuple 'ok (map 'owner owner 'n 0 'log () 'waiting ())))
  (((tuple 'timeout owner ms)) (tuple 'ok (map 'owner owner 'n 0 'log () 'waiting ()) ms))
  (((tuple 'continue owner))
   (tuple 'ok (map 'owner owner 'n 0 'log '(init) 'waiting ()) (tuple 'continue 'setup)))
  (((tuple 'stop reason)) (tuple 'stop reason))
  (('ignore) 'ignore))

(defun handle_call
  (('get _from s) (tuple 'reply (mref s 'n) s))
  (((tuple 'add k) _from s)
   (let ((n (+ (mref s 'n) k))) (tuple 'reply n (mset s 'n n))))
  (('log _from s) (tuple 'reply (lists:reverse (mref s 'log)) s))
  ;; Answered later, by a cast of release.
  (('wait from s) (tuple 'noreply (mset s 'waiting (cons from (mref s 'waiting)))))
  ;; Answered now, and a timeout follows if nothing comes within 30 ms.
  (((tuple 'reply-then-timeout ms) _from s) (tuple 'reply 'armed s ms))
  (('again _from s)
   (tuple 'reply 'continuing (log s 'again-call) (tuple 'continue 'after-again)))
  (('sleepy _from s) (tuple 'reply 'zzz s 'hibernate))
  (('never _from s) (tuple 'noreply s))
  (('stop-me _from s) (tuple 'stop 'normal 'stopped-by-call s))
  (('who-am-i _from s) (tuple 'reply (tuple 'me (is_pid (self))) s))
  ((other _from s) (tuple 'reply (tuple 'unknown-call other) s)))

(defun handle_cast
  (((tuple 'release answer) s)
   (lists:foreach (lambda (from) (gen_server:reply from answer))
                  (lists:reverse (mref s 'waiting)))
   (tuple 'noreply (mset s 'waiting ())))
  (((tuple 'note x) s) (tuple 'noreply (log s (tuple 'cast x))))
  (('stop-cast s) (tuple 'stop (tuple 'shutdown 'cast) s)))

(defun handle_info
  (('timeout s)
   (! (mref s 'owner) (tuple 'server-timeout (mref s 'n)))
   (tuple 'noreply s))
  ((msg s) (tuple 'noreply (log s (tuple 'info msg)))))

(defun handle_continue
  (('setup s) (tuple 'noreply (mset (log s 'continue-setup) 'n 100)))
  (('after-again s) (tuple 'noreply (log s 'continue-after-again))))

(defun terminate (reason s)
  (! (mref s 'owner) (tuple 'terminated reason (mref s 'n)))
  'ok)

(defun code_change (_old s _extra) (tuple 'ok s))

(defun log (s x) (mset s 'log (cons x (mref s 'log))))

(defun terminated ()
  (receive ((tuple 'terminated reason n) (tuple 'terminate reason n))
    (after 1000 'no-terminate)))

;; A process started by proc_lib that becomes a gen_server with enter_loop.
(defun enter-loop-init (owner)
  (register 'entered (self))
  (proc_lib:init_ack (tuple 'ok (self)))
  (gen_server:enter_loop 'otp_gen_server_calls () (map 'owner owner 'n 7 'log () 'waiting ())
                         (tuple 'local 'entered)))

(defun main ()
  (let ((me (self)))
    ;; start/3 with no name, and the basic round trips.
    (let (((tuple 'ok pid) (gen_server:start 'otp_gen_server_calls (tuple 'plain me) ())))
      (show 'start-no-name (is_pid pid))
      (show 'get (gen_server:call pid 'get))
      (show 'add (gen_server:call pid #(add 5)))
      (show 'add-timeout-arg (gen_server:call pid #(add 2) 1000))
      (gen_server:cast pid #(note one))
      (! pid 'hello)
      (gen_server:cast pid #(note two))
      (show 'log (gen_server:call pid 'log))
      (show 'unknown (gen_server:call pid 'what))
      (show 'self-in-server (gen_server:call pid 'who-am-i))
      (show 'stop (gen_server:stop pid))
      (show 'terminate (terminated))
      (show 'alive-after-stop (is_process_alive pid))
      (show 'call-dead (caught (lambda () (gen_server:call pid 'get))))
      (show 'stop-dead (caught (lambda () (gen_server:stop pid)))))
    ;; start/4 with a local name; already_started; stop/3 with a reason.
    (let (((tuple 'ok pid) (gen_server:start #(local otp_gs_named) 'otp_gen_server_calls
                                             (tuple 'plain me) ())))
      (show 'registered (== (whereis 'otp_gs_named) pid))
      (show 'by-name (gen_server:call 'otp_gs_named #(add 3)))
      (let (((tuple 'error (tuple 'already_started other))
             (gen_server:start #(local otp_gs_named) 'otp_gen_server_calls (tuple 'plain me) ())))
        (show 'already-started (== other pid)))
      (show 'stop3 (gen_server:stop 'otp_gs_named #(shutdown bye) 5000))
      (show 'terminate (terminated))
      (show 'unregistered (whereis 'otp_gs_named))
      (show 'call-missing-name (caught (lambda () (gen_server:call 'otp_gs_named 'get))))
      (show 'cast-missing-name (gen_server:cast 'otp_gs_named 'anything))
      (show 'stop-missing-name (caught (lambda () (gen_server:stop 'otp_gs_named)))))
    ;; start_link, and a stop asked for by the callback's return.
    (let (((tuple 'ok pid) (gen_server:start_link 'otp_gen_server_calls (tuple 'plain me) ())))
      (show 'linked (lists:member pid (element 2 (process_info (self) 'links))))
      (show 'stop-by-call (gen_server:call pid 'stop-me))
      (show 'terminate (terminated)))
    ;; A linked server that stops with {shutdown,_}: the exit signal is trapped here.
    (process_flag 'trap_exit 'true)
    (let (((tuple 'ok pid) (gen_server:start_link #(local otp_gs_linked) 'otp_gen_server_calls
                                                  (tuple 'plain me) ())))
      (show 'cast-stop (gen_server:cast pid 'stop-cast))
      (show 'terminate (terminated))
      (show 'exit-signal (receive ((tuple 'EXIT p reason) (when (== p pid)) reason)
                           (after 1000 'no-exit)))
      (show 'gone (whereis 'otp_gs_linked)))
    (process_flag 'trap_exit 'false)
    ;; start_monitor gives a pid and a monitor reference.
    (let (((tuple 'ok (tuple pid ref))
           (gen_server:start_monitor 'otp_gen_server_calls (tuple 'plain me) ())))
      (show 'start-monitor (list (is_pid pid) (is_reference ref)))
      (gen_server:stop pid 'normal 'infinity)
      (show 'terminate (terminated))
      (show 'monitor-down
            (receive ((tuple 'DOWN r 'process p reason) (when (== r ref) (== p pid)) reason)
              (after 1000 'no-down))))
    (let (((tuple 'ok (tuple pid ref))
           (gen_server:start_monitor #(local otp_gs_monitored) 'otp_gen_server_calls
                                     (tuple 'plain me) ())))
      (show 'start-monitor-named (== (whereis 'otp_gs_monitored) pid))
      (gen_server:stop 'otp_gs_monitored)
      (terminated)
      (show 'monitor-down
            (receive ((tuple 'DOWN r 'process _ reason) (when (== r ref)) reason)
              (after 1000 'no-down))))
    ;; Replies deferred with gen_server:reply/2, to two requests sent with send_request.
    (let* (((tuple 'ok pid) (gen_server:start 'otp_gen_server_calls (tuple 'plain me) ()))
           (first (gen_server:send_request pid 'wait))
           (second (gen_server:send_request pid 'wait)))
      (show 'request-id (is_reference first))
      (show 'waiting (gen_server:call pid 'get))
      (gen_server:cast pid #(release released))
      (show 'deferred-first (gen_server:receive_response first 1000))
      (show 'deferred-second (gen_server:wait_response second 1000))
      ;; A call that gets no answer in time.
      (let ((r (caught (lambda () (gen_server:call pid 'never 50)))))
        (show 'call-timeout (element 1 (element 3 r)))
        (show 'call-timeout-mfa (element 2 (element 3 r)))
        (show 'call-timeout-same-pid (== (car (element 3 (element 2 (element 3 r)))) pid)))
      (show 'still-alive (gen_server:call pid 'get))
      ;; {reply,R,S,Timeout}: the server is sent timeout when nothing comes.
      (show 'reply-with-timeout (gen_server:call pid #(reply-then-timeout 30)))
      (show 'timeout-message (receive ((tuple 'server-timeout n) (tuple 'timeout-seen n))
                               (after 1000 'no-timeout)))
      ;; {reply,R,S,hibernate}
      (show 'hibernate (gen_server:call pid 'sleepy))
      (show 'after-hibernate (gen_server:call pid #(add 1)))
      ;; {reply,R,S,{continue,C}}
      (show 'again (gen_server:call pid 'again))
      (show 'log (gen_server:call pid 'log))
      ;; receive_response / wait_response and check_response.
      (let ((req (gen_server:send_request pid #(add 10))))
        (show 'receive-response (gen_server:receive_response req 1000)))
      (let ((req (gen_server:send_request pid 'get)))
        (show 'wait-response (gen_server:wait_response req 1000)))
      (let ((req (gen_server:send_request pid 'never)))
        (show 'receive-response-timeout (gen_server:receive_response req 20)))
      (let ((req (gen_server:send_request pid 'get)))
        (show 'check-response
              (receive (msg (gen_server:check_response msg req)) (after 1000 'no-message)))
        (show 'check-other-message (gen_server:check_response 'unrelated req)))
      (gen_server:stop pid)
      (show 'terminate (terminated)))
    ;; init with a timeout: timeout arrives first.
    (let (((tuple 'ok pid) (gen_server:start 'otp_gen_server_calls (tuple 'timeout me 20) ())))
      (show 'init-timeout (receive ((tuple 'server-timeout n) (tuple 'timeout-seen n))
                            (after 1000 'no-timeout)))
      (gen_server:stop pid)
      (terminated))
    ;; init with {continue,C}: handle_continue runs before any call.
    (let (((tuple 'ok pid) (gen_server:start 'otp_gen_server_calls (tuple 'continue me) ())))
      (show 'continue-get (gen_server:call pid 'get))
      (show 'continue-log (gen_server:call pid 'log))
      (gen_server:stop pid)
      (terminated))
    ;; What init can answer instead of {ok,S}.
    (show 'init-stop
          (gen_server:start 'otp_gen_server_calls #(stop #(shutdown no-config)) ()))
    (show 'init-stop-named
          (gen_server:start #(local otp_gs_refused) 'otp_gen_server_calls
                            #(stop #(shutdown no-config)) ()))
    (show 'name-free-after-refusal (whereis 'otp_gs_refused))
    (show 'init-stop-normal (gen_server:start 'otp_gen_server_calls #(stop normal) ()))
    (show 'init-ignore (gen_server:start 'otp_gen_server_calls 'ignore ()))
    (show 'init-ignore-named (gen_server:start #(local otp_gs_ignored) 'otp_gen_server_calls
                                               'ignore ()))
    (show 'name-free-after-ignore (whereis 'otp_gs_ignored))
    ;; multi_call and abcast to the servers of one name on the nodes given.
    (let (((tuple 'ok pid) (gen_server:start #(local otp_gs_multi) 'otp_gen_server_calls
                                             (tuple 'plain me) ())))
      (show 'multi-call (gen_server:multi_call 'otp_gs_multi #(add 4)))
      (show 'multi-call-nodes (gen_server:multi_call (list (node)) 'otp_gs_multi 'get))
      (show 'multi-call-missing (gen_server:multi_call (list (node)) 'otp_gs_nobody 'get))
      (show 'abcast (gen_server:abcast 'otp_gs_multi #(note broadcast)))
      (show 'abcast-nodes (gen_server:abcast (list (node)) 'otp_gs_multi #(note again)))
      (show 'log (gen_server:call pid 'log))
      (gen_server:stop pid)
      (terminated))
    ;; enter_loop makes a process started by proc_lib a gen_server.
    (let (((tuple 'ok pid) (proc_lib:start 'otp_gen_server_calls 'enter-loop-init (list me))))
      (show 'entered (== (whereis 'entered) pid))
      (show 'entered-call (gen_server:call 'entered #(add 1)))
      (gen_server:stop 'entered)
      (show 'terminate (terminated)))
    (show 'messages-left (element 2 (process_info (self) 'message_queue_len)))))
