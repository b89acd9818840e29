#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes cases of the printers, as real LFE 2.2 on Erlang/OTP 25 gives them:
%%
%%     escript gen_print.escript lfe_print > lfe_print.jsonl
%%     escript gen_print.escript erl_print > erl_print.jsonl
%%
%% Each line is a JSON array [Expression, Result] like gen.escript's: an LFE call of
%% lfe_io:print1, prettyprint1 or format1 (lfe_print), or of io_lib:format, write or print
%% (erl_print), on terms made at random from a fixed seed, and what it returned, printed by
%% lfe_io:print1/1 as #(value V) or #(error Reason). The value is the deep character list the
%% printer built, so its shape is compared, not only its text.

-mode(compile).

main([Mod]) ->
    rand:seed(exsss, {3, 14, erlang:phash2(Mod)}),
    io:put_chars(["# Cases of ", Mod, " recorded from LFE 2.2 on Erlang/OTP 25 by gen_print.escript.\n"]),
    lists:foreach(fun line/1, cases(Mod)).

line(Text0) ->
    Text = lists:flatten(Text0),
    {ok, [Form]} = lfe_io:read_string(Text),
    R = try {value, lfe_eval:expr(Form)} catch C:E -> {C, E} end,
    Out = lists:flatten(lfe_io:print1(R)),
    io:put_chars(["[", json(Text), ",", json(Out), "]\n"]).

json(S) -> [$", [esc(C) || C <- S], $"].

esc($") -> "\\\"";
esc($\\) -> "\\\\";
esc(C) when C >= 32, C < 127 -> C;
esc(C) when C > 16#FFFF ->
    D = C - 16#10000,
    [esc(16#D800 + (D bsr 10)), esc(16#DC00 + (D band 16#3FF))];
esc(C) -> io_lib:format("\\u~4.16.0b", [C]).

pick(L) -> lists:nth(rand:uniform(length(L)), L).

%% A term as a quoted LFE literal.
q(T) -> "'" ++ lists:flatten(lfe_io:print1(T)).

%% A string as an LFE string literal.
s(S) -> lists:flatten(lfe_io_write:string(S, $")).

leaf() ->
    case rand:uniform(16) of
        1 -> rand:uniform(2001) - 1001;
        2 -> pick([a, b, ok, 'B', true, 'hello world', '1x', '.', 'a|b', [955, 97],
                   'é', quote, defun, 'let', lambda]);
        3 -> pick([1.0, 2.5, -0.5, 3.0e20, 1.0e-10, 123.456]);
        4 -> [];
        5 -> pick([1 bsl 70, -(1 bsl 64) - 3]);
        6 -> pick([<<"ab">>, <<>>, <<1, 2, 3>>, <<"λ€A"/utf8>>, <<"é"/utf8>>, <<233>>,
                   <<"a\nb">>, <<1:3>>, <<7, 2:4>>, <<"long binary of many bytes to print">>]);
        7 -> pick(["ab", "x", "hello world", [955, 65, 8364], "tab\there", [233], "a\"q",
                   "a long string that is surely longer than a short line of text"]);
        8 -> pick([{}, {a}, {1, 2}, [a], [1, 2], [1 | 2], [a, b | c]]);
        9 -> pick([#{}, #{a => 1}, #{b => "x", a => [1, 2]}, #{{k} => v, 1 => 2, z => <<"z">>}]);
        10 -> pick([[quote, x], [backquote, [a, [comma, b]]], ['comma-at', y]]);
        11 -> pick([[defun, f, [x, y], [foo, x], [bar, y, [baz, x, y, 1, 2, 3]]],
                    ['let', [[a, 1], [b, [g, 2]]], [h, a, b]],
                    ['case', x, [1, one], [2, two], ['_', [other, thing, here]]],
                    [lambda, [x], [tuple, x, x, [list, 1, 2, 3]]]]);
        _ -> rand:uniform(20) - 3
    end.

term(0) -> leaf();
term(D) ->
    case rand:uniform(9) of
        1 -> list_to_tuple([term(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        2 -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(6))];
        3 -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(20))];
        4 -> maps:from_list([{term(0), term(D - 1)} || _ <- lists:seq(1, rand:uniform(4))]);
        5 -> [term(D - 1) | term(0)];
        _ -> leaf()
    end.

term() -> term(rand:uniform(4) - 1).

depth() -> pick([-1, -1, -1, 1, 2, 3, 4, 5, 7, 10]).

cases("lfe_print") ->
    [io_lib:format("(lfe_io:print1 ~ts ~w)", [q(term()), depth()]) || _ <- lists:seq(1, 300)] ++
    [io_lib:format("(lfe_io:prettyprint1 ~ts ~w ~w ~w)",
                   [q(term()), depth(), pick([0, 0, 4, 10, 30]), pick([80, 80, 40, 20])])
     || _ <- lists:seq(1, 400)] ++
    [io_lib:format("(lfe_io:format1 ~ts ~ts)", [s(F), q(A)]) || {F, A} <- lfe_formats()];
cases("erl_print") ->
    [io_lib:format("(io_lib:write ~ts ~w)", [q(term()), depth()]) || _ <- lists:seq(1, 300)] ++
    [io_lib:format("(io_lib:print ~ts ~w ~w ~w)",
                   [q(term()), pick([1, 1, 5, 30]), pick([80, 80, 40, 20]), depth()])
     || _ <- lists:seq(1, 400)] ++
    [io_lib:format("(io_lib:format ~ts ~ts)", [s(F), q(A)]) || {F, A} <- erl_formats()].

%% Formats with their arguments: each control with fields, and plain text around them.
lfe_formats() ->
    [control_case(lfe) || _ <- lists:seq(1, 400)].

erl_formats() ->
    [control_case(erl) || _ <- lists:seq(1, 400)].

control_case(Style) ->
    N = rand:uniform(3),
    Parts = [control(Style) || _ <- lists:seq(1, N)],
    F = lists:append([pick(["", "x", "ab ", "\n", "\t"]) ++ C || {C, _} <- Parts]) ++ pick(["", "~n", "."]),
    {F, lists:append([A || {_, A} <- Parts])}.

field() ->
    W = pick(["", "", "", "5", "12", "-8", "3"]),
    P = pick(["", "", ".2", ".4", ".10"]),
    Pad = case P of "" -> ""; _ -> pick(["", "", ".-"]) end,
    W ++ P ++ Pad.

mod(lfe) -> "";
mod(erl) -> pick(["", "", "t", "l"]).

control(Style) ->
    case rand:uniform(12) of
        1 -> {"~" ++ field() ++ mod(Style) ++ "w", [term()]};
        2 -> {"~" ++ mod(Style) ++ "p", [term()]};
        3 -> {"~" ++ pick(["", "30", "60"]) ++ mod(Style) ++ "p", [term()]};
        4 -> {"~" ++ mod(Style) ++ pick(["P", "W"]), [term(), pick([1, 2, 3, 5])]};
        5 -> {"~" ++ field() ++ mod(Style) ++ "s",
              [pick(["abc", "hello world", [$a, [$b, <<"cd">>]], <<"bin">>, abc, "", [233, 65],
                     ["io", ["list", <<"x">>]]])]};
        6 -> {"~" ++ field() ++ pick(["e", "f", "g"]), [pick([1.5, -2.25, 1234.5678, 0.0, 1.0e-5])]};
        7 -> {"~" ++ pick(["", "8", "-8"]) ++ pick(["", ".16", ".2", ".36"]) ++ pick(["b", "B", "+", "#"]),
              [pick([0, 255, -255, 1 bsl 40])]};
        8 -> {"~" ++ pick(["", ".16"]) ++ pick(["x", "X"]), [pick([255, -10]), pick(["0x", '#', [$-, ">"]])]};
        9 -> {"~" ++ pick(["", "3", "5.2", "-5.2"]) ++ "c", [pick([$a, $z])]};
        10 -> {"~" ++ pick(["", "3"]) ++ pick(["~", "n"]), []};
        11 -> {"~i", [term()]};
        12 -> {"~" ++ field() ++ "w", [term()]}
    end.
