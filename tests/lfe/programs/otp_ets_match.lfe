;; Matching in ets: match and match_object with patterns ($N variables and _),
;; their /3 forms with a limit and the continuations, match_delete; select with
;; match specifications written by hand and with LFE's ets-ms macro ('$_', '$$',
;; guards, constants and built tuples in the body), select with a limit and its
;; continuation, select_reverse, select_count, select_delete and select_replace;
;; match_spec_compile/match_spec_run, and test_ms. Unordered tables' results are
;; sorted; limits are used on ordered_set tables, where the chunks are fixed.
(defmodule otp_ets_match
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun people (t)
  (ets:insert t (list #(ann 31 london dev) #(bob 25 paris ops) #(cy 47 london ops)
                      #(dee 19 rome dev) #(eve 52 paris dev) #(fay 38 oslo mgmt))))

;; Follows continuations to the end, one chunk per element.
(defun chunks
  (('$end_of_table) ())
  (((tuple found cont)) (cons found (chunks (ets:select cont)))))

(defun match-chunks
  (('$end_of_table) ())
  (((tuple found cont)) (cons found (match-chunks (ets:match cont)))))

(defun object-chunks
  (('$end_of_table) ())
  (((tuple found cont)) (cons found (object-chunks (ets:match_object cont)))))

(defun reverse-chunks
  (('$end_of_table) ())
  (((tuple found cont)) (cons found (reverse-chunks (ets:select_reverse cont)))))

(defun main ()
  (let ((t (ets:new 'match_set '(set public))))
    (people t)
    ;; match: the bindings of the $N variables, in order of N
    (show 'match (lists:sort (ets:match t #($1 _ london _))))
    (show 'match-two (lists:sort (ets:match t #($2 $1 paris _))))
    (show 'match-repeated-var (ets:match t #($1 _ $1 _)))
    (show 'match-no-vars (ets:match t #(ann 31 london dev)))
    (show 'match-nothing (ets:match t #(_ _ berlin _)))
    (show 'match-object (lists:sort (ets:match_object t #(_ _ _ ops))))
    (show 'match-object-all (length (ets:match_object t '_)))
    ;; select with match specifications written by hand
    (show 'select-all-keys (lists:sort (ets:select t '(#(#($1 _ _ _) () ($1))))))
    (show 'select-guard
          (lists:sort (ets:select t '(#(#($1 $2 _ _) (#(> $2 40)) ($1))))))
    (show 'select-whole-object
          (lists:sort (ets:select t '(#(#(_ $1 _ dev) (#(< $1 30)) ($_))))))
    (show 'select-all-vars
          (lists:sort (ets:select t '(#(#($1 _ $2 mgmt) () ($$))))))
    (show 'select-build-tuple
          (lists:sort (ets:select t '(#(#($1 $2 rome _) () (#(#(name $1 next-year #(+ $2 1)))))))))
    (show 'select-constant (ets:select t '(#(#(ann _ _ _) () (found-ann)))))
    (show 'select-two-clauses
          (lists:sort (ets:select t '(#(#($1 _ oslo _) () (#(#(oslo $1))))
                                      #(#($1 _ rome _) () (#(#(rome $1))))))))
    (show 'select-andalso
          (lists:sort (ets:select t '(#(#($1 $2 $3 _) (#(andalso #(>= $2 30) #(== $3 london))) ($1))))))
    (show 'select-orelse
          (lists:sort (ets:select t '(#(#($1 $2 _ _) (#(orelse #(< $2 20) #(> $2 50))) ($1))))))
    (show 'select-element-guard
          (lists:sort (ets:select t '(#($1 (#(== #(element 4 $1) ops)) (#(element 1 $1)))))))
    (show 'select-type-guard
          (lists:sort (ets:select t '(#(#($1 $2 _ _) (#(is_integer $2) #(< $2 30)) ($1))))))
    ;; the same with ets-ms
    (show 'ets-ms-keys (lists:sort (ets:select t (ets-ms ([(tuple n _ _ _)] n)))))
    (show 'ets-ms-guard
          (lists:sort (ets:select t (ets-ms ([(tuple n a c _)] (when (> a 30) (=:= c 'paris))
                                             (tuple n a))))))
    (show 'ets-ms-object
          (lists:sort (ets:select t (ets-ms ([(= (tuple _ _ 'london _) whole)] whole)))))
    (show 'ets-ms-list-body
          (lists:sort (ets:select t (ets-ms ([(tuple n a 'rome r)] (list n r (* a 2)))))))
    (show 'ets-ms-two-clauses
          (lists:sort (ets:select t (ets-ms ([(tuple n a _ 'dev)] (when (< a 30)) (tuple 'young n))
                                            ([(tuple n a _ 'dev)] (when (>= a 50)) (tuple 'senior n))))))
    (show 'ets-ms-expansion (ets-ms ([(tuple n a _ _)] (when (> a 40)) n)))
    ;; select_count, select_delete, select_replace, match_delete
    (show 'select-count (ets:select_count t '(#(#(_ _ london _) () (true)))))
    (show 'select-count-guard (ets:select_count t (ets-ms ([(tuple _ a _ _)] (when (< a 40)) 'true))))
    (show 'select-count-false (ets:select_count t '(#(#(_ _ _ _) () (false)))))
    (show 'select-replace
          (ets:select_replace t (ets-ms ([(tuple n a 'oslo r)] (tuple n (+ a 1) 'bergen r)))))
    (show 'after-replace (ets:lookup t 'fay))
    (show 'select-delete (ets:select_delete t '(#(#(_ $1 _ _) (#(> $1 45)) (true)))))
    (show 'after-select-delete (lists:sort (ets:select t '(#(#($1 _ _ _) () ($1))))))
    (show 'match-delete (ets:match_delete t #(_ _ paris _)))
    (show 'after-match-delete (lists:sort (ets:select t '(#(#($1 _ _ _) () ($1))))))
    (ets:delete t))
  ;; limits and continuations, on an ordered_set
  (let ((t (ets:new 'match_ordered '(ordered_set))))
    ;; keys k01 to k10 (atoms, so that lists of them print as lists)
    (ets:insert t (lc ((<- n (lists:seq 1 10)))
                    (tuple (list_to_atom (lists:flatten (io_lib:format "k~2..0w" (list n))))
                           (* n n) (if (== 0 (rem n 2)) 'even 'odd))))
    (show 'select-limit (chunks (ets:select t '(#(#($1 _ _) () ($1))) 4)))
    (show 'select-limit-guard (chunks (ets:select t '(#(#($1 _ odd) () ($1))) 2)))
    (show 'select-limit-none (ets:select t '(#(#($1 _ none) () ($1))) 3))
    (show 'select-reverse (ets:select_reverse t '(#(#($1 $2 even) () (#(#($1 $2)))))))
    (show 'select-reverse-limit
          (reverse-chunks (ets:select_reverse t '(#(#($1 _ _) () ($1))) 3)))
    (show 'match-limit (match-chunks (ets:match t #($1 $2 even) 2)))
    (show 'match-object-limit (object-chunks (ets:match_object t #(_ _ odd) 3)))
    (show 'select-ordered (ets:select t (ets-ms ([(tuple k v _)] (when (> v 50)) k))))
    (ets:delete t))
  ;; match specifications without a table
  (let ((ms (ets-ms ([(tuple a b)] (when (> a b)) (tuple 'bigger a))
                    ([(tuple a b)] (tuple 'not-bigger b)))))
    (show 'match-spec-run (ets:match_spec_run '(#(3 1) #(1 3) #(2 2) not-a-pair)
                                              (ets:match_spec_compile ms)))
    (show 'is-compiled (ets:is_compiled_ms (ets:match_spec_compile ms)))
    (show 'is-compiled-raw (ets:is_compiled_ms ms))
    (show 'test-ms (ets:test_ms #(5 4) ms))
    (show 'test-ms-no-match (ets:test_ms #(5 4 3) ms))
    (show 'test-ms-whole (ets:test_ms #(x y) '(#(#($1 $2) () (#(#($_ $$ $1)))))))
    (show 'test-ms-bad (ets:test_ms #(x y) '(#(#($1 $2) (#(bad-guard $1)) ($1)))))))
