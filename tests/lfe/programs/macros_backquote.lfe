;; Backquote in data and in macros: unquote, unquote-splicing at the head,
;; middle and tail, inside tuples and maps, dotted tails, and nested
;; backquote.
(defmodule macros_backquote
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defmacro make-adder (n)
  ;; A macro writing a lambda that itself uses a backquoted template.
  `(lambda (x) (list 'added ,n x)))

(defmacro nested-template (name)
  ;; Nested backquote: the inner one stays a template.
  `(quote (outer ,name `(inner ,',name ,x))))

(defmacro def-constants pairs
  `(progn
     ,@(lists:map (lambda (p)
                    (let (((list n v) p))
                      `(defun ,n () ,v)))
                  pairs)))

(def-constants (one 1) (two 2) (three 3))

(defun main ()
  (let ((x 1) (ys '(a b c)) (e ()))
    (show 'plain `(x y z))
    (show 'unquote `(x ,x))
    (show 'splice `(start ,@ys end))
    (show 'splice-head `(,@ys end))
    (show 'splice-tail `(start ,@ys))
    (show 'splice-empty `(a ,@e b))
    (show 'dotted `(a . ,x))
    (show 'dotted-splice `(a ,@ys . tail))
    (show 'tuple `#(t ,x ,@ys))
    (show 'nested-list `((,x) ((,@ys))))
    (show 'map `#M(k ,x ,x v))
    (show 'quote-unquote `(quoted ',x))
    (show 'expression `(sum ,(+ x 10) list ,(list x x)))
    (show 'string `("str" ,x))
    (show 'adder (funcall (make-adder 10) 5))
    (show 'nested (nested-template foo))
    (show 'constants (list (one) (two) (three)))
    (show 'double-nested ``(a ,,x))
    (show 'vector-like `[1 ,x ,@ys])))
