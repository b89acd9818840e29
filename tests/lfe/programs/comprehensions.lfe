;; List and binary comprehensions: the order bodies run in, several
;; generators, guards on generators, filters, patterns that skip,
;; binary generators, and errors for a bad generator.
(defmodule comprehensions
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'order (lc ((<- x '(1 2 3))) (progn (lfe_io:format "~w " (list x)) x)))
  (lfe_io:format "~n" ())
  (show 'nested (lc ((<- x '(1 2)) (<- y '(a b))) (tuple x y)))
  (show 'filter (lc ((<- x (lists:seq 1 10)) (== 0 (rem x 3))) x))
  (show 'guard (lc ((<- (tuple k v) (when (> v 1)) '(#(a 1) #(b 2) c #(d 3)))) k))
  (show 'dependent (lc ((<- x '(1 2 3)) (<- y (lists:seq 1 x))) (list x y)))
  (show 'bc (bc ((<- x '(1 2 3))) (binary (x (size 8)))))
  (show 'bc-bits (bc ((<= (binary (b (size 1))) #b(170))) (binary ((- 1 b) (size 1)))))
  (show 'lc-bin (lc ((<= (binary (a (size 4)) (b (size 4))) #b(18 52))) (+ a b)))
  (show 'bc-guard (bc ((<= (binary (c (size 8))) (when (> c 65)) #"ABCD")) (binary c)))
  (show 'bad-generator (try (lc ((<- x 'notalist)) x) (catch ((tuple c r _) (tuple c r)))))
  (show 'bad-filter (catch (lc ((<- x '(1)) 'maybe) x))))
