#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of base64, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_base64.escript > base64.jsonl
%%
%% Every function base64 exports, with binaries and strings of random bytes, their encodings
%% as they are and spoilt: whitespace put in, padding cut or added, characters outside the
%% alphabet, lists with no bytes in them.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("base64", fun cases/0).

c(F, Args) -> ["(base64:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

bytes() -> [rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(9) - 1)].
data() ->
    B = bytes(),
    case rand:uniform(7) of
        1 -> q(B);
        2 -> q(pick([a, [256], [-1], [<<"ab">>], {}, 1.0, "ab" ++ [a]]));
        _ -> q(list_to_binary(B))
    end.

spoil(E) ->
    case rand:uniform(9) of
        1 -> E;
        2 -> E;
        3 -> insert(E, pick([" ", "\n", "\t", "\r", "  "]));
        4 -> lists:droplast(E ++ "x");
        5 -> E ++ "=";
        6 -> E ++ pick(["a", "ab", "abc", "====", "a==", "ab="]);
        7 -> insert(E, pick(["!", "=", "-", "_", "*", "é"]));
        8 -> lists:sublist(E, max(0, length(E) - 1));
        9 -> string:replace(E, "=", "", all)
    end.

insert(E, X) -> N = rand:uniform(length(E) + 1) - 1, lists:sublist(E, N) ++ X ++ lists:nthtail(N, E).

encoded() ->
    E = lists:flatten(spoil(base64:encode_to_string(bytes()))),
    case rand:uniform(2) of
        1 -> q(E);
        2 -> q(unicode:characters_to_binary(E))
    end.

cases() ->
    Fs = [decode, decode_to_string, mime_decode, mime_decode_to_string],
    lists:append([
      times(60, fun () -> c(encode, [data()]) end),
      times(60, fun () -> c(encode_to_string, [data()]) end),
      lists:append([times(120, fun () -> c(F, [encoded()]) end) || F <- Fs]),
      lists:append([[c(F, [q(X)]) || X <- [a, [a], 1, {}, [<<"QQ==">>], "QQ" ++ [300]]] || F <- Fs])
    ]).
