;; A ring of n processes passing a token around m times; each lap is reported.
;; (ring:start 5 3) prints "Lap 1 done" .. "Lap 3 done" and answers the token's last value.
(defmodule ring
  (export (start 2) (node-loop 1)))

(defun start (n m)
  (let* ((me (self))
         (first (lists:foldl (lambda (_ next) (spawn 'ring 'node-loop (list next)))
                             me
                             (lists:seq 1 (- n 1)))))
    (laps first 1 m 0)))

(defun laps (first lap m token)
  (! first (tuple 'token (+ token 1)))
  (receive
    ((tuple 'token t)
     (lfe_io:format "Lap ~w done~n" (list lap))
     (if (< lap m)
       (laps first (+ lap 1) m t)
       (progn (! first 'stop) t)))))

(defun node-loop (next)
  (receive
    ((tuple 'token t)
     (! next (tuple 'token (+ t 1)))
     (node-loop next))
    ('stop (! next 'stop))))
