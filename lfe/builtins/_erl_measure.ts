/**
 * The first pass of Erlang's pretty printer: a term measured into the parts it is laid out
 * from, as `io_lib_pretty:print_length/5` does in OTP 25, down to a depth. Strings are lists of
 * printable Latin-1 characters (OTP's default printable range); a binary prints as a string
 * when its first characters are printable, UTF-8 ones as `<<"..."/utf8>>` with `~tp`.
 *
 * @module
 */

import { orderedEntries } from "../../runtime/term_order.ts";
import { BitString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import {
  codePoints,
  type Encoding,
  quoteChars,
  writeAtom,
  writeAtomic,
  writeBinary,
} from "./_erl_write.ts";

/** A term measured for layout: text that is written whole, or a compound of measured parts. */
export type Node =
  | { k: "s"; s: string; len: number }
  | { k: "bin"; parts: string[]; len: number }
  | { k: "list" | "tuple" | "map"; tagged: boolean; es: Node[]; end: Node | null; len: number }
  | { k: "pair"; key: Node; val: Node; len: number };

export const DOTS: Node = { k: "s", s: "...", len: 3 };

function leaf(s: string): Node {
  return { k: "s", s, len: codePoints(s).length };
}

/** A character io_lib prints within a string: Latin-1 visible, or \b \t \n \v \f \r \e. */
export function printableLatin1(c: number): boolean {
  return (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c === 27;
}

/** The characters of a flat list of printable Latin-1 characters, or `undefined`. */
function latin1String(l: Cons): number[] | undefined {
  const codes: number[] = [];
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "number" || !printableLatin1(c.hd)) return undefined;
    codes.push(c.hd);
  }
  return c === null ? codes : undefined;
}

/** Measures a term down to depth `d` (never 0), as `io_lib_pretty:print_length/7`. */
export function measure(t: Term, d: number, enc: Encoding, str: boolean): Node {
  if (t === null) return leaf("[]");
  if (typeof t === "string" || typeof t === "boolean") return leaf(writeAtom(t, enc));
  if (t instanceof Cons) {
    const codes = str && d !== 1 ? latin1String(t) : undefined;
    if (codes !== undefined) return leaf(quoteChars(codes, '"', "unicode"));
    const es: Node[] = [];
    let end: Node | null = null;
    let c: Term = t;
    for (let e = d; c !== null; e--) {
      if (e === 1) {
        end = DOTS;
        break;
      }
      if (!(c instanceof Cons)) {
        end = measure(c, e - 1, enc, str);
        break;
      }
      es.push(measure(c.hd, e - 1, enc, str));
      c = c.tl;
    }
    return compound("list", false, es, end, 2);
  }
  if (Array.isArray(t)) {
    if (t.length === 0) return leaf("{}");
    if (d === 1) return leaf("{...}");
    const es: Node[] = [];
    let end: Node | null = null;
    for (let i = 0, e = d; i < t.length; i++, e--) {
      if (e === 1) {
        end = DOTS;
        break;
      }
      es.push(measure(t[i] as Term, e - 1, enc, str));
    }
    const tagged = typeof t[0] === "string" || typeof t[0] === "boolean";
    return compound("tuple", tagged && t.length > 1, es, end, 2);
  }
  if (t instanceof TermMap) {
    if (t.size === 0) return leaf("#{}");
    if (d === 1) return leaf("#{...}");
    const es: Node[] = [];
    let end: Node | null = null;
    const entries = orderedEntries(t);
    for (let i = 0, e = d; i < entries.length; i++, e--) {
      if (e === 1) {
        end = DOTS;
        break;
      }
      const [k, v] = entries[i] as readonly [Term, Term];
      const key = measure(k, d - 1, enc, str);
      const val = measure(v, d - 1, enc, str);
      es.push({ k: "pair", key, val, len: key.len + 4 + val.len });
    }
    return compound("map", false, es, end, 3);
  }
  if (t instanceof Uint8Array) return measureBinary(t, d, enc, str);
  if (t instanceof BitString) {
    if (d === 1) return leaf("<<...>>");
    const bytes = writeBinary(t, d);
    return { k: "bin", parts: bytes.slice(2, -2).split(","), len: codePoints(bytes).length };
  }
  const atomic = writeAtomic(t);
  if (atomic !== undefined) return leaf(atomic);
  throw new TypeError(`Cannot print ${String(t)}: it is not a term`);
}

function compound(
  k: "list" | "tuple" | "map",
  tagged: boolean,
  es: Node[],
  end: Node | null,
  brackets: number,
): Node {
  let len = brackets;
  es.forEach((e, i) => len += e.len + (i > 0 ? 1 : 0));
  if (end !== null) len += end.len + (es.length > 0 ? 1 : 0);
  return { k, tagged, es, end, len };
}

/** The code point of the UTF-8 character at `i` and its length, or `undefined` if invalid. */
function utf8At(b: Uint8Array, i: number): [number, number] | undefined {
  const c = b[i] as number;
  if (c < 0x80) return [c, 1];
  const n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? (c < 0xf0 ? 3 : 0) : c >= 0xc2 ? 2 : 0;
  if (n === 0 || i + n > b.length) return undefined;
  let cp = c & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const x = b[i + k] as number;
    if ((x & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (x & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return [cp, n];
}

/**
 * A binary as a string if its first characters are printable (as many as the depth allows),
 * else as bytes. With `~tp`, UTF-8 beyond ASCII prints as `<<"..."/utf8>>`.
 */
function measureBinary(b: Uint8Array, d: number, enc: Encoding, str: boolean): Node {
  if (b.length === 0) return leaf("<<>>");
  if (d === 1) return leaf("<<...>>");
  const d1 = d - 1;
  const n = d1 >= 0 ? Math.min(4 * d1, b.length) : b.length;
  if (str) {
    const u = enc === "unicode" ? utf8String(b, n, d1) : undefined;
    const text = u === undefined ? latin1Bin(b, n, d1) : u;
    if (text) return leaf(text);
  }
  const bytes = writeBinary(b, d);
  return { k: "bin", parts: bytes.slice(2, -2).split(","), len: codePoints(bytes).length };
}

function latin1Bin(b: Uint8Array, n: number, d1: number): string | undefined {
  let ok = 0;
  while (ok < n && printableLatin1(b[ok] as number)) ok++;
  if (ok === b.length) return `<<${quoteChars(b, '"', "unicode")}>>`;
  if (d1 > 0 && ok >= d1) return `<<${quoteChars(b.subarray(0, ok), '"', "unicode")}...>>`;
  return undefined;
}

// `undefined` when the first characters are not UTF-8 (then the binary is read as Latin-1);
// "" when they are not printable.
function utf8String(b: Uint8Array, n: number, d1: number): string | undefined {
  for (let pos = 0, k = 0; pos < b.length && k < n; k++) {
    const ch = utf8At(b, pos);
    if (ch === undefined) return undefined;
    pos += ch[1];
  }
  const chars: number[] = [];
  let pos = 0;
  let left = n;
  for (; left > 0 && pos < b.length; left--) {
    const ch = utf8At(b, pos) as [number, number];
    if (!printableLatin1(ch[0])) break;
    chars.push(ch[0]);
    pos += ch[1];
  }
  const q = quoteChars(chars, '"', "unicode");
  if (pos === b.length) return chars.length === b.length ? `<<${q}>>` : `<<${q}/utf8>>`;
  if (d1 > 0 && n - left >= d1) return pos === chars.length ? `<<${q}...>>` : `<<${q}/utf8...>>`;
  return "";
}
