#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of rand, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_rand.escript > rand.jsonl
%%
%% Every generator (exsss, exro928ss, exrop, exs1024s, exsp and the old exs64, exsplus,
%% exs1024, and dummy) seeded with integers (negative, zero, past 64 bits), lists and triples,
%% and the states they give; runs of uniform floats, integers in ranges small, at the word's
%% size and far past it (powers of two and not), uniform_real, bytes, jumps, and long runs of
%% normal draws so that every layer of the ziggurat and its slow paths show; the utilities
%% (splitmix64, mwc59, exsp, exro928, seed58, bc64, make_float, float2str); the process
%% dictionary's state; and wrong arguments.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("rand", fun cases/0).

ltimes(N, F) -> lists:append(times(N, F)).

algs() -> [exsss, exro928ss, exrop, exs1024s, exsp, exs64, exsplus, exs1024, dummy].

seed() ->
    case rand:uniform(6) of
        1 -> rand:uniform(1000) - 500;
        2 -> rand:uniform(1 bsl 64);
        3 -> pick([0, 1, -1, 1 bsl 70, -(1 bsl 66)]);
        4 -> [rand:uniform(1 bsl 60) - 1 || _ <- lists:seq(1, rand:uniform(3))];
        _ -> {rand:uniform(1 bsl 40) - 1, rand:uniform(100000), pick([0, -5, 1 bsl 62, 7])}
    end.

st(A, S) -> ["(rand:seed_s '", atom_to_list(A), " ", q(S), ")"].

run_of(Call, A, S, N) ->
    ["(element 1 (lists:mapfoldl (lambda (_ s) ", Call, ") ", st(A, S),
     " (lists:seq 1 ", integer_to_list(N), ")))"].

range() ->
    pick([1, 2, 3, 10, 1000, 1 bsl 32, (1 bsl 58) - 1, 1 bsl 58, (1 bsl 58) + 1,
          1 bsl 59, 1 bsl 64, (1 bsl 64) + 7, 1000000000000000000000000000000,
          1 bsl 100, (1 bsl 120) - 3, 6 * (1 bsl 57)]).

per_alg(A) ->
    S = seed(),
    [["(rand:export_seed_s ", st(A, S), ")"],
     run_of("(rand:uniform_s s)", A, S, 6),
     run_of(["(rand:uniform_s ", integer_to_list(range()), " s)"], A, S, 6),
     run_of("(rand:uniform_real_s s)", A, S, 4),
     ["(element 1 (rand:bytes_s ", integer_to_list(rand:uniform(24) - 1), " ", st(A, S), "))"],
     ["(rand:export_seed_s (rand:jump ", st(A, S), "))"],
     run_of("(rand:uniform_s s)", A, S, 2)].

normal(A) ->
    S = seed(),
    [run_of("(rand:normal_s s)", A, S, 400)].

cases() ->
    Seeds = lists:append([times(12, fun () -> per_alg(A) end) || A <- algs()]),
    Normals = lists:append([times(8, fun () -> normal(A) end) || A <- algs() -- [dummy]]),
    lists:append([
      lists:append(Seeds),
      lists:append(Normals),
      [["(element 1 (lists:mapfoldl (lambda (_ s) (rand:normal_s ", q(M), " ", q(V), " s)) ",
        st(exsss, seed()), " (lists:seq 1 5)))"]
       || {M, V} <- [{0, 1}, {10, 4}, {-3.5, 0.25}, {1 bsl 60, 2}]],
      [["(rand:normal_s 0 ", q(V), " ", st(exsss, 1), ")"] || V <- [0, -1, 0.0]],
      %% the process dictionary's state
      [["(progn (rand:seed '", atom_to_list(A), " ", q(seed()), ") ",
        "(list (rand:uniform) (rand:uniform 100) (rand:uniform_real) (rand:bytes 5) ",
        "(rand:normal) (rand:normal 10 4) (rand:export_seed)))"] || A <- algs() -- [dummy]],
      [["(progn (rand:seed '", atom_to_list(A), " ", q(seed()), ") (rand:jump) ",
        "(list (rand:uniform) (rand:export_seed)))"] || A <- [exsss, exrop, exro928ss, exs1024s]],
      ["(progn (rand:seed (rand:seed_s 'exrop 5)) (rand:uniform 10))",
       "(progn (rand:seed #(exsss (1 . 2))) (rand:uniform 10))",
       "(progn (rand:seed 'default 3) (rand:export_seed))",
       "(progn (rand:seed 'exsss 7) (rand:uniform) (rand:uniform 10) (rand:normal) (get 'rand_seed))",
       "(progn (rand:seed 'exsss 7) (rand:uniform 1000) (list (erase 'rand_seed) (rand:seed 'exsss 7) (rand:uniform 1000)))",
       "(progn (rand:seed 'exsss 9) (rand:uniform 99) (put 'rand_seed (rand:seed_s 'exsss 9)) (list (rand:uniform 99) (rand:uniform 99)))",
       "(progn (rand:seed 'exsss 11) (lists:map (lambda (_) (rand:uniform 67108864)) (lists:seq 1 20)))",
       "(progn (rand:seed 'exsss 11) (lists:map (lambda (_) (rand:uniform 67108863)) (lists:seq 1 20)))",
       "(progn (rand:seed 'exsss 12) (lists:map (lambda (_) (rand:normal)) (lists:seq 1 600)))",
       "(element 2 (rand:seed_s #(exsp (5 . 6))))",
       "(rand:export_seed_s (rand:seed_s #(exs1024 #((1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16) ()))))"],
      %% wrong seeds and arguments
      [["(rand:seed_s '", atom_to_list(A), " ", q(S), ")"]
       || A <- [exsss, exs1024, exro928ss, exs64, dummy],
          S <- [[], [0], [0, 0], [a], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
                a, {1, 2}, 1.5, [1 | 2]]],
      [["(rand:seed_s ", q(X), ")"] || X <- [foo, {foo, 1}, 1]],
      [["(rand:uniform_s ", q(N), " ", st(exsss, 1), ")"] || N <- [0, -1, 1.0, a]],
      [["(rand:bytes_s ", q(N), " ", st(exsss, 1), ")"] || N <- [-1, a, 1.0]],
      [["(rand:jump ", st(A, 1), ")"] || A <- [exs64, dummy]],
      ["(rand:uniform_s 'nostate)", "(rand:uniform_s #(a b))", "(rand:jump #(1 2))",
       "(rand:export_seed_s #(#m() 1))"],
      %% utilities
      times(20, fun () -> ["(rand:splitmix64_next ", q(pick([0, 1, -1, rand:uniform(1 bsl 64), 1 bsl 70])), ")"] end),
      ltimes(20, fun () ->
          CX = pick([1, 2, rand:uniform((16#7fa6502 bsl 32) - 2), (16#7fa6502 bsl 32) - 2]),
          [["(rand:", F, " ", q(CX), ")"] || F <- ["mwc59", "mwc59_value32", "mwc59_value", "mwc59_float"]]
      end),
      [["(rand:", F, " ", q(X), ")"]
       || F <- ["mwc59", "mwc59_value32", "mwc59_value", "mwc59_float"],
          X <- [0, -1, 16#7fa6502 bsl 32, a]],
      [["(rand:mwc59_seed ", q(X), ")"] || X <- [0, 1, 12345, (1 bsl 58) - 1, 1 bsl 58, -1, a]],
      ltimes(10, fun () ->
          [["(rand:exsp_next ", q([rand:uniform(1 bsl 58) - 1 | rand:uniform(1 bsl 58) - 1]), ")"],
           ["(rand:exsp_jump ", q([rand:uniform(1 bsl 58) - 1 | rand:uniform(1 bsl 58) - 1]), ")"]]
      end),
      ltimes(4, fun () ->
          S = [rand:uniform(1 bsl 58) - 1 || _ <- lists:seq(1, 16)],
          [["(rand:exro928_seed ", q(S), ")"],
           ["(rand:exro928_next (rand:exro928_seed ", q(S), "))"],
           ["(rand:exro928_next_state (rand:exro928_seed ", q(S), "))"],
           ["(rand:exro928_jump_2pow20 (rand:exro928_seed ", q(S), "))"],
           ["(rand:exro928_jump_2pow512 (rand:exro928_seed ", q(S), "))"]]
      end),
      [["(rand:exro928_seed ", q(X), ")"] || X <- [7, {1, 2, 3}]],
      [["(rand:seed58 ", q(N), " ", q(X), ")"] || {N, X} <- [{0, 1}, {3, 1}, {5, -7}, {2, 1 bsl 80}]],
      [["(rand:bc64 ", q(X), ")"] || X <- [0, 1, 2, 3, 255, 1 bsl 40, (1 bsl 64) - 1]],
      [["(rand:make_float ", q(S), " ", q(E), " ", q(M), ")"]
       || {S, E, M} <- [{0, 1023, 0}, {1, 1024, 123456789}, {0, 0, 1}, {0, 2047, 0}, {0, 1000, 1 bsl 51}]],
      [["(rand:float2str ", q(X), ")"] || X <- [1.0, -2.5, 0.1, 5.0e-324, 1.0e300, 3]]
    ]).
