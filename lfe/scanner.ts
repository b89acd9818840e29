/**
 * LFE's scanner (`lfe_scan`): text to tokens, each with its line and column.
 *
 * It reads what LFE reads: `(` `)` `[` `]`, `'` `` ` `` `,` `,@` and the `.` of dotted pairs;
 * `#(` tuples, `#B(` binaries, `#M(` maps, `#.` read-time evaluation; `#"..."` binary strings,
 * `#'name/arity` function references, `#\a` characters; integers in any base (`#x-ff`,
 * `#b101`, `#*101`, `#o17`, `#d12`, `#36rZZ`), floats (`-2.5e-3`), strings with escapes,
 * triple-quoted strings, symbols and `|quoted symbols|`, `;` and `#| ... |#` comments (which do
 * not nest), and `#Efoo` for the Elixir module `Elixir.foo`.
 *
 * Two escapes follow the LFE guide and LFE before 2.2, which `lfe_scan.erl` of LFE 2.2 lost:
 * `\x41;` in a string (and a quoted symbol) is the character 0x41, and `#\x41;` (the `;` may be
 * left out) is the integer 0x41. Quoted symbols take escapes as strings do, so that what LFE
 * prints as `|a\nb|` reads back as the same atom.
 *
 * @module
 */

import { type Float, float, type Integer, normInt } from "../runtime/terms.ts";
import { Cursor, END } from "./_cursor.ts";
import { fromCodes, hexDigit, hexEscape, scanQuoted, scanString, utf8 } from "./_scan_text.ts";
import { LfeSyntaxError, type TextPosition } from "./syntax_error.ts";

/** The tokens that stand for themselves. `#S(`, `#;`, `` #` ``, `#,` and `#,@` scan, as in LFE,
 * but no form reads them. */
export type Punctuation =
  | "("
  | ")"
  | "["
  | "]"
  | "'"
  | "`"
  | ","
  | ",@"
  | "."
  | "#("
  | "#B("
  | "#M("
  | "#S("
  | "#."
  | "#`"
  | "#;"
  | "#,"
  | "#,@";

/** Where a token is: its line and column, and its offsets (UTF-16 indexes) in the text. */
export interface TokenPosition extends TextPosition {
  /** The index in the text of the token's first character. */
  offset: number;
  /** The index in the text just past the token's last character. */
  end: number;
}

/** A token of LFE text. The last token of a scan is `eof`, at the end of the text. */
export type Token =
  | TokenPosition & { kind: Punctuation }
  | TokenPosition & { kind: "symbol"; name: string }
  | TokenPosition & { kind: "number"; value: Integer | Float }
  | TokenPosition & { kind: "string"; codes: number[] }
  | TokenPosition & { kind: "binary"; value: Uint8Array }
  | TokenPosition & { kind: "#'"; name: string }
  | TokenPosition & { kind: "eof" };

/** Options for {@linkcode scan} and {@linkcode scanTokens}. */
export interface ScanOptions {
  /** The line the text starts on; 1 by default. */
  line?: number;
  /** The column the text starts at; 1 by default. */
  column?: number;
}

/**
 * The tokens of a text, without the final `eof`. Throws an {@linkcode LfeSyntaxError} for text
 * that is not LFE, with `incomplete` set when the text ends inside a string, a quoted symbol or
 * a block comment.
 *
 * @example
 * ```ts
 * import { scan } from "./scanner.ts";
 * scan("(ping 'pong)").map((t) => t.kind); // ["(", "symbol", "'", "symbol", ")"]
 * ```
 */
export function scan(text: string, options: ScanOptions = {}): Token[] {
  const out: Token[] = [];
  for (const t of scanTokens(text, options)) if (t.kind !== "eof") out.push(t);
  return out;
}

/**
 * The tokens of a text one at a time, ending with an `eof` token: text after a token is not
 * looked at until the next token is asked for. Throws as {@linkcode scan} does.
 *
 * @example
 * ```ts
 * import { scanTokens } from "./scanner.ts";
 * const first = scanTokens("#(1 2) )").next().value; // { kind: "#(", line: 1, column: 1, ... }
 * ```
 */
export function* scanTokens(text: string, options: ScanOptions = {}): Generator<Token, void> {
  const cur = new Cursor(text, options.line ?? 1, options.column ?? 1);
  for (;;) {
    const t = token(cur);
    yield t;
    if (t.kind === "eof") return;
  }
}

/** Whether a character may start a symbol, as `lfe_scan:start_symbol_char/1` decides. */
export function startSymbolChar(c: number): boolean {
  return c !== 35 && c !== 96 && c !== 39 && c !== 44 && c !== 124 && symbolChar(c); // # ` ' , |
}

/** Whether a character may be part of a symbol, as `lfe_scan:symbol_char/1` decides. */
export function symbolChar(c: number): boolean {
  // ( ) [ ] { } " ; end a symbol; so do white space, DEL and the C1 controls up to U+00A0.
  return ((c > 32 && c <= 126) || c > 0xa0) && c !== 40 && c !== 41 && c !== 91 && c !== 93 &&
    c !== 123 && c !== 125 && c !== 34 && c !== 59;
}

const INTEGER = /^[+-]?[0-9]+$/;
// What `list_to_float/1` takes: digits on both sides of the point.
const FLOAT = /^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

const SINGLE: ReadonlyMap<number, Punctuation> = new Map([
  [40, "("],
  [41, ")"],
  [91, "["],
  [93, "]"],
  [39, "'"],
  [96, "`"],
  [46, "."],
]);

/** The value of a digit in bases up to 36, or 99 if it is not one. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function show(c: number): string {
  return (c > 32 && c < 127) || c > 0xa0
    ? `'${String.fromCodePoint(c)}'`
    : `character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Sets the end of a token to where the cursor is. */
function done(cur: Cursor, t: Token): Token {
  t.end = cur.offset;
  return t;
}

/** The next token, after any white space and comments. */
function token(cur: Cursor): Token {
  skipSpace(cur);
  const at = cur.pos();
  const c = cur.peek();
  if (c === END) return { kind: "eof", ...at };
  const single = SINGLE.get(c);
  if (single !== undefined) {
    cur.advance();
    return done(cur, { kind: single, ...at });
  }
  if (c === 44) { // , or ,@
    cur.advance();
    const splice = cur.peek() === 64;
    if (splice) cur.advance();
    return done(cur, { kind: splice ? ",@" : ",", ...at });
  }
  if (c === 34) { // "
    cur.advance();
    return done(cur, { kind: "string", codes: scanString(cur, at), ...at });
  }
  if (c === 124) { // |
    cur.advance();
    return done(cur, { kind: "symbol", name: fromCodes(scanQuoted(cur, at, 124)), ...at });
  }
  if (c === 35) return hash(cur, at);
  if (startSymbolChar(c)) return symbol(cur, at, "");
  throw new LfeSyntaxError(`Unexpected ${show(c)}`, at, {
    lfe: `illegal token ${String.fromCodePoint(c)}`,
  });
}

/** Skips white space (every control character and the space), comments and block comments. */
function skipSpace(cur: Cursor): void {
  for (;;) {
    const c = cur.peek();
    if (c === END) return;
    if (c <= 32) cur.advance();
    else if (c === 59) { // ;
      while (cur.peek() !== END && cur.peek() !== 10) cur.advance();
    } else if (c === 35 && cur.peek(1) === 124) blockComment(cur);
    else return;
  }
}

function blockComment(cur: Cursor): void {
  const start = cur.pos();
  cur.skip(2);
  for (;;) {
    const c = cur.peek();
    if (c === END) throw cur.unfinished("the block comment opened", start);
    if (c === 124 && cur.peek(1) === 35) return cur.skip(2);
    if (c === 35 && cur.peek(1) === 124) {
      throw new LfeSyntaxError("Unexpected '#|'", cur.pos(), {
        detail: "block comments do not nest",
      });
    }
    cur.advance();
  }
}

/** The tokens that start with `#`. */
function hash(cur: Cursor, at: TokenPosition): Token {
  cur.advance();
  let digits = "";
  while (cur.peek() >= 48 && cur.peek() <= 57) digits += String.fromCharCode(cur.advance());
  const c = cur.peek();
  if (c === END) {
    throw cur.ended(`nothing follows '#${digits}' at line ${at.line}, column ${at.column}`);
  }
  if (digits !== "" || c === 114 || c === 82) { // #36r
    if (c !== 114 && c !== 82) throw badHash(at, digits, c);
    cur.advance();
    const base = Number(digits);
    if (base < 2 || base > 36) {
      throw new LfeSyntaxError(`Bad number base '#${digits}r'`, at, {
        detail: "the base must be from 2 to 36",
      });
    }
    return based(cur, at, base);
  }
  const punct = hashPunctuation(c, cur.peek(1));
  if (punct !== undefined) {
    cur.skip(punct.length - 1);
    return done(cur, { kind: punct, ...at });
  }
  cur.advance();
  switch (c) {
    case 34: // #"
      return done(cur, { kind: "binary", value: utf8(scanString(cur, at), at), ...at });
    case 39: // #'
      return functionRef(cur, at);
    case 92: // #\
      return char(cur, at);
    case 42: // #*
    case 98: // #b
    case 66:
      return based(cur, at, 2);
    case 111: // #o
    case 79:
      return based(cur, at, 8);
    case 100: // #d
    case 68:
      return based(cur, at, 10);
    case 120: // #x
    case 88:
      return based(cur, at, 16);
    case 101: // #Efoo is the Elixir module Elixir.foo
    case 69:
      return symbol(cur, at, "Elixir.");
  }
  throw badHash(at, "", c);
}

/** The punctuation that `#` and `c`, then `c1`, make, if any. */
function hashPunctuation(c: number, c1: number): Punctuation | undefined {
  switch (c) {
    case 40:
      return "#(";
    case 46:
      return "#.";
    case 96:
      return "#`";
    case 59:
      return "#;";
    case 44:
      return c1 === 64 ? "#,@" : "#,";
  }
  if (c1 !== 40) return undefined;
  switch (c) {
    case 98:
    case 66:
      return "#B(";
    case 109:
    case 77:
      return "#M(";
    case 115:
    case 83:
      return "#S(";
  }
  return undefined;
}

function badHash(at: TextPosition, digits: string, c: number): LfeSyntaxError {
  const shown = show(c);
  return shown.startsWith("'")
    ? new LfeSyntaxError(`Unexpected '#${digits}${shown.slice(1)}`, at, {
      lfe: `illegal token #${digits}${String.fromCodePoint(c)}`,
    })
    : new LfeSyntaxError(`Unexpected '#${digits}'`, at, {
      detail: `followed by ${shown}`,
      lfe: `illegal token #${digits}`,
    });
}

/** `#\a`: the code of the character; `#\x41;` the code in hexadecimal. */
function char(cur: Cursor, at: TokenPosition): Token {
  if (cur.peek() === END) {
    throw cur.ended(`nothing follows '#\\' at line ${at.line}, column ${at.column}`);
  }
  const c = cur.advance();
  if (c === 120 && hexDigit(cur.peek()) >= 0) {
    return done(cur, { kind: "number", value: hexEscape(cur, at, false) as number, ...at });
  }
  return done(cur, { kind: "number", value: c, ...at });
}

/** The symbol characters from here on. */
function symbolChars(cur: Cursor): string {
  const from = cur.offset;
  while (cur.peek() !== END && symbolChar(cur.peek())) cur.advance();
  return cur.text.slice(from, cur.offset);
}

/** A symbol, or the integer or float that its characters spell. */
function symbol(cur: Cursor, at: TokenPosition, prefix: string): Token {
  const text = prefix + symbolChars(cur);
  if (INTEGER.test(text)) return done(cur, { kind: "number", value: normInt(BigInt(text)), ...at });
  if (FLOAT.test(text)) {
    const x = Number(text);
    // `list_to_float/1` refuses a float that overflows: it is a symbol then.
    if (Number.isFinite(x)) return done(cur, { kind: "number", value: float(x), ...at });
  }
  return done(cur, { kind: "symbol", name: text, ...at });
}

/** An integer in `base` after its prefix, with an optional sign. */
function based(cur: Cursor, at: TokenPosition, base: number): Token {
  const sign = cur.peek();
  if (sign === 43 || sign === 45) cur.advance();
  const digits = symbolChars(cur);
  const text = cur.text.slice(at.offset, cur.offset);
  if (digits === "") throw new LfeSyntaxError(`Bad number '${text}'`, at, { detail: "no digits" });
  let n = 0n;
  const b = BigInt(base);
  for (const ch of digits) {
    const d = digitValue(ch.codePointAt(0) as number);
    if (d >= base) {
      throw new LfeSyntaxError(`Bad number '${text}'`, at, {
        detail: `'${ch}' is not a digit in base ${base}`,
      });
    }
    n = n * b + BigInt(d);
  }
  return done(cur, { kind: "number", value: normInt(sign === 45 ? -n : n), ...at });
}

/** `#'name/arity` or `#'module:name/arity`, checked as `lfe_scan` checks it. */
function functionRef(cur: Cursor, at: TokenPosition): Token {
  const name = symbolChars(cur);
  const slash = name.indexOf("/");
  if (slash < 0 || !/^[0-9]+$/.test(name.slice(slash + 1))) {
    throw new LfeSyntaxError(`Bad function reference '#'${name}'`, at, {
      detail: "expected #'name/arity or #'module:name/arity",
    });
  }
  return done(cur, { kind: "#'", name, ...at });
}
