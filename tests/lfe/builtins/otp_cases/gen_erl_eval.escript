#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of erl_eval, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_erl_eval.escript > erl_eval.jsonl
%%
%% exprs/2 of Erlang text (scanned and parsed by erl_scan and erl_parse) with and without
%% bindings: arithmetic and every operator, matches and their failures, patterns of every
%% kind (binaries included), calls of BIFs and of other modules, funs and named funs called,
%% case, if, try with of, catch and after, catch, blocks, maps, binaries, comprehensions, and
%% the errors: unbound variables, bad matches, no clause, undefined functions.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("erl_eval", fun cases/0).

texts() ->
    ["1 + 2 * 3.", "X = 5, Y = X * 2, {X, Y}.", "[A, B | T] = [1, 2, 3, 4], {A, B, T}.",
     "X = 1, X = 2.", "Y.", "{a, B} = {a, [1, 2]}, B.", "\"ab\" ++ \"cd\".", "[1, 2, 3] -- [2].",
     "7 div 2 + 7 rem 2.", "-X.", "not (1 < 2).", "1 =:= 1.0.", "1 == 1.0.", "true andalso false.",
     "false orelse 3.", "true andalso 3.", "1 andalso true.", "bnot 5 band 3 bor 8 bxor 1 bsl 2 bsr 1.",
     "length([a, b, c]).", "element(2, {a, b, c}).", "lists:reverse([1, 2, 3]).", "lists:map(fun (X) -> X * X end, [1, 2, 3]).",
     "F = fun (X) when X > 0 -> pos; (0) -> zero; (_) -> neg end, [F(3), F(0), F(-2)].",
     "Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end, Fact(10).",
     "G = fun lists:sum/1, G([1, 2, 3]).", "case {1, 2} of {X, X} -> same; {_, Y} -> Y end.",
     "case 3 of 1 -> a end.", "if 1 > 2 -> a; true -> b end.", "if false -> a end.",
     "try 1 / 0 catch error:R -> {caught, R} end.", "try throw(x) catch X -> {thrown, X} end.",
     "try exit(bye) catch exit:R -> R end.", "try 5 of 5 -> five; _ -> other catch _:_ -> err end.",
     "try ok after io:format(\"\") end.", "catch throw(t).", "catch exit(e).", "element(1, catch 1 + a).",
     "begin a, b, c end.", "M = #{a => 1}, M#{b => 2, a := 3}.", "M = #{a => 1}, M#{b := 2}.",
     "#{a := V} = #{a => 42, b => 0}, V.", "<<1, 2, 3>>.", "<<X:8, Rest/binary>> = <<5, 6, 7>>, {X, Rest}.",
     "<<255:16/little, -1:8/signed, 1.5/float>>.", "<<A:4, B:4>> = <<16#AB>>, {A, B}.", "<<\"abc\", $d>>.",
     "<<C/utf8, _/binary>> = <<\"é\"/utf8>>, C.", "[X * 2 || X <- [1, 2, 3], X > 1].",
     "[{X, Y} || X <- [1, 2], Y <- [a, b]].", "<< <<(X + 1)>> || <<X>> <= <<1, 2, 3>> >>.",
     "[X || {X, 1} <- [{a, 1}, {b, 2}, {c, 1}]].", "foo(1).", "undefined_module:f().", "lists:nofun().",
     "X = [1, 2], [H | _] = X, H.", "A = B = 3, A + B.", "{ok, X} = {error, y}.", "\"abc\" ++ R = \"abcdef\", R.",
     "F = fun (X, Y) -> X + Y end, F(1).", "(fun () -> 42 end)().", "1 + a.", "element(5, {a}).",
     "[1 | 2].", "{}.", "[].", "<<>>.", "#{}.", "X = 10, fun (Y) -> X + Y end(5).",
     "erlang:'+'(1, 2).", "apply(lists, seq, [1, 3]).", "self() =:= self().", "is_function(fun (A) -> A end, 1).",
     "case [1, 2] of [_ | T] when length(T) > 0; T =:= [] -> T end.", "X = 3, case X of Y when Y > 2, Y < 5 -> in end."].

c(T, Bs) ->
    ["(case (erl_scan:string ", q(T), ") ((tuple 'ok toks _) (case (erl_parse:parse_exprs toks) ((tuple 'ok es) (erl_eval:exprs es ", q(Bs), ")) (e e))) (e e))"].

cases() ->
    lists:append([
      [c(T, []) || T <- texts()],
      [c(T, Bs) || {T, Bs} <- [{"X + 1.", [{'X', 41}]}, {"X = 1.", [{'X', 2}]}, {"{X, Y}.", [{'X', a}, {'Y', b}]},
                               {"Z = X * 2.", [{'X', 3}]}]],
      ["(erl_eval:new_bindings)", "(erl_eval:add_binding 'B 2 (erl_eval:add_binding 'A 1 (erl_eval:new_bindings)))",
       "(erl_eval:binding 'A '(#(A 1)))", "(erl_eval:binding 'Z '(#(A 1)))", "(erl_eval:del_binding 'A '(#(A 1) #(B 2)))",
       "(erl_eval:bindings '(#(A 1)))"]
    ]).
