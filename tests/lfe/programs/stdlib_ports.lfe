;; Ports to external programs: open_port with spawn and spawn_executable, output as data
;; messages in stream, line and packet framing, lists and binaries, exit_status and eof,
;; commands written both ways, close and connect messages, port_info, and the errors.
(defmodule stdlib_ports (export (main 0)))

(defun collect (port acc)
  (receive
    ((tuple p (tuple 'data d)) (when (== p port)) (collect port (cons d acc)))
    ((tuple p (tuple 'exit_status s)) (when (== p port)) (collect port (cons (tuple 'status s) acc)))
    ((tuple p 'eof) (when (== p port)) (port_close port) (lists:reverse (cons 'eof acc)))
    ((tuple 'EXIT p r) (when (== p port)) (lists:reverse (cons (tuple 'exit r) acc)))
    (after 5000 (lists:reverse (cons 'timeout acc)))))

(defun reason (x)
  (case x
    ((tuple 'EXIT (tuple r _)) r)
    (other other)))

(defun main ()
  (process_flag 'trap_exit 'true)
  (let ((p (open_port #(spawn "echo hello; echo world; exit 3") '(exit_status))))
    (io:format "~p~n" (list (collect p '()))))
  (let ((p (open_port #(spawn "sh -c 'echo one; exit 4'") '(exit_status stderr_to_stdout))))
    (io:format "~p~n" (list (collect p '()))))
  (let ((p (open_port #(spawn "printf 'a\\nbb\\nccccccc\\ndd'") '(#(line 4) binary eof))))
    (io:format "~p~n" (list (collect p '()))))
  (let ((p (open_port #(spawn "printf 'x\\r\\ny\\n'") '(#(line 10)))))
    (io:format "~p~n" (list (collect p '()))))
  (let ((p (open_port #(spawn "cat") '(binary))))
    (port_command p "ping ")
    (! p (tuple (self) (tuple 'command #"pong")))
    (timer:sleep 300)
    (io:format "~p~n" (list (iolist_to_binary (drain p '()))))
    (io:format "~p~n" (list (element 1 (lists:unzip (erlang:port_info p)))))
    (io:format "~p ~p ~p~n"
               (list (is_integer (element 2 (erlang:port_info p 'os_pid)))
                     (== (erlang:port_info p 'connected) (tuple 'connected (self)))
                     (erlang:port_info p 'name)))
    (io:format "~p~n" (list (erlang:port_get_data p)))
    (erlang:port_set_data p #(some data))
    (io:format "~p~n" (list (erlang:port_get_data p)))
    (! p (tuple (self) 'close))
    (receive ((tuple q 'closed) (when (== q p)) (io:format "closed~n")) (after 2000 (io:format "not closed~n")))
    (io:format "~p~n" (list (erlang:port_info p)))
    (io:format "~p~n" (list (reason (catch (port_command p "more"))))))
  (let ((p (open_port #(spawn_executable "/bin/sh")
                      '(#(args ("-c" "head -c 5 >/dev/null; printf '\\000\\003abc'")) #(packet 2) binary exit_status))))
    (port_command p "xyz")
    (io:format "~p~n" (list (collect p '()))))
  (let ((p (open_port #(spawn_executable "/bin/sh") '(#(args ("-c" "echo $FOO $0 $(pwd)")) #(env (#("FOO" "bar"))) #(cd "/") exit_status))))
    (io:format "~p~n" (list (collect p '()))))
  (io:format "~p~n" (list (reason (catch (open_port #(spawn_executable "/nonexistent/x") '())))))
  (io:format "~p~n" (list (reason (catch (open_port #(nothing "x") '())))))
  (io:format "~p~n" (list (reason (catch (open_port #(spawn "true") '(#(packet 3))))))))

(defun drain (p acc)
  (receive
    ((tuple q (tuple 'data d)) (when (== q p)) (drain p (cons d acc)))
    (after 0 (lists:reverse acc))))
