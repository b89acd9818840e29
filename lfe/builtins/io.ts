/**
 * The modules `io` and `io_lib` of Erlang/OTP 25, as far as they make sense here: formatted
 * output (`io:format`, whose `~p` writes Erlang syntax), `put_chars`, `nl`, `write`, and
 * `get_line` as an io request; `io_lib` formats into character lists. Output is an io request
 * to a device: `standard_io` (the group leader), `user`, another registered name, or a pid; a
 * process spawned from another node has that node's group leader, so its output goes there.
 *
 * @module
 */

import { parseExprs, parseForm } from "./erl_parse.ts";
import * as more from "./_io_lib_more.ts";
import { writeLimited } from "./_erl_pretty.ts";
import { findFunction } from "../../runtime/code.ts";
import { whereis } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import {
  arrayToList,
  binary,
  charlist,
  Cons,
  listToArray,
  Pid,
  type Term,
} from "../../runtime/terms.ts";
import { chardataToString } from "./_chardata.ts";
import { prettyErlangDeep } from "./_erl_pretty.ts";
import { quoteAtom, quoteChars, writeAtom, writeErlang } from "./_erl_write.ts";
import { deepTerm } from "./_deep.ts";
import { writeErlangDeep } from "./_erl_deep.ts";
import { formatDeep, formatToString } from "./format.ts";
import { ErlTermsError, errorMessage, readErlTerms } from "./_erl_terms.ts";
import { fread, freadCollect } from "./_io_lib_fread.ts";

/** The pid an io device names: `standard_io` is the caller's group leader. */
export function devicePid(device: Term): Pid {
  if (device instanceof Pid) return device;
  if (device === "standard_io") return mustCurrent("io").groupLeader;
  if (typeof device === "string") {
    const pid = whereis(device);
    if (pid instanceof Pid) return pid;
    // No process writes to standard error here: it goes where the terminal output goes.
    if (device === "standard_error") return devicePid("user");
  }
  return raiseError("badarg");
}

/**
 * Sends an io request to `device` and waits for its reply; `#(error terminated)` if the device
 * is gone (or its node), as `io:request/2`.
 */
export function* ioRequest(device: Term, request: Term): Generator<Yielded, Term, unknown> {
  const p = mustCurrent("io");
  const to = devicePid(device);
  const ref = p.node.makeRef();
  const mon = p.node.monitor(p, to);
  p.node.sendPid(to, ["io_request", p.pid, ref, request], p);
  const r = yield* receiveWith((m) => {
    if (!Array.isArray(m)) return NOMATCH;
    if (m[0] === "io_reply" && exactEq(m[1] as Term, ref)) return m[2] as Term;
    if (m[0] === "DOWN" && exactEq(m[1] as Term, mon)) return ["error", "terminated"] as Term;
    return NOMATCH;
  });
  p.node.demonitor(p, mon);
  return r;
}

/**
 * Writes `text` to `device` and returns `ok`; raises as `io:put_chars/2` does when the device
 * refuses (`badarg`) or is gone (`terminated`).
 */
export function* putCharsTo(device: Term, text: string): Generator<Yielded, Term, unknown> {
  const r = yield* ioRequest(device, ["put_chars", "unicode", binary(text)]);
  if (Array.isArray(r) && r[0] === "error") {
    raiseError(r[1] === "terminated" ? "terminated" : "badarg");
  }
  return r;
}

function erlFormat(format: Term, args: Term): string {
  return formatToString(format, args, "erlang");
}

function* format3(device: Term, format: Term, args: Term) {
  return yield* putCharsTo(device, erlFormat(format, args));
}

function isInteger(t: Term): t is number | bigint {
  return (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
}

function depthOf(d: Term): number {
  return isInteger(d) ? Number(d) : raiseError("badarg");
}

function printableLatin1List(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (
      !(typeof h === "number" &&
        ((h >= 32 && h <= 126) || (h >= 160 && h <= 255) || (h >= 8 && h <= 13) || h === 27))
    ) return false;
  }
  return c === null;
}

function printableUnicodeList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (
      !(typeof h === "number" &&
        ((h >= 32 && h <= 126) || (h >= 0xa0 && h < 0xd800) || (h > 0xdfff && h < 0xfffe) ||
          (h > 0xffff && h <= 0x10ffff) || (h >= 8 && h <= 13) || h === 27))
    ) return false;
  }
  return c === null;
}

/** The text of what an input request gave: a list of characters or a binary. */
function inputText(t: Term): string {
  if (t instanceof Uint8Array) return new TextDecoder().decode(t);
  return chardataToString(t);
}

/**
 * `read/1,2,3`: a term in Erlang's syntax ended by a full stop, read line by line from the
 * device: `{ok, Term}` (with the line after it, from `read/3`), `eof`, or `{error, {Line,
 * erl_parse, Message}}`.
 */
function* readTerm(device: Term, prompt: Term, start?: Term): Generator<Yielded, Term, unknown> {
  let text = "";
  let lines = 0;
  for (;;) {
    const got = yield* ioRequest(device, ["get_line", "unicode", lines === 0 ? prompt : ""]);
    if (got === "eof") {
      if (text.trim() === "") return start === undefined ? "eof" : ["eof", start];
      break;
    }
    if (Array.isArray(got) && got[0] === "error") return got;
    text += inputText(got);
    lines++;
    if (/\.\s*$/.test(text) && !/^\s*$/.test(text)) break;
  }
  const base = typeof start === "number" ? start : 1;
  try {
    const terms = readErlTerms(text);
    if (terms.length === 0) return start === undefined ? "eof" : ["eof", start];
    const t = terms[0] as Term;
    return start === undefined ? ["ok", t] : ["ok", t, base + lines];
  } catch (e) {
    if (!(e instanceof ErlTermsError)) throw e;
    const where = base + e.line - 1;
    const err: Term = ["error", [where, "erl_parse", errorMessage(e)]];
    return start === undefined ? err : [...(err as Term[]), base + lines];
  }
}

/** `columns/0,1` and `rows/0,1`: `{ok, N}` from a terminal, `{error, enotsup}` otherwise. */
function* geometry(device: Term, what: string): Generator<Yielded, Term, unknown> {
  const r = yield* ioRequest(device, ["get_geometry", what]);
  return typeof r === "number" ? ["ok", r] : ["error", "enotsup"];
}

/** The functions of `io`: generators, since each one waits for its device's reply. */
export const ioModule: ModuleFunctions = {
  "format/1": function* (format: Term) {
    return yield* format3("standard_io", format, null);
  },
  "format/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "format/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "fwrite/1": function* (format: Term) {
    return yield* format3("standard_io", format, null);
  },
  "fwrite/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "fwrite/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "put_chars/1": function* (chars: Term) {
    return yield* putCharsTo("standard_io", chardataToString(chars));
  },
  "put_chars/2": function* (device: Term, chars: Term) {
    return yield* putCharsTo(device, chardataToString(chars));
  },
  "nl/0": function* () {
    return yield* putCharsTo("standard_io", "\n");
  },
  "nl/1": function* (device: Term) {
    return yield* putCharsTo(device, "\n");
  },
  "write/1": function* (term: Term) {
    return yield* putCharsTo("standard_io", writeErlang(term, -1, "latin1"));
  },
  "write/2": function* (device: Term, term: Term) {
    return yield* putCharsTo(device, writeErlang(term, -1, "latin1"));
  },
  "fread/2": function* (prompt: Term, format: Term) {
    return yield* ioRequest("standard_io", [
      "get_until",
      "unicode",
      prompt,
      "io_lib",
      "fread",
      arrayToList([format]),
    ]);
  },
  "fread/3": function* (device: Term, prompt: Term, format: Term) {
    return yield* ioRequest(device, [
      "get_until",
      "unicode",
      prompt,
      "io_lib",
      "fread",
      arrayToList([format]),
    ]);
  },
  "get_chars/2": function* (prompt: Term, n: Term) {
    return yield* ioRequest("standard_io", ["get_chars", "unicode", prompt, n]);
  },
  "get_chars/3": function* (device: Term, prompt: Term, n: Term) {
    return yield* ioRequest(device, ["get_chars", "unicode", prompt, n]);
  },
  "read/1": function* (prompt: Term) {
    return yield* readTerm("standard_io", prompt);
  },
  "read/2": function* (device: Term, prompt: Term) {
    return yield* readTerm(device, prompt);
  },
  "read/3": function* (device: Term, prompt: Term, start: Term) {
    return yield* readTerm(device, prompt, start);
  },
  "read/4": function* (device: Term, prompt: Term, start: Term, _options: Term) {
    return yield* readTerm(device, prompt, start);
  },
  "columns/0": function* () {
    return yield* geometry("standard_io", "columns");
  },
  "columns/1": function* (device: Term) {
    return yield* geometry(device, "columns");
  },
  "rows/0": function* () {
    return yield* geometry("standard_io", "rows");
  },
  "rows/1": function* (device: Term) {
    return yield* geometry(device, "rows");
  },
  "request/1": function* (req: Term) {
    return yield* ioRequest("standard_io", req);
  },
  "request/2": function* (device: Term, req: Term) {
    return yield* ioRequest(device, req);
  },
  "requests/1": function* (reqs: Term) {
    return yield* ioRequest("standard_io", ["requests", reqs]);
  },
  "requests/2": function* (device: Term, reqs: Term) {
    return yield* ioRequest(device, ["requests", reqs]);
  },
  "get_line/1": function* (prompt: Term) {
    return yield* ioRequest("standard_io", ["get_line", "unicode", prompt]);
  },
  "get_line/2": function* (device: Term, prompt: Term) {
    return yield* ioRequest(device, ["get_line", "unicode", prompt]);
  },
  "scan_erl_exprs/1": function* (prompt: Term) {
    return yield* scanErl("standard_io", prompt, 1, null);
  },
  "scan_erl_exprs/2": function* (device: Term, prompt: Term) {
    return yield* scanErl(device, prompt, 1, null);
  },
  "scan_erl_exprs/3": function* (device: Term, prompt: Term, loc: Term) {
    return yield* scanErl(device, prompt, loc, null);
  },
  "scan_erl_exprs/4": scanErl,
  "scan_erl_form/1": function* (prompt: Term) {
    return yield* scanErl("standard_io", prompt, 1, null);
  },
  "scan_erl_form/2": function* (device: Term, prompt: Term) {
    return yield* scanErl(device, prompt, 1, null);
  },
  "scan_erl_form/3": function* (device: Term, prompt: Term, loc: Term) {
    return yield* scanErl(device, prompt, loc, null);
  },
  "scan_erl_form/4": scanErl,
  "parse_erl_exprs/1": function* (prompt: Term) {
    return yield* parseErl("standard_io", prompt, 1, null, parseExprs);
  },
  "parse_erl_exprs/2": function* (device: Term, prompt: Term) {
    return yield* parseErl(device, prompt, 1, null, parseExprs);
  },
  "parse_erl_exprs/3": function* (device: Term, prompt: Term, loc: Term) {
    return yield* parseErl(device, prompt, loc, null, parseExprs);
  },
  "parse_erl_exprs/4": function* (device: Term, prompt: Term, loc: Term, opts: Term) {
    return yield* parseErl(device, prompt, loc, opts, parseExprs);
  },
  "parse_erl_form/1": function* (prompt: Term) {
    return yield* parseErl("standard_io", prompt, 1, null, parseForm);
  },
  "parse_erl_form/2": function* (device: Term, prompt: Term) {
    return yield* parseErl(device, prompt, 1, null, parseForm);
  },
  "parse_erl_form/3": function* (device: Term, prompt: Term, loc: Term) {
    return yield* parseErl(device, prompt, loc, null, parseForm);
  },
  "parse_erl_form/4": function* (device: Term, prompt: Term, loc: Term, opts: Term) {
    return yield* parseErl(device, prompt, loc, opts, parseForm);
  },
  "get_password/0": function* () {
    return yield* ioRequest("standard_io", ["get_password", "unicode"]);
  },
  "get_password/1": function* (device: Term) {
    return yield* ioRequest(device, ["get_password", "unicode"]);
  },
  "printable_range/0": () => "latin1",
  "getopts/0": function* () {
    return yield* ioRequest("standard_io", "getopts");
  },
  "getopts/1": function* (device: Term) {
    return yield* ioRequest(device, "getopts");
  },
  "setopts/1": function* (opts: Term) {
    return yield* ioRequest("standard_io", ["setopts", opts]);
  },
  "setopts/2": function* (device: Term, opts: Term) {
    return yield* ioRequest(device, ["setopts", opts]);
  },
};

/** The functions of `io_lib`: plain functions that return character lists. */
/** The characters of a flat list, each at most `max`; `undefined` if it is not one. */
function flatChars(t: Term, max: number): number[] | undefined {
  const out: number[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (typeof h !== "number" || !Number.isInteger(h) || h < 0 || h > max) return undefined;
    if (max > 255 && h >= 0xd800 && h <= 0xdfff) return undefined;
    out.push(h);
  }
  return c === null ? out : undefined;
}

/** Whether `t` is a list, as deep as it comes, of characters up to `max`. */
function deepChars(t: Term, max: number): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let c = stack.pop() as Term;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (h === null || h instanceof Cons) stack.push(h);
      else if (typeof h !== "number" || !Number.isInteger(h) || h < 0 || h > max) return false;
    }
    if (c !== null) return false;
  }
  return true;
}

/** `chars_length/1`: the characters of a deep list (a binary counts its bytes). */
function charsLength(t: Term): number {
  if (!(t === null || t instanceof Cons)) return raiseError("function_clause");
  let n = 0;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let c = stack.pop() as Term;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (h === null || h instanceof Cons) stack.push(h);
      else if (h instanceof Uint8Array) n += h.length;
      else n++;
    }
  }
  return n;
}

/** `write_char/1` and its kin: `$c`, escaped as in a string (a quote needs none here). */
function writeChar(c: Term, enc: "latin1" | "unicode", max = 0x10ffff): Term {
  if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c > max) {
    return raiseError("function_clause");
  }
  if (c === 32) return charlist("$\\s");
  if (c === 0) return charlist("$\\000");
  // A quote that no character is: the character itself needs no escape of a quote.
  return charlist("$" + quoteChars([c], "\u0000", enc).slice(1, -1));
}

function stringArg(s: Term, max: number): number[] {
  return flatChars(s, max) ?? raiseError("function_clause");
}

function quoteOf(q: Term): string {
  return typeof q === "number" && Number.isInteger(q) && q >= 0 && q <= 0x10ffff
    ? String.fromCodePoint(q)
    : raiseError("function_clause");
}

/** `indentation/2`: the column after `s` is written from column `start`, tabs to 8. */
function indentation(s: Term, start: Term): number {
  if (typeof start !== "number") return raiseError("function_clause");
  let col = start;
  const walk = (t: Term): void => {
    let c = t;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (h === null || h instanceof Cons) walk(h);
      else if (h === 10) col = 0;
      else if (h === 9) col = 8 * (Math.floor(col / 8) + 1);
      else col++;
    }
  };
  walk(s);
  return col;
}

export const ioLibModule: ModuleFunctions = {
  "fread/2": fread,
  "fread/3": freadCollect,
  "char_list/1": (t: Term) => flatChars(t, 0x10ffff) !== undefined,
  "latin1_char_list/1": (t: Term) => flatChars(t, 255) !== undefined,
  "deep_char_list/1": (t: Term) => deepChars(t, 0x10ffff),
  "deep_unicode_char_list/1": (t: Term) => deepChars(t, 0x10ffff),
  "deep_latin1_char_list/1": (t: Term) => deepChars(t, 255),
  "chars_length/1": charsLength,
  "write_char/1": (c: Term) => writeChar(c, "unicode"),
  "write_unicode_char/1": (c: Term) => writeChar(c, "unicode"),
  "write_char_as_latin1/1": (c: Term) => writeChar(c, "latin1"),
  "write_latin1_char/1": (c: Term) => writeChar(c, "latin1", 255),
  "write_string/2": (s: Term, q: Term) =>
    charlist(quoteChars(stringArg(s, 0x10ffff), quoteOf(q), "unicode")),
  "write_unicode_string/1": (s: Term) =>
    charlist(quoteChars(stringArg(s, 0x10ffff), '"', "unicode")),
  "write_latin1_string/1": (s: Term) => charlist(quoteChars(stringArg(s, 255), '"', "latin1")),
  "write_latin1_string/2": (s: Term, q: Term) =>
    charlist(quoteChars(stringArg(s, 255), quoteOf(q), "latin1")),
  "write_string_as_latin1/1": (s: Term) =>
    charlist(quoteChars(stringArg(s, 0x10ffff), '"', "latin1")),
  "write_string_as_latin1/2": (s: Term, q: Term) =>
    charlist(quoteChars(stringArg(s, 0x10ffff), quoteOf(q), "latin1")),
  "write_atom_as_latin1/1": (a: Term) =>
    typeof a === "string" || typeof a === "boolean"
      ? charlist(writeAtom(a, "latin1"))
      : raiseError("function_clause"),
  "quote_atom/2": (a: Term, _chars: Term) =>
    typeof a === "string" || typeof a === "boolean"
      ? quoteAtom(String(a))
      : raiseError("function_clause"),
  "indentation/2": indentation,
  "format/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "erlang")),
  "fwrite/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "erlang")),
  "format/3": more.format3,
  "fwrite/3": more.format3,
  "scan_format/2": more.scanFormat2,
  "unscan_format/1": more.unscanFormat,
  "build_text/1": (l: Term) => more.buildText(l),
  "build_text/2": more.buildText,
  "write/3": more.write3,
  "write_binary/3": more.writeBinary,
  "limit_term/2": more.limitTerm,
  "format_prompt/1": (p: Term) => more.formatPrompt(p),
  "format_prompt/2": more.formatPrompt,
  "collect_chars/3": more.collectChars3,
  "collect_chars/4": more.collectChars4,
  "collect_line/3": (c: Term, d: Term, _n: Term) => more.collectLine(c, d),
  "collect_line/4": (c: Term, d: Term, e: Term, _n: Term) => more.collectLine(c, d, e),
  "get_until/3": (c: Term, d: Term, mfa: Term) => more.getUntil(c, d, mfa, callSync),
  "get_until/4": (c: Term, d: Term, _e: Term, mfa: Term) => more.getUntil(c, d, mfa, callSync),
  "write/1": (term: Term) => deepTerm(writeErlangDeep(term)),
  "write/2": (term: Term, depth: Term) => {
    if (depth === null || depth instanceof Cons) {
      // Options: depth, chars_limit, encoding.
      let d = -1, limit = -1;
      let enc: "latin1" | "unicode" = "latin1";
      for (const o of listToArray(depth)) {
        if (!Array.isArray(o) || o.length !== 2) continue;
        if (o[0] === "depth" && isInteger(o[1]!)) d = Number(o[1]);
        else if (o[0] === "chars_limit" && isInteger(o[1]!)) limit = Number(o[1]);
        else if (o[0] === "encoding") enc = o[1] === "unicode" ? "unicode" : "latin1";
      }
      if (limit >= 0) return deepTerm(writeLimited(term, d, limit, enc));
      return deepTerm(writeErlangDeep(term, d, enc));
    }
    return deepTerm(writeErlangDeep(term, depthOf(depth)));
  },
  "print/1": (term: Term) => deepTerm(prettyErlangDeep(term)),
  "print/4": (term: Term, column: Term, lineLength: Term, depth: Term) =>
    deepTerm(prettyErlangDeep(term, {
      column: depthOf(column),
      lineLength: depthOf(lineLength),
      depth: depthOf(depth),
    })),
  "nl/0": () => charlist("\n"),
  "write_atom/1": (a: Term) =>
    typeof a === "string" || typeof a === "boolean"
      ? charlist(writeAtom(a, "unicode"))
      : raiseError("function_clause"),
  "write_string/1": (s: Term) =>
    charlist(
      quoteChars([...chardataToString(s)].map((c) => c.codePointAt(0) as number), '"', "unicode"),
    ),
  "printable_list/1": (t: Term) => printableLatin1List(t),
  "printable_latin1_list/1": (t: Term) => printableLatin1List(t),
  "printable_unicode_list/1": printableUnicodeList,
};

/** Calls `m:f(args...)`, a function that does not wait (as io_lib's readers do not). */
function callSync(m: string, f: string, args: Term[]): Term {
  const fn = findFunction(m, f, args.length);
  if (fn === undefined) return raiseError("undef");
  return fn(...args) as Term;
}

/** `scan_erl_exprs/1..4` and `scan_erl_form/1..4`: Erlang tokens up to a dot, from a device. */
function* scanErl(
  device: Term,
  prompt: Term,
  loc: Term,
  opts: Term,
): Generator<Yielded, Term, unknown> {
  return yield* ioRequest(device, [
    "get_until",
    "unicode",
    prompt,
    "erl_scan",
    "tokens",
    arrayToList([loc, opts]),
  ]);
}

/** `parse_erl_exprs/1..4` and `parse_erl_form/1..4`: tokens to a dot, parsed. */
function* parseErl(
  device: Term,
  prompt: Term,
  loc: Term,
  opts: Term,
  parse: (toks: Term) => Term,
): Generator<Yielded, Term, unknown> {
  const r = yield* scanErl(device, prompt, loc, opts);
  if (!Array.isArray(r) || r[0] !== "ok") return r;
  const p = parse(r[1]!);
  if (Array.isArray(p) && p[0] === "ok") return ["ok", p[1]!, r[2]!];
  return ["error", (p as Term[])[1]!, r[2]!];
}
