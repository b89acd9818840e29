;; An uncaught error at the top of -eval: what is printed and the exit status.
(defmodule err_if_clause
  (export (main 0)))

(defrecord point x y)

(defun id (x) x)

(defun main ()
  (lfe_io:format "before ~p~n" (list 'err_if_clause))
  (error 'if_clause)
  (lfe_io:format "never here~n" ()))
