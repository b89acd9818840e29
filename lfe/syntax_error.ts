/**
 * The error of LFE text that cannot be read: where it went wrong, and whether more text could
 * still make it right.
 *
 * @module
 */

/** A place in a text: line and column, both from 1, columns counted in characters. */
export interface TextPosition {
  /** The line, from 1. */
  line: number;
  /** The column, from 1, counted in characters (code points). */
  column: number;
}

/** Options for {@linkcode LfeSyntaxError}. */
export interface LfeSyntaxErrorOptions {
  /** What is wrong, written after the place and a colon. */
  detail?: string;
  /**
   * Whether the text ended inside a form, a string, a quoted symbol or a block comment, so that
   * more text could complete it. `false` by default.
   */
  incomplete?: boolean;
  /**
   * The error in LFE's own words (`lfe_scan`/`lfe_parse`: `illegal ')'`, `illegal token #z`,
   * `missing token`), as LFE's shell and compiler print it after the line.
   */
  lfe?: string;
  /** The line LFE names for it: where the unfinished form began, for `missing token`. */
  lfeLine?: number;
}

/**
 * LFE text that cannot be read, with the line and column where reading went wrong.
 *
 * @example
 * ```ts
 * import { LfeSyntaxError } from "./syntax_error.ts";
 * const e = new LfeSyntaxError("Unexpected ')'", { line: 3, column: 7 });
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
  /** The error in LFE's words: `missing token`, `illegal ')'`, `illegal token #z`. */
  readonly lfe: string;
  /** The line LFE names with it (the start of an unfinished form, else the error's line). */
  readonly lfeLine: number;

  /** Makes the error of `what` found at `at`. */
  constructor(what: string, at: TextPosition, options: LfeSyntaxErrorOptions = {}) {
    const detail = options.detail ? `: ${options.detail}` : "";
    super(`${what} at line ${at.line}, column ${at.column}${detail}`);
    this.name = "LfeSyntaxError";
    this.line = at.line;
    this.column = at.column;
    this.incomplete = options.incomplete ?? false;
    this.lfe = options.lfe ?? (this.incomplete ? "missing token" : what);
    this.lfeLine = options.lfeLine ?? at.line;
  }
}
