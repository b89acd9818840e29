/**
 * The option lists of `re`: compile options, run options and the options of `replace/4` and
 * `split/3`, read into one record; an option a function does not take raises `badarg`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import type { SearchOptions } from "./_re_match.ts";
import type { PatternOptions } from "./_re_translate.ts";

/** Which options a function takes, besides the compile options. */
export type OptionSet = "compile" | "run" | "replace" | "split";

/** Everything an option list can say. */
export interface ReOptions {
  pattern: PatternOptions;
  caseless: boolean;
  unicode: boolean;
  search: SearchOptions;
  capture: Term;
  captureType: "index" | "list" | "binary";
  reportErrors: boolean;
  returnType: "iodata" | "list" | "binary";
  /** `split/3`: the most parts (`-1` for no limit) and whether to drop empty trailing ones. */
  limit: number;
  strip: boolean;
  group: boolean;
}

const COMPILE_FLAGS: Record<string, keyof PatternOptions> = {
  caseless: "caseless",
  multiline: "multiline",
  dotall: "dotall",
  extended: "extended",
  ungreedy: "ungreedy",
  dollar_endonly: "dollarEndonly",
  no_auto_capture: "noAutoCapture",
};
const IGNORED = new Set([
  "firstline",
  "dupnames",
  "bsr_anycrlf",
  "bsr_unicode",
  "no_start_optimize",
  "ucp",
  "never_utf",
]);
const NEWLINES = new Set(["lf", "cr", "crlf", "anycrlf", "any"]);

function bad(): never {
  return raiseError("badarg");
}

/** Reads an option list for `set`. */
export function readOptions(opts: Term, set: OptionSet): ReOptions {
  const o: ReOptions = {
    pattern: {},
    caseless: false,
    unicode: false,
    search: { anchored: false, notempty: false, notemptyAtstart: false, global: false, offset: 0 },
    capture: "all",
    captureType: "index",
    reportErrors: false,
    returnType: "iodata",
    limit: -1,
    strip: false,
    group: false,
  };
  const running = set !== "compile";
  let c = opts;
  for (; c instanceof Cons; c = c.tl) {
    const x = c.hd;
    if (typeof x === "string") {
      const flag = COMPILE_FLAGS[x];
      if (flag !== undefined) {
        (o.pattern[flag] as boolean) = true;
        if (x === "caseless") o.caseless = true;
      } else if (x === "unicode") o.unicode = o.pattern.unicode = true;
      else if (x === "anchored") o.search.anchored = true;
      else if (IGNORED.has(x)) continue;
      else if (running && x === "global" && set !== "split") o.search.global = true;
      else if (running && x === "notbol") o.pattern.notbol = true;
      else if (running && x === "noteol") o.pattern.noteol = true;
      else if (running && x === "notempty") o.search.notempty = true;
      else if (running && x === "notempty_atstart") o.search.notemptyAtstart = true;
      else if (set === "run" && x === "report_errors") o.reportErrors = true;
      else if (set === "split" && x === "trim") o.limit = -1, o.strip = true;
      else if (set === "split" && x === "group") o.group = true;
      else return bad();
    } else if (Array.isArray(x) && x.length >= 2) {
      const [k, v] = x as [Term, Term];
      if (k === "newline" && x.length === 2 && typeof v === "string" && NEWLINES.has(v)) {
        o.pattern.newline = v;
      } else if (running && k === "offset" && x.length === 2 && typeof v === "number" && v >= 0) {
        o.search.offset = v;
      } else if (running && (k === "match_limit" || k === "match_limit_recursion")) continue;
      else if (set === "run" && k === "capture" && (x.length === 2 || x.length === 3)) {
        o.capture = v;
        const t = x[2];
        if (t !== undefined) {
          if (t !== "index" && t !== "list" && t !== "binary") return bad();
          o.captureType = t;
        }
      } else if ((set === "replace" || set === "split") && k === "return" && x.length === 2) {
        if (v !== "iodata" && v !== "list" && v !== "binary") return bad();
        o.returnType = v;
      } else if (set === "split" && k === "parts" && x.length === 2) {
        if (v === "infinity") o.limit = -1, o.strip = false;
        else if (v === 0) o.limit = -1, o.strip = true;
        else if (typeof v === "number" && Number.isInteger(v) && v > 0) {
          o.limit = v - 1, o.strip = false;
        } else return bad();
      } else return bad();
    } else return bad();
  }
  return c === null ? o : bad();
}

/** The compile options of a record, as names, to keep in a compiled pattern. */
export function compileFlags(o: ReOptions): string[] {
  const out: string[] = [];
  for (const [name, key] of Object.entries(COMPILE_FLAGS)) if (o.pattern[key]) out.push(name);
  if (o.unicode) out.push("unicode");
  if (o.search.anchored) out.push("anchored");
  if (o.pattern.newline !== undefined) out.push(`newline:${o.pattern.newline}`);
  return out;
}

/** Applies compile flags kept in a compiled pattern to a record. */
export function applyFlags(o: ReOptions, flags: string[]): void {
  for (const f of flags) {
    const key = COMPILE_FLAGS[f];
    if (key !== undefined) (o.pattern[key] as boolean) = true;
    if (f === "caseless") o.caseless = true;
    if (f === "unicode") o.unicode = o.pattern.unicode = true;
    if (f === "anchored") o.search.anchored = true;
    if (f.startsWith("newline:")) o.pattern.newline = f.slice(8);
  }
}
