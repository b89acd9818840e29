;; Binary patterns in every place a pattern goes: function clauses, case, let, receive, lambdas,
;; with sizes from earlier segments and from outside, guards, literals, strings, repeated
;; variables, tails, and the shape a binary comprehension's loop has.
(defmodule bits_match (export (main 0)))

(defun id (x) x)

(defun tr (f) (try (funcall f) (catch ((tuple c r _) (tuple c r)))))

(defun show (tag f) (lfe_io:format "~s ~w~n" (list tag (tr f))))

;; Function clauses.
(defun header
  (((binary (len (size 8)) (data binary (size len)) (rest binary))) (tuple len data rest))
  (((binary 0 (rest bitstring))) (tuple 'zero rest))
  ((other) (tuple 'other other)))

(defun kind
  (((binary (x (size 8)))) (when (> x 127)) 'high)
  (((binary (x (size 8)))) (when (is_integer x)) 'low)
  (((binary (_ (size 4)) (_ bits))) 'bits)
  ((_) 'none))

(defun two-args
  ((n (binary (x (size 8)) (rest binary))) (when (> x n)) (tuple 'more x rest))
  ((_ _) 'not-more))

;; What a binary comprehension's generator becomes: a loop on (binary pat... (rest bitstring)).
(defun gen1
  (((binary (x (size 3)) (rest bitstring)) acc) (gen1 rest (cons x acc)))
  ((rest acc) (tuple (lists:reverse acc) rest)))

(defun gen2
  (((binary (a (size 3)) (b (size 5) little signed) (c (size 2)) (rest bitstring)) acc)
   (gen2 rest (cons (tuple a b c) acc)))
  ((rest acc) (tuple (lists:reverse acc) rest)))

(defun gen-utf
  (((binary (c utf8) (rest bitstring)) acc) (gen-utf rest (cons c acc)))
  ((rest acc) (tuple (lists:reverse acc) rest)))

(defun gen-sized
  (((binary (n (size 4)) (v bits (size n)) (rest bitstring)) acc)
   (gen-sized rest (cons (tuple n v) acc)))
  ((rest acc) (tuple (lists:reverse acc) rest)))

(defun waiter ()
  (receive
    ((binary (tag (size 8)) (body binary)) (when (== tag 1)) (tuple 'one body))
    ((binary "stop") 'stopped)
    ((tuple from (binary (n (size 16)) (_ binary))) (! from (tuple 'got n)) (waiter))))

(defun main ()
  (show "header" (lambda () (list (header #B(2 1 2 3 4)) (header #B(5 1 2)) (header #B(0 7))
                                  (header (binary 0 (1 (size 1)))) (header 'atom) (header "list"))))
  (show "kind" (lambda () (list (kind #B(200)) (kind #B(3)) (kind #B(1 2)) (kind (binary (1 (size 4))))
                                (kind (binary (1 (size 5)))) (kind (binary (1 (size 3)))) (kind 42))))
  (show "two-args" (lambda () (list (two-args 3 #B(4 5)) (two-args 9 #B(4 5)) (two-args 1 #B()))))
  (show "case-outer-size" (lambda () (let ((n 12))
                                       (case (binary 171 205) ((binary (x (size n)) (r bits)) (tuple x r))))))
  (show "case-outer-size-unit" (lambda () (let ((n 2))
                                            (case #B(1 2 3 4 5) ((binary (x binary (size n) (unit 16)) (r binary)) (tuple x r))))))
  (show "size-atom" (lambda () (let ((n 'a)) (case #B(1) ((binary (x (size n))) x) (_ 'no)))))
  (show "size-negative" (lambda () (let ((n -8)) (case #B(1) ((binary (x (size n))) x) (_ 'no)))))
  (show "size-too-big" (lambda () (let ((n 16)) (case #B(1) ((binary (x (size n))) x) (_ 'no)))))
  (show "size-zero-var" (lambda () (let ((n 0)) (case #B(1) ((binary (x (size n)) (r binary)) (tuple x r)) (_ 'no)))))
  (show "size-chain" (lambda () (case #B(1 8 255 3 9 9 9)
                                  ((binary (a (size 8)) (b (size 8)) (c (size b)) (d (size 8)) (e binary (size d))) (list a b c d e)))))
  (show "shadow" (lambda () (let ((x 5)) (case #B(7) ((binary (x (size 8))) x)))))
  (show "shadow-size" (lambda () (let ((n 4)) (case #B(8 1 2 3 4 5 6 7 8 9) ((binary (n (size 8)) (x binary (size n)) (_ binary)) (tuple n x))))))
  (show "repeated" (lambda () (list (case #B(3 3) ((binary (x (size 8)) (x (size 8))) x) (_ 'no))
                                    (case #B(3 4) ((binary (x (size 8)) (x (size 8))) x) (_ 'no))
                                    (case (tuple 3 #B(3)) ((tuple x (binary (x (size 8)))) x) (_ 'no))
                                    (case (tuple 3 #B(4)) ((tuple x (binary (x (size 8)))) x) (_ 'no)))))
  (show "literals" (lambda () (list (case #B(1 2 3) ((binary 1 2 3) 'yes) (_ 'no))
                                    (case #B(1 2 4) ((binary 1 2 3) 'yes) (_ 'no))
                                    (case #B(0 42) ((binary (42 (size 16))) 'yes) (_ 'no))
                                    (case #B(255) ((binary (-1 (size 8) signed)) 'yes) (_ 'no))
                                    (case #B(255) ((binary (-1 (size 8))) 'yes) (_ 'no))
                                    (case (binary (1.5 float)) ((binary (1.5 float)) 'yes) (_ 'no))
                                    (case (binary (2.0 float (size 32))) ((binary (2 float (size 32))) 'yes) (_ 'no))
                                    (case (binary (123456789012345678901234567890 (size 100))) ((binary (123456789012345678901234567890 (size 100))) 'yes) (_ 'no)))))
  (show "strings" (lambda () (list (case #"hello world" ((binary "hello " (rest binary)) rest) (_ 'no))
                                   (case #"help" ((binary "hello" (rest binary)) rest) (_ 'no))
                                   (case #"ab" ((binary "ab") 'exact) (_ 'no))
                                   (case #"abc" ((binary "ab") 'exact) (_ 'no)))))
  (show "tails" (lambda () (list (case (binary 1 (2 (size 4))) ((binary 1 (r binary)) r) (_ 'no))
                                 (case (binary 1 (2 (size 4))) ((binary 1 (r bitstring)) r) (_ 'no))
                                 (case (binary 1 (2 (size 4))) ((binary (_ (size 4)) (r bits)) r) (_ 'no))
                                 (case #B(1 2 3) ((binary (_ (size 4)) (r bits)) r) (_ 'no))
                                 (case #B(1 2 3) ((binary (_ (size 8)) (r bytes)) r) (_ 'no))
                                 (case #B(1 2 3) ((binary (_ (size 4)) (r binary (unit 4))) r) (_ 'no))
                                 (case #B(1 2 3) ((binary (r binary (unit 16))) r) (_ 'no))
                                 (case #B(1 2 3 4) ((binary (r binary (unit 16))) r) (_ 'no))
                                 (case #B(1 2 3) ((binary (_ (size 8)) (_ binary)) 'skip) (_ 'no))
                                 (case #B() ((binary (r binary)) r) (_ 'no)))))
  (show "sub-bits" (lambda () (list (case #B(255 0 255) ((binary (_ (size 3)) (x bits (size 10)) (y bitstring (size 6)) (r bits)) (list x y r)))
                                    (case #B(1 2 3) ((binary (x binary (size 2)) (r binary)) (list x r))))))
  (show "let" (lambda () (let (((binary (a (size 4)) (b (size 4)) (r binary)) #B(18 52 86))) (list a b r))))
  (show "let-badmatch" (lambda () (let (((binary (a (size 16))) #B(1))) a)))
  (show "let-guard" (lambda () (let (((binary (a (size 8))) (when (> a 0)) #B(7))) a)))
  (show "lambda" (lambda () (funcall (match-lambda (((binary (a (size 8)) (b (size 8)))) (+ a b))) #B(3 4))))
  (show "match-lambda" (lambda () (lists:map (match-lambda (((binary (a (size 8)) (_ binary))) a) ((_) 'none)) (list #B(9 9) #B() 'x))))
  (show "receive" (lambda () (let ((p (spawn (lambda () (waiter)))))
                               (! p (tuple (self) #B(1 0 0)))
                               (receive ((tuple 'got n) n) (after 1000 'timeout)))))
  (show "receive-local" (lambda () (progn (! (self) #B(2 9)) (! (self) #B(1 7 7))
                                          (receive ((binary (tag (size 8)) (body binary)) (when (== tag 1)) (tuple tag body))
                                                   (after 0 'none)))))
  (show "gen1" (lambda () (gen1 #B(255 0 170) ())))
  (show "gen1-aligned" (lambda () (gen1 #B(255 0 170 1 2 3) ())))
  (show "gen2" (lambda () (gen2 #B(1 2 3 4 5 6 7) ())))
  (show "gen-utf" (lambda () (gen-utf (binary (955 utf8) (97 utf8) (8364 utf8) 255 1) ())))
  (show "gen-sized" (lambda () (gen-sized (binary (3 (size 4)) (5 (size 3)) (0 (size 4)) (12 (size 4)) (15 (size 4)) 1) ())))
  (show "guard-uses-bound" (lambda () (case #B(5 1 2 3 4 5) ((binary (n (size 8)) (r binary)) (when (== (byte_size r) n)) 'ok) (_ 'no))))
  (show "non-binary" (lambda () (list (case 'a ((binary (x (size 8))) x) (_ 'no))
                                      (case (list 1) ((binary (x (size 8))) x) (_ 'no))
                                      (case #(1) ((binary (_ binary)) 'any) (_ 'no)))))
  (show "signed-le" (lambda () (case #B(255 127 0 128) ((binary (a (size 16) little signed) (b (size 16) signed)) (list a b)))))
  (show "big-sizes" (lambda () (case (binary (-1 (size 200))) ((binary (a (size 100) signed) (b (size 100))) (list a b))))))
