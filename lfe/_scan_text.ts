/**
 * The scanner's text tokens: strings with their escapes, quoted symbols, triple-quoted strings,
 * and the UTF-8 of binary strings.
 *
 * @module
 */

import { Cursor, END } from "./_cursor.ts";
import { LfeSyntaxError, type TextPosition } from "./syntax_error.ts";

// The escapes of strings and quoted symbols; any other escaped character stands for itself.
const ESCAPES = new Map([..."btnvfresd"].map((ch, i) => [
  ch.charCodeAt(0),
  [8, 9, 10, 11, 12, 13, 27, 32, 127][i] as number,
]));

/** The value of a hexadecimal digit, or -1. */
export function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** The characters of a string after its opening `"`; `"""` opens a triple-quoted one. */
export function scanString(cur: Cursor, start: TextPosition): number[] {
  if (cur.peek() === 34 && cur.peek(1) === 34) {
    cur.skip(2);
    return scanTripleQuoted(cur, start);
  }
  return scanQuoted(cur, start, 34);
}

/** The characters up to the closing `quote` (`"` or `|`), with their escapes. */
export function scanQuoted(cur: Cursor, start: TextPosition, quote: number): number[] {
  const what = quote === 34 ? "the string opened" : "the quoted symbol opened";
  const codes: number[] = [];
  for (;;) {
    const c = cur.peek();
    if (c === END) throw cur.unfinished(what, start);
    cur.advance();
    if (c === quote) return codes;
    if (c !== 92) { // \
      codes.push(c);
      continue;
    }
    if (cur.peek() === END) throw cur.unfinished(what, start);
    // LFE 2.2's escapes: \b \t \n \v \f \r \e \s \d; any other character stands for itself
    // (so "\x41;" is "x41;", as LFE 2.2 reads it).
    const e = cur.advance();
    codes.push(ESCAPES.get(e) ?? e);
  }
}

/**
 * The code of the hexadecimal digits after `\x` or `#\x`, taking the `;` after them; or
 * `undefined`, having taken nothing, when `semicolon` requires a `;` that is not there.
 */
export function hexEscape(cur: Cursor, at: TextPosition, semicolon: boolean): number | undefined {
  let k = 0;
  let n = 0;
  for (let d = hexDigit(cur.peek(k)); d >= 0; d = hexDigit(cur.peek(++k))) n = n * 16 + d;
  const hasSemicolon = cur.peek(k) === 59;
  if (semicolon && !hasSemicolon) return undefined;
  cur.skip(hasSemicolon ? k + 1 : k);
  if (n > 0x10ffff) {
    throw new LfeSyntaxError("Bad character escape", at, { detail: "the code is beyond 10FFFF" });
  }
  return n;
}

/**
 * A triple-quoted string after its `"""`: verbatim lines up to a line of white space and `"""`,
 * whose white space is taken from the start of every other line.
 */
function scanTripleQuoted(cur: Cursor, start: TextPosition): number[] {
  const bad = (detail: string) => new LfeSyntaxError("Bad triple-quoted string", start, { detail });
  for (let c = cur.peek(); c !== 10; c = cur.peek()) {
    if (c === END) throw cur.unfinished("the triple-quoted string opened", start);
    if (c !== 32 && c !== 9 && c !== 13) {
      throw bad('nothing may follow the opening """ on its line');
    }
    cur.advance();
  }
  cur.advance();
  const lines: number[][] = [];
  for (let line: number[] = [];;) {
    const c = cur.peek();
    if (c === END) throw cur.unfinished("the triple-quoted string opened", start);
    cur.advance();
    if (c === 10) {
      lines.push(line);
      line = [];
    } else if (
      c === 34 && cur.peek() === 34 && cur.peek(1) === 34 && line.every((b) => b === 32 || b === 9)
    ) {
      cur.skip(2);
      return dedent(lines, line, bad);
    } else line.push(c);
  }
}

function dedent(
  lines: number[][],
  indent: number[],
  bad: (detail: string) => LfeSyntaxError,
): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(10);
    // LFE stops on an empty line; Erlang, whose strings these are modelled on, takes it.
    if (line.length === 0) return;
    if (!indent.every((b, j) => line[j] === b)) {
      throw bad(`line ${i + 1} of its text does not start with the closing line's indentation`);
    }
    for (let j = indent.length; j < line.length; j++) out.push(line[j] as number);
  });
  return out;
}

/** The JavaScript string of some code points, however many. */
export function fromCodes(codes: readonly number[]): string {
  let s = "";
  for (let i = 0; i < codes.length; i += 4096) {
    s += String.fromCodePoint(...codes.slice(i, i + 4096));
  }
  return s;
}

/** The UTF-8 bytes of a binary string's characters. */
export function utf8(codes: readonly number[], at: TextPosition): Uint8Array {
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
