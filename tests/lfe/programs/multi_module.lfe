;; Two modules in one file: the second is compiled with the first and
;; called from it.
(defmodule multi_module
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'local (helper))
  (show 'other-module (multi_module_second:greet "world"))
  (show 'other-module-info (multi_module_second:module_info 'module)))

(defun helper () 'first)

(defmodule multi_module_second
  (export (greet 1)))

(defun greet (who) (++ "hello " who))
