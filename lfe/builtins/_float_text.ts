/**
 * `float_to_list/2` and `float_to_binary/2` as BEAM writes them, option by option:
 * `{decimals, N}` (fixed notation; with `compact`, trailing zeros dropped), `{scientific, N}`
 * (C's `%.Ne`), `short` (the fewest digits that read back) and none (`%.20e`). As in BEAM, the
 * last of `decimals`, `scientific` and `short` decides; a number below 2^53 with fewer than 19
 * decimals is rounded as BEAM's fast path rounds it (half away from zero, in floating point),
 * any other from its exact binary value (half to even), as C's `printf` does; more than 256
 * characters, or a bad option, is `badarg`.
 *
 * @example
 * ```ts
 * import { floatToText } from "./_float_text.ts";
 * import { arrayToList } from "../../runtime/terms.ts";
 * floatToText(3.14159, arrayToList([["decimals", 2]])); // "3.14"
 * ```
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { writeTerm } from "../../runtime/print_term.ts";
import { Cons, float, type Term } from "../../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

/** The longest text BEAM writes into its buffer. */
const MAX_LENGTH = 256;

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** `|x|` as `m * 2^e` exactly, `m` an integer. */
function exact(x: number): [bigint, bigint] {
  f64[0] = Math.abs(x);
  const bits = u64[0] as bigint;
  const be = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return be === 0 ? [frac, -1074n] : [frac | (1n << 52n), BigInt(be - 1075)];
}

/** `|x| * 10^d` rounded to an integer, half to even, from the exact value. */
function scaled(x: number, d: bigint): bigint {
  const [m, e] = exact(x);
  let num = m, den = 1n;
  if (e >= 0n) num <<= e;
  else den <<= -e;
  if (d >= 0n) num *= 10n ** d;
  else den *= 10n ** -d;
  const q = num / den, r = num % den;
  return 2n * r > den || (2n * r === den && (q & 1n) === 1n) ? q + 1n : q;
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

/** C's `%.*f`: `d` decimals of the exact value. */
function fixedExact(x: number, d: number): string {
  const digits = scaled(x, BigInt(d)).toString().padStart(d + 1, "0");
  const whole = digits.slice(0, digits.length - d);
  return sign(x) + (d === 0 ? whole : `${whole}.${digits.slice(whole.length)}`);
}

/** C's `%.*e`: one digit, `d` decimals and an exponent of at least two digits. */
export function scientific(x: number, d: number): string {
  let e = 0;
  let digits = "0".repeat(d + 1);
  if (x !== 0) {
    e = Math.floor(Math.log10(Math.abs(x)));
    // The estimate of the exponent may be one off either way; the digits tell.
    for (;;) {
      const n = scaled(x, BigInt(d - e));
      const s = n.toString();
      if (s.length > d + 1) e++;
      else if (s.length < d + 1) e--;
      else {
        digits = s;
        break;
      }
    }
  }
  const mantissa = d === 0 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const exp = String(Math.abs(e)).padStart(2, "0");
  return `${sign(x)}${mantissa}e${e < 0 ? "-" : "+"}${exp}`;
}

/** Drops trailing zeros, leaving one after the point (or, with none, all but the first digit). */
function compactText(s: string): string {
  let end = s.length;
  while (s[end - 1] === "0") end--;
  if (s[end - 1] === ".") end++;
  return s.slice(0, end);
}

const POW10 = [
  1,
  1e1,
  1e2,
  1e3,
  1e4,
  1e5,
  1e6,
  1e7,
  1e8,
  1e9,
  1e10,
  1e11,
  1e12,
  1e13,
  1e14,
  1e15,
  1e16,
  1e17,
  1e18,
];

/** `{decimals, D}`, as BEAM's `sys_double_to_chars_fast`. */
export function decimals(x: number, d: number, compact: boolean): string {
  const a = Math.abs(x);
  if (a > 2 ** 53 || d >= 19) {
    const s = fixedExact(x, d);
    return compact ? compactText(s) : s;
  }
  let whole: number, frac: bigint;
  if (d > 0) {
    const p = POW10[d] as number;
    whole = Math.floor(a);
    let f = roundAway((a - whole) * p);
    if (f >= p) {
      whole++;
      f = 0;
    }
    frac = BigInt(f);
  } else {
    whole = roundAway(a);
    frac = 0n;
  }
  const neg = sign(x);
  const s = d > 0
    ? `${neg}${BigInt(whole)}.${frac.toString().padStart(d, "0")}`
    : `${neg}${BigInt(whole)}`;
  return compact && d > 0 ? compactText(s) : s;
}

/** C's `round` of a number no less than 0: halves up (`v - floor(v)` is exact). */
function roundAway(v: number): number {
  const f = Math.floor(v);
  return v - f >= 0.5 ? f + 1 : f;
}

/** The text of `x` under the options `opts` of `float_to_list/2`. */
export function floatToText(x: number, opts: Term): string {
  let kind: "legacy" | "fixed" | "scientific" | "short" = "legacy";
  let digits = 20, compact = false;
  let c = opts;
  for (; c instanceof Cons; c = c.tl) {
    const o = c.hd;
    if (o === "compact") compact = true;
    else if (o === "short") kind = "short";
    else if (Array.isArray(o) && o.length === 2 && typeof o[1] === "number") {
      if (o[0] === "decimals") kind = "fixed";
      else if (o[0] === "scientific") kind = "scientific";
      else return badarg();
      digits = o[1];
    } else return badarg();
  }
  if (c !== null) return badarg();
  let s: string;
  if (kind === "fixed") {
    if (digits < 0 || digits > 253) return badarg();
    s = decimals(x, digits, compact);
  } else if (kind === "short") s = writeTerm(float(x));
  else {
    if (digits < 0 || digits > 249) return badarg();
    s = scientific(x, digits);
  }
  return s.length > MAX_LENGTH ? badarg() : s;
}
