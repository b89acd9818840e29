#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of crypto, as real LFE 2.2 on Erlang/OTP 25 (OpenSSL 3) evaluates them:
%%
%%     escript gen_crypto.escript > crypto.jsonl
%%
%% Every hash (whole and streamed, a state reused), hash_info and cipher_info; HMAC over every
%% hash with keys shorter and longer than a block, CMAC, Poly1305, macN and the streamed macs;
%% every cipher one time and streamed (block and stream modes, padding options, aliases by key
%% size, dynamic IVs), the AEAD ciphers with their tags right and wrong; pbkdf2_hmac, exor,
%% mod_pow, bytes_to_integer, hash_equals; RSA, ECDSA and EdDSA signatures with the fixed keys
%% of crypto_keys.txt (made once by generate_key on erl), RSA encryption both ways, ECDH,
%% X25519 and DH agreement, keys derived from private keys; the informational functions; and
%% wrong arguments, with OpenSSL's words as OTP gives them.

-mode(compile).
-include("_gen.hrl").

main(_) ->
    {ok, Keys} = file:consult(filename:join(filename:dirname(escript:script_name()), "crypto_keys.txt")),
    put(keys, Keys),
    run("crypto", fun cases/0).

key(N) -> lists:nth(N, get(keys)).

hashes() -> [md4, md5, sha, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384,
             sha3_512, blake2b, blake2s, ripemd160].

bytes(N) -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)]).
data() ->
    B = bytes(rand:uniform(40) - 1),
    case rand:uniform(5) of
        1 -> q(binary_to_list(B));
        2 -> q([B, "ab", [<<"c">>]]);
        _ -> q(B)
    end.

c(F, Args) -> ["(crypto:", atom_to_list(F), [[" ", A] || A <- Args], ")"].
a(X) -> q(X).

ciphers() -> [aes_128_cbc, aes_192_cbc, aes_256_cbc, aes_128_ecb, aes_192_ecb, aes_256_ecb,
              aes_128_ctr, aes_192_ctr, aes_256_ctr, aes_128_cfb8, aes_192_cfb8, aes_256_cfb8,
              aes_128_cfb128, aes_192_cfb128, aes_256_cfb128, aes_128_ofb, aes_192_ofb,
              aes_256_ofb, chacha20, des_ede3_cbc].

info(C) -> crypto:cipher_info(C).

one_time(C) ->
    #{key_length := KL, iv_length := IL, block_size := BS} = info(C),
    Len = case rand:uniform(3) of 1 -> BS * rand:uniform(4); _ -> rand:uniform(50) - 1 end,
    K = bytes(KL), IV = bytes(IL), D = bytes(Len),
    Flag = pick([true, false, [{encrypt, true}], [{encrypt, false}],
                 [{encrypt, true}, {padding, pkcs_padding}], [{encrypt, true}, {padding, zero}],
                 [{encrypt, true}, {padding, none}], [{encrypt, true}, {padding, undefined}]]),
    case IL of
        0 -> c(crypto_one_time, [a(C), a(K), a(D), a(Flag)]);
        _ -> c(crypto_one_time, [a(C), a(K), a(IV), a(D), a(Flag)])
    end.

roundtrip(C) ->
    #{key_length := KL, iv_length := IL} = info(C),
    K = bytes(KL), IV = bytes(IL), D = bytes(rand:uniform(40) - 1),
    Opts = pick([[{encrypt, true}, {padding, pkcs_padding}], true]),
    DOpts = case Opts of true -> false; _ -> [{encrypt, false}, {padding, pkcs_padding}] end,
    case IL of
        0 -> [];
        _ -> [c(crypto_one_time, [a(C), a(K), a(IV),
                                  c(crypto_one_time, [a(C), a(K), a(IV), a(D), a(Opts)]),
                                  a(DOpts)])]
    end.

streamed(C) ->
    #{key_length := KL, iv_length := IL} = info(C),
    K = bytes(KL), IV = bytes(IL),
    Ds = [a(bytes(rand:uniform(30) - 1)) || _ <- lists:seq(1, rand:uniform(4))],
    Init = case IL of
               0 -> c(crypto_init, [a(C), a(K), a(pick([true, false]))]);
               _ -> c(crypto_init, [a(C), a(K), a(IV), a(pick([true, false, [{encrypt, true}, {padding, pkcs_padding}]]))])
           end,
    ["(let ((s ", Init, ")) (list ", [[c(crypto_update, ["s", D]), " "] || D <- Ds],
     c(crypto_final, ["s"]), "))"].

aead(C, TagLen) ->
    #{key_length := KL, iv_length := IL} = info(C),
    K = bytes(KL), IV = bytes(pick([IL, IL, IL, 16, 8])), D = bytes(rand:uniform(40) - 1),
    AAD = bytes(rand:uniform(10) - 1),
    Enc = case TagLen of
              default -> c(crypto_one_time_aead, [a(C), a(K), a(IV), a(D), a(AAD), "'true"]);
              _ -> c(crypto_one_time_aead, [a(C), a(K), a(IV), a(D), a(AAD), a(TagLen), "'true"])
          end,
    [Enc,
     ["(let (((tuple c tg) ", Enc, ")) ",
      c(crypto_one_time_aead, [a(C), a(K), a(IV), "c", a(AAD), "tg", "'false"]), ")"],
     ["(let (((tuple c tg) ", Enc, ")) ",
      c(crypto_one_time_aead, [a(C), a(K), a(IV), "c", a(AAD), "(crypto:exor tg (binary:copy #B(1) (byte_size tg)))", "'false"]), ")"]].

cases() ->
    {RPub, RPriv, EPub, EPriv, EPub2, EPriv2, DPub, DPriv, XPub, XPriv} =
        list_to_tuple([key(N) || N <- lists:seq(1, 10)]),
    P = <<16#ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a63a3620ffffffffffffffff:768>>,
    lists:append([
      lists:append([times(6, fun () -> c(hash, [a(H), data()]) end) || H <- hashes()]),
      [c(hash, [a(H), X]) || {H, X} <- [{foo, "#\"\""}, {sha, "'foo"}, {sha, "'(1 a)"}, {md5, "'(256)"}, {sha, "'\"abc\""}]],
      [["(crypto:hash_final (crypto:hash_update (crypto:hash_update (crypto:hash_init '", atom_to_list(H), ") ", data(), ") ", data(), "))"] || H <- hashes()],
      ["(let ((s (crypto:hash_init 'sha256))) (list (crypto:hash_final (crypto:hash_update s #\"a\")) (crypto:hash_final (crypto:hash_update s #\"b\")) (crypto:hash_final s)))",
       "(let* ((s (crypto:hash_init 'md5)) (s2 (crypto:hash_update s #\"x\"))) (list (crypto:hash_final s2) (crypto:hash_final s2)))",
       "(crypto:hash_init 'foo)", "(crypto:hash_update 'foo #\"a\")", "(crypto:hash_final 'foo)",
       "(crypto:hash_update (crypto:hash_init 'sha) 'bad)"],
      [c(hash_info, [a(H)]) || H <- hashes() ++ [foo, 1]],
      [c(cipher_info, [a(C)]) || C <- ciphers() ++ [aes_cbc, aes_ctr, aes_ecb, aes_gcm, aes_ccm, aes_cfb8, aes_cfb128, aes_128_gcm, aes_192_gcm, aes_256_gcm, aes_128_ccm, aes_256_ccm, chacha20_poly1305, foo, des_cbc]],
      %% macs
      lists:append([times(4, fun () -> c(mac, ["'hmac", a(H), a(bytes(pick([0, 5, 20, 64, 100, 200]))), data()]) end) || H <- hashes()]),
      lists:append([times(3, fun () -> c(macN, ["'hmac", a(H), a(bytes(10)), data(), a(pick([1, 4, 16, 100]))]) end) || H <- [sha, sha256, md5, sha3_256, blake2b]]),
      lists:append([times(4, fun () -> c(mac, ["'cmac", a(C), a(bytes(KL)), data()]) end)
                    || {C, KL} <- [{aes_128_cbc, 16}, {aes_192_cbc, 24}, {aes_256_cbc, 32}, {aes_128_ecb, 16}, {aes_256_ecb, 32}]]),
      times(6, fun () -> c(mac, ["'poly1305", a(bytes(32)), data()]) end),
      [c(mac, Args) || Args <- [["'hmac", "'foo", "#\"k\"", "#\"d\""], ["'cmac", "'aes_128_cbc", "#\"short\"", "#\"d\""],
                                ["'cmac", "'foo", "#\"k\"", "#\"d\""], ["'foo", "'sha", "#\"k\"", "#\"d\""],
                                ["'hmac", "'sha", "'k", "#\"d\""], ["'hmac", "'sha", "#\"k\"", "'d"]]],
      [c(mac, ["'poly1305", "#\"short\"", "#\"d\""]), c(mac, ["'poly1305", "'k", "#\"d\""])],
      [c(macN, ["'hmac", "'sha", "#\"k\"", "#\"d\"", X]) || X <- ["0", "-1", "'a", "21"]],
      [["(let ((s (crypto:mac_init 'hmac 'sha256 #\"key\"))) (crypto:mac_update s #\"ab\") (crypto:mac_update s #\"cd\") (crypto:mac_final s))"],
       ["(let ((s (crypto:mac_init 'cmac 'aes_128_cbc ", a(bytes(16)), "))) (crypto:mac_update s #\"abcdefghijklmnopq\") (crypto:mac_finalN s 8))"],
       ["(let ((s (crypto:mac_init 'poly1305 ", a(bytes(32)), "))) (crypto:mac_update s #\"abc\") (crypto:mac_final s))"],
       "(crypto:mac_init 'hmac 'foo #\"k\")", "(crypto:mac_update 'foo #\"a\")", "(crypto:mac_final 'foo)"],
      %% ciphers
      lists:append([times(6, fun () -> one_time(C) end) || C <- ciphers()]),
      lists:append([lists:append(times(2, fun () -> roundtrip(C) end)) || C <- ciphers()]),
      lists:append([times(3, fun () -> streamed(C) end) || C <- ciphers()]),
      [c(crypto_one_time, [a(C), a(bytes(KL)), a(bytes(16)), a(bytes(32)), "'true"]) || {C, KL} <- [{aes_cbc, 16}, {aes_cbc, 24}, {aes_cbc, 32}, {aes_ctr, 32}, {aes_cfb128, 16}, {aes_cbc, 15}]],
      [c(crypto_one_time, [a(C), a(bytes(16)), a(bytes(32)), "'true"]) || C <- [aes_ecb]],
      [c(crypto_one_time, Args) || Args <- [
          ["'aes_128_cbc", a(bytes(15)), a(bytes(16)), "#\"abcdefghijklmnop\"", "'true"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(15)), "#\"abcdefghijklmnop\"", "'true"],
          ["'foo", a(bytes(16)), a(bytes(16)), "#\"abcdefghijklmnop\"", "'true"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "#\"abcdefghijklmnop\"", "'maybe"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "'data", "'true"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "#\"abcdefghijklmnop\"", "'(#(padding foo))"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "#\"abcdefghijklmnop\"", "'(#(foo 1))"],
          ["'aes_128_gcm", a(bytes(16)), a(bytes(12)), "#\"abc\"", "'true"],
          ["'aes_128_cbc", "'key", a(bytes(16)), "#\"abc\"", "'true"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "(crypto:crypto_one_time 'aes_128_cbc #B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16) #B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16) #\"abc\" '(#(encrypt true) #(padding pkcs_padding)))", "'(#(encrypt false) #(padding pkcs_padding))"]]],
      [c(crypto_one_time, ["'aes_128_ecb", a(bytes(16)), "#\"abc\"", "'true"]), c(crypto_one_time, ["'aes_128_ecb", a(bytes(16)), a(bytes(16)), "#\"abc\"", "'true"])],
      %% aead
      lists:append([lists:append(times(5, fun () -> aead(C, pick([default, default, 16, 12, 8, 4, 3, 17])) end))
                    || C <- [aes_128_gcm, aes_192_gcm, aes_256_gcm, aes_gcm, chacha20_poly1305, aes_128_ccm, aes_256_ccm]]),
      [c(crypto_one_time_aead, Args) || Args <- [
          ["'aes_128_gcm", a(bytes(15)), a(bytes(12)), "#\"a\"", "#\"\"", "'true"],
          ["'aes_128_gcm", a(bytes(16)), "#\"\"", "#\"a\"", "#\"\"", "'true"],
          ["'aes_128_cbc", a(bytes(16)), a(bytes(16)), "#\"a\"", "#\"\"", "'true"],
          ["'chacha20_poly1305", a(bytes(32)), a(bytes(12)), "#\"a\"", "#\"\"", "'true"],
          ["'chacha20_poly1305", a(bytes(32)), a(bytes(8)), "#\"a\"", "#\"\"", "'true"]]],
      %% dynamic ivs, state data
      [["(let ((s (crypto:crypto_dyn_iv_init '", atom_to_list(C), " ", a(bytes(KL)), " 'true))) (list (crypto:crypto_dyn_iv_update s #\"abcdefghijklmnop\" ", a(bytes(16)), ") (crypto:crypto_dyn_iv_update s #\"0123456789abcdef\" ", a(bytes(16)), ")))"]
       || {C, KL} <- [{aes_128_cbc, 16}, {aes_256_ctr, 32}, {aes_128_cfb128, 16}]],
      [["(crypto:crypto_get_data (crypto:crypto_init '", atom_to_list(C), " ", a(bytes(KL)), " ", a(bytes(IL)), " 'true))"]
       || {C, KL, IL} <- [{aes_128_cbc, 16, 16}, {aes_256_ctr, 32, 16}, {chacha20, 32, 16}]],
      [c(crypto_init, Args) || Args <- [["'foo", "#\"k\"", "#\"iv\"", "'true"], ["'aes_128_cbc", "#\"k\"", a(bytes(16)), "'true"], ["'aes_128_gcm", a(bytes(16)), a(bytes(12)), "'true"]]],
      ["(crypto:crypto_update 'foo #\"a\")",
       "(let ((s (crypto:crypto_init 'aes_128_cbc #B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16) #B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16) 'true))) (list (crypto:crypto_update s #\"abc\") (crypto:crypto_update s #\"defghijklmnopqrst\") (crypto:crypto_final s)))"],
      %% pbkdf2 and the rest
      times(10, fun () -> c(pbkdf2_hmac, [a(pick([sha, sha256, sha512, md5, sha224, sha384])), data(), data(), a(rand:uniform(50)), a(rand:uniform(70))]) end),
      [c(pbkdf2_hmac, Args) || Args <- [["'sha", "#\"p\"", "#\"s\"", "0", "20"], ["'sha", "#\"p\"", "#\"s\"", "1", "0"], ["'foo", "#\"p\"", "#\"s\"", "1", "20"], ["'sha", "'p", "#\"s\"", "1", "20"], ["'sha", "#\"p\"", "#\"s\"", "-1", "20"]]],
      times(10, fun () -> N = rand:uniform(20) - 1, c(exor, [a(bytes(N)), a(bytes(N))]) end),
      [c(exor, Args) || Args <- [["#B(1 2)", "#B(1)"], ["\"ab\"", "\"cd\""], ["'(#\"a\" \"b\")", "#\"cd\""], ["'a", "#\"b\""]]],
      times(15, fun () -> c(mod_pow, [a(pick([rand:uniform(1000), rand:uniform(1 bsl 100), bytes(8), 0])), a(pick([rand:uniform(100), 0, 1 bsl 70, bytes(3)])), a(pick([rand:uniform(1000) + 1, (1 bsl 89) - 1, bytes(5), 1]))]) end),
      [c(mod_pow, Args) || Args <- [["2", "10", "0"], ["'a", "2", "3"], ["-2", "3", "5"]]],
      [c(bytes_to_integer, [a(X)]) || X <- [<<>>, <<1>>, <<1, 2, 3>>, bytes(20), 5]],
      [c(hash_equals, Args) || Args <- [["#B(1 2)", "#B(1 2)"], ["#B(1 2)", "#B(1 3)"], ["#B(1 2)", "#B(1)"], ["'a", "'a"], ["\"ab\"", "\"ab\""]]],
      %% public keys
      [c(sign, ["'rsa", a(H), data(), a(RPriv)]) || H <- [sha, sha224, sha256, sha384, sha512, md5]],
      [c(sign, ["'rsa", "'sha256", "#(digest " ++ a(crypto:hash(sha256, "x")) ++ ")", a(RPriv)])],
      [["(let ((m ", data(), ")) (crypto:verify 'rsa '", atom_to_list(H), " m (crypto:sign 'rsa '", atom_to_list(H), " m ", a(RPriv), ") ", a(RPub), "))"] || H <- [sha, sha256, sha512]],
      [c(verify, ["'rsa", "'sha256", "#\"other\"", c(sign, ["'rsa", "'sha256", "#\"msg\"", a(RPriv)]), a(RPub)])],
      [["(let ((m #\"pss\")) (crypto:verify 'rsa 'sha256 m (crypto:sign 'rsa 'sha256 m ", a(RPriv), " '(#(rsa_padding rsa_pkcs1_pss_padding))) ", a(RPub), " '(#(rsa_padding rsa_pkcs1_pss_padding))))"]],
      [["(let ((m #\"ec\")) (crypto:verify 'ecdsa '", atom_to_list(H), " m (crypto:sign 'ecdsa '", atom_to_list(H), " m (list ", a(EPriv), " 'secp256r1)) (list ", a(EPub), " 'secp256r1)))"] || H <- [sha256, sha384, sha]],
      [c(verify, ["'ecdsa", "'sha256", "#\"ec\"", c(sign, ["'ecdsa", "'sha256", "#\"ec\"", "(list " ++ a(EPriv) ++ " 'secp256r1)"]), "(list " ++ a(EPub2) ++ " 'secp256r1)"])],
      [c(sign, ["'eddsa", "'none", data(), "(list " ++ a(DPriv) ++ " 'ed25519)"]) || _ <- [1, 2, 3]],
      [["(let ((m #\"ed\")) (crypto:verify 'eddsa 'none m (crypto:sign 'eddsa 'none m (list ", a(DPriv), " 'ed25519)) (list ", a(DPub), " 'ed25519)))"]],
      [c(private_encrypt, ["'rsa", data(), a(RPriv), "'rsa_pkcs1_padding"])],
      [["(crypto:public_decrypt 'rsa (crypto:private_encrypt 'rsa #\"hello\" ", a(RPriv), " 'rsa_pkcs1_padding) ", a(RPub), " 'rsa_pkcs1_padding)"]],
      [["(crypto:private_decrypt 'rsa (crypto:public_encrypt 'rsa #\"hello\" ", a(RPub), " '", atom_to_list(Pad), ") ", a(RPriv), " '", atom_to_list(Pad), ")"] || Pad <- [rsa_pkcs1_padding, rsa_pkcs1_oaep_padding]],
      [c(compute_key, ["'ecdh", a(EPub2), a(EPriv), "'secp256r1"]), c(compute_key, ["'ecdh", a(EPub), a(EPriv2), "'secp256r1"])],
      [c(compute_key, ["'eddh", a(XPub), a(XPriv), "'x25519"])],
      [c(generate_key, ["'ecdh", "'secp256r1", a(EPriv)]), c(generate_key, ["'eddsa", "'ed25519", a(DPriv)]), c(generate_key, ["'eddh", "'x25519", a(XPriv)])],
      [["(let (((tuple pub priv) (crypto:generate_key 'dh (list ", a(P), " #B(2)) ", a(bytes(32)), ")) ((tuple pub2 priv2) (crypto:generate_key 'dh (list ", a(P), " #B(2)) ", a(bytes(32)), "))) (=:= (crypto:compute_key 'dh pub priv2 (list ", a(P), " #B(2))) (crypto:compute_key 'dh pub2 priv (list ", a(P), " #B(2)))))"]],
      [c(privkey_to_pubkey, ["'rsa", a(RPriv)])],
      [c(generate_key, Args) || Args <- [["'foo", "'bar"], ["'ecdh", "'nosuchcurve"]]],
      [c(sign, ["'rsa", "'foo", "#\"m\"", a(RPriv)]), c(sign, ["'rsa", "'sha256", "#\"m\"", "'(1 2)"])],
      %% information
      [c(F, []) || F <- [info_fips, version]],
      [c(enable_fips_mode, [X]) || X <- ["'true", "'false"]],
      [c(packed_openssl_version, ["1", "2", "3", "4"]), c(format_error, ["'a", "'b"])],
      [c(F, []) || F <- [engine_list, engine_get_all_methods]],
      [c(engine_by_id, ["#\"x\""]), c(ensure_engine_unloaded, ["'x"])],
      [c(supports, [a(X)]) || X <- [hashs, macs, foo]],
      [c(rand_uniform, Args) || Args <- [["5", "6"], ["3", "3"], ["'a", "1"]]],
      [c(rand_seed_alg_s, ["'crypto_aes", data()]) || _ <- [1, 2]],
      [["(element 1 (lists:mapfoldl (lambda (_ s) (rand:uniform_s s)) (crypto:rand_seed_alg_s 'crypto_aes ", data(), ") (lists:seq 1 100)))"] || _ <- [1, 2]],
      [["(element 1 (lists:mapfoldl (lambda (_ s) (rand:uniform_s 1000 s)) (crypto:rand_seed_alg_s 'crypto_aes ", data(), ") (lists:seq 1 70)))"]],
      [["(rand:export_seed_s (rand:jump (crypto:rand_seed_alg_s 'crypto_aes #\"j\")))"]],
      [["(let ((s (crypto:rand_seed_alg_s 'crypto_aes #\"j\"))) (rand:export_seed_s (rand:jump (element 2 (rand:uniform_s s)))))"]],
      [["(crypto:rand_plugin_aes_jump_2pow20 (element 2 (crypto:rand_seed_alg_s 'crypto_aes #\"k\")))"]],
      [["(progn (crypto:rand_seed_alg 'crypto_aes #\"p\") (list (rand:uniform 10) (rand:uniform)))"]]
    ]).
