;; Exception classes and stack traces: throw, error, exit, erlang:raise/3
;; rethrowing with the original stack, error/2 with arguments, and the
;; first entries of a stack trace (those of this module) as caught.
(defmodule try_classes
  (export (main 0) (deep 1)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun catch-all (f)
  (try (funcall f)
    (catch ((tuple class reason _) (tuple class reason)))))

(defun mine (stack)
  ;; The frames of this module, as the stack trace gives them.
  (lc ((<- (= (tuple 'try_classes _ _ _) frame) stack)) frame))

(defun deep
  ((0) (error 'bottom))
  ((n) (let ((r (deep (- n 1)))) (tuple r))))

(defun first-frame (f)
  (try (funcall f)
    (catch ((tuple _ _ stack) (car stack)))))

(defun main ()
  (show 'throw (catch-all (lambda () (throw 'ball))))
  (show 'error (catch-all (lambda () (error 'oops))))
  (show 'error2 (catch-all (lambda () (error 'oops '(1 2)))))
  (show 'exit (catch-all (lambda () (exit 'bye))))
  (show 'erlang-error (catch-all (lambda () (erlang:error #(my error)))))
  (show 'erlang-throw (catch-all (lambda () (erlang:throw 'x))))
  (show 'erlang-exit (catch-all (lambda () (erlang:exit 'y))))
  (show 'raise-throw (catch-all (lambda () (erlang:raise 'throw 't '()))))
  (show 'raise-error (catch-all (lambda () (erlang:raise 'error 'e '()))))
  (show 'raise-exit (catch-all (lambda () (erlang:raise 'exit 'x '()))))
  (show 'raise-bad-class
        (catch-all (lambda () (erlang:raise 'other 'x '()))))
  (show 'reraise
        (try
            (try (error 'inner)
              (catch ((tuple c r s) (erlang:raise c (tuple 'wrapped r) s))))
          (catch ((tuple c r _) (tuple c r)))))
  (show 'reraise-same-stack
        (try
            (try (deep 2)
              (catch ((tuple c r s) (erlang:raise c r s))))
          (catch ((tuple c r s) (tuple c r (mine s))))))
  (show 'stack-of-deep
        (try (deep 3)
          (catch ((tuple 'error 'bottom s) (mine s)))))
  (show 'stack-is-list
        (try (throw 1)
          (catch ((tuple _ _ s) (is_list s)))))
  (show 'first-frame-of-error2
        (first-frame (lambda () (error 'why '(a b)))))
  (show 'first-frame-of-bif
        (first-frame (lambda () (list_to_atom 42))))
  (show 'exit-normal (catch-all (lambda () (exit 'normal))))
  (show 'exit-tuple (catch-all (lambda () (exit #(shutdown reason)))))
  (show 'class-match
        (lc ((<- f (list (lambda () (throw 1))
                         (lambda () (error 2))
                         (lambda () (exit 3)))))
          (try (funcall f)
            (catch
              ((tuple 'throw v _) (tuple 't v))
              ((tuple 'error v _) (tuple 'e v))
              ((tuple 'exit v _) (tuple 'x v)))))))
