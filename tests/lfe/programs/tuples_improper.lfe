;; Tuples and lists at the edges: empty and nested tuples, element and
;; setelement, tuple BIFs, improper lists and how they print, deep nesting,
;; list and tuple conversions.
(defmodule tuples_improper
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun depth
  (((cons h t)) (max (+ 1 (depth h)) (depth t)))
  ((_) 0))

(defun main ()
  (show 'empty-tuple (tuple))
  (show 'tuple-form (tuple 1 'two "three" #(4)))
  (show 'nested (tuple (tuple (tuple))))
  (show 'element (list (element 1 #(a b)) (element 2 #(a b))))
  (show 'setelement (setelement 1 #(a b) 'z))
  (show 'append-element (erlang:append_element #(a) 'b))
  (show 'delete-element (erlang:delete_element 1 #(a b c)))
  (show 'insert-element (erlang:insert_element 2 #(a c) 'b))
  (show 'make-tuple (erlang:make_tuple 3 'x))
  (show 'tuple-size (list (tuple_size #()) (tuple_size #(1 2 3))))
  (show 'improper '(1 . 2))
  (show 'improper-long '(1 2 3 . 4))
  (show 'improper-nested '((a . b) (c . (d . e))))
  (show 'cons-chain (cons 1 (cons 2 (cons 3 'end))))
  (show 'proper-via-dot '(1 . (2 . (3 . ()))))
  (show 'improper-w (lists:flatten (lfe_io:format1 "~w" (list '(1 . 2)))))
  (show 'improper-erlang (lists:flatten (io_lib:format "~p" (list '(1 . 2)))))
  (show 'is-list-improper (is_list '(1 . 2)))
  (show 'length-improper
        (try (length '(1 . 2))
          (catch ((tuple c r _) (tuple c r)))))
  (show 'deep (depth '(1 (2 (3 (4 (5)))))))
  (show 'list-of-empty (list () () (list ())))
  (show 'tuple-list (list_to_tuple (lists:seq 1 10)))
  (show 'tuple-roundtrip (tuple_to_list (list_to_tuple '(a (b) #(c)))))
  (show 'big-tuple (tuple_size (list_to_tuple (lists:seq 1 1000))))
  (show 'tuple-compare (list (< #(1 2) #(1 3)) (< #(9) #(1 1)) (== #(1) #(1.0)))))
