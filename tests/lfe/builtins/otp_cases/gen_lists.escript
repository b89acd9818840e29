#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of lists, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_lists.escript > lists.jsonl
%%
%% Every function lists exports, called with arguments made at random from a fixed seed: good
%% ones, and lists that end badly, no lists, bad indexes and funs of the wrong arity. Lists of
%% numbers that compare equal but differ (1 and 1.0) show the order the sorts give them.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("lists", fun cases/0).

%% A call of lists:F with the arguments, each a text (a quoted literal or a lambda).
c(F, Args) -> ["(lists:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

%% ---- Arguments ----

el() -> pick([fun num/0, fun num/0, fun leaf/0, fun term/0, fun small/0]).
lst() -> q(plain()).
plain() -> E = el(), list_of(E, pick([3, 6, 12, 30])).
bad() -> pick([a, 5, {1, 2}, <<"x">>, [1 | 2], [3, 1, 2 | 3], [a | b], 1.0]).
l() -> case rand:uniform(8) of 1 -> q(bad()); _ -> lst() end.
t() -> q(term()).
idx() -> q(pick([0, 1, 1, 2, 2, 3, 4, 5, 7, -1, 1.0, 2.0, a, 1 bsl 70])).
deep() -> q(deep(3)).
deep(0) -> leaf();
deep(D) -> [case rand:uniform(3) of 1 -> deep(D - 1); _ -> leaf() end || _ <- lists:seq(1, rand:uniform(4) - 1)].
lol() ->
    case rand:uniform(8) of
        1 -> q(pick([a, [[1], a], [[1] | b], [[1, 2], [3 | 4]], [[], [], [1]]]));
        _ -> q(list_of(fun plain/0, 4))
    end.
sorted() ->
    case rand:uniform(6) of
        1 -> lst();
        2 -> q(bad());
        3 -> q(lists:usort(plain()));
        _ -> q(lists:sort(plain()))
    end.
rsorted() ->
    case rand:uniform(5) of
        1 -> lst();
        2 -> q(lists:reverse(lists:usort(plain())));
        _ -> q(lists:reverse(lists:sort(plain())))
    end.
sorted_lol() ->
    case rand:uniform(5) of
        1 -> lol();
        _ -> q(list_of(fun() -> lists:sort(plain()) end, 5))
    end.
tup() -> list_to_tuple([num() || _ <- lists:seq(1, rand:uniform(3))]).
tuples() ->
    case rand:uniform(10) of
        1 -> q(bad());
        2 -> q([tup(), a, tup()]);
        _ -> q(list_of(fun tup/0, pick([3, 6, 12])))
    end.
ktuples() ->
    case rand:uniform(5) of
        1 -> tuples();
        _ -> q(lists:keysort(1, [{num(), small()} || _ <- lists:seq(1, rand:uniform(5) - 1)]))
    end.
key() -> q(pick([1, 2, 3, 1.0, a, 2.0])).
pairs(N) ->
    case rand:uniform(6) of
        1 -> q(pick([a, [{1, 2} | b], [{1, 2, 3}], [{1}], [{a, b}, c]]));
        _ -> q(list_of(fun() -> list_to_tuple([leaf() || _ <- lists:seq(1, N)]) end, 4))
    end.
int() -> q(pick([-2, 0, 1, 2, 3, 5, 10, 1 bsl 70, (1 bsl 70) + 2, 1.0, a])).
%% Bounds for seq: near each other, so that no sequence is long.
seq_args(N) ->
    Base = pick([0, 0, 0, 1 bsl 70, -(1 bsl 60)]),
    lists:join(" ", [q(pick([Base + rand:uniform(12) - 4, Base + rand:uniform(12) - 4, 1.0, a]))
                     || _ <- lists:seq(1, N)]).
count() -> q(pick([0, 1, 2, 3, 5, -1, 1.0, a])).
things() ->
    case rand:uniform(5) of
        1 -> q(pick([[a, {1}], [a | b], [1.5, 2.0e10, -3.25e-5]]));
        _ -> q(list_of(fun() -> pick([a, 'B c', 12, -7, 1.5, 0.1, "str", [], 1 bsl 70]) end, 4))
    end.
nums() ->
    case rand:uniform(6) of
        1 -> q(pick([[1, a], [1, 2 | 3], [1.5, [2]]]));
        _ -> q(list_of(fun num/0, 6))
    end.

%% ---- Funs ----

pred() ->
    pick(["(lambda (x) (is_integer x))", "(lambda (x) (> x 2))", "(lambda (x) (== x 1))",
          "(lambda (x) (is_atom x))", "(lambda (x) (if (is_integer x) 'maybe 'false))",
          "(lambda (x y) 'true)", "'notfun"]).
mapper() ->
    pick(["(lambda (x) (tuple x))", "(lambda (x) (list x x))", "(lambda (x) (* x 2))",
          "(lambda (x) x)", "(lambda (x y) x)", "'notfun"]).
lister() ->
    pick(["(lambda (x) (list x x))", "(lambda (x) ())", "(lambda (x) (if (is_atom x) x (list x)))",
          "(lambda (x) (list x))"]).
fmapper() ->
    pick(["(lambda (x) (if (is_integer x) (tuple 'true (* x 10)) 'false))", "(lambda (x) (is_atom x))",
          "(lambda (x) (if (is_atom x) 'yes 'false))", "(lambda (x) (if (is_number x) 'true 'false))"]).
folder() ->
    pick(["(lambda (x acc) (cons x acc))", "(lambda (x acc) (+ x acc))", "(lambda (x acc) (tuple x acc))",
          "(lambda (x) x)"]).
mapfolder() ->
    pick(["(lambda (x acc) (tuple (tuple x) (+ acc 1)))", "(lambda (x acc) (tuple acc x))",
          "(lambda (x acc) (list x acc))", "(lambda (x acc) (tuple (* x 2) (cons x acc)))"]).
order() ->
    pick(["(lambda (a b) (=< a b))", "(lambda (a b) (< a b))", "(lambda (a b) (>= a b))",
          "(lambda (a b) (== a b))", "(lambda (a b) (is_integer a))", "(lambda (a b) (> a b))",
          "(lambda (a b) (=< (is_number a) (is_number b)))", "(lambda (a b) 'maybe)",
          "(lambda (a) 'true)", "'notfun"]).
zipper(2) -> pick(["(lambda (x y) (tuple x y))", "(lambda (x y) (+ x y))", "(lambda (x) x)", "'notfun"]);
zipper(3) -> pick(["(lambda (x y z) (list x y z))", "(lambda (x y) x)"]).
keymapper() -> pick(["(lambda (x) (tuple 'k x))", "(lambda (x) (* x 10))", "(lambda (x y) x)", "'notfun"]).

%% ---- Cases ----

%% How many calls of each function, and how its arguments are made.
specs() ->
    [{all, 25, [fun pred/0, fun l/0]}, {any, 25, [fun pred/0, fun l/0]},
     {append, 25, [fun lol/0]}, {append, 20, [fun l/0, fun t/0]},
     {concat, 20, [fun things/0]}, {delete, 25, [fun t/0, fun l/0]},
     {droplast, 15, [fun l/0]}, {dropwhile, 25, [fun pred/0, fun l/0]},
     {duplicate, 15, [fun count/0, fun t/0]}, {enumerate, 15, [fun l/0]},
     {enumerate, 15, [fun int/0, fun l/0]}, {filter, 25, [fun pred/0, fun l/0]},
     {filtermap, 25, [fun fmapper/0, fun l/0]}, {zf, 10, [fun fmapper/0, fun l/0]},
     {flatlength, 15, [fun deep/0]}, {flatmap, 20, [fun lister/0, fun l/0]},
     {flatten, 20, [fun deep/0]}, {flatten, 15, [fun deep/0, fun l/0]},
     {foldl, 25, [fun folder/0, fun t/0, fun l/0]}, {foldr, 25, [fun folder/0, fun t/0, fun l/0]},
     {foreach, 15, [fun mapper/0, fun l/0]}, {join, 15, [fun t/0, fun l/0]},
     {keydelete, 25, [fun key/0, fun idx/0, fun tuples/0]},
     {keyfind, 25, [fun key/0, fun idx/0, fun tuples/0]},
     {keymember, 20, [fun key/0, fun idx/0, fun tuples/0]},
     {keysearch, 20, [fun key/0, fun idx/0, fun tuples/0]},
     {keymap, 20, [fun keymapper/0, fun idx/0, fun tuples/0]},
     {keyreplace, 25, [fun key/0, fun idx/0, fun tuples/0, fun() -> q(pick([{new}, new, {}])) end]},
     {keystore, 25, [fun key/0, fun idx/0, fun tuples/0, fun() -> q(pick([{new}, new])) end]},
     {keytake, 25, [fun key/0, fun idx/0, fun tuples/0]},
     {keysort, 60, [fun idx/0, fun tuples/0]}, {ukeysort, 60, [fun idx/0, fun tuples/0]},
     {keymerge, 40, [fun idx/0, fun ktuples/0, fun ktuples/0]},
     {rkeymerge, 25, [fun idx/0, fun ktuples/0, fun ktuples/0]},
     {ukeymerge, 40, [fun idx/0, fun ktuples/0, fun ktuples/0]},
     {rukeymerge, 25, [fun idx/0, fun ktuples/0, fun ktuples/0]},
     {last, 15, [fun l/0]}, {map, 25, [fun mapper/0, fun l/0]},
     {mapfoldl, 25, [fun mapfolder/0, fun t/0, fun l/0]},
     {mapfoldr, 25, [fun mapfolder/0, fun t/0, fun l/0]},
     {max, 15, [fun l/0]}, {min, 15, [fun l/0]}, {member, 25, [fun t/0, fun l/0]},
     {merge, 40, [fun sorted_lol/0]}, {merge, 40, [fun sorted/0, fun sorted/0]},
     {merge, 40, [fun order/0, fun sorted/0, fun sorted/0]},
     {merge3, 40, [fun sorted/0, fun sorted/0, fun sorted/0]},
     {rmerge, 25, [fun rsorted/0, fun rsorted/0]}, {rmerge, 25, [fun order/0, fun rsorted/0, fun rsorted/0]},
     {rmerge3, 25, [fun rsorted/0, fun rsorted/0, fun rsorted/0]},
     {umerge, 40, [fun sorted_lol/0]}, {umerge, 40, [fun sorted/0, fun sorted/0]},
     {umerge, 40, [fun order/0, fun sorted/0, fun sorted/0]},
     {umerge3, 40, [fun sorted/0, fun sorted/0, fun sorted/0]},
     {rumerge, 25, [fun rsorted/0, fun rsorted/0]}, {rumerge, 25, [fun order/0, fun rsorted/0, fun rsorted/0]},
     {rumerge3, 25, [fun rsorted/0, fun rsorted/0, fun rsorted/0]},
     {nth, 30, [fun idx/0, fun l/0]}, {nthtail, 30, [fun idx/0, fun l/0]},
     {partition, 20, [fun pred/0, fun l/0]}, {prefix, 25, [fun l/0, fun l/0]},
     {reverse, 20, [fun l/0]}, {reverse, 15, [fun l/0, fun t/0]},
     {search, 20, [fun pred/0, fun l/0]}, {seq, 25, [fun() -> seq_args(2) end]},
     {seq, 40, [fun() -> seq_args(2) end, fun() -> q(pick([1, 2, -1, -3, 0, 0, 1.0, 1 bsl 69])) end]},
     {sort, 120, [fun l/0]}, {sort, 80, [fun order/0, fun l/0]},
     {usort, 100, [fun l/0]}, {usort, 80, [fun order/0, fun l/0]},
     {split, 30, [fun idx/0, fun l/0]}, {splitwith, 20, [fun pred/0, fun l/0]},
     {sublist, 25, [fun l/0, fun idx/0]}, {sublist, 40, [fun l/0, fun idx/0, fun idx/0]},
     {subtract, 25, [fun l/0, fun l/0]}, {suffix, 20, [fun l/0, fun l/0]},
     {sum, 20, [fun nums/0]}, {takewhile, 20, [fun pred/0, fun l/0]},
     {uniq, 20, [fun l/0]}, {uniq, 20, [fun mapper/0, fun l/0]},
     {unzip, 15, [fun() -> pairs(2) end]}, {unzip3, 15, [fun() -> pairs(3) end]},
     {zip, 20, [fun l/0, fun l/0]}, {zip3, 20, [fun l/0, fun l/0, fun l/0]},
     {zipwith, 20, [fun() -> zipper(2) end, fun l/0, fun l/0]},
     {zipwith3, 20, [fun() -> zipper(3) end, fun l/0, fun l/0, fun l/0]}].

%% Lists that share a start or an end, for prefix/2, suffix/2, zip/2 and subtract/2.
related() ->
    L = plain(),
    N = rand:uniform(length(L) + 1) - 1,
    [c(prefix, [q(lists:sublist(L, N)), q(L)]), c(suffix, [q(lists:nthtail(N, L)), q(L)]),
     c(zip, [q(L), q(lists:reverse(L))]), c(subtract, [q(L), q(lists:sublist(L, N))]),
     c(zip3, [q(L), q(L), q(L)])].

cases() ->
    [c(F, [A() || A <- Args]) || {F, N, Args} <- specs(), _ <- lists:seq(1, N)]
        ++ lists:append(times(30, fun related/0))
        ++ ["(lists:sort '(2.0 1 2 1.0))", "(lists:usort '(1 1.0 2 2.0))",
            "(lists:sort '(#(1) #(1.0) 1 1.0 (1) (1.0)))", "(lists:keysort 1 '(#(1 a) #(1.0 b) #(1 c)))",
            "(lists:module_info 'module)"].
