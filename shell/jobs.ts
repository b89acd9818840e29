/**
 * The shell at a terminal, with job control as `erl` has it: Ctrl-G opens the user switch menu
 * (`c [nn]` connect, `i [nn]` interrupt, `k [nn]` kill, `j` list, `s` a new local shell,
 * `r [node]` a shell on another node, `q` quit, `h` help). The job connected to the terminal
 * reads the lines typed; every shell's output, and everything else the node prints, goes above
 * the line being typed.
 *
 * @module
 */

import { formatErlang, type Node, type Term } from "../runtime/mod.ts";
import { FormReader } from "./form_reader.ts";
import { ShellJob } from "./job.ts";
import type { LineEditor } from "./line_editor.ts";

const MENU_HELP = `  c [nn]            - connect to job
  i [nn]            - interrupt job
  k [nn]            - kill job
  j                 - list all jobs
  s [shell]         - start local shell
  r [node [shell]]  - start remote shell
  q                 - quit erlang
  ? | h             - this message
`;

/** Options of {@linkcode JobControl}. */
export interface JobControlOptions {
  /** The prompt of a shell evaluating on `node`: `(node)lfe> `. */
  prompt: (node: string) => string;
  /** Quits the node (menu `q`, Ctrl-D on an empty line). */
  quit: () => void;
}

interface Job {
  id: number;
  shell: ShellJob;
  reader: FormReader;
}

/** The shells of a terminal and the one connected to it. */
export class JobControl {
  readonly #node: Node;
  readonly #editor: LineEditor;
  readonly #o: JobControlOptions;
  readonly #jobs: Job[] = [];
  #next = 1;
  #current: Job | undefined;
  #menu = false;
  #wake: (() => void) | undefined;

  constructor(node: Node, editor: LineEditor, options: JobControlOptions) {
    this.#node = node;
    this.#editor = editor;
    this.#o = options;
  }

  /** Starts a shell evaluating on `target` (this node by default) and makes it current. */
  start(target?: string): ShellJob {
    const shell = new ShellJob(this.#node, {
      ...(target !== undefined ? { target } : {}),
      onEnd: (text) => {
        if (text !== "") this.#editor.printAbove(text);
        const i = this.#jobs.findIndex((j) => j.shell === shell);
        if (i >= 0) this.#jobs.splice(i, 1);
        if (this.#current?.shell === shell) this.#current = undefined;
        this.#notify();
      },
    });
    const job = { id: this.#next++, shell, reader: new FormReader() };
    this.#jobs.push(job);
    this.#current = job;
    return shell;
  }

  /** Reads lines for the current shell until the input ends. */
  async run(): Promise<void> {
    for (;;) {
      const job = this.#current;
      if (this.#menu || job === undefined || job.shell.busy) {
        await new Promise<void>((r) => this.#wake = r);
        continue;
      }
      const prompt = job.reader.pending ? "" : this.#o.prompt(job.shell.target);
      const line = await this.#editor.readLine(prompt);
      if (line === undefined) continue; // the menu took the terminal
      if (line === null) {
        this.#o.quit();
        return;
      }
      if (this.#current !== job) continue;
      const ev = job.reader.push(line);
      if (ev === undefined) continue;
      if (ev.kind === "error") {
        this.#editor.printAbove(`${ev.text}\n`);
        continue;
      }
      void job.shell.evaluate(ev.form).then(() => this.#notify());
    }
  }

  #notify(): void {
    const w = this.#wake;
    this.#wake = undefined;
    w?.();
  }

  /** Ctrl-G: the user switch menu, until a job is connected again. */
  async menu(): Promise<void> {
    if (this.#menu) return;
    this.#menu = true;
    this.#editor.cancel();
    this.#current?.reader.clear();
    this.#editor.printAbove("User switch command\n");
    try {
      for (;;) {
        const line = await this.#editor.readLine(" --> ");
        if (line === undefined) continue;
        if (line === null) {
          this.#o.quit();
          return;
        }
        if (this.#command(line.trim())) return;
      }
    } finally {
      this.#menu = false;
      this.#notify();
    }
  }

  // One command of the menu; answers whether the menu is done.
  #command(line: string): boolean {
    const [cmd = "", ...args] = line.split(/\s+/);
    const say = (t: string) => this.#editor.printAbove(t);
    const pick = (): Job | undefined => {
      if (args.length === 0) return this.#current;
      const n = Number(args[0]);
      return this.#jobs.find((j) => j.id === n);
    };
    switch (cmd) {
      case "":
        return false;
      case "c": {
        const job = pick();
        if (job === undefined) {
          say("Unknown job\n");
          return false;
        }
        this.#current = job;
        return true;
      }
      case "i": {
        const job = pick();
        if (job === undefined) say("Unknown job\n");
        else job.shell.interrupt();
        return false;
      }
      case "k": {
        const job = pick();
        if (job === undefined) say("Unknown job\n");
        else job.shell.kill();
        return false;
      }
      case "j":
        say(
          this.#jobs.map((j) => `   ${j.id}${j === this.#current ? "*" : " "} ${label(j.shell)}\n`)
            .join(""),
        );
        return false;
      case "s":
        if (args.length > 0 && args[0] !== "lfe_shell") {
          say(`This node runs LFE shells only: ${args[0]} cannot be started\n`);
        } else this.start();
        return false;
      case "r": {
        if (this.#node.name === "nonode@nohost") {
          say("Not alive\n");
          return false;
        }
        const target = args[0] ?? this.#node.name;
        this.start(fullNodeName(target, this.#node.name));
        return false;
      }
      case "q":
        this.#o.quit();
        return true;
      case "h":
      case "?":
        say(MENU_HELP);
        return false;
      default:
        say("Unknown command\n");
        return false;
    }
  }
}

/** The node a shell is asked for: `pong` is pong on the host of `self`, this node. */
export function fullNodeName(name: string, self: string): string {
  return name.includes("@") ? name : `${name}@${self.split("@")[1]}`;
}

// A job as `j` lists it: the call that started its shell, with the node when it is remote.
function label(s: ShellJob): string {
  const call: Term[] = s.remote
    ? [s.target, "lfe_shell", "start", null]
    : ["lfe_shell", "start", null];
  return formatErlang(call);
}
