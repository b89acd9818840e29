;; if (with and without an else branch), cond with plain tests, with ?=
;; match tests (with and without guards), with else, and when nothing
;; matches.
(defmodule cond_if
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun sign (n)
  (cond ((< n 0) 'negative)
        ((== n 0) 'zero)
        (else 'positive)))

(defun parse (x)
  (cond ((?= (tuple 'ok v) x) (tuple 'value v))
        ((?= (cons h _) (when (is_atom h)) x) (tuple 'atom-head h))
        ((?= (cons h t) x) (tuple 'head h 'tail t))
        ((?= (map 'k k) x) (tuple 'key k))
        ((is_integer x) (tuple 'int x))
        (else 'unknown)))

(defun grade (n)
  (cond ((>= n 90) 'a)
        ((>= n 80) 'b)
        ((>= n 70) 'c)))

(defun main ()
  (show 'if-true (if (> 2 1) 'yes 'no))
  (show 'if-false (if (> 1 2) 'yes 'no))
  (show 'if-no-else (if (> 1 2) 'yes))
  (show 'if-nested (if (is_atom 'a) (if (is_integer 1) 'both 'atom) 'neither))
  (show 'if-body-value (if 'true (progn 1 2 3) 4))
  (show 'signs (lists:map #'sign/1 '(-5 0 7)))
  (show 'parse
        (lists:map #'parse/1
                   (list #(ok 1) '(a b) '(1 2) (map 'k 'v) 42 "" #(error 2))))
  (show 'grades (lists:map #'grade/1 '(95 85 75 10)))
  (show 'cond-empty (cond))
  (show 'cond-else-only (cond (else 'always)))
  (show 'cond-multi-body (cond ('true 1 2 3)))
  (show 'cond-test-only
        (let ((x 5))
          (cond ((?= 5 x) 'five-by-match)
                (else 'other))))
  (show 'cond-bound-var
        (let ((want 3))
          (lists:map (lambda (y)
                       (cond ((?= (tuple (= want w) v) y) (tuple 'wanted w v))
                             (else 'no)))
                     (list #(3 a) #(4 b)))))
  (show 'cond-binds-in-body
        (cond ((?= (tuple a b) #(1 2)) (let ((c (+ a b))) (* c 10)))))
  (show 'if-in-lc (lc ((<- x '(1 2 3 4))) (if (== (rem x 2) 0) 'even 'odd))))
