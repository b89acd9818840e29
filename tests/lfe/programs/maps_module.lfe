;; The maps module as programs use it; results that are lists are shown as
;; given (maps:to_list and maps:keys order of small maps) or sorted.
(defmodule maps_module
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (let ((m (maps:from_list '(#(c 3) #(a 1) #(b 2)))))
    (show 'from-list m)
    (show 'to-list (maps:to_list m))
    (show 'keys (maps:keys m))
    (show 'values (maps:values m))
    (show 'get (maps:get 'a m))
    (show 'get-default (maps:get 'z m 'none))
    (show 'find (list (maps:find 'b m) (maps:find 'z m)))
    (show 'is-key (list (maps:is_key 'c m) (maps:is_key 'd m)))
    (show 'put (maps:put 'd 4 m))
    (show 'remove (maps:remove 'a m))
    (show 'update (maps:update 'a 10 m))
    (show 'update-with (maps:update_with 'a (lambda (v) (* v 100)) m))
    (show 'update-with-init (maps:update_with 'q (lambda (v) v) 0 m))
    (show 'merge (maps:merge m (map 'a 'new 'e 5)))
    (show 'map (maps:map (lambda (k v) (tuple k v)) m))
    (show 'filter (maps:filter (lambda (_ v) (> v 1)) m))
    (show 'fold (maps:fold (lambda (k v acc) (cons (tuple v k) acc)) () m))
    (show 'fold-sum (maps:fold (lambda (_ v acc) (+ v acc)) 0 m))
    (show 'with (maps:with '(a c z) m))
    (show 'without (maps:without '(a c z) m))
    (show 'size (maps:size m))
    (show 'new (maps:new))
    (show 'take (maps:take 'b m))
    (show 'take-none (maps:take 'x m))
    (show 'from-keys (maps:from_keys '(x y) 0))
    (show 'groups
          (maps:groups_from_list (lambda (x) (rem x 3)) '(1 2 3 4 5 6 7)))
    (show 'filtermap
          (maps:filtermap (lambda (_ v) (if (> v 1) (tuple 'true (* v 2)) 'false)) m))
    (show 'iterator
          (let ((it (maps:iterator m)))
            (case (maps:next it)
              ((tuple k v _) (tuple k v))
              ('none 'none))))
    (show 'sorted-keys
          (lists:sort (maps:keys (maps:from_list (lc ((<- i (lists:seq 1 40))) (tuple i i))))))
    (show 'get-badkey
          (try (maps:get 'nope m)
            (catch ((tuple c r _) (tuple c r)))))
    (show 'get-badmap
          (try (maps:get 'a 'notmap)
            (catch ((tuple c r _) (tuple c r)))))))
