;; lambda and match-lambda: closures, higher-order functions, functions
;; returning functions, funs of several arities, recursion through funs,
;; errors when a fun is called wrongly.
(defmodule lambdas_funs
  (export (main 0) (compose 2)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun compose (f g) (lambda (x) (funcall f (funcall g x))))

(defun adder (n) (lambda (x) (+ x n)))

(defun counter (n)
  (tuple (lambda () n) (lambda () (counter (+ n 1)))))

(defun y-fact ()
  ;; Recursion through a fun that receives itself.
  (let ((f (lambda (self n) (if (== n 0) 1 (* n (funcall self self (- n 1)))))))
    (lambda (n) (funcall f f n))))

(defun main ()
  (show 'lambda (funcall (lambda (x y) (+ x y)) 1 2))
  (show 'no-args (funcall (lambda () 'called)))
  (show 'closure (funcall (adder 10) 5))
  (show 'map-closures (lists:map (lambda (f) (funcall f 1)) (list (adder 1) (adder 2))))
  (show 'compose (funcall (compose (adder 1) (lambda (x) (* x 2))) 5))
  (show 'compose-remote (funcall (lambdas_funs:compose #'length/1 #'tl/1) '(1 2 3)))
  (show 'counter
        (let* (((tuple get1 next1) (counter 0))
               ((tuple get2 _) (funcall next1)))
          (list (funcall get1) (funcall get2))))
  (show 'match-lambda
        (lists:map (match-lambda
                     (((tuple 'ok v)) v)
                     (((tuple 'error _)) 'err)
                     ((x) (when (is_atom x)) (tuple 'atom x))
                     ((_) 'other))
                   (list #(ok 1) #(error 2) 'a 3)))
  (show 'match-lambda-2
        (funcall (match-lambda ((a a) 'same) ((_ _) 'different)) 1 1))
  (show 'y-fact (funcall (y-fact) 10))
  (show 'foldr (lists:foldr (lambda (x acc) (cons (* x 2) acc)) () '(1 2 3)))
  (show 'filter-map (lists:filtermap (lambda (x) (if (> x 2) (tuple 'true (* x x)) 'false)) '(1 2 3 4)))
  (show 'any-all (list (lists:any (lambda (x) (> x 2)) '(1 2 3))
                       (lists:all (lambda (x) (> x 2)) '(1 2 3))))
  (show 'fun-in-data (funcall (element 2 (tuple 'f (lambda (x) (list x x)))) 'y))
  (show 'fun-in-map (funcall (mref (map 'op (lambda (a b) (- a b))) 'op) 10 3))
  (show 'arity (list (erlang:fun_info (lambda (a b c) a) 'arity)
                     (erlang:fun_info (match-lambda ((a) a)) 'arity)))
  (show 'is-function (list (is_function (lambda () 1)) (is_function (lambda (x) x) 1) (is_function (lambda (x) x) 2)))
  (show 'badarity
        (try (funcall (lambda (x) x))
          (catch ((tuple 'error (tuple 'badarity (tuple _ args)) _) (tuple 'badarity args)))))
  (show 'function-clause
        (try (funcall (match-lambda ((1) 'one)) 2)
          (catch ((tuple c r _) (tuple c r)))))
  (show 'fun-equality
        (let ((f #'lists:reverse/1))
          (list (== f #'lists:reverse/1) (== f #'lists:sort/1))))
  (show 'funs-returning-funs
        (funcall (funcall (funcall (lambda (a) (lambda (b) (lambda (c) (list a b c)))) 1) 2) 3)))
