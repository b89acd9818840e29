/**
 * The shell's commands as the modules `lfe_shell` and `c` have them: functions callable from
 * the prompt (`(i)`, `(regs)`, `(c "file")` ...), from any code (`(lfe_shell:i)`, `(c:regs)`),
 * and on any node of this runtime. Output goes through the caller's group leader; tables and
 * texts are laid out as LFE 2.2 and OTP 25 lay them out.
 *
 * @module
 */

import { defineModule, list, type ModuleFunctions, type Term } from "../runtime/mod.ts";
import * as file from "./commands_file.ts";
import * as info from "./commands_info.ts";
import * as print from "./commands_print.ts";
import { shellServer } from "./server.ts";

/** `lfe_shell`'s functions. */
const LFE_SHELL: ModuleFunctions = {
  "c/1": (f: Term) => file.c(f),
  "c/2": file.c,
  "cd/1": file.cd,
  "ec/1": (f: Term) => file.ec(f),
  "ec/2": file.ec,
  "ep/1": (x: Term) => print.ep(x),
  "ep/2": print.ep,
  "epp/1": (x: Term) => print.epp(x),
  "epp/2": print.epp,
  "flush/0": info.flush,
  "help/0": print.help,
  "h/1": (m: Term) => file.h(m),
  "h/2": (m: Term, f: Term) => file.h(m, f),
  "h/3": file.h,
  "i/0": info.i0,
  "i/1": info.i1,
  "i/3": info.i3,
  "l/1": file.l,
  "ls/1": file.ls,
  "clear/0": print.clear,
  "m/0": file.m0,
  "m/1": file.m1,
  "memory/0": info.memory0,
  "memory/1": info.memory1,
  "nregs/0": info.nregs,
  "pid/3": info.pid3,
  "p/1": (x: Term) => print.p(x),
  "p/2": print.p,
  "pp/1": (x: Term) => print.pp(x),
  "pp/2": print.pp,
  "pwd/0": file.pwd,
  "q/0": info.exit0,
  "regs/0": info.regs,
  "uptime/0": info.uptime,
  "exit/0": info.exit0,
  // Started on the node a shell evaluates on (locally, or from another node's -remsh).
  "-server-/2": shellServer,
};

/** Erlang's `c`: the same commands by Erlang's names. */
const C: ModuleFunctions = {
  "c/1": (f: Term) => file.c(f),
  "c/2": file.c,
  "cd/1": file.cd,
  "flush/0": info.flush,
  "i/0": info.i0,
  "i/1": info.i1,
  "i/3": info.i3,
  "l/1": file.l1,
  "ls/0": () => file.ls(null),
  "ls/1": (d: Term) => file.ls(list(d)),
  "m/0": file.m0,
  "m/1": (m: Term) => file.m1(list(m)),
  "memory/0": info.memory0,
  "memory/1": info.memory1,
  "nregs/0": info.nregs,
  "pid/3": info.pid3,
  "pwd/0": file.pwd,
  "q/0": info.exit0,
  "regs/0": info.regs,
  "uptime/0": info.uptime,
};

let registered = false;

/** Defines the modules `lfe_shell` and `c` (once per isolate). */
export function registerShellModules(): void {
  if (registered) return;
  registered = true;
  defineModule("lfe_shell", LFE_SHELL);
  defineModule("c", C);
}
