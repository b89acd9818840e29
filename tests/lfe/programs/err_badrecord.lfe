;; An uncaught error at the top of -eval: what is printed and the exit status.
(defmodule err_badrecord
  (export (main 0)))

(defrecord point x y)

(defun id (x) x)

(defun main ()
  (lfe_io:format "before ~p~n" (list 'err_badrecord))
  (let ((r (id #(other 1)))) (point-x r))
  (lfe_io:format "never here~n" ()))
