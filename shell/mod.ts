/**
 * The shell: the LFE REPL of a node, reading forms from standard input and printing values
 * and exceptions as LFE's shell does.
 *
 * @module
 */

export * from "./repl.ts";
export * from "./line_editor.ts";
