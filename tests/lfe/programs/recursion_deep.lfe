;; Deep recursion and long loops: body recursion a hundred thousand deep,
;; tail recursion over a million steps, mutual recursion, and building and
;; walking long lists.
(defmodule recursion_deep
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun sum-body
  ((()) 0)
  (((cons h t)) (+ h (sum-body t))))

(defun count-tail
  ((0 acc) acc)
  ((n acc) (count-tail (- n 1) (+ acc 1))))

(defun my-even?
  ((0) 'true)
  ((n) (my-odd? (- n 1))))

(defun my-odd?
  ((0) 'false)
  ((n) (my-even? (- n 1))))

(defun build
  ((0) ())
  ((n) (cons n (build (- n 1)))))

(defun ackermann
  ((0 n) (+ n 1))
  ((m 0) (ackermann (- m 1) 1))
  ((m n) (ackermann (- m 1) (ackermann m (- n 1)))))

(defun hanoi
  ((0 _ _ _) 0)
  ((n from to via) (+ (hanoi (- n 1) from via to) 1 (hanoi (- n 1) via to from))))

(defun main ()
  (show 'sum-body (sum-body (lists:seq 1 100000)))
  (show 'count-tail (count-tail 1000000 0))
  (show 'mutual (my-even? 100001))
  (show 'build-length (length (build 200000)))
  (show 'ackermann (ackermann 2 3))
  (show 'hanoi (hanoi 16 'a 'c 'b))
  (show 'lists-long (lists:sum (lists:map (lambda (x) (rem x 7)) (lists:seq 1 300000))))
  (show 'deep-nest
        (let ((nested (lists:foldl (lambda (_ acc) (list acc)) () (lists:seq 1 10000))))
          (fletrec ((d ((()) 0) (((list x)) (+ 1 (d x)))))
            (d nested)))))
