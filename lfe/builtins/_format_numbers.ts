/**
 * Numbers for the format engine: floats in the `~e`, `~f` and `~g` forms and integers in any
 * base from 2 to 36, as `io_lib_format` and `lfe_io_format` write them. The digits of a float
 * are its 21 significant digits (C's `%.20e`, as `float_to_list/1`), rounded half up.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";

/** `-` when the float's sign is set; LFE writes no sign for `-0.0`, Erlang does. */
function sign(x: number, erlang: boolean): string {
  return x < 0 || (erlang && Object.is(x, -0)) ? "-" : "";
}

/** The 21 significant digits of `|x|` and its exponent plus one, as `float_data/1`. */
function floatData(x: number): [string, number] {
  const [m = "", e = "0"] = Math.abs(x).toExponential(20).split("e");
  return [m.replace(".", ""), Number(e) + 1];
}

/**
 * `i` digits, a point and `dc` decimals of the digits `ds`, rounded half up on the next digit;
 * and whether the rounding carried out of the first digit.
 */
function floatMan(ds: string, i: number, dc: number): [string, boolean] {
  const need = i + dc;
  const digits = [...ds.slice(0, need).padEnd(need, "0")].map(Number);
  let carry = (ds[need] ?? "0") >= "5";
  for (let k = need - 1; k >= 0 && carry; k--) {
    if (digits[k] === 9) digits[k] = 0;
    else {
      digits[k] = (digits[k] as number) + 1;
      carry = false;
    }
  }
  const s = digits.join("");
  return [s.slice(0, i) + "." + s.slice(i), carry];
}

/** `~e`: one digit, `p - 1` decimals and an exponent (`3.14159e+0`). */
export function floatE(x: number, p: number, erlang: boolean): string {
  if (!(p >= 2)) raiseError("badarg");
  const [ds, e] = floatData(x);
  const [fs, carry] = floatMan(ds, 1, p - 1);
  const exp = carry ? e : e - 1;
  return sign(x, erlang) + (carry ? "1" + fs.slice(1) : fs) + (exp >= 0 ? "e+" : "e") + exp;
}

/** `~f`: `p` decimals (`3.141590`). */
export function floatF(x: number, p: number, erlang: boolean): string {
  if (!(p >= 1)) raiseError("badarg");
  let [ds, e] = floatData(x);
  if (e <= 0) {
    ds = "0".repeat(-e + 1) + ds;
    e = 1;
  }
  const [fs, carry] = floatMan(ds, e, p);
  return sign(x, erlang) + (carry ? "1" + fs : fs);
}

/**
 * `~g`: `p` significant digits, in the `f` form from 0.1 up to 10000 and the `e` form
 * otherwise. Returns which form and its precision, for the caller to pad.
 */
export function floatG(x: number, p: number): ["e" | "f", number] {
  if (!(p >= 1)) raiseError("badarg");
  const a = Math.abs(x);
  const e = a < 0.1
    ? -2
    : a < 1
    ? -1
    : a < 10
    ? 0
    : a < 100
    ? 1
    : a < 1000
    ? 2
    : a < 1e4
    ? 3
    : Infinity;
  if ((p <= 1 && e === -1) || (p - 1 > e && e >= -1)) return ["f", p - 1 - e];
  return ["e", p <= 1 ? 2 : p];
}

/** The digits of an integer in `base` (2 to 36), upper or lower case, after any `-`. */
export function integerDigits(n: number | bigint, base: number, lower: boolean): [string, string] {
  if (!(Number.isInteger(base) && base >= 2 && base <= 36)) raiseError("badarg");
  const neg = n < 0;
  const abs = typeof n === "bigint" ? (neg ? -n : n) : Math.abs(n);
  const s = abs.toString(base);
  return [neg ? "-" : "", lower ? s : s.toUpperCase()];
}

/** The prefix of `~+` and `~#`: `16#` in Erlang, `#x` (or `#X`, `#36r`) in LFE. */
export function basePrefix(base: number, lower: boolean, erlang: boolean): string {
  if (erlang) return `${base}#`;
  const known: Record<number, string> = { 2: "b", 8: "o", 10: "d", 16: "x" };
  const c = known[base] ?? `${base}r`;
  return "#" + (lower ? c : c.toUpperCase());
}
