;; Compile time: eval-when-compile helpers for macros, (MODULE), define-macro
;; the core form, FUNCTION_NAME/FUNCTION_ARITY inside functions, #.(...)
;; read-time evaluation, and macroexpand-1/macroexpand/macroexpand-all.
(defmodule macros_compile_time
  (export (main 0) (name-and-arity 2)))

(eval-when-compile
  (defun fib
    ((0) 0)
    ((1) 1)
    ((n) (+ (fib (- n 1)) (fib (- n 2)))))
  (defun upcase-atom (a)
    (list_to_atom (string:to_upper (atom_to_list a)))))

(defmacro fib-table (n)
  ;; Computed by the compiler: the code holds the literal list.
  `'(,@(lists:map (lambda (i) (fib i)) (lists:seq 0 n))))

(defmacro loud (a) `',(upcase-atom a))

(define-macro add-one ()
  (lambda (args env) `(+ 1 ,(car args))))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun name-and-arity (_ _) (tuple (FUNCTION_NAME) (FUNCTION_ARITY)))

(defun main ()
  (show 'fib-table (fib-table 15))
  (show 'loud (loud quiet))
  (show 'module (MODULE))
  (show 'define-macro (add-one 41))
  (show 'function-name (name-and-arity 1 2))
  (show 'main-name (list (FUNCTION_NAME) (FUNCTION_ARITY)))
  (show 'read-eval '#.(+ 1 2))
  (show 'macroexpand-1 (macroexpand-1 '(let* ((a 1) (b 2)) (+ a b))))
  (show 'macroexpand-not-macro (macroexpand-1 '(foo 1 2)))
  (show 'macroexpand (macroexpand '(list* 1 2 (3))))
  (show 'macroexpand-all (macroexpand-all '(progn (list* a (list* b c)) (let* ((x 1)) x))))
  (show 'macroexpand-backquote (macroexpand '`(a ,b ,@c))))
