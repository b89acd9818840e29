;; The module file's evaluation of Erlang text: eval and script of a file of expressions (with
;; bindings given and made), their path forms, and the errors (a syntax error, a failed match,
;; an undefined function, a file not there) with the line of the form that failed. Everything
;; happens in a directory of its own.
(defmodule stdlib_file_eval (export (main 0)))
(defun p (x) (io:format "~p~n" (list x)))
(defun short (r)
  ;; An evaluation error without its stack, which names the evaluator's own frames.
  (case r
    ((tuple 'error (tuple line 'file (tuple class reason _))) (tuple 'error line class reason))
    (other other)))
(defun main ()
  (file:del_dir_r "stdlib_file_eval_tmp")
  (file:make_dir "stdlib_file_eval_tmp")
  (file:write_file "stdlib_file_eval_tmp/ok.txt"
    "X = 1 + 2,\nY = lists:seq(1, X).\nZ = case Y of [A|_] -> A * 10 end.\nF = fun (N) -> N * Z end,\n{F(W), [Q || Q <- Y, Q > 1], #{k => X}}.\n")
  (file:write_file "stdlib_file_eval_tmp/bad.txt" "X = 1.\nX = 2.\nfoo.\n")
  (file:write_file "stdlib_file_eval_tmp/syn.txt" "X = 1 +.\n")
  (file:write_file "stdlib_file_eval_tmp/local.txt" "A = 1,\n  f(A).\n")
  (file:write_file "stdlib_file_eval_tmp/empty.txt" "")
  (p (short (file:eval "stdlib_file_eval_tmp/ok.txt" '(#(W 2)))))
  (p (short (file:script "stdlib_file_eval_tmp/ok.txt" '(#(W 2)))))
  (p (short (file:script "stdlib_file_eval_tmp/ok.txt")))
  (p (short (file:eval "stdlib_file_eval_tmp/bad.txt")))
  (p (short (file:script "stdlib_file_eval_tmp/syn.txt")))
  (p (short (file:eval "stdlib_file_eval_tmp/nonexist")))
  (p (short (file:script "stdlib_file_eval_tmp/local.txt")))
  (p (short (file:script "stdlib_file_eval_tmp/empty.txt")))
  (p (short (file:path_script '("nope" "stdlib_file_eval_tmp") "ok.txt" '(#(W 1)))))
  (p (short (file:path_eval '("stdlib_file_eval_tmp") "bad.txt")))
  (p (short (file:path_eval '("nope") "bad.txt")))
  (file:del_dir_r "stdlib_file_eval_tmp"))
