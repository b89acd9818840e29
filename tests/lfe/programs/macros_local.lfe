;; Local macros: macrolet, scm:defsyntax, scm:define-syntax,
;; let-macro (the core form),
;; macros seeing $ENV, and a local macro shadowing a module-level one.
(defmodule macros_local
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defmacro twice (x) `(list ,x ,x))

(scm:defsyntax my-unless
  ((test body) (if test 'false body)))

(scm:define-syntax first-of
  (syntax-rules
    ((a) a)
    ((a . _) a)))

(scm:defsyntax swap
  ((a b) (tuple b a))
  ((a b c) (tuple c b a)))

(defun main ()
  (show 'macrolet
        (macrolet ((sq (x) `(* ,x ,x))
                   (cube (x) `(* ,x (sq ,x))))
          (list (sq 3) (cube 2))))
  (show 'macrolet-doc
        (macrolet ((m (a b)
                     "Poor macro definition."
                     `(if (>= ,a ,b) ,a ,b)))
          (m 3 9)))
  (show 'macrolet-clauses
        (macrolet ((pick
                     ((list 'first a _) a)
                     ((list 'second _ b) b)))
          (list (pick first 1 2) (pick second 1 2))))
  (show 'shadow-module-macro
        (list (twice 1)
              (macrolet ((twice (x) `(tuple ,x 'local))) (twice 1))))
  (show 'defsyntax (list (my-unless 'false 'done) (my-unless 'true 'done)))
  (show 'defsyntax-arity (list (swap 1 2) (swap 1 2 3)))
  (show 'define-syntax (list (first-of 1) (first-of 1 2 3)))
  (show 'let-macro
        (let-macro ((head (lambda (args env) `(car ,(car args)))))
          (head '(x y z))))
  (show 'let-macro-match
        (let-macro ((arity (match-lambda
                             ((() _) 0)
                             ((args _) (length args)))))
          (list (arity) (arity a) (arity a b c))))
  (show 'env-bound
        (macrolet ((has-env () (if (is_tuple $ENV) ''env-is-tuple ''env-other)))
          (has-env)))
  (show 'nested-macrolet
        (macrolet ((a () ''outer))
          (list (a) (macrolet ((a () ''inner)) (a))))))
