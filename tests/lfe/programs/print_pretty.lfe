;; How LFE prints longer terms with ~p: line breaking at 80 columns,
;; indentation of nested lists, tuples and maps, records as tuples, and the
;; difference from ~w and from lfe_io:print.
(defmodule print_pretty
  (export (main 0)))

(defun main ()
  (lfe_io:format "~p~n" (list (lists:seq 1 60)))
  (lfe_io:format "~p~n" (list (lc ((<- i (lists:seq 1 12))) (tuple i (* i i) (integer_to_list i)))))
  (lfe_io:format "~p~n" (list (maps:from_list (lc ((<- i (lists:seq 1 15))) (tuple (list_to_atom (++ "key" (integer_to_list i))) i)))))
  (lfe_io:format "~p~n" (list (tuple 'config (list (tuple 'name "server-one") (tuple 'port 8080) (tuple 'options (list 'verbose 'debug (tuple 'level 3) (tuple 'tags (list "alpha" "beta" "gamma" "delta" "epsilon"))))))))
  (lfe_io:format "~p~n" (list (list (list (list (list (list 'deep (list 'deeper (list 'deepest (lists:seq 1 30))))))))))
  (lfe_io:format "~p~n" (list (list "a long string that goes on and on" "another long string that goes on" "and a third one")))
  (lfe_io:format "~p~n" (list (list #"binary one is long enough" #"binary two is long enough" #"binary three too")))
  (lfe_io:format "~w~n" (list (lists:seq 1 40)))
  (lfe_io:format "~p~n" (list '(quote (a b))))
  (lfe_io:format "~p~n" (list '(a (quote b) (backquote (c (comma d) (comma-at e))))))
  (lfe_io:print (tuple 'printed (list 1 2 3)))
  (io:nl)
  (lfe_io:prettyprint (tuple 'pretty (lists:seq 1 30)))
  (io:nl)
  (lfe_io:format "~s~n" (list (lfe_io:prettyprint1 (lists:seq 1 30) 2 10 40))))
