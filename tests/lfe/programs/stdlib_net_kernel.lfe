;; net_kernel on a node that is not distributed: monitor_nodes and its options, the net
;; tick time, nodename, longnames, disconnect, allow, get_state, stop, getopts, allowed,
;; connecttime, epmd_module, protocol_childspecs, verbose, passive_cnct, publish_on_node,
;; dflag_unicode_io, async_disconnect, node_info and nodes_info.
(defmodule stdlib_net_kernel (export (main 0)))
(defun t (f) (try (funcall f) (catch ((tuple c e _) (tuple c e)))))
(defun p (x) (io:format "~p~n" (list x)))
(defun main ()
  (p (net_kernel:monitor_nodes 'true)) (p (net_kernel:monitor_nodes 'false)) (p (net_kernel:monitor_nodes 'maybe))
  (p (net_kernel:monitor_nodes 'true '(#(node_type all) nodedown_reason))) (p (net_kernel:monitor_nodes 'true '(bad)))
  (p (net_kernel:get_net_ticktime)) (p (t (lambda () (net_kernel:set_net_ticktime 60)))) (p (net_kernel:nodename)) (p (net_kernel:longnames))
  (p (t (lambda () (net_kernel:disconnect 'foo@bar)))) (p (t (lambda () (net_kernel:allow '(a@b))))) (p (net_kernel:get_state)) (p (net_kernel:stop))
  (p (t (lambda () (net_kernel:getopts 'foo@bar '(nodelay)))))
  (p (net_kernel:allowed)) (p (net_kernel:connecttime)) (p (net_kernel:epmd_module)) (p (net_kernel:protocol_childspecs))
  (p (net_kernel:verbose 1)) (p (net_kernel:passive_cnct 'true)) (p (net_kernel:publish_on_node 'x@y))
  (p (net_kernel:dflag_unicode_io (self))) (p (net_kernel:async_disconnect 'x@y))
  (p (t (lambda () (net_kernel:node_info 'x@y)))) (p (t (lambda () (net_kernel:nodes_info)))))
