/**
 * Io as Erlang does it: printing is an io request to the process's group leader, which writes
 * and replies. The node's default group leader, registered as `user`, writes to an output
 * function (the terminal by default). Crash reports go the same way.
 *
 * @module
 */

import { resolvePlain } from "./call.ts";
import { findFunction } from "./code.ts";
import type { Node } from "./node.ts";
import { type Process, State } from "./process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "./receive.ts";
import { printTerm } from "./print_term.ts";
import { exactEq } from "./term_order.ts";
import { Cons, listToArray, Pid, type Term } from "./terms.ts";
import type { Yielded } from "./process.ts";

/** Where a group leader writes text. */
export type Output = (text: string) => void;

const decoder = new TextDecoder();

/** The text of io data: binaries, character codes and nested lists of them. */
export function iodataToString(data: Term): string {
  if (data instanceof Uint8Array) return decoder.decode(data);
  if (typeof data === "string") return data;
  let s = "";
  const stack: Term[] = [data];
  while (stack.length > 0) {
    let t = stack.pop() as Term;
    while (t instanceof Cons) {
      const h = t.hd;
      if (typeof h === "number") s += String.fromCodePoint(h);
      else if (h instanceof Uint8Array) s += decoder.decode(h);
      else if (h instanceof Cons || h === null) {
        stack.push(t.tl);
        t = h;
        continue;
      } else throw new TypeError(`Cannot write ${printTerm(h)}: not io data`);
      t = t.tl;
    }
    if (t instanceof Uint8Array) s += decoder.decode(t);
    else if (t !== null) throw new TypeError(`Cannot write ${printTerm(t)}: not io data`);
  }
  return s;
}

/** The answer of a group leader to one io request. */
function ioAnswer(req: Term, write: Output): Term {
  if (!Array.isArray(req)) return ["error", "request"];
  if (req[0] === "put_chars" && (req.length === 2 || req.length === 3)) {
    try {
      write(iodataToString(req[req.length - 1] as Term));
      return "ok";
    } catch {
      return ["error", "put_chars"];
    }
  }
  if (req[0] === "put_chars" && (req.length === 4 || req.length === 5)) {
    // `{put_chars, [Encoding,] Module, Function, Args}`: the text is what the call makes, as
    // Erlang's io:format sends it (io_lib:format with the format and its arguments).
    const [m, f, a] = req.slice(-3);
    try {
      const args = listToArray(a as Term);
      const fn = findFunction(String(m), String(f), args.length);
      if (fn === undefined) return ["error", "put_chars"];
      // A function that would have to wait has no place here: resolvePlain refuses it.
      write(iodataToString(resolvePlain(fn(...args))));
      return "ok";
    } catch {
      return ["error", "put_chars"];
    }
  }
  if (req[0] === "requests" && req[1] !== undefined) {
    let r: Term = "ok";
    for (let c = req[1]; c instanceof Cons; c = c.tl) {
      r = ioAnswer(c.hd, write);
      if (r !== "ok") break;
    }
    return r;
  }
  return ["error", "request"];
}

/** The body of a group leader writing to `write`: answers io requests until told to stop. */
export function* groupLeaderBody(write: Output): Generator<Yielded, void, unknown> {
  const p = mustCurrent("groupLeaderBody");
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (Array.isArray(m) && m[0] === "io_request" && m.length === 4 && m[1] instanceof Pid) {
      p.node.sendPid(m[1], ["io_reply", m[2] as Term, ioAnswer(m[3] as Term, write)], p);
    }
  }
}

/** Writes `text` to the terminal, all of it. */
export function writeStdout(text: string): void {
  const bytes = new TextEncoder().encode(text);
  let off = 0;
  while (off < bytes.length) off += Deno.stdout.writeSync(bytes.subarray(off));
}

/** Starts the default group leader of `node`, registered as `user`, writing to `write`. */
export function startUser(node: Node, write: Output = writeStdout): Pid {
  const pid = node.spawn(groupLeaderBody, [write], { initialCall: ["user", "server", 1] });
  node.register("user", node.lookup(pid) as Process);
  node.defaultGroupLeader = pid;
  node.reportCrash = (p, reason) => putCharsAsync(node, p.groupLeader, crashReport(p, reason));
  return pid;
}

// A pid that no process ever has: replies sent to it are dropped.
const NO_REPLY = new Map<Node, Pid>();
function noReplyPid(node: Node): Pid {
  let pid = NO_REPLY.get(node);
  if (pid === undefined) NO_REPLY.set(node, pid = new Pid(node.name, 1 << 28, 0, node.creation));
  return pid;
}

/** Sends text to a group leader without waiting for its reply. */
export function putCharsAsync(node: Node, groupLeader: Pid, text: string): void {
  const req: Term = ["put_chars", "unicode", new TextEncoder().encode(text)];
  node.sendPid(groupLeader, ["io_request", noReplyPid(node), "noreply", req], null);
}

/**
 * Writes `text` through the calling process's group leader and waits for the reply, as
 * `io:put_chars/1` does. Returns `ok` or the group leader's error.
 */
export function* putChars(text: string): Generator<Yielded, Term, unknown> {
  const p = mustCurrent("putChars");
  const ref = p.node.makeRef();
  const req: Term = ["put_chars", "unicode", new TextEncoder().encode(text)];
  p.node.sendPid(p.groupLeader, ["io_request", p.pid, ref, req], p);
  const gl = p.groupLeader;
  const mon = p.node.monitor(p, gl);
  const r = yield* receiveWith((m) => {
    if (!Array.isArray(m)) return NOMATCH;
    if (m[0] === "io_reply" && exactEq(m[1] as Term, ref)) return m[2] as Term;
    if (m[0] === "DOWN" && m[1] === mon) return ["error", "terminated"] as Term;
    return NOMATCH;
  });
  p.node.demonitor(p, mon);
  return r as Term;
}

/** Writes `text` through the calling process's group leader without waiting. */
export function print(text: string): void {
  const p = mustCurrent("print");
  if (p.state === State.Exited) return;
  putCharsAsync(p.node, p.groupLeader, text);
}

let formatReason: (t: Term) => string = (t) => printTerm(t);

/**
 * Sets how a crash report prints the exit value (the error logger's `~p`, in Erlang's syntax,
 * is set by the LFE library).
 */
export function setReportFormatter(f: (t: Term) => string): void {
  formatReason = f;
}

/** The error report of a process that crashed, as the error logger writes it. */
export function crashReport(p: Process, reason: Term): string {
  const on = p.node.name === "nonode@nohost" ? "" : ` on node ${formatReason(p.node.name)}`;
  return `=ERROR REPORT==== ${reportTime()} ===\nError in process ${
    printTerm(p.pid)
  }${on} with exit value:\n${formatReason(reason)}\n\n`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function reportTime(): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const d = new Date(Math.floor(us / 1000));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getDate()}-${MONTHS[d.getMonth()]}-${d.getFullYear()}::${two(d.getHours())}:${
    two(d.getMinutes())
  }:${two(d.getSeconds())}.${String(us % 1000000).padStart(6, "0")}`;
}
