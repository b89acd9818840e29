;; Bitwise operators band, bor, bxor, bnot, bsl, bsr on small, negative and
;; big integers.
(defmodule arith_bitwise
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((big (bsl 1 100)))
    (show 'band (list (band 12 10) (band -1 255) (band -256 255) (band -12 -10)))
    (show 'bor (list (bor 12 10) (bor -16 3) (bor 0 0)))
    (show 'bxor (list (bxor 12 10) (bxor -1 5) (bxor 5 5)))
    (show 'bnot (list (bnot 0) (bnot 5) (bnot -1) (bnot -6)))
    (show 'bsl (list (bsl 1 10) (bsl -3 2) (bsl 5 -1) (bsl 1 62) (bsl 1 64)))
    (show 'bsr (list (bsr 1024 3) (bsr -16 2) (bsr -1 10) (bsr 5 -2) (bsr -7 1)))
    (show 'big big)
    (show 'big-band (band (- big 1) #xFFFF))
    (show 'big-bor (bor big 1))
    (show 'big-bxor (bxor big (- big 1)))
    (show 'big-bnot (bnot big))
    (show 'big-bsr (bsr big 90))
    (show 'big-neg-bsr (bsr (- big) 99))
    (show 'big-neg-band (band (- big) #xFF))
    (show 'big-neg-bor (bor (- big) 1))
    (show 'mask-64 (band (bnot 0) (- (bsl 1 64) 1)))
    (show 'hex (integer_to_list (bxor #xDEADBEEF #xFFFFFFFF) 16))
    (show 'popcount
          (let ((count (lambda (n)
                         (length (lc ((<- i (lists:seq 0 127)) (=/= (band (bsr n i) 1) 0)) i)))))
            (list (funcall count 255) (funcall count (- big 1)) (funcall count (bsl 1 127)))))
    (show 'bad-operand
          (try (band 1.0 1)
            (catch ((tuple c r _) (tuple c r)))))))
