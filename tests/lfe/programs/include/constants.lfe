;; Constants as macros, included after another include file.
(defmacro max-size () 10)
(defmacro default-shape () `(make-shape kind 'circle size 2))
