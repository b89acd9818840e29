#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa /work/ref/lfe/ebin
%%
%% Writes the cases of calendar, as real LFE 2.2 on Erlang/OTP 25 evaluates them:
%%
%%     escript gen_calendar.escript > calendar.jsonl
%%
%% The functions of calendar whose answers do not hang on the clock or the time zone: dates,
%% days and seconds both ways, weekdays, leap years, ISO weeks, differences, RFC 3339 text with
%% explicit offsets and every unit, and wrong arguments (days past the month's end, months out
%% of range, negative numbers, floats, atoms).

-mode(compile).
-include("_gen.hrl").

main(_) -> run("calendar", fun cases/0).

c(F, Args) -> ["(calendar:", atom_to_list(F), [[" ", A] || A <- Args], ")"].

year() -> pick([rand:uniform(3000), 1970 + rand:uniform(80), 2000, 1900, 2024, 0, 4, 9999, -1, 1.0, a]).
month() -> pick([rand:uniform(12), rand:uniform(12), 2, 0, 13, a]).
day() -> pick([rand:uniform(28), rand:uniform(31), 29, 30, 31, 0, 32, -1, a]).
cdate() -> case rand:uniform(12) of 1 -> pick([a, {1, 2}, [1, 2, 3], {2000, 1, 1, 1}]); _ -> {year(), month(), day()} end.
gdate() -> case rand:uniform(6) of 1 -> cdate(); _ -> {rand:uniform(2500), rand:uniform(12), rand:uniform(28)} end.
ctime() -> case rand:uniform(10) of 1 -> pick([{24, 0, 0}, {a, 0, 0}, {1.0, 0, 0}, a, {-1, 0, 0}]); _ -> {rand:uniform(24) - 1, rand:uniform(60) - 1, rand:uniform(60) - 1} end.
days() -> pick([rand:uniform(1000000), rand:uniform(800000), 0, 1, 59, 60, 366, 730485, 719528, -1, 1.0, a]).
secs() -> pick([rand:uniform(70000000000), rand:uniform(100000), 0, 86399, 86400, -1, -86401, -rand:uniform(1000000), 1.5, a]).
unit() -> pick([second, millisecond, microsecond, nanosecond]).
offset() -> pick(["Z", "z", "+02:00", "-05:30", "+00:00", rand:uniform(7200) - 3600, 0]).
systime() -> pick([rand:uniform(4000000000), rand:uniform(4000000000000), rand:uniform(4000000000000000), 0, -rand:uniform(100000000), 1234567890123456789, 1000, 1500000]).
rfc() ->
    D = {{1970 + rand:uniform(60), rand:uniform(12), rand:uniform(28)}, {rand:uniform(24) - 1, rand:uniform(60) - 1, rand:uniform(60) - 1}},
    {{Y, Mo, Dd}, {H, Mi, S}} = D,
    Frac = pick(["", ".5", ".123", ".123456", ".123456789", ".0"]),
    Off = pick(["Z", "z", "+01:00", "-10:00", "+05:45"]),
    lists:flatten(io_lib:format("~4..0b-~2..0b-~2..0b~c~2..0b:~2..0b:~2..0b~s~s", [Y, Mo, Dd, pick("Tt "), H, Mi, S, Frac, Off])).

cases() ->
    lists:append([
      times(80, fun () -> c(date_to_gregorian_days, [q(year()), q(month()), q(day())]) end),
      times(40, fun () -> c(date_to_gregorian_days, [q(gdate())]) end),
      times(60, fun () -> c(gregorian_days_to_date, [q(days())]) end),
      times(50, fun () -> c(datetime_to_gregorian_seconds, [q({gdate(), ctime()})]) end),
      times(60, fun () -> c(gregorian_seconds_to_datetime, [q(secs())]) end),
      times(40, fun () -> c(day_of_the_week, [q(gdate())]) end),
      times(40, fun () -> c(day_of_the_week, [q(year()), q(month()), q(day())]) end),
      times(40, fun () -> c(is_leap_year, [q(year())]) end),
      times(40, fun () -> c(last_day_of_the_month, [q(year()), q(month())]) end),
      times(50, fun () -> c(valid_date, [q(cdate())]) end),
      times(50, fun () -> c(valid_date, [q(year()), q(month()), q(day())]) end),
      times(80, fun () -> c(iso_week_number, [q(pick([gdate(), {rand:uniform(2100), 1, rand:uniform(7)}, {rand:uniform(2100), 12, 24 + rand:uniform(7)}]))]) end),
      times(50, fun () -> c(time_difference, [q({gdate(), ctime()}), q({gdate(), ctime()})]) end),
      times(50, fun () -> c(seconds_to_daystime, [q(secs())]) end),
      times(40, fun () -> c(seconds_to_time, [q(secs())]) end),
      times(40, fun () -> c(time_to_seconds, [q(ctime())]) end),
      times(40, fun () -> c(now_to_datetime, [q({rand:uniform(2000), rand:uniform(1000000) - 1, rand:uniform(1000000) - 1})]) end),
      times(20, fun () -> c(system_time_to_universal_time, [q(systime()), q(unit())]) end),
      times(80, fun () -> c(system_time_to_rfc3339, [q(systime()), q([{offset, offset()} | pick([[], [{unit, unit()}], [{unit, unit()}, {fraction_format, pick([strict, relaxed])}], [{time_designator, $\s}]])])]) end),
      times(60, fun () -> c(rfc3339_to_system_time, [q(rfc()), q(pick([[], [{unit, unit()}]]))]) end),
      times(6, fun () -> c(rfc3339_to_system_time, [q(pick(["2020-01-01", "x", "2020-13-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z"]))]) end)
    ]).
