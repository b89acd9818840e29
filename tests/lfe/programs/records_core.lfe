;; The record core forms: define-record, record (constructor and pattern),
;; is-record, record-index, record-field, record-update.
(defmodule records_core
  (export (main 0)))

(define-record account ((owner "nobody") (balance 0) (history ())))
(define-record node (id (left 'nil) (right 'nil)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun deposit
  (((= (record account balance b history h) acc) amount) (when (> amount 0))
   (record-update acc account balance (+ b amount) history (cons amount h)))
  ((acc _) acc))

(defun kind
  (((record account owner "nobody")) 'anonymous)
  (((record account balance b)) (when (< b 0)) 'overdrawn)
  (((record account)) 'account)
  (((record node id i)) (tuple 'node i))
  ((x) (when (is-record x node)) 'never)
  ((_) 'unknown))

(defun insert
  (('nil k) (record node id k))
  (((= (record node id i left l) n) k) (when (< k i))
   (record-update n node left (insert l k)))
  (((= (record node id i right r) n) k) (when (> k i))
   (record-update n node right (insert r k)))
  ((n _) n))

(defun walk
  (('nil) ())
  (((record node id i left l right r)) (++ (walk l) (list i) (walk r))))

(defun main ()
  (let* ((a (record account))
         (b (record account owner "Ann" balance 10))
         (c (deposit (deposit b 5) 7)))
    (show 'default a)
    (show 'given b)
    (show 'deposited c)
    (show 'refused (deposit c -3))
    (show 'field (record-field c account balance))
    (show 'history (record-field c account history))
    (show 'index-owner (record-index account owner))
    (show 'index-history (record-index account history))
    (show 'is-record (is-record c account))
    (show 'is-record-node (is-record c node))
    (show 'is-record-int (is-record 42 account))
    (show 'kind-anon (kind a))
    (show 'kind-over (kind (record-update b account balance -1)))
    (show 'kind-acc (kind b))
    (show 'kind-node (kind (record node id 9)))
    (show 'kind-tuple (kind #(account 1)))
    (show 'update-two (record-update a account owner "Bo" balance 99))
    (let ((tree (lists:foldl (lambda (k t) (insert t k)) 'nil '(5 3 8 1 4 9 7 5))))
      (show 'tree tree)
      (show 'walk (walk tree)))
    (case (list b c)
      ((list (record account owner o1) (record account owner o2 balance bal))
       (show 'case-owners (tuple o1 o2 bal))))
    (show 'guard-field
          (lists:filter (lambda (x) (is-record x account))
                        (list a 1 (record node id 1) b 'account)))
    (show 'guard-select
          (lc ((<- x (list a b c)) (> (record-field x account balance) 10))
            (record-field x account owner)))))
