;; Floats: how they print with ~p and ~w (shortest form that reads back),
;; arithmetic that makes floats, float_to_list with options, and ~f ~e ~g.
(defmodule floats_print
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'simple (list 1.0 -1.0 0.5 0.1 2.5 100.0 3.14159))
  (show 'computed (list (/ 1 3) (/ 2 3) (* 0.1 3) (+ 0.1 0.2) (/ 10 4)))
  (show 'large (list 1.0e10 1.0e15 1.0e16 1.0e22 123456789.0 1.5e300))
  (show 'small (list 1.0e-5 0.001 1.111e-10 5.0e-324 2.2250738585072014e-308))
  (show 'zero (list 0.0 (* -1 0.0) (- 0.0)))
  (show 'int-to-float (list (float 7) (/ 8 2) (* 1.0 (bsl 1 60))))
  (show 'sqrt-pi (list (math:sqrt 2) (math:pi) (math:exp 1) (math:log 10)))
  (show 'trig (list (math:sin 0.0) (math:cos 0.0) (math:atan2 1 1)))
  (show 'pow (list (math:pow 2 10) (math:pow 2 0.5) (math:pow 10 -2)))
  (show 'rounding (list (round 0.5) (round 1.5) (trunc 0.999) (floor -0.5) (ceil -0.5)))
  (lfe_io:format "w ~w ~w ~w~n" (list 0.1 1.0e100 (/ 22 7)))
  (io:format "erl ~p ~w~n" (list 1.0e-7 12345.678))
  (io:format "f ~f ~.2f ~.1f ~10.3f|~n" (list 3.14159 2.675 0.5 -1.5))
  (io:format "e ~e ~.3e~n" (list 12345.678 0.000123))
  (io:format "g ~g ~g ~g~n" (list 0.5 123456789.0 1.0e-10))
  (lfe_io:format "lfe-f ~f ~.3f ~e~n" (list 1.5 2.0 100.0))
  (show 'float-to-list (float_to_list 1.5))
  (show 'float-to-list-opts
        (list (float_to_list 3.14159 '(#(decimals 2)))
              (float_to_list 1.0 '(#(decimals 3) compact))
              (float_to_list 0.1 '(short))
              (float_to_list 1.0e20 '(#(scientific 3)))))
  (show 'float-to-binary (float_to_binary 2.5 '(#(decimals 1))))
  (show 'list-to-float (list (list_to_float "1.5e3") (list_to_float "-0.25")))
  (show 'binary-to-float (binary_to_float #"6.02e23"))
  (show 'compare (list (< 0.1 (/ 1 3)) (== 0.5 (/ 1 2)) (=:= 0.0 -0.0) (== 0.0 -0.0)))
  (show 'float-bad-arith
        (try (/ 1.0 0.0)
          (catch ((tuple c r _) (tuple c r))))))
