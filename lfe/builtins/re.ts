/**
 * The module `re`: Perl-compatible regular expressions as OTP 25 has them, run on JavaScript's
 * RegExp. Patterns are translated from PCRE's syntax (see `_re_translate.ts`); subjects,
 * patterns and replacements are strings, binaries or io data; offsets and lengths are byte
 * offsets, UTF-8 bytes in `unicode` mode, as OTP gives them. `replace/3,4` and `split/2,3`
 * build their io data as OTP's do. A compiled pattern is `{re_pattern, Groups, Unicode, 0,
 * Binary}` whose binary holds the pattern for this runtime (BEAM's holds PCRE's own code).
 *
 * @example
 * ```ts
 * import { RE } from "./re.ts";
 * import { charlist, list } from "../../runtime/terms.ts";
 * RE["run/2"]!(charlist("abc"), charlist("b+")); // #(match (#(1 1)))
 * RE["replace/4"]!(charlist("a-b"), charlist("-"), charlist("_"), list(["return", "list"])); // "a_b"
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, charlist, Cons, type Term } from "../../runtime/terms.ts";
import { Compiled, dataBytes, type Match, search, Subject } from "./_re_match.ts";
import {
  applyFlags,
  compileFlags,
  type OptionSet,
  readOptions,
  type ReOptions,
} from "./_re_options.ts";
import { PcreError, translate } from "./_re_translate.ts";
import { moduleTable } from "./_util.ts";
import { replaceIn, splitBy } from "./_re_edit.ts";

const MAGIC = "\u0000re:";
const utf8 = new TextDecoder();
const latin1 = new TextDecoder("latin1");
const encoder = new TextEncoder();

function bad(): never {
  return raiseError("badarg");
}

/** A pattern read from its term: its text, and the compile flags a compiled one carries. */
function patternText(re: Term, o: ReOptions): string {
  if (Array.isArray(re)) {
    const b = re[4];
    if (re.length !== 5 || re[0] !== "re_pattern" || !(b instanceof Uint8Array)) return bad();
    const text = utf8.decode(b);
    if (!text.startsWith(MAGIC)) return bad();
    const { source, flags } = JSON.parse(text.slice(MAGIC.length)) as {
      source: string;
      flags: string[];
    };
    applyFlags(o, flags);
    return source;
  }
  const bytes = dataBytes(re, o.unicode);
  if (!o.unicode) return latin1.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bad();
  }
}

const cache = new Map<string, Compiled | PcreError>();

/** The compiled pattern for a text and options, or the error PCRE would give. */
function compiled(text: string, o: ReOptions): Compiled | PcreError {
  const key = JSON.stringify([text, o.pattern, o.caseless]);
  let c = cache.get(key);
  if (c === undefined) {
    try {
      c = new Compiled(translate(text, o.pattern), o.caseless);
    } catch (e) {
      if (e instanceof PcreError) c = e;
      else if (e instanceof SyntaxError) c = new PcreError(e.message, 0);
      else throw e;
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/** The options, pattern and subject of a call; a bad pattern raises `badarg`. */
function prepare(subject: Term, re: Term, opts: Term, set: OptionSet) {
  const o = readOptions(opts, set);
  const text = patternText(re, o);
  const c = compiled(text, o);
  const s = new Subject(dataBytes(subject, o.unicode), o.unicode);
  if (o.search.offset > s.bytes.length) bad();
  return { o, c, s };
}

function captureValue(s: Subject, m: Match, g: number, type: ReOptions["captureType"]): Term {
  const span = m[g];
  if (span === undefined) {
    return type === "index" ? [-1, 0] : type === "list" ? null : new Uint8Array();
  }
  const from = s.byteAt(span[0]), to = s.byteAt(span[1]);
  if (type === "index") return [from, to - from];
  if (type === "binary") return s.bytes.slice(from, to);
  return s.unicode
    ? charlist(s.text.slice(span[0], span[1]))
    : arrayToList([...s.bytes.subarray(from, to)]);
}

/** The group numbers a capture spec asks for, for a match with `set` groups set. */
function groupsWanted(spec: Term, c: Compiled, m: Match): number[] | undefined {
  const last = m.reduce((n: number, x, i) => x === undefined ? n : i, 0);
  const upTo = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (spec === "all") return upTo(0, last);
  if (spec === "all_but_first") return upTo(1, last);
  if (spec === "first") return [0];
  if (spec === "none") return undefined;
  const names = [...c.pattern.names.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1);
  if (spec === "all_names") return names.map(([, n]) => n);
  if (spec !== null && !(spec instanceof Cons)) return bad();
  const out: number[] = [];
  for (let x: Term = spec; x instanceof Cons; x = x.tl) {
    const h = x.hd;
    if (typeof h === "number" && Number.isInteger(h) && h >= 0) out.push(h);
    else {
      const name = typeof h === "string" ? h : h instanceof Uint8Array ? utf8.decode(h) : nameOf(h);
      const n = c.pattern.names.get(name);
      out.push(n ?? bad());
    }
  }
  return out;
}

function nameOf(t: Term): string {
  let s = "";
  for (let c = t; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "number") return bad();
    s += String.fromCodePoint(c.hd);
  }
  return s;
}

function runRe(subject: Term, re: Term, opts: Term): Term {
  const { o, c, s } = prepare(subject, re, opts, "run");
  if (c instanceof PcreError) {
    return o.reportErrors ? ["error", ["compile", [charlist(c.message), c.offset]]] : bad();
  }
  const ms = search(c, s, o.search);
  if (ms.length === 0) return "nomatch";
  if (o.capture === "none") return "match";
  // A capture list that names no group gives `match`, as a spec of `none` does.
  const first = groupsWanted(o.capture, c, ms[0] as Match) ?? [];
  if (first.length === 0 && o.capture !== "all" && o.capture !== "all_but_first") return "match";
  const one = (m: Match) => {
    const gs = groupsWanted(o.capture, c, m) ?? [];
    return arrayToList(gs.map((g) => captureValue(s, m, g, o.captureType)));
  };
  return ["match", o.search.global ? arrayToList(ms.map(one)) : one(ms[0] as Match)];
}

function compileRe(re: Term, opts: Term = null): Term {
  const o = readOptions(opts, "compile");
  if (Array.isArray(re)) return bad();
  const text = patternText(re, o);
  const c = compiled(text, o);
  if (c instanceof PcreError) return ["error", [charlist(c.message), c.offset]];
  const body = encoder.encode(MAGIC + JSON.stringify({ source: text, flags: compileFlags(o) }));
  return ["ok", ["re_pattern", c.pattern.groups, o.unicode ? 1 : 0, 0, body]];
}

function inspect(re: Term, what: Term): Term {
  if (what !== "namelist") return bad();
  const o = readOptions(null, "compile");
  if (!Array.isArray(re)) return bad();
  const c = compiled(patternText(re, o), o);
  if (c instanceof PcreError) return bad();
  const names = [...c.pattern.names.keys()].sort();
  return ["namelist", arrayToList(names.map((n) => encoder.encode(n)))];
}

function replace(subject: Term, re: Term, repl: Term, opts: Term): Term {
  const { o, c, s } = prepare(subject, re, opts, "replace");
  if (c instanceof PcreError) return bad();
  return replaceIn(subject, s, search(c, s, o.search), dataBytes(repl, o.unicode), o);
}

function split(subject: Term, re: Term, opts: Term): Term {
  const { o, c, s } = prepare(subject, re, opts, "split");
  if (c instanceof PcreError) return bad();
  o.search.global = true;
  return splitBy(s, search(c, s, o.search), c.pattern.groups, o);
}

/** The functions of `re`, by `name/arity`. */
export const RE: ModuleFunctions = moduleTable("re", {
  "run/2": (s: Term, re: Term) => runRe(s, re, null),
  "run/3": runRe,
  "replace/3": (s: Term, re: Term, r: Term) => replace(s, re, r, null),
  "replace/4": replace,
  "split/2": (s: Term, re: Term) => split(s, re, null),
  "split/3": split,
  "compile/1": (re: Term) => compileRe(re),
  "compile/2": compileRe,
  "inspect/2": inspect,
  // What OTP's own functions call inside: a run or compile in Unicode mode, a run of each match
  // (`grun/3`, given `{Options, _, _}`), a run that may be retried.
  "urun/3": (s: Term, re: Term, o: Term) => runRe(s, re, new Cons("unicode", o)),
  "ucompile/2": (re: Term, o: Term) => compileRe(re, new Cons("unicode", o)),
  "grun/3": (s: Term, re: Term, g: Term) => {
    if (!(Array.isArray(g) && g.length === 3)) return raiseError("badarg");
    return runRe(s, re, new Cons("global", g[0] as Term));
  },
  "internal_run/4": (s: Term, re: Term, o: Term, _first: Term) => runRe(s, re, o),
  "version/0": () => encoder.encode("8.44 2020-02-12"),
});
