;; try in all its shapes: body only with catch, with case (of) clauses,
;; with after, all three together; the order in which the parts run is
;; printed as it happens.
(defmodule try_of_after
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun say (x) (lfe_io:format "  ~p~n" (list x)) x)

(defun classify (f)
  (try (funcall f)
    (case
      ((tuple 'ok v) (say 'case-ok) (tuple 'value v))
      ('empty (say 'case-empty) 'nothing)
      (other (say 'case-other) (tuple 'other other)))
    (catch
      ((tuple 'throw t _) (say 'caught-throw) (tuple 'thrown t))
      ((tuple 'error e _) (say 'caught-error) (tuple 'error e))
      ((tuple 'exit x _) (say 'caught-exit) (tuple 'exited x)))
    (after (say 'after))))

(defun only-after (f)
  (try (funcall f)
    (after (say 'only-after))))

(defun main ()
  (show 'ok (classify (lambda () (say 'body) (tuple 'ok 1))))
  (show 'empty (classify (lambda () 'empty)))
  (show 'other (classify (lambda () 42)))
  (show 'throw (classify (lambda () (say 'body) (throw 'up) (say 'never))))
  (show 'error (classify (lambda () (error 'bad))))
  (show 'exit (classify (lambda () (exit 'gone))))
  (show 'after-success (only-after (lambda () 'fine)))
  (show 'after-throw (catch (only-after (lambda () (throw 'ball)))))
  (show 'after-value
        (try 'body-value (after 'after-value-is-ignored)))
  (show 'case-and-after
        (try (+ 1 2)
          (case (3 'three) (_ 'not-three))
          (after (say 'case-after))))
  (show 'catch-only
        (try (list_to_integer "x1")
          (catch ((tuple 'error 'badarg _) 'bad-integer))))
  (show 'catch-any
        (try (throw #(a b))
          (catch (_ 'anything))))
  (show 'nested
        (try
            (try (throw 'inner)
              (catch ((tuple 'throw 'inner _) (say 'inner-caught) (throw 'outer)))
              (after (say 'inner-after)))
          (catch ((tuple 'throw r _) (tuple 'outer-caught r)))
          (after (say 'outer-after))))
  (show 'error-in-case
        (try
            (try 1
              (case (1 (error 'in-case)))
              (catch ((tuple _ r _) (tuple 'same-try r))))
          (catch ((tuple 'error r _) (tuple 'outer-try r)))))
  (show 'error-in-after
        (try
            (try 'v
              (after (throw 'from-after)))
          (catch ((tuple c r _) (tuple c r)))))
  (show 'guarded
        (lists:map (lambda (x)
                     (try (throw x)
                       (catch
                         ((tuple 'throw n _) (when (is_integer n) (> n 10)) 'big)
                         ((tuple 'throw n _) (when (is_integer n)) 'small)
                         ((tuple 'throw _ _) 'not-integer))))
                   '(5 50 x)))
  (show 'rethrown
        (catch
          (try (throw 'first)
            (catch ((tuple 'error _ _) 'not-this)))))
  (show 'try-clause
        (try
            (try 'unexpected (case ('expected 'ok)) (after (say 'after-try-clause)))
          (catch ((tuple c r _) (tuple c r)))))
  (show 'try-value-in-let
        (let ((x (try (* 6 7) (catch (_ 0)))))
          (+ x 1))))
