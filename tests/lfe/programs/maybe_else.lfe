;; maybe with ?= tests: the value of the first test that fails, else
;; clauses, a ?= inside let in a maybe, and else_clause when no else
;; clause takes the value.
(defmodule maybe_else
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun lookup (k) (proplists:get_value k '(#(a #(ok 1)) #(b #(ok 2)) #(c error))))

(defun sum (x y)
  (maybe
    (?= (tuple 'ok a) (lookup x))
    (?= (tuple 'ok b) (lookup y))
    (+ a b)))

(defun sum-else (x y)
  (maybe
    (?= (tuple 'ok a) (lookup x))
    (let ((z 10))
      (?= (tuple 'ok b) (lookup y))
      (+ a b z))
    (else
      (['error] 'was-error)
      (['undefined] 'missing))))

(defun main ()
  (show 'sum (list (sum 'a 'b) (sum 'a 'c) (sum 'z 'a)))
  (show 'sum-else (list (sum-else 'a 'b) (sum-else 'c 'a) (sum-else 'a 'q)))
  (show 'else-clause (try (maybe (?= 1 2) (else ((3) 'three))) (catch ((tuple c r _) (tuple c r))))))
