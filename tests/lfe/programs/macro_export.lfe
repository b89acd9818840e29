;; Macros one module exports (export-macro) and another calls as
;; (module:name ...), module-alias, eval-when-compile functions used by
;; macros, FUNCTION_NAME and FUNCTION_ARITY, and MODULE.
(defmodule macro_export
  (export (main 0))
  (export-macro double-it pair-up)
  (module-alias (lists l)))

(eval-when-compile
  (defun twice-form (x) `(* 2 ,x))
  (defun pairs (xs) (lists:zip xs (lists:reverse xs))))

(defmacro double-it (x) (twice-form x))
(defmacro pair-up args `',(pairs args))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun where-am-i (a b) (list (MODULE) (FUNCTION_NAME) (FUNCTION_ARITY) a b))

(defun main ()
  (show 'double (double-it 21))
  (show 'pairs (pair-up a b c))
  (show 'alias (l:reverse '(1 2 3)))
  (show 'where (where-am-i 1 2))
  (show 'exports (lists:member #(LFE-EXPAND-EXPORTED-MACRO 3) (module_info 'exports)))
  (show 'expand (macro_export:LFE-EXPAND-EXPORTED-MACRO 'double-it '(4) ()))
  (show 'not-exported (macro_export:LFE-EXPAND-EXPORTED-MACRO 'show '(4) ()))
  (show 'info (list (macro_export:__info__ 'module) (macro_export:__info__ 'macros))))
