/**
 * Io as Erlang does it: printing is an io request to the process's group leader, which writes
 * and replies. The node's default group leader, registered as `user`, writes to an output
 * function (the terminal by default). Crash reports go the same way.
 *
 * A device has an encoding, as OTP's `user` has (`io:setopts/1`, `io:getopts/0`): `unicode`
 * writes every character, `latin1` (standard output under `-noshell`) writes characters up to
 * 255 as one byte each and any other as the text `\x{3BB}`, as OTP 25 does.
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
import { arrayToList, Cons, listToArray, Pid, type Term } from "./terms.ts";
import type { Yielded } from "./process.ts";

/** Where a group leader writes text. */
export type Output = (text: string) => void;

/** How a device writes characters: as they are (`unicode`) or as Latin-1 bytes (`latin1`). */
export type DeviceEncoding = "latin1" | "unicode";

/** Options of {@linkcode groupLeaderBody} and {@linkcode startUser}. */
export interface DeviceOptions {
  /** The encoding the device starts with; `unicode` by default. */
  encoding?: DeviceEncoding;
  /**
   * Where a `latin1` device writes its bytes; without it, the text of those bytes (each one a
   * character up to 255) goes to the output function.
   */
  writeBytes?: (bytes: Uint8Array) => void;
  /**
   * Where the device reads from (`io:get_line/1` and the other input requests): the next
   * bytes, or `null` at the end. Without it the device has no input and answers
   * `{error, enotsup}`.
   */
  read?: () => Promise<Uint8Array | null>;
}

/**
 * Text as a `latin1` device writes it: characters beyond 255 as `\x{3BB}` (hexadecimal in
 * capitals), as OTP's `user` writes them when they cannot be Latin-1.
 *
 * @example
 * ```ts
 * import { latin1DeviceText } from "./io.ts";
 * latin1DeviceText("\u03bb\u20acA"); // "\\x{3BB}\\x{20AC}A"
 * ```
 */
export function latin1DeviceText(text: string): string {
  let s = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    s += c > 255 ? `\\x{${c.toString(16).toUpperCase()}}` : ch;
  }
  return s;
}

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

/** What a device is: where it writes, and its options as `io:setopts/2` leaves them. */
interface Device {
  write: Output;
  writeBytes: ((bytes: Uint8Array) => void) | undefined;
  encoding: DeviceEncoding;
  binary: boolean;
}

/** Writes characters in the device's encoding. */
function deviceWrite(dev: Device, text: string): void {
  if (dev.encoding === "unicode") return dev.write(text);
  const latin1 = latin1DeviceText(text);
  if (dev.writeBytes === undefined) return dev.write(latin1);
  const bytes = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) bytes[i] = latin1.charCodeAt(i);
  dev.writeBytes(bytes);
}

/** The bytes of Latin-1 io data (`{put_chars, latin1, Data}`), each one a character. */
function latin1Iodata(data: Term): string {
  let s = "";
  const walk = (t: Term): void => {
    if (t instanceof Uint8Array) {
      for (const b of t) s += String.fromCharCode(b);
      return;
    }
    let c: Term = t;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && h >= 0 && h <= 255) s += String.fromCharCode(h);
      else if (h instanceof Cons || h === null || h instanceof Uint8Array) walk(h);
      else throw new RangeError("not Latin-1 io data");
    }
    if (c !== null) walk(c);
  };
  walk(data);
  return s;
}

/** `io:setopts/2` on a device: `binary`/`list` and the encoding, as OTP's `user` takes them. */
function setopts(dev: Device, opts: Term): Term {
  let encoding = dev.encoding;
  let binary = dev.binary;
  let c = opts;
  for (; c instanceof Cons; c = c.tl) {
    const o = c.hd;
    if (o === "binary" || o === "list") binary = o === "binary";
    else if (o === "latin1" || o === "unicode") encoding = o;
    else if (Array.isArray(o) && o.length === 2 && o[0] === "binary" && typeof o[1] === "boolean") {
      binary = o[1];
    } else if (
      Array.isArray(o) && o.length === 2 && o[0] === "encoding" &&
      (o[1] === "latin1" || o[1] === "unicode" || o[1] === "utf8")
    ) encoding = o[1] === "latin1" ? "latin1" : "unicode";
    else return ["error", "enotsup"];
  }
  if (c !== null) return ["error", "enotsup"];
  dev.encoding = encoding;
  dev.binary = binary;
  return "ok";
}

/** The answer of a group leader to one io request. */
function ioAnswer(req: Term, dev: Device): Term {
  if (!Array.isArray(req)) return ["error", "request"];
  if (req[0] === "put_chars" && (req.length === 2 || req.length === 3)) {
    try {
      const data = req[req.length - 1] as Term;
      // Latin-1 data (a pre-R13 request, or file:write/2) is bytes, not UTF-8.
      deviceWrite(
        dev,
        req.length === 3 && req[1] === "unicode" ? iodataToString(data) : latin1Iodata(data),
      );
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
      deviceWrite(dev, iodataToString(resolvePlain(fn(...args))));
      return "ok";
    } catch {
      return ["error", "put_chars"];
    }
  }
  if (req[0] === "setopts" && req.length === 2) return setopts(dev, req[1] as Term);
  if (req[0] === "getopts" && req.length === 1) {
    return arrayToList([["binary", dev.binary], ["encoding", dev.encoding]]);
  }
  if (req[0] === "requests" && req[1] !== undefined) {
    let r: Term = "ok";
    for (let c = req[1]; c instanceof Cons; c = c.tl) {
      r = ioAnswer(c.hd, dev);
      if (r !== "ok") break;
    }
    return r;
  }
  return ["error", "request"];
}

// Marks the message that brings the group leader what its input gave: no term holds a symbol.
const INPUT = Symbol("input") as unknown as Term;

/** An input request waiting for its characters: who asked, and how to answer. */
interface Pending {
  from: Pid;
  ref: Term;
  req: Term[];
  /** `get_until`'s continuation. */
  cont: Term;
}

/** The characters read and not yet taken, and whether the input has ended. */
interface Input {
  chars: number[];
  ended: boolean;
  reading: boolean;
}

function isInputRequest(req: Term): req is Term[] {
  return Array.isArray(req) &&
    ((req[0] === "get_line" && (req.length === 2 || req.length === 3)) ||
      (req[0] === "get_password" && (req.length === 1 || req.length === 2)) ||
      (req[0] === "get_chars" && (req.length === 3 || req.length === 4)) ||
      (req[0] === "get_until" && (req.length === 4 || req.length === 5 || req.length === 6)));
}

/** The prompt of an input request, as text (an atom's name, or character data). */
function promptOf(req: Term[]): string {
  if (req[0] === "get_password") return "";
  const at = req[0] === "get_line"
    ? req.length - 1
    : req[0] === "get_chars"
    ? req.length - 2
    : req.length === 4
    ? 1
    : req.length - 4;
  const pr = req[at];
  try {
    return typeof pr === "string" ? pr : iodataToString(pr as Term);
  } catch {
    return "";
  }
}

/** Characters as the device gives them: a list, or (`binary` mode) a UTF-8 binary. */
function charsTerm(dev: Device, cs: readonly number[]): Term {
  if (!dev.binary) return arrayToList(cs as number[]);
  if (dev.encoding === "latin1") return Uint8Array.from(cs.map((c) => c & 255));
  return new TextEncoder().encode(String.fromCodePoint(...cs));
}

/**
 * Answers the input request `r` from what was read, or `undefined` while it needs more:
 * a line, `N` characters, or what `get_until`'s collector function makes of the characters.
 */
function inputAnswer(r: Pending, input: Input, dev: Device): Term | undefined {
  const req = r.req;
  const cs = input.chars;
  if (req[0] === "get_line") {
    const nl = cs.indexOf(10);
    if (nl < 0 && !input.ended) return undefined;
    if (cs.length === 0) return "eof";
    const line = cs.splice(0, nl < 0 ? cs.length : nl + 1);
    return charsTerm(dev, line);
  }
  if (req[0] === "get_password") {
    // As erl: only a terminal reads a password; other input refuses the request.
    if (!Deno.stdin.isTerminal()) return ["error", ["request", [...req]]];
    // The line without its end, as a password is read.
    const nl = cs.indexOf(10);
    if (nl < 0 && !input.ended) return undefined;
    if (cs.length === 0) return "eof";
    const line = cs.splice(0, nl < 0 ? cs.length : nl + 1);
    if (line[line.length - 1] === 10) line.pop();
    if (line[line.length - 1] === 13) line.pop();
    return charsTerm(dev, line);
  }
  if (req[0] === "get_chars") {
    const n = req[req.length - 1];
    if (typeof n !== "number" || n < 0) return ["error", "request"];
    if (cs.length < n && !input.ended) return undefined;
    if (cs.length === 0 && n > 0) return "eof";
    return charsTerm(dev, cs.splice(0, n));
  }
  // {get_until, [Encoding,] Prompt, Module, Function, ExtraArgs}, or {get_until, Prompt, M, F}
  const [m, f, xa] = (req.length === 4 ? [req[2], req[3], null] : req.slice(-3)) as [
    Term,
    Term,
    Term,
  ];
  const fn = findFunction(String(m), String(f), 2 + listToArray(xa).length);
  if (fn === undefined) return ["error", "request"];
  // Input that has ended answers a new request `eof`, as OTP's io servers do.
  if (r.cont === null && cs.length === 0 && input.ended) return "eof";
  for (;;) {
    // The collector is given the characters there are, or `eof` when none are left.
    const line = cs.indexOf(10);
    if (line < 0 && !input.ended) return undefined;
    const data: Term = cs.length === 0 && input.ended
      ? "eof"
      : arrayToList(cs.splice(0, line < 0 ? cs.length : line + 1));
    let out: Term;
    try {
      out = resolvePlain(fn(r.cont, data, ...listToArray(xa)));
    } catch {
      return ["error", "request"];
    }
    if (Array.isArray(out) && out[0] === "done") {
      const rest = out[2] as Term;
      if (rest !== "eof" && (rest === null || rest instanceof Cons)) {
        cs.unshift(...(listToArray(rest) as number[]));
      }
      return out[1] as Term;
    }
    if (Array.isArray(out) && out[0] === "more") {
      r.cont = out[1] as Term;
      if (data === "eof") return "eof";
      continue;
    }
    return ["error", "request"];
  }
}

/**
 * The body of a group leader writing to `write`: answers io requests until told to stop.
 * `getopts` and `setopts` read and change its encoding. Input requests (`get_line`,
 * `get_chars`, `get_until`) wait in turn for what `options.read` gives, while output goes on.
 */
export function* groupLeaderBody(
  write: Output,
  options: DeviceOptions = {},
): Generator<Yielded, void, unknown> {
  const p = mustCurrent("groupLeaderBody");
  const dev: Device = {
    write,
    writeBytes: options.writeBytes,
    encoding: options.encoding ?? "unicode",
    binary: false,
  };
  const input: Input = { chars: [], ended: false, reading: false };
  const pending: Pending[] = [];
  const me = p.pid;
  const readMore = () => {
    if (input.reading || input.ended || options.read === undefined) return;
    input.reading = true;
    options.read().then(
      (b) => p.node.sendPid(me, [INPUT, b ?? "eof"], null),
      () => p.node.sendPid(me, [INPUT, "eof"], null),
    );
  };
  const serve = () => {
    while (pending.length > 0) {
      const r = pending[0] as Pending;
      const a = inputAnswer(r, input, dev);
      if (a === undefined) {
        readMore();
        return;
      }
      pending.shift();
      p.node.sendPid(r.from, ["io_reply", r.ref, a], p);
      const next = pending[0];
      if (next !== undefined) deviceWrite(dev, promptOf(next.req));
    }
  };
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (Array.isArray(m) && m[0] === INPUT) {
      input.reading = false;
      const b = m[1];
      if (b === "eof") input.ended = true;
      else {
        // As OTP's `user` under -noshell: each byte one character, whatever the encoding.
        for (const x of b as Uint8Array) input.chars.push(x);
      }
      serve();
      continue;
    }
    if (Array.isArray(m) && m[0] === "io_request" && m.length === 4 && m[1] instanceof Pid) {
      // A bare `getopts` request is an atom, not a tuple.
      const req = m[3] === "getopts" ? ["getopts"] : m[3] as Term;
      if (isInputRequest(req)) {
        if (options.read === undefined) {
          p.node.sendPid(m[1], ["io_reply", m[2] as Term, ["error", "enotsup"]], p);
          continue;
        }
        pending.push({ from: m[1], ref: m[2] as Term, req, cont: null });
        if (pending.length === 1) deviceWrite(dev, promptOf(req));
        serve();
        continue;
      }
      p.node.sendPid(m[1], ["io_reply", m[2] as Term, ioAnswer(req, dev)], p);
    }
  }
}

/** Reads standard input, a chunk at a time, for a group leader's input requests. */
export function stdinReader(): () => Promise<Uint8Array | null> {
  const buf = new Uint8Array(65536);
  return async () => {
    const n = await Deno.stdin.read(buf);
    return n === null ? null : buf.slice(0, n);
  };
}

/** Writes `text` to the terminal, all of it. */
export function writeStdout(text: string): void {
  const bytes = new TextEncoder().encode(text);
  let off = 0;
  while (off < bytes.length) off += Deno.stdout.writeSync(bytes.subarray(off));
}

/** Starts the default group leader of `node`, registered as `user`, writing to `write`. */
export function startUser(
  node: Node,
  write: Output = writeStdout,
  options: DeviceOptions = {},
): Pid {
  const pid = node.spawn(groupLeaderBody, [write, options], { initialCall: ["user", "server", 1] });
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
/** The time in a report's heading, as `logger_formatter` writes it: `3-Dec-2026::15:24:12.064286`. */
export function reportTime(): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const d = new Date(Math.floor(us / 1000));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getDate()}-${MONTHS[d.getMonth()]}-${d.getFullYear()}::${two(d.getHours())}:${
    two(d.getMinutes())
  }:${two(d.getSeconds())}.${String(us % 1000000).padStart(6, "0")}`;
}
