#!/usr/bin/env escript
%% -*- erlang -*-
%%
%% Writes lfe/builtins/_crypto_curves.ts, the parameters of the elliptic curves that
%% crypto:ec_curve/1 answers for (the named curves of SEC 2 this node can use), as OTP 25
%% gives them:
%%
%%     escript tools/crypto_curves.escript > lfe/builtins/_crypto_curves.ts

main(_) ->
    Curves = [secp224r1, secp256k1, secp256r1, secp384r1, secp521r1],
    io:put_chars(
      ["/**\n * The named curves' parameters, as `crypto:ec_curve/1` gives them on OTP 25, written by\n"
       " * tools/crypto_curves.escript: the field's prime, a, b, the seed, the base point, the order\n"
       " * and the cofactor, in hexadecimal.\n *\n * @module\n */\n\n"
       "/** A curve's parameters. */\nexport interface Curve {\n  p: string;\n  a: string;\n  b: string;\n"
       "  seed?: string;\n  g: string;\n  n: string;\n  h: string;\n}\n\n"
       "/** The curves, by name. */\nexport const CURVES: Record<string, Curve> = {\n",
       [curve(C) || C <- Curves],
       "};\n"]).

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

curve(C) ->
    {{prime_field, P}, {A, B, Seed}, G, N, H} = crypto:ec_curve(C),
    ["  ", atom_to_list(C), ": {\n",
     "    p: \"", hex(P), "\",\n",
     "    a: \"", hex(A), "\",\n",
     "    b: \"", hex(B), "\",\n",
     case Seed of none -> ""; _ -> ["    seed: \"", hex(Seed), "\",\n"] end,
     "    g: \"", hex(G), "\",\n",
     "    n: \"", hex(N), "\",\n",
     "    h: \"", hex(H), "\",\n",
     "  },\n"].
