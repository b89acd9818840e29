;; Ping pong on one node: pong is registered, ping plays n rounds with it.
;; (pingpong:start) prints the rounds, then "Ping finished" and "Pong finished".
(defmodule pingpong
  (export (start 0) (ping 1) (pong 0)))

(defun ping
  ((0)
   (! 'pong 'finished)
   (lfe_io:format "Ping finished~n" ()))
  ((n)
   (! 'pong (tuple 'ping (self)))
   (receive
     ('pong (lfe_io:format "Ping received pong~n" ())))
   (ping (- n 1))))

(defun pong ()
  (receive
    ('finished
     (lfe_io:format "Pong finished~n" ()))
    ((tuple 'ping ping-pid)
     (lfe_io:format "Pong received ping~n" ())
     (! ping-pid 'pong)
     (pong))))

(defun start ()
  (register 'pong (spawn 'pingpong 'pong ()))
  (spawn 'pingpong 'ping (list 3)))
