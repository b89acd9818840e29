/**
 * The rest of `string` as OTP 25 has it: the Unicode functions that walk a text by code point
 * or grapheme cluster (`next_codepoint`, `next_grapheme`, `to_graphemes`, `take`, `chomp`,
 * `nth_lexeme`, `casefold`, `titlecase`, `equal/3,4`), and the old list functions (`chr`, `span`,
 * `strip`, `left`, `centre`, `sub_word`, `words`, ...), each with OTP's answers and errors.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { clusters, codePointsOf, make, part, Scanner, separators, textOf } from "./_string_text.ts";
import { functionClause as fc, mustArray } from "./_util.ts";

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** A cluster as OTP gives it: one code point as itself, more as their list. */
function cluster(c: readonly number[]): Term {
  return c.length === 1 ? c[0] as number : arrayToList(c as number[]);
}

/**
 * The character data `t` without its first `n` code points, keeping its shape: a list keeps
 * the rest of its cells, a binary the rest of its bytes.
 */
function dropCodePoints(t: Term, n: number): Term {
  if (n === 0) return t;
  if (t instanceof Uint8Array) {
    const s = utf8.decode(t);
    let i = 0;
    for (const ch of s) {
      if (n === 0) break;
      i += ch.length;
      n--;
    }
    return encoder.encode(s.slice(i));
  }
  let c: Term = t;
  while (n > 0 && c instanceof Cons) {
    const h = c.hd;
    if (typeof h === "number") {
      c = c.tl;
      n--;
      continue;
    }
    const inner = codePointsOf(h)?.length ?? 0;
    if (inner <= n) {
      c = c.tl;
      n -= inner;
      continue;
    }
    const rest = dropCodePoints(h, n);
    return new Cons(rest, c.tl);
  }
  return c;
}

function nextCodepoint(s: Term): Term {
  const cps = codePointsOf(s);
  if (cps === undefined) return fc();
  if (cps.length === 0) return null;
  return new Cons(cps[0] as number, dropCodePoints(s, 1));
}

function nextGrapheme(s: Term): Term {
  const cps = codePointsOf(s);
  if (cps === undefined) return fc();
  if (cps.length === 0) return null;
  const first = clusters(cps)[0] as number[];
  return new Cons(cluster(first), dropCodePoints(s, first.length));
}

function toGraphemes(s: Term): Term {
  return arrayToList(clusters(textOf(s).cps).map(cluster));
}

function chomp(s: Term): Term {
  const t = textOf(s);
  let end = t.cps.length;
  while (end > 0 && t.cps[end - 1] === 10) {
    end--;
    if (end > 0 && t.cps[end - 1] === 13) end--;
  }
  return part(t, 0, end);
}

/** `take/2,3,4`: the longest run of clusters in `chars` (or not, `complement`) at one end. */
function take(s: Term, chars: Term, complement: Term = false, dir: Term = "leading"): Term {
  if (typeof complement !== "boolean") return fc();
  if (dir !== "leading" && dir !== "trailing") return fc();
  const set = clusters(codePointsOf(chars) ?? fc()).map((c) => c.join(","));
  const t = textOf(s);
  const cs = clusters(t.cps);
  const inSet = (c: number[]) => set.includes(c.join(",")) !== complement;
  if (dir === "leading") {
    let k = 0, n = 0;
    while (k < cs.length && inSet(cs[k] as number[])) n += (cs[k++] as number[]).length;
    return [part(t, 0, n), part(t, n)];
  }
  let k = cs.length, n = t.cps.length;
  while (k > 0 && inSet(cs[k - 1] as number[])) n -= (cs[--k] as number[]).length;
  return [part(t, 0, n), part(t, n)];
}

function nthLexeme(s: Term, n: Term, seps: Term): Term {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) return fc();
  const t = textOf(s);
  const lexemes = new Scanner(t.cps).runs(separators(seps)).filter((r) => !r[2]);
  const r = lexemes[n - 1];
  return r === undefined ? make(t.binary, []) : part(t, r[0], r[1]);
}

function str(cps: readonly number[]): string {
  let s = "";
  for (const c of cps) s += String.fromCodePoint(c);
  return s;
}

function cps(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** Full case folding: what the upper case of a character is in lower case (`ß` is `ss`). */
function fold(s: string): string {
  let out = "";
  for (const ch of s) out += ch.toUpperCase().toLowerCase();
  return out;
}

function casefold(s: Term): Term {
  const t = textOf(s);
  return make(t.binary, cps(fold(str(t.cps))));
}

// Characters whose title case is not their upper case.
const TITLE: Record<number, number[]> = {
  0x1c4: [0x1c5],
  0x1c5: [0x1c5],
  0x1c6: [0x1c5],
  0x1c7: [0x1c8],
  0x1c8: [0x1c8],
  0x1c9: [0x1c8],
  0x1ca: [0x1cb],
  0x1cb: [0x1cb],
  0x1cc: [0x1cb],
  0x1f1: [0x1f2],
  0x1f2: [0x1f2],
  0x1f3: [0x1f2],
  0xdf: [0x53, 0x73],
};

function titlecase(s: Term): Term {
  const t = textOf(s);
  if (t.cps.length === 0) return s;
  const first = t.cps[0] as number;
  const title = TITLE[first] ?? cps(String.fromCodePoint(first).toUpperCase());
  return make(t.binary, [...title, ...t.cps.slice(1)]);
}

const NORMS: Record<string, string> = { nfc: "NFC", nfd: "NFD", nfkc: "NFKC", nfkd: "NFKD" };

function equal(a: Term, b: Term, ignoreCase: Term = false, norm: Term = "none"): boolean {
  if (typeof ignoreCase !== "boolean") return fc();
  // OTP calls unicode:characters_to_<Norm>_list/1, which is not there for another name.
  if (norm !== "none" && !(typeof norm === "string" && Object.hasOwn(NORMS, norm))) {
    return raiseError("undef");
  }
  let x = str(textOf(a).cps), y = str(textOf(b).cps);
  if (norm !== "none") {
    x = x.normalize(NORMS[norm as string] as string);
    y = y.normalize(NORMS[norm as string] as string);
  }
  if (ignoreCase) {
    x = fold(x);
    y = fold(y);
  }
  return x === y;
}

// ---- The old list functions ----

function chars(l: Term): Term[] {
  return mustArray(l, "function_clause");
}

function chr(s: Term, c: Term, last: boolean): number {
  if (typeof c !== "number" || !Number.isInteger(c)) return fc();
  const xs = chars(s);
  if (last) return xs.lastIndexOf(c) + 1;
  return xs.indexOf(c) + 1;
}

function span(s: Term, cs: Term, inSet: boolean): number {
  const set = chars(cs);
  const xs = chars(s);
  let i = 0;
  while (i < xs.length && set.includes(xs[i] as Term) === inSet) i++;
  return i;
}

function strip(s: Term, dir: Term = "both", ch: Term = 32): Term {
  if (dir !== "both" && dir !== "left" && dir !== "right") return fc();
  if (typeof ch !== "number") return fc();
  const xs = chars(s);
  let from = 0, to = xs.length;
  if (dir !== "right") { while (from < to && xs[from] === ch) from++; }
  if (dir !== "left") { while (to > from && xs[to - 1] === ch) to--; }
  return arrayToList(xs.slice(from, to));
}

/** A list's characters as `length/1` takes them: `badarg` for anything else. */
function measured(l: Term): Term[] {
  return mustArray(l, "badarg");
}

function fill(n: number, c: Term): Term[] {
  return new Array<Term>(n).fill(c);
}

function left(s: Term, len: Term, c: Term = 32): Term {
  if (typeof c !== "number" || typeof len !== "number") return fc();
  const xs = measured(s);
  if (xs.length > len) return arrayToList(xs.slice(0, len));
  return arrayToList([...xs, ...fill(len - xs.length, c)]);
}

function right(s: Term, len: Term, c: Term = 32): Term {
  if (typeof c !== "number" || typeof len !== "number") return fc();
  const xs = measured(s);
  if (xs.length > len) return arrayToList(xs.slice(xs.length - len));
  return arrayToList([...fill(len - xs.length, c), ...xs]);
}

function centre(s: Term, len: Term, c: Term = 32): Term {
  if (len === 0) return null;
  if (typeof c !== "number" || typeof len !== "number") return fc();
  const xs = measured(s);
  if (xs.length > len) {
    const from = Math.floor((xs.length - len) / 2);
    return arrayToList(xs.slice(from, from + len));
  }
  const n = Math.floor((len - xs.length) / 2);
  return arrayToList([...fill(n, c), ...xs, ...fill(len - (xs.length + n), c)]);
}

/** The words of `s` between runs of `c`. */
function wordsOf(s: Term, c: Term): Term[][] {
  if (typeof c !== "number" || !Number.isInteger(c)) return fc();
  const out: Term[][] = [];
  let cur: Term[] | null = null;
  for (const x of chars(s)) {
    if (x === c) cur = null;
    else {
      if (cur === null) out.push(cur = []);
      cur.push(x);
    }
  }
  return out;
}

function subWord(s: Term, n: Term, c: Term = 32): Term {
  if (typeof n !== "number" || !Number.isInteger(n)) return fc();
  const ws = wordsOf(s, c);
  // As OTP's walk: an index below 1 finds nothing to walk in an empty string, and no clause
  // in another.
  if (n < 1) return ws.length === 0 ? null : fc();
  const w = ws[n - 1];
  return w === undefined ? null : arrayToList(w);
}

function words(s: Term, c: Term = 32): number {
  return Math.max(1, wordsOf(s, c).length);
}

function subString(s: Term, start: Term, stop?: Term): Term {
  const xs = chars(s);
  const end = stop === undefined ? xs.length : stop;
  if (typeof start !== "number" || start < 1 || typeof end !== "number") return fc();
  const len = end - start + 1;
  if (len < 0 || start > xs.length + 1) return fc();
  return arrayToList(xs.slice(start - 1, start - 1 + len));
}

/** `list_to_integer/1` and `list_to_float/1`: `string:to_integer` and `to_float` on lists. */
function listTo(toNumber: (s: Term) => Term): (s: Term) => Term {
  return (s: Term) => s === null || s instanceof Cons ? toNumber(s) : ["error", "not_a_list"];
}

/** The functions, by `name/arity`; `to_integer` and `to_float` come from the caller. */
export function moreString(toInteger: (s: Term) => Term, toFloat: (s: Term) => Term) {
  const fns: ModuleFunctions = {
    "next_codepoint/1": nextCodepoint,
    "next_grapheme/1": nextGrapheme,
    "to_graphemes/1": toGraphemes,
    "chomp/1": chomp,
    "take/2": (s: Term, c: Term) => take(s, c),
    "take/3": (s: Term, c: Term, comp: Term) => take(s, c, comp),
    "take/4": take,
    "nth_lexeme/3": nthLexeme,
    "casefold/1": casefold,
    "titlecase/1": titlecase,
    "equal/3": (a: Term, b: Term, i: Term) => equal(a, b, i),
    "equal/4": equal,
    "chr/2": (s: Term, c: Term) => chr(s, c, false),
    "rchr/2": (s: Term, c: Term) => chr(s, c, true),
    "span/2": (s: Term, cs: Term) => span(s, cs, true),
    "cspan/2": (s: Term, cs: Term) => span(s, cs, false),
    "strip/1": (s: Term) => strip(s),
    "strip/2": (s: Term, d: Term) => strip(s, d),
    "strip/3": strip,
    "left/2": (s: Term, n: Term) => left(s, n),
    "left/3": left,
    "right/2": (s: Term, n: Term) => right(s, n),
    "right/3": right,
    "centre/2": (s: Term, n: Term) => centre(s, n),
    "centre/3": centre,
    "sub_word/2": (s: Term, n: Term) => subWord(s, n),
    "sub_word/3": subWord,
    "words/1": (s: Term) => words(s),
    "words/2": words,
    "sub_string/2": (s: Term, a: Term) => subString(s, a),
    "sub_string/3": subString,
    "list_to_integer/1": listTo(toInteger),
    "list_to_float/1": listTo(toFloat),
  };
  return fns;
}
