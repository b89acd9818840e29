;; The module os: the environment, the system, its clocks, find_executable, set_signal and
;; cmd (a command run by /bin/sh, its errors in its output, max_size), with the errors OTP
;; gives for bad arguments. What differs between machines (paths, versions) shows as a
;; yes or no.
(defmodule stdlib_os (export (main 0)))
(defun t (f) (try (funcall f) (catch ((tuple c e _) (tuple c e)))))
(defun p (x) (io:format "~p~n" (list x)))
(defun main ()
  (p (os:getenv "NOPE")) (p (t (lambda () (os:getenv 'nope)))) (p (os:getenv "NOPE" "dflt"))
  (p (os:putenv "XA" "b")) (p (os:getenv "XA")) (p (os:unsetenv "XA")) (p (os:getenv "XA"))
  (p (t (lambda () (os:putenv "X=A" "b")))) (p (t (lambda () (os:putenv 'xa "b"))))
  (p (os:type)) (p (is_tuple (os:version)))
  (p (os:cmd "echo hi; echo err 1>&2")) (p (os:cmd 'hello))
  (p (os:cmd "exit 3")) (p (t (lambda () (os:cmd 123))))
  (p (os:cmd "yes | head -c 20" #M(max_size 5)))
  (p (is_list (os:find_executable "sh"))) (p (os:find_executable "nonexistent_zz")) (p (os:find_executable "sh" "/nonexistent"))
  (p (os:set_signal 'sigusr1 'ignore)) (p (t (lambda () (os:set_signal 'foo 'ignore)))) (p (t (lambda () (os:set_signal 'sigusr1 'foo))))
  (p (is_list (os:getpid))) (p (lists:all (lambda (e) (is_list e)) (os:getenv)))
  (p (lists:all (match-lambda (((tuple k v)) (andalso (is_list k) (is_list v)))) (os:env)))
  (p (is_integer (os:system_time))) (p (t (lambda () (os:system_time 'foo))))
  (p (is_integer (os:perf_counter 'millisecond))) (p (t (lambda () (os:getenv ""))))
  (p (t (lambda () (os:cmd (list "echo " #"bin")))))
  (p (t (lambda () (os:cmd (list "echo " (list "a" "b")))))))
