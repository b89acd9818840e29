/**
 * The text of OTP's reports as the default handler prints them: proc_lib's crash report
 * (`crasher:` with the exception in `erl_error`'s words, `neighbours:`), supervisor and progress
 * reports, the behaviours' `** Generic server … terminating` and the like, and any other report
 * as `logger:format_report/1` lays it out (`    key: value`, strings as text).
 *
 * @module
 */

import { arrayToList, charlistToString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { compare } from "../../runtime/term_order.ts";
import { formatException } from "../errors.ts";
import { prettyErlang } from "./_erl_pretty.ts";
import { writeErlang as writeErl } from "./_erl_write.ts";
import { properArray } from "./_util.ts";

/** A term in Erlang's syntax, on one line. */
export function writeErlang(t: Term): string {
  return writeErl(t, -1, "unicode");
}

/** A term as `~tp` prints it from `column`. */
export function pp(t: Term, column: number): string {
  return prettyErlang(t, { column, encoding: "unicode" });
}

export function mapGet(m: Term, k: string): Term | undefined {
  if (m instanceof TermMap) return m.get(k);
  return undefined;
}

export function isString(t: Term): boolean {
  if (t instanceof Cons) {
    // A list is a string when it is printable text, as io_lib:printable_unicode_list/1 says.
    let c: Term = t;
    while (c instanceof Cons) {
      const x = c.hd;
      if (typeof x !== "number" || !printable(x)) return false;
      c = c.tl;
    }
    return c === null;
  }
  if (t === null) return true;
  if (t instanceof Uint8Array) return true;
  return charlistToString(t) !== undefined;
}

function printable(c: number): boolean {
  return (c >= 32 && c < 127) || (c >= 160 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) ||
    (c > 0xffff && c <= 0x10ffff) || (c >= 8 && c <= 13) || c === 27;
}

export function textOf(t: Term): string {
  if (t instanceof Uint8Array) return new TextDecoder().decode(t);
  return charlistToString(t) ?? "";
}

/**
 * A report with no format of its own, as `logger:format_report/1` lays it out: a map or a list
 * of `{Key, Value}` one per line (`    key: value`, a string value as text), other list elements
 * as terms, anything else as a term.
 */
export function plainReport(r: Term): string {
  let items: Term[] | undefined;
  if (r instanceof TermMap) {
    items = r.entries().sort((x, y) => compare(x[0], y[0])).map(([k, v]) => [k, v]);
  } else items = properArray(r);
  if (items === undefined) return pp(r, 1);
  if (items.length === 0) return "[]";
  const flat = charlistToString(r);
  if (flat !== undefined) return flat;
  return items.map((x) => {
    if (Array.isArray(x) && x.length === 2) {
      const key = pp(x[0] as Term, 5);
      const v = x[1] as Term;
      return `    ${key}: ${isString(v) && v !== null ? textOf(v) : pp(v, 7 + key.length)}`;
    }
    return `    ${pp(x, 5)}`;
  }).join("\n");
}

function keyed(r: Term): Map<string, Term> {
  const m = new Map<string, Term>();
  if (r instanceof TermMap) { for (const [k, v] of r.entries()) m.set(String(k), v); }
  return m;
}

// The exception lines of a crash report, as `proc_lib` writes them with `erl_error`.
function exceptionLines(info: Term): string {
  if (!Array.isArray(info) || info.length !== 3) return `    exception: ${pp(info, 16)}`;
  const [cls, reason, stack] = info as [Term, Term, Term];
  const text = formatException(cls as "error", reason, stack, "erlang", {
    skip: (m) => m === "proc_lib" || m === "erl_eval",
  });
  const lines = text.replace(/\n+$/, "").split("\n");
  // A BIF's arguments ("called as") stay three columns in from the line above them.
  return lines.map((l, i) =>
    i === 0
      ? "    " + l.replace(/^\*\* /, "")
      : /^\s+called as /.test(l)
      ? "         " + l.trim()
      : "      " + l.trim()
  ).join("\n");
}

function crashReport(report: Term): string {
  const parts = properArray(report) ?? [];
  const crasher = properArray(parts[0] ?? null) ?? [];
  const out = ["  crasher:"];
  for (const item of crasher) {
    if (!Array.isArray(item) || item.length !== 2) continue;
    const [k, v] = item as [Term, Term];
    if (k === "error_info") out.push(exceptionLines(v));
    else if (k === "initial_call") out.push(`    initial call: ${initialCall(v)}`);
    else {
      const key = String(k);
      out.push(`    ${key}: ${pp(v, 7 + key.length)}`);
    }
  }
  out.push("  neighbours:");
  return out.join("\n") + "\n";
}

function initialCall(v: Term): string {
  if (Array.isArray(v) && v.length === 3) {
    const [m, f, a] = v as [Term, Term, Term];
    const n = typeof a === "number" ? a : (properArray(a) ?? []).length;
    return `${writeErlang(m)}:${writeErlang(f)}/${n}`;
  }
  return pp(v, 19);
}

function supervisorReport(r: Map<string, Term>): string {
  const lines: string[] = [];
  const rep = properArray(r.get("report") ?? null);
  const pairs: [string, Term][] = rep !== undefined
    ? rep.filter(Array.isArray).map((x) => [String(x[0]), x[1] as Term])
    : [];
  for (const [k, v] of pairs) lines.push(`    ${k}: ${pp(v, 7 + k.length)}`);
  return lines.join("\n") + "\n";
}

function progressReport(r: Map<string, Term>): string {
  const rep = properArray(r.get("report") ?? null) ?? [];
  return rep.filter(Array.isArray).map((x) => {
    const k = String(x[0]);
    return `    ${k}: ${pp(x[1] as Term, 7 + k.length)}`;
  }).join("\n");
}

function genServerReport(r: Map<string, Term>): string {
  const name = pp(r.get("name") ?? "undefined", 21);
  let s = `** Generic server ${name} terminating \n`;
  s += `** Last message in was ${pp(r.get("last_message") ?? "undefined", 25)}\n`;
  s += `** When Server state == ${pp(r.get("state") ?? "undefined", 25)}\n`;
  s += `** Reason for termination ==\n** ${pp(r.get("reason") ?? null, 4)}\n`;
  const log = r.get("log");
  const events = Array.isArray(log) ? properArray(log[1] as Term) ?? [] : properArray(log ?? null);
  if (events !== undefined && events.length > 0) {
    s += `** Log events = ${pp(arrayToList(events), 17)}\n`;
  }
  s += clientInfo(r.get("client_info") ?? "undefined");
  return s;
}

function clientInfo(ci: Term): string {
  if (!Array.isArray(ci) || ci.length !== 2) return "";
  const [pid, what] = ci as [Term, Term];
  if (what === "dead") return `** Client ${pp(pid, 11)} is dead\n`;
  if (what === "remote") return `** Client ${pp(pid, 11)} is remote\n`;
  if (Array.isArray(what)) {
    return `** Client ${pp(pid, 11)} stacktrace\n** ${pp(what[1] as Term, 4)}\n`;
  }
  return "";
}

function genStatemReport(r: Map<string, Term>): string {
  const name = pp(r.get("name") ?? "undefined", 26);
  const [state, data] = Array.isArray(r.get("state")) ? r.get("state") as Term[] : ["", ""];
  let s = `** State machine ${name} terminating\n`;
  const last = r.get("queue");
  const q = properArray(last ?? null) ?? [];
  if (q.length > 0) s += `** Last event = ${pp(q[0] as Term, 17)}\n`;
  s += `** When server state  = ${pp([state as Term, data as Term], 25)}\n`;
  const reason = r.get("reason");
  let stack: Term[] = [];
  if (Array.isArray(reason) && reason.length === 3) {
    s += `** Reason for termination = ${writeErlang(reason[0] as Term)}:${
      pp(reason[1] as Term, 30 + writeErlang(reason[0] as Term).length)
    }\n`;
    stack = properArray(reason[2] as Term) ?? [];
  }
  s += `** Callback modules = ${pp(r.get("modules") ?? null, 23)}\n`;
  s += `** Callback mode = ${pp(r.get("callback_mode") ?? "undefined", 20)}\n`;
  if (stack.length > 0) s += `** Stacktrace =\n**  ${pp(arrayToList(stack), 5)}\n`;
  if (q.length > 1) s += `** Queued = ${pp(arrayToList(q.slice(1)), 13)}\n`;
  const post = properArray(r.get("postponed") ?? null) ?? [];
  if (post.length > 0) s += `** Postponed = ${pp(arrayToList(post), 16)}\n`;
  s += clientInfo(r.get("client_info") ?? "undefined");
  return s;
}

function genEventReport(r: Map<string, Term>): string {
  const handler = r.get("handler") ?? "undefined";
  const h = Array.isArray(handler) && handler.length === 2 && handler[1] === false
    ? handler[0] as Term
    : handler;
  let s = `** gen_event handler ${pp(h, 22)} crashed.\n`;
  s += `** Was installed in ${pp(r.get("name") ?? "undefined", 21)}\n`;
  s += `** Last event was: ${pp(r.get("last_message") ?? "undefined", 20)}\n`;
  s += `** When handler state == ${pp(r.get("state") ?? "undefined", 26)}\n`;
  s += `** Reason == ${pp(r.get("reason") ?? "undefined", 14)}\n`;
  return s;
}

/** The text of a report whose label or type OTP knows, or of a plain one. */
export function formatReport(kind: Term, report: Term): string {
  const r = keyed(report);
  const label = r.get("label");
  const l0 = Array.isArray(label) ? label[0] : label;
  const l1 = Array.isArray(label) ? label[1] : undefined;
  if (kind === "crash_report" || (l0 === "proc_lib" && l1 === "crash")) {
    return crashReport(r.get("report") ?? report);
  }
  if (l0 === "gen_server" && l1 === "terminate") return genServerReport(r);
  if (l0 === "gen_server" && l1 === "no_handle_info") {
    return `** Undefined handle_info in ${writeErlang(r.get("module") ?? "undefined")}\n` +
      `** Unhandled message: ${pp(r.get("message") ?? "undefined", 24)}\n`;
  }
  if (l0 === "gen_statem" && l1 === "terminate") return genStatemReport(r);
  if (l0 === "gen_event" && l1 === "terminate") return genEventReport(r);
  if (l0 === "supervisor") return supervisorReport(r);
  if (l0 === "application_controller" || l1 === "progress") {
    return progressReport(r) + "\n";
  }
  return plainReport(report);
}
