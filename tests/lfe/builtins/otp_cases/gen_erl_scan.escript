#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of erl_scan, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_erl_scan.escript > erl_scan.jsonl
%%
%% string/1,2 over Erlang text of every token kind (atoms plain and quoted, variables, integers
%% in bases and with underscores, floats, characters with every escape, strings, every
%% operator and punctuation, the reserved words, comments, dots), from a line or a line and a
%% column, and over bad text (a character no token has, strings and atoms not ended, bad
%% numbers and escapes); tokens/3 fed in pieces, and at eof.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("erl_scan", fun cases/0).

c(F, Args) -> ["(erl_scan:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

texts() ->
    ["foo(X, Y) -> X + Y.", "'hello world' 'a\\'b' '' A _ _Foo Bar9 f@oo a.b",
     "1 23 16#FF 2#101 36#zz 1_000 1.5 2.0e10 3.5E-3 1.0e+2 0.001",
     "$a $\\n $\\t $\\\\ $\\' $\\\" $\\101 $\\x41 $\\x{263A} $\\^A $\\s $\\e $\\d $  $%",
     "\"abc\" \"a\\nb\\tc\\\\\" \"\" \"\\x{41}\\101\\^G\"",
     "( ) { } [ ] , ; : :: | || -> => := <- <= << >> . ... .. # ? ?? !",
     "== /= =< < >= > =:= =/= ++ -- + - * / = bnot div rem band bor bxor bsl bsr and or xor not andalso orelse",
     "after begin case catch cond end fun if let of receive try when maybe else",
     "a % comment\n b %% more\n. c", "X = 1.\nY = 2.\n", "f() ->\n  ok.\n\n g().",
     "#{a => 1, b := 2}", "<<1:8, X/binary>>", "fun m:f/2", "[H|T]", "1.e", "1.", "a.b.c",
     "X.Y", "16#", "2#3", "1e5", "0.5e", "'abc", "\"abc", "$", "$\\", "\\ a", "` x", "a\tb\r\nc",
     "<<\"é\">>", "'é' \"ü\" ç", "1_2_3 1__2 16#f_f", "Ünicode", "a&b", "<<$a>>", "~"].

%% Feeds the pieces one by one, then eof, until tokens/3 is done: the done answer.
feed(Pieces, L) ->
    feed1(["(erl_scan:tokens '() "], Pieces ++ [eof], L, 0).

feed1(Call, [P], L, N) ->
    [Call, q(P), " ", q(L), ")", lists:duplicate(N, ") (d d))")];
feed1(Call, [P | Ps], L, N) ->
    C = "c" ++ integer_to_list(N),
    ["(case ", Call, q(P), " ", q(L), ") ((tuple 'more ", C, ") ",
     feed1(["(erl_scan:tokens ", C, " "], Ps, L, N + 1)].

cases() ->
    Ts = texts(),
    lists:append([
      [c(string, [q(T)]) || T <- Ts],
      [c(string, [q(T), q(L)]) || T <- ["a b\nc d.", "\"x\ny\" z", "f(\n1,\n2)."], L <- [1, 5, {1, 1}, {3, 7}]],
      [c(string, [q(T), q(1), q(O)]) || T <- ["a % c\nb.", "'q' \"s\""], O <- [[return_comments], [return_white_spaces], [return], [text]]],
      [feed(Ps, L) || Ps <- [["a b."], ["a b"], ["a. b."], [], [""], ["a b.\nrest"], ["\"abc"], ["  "],
                             ["a b", " c."], ["\"ab", "c\" d."], ["f(", "x).\nz"], ["a"], ["a", "."], ["1.", "5."],
                             ["x = 1.\n"], ["f(a,\n  b)."], ["'ab", "c' ."], ["% c", "omment\n a."], ["$"], ["1", "6#F."]],
                      L <- [1, {1, 1}]]
    ]).
