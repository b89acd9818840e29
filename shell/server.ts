/**
 * The processes of one shell on the node where it evaluates, as `lfe_shell` has them: a server
 * that keeps the shell's state and an evaluator it starts, which runs each form and prints its
 * value (or its exception) through its group leader. `(self)` at the prompt is the evaluator;
 * after an exception it is replaced, and the state goes back to what it was before the form.
 * The server speaks to its front, the process that reads for it (here or on another node, for
 * `-remsh`), in terms only:
 *
 * - `#(lfe_shell_eval Ref Form Prompt)`: evaluate; `#(lfe_shell_done Ref)` comes back after
 *   the value and `Prompt` are printed;
 * - `lfe_shell_interrupt`: kill the evaluation under way (Ctrl-G `i`).
 *
 * @module
 */

import {
  caught,
  currentProcess,
  ErlangError,
  exit,
  link,
  NOMATCH,
  Pid,
  putChars,
  receiveWith,
  samePid,
  self as selfPid,
  send,
  type Term,
  thisNode,
  trapExit,
  type Yielded,
} from "../runtime/mod.ts";
import { formatException } from "../lfe/mod.ts";
import { prettyLfe } from "../lfe/builtins/_lfe_pretty.ts";
import { evalTop } from "./forms.ts";
import { ShellState } from "./state.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

// A form for the evaluator, from its server: an object no LFE pattern can make, so that
// messages sent to the shell (`(! (self) ...)`) stay in its mailbox for `(flush)`.
class EvalJob {
  constructor(readonly form: Term, readonly prompt: string) {}
}

// The evaluator's answer: the form's value was printed, or its exception.
class EvalDone {
  constructor(readonly ok: boolean) {}
}

// Sends an object of this isolate (not a term) to a process of it.
function post(to: Pid, m: EvalJob | EvalDone): void {
  const p = currentProcess();
  (p?.node ?? thisNode()).sendPid(to, m as unknown as Term, p);
}

function isMessage(m: Term, tag: string, size: number): m is Term[] {
  return Array.isArray(m) && m.length === size && m[0] === tag;
}

// `#(EXIT pid reason)` from `pid`.
function exitFrom(m: Term, pid: Pid): m is Term[] {
  return isMessage(m, "EXIT", 3) && m[1] instanceof Pid && samePid(m[1], pid);
}

/** The text of an exception at the prompt, as `lfe_shell:report_exception/3` prints it. */
export function exceptionText(e: unknown, withStack = true): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return "** exception error: the form is nested too deeply to evaluate\n\n";
  }
  // A form the compiler cannot take: what is wrong with it, in words, not JavaScript's stack.
  if (e instanceof Error && !(e instanceof ErlangError)) {
    const m = e.message;
    return `** exception error: ${m.charAt(0).toLowerCase()}${m.slice(1)}\n\n`;
  }
  const c = caught(e as ErlangError);
  return formatException(c.cls, c.reason, withStack ? c.stack : null);
}

function* evaluator(server: Pid, st: ShellState): Gen<void> {
  for (;;) {
    const job = yield* receiveWith((m) => m instanceof EvalJob ? m : NOMATCH);
    try {
      st.vars.set("-", job.form);
      const value = yield* evalTop(job.form, st);
      st.remember(job.form, value);
      yield* putChars(prettyLfe(value, 30, 0, 80) + "\n" + job.prompt);
      post(server, new EvalDone(true));
    } catch (e) {
      yield* putChars(exceptionText(e) + job.prompt);
      post(server, new EvalDone(false));
      // A new evaluator takes the next form, as in LFE: `(self)` changes after an error.
      exit("normal");
    }
  }
}

/**
 * The shell server (`lfe_shell:'-server-'/2`): runs the shell for `front`, the process that
 * reads its forms, until `front` goes.
 */
export function* shellServer(front: Term, options: Term): Gen<void> {
  if (!(front instanceof Pid)) return;
  trapExit(true);
  link(front);
  const self = selfPid();
  // `#(beam Node)`: the shell's expressions run on that BEAM node, through erl_eval.
  const beam = Array.isArray(options) && options[0] === "beam" ? String(options[1]) : undefined;
  const st = new ShellState("lfe", null, beam);
  const me = currentProcess();
  const start = () =>
    (me?.node ?? thisNode()).spawn(evaluator, [self, st], {
      parent: me,
      link: true,
      initialCall: ["erlang", "apply", 2],
    });
  let ev = start();
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (exitFrom(m, front)) exit(m[2] as Term);
    if (exitFrom(m, ev)) {
      // The evaluator was killed while it waited: the shell says so and starts another.
      yield* putChars(exceptionText(exitOf(m[2] as Term)));
      ev = start();
      continue;
    }
    if (!isMessage(m, "lfe_shell_eval", 4)) continue;
    const [, ref, form, prompt] = m as unknown as [string, Term, Term, Term];
    const before = st.snapshot();
    post(ev, new EvalJob(form, typeof prompt === "string" ? prompt : ""));
    for (;;) {
      const r = yield* receiveWith((x) =>
        x instanceof EvalDone || x === "lfe_shell_interrupt" || exitFrom(x, ev) ||
          exitFrom(x, front)
          ? x
          : NOMATCH
      );
      if (r === "lfe_shell_interrupt") {
        exit(ev, "kill");
        continue;
      }
      if (r instanceof EvalDone) {
        if (r.ok) break;
        st.restore(before);
        // It exits once its exception is printed; the next form gets a new one.
        yield* receiveWith((x) => exitFrom(x, ev) ? x : NOMATCH);
        ev = start();
        break;
      }
      const [, , reason] = r as Term[];
      if (exitFrom(r, front)) exit(reason as Term);
      // Killed or exited in the middle of the form: the state from before it, a new evaluator.
      st.restore(before);
      yield* putChars(exceptionText(exitOf(reason as Term)) + (prompt as string));
      ev = start();
      break;
    }
    send(front as Pid, ["lfe_shell_done", ref]);
  }
}

function exitOf(reason: Term): ErlangError {
  return new ErlangError("exit", reason);
}
