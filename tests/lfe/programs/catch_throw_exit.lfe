;; The catch form: a value passes through, a throw gives its value, an error
;; gives #(EXIT #(reason stack)), an exit gives #(EXIT reason); throws across
;; functions and non-local return.
(defmodule catch_throw_exit
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun strip
  ;; An error's stack trace depends on the caller; keep the reason only.
  (((tuple 'EXIT (tuple reason stack))) (when (is_list stack))
   (tuple 'EXIT reason 'with-stack))
  ((other) other))

(defun find-first (pred xs)
  (catch
    (progn
      (lists:foreach (lambda (x) (if (funcall pred x) (throw (tuple 'found x)))) xs)
      'not-found)))

(defun main ()
  (show 'value (catch (+ 1 2)))
  (show 'throw (catch (throw 'ball)))
  (show 'throw-tuple (catch (throw #(EXIT fake))))
  (show 'exit (catch (exit 'gone)))
  (show 'exit-tuple (catch (exit #(a b))))
  (show 'error (strip (catch (error 'bad))))
  (show 'badarith (strip (catch (/ 1 0))))
  (show 'badmatch (strip (catch (let ((1 (length '(a b)))) 'never))))
  (show 'find (find-first (lambda (x) (> x 3)) '(1 5 2 7)))
  (show 'find-none (find-first (lambda (x) (> x 30)) '(1 5 2 7)))
  (show 'nested (catch (list (catch (throw 'inner)) (throw 'outer))))
  (show 'multi-body (catch 1 2 (throw 3) 4))
  (show 'in-list (list (catch 'a) (catch (throw 'b)) (strip (catch (error 'c)))))
  (show 'exit-normal (catch (exit 'normal)))
  (show 'throw-number (+ 1 (catch (throw 41)))))
