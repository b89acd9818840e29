;; Shared definitions for programs that include this file: a record, macros
;; and a function.
(defrecord shape (kind 'square) (size 1) (colour 'black))

(defmacro area-of (s)
  `(let ((sz (shape-size ,s)))
     (case (shape-kind ,s)
       ('square (* sz sz))
       ('circle (* 3 sz sz))
       (_ 0))))

(defmacro with-colour
  ((cons c body) `(let ((colour ,c)) ,@body)))

(defun included-helper (x) (tuple 'from-include x))
