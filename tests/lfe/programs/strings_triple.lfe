;; Triple-quoted strings, list and binary, with indentation stripped by the
;; closing delimiter, verbatim quotes and backslashes.
(defmodule strings_triple
  (export (main 0)))

(defun show (tag x) (lfe_io:format "~s ~p~n" (list tag x)))

(defun main ()
  (show 'simple """
    Line "1"
    Line "2"
    """)
  (show 'indented """
        First line starting with four spaces
      Not escaped: "\t \r \xFF" and "quoted"
      """)
  (show 'one-line """
    only one
    """)
  (show 'two-lines """
    before
    after
    """)
  (show 'binary #"""
    Binary "1"
    Binary "2"
    """)
  (show 'length (length """
    abc
    """))
  (lfe_io:format "~s~n" (list """
    printed with ~s:
      kept indentation
    """)))
