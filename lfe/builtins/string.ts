/**
 * The module `string` of OTP 25, on character lists and binaries: the Unicode functions
 * (`length`, `trim`, `split`, `slice`, `pad`, ... counting grapheme clusters) answer a binary
 * for a binary and a list for a list, shaped as OTP shapes them (`pad/2` gives `[S 32 32]`,
 * `replace/3` the parts joined around the replacement); the old list functions (`substr`,
 * `tokens`, `to_upper`, ...) take lists only. Nested character data (lists holding binaries)
 * is read, and answered as a flat list.
 *
 * @example
 * ```ts
 * import { STRING } from "./string.ts";
 * import { binary, charlist } from "../../runtime/terms.ts";
 * STRING["trim/1"]!(binary("  hi  ")); // Uint8Array [104, 105]
 * STRING["length/1"]!(charlist("a\r\nb")); // 3
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { arrayToList, Float, type Term } from "../../runtime/terms.ts";
import { parseInteger } from "./_erlang_convert.ts";
import { OLD_STRING } from "./_string_old.ts";
import { moreString } from "./_string_more.ts";
import {
  clusters,
  clusterStarts,
  codePointsOf,
  make,
  part,
  Scanner,
  separators,
  textOf,
  WHITESPACE,
} from "./_string_text.ts";
import { functionClause as fc, moduleTable } from "./_util.ts";

function pattern(p: Term): number[] {
  return codePointsOf(p) ?? fc();
}

function length(s: Term): number {
  return clusterStarts(textOf(s).cps).length - 1;
}

function trim(s: Term, dir: Term = "both", seps: readonly number[][] = WHITESPACE): Term {
  if (dir !== "both" && dir !== "leading" && dir !== "trailing") return fc();
  const t = textOf(s);
  const runs = new Scanner(t.cps).runs(seps);
  const first = runs[0], last = runs[runs.length - 1];
  const from = dir !== "trailing" && first?.[2] ? first[1] : 0;
  const to = dir !== "leading" && last?.[2] ? last[0] : t.cps.length;
  return part(t, from, Math.max(from, to));
}

/** The parts of `s` around `pat`: the first match, the last, or every one. */
function splitParts(s: Term, pat: Term, where: Term): Term[] {
  if (where !== "leading" && where !== "trailing" && where !== "all") return fc();
  const t = textOf(s), p = pattern(pat);
  const sc = new Scanner(t.cps);
  if (where === "all") {
    const parts: Term[] = [];
    let from = 0;
    for (let i = sc.find(p); i >= 0; i = sc.find(p, from)) {
      parts.push(part(t, from, i));
      from = i + p.length;
    }
    return from === 0 && parts.length === 0 ? [s] : [...parts, part(t, from)];
  }
  const i = where === "leading" ? sc.find(p) : sc.findLast(p);
  return i < 0 ? [s] : [part(t, 0, i), part(t, i + p.length)];
}

function find(s: Term, pat: Term, dir: Term = "leading"): Term {
  if (dir !== "leading" && dir !== "trailing") return fc();
  const t = textOf(s), p = pattern(pat);
  if (p.length === 0) return s;
  const sc = new Scanner(t.cps);
  const i = dir === "leading" ? sc.find(p) : sc.findLast(p);
  return i < 0 ? "nomatch" : part(t, i);
}

function replace(s: Term, pat: Term, rep: Term, where: Term = "leading"): Term {
  const parts = splitParts(s, pat, where);
  const out: Term[] = [];
  parts.forEach((p, i) => i === 0 ? out.push(p) : out.push(rep, p));
  return arrayToList(out);
}

function lexemes(s: Term, seps: Term): Term {
  const t = textOf(s);
  const runs = new Scanner(t.cps).runs(separators(seps));
  return arrayToList(runs.filter((r) => !r[2]).map(([from, to]) => part(t, from, to)));
}

function slice(s: Term, start: Term, len: Term = "infinity"): Term {
  if (typeof start !== "number" || start < 0) return fc();
  const infinite = len === "infinity" || (typeof len === "bigint" && len > 0n);
  if (!infinite && (typeof len !== "number" || len < 0)) return fc();
  const t = textOf(s);
  const starts = clusterStarts(t.cps);
  const n = starts.length - 1;
  const end = infinite ? n : Math.min(n, start + (len as number));
  return part(t, starts[Math.min(start, n)] as number, starts[end] as number);
}

function reverse(s: Term): Term {
  const cs = clusters(textOf(s).cps).reverse();
  return arrayToList(cs.map((c) => c.length === 1 ? c[0] as number : arrayToList(c)));
}

function pad(s: Term, n: Term, dir: Term = "trailing", char: Term = 32): Term {
  if (typeof n !== "number") return fc();
  const p = Math.max(0, n - length(s));
  const fill = (k: number) => new Array<Term>(k).fill(char);
  switch (dir) {
    case "trailing":
      return arrayToList([s, ...fill(p)]);
    case "leading":
      return arrayToList([arrayToList(fill(p)), s]);
    case "both": {
      const l = Math.floor(p / 2);
      return arrayToList([arrayToList(fill(l)), s, arrayToList(fill(l)), ...fill(p - 2 * l)]);
    }
  }
  return fc();
}

function equal(a: Term, b: Term): boolean {
  const x = textOf(a).cps, y = textOf(b).cps;
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

function isEmpty(s: Term): boolean {
  return codePointsOf(s)?.length === 0;
}

function rest(s: Term, cps: number[], from: number): Term {
  return make(s instanceof Uint8Array, cps.slice(from));
}

/** The leading characters of `cps` that a number can be written with, as a string. */
function numberText(cps: number[]): string {
  let s = "";
  for (const c of cps) {
    const ch = String.fromCharCode(c);
    if (c > 127 || !/[0-9+\-.,eE]/.test(ch)) break;
    s += ch;
  }
  return s;
}

function toInteger(s: Term): Term {
  const cps = codePointsOf(s);
  if (cps === undefined) return ["error", "badarg"];
  const m = /^[+-]?[0-9]+/.exec(numberText(cps));
  if (m === null) return ["error", "no_integer"];
  return [parseInteger(m[0], 10) as Term, rest(s, cps, m[0].length)];
}

function toFloat(s: Term): Term {
  const cps = codePointsOf(s);
  if (cps === undefined) return ["error", "badarg"];
  const m = /^[+-]?[0-9]+[.,][0-9]+(?:[eE][+-]?[0-9]+)?/.exec(numberText(cps));
  const x = m === null ? NaN : Number(m[0].replace(",", "."));
  if (m === null || !Number.isFinite(x)) return ["error", "no_float"];
  return [new Float(x), rest(s, cps, m[0].length)];
}

function prefix(s: Term, pre: Term): Term {
  const t = textOf(s), p = pattern(pre);
  const sc = new Scanner(t.cps);
  return sc.at(0, p) && sc.endsWell(0, p.length) ? part(t, p.length) : "nomatch";
}

function recase(s: Term, upper: boolean): Term {
  const t = textOf(s);
  let str = "";
  for (const c of t.cps) str += String.fromCodePoint(c);
  const cased = upper ? str.toUpperCase() : str.toLowerCase();
  return make(t.binary, [...cased].map((ch) => ch.codePointAt(0) as number));
}

/** The functions of `string`, by `name/arity`. */
export const STRING: ModuleFunctions = moduleTable("string", {
  "length/1": length,
  "trim/1": (s: Term) => trim(s),
  "trim/2": (s: Term, dir: Term) => trim(s, dir),
  "trim/3": (s: Term, dir: Term, seps: Term) => trim(s, dir, separators(seps)),
  "split/2": (s: Term, p: Term) => arrayToList(splitParts(s, p, "leading")),
  "split/3": (s: Term, p: Term, w: Term) => arrayToList(splitParts(s, p, w)),
  "find/2": (s: Term, p: Term) => find(s, p),
  "find/3": (s: Term, p: Term, d: Term) => find(s, p, d),
  "replace/3": (s: Term, p: Term, r: Term) => replace(s, p, r),
  "replace/4": (s: Term, p: Term, r: Term, w: Term) => replace(s, p, r, w),
  "lexemes/2": lexemes,
  "slice/2": (s: Term, start: Term) => slice(s, start),
  "slice/3": (s: Term, start: Term, len: Term) => slice(s, start, len),
  "reverse/1": reverse,
  "pad/2": (s: Term, n: Term) => pad(s, n),
  "pad/3": (s: Term, n: Term, d: Term) => pad(s, n, d),
  "pad/4": (s: Term, n: Term, d: Term, c: Term) => pad(s, n, d, c),
  "equal/2": equal,
  "is_empty/1": isEmpty,
  "to_integer/1": toInteger,
  "to_float/1": toFloat,
  "prefix/2": prefix,
  "uppercase/1": (s: Term) => recase(s, true),
  "lowercase/1": (s: Term) => recase(s, false),
  ...OLD_STRING,
  ...moreString(toInteger, toFloat),
});
