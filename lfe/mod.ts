/**
 * LFE: the scanner turns text into tokens, the reader turns tokens into terms, the compiler
 * turns modules and expressions into JavaScript functions run as the runtime's processes, one
 * stage per module as in LFE itself. The reader can answer "more input needed", so that a shell
 * can take a form over several lines. The built-in modules (`erlang`, `lists`, `io`, ...) are
 * native TypeScript, and modules not loaded yet are found on the code path.
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
export {
  type CompiledModule,
  compileMacro,
  type DynamicScope,
  LfeCompileError,
  LfeMacroError,
} from "./compile.ts";
export { compileFileForms, compileModule, type CompileModuleOptions } from "./_toplevel.ts";
export {
  defineRecord,
  exportedMacro,
  form,
  type Macro,
  macroexpand1,
  quote,
  registerExportedMacros,
} from "./macros.ts";
export { isStringLiteral } from "./_pattern.ts";
export * from "./eval.ts";
export * from "./loader.ts";
export { registerBuiltins } from "./builtins/mod.ts";
export { formatException } from "./errors.ts";
