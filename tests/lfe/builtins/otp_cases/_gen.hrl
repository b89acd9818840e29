-compile(nowarn_unused_function).

%% What the case generators gen_lists.escript, gen_maps.escript and gen_erlang.escript share:
%% evaluating an LFE expression as real LFE 2.2 does and writing the line, and making random
%% terms printed as quoted LFE literals.

%% Writes the header, then one line for each expression of Cases.
run(Name, Cases) ->
    rand:seed(exsss, {17, 42, erlang:phash2(Name)}),
    io:put_chars(["# Cases of ", Name, " recorded from LFE 2.2 on Erlang/OTP 25 by gen_",
                  Name, ".escript.\n"]),
    lists:foreach(fun line/1, Cases()).

%% One expression: [Expression, Result] as JSON, Result printed by lfe_io:print1/1 as
%% #(value V) or #(Class Reason), each fun in it written as the atom $fun and the atoms '.',
%% '..' and '...' (which print1 writes so that no reader takes them back) as $dot1, $dot2 and
%% $dot3 (the test does the same to what our node gives). A result holding a pid or a reference is left out: it cannot
%% be written back as a literal.
line(Text0) ->
    Text = lists:flatten(Text0),
    {ok, [Form]} = lfe_io:read_string(Text),
    R = try {value, lfe_eval:expr(Form)} catch C:E -> {C, E} end,
    Out = lists:flatten(lfe_io:print1(no_funs(R))),
    case [M || M <- ["#Fun<", "#Ref<", "<0.", "#Port<"], string:find(Out, M) =/= nomatch] of
        [] -> io:put_chars(["[", json(Text), ",", json(Out), "]\n"]);
        _ -> io:format(standard_error, "skipped (not a literal): ~ts~n", [Text])
    end.

no_funs(F) when is_function(F) -> '$fun';
no_funs('.') -> '$dot1';
no_funs('..') -> '$dot2';
no_funs('...') -> '$dot3';
no_funs([H | T]) -> [no_funs(H) | no_funs(T)];
no_funs(T) when is_tuple(T) -> list_to_tuple(no_funs(tuple_to_list(T)));
no_funs(M) when is_map(M) -> maps:from_list(no_funs(maps:to_list(M)));
no_funs(X) -> X.

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

small() -> rand:uniform(11) - 6.

%% Numbers that compare equal but are not the same term, so that orders and matches show.
num() -> pick([1, 2, 3, 1.0, 2.0, 3.0, 0, -1, 2.5, 1 bsl 70]).

leaf() ->
    case rand:uniform(12) of
        N when N =< 4 -> small();
        5 -> num();
        6 -> pick([a, b, c, x, 'B', true, false, 'hello world', ok]);
        7 -> pick([a, b, c]);
        8 -> pick([1.0, 2.5, -0.5, 3.0]);
        9 -> [];
        10 -> pick([1 bsl 70, -(1 bsl 64) - 3, 16#FFFFFFFF, 1 bsl 32]);
        11 -> pick([<<"ab">>, <<>>, <<1, 2, 3>>, "ab", "x"]);
        12 -> pick([{}, {a}, {1, 2}, [a], [1, 2], {1.0}, {1}])
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

%% N expressions made by calling F.
times(N, F) -> [F() || _ <- lists:seq(1, N)].
