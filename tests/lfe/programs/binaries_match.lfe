;; Matching binaries: fixed and variable sizes taken from earlier segments,
;; the rest as binary or bitstring, signed and little-endian integers,
;; floats, utf8 decoding, and a small packet parser.
(defmodule binaries_match
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun parse-packet
  (((binary (version (size 4)) (kind (size 4)) (len (size 8)) (payload binary (size len)) (rest binary)))
   (tuple version kind payload rest))
  ((_) 'bad-packet))

(defun utf8-chars
  (((binary)) ())
  (((binary (c utf8) (rest binary))) (cons c (utf8-chars rest))))

(defun split-at (sep bin)
  (split-at sep bin #""))

(defun split-at
  ((sep (binary (c (size 8)) (rest binary)) acc) (when (== c sep)) (list acc rest))
  ((sep (binary (c (size 8)) (rest binary)) acc)
   (split-at sep rest (binary (acc binary) c)))
  ((_ (binary) acc) (list acc)))

(defun main ()
  (let (((binary a b (c (size 16))) (binary 1 2 0 3)))
    (show 'fixed (list a b c)))
  (let (((binary (x (size 16) little) (y (size 8) signed)) (binary 1 2 255)))
    (show 'little-signed (list x y)))
  (let (((binary (f float (size 32)) (g float)) (binary (1.5 float (size 32)) (0.25 float))))
    (show 'floats (list f g)))
  (let (((binary (h binary (size 2)) (t binary)) #"hello"))
    (show 'head-tail (list h t)))
  (let (((binary (bits bitstring (size 3)) (rest bitstring)) (binary 255)))
    (show 'bitstring-rest (list bits rest)))
  (show 'packet (parse-packet (binary (1 (size 4)) (2 (size 4)) 3 "abcdef")))
  (show 'bad-packet (parse-packet (binary (1 (size 4)) (2 (size 4)) 9 "ab")))
  (show 'utf8 (utf8-chars (binary (955 utf8) (65 utf8) (8364 utf8))))
  (show 'split (split-at #\, #"key,value,more"))
  (show 'split-none (split-at #\, #"novalue"))
  (show 'case-match
        (lists:map (lambda (bin)
                     (case bin
                       ((binary 0 (rest binary)) (tuple 'zero rest))
                       ((binary (n (size 8)) _ (rest binary)) (when (> n 100)) (tuple 'big n rest))
                       ((binary "ab" (rest binary)) (tuple 'ab rest))
                       (_ 'other)))
                   (list (binary 0 1 2) (binary 200 1 2) #"abc" #"x")))
  (show 'string-prefix
        (case #"GET /index" ((binary "GET " (path binary)) path)))
  (show 'match-fail
        (try (let (((binary (a (size 16))) (binary 1))) a)
          (catch ((tuple c r _) (tuple c r)))))
  (show 'unit-size
        (let (((binary (n (size 1) (unit 16)) (r binary)) (binary 1 2 3)))
          (list n r)))
  (show 'binary-part-match
        (let ((bin #"abcdef"))
          (list (binary:part bin 2 2) (binary:at bin 0) (binary:bin_to_list bin 1 2))))
  (show 'binary-module
        (list (binary:split #"a-b-c" #"-") (binary:split #"a-b-c" #"-" '(global))
              (binary:match #"hello" #"ll") (binary:replace #"aXbX" #"X" #"-" '(global))
              (binary:copy #"ab" 3) (binary:first #"xyz") (binary:last #"xyz")
              (binary:decode_unsigned (binary 1 0)) (binary:encode_unsigned 258))))
