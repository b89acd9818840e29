;; Number and character literals in all the reader's bases and forms,
;; symbols written with bars, and the reader's comments.
(defmodule literals_numbers
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

#| A block comment
   spanning lines |#

(defun main ()
  (show 'decimal (list 1234 -123 0 +7))
  (show 'binary (list #b0 #b10101 #b-1100 #B1010))
  (show 'binary-star (list #*0 #*10101 #*-1100))
  (show 'octal (list #o377 #o-111))
  (show 'explicit-decimal (list #d1234 #d-123 #d0))
  (show 'hex (list #xc0ffe #x-01 #XFF #xabcd #xABCD))
  (show 'radix (list #2r1010 #8r377 #16rf00 #16RF00 #36rhelloworld #36RHelloWorld))
  (show 'chars (list #\a #\A #\$ #\( #\) #\\ #\0 #\; #\" #\|))
  (show 'floats (list 1.0 +1.0 -1.0 1.0e10 1.111e-10 1.5E3 0.5e-2))
  (show 'symbols (list 'foo 'Foo 'foo-bar ':foo '123foo '1.23e4extra))
  (show 'bar-symbols (list '|foo| '|symbol with spaces| '|| '|with \| bar|))
  (show 'symbol-chars (list 'a+b 'x->y '<=> '*star* 'what?))
  (show 'symbol-case (list (== 'abc 'ABC) (atom_to_list 'MixedCase)))
  (show 'quote-forms (list '(quote x) ''x '(a . b) '(a b . c)))
  (show 'brackets (list '[1 2 3] '(a [b c] d)))
  (show 'tuples (list #() #(1) #(a #(b)) '#(x y)))
  (show 'big-literal 123456789012345678901234567890)
  (show 'char-arith (- #\z #\a))
  ;; a line comment at the end
  (show 'done 'ok))
