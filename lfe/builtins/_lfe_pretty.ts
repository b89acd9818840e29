/**
 * LFE's pretty printer (`lfe_io:prettyprint1`, `~p` of `lfe_io:format`), after `lfe_io_pretty`:
 * a list or tuple that fits in the rest of the line prints on it; otherwise its atomic elements
 * share lines and anything else takes a line of its own, `defun`, `let`, `case` and the other
 * forms indent their bodies by two, and a map breaks between its key-value pairs. It builds the
 * deep character list LFE builds (`prettyLfeDeep`), whose text `prettyLfe` gives.
 *
 * @module
 */

import { printTerm, writeTerm } from "../../runtime/print_term.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import {
  atomName,
  BitString,
  Cons,
  Float,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { codes, cons, consAll, type Deep, type DeepItem, flatLength, flatText } from "./_deep.ts";
import { bitstring as writeBits, lfeWrite } from "./_lfe_write.ts";

/** The number of characters (code points) of a string. */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
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

function printableList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) if (!printableChar(c.hd)) return false;
  return c === null;
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
  return flatText(prettyLfeDeep(t, d, i, l));
}

/**
 * What {@linkcode prettyLfe} prints, as the deep character list `lfe_io_pretty:term/4`
 * returns.
 *
 * @example
 * ```ts
 * import { prettyLfeDeep } from "./_lfe_pretty.ts";
 * import { list } from "../../runtime/terms.ts";
 * prettyLfeDeep(list("a", "b")); // ["(", ["a", " ", "b"], ")"]
 * ```
 */
export function prettyLfeDeep(t: Term, d = -1, i = 0, l = 80): Deep {
  try {
    return term(t, d, i, l);
  } catch (e) {
    // Nested too deep to lay out: one line, as the shell's printer writes it.
    if (e instanceof RangeError) return printTerm(t, { depth: d });
    throw e;
  }
}

const NEVER = 99999;

function term(t: Term, d: number, i: number, l: number): Deep {
  if (d === 0) return "...";
  if (t instanceof Cons) {
    const macro = typeof t.hd === "string" ? MACROS.get(t.hd) : undefined;
    if (macro !== undefined && t.tl instanceof Cons && t.tl.tl === null) {
      return [macro, term(t.tl.hd, d, i + charCount(macro), l)];
    }
    if (printableList(t)) return printTerm(t); // a string: lfe_io_write:string/2
    const one = listMax(t, d - 1, i + 1, l - 1);
    if (one !== undefined) return ["(", one, ")"];
    const kind = typeof t.hd === "string" ? INDENT[t.hd] : undefined;
    if (kind === "defun") return defun(t, d, i, l);
    if (kind !== undefined) return form(t, d, i, l, kind);
    return ["(", list(t, d - 1, i + 1, l - 1), ")"];
  }
  if (t === null) return "()";
  if (Array.isArray(t)) {
    if (t.length === 0) return "#()";
    const es = arrayList(t);
    const one = listMax(es, d - 1, i + 2, l - 1);
    return one !== undefined ? ["#(", one, ")"] : ["#(", list(es, d - 1, i + 2, l), ")"];
  }
  if (t instanceof Uint8Array || t instanceof BitString) {
    // A printable UTF-8 binary is a string after #, anything else its bytes.
    const text = t instanceof Uint8Array ? printTerm(t, { depth: d }) : "";
    return text.startsWith('#"') ? text : writeBits(t, d);
  }
  if (t instanceof TermMap) return map(t, d, i, l);
  if (typeof t === "function") return lfeWrite(t);
  return writeTerm(t); // symbols, numbers, pids, references, ports
}

function arrayList(items: Term[]): Term {
  let l: Term = null;
  for (let k = items.length - 1; k >= 0; k--) l = new Cons(items[k] as Term, l);
  return l;
}

/** The elements on one line, or `undefined` once they reach `l`. */
function listMax(t: Term, d: number, i: number, l: number): Deep | undefined {
  if (t === null) return [];
  if (d === 0) return "...";
  const c = t as Cons;
  const first = term(c.hd, d, 0, NEVER);
  const acc: DeepItem[] = [first];
  i += flatLength(first);
  let rest = c.tl;
  for (d--;; d--) {
    if (i >= l) return undefined;
    if (rest === null) return acc;
    if (d === 0) {
      acc.push(" ...");
      return acc;
    }
    if (rest instanceof Cons) {
      const cs = term(rest.hd, d, 0, NEVER);
      acc.push(" ", cs);
      i += flatLength(cs) + 1;
      rest = rest.tl;
    } else {
      const cs = term(rest, d, 0, NEVER);
      acc.push(" . ", cs);
      i += flatLength(cs) + 3;
      rest = null;
    }
  }
}

function isAtomic(t: Term): boolean {
  return t === null || typeof t === "string" || typeof t === "boolean" ||
    typeof t === "number" || typeof t === "bigint" || typeof t === "function" ||
    t instanceof Float || t instanceof Pid || t instanceof Ref || t instanceof Port;
}

type Element =
  | { kind: "join" | "break"; cs: Deep; len: number }
  | { kind: "form"; cs: Deep };

/** One element: joined to the line if atomic and short, else on a line of its own. */
function element(e: Term, curL: number, d: number, i: number, l: number): Element {
  if (isAtomic(e)) {
    const cs = lfeWrite(e, d);
    const len = flatLength(cs);
    return { kind: curL + len <= l - 10 ? "join" : "break", cs, len };
  }
  return { kind: "form", cs: term(e, d, i, l) };
}

/** A newline, `i` spaces and the characters of `tail`, as one flat run. */
function newline(i: number, tail: Deep): DeepItem[] {
  return consAll([10, ...new Array<number>(i).fill(32)], tail);
}

/** The elements on lines, runs of atomic ones sharing lines. No brackets. */
function list(t: Term, d: number, i: number, l: number): Deep {
  if (t === null) return [];
  if (d === 0) return "...";
  const c = t as Cons;
  const e = element(c.hd, i, d, i, l);
  const curL = e.kind === "join" ? i + e.len : l;
  return cons(e.cs, listTail(c.tl, curL, d, i, l));
}

/** The rest of a list, each element a step deeper; at a dotted tail, ` . ` and the tail. */
function listTail(t: Term, curL: number, d: number, i: number, l: number): Deep {
  if (t === null) return "";
  if (d === 0) return " ...";
  if (t instanceof Cons) {
    const e = element(t.hd, curL + 1, d, i, l);
    if (e.kind === "join") return [32, e.cs, listTail(t.tl, curL + 1 + e.len, d - 1, i, l)];
    const next = e.kind === "break" ? i + e.len : l;
    return [newline(i, e.cs), listTail(t.tl, next, d - 1, i, l)];
  }
  const e = element(t, curL + 3, d, i, l);
  if (e.kind === "join") return cons(" . ", e.cs);
  return [" .\n", consAll(new Array<number>(i).fill(32), e.cs)];
}

function isSymbolList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "string" && typeof c.hd !== "boolean") return false;
  }
  return c === null;
}

/** `(defun name (args) body...)`, or `(defun name (clause) ...)` for a matching defun. */
function defun(t: Cons, d: number, i: number, l: number): Deep {
  const c1 = t.tl instanceof Cons ? t.tl : undefined;
  const c2 = c1?.tl instanceof Cons ? c1.tl : undefined;
  const name = c1?.hd;
  if (
    c2 === undefined || !(typeof name === "string" || typeof name === "boolean") ||
    !(d > 3 || d < 0)
  ) return ["(", list(t, d - 1, i + 1, l), ")"];
  const dcs = codes(atomName(t.hd as string));
  const ncs = codes(atomName(name));
  if (isSymbolList(c2.hd)) {
    const acs = term(c2.hd, d - 2, i + dcs.length + ncs.length + 3, l);
    const tcs = listTail(c2.tl, l, d - 3, i + 2, l);
    return ["(", dcs, " ", ncs, " ", acs, tcs, ")"];
  }
  return ["(", dcs, " ", ncs, listTail(c2, l, d - 2, i + 2, l), ")"];
}

/** A form whose first `n` arguments follow its head and whose body indents by two. */
function form(t: Cons, d: number, i: number, l: number, n: number): Deep {
  if (!(d > 2 || d < 0)) return [40, list(t, d - 1, i + 1, l), 41];
  const cs = codes(atomName(t.hd as string));
  const spec: Term[] = [];
  let rest = t.tl;
  for (let k = 0; k < n && rest instanceof Cons; k++, rest = rest.tl) spec.push(rest.hd);
  const tcs = [
    list(arrayList(spec), d - 1, i + cs.length + 2, l),
    listTail(rest, l, d - 2, i + 2, l),
  ];
  return [[40, ...cs], " ", tcs, ")"];
}

type KV = readonly [Term, Term];

function map(m: TermMap, d: number, i: number, l: number): Deep {
  const name = m.get("__struct__");
  if (typeof name === "string" || typeof name === "boolean") {
    const ncs = writeTerm(name);
    const kvs = orderedEntries(m).filter(([k]) => k !== "__struct__");
    return ["#S(", ncs, mapRest(kvs, 0, i + 3 + charCount(ncs), d - 1, i + 3, l), 41];
  }
  return ["#M(", mapBody(orderedEntries(m), d, i + 3, l - 1), 41];
}

function mapBody(kvs: readonly KV[], d: number, i: number, l: number): Deep {
  const kv = kvs[0];
  if (kv === undefined) return [];
  const a = assoc(kv, i, d, i, l);
  if (a.kind !== "sep") return [a.cs, mapRest(kvs, 1, i + a.len, d - 1, i, l)];
  return [a.ks, newline(i + 2, a.vs), mapRest(kvs, 1, l, d - 1, i, l)];
}

function mapRest(
  kvs: readonly KV[],
  from: number,
  curL: number,
  d: number,
  i: number,
  l: number,
): Deep {
  if (d === 0) return " ...";
  const kv = kvs[from];
  if (kv === undefined) return [];
  const a = assoc(kv, curL + 1, d, i, l);
  if (a.kind === "cur") return [32, a.cs, mapRest(kvs, from + 1, curL + a.len + 1, d - 1, i, l)];
  if (a.kind !== "sep") {
    return [newline(i, a.cs), mapRest(kvs, from + 1, i + a.len, d - 1, i, l)];
  }
  return [newline(i, a.ks), newline(i + 2, a.vs), mapRest(kvs, from + 1, l, d - 1, i, l)];
}

type Assoc =
  | { kind: "cur" | "one"; cs: Deep; len: number }
  | { kind: "sep"; ks: Deep; vs: Deep };

/** A key and its value: on the current line, on a line of their own, or on two lines. */
function assoc([k, v]: KV, curL: number, d: number, i: number, l: number): Assoc {
  const kcs = term(k, d, 0, NEVER);
  const kl = flatLength(kcs);
  const vcs = term(v, d, 0, NEVER);
  const vl = flatLength(vcs);
  if (curL + kl + vl < l - 10) return { kind: "cur", cs: [kcs, 32, vcs], len: kl + 1 + vl };
  if (i + kl + vl < l - 10) return { kind: "one", cs: [kcs, 32, vcs], len: kl + 1 + vl };
  const ks = i + kl < l - 10 ? kcs : term(k, d, i, l);
  const vs = i + vl < l - 10 ? vcs : term(v, d, i + 2, l);
  return { kind: "sep", ks, vs };
}
