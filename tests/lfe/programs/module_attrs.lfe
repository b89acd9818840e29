;; defmodule options: a doc string, several export forms with (export all),
;; user attributes, and what module_info answers.
(defmodule module_attrs
  "A module with attributes."
  (export (main 0))
  (export all)
  (author "Someone")
  (vsn 1)
  (purpose testing attributes)
  (my-attr (a b c)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun helper () 'exported-by-all)

(defun main ()
  (let ((attrs (module_info 'attributes)))
    (show 'module (module_info 'module))
    (show 'author (proplists:get_value 'author attrs))
    (show 'vsn (proplists:get_value 'vsn attrs))
    (show 'purpose (proplists:get_value 'purpose attrs))
    (show 'my-attr (proplists:get_value 'my-attr attrs))
    (show 'exports (lists:sort (module_info 'exports)))
    (show 'helper-remote (module_attrs:helper))
    (show 'info-keys (lists:sort (lc ((<- (tuple k _) (module_info))) k)))
    (show 'exported (list (erlang:function_exported 'module_attrs 'helper 0)
                          (erlang:function_exported 'module_attrs 'nope 0)))))
