;; Match specifications written in LFE: ets-ms and trace-ms, pattern
;; variables numbered in order, guards, tuple bodies, (object), and a
;; variable of the surrounding function taken by value.
(defmodule ms_forms
  (export (main 0)))

(defrecord emp name (dept 'none) age)

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((limit 5))
    (show 'ets (ets-ms ([(tuple a b)] (when (> b 1) (is_atom a)) (tuple b a))
                       ([(tuple a '_)] a)
                       ([x] (object))))
    (show 'trace (trace-ms ([(list a b)] (when (=:= a 'x)) (return_trace)
                             (message (list a 'y)))))
    (show 'outer (ets-ms ([(tuple a b)] (when (> b limit)) (tuple a (+ b limit)))))
    (show 'match-spec (match-spec ([(tuple k v)] (when (is_integer v)) k)))
    (show 'nested (ets-ms ([(tuple (tuple a b) c)] (when (orelse (> a 1) (< b 2))) (list a b c))))
    (show 'records (ets-ms ([(match-emp name n age a)] (when (> a 30))
                            (make-emp name n dept 'sales age a))))
    (show 'whole (ets-ms ([(= (match-emp dept 'it) e)] e)))
    (show 'binary (ets-ms ([(tuple k v)] (when (=:= v (binary (limit (size 16))))) k)))))
