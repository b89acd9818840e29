#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of string's walking, taking and old list functions, as real LFE 2.2 on
%% Erlang/OTP 25 evaluates them:
%%
%%     escript gen_string_more.escript > string_more.jsonl
%%
%% next_codepoint, next_grapheme, to_graphemes, chomp, take/2,3,4, nth_lexeme, casefold,
%% titlecase, equal/3,4 on random text (lists and binaries, with CR LF, combining accents,
%% letters outside Latin-1, ß), and chr, rchr, span, cspan, strip, left, right, centre,
%% sub_word, words, sub_string, list_to_integer, list_to_float on random lists, with wrong
%% arguments now and then.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("string_more", fun cases/0).

c(F, Args) -> ["(string:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

ch() -> pick([$a, $b, $c, $\s, $\s, $x, $A, $B, $\n, $\r, 769, 223, 1092, 1060, $1, $., 453, 454]).
text() -> [ch() || _ <- lists:seq(1, rand:uniform(9) - 1)].
s() ->
    T = text(),
    case rand:uniform(12) of
        N when N =< 7 -> q(T);
        N when N =< 11 -> q(unicode:characters_to_binary(T));
        _ -> q(pick([a, 1, [a], {}]))
    end.
l() -> case rand:uniform(12) of 1 -> q(pick([a, <<"ab">>, [a]])); _ -> q([pick([$a, $b, $\s, $x, $., $1]) || _ <- lists:seq(1, rand:uniform(9) - 1)]) end.
c1() -> integer_to_list(pick([$a, $b, $\s, $x, $.])).
n() -> integer_to_list(pick([0, 1, 2, 3, 5, 8])).

cases() ->
    lists:append([
      lists:append([times(40, fun () -> c(F, [s()]) end)
                    || F <- [next_codepoint, next_grapheme, to_graphemes, chomp, casefold, titlecase]]),
      times(40, fun () -> c(take, [s(), q(pick(["a", "ab", " ", "x\r\n", [769]]))]) end),
      times(40, fun () -> c(take, [s(), q(pick(["a", "ab", " ", "c"])), pick(["'true", "'false", "'maybe"])]) end),
      times(40, fun () -> c(take, [s(), q(pick(["a", "ab", " ", "c"])), pick(["'true", "'false"]), pick(["'leading", "'trailing", "'both"])]) end),
      times(40, fun () -> c(nth_lexeme, [s(), n(), q(pick([" ", "ab", [$\r, $\n], "x"]))]) end),
      times(40, fun () -> c(equal, [s(), s(), pick(["'true", "'false"])]) end),
      times(40, fun () -> c(equal, [s(), s(), pick(["'true", "'false"]), pick(["'none", "'nfc", "'nfd", "'nfkc", "'nfkd", "'foo"])]) end),
      lists:append([times(30, fun () -> c(F, [l(), c1()]) end) || F <- [chr, rchr]]),
      lists:append([times(30, fun () -> c(F, [l(), l()]) end) || F <- [span, cspan]]),
      times(20, fun () -> c(strip, [l()]) end),
      times(20, fun () -> c(strip, [l(), pick(["'left", "'right", "'both", "'foo"])]) end),
      times(30, fun () -> c(strip, [l(), pick(["'left", "'right", "'both"]), c1()]) end),
      lists:append([times(25, fun () -> c(F, [l(), n()]) end) || F <- [left, right, centre, sub_word]]),
      lists:append([times(25, fun () -> c(F, [l(), n(), c1()]) end) || F <- [left, right, centre, sub_word]]),
      times(25, fun () -> c(words, [l()]) end),
      times(25, fun () -> c(words, [l(), c1()]) end),
      times(30, fun () -> c(sub_string, [l(), n()]) end),
      times(30, fun () -> c(sub_string, [l(), n(), n()]) end),
      times(25, fun () -> c(list_to_integer, [q(pick(["12ab", "-3", "x", "+7 ", "", <<"12">>, "1.5"]))]) end),
      times(25, fun () -> c(list_to_float, [q(pick(["1.5x", "-3.0e2", "x", "1", "", <<"1.5">>, "2.5E-1z"]))]) end)
    ]).
