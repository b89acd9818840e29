;; LFE's predefined Lisp functions and macros: cons/car/cdr and the c*r
;; family, list*, ++ and --, the (: mod fun) and call forms, tref/tset, ?
;; for receive, and eval.
(defmodule lisp_builtins
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((l '(1 (2 3) (4 (5 6)) 7)))
    (show 'car-cdr (list (car l) (cdr l)))
    (show 'cadr (cadr l))
    (show 'cddr (cddr l))
    (show 'caadr (caadr l))
    (show 'cdadr (cdadr l))
    (show 'caddr (caddr l))
    (show 'cadddr (cadddr l))
    (show 'cadadr (car (cdr (car (cdr (cdr l))))))
    (show 'cons (list (cons 1 2) (cons 1 ()) (cons 1 '(2))))
    (show 'list* (list (list* 1 2 '(3 4)) (list* 1 2) (list* '(a))))
    (show 'plusplus (++ '(1) '(2) '(3 4)))
    (show 'minusminus (-- '(a b c a) '(a)))
    (show 'colon (: lists reverse '(1 2 3)))
    (show 'call (call 'erlang 'tuple_size #(1 2)))
    (show 'tref (tref #(a b c) 2))
    (show 'tset (tset #(a b c) 2 'z))
    (show 'list-tuple (list (list_to_tuple '(1 2)) (tuple_to_list #(3 4))))
    (! (self) 'queued)
    (show 'question-receive (?))
    (show 'question-timeout (? 10 'default))
    (show 'eval (eval '(+ 1 2 3)))
    (show 'eval-let (let ((x 5)) (eval `(let ((y ,x)) (* y y)))))))
