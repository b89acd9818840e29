;; Variable binding: let (parallel), let* (sequential), patterns and guards
;; in let, shadowing and scope, progn, prog1, prog2, and the do loop.
(defmodule let_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun say (x) (lfe_io:format "  ~p~n" (list x)) x)

(defun main ()
  (let ((x 1))
    (show 'parallel (let ((x 10) (y x)) (list x y)))
    (show 'sequential (let* ((x 10) (y x)) (list x y)))
    (show 'outer-after x)
    (show 'shadow-in-body (let ((x (+ x 1))) (let ((x (* x 10))) x))))
  (show 'pattern (let (((tuple a (cons b c)) #(1 (2 3 4)))) (list a b c)))
  (show 'pattern-guard (let (((tuple n) (when (> n 0)) #(5))) n))
  (show 'pattern-alias (let (((= (list a _) whole) '(1 2))) (tuple a whole)))
  (show 'pattern-repeat (let (((tuple a a) #(7 7))) a))
  (show 'pattern-fail
        (try (let (((tuple a a) #(7 8))) a)
          (catch ((tuple c r _) (tuple c r)))))
  (show 'guard-fail
        (try (let (((tuple n) (when (> n 0)) #(-5))) n)
          (catch ((tuple c r _) (tuple c r)))))
  (show 'underscore (let ((_ (say 'evaluated)) (_x 2)) 'done))
  (show 'empty-let (let () 'nothing-bound))
  (show 'body-sequence (let ((a 1)) (say 'first) (say 'second) a))
  (show 'progn (progn (say 'p1) (say 'p2) 'p3))
  (show 'progn-empty (progn))
  (show 'prog1 (prog1 (say 'one) (say 'two) (say 'three)))
  (show 'prog2 (prog2 (say 'one) (say 'two) (say 'three)))
  (show 'do-loop
        (do ((i 0 (+ i 1))
             (acc () (cons i acc)))
            ((>= i 5) (lists:reverse acc))))
  (show 'do-body
        (do ((i 3 (- i 1)))
            ((== i 0) 'liftoff)
          (lfe_io:format "  count ~p~n" (list i))))
  (show 'let*-empty (let* () 'ok))
  (show 'let*-patterns
        (let* (((tuple a b) #(1 2))
               ((list c) (list (+ a b))))
          c))
  (show 'let-in-lambda
        (lists:map (lambda (n) (let ((sq (* n n))) (tuple n sq))) '(1 2 3)))
  (show 'lambda-captures-loop
        (let ((fs (lc ((<- i '(1 2 3))) (lambda () (* i 1000)))))
          (lists:map (lambda (f) (funcall f)) fs))))
