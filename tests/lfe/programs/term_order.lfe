;; Erlang's term order across types: number < atom < reference < fun < port <
;; pid < tuple < map < nil < list < bitstring; comparisons of mixed values,
;; sorting mixed lists, and == against =:=.
(defmodule term_order
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'number-atom (< 999999999999 'a))
  (show 'atom-tuple (< 'zzz #()))
  (show 'tuple-map (< #(1 2 3) (map)))
  (show 'map-nil (< (map 'a 1) ()))
  (show 'nil-list (< () '(1)))
  (show 'list-binary (< '(1 2) #""))
  (show 'atom-ref (< 'a (make_ref)))
  (show 'ref-fun (< (make_ref) (lambda () 1)))
  (show 'fun-pid (< (lambda () 1) (self)))
  (show 'pid-tuple (< (self) #()))
  (show 'int-float (list (< 1 1.5) (< 1.5 2) (== 2 2.0) (< 2 2.0) (< 2.0 2)))
  (show 'sorted
        (lists:sort (list #"bin" '(1) () (map) #(a) 'atom 2.5 1 "str" #(a b) -3)))
  (show 'tuples-by-size (lists:sort (list #(b) #(a a) #(z) #(1 2 3) #())))
  (show 'tuples-elementwise (lists:sort (list #(1 b) #(1 a) #(0 z))))
  (show 'lists-lexical (lists:sort (list '(1 2) '(1) '(1 1 1) '(0 9) '(2))))
  (show 'strings (lists:sort (list "banana" "apple" "Cherry" "apple pie")))
  (show 'atoms (lists:sort (list 'b 'B 'a 'aa 'Z)))
  (show 'binaries (lists:sort (list #"b" #"ab" #"a" #"")))
  (show 'maps-by-size (lists:sort (list (map 'a 1 'b 2) (map 'z 0) (map))))
  (show 'maps-by-keys (lists:sort (list (map 'b 1) (map 'a 2))))
  (show 'maps-by-values (lists:sort (list (map 'a 2) (map 'a 1))))
  (show 'int-float-maps (< (map 1 'a) (map 1.0 'a)))
  (show 'max-min (list (max 'a 1) (min #() ()) (max "a" #"a")))
  (show 'usort-equal (lists:usort (list 1 1.0 2 2.0)))
  (show 'sort-stable (lists:sort (list 2.0 1 2 1.0)))
  (show 'exact-vs-equal
        (list (=:= #(1 2.0) #(1 2)) (== #(1 2.0) #(1 2)) (== '(1.0) '(1)) (== (map 'a 1.0) (map 'a 1))))
  (show 'keysort (lists:keysort 2 (list #(a 3) #(b 1) #(c 2) #(d 1)))))
