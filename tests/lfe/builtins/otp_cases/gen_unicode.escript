#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of unicode, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_unicode.escript > unicode.jsonl
%%
%% characters_to_list and characters_to_binary in every encoding, on character data made at
%% random (characters, binaries in the input encoding, nested lists, binary tails), now and
%% then spoilt by a character out of range, a surrogate, a bad or cut-off byte sequence; the
%% normalization forms; byte order marks.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("unicode", fun cases/0).

c(F, Args) -> ["(unicode:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

enc() -> pick([latin1, unicode, utf8, utf16, utf32, {utf16, little}, {utf32, little}, {utf16, big}]).
ch() -> pick([$a, $b, 16#e9, 16#3bb, 16#1F600, $z, 16#ff, 16#100]).
spoil() -> pick([16#110000, 16#D800, -1, a, 1.0]).
enc_bin(Cs, E) -> case unicode:characters_to_binary(Cs, unicode, E) of B when is_binary(B) -> B; _ -> <<>> end.
bad_bin(E) ->
    case E of
        latin1 -> <<>>;
        X when X =:= unicode; X =:= utf8 -> pick([<<16#c3>>, <<16#e9, $A>>, <<16#ff>>, <<16#ed, 16#a0, 16#80>>, <<16#f0, 16#9f>>]);
        _ -> pick([<<0>>, <<16#d8, 0>>, <<0, 0, 0>>])
    end.
piece(E, D) ->
    case rand:uniform(10) of
        N when N =< 4 -> ch();
        5 -> enc_bin([ch() || _ <- lists:seq(1, rand:uniform(3))], E);
        6 when D > 0 -> [piece(E, D - 1) || _ <- lists:seq(1, rand:uniform(3))];
        7 when D > 0 -> [];
        8 -> case rand:uniform(4) of 1 -> spoil(); 2 -> bad_bin(E); _ -> ch() end;
        _ -> ch()
    end.
data(E) ->
    L = [piece(E, 2) || _ <- lists:seq(1, rand:uniform(5) - 1)],
    case rand:uniform(8) of
        1 -> enc_bin([ch() || _ <- lists:seq(1, rand:uniform(4))], E);
        2 -> <<(enc_bin([ch()], E))/binary, (bad_bin(E))/binary>>;
        3 -> L ++ enc_bin([ch()], E);
        4 -> pick([a, 1, {}, 1.0]);
        _ -> L
    end.

cases() ->
    lists:append([
      times(150, fun () -> c(characters_to_list, [q(data(unicode))]) end),
      times(150, fun () -> E = enc(), c(characters_to_list, [q(data(E)), q(E)]) end),
      times(120, fun () -> c(characters_to_binary, [q(data(unicode))]) end),
      times(150, fun () -> E = enc(), c(characters_to_binary, [q(data(E)), q(E)]) end),
      times(250, fun () -> E = enc(), c(characters_to_binary, [q(data(E)), q(E), q(enc())]) end),
      times(10, fun () -> c(characters_to_list, [q("a"), q(pick([utf7, {utf16, middle}, "x"]))]) end),
      lists:append([times(15, fun () -> c(F, [q(pick([[16#e9], [$e, 16#301], <<"é"/utf8>>, [16#fb01, $x], [<<"Å"/utf8>>, 16#212b], [16#1e9b, 16#323], [a], <<16#ff>>]))]) end)
                    || F <- [characters_to_nfc_list, characters_to_nfd_list, characters_to_nfkc_list, characters_to_nfkd_list,
                             characters_to_nfc_binary, characters_to_nfd_binary, characters_to_nfkc_binary, characters_to_nfkd_binary]]),
      times(20, fun () -> c(bom_to_encoding, [q(pick([<<16#ef, 16#bb, 16#bf, $a>>, <<0, 0, 16#fe, 16#ff>>, <<16#ff, 16#fe, 0, 0>>, <<16#fe, 16#ff>>, <<16#ff, 16#fe, $a>>, <<"abc">>, <<>>, a]))]) end),
      times(20, fun () -> c(encoding_to_bom, [q(pick([latin1, unicode, utf8, utf16, utf32, {utf16, little}, {utf32, little}, {utf32, big}, a]))]) end)
    ]).
