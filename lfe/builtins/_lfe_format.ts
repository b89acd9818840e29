/**
 * The control sequences of LFE's `lfe_io:format`, each giving the deep character list that
 * `lfe_io_format` builds for it: `~w` is `lfe_io:print1` in its field, `~p` the pretty printer,
 * `~s` the characters of its argument, numbers as strings with their prefixes and fields.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { atomName, Float, type Term } from "../../runtime/terms.ts";
import { chardataToString } from "./_chardata.ts";
import {
  charsRun,
  codes,
  cons,
  type Deep,
  type DeepItem,
  flatLength,
  flatText,
  termDeep,
} from "./_deep.ts";
import { floatE, floatF, floatG, integerDigits } from "./_format_numbers.ts";
import { prettyLfeDeep } from "./_lfe_pretty.ts";
import { lfeWrite } from "./_lfe_write.ts";

/** A control sequence of `lfe_io:format` with its arguments and field. */
export interface LfeSpec {
  c: string;
  args: Term[];
  width: number | null;
  left: boolean;
  prec: number | null;
  pad: Term;
}

function bad(): never {
  return raiseError("badarg");
}

function isInteger(t: Term): t is number | bigint {
  return (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
}

function chars(c: Term, n: number): DeepItem[] {
  return typeof c === "number" && Number.isInteger(c) && c >= 0 ? charsRun(c, n) : bad();
}

/** `adjust/3`: the padding, if any, on the side the field asks for. */
function adjust(data: Deep, pad: DeepItem[], left: boolean): Deep {
  if (pad.length === 0) return data;
  return left ? [data, pad] : [pad, data];
}

function flatTrunc(d: Deep, n: number): Deep {
  return codes(flatText(d)).slice(0, n);
}

/** `write/5`: a term's characters cut to the precision, then fitted to the field. */
function write(t: Deep, s: LfeSpec, width = s.width, prec = s.prec): Deep {
  if (width === null && prec === null) return t;
  const n = flatLength(t);
  if (prec !== null && prec < n) return write1(flatTrunc(t, prec), width, prec, s);
  return write1(t, width, n, s);
}

function write1(t: Deep, width: number | null, n: number, s: LfeSpec): Deep {
  if (width === null || width === n) return t;
  if (width < n) return chars(42, width);
  return adjust(t, chars(s.pad, width - n), s.left);
}

/** `string/5`: the characters cut to the precision, then to or out to the field. */
function string(str: Deep, s: LfeSpec): Deep {
  const { width, prec } = s;
  if (width === null && prec === null) return str;
  const n = flatLength(str);
  if (prec !== null && prec < n) return string1(flatTrunc(str, prec), prec, s);
  return string1(str, n, s);
}

function string1(str: Deep, n: number, s: LfeSpec): Deep {
  const w = s.width;
  if (w === null || w === n) return str;
  if (w < n) return flatTrunc(str, w);
  return adjust(str, chars(s.pad, w - n), s.left);
}

function char(c: number, s: LfeSpec): Deep {
  const { width, prec } = s;
  if (width === null && prec === null) return [c];
  if (prec === null) return chars(c, width as number);
  if (width === null) return chars(c, prec);
  return width >= prec ? adjust(chars(c, prec), chars(s.pad, width - prec), s.left) : bad();
}

/** A float in the `e` form: the mantissa as one list, the exponent's characters after it. */
function floatEDeep(x: number, p: number): Deep {
  const text = floatE(x, p, false);
  const at = text.indexOf("e");
  const mantissa = text.startsWith("-") ? text.slice(1, at) : text.slice(0, at);
  const out: DeepItem[] = text.startsWith("-") ? [45, mantissa] : [mantissa];
  return [...out, ...codes(text.slice(at))];
}

function float(s: LfeSpec, x: number): Deep {
  const [form, prec] = s.c === "g" ? floatG(x, s.prec ?? 6) : [s.c, s.prec ?? 6];
  const text = form === "e" ? floatEDeep(x, prec) : floatF(x, prec, false);
  return s.width === null ? text : write(text, s, s.width, s.width);
}

const PREFIXES: Record<number, string> = { 2: "b", 8: "o", 10: "d", 16: "x" };

/** `base_prefix/2`: `#x`, `#B`, or `#36r` for a base without a letter. */
function basePrefix(base: number, lower: boolean): Deep {
  const letter = PREFIXES[base];
  if (letter !== undefined) return "#" + (lower ? letter : letter.toUpperCase());
  return [35, String(base), lower ? 114 : 82];
}

function integer(s: LfeSpec, a: Term, b: Term): Deep {
  if (!isInteger(a)) return bad();
  const base = s.prec ?? 10;
  const lower = s.c === "b" || s.c === "x" || s.c === "+";
  const [sign, digits] = integerDigits(a, base, lower);
  let prefix: Deep | undefined;
  if (s.c === "x" || s.c === "X") {
    prefix = typeof b === "string" || typeof b === "boolean" ? atomName(b) : termDeep(b) ?? bad();
  } else if (s.c === "+" || s.c === "#") prefix = basePrefix(base, s.c === "+");
  const body: Deep = prefix === undefined ? sign + digits : cons(prefix, digits);
  return write(sign === "" || prefix === undefined ? body : cons(45, body), s, s.width, null);
}

/**
 * The characters of one control sequence, as `lfe_io_format:control/7` builds them; `col` is
 * the column it starts in, which `~p` indents from.
 */
export function lfeControl(s: LfeSpec, col: number): Deep {
  const [a, b] = s.args as [Term, Term];
  switch (s.c) {
    case "w":
    case "W":
      return write(lfeWrite(a, s.c === "W" ? (isInteger(b) ? Number(b) : bad()) : -1), s);
    case "p":
    case "P": {
      const depth = s.c === "P" ? (isInteger(b) ? Number(b) : bad()) : -1;
      if (s.left) bad();
      return prettyLfeDeep(a, depth, s.prec ?? col, s.width ?? 80);
    }
    case "s":
      return string(codes(chardataToString(a, true)), s);
    case "e":
    case "f":
    case "g":
      return a instanceof Float ? float(s, a.value) : bad();
    case "b":
    case "B":
    case "x":
    case "X":
    case "+":
    case "#":
      return integer(s, a, b);
    case "c":
      return isInteger(a) ? char(Number(a), s) : bad();
    case "~":
      return char(126, s);
    case "n":
      return s.width === null ? "\n" : chars(10, s.width);
    default: // ~i
      return [];
  }
}
