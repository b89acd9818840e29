/**
 * The LFE front end: the scanner turns text into tokens, the reader turns tokens into terms,
 * one stage per module as in LFE itself (`lfe_scan`, `lfe_parse`). The reader can answer "more
 * input needed", so that a shell can take a form over several lines.
 *
 * @example
 * ```ts
 * import { readAll, readForm } from "./mod.ts";
 * import { printTerm } from "../runtime/print_term.ts";
 * printTerm(readAll("(! (tuple 'pong pong-node) 'finished)")[0]!);
 * // "(! (tuple 'pong pong-node) 'finished)"
 * readForm("(defun pong ()\n").kind; // "more"
 * ```
 *
 * @module
 */

export * from "./syntax_error.ts";
export * from "./scanner.ts";
export * from "./reader.ts";
