;; The kvstore application: its start/2 starts the top supervisor.
(defmodule kvstore_app
  (behaviour application)
  (export (start 2) (stop 1)))

(defun start (_type _args) (kvstore_sup:start_link))

(defun stop (_state) 'ok)
