;; Structs: defstruct in a module, struct construction with defaults,
;; is-struct, struct-field, struct-update, the struct as a map, and structs
;; in patterns.
(defmodule structs
  (export (main 0) (__struct__ 0) (__struct__ 1)))

(defstruct (name "anon") (age 0) email)

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun describe
  (((struct structs name n age a)) (when (> a 60)) (tuple 'senior n))
  (((struct structs name n)) (tuple 'person n))
  ((_) 'not-a-struct))

(defun main ()
  (let* ((s (struct structs name "Ann" age 70))
         (d (struct structs)))
    (show 'default d)
    (show 'given s)
    (show 'is-struct (list (is-struct s) (is-struct s structs) (is-struct (map))))
    (show 'field (list (struct-field s structs name) (struct-field d structs email)))
    (show 'update (struct-update s structs age 71 email "a@b"))
    (show 'is-map (is_map s))
    (show 'struct-key (mref s '__struct__))
    (show 'keys (lists:sort (maps:keys s)))
    (show 'describe (list (describe s) (describe (struct-update s structs age 5)) (describe (map 'name "x"))))
    (show '__struct__ (structs:__struct__))
    (show '__struct__-1 (structs:__struct__ (list #(age 9))))))
