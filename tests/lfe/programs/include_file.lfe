;; include-file of LFE files with a record, macros and a function, found
;; relative to this file; an included macro using an included record.
(defmodule include_file
  (export (main 0)))

(include-file "include/shapes.lfe")
(include-file "include/constants.lfe")

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((sq (make-shape size 4))
        (c (default-shape)))
    (show 'square sq)
    (show 'circle c)
    (show 'area-square (area-of sq))
    (show 'area-circle (area-of c))
    (show 'max-size (max-size))
    (show 'fits (lc ((<- s (list sq c (make-shape size 11)))
                     (=< (shape-size s) (max-size)))
                  (shape-kind s)))
    (show 'colour (with-colour 'red (list colour (shape-colour sq))))
    (show 'helper (included-helper 1))
    (show 'fields (fields-shape))))
