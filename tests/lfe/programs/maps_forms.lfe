;; Map construction and the map core forms with their short names:
;; map, #M literals, map-get/mref, map-set/mset, map-update/mupd,
;; map-remove/mrem, map-size/msiz, and their errors.
(defmodule maps_forms
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun try-it (f)
  (try (tuple 'ok (funcall f))
    (catch ((tuple class reason _) (tuple class reason)))))

(defun main ()
  (let* ((k 'key)
         (m (map 'a 1 'b 2 k "value"))
         (lit #M(x 10 y 20 "str" s #(t 1) tuple))
         (empty #M()))
    (show 'built m)
    (show 'literal lit)
    (show 'empty empty)
    (show 'empty-form (map))
    (show 'nested (map 'inner (map 'deep (list 1 2))))
    (show 'map-get (map-get m 'a))
    (show 'mref (mref m 'key))
    (show 'mref-str (mref lit "str"))
    (show 'mref-tuple (mref lit #(t 1)))
    (show 'map-set (map-set m 'c 3 'a 100))
    (show 'mset (mset empty 1 'one 2.0 'two))
    (show 'map-update (map-update m 'a 11 'b 22))
    (show 'mupd (mupd lit 'x 0))
    (show 'map-remove (map-remove m 'a 'nothere))
    (show 'mrem (mrem lit 'x 'y))
    (show 'map-size (map-size m))
    (show 'msiz (msiz empty))
    (show 'float-int-keys (map 1 'int 1.0 'float))
    (show 'is-map (list (is_map m) (is_map '(1)) (is_map empty)))
    (show 'map-size-bif (map_size lit))
    (show 'mref-missing (try-it (lambda () (mref m 'zzz))))
    (show 'mupd-missing (try-it (lambda () (mupd m 'zzz 1))))
    (show 'mref-not-map (try-it (lambda () (mref '(a b) 'a))))
    (show 'mset-not-map (try-it (lambda () (mset 'atom 'a 1))))
    (show 'dup-keys (map 'a 1 'a 2))
    (show 'many
          (lists:foldl (lambda (i acc) (mset acc i (* i i))) (map) (lists:seq 1 12)))
    (show 'mixed-keys
          (map 'atom 1 42 2 "list" 3 #"bin" 4 #(1) 5 (list 'x) 6 3.5 7))))
