#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of erlang:decode_packet/3, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_decode_packet.escript > decode_packet.jsonl
%%
%% Every packet type (raw, 1, 2, 4, line, asn1, sunrm, fcgi, tpkt, cdr, http, httph and their
%% _bin forms) over whole, short and over-long packets, with packet_size and line_length, and
%% HTTP request and status lines, headers of every known name and unknown ones, and bad input.

-mode(compile).
-include("_gen.hrl").

main(_) -> run("decode_packet", fun cases/0).

c(T, B, O) -> ["(erlang:decode_packet ", q(T), " ", q(B), " ", q(O), ")"].

bytes(N) -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)]).

len_packet(H) ->
    N = rand:uniform(10) - 1,
    Body = bytes(N),
    Len = case rand:uniform(4) of 1 -> N + rand:uniform(3); 2 -> max(0, N - 1); _ -> N end,
    Extra = case rand:uniform(3) of 1 -> bytes(rand:uniform(4)); _ -> <<>> end,
    Whole = <<Len:(H * 8), Body/binary, Extra/binary>>,
    Cut = case rand:uniform(5) of 1 -> binary:part(Whole, 0, rand:uniform(byte_size(Whole)) - 1); _ -> Whole end,
    Cut.

cases() ->
    Opts = fun () -> pick([[], [], [{packet_size, 3}], [{packet_size, 100}], [{line_length, 4}], [{packet_size, 0}]]) end,
    lists:append([
      lists:append([times(25, fun () -> c(H, len_packet(H), Opts()) end) || H <- [1, 2, 4]]),
      times(10, fun () -> c(raw, bytes(rand:uniform(6) - 1), Opts()) end),
      times(10, fun () -> c(0, bytes(rand:uniform(6) - 1), Opts()) end),
      times(30, fun () ->
          L = pick([<<"abc\nrest">>, <<"abc">>, <<"\n">>, <<"abcdefgh\nxy">>, <<"a\r\nb">>, <<>>, <<"12345\n">>]),
          c(line, L, Opts()) end),
      [c(asn1, B, []) || B <- [<<16#30, 3, 1, 2, 3, 9>>, <<16#30, 3, 1>>, <<16#30, 16#81, 2, 1, 2>>, <<16#1f, 16#81, 1, 1, 0>>, <<2, 0>>, <<16#30, 16#80, 1, 0, 0>>]],
      [c(sunrm, B, []) || B <- [<<0, 0, 0, 3, 1, 2, 3, 4>>, <<16#80, 0, 0, 2, 1, 2>>, <<0, 0, 0>>]],
      [c(fcgi, B, []) || B <- [<<1, 1, 0, 1, 0, 3, 2, 0, 1, 2, 3, 0, 0, 9>>, <<1, 1, 0, 1, 0, 3>>]],
      [c(tpkt, B, []) || B <- [<<3, 0, 0, 7, 1, 2, 3, 9>>, <<3, 0, 0, 3>>, <<3, 0>>]],
      [c(cdr, B, []) || B <- [<<"GIOP", 1, 0, 0, 0, 0, 0, 0, 2, 1, 2, 3>>, <<"GIOP", 1, 0, 1, 0, 2, 0, 0, 0, 1, 2>>, <<"GIO">>]],
      [c(T, B, O) || T <- [http, http_bin],
                     B <- [<<"GET / HTTP/1.1\r\nHost: x\r\n\r\n">>, <<"POST /a/b?c=d HTTP/1.0\r\n">>,
                           <<"HTTP/1.1 200 OK\r\nrest">>, <<"HTTP/1.0 404 Not Found\r\n">>,
                           <<"OPTIONS * HTTP/1.1\r\n">>, <<"GET http://example.com:8080/x HTTP/1.1\r\n">>,
                           <<"BREW /pot HTTP/1.1\r\n">>, <<"GET / HTTP/1.1">>, <<"garbage\r\n">>,
                           <<"\r\n">>, <<"Host: x\r\n">>, <<"GET /\r\n">>, <<"get / HTTP/1.1\r\n">>,
                           <<"HTTP/1.1 200\r\n">>, <<"CONNECT host:443 HTTP/1.1\r\n">>],
                     O <- [[]]],
      [c(T, <<B/binary, Z/binary>>, []) || T <- [httph, httph_bin, http], Z <- [<<>>, <<"Z">>, <<" cont\r\nZ">>],
                      B <- [<<"Host: example.com\r\nrest">>, <<"Content-Length: 12\r\n">>,
                            <<"content-type:text/html\r\n">>, <<"X-Custom-Thing:  v a l \r\n">>,
                            <<"\r\n">>, <<"Accept: a\r\n b\r\n">>, <<"Accept: a">>, <<"no colon\r\n">>,
                            <<"Set-Cookie: a=b\r\n">>, <<"user-agent: x\r\n">>, <<"If-Modified-Since: now\r\n">>,
                            <<"Connection: close\r\n">>, <<"Transfer-Encoding: chunked\r\n">>, <<"Proxy-Authorization: q\r\n">>]],
      [c(T, B, O) || {T, B, O} <- [{foo, <<"x">>, []}, {1, <<"x">>, [{bad, 1}]}, {1, abc, []}, {line, <<"abc\n">>, bad},
                                  {http, <<"GET / HTTP/1.1\r\n">>, [{line_length, 5}]}, {http, <<"GET / HTTP/1.1\r\n">>, [{packet_size, 5}]}]]
    ]).
