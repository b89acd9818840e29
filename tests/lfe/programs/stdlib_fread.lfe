;; io_lib:fread: each directive of its format (~d ~u ~- ~# ~f ~s ~a ~c ~l ~~, widths and ~*),
;; whitespace and literal characters, errors, and input that ends too soon.
(defmodule stdlib_fread (export (main 0)))
(defun p (x) (io:format "~w~n" (list x)))
(defun main ()
  (lists:foreach (match-lambda (((tuple f s)) (p (tuple f s (io_lib:fread f s)))))
    (list #("~d" "42 rest") #("~d~d" "1 2") #("~d" "  -7x") #("~d" "abc") #("~3d" "12345") #("~*d~d" "1 2")
          #("~s" "  hello world") #("~a" "foo bar") #("~c" " x") #("~3c" "abcdef") #("~f" "3.14 z") #("~f" "3") #("~f" "1.5e3")
          #("~u" "255") #("~16u" "ff") #("~#" "16#ff") #("~-" "-5") #("~-~d" "+5") #("a~d" "a5") #("a~d" "b5") #("~d ~d" "1    2")
          #("~l~s~l" "abc def") #("~~~d" "~9") #("~d" "") #("~s" "") #("~d,~d" "1,2") #("~5s" "abcdefg") #("~2f" "1.25") #("~d" "12.5")
          #("~d~s" "12abc") #("~s~d" "ab12")))
  'ok)
