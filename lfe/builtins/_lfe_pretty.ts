/**
 * LFE's pretty printer (`lfe_io:prettyprint`, `~p` of `lfe_io:format`), after `lfe_io_pretty`:
 * a list or tuple that fits in the rest of the line prints on it; otherwise its atomic elements
 * share lines and anything else takes a line of its own, `defun`, `let`, `case` and the other
 * forms indent their bodies by two, and a map breaks between its key-value pairs. Parts that
 * fit print as `printTerm` prints them.
 *
 * @module
 */

import { printTerm, writeTerm } from "../../runtime/print_term.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import { atomName, Cons, Float, Pid, Port, Ref, type Term, TermMap } from "../../runtime/terms.ts";

/** The elements of a list or tuple, and a list's improper tail (`null` when proper). */
interface Seq {
  items: Term[];
  tail: Term;
}

function seqOf(t: Term): Seq {
  const items: Term[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) items.push(c.hd);
  return { items, tail: c };
}

/** The number of characters (code points) of a string. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function flat(t: Term, d: number): string {
  return printTerm(t, { depth: d });
}

const MACROS = new Map([["quote", "'"], ["backquote", "`"], ["comma", ","], ["comma-at", ",@"]]);

/** How many forms after the head stay on its line (the rest indent by two), or `defun`. */
const INDENT: Record<string, number | "defun"> = {
  define: 1,
  "define-syntax": 1,
  "define-record": 1,
  begin: 0,
  "let-syntax": 1,
  "syntax-rules": 0,
  macro: 0,
  defmodule: 1,
  defun: "defun",
  defmacro: "defun",
  defsyntax: 1,
  defrecord: 1,
  deftest: 1,
  lambda: 1,
  "match-lambda": 0,
  let: 1,
  "let-function": 1,
  "letrec-function": 1,
  "let-macro": 1,
  progn: 0,
  prog1: 0,
  prog2: 0,
  if: 1,
  case: 1,
  cond: 999,
  maybe: 0,
  receive: 0,
  catch: 0,
  try: 1,
  funcall: 1,
  call: 2,
  "eval-when-compile": 0,
  "define-function": 1,
  "define-macro": 1,
  "define-module": 1,
  "extend-module": 0,
  "define-type": 1,
  "define-opaque-type": 1,
  "define-function-spec": 1,
  ":": 2,
  "let*": 1,
  flet: 1,
  "flet*": 1,
  fletrec: 1,
  macrolet: 1,
  syntaxlet: 1,
  do: 2,
  lc: 1,
  "list-comp": 1,
  bc: 1,
  "binary-comp": 1,
  "match-spec": 0,
};

function printableChar(c: unknown): boolean {
  return typeof c === "number" &&
    ((c >= 32 && c <= 126) || (c >= 0xa0 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) ||
      (c > 0xffff && c <= 0x10ffff) || (c >= 8 && c <= 13) || c === 27);
}

function printableList(s: Seq): boolean {
  return s.tail === null && s.items.every(printableChar);
}

/**
 * Prints a term as `lfe_io_pretty:term/4`: to depth `d` (-1 for all), starting at column `i`
 * (from 0), breaking lines longer than `l`.
 *
 * @example
 * ```ts
 * import { prettyLfe } from "./_lfe_pretty.ts";
 * import { list } from "../../runtime/terms.ts";
 * prettyLfe(list("a", "b"), -1, 0, 80); // "(a b)"
 * ```
 */
export function prettyLfe(t: Term, d = -1, i = 0, l = 80): string {
  try {
    return term(t, d, i, l);
  } catch (e) {
    if (e instanceof RangeError) return flat(t, d); // nested too deep to lay out
    throw e;
  }
}

function term(t: Term, d: number, i: number, l: number): string {
  if (d === 0) return "...";
  if (t instanceof Cons) {
    const macro = typeof t.hd === "string" ? MACROS.get(t.hd) : undefined;
    if (macro !== undefined && t.tl instanceof Cons && t.tl.tl === null) {
      return macro + term(t.tl.hd, d, i + macro.length, l);
    }
    const s = seqOf(t);
    if (printableList(s)) return flat(t, d);
    const one = listMax(s, d - 1, i + 1, l - 1);
    if (one !== undefined) return "(" + one + ")";
    const kind = typeof t.hd === "string" ? INDENT[t.hd] : undefined;
    if (kind === "defun") return defun(s, d, i, l);
    if (kind !== undefined) return form(s, d, i, l, kind);
    return "(" + list(s, d - 1, i + 1, l - 1) + ")";
  }
  if (Array.isArray(t) && t.length > 0) {
    const s = { items: t, tail: null };
    const one = listMax(s, d - 1, i + 2, l - 1);
    return "#(" + (one ?? list(s, d - 1, i + 2, l)) + ")";
  }
  if (t instanceof TermMap) return map(t, d, i, l);
  return flat(t, d);
}

/** The elements on one line, or `undefined` if they reach `l`. */
function listMax(s: Seq, d: number, i: number, l: number): string | undefined {
  if (s.items.length === 0) return "";
  if (d === 0) return "...";
  let out = flat(s.items[0] as Term, d);
  i += charCount(out);
  for (let k = 1;; k++) {
    d--;
    if (i >= l) return undefined;
    if (k >= s.items.length) {
      if (s.tail === null) return out;
      if (d === 0) return out + " ...";
      const cs = flat(s.tail, d);
      return i + charCount(cs) + 3 >= l ? undefined : out + " . " + cs;
    }
    if (d === 0) return out + " ...";
    const cs = flat(s.items[k] as Term, d);
    out += " " + cs;
    i += charCount(cs) + 1;
  }
}

function isAtomic(t: Term): boolean {
  return t === null || typeof t === "string" || typeof t === "boolean" ||
    typeof t === "number" || typeof t === "bigint" || typeof t === "function" ||
    t instanceof Float || t instanceof Pid || t instanceof Ref || t instanceof Port;
}

/** One element: joined to the line if atomic and short, else on a line of its own. */
function element(e: Term, curL: number, d: number, i: number, l: number) {
  if (isAtomic(e)) {
    const cs = writeTerm(e, { depth: d });
    const len = charCount(cs);
    return { cs, len, join: curL + len <= l - 10, atomic: true };
  }
  return { cs: term(e, d, i, l), len: 0, join: false, atomic: false };
}

function newline(i: number, s: string): string {
  return "\n" + " ".repeat(i) + s;
}

/** The elements on lines, runs of atomic ones sharing lines. No brackets. */
function list(s: Seq, d: number, i: number, l: number, from = 0): string {
  if (from >= s.items.length) return "";
  if (d === 0) return "...";
  const e = element(s.items[from] as Term, i, d, i, l);
  return e.cs + listTail(s, from + 1, e.join ? i + e.len : l, d, i, l);
}

/** The rest of a list, from element `from`, each one a step deeper. */
function listTail(s: Seq, from: number, curL: number, d: number, i: number, l: number): string {
  let out = "";
  for (let k = from;; k++, d--) {
    if (k >= s.items.length && s.tail === null) return out;
    if (d === 0) return out + " ...";
    if (k >= s.items.length) {
      const e = element(s.tail, curL + 3, d, i, l);
      return out + (e.join ? " . " + e.cs : " .\n" + " ".repeat(i) + e.cs);
    }
    const e = element(s.items[k] as Term, curL + 1, d, i, l);
    if (e.join) {
      out += " " + e.cs;
      curL += 1 + e.len;
    } else {
      out += newline(i, e.cs);
      curL = e.atomic ? i + e.len : l;
    }
  }
}

function isSymbolList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "string" && typeof c.hd !== "boolean") return false;
  }
  return c === null;
}

function rest(s: Seq, from: number): Seq {
  return { items: s.items.slice(from), tail: s.tail };
}

/** `(defun name (args) body...)`, or `(defun name (clause) ...)` for a matching defun. */
function defun(s: Seq, d: number, i: number, l: number): string {
  const [def, name, args] = s.items;
  if (
    s.items.length < 3 || !(typeof name === "string" || typeof name === "boolean") ||
    (d <= 3 && d >= 0)
  ) {
    return "(" + list(s, d - 1, i + 1, l) + ")";
  }
  const dcs = atomName(def as string);
  const ncs = atomName(name);
  if (isSymbolList(args as Term)) {
    const acs = term(args as Term, d - 2, i + charCount(dcs) + charCount(ncs) + 3, l);
    return `(${dcs} ${ncs} ${acs}${listTail(rest(s, 3), 0, l, d - 3, i + 2, l)})`;
  }
  return `(${dcs} ${ncs}${listTail(rest(s, 2), 0, l, d - 2, i + 2, l)})`;
}

/** A form whose first `n` arguments follow its head and whose body indents by two. */
function form(s: Seq, d: number, i: number, l: number, n: number): string {
  if (!(d > 2 || d < 0)) return "(" + list(s, d - 1, i + 1, l) + ")";
  const cs = atomName(s.items[0] as string);
  const spec = { items: s.items.slice(1, n + 1), tail: null };
  const body = rest(s, Math.min(n + 1, s.items.length));
  const head = list(spec, d - 1, i + charCount(cs) + 2, l);
  return "(" + cs + " " + head + listTail(body, 0, l, d - 2, i + 2, l) + ")";
}

function map(m: TermMap, d: number, i: number, l: number): string {
  const name = m.get("__struct__");
  if (typeof name === "string" || typeof name === "boolean") {
    const ncs = printTerm(name);
    const kvs = orderedEntries(m).filter(([k]) => k !== "__struct__");
    return "#S(" + ncs + mapRest(kvs, 0, i + 3 + charCount(ncs), d - 1, i + 3, l) + ")";
  }
  const kvs = orderedEntries(m);
  const first = kvs[0];
  if (first === undefined) return "#M()";
  const ind = i + 3;
  const a = assoc(first, ind, d, ind, l - 1);
  const curL = a.kind === "sep" ? l - 1 : ind + a.len;
  return "#M(" + a.text + mapRest(kvs, 1, curL, d - 1, ind, l - 1) + ")";
}

type KV = readonly [Term, Term];

function mapRest(kvs: readonly KV[], from: number, curL: number, d: number, i: number, l: number) {
  let out = "";
  for (let k = from;; k++, d--) {
    if (d === 0) return out + " ...";
    const kv = kvs[k];
    if (kv === undefined) return out;
    const a = assoc(kv, curL + 1, d, i, l);
    if (a.kind === "cur") {
      out += " " + a.text;
      curL += a.len + 1;
    } else {
      out += newline(i, a.text);
      curL = a.kind === "one" ? i + a.len : l;
    }
  }
}

/** A key and its value: on the current line, on a line of their own, or on two lines. */
function assoc([k, v]: KV, curL: number, d: number, i: number, l: number) {
  const kcs = flat(k, d);
  const vcs = flat(v, d);
  const kl = charCount(kcs);
  const vl = charCount(vcs);
  const len = kl + 1 + vl;
  if (curL + kl + vl < l - 10) return { kind: "cur", text: kcs + " " + vcs, len } as const;
  if (i + kl + vl < l - 10) return { kind: "one", text: kcs + " " + vcs, len } as const;
  const ks = i + kl < l - 10 ? kcs : term(k, d, i, l);
  const vs = i + vl < l - 10 ? vcs : term(v, d, i + 2, l);
  return { kind: "sep", text: ks + newline(i + 2, vs), len } as const;
}
