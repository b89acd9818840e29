#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of maps, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_maps.escript > maps.jsonl
%%
%% Every function maps exports, called with arguments made at random from a fixed seed: maps
%% of up to 12 keys (whose order BEAM gives by term order, integers before equal floats),
%% iterators and steps of iterators, and wrong ones: no maps, bad iterators, keys that are not
%% there, funs of the wrong arity.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("maps", fun cases/0).

c(F, Args) -> ["(maps:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

%% ---- Arguments ----

key() -> pick([a, b, c, z, 1, 2, 1.0, 2.0, -1, {1}, {1.0}, [1], "k", <<"k">>, 1 bsl 70, {}, []]).
val() -> pick([fun small/0, fun num/0, fun leaf/0]).
map_term() -> maps:from_list([{key(), (val())()} || _ <- lists:seq(1, rand:uniform(13) - 1)]).
bad() -> pick([a, [a], {}, 5, [{a, 1}], <<"m">>]).
m() -> case rand:uniform(8) of 1 -> q(bad()); _ -> q(map_term()) end.
k() -> q(key()).
t() -> q(term()).
iter() ->
    M = map_term(),
    case rand:uniform(9) of
        1 -> q([0 | M]);
        2 -> q([rand:uniform(4) - 1 | M]);
        3 -> q([pick([-1, 40, a, 1.0]) | M]);
        4 -> q(maps:next(maps:iterator(M)));
        5 -> q(pick([none, {a, b, c}, {a, b}, {a, 1, none}, [a | b], [0 | a]]));
        6 -> q(M);
        _ -> ["(maps:iterator ", q(M), ")"]
    end.
m_or_iter() -> case rand:uniform(4) of 1 -> iter(); _ -> m() end.
keys() ->
    case rand:uniform(8) of
        1 -> q(pick([a, [a | b], {a}, [1, 2 | c]]));
        _ -> q(list_of(fun key/0, 5))
    end.
pairs() ->
    case rand:uniform(7) of
        1 -> q(pick([a, [{a, 1} | b], [{a, 1, 2}], [a], [{a, 1}, {b}]]));
        _ -> q([{key(), (val())()} || _ <- lists:seq(1, rand:uniform(8) - 1)])
    end.
elems() ->
    case rand:uniform(7) of
        1 -> q(pick([a, [1 | 2], [1, 2 | 3]]));
        _ -> q(list_of(fun num/0, 8))
    end.

%% ---- Funs ----

f2() ->
    pick(["(lambda (k v) (tuple k v))", "(lambda (k v) (is_integer v))", "(lambda (k v) (is_atom k))",
          "(lambda (k v) 'maybe)", "(lambda (k) k)", "'notfun"]).
fmap() ->
    pick(["(lambda (k v) (if (is_integer v) (tuple 'true (tuple v)) (is_atom k)))",
          "(lambda (k v) (is_number v))", "(lambda (k v) (tuple 'true k))",
          "(lambda (k v) (if (is_atom k) 'yes 'false))", "(lambda (k v w) 'true)"]).
f3() ->
    pick(["(lambda (k v acc) (cons (tuple k v) acc))", "(lambda (k v acc) (+ v acc))",
          "(lambda (k v acc) (tuple k acc))", "(lambda (k v) v)"]).
f1() -> pick(["(lambda (v) (tuple v))", "(lambda (v) (+ v 1))", "(lambda (v w) v)", "'notfun"]).
combiner() ->
    pick(["(lambda (k v1 v2) (list k v1 v2))", "(lambda (k v1 v2) (+ v1 v2))",
          "(lambda (k v1 v2) v2)", "(lambda (k v) v)", "'notfun"]).
grouper() ->
    pick(["(lambda (x) (rem x 3))", "(lambda (x) (is_integer x))", "(lambda (x) (> x 1))",
          "(lambda (x) x)", "(lambda (x y) x)", "'notfun"]).
valuer() -> pick(["(lambda (x) (tuple x))", "(lambda (x) (* x 2))", "(lambda (x y) x)"]).

%% ---- Cases ----

specs() ->
    [{filter, 50, [fun f2/0, fun m_or_iter/0]}, {filtermap, 50, [fun fmap/0, fun m_or_iter/0]},
     {find, 40, [fun k/0, fun m/0]}, {fold, 60, [fun f3/0, fun t/0, fun m_or_iter/0]},
     {foreach, 30, [fun f2/0, fun m_or_iter/0]}, {from_keys, 30, [fun keys/0, fun t/0]},
     {from_list, 40, [fun pairs/0]}, {get, 40, [fun k/0, fun m/0]},
     {get, 40, [fun k/0, fun m/0, fun t/0]}, {groups_from_list, 40, [fun grouper/0, fun elems/0]},
     {groups_from_list, 40, [fun grouper/0, fun valuer/0, fun elems/0]},
     {intersect, 50, [fun m/0, fun m/0]}, {intersect_with, 50, [fun combiner/0, fun m/0, fun m/0]},
     {is_key, 30, [fun k/0, fun m/0]}, {iterator, 20, [fun m/0]}, {keys, 30, [fun m/0]},
     {map, 50, [fun f2/0, fun m_or_iter/0]}, {merge, 50, [fun m/0, fun m/0]},
     {merge_with, 50, [fun combiner/0, fun m/0, fun m/0]}, {next, 60, [fun iter/0]},
     {put, 40, [fun k/0, fun t/0, fun m/0]}, {remove, 40, [fun k/0, fun m/0]},
     {size, 20, [fun m/0]}, {take, 40, [fun k/0, fun m/0]}, {to_list, 30, [fun m/0]},
     {update, 40, [fun k/0, fun t/0, fun m/0]}, {update_with, 50, [fun k/0, fun f1/0, fun m/0]},
     {update_with, 50, [fun k/0, fun f1/0, fun t/0, fun m/0]}, {values, 30, [fun m/0]},
     {with, 40, [fun keys/0, fun m/0]}, {without, 40, [fun keys/0, fun m/0]}].

%% Keys that are there, so that get, update and take find something.
present() ->
    M = map_term(),
    case maps:keys(M) of
        [] -> [];
        Ks ->
            K = q(pick(Ks)),
            [c(get, [K, q(M)]), c(update, [K, "'new", q(M)]), c(take, [K, q(M)]),
             c(update_with, [K, "(lambda (v) (list v))", q(M)]), c(remove, [K, q(M)]),
             c(with, [q(Ks), q(M)]), c(without, [q(lists:sublist(Ks, 2)), q(M)])]
    end.

cases() ->
    ["(maps:new)", "(maps:module_info 'module)",
     "(lists:sort (maps:to_list (maps:from_list (lists:zip (lists:seq 1 40) (lists:seq 1 40)))))",
     "(maps:size (maps:from_list (lists:zip (lists:seq 1 40) (lists:seq 1 40))))"]
        ++ [c(F, [A() || A <- Args]) || {F, N, Args} <- specs(), _ <- lists:seq(1, N)]
        ++ lists:append(times(40, fun present/0)).
