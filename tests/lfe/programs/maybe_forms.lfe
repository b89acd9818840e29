;; maybe: a sequence of ?= matches that stops at the first mismatch, the
;; value of a mismatch when there is no else, else clauses with guards, let
;; inside maybe, and else_clause when no else clause matches.
(defmodule maybe_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun fetch (k m)
  (case (maps:find k m)
    ((tuple 'ok v) (tuple 'ok v))
    ('error (tuple 'error (tuple 'missing k)))))

(defun sum-ab (m)
  (maybe
    (?= (tuple 'ok a) (fetch 'a m))
    (?= (tuple 'ok b) (fetch 'b m))
    (+ a b)))

(defun sum-ab-else (m)
  (maybe
    (?= (tuple 'ok a) (fetch 'a m))
    (?= (tuple 'ok b) (fetch 'b m))
    (?= 'true (is_integer b))
    (+ a b)
    (else
      (((tuple 'error (tuple 'missing k))) (tuple 'no k))
      (('false) (when (is_map_key 'b m)) (tuple 'not-integer (mref m 'b))))))

(defun main ()
  (show 'all-match (sum-ab (map 'a 1 'b 2)))
  (show 'first-fails (sum-ab (map 'b 2)))
  (show 'second-fails (sum-ab (map 'a 1)))
  (show 'else-ok (sum-ab-else (map 'a 1 'b 2)))
  (show 'else-missing (sum-ab-else (map 'a 1)))
  (show 'else-guard (sum-ab-else (map 'a 1 'b 2.5)))
  (show 'else-guard-atom (sum-ab-else (map 'a 1 'b 'atom)))
  (show 'else-clause
        (try (maybe (?= 'a (list_to_atom "b")) (else (('c) 'no)))
          (catch ((tuple c r _) (tuple c r)))))
  (show 'no-matches (maybe 1 2 3))
  (show 'plain-exprs (maybe (lfe_io:format "  side effect~n" ()) 'last))
  (show 'match-value (maybe (?= x 5)))
  (show 'with-let
        (maybe
          (?= (tuple 'ok a) #(ok 10))
          (let ((b (* a 2)))
            (?= (tuple 'ok c) (tuple 'ok (+ a b)))
            (list a b c))))
  (show 'with-let-fail
        (maybe
          (?= (tuple 'ok a) #(ok 10))
          (let ((b (* a 2)))
            (?= (tuple 'ok c) (tuple 'error b))
            (list a b c))))
  (show 'nested
        (maybe
          (?= (tuple 'ok x) #(ok 1))
          (?= 'inner-done (maybe (?= 'a 'b) 'not-here))
          x)))
