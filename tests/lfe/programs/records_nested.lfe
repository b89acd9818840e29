;; Records inside records, lists of records sorted and grouped by a field,
;; records as map values and message payloads, and field indices used with
;; the tuple BIFs and lists:keysort.
(defmodule records_nested
  (export (main 0)))

(defrecord item (sku 'none) (qty 1) (price 0.0))
(defrecord order (id 0) (items ()) (meta (make-item sku 'meta)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun total (o)
  (lists:sum (lc ((<- i (order-items o))) (* (item-qty i) (item-price i)))))

(defun add-item (o i) (update-order-items o (cons i (order-items o))))

(defun main ()
  (let* ((o0 (make-order id 7))
         (o1 (add-item o0 (make-item sku 'pen qty 3 price 1.5)))
         (o2 (add-item o1 (make-item sku 'ink price 4.25)))
         (o3 (add-item o2 (make-item sku 'pad qty 2 price 2.0))))
    (show 'empty o0)
    (show 'full o3)
    (show 'total (total o3))
    (show 'meta-sku (item-sku (order-meta o3)))
    (show 'skus (lc ((<- (match-item sku s) (order-items o3))) s))
    (show 'keysort-price (lists:keysort (item-price) (order-items o3)))
    (show 'keysort-qty (lists:keysort (item-qty) (order-items o3)))
    (show 'keyfind (lists:keyfind 'ink (item-sku) (order-items o3)))
    (show 'setelement (setelement (item-qty) (make-item) 42))
    (show 'nested-update
          (update-order-meta o3 (update-item-qty (order-meta o3) 99)))
    (show 'in-map (mref (map 'a (make-item) 'b o0) 'b))
    (let ((self (self)))
      (! self (make-item sku 'msg qty 5))
      (receive
        ((match-item sku s qty q) (show 'received (tuple s q)))))
    (show 'big-qty
          (lists:filter (lambda (i) (>= (item-qty i) 2)) (order-items o3)))))
