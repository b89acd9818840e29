;; The top supervisor of kvstore: restarts the store if it dies (the table dies with it and
;; is made again empty, as an ets table dies with its owner).
(defmodule kvstore_sup
  (behaviour supervisor)
  (export (start_link 0) (init 1)))

(defun start_link () (supervisor:start_link #(local kvstore_sup) 'kvstore_sup ()))

(defun init (_)
  (tuple 'ok (tuple #M(strategy one_for_one intensity 5 period 10)
                    (list #M(id kvstore start #(kvstore start_link ()))))))
