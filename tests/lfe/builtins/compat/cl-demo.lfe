;; A module that uses cl's functions and macros, run by tests/lfe/builtins/cl_test.ts. The values
;; its tests expect are what LFE 2.2.0 on Erlang/OTP 25 gave: compiled with lfec and each function
;; called from erl, its value written by (lfe_io:print1 ...).

(defmodule cl-demo
  (export (loops 0) (plists 0) (sequences 0) (lists 0) (types 0) (effects 0)))

(defun loops ()
  (list
   (cl:do ((x 1 (+ x 1)) (acc () (cons x acc))) ((> x 5) acc))
   (cl:do ((i 0 (+ i 1)) (sum 0 (+ sum do-state))) ((== i 4) sum) (* i 10))
   (cl:do ((n 3 (- n 1))) ((=:= n 0) 'done))
   (cl:do () ('true 'at-once))))

(defun plists ()
  (let* ((a (cl:symbol-plist 'demo-sym))
         (b (cl:putprop 'demo-sym 1 'colour))
         (c (cl:putprop 'demo-sym 2 'size))
         (d (cl:putprop 'demo-sym 3 'colour))
         (e (cl:symbol-plist 'demo-sym))
         (f (cl:get 'demo-sym 'size))
         (g (cl:get 'demo-sym 'weight))
         (h (cl:get 'demo-sym 'weight 'none))
         (i (cl:getl 'demo-sym '(size weight)))
         (j (cl:remprop 'demo-sym 'colour))
         (k (cl:symbol-plist 'demo-sym))
         (l (cl:remprop 'demo-sym 'size))
         (m (cl:symbol-plist 'demo-sym))
         (n (cl:putprop "not an atom" 'v 'p))
         (o (cl:get "not an atom" 'p)))
    (list a b c d e f g h i j k l m n o
          (cl:symbol-name 'demo-sym)
          (cl:getf '(a 1 b 2) 'b) (cl:getf '(a 1 b 2) 'c) (cl:getf '(a 1 b 2) 'c 'dflt)
          (cl:putf '(a 1 b 2) 3 'b) (cl:putf '(a 1) 3 'c) (cl:remf '(a 1 b 2 c 3) 'b)
          (cl:get-properties '(a 1 b 2 c 3) '(c b)) (cl:get-properties '(a 1) '(z)))))

(defun sequences ()
  (list
   (cl:elt 1 '(a b c)) (cl:elt 1 #(a b c)) (cl:length '(1 2 3)) (cl:length #(1 2))
   (cl:reverse '(1 2 3)) (cl:reverse #(1 2 3))
   (cl:some (lambda (x) (> x 2)) '(1 2 3)) (cl:some (lambda (x) (> x 2)) #(1 2 3))
   (cl:some (lambda (x) (> x 1)) #(1 2 3)) (cl:every #'is_integer/1 '(1 2)) (cl:every #'is_integer/1 #(1 2))
   (cl:notany #'is_atom/1 '(1 2)) (cl:notevery #'is_atom/1 '(a 2))
   (cl:reduce (lambda (x a) (cons x a)) '(1 2 3)) (cl:reduce #'+/2 '(1 2 3) 'initial-value 10)
   (cl:reduce (lambda (x a) (cons x a)) '(1 2 3) 'from-end 'true)
   (cl:reduce (lambda (x a) (cons x a)) '(1 2 3) 'from-end 'true 'initial-value 'z)
   (cl:remove 'a '(a b a c)) (cl:remove 'a #(a b a c)) (cl:remove-if #'is_atom/1 '(a 1 b 2))
   (cl:remove-if-not #'is_atom/1 #(a 1 b 2)) (cl:remove-duplicates '(a b a c b))
   (cl:substitute 'x 'a '(a b a)) (cl:substitute-if 'x #'is_atom/1 #(a 1 b))
   (cl:substitute-if-not 'x #'is_atom/1 '(a 1 b))
   (cl:find 'b '(a b c)) (cl:find 'z '(a b c)) (cl:find-if #'is_integer/1 '(a 1 b))
   (cl:find-if-not #'is_atom/1 '(a 1 b))
   (cl:position 'c '(a b c)) (cl:position-if #'is_integer/1 '(a 1)) (cl:position-if-not #'is_atom/1 '(a b))
   (cl:count 'a '(a b a)) (cl:count-if #'is_atom/1 '(a 1 b)) (cl:count-if-not #'is_atom/1 '(a 1 b))
   (try (cl:find-if (lambda (x) 5) '(1)) (catch ((tuple c r _) (tuple c r))))
   (try (cl:remove-if-not (lambda (x) 5) '(1)) (catch ((tuple c r _) (tuple c r))))
   (try (cl:reverse '(1 2 . 3)) (catch ((tuple c r _) (tuple c r))))))

(defun lists ()
  (list
   (cl:car '(1 2)) (cl:car ()) (cl:cdr '(1 2)) (cl:first '(a)) (cl:rest ())
   (cl:nth 0 '(a b)) (cl:nth 5 '(a b)) (cl:nth -1 '(a b)) (cl:nthcdr 0 '(a b c)) (cl:nthcdr 1 '(a b c))
   (cl:last '(1 2 3)) (cl:butlast '(1 2 3))
   (cl:subst 'x 'a '(a (b a) . a)) (cl:subst-if 'n #'is_integer/1 '(1 (a 2) b))
   (cl:subst-if-not 'n #'is_list/1 '(1 (a 2) b)) (cl:sublis '((a . 1) (b . 2)) '(a (b c) . a))
   (cl:member 'b '(a b)) (cl:member-if #'is_integer/1 '(a 1)) (cl:member-if-not #'is_atom/1 '(a b))
   (cl:adjoin 'a '(a b)) (cl:adjoin 'c '(a b)) (cl:union '(a b c) '(b d)) (cl:intersection '(a b c) '(b c d))
   (cl:set-difference '(a b c) '(b)) (cl:set-exclusive-or '(a b c) '(b c d)) (cl:subsetp '(a b) '(b a c))
   (cl:subsetp '(a z) '(a b))
   (cl:acons 'k 'v '((a . 1))) (cl:pairlis '(a b) '(1 2)) (cl:pairlis '(a) '(1) '((z . 0)))
   (cl:assoc 'b '((a . 1) (b . 2))) (cl:assoc-if #'is_integer/1 '((a . 1) (2 . b)))
   (cl:assoc-if-not #'is_atom/1 '((a . 1) (2 . b))) (cl:rassoc 'b '((a . 1) (2 . b)))
   (cl:rassoc-if #'is_atom/1 '((a . 1) (2 . b))) (cl:rassoc-if-not #'is_atom/1 '((a . b) (2 . 3)))
   (cl:mapcar (lambda (x) (* x x)) '(1 2 3)) (cl:maplist #'cl:length/1 '(a b c))
   (cl:make-lfe-bool ()) (cl:make-lfe-bool 'x) (cl:make-cl-bool 'false) (cl:make-cl-bool 'true)))

(defun types ()
  (list
   (lists:map #'cl:type-of/1
              (list 'true 'a #(1) 1 1.5 "abc" "Schrödinger" (list 1000) '(a . b) '(1 2 . 3) ()
                    #'cl:car/1 #"ab" (self) (make_ref) #M(a 1) (binary (5 (size 3)))))
   (cl:coerce '(1 2) 'vector) (cl:coerce '(1 2) 'tuple) (cl:coerce "abc" 'atom) (cl:coerce 'abc 'list)
   (cl:coerce #(1 2) 'list) (cl:coerce #"ab" 'list) (cl:coerce 'abc 'character) (cl:coerce "xy" 'character)
   (cl:coerce 2.7 'integer) (cl:coerce "2.5" 'float) (cl:coerce '|1.5e3| 'float) (cl:coerce 'q 't)
   (cl:coerce (binary (5 (size 3))) 'list)
   (try (cl:coerce 1 'float) (catch ((tuple c r _) (tuple c r))))
   (try (cl:coerce 1 'vector) (catch ((tuple c r _) (tuple c r))))))

(defun effects ()
  (list
   (cl:mapc (lambda (x) (! (self) (tuple 'mapc x))) '(1 2))
   (cl:mapl (lambda (x) (! (self) (tuple 'mapl x))) '(1 2))
   (cl:maplist (lambda (x) (! (self) (tuple 'maplist x)) (length x)) '(a b))
   (cl:subst-if 'n (lambda (x) (! (self) (tuple 'subst-if x)) 'false) '(1 (2) . 3))
   (drain)))

(defun drain ()
  (receive (m (cons m (drain))) (after 0 ())))
