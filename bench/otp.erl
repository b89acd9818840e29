%% The otp workloads of bench/otp.lfe in Erlang, for BEAM: gen_server:call round trips and
%% ets:insert/ets:lookup per second, printed in the bench format with a beam_ prefix.
-module(otp).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

init(_) -> {ok, 0}.
handle_call(_Req, _From, N) -> {reply, N, N + 1}.
handle_cast(_Msg, N) -> {noreply, N}.

now_us() -> erlang:monotonic_time(microsecond).

calls(N) ->
    {ok, Pid} = gen_server:start(otp, [], []),
    T0 = now_us(),
    call_loop(Pid, N),
    Us = now_us() - T0,
    gen_server:stop(Pid),
    round(N * 1000000 / max(Us, 1)).

call_loop(_, 0) -> ok;
call_loop(Pid, N) -> gen_server:call(Pid, ping), call_loop(Pid, N - 1).

ets_ops(N) ->
    T = ets:new(bench, [set, public]),
    T0 = now_us(),
    insert_loop(T, N),
    T1 = now_us(),
    lookup_loop(T, N, 0),
    T2 = now_us(),
    ets:delete(T),
    {round(N * 1000000 / max(T1 - T0, 1)), round(N * 1000000 / max(T2 - T1, 1))}.

insert_loop(_, 0) -> ok;
insert_loop(T, N) -> ets:insert(T, {N, N}), insert_loop(T, N - 1).

lookup_loop(_, 0, Acc) -> Acc;
lookup_loop(T, N, Acc) -> [{_, V}] = ets:lookup(T, N), lookup_loop(T, N - 1, Acc + V).

main() ->
    calls(50000),
    io:format("beam_otp_gen_server_calls_per_s ~p~n", [calls(300000)]),
    ets_ops(100000),
    {I, L} = ets_ops(1000000),
    io:format("beam_otp_ets_inserts_per_s ~p~n", [I]),
    io:format("beam_otp_ets_lookups_per_s ~p~n", [L]),
    halt().
