;; Top-level definitions: defun with simple arguments and with match
;; clauses, guards and doc strings; define-function the core form; functions
;; with the same name and different arities; a function defined after use.
(defmodule define_function
  (export (main 0) (area 1) (area 2) (max2 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun max2 (x y)
  "The larger of two."
  (if (>= x y) x y))

(defun area
  "Area of a shape."
  (((tuple 'square s)) (* s s))
  (((tuple 'circle r)) (when (> r 0)) (* 3 r r))
  ((_) 0))

(defun area (w h) (* w h))

(define-function triple () (lambda (x) (* 3 x)))

(define-function classify ()
  (match-lambda
    ((0) 'zero)
    ((n) (when (< n 0)) 'negative)
    ((_) 'positive)))

(defun len
  ((()) 0)
  (((cons _ t)) (+ 1 (len t))))

(defun main ()
  (show 'max2 (list (max2 1 2) (max2 5 3)))
  (show 'area (list (area #(square 3)) (area #(circle 2)) (area #(circle -1)) (area 'x)))
  (show 'area-2 (area 3 4))
  (show 'triple (triple 14))
  (show 'classify (lists:map #'classify/1 '(0 -1 1)))
  (show 'len (len '(a b c d)))
  (show 'later (defined-later 1))
  (show 'exports (lists:sort (define_function:module_info 'exports)))
  (show 'remote-call (define_function:max2 10 20)))

(defun defined-later (x) (tuple 'later x))
