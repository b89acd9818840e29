;; Local functions: flet, flet*, fletrec, let-function, letrec-function;
;; mutual recursion, match clauses, doc strings, closures over variables,
;; arity overloading, and shadowing top-level functions and BIFs.
(defmodule flet_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun helper (x) (tuple 'top-level x))

(defun main ()
  (show 'flet
        (flet ((sq (x) (* x x))
               (add (x y) "A doc string." (+ x y)))
          (add (sq 3) (sq 4))))
  (show 'flet-sees-outer
        (flet ((helper (x) (tuple 'local (helper x))))
          (helper 1)))
  (show 'flet*
        (flet* ((a (x) (+ x 1))
                (b (x) (a (a x))))
          (b 10)))
  (show 'fletrec-even-odd
        (fletrec ((even? ((0) 'true) ((n) (odd? (- n 1))))
                  (odd? ((0) 'false) ((n) (even? (- n 1)))))
          (list (even? 10) (odd? 7) (even? 3))))
  (show 'fletrec-loop
        (fletrec ((count ((0 acc) acc)
                         ((n acc) (count (- n 1) (cons n acc)))))
          (count 5 ())))
  (show 'arity-overload
        (flet ((f () 'zero) (f (x) (tuple 'one x)) (f (x y) (tuple 'two x y)))
          (list (f) (f 1) (f 1 2))))
  (show 'closure
        (let ((base 100))
          (flet ((plus-base (x) (+ x base)))
            (lists:map #'plus-base/1 '(1 2 3)))))
  (show 'local-as-value
        (flet ((inc (x) (+ x 1)))
          (lists:map (function inc 1) '(1 2 3))))
  (show 'shadow-bif
        (flet ((length (l) 'my-length))
          (list (length '(1 2 3)) (erlang:length '(1 2 3)))))
  (show 'let-function
        (let-function ((sq (lambda (x) (* x x)))
                       (sign (match-lambda ((0) 'zero) ((n) (when (> n 0)) 'pos) ((_) 'neg))))
          (list (sq 5) (sign 0) (sign 3) (sign -3))))
  (show 'letrec-function
        (letrec-function ((fact (match-lambda ((0) 1) ((n) (* n (fact (- n 1)))))))
          (fact 10)))
  (show 'nested-flet
        (flet ((outer (x)
                 (flet ((inner (y) (* y 2)))
                   (inner (+ x 1)))))
          (outer 4)))
  (show 'flet-shadow-nesting
        (flet ((f () 'outer))
          (list (f) (flet ((f () 'inner)) (f)) (f))))
  (show 'fletrec-closure
        (let ((limit 3))
          (fletrec ((upto ((n) (when (> n limit)) ())
                          ((n) (cons n (upto (+ n 1))))))
            (upto 0)))))
