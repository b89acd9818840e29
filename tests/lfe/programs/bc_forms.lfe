;; Binary comprehensions (bc and binary-comp) from list and binary
;; generators, with sizes, filters and guards; bitstring results.
(defmodule bc_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'from-list (bc ((<- x '(1 2 3))) (binary x)))
  (show 'binary-comp (binary-comp ((<- x '(65 66))) (binary x)))
  (show 'upcase (bc ((<= (binary c) #"hello")) (binary ((- c 32)))))
  (show 'filter (bc ((<= (binary c) #"a1b2c3") (> c #\9)) (binary c)))
  (show 'guard (bc ((<= (binary c) (when (< c #\a)) #"aBcD")) (binary c)))
  (show 'sixteen (bc ((<- x '(1 2))) (binary (x (size 16)))))
  (show 'little (bc ((<- x '(1 258))) (binary (x (size 16) little))))
  (show 'nibbles (bc ((<= (binary (n (size 4))) (binary #xAB #xCD))) (binary (n (size 8)))))
  (show 'bits-out (bc ((<- b '(1 0 1))) (binary (b (size 1)))))
  (show 'bits-in (lc ((<= (binary (b (size 1))) (binary #xA0))) b))
  (show 'three-bit-groups (bc ((<= (binary (x (size 3))) (binary 255 0))) (binary (x (size 8)))))
  (show 'strings (bc ((<- s '("ab" "cd"))) (binary ((list_to_binary s) binary))))
  (show 'utf8 (bc ((<- c '(955 8364 65))) (binary (c utf8))))
  (show 'utf8-in (lc ((<= (binary (c utf8)) (binary 206 187 226 130 172 65))) c))
  (show 'pairs (bc ((<= (binary a b) #"abcd")) (binary b a)))
  (show 'floats (bc ((<- f '(1.5 -2.0))) (binary (f float (size 32)))))
  (show 'floats-in (lc ((<= (binary (f float (size 32))) #b(63 192 0 0 192 0 0 0))) f))
  (show 'empty (bc ((<- x ())) (binary x)))
  (show 'nested-bc
        (bc ((<- row '((1 2) (3)))) (binary ((bc ((<- x row)) (binary (x (size 8)))) binary))))
  (show 'byte-size (byte_size (bc ((<- x (lists:seq 1 100))) (binary x)))))
