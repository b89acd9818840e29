#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of erl_parse, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_erl_parse.escript > erl_parse.jsonl
%%
%% parse_exprs/1 and parse_form/1 of the tokens erl_scan makes of Erlang text: every kind of
%% expression (literals, operators at every precedence, matches, sends, calls local and
%% remote, funs, tuples, lists, binaries with sizes and types, maps, records, comprehensions,
%% case, if, receive, try, begin, catch), functions and attributes, from a line or a line and a
%% column, and text with syntax errors.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("erl_parse", fun cases/0).

exprs() ->
    ["1.", "a.", "X.", "\"ab\" \"cd\".", "$a.", "1.5.", "-1.", "+X.", "not true.", "bnot 1.",
     "1 + 2 * 3 - 4 / 5.", "a orelse b andalso c.", "X = Y = 1.", "P ! m.", "A ++ B -- C.",
     "1 < 2.", "X =:= Y.", "X div 2 rem 3 band 4.", "X bor Y bxor Z bsl 1 bsr 2.", "a or b xor c and d.",
     "catch f().", "f(X, Y).", "m:f(1).", "M:F(A).", "(f())(x).", "fun f/1.", "fun m:f/2.", "fun M:F/A.",
     "fun (X) -> X end.", "fun (X) when X > 0 -> 1; (_) -> 0 end.", "fun F(0) -> 1; F(N) -> N * F(N-1) end.",
     "{}.", "{a, B, 1}.", "[].", "[1].", "[1, 2, 3].", "[H | T].", "[a, b | c].", "\"abc\".",
     "<<>>.", "<<1, 2>>.", "<<X:8, Y/binary, Z:4/little-signed-integer-unit:8>>.", "<<\"abc\">>.", "<<(X+1):8>>.",
     "#{}.", "#{a => 1, b => 2}.", "M#{a := 1, b => 2}.", "#{a => #{b => c}}.",
     "#r{}.", "#r{a = 1, b = X}.", "R#r{a = 2}.", "#r.a.", "R#r.a.", "#r{_ = 1}.",
     "[X || X <- L].", "[X * 2 || X <- L, X > 1, Y <- M].", "<< <<X>> || X <- L >>.", "[X || <<X>> <= B].",
     "case X of a -> 1; b when Y -> 2; _ -> 3 end.", "if X > 0 -> pos; true -> neg end.",
     "receive a -> 1; {b, X} -> X end.", "receive a -> 1 after 1000 -> timeout end.", "receive after 0 -> ok end.",
     "try f() of X -> X catch throw:E -> E; error:R:S -> {R, S}; E -> E after g() end.",
     "try f() catch _ -> x end.", "try f() after g() end.", "begin a, b end.",
     "X = 1, Y = 2.", "f(X) when X; Y, Z.", "1 + .", ")", "f(.", "case X of end.", "[1,.", "#{a}.",
     "a:b:c.", "- - 1.", "X = fun() -> ok end.", "f()().", "{a}#r.b.", "<<X/utf8>>.", "<<X:Size>>.",
     "'quoted atom'.", "X#{}.", "1 = 2 = 3.", "a = b ! c.", "(a).", "[[]].", "f(<<>>).",
     "case 1 of _ -> ok end, 2.", "-(1).", "~.", "X /= Y, X =< Y, X >= Y, X > Y, X == Y, X =/= Y."].

forms() ->
    ["-module(m).", "-export([f/1, g/0]).", "-import(lists, [map/2]).", "-record(r, {a, b = 1}).",
     "-record(e, {}).", "-vsn(\"1.0\").", "-author(me).", "-compile([export_all]).", "-my_attr({a, [1, 2]}).",
     "f() -> ok.", "f(X) -> X;\nf(_) -> no.", "g(X, Y) when X > Y -> X; g(_, Y) -> Y.",
     "h() -> receive X -> X end.", "f(", "-module().", "f() -> .", "-define(X, 1).", "-file(\"a.erl\", 1).",
     "-behaviour(gen_server).", "-on_load(init/0).", "-export_type([t/0]).", "-dialyzer(no_match)."].

c(F, Text, Loc) ->
    ["(case (erl_scan:string ", q(Text), " ", q(Loc), ") ((tuple 'ok toks _) (erl_parse:", F, " toks)) (e e))"].

cases() ->
    lists:append([
      [c("parse_exprs", T, L) || T <- exprs(), L <- [1, {1, 1}]],
      [c("parse_form", T, L) || T <- forms(), L <- [1, {1, 1}]],
      [c("parse_exprs", T, 1) || T <- ["f(X,\n  Y).", "case X of\n  a -> 1\nend."]],
      [c("parse_term", T, 1) || T <- ["{a, [1, 2], \"s\", <<1>>, #{k => v}}.", "-1.", "[a|b].", "X.", "f(x).", "1 + 2.", "'a'."]]
    ]).
