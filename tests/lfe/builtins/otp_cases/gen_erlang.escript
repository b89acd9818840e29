#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of erlang, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_erlang.escript > erlang.jsonl
%%
%% The BIFs of erlang whose answers do not hang on the node they run on (no pids, references,
%% clocks or local time), called with arguments made at random from a fixed seed, good ones
%% and wrong ones: conversions with their bases, encodings and float options, terms and
%% tuples, hashes (phash, phash2, md5, crc32, adler32) of random terms, funs, identities
%% written as text, time units, and the errors of each.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("erlang", fun cases/0).

c(F, Args) -> ["(erlang:", q_atom(F), [[" ", A] || A <- Args], ")"].

q_atom(F) -> lists:flatten(lfe_io:print1(F)).

%% ---- Arguments ----

t() -> q(term()).
int() -> q(pick([0, 1, -1, 7, 255, 256, -300, 1 bsl 40, -(1 bsl 70), 36, 1.5, a])).
base() -> q(pick([2, 8, 10, 16, 36, 1, 37, 10.0, a])).
flt() -> pick([0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159, 1.0e20, 1.0e-10, 123456.789, 2.675,
               1.0e100, 5.0e-324, 1.7976931348623157e308, 0.5, 1.5e15, 9007199254740993.0,
               -123.456e-7]).
number() -> q(pick([flt(), small(), 1 bsl 70, a])).
float_opts() ->
    q(case rand:uniform(10) of
          1 -> pick([[bad], a, [{decimals, a}], [{decimals, 254}], [{scientific, 250}],
                     [{decimals, -1}], [compact | b]]);
          _ -> [pick([{decimals, rand:uniform(25) - 1}, {scientific, rand:uniform(25) - 1},
                      short, compact, {decimals, pick([0, 1, 2, 3, 17, 18, 19, 20])}])
                || _ <- lists:seq(1, rand:uniform(3) - 1)]
      end).
digits() ->
    q(pick(["12", "-7", "+5", "0", "ff", "FF", "zz", "1.5", "", "12x", " 1", "99999999999999999999",
            "-0", "2A", "777"])).
float_text() ->
    q(pick(["1.5", "-0.25", "1.5e3", "1.0E-3", "6.02e23", "1", ".5", "1.", "1e5", "+1.5", "1.5x",
            "0.0", "1.0e400"])).
chars() -> q(pick(["abc", "", "héllo", [955, 120], [1000000000], "a b", [256], [-1]])).
bin() -> q(pick([<<"abc">>, <<>>, <<"héllo"/utf8>>, <<255, 0, 1>>, <<1:3>>, "ab", a])).
atom() -> q(pick([abc, '', 'hello world', 'λx', true, ok, 'with\'quote', a, "abc", 1])).
enc() -> q(pick([utf8, unicode, latin1, utf16, bad])).
iodata() ->
    q(pick([[<<"ab">>, "cd", [$e, [<<"f">>]]], <<"xyz">>, [], [[], <<>>], [256], [a], [1 | <<"t">>],
            [<<1:1>>], "hello", [<<0:600>>, "x", <<1:520>>], a, [-1]])).
tuple() -> q(pick([{}, {a}, {1, 2, 3}, {a, {b}, [c]}, [a, b], a])).
idx() -> q(pick([0, 1, 2, 3, 4, -1, 1.0, a, 1 bsl 70])).
hashable() ->
    case rand:uniform(6) of
        1 -> q(pick([a, ok, '', 'λ', 0, 1, -1, 1 bsl 27, -(1 bsl 27), (1 bsl 27) - 1, 1 bsl 64,
                     -(1 bsl 100), 0.0, -0.0, 1.5, <<>>, <<"abcdefghijklmnop">>, <<1:4>>, [],
                     "abc", [1, 2 | 3], #{}, #{a => 1, 1 => a}, {}]));
        2 -> q(maps:from_list([{term(1), term(1)} || _ <- lists:seq(1, rand:uniform(5))]));
        3 -> q(list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(40))]));
        _ -> t()
    end.
range() -> q(pick([1, 2, 7, 100, 1 bsl 27, 1 bsl 32, (1 bsl 32) + 1, 0, -1, a])).
pid_text() ->
    q(pick(["<0.42.0>", "<0.0.0>", "<0.32767.8191>", "<0.32768.0>", "<0.1.8192>", "<0.1>",
            "<1.2.3>", "<0.1.2> ", " <0.1.2>", "<00.01.02>", "<0.-1.2>", "<a.b.c>", "0.1.2", ""])).
unit() -> q(pick([second, millisecond, microsecond, nanosecond, native, perf_counter, seconds,
                  milli_seconds, 1000, 3, 1, 0, bad, 1.0])).
mfa() -> [q(pick([erlang, lists, maps, a, 1])), q(pick([apply, reverse, map, spawn, '+', get, x])),
          q(pick([0, 1, 2, 3, a]))].
date() -> q(pick([{{2020, 1, 1}, {0, 0, 0}}, {{1970, 1, 1}, {0, 0, 1}}, {{2000, 2, 29}, {23, 59, 59}},
                  {{2001, 2, 29}, {0, 0, 0}}, {{2020, 13, 1}, {0, 0, 0}}, {{2020, 1, 1}, {24, 0, 0}},
                  bad, {{1969, 12, 31}, {23, 59, 59}}])).
posix() -> q(pick([0, 1, 86399, 951782399, 1577836800, -1, 1.5, a])).

%% ---- Cases ----

specs() ->
    [{atom_to_list, 10, [fun atom/0]}, {list_to_atom, 10, [fun chars/0]},
     {atom_to_binary, 10, [fun atom/0]}, {atom_to_binary, 20, [fun atom/0, fun enc/0]},
     {binary_to_atom, 10, [fun bin/0]}, {binary_to_atom, 20, [fun bin/0, fun enc/0]},
     {integer_to_list, 15, [fun int/0]}, {integer_to_list, 30, [fun int/0, fun base/0]},
     {integer_to_binary, 15, [fun int/0, fun base/0]}, {list_to_integer, 20, [fun digits/0]},
     {list_to_integer, 30, [fun digits/0, fun base/0]}, {binary_to_integer, 10, [fun bin/0]},
     {float_to_list, 20, [fun number/0]}, {float_to_list, 150, [fun() -> q(flt()) end, fun float_opts/0]},
     {float_to_binary, 40, [fun() -> q(flt()) end, fun float_opts/0]},
     {list_to_float, 25, [fun float_text/0]},
     {list_to_binary, 15, [fun iodata/0]}, {iolist_to_binary, 15, [fun iodata/0]},
     {iolist_size, 15, [fun iodata/0]}, {iolist_to_iovec, 20, [fun iodata/0]},
     {binary_to_list, 10, [fun bin/0]}, {binary_to_list, 30, [fun bin/0, fun idx/0, fun idx/0]},
     {list_to_bitstring, 10, [fun iodata/0]}, {bitstring_to_list, 10, [fun bin/0]},
     {tuple_to_list, 10, [fun tuple/0]}, {list_to_tuple, 10, [fun() -> q(pick([[], [a, b], [1 | 2], a])) end]},
     {element, 20, [fun idx/0, fun tuple/0]}, {setelement, 20, [fun idx/0, fun tuple/0, fun t/0]},
     {tuple_size, 8, [fun tuple/0]}, {size, 8, [fun() -> pick([tuple(), bin()]) end]},
     {make_tuple, 15, [fun idx/0, fun t/0]}, {append_element, 8, [fun tuple/0, fun t/0]},
     {insert_element, 15, [fun idx/0, fun tuple/0, fun t/0]}, {delete_element, 15, [fun idx/0, fun tuple/0]},
     {abs, 10, [fun number/0]}, {float, 10, [fun number/0]}, {round, 10, [fun number/0]},
     {trunc, 10, [fun number/0]}, {floor, 10, [fun number/0]}, {ceil, 10, [fun number/0]},
     {min, 10, [fun t/0, fun t/0]}, {max, 10, [fun t/0, fun t/0]},
     {phash, 40, [fun hashable/0, fun range/0]}, {phash2, 200, [fun hashable/0]},
     {phash2, 60, [fun hashable/0, fun range/0]}, {md5, 25, [fun iodata/0]},
     {crc32, 20, [fun iodata/0]}, {crc32, 15, [fun() -> q(pick([0, 1, 891568578, -1, a, 1 bsl 32])) end, fun iodata/0]},
     {crc32_combine, 10, [fun() -> q(rand:uniform(1 bsl 32) - 1) end, fun() -> q(rand:uniform(1 bsl 32) - 1) end,
                          fun() -> q(pick([0, 1, 3, 100, 1 bsl 40, -1])) end]},
     {adler32, 20, [fun iodata/0]}, {adler32, 10, [fun() -> q(pick([1, 0, 38600999, -1, a])) end, fun iodata/0]},
     {adler32_combine, 10, [fun() -> q(rand:uniform(1 bsl 32) - 1) end, fun() -> q(rand:uniform(1 bsl 32) - 1) end,
                            fun() -> q(pick([0, 1, 3, 100, 70000, -1])) end]},
     {split_binary, 10, [fun bin/0, fun idx/0]}, {binary_part, 20, [fun bin/0, fun idx/0, fun idx/0]},
     {list_to_pid, 20, [fun pid_text/0]}, {convert_time_unit, 30, [fun int/0, fun unit/0, fun unit/0]},
     {universaltime_to_posixtime, 10, [fun date/0]}, {posixtime_to_universaltime, 10, [fun posix/0]},
     {is_builtin, 30, fun mfa/0}, {make_fun, 10, fun mfa/0}, {system_info, 10,
      [fun() -> q(pick([otp_release, wordsize, {wordsize, internal}, {wordsize, external}, bad_key,
                         {bad, tuple}, compat_rel, version])) end]},
     {list_to_existing_atom, 10, [fun() -> q(pick(["ok", "lists", "error", "zq_no_such_atom_7", a])) end]},
     {binary_to_existing_atom, 10, [fun() -> q(pick([<<"ok">>, <<"zq_no_such_atom_8">>, a])) end,
                                    fun enc/0]}].

%% A term written and read back, and an MD5 taken in steps.
round_trips() ->
    T = t(),
    [["(erlang:binary_to_term (erlang:term_to_binary ", T, "))"],
     ["(erlang:md5_final (erlang:md5_update (erlang:md5_update (erlang:md5_init) ", iodata(), ") ",
      iodata(), "))"],
     ["(erlang:pid_to_list (erlang:list_to_pid ", pid_text(), "))"]].

fixed() ->
    ["(erlang:fun_info #'lists:map/2)", "(erlang:fun_info #'lists:map/2 'arity)",
     "(erlang:fun_info #'lists:map/2 'type)", "(erlang:fun_info #'lists:map/2 'pid)",
     "(erlang:fun_info #'lists:map/2 'bad)", "(erlang:fun_info 'a)",
     "(erlang:fun_info (lambda (a b c) a) 'arity)", "(erlang:fun_info (lambda (a) a) 'type)",
     "(erlang:fun_info_mfa #'lists:map/2)", "(erlang:fun_to_list #'lists:map/2)",
     "(erlang:fun_info (erlang:make_fun 'a 'b 2))", "(== #'lists:map/2 #'lists:map/2)",
     "(=:= #'lists:map/2 (erlang:make_fun 'lists 'map 2))", "(=:= 0.0 -0.0)", "(== 0.0 -0.0)",
     "(erlang:apply 'foo 1)", "(erlang:apply 'foo '(1))", "(erlang:apply (lambda (x) x) '(1 . 2))",
     "(erlang:apply 'lists 'reverse 'a)", "(erlang:apply 1 'a ())", "(erlang:apply 'lists 'nope '(1))",
     "(erlang:apply (lambda (x) x) '(1 2))", "(erlang:apply 'lists 'reverse '((1 2)))",
     "(erlang:error 'foo '(1) '(bad))", "(erlang:nif_error 'x)", "(erlang:nif_error 'x '(1))",
     "(erlang:bump_reductions 10)", "(erlang:bump_reductions -1)", "(erlang:bump_reductions 'a)",
     "(erlang:garbage_collect)", "(erlang:unique_integer '(bad))", "(erlang:is_alive)",
     "(erlang:read_timer (make_ref))", "(erlang:cancel_timer (make_ref))",
     "(erlang:cancel_timer (make_ref) '(bad))", "(erlang:read_timer 'a)",
     "(erlang:start_timer -1 (self) 'x)", "(erlang:send_after 'a (self) 'x)",
     "(erlang:memory 'bad)", "(erlang:memory '(total bad))", "(erlang:statistics 'bad)",
     "(erlang:time_offset 'bad)", "(erlang:halt 'a '())", "(erlang:module_loaded \"x\")",
     "(erlang:append '(1) 2)", "(erlang:subtract '(1 2) '(2))", "(erlang:garbage_collect 'a)",
     "(erlang:list_to_ref \"#Ref<0.1.2>\" )", "(erlang:list_to_port \"#Port<0.x>\")",
     "(erlang:is_function (lambda (x) x) -1)", "(erlang:map_get 'a '#M(a 1))",
     "(erlang:map_get 'b '#M(a 1))", "(erlang:map_size 'a)", "(erlang:is_map_key 'a 'x)",
     "(erlang:float_to_list 1.0e20 '(#(decimals 0) compact))", "(erlang:module_info 'module)"].

cases() ->
    [c(F, if is_function(Args) -> Args(); true -> [A() || A <- Args] end)
     || {F, N, Args} <- specs(), _ <- lists:seq(1, N)]
        ++ lists:append(times(40, fun round_trips/0)) ++ fixed().
