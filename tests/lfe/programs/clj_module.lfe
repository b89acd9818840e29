;; LFE's clj module and include file: threading macros, conditional macros
;; and predicates.
(defmodule clj_module
  (export (main 0)))

(include-lib "lfe/include/clj.lfe")

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'thread-first (-> 5 (+ 3) (* 2) (list 'end)))
  (show 'thread-last (->> '(1 2 3 4) (lists:map (lambda (x) (* x x))) (lists:filter (lambda (x) (> x 4)))))
  (show 'as (as-> 5 x (+ x 1) (list x x)))
  (show 'cond-> (cond-> 1 'true (+ 10) 'false (* 100) (> 2 1) (list 'x)))
  (show 'some-> (list (some->> (map 'a (map 'b 1)) (maps:get 'a) (maps:get 'b))
                      (some-> 'undefined (list 'x))))
  (show 'if-let (list (if-let ((tuple _ x) (lists:keyfind 'a 1 '(#(a 1)))) (tuple 'found x) 'none)
                      (if-let ((tuple _ x) (lists:keyfind 'z 1 '(#(a 1)))) (tuple 'found x) 'none)))
  (show 'if-not (if-not 'false 'yes 'no))
  (show 'when-not (when-not 'false 'ran))
  (show 'condp (list (condp #'==/2 3 1 'one 3 'three 'other) (condp #'==/2 5 1 'one 'other)))
  (show 'not= (list (not= 1 2) (not= 1 1)))
  (show 'predicates
        (list (atom? 'a) (even? 4) (odd? 4) (zero? 0) (pos? -1) (neg? -1)
              (nil? ()) (true? 'true) (false? 'true)
              (identical? 1 1.0) (undefined? 'undefined)))
  (show 'str (clj:str "a" 'b 1 2.5))
  (show 'conj (list (clj:conj '(2 3) 1) (clj:conj #(1 2) 3)))
  (show 'qualified (clj:-> 1 (+ 1)))
  (show 'doto (doto "doto ran~n" (io:format) (io:format ()))))
