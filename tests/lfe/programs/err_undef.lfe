;; An uncaught error at the top of -eval: what is printed and the exit status.
(defmodule err_undef
  (export (main 0)))

(defun id (x) x)

(defun only-one ((1) 'one))

(defun outer (n) (tuple 'outer (inner n)))

(defun inner (n) (list 'inner (+ n (id 'x))))

(defun main ()
  (lfe_io:format "before ~p~n" (list 'err_undef))
  (no_such_module:go 1 2)
  (lfe_io:format "never here~n" ()))
