;; defmacro: simple argument lists, a symbol taking all arguments, pattern
;; clauses with guards, doc strings, recursion, macros that define functions,
;; macros used in patterns, and shadowing a predefined macro.
(defmodule macros_defmacro
  (export all))

(defmacro double (a) `(+ ,a ,a))

(defmacro my-list args
  "All the arguments as a list."
  `(list ,@args))

(defmacro my-and
  "andalso by hand, with clauses."
  ((list e) e)
  ((cons e es) `(if ,e (my-and ,@es) 'false))
  (() ''true))

(defmacro swap-pair ((list a b) `(tuple ,b ,a)))

(defmacro kind
  ((list x) (when (is_integer x)) ''literal-integer)
  ((list x) (when (is_atom x)) ''symbol)
  ((list (cons 'quote _)) ''quoted)
  ((list _) ''other-form))

(defmacro unless
  ((cons test body) `(if ,test 'false (progn ,@body))))

(defmacro while-count
  ;; Expands to a named local recursive function.
  ((list* var from to body)
   `(fletrec ((loop (,var acc)
               (if (> ,var ,to)
                 (lists:reverse acc)
                 (loop (+ ,var 1) (cons (progn ,@body) acc)))))
     (loop ,from ()))))

(defmacro def-getter (name value)
  `(defun ,name () ,value))

(def-getter answer 42)
(def-getter greeting "hello")

(defmacro def-pair (a b)
  `(progn (defun ,a () ',a) (defun ,b () ',b)))

(def-pair ping pong)

(defmacro ok-pat (v) `(tuple 'ok ,v))

(defun unwrap
  (((ok-pat v)) v)
  ((_) 'none))

(defmacro count-args args (length args))

(defmacro when-positive
  ((cons x body) `(case ,x (n (when (> n 0)) ,@body) (_ 'not-positive))))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'double (double 21))
  (show 'double-side-effects
        (double (progn (lfe_io:format "evaluated~n" ()) 5)))
  (show 'my-list (my-list 1 (+ 1 1) 'three))
  (show 'my-list-empty (my-list))
  (show 'my-and (list (my-and 'true 'true) (my-and 'true 'false) (my-and)))
  (show 'swap (swap-pair 1 2))
  (show 'kind (list (kind 1) (kind foo) (kind 'foo) (kind (+ 1 2))))
  (show 'unless (list (unless 'false 'ran) (unless 'true 'ran)))
  (show 'while (while-count i 1 5 (* i i)))
  (show 'getters (list (answer) (greeting)))
  (show 'pair (list (ping) (pong)))
  (show 'pattern-macro (list (unwrap #(ok 7)) (unwrap #(error 7))))
  (show 'count-args (list (count-args) (count-args a b c)))
  (show 'when-positive (list (when-positive 5 'yes) (when-positive -5 'yes))))
