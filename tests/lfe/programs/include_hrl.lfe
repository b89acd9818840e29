;; include-file of an Erlang header: its records with their defaults and
;; its constant macros.
(defmodule include_hrl
  (export (main 0)))

(include-file "include/erl_defs.hrl")

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'point (make-point))
  (show 'point-given (make-point x 3 label 'p))
  (show 'box (make-box))
  (show 'fields (list (fields-point) (size-box)))
  (show 'access (let ((p (make-point y 7))) (list (point-x p) (point-y p))))
  (show 'macros (list (LIMIT) (GREETING) (ORIGIN))))
