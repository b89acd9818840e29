/**
 * What every LFE shell starts with, as `lfe_shell:new_state/2` makes it: functions that call
 * the `lfe_shell` module (`(cd dir)`, `(i)`, `(pp x)`, `(q)` ...) and macros for the commands
 * whose arguments are not evaluated or are gathered into a list (`c`, `doc`, `ec`, `l`, `ls`,
 * `m`). A function or macro defined at the prompt with the same name takes their place.
 *
 * @module
 */

import { form, type Macro, quote } from "../lfe/mod.ts";
import { exportedFun, type Fun, type Term } from "../runtime/mod.ts";

// name, arity, and the lfe_shell function it calls (the same name unless given).
const FUNCTIONS: [string, number, string?][] = [
  ["cd", 1],
  ["ep", 1],
  ["ep", 2],
  ["epp", 1],
  ["epp", 2],
  ["h", 0, "help"],
  ["h", 1],
  ["h", 2],
  ["h", 3],
  ["help", 0],
  ["i", 0],
  ["i", 1],
  ["i", 3],
  ["clear", 0],
  ["pid", 3],
  ["p", 1],
  ["p", 2],
  ["pp", 1],
  ["pp", 2],
  ["pwd", 0],
  ["q", 0, "exit"],
  ["flush", 0],
  ["regs", 0],
  ["nregs", 0],
  ["memory", 0],
  ["memory", 1],
  ["uptime", 0],
  ["exit", 0],
];

/** The shell's own functions by `name/arity`. */
export const SHELL_FUNCTIONS: ReadonlyMap<string, Fun> = new Map(
  FUNCTIONS.map(([n, a, f]) => [`${n}/${a}`, exportedFun("lfe_shell", f ?? n, a)]),
);

function shellCall(f: string, ...args: Term[]): Term {
  return form("call", quote("lfe_shell"), quote(f), ...args);
}

// `(doc ...)` with 1 to 3 names, quoted; anything else is LFE's undefined_func error.
const doc: Macro = (args) => {
  if (args.length >= 1 && args.length <= 3) return shellCall("h", ...args.map((a) => quote(a)));
  return form(
    "call",
    quote("erlang"),
    quote("error"),
    quote(["undefined_func", ["doc", args.length]]),
  );
};

/** The shell's own macros by name. */
export const SHELL_MACROS: ReadonlyMap<string, Macro> = new Map<string, Macro>([
  ["c", (args) => shellCall("c", ...args)],
  ["ec", (args) => shellCall("ec", ...args)],
  ["l", (args) => shellCall("l", form("list", ...args))],
  ["ls", (args) => shellCall("ls", form("list", ...args))],
  ["m", (args) => args.length === 0 ? shellCall("m") : shellCall("m", form("list", ...args))],
  ["doc", doc],
]);
