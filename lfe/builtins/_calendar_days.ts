/**
 * The day arithmetic of OTP 25's `calendar`: the Gregorian calendar extended back to year 0,
 * days and seconds counted from 0000-01-01, with the guards (and so the errors) of OTP's own
 * functions: `function_clause` for an argument of the wrong shape, `if_clause` for a day past
 * its month's end, `badarith` where arithmetic meets something that is no number.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { type Term } from "../../runtime/terms.ts";
import { functionClause as fc } from "./_util.ts";

/** An integer argument as a number; `badarith` for anything else, as arithmetic on it. */
export function arith(t: Term): number {
  if (typeof t === "number") return t;
  if (typeof t === "bigint") return Number(t);
  return raiseError("badarith");
}

/** Erlang's `div` of integers. */
export function div(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** Erlang's `rem` of integers. */
export function rem(a: number, b: number): number {
  const r = a % b;
  return r === 0 ? 0 : r;
}

/** The three elements of a tuple of three; `function_clause` for anything else. */
export function triple(t: Term): [Term, Term, Term] {
  return Array.isArray(t) && t.length === 3 ? [t[0], t[1], t[2]] as [Term, Term, Term] : fc();
}

/** The two elements of a pair; `function_clause` for anything else. */
export function pair(t: Term): [Term, Term] {
  return Array.isArray(t) && t.length === 2 ? [t[0], t[1]] as [Term, Term] : fc();
}

function isInt(t: Term): t is number {
  return typeof t === "number";
}

function leap(y: number): boolean {
  return (y % 4 === 0 && y % 100 > 0) || y % 400 === 0;
}

/** `is_leap_year/1`. */
export function isLeapYear(y: Term): boolean {
  return isInt(y) && y >= 0 ? leap(y) : fc();
}

/** `last_day_of_the_month/2`. */
export function lastDay(y: Term, m: Term): number {
  if (!isInt(y) || y < 0) fc();
  if (m === 4 || m === 6 || m === 9 || m === 11) return 30;
  if (m === 2) return leap(y) ? 29 : 28;
  return isInt(m) && m > 0 && m < 13 ? 31 : fc();
}

/** Days in the years before `y`. */
function dy(y: number): number {
  if (y <= 0) return 0;
  const x = y - 1;
  return div(x, 4) - div(x, 100) + div(x, 400) + x * 365 + 366;
}

const DM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** `date_to_gregorian_days/3`. */
export function dateToDays(y: Term, m: Term, d: Term): number {
  if (!isInt(d) || d <= 0) fc();
  const last = lastDay(y, m);
  if (d > last) raiseError("if_clause");
  const yy = y as number;
  const mm = m as number;
  return dy(yy) + (DM[mm - 1] as number) + (mm < 3 ? 0 : leap(yy) ? 1 : 0) + d - 1;
}

/** `gregorian_days_to_date/1`. */
export function daysToDate(days: Term): Term {
  if (compare(days, 0) < 0) fc();
  const n = arith(days);
  if (!Number.isInteger(n) || typeof days !== "number") raiseError("badarith");
  let y = div(n, 365);
  while (dy(y) > n) y--;
  while (dy(y + 1) <= n) y++;
  let day = n - dy(y);
  const e = leap(y) ? 1 : 0;
  let m = 1;
  for (; m < 12; m++) {
    const next = (DM[m] as number) + (m >= 2 ? e : 0);
    if (day < next) break;
  }
  day -= (DM[m - 1] as number) + (m - 1 >= 2 ? e : 0);
  return [y, m, day + 1];
}

/** `seconds_to_time/1`: seconds of one day as `{H, M, S}`. */
export function secondsToTime(s: Term): Term {
  if (compare(s, 0) < 0 || compare(s, 86400) >= 0) fc();
  if (typeof s !== "number") raiseError("badarith");
  return [div(s, 3600), div(rem(s, 3600), 60), rem(s, 60)];
}

/** `time_to_seconds/1`. */
export function timeToSeconds(t: Term): number {
  const [h, m, s] = triple(t);
  return isInt(h) && isInt(m) && isInt(s) ? h * 3600 + m * 60 + s : fc();
}

/** `datetime_to_gregorian_seconds/1`. */
export function datetimeToSeconds(t: Term): number {
  const [date, time] = pair(t);
  const [y, m, d] = triple(date);
  return 86400 * dateToDays(y, m, d) + timeToSeconds(time);
}

/** `gregorian_seconds_to_datetime/1`. */
export function secondsToDatetime(s: Term): Term {
  if (compare(s, 0) < 0) fc();
  if (typeof s !== "number") raiseError("badarith");
  return [daysToDate(div(s, 86400)), secondsToTime(rem(s, 86400))];
}

/** `day_of_the_week/3`: Monday is 1. */
export function dayOfWeek(y: Term, m: Term, d: Term): number {
  return rem(dateToDays(y, m, d) + 5, 7) + 1;
}

function isoWeek1(y: number): number {
  const d0101 = dateToDays(y, 1, 1);
  const dow = dayOfWeek(y, 1, 1);
  return dow <= 4 ? d0101 - dow + 1 : d0101 + 7 - dow + 1;
}

/** `iso_week_number/1`. */
export function isoWeekNumber(date: Term): Term {
  const [y, m, d] = triple(date);
  const n = dateToDays(y, m, d);
  const year = y as number;
  const w1 = isoWeek1(year);
  const w1next = isoWeek1(year + 1);
  if (w1 <= n && n < w1next) return [year, div(n - w1, 7) + 1];
  if (n < w1) {
    const long = dayOfWeek(year - 1, 1, 1) === 4 || dayOfWeek(year - 1, 12, 31) === 4;
    return [year - 1, long ? 53 : 52];
  }
  return [year + 1, 1];
}

/** `seconds_to_daystime/1`. */
export function secondsToDaystime(s: Term): Term {
  if (typeof s !== "number") raiseError("badarith");
  const days = div(s, 86400);
  const secs = rem(s, 86400);
  return secs < 0 ? [days - 1, secondsToTime(secs + 86400)] : [days, secondsToTime(secs)];
}

/** `valid_date/3`. */
export function validDate(y: Term, m: Term, d: Term): boolean {
  if (!isInt(y) || !isInt(m) || !isInt(d)) fc();
  return y >= 0 && m > 0 && m < 13 && d > 0 ? d <= lastDay(y, m) : false;
}
