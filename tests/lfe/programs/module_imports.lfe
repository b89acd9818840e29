;; Imports in defmodule: (from mod ...) makes calls local, (rename mod ...)
;; gives them new names, module-alias shortens a module name; a local
;; definition shadows a BIF.
(defmodule module_imports
  (export (main 0))
  (import (from lists (reverse 1) (foldl 3))
          (from string (uppercase 1))
          (rename lists ((sum 1) add-up) ((seq 2) range)))
  (module-alias (proplists pl)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun max (x y) (tuple 'my-max x y))

(defun main ()
  (show 'from (reverse '(1 2 3)))
  (show 'from-3 (foldl (lambda (x acc) (+ x acc)) 0 '(1 2 3)))
  (show 'from-other (uppercase "up"))
  (show 'rename (add-up (range 1 10)))
  (show 'alias (pl:get_value 'b '(#(a 1) #(b 2))))
  (show 'shadow-bif (max 1 2))
  (show 'erlang-bif (erlang:max 1 2)))
