;; An error in a spawned process is reported, but the program goes on and
;; ends normally.
(defmodule err_in_process
  (export (main 0)))

(defun main ()
  (lfe_io:format "start~n" ())
  (let ((pid (spawn (lambda () (error #(crashed in child))))))
    (timer:sleep 200)
    (lfe_io:format "child alive: ~p~n" (list (is_process_alive pid))))
  (lfe_io:format "end~n" ()))
