#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of the rest of io_lib, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_io_lib_more.escript > io_lib_more.jsonl
%%
%% format/3 and fwrite/3 (no limit, and chars_limit on strings), scan_format/2 of formats with
%% every field (width, adjust, precision, pad, t and l), unscan_format/1 and build_text/1 of
%% what it gives, write/3 plain and pretty, limit_term/2 of random terms to every depth,
%% format_prompt/1,2, and the continuation functions collect_chars/3,4, collect_line/3,4 and
%% get_until/3,4 over data that comes in pieces, lists and binaries, with eof.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("io_lib_more", fun cases/0).

c(F, Args) -> ["(io_lib:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

fmts() ->
    [{"~p ~-10.3.xw|~ts~n", [a, b, "c"]}, {"~w", [{1, 2}]}, {"~10s|~-6.2s|", ["abc", "hello"]},
     {"~5.1f ~e ~.3g", [1.5, 2.0, 0.1]}, {"~.16b ~8.2.0B ~x", [255, 5, 10, "p"]},
     {"~*.*.*w", [8, 3, $-, abc]}, {"~lp ~tp", ["ab", "é"]}, {"~c~c", [$a, $b]},
     {"~i~s", [ignored, "x"]}, {"~~ ~n", []}, {"~P ~W", [[1, 2, 3, 4], 3, {a, [b, c]}, 2]},
     {"~.*s", [2, "hello"]}, {"~-8.4.*s|", [$., "ab"]}].

cases() ->
    Fs = fmts(),
    lists:append([
      [c(scan_format, [q(F), q(A)]) || {F, A} <- Fs],
      [c(unscan_format, [c(scan_format, [q(F), q(A)])]) || {F, A} <- Fs],
      [c(build_text, [c(scan_format, [q(F), q(A)])]) || {F, A} <- Fs],
      [c(format, [q(F), q(A), q(O)]) || {F, A} <- Fs, O <- [[], [{chars_limit, -1}]]],
      [c(fwrite, [q(F), q(A), q([])]) || {F, A} <- Fs],
      [c(format, [q(F), q(A), q([{chars_limit, L}])]) || {F, A} <- [{"~s", ["hello world"]}, {"~s|~s", ["abcdefgh", "ijklmnop"]}, {"~ts", ["abc"]}], L <- [3, 5, 8, 20]],
      [c(format, [q("~p"), q([a]), q(bad)]), c(format, [q("~p"), q([a]), q([{chars_limit, a}])])],
      %% chars_limit on terms: each ~p, ~w, ~P, ~W given its share of what is left
      times(120, fun () ->
          F = pick(["~p", "~w", "~p ~w", "~w|~p", "~P", "~W", "~p~n~p", "x: ~p", "~s ~p", "~tp", "~lp", "~60p"]),
          Args = lists:append([case C of $P -> [term(4), rand:uniform(6)]; $W -> [term(4), rand:uniform(6)];
                                         $s -> ["some text here"]; _ -> [term(4)] end
                               || C <- [X || X <- F, lists:member(X, "pwPWs")]]),
          c(format, [q(F), q(Args), q([{chars_limit, pick([0, 1, 5, 10, 20, 30, 50, 100])}])]) end),
      times(40, fun () -> c(format, [q("~p"), q([pick([lists:seq(1, 40), "a long string of text here", <<"binary string here">>, <<1,2,3,4,5,6,7,8,9>>, #{a => [1,2,3], b => {x, y}}, {tag, [a, b, c], "str", <<"bin">>}])]), q([{chars_limit, rand:uniform(40)}])]) end),
      times(30, fun () -> c(write, [q(term(4)), q([{chars_limit, rand:uniform(30)}, {depth, pick([-1, 3, 5])}])]) end),
      lists:append([[c(write, [q(T), q(D), q(P)]) || D <- [1, 2, 3, 5, -1], P <- [false, true]] || T <- [{a, [1, 2, 3], "abc"}, [1, [2, [3, [4]]]], #{a => {b, c}}, <<1, 2, 3, 4>>]]),
      times(30, fun () -> c(limit_term, [q(term(3)), q(rand:uniform(5) - 1)]) end),
      [c(limit_term, [q(T), q(D)]) || T <- [{a, [1, 2, 3, 4, 5], "abcdef", #{a => 1, b => 2}, <<1, 2, 3, 4, 5, 6>>}, [1, 2 | 3], "abc", {}, [], #{}, <<>>, #{x => [1, 2, 3]}], D <- [1, 2, 3, 4, -1]],
      [c(limit_term, [q(T), q(D)]) || T <- [#{2 => a, 10 => b, 3 => c, x => 1, "s" => 2}, #{[1, 2, 3] => [4, 5, 6], {a, b} => 1, 1.0 => x, 1 => y}, [#{b => 1, a => 2, c => 3}], #{a => [1, 2, 3, 4], b => {x, y, z}}], D <- [1, 2, 3, 4, 5]],
      [c(write_binary, [q(B), q(D), q(T)]) || B <- [<<1, 2, 3, 4, 5>>, <<"abc">>, <<>>, <<1, 2, 3, 4, 5:4>>, <<7:3>>, <<255>>], D <- [1, 2, 3, -1], T <- [-1, 0, 4, 6, 10, 100]],
      [c(format_prompt, [q(P)]) || P <- ["abc> ", <<"bin> ">>, foo, {format, "~p> ", [1]}, 'a b', [$a, <<"b">>], 42]],
      [c(format_prompt, [q(P), q(E)]) || P <- ["é> ", foo], E <- [latin1, unicode]],
      [c(collect_chars, [q(C), q(D), q(N)]) || {C, D, N} <- [{[], "abcdef", 3}, {[], "ab", 3}, {{1, "ba"}, "cd", 3}, {[], eof, 3}, {{2, "a"}, eof, 3}, {[], "", 2}, {[], "abc", 0}]],
      [c(collect_chars, [q(C), q(D), q(E), q(N)]) || {C, D, E, N} <- [{start, <<"abcdef">>, latin1, 3}, {start, <<"ab">>, latin1, 3}, {start, <<"abc">>, latin1, 3}, {start, <<"é1é2"/utf8>>, unicode, 2}, {start, "abcdef", latin1, 3}, {start, "ab", unicode, 3}, {start, eof, latin1, 3}, {{binary, [<<"ab">>], 1}, <<"cd">>, latin1, 1}, {{binary, [<<"ab">>], 1}, eof, latin1, 1}, {{list, "ba", 1}, "cd", latin1, 1}, {{list, "ba", 1}, eof, latin1, 1}]],
      [c(collect_line, [q(C), q(D), q(x)]) || {C, D} <- [{[], "abc\ndef"}, {[], "abc"}, {"cba", "d\ne"}, {[], eof}, {"cba", eof}, {[], "a\r\nb"}, {start, "ab\n"}]],
      [c(collect_line, [q(C), q(D), q(E), q(x)]) || {C, D, E} <- [{start, <<"ab\ncd">>, latin1}, {start, <<"ab\r\ncd">>, unicode}, {start, <<"abc">>, latin1}, {[<<"ab">>], <<"c\nd">>, latin1}, {[<<"ab">>], eof, latin1}, {start, eof, latin1}, {start, "x\ny", latin1}, {[], eof, latin1}]],
      [c(get_until, [q(C), q(D), q(M)]) || {C, D, M} <- [{[], "abcdef", {io_lib, collect_chars, [3]}}, {[], "ab", {io_lib, collect_chars, [3]}}, {{1, "ba"}, "cd", {io_lib, collect_chars, [3]}}]],
      [c(get_until, [q(C), q(D), q(latin1), q(M)]) || {C, D, M} <- [{[], "abcdef", {io_lib, collect_chars, [3]}}, {[], "ab", {io_lib, collect_chars, [3]}}]]
    ]).
