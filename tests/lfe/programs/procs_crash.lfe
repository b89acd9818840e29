;; What the node prints when spawned processes crash: the error report for
;; an error, a throw (nocatch), a badarith in a nested call and a
;; function_clause; and that exits are not reported.
(defmodule procs_crash
  (export (main 0) (worker 1)))

(defun worker
  (('divide) (/ 10 (zero)))
  (('clause) (needs-one 2))
  (('throw) (throw 'ball))
  (('error) (error #(custom "reason" 42)))
  (('exit) (exit 'quietly))
  (('normal) 'fine))

(defun zero () 0)

(defun needs-one ((1) 'one))

(defun run (what)
  (let* ((pid (spawn 'procs_crash 'worker (list what)))
         (ref (monitor 'process pid)))
    (receive ((tuple 'DOWN r _ _ reason) (when (== r ref))
              (timer:sleep 50)
              (lfe_io:format "~p ended: ~p~n" (list what (reason-of reason)))))))

(defun reason-of
  (((tuple r stack)) (when (is_list stack)) r)
  ((r) r))

(defun main ()
  (run 'normal)
  (run 'exit)
  (run 'error)
  (run 'throw)
  (run 'divide)
  (run 'clause)
  (lfe_io:format "done~n" ()))
