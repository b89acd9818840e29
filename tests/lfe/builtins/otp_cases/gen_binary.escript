#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of binary, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_binary.escript > binary.jsonl
%%
%% Every function binary exports, with subjects and patterns over a small alphabet (so that
%% patterns match, overlap and start together), scopes, positions and lengths in and out of
%% range, negative lengths, every option of split and replace, and arguments of the wrong kind.
%% referenced_byte_size is called only where its answer does not hang on how the reader built
%% the binary.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("binary", fun cases/0).

c(F, Args) -> ["(binary:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

%% ---- Arguments ----

subj() -> list_to_binary([pick("aab") || _ <- lists:seq(1, rand:uniform(11) - 1)]).
pat() -> list_to_binary([pick("ab") || _ <- lists:seq(1, rand:uniform(3))]).
bad() -> pick([a, [a], {}, 5, -1, "ab", <<>>, [<<>>], <<1:3>>, 1.0]).
s() -> case rand:uniform(12) of 1 -> q(bad()); 2 -> "(binary (1 (size 3)))"; _ -> q(subj()) end.
p() ->
    case rand:uniform(10) of
        1 -> q(bad());
        N when N =< 4 -> q(list_of(fun pat/0, 3));
        _ -> q(pat())
    end.
int() -> pick([0, 1, 2, 3, 4, 5, 7, 10, 11, -1, -2, -3, 1 bsl 70, a, 1.0]).
i() -> q(int()).
sint() -> case rand:uniform(8) of 1 -> int(); _ -> rand:uniform(8) - 3 end.
scope() -> {scope, {sint(), sint()}}.
split_opts() -> q(list_of(fun () -> pick([global, trim, trim_all, scope(), scope(), bad]) end, 3)).
repl_opts() ->
    q(list_of(fun () -> pick([global, global, scope(), {insert_replaced, int()},
                              {insert_replaced, [0, 1]}, {insert_replaced, [1, 0, 3]}, bad]) end, 3)).
unum() -> pick([0, 1, 255, 256, 65535, 1 bsl 32, 1 bsl 64, (1 bsl 70) + 5, -1, 1.0, a, 123456789]).
endian() -> pick([big, little, big, little, middle]).

cases() ->
    lists:append([
      times(60, fun () -> c(part, [s(), i(), i()]) end),
      times(40, fun () -> c(part, [s(), q({int(), int()})]) end),
      times(6, fun () -> c(part, [s(), q(pick([{1}, {1, 2, 3}, a]))]) end),
      times(40, fun () -> c(at, [s(), i()]) end),
      times(20, fun () -> c(first, [s()]) end),
      times(20, fun () -> c(last, [s()]) end),
      times(20, fun () -> c(bin_to_list, [s()]) end),
      times(40, fun () -> c(bin_to_list, [s(), q({int(), int()})]) end),
      times(40, fun () -> c(bin_to_list, [s(), i(), i()]) end),
      times(30, fun () -> c(list_to_bin, [q(pick([[1, 2, <<"ab">>, [3]], [], "abc", [256],
                                                   [<<1:3>>], <<"x">>, a, [1 | <<"z">>],
                                                   [-1], [[<<"a">>, "b"] | "c"]]))]) end),
      times(20, fun () -> c(copy, [s()]) end),
      times(30, fun () -> c(copy, [s(), i()]) end),
      times(40, fun () -> c(decode_unsigned, [s()]) end),
      times(40, fun () -> c(decode_unsigned, [q(pick([<<>>, <<0>>, <<1, 0>>, <<0, 0, 1>>,
                                                        <<255, 1, 2, 3, 4, 5, 6, 7, 8, 9>>,
                                                        a, <<1:3>>])),
                                               q(endian())]) end),
      times(40, fun () -> c(encode_unsigned, [q(unum())]) end),
      times(40, fun () -> c(encode_unsigned, [q(unum()), q(endian())]) end),
      times(40, fun () -> c(longest_common_prefix, [q(pick([list_of(fun subj/0, 4), [], a,
                                                               [<<"ab">>, a], [<<"ab">>]]))]) end),
      times(40, fun () -> c(longest_common_suffix, [q(pick([list_of(fun subj/0, 4), [], a,
                                                               [<<"ab">>, a], [<<"ab">>]]))]) end),
      times(80, fun () -> c(match, [s(), p()]) end),
      times(60, fun () -> c(match, [s(), p(), q([scope()])]) end),
      times(80, fun () -> c(matches, [s(), p()]) end),
      times(60, fun () -> c(matches, [s(), p(), q(pick([[scope()], [], [bad], a]))]) end),
      times(60, fun () -> c(split, [s(), p()]) end),
      times(160, fun () -> c(split, [s(), p(), split_opts()]) end),
      times(60, fun () -> c(replace, [s(), p(), q(pick([<<"X">>, <<>>, <<"XYZ">>, a]))]) end),
      times(160, fun () -> c(replace, [s(), p(), q(pick([<<"X">>, <<>>, <<"XYZ">>, a])),
                                       repl_opts()]) end),
      times(30, fun () -> c(match, [s(), c(compile_pattern, [p()])]) end),
      times(30, fun () -> c(split, [s(), c(compile_pattern, [p()]), q([global])]) end),
      times(10, fun () -> c(compile_pattern, [q(pick([<<>>, [], [<<>>], a, [a], <<1:3>>]))]) end),
      times(4, fun () -> c(referenced_byte_size, [q(pick([a, "ab", <<>>, 1]))]) end)
    ]).
