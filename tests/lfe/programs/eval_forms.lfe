;; eval and LFE's evaluator modules: eval with and without an environment,
;; variables and functions bound in it, lfe_eval:expr, lfe_macro
;; expansion, lfe_scan and lfe_parse, macroexpand.
(defmodule eval_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun env ()
  (lfe_eval:add_dynamic_func 'add 2 '(lambda (a b) (+ a b))
    (lfe_env:add_vbinding 'x 40 (lfe_env:new))))

(defun main ()
  (show 'eval (eval '(+ 1 2)))
  (show 'eval-env (eval '(add x 2) (env)))
  (show 'eval-lambda (funcall (eval '(lambda (y) (* y y))) 7))
  (show 'expr (lfe_eval:expr '(list x x) (env)))
  (show 'exprs (lfe_eval:exprs '((+ 1 1) (tuple 'a)) (lfe_env:new)))
  (show 'vbinding (list (lfe_env:get_vbinding 'x (env)) (lfe_env:get_vbinding 'z (env))))
  (show 'expand (lfe_macro:expand_expr '(let* ((a 1)) a) (lfe_env:new)))
  (show 'no-expand (lfe_macro:expand_expr '(foo 1) (lfe_env:new)))
  (show 'macroexpand-1 (macroexpand-1 '(cadr x)))
  (show 'scan (lfe_scan:string "(foo 'bar 12)"))
  (let (((tuple 'ok ts _) (lfe_scan:string "(a (b c)) rest")))
    (show 'parse (lfe_parse:sexpr ts)))
  (show 'error (try (eval '(undefined-fn 1)) (catch ((tuple c r _) (tuple c r))))))
