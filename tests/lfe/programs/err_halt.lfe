;; halt/1 from inside the program: the output before it is written and the
;; node ends with the given status.
(defmodule err_halt
  (export (main 0)))

(defun main ()
  (lfe_io:format "before halt~n" ())
  (io:format "erlang io too~n")
  (halt 3)
  (lfe_io:format "never here~n" ()))
