#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of array, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_array.escript > array.jsonl
%%
%% Every function array exports, on arrays built by random chains of sets, resets, resizes,
%% fixes and relaxes from new arrays (with every option), lists and orddicts, small and past
%% a thousand entries (so that the printed trees show how OTP grows them), and on wrong
%% arguments: indexes out of range or no integers, fixed arrays set beyond their end, funs of
%% the wrong arity, no arrays.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("array", fun cases/0).

c(F, Args) -> ["(array:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

v() -> q(pick([x, y, rand:uniform(9), [], {1}, undefined, 0])).
ix() -> integer_to_list(pick([rand:uniform(12) - 1, rand:uniform(30) - 1, rand:uniform(150) - 1,
                              rand:uniform(1200) - 1])).
badix() -> q(pick([-1, a, 1.0])).
opts() -> q(pick([[], fixed, {fixed, false}, {default, 0}, [{default, z}, {size, 5}],
                  [{size, 12}, {fixed, false}], 7, [3, fixed], {size, 25}])).

chain(0) ->
    case rand:uniform(6) of
        1 -> "(array:new)";
        2 -> c(new, [opts()]);
        3 -> c(new, [integer_to_list(rand:uniform(30) - 1), opts()]);
        4 -> c(from_list, [q([rand:uniform(9) || _ <- lists:seq(1, pick([rand:uniform(15), rand:uniform(120), 1010]) - 1)])]);
        5 -> c(from_list, [q(lists:seq(1, rand:uniform(25))), v()]);
        6 -> c(from_orddict, [q(lists:usort([{rand:uniform(pick([20, 150])) - 1, rand:uniform(9)} || _ <- lists:seq(1, rand:uniform(8) - 1)]))])
    end;
chain(N) ->
    A = chain(N - 1),
    case rand:uniform(10) of
        N1 when N1 =< 4 -> ["(let ((a ", A, ")) (if (array:is_fix a) a ", c(set, [ix(), v(), "a"]), "))"];
        5 -> ["(let ((a ", A, ")) (if (< 0 (array:size a)) ", c(set, ["(- (array:size a) 1)", v(), "a"]), " a))"];
        6 -> c(reset, ["0", ["(array:set 0 'r ", A, ")"]]);
        7 -> c(resize, [integer_to_list(rand:uniform(40) - 1), A]);
        8 -> c(fix, [A]);
        9 -> c(relax, [A]);
        10 -> c(resize, [A])
    end.
a() -> case rand:uniform(15) of 1 -> q(pick([a, {array}, {array, 1, 2, 3}, [], {array, a, b, c, d}])); _ -> chain(rand:uniform(6) - 1) end.

cases() ->
    lists:append([
      ["(array:new)"],
      times(120, fun () -> a() end),
      lists:append([times(25, fun () -> c(F, [a()]) end)
                    || F <- [is_array, size, default, fix, is_fix, relax, resize, to_list,
                             sparse_to_list, to_orddict, sparse_to_orddict, sparse_size]]),
      times(30, fun () -> c(new, [pick([opts(), badix(), "'(fixed . a)", "'(#(size -1))"])]) end),
      times(30, fun () -> c(new, [pick([ix(), badix()]), pick([opts(), "'#(fixed maybe)"])]) end),
      lists:append([times(40, fun () -> c(F, [pick([ix(), ix(), badix()]), a()]) end)
                    || F <- [get, reset, resize]]),
      times(60, fun () -> c(set, [pick([ix(), ix(), badix()]), v(), a()]) end),
      times(30, fun () -> c(from_list, [q(pick([lists:seq(1, rand:uniform(30)), a, [a | b], []]))]) end),
      times(30, fun () -> c(from_list, [q(pick([lists:seq(1, rand:uniform(30)), [a | b], []])), v()]) end),
      times(30, fun () -> c(from_orddict, [q(pick([lists:usort([{rand:uniform(40) - 1, x} || _ <- lists:seq(1, rand:uniform(6))]), [{1, a}, {0, b}], [{a, 1}], a, [{0, a} | b], []]))]) end),
      times(20, fun () -> c(from_orddict, [q([{rand:uniform(15) - 1, y}]), v()]) end),
      lists:append([times(30, fun () -> c(F, [pick(["(lambda (i x) (tuple i x))", "(lambda (x) x)", "'f"]), a()]) end)
                    || F <- [map, sparse_map]]),
      lists:append([times(30, fun () -> c(F, [pick(["(lambda (i x acc) (cons (tuple i x) acc))", "(lambda (i x) x)", "'f"]), "()", a()]) end)
                    || F <- [foldl, foldr, sparse_foldl, sparse_foldr]])
    ]).
