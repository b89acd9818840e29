;; The store: a gen_server registered as kvstore that owns a protected ets table, so that
;; reads go straight to the table and writes through the server. Any node reaches it as
;; #(kvstore Node), an Erlang node as {kvstore, Node}.
(defmodule kvstore
  (behaviour gen_server)
  (export (start_link 0) (put 2) (get 1) (delete 1) (keys 0)
          (put 3) (get 2) (delete 2) (keys 1)
          (init 1) (handle_call 3) (handle_cast 2) (handle_info 2) (terminate 2)))

(defun start_link () (gen_server:start_link #(local kvstore) 'kvstore () ()))

;; On this node.
(defun put (k v) (gen_server:call 'kvstore (tuple 'put k v)))
(defun get (k)
  (case (ets:lookup (table) k)
    ((list (tuple _ v)) (tuple 'ok v))
    (() 'not_found)))
(defun delete (k) (gen_server:call 'kvstore (tuple 'delete k)))
(defun keys () (lists:sort (ets:select (table) '(#(#($1 _) () ($1))))))

;; On the node given.
(defun put (node k v) (gen_server:call (tuple 'kvstore node) (tuple 'put k v)))
(defun get (node k) (gen_server:call (tuple 'kvstore node) (tuple 'get k)))
(defun delete (node k) (gen_server:call (tuple 'kvstore node) (tuple 'delete k)))
(defun keys (node) (gen_server:call (tuple 'kvstore node) 'keys))

(defun table () (application:get_env 'kvstore 'table 'kvstore_table))

(defun init (_)
  (tuple 'ok (ets:new (table) '(named_table protected set))))

(defun handle_call
  (((tuple 'put k v) _from tab) (ets:insert tab (tuple k v)) (tuple 'reply 'ok tab))
  (((tuple 'get k) _from tab) (tuple 'reply (get k) tab))
  (((tuple 'delete k) _from tab) (ets:delete tab k) (tuple 'reply 'ok tab))
  (('keys _from tab) (tuple 'reply (keys) tab)))

(defun handle_cast (_msg tab) (tuple 'noreply tab))
(defun handle_info (_msg tab) (tuple 'noreply tab))
(defun terminate (_reason _tab) 'ok)
