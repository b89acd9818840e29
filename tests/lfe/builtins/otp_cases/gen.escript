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
-export([queue_cases/0, ordsets_cases/0, orddict_cases/0, phash_cases/0, sets_cases/0, dict_cases/0, re_cases/0, filename_cases/0]).

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
        _ -> io:format(standard_error, "skipped (a fun in the result): ~ts~n", [Text])
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
    Ones = [io_lib:format("(queue:~ts ~ts)", [F, q(queue_arg())]) || F <- One, _ <- lists:seq(1, 25)],
    Ins = [io_lib:format("(queue:~ts ~ts ~ts)", [F, q(small()), q(queue_arg())])
           || F <- [in, in_r, cons, member, delete, delete_r], _ <- lists:seq(1, 30)],
    Snoc = [io_lib:format("(queue:snoc ~ts ~ts)", [q(queue_arg()), q(small())])
            || _ <- lists:seq(1, 20)],
    FromList = [io_lib:format("(queue:from_list ~ts)", [q(pick([list_of(fun term/0, 7), a, {1}]))])
                || _ <- lists:seq(1, 30)],
    Joins = [io_lib:format("(queue:join ~ts ~ts)", [q(queue_arg()), q(queue_arg())])
             || _ <- lists:seq(1, 40)],
    Splits = [io_lib:format("(queue:split ~ts ~ts)", [q(pick([0, 1, 2, 3, 4, 5, 6, 8, -1, 1.0, a])),
                                                     q(queue_arg())]) || _ <- lists:seq(1, 80)],
    Filters = [io_lib:format("(queue:filter ~ts ~ts)", [queue_filter(), q(queue_arg())])
               || _ <- lists:seq(1, 50)],
    FilterMaps = [io_lib:format("(queue:filtermap ~ts ~ts)", [queue_filtermap(), q(queue_arg())])
                  || _ <- lists:seq(1, 40)],
    Folds = [io_lib:format("(queue:fold (lambda (x acc) (cons x acc)) ~ts ~ts)",
                           [q(pick([[], 0])), q(queue_arg())]) || _ <- lists:seq(1, 20)],
    Preds = [io_lib:format("(queue:~ts ~ts ~ts)", [F, queue_pred(), q(queue_arg())])
             || F <- [any, all, delete_with, delete_with_r], _ <- lists:seq(1, 30)],
    BadFuns = [io_lib:format("(queue:~ts 'nofun ~ts)", [F, q(queue_term())])
               || F <- [filter, filtermap, any, all, delete_with, delete_with_r]],
    Chains = [chain(rand:uniform(10)) || _ <- lists:seq(1, 60)],
    ["(queue:new)"] ++ Ones ++ Ins ++ Snoc ++ FromList ++ Joins ++ Splits ++ Filters ++ FilterMaps ++ Folds
        ++ Preds ++ BadFuns ++ Chains.

%% A queue built by a chain of calls, the last printed whole.
chain(0) -> "(queue:new)";
chain(N) ->
    Inner = chain(N - 1),
    case rand:uniform(9) of
        1 -> io_lib:format("(queue:in ~b ~ts)", [small(), Inner]);
        2 -> io_lib:format("(queue:in_r ~b ~ts)", [small(), Inner]);
        3 -> io_lib:format("(queue:in ~b (queue:in ~b ~ts))", [small(), small(), Inner]);
        4 -> io_lib:format("(element 2 (queue:out ~ts))", [Inner]);
        5 -> io_lib:format("(element 2 (queue:out_r ~ts))", [Inner]);
        6 -> io_lib:format("(queue:reverse ~ts)", [Inner]);
        7 -> io_lib:format("(element 1 (queue:split 1 (queue:join ~ts ~ts)))",
                           [Inner, q(queue_term())]);
        8 -> io_lib:format("(queue:join ~ts ~ts)", [q(queue_term()), Inner]);
        9 -> io_lib:format("(queue:filter (lambda (x) (> x -3)) ~ts)", [Inner])
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
    Ones = [io_lib:format("(ordsets:~ts ~ts)", [F, q(set_arg())])
            || F <- [is_set, size, is_empty, to_list], _ <- lists:seq(1, 20)],
    FromList = [io_lib:format("(ordsets:from_list ~ts)", [q(pick([list_of(fun elem/0, 8), a]))])
                || _ <- lists:seq(1, 30)],
    Elems = [io_lib:format("(ordsets:~ts ~ts ~ts)", [F, q(elem()), q(set_arg())])
             || F <- [is_element, add_element, del_element], _ <- lists:seq(1, 40)],
    Twos = [io_lib:format("(ordsets:~ts ~ts ~ts)", [F, q(set_arg()), q(set_arg())])
            || F <- [union, intersection, is_disjoint, subtract, is_subset], _ <- lists:seq(1, 50)],
    Lists = [io_lib:format("(ordsets:~ts ~ts)", [F, q(list_of(fun set_term/0, 4))])
             || F <- [union, intersection], _ <- lists:seq(1, 25)],
    Funs = [io_lib:format("(ordsets:filter ~ts ~ts)", [set_pred(), q(set_arg())]) || _ <- lists:seq(1, 20)]
        ++ [io_lib:format("(ordsets:fold (lambda (x acc) (cons x acc)) () ~ts)", [q(set_arg())])
            || _ <- lists:seq(1, 10)],
    ["(ordsets:new)", "(ordsets:intersection ())", "(ordsets:union ())"]
        ++ Ones ++ FromList ++ Elems ++ Twos ++ Lists ++ Funs.

orddict_cases() ->
    Ones = [io_lib:format("(orddict:~ts ~ts)", [F, q(dict_arg())])
            || F <- [size, is_empty, to_list, fetch_keys], _ <- lists:seq(1, 15)],
    FromList = [io_lib:format("(orddict:from_list ~ts)", [q(pairs())]) || _ <- lists:seq(1, 40)]
        ++ ["(orddict:from_list '(a))", "(orddict:from_list '(#(a 1) a))", "(orddict:from_list 'a)",
            "(orddict:from_list '(#(a 1 2)))"],
    Keys = [io_lib:format("(orddict:~ts ~ts ~ts)", [F, q(elem()), q(dict_arg())])
            || F <- [is_key, fetch, find, erase, take], _ <- lists:seq(1, 40)],
    Stores = [io_lib:format("(orddict:~ts ~ts ~ts ~ts)", [F, q(elem()), q(V), q(dict_arg())])
              || {F, V} <- [{store, x}, {append, y}, {append_list, [p, q]}, {update_counter, 3},
                            {update_counter, 2.5}, {append_list, z}],
                 _ <- lists:seq(1, 25)],
    Updates = [io_lib:format("(orddict:update ~ts (lambda (v) (tuple v)) ~ts)", [q(elem()), q(dict_arg())])
               || _ <- lists:seq(1, 30)]
        ++ [io_lib:format("(orddict:update ~ts (lambda (v) (tuple v)) 'init ~ts)", [q(elem()), q(dict_arg())])
            || _ <- lists:seq(1, 30)],
    Funs = [io_lib:format("(orddict:fold (lambda (k v acc) (cons (tuple k v) acc)) () ~ts)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:map (lambda (k v) (list k v)) ~ts)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:filter (lambda (k v) (is_integer k)) ~ts)", [q(dict_arg())])
            || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(orddict:merge (lambda (k a b) (list a b)) ~ts ~ts)", [q(dict_arg()), q(dict_arg())])
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

%% ---- erlang:phash/2, which dict and sets place their elements by ----

phash_cases() ->
    Fixed = [0, 1, -1, 255, 256, -256, 16#FFFFFFFF, 16#100000000, -16#100000000, 1 bsl 59,
             (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 60, 1 bsl 64, (1 bsl 64) - 1, 1 bsl 100,
             -(1 bsl 100) - 7, 0.0, -0.0, 1.0, -2.5, 1.0e300, 3.14159, a, b, 'B', true, false,
             '', 'hello world', 'é', 'ÿ', 'λ', 'über', {}, {a}, {1, 2, 3}, [], [1], [256],
             [a | b], [1 | 2], "abc", [1000, 2000], <<>>, <<1, 2, 3>>, <<1:1>>, <<255, 7:3>>,
             [[1], [2]], {[], {}}, [{a, 1}, {b, 2}]],
    Random = [term(3) || _ <- lists:seq(1, 300)],
    [io_lib:format("(erlang:phash ~ts 4294967296)", [q(T)]) || T <- Fixed ++ Random]
        ++ [io_lib:format("(erlang:phash ~ts ~b)", [q(term()), pick([1, 2, 16, 32, 1000, 7])])
            || _ <- lists:seq(1, 100)].

%% ---- sets and dict ----

hkey() -> pick([small(), small(), rand:uniform(300), a, b, c, 1.0, {rand:uniform(5)}, "k", <<"k">>]).

big_list() -> [rand:uniform(400) || _ <- lists:seq(1, pick([0, 5, 20, 81, 90, 200]))].

sets_v1() -> sets:from_list(pick([list_of(fun hkey/0, 8), big_list()])).

sets_v2() -> sets:from_list(list_of(fun hkey/0, 8), [{version, 2}]).

sets_arg() ->
    case rand:uniform(14) of
        1 -> pick([a, {set, 1}, [1, 2]]);
        N when N =< 4 -> sets_v2();
        _ -> sets_v1()
    end.

sets_cases() ->
    Ones = [io_lib:format("(sets:~ts ~ts)", [F, q(sets_arg())])
            || F <- [is_set, size, is_empty, to_list], _ <- lists:seq(1, 20)],
    News = ["(sets:new)", "(sets:new '(#(version 1)))", "(sets:new '(#(version 2)))",
            "(sets:new '())", "(sets:new '(#(version 3)))", "(sets:new 'a)"],
    FromList = [io_lib:format("(sets:from_list ~ts)", [q(pick([list_of(fun hkey/0, 9), big_list(), a]))])
                || _ <- lists:seq(1, 40)]
        ++ [io_lib:format("(sets:from_list ~ts ~ts)", [q(list_of(fun hkey/0, 9)), q(pick([[{version, 1}], [{version, 2}], [], [foo]]))])
            || _ <- lists:seq(1, 20)],
    Elems = [io_lib:format("(sets:~ts ~ts ~ts)", [F, q(hkey()), q(sets_arg())])
             || F <- [is_element, add_element, del_element], _ <- lists:seq(1, 40)],
    Shrinks = [io_lib:format("(lists:foldl (lambda (e s) (sets:del_element e s)) (sets:from_list (lists:seq 1 ~b)) ~ts)",
                             [N, q(lists:seq(1, M))])
               || {N, M} <- [{100, 30}, {100, 60}, {200, 150}, {90, 20}, {300, 299}]],
    Twos = [io_lib:format("(sets:~ts ~ts ~ts)", [F, q(sets_arg()), q(sets_arg())])
            || F <- [union, intersection, is_disjoint, subtract, is_subset], _ <- lists:seq(1, 30)],
    Lists = [io_lib:format("(sets:~ts ~ts)", [F, q(list_of(fun sets_v1/0, 3))])
             || F <- [union, intersection], _ <- lists:seq(1, 10)]
        ++ ["(sets:union ())", "(sets:intersection ())"],
    Funs = [io_lib:format("(sets:filter (lambda (x) (is_integer x)) ~ts)", [q(sets_arg())]) || _ <- lists:seq(1, 30)]
        ++ [io_lib:format("(sets:fold (lambda (x acc) (cons x acc)) () ~ts)", [q(sets_arg())]) || _ <- lists:seq(1, 20)]
        ++ ["(sets:fold 'nofun 0 (sets:new))", "(sets:filter 'nofun (sets:new))",
            "(sets:filter (lambda (x) 'maybe) (sets:from_list '(1)))"],
    News ++ Ones ++ FromList ++ Elems ++ Shrinks ++ Twos ++ Lists ++ Funs.

dict_term() ->
    dict:from_list([{hkey(), small()} || _ <- lists:seq(1, pick([0, 3, 8, 90, 150]))]).

dict_val() -> pick([1, 2, x, [a], [], {v}]).

dict_arg2() ->
    case rand:uniform(12) of
        1 -> pick([a, {dict, 1}, [{a, 1}]]);
        _ -> dict_term()
    end.

dict_cases() ->
    Ones = [io_lib:format("(dict:~ts ~ts)", [F, q(dict_arg2())])
            || F <- [size, is_empty, to_list, fetch_keys], _ <- lists:seq(1, 15)],
    FromList = [io_lib:format("(dict:from_list ~ts)", [q([{hkey(), dict_val()} || _ <- lists:seq(1, pick([1, 5, 85, 200]))])])
                || _ <- lists:seq(1, 25)]
        ++ ["(dict:new)", "(dict:from_list '(a))", "(dict:from_list 'a)", "(dict:from_list '(#(a 1 2)))"],
    Keys = [io_lib:format("(dict:~ts ~ts ~ts)", [F, q(hkey()), q(dict_arg2())])
            || F <- [is_key, fetch, find, erase, take], _ <- lists:seq(1, 30)],
    Stores = [io_lib:format("(dict:~ts ~ts ~ts ~ts)", [F, q(hkey()), q(V), q(dict_arg2())])
              || {F, V} <- [{store, x}, {append, y}, {append_list, [p, q]}, {update_counter, 3},
                            {update_counter, 2.5}, {update_counter, a}],
                 _ <- lists:seq(1, 20)],
    Shrinks = [io_lib:format("(lists:foldl (lambda (k d) (dict:erase k d)) (dict:from_list (lists:zip (lists:seq 1 ~b) (lists:seq 1 ~b))) ~ts)",
                             [N, N, q(lists:seq(1, M))])
               || {N, M} <- [{100, 30}, {100, 60}, {200, 150}, {300, 299}]],
    Updates = [io_lib:format("(dict:update ~ts (lambda (v) (tuple v)) ~ts)", [q(hkey()), q(dict_arg2())])
               || _ <- lists:seq(1, 20)]
        ++ [io_lib:format("(dict:update ~ts (lambda (v) (tuple v)) 'init ~ts)", [q(hkey()), q(dict_arg2())])
            || _ <- lists:seq(1, 20)]
        ++ ["(dict:update 'a 'nofun 'init (dict:new))"],
    Funs = [io_lib:format("(dict:fold (lambda (k v acc) (cons (tuple k v) acc)) () ~ts)", [q(dict_arg2())])
            || _ <- lists:seq(1, 10)]
        ++ [io_lib:format("(dict:map (lambda (k v) (list k v)) ~ts)", [q(dict_arg2())]) || _ <- lists:seq(1, 10)]
        ++ [io_lib:format("(dict:filter (lambda (k v) (is_integer k)) ~ts)", [q(dict_arg2())]) || _ <- lists:seq(1, 15)]
        ++ [io_lib:format("(dict:merge (lambda (k a b) (list a b)) ~ts ~ts)", [q(dict_arg2()), q(dict_arg2())])
            || _ <- lists:seq(1, 20)]
        ++ ["(dict:fold 'nofun 0 (dict:new))", "(dict:map 'nofun (dict:new))", "(dict:filter 'nofun (dict:new))",
            "(dict:fold 'nofun 0 (dict:from_list '(#(a 1))))", "(dict:filter (lambda (k v) 'maybe) (dict:from_list '(#(a 1))))"],
    Ones ++ FromList ++ Keys ++ Stores ++ Shrinks ++ Updates ++ Funs.

%% ---- re ----

re_patterns() ->
    ["a", "b+", "(a)(b)?", "(x)|(a)", "^a", "a$", "^", "$", "\\d+", "\\w+", "\\s", "[a-c]+",
     "[^a-c ]+", "(?<word>\\w+)", "x*", "a*?", "(a|b)*", ".", ".+", "(?i)ab", "a(?=b)",
     "(?<=a)b", "(?!a).", "\\bx", "[[:alpha:]]+", "[[:digit:][:space:]]", "\\Aa", "c\\z",
     "c\\Z", "(a)\\1", "(?:ab)+", "a{2}", "a{1,2}", "\\x61", "\\x{e9}", "[\\x{e9}]", "\\.", "-",
     "a|", "(?x) a b # comment", "\\Qa.b\\E", "(?>a+)b", "a++b", "a?+", "(?s).+", "(?m)^\\w",
     "(?m)\\w$", "\\h", "\\R", "[\\d-]+", "[a\\]]", "[]a]", "(?P<n>a)(?P=n)", "(a)\\g{-1}",
     "(a)\\g1", "{", "a{,2}", "x{", "\\/", "\\-", "\\_", "[\\w.]+", "\\n", "\\t", "\\101",
     "(a)|b", "(a)?b", "(?U)a+", "ab*c", "(?i:a)b", "a(?i)b|c", "(?<y>a)|(?<x>b)", "\\W+",
     "[^\\s]+", "\\S+", "(\\w)(\\w)?", "é", "[à-ü]+", "\\p{Lu}", "(?<!a)b", "b(?!a)", "^$",
     "\\d*", "(?:)", "\\x{3bb}"].

re_bad_patterns() ->
    ["(", ")", "*a", "[a", "a{2,1}", "\\", "(?<n>a)(?<n>b)", "\\k<zz>", "(?|a)", "(?R)",
     "\\G", "a**", "(?z)", "[z-a]", "\\1", "(?<=a+)b"].

re_subject() ->
    pick(["abc", "aab ba", "", "a\nb\nc\n", "AbC aBc", "xx yy", "123 abc-def_g", "a.b", "aaa",
          "ba", "cab\n", <<"abc">>, ["ab", <<"c">>, $d], "héllo wörld", "b\n", "a]b-c"]).

re_usubject() ->
    pick(["héllo wörld", <<"héllo"/utf8>>, [955, $x, 955], <<"λaλ"/utf8>>, "ÉÀ é", "abc"]).

re_run_opts() ->
    pick([[global], [{capture, all, list}], [{capture, all_but_first, binary}], [caseless],
          [multiline, global], [dotall], [{capture, first, index}], [{capture, none}],
          [notempty], [{offset, 2}], [anchored], [ungreedy], [extended], [dollar_endonly],
          [global, {capture, all, binary}], [{capture, [1], list}], [notbol], [noteol],
          [report_errors], [notempty_atstart, global], [{capture, all_names, list}],
          [{capture, [0, 2], index}], [global, notempty], [{offset, 1}, global],
          [{newline, crlf}, multiline, global], [bogus], [{capture, all, bogus}]]).

%% An offset past the subject's end brings BEAM down (internal_error), so those subjects are long.
re_run(P, S0, O) ->
    S = case lists:keymember(offset, 1, O) of true -> "aab ba"; false -> S0 end,
    io_lib:format("(re:run ~ts ~ts ~ts)", [q(S), q(P), q(O)]).

re_cases() ->
    Pats = re_patterns(),
    Run2 = [io_lib:format("(re:run ~ts ~ts)", [q(re_subject()), q(P)]) || P <- Pats, _ <- [1, 2, 3]],
    Run3 = [re_run(pick(Pats), re_subject(), re_run_opts()) || _ <- lists:seq(1, 400)],
    %% In unicode mode PCRE's word classes read non-ASCII letters in ways of their own (a match
    %% cannot start at one); those patterns are left out of the unicode cases.
    UPats = [P || P <- Pats, string:find(P, "\\w") =:= nomatch, string:find(P, "\\W") =:= nomatch,
                  string:find(P, "\\b") =:= nomatch, string:find(P, "alpha") =:= nomatch],
    URun = [re_run(pick(UPats), re_usubject(), [unicode | pick([[], [global], [{capture, all, list}],
                                                              [{capture, all, binary}, global]])])
            || _ <- lists:seq(1, 120)]
        ++ [re_run(pick(Pats), [955], [])],
    Repls = ["X", "[&]", "\\1", "<\\g{1}>", "", "\\&", "\\\\", "\\0", "<\\2\\1>", "\\g2", "é"],
    ROpts = [[], [global], [{return, list}], [global, {return, binary}], [{return, iodata}, global],
             [caseless, global, {return, list}], [{return, bogus}], [{capture, all}]],
    Replace = [io_lib:format("(re:replace ~ts ~ts ~ts ~ts)", [q(re_subject()), q(pick(Pats)), q(pick(Repls)), q(pick(ROpts))])
               || _ <- lists:seq(1, 300)]
        ++ [io_lib:format("(re:replace ~ts ~ts ~ts ~ts)", [q(re_usubject()), q(pick(UPats)), q(pick(Repls)), q([unicode | pick(ROpts)])])
            || _ <- lists:seq(1, 60)]
        ++ [io_lib:format("(re:replace ~ts ~ts ~ts)", [q(re_subject()), q(pick(Pats)), q(pick(Repls))])
            || _ <- lists:seq(1, 40)],
    SOpts = [[], [trim], [{parts, 2}], [group], [{return, list}], [{parts, 0}],
             [group, trim, {return, list}], [{return, binary}, {parts, 3}], [{parts, infinity}],
             [group, {parts, 2}], [global]],
    Split = [io_lib:format("(re:split ~ts ~ts ~ts)", [q(re_subject()), q(pick(Pats)), q(pick(SOpts))])
             || _ <- lists:seq(1, 300)]
        ++ [io_lib:format("(re:split ~ts ~ts ~ts)", [q(re_usubject()), q(pick(UPats)), q([unicode, {return, list}])])
            || _ <- lists:seq(1, 40)]
        ++ [io_lib:format("(re:split ~ts ~ts)", [q(re_subject()), q(pick(Pats))]) || _ <- lists:seq(1, 40)],
    Compile = [io_lib:format("(let ((r (re:compile ~ts))) (if (=:= (element 1 r) 'ok) "
                             "(tuple 'ok (element 2 (element 2 r)) (element 3 (element 2 r))) r))", [q(P)])
               || P <- Pats ++ re_bad_patterns()]
        ++ [io_lib:format("(re:run ~ts ~ts)", [q(re_subject()), q(P)]) || P <- re_bad_patterns()]
        ++ [io_lib:format("(re:run ~ts (element 2 (re:compile ~ts ~ts)) ~ts)",
                          [q(re_subject()), q(pick(Pats)), q(pick([[], [caseless], [multiline]])), q(pick([[], [global]]))])
            || _ <- lists:seq(1, 40)]
        ++ [io_lib:format("(re:inspect (element 2 (re:compile ~ts)) 'namelist)", [q(P)])
            || P <- ["(?<b>x)(?<a>y)", "a", "(?<word>\\w+)"]]
        ++ ["(re:version)", "(re:run 'abc \"a\")", "(re:run \"abc\" 'a)", "(re:run \"abc\" \"a\" 'global)",
            "(re:run (list 256) \"a\")",
            "(re:replace (atom_to_list 'a-b-c) \"-\" \"_\" (list (tuple 'return 'list) 'global))"],
    Run2 ++ Run3 ++ URun ++ Replace ++ Split ++ Compile.

%% ---- filename ----

fname() ->
    N = pick(["", "/", "a", "a/b", "/a/b", "a/b/", "/a//b/", "a/./b", "./a", "a/.", "..", "a/../b",
              "foo.erl", "/x/foo.erl", "a.b/c", ".bashrc", "a/.b", "a..b", "x.tar.gz", "//a",
              "a.", "/.", "é/ü.txt", "a/b.erl/"]),
    case rand:uniform(8) of
        1 -> list_to_binary(N);
        2 -> [N, "x"];
        3 -> pick([a, 'a/b', '/x/foo.erl', 'foo.erl']);
        _ -> N
    end.

filename_cases() ->
    Ones = [io_lib:format("(filename:~ts ~ts)", [F, q(fname())])
            || F <- [basename, dirname, extension, rootname, split, pathtype, flatten, nativename,
                     validate],
               _ <- lists:seq(1, 30)],
    Twos = [io_lib:format("(filename:~ts ~ts ~ts)", [F, q(fname()), q(fname())])
            || F <- [join, absname, absname_join, append], _ <- lists:seq(1, 40)]
        ++ [io_lib:format("(filename:~ts ~ts ~ts)", [F, q(fname()), q(pick([".erl", ".gz", "", <<".erl">>, ".txt"]))])
            || F <- [basename, rootname], _ <- lists:seq(1, 30)],
    Lists = [io_lib:format("(filename:join ~ts)", [q(list_of(fun fname/0, 4))]) || _ <- lists:seq(1, 40)],
    Bad = ["(filename:basename 123)", "(filename:join 1 \"a\")", "(filename:flatten 1)",
           "(filename:join ())", "(filename:dirname #(a))", "(filename:validate 1)"],
    Ones ++ Twos ++ Lists ++ Bad.
