;; Constructing binaries and bitstrings: sizes, units, types, signedness,
;; endianness, floats, utf8/16/32, binary and bitstring segments, strings,
;; and how bitstrings of odd sizes print.
(defmodule binaries_build
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((n 300) (s 12) (b #"xy"))
    (show 'bytes (binary 1 2 3))
    (show 'sized #B(42 (42 (size 16)) (42 (size 32))))
    (show 'negative (binary (-42 (size 16)) (-1 (size 8))))
    (show 'endian (binary (258 (size 16) big) (258 (size 16) little)))
    (show 'truncated (binary (n (size 8))))
    (show 'var-size (binary (n (size s))))
    (show 'unit (binary (1 (size 2) (unit 8))))
    (show 'floats (binary (1.5 float) (1.5 (size 32) float) (-2.0 float (size 64))))
    (show 'float-little (binary (1.0 float little)))
    (show 'binary-seg (binary (b binary) (#"z" binary)))
    (show 'binary-sized (binary (#"abcdef" binary (size 3))))
    (show 'string-seg (binary "abc" (#\d) ("ef" (size 16))))
    (show 'utf8 (binary (955 utf8) (8364 utf8) (65 utf8)))
    (show 'utf16 (binary (955 utf16) (955 utf16 little)))
    (show 'utf32 (binary (65 utf32)))
    (show 'bits (binary (1 (size 1)) (0 (size 1)) (1 (size 1))))
    (show 'bits-12 (binary (#xABC (size 12))))
    (show 'bitstring-seg (binary ((binary (1 (size 3))) bitstring) (7 (size 3))))
    (show 'integer-types (binary (1 integer) (2 integer unsigned) (-1 integer signed)))
    (show 'big-int (binary ((bsl 1 70) (size 80))))
    (show 'bit-size (list (bit_size (binary (1 (size 7)))) (byte_size (binary (1 (size 9))))))
    (show 'list-to-bitstring (list_to_bitstring (list #"a" (binary (1 (size 4))))))
    (show 'bitstring-to-list (bitstring_to_list (binary 1 (2 (size 4)))))
    (show 'concat (binary ((binary 1 2) binary) ((binary 3) binary)))
    (show 'empty (list (binary) #B() #""))
    (show 'printable #B(104 105))
    (show 'term-to-binary (term_to_binary #(a 1 "s")))
    (show 'binary-to-term (binary_to_term (term_to_binary (list 'x 2.5 #"b" (map 'k 'v)))))
    (show 'bad-size
          (try (binary (1 (size (list_to_atom "x"))))
            (catch ((tuple c r _) (tuple c r)))))
    (show 'bad-value
          (try (binary ((list_to_atom "a") (size 8)))
            (catch ((tuple c r _) (tuple c r)))))))
