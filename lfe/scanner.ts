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
  const s = new Lexer(text, options.line ?? 1, options.column ?? 1);
  for (;;) {
    const t = s.token();
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

// The escapes of strings and quoted symbols; any other escaped character stands for itself.
const ESCAPES = new Map([..."btnvfresd"].map((ch, i) => [
  ch.charCodeAt(0),
  [8, 9, 10, 11, 12, 13, 27, 32, 127][i] as number,
]));

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

const END = -1;

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

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

/** Walks the text one code point at a time, keeping the line and column. */
class Lexer {
  readonly #text: string;
  #i = 0;
  #line: number;
  #column: number;

  constructor(text: string, line: number, column: number) {
    this.#text = text;
    this.#line = line;
    this.#column = column;
  }

  /** The code point `k` characters ahead, or `END`. */
  #peek(k = 0): number {
    let i = this.#i;
    for (; k > 0 && i < this.#text.length; k--) {
      i += (this.#text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    }
    return i < this.#text.length ? this.#text.codePointAt(i) as number : END;
  }

  #advance(): number {
    const c = this.#text.codePointAt(this.#i) as number;
    this.#i += c > 0xffff ? 2 : 1;
    if (c === 10) {
      this.#line++;
      this.#column = 1;
    } else this.#column++;
    return c;
  }

  #pos(): TokenPosition {
    return { line: this.#line, column: this.#column, offset: this.#i, end: this.#i };
  }

  #done(t: Token): Token {
    t.end = this.#i;
    return t;
  }

  /** The error of text that ended inside something opened at `start`. */
  #unfinished(what: string, start: TextPosition): LfeSyntaxError {
    return this.#ended(`${what} at line ${start.line}, column ${start.column} is not closed`);
  }

  /** The error of text that ended where more was needed. */
  #ended(detail: string): LfeSyntaxError {
    return new LfeSyntaxError("Unexpected end of input", this.#pos(), { detail, incomplete: true });
  }

  token(): Token {
    this.#skipSpace();
    const at = this.#pos();
    const c = this.#peek();
    if (c === END) return { kind: "eof", ...at };
    const single = SINGLE.get(c);
    if (single !== undefined) {
      this.#advance();
      return this.#done({ kind: single, ...at });
    }
    if (c === 44) { // , or ,@
      this.#advance();
      const splice = this.#peek() === 64;
      if (splice) this.#advance();
      return this.#done({ kind: splice ? ",@" : ",", ...at });
    }
    if (c === 34) { // "
      this.#advance();
      return this.#done({ kind: "string", codes: this.#string(at), ...at });
    }
    if (c === 124) { // |
      this.#advance();
      return this.#done({
        kind: "symbol",
        name: String.fromCodePoint(...this.#quoted(at, 124)),
        ...at,
      });
    }
    if (c === 35) return this.#hash(at);
    if (startSymbolChar(c)) return this.#symbol(at, "");
    throw new LfeSyntaxError(`Unexpected ${show(c)}`, at);
  }

  /** Skips white space (every control character and the space), comments and block comments. */
  #skipSpace(): void {
    for (;;) {
      const c = this.#peek();
      if (c === END) return;
      if (c <= 32) this.#advance();
      else if (c === 59) { // ;
        while (this.#peek() !== END && this.#peek() !== 10) this.#advance();
      } else if (c === 35 && this.#peek(1) === 124) this.#blockComment();
      else return;
    }
  }

  #blockComment(): void {
    const start = this.#pos();
    this.#advance();
    this.#advance();
    for (;;) {
      const c = this.#peek();
      if (c === END) throw this.#unfinished("the block comment opened", start);
      if (c === 124 && this.#peek(1) === 35) {
        this.#advance();
        this.#advance();
        return;
      }
      if (c === 35 && this.#peek(1) === 124) {
        throw new LfeSyntaxError("Unexpected '#|'", this.#pos(), {
          detail: "block comments do not nest",
        });
      }
      this.#advance();
    }
  }

  /** A string after its opening `"`, or a triple-quoted one after its first `"`. */
  #string(start: TextPosition): number[] {
    if (this.#peek() === 34 && this.#peek(1) === 34) {
      this.#advance();
      this.#advance();
      return this.#tripleQuoted(start);
    }
    return this.#quoted(start, 34);
  }

  /** The characters up to the closing `quote`, with their escapes. */
  #quoted(start: TextPosition, quote: number): number[] {
    const what = quote === 34 ? "the string opened" : "the quoted symbol opened";
    const codes: number[] = [];
    for (;;) {
      const c = this.#peek();
      if (c === END) throw this.#unfinished(what, start);
      this.#advance();
      if (c === quote) return codes;
      if (c !== 92) { // \
        codes.push(c);
        continue;
      }
      if (this.#peek() === END) throw this.#unfinished(what, start);
      const at = { line: this.#line, column: this.#column - 1 }; // at the backslash
      const e = this.#advance();
      if (e === 120 && hexDigit(this.#peek()) >= 0) { // \x41;
        const x = this.#hexEscape(at, true);
        if (x !== undefined) {
          codes.push(x);
          continue;
        }
      }
      codes.push(ESCAPES.get(e) ?? e);
    }
  }

  /**
   * The hexadecimal digits after `\x` or `#\x` and the `;` after them, or `undefined` (having
   * read nothing) when `semicolon` requires a `;` that is not there.
   */
  #hexEscape(at: TextPosition, semicolon: boolean): number | undefined {
    let k = 0;
    let n = 0;
    for (let d = hexDigit(this.#peek(k)); d >= 0; d = hexDigit(this.#peek(++k))) {
      n = n * 16 + d;
    }
    const hasSemicolon = this.#peek(k) === 59;
    if (semicolon && !hasSemicolon) return undefined;
    for (let j = hasSemicolon ? k + 1 : k; j > 0; j--) this.#advance();
    if (n > 0x10ffff) {
      throw new LfeSyntaxError("Bad character escape", at, {
        detail: "the code is beyond 10FFFF",
      });
    }
    return n;
  }

  /** A triple-quoted string after its `"""`: verbatim lines, less the closing line's indent. */
  #tripleQuoted(start: TextPosition): number[] {
    const bad = (detail: string) =>
      new LfeSyntaxError("Bad triple-quoted string", start, { detail });
    for (let c = this.#peek(); c !== 10; c = this.#peek()) {
      if (c === END) throw this.#unfinished("the triple-quoted string opened", start);
      if (c !== 32 && c !== 9 && c !== 13) {
        throw bad('nothing may follow the opening """ on its line');
      }
      this.#advance();
    }
    this.#advance();
    const lines: number[][] = [];
    for (let line: number[] = [];;) {
      const c = this.#peek();
      if (c === END) throw this.#unfinished("the triple-quoted string opened", start);
      this.#advance();
      if (c === 10) {
        lines.push(line);
        line = [];
      } else if (
        c === 34 && this.#peek() === 34 && this.#peek(1) === 34 &&
        line.every((b) => b === 32 || b === 9)
      ) {
        this.#advance();
        this.#advance();
        return this.#dedent(lines, line, bad);
      } else line.push(c);
    }
  }

  #dedent(lines: number[][], indent: number[], bad: (d: string) => LfeSyntaxError): number[] {
    const out: number[] = [];
    lines.forEach((line, i) => {
      if (i > 0) out.push(10);
      if (line.length === 0) return;
      if (!indent.every((b, j) => line[j] === b)) {
        throw bad(`line ${i + 1} of its text does not start with the closing line's indentation`);
      }
      for (let j = indent.length; j < line.length; j++) out.push(line[j] as number);
    });
    return out;
  }

  /** The tokens that start with `#`. */
  #hash(at: TokenPosition): Token {
    this.#advance();
    let digits = "";
    while (this.#peek() >= 48 && this.#peek() <= 57) digits += String.fromCharCode(this.#advance());
    const c = this.#peek();
    if (c === END) {
      throw this.#ended(`nothing follows '#${digits}' at line ${at.line}, column ${at.column}`);
    }
    if (digits !== "" || c === 114 || c === 82) {
      if (c !== 114 && c !== 82) throw badHash(at, digits, c);
      this.#advance();
      const base = Number(digits);
      if (base < 2 || base > 36) {
        throw new LfeSyntaxError(`Bad number base '#${digits}r'`, at, {
          detail: "the base must be from 2 to 36",
        });
      }
      return this.#based(at, base);
    }
    const c1 = this.#peek(1);
    const punct: Punctuation | undefined = c === 40
      ? "#("
      : c === 46
      ? "#."
      : c === 96
      ? "#`"
      : c === 59
      ? "#;"
      : c === 44
      ? (c1 === 64 ? "#,@" : "#,")
      : c1 !== 40
      ? undefined
      : c === 98 || c === 66
      ? "#B("
      : c === 109 || c === 77
      ? "#M("
      : c === 115 || c === 83
      ? "#S("
      : undefined;
    if (punct !== undefined) {
      for (let n = punct.length - 1; n > 0; n--) this.#advance();
      return this.#done({ kind: punct, ...at });
    }
    this.#advance();
    switch (c) {
      case 34: // #"
        return this.#done({ kind: "binary", value: utf8(this.#string(at), at), ...at });
      case 39: // #'
        return this.#funRef(at);
      case 92: // #\
        return this.#char(at);
      case 42: // #*
      case 98: // #b
      case 66:
        return this.#based(at, 2);
      case 111: // #o
      case 79:
        return this.#based(at, 8);
      case 100: // #d
      case 68:
        return this.#based(at, 10);
      case 120: // #x
      case 88:
        return this.#based(at, 16);
      case 101: // #Efoo is the Elixir module Elixir.foo
      case 69:
        return this.#symbol(at, "Elixir.");
    }
    throw badHash(at, "", c);
  }

  #char(at: TokenPosition): Token {
    if (this.#peek() === END) {
      throw this.#ended(`nothing follows '#\\' at line ${at.line}, column ${at.column}`);
    }
    const c = this.#advance();
    if (c === 120 && hexDigit(this.#peek()) >= 0) {
      return this.#done({ kind: "number", value: this.#hexEscape(at, false) as number, ...at });
    }
    return this.#done({ kind: "number", value: c, ...at });
  }

  /** The symbol characters from here on. */
  #symbolChars(): string {
    const from = this.#i;
    while (this.#peek() !== END && symbolChar(this.#peek())) this.#advance();
    return this.#text.slice(from, this.#i);
  }

  /** A symbol, or the integer or float that its characters spell. */
  #symbol(at: TokenPosition, prefix: string): Token {
    const text = prefix + this.#symbolChars();
    if (INTEGER.test(text)) {
      return this.#done({ kind: "number", value: normInt(BigInt(text)), ...at });
    }
    if (FLOAT.test(text)) {
      const x = Number(text);
      // `list_to_float/1` refuses a float that overflows: it is a symbol then.
      if (Number.isFinite(x)) return this.#done({ kind: "number", value: float(x), ...at });
    }
    return this.#done({ kind: "symbol", name: text, ...at });
  }

  /** An integer in `base` after its prefix, with an optional sign. */
  #based(at: TokenPosition, base: number): Token {
    const sign = this.#peek();
    if (sign === 43 || sign === 45) this.#advance();
    const digits = this.#symbolChars();
    const text = this.#text.slice(at.offset, this.#i);
    if (digits === "") {
      throw new LfeSyntaxError(`Bad number '${text}'`, at, { detail: "no digits" });
    }
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
    return this.#done({ kind: "number", value: normInt(sign === 45 ? -n : n), ...at });
  }

  /** `#'name/arity` or `#'module:name/arity`, checked as `lfe_scan` checks it. */
  #funRef(at: TokenPosition): Token {
    const name = this.#symbolChars();
    const slash = name.indexOf("/");
    if (slash < 0 || !/^[0-9]+$/.test(name.slice(slash + 1))) {
      throw new LfeSyntaxError(`Bad function reference '#'${name}'`, at, {
        detail: "expected #'name/arity or #'module:name/arity",
      });
    }
    return this.#done({ kind: "#'", name, ...at });
  }
}

function badHash(at: TextPosition, digits: string, c: number): LfeSyntaxError {
  const shown = show(c);
  return shown.startsWith("'")
    ? new LfeSyntaxError(`Unexpected '#${digits}${shown.slice(1)}`, at)
    : new LfeSyntaxError(`Unexpected '#${digits}'`, at, { detail: `followed by ${shown}` });
}

/** The UTF-8 bytes of a binary string's characters. */
function utf8(codes: number[], at: TextPosition): Uint8Array {
  const out: number[] = [];
  for (const c of codes) {
    if (c >= 0xd800 && c <= 0xdfff) {
      throw new LfeSyntaxError("Bad binary string", at, {
        detail: `the surrogate U+${c.toString(16).toUpperCase()} has no UTF-8 encoding`,
      });
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
    else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
  }
  return Uint8Array.from(out);
}
