/**
 * The module `logger`, as OTP 25's default configuration has it: levels from `emergency` to
 * `debug`, a primary level of `notice` (so `info` and `debug` events are dropped until it is
 * lowered), module levels, and the default handler's format: a heading
 * `=ERROR REPORT==== 3-Dec-2026::15:24:12.064286 ===` (`CRASH REPORT`, `SUPERVISOR REPORT` and
 * `PROGRESS REPORT` for OTP's reports of those kinds), then the message — a format with its
 * arguments, a string, or a report (a map or key-value list, printed `    key: value`, or by its
 * `report_cb`, or as OTP prints the reports of gen_server, gen_statem, gen_event, proc_lib and
 * supervisor). The text goes to the group leader of the process that logs.
 *
 * @module
 */

import { resolvePlain } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { putChars, putCharsAsync, reportTime } from "../../runtime/io.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import {
  arrayToList,
  charlist,
  charlistToString,
  Cons,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { formatException } from "../errors.ts";
import { prettyErlang } from "./_erl_pretty.ts";
import { writeErlang as writeErl } from "./_erl_write.ts";

function writeErlang(t: Term): string {
  return writeErl(t, -1, "unicode");
}
import { formatToString } from "./format.ts";
import { moduleTable, properArray } from "./_util.ts";

const LEVELS = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

function levelOf(l: Term): number {
  const i = typeof l === "string" ? LEVELS.indexOf(l) : -1;
  if (i < 0) raiseError(["badarg", l]);
  return i;
}

let primaryLevel: string = "notice";
const moduleLevels = new Map<string, string>();
let primaryFilters: Term = null;
let filterDefault: Term = "log";
let primaryMeta: Term = new TermMap();

function allowed(level: number, module: Term): boolean {
  const l = typeof module === "string" ? moduleLevels.get(module) : undefined;
  const limit = l ?? primaryLevel;
  return limit !== "none" && (limit === "all" || level <= LEVELS.indexOf(limit));
}

function mapGet(m: Term, k: string): Term | undefined {
  if (m instanceof TermMap) return m.get(k);
  return undefined;
}

function isString(t: Term): boolean {
  if (t === null) return true;
  if (t instanceof Uint8Array) return true;
  return charlistToString(t) !== undefined;
}

function textOf(t: Term): string {
  if (t instanceof Uint8Array) return new TextDecoder().decode(t);
  return charlistToString(t) ?? "";
}

function pp(t: Term, column: number): string {
  return prettyErlang(t, { column, encoding: "unicode" });
}

// The title of the heading: what OTP's legacy header calls the event.
function title(level: string, meta: Term): string {
  const el = mapGet(meta, "error_logger");
  const type = mapGet(el ?? null, "type");
  if (type === "crash_report") return "CRASH REPORT";
  if (type === "supervisor_report") return "SUPERVISOR REPORT";
  if (type === "progress") return "PROGRESS REPORT";
  if (type === "std_info") return "INFO REPORT";
  if (type === "std_warning") return "WARNING REPORT";
  if (type === "std_error") return "ERROR REPORT";
  return `${level.toUpperCase()} REPORT`;
}

// `    key: value` lines of a report that has no format of its own.
function plainReport(r: Term): string {
  const pairs: [Term, Term][] = r instanceof TermMap
    ? r.entries().sort((a, b) => writeErlang(a[0]).localeCompare(writeErlang(b[0])))
    : (properArray(r) ?? []).map((x) =>
      Array.isArray(x) && x.length === 2 ? [x[0] as Term, x[1] as Term] : ["", x]
    );
  return pairs.map(([k, v]) => {
    const key = typeof k === "string" ? k : writeErlang(k);
    const val = isString(v) ? textOf(v) : pp(v, 7 + key.length);
    return `    ${key}: ${val}`;
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
  return lines.map((l, i) => i === 0 ? "    " + l.replace(/^\*\* /, "") : "      " + l.trim())
    .join("\n");
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
  s += `** Reason for termination ==\n** ${pp(reasonOf(r.get("reason") ?? null), 4)}\n`;
  const log = r.get("log");
  const events = Array.isArray(log) ? properArray(log[1] as Term) ?? [] : properArray(log ?? null);
  if (events !== undefined && events.length > 0) {
    s += `** Log events = ${pp(arrayToList(events), 17)}\n`;
  }
  s += clientInfo(r.get("client_info") ?? "undefined");
  return s;
}

function reasonOf(reason: Term): Term {
  return reason;
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

// The message of an event: `{Format, Args}`, a string, or a report.
function message(msg: Term, meta: Term): string {
  if (Array.isArray(msg) && msg.length === 3 && msg[0] === "string") return textOf(msg[1] as Term);
  if (Array.isArray(msg) && msg.length === 3 && msg[0] === "format") {
    return formatToString(msg[1] as Term, msg[2] as Term, "erlang");
  }
  const report = Array.isArray(msg) && msg[0] === "report" ? msg[1] as Term : msg;
  const cb = mapGet(meta, "report_cb");
  if (typeof cb === "function") {
    const r = resolvePlain(cb.length === 2 ? cb(report, new TermMap()) : cb(report)) as Term;
    if (Array.isArray(r) && r.length === 2) {
      return formatToString(r[0] as Term, r[1] as Term, "erlang");
    }
    return textOf(r);
  }
  return formatReport("report", report);
}

function emit(level: string, msg: Term, meta: Term): Term {
  const p = currentProcess();
  const module = mapGet(meta, "mfa");
  const mod = Array.isArray(module) ? module[0] as Term : undefined;
  if (!allowed(LEVELS.indexOf(level), mod ?? "undefined")) return "ok";
  let text: string;
  try {
    text = message(msg, meta);
  } catch {
    text = `FORMAT ERROR: ${writeErlang(msg)}`;
  }
  const out = `=${title(level, meta)}==== ${reportTime()} ===\n${text}\n`;
  if (p !== undefined && p !== null) putCharsAsync(p.node, p.groupLeader, out);
  else console.log(out.replace(/\n$/, ""));
  return "ok";
}

function isFormat(t: Term): boolean {
  return typeof t === "string" || isString(t);
}

// logger:log(Level, ...) in each of its shapes.
function log2(level: Term, what: Term): Term {
  levelOf(level);
  if (isFormat(what)) return emit(level as string, ["string", what, null], new TermMap());
  return emit(level as string, ["report", what, null], new TermMap());
}

function log3(level: Term, a: Term, b: Term): Term {
  levelOf(level);
  if (isFormat(a) && (b === null || b instanceof Cons)) {
    return emit(level as string, ["format", a, b], new TermMap());
  }
  if (typeof a === "function") return emit(level as string, ["format", a, null], b);
  if (isFormat(a)) return emit(level as string, ["string", a, null], b);
  return emit(level as string, ["report", a, null], b);
}

function log4(level: Term, format: Term, args: Term, meta: Term): Term {
  levelOf(level);
  return emit(level as string, ["format", format, args], meta);
}

function levelFns(level: string): ModuleFunctions {
  return {
    [`${level}/1`]: (a: Term) => log2(level, a),
    [`${level}/2`]: (a: Term, b: Term) => log3(level, a, b),
    [`${level}/3`]: (a: Term, b: Term, c: Term) => log4(level, a, b, c),
  };
}

function checkLevel(l: Term): string {
  if (l === "all" || l === "none") return l;
  levelOf(l);
  return l as string;
}

function primaryConfig(): Term {
  return new TermMap([
    ["level", primaryLevel],
    ["filter_default", filterDefault],
    ["filters", primaryFilters],
    ["metadata", primaryMeta],
  ]);
}

function setPrimary(key: Term, value: Term): Term {
  switch (key) {
    case "level":
      try {
        primaryLevel = checkLevel(value);
      } catch {
        return ["error", ["invalid_level", value]];
      }
      return "ok";
    case "filter_default":
      filterDefault = value;
      return "ok";
    case "filters":
      primaryFilters = value;
      return "ok";
    case "metadata":
      primaryMeta = value;
      return "ok";
  }
  return ["error", ["invalid_primary_config", [key, value]]];
}

function setPrimaryMap(m: Term): Term {
  if (!(m instanceof TermMap)) return ["error", ["invalid_primary_config", m]];
  for (const [k, v] of m.entries()) {
    const r = setPrimary(k, v);
    if (r !== "ok") return r;
  }
  return "ok";
}

function compareLevels(a: Term, b: Term): Term {
  const x = levelOf(a), y = levelOf(b);
  return x === y ? "eq" : x < y ? "gt" : "lt";
}

/** `logger` by `name/arity`. */
export const LOGGER: ModuleFunctions = moduleTable("logger", {
  "log/2": log2,
  "log/3": log3,
  "log/4": log4,
  ...levelFns("emergency"),
  ...levelFns("alert"),
  ...levelFns("critical"),
  ...levelFns("error"),
  ...levelFns("warning"),
  ...levelFns("notice"),
  ...levelFns("info"),
  ...levelFns("debug"),
  "macro_log/3": (loc: Term, level: Term, what: Term) => log3(level, what, loc),
  "macro_log/4": (loc: Term, level: Term, a: Term, b: Term) =>
    isFormat(a) && (b === null || b instanceof Cons)
      ? emit(String(levelOf(level) >= 0 ? level : ""), ["format", a, b], loc)
      : log3(level, a, b),
  "macro_log/5": (loc: Term, level: Term, f: Term, a: Term, meta: Term) =>
    log4(level, f, a, meta instanceof TermMap ? meta : loc),
  "allow/2": (level: Term, module: Term) => allowed(levelOf(level), module),
  "compare_levels/2": compareLevels,
  "get_primary_config/0": primaryConfig,
  "set_primary_config/1": setPrimaryMap,
  "set_primary_config/2": setPrimary,
  "update_primary_config/1": setPrimaryMap,
  "set_module_level/2": (mods: Term, level: Term) => {
    const l = checkLevel(level);
    const ms = typeof mods === "string" ? [mods] : properArray(mods) ?? [];
    for (const m of ms) moduleLevels.set(String(m), l);
    return "ok";
  },
  "unset_module_level/0": () => {
    moduleLevels.clear();
    return "ok";
  },
  "unset_module_level/1": (mods: Term) => {
    const ms = typeof mods === "string" ? [mods] : properArray(mods) ?? [];
    for (const m of ms) moduleLevels.delete(String(m));
    return "ok";
  },
  "get_module_level/0": () => arrayToList([...moduleLevels].map(([m, l]) => [m, l])),
  "get_module_level/1": (mods: Term) => {
    const ms = typeof mods === "string" ? [mods] : properArray(mods) ?? [];
    return arrayToList(
      ms.filter((m) => moduleLevels.has(String(m))).map((m) => [
        m,
        moduleLevels.get(String(m)) as string,
      ]),
    );
  },
  "get_handler_ids/0": () => arrayToList(["default"]),
  "get_handler_config/1": (id: Term) =>
    id === "default"
      ? [
        "ok",
        new TermMap([["id", "default"], ["level", "all"], ["module", "logger_std_h"], [
          "config",
          new TermMap([["type", "standard_io"]]),
        ]]),
      ]
      : ["error", ["not_found", id]],
  "get_config/0": () =>
    new TermMap([["primary", primaryConfig()], ["module_levels", null], [
      "handlers",
      null,
    ]]),
  "format_report/1": (r: Term) => ["~ts", arrayToList([charlist(formatReport("report", r))])],
  "format_report/2": (kind: Term, r: Term) => charlist(formatReport(kind, r)),
  "add_primary_filter/2": () => "ok",
  "remove_primary_filter/1": () => "ok",
  "set_process_metadata/1": (m: Term) => {
    primaryMeta = m;
    return "ok";
  },
  "get_process_metadata/0": () => "undefined",
});

/**
 * `logger_std_h`, the default handler's module: `filesync/1` answers once what was logged
 * before it has been written (a round trip through the group leader, which takes requests in
 * order).
 */
export const LOGGER_STD_H: ModuleFunctions = moduleTable("logger_std_h", {
  "filesync/1": function* (id: Term) {
    if (id !== "default") return ["error", ["badarg", id]];
    if (currentProcess() === undefined || currentProcess() === null) return "ok";
    yield* putChars("");
    return "ok";
  },
});
