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

import { resolve } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { findFunction } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { putCharsAsync, reportTime } from "../../runtime/io.ts";
import { NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { askScheduler, setQueryHandler } from "../../runtime/api.ts";
import { exportedFun } from "../../runtime/code.ts";
import { type Fun, funInfo } from "../../runtime/terms.ts";
import { register, send, spawn, whereis } from "../../runtime/api.ts";
import { putCharsTo } from "./io.ts";
import type { Yielded } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { arrayToList, charlist, Cons, Pid, type Term, TermMap } from "../../runtime/terms.ts";
import { formatToString } from "./format.ts";
import {
  formatReport,
  isString,
  mapGet,
  plainReport,
  pp,
  textOf,
  writeErlang,
} from "./_logger_reports.ts";
import { applyFun, moduleTable, properArray, unresolved } from "./_util.ts";

export { formatReport } from "./_logger_reports.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

const LEVELS = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

function levelOf(l: Term): number {
  const i = typeof l === "string" ? LEVELS.indexOf(l) : -1;
  if (i < 0) raiseError(["badarg", l]);
  return i;
}

function passes(level: string, limit: Term): boolean {
  if (limit === "all") return true;
  if (limit === "none") return false;
  return LEVELS.indexOf(level) <= LEVELS.indexOf(String(limit));
}

/** A filter: `{Fun, Extra}` under an id. */
type Filter = [Term, Term];

interface Handler {
  id: string;
  module: string;
  /** The handler's configuration map as `get_handler_config/1` answers it. */
  config: TermMap;
}

let primaryLevel: string = "notice";
const moduleLevels = new Map<string, string>();
let primaryFilters: Filter[] = [];
let filterDefault: Term = "log";
let primaryMeta: Term = new TermMap();
const handlers: Handler[] = [];

function defaultHandler(): Handler {
  return {
    id: "default",
    module: "logger_std_h",
    config: new TermMap([
      ["id", "default"],
      ["module", "logger_std_h"],
      ["level", "all"],
      ["filter_default", "stop"],
      ["filters", null],
      ["formatter", [
        "logger_formatter",
        new TermMap([["legacy_header", true], [
          "single_line",
          false,
        ]]),
      ]],
      ["config", new TermMap([["type", "standard_io"]])],
    ]),
  };
}
handlers.push(defaultHandler());

function handlerOf(id: Term): Handler | undefined {
  return handlers.find((h) => h.id === id);
}

// The title of the legacy heading: what OTP's default formatter calls the event.
function title(level: string, meta: Term): string {
  const el = mapGet(meta, "error_logger");
  const type = mapGet(el ?? null, "type");
  const tag = mapGet(el ?? null, "tag");
  if (type === "crash_report") return "CRASH REPORT";
  if (type === "supervisor_report") return "SUPERVISOR REPORT";
  if (type === "progress") return "PROGRESS REPORT";
  if (type === "std_info" || tag === "info_msg" || tag === "info_report") return "INFO REPORT";
  if (type === "std_warning" || tag === "warning_msg" || tag === "warning_report") {
    return "WARNING REPORT";
  }
  if (type === "std_error" || tag === "error" || tag === "error_report") return "ERROR REPORT";
  return `${level.toUpperCase()} REPORT`;
}

function* call(f: Term, args: Term[]): Gen<Term> {
  const r = applyFun(f, args);
  return unresolved(r) ? yield* resolve(r) : r as Term;
}

// The message of an event: `{string, S}`, `{report, R}` or `{Format, Args}`.
function* messageText(msg: Term, meta: Term, single: boolean): Gen<string> {
  if (!Array.isArray(msg) || msg.length !== 2) return pp(msg, 1);
  const [a, b] = msg as [Term, Term];
  if (a === "string") return textOf(b);
  if (a === "report") {
    const cb = mapGet(meta, "report_cb");
    if (typeof cb === "function") {
      const config = new TermMap([["single_line", single], ["depth", "unlimited"], [
        "chars_limit",
        "unlimited",
      ]]);
      const two = (cb as { length: number }).length === 2;
      const r = yield* call(cb, two ? [b, config] : [b]);
      if (Array.isArray(r) && r.length === 2) return formatSafe(r[0] as Term, r[1] as Term);
      return textOf(r);
    }
    return formatReport("report", b);
  }
  return formatSafe(a, b);
}

function formatSafe(format: Term, args: Term): string {
  try {
    return formatToString(format, args, "erlang");
  } catch {
    const f = typeof format === "string" ? format : textOf(format);
    return `FORMAT ERROR: ${pp(charlist(f), 15)} - ${pp(args, 20)}`;
  }
}

// A report laid out on one line, as the formatter's single_line does.
function oneLine(text: string): string {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "").join(", ")
    .replace(/,\s*,/g, ",");
}

// The default handler's text of an event, by its formatter's configuration.
function* formatEvent(event: TermMap, fconfig: Term): Gen<string> {
  const level = event.get("level") as string;
  const meta = event.get("meta") ?? new TermMap();
  const single = mapGet(fconfig, "single_line") === true;
  const legacy = mapGet(fconfig, "legacy_header") !== false;
  let text = yield* messageText(event.get("msg") as Term, meta, single);
  const msg = event.get("msg");
  if (single) {
    text = Array.isArray(msg) && msg[0] === "report" ? oneLine(text) : text.replace(/\n\s*/g, " ");
  }
  const header = `=${title(level, meta)}==== ${reportTime()} ===`;
  const template = mapGet(fconfig, "template");
  if (template === undefined) {
    return legacy ? `${header}\n${text}\n` : `${timeText()} ${level}: ${text}\n`;
  }
  let out = "";
  for (const part of properArray(template) ?? []) {
    if (part === "msg") out += text;
    else if (part === "level") out += level;
    else if (part === "time") out += timeText();
    else if (isHeaderKey(part)) out += legacy ? header : "";
    else if (typeof part === "string") {
      const v = mapGet(meta, part);
      if (v !== undefined) out += isString(v) ? textOf(v) : writeErlang(v);
    } else if (isString(part)) out += textOf(part);
  }
  return out;
}

function isHeaderKey(t: Term): boolean {
  const parts = Array.isArray(t) ? t : properArray(t);
  return parts !== undefined && parts.length === 2 && parts[0] === "logger_formatter" &&
    parts[1] === "header";
}

function timeText(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}

// The default handler's own filters: an event of another domain than OTP's is dropped.
function defaultAccepts(meta: Term): boolean {
  const d = mapGet(meta, "domain");
  if (d === undefined) return true;
  const domain = properArray(d) ?? [];
  const otp = ["otp", "sasl"];
  return domain.length <= otp.length && domain.every((x, i) => x === otp[i]);
}

function* runFilters(
  event: TermMap,
  filters: Filter[],
  dflt: Term,
): Gen<TermMap | null> {
  let e = event;
  let decided = false;
  for (const [fun, extra] of filters) {
    let r: Term;
    try {
      r = yield* call(fun, [e, extra]);
    } catch {
      continue; // a filter that crashes is left out, as logger removes it
    }
    if (r === "stop") return null;
    if (r === "ignore") continue;
    if (r instanceof TermMap) {
      e = r;
      decided = true;
    }
  }
  if (!decided && filters.length > 0 && dflt === "stop") return null;
  return e;
}

// Logs an event: the primary level and filters, then each handler (the default one last, as
// it writes from a process of its own on BEAM).
function* emit(level: string, msg: Term, meta0: Term): Gen<Term> {
  if (!synced) yield* syncFromFirst();
  const p = currentProcess();
  const meta1 = meta0 instanceof TermMap ? meta0 : new TermMap();
  const mfa = mapGet(meta1, "mfa");
  const mod = Array.isArray(mfa) ? mfa[0] as Term : undefined;
  const limit = typeof mod === "string" ? moduleLevels.get(mod) ?? primaryLevel : primaryLevel;
  if (!passes(level, limit)) return "ok";
  let meta = meta1;
  if (primaryMeta instanceof TermMap) {
    for (const [k, v] of primaryMeta.entries()) if (!meta.has(k)) meta = meta.put(k, v);
  }
  if (p !== undefined && p !== null) {
    if (!meta.has("pid")) meta = meta.put("pid", p.pid);
    if (!meta.has("gl")) meta = meta.put("gl", p.groupLeader);
  }
  if (!meta.has("time")) meta = meta.put("time", Math.floor(Date.now() * 1000));
  const first = new TermMap([["level", level], ["msg", msg], ["meta", meta]]);
  const event = yield* runFilters(first, primaryFilters, filterDefault);
  if (event === null) return "ok";
  const ordered = [
    ...handlers.filter((h) => h.id !== "default"),
    ...handlers.filter((h) => h.id === "default"),
  ];
  for (const h of ordered) {
    if (!passes(level, h.config.get("level") ?? "all")) continue;
    const filters = (properArray(h.config.get("filters") ?? null) ?? []).map((f) =>
      (f as Term[])[1] as Filter
    );
    const ev = yield* runFilters(event, filters, h.config.get("filter_default") ?? "log");
    if (ev === null) continue;
    if (h.module === "logger_std_h") {
      if (!defaultAccepts(ev.get("meta") ?? null)) continue;
      let text: string;
      try {
        const formatter = h.config.get("formatter");
        text = yield* formatEvent(ev, Array.isArray(formatter) ? formatter[1] as Term : null);
      } catch {
        text = `FORMAT ERROR: ${writeErlang(ev.get("msg") ?? null)}\n`;
      }
      if (p !== undefined && p !== null) send(writer(), ["write", p.groupLeader, text]);
      else console.log(text.replace(/\n$/, ""));
    } else {
      const log = findFunction(h.module, "log", 2);
      if (log === undefined) continue;
      try {
        const r = log(ev, h.config);
        if (unresolved(r)) yield* resolve(r);
      } catch { /* a handler that fails is left out, as logger removes it */ }
    }
  }
  return "ok";
}

function isFormat(t: Term): boolean {
  return typeof t === "string" || isString(t);
}

// logger:log(Level, ...) in each of its shapes.
function* log2(level: Term, what: Term): Gen<Term> {
  levelOf(level);
  if (isFormat(what)) return yield* emit(level as string, ["string", what], new TermMap());
  return yield* emit(level as string, ["report", what], new TermMap());
}

function* log3(level: Term, a: Term, b: Term): Gen<Term> {
  levelOf(level);
  if (isFormat(a) && (b === null || b instanceof Cons)) {
    return yield* emit(level as string, [a, b], new TermMap());
  }
  if (isFormat(a)) return yield* emit(level as string, ["string", a], b);
  return yield* emit(level as string, ["report", a], b);
}

function* log4(level: Term, format: Term, args: Term, meta: Term): Gen<Term> {
  levelOf(level);
  return yield* emit(level as string, [format, args], meta);
}

function levelFns(level: string): ModuleFunctions {
  return {
    [`${level}/1`]: function* (a: Term) {
      return yield* log2(level, a);
    },
    [`${level}/2`]: function* (a: Term, b: Term) {
      return yield* log3(level, a, b);
    },
    [`${level}/3`]: function* (a: Term, b: Term, c: Term) {
      return yield* log4(level, a, b, c);
    },
  };
}

function checkLevel(l: Term): string {
  if (l === "all" || l === "none") return l;
  levelOf(l);
  return l as string;
}

function filtersTerm(fs: Filter[], ids: string[]): Term {
  return arrayToList(fs.map((f, i) => [ids[i] as string, f]));
}

const primaryFilterIds: string[] = [];

function primaryConfig(): Term {
  return new TermMap([
    ["level", primaryLevel],
    ["filter_default", filterDefault],
    ["filters", filtersTerm(primaryFilters, primaryFilterIds)],
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
      if (value !== "log" && value !== "stop") return ["error", ["invalid_filter_default", value]];
      filterDefault = value;
      return "ok";
    case "filters": {
      const fs = properArray(value) ?? [];
      primaryFilters = fs.map((f) => (f as Term[])[1] as Filter);
      primaryFilterIds.length = 0;
      primaryFilterIds.push(...fs.map((f) => String((f as Term[])[0])));
      return "ok";
    }
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

function isFilter(f: Term): f is Term[] {
  return Array.isArray(f) && f.length === 2 && typeof f[0] === "function";
}

function* addHandler(id: Term, module: Term, config: Term): Gen<Term> {
  if (typeof id !== "string" || typeof module !== "string") {
    return ["error", ["invalid_handler", [id, module]]];
  }
  if (handlerOf(id) !== undefined) return ["error", ["already_exist", id]];
  if (findFunction(module, "log", 2) === undefined) {
    return ["error", ["invalid_handler", ["function_not_exported", [module, "log", 2]]]];
  }
  let c = config instanceof TermMap ? config : new TermMap();
  c = c.put("id", id).put("module", module);
  if (!c.has("level")) c = c.put("level", "all");
  if (!c.has("filter_default")) c = c.put("filter_default", "log");
  if (!c.has("filters")) c = c.put("filters", null);
  const adding = findFunction(module, "adding_handler", 1);
  if (adding !== undefined) {
    const r = yield* call(adding as Term, [c]);
    if (!Array.isArray(r) || r[0] !== "ok") return r;
    c = r[1] as TermMap;
  }
  handlers.push({ id, module, config: c });
  return "ok";
}

function* removeHandler(id: Term): Gen<Term> {
  const h = handlerOf(id);
  if (h === undefined) return ["error", ["not_found", id]];
  handlers.splice(handlers.indexOf(h), 1);
  const removing = findFunction(h.module, "removing_handler", 1);
  if (removing !== undefined) yield* call(removing as Term, [h.config]);
  return "ok";
}

function setHandlerConfig(id: Term, key: Term, value: Term): Term {
  const h = handlerOf(id);
  if (h === undefined) return ["error", ["not_found", id]];
  if (key === "level") {
    try {
      checkLevel(value);
    } catch {
      return ["error", ["invalid_level", value]];
    }
  }
  h.config = h.config.put(key, value);
  return "ok";
}

function updateFormatter(id: Term, changes: Term): Term {
  const h = handlerOf(id);
  if (h === undefined) return ["error", ["not_found", id]];
  const f = h.config.get("formatter");
  const [fm, fc] = Array.isArray(f) ? f as [Term, Term] : ["logger_formatter", new TermMap()];
  let c = fc instanceof TermMap ? fc : new TermMap();
  if (changes instanceof TermMap) { for (const [k, v] of changes.entries()) c = c.put(k, v); }
  h.config = h.config.put("formatter", [fm, c]);
  return "ok";
}

// The logger's configuration is the node's: a change made on one scheduler is sent to the
// others, as a snapshot, before the call returns.
function snapshot(): Term {
  return [
    primaryLevel,
    filtersTerm(primaryFilters.map(portableFilter) as Filter[], primaryFilterIds),
    filterDefault,
    primaryMeta,
    arrayToList([...moduleLevels].map(([m, l]) => [m, l])),
    arrayToList(handlers.map((h) => {
      const fs = (properArray(h.config.get("filters") ?? null) ?? []).map((f) => {
        const [id, filter] = f as [Term, Term];
        return [id, portableFilter(filter as Filter)];
      });
      return [h.id, h.module, h.config.put("filters", arrayToList(fs))];
    })),
  ];
}

// A filter's fun as it can cross to another isolate: an exported fun by its name.
function portableFilter(f: Filter): Term {
  const [fun, extra] = f;
  if (typeof fun === "function") {
    const info = funInfo(fun as Fun);
    if (info.exported === true) return [["$fun", info.module, info.name, info.arity], extra];
  }
  return [fun, extra];
}

function localFilter(f: Term): Filter {
  const [fun, extra] = f as [Term, Term];
  if (Array.isArray(fun) && fun[0] === "$fun") {
    const [, m, n, a] = fun as [Term, string, string, number];
    return [exportedFun(m, n, a), extra];
  }
  return [fun, extra];
}

function restore(t: Term): Term {
  const [level, pfs, dflt, meta, mls, hs] = t as Term[];
  primaryLevel = String(level);
  const fs = properArray(pfs ?? null) ?? [];
  primaryFilterIds.length = 0;
  primaryFilterIds.push(...fs.map((f) => String((f as Term[])[0])));
  primaryFilters = fs.map((f) => localFilter((f as Term[])[1] as Term));
  filterDefault = dflt as Term;
  primaryMeta = meta as Term;
  moduleLevels.clear();
  for (const ml of properArray(mls ?? null) ?? []) {
    moduleLevels.set(String((ml as Term[])[0]), String((ml as Term[])[1]));
  }
  handlers.length = 0;
  for (const h of properArray(hs ?? null) ?? []) {
    const [id, module, config] = h as [string, string, TermMap];
    const filters = (properArray(config.get("filters") ?? null) ?? []).map((f) => {
      const [fid, filter] = f as [Term, Term];
      return [fid, localFilter(filter)];
    });
    handlers.push({ id, module, config: config.put("filters", arrayToList(filters)) });
  }
  return "ok";
}

setQueryHandler("logger_config", (_node, arg) => {
  synced = true;
  return restore(arg);
});
setQueryHandler("logger_config_get", () => snapshot());

// Whether this isolate has the node's configuration: a worker scheduler that started after a
// change asks the first scheduler for it before its first event.
let synced = false;

function* syncFromFirst(): Gen<void> {
  const p = currentProcess();
  if (synced || p === undefined || p === null || p.node.siblings === null) return;
  synced = true;
  if (p.node.index === 0) return;
  const snap = yield* askScheduler(0, "logger_config_get", null, 2000);
  if (snap !== undefined) restore(snap);
}

function* broadcast(): Gen<void> {
  const p = currentProcess();
  if (p === undefined || p === null || p.node.siblings === null) return;
  const snap = snapshot();
  for (let i = 0; i < p.node.schedulerCount; i++) {
    if (i !== p.node.index) yield* askScheduler(i, "logger_config", snap, 2000);
  }
}

// A function that changes the configuration, and sends the change to the other schedulers.
function changes(f: (...a: Term[]) => unknown): (...a: Term[]) => Gen<Term> {
  return function* (...args: Term[]) {
    let r = f(...args);
    if (unresolved(r)) r = yield* resolve(r);
    yield* broadcast();
    return r as Term;
  };
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
  "macro_log/3": function* (loc: Term, level: Term, what: Term) {
    return yield* log3(level, what, loc);
  },
  "macro_log/4": function* (loc: Term, level: Term, a: Term, b: Term) {
    return isFormat(a) && (b === null || b instanceof Cons)
      ? yield* log4(level, a, b, loc)
      : yield* log3(level, a, b);
  },
  "macro_log/5": function* (loc: Term, level: Term, f: Term, a: Term, meta: Term) {
    return yield* log4(level, f, a, meta instanceof TermMap ? meta : loc);
  },
  "allow/2": (level: Term, module: Term) => {
    levelOf(level);
    const l = typeof module === "string" ? moduleLevels.get(module) : undefined;
    return passes(level as string, l ?? primaryLevel);
  },
  "compare_levels/2": compareLevels,
  "get_primary_config/0": primaryConfig,
  "set_primary_config/1": changes(setPrimaryMap),
  "set_primary_config/2": changes(setPrimary),
  "update_primary_config/1": changes(setPrimaryMap),
  "add_primary_filter/2": changes((id: Term, f: Term) => {
    if (!isFilter(f)) return ["error", ["invalid_filter", [id, f]]];
    if (primaryFilterIds.includes(String(id))) return ["error", ["already_exist", id]];
    primaryFilterIds.push(String(id));
    primaryFilters.push([f[0] as Term, f[1] as Term]);
    return "ok";
  }),
  "remove_primary_filter/1": changes((id: Term) => {
    const i = primaryFilterIds.indexOf(String(id));
    if (i < 0) return ["error", ["not_found", id]];
    primaryFilterIds.splice(i, 1);
    primaryFilters.splice(i, 1);
    return "ok";
  }),
  "add_handler_filter/3": changes((hid: Term, id: Term, f: Term) => {
    const h = handlerOf(hid);
    if (h === undefined) return ["error", ["not_found", hid]];
    if (!isFilter(f)) return ["error", ["invalid_filter", [id, f]]];
    const fs = properArray(h.config.get("filters") ?? null) ?? [];
    h.config = h.config.put("filters", arrayToList([...fs, [id, f]]));
    return "ok";
  }),
  "remove_handler_filter/2": changes((hid: Term, id: Term) => {
    const h = handlerOf(hid);
    if (h === undefined) return ["error", ["not_found", hid]];
    const fs = properArray(h.config.get("filters") ?? null) ?? [];
    const kept = fs.filter((f) => (f as Term[])[0] !== id);
    if (kept.length === fs.length) return ["error", ["not_found", id]];
    h.config = h.config.put("filters", arrayToList(kept));
    return "ok";
  }),
  "set_module_level/2": changes((mods: Term, level: Term) => {
    const l = checkLevel(level);
    const ms = typeof mods === "string" ? [mods] : properArray(mods) ?? [];
    for (const m of ms) moduleLevels.set(String(m), l);
    return "ok";
  }),
  "unset_module_level/0": changes(() => {
    moduleLevels.clear();
    return "ok";
  }),
  "unset_module_level/1": changes((mods: Term) => {
    const ms = typeof mods === "string" ? [mods] : properArray(mods) ?? [];
    for (const m of ms) moduleLevels.delete(String(m));
    return "ok";
  }),
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
  "add_handler/3": changes(addHandler),
  "remove_handler/1": changes(removeHandler),
  "get_handler_ids/0": () => arrayToList(handlers.map((h) => h.id)),
  "get_handler_config/0": () => arrayToList(handlers.map((h) => h.config)),
  "get_handler_config/1": (id: Term) => {
    const h = handlerOf(id);
    return h === undefined ? ["error", ["not_found", id]] : ["ok", h.config];
  },
  "set_handler_config/2": changes((id: Term, c: Term) => {
    const h = handlerOf(id);
    if (h === undefined) return ["error", ["not_found", id]];
    if (!(c instanceof TermMap)) return ["error", ["invalid_config", c]];
    h.config = c.put("id", h.id).put("module", h.module);
    return "ok";
  }),
  "set_handler_config/3": changes(setHandlerConfig),
  "update_handler_config/2": changes((id: Term, c: Term) => {
    if (!(c instanceof TermMap)) return ["error", ["invalid_config", c]];
    for (const [k, v] of c.entries()) {
      const r = setHandlerConfig(id, k, v);
      if (r !== "ok") return r;
    }
    return "ok";
  }),
  "update_handler_config/3": changes(setHandlerConfig),
  "update_formatter_config/2": changes(updateFormatter),
  "update_formatter_config/3": changes((id: Term, k: Term, v: Term) =>
    updateFormatter(id, new TermMap([[k, v]]))
  ),
  "get_config/0": () =>
    new TermMap([
      ["primary", primaryConfig()],
      ["module_levels", arrayToList([...moduleLevels].map(([m, l]) => [m, l]))],
      ["handlers", arrayToList(handlers.map((h) => h.config))],
    ]),
  "format_report/1": (r: Term) => ["~ts", arrayToList([charlist(formatReport("report", r))])],
  "set_process_metadata/1": (m: Term) => {
    primaryMeta = m;
    return "ok";
  },
  "get_process_metadata/0": () => "undefined",
  "timestamp/0": () => Math.floor(Date.now() * 1000),
});

// The default handler writes from a process of its own, registered as OTP's is: what it
// logs reaches the group leader after what the logging process writes itself meanwhile.
const WRITER = "logger_std_h_default";

function writer(): Pid {
  const there = whereis(WRITER);
  if (there instanceof Pid) return there;
  const pid = spawn(function* (): Gen<Term> {
    for (;;) {
      const m = yield* receiveWith((x) => x);
      if (!Array.isArray(m)) continue;
      const p = currentProcess();
      if (m[0] === "write" && p !== undefined && p !== null) {
        putCharsAsync(p.node, m[1] as Pid, m[2] as string);
      } else if (m[0] === "sync") {
        // What was written is out once the group leader answers after it.
        try {
          yield* putCharsTo(m[3] as Term, "");
        } catch { /* a group leader that is gone has nothing left to write */ }
        send(m[1] as Pid, ["synced", m[2] as Term]);
      }
    }
  });
  try {
    register(WRITER, pid);
  } catch { /* registered meanwhile: messages to either pid are written in turn */ }
  return pid;
}

/**
 * `logger_std_h`, the default handler's module: `filesync/1` answers once what was logged
 * before it has been written.
 */
export const LOGGER_STD_H: ModuleFunctions = moduleTable("logger_std_h", {
  "filesync/1": function* (id: Term) {
    if (handlerOf(id) === undefined) return ["error", ["badarg", id]];
    const p = currentProcess();
    if (p === undefined || p === null) return "ok";
    const ref = p.node.makeRef();
    send(writer(), ["sync", p.pid, ref, p.groupLeader]);
    yield* receiveWith((m) =>
      Array.isArray(m) && m[0] === "synced" && exactEq(m[1] as Term, ref) ? true : NOMATCH
    );
    return "ok";
  },
});

/**
 * `error_logger`, the old API that now goes through logger: `*_msg` with a format,
 * `*_report` with a report, at the levels and headings OTP 25 gives them (`info_msg` is a
 * notice headed `INFO REPORT`).
 */
export const ERROR_LOGGER: ModuleFunctions = moduleTable("error_logger", {
  ...errorLoggerKind("error", "error"),
  ...errorLoggerKind("warning", "warning"),
  ...errorLoggerKind("info", "notice"),
});

function errorLoggerKind(kind: string, level: string): ModuleFunctions {
  const msgTag = kind === "error" ? "error" : `${kind}_msg`;
  const meta = (tag: string, type?: string) =>
    new TermMap([[
      "error_logger",
      new TermMap(type === undefined ? [["tag", tag]] : [["tag", tag], ["type", type]]),
    ]]);
  return {
    [`${kind}_msg/1`]: function* (f: Term) {
      return yield* emit(level, [f, null], meta(msgTag));
    },
    [`${kind}_msg/2`]: function* (f: Term, a: Term) {
      return yield* emit(level, [f, a], meta(msgTag));
    },
    [`${kind}_report/1`]: function* (r: Term) {
      const text = charlist(errorLoggerReport(r));
      return yield* emit(level, ["string", text], meta(`${kind}_report`, `std_${kind}`));
    },
    [`${kind}_report/2`]: function* (type: Term, r: Term) {
      const text = charlist(errorLoggerReport(r));
      return yield* emit(level, ["string", text], meta(`${kind}_report`, String(type)));
    },
  };
}

// A report of error_logger's: a list as logger lays one out, anything else as a term.
function errorLoggerReport(r: Term): string {
  if (r === null || r instanceof Cons) return plainReport(r);
  return pp(r, 1) + "\n";
}
