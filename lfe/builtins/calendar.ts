/**
 * The module `calendar` of OTP 25: Gregorian dates and times as tuples, days and seconds
 * counted from year 0, weekdays and ISO weeks, differences, conversions between local,
 * universal and system time, and RFC 3339 text, with the errors OTP's own code raises.
 *
 * @example
 * ```ts
 * import { CALENDAR } from "./calendar.ts";
 * CALENDAR["date_to_gregorian_days/3"]!(2000, 1, 1); // 730485
 * CALENDAR["day_of_the_week/3"]!(2000, 1, 1); // 6
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { type Term } from "../../runtime/terms.ts";
import {
  arith,
  datetimeToSeconds,
  dateToDays,
  dayOfWeek,
  daysToDate,
  isLeapYear,
  isoWeekNumber,
  lastDay,
  pair,
  secondsToDatetime,
  secondsToDaystime,
  secondsToTime,
  timeToSeconds,
  triple,
  validDate,
} from "./_calendar_days.ts";
import { rfc3339ToSystemTime, systemTimeToRfc3339 } from "./_calendar_rfc3339.ts";
import { convertTimeUnit, localToUniversal, universalToLocal } from "./_erlang_time.ts";
import { ERLANG_LANG } from "./_erlang_lang.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

const FROM_0_TO_1970 = 62167219200;

function localTime(): Term {
  return (ERLANG_LANG["localtime/0"] as () => Term)();
}

function nowToDatetime(now: Term): Term {
  const [ms, s] = triple(now);
  return secondsToDatetime(arith(ms) * 1000000 + arith(s) + FROM_0_TO_1970);
}

function systemToUniversal(t: Term, unit: Term): Term {
  return secondsToDatetime(Number(convertTimeUnit(t, unit, "second")) + FROM_0_TO_1970);
}

function localToUniversalDst(dt: Term): Term {
  const utDst = localToUniversal(dt, true);
  const ut = localToUniversal(dt, false);
  const ok = (u: Term) => exactEq(universalToLocal(u), dt);
  const out: Term[] = [];
  if (ok(utDst)) out.push(utDst);
  if (ok(ut) && !(out.length > 0 && exactEq(utDst, ut))) out.push(ut);
  return arrayToList(out);
}

function timeDifference(t1: Term, t2: Term): Term {
  const check = (t: Term) => {
    const [d, tm] = pair(t);
    triple(d);
    triple(tm);
  };
  check(t1);
  check(t2);
  return secondsToDaystime(datetimeToSeconds(t2) - datetimeToSeconds(t1));
}

/** The functions of `calendar`, by `name/arity`. */
export const CALENDAR: ModuleFunctions = moduleTable("calendar", {
  "date_to_gregorian_days/3": dateToDays,
  "date_to_gregorian_days/1": (d: Term) => dateToDays(...triple(d)),
  "datetime_to_gregorian_seconds/1": datetimeToSeconds,
  "day_of_the_week/3": dayOfWeek,
  "day_of_the_week/1": (d: Term) => dayOfWeek(...triple(d)),
  "gregorian_days_to_date/1": daysToDate,
  "gregorian_seconds_to_datetime/1": secondsToDatetime,
  "is_leap_year/1": isLeapYear,
  "iso_week_number/0": () => isoWeekNumber((localTime() as Term[])[0] as Term),
  "iso_week_number/1": isoWeekNumber,
  "last_day_of_the_month/2": lastDay,
  "local_time/0": localTime,
  "local_time_to_universal_time/1": (dt: Term) => localToUniversal(dt),
  "local_time_to_universal_time/2": localToUniversal,
  "local_time_to_universal_time_dst/1": localToUniversalDst,
  "now_to_datetime/1": nowToDatetime,
  "now_to_universal_time/1": nowToDatetime,
  "now_to_local_time/1": (now: Term) => universalToLocal(nowToDatetime(now)),
  "rfc3339_to_system_time/1": (s: Term) => rfc3339ToSystemTime(s, null),
  "rfc3339_to_system_time/2": rfc3339ToSystemTime,
  "seconds_to_daystime/1": secondsToDaystime,
  "seconds_to_time/1": secondsToTime,
  "system_time_to_local_time/2": (t: Term, u: Term) => universalToLocal(systemToUniversal(t, u)),
  "system_time_to_universal_time/2": systemToUniversal,
  "system_time_to_rfc3339/1": (t: Term) => systemTimeToRfc3339(t, null),
  "system_time_to_rfc3339/2": systemTimeToRfc3339,
  "time_difference/2": timeDifference,
  "time_to_seconds/1": timeToSeconds,
  "universal_time/0": () => (ERLANG_LANG["universaltime/0"] as () => Term)(),
  "universal_time_to_local_time/1": universalToLocal,
  "valid_date/3": validDate,
  "valid_date/1": (d: Term) => validDate(...triple(d)),
});
