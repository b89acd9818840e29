;; case with patterns and guards; guards with andalso/orelse, comparison and
;; arithmetic operators, type tests and guard BIFs; several guard tests in
;; one when; a guard that raises simply fails.
(defmodule case_guards
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun classify (x)
  (case x
    (n (when (is_integer n) (> n 100)) 'big-int)
    (n (when (is_integer n) (orelse (< n 0) (== n 0))) 'non-positive)
    (n (when (is_integer n)) 'small-int)
    (f (when (is_float f)) 'float)
    (a (when (is_atom a) (=/= a 'undefined)) 'atom)
    ('undefined 'undefined)
    (t (when (is_tuple t) (andalso (> (tuple_size t) 1) (is_atom (element 1 t))))
       (tuple 'tagged (element 1 t)))
    (t (when (is_tuple t)) 'tuple)
    (() 'empty)
    (l (when (is_list l) (> (length l) 3)) 'long-list)
    ((cons h _) (when (is_integer h)) 'int-list)
    (l (when (is_list l)) 'list)
    (b (when (is_binary b) (< (byte_size b) 4)) 'short-binary)
    (b (when (is_bitstring b)) 'bitstring)
    (m (when (is_map m) (== (map_size m) 0)) 'empty-map)
    (m (when (is_map m)) 'map)
    (f (when (is_function f 1)) 'fun1)
    (f (when (is_function f)) 'fun)
    (p (when (is_pid p)) 'pid)
    (_ 'other)))

(defun safe-head (x)
  ;; hd raises on the empty list: in a guard that only makes the test fail.
  (case x
    (l (when (== (hd l) 1)) 'starts-with-one)
    (_ 'no)))

(defun between (x lo hi)
  (case x
    (_ (when (>= x lo) (=< x hi)) 'inside)
    (_ 'outside)))

(defun alt (x)
  ;; Several when-tests are a conjunction; orelse and "or" are
  ;; disjunctions.
  (case x
    (_ (when (or (== x 'a) (== x 'b))) 'a-or-b)
    (_ (when (orelse (== x 'c) (== x 'd))) 'c-or-d)
    (_ (when (not (is_atom x))) 'not-atom)
    (_ 'other-atom)))

(defun main ()
  (show 'classify
        (lists:map #'classify/1
                   (list 500 -3 0 7 2.5 'hello 'undefined #(ok 1) #(1 2) ()
                         '(1 2 3 4) '(1) '(a) #"ab" #"abcdef" #b((1 (size 3)))
                         (map) (map 'a 1) (lambda (x) x) (lambda () 1) (self)
                         (make_ref))))
  (show 'safe-head (list (safe-head '(1 2)) (safe-head ()) (safe-head 'x)))
  (show 'between (list (between 5 1 10) (between 0 1 10) (between 10 1 10)))
  (show 'alt (lists:map #'alt/1 '(a b c d e 1)))
  (show 'guard-arith
        (lc ((<- x (lists:seq 1 20)) (== (rem (* x x) 7) 2)) x))
  (show 'guard-xor
        (lists:map (lambda (p)
                     (case p
                       ((tuple a b) (when (xor a b)) 'one)
                       (_ 'zero-or-two)))
                   (list #(true false) #(true true) #(false false))))
  (show 'guard-element
        (case #(point 3 4)
          (t (when (== (element 2 t) 3) (is_integer (element 3 t))) 'yes)
          (_ 'no)))
  (show 'guard-abs-trunc
        (lc ((<- x (list -2.5 1.5 -7 8)) (> (abs (trunc x)) 1)) x))
  (show 'guard-float
        (case 3
          (x (when (== x 3.0)) 'equal-as-numbers)
          (_ 'different)))
  (show 'guard-exact
        (case 3
          (x (when (=:= x 3.0)) 'exactly)
          (_ 'not-exactly)))
  (show 'guard-node (case (node) (n (when (is_atom n)) n)))
  (show 'guard-self (case (self) (p (when (== p (self))) 'me)))
  (show 'guard-string
        (case "abc"
          ((cons #\a rest) (when (== (length rest) 2)) rest)))
  (show 'guard-tuple-size
        (lc ((<- t (list #() #(1) #(1 2) #(1 2 3))) (=< (tuple_size t) 1)) t))
  (show 'guard-map-size
        (lc ((<- m (list (map) (map 1 2))) (> (map_size m) 0)) m))
  (show 'case-nested
        (case (tuple 'a (list 1 2))
          ((tuple 'a (list x y)) (case (+ x y) (3 'three) (_ 'no)))))
  (show 'case-literal-strings
        (lists:map (lambda (s) (case s ("yes" 'y) ("no" 'n) (_ '?))) '("yes" "no" "maybe")))
  (show 'case-binding-alias
        (case '(1 2 3)
          ((= (cons first _) all) (tuple first (length all))))))
