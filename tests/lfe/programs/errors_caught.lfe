;; The error reasons of Erlang's run time, raised by ordinary code and caught:
;; badarith, badmatch, function_clause, undef, case_clause, try_clause,
;; badarg, badfun, badarity, badkey, badmap, and what the shell-less node
;; reports for each class.
(defmodule errors_caught
  (export (main 0) (one 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun one ((1) 'one))

(defun reason (f)
  (try (progn (funcall f) 'no-error)
    (catch ((tuple class r _) (tuple class r)))))

(defun id (x) x)

(defun main ()
  (show 'badarith (reason (lambda () (+ 1 (id 'a)))))
  (show 'badarith-div (reason (lambda () (div 1 (id 0)))))
  (show 'badarith-float (reason (lambda () (/ 1.0 (id 0)))))
  (show 'badmatch (reason (lambda () (let (((tuple a) (id #(1 2)))) a))))
  (show 'function-clause (reason (lambda () (one (id 2)))))
  (show 'function-clause-remote (reason (lambda () (errors_caught:one 3))))
  (show 'undef-module (reason (lambda () (no_such_module:f 1))))
  (show 'undef-function (reason (lambda () (lists:no_such_function))))
  (show 'undef-apply (reason (lambda () (apply 'lists 'nope '(1 2)))))
  (show 'case-clause (reason (lambda () (case (id 5) (1 'one)))))
  (show 'try-clause
        (reason (lambda () (try (id 5) (case (1 'one)) (catch (_ 'x))))))
  (show 'badarg-atom (reason (lambda () (list_to_atom (id 'x)))))
  (show 'badarg-element (reason (lambda () (element 5 (id #(1 2))))))
  (show 'badarg-hd (reason (lambda () (hd (id ())))))
  (show 'badarg-length (reason (lambda () (length (id '(1 . 2))))))
  (show 'badarg-send (reason (lambda () (! 'no_such_registered_name 'hi))))
  (show 'badarg-integer (reason (lambda () (list_to_integer (id "12x")))))
  (show 'badarg-binary (reason (lambda () (binary_to_list (id 'x)))))
  (show 'badfun (reason (lambda () (funcall (id 'not-a-fun) 1))))
  (show 'badarity (reason (lambda () (funcall (lambda (x) x) 1 2))))
  (show 'badkey (reason (lambda () (mref (id (map 'a 1)) 'b))))
  (show 'badmap (reason (lambda () (mset (id 'nomap) 'a 1))))
  (show 'if-false (reason (lambda () (if (id 'false) 'yes))))
  (show 'if-non-boolean (reason (lambda () (if (id 7) 'yes 'no))))
  (show 'cond-none (reason (lambda () (cond ((id 'false) 'yes)))))
  (show 'noproc-link (reason (lambda () (link (list_to_pid "<0.9999.0>")))))
  (show 'system-limit (reason (lambda () (list_to_atom (lists:duplicate 256 #\a)))))
  (show 'error-term (reason (lambda () (error (tuple 'custom (list 1 2))))))
  (show 'no-error (reason (lambda () 'fine))))
