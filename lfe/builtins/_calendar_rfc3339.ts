/**
 * RFC 3339 text of OTP 25's `calendar`: `system_time_to_rfc3339/1,2` and
 * `rfc3339_to_system_time/1,2` with their options (`unit`, `offset`, `time_designator`), in exact integer arithmetic, and the errors OTP's code raises: a time
 * out of year 0 to 9999 is `{badarg, [Time, Options]}`, text of the wrong shape a `badmatch`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { charlist, charlistToString, Cons, normInt, type Term } from "../../runtime/terms.ts";
import { convertTimeUnit, universalToLocal } from "./_erlang_time.ts";
import { datetimeToSeconds, secondsToDatetime } from "./_calendar_days.ts";
import { functionClause as fc, properArray } from "./_util.ts";

const FROM_0_TO_1970 = 62167219200n;
const FROM_0_TO_10000 = 253402300800n;

/** `proplists:get_value/3`. */
function option(opts: Term, key: string, dflt: Term): Term {
  for (const o of properArray(opts) ?? fc()) {
    if (o === key) return true;
    if (Array.isArray(o) && o.length >= 1 && o[0] === key) {
      return o.length === 2 ? o[1] as Term : dflt;
    }
  }
  return dflt;
}

function big(t: Term): bigint {
  return typeof t === "number" || typeof t === "bigint" ? BigInt(t) : raiseError("badarith");
}

function factor(unit: Term): bigint {
  switch (unit) {
    case "second":
      return 1n;
    case "millisecond":
      return 1000n;
    case "microsecond":
      return 1000000n;
    case "nanosecond":
      return 1000000000n;
  }
  return fc();
}

function convert(t: bigint, from: Term, to: Term): bigint {
  return BigInt(convertTimeUnit(normInt(t), from, to));
}

function check(arg: Term, opts: Term, secs: bigint): void {
  if (secs < -FROM_0_TO_1970 || secs >= FROM_0_TO_10000) {
    raiseError(["badarg", new Cons(arg, new Cons(opts, null))]);
  }
}

function pad(n: bigint | number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Seconds of the local time zone's offset at the universal time `secs` (since 1970). */
function localOffset(secs: bigint): bigint {
  const ut = secondsToDatetime(Number(secs + FROM_0_TO_1970));
  const lt = universalToLocal(ut);
  return BigInt(datetimeToSeconds(lt) - datetimeToSeconds(ut));
}

/** Seconds of an offset text: `Z`, or `+HH:MM` / `-HH:MM`. */
function offsetSeconds(tz: Term): bigint {
  const s = charlistToString(tz);
  if (s === "Z" || s === "z") return 0n;
  const codes = properArray(tz);
  if (codes === undefined || codes.length !== 6 || codes[3] !== 58) raiseError(["badmatch", tz]);
  const adj = 3600n * BigInt(digits(codes.slice(1, 3))) + 60n * BigInt(digits(codes.slice(4, 6)));
  if (codes[0] === 45) return -adj;
  if (codes[0] === 43) return adj;
  return raiseError(["case_clause", codes[0] as Term]);
}

/** `list_to_integer/1` of a few characters. */
function digits(cs: Term[]): number {
  const s = charlistToString(cs.reduceRight<Term>((t, c) => new Cons(c, t), null));
  return s !== undefined && /^[+-]?[0-9]+$/.test(s) ? Number(s) : raiseError("badarg");
}

/** `system_time_to_rfc3339/2`. */
export function systemTimeToRfc3339(time: Term, opts: Term): Term {
  const unit = option(opts, "unit", "second");
  const offsetOpt = option(opts, "offset", null);
  const td = option(opts, "time_designator", 84);
  // OTP 25 has no fraction_format: the fraction always has the unit's digits.
  const t = big(time);
  let adjSecs: bigint;
  if (offsetOpt === null) adjSecs = localOffset(convert(t, unit, "second"));
  else if (offsetOpt instanceof Cons) adjSecs = offsetSeconds(offsetOpt);
  else if (typeof offsetOpt === "number" || typeof offsetOpt === "bigint") {
    adjSecs = convert(BigInt(offsetOpt), unit, "second");
  } else return fc();
  let offset: string;
  if (offsetOpt === null || typeof offsetOpt !== "object") {
    const a = adjSecs < 0n ? -adjSecs : adjSecs;
    offset = `${adjSecs < 0n ? "-" : "+"}${pad(a / 3600n, 2)}:${pad((a % 3600n) / 60n, 2)}`;
  } else offset = charlistToString(offsetOpt) ?? "";
  const f = factor(unit);
  const adjusted = t + convert(adjSecs, "second", unit);
  const secs = adjusted / f;
  check(normInt(t), opts, secs);
  const dt = secondsToDatetime(Number(secs + FROM_0_TO_1970)) as [number[], number[]];
  const [[y, mo, d], [h, mi, s]] = dt;
  let fraction = "";
  if (f !== 1n) {
    const fr = adjusted % f;
    fraction = "." + pad(fr < 0n ? -fr : fr, String(f).length - 1);
  }
  const text = `${pad(y as number, 4)}-${pad(mo as number, 2)}-${pad(d as number, 2)}`;
  const rest = `${pad(h as number, 2)}:${pad(mi as number, 2)}:${pad(s as number, 2)}`;
  const out = charlist(`${text}\u0000${rest}${fraction}${offset}`) as Cons;
  // The designator is any term, put in as it is.
  const codes = properArray(out) as Term[];
  codes[10] = td;
  return codes.reduceRight<Term>((l, c) => new Cons(c, l), null);
}

/** `rfc3339_to_system_time/2`. */
export function rfc3339ToSystemTime(text: Term, opts: Term): Term {
  const unit = option(opts, "unit", "second");
  const cs = properArray(text);
  const shape = cs !== undefined && cs.length >= 19 && cs[4] === 45 && cs[7] === 45 &&
    cs[13] === 58 && cs[16] === 58;
  if (!shape) raiseError(["badmatch", text]);
  const hour = digits(cs.slice(11, 13));
  const min = digits(cs.slice(14, 16));
  const sec = digits(cs.slice(17, 19));
  const year = digits(cs.slice(0, 4));
  const month = digits(cs.slice(5, 7));
  const day = digits(cs.slice(8, 10));
  const rest = cs.slice(19);
  let i = 0;
  while (i < rest.length && isFractionChar(rest[i] as Term)) i++;
  const fractionCs = rest.slice(0, i);
  const tz = rest.slice(i).reduceRight<Term>((t, c) => new Cons(c, t), null);
  const time = BigInt(datetimeToSeconds([[year, month, day], [hour, min, sec]])) - FROM_0_TO_1970;
  const secs = time - offsetSeconds(tz);
  check(text, opts, secs);
  const scaled = convert(secs, "second", unit);
  let fraction = 0n;
  if (unit !== "second" && fractionCs.length > 0) {
    const s = "0" +
      (charlistToString(fractionCs.reduceRight<Term>((t, c) => new Cons(c, t), null)) ?? "");
    if (!/^[0-9]+\.[0-9]+$/.test(s)) raiseError("badarg");
    fraction = BigInt(Math.round(Number(factor(unit)) * Number(s)));
  }
  return normInt(scaled + (scaled < 0n ? -fraction : fraction));
}

function isFractionChar(c: Term): boolean {
  return typeof c === "number" && ((c >= 48 && c <= 57) || c === 46);
}
