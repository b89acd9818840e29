;; Maps in patterns: function heads, case, let, receive; keys that are
;; literals, values taken from bound variables; values that bind variables or repeat them;
;; guards on maps.
(defmodule maps_patterns
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun kind
  (((map 'type 'circle 'r r)) (tuple 'circle r))
  (((map 'type 'rect 'w w 'h h)) (when (== w h)) (tuple 'square w))
  (((map 'type 'rect 'w w 'h h)) (tuple 'rect w h))
  (((map)) 'some-map)
  ((_) 'not-a-map))

(defun lookup (key m)
  ;; A pattern's keys are literals; a bound key is looked up with a guard.
  (case m
    (m (when (is_map_key key m)) (tuple 'found (mref m key)))
    (_ 'missing)))

(defun same (m)
  (case m
    ((map 'a x 'b x) (tuple 'same x))
    ((map 'a x 'b y) (tuple 'differ x y))))

(defun main ()
  (show 'circle (kind (map 'type 'circle 'r 2)))
  (show 'square (kind (map 'type 'rect 'w 3 'h 3 'colour 'red)))
  (show 'rect (kind (map 'type 'rect 'w 3 'h 4)))
  (show 'other-map (kind (map 'type 'blob)))
  (show 'empty-map (kind (map)))
  (show 'not-map (kind '(type circle)))
  (show 'lookup-found (lookup 'b (map 'a 1 'b 2)))
  (show 'lookup-missing (lookup 'z (map 'a 1)))
  (show 'lookup-tuple-key (lookup #(1 2) (map #(1 2) 'pair)))
  (show 'same (same (map 'a 5 'b 5)))
  (show 'differ (same (map 'a 5 'b 6)))
  (let (((map 'x x 'y y) (map 'x 1 'y 2 'z 3)))
    (show 'let-bind (list x y)))
  (let ((m (map 'n (map 'inner 'deep))))
    (let (((map 'n (map 'inner v)) m))
      (show 'nested v)))
  (show 'guard-size
        (lists:map (lambda (m) (if (> (map_size m) 1) 'big 'small))
                   (list (map) (map 1 1) (map 1 1 2 2))))
  (show 'guard-key
        (lc ((<- m (list (map 'a 1) (map 'b 2) (map 'a 3 'b 4)))
             (is_map_key 'a m))
          (mref m 'a)))
  (show 'lc-pattern
        (lc ((<- (map 'ok v) (list (map 'ok 1) (map 'err 2) (map 'ok 3) 'x))) v))
  (show 'guard-mref
        (case (map 'age 20)
          (m (when (>= (map-get m 'age) 18)) 'adult)
          (_ 'minor)))
  (self-send)
  (show 'alias
        (case (map 'a 1 'b 2)
          ((= (map 'a 1) whole) (map_size whole)))))

(defun self-send ()
  (! (self) (map 'cmd 'ping 'from 'me))
  (! (self) (map 'cmd 'stop))
  (receive ((map 'cmd 'stop) (show 'got 'stop)))
  (receive ((map 'cmd c 'from f) (show 'got (tuple c f)))))
