/**
 * The LFE shell: reads forms, evaluates each in the shell's evaluator process, and prints the
 * value in LFE syntax (or the exception as LFE prints it). Variables set at the prompt stay;
 * an evaluator that dies is replaced, and the shell goes on. Everything the shell writes goes
 * through the node's group leader, in order with what other processes print.
 *
 * @module
 */

import {
  compileFile,
  evalForm,
  formatException,
  getCodePath,
  readForm,
  reloadModule,
} from "../lfe/mod.ts";
import {
  allProcesses,
  caught,
  type Node,
  NOMATCH,
  type Pid,
  printTerm,
  type ProcessSummary,
  putChars,
  receiveWith,
  takeAll,
  type Term,
} from "../runtime/mod.ts";
import {
  arrayToList,
  Cons,
  findModule,
  listToArray,
  loadedModules,
  thisNode,
} from "../runtime/mod.ts";
import type { LineEditor } from "./line_editor.ts";

/** Options of a shell. */
export interface ShellOptions {
  /** The prompt, e.g. `(ping@kosken)lfe> `. */
  prompt: string;
  /** The banner printed first. */
  banner: string;
  /** Called by `(q)`, `(halt)` and `(exit)`, and at the end of input. */
  stop: (code: number) => void;
  /** Writes the banner (and first prompt) at once, before any process runs. */
  write: (text: string) => void;
}

/** The prompt of a node: `(name)lfe> ` when distributed, else `lfe> `. */
export function promptFor(node: Node): string {
  return node.name === "nonode@nohost" ? "lfe> " : `(${node.name})lfe> `;
}

/**
 * Runs the shell over `lines` (standard input read line by line, not a terminal): forms may
 * span lines; each complete form is evaluated as it comes, and the prompt is written after its
 * value in the same write, so a session reads as it would at a terminal.
 */
export async function runShell(
  node: Node,
  lines: AsyncIterable<string>,
  o: ShellOptions,
): Promise<void> {
  const it = lines[Symbol.asyncIterator]();
  const evaluator = new Evaluator(node, new Map());
  o.write(o.banner + o.prompt);
  await shellLoop(
    evaluator,
    async () => {
      const r = await it.next();
      return r.done ? null : r.value;
    },
    o.prompt,
    o,
  );
}

/**
 * Runs the shell at a terminal: the line editor draws the prompt and the line being typed, and
 * output from other processes is written above it.
 */
export async function runTerminalShell(
  node: Node,
  editor: LineEditor,
  o: ShellOptions,
): Promise<void> {
  const evaluator = new Evaluator(node, new Map());
  o.write(o.banner);
  await shellLoop(evaluator, (more) => editor.readLine(more ? "" : o.prompt), "", o);
}

// Reads lines until forms are complete and evaluates each; `prompt` is what is written after
// a value (the prompt itself when nothing else draws it).
async function shellLoop(
  evaluator: Evaluator,
  next: (more: boolean) => Promise<string | null>,
  prompt: string,
  o: ShellOptions,
): Promise<void> {
  let pending = "";
  for (;;) {
    const line = await next(pending.trim() !== "");
    if (line === null) break;
    pending += line + "\n";
    for (;;) {
      const r = readForm(pending);
      if (r.kind === "more") {
        if (r.empty) pending = "";
        break;
      }
      if (r.kind === "error") {
        await evaluator.run({ kind: "print", text: `** ${r.error.message}\n${prompt}` });
        pending = "";
        break;
      }
      pending = r.rest;
      if (await evaluator.run({ kind: "eval", form: r.form, prompt })) {
        o.stop(0);
        return;
      }
      if (pending.trim() === "") {
        pending = "";
        break;
      }
    }
  }
  o.stop(0);
}

// A form to evaluate, with the prompt written after its value in the same write (so that
// output of other processes comes after the prompt, as in the seed's transcript).
type Job = { kind: "eval"; form: Term; prompt: string } | { kind: "print"; text: string };

// A job for the evaluator: an object no LFE pattern can make, so that messages sent to the
// shell (`(! (self) ...)`) stay in its mailbox for `(flush)` and `(receive ...)`.
class JobMessage {
  constructor(readonly job: Job, readonly done: (quit: boolean) => void) {}
}

/**
 * The shell's process: it evaluates one form at a time, so `(self)`, `(receive ...)` and
 * `(flush)` at the prompt act on one mailbox. If it dies, the next form gets a new one; the
 * variables live outside it and survive.
 */
class Evaluator {
  readonly #node: Node;
  readonly #env: Map<string, Term>;
  #pid: Pid | undefined;

  constructor(node: Node, env: Map<string, Term>) {
    this.#node = node;
    this.#env = env;
  }

  /** Runs a job; resolves `true` when it asks the shell to stop. */
  run(job: Job): Promise<boolean> {
    return new Promise((done) => {
      let pid = this.#pid;
      if (pid === undefined || this.#node.lookup(pid) === undefined) {
        pid = this.#pid = this.#node.spawn(evaluatorLoop, [this.#env], {
          initialCall: ["lfe_shell", "server", 0],
        });
      }
      this.#node.sendPid(pid, new JobMessage(job, done) as unknown as Term, null);
    });
  }
}

function* evaluatorLoop(env: Map<string, Term>): Generator<unknown, void, unknown> {
  for (;;) {
    const { job, done } = yield* receiveWith((m) => m instanceof JobMessage ? m : NOMATCH);
    if (job.kind === "print") {
      yield* putChars(job.text);
      done(false);
      continue;
    }
    let quit = false;
    try {
      const cmd = shellCommand(job.form);
      if (cmd === "quit") quit = true;
      else {
        env.set("-", job.form);
        const value = cmd !== undefined ? yield* cmd(env) : yield* evalForm(job.form, env);
        remember(env, job.form, value);
        yield* putChars(printTerm(value) + "\n" + job.prompt);
      }
    } catch (e) {
      if (e instanceof SyntaxError && !("cls" in e)) {
        yield* putChars(`** ${e.message}\n` + job.prompt);
      } else {
        const c = caught(e);
        yield* putChars(formatException(c.cls, c.reason, c.stack) + job.prompt);
      }
    }
    done(quit);
  }
}

// The shell's history variables: + ++ +++ the last forms, * ** *** their values.
function remember(env: Map<string, Term>, form: Term, value: Term): void {
  for (const [a, b, c] of [["+++", "++", "+"], ["***", "**", "*"]] as const) {
    if (env.has(b)) env.set(a, env.get(b) as Term);
    if (env.has(c)) env.set(b, env.get(c) as Term);
  }
  env.set("+", form);
  env.set("*", value);
}

type Command = (env: Map<string, Term>) => Generator<unknown, Term, unknown>;

// The shell's own commands: `(c "file")`, `(l 'mod)`, `(set pat expr)`, `(flush)`, `(pwd)`,
// `(cd "dir")`, `(help)`, `(q)`/`(halt)`/`(exit)`.
function shellCommand(form: Term): Command | "quit" | undefined {
  if (!(form instanceof Cons) || typeof form.hd !== "string") return undefined;
  const args = listToArray(form.tl);
  switch (form.hd) {
    case "q":
    case "halt":
    case "exit":
      return args.length === 0 ? "quit" : undefined;
    case "c":
      return args.length === 1
        ? function* (env) {
          const file = yield* evalForm(args[0] as Term, env);
          return ["module", compileFile(textOf(file))];
        }
        : undefined;
    case "l":
      return args.length === 1
        ? function* (env) {
          const name = yield* evalForm(args[0] as Term, env);
          const loaded = reloadModule(String(name));
          return loaded === undefined ? ["error", "nofile"] : ["module", loaded];
        }
        : undefined;
    case "set":
      return args.length === 2
        ? function* (env) {
          const value = yield* evalForm(args[1] as Term, env);
          // A pattern binds its variables: compiled as a let whose body lists them.
          const names = variables(args[0] as Term);
          const bound = yield* evalForm(
            new Cons(
              "let",
              new Cons(
                new Cons(new Cons(args[0] as Term, new Cons("$v", null)), null),
                new Cons(new Cons("list", listOf(names)), null),
              ),
            ),
            new Map([...env, ["$v", value]]),
          );
          listToArray(bound).forEach((v, i) => env.set(names[i] as string, v));
          return value;
        }
        : undefined;
    case "flush":
      return args.length === 0
        ? function* () {
          for (const m of takeAll()) yield* putChars(`Shell got ${printTerm(m)}\n`);
          return "ok";
        }
        : undefined;
    case "pwd":
      return args.length === 0
        ? function* () {
          yield* putChars(Deno.cwd() + "\n");
          return "ok";
        }
        : undefined;
    case "cd":
      return args.length === 1
        ? function* (env) {
          Deno.chdir(textOf(yield* evalForm(args[0] as Term, env)));
          yield* putChars(Deno.cwd() + "\n");
          return "ok";
        }
        : undefined;
    case "regs":
      return args.length === 0
        ? function* () {
          yield* putChars(regsText(yield* allProcesses()));
          return "ok";
        }
        : undefined;
    case "i":
      return args.length === 0
        ? function* () {
          yield* putChars(processesText(yield* allProcesses()));
          return "ok";
        }
        : undefined;
    case "m":
      return args.length === 1
        ? function* (env) {
          const name = yield* evalForm(args[0] as Term, env);
          yield* putChars(moduleText(String(name)));
          return "ok";
        }
        : undefined;
    case "ls":
      return args.length <= 1
        ? function* (env) {
          const dir = args.length === 0 ? "." : textOf(yield* evalForm(args[0] as Term, env));
          const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
          yield* putChars(names.join("  ") + "\n");
          return "ok";
        }
        : undefined;
    case "memory":
      return args.length === 0
        ? function* () {
          const m = Deno.memoryUsage();
          return arrayToList([
            ["total", m.rss],
            ["processes", (yield* allProcesses()).length],
            ["heap_total", m.heapTotal],
            ["heap_used", m.heapUsed],
            ["external", m.external],
          ]);
        }
        : undefined;
    case "help":
      return args.length === 0
        ? function* () {
          yield* putChars(HELP);
          return "ok";
        }
        : undefined;
  }
  return undefined;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s + " " : s + " ".repeat(n - s.length);
}

function callText(t: Term): string {
  return Array.isArray(t) && t.length === 3
    ? `${String(t[0])}:${String(t[1])}/${String(t[2])}`
    : printTerm(t);
}

function regsText(all: ProcessSummary[]): string {
  let s = `\n** Registered procs on node ${thisNode().name} **\n`;
  s += pad("Name", 22) + pad("Pid", 13) + pad("Initial Call", 34) + pad("Reds", 8) + "Msgs\n";
  const named = all.filter((p) => p.name !== undefined);
  named.sort((a, b) => String(a.name) < String(b.name) ? -1 : 1);
  for (const p of named) {
    s += pad(String(p.name), 22) + pad(printTerm(p.pid), 13) + pad(callText(p.initialCall), 34) +
      pad(String(p.reductions), 8) + p.messages + "\n";
  }
  return s;
}

function processesText(all: ProcessSummary[]): string {
  let s = pad("Pid", 13) + pad("Initial Call", 34) + pad("Reds", 10) + pad("Msgs", 6) +
    "Registered\n";
  for (const p of all) {
    s += pad(printTerm(p.pid), 13) + pad(callText(p.initialCall), 34) +
      pad(String(p.reductions), 10) +
      pad(String(p.messages), 6) + (p.name ?? "") + "\n";
  }
  return s;
}

function moduleText(name: string): string {
  const fns = findModule(name);
  if (fns === undefined) return `Module ${name} is not loaded and not on the code path\n`;
  const keys = Object.keys(fns).filter((k) => k.includes("/")).sort();
  return `Module: ${name}\nExports:\n${keys.map((k) => `  ${k}`).join("\n")}\n`;
}

const HELP = `(c File)     compile and load an LFE file
(l Module)   load or reload a module from the code path
(set P E)    evaluate E and bind the variables of pattern P
(m Module)   the functions a module exports
(i)          the processes of this node
(regs)       the registered processes
(ls) (ls Dir)  the files in a directory
(memory)     what the node uses of memory
(flush)      print and remove the messages in the shell's mailbox
(pwd)        print the working directory
(cd Dir)     change the working directory
(help)       this text
(q) (halt) (exit)  leave the shell and stop the node
`;

function textOf(t: Term): string {
  if (typeof t === "string") return t;
  return listToArray(t).map((c) => String.fromCodePoint(c as number)).join("");
}

function listOf(names: string[]): Term {
  return names.reduceRight<Term>((acc, n) => new Cons(n, acc), null);
}

// The variables a pattern binds, in order of first appearance.
function variables(p: Term, out: string[] = []): string[] {
  if (typeof p === "string") {
    if (p !== "_" && !out.includes(p)) out.push(p);
  } else if (p instanceof Cons) {
    if (p.hd === "quote") return out;
    for (let c: Term = p.tl; c instanceof Cons; c = c.tl) variables(c.hd, out);
  }
  return out;
}

/** Lines of standard input, without their newline. */
export async function* stdinLines(): AsyncGenerator<string> {
  const decoder = new TextDecoderStream();
  let rest = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(decoder)) {
    rest += chunk;
    const parts = rest.split("\n");
    rest = parts.pop() as string;
    for (const p of parts) yield p;
  }
  if (rest !== "") yield rest;
}

/** Where the shell keeps its history across runs: `~/.lfe_node_history`. */
export function historyFile(): string | undefined {
  const home = Deno.env.get("HOME");
  return home === undefined ? undefined : `${home}/.lfe_node_history`;
}

/** Tab completion: module names, or after `mod:` the functions `mod` exports. */
export function completions(word: string): string[] {
  const colon = word.indexOf(":");
  if (colon > 0) {
    const mod = word.slice(0, colon);
    const fns = findModule(mod);
    if (fns === undefined) return [];
    const names = [...new Set(Object.keys(fns).map((k) => k.replace(/\/\d+$/, "")))];
    return names.map((n) => `${mod}:${n}`).filter((c) => c.startsWith(word)).sort();
  }
  const mods = new Set(loadedModules());
  for (const dir of getCodePath()) {
    try {
      for (const e of Deno.readDirSync(dir)) {
        if (e.isFile && e.name.endsWith(".lfe")) mods.add(e.name.slice(0, -4));
      }
    } catch { /* a directory that is not there */ }
  }
  return [...mods].filter((m) => m.startsWith(word)).sort().map((m) => m + ":");
}
