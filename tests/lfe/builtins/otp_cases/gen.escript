#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of one module, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen.escript queue > queue.jsonl
%%
%% Each line is a JSON array [Expression, Result]: an LFE expression (calls with quoted
%% arguments, made at random from a fixed seed), and what lfe_eval:expr/1 gave, printed by
%% lfe_io:print1/1 as #(value V) or #(error Reason) (#(throw ...), #(exit ...)).

-mode(compile).
-export([queue_cases/0, ordsets_cases/0, orddict_cases/0]).

main([Mod]) ->
    rand:seed(exsss, {17, 42, erlang:phash2(Mod)}),
    io:put_chars(["# Cases of ", Mod, " recorded from LFE 2.2 on Erlang/OTP 25 by gen.escript.\n"]),
    Cases = list_to_atom(Mod ++ "_cases"),
    lists:foreach(fun line/1, ?MODULE:Cases()).

line(Text0) ->
    Text = lists:flatten(Text0),
    {ok, [Form]} = lfe_io:read_string(Text),
    R = try {value, lfe_eval:expr(Form)} catch C:E -> {C, E} end,
    Out = lists:flatten(lfe_io:print1(R)),
    case string:find(Out, "#Fun<") of
        nomatch -> io:put_chars(["[", json(Text), ",", json(Out), "]\n"]);
        _ -> io:format(standard_error, "skipped (a fun in the result): ~s~n", [Text])
    end.

json(S) -> [$", [esc(C) || C <- S], $"].

esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc(C) when C >= 32, C < 127 -> C;
esc(C) when C > 16#FFFF ->
    D = C - 16#10000,
    [esc(16#D800 + (D bsr 10)), esc(16#DC00 + (D band 16#3FF))];
esc(C) -> io_lib:format("\\u~4.16.0b", [C]).

%% ---- Random terms, printed as quoted LFE literals ----

pick(L) -> lists:nth(rand:uniform(length(L)), L).

q(T) -> "'" ++ lists:flatten(lfe_io:print1(T)).

small() -> rand:uniform(11) - 6.

leaf() ->
    case rand:uniform(12) of
        N when N =< 5 -> small();
        6 -> pick([a, b, c, x, 'B', true, false, 'hello world', ok]);
        7 -> pick([a, b, c]);
        8 -> pick([1.0, 2.5, -0.5, 3.0]);
        9 -> [];
        10 -> pick([1 bsl 70, -(1 bsl 64) - 3, 16#FFFFFFFF, 1 bsl 32]);
        11 -> pick([<<"ab">>, <<>>, <<1, 2, 3>>, "ab", "x"]);
        12 -> pick([{}, {a}, {1, 2}, [a], [1, 2]])
    end.

term(0) -> leaf();
term(D) ->
    case rand:uniform(8) of
        1 -> list_to_tuple([term(D - 1) || _ <- lists:seq(1, rand:uniform(3) - 1)]);
        2 -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(3))];
        _ -> leaf()
    end.

term() -> term(2).

list_of(F, Max) -> [F() || _ <- lists:seq(1, rand:uniform(Max + 1) - 1)].

%% ---- queue ----

queue_term() ->
    case rand:uniform(6) of
        1 -> {list_of(fun small/0, 4), list_of(fun small/0, 4)};
        _ ->
            lists:foldl(fun (_, Q) -> queue_op(Q) end,
                        queue:new(), lists:seq(1, rand:uniform(12)))
    end.

queue_op(Q) ->
    case rand:uniform(7) of
        N when N =< 3 -> queue:in(small(), Q);
        4 -> queue:in_r(small(), Q);
        5 -> element(2, queue:out(Q));
        6 -> element(2, queue:out_r(Q));
        7 -> queue:from_list(list_of(fun small/0, 6))
    end.

not_queue() -> pick([a, {a, b}, {[1], []}, [1, 2], {[], [], []}, {[1], b}, 3]).

queue_arg() ->
    case rand:uniform(10) of
        1 -> not_queue();
        _ -> queue_term()
    end.

queue_pred() ->
    pick(["(lambda (x) (> x 0))", "(lambda (x) (=:= x 2))", "(lambda (x) (is_integer x))",
          "(lambda (x) (< x -1))"]).

queue_filter() ->
    pick(["(lambda (x) (> x 0))", "(lambda (x) (list x x))", "(lambda (x) (if (> x 0) '() (list x)))",
          "(lambda (x) (if (> x 2) 'maybe 'true))", "(lambda (x) (if (> x 0) (list (* 10 x)) 'false))"]).

queue_filtermap() ->
    pick(["(lambda (x) (if (> x 0) (tuple 'true (* x 10)) (< x -2)))", "(lambda (x) (> x 1))",
          "(lambda (x) (if (> x 3) 'yes 'false))"]).

queue_cases() ->
    One = [is_queue, is_empty, len, to_list, out, out_r, get, get_r, peek, peek_r,
           drop, drop_r, reverse, head, tail, daeh, last, liat, lait, init],
    Ones = [io_lib:format("(queue:~s ~s)", [F, q(queue_arg())]) || F <- One, _ <- lists:seq(1, 25)],
    Ins = [io_lib:format("(queue:~s ~s ~s)", [F, q(small()), q(queue_arg())])
           || F <- [in, in_r, cons, member, delete, delete_r], _ <- lists:seq(1, 30)],
    Snoc = [io_lib:format("(queue:snoc ~s ~s)", [q(queue_arg()), q(small())])
            || _ <- lists:seq(1, 20)],
    FromList = [io_lib:format("(queue:from_list ~s)", [q(pick([list_of(fun term/0, 7), a, {1}]))])
                || _ <- lists:seq(1, 30)],
    Joins = [io_lib:format("(queue:join ~s ~s)", [q(queue_arg()), q(queue_arg())])
             || _ <- lists:seq(1, 40)],
    Splits = [io_lib:format("(queue:split ~s ~s)", [q(pick([0, 1, 2, 3, 4, 5, 6, 8, -1, 1.0, a])),
                                                     q(queue_arg())]) || _ <- lists:seq(1, 80)],
    Filters = [io_lib:format("(queue:filter ~s ~s)", [queue_filter(), q(queue_arg())])
               || _ <- lists:seq(1, 50)],
    FilterMaps = [io_lib:format("(queue:filtermap ~s ~s)", [queue_filtermap(), q(queue_arg())])
                  || _ <- lists:seq(1, 40)],
    Folds = [io_lib:format("(queue:fold (lambda (x acc) (cons x acc)) ~s ~s)",
                           [q(pick([[], 0])), q(queue_arg())]) || _ <- lists:seq(1, 20)],
    Preds = [io_lib:format("(queue:~s ~s ~s)", [F, queue_pred(), q(queue_arg())])
             || F <- [any, all, delete_with, delete_with_r], _ <- lists:seq(1, 30)],
    BadFuns = [io_lib:format("(queue:~s 'nofun ~s)", [F, q(queue_term())])
               || F <- [filter, filtermap, any, all, delete_with, delete_with_r]],
    Chains = [chain(rand:uniform(10)) || _ <- lists:seq(1, 60)],
    ["(queue:new)"] ++ Ones ++ Ins ++ Snoc ++ FromList ++ Joins ++ Splits ++ Filters ++ FilterMaps ++ Folds
        ++ Preds ++ BadFuns ++ Chains.

%% A queue built by a chain of calls, the last printed whole.
chain(0) -> "(queue:new)";
chain(N) ->
    Inner = chain(N - 1),
    case rand:uniform(9) of
        1 -> io_lib:format("(queue:in ~b ~s)", [small(), Inner]);
        2 -> io_lib:format("(queue:in_r ~b ~s)", [small(), Inner]);
        3 -> io_lib:format("(queue:in ~b (queue:in ~b ~s))", [small(), small(), Inner]);
        4 -> io_lib:format("(element 2 (queue:out ~s))", [Inner]);
        5 -> io_lib:format("(element 2 (queue:out_r ~s))", [Inner]);
        6 -> io_lib:format("(queue:reverse ~s)", [Inner]);
        7 -> io_lib:format("(element 1 (queue:split 1 (queue:join ~s ~s)))",
                           [Inner, q(queue_term())]);
        8 -> io_lib:format("(queue:join ~s ~s)", [q(queue_term()), Inner]);
        9 -> io_lib:format("(queue:filter (lambda (x) (> x -3)) ~s)", [Inner])
    end.

%% ---- ordsets and orddict ----

elem() -> pick([1, 2, 3, 4, 5, 1.0, 2.0, 3.5, a, b, c, {1}, [1], <<"b">>]).

set_term() -> ordsets:from_list(list_of(fun elem/0, 6)).

set_arg() ->
    case rand:uniform(12) of
        1 -> pick([a, {1, 2}, [3, 1, 2], [1 | 2], [2, 1 | c]]);
        _ -> set_term()
    end.

set_pred() -> pick(["(lambda (x) (is_integer x))", "(lambda (x) (> x 2))", "(lambda (x) 'maybe)"]).

ordsets_cases() ->
    Ones = [io_lib:format("(ordsets:~s ~s)", [F, q(set_arg())])
            || F <- [is_set, size, is_empty, to_list], _ <- lists:seq(1, 20)],
    FromList = [io_lib:format("(ordsets:from_list ~s)", [q(pick([list_of(fun elem/0, 8), a]))])
                || _ <- lists:seq(1, 30)],
    Elems = [io_lib:format("(ordsets:~s ~s ~s)", [F, q(elem()), q(set_arg())])
             || F <- [is_element, add_element, del_element], _ <- lists:seq(1, 40)],
    Twos = [io_lib:format("(ordsets:~s ~s ~s)", [F, q(set_arg()), q(set_arg())])
            || F <- [union, intersection, is_disjoint, subtract, is_subset], _ <- lists:seq(1, 50)],
    Lists = [io_lib:format("(ordsets:~s ~s)", [F, q(list_of(fun set_term/0, 4))])
             || F <- [union, intersection], _ <- lists:seq(1, 25)],
    Funs = [io_lib:format("(ordsets:filter ~s ~s)", [set_pred(), q(set_arg())]) || _ <- lists:seq(1, 20)]
        ++ [io_lib:format("(ordsets:fold (lambda (x acc) (cons x acc)) () ~s)", [q(set_arg())])
            || _ <- lists:seq(1, 10)],
    ["(ordsets:new)", "(ordsets:intersection ())", "(ordsets:union ())"]
        ++ Ones ++ FromList ++ Elems ++ Twos ++ Lists ++ Funs.

orddict_cases() ->
    Ones = [io_lib:format("(orddict:~s ~s)", [F, q(dict_arg())])
            || F <- [size, is_empty, to_list, fetch_keys], _ <- lists:seq(1, 15)],
    FromList = [io_lib:format("(orddict:from_list ~s)", [q(pairs())]) || _ <- lists:seq(1, 40)]
        ++ ["(orddict:from_list '(a))", "(orddict:from_list '(#(a 1) a))", "(orddict:from_list 'a)",
            "(orddict:from_list '(#(a 1 2)))"],
    Keys = [io_lib:format("(orddict:~s ~s ~s)", [F, q(elem()), q(dict_arg())])
            || F <- [is_key, fetch, find, erase, take], _ <- lists:seq(1, 40)],
    Stores = [io_lib:format("(orddict:~s ~s ~s ~s)", [F, q(elem()), q(V), q(dict_arg())])
              || {F, V} <- [{store, x}, {append, y}, {append_list, [p, q]}, {update_counter, 3},
                            {update_counter, 2.5}, {append_list, z}],
                 _ <- lists:seq(1, 25)],
    Updates = [io_lib:format("(orddict:update ~s (lambda (v) (tuple v)) ~s)", [q(elem()), q(dict_arg())])
               || _ <- lists:seq(1, 30)]
        ++ [io_lib:format("(orddict:update ~s (lambda (v) (tuple v)) 'init ~s)", [q(elem()), q(dict_arg())])
            || _ <- lists:seq(1, 30)],
    Funs = [io_lib:format("(orddict:fold (lambda (k v acc) (cons (tuple k v) acc)) () ~s)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:map (lambda (k v) (list k v)) ~s)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:filter (lambda (k v) (is_integer k)) ~s)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:merge (lambda (k a b) (list a b)) ~s ~s)", [q(dict_arg()), q(dict_arg())])
            || _ <- lists:seq(1, 40)]
        ++ ["(orddict:fold 'nofun 0 ())", "(orddict:map 'nofun ())", "(orddict:filter 'nofun ())",
            "(orddict:merge 'nofun () ())", "(orddict:filter (lambda (k v) 'maybe) '(#(a 1)))"],
    ["(orddict:new)"] ++ Ones ++ FromList ++ Keys ++ Stores ++ Updates ++ Funs.

pairs() -> [{elem(), small()} || _ <- lists:seq(1, rand:uniform(7) - 1)].

dict_arg() ->
    case rand:uniform(12) of
        1 -> pick([a, [{b, 1}, {a, 2}], [{a, 1}, x], [{a, 1} | b]]);
        _ -> orddict:from_list(pairs())
    end.
