/**
 * The format engine of `io:format`, `io_lib:format` and `lfe_io:format`: the control sequences
 * `~n ~p ~P ~w ~W ~s ~b ~B ~x ~X ~# ~+ ~e ~f ~g ~c ~i ~~`, each with a field width, a
 * precision and a pad character (`~-10s`, `~5.2f`, `~10.3.0w`, `~*s`), as Erlang/OTP 25 and LFE
 * define them.
 *
 * The two styles differ as `io_lib_format` and `lfe_io_format` do. `erlang` writes terms in
 * Erlang syntax (`{ping,<0.41.0>}`), takes the `t` and `l` modifiers, reads `~s` as Latin-1
 * unless `~ts`, and writes `~.16+` as `16#ff`. `lfe` writes terms in LFE syntax
 * (`#(ping <0.41.0>)`), knows no modifiers, reads `~s` as Unicode, writes `~.16+` as `#xff`, and
 * truncates a number that does not fit its field rather than filling it with `*`. Neither has
 * `~a`. A bad format, a missing or extra argument, or an argument of the wrong type raises
 * `badarg`, as both do.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { writeTerm } from "../../runtime/print_term.ts";
import { Cons, Float, type Term } from "../../runtime/terms.ts";
import { chardataToString, erlChars } from "./_chardata.ts";
import { prettyErlang, prettyErlangDeep } from "./_erl_pretty.ts";
import { codePoints, type Encoding, writeErlang } from "./_erl_write.ts";
import { basePrefix, floatE, floatF, floatG, integerDigits } from "./_format_numbers.ts";
import { codes, type Deep, type DeepItem, flatText } from "./_deep.ts";
import { erlStringChars, erlStringField, erlTermField, writeErlangDeep } from "./_erl_deep.ts";
import { lfeControl } from "./_lfe_format.ts";

/** Whose rules to format by: Erlang's `io_lib:format` or LFE's `lfe_io:format`. */
export type FormatStyle = "erlang" | "lfe";

/** One control sequence with its arguments. */
export interface Spec {
  c: string;
  args: Term[];
  width: number | null;
  left: boolean;
  prec: number | null;
  pad: Term;
  enc: Encoding;
  strings: boolean;
}

/**
 * Formats `args` (a list of terms) by `format` (a character list, a binary, or in the `erlang`
 * style an atom) and returns the text.
 *
 * @example
 * ```ts
 * import { formatToString } from "./format.ts";
 * import { charlist, float, list } from "../../runtime/terms.ts";
 * const args = list(["ping", list(1, 2)], float(3.14159));
 * formatToString(charlist("~p ~.2f~n"), args, "erlang"); // "{ping,[1,2]} 3.14\n"
 * formatToString(charlist("~p ~.2f~n"), args, "lfe"); // "#(ping (1 2)) 3.14\n"
 * ```
 */
export function formatToString(format: Term, args: Term, style: FormatStyle): string {
  return flatText(formatDeep(format, args, style));
}

/**
 * What {@linkcode formatToString} writes, as the deep character list `io_lib:format/2` or
 * `lfe_io:format1/2` returns: the format's characters one by one, and each control sequence's
 * characters as they build them (in Erlang, those of `~s` of a list, `~w`, `~p` and their
 * kin as a list; the others' characters one by one).
 *
 * @example
 * ```ts
 * import { formatDeep } from "./format.ts";
 * import { charlist, list } from "../../runtime/terms.ts";
 * formatDeep(charlist("~w-~w"), list(1, 2), "lfe"); // ["1", 45, "2"]
 * ```
 */
export function formatDeep(format: Term, args: Term, style: FormatStyle): DeepItem[] {
  return buildItems(scan(formatChars(format, style), properList(args), style), style);
}

/** The text and control sequences of an Erlang format, each with its arguments. */
export function scanFormat(format: Term, args: Term): FormatItem[] {
  return scan(formatChars(format, "erlang"), properList(args), "erlang");
}

/** A piece of a scanned format: a character, or a control sequence with its arguments. */
export type FormatItem = string | Spec;

/** What the items of a scanned format write, as {@linkcode formatDeep} gives it. */
export function buildItems(items: FormatItem[], style: FormatStyle): DeepItem[] {
  const out: DeepItem[] = [];
  let col = 0;
  for (const item of items) {
    if (typeof item === "string") {
      out.push(item.codePointAt(0) as number);
      col = indentation(item, col);
      continue;
    }
    let d: Deep;
    if (style === "lfe") d = lfeControl(item, col);
    else if (item.c === "w" || item.c === "W") {
      const depth = item.c === "W"
        ? (isInteger(item.args[1] as Term) ? Number(item.args[1]) : bad())
        : -1;
      d = erlTermField(writeErlangDeep(item.args[0] as Term, depth, item.enc), item);
    } else if (item.c === "p" || item.c === "P") {
      const depth = item.c === "P"
        ? (isInteger(item.args[1] as Term) ? Number(item.args[1]) : bad())
        : -1;
      if (item.left) bad();
      d = prettyErlangDeep(item.args[0] as Term, {
        column: item.prec ?? col + 1,
        lineLength: item.width ?? 80,
        encoding: item.enc,
        depth,
        strings: item.strings,
      });
    } else if (item.c === "s" && !isSmall(item)) {
      d = erlStringField(erlStringChars(item.args[0] as Term, item.enc), item);
    } else {
      const text = control(item, col, style);
      // io_lib_format splices the characters of the controls it calls small into the list.
      if (isSmall(item)) {
        out.push(...codes(text));
        col = indentation(text, col);
        continue;
      }
      d = text;
    }
    out.push(d);
    col = indentation(flatText(d), col);
  }
  return out;
}

/** Whether `io_lib_format` builds a control sequence at once, flattened into the list. */
function isSmall(s: Spec): boolean {
  if (s.c === "s") return typeof s.args[0] === "string" || typeof s.args[0] === "boolean";
  return !"wWpP".includes(s.c);
}

function bad(): never {
  return raiseError("badarg");
}

function properList(t: Term): Term[] {
  const out: Term[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) out.push(c.hd);
  return c === null ? out : bad();
}

function formatChars(f: Term, style: FormatStyle): number[] {
  if (f instanceof Uint8Array) return [...f];
  if (typeof f === "string" && style === "erlang") return codePoints(f);
  if (typeof f === "boolean" && style === "erlang") return codePoints(String(f));
  const out = properList(f);
  return out.every(isChar) ? out as number[] : bad();
}

function isChar(c: Term): boolean {
  return typeof c === "number" && c >= 0 && c <= 0x10ffff;
}

/** The column after writing `s` from column `col`, with tabs every 8 columns. */
function indentation(s: string, col: number): number {
  for (const ch of s) col = ch === "\n" ? 0 : ch === "\t" ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}

/** How many arguments each control character takes. */
const ARGS: Record<string, number> = {
  ...Object.fromEntries([..."wpsefgbB+#ci"].map((c) => [c, 1])),
  ...{ W: 2, P: 2, x: 2, X: 2, "~": 0, n: 0 },
};

/** Splits a format into text and control sequences, taking each one's arguments. */
function scan(fmt: number[], args: Term[], style: FormatStyle): (string | Spec)[] {
  const items: (string | Spec)[] = [];
  let i = 0;
  let a = 0;
  const next = (): Term => a < args.length ? args[a++] as Term : bad();
  // A number of digits, or `*` for the next argument when it is an integer.
  const digit = (k: number) => (fmt[k] ?? -1) >= 48 && (fmt[k] ?? -1) <= 57;
  const value = (): number | null => {
    if (fmt[i] === 42 && a < args.length && isInteger(args[a] as Term)) {
      i++;
      return Number(next());
    }
    if (!digit(i)) return null;
    let n = 0;
    while (digit(i)) n = n * 10 + (fmt[i++] as number) - 48;
    return n;
  };
  while (i < fmt.length) {
    const ch = fmt[i++] as number;
    if (ch !== 126) {
      items.push(String.fromCodePoint(ch));
      continue;
    }
    let width: number | null;
    let left = false;
    if (fmt[i] === 45) {
      i++;
      const f = value() ?? bad();
      [width, left] = f > 0 ? [f, true] : [-f, false];
    } else {
      width = value();
      if (width !== null && width < 0) [width, left] = [-width, true];
    }
    let prec: number | null = null;
    if (fmt[i] === 46) {
      i++;
      prec = value();
      if (prec !== null && prec < 0 && style === "erlang") bad();
    }
    let pad: Term = 32;
    if (fmt[i] === 46 && fmt[i + 1] === 42 && a < args.length) {
      i += 2;
      pad = next();
    } else if (fmt[i] === 46 && i + 1 < fmt.length) {
      pad = fmt[i + 1] as number;
      i += 2;
    }
    let enc: Encoding = "latin1";
    let strings = true;
    for (; style === "erlang" && (fmt[i] === 116 || fmt[i] === 108); i++) {
      if (fmt[i] === 116) enc = "unicode";
      else strings = false;
    }
    const c = i < fmt.length ? String.fromCodePoint(fmt[i++] as number) : bad();
    const n = ARGS[c] ?? bad();
    const taken: Term[] = [];
    for (let k = 0; k < n; k++) taken.push(next());
    items.push({ c, args: taken, width, left, prec, pad, enc, strings });
  }
  return a === args.length ? items : bad();
}

function isInteger(t: Term): t is number | bigint {
  return (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
}

function chars(c: Term, n: number): string {
  return isChar(c) ? String.fromCodePoint(c as number).repeat(Math.max(0, n)) : bad();
}

function adjust(data: string, pad: string, left: boolean): string {
  return left ? data + pad : pad + data;
}

function truncate(s: string, n: number): string {
  return codePoints(s).slice(0, n).map((c) => String.fromCodePoint(c)).join("");
}

/** Erlang's `term/6`: a term's text in its field; `*`s when it does not fit. */
function erlField(t: string, s: Spec, width = s.width, prec = s.prec): string {
  if (width === null && prec === null) return t;
  if (width === null) width = prec;
  const w = width as number;
  const len = codePoints(t).length;
  const p = Math.min(len, prec === null ? w : Math.min(prec, w));
  if (len > p) return adjust(chars(42, p), chars(s.pad, w - p), s.left);
  return adjust(t, chars(s.pad, w - len), s.left);
}

/** LFE's `write/5`: a term's text cut to the precision, then fitted to its field. */
function lfeField(t: string, s: Spec, width = s.width, prec = s.prec): string {
  if (width === null && prec === null) return t;
  let n = codePoints(t).length;
  if (prec !== null && prec < n) [t, n] = [truncate(t, prec), prec];
  if (width === null) return t;
  if (width < n) return chars(42, width);
  return adjust(t, chars(s.pad, width - n), s.left);
}

function field(t: string, s: Spec, style: FormatStyle, width = s.width, prec = s.prec): string {
  return style === "erlang" ? erlField(t, s, width, prec) : lfeField(t, s, width, prec);
}

/** A string in its field: Erlang pads to the precision first, LFE only cuts to it. */
function stringField(str: string, s: Spec, style: FormatStyle): string {
  const { width, prec } = s;
  const n = codePoints(str).length;
  const pad = (k: number) => chars(s.pad, k);
  if (style === "lfe") {
    if (prec !== null && prec < n) return fit(truncate(str, prec), prec, width, s.left, pad);
    return fit(str, n, width, s.left, pad);
  }
  if (width === null && prec === null) return str;
  if (prec === null) return fit(str, n, width, s.left, pad);
  if (width === null) return fit(str, n, prec, true, pad);
  if (width < prec) bad();
  if (width === prec) return fit(str, n, width, s.left, pad);
  const inner = n > prec ? truncate(str, prec) : str + pad(prec - n);
  return adjust(inner, pad(width - prec), s.left);
}

function fit(
  str: string,
  n: number,
  width: number | null,
  left: boolean,
  pad: (k: number) => string,
) {
  if (width === null || width === n) return str;
  return width < n ? truncate(str, width) : adjust(str, pad(width - n), left);
}

/** The text of one control sequence, written from column `col`. */
function control(s: Spec, col: number, style: FormatStyle): string {
  const erl = style === "erlang";
  const [a, b] = s.args as [Term, Term];
  switch (s.c) {
    case "w":
    case "W": {
      const depth = s.c === "W" ? (isInteger(b) ? Number(b) : bad()) : -1;
      return field(erl ? writeErlang(a, depth, s.enc) : writeTerm(a, { depth }), s, style);
    }
    case "p":
    case "P": {
      const depth = s.c === "P" ? (isInteger(b) ? Number(b) : bad()) : -1;
      if (s.left) bad();
      const ll = s.width ?? 80;
      const options = { column: s.prec ?? col + 1, lineLength: ll, encoding: s.enc };
      return prettyErlang(a, { ...options, depth, strings: s.strings });
    }
    case "s":
      return stringField(erl ? erlChars(a, s.enc) : chardataToString(a, true), s, style);
    case "e":
    case "f":
    case "g":
      return floatControl(s, a, style);
    case "b":
    case "B":
    case "x":
    case "X":
    case "+":
    case "#":
      return integerControl(s, a, b, style);
    case "c": {
      if (!isInteger(a)) bad();
      return charControl(erl && s.enc === "latin1" ? Number(a) & 255 : Number(a), s);
    }
    case "~":
      return charControl(126, s);
    case "n":
      if (s.width === null) return "\n";
      return erl && s.left ? bad() : "\n".repeat(s.width);
    default: // ~i
      return "";
  }
}

function charControl(c: number, s: Spec): string {
  if (s.width === null) return chars(c, s.prec ?? 1);
  if (s.prec === null) return chars(c, s.width);
  return s.width >= s.prec
    ? adjust(chars(c, s.prec), chars(s.pad, s.width - s.prec), s.left)
    : bad();
}

function floatControl(s: Spec, a: Term, style: FormatStyle): string {
  if (!(a instanceof Float)) return bad();
  const erl = style === "erlang";
  const [form, prec] = s.c === "g" ? floatG(a.value, s.prec ?? 6) : [s.c, s.prec ?? 6];
  const text = form === "e" ? floatE(a.value, prec, erl) : floatF(a.value, prec, erl);
  return s.width === null ? text : field(text, s, style, s.width, s.width);
}

function integerControl(s: Spec, a: Term, prefix: Term, style: FormatStyle): string {
  if (!isInteger(a)) return bad();
  const base = s.prec ?? 10;
  const lower = s.c === "b" || s.c === "x" || s.c === "+";
  const [sign, digits] = integerDigits(a, base, lower);
  let pre = "";
  if (s.c === "x" || s.c === "X") pre = prefixText(prefix);
  else if (s.c === "+" || s.c === "#") pre = basePrefix(base, s.c === "+", style === "erlang");
  return field(sign + pre + digits, s, style, s.width, null);
}

function prefixText(p: Term): string {
  if (typeof p === "string" || typeof p === "boolean") return String(p);
  const out: number[] = [];
  const walk = (t: Term): void => {
    for (; t instanceof Cons; t = t.tl) {
      if (t.hd instanceof Cons || t.hd === null) walk(t.hd);
      else if (isChar(t.hd)) out.push(t.hd as number);
      else bad();
    }
    if (t !== null) bad();
  };
  walk(p);
  return String.fromCodePoint(...out);
}
