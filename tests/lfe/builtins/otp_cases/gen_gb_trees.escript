#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of gb_trees, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_gb_trees.escript > gb_trees.jsonl
%%
%% Every function gb_trees exports, on trees built by random chains of inserts, enters,
%% updates, deletes and takes (so that rebalancing shows in the printed tree), from orddicts,
%% and on wrong arguments: missing keys, keys equal but not the same (1 and 1.0), no trees.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("gb_trees", fun cases/0).

c(F, Args) -> ["(gb_trees:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

key() -> pick([rand:uniform(20), rand:uniform(20), rand:uniform(20), 1.0, 2.5, a, b, "k"]).
k() -> q(key()).
v() -> q(pick([x, y, rand:uniform(9), [], {1}])).

chain(0) -> pick(["(gb_trees:empty)", ["(gb_trees:from_orddict ", q(orddict:from_list([{key(), 0} || _ <- lists:seq(1, rand:uniform(12) - 1)])), ")"]]);
chain(N) ->
    T = chain(N - 1),
    case rand:uniform(10) of
        N1 when N1 =< 4 -> c(enter, [k(), v(), T]);
        5 -> K = k(), ["(let ((t ", T, ")) (if (gb_trees:is_defined ", K, " t) t ", c(insert, [K, v(), "t"]), "))"];
        6 -> c(delete_any, [k(), T]);
        7 -> ["(let ((t ", T, ")) (if (gb_trees:is_empty t) t (element 3 (gb_trees:take_smallest t))))"];
        8 -> ["(let ((t ", T, ")) (if (gb_trees:is_empty t) t (element 3 (gb_trees:take_largest t))))"];
        9 -> c(balance, [T]);
        10 -> K = k(), ["(let ((t ", T, ")) (if (gb_trees:is_defined ", K, " t) ", c(update, [K, v(), "t"]), " t))"]
    end.
t() -> case rand:uniform(15) of 1 -> q(pick([a, {}, {0}, {1, nil}, [], {a, nil}])); _ -> chain(rand:uniform(14) - 1) end.

cases() ->
    lists:append([
      ["(gb_trees:empty)"],
      times(120, fun () -> t() end),
      lists:append([times(25, fun () -> c(F, [t()]) end)
                    || F <- [is_empty, size, balance, keys, values, to_list, smallest, largest,
                             take_smallest, take_largest, iterator]]),
      lists:append([times(30, fun () -> c(F, [k(), t()]) end)
                    || F <- [lookup, is_defined, get, delete, delete_any, take, take_any]]),
      lists:append([times(30, fun () -> c(F, [k(), v(), t()]) end) || F <- [insert, enter, update]]),
      times(30, fun () -> c(from_orddict, [q(pick([orddict:from_list([{key(), 0} || _ <- lists:seq(1, rand:uniform(20) - 1)]), a, [a], [{b, 1}, {a, 2}]]))]) end),
      times(30, fun () -> ["(gb_trees:next ", c(iterator, [t()]), ")"] end),
      times(30, fun () -> ["(gb_trees:next (element 3 (gb_trees:next ", c(iterator_from, [k(), t()]), ")))"] end),
      times(30, fun () -> c(iterator_from, [k(), t()]) end),
      times(20, fun () -> c(next, [q(pick([[], a, [a], [{1, 2, nil, nil}]]))]) end),
      times(30, fun () -> c(map, [pick(["(lambda (k v) (tuple k v))", "(lambda (k) k)", "'f"]), t()]) end)
    ]).
