;; List comprehensions (lc and list-comp): the order of results with one and
;; several generators, filters and generator guards, patterns that skip
;; elements, nested comprehensions, and binary generators in lc.
(defmodule lc_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun pythagorean (n)
  (lc ((<- a (lists:seq 1 n))
       (<- b (lists:seq a n))
       (<- c (lists:seq b n))
       (== (+ (* a a) (* b b)) (* c c)))
    (tuple a b c)))

(defun qsort
  ((()) ())
  (((cons p xs))
   (++ (qsort (lc ((<- x xs) (< x p)) x))
       (list p)
       (qsort (lc ((<- x xs) (>= x p)) x)))))

(defun perms
  ((()) '(()))
  ((l) (lc ((<- h l) (<- t (perms (-- l (list h))))) (cons h t))))

(defun main ()
  (show 'simple (lc ((<- x '(1 2 3))) (* x 10)))
  (show 'list-comp (list-comp ((<- x '(a b))) (tuple x)))
  (show 'two-gens (lc ((<- x '(1 2)) (<- y '(a b c))) (tuple x y)))
  (show 'dependent (lc ((<- x '(1 2 3)) (<- y (lists:seq 1 x))) (list x y)))
  (show 'filter (lc ((<- x (lists:seq 1 10)) (== (rem x 3) 0)) x))
  (show 'two-filters
        (lc ((<- x (lists:seq 1 30)) (== (rem x 2) 0) (== (rem x 5) 0)) x))
  (show 'gen-guard (lc ((<- v (when (> v 5)) '(3 6 9 2 8))) v))
  (show 'gen-guard-and-filter
        (lc ((<- v (when (> v 5)) '(3 6 9 2 8 10)) (== (rem v 2) 0)) v))
  (show 'pattern-skip
        (lc ((<- (tuple 'ok v) (list #(ok 1) #(error 2) #(ok 3) 'junk #(ok 4 5)))) v))
  (show 'pattern-cons (lc ((<- (cons h _) (list '(1 2) () '(3) 'x))) h))
  (show 'pattern-repeated
        (lc ((<- (tuple x x) (list #(1 1) #(1 2) #(3 3)))) x))
  (show 'empty-gen (lc ((<- x ())) x))
  (show 'no-gen (lc ('true) 'only))
  (show 'no-gen-false (lc ('false) 'never))
  (show 'pythagorean (pythagorean 20))
  (show 'qsort (qsort '(3 1 4 1 5 9 2 6 5 3 5)))
  (show 'perms (perms '(1 2 3)))
  (show 'nested (lc ((<- row '((1 2) (3 4)))) (lc ((<- x row)) (* x x))))
  (show 'string-gen (lc ((<- c "hello") (=/= c #\l)) (- c 32)))
  (show 'binary-gen (lc ((<= (binary b) #"abc")) b))
  (show 'binary-gen-sized
        (lc ((<= (binary (x (size 4)) (y (size 4))) (binary #x12 #x34))) (tuple x y)))
  (show 'binary-gen-then-list
        (lc ((<= (binary c) #"ab") (<- n '(1 2))) (tuple c n)))
  (show 'side-effect-order
        (lc ((<- x '(1 2 3))) (progn (lfe_io:format "visit ~p~n" (list x)) x)))
  (show 'maps-in-lc
        (lc ((<- (tuple k v) (maps:to_list (map 'a 1 'b 2)))) (tuple v k)))
  (show 'sum-squares (lists:sum (lc ((<- x (lists:seq 1 100))) (* x x)))))
