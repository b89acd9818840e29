/**
 * The shell's printing commands: `(p x)` and `(pp x)` in LFE syntax, `(ep x)` and `(epp x)` in
 * Erlang's, each to a depth if one is given; `(clear)`; `(help)`.
 *
 * @module
 */

import { prettyErlang } from "../lfe/builtins/_erl_pretty.ts";
import { writeErlang } from "../lfe/builtins/_erl_write.ts";
import { prettyLfe } from "../lfe/builtins/_lfe_pretty.ts";
import { putChars, type Term, writeTerm, type Yielded } from "../runtime/mod.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

// A depth that is not an integer prints the whole term, as lfe_io does.
function depth(d: Term | undefined): number {
  return typeof d === "number" && Number.isInteger(d) ? d : -1;
}

function* line(text: string): Gen<Term> {
  yield* putChars(text + "\n");
  return "ok";
}

/** `(p x [depth])`: the term in LFE syntax on one line. */
export function* p(x: Term, d?: Term): Gen<Term> {
  return yield* line(writeTerm(x, { depth: depth(d) }));
}

/** `(pp x [depth])`: the term in LFE syntax, laid out over lines. */
export function* pp(x: Term, d?: Term): Gen<Term> {
  return yield* line(prettyLfe(x, depth(d), 0, 80));
}

/** `(ep x [depth])`: the term in Erlang syntax on one line (`io_lib:write`). */
export function* ep(x: Term, d?: Term): Gen<Term> {
  return yield* line(writeErlang(x, depth(d), "latin1"));
}

/** `(epp x [depth])`: the term in Erlang syntax, laid out as `~p`/`~P` does. */
export function* epp(x: Term, d?: Term): Gen<Term> {
  return yield* line(prettyErlang(x, { depth: depth(d), column: 1 }));
}

/** `(clear)`: clears the terminal. */
export function* clear(): Gen<Term> {
  yield* putChars("\x1b[H\x1b[J");
  return "ok";
}

const HELP = `
LFE shell built-in functions

(c file)       -- compile and load code in <file>
(cd dir)       -- change working directory to <dir>
(clear)        -- clear the REPL output
(doc mod)      -- documentation of a module
(doc mod:mac)  -- documentation of a macro
(doc m:f/a)    -- documentation of a function
(ec file)      -- compile and load code in erlang <file>
(ep expr)      -- print a term in erlang form
(epp expr)     -- pretty print a term in erlang form
(exit)         -- quit - an alias for (q)
(flush)        -- flush any messages sent to the shell
(h)            -- an alias for (help)
(h m)          -- help about module
(h m m)        -- help about function and macro in module
(h m f a)      -- help about function/arity in module
(help)         -- help info
(i)            -- information about the system
(i pids)       -- information about a list of pids
(i x y z)      -- information about pid #Pid<x.y.z>
(l module)     -- load or reload <module>
(ls)           -- list files in the current directory
(ls dir)       -- list files in directory <dir>
(m)            -- which modules are loaded
(m mod)        -- information about module <mod>
(memory)       -- memory allocation information
(memory t)     -- memory allocation information of type <t>
(p expr)       -- print a term
(pp expr)      -- pretty print a term
(pid x y z)    -- convert x, y, z to a pid
(pwd)          -- print working directory
(q)            -- quit - shorthand for init:stop/0
(regs)         -- information about registered processes
(nregs)        -- information about all registered processes
(uptime)       -- print node uptime

LFE shell built-in forms

(reset-environment)             -- reset the environment to its initial state
(run file)                      -- execute all the shell commands in a <file>
(set pattern expr)
(set pattern (when guard) expr) -- evaluate <expr> and match the result with
                                   pattern binding
(slurp file)                    -- slurp in a LFE source <file> and makes
                                   everything available in the shell
(unslurp)                       -- revert back to the state before the last
                                   slurp

LFE shell built-in variables

+/++/+++      -- the three previous expressions
*/**/***      -- the values of the previous expressions
-             -- the current expression output
$ENV          -- the current LFE environment

`;

/** `(help)`: what the shell offers. */
export function* help(): Gen<Term> {
  yield* putChars(HELP);
  return "ok";
}
