;; What happens when a record operation meets something that is not that
;; record: badrecord errors, caught and printed.
(defmodule records_errors
  (export (main 0)))

(defrecord cat (name "tom") (lives 9))
(defrecord dog (name "rex"))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun try-it (f)
  (try (tuple 'ok (funcall f))
    (catch ((tuple class reason _) (tuple class reason)))))

(defun lives-of (c) (cat-lives c))

(defun main ()
  (let ((tom (make-cat))
        (rex (make-dog)))
    (show 'ok-access (try-it (lambda () (cat-lives tom))))
    (show 'access-dog (try-it (lambda () (cat-lives rex))))
    (show 'access-atom (try-it (lambda () (cat-name 'cat))))
    (show 'access-short (try-it (lambda () (lives-of #(cat "x")))))
    (show 'update-dog (try-it (lambda () (update-cat-lives rex 3))))
    (show 'update-int (try-it (lambda () (update-cat rex name "x" lives 1))))
    (show 'record-field-dog (try-it (lambda () (record-field rex cat name))))
    (show 'record-update-list
          (try-it (lambda () (record-update '(1 2) dog name "x"))))
    (show 'match-fail
          (try-it (lambda () (let (((match-cat name n) rex)) n))))
    (show 'case-fail
          (try-it (lambda () (case rex ((match-cat lives l) l)))))
    (show 'function-clause
          (try-it (lambda () (lists:map (match-lambda (((match-dog name n)) n))
                                        (list rex tom)))))))
