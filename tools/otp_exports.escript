#!/usr/bin/env escript
%% -*- erlang -*-
%%
%% Writes what OTP exports from the modules of its standard library that programs call most,
%% as erl lists them (M:module_info(exports), without module_info/0,1): one line a module,
%% its name and then each function as name/arity, sorted.
%%
%%     escript tools/otp_exports.escript > tests/lfe/builtins/otp25_exports.txt

main(_) ->
    Mods = [lists, maps, string, binary, unicode, proplists, queue, sets, ordsets, orddict, dict,
            gb_trees, gb_sets, array, io_lib, io, math, rand, base64, calendar, re, crypto,
            erlang, timer, filename, file, os, net_adm, net_kernel],
    io:format("# The exports of OTP ~s's modules, by tools/otp_exports.escript.~n",
              [erlang:system_info(otp_release)]),
    lists:foreach(
      fun(M) ->
              {module, M} = code:ensure_loaded(M),
              Es = [atom_to_list(F) ++ "/" ++ integer_to_list(A)
                    || {F, A} <- M:module_info(exports), F =/= module_info],
              io:format("~s ~s~n", [M, lists:join(" ", lists:sort(Es))])
      end, Mods).
