/**
 * The error of LFE text that cannot be read: where it went wrong, and whether more text could
 * still make it right.
 *
 * @module
 */

/** Options for {@linkcode LfeSyntaxError}. */
export interface LfeSyntaxErrorOptions {
  /**
   * Whether the text ended inside a form, a string, a quoted symbol or a block comment, so that
   * more text could complete it. `false` by default.
   */
  incomplete?: boolean;
}

/**
 * LFE text that cannot be read, with the line and column (both from 1, columns counted in
 * characters) where reading went wrong.
 *
 * @example
 * ```ts
 * import { LfeSyntaxError } from "./syntax_error.ts";
 * const e = new LfeSyntaxError("Unexpected ')'", 3, 7);
 * e.message; // "Unexpected ')' at line 3, column 7"
 * ```
 */
export class LfeSyntaxError extends SyntaxError {
  /** The line where reading went wrong, from 1. */
  readonly line: number;
  /** The column where reading went wrong, from 1, in characters. */
  readonly column: number;
  /** Whether the text ended too soon: more text could complete it. */
  readonly incomplete: boolean;

  /**
   * Makes the error of `what` at `line` and `column`; `detail`, when given, follows the place
   * after a colon.
   */
  constructor(
    what: string,
    line: number,
    column: number,
    detail?: string,
    options: LfeSyntaxErrorOptions = {},
  ) {
    super(`${what} at line ${line}, column ${column}${detail ? `: ${detail}` : ""}`);
    this.name = "LfeSyntaxError";
    this.line = line;
    this.column = column;
    this.incomplete = options.incomplete ?? false;
  }
}
