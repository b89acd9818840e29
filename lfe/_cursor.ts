/**
 * A place in a text being scanned: walks it a code point at a time, keeping the line and the
 * column (in characters) beside the offset (in UTF-16 units).
 *
 * @module
 */

import { LfeSyntaxError, type TextPosition } from "./syntax_error.ts";

/** What {@linkcode Cursor.peek} answers past the end of the text. */
export const END = -1;

/** A position with the offset of the character there; `end` is filled in by the token. */
export interface CursorPosition extends TextPosition {
  offset: number;
  end: number;
}

/** Walks a text, keeping the line and column. */
export class Cursor {
  readonly text: string;
  /** The offset of the next character. */
  offset = 0;
  line: number;
  column: number;

  constructor(text: string, line: number, column: number) {
    this.text = text;
    this.line = line;
    this.column = column;
  }

  /** The code point `k` characters ahead, or `END`. */
  peek(k = 0): number {
    const text = this.text;
    let i = this.offset;
    for (; k > 0 && i < text.length; k--) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    return i < text.length ? text.codePointAt(i) as number : END;
  }

  /** Takes the next code point, which must not be past the end. */
  advance(): number {
    const c = this.text.codePointAt(this.offset) as number;
    this.offset += c > 0xffff ? 2 : 1;
    if (c === 10) {
      this.line++;
      this.column = 1;
    } else this.column++;
    return c;
  }

  /** Takes `n` code points. */
  skip(n: number): void {
    for (; n > 0; n--) this.advance();
  }

  /** Where the cursor is. */
  pos(): CursorPosition {
    return { line: this.line, column: this.column, offset: this.offset, end: this.offset };
  }

  /** The error of a text that ended where more was needed. */
  ended(detail: string): LfeSyntaxError {
    return new LfeSyntaxError("Unexpected end of input", this.pos(), { detail, incomplete: true });
  }

  /** The error of a text that ended inside `what`, opened at `start`. */
  unfinished(what: string, start: TextPosition): LfeSyntaxError {
    return this.ended(`${what} at line ${start.line}, column ${start.column} is not closed`);
  }
}
