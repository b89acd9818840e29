;; Integer arithmetic: div and rem with negative operands, bignums well past
;; 64 bits, conversions, and the numeric BIFs.
(defmodule arith_integers
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun fact
  ((0) 1)
  ((n) (* n (fact (- n 1)))))

(defun pow (b e) (if (== e 0) 1 (* b (pow b (- e 1)))))

(defun fib (n) (fib n 0 1))
(defun fib
  ((0 a _) a)
  ((n a b) (fib (- n 1) b (+ a b))))

(defun main ()
  (show 'div (list (div 7 2) (div -7 2) (div 7 -2) (div -7 -2)))
  (show 'rem (list (rem 7 2) (rem -7 2) (rem 7 -2) (rem -7 -2)))
  (show 'slash (list (/ 7 2) (/ 8 2) (/ -1 4)))
  (show 'fact-20 (fact 20))
  (show 'fact-25 (fact 25))
  (show 'fact-50 (fact 50))
  (show 'pow-2-64 (pow 2 64))
  (show 'pow-2-64-minus-1 (- (pow 2 64) 1))
  (show 'neg-big (- (pow 10 30)))
  (show 'fib-100 (fib 100))
  (show 'big-div (div (fact 30) (fact 28)))
  (show 'big-rem (rem (pow 2 100) 1000007))
  (show 'big-neg-div (list (div (- (pow 2 70)) 3) (rem (- (pow 2 70)) 3)))
  (show 'big-compare (list (> (pow 2 64) (pow 2 63)) (== (pow 2 64) (* (pow 2 32) (pow 2 32)))))
  (show 'big-float (float (pow 2 70)))
  (show 'big-to-list (integer_to_list (fact 22)))
  (show 'list-to-big (list_to_integer "123456789012345678901234567890"))
  (show 'base-16 (list (integer_to_list 255 16) (integer_to_list -255 2) (list_to_integer "ff" 16)))
  (show 'base-36 (integer_to_list (pow 36 5) 36))
  (show 'abs-big (abs (- (pow 3 50))))
  (show 'max-safe (list (+ 9007199254740991 1) (+ 9007199254740991 2) (* 9007199254740993 3)))
  (show 'small-big-mix (list (- (pow 2 53) (pow 2 53)) (+ (pow 2 60) 0.0)))
  (show 'trunc-round-big (list (trunc 1.0e20) (round 1.5e19) (trunc -3.7)))
  (show 'float-to-int-eq (== (trunc 1.0e20) 100000000000000000000))
  (show 'integer-sum (lists:sum (lists:seq 1 100000)))
  (show 'product-mod
        (rem (lists:foldl (lambda (x acc) (* x acc)) 1 (lists:seq 1 40)) 1000000007)))
