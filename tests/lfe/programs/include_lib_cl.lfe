;; include-lib of LFE's own include files: the Common Lisp predicates of
;; lfe/include/cl.lfe, usable in guards, and the functions it defines.
(defmodule include_lib_cl
  (export (main 0)))

(include-lib "lfe/include/cl.lfe")

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun kind
  ((x) (when (atomp x)) 'atom)
  ((x) (when (intp x)) 'integer)
  ((x) (when (floatp x)) 'float)
  ((x) (when (tuplep x)) 'tuple)
  ((x) (when (mapp x)) 'map)
  ((x) (when (binaryp x)) 'binary)
  ((_) 'other))

(defun main ()
  (show 'kinds (lists:map #'kind/1 (list 'a 1 1.5 '(1) #(1) (map) #"b" ())))
  (show 'predicates
        (list (numberp 1) (listp ()) (listp '(1)) (boolp 'true) (funcp (lambda () 1) 0)
              (pidp (self)) (refp (make_ref)) (bitstringp #"a")))
  (show 'consp (list (consp '(1 . 2)) (consp '(1 2)) (consp 'a)))
  (show 'recordp (list (recordp #(r 1) 'r 2) (recordp #(r 1) 'r 3) (recordp #(q 1) 'r 2))))
