/**
 * The shell: the LFE REPL of a node, reading forms from standard input and printing values
 * and exceptions as LFE's shell does.
 *
 * @module
 */

export * from "./repl.ts";
export * from "./jobs.ts";
export { registerShellModules } from "./commands.ts";
export { evalTop } from "./forms.ts";
export { exceptionText } from "./server.ts";
export { ShellState } from "./state.ts";
export * from "./line_editor.ts";
export { NOT_UTF8 } from "./_input.ts";
