/**
 * The module `os` of OTP 25: the environment (`getenv`, `putenv`, `unsetenv`, `env`), the
 * operating system (`type`, `version`, `getpid`), its clocks in any time unit, `find_executable`,
 * `set_signal`, and `cmd`, which runs a command in `/bin/sh` with its errors in its output, as
 * OTP's does: the calling process waits for it (others run on), and takes its output as a
 * string.
 *
 * @example
 * ```ts
 * import { OS } from "./os.ts";
 * OS["type/0"]!(); // #(unix linux)
 * ```
 *
 * @module
 */

import { sendTerm } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { HOLE, WAIT } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { charlist, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { convertTimeUnit, systemTime, timestamp } from "./_erlang_time.ts";
import { type Gen } from "./_coll.ts";
import { moduleTable } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

/** A flat string (a list of characters); `badarg` for anything else. */
function flatString(t: Term): string {
  let s = "";
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (typeof h !== "number" || !Number.isInteger(h) || h < 0 || h > 0x10ffff) badarg();
    s += String.fromCodePoint(h);
  }
  return c === null ? s : badarg();
}

/** A command: an atom, or characters in lists as deep as they come (no binaries). */
function command(t: Term): string {
  if (typeof t === "string") return t;
  if (typeof t === "boolean") return String(t);
  let s = "";
  const walk = (x: Term): void => {
    let c = x;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && Number.isInteger(h) && h >= 0 && h <= 0x10ffff) {
        s += String.fromCodePoint(h);
      } else if (h instanceof Cons || h === null) walk(h);
      else badarg();
    }
    if (c !== null) badarg();
  };
  walk(t);
  return s;
}

/** An environment variable's name: a string with no `=` and no NUL. */
function varName(t: Term): string {
  const s = flatString(t);
  return s.includes("=") || s.includes("\0") ? badarg() : s;
}

function getenv(name: Term): Term {
  const s = flatString(name);
  if (s === "" || s.includes("=")) return false;
  const v = Deno.env.get(s);
  return v === undefined ? false : charlist(v);
}

function kernelVersion(): Term {
  const parts = Deno.osRelease().split(/[^0-9]+/).filter((p) => p !== "").map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

function findExecutable(name: Term, path?: Term): Term {
  const n = flatString(name);
  const dirs = (path === undefined ? Deno.env.get("PATH") ?? "" : flatString(path)).split(":");
  const candidates = n.includes("/") ? [n] : dirs.map((d) => `${d === "" ? "." : d}/${n}`);
  for (const c of candidates) {
    try {
      const st = Deno.statSync(c);
      if (st.isFile && st.mode !== null && (st.mode & 0o111) !== 0) {
        return charlist(c.startsWith("/") ? c : `${Deno.cwd()}/${c}`);
      }
    } catch { /* not there */ }
  }
  return false;
}

const SIGNALS = new Set([
  "sighup",
  "sigquit",
  "sigabrt",
  "sigalrm",
  "sigterm",
  "sigusr1",
  "sigusr2",
  "sigchld",
  "sigstop",
  "sigtstp",
]);

const decoder = new TextDecoder();

async function run(script: string): Promise<string> {
  try {
    const child = new Deno.Command("/bin/sh", {
      args: ["-c", "exec /bin/sh -s 2>&1"],
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(script)).catch(() => {});
    await w.close().catch(() => {});
    return decoder.decode((await child.output()).stdout);
  } catch {
    return "";
  }
}

// `cmd/1,2`: `/bin/sh` runs the command with its standard error in its standard output; the
// process waits for the answer, which comes as a message only this call looks for.
function* cmd(cmdTerm: Term, options: Term = new TermMap()): Gen<Term> {
  const text = command(cmdTerm);
  if (!(options instanceof TermMap)) badarg();
  let max = Infinity;
  const m = options.get("max_size");
  if (m !== undefined) {
    if (typeof m === "number" && Number.isInteger(m) && m >= 0) max = m;
    else if (m !== "infinity") badarg();
  }
  const p = currentProcess();
  if (p === undefined || p === null) return badarg();
  const ref = p.node.makeRef();
  const to = p.pid;
  // As OTP's: the shell reads the command, in a subshell whose input is empty.
  run(`(${text}\n) </dev/null\n`).then((s) => {
    const chars = [...s];
    sendTerm(to, [ref, charlist((max < chars.length ? chars.slice(0, max) : chars).join(""))]);
  });
  let i = p.q === null ? 0 : p.qt;
  for (;;) {
    const q = p.q;
    if (q !== null) {
      for (; i < p.qt; i++) {
        const msg = q[i] as Term | typeof HOLE;
        if (Array.isArray(msg) && msg.length === 2 && msg[0] === ref) {
          p.take(i);
          return msg[1] as Term;
        }
      }
    }
    p.waitLen = p.qt;
    yield WAIT;
  }
}

/** The functions of `os`, by `name/arity`. */
export const OS: ModuleFunctions = moduleTable("os", {
  "getenv/0": () => {
    let l: Term = null;
    const all = Object.entries(Deno.env.toObject()).reverse();
    for (const [k, v] of all) l = new Cons(charlist(`${k}=${v}`), l);
    return l;
  },
  "getenv/1": getenv,
  "getenv/2": (name: Term, dflt: Term) => {
    const v = getenv(name);
    return v === false ? dflt : v;
  },
  "env/0": () => {
    let l: Term = null;
    const all = Object.entries(Deno.env.toObject()).reverse();
    for (const [k, v] of all) l = new Cons([charlist(k), charlist(v)], l);
    return l;
  },
  "putenv/2": (name: Term, value: Term) => {
    const n = varName(name);
    const v = flatString(value);
    if (v.includes("\0")) badarg();
    if (n !== "") Deno.env.set(n, v);
    return true;
  },
  "unsetenv/1": (name: Term) => {
    const n = varName(name);
    if (n !== "") Deno.env.delete(n);
    return true;
  },
  "getpid/0": () => charlist(String(Deno.pid)),
  "type/0": () => ["unix", Deno.build.os === "darwin" ? "darwin" : Deno.build.os],
  "version/0": kernelVersion,
  "timestamp/0": timestamp,
  "system_time/0": () => systemTime(),
  "system_time/1": (unit: Term) => systemTime(unit),
  "perf_counter/0": () => Math.round(performance.now() * 1e6),
  "perf_counter/1": (unit: Term) =>
    convertTimeUnit(Math.round(performance.now() * 1e6), "perf_counter", unit),
  "find_executable/1": (name: Term) => findExecutable(name),
  "find_executable/2": (name: Term, path: Term) => findExecutable(name, path),
  "set_signal/2": (signal: Term, option: Term) => {
    if (typeof signal !== "string" || !SIGNALS.has(signal)) badarg();
    if (option !== "default" && option !== "handle" && option !== "ignore") badarg();
    return "ok";
  },
  "cmd/1": function* (c: Term) {
    return yield* cmd(c);
  },
  "cmd/2": function* (c: Term, o: Term) {
    return yield* cmd(c, o);
  },
});
