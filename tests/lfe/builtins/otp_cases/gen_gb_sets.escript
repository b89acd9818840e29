#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of gb_sets, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_gb_sets.escript > gb_sets.jsonl
%%
%% Every function gb_sets exports, on sets built by random chains of inserts, adds, deletes,
%% takes and set operations of sets small and large (so that both of OTP's ways of combining
%% two sets show, and rebalancing shows in the printed tree), from lists and ordsets, and on
%% wrong arguments: missing elements, elements equal but not the same (1 and 1.0), no sets.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("gb_sets", fun cases/0).

c(F, Args) -> ["(gb_sets:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

el() -> pick([rand:uniform(30), rand:uniform(30), rand:uniform(30), 1.0, 2.5, a, b, "k", {1}]).
e() -> q(el()).
els(N) -> [el() || _ <- lists:seq(1, N)].

chain(0) ->
    case rand:uniform(4) of
        1 -> "(gb_sets:empty)";
        2 -> c(from_list, [q(els(rand:uniform(40) - 1))]);
        3 -> c(from_ordset, [q(lists:usort(els(rand:uniform(15) - 1)))]);
        4 -> c(singleton, [e()])
    end;
chain(N) ->
    T = chain(N - 1),
    case rand:uniform(12) of
        N1 when N1 =< 3 -> c(add, [e(), T]);
        4 -> E = e(), ["(let ((s ", T, ")) (if (gb_sets:is_member ", E, " s) s ", c(insert, [E, "s"]), "))"];
        5 -> c(del_element, [e(), T]);
        6 -> ["(let ((s ", T, ")) (if (gb_sets:is_empty s) s (element 2 (gb_sets:take_smallest s))))"];
        7 -> ["(let ((s ", T, ")) (if (gb_sets:is_empty s) s (element 2 (gb_sets:take_largest s))))"];
        8 -> c(balance, [T]);
        9 -> c(union, [T, chain(0)]);
        10 -> c(intersection, [T, chain(0)]);
        11 -> c(difference, [T, chain(0)]);
        12 -> c(add_element, [e(), T])
    end.
s() -> case rand:uniform(15) of 1 -> q(pick([a, {}, {0}, {1, nil}, [], {a, nil}])); _ -> chain(rand:uniform(10) - 1) end.

cases() ->
    lists:append([
      ["(gb_sets:empty)", "(gb_sets:new)"],
      times(120, fun () -> s() end),
      lists:append([times(25, fun () -> c(F, [s()]) end)
                    || F <- [is_empty, size, balance, to_list, smallest, largest,
                             take_smallest, take_largest, iterator, is_set]]),
      lists:append([times(30, fun () -> c(F, [e(), s()]) end)
                    || F <- [is_member, is_element, insert, add, add_element, delete,
                             delete_any, del_element, iterator_from]]),
      lists:append([times(40, fun () -> c(F, [s(), s()]) end)
                    || F <- [union, intersection, difference, subtract, is_subset, is_disjoint]]),
      lists:append([times(20, fun () -> c(F, [["(list ", [[" ", s()] || _ <- lists:seq(1, rand:uniform(4) - 1)], ")"]]) end)
                    || F <- [union, intersection]]),
      times(30, fun () -> c(from_list, [q(pick([els(rand:uniform(50) - 1), a, [a | b]]))]) end),
      times(30, fun () -> c(from_ordset, [q(pick([lists:usort(els(rand:uniform(20) - 1)), a, [b, a]]))]) end),
      times(20, fun () -> c(singleton, [e()]) end),
      times(30, fun () -> ["(gb_sets:next ", c(iterator, [s()]), ")"] end),
      times(30, fun () -> ["(gb_sets:next (element 2 (gb_sets:next ", c(iterator_from, [e(), s()]), ")))"] end),
      times(20, fun () -> c(next, [q(pick([[], a, [a], [{1, nil, nil}]]))]) end),
      times(30, fun () -> c(filter, [pick(["(lambda (x) (is_integer x))", "(lambda (x) 'maybe)", "(lambda (x y) x)", "'f"]), s()]) end),
      times(30, fun () -> c(fold, [pick(["(lambda (x acc) (cons x acc))", "(lambda (x) x)", "'f"]), "()", s()]) end)
    ]).
