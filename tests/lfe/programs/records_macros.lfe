;; defrecord and the macros it generates: make-, match-, is-, update-, set-,
;; fields-, size-, NAME-FIELD (read and index) and update-/set-NAME-FIELD.
(defmodule records_macros
  (export (main 0)))

(defrecord person
  (name "")
  (address "" (string))
  age
  (tags '(a b)))

(defrecord point (x 0) (y 0))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun older (p) (update-person-age p (+ (person-age p) 1)))

(defun describe
  (((match-person name n age a)) (when (> a 50)) (tuple 'senior n))
  (((match-person name n)) (tuple 'person n))
  (((match-point x 0 y 0)) 'origin)
  (((match-point x v y v)) (tuple 'diagonal v))
  (((match-point x x y y)) (tuple 'at x y))
  ((_) 'other))

(defun main ()
  (let ((p (make-person name "Robert" age 54)))
    (show 'make-default (make-person))
    (show 'make p)
    (show 'name (person-name p))
    (show 'address (person-address p))
    (show 'age (person-age p))
    (show 'tags (person-tags p))
    (show 'index-name (person-name))
    (show 'index-address (person-address))
    (show 'index-age (person-age))
    (show 'index-tags (person-tags))
    (show 'fields (fields-person))
    (show 'size (size-person))
    (show 'size-point (size-point))
    (show 'is-person (is-person p))
    (show 'is-person-point (is-person (make-point)))
    (show 'is-person-atom (is-person 'person))
    (show 'update-field (update-person-address p "back street"))
    (show 'set-field (set-person-name p "Bob"))
    (show 'update-many (update-person p age 35 address "front street"))
    (show 'set-many (set-person p name "Rob" tags ()))
    (show 'older (older (older p)))
    (show 'original p)
    (show 'element (element (person-age) p))
    (show 'tuple-size (tuple_size p))
    (show 'describe-senior (describe p))
    (show 'describe-young (describe (make-person name "Ann" age 20)))
    (show 'describe-origin (describe (make-point)))
    (show 'describe-diagonal (describe (make-point x 3 y 3)))
    (show 'describe-point (describe (make-point x 3 y 4)))
    (show 'describe-tuple (describe #(person 1 2 3 4)))
    (let (((match-person name n tags (cons t _)) p))
      (show 'let-match (list n t)))
    (show 'is-tuple-person (is-person #(person a b c d)))
    (show 'is-short-tuple (is-person #(person a b)))
    (show 'points (lists:map (lambda (i) (make-point x i y (* i i))) '(1 2 3)))
    (show 'sum-x (lists:foldl (lambda (pt acc) (+ (point-x pt) acc))
                              0
                              (list (make-point x 5) (make-point x 7))))))
