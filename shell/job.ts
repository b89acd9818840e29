/**
 * One shell as the terminal sees it (a job of Ctrl-G's job control): a front process on this
 * node that starts the shell's server on the node it evaluates on (this one, or another for
 * `-remsh` and Ctrl-G `r`) and passes it the forms read here. The server's output comes through
 * this node's group leader, so it appears on this terminal whichever node runs the shell.
 *
 * @module
 */

import {
  exit,
  list,
  makeRef,
  type Node,
  Pid,
  putChars,
  receiveWith,
  refKey,
  samePid,
  self,
  send,
  spawnOn,
  type Term,
  trapExit,
  type Yielded,
} from "../runtime/mod.ts";
import { erpcCall } from "../lfe/builtins/net.ts";
import { exceptionText } from "./server.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

// What the terminal asks of the front process: objects no LFE pattern can make.
class Ask {
  constructor(
    readonly kind: "eval" | "interrupt" | "kill",
    readonly form: Term = null,
    readonly prompt = "",
    readonly done: () => void = () => {},
  ) {}
}

/** Options of a {@linkcode ShellJob}. */
export interface ShellJobOptions {
  /** The node the shell evaluates on; this node by default. */
  target?: string;
  /** Called once the shell is gone (its node lost, or killed), with what to print. */
  onEnd?: (text: string) => void;
}

/** A shell: where its forms go, and whether one is being evaluated. */
export class ShellJob {
  readonly node: Node;
  readonly target: string;
  /** A form is being evaluated. */
  busy = false;
  /** The shell is gone. */
  ended = false;
  #front: Pid;
  readonly #started: Promise<boolean>;
  #onEnd: (text: string) => void;

  constructor(node: Node, options: ShellJobOptions = {}) {
    this.node = node;
    this.target = options.target ?? node.name;
    this.#onEnd = options.onEnd ?? (() => {});
    let started!: (ok: boolean) => void;
    this.#started = new Promise((r) => started = r);
    this.#front = node.spawn(front, [this, started], { initialCall: ["lfe_shell", "start", 0] });
  }

  /** Whether the shell runs on another node than this one. */
  get remote(): boolean {
    return this.target !== this.node.name;
  }

  /** Resolves once the shell's server runs (`false` if it could not be started). */
  started(): Promise<boolean> {
    return this.#started;
  }

  /** Evaluates `form`; resolves once its value (and `prompt` after it) is printed. */
  evaluate(form: Term, prompt = ""): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.busy = true;
    return new Promise((done) => {
      this.#ask(
        new Ask("eval", form, prompt, () => {
          this.busy = false;
          done();
        }),
      );
    });
  }

  /** Kills the evaluation under way, keeping the shell (Ctrl-G `i`). */
  interrupt(): void {
    this.#ask(new Ask("interrupt"));
  }

  /** Ends the shell (Ctrl-G `k`). */
  kill(): void {
    this.#ask(new Ask("kill"));
  }

  #ask(a: Ask): void {
    this.node.sendPid(this.#front, a as unknown as Term, null);
  }

  /** Marks the shell gone and says why. */
  end(text: string): void {
    if (this.ended) return;
    this.ended = true;
    this.busy = false;
    this.#onEnd(text);
  }
}

function* front(job: ShellJob, started: (ok: boolean) => void): Gen<void> {
  trapExit(true);
  let server: Pid;
  try {
    // A node of this runtime runs the shell itself; a BEAM node (Erlang or LFE) evaluates the
    // forms that a shell here sends it.
    const ours = !job.remote ||
      (yield* erpcCall(
          job.target,
          "erlang",
          "function_exported",
          list("lfe_shell", "-server-", 2),
        )) === true;
    server = ours
      ? yield* spawnOn(job.target, "lfe_shell", "-server-", [self(), null], { link: true })
      : yield* spawnOn(job.node.name, "lfe_shell", "-server-", [self(), ["beam", job.target]], {
        link: true,
      });
  } catch (e) {
    started(false);
    job.end(exceptionText(e));
    return;
  }
  started(true);
  const waiting = new Map<string, () => void>();
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (m instanceof Ask) {
      if (m.kind === "eval") {
        const ref = makeRef();
        try {
          send(server, ["lfe_shell_eval", ref, m.form, m.prompt]);
          waiting.set(refKey(ref), m.done);
        } catch (e) {
          // A form no message can carry (nested beyond what terms may be): said, not sent.
          const why = (e as Error).message.replace(/^Cannot send to [^:]*: /, "");
          yield* putChars(
            `** exception error: the form cannot be evaluated: ${why}\n\n${m.prompt}`,
          );
          m.done();
        }
      } else if (m.kind === "interrupt") send(server, "lfe_shell_interrupt");
      else {
        exit(server, "kill");
        for (const done of waiting.values()) done();
        job.end("");
        return;
      }
    } else if (Array.isArray(m) && m[0] === "lfe_shell_done" && m.length === 2) {
      const key = refKey(m[1] as Parameters<typeof refKey>[0]);
      waiting.get(key)?.();
      waiting.delete(key);
    } else if (
      Array.isArray(m) && m[0] === "EXIT" && m[1] instanceof Pid && samePid(m[1], server)
    ) {
      for (const done of waiting.values()) done();
      job.end(
        job.remote
          ? "*** ERROR: Shell process terminated! (^G to start new job) ***\n"
          : "*** ERROR: Shell process terminated! ***\n",
      );
      return;
    }
  }
}
