/**
 * Terms as text: as the LFE shell prints them (`printTerm`), as LFE's `~w` writes them
 * (`writeTerm`), and in Erlang syntax for error reports (`formatErlang`).
 *
 * `printTerm` follows `lfe_io_pretty` on a single line: printable lists print as strings,
 * printable binaries as `#"abc"`, `(quote x)` as `'x`, and maps with keys in term order.
 * `writeTerm` follows `lfe_io_write` (`lfe_io:print1`): lists stay lists and binaries `#B(...)`.
 * Both write pids as `<0.41.0>`, as this project's contract has it (LFE itself writes `#Pid<...>`).
 *
 * @module
 */

import { nodeIndex as defaultNodeIndex } from "./node_table.ts";
import { orderedEntries } from "./term_order.ts";
import { atomName, Cons, Float, type Fun, funInfo, Pid, Ref, type Term, TermMap } from "./terms.ts";

/** Options for {@linkcode printTerm}, {@linkcode writeTerm} and {@linkcode formatErlang}. */
export interface PrintTermOptions {
  /** The number by which pids and references of a node print; `node_table.ts` by default. */
  nodeIndex?: (node: string) => number;
  /**
   * How deep to print before writing `...`, counted as LFE counts it (the LFE shell uses 30).
   * Unlimited by default. Not used by {@linkcode formatErlang}.
   */
  depth?: number;
}

/**
 * Writes a term as the LFE shell prints it, on one line.
 *
 * @example
 * ```ts
 * import { printTerm } from "./print_term.ts";
 * import { charlist, float, list } from "./terms.ts";
 * printTerm(["ping", list(1, 2, 3)]); // "#(ping (1 2 3))"
 * printTerm(charlist("abc")); // "\"abc\""
 * printTerm(float(2)); // "2.0"
 * ```
 */
export function printTerm(t: Term, options: PrintTermOptions = {}): string {
  return new Printer(options, true).term(t, options.depth ?? -1);
}

/**
 * Writes a term as LFE's `~w` (`lfe_io:print1`) does: no string detection, so `"abc"` is
 * `(97 98 99)` and a binary is `#B(97 98 99)`.
 *
 * @example
 * ```ts
 * import { writeTerm } from "./print_term.ts";
 * import { charlist } from "./terms.ts";
 * writeTerm(charlist("abc")); // "(97 98 99)"
 * ```
 */
export function writeTerm(t: Term, options: PrintTermOptions = {}): string {
  return new Printer(options, false).term(t, options.depth ?? -1);
}

/**
 * Writes a term in Erlang syntax on one line, as `io_lib:format("~tp")` does when unicode is
 * printable: `{ping,<0.41.0>}`, `[1,2,3]`, `"abc"`, `<<"abc">>`, `#{a => 1}`, `'hello world'`.
 *
 * @example
 * ```ts
 * import { formatErlang } from "./print_term.ts";
 * import { TermMap } from "./terms.ts";
 * formatErlang(["hello world", new TermMap([["a", 1]])]); // "{'hello world',#{a => 1}}"
 * ```
 */
export function formatErlang(t: Term, options: PrintTermOptions = {}): string {
  return erlang(t, options.nodeIndex ?? defaultNodeIndex);
}

/**
 * A float as Erlang's `~p` writes it: the shortest digits that read back to the same float, in
 * fixed notation unless scientific is shorter, and always scientific from 2^53 up.
 */
function formatFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const abs = Math.abs(x);
  // toExponential() without an argument gives the shortest round-trip digits, as OTP does.
  const [mantissa = "", exponent = ""] = abs.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(exponent);
  const n = digits.length;
  const sci = `${digits[0]}.${n > 1 ? digits.slice(1) : "0"}e${exp}`;
  if (exp >= 0 && exp < n - 1) return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  if (exp >= n - 1 && abs >= 2 ** 53) return sign + sci;
  const fixed = exp < 0
    ? "0." + "0".repeat(-exp - 1) + digits
    : digits + "0".repeat(exp - n + 1) + ".0";
  return sign + (fixed.length <= sci.length ? fixed : sci);
}

/** Whether `c` prints as itself in a string, as `io_lib:printable_unicode_list/1` decides. */
function printableChar(c: number): boolean {
  return (c >= 32 && c <= 126) || (c >= 0xa0 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) ||
    (c > 0xffff && c <= 0x10ffff) || (c >= 8 && c <= 13) || c === 27;
}

/** The code points of a proper, non-empty list of printable characters, or `undefined`. */
function printableList(l: Cons): number[] | undefined {
  const codes: number[] = [];
  let c: Term = l;
  while (c instanceof Cons) {
    const h = c.hd;
    if (typeof h !== "number" || !printableChar(h)) return undefined;
    codes.push(h);
    c = c.tl;
  }
  return c === null ? codes : undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The code points of a binary that is printable UTF-8; `false` if it is UTF-8 but not printable,
 * `undefined` if it is not UTF-8.
 */
function printableBinary(b: Uint8Array): number[] | false | undefined {
  let s: string;
  try {
    s = utf8.decode(b);
  } catch {
    return undefined;
  }
  const codes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (!printableChar(c)) return false;
    codes.push(c);
  }
  return codes;
}

const LFE_ESCAPES: Record<number, string> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  27: "\\e",
  92: "\\\\",
  127: "\\d",
};

/** A string or quoted symbol as `lfe_io_write:string/2` writes it between `q` quotes. */
function lfeQuoted(codes: Iterable<number>, q: string): string {
  let s = q;
  const qc = q.charCodeAt(0);
  for (const c of codes) {
    s += c === qc ? "\\" + q : LFE_ESCAPES[c] ?? String.fromCodePoint(c);
  }
  return s + q;
}

/**
 * Whether `list_to_integer/1` accepts the name, as LFE asks. That BIF keeps only the low byte of
 * each character after an optional sign, so `"\u0531"` (low byte `"1"`) counts as an integer.
 */
function readsAsInteger(name: string): boolean {
  const digits = name.startsWith("-") || name.startsWith("+") ? name.slice(1) : name;
  if (digits === "") return false;
  for (const c of codePoints(digits)) if ((c & 0xff) < 48 || (c & 0xff) > 57) return false;
  return true;
}
const FLOAT_TEXT = /^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

function symbolChar(c: number): boolean {
  // ( ) [ ] { } " ; end a symbol; beyond ASCII anything above U+00A0 belongs to one.
  return ((c > 32 && c <= 126) || c > 0xa0) && c !== 40 && c !== 41 && c !== 91 && c !== 93 &&
    c !== 123 && c !== 125 && c !== 34 && c !== 59;
}

/** An atom as LFE writes it: between bars when it would not read back as the same symbol. */
function lfeSymbol(name: string): string {
  if (needsBars(name)) return lfeQuoted(codePoints(name), "|");
  return name;
}

function needsBars(name: string): boolean {
  if (name === "" || name === ".") return true;
  // Text that reads as a number must be quoted; `list_to_float` refuses an overflowing one.
  if (readsAsInteger(name)) return true;
  if (FLOAT_TEXT.test(name) && Number.isFinite(Number(name))) return true;
  const first = name.codePointAt(0) as number;
  // # ` ' , | cannot start a symbol.
  if (first === 35 || first === 96 || first === 39 || first === 44 || first === 124) return true;
  for (const c of codePoints(name)) if (!symbolChar(c)) return true;
  return false;
}

function* codePoints(s: string): Generator<number> {
  for (const ch of s) yield ch.codePointAt(0) as number;
}

/** `(quote x)`, `(backquote x)`, `(comma x)`, `(comma-at x)` print as LFE's reader macros. */
const READER_MACROS = new Map([["quote", "'"], ["backquote", "`"], ["comma", ","], [
  "comma-at",
  ",@",
]]);

function pidText(p: Pid, index: (node: string) => number): string {
  return `<${index(p.node)}.${p.id}.${p.serial}>`;
}

function refText(r: Ref, index: (node: string) => number): string {
  return `#Ref<${index(r.node)}.${r.ids.join(".")}>`;
}

function funText(f: Fun): string {
  const info = funInfo(f);
  return `#Fun<${info.module}.${info.name}.${info.arity}>`;
}

/** Steps a depth down; a negative depth means unlimited and stays negative. */
function down(d: number, by = 1): number {
  return d < 0 ? d : d - by;
}

/** The LFE printers: `pretty` selects `lfe_io_pretty` (the shell) over `lfe_io_write` (`~w`). */
class Printer {
  readonly #index: (node: string) => number;
  readonly #pretty: boolean;

  constructor(options: PrintTermOptions, pretty: boolean) {
    this.#index = options.nodeIndex ?? defaultNodeIndex;
    this.#pretty = pretty;
  }

  term(t: Term, d: number): string {
    if (d === 0) return "...";
    switch (typeof t) {
      case "string":
      case "boolean":
        return lfeSymbol(atomName(t));
      case "number":
      case "bigint":
        return String(t);
      case "function":
        return funText(t);
    }
    if (t === null) return "()";
    if (t instanceof Cons) return this.#list(t, d);
    if (Array.isArray(t)) return t.length === 0 ? "#()" : `#(${this.#elements(t, d)})`;
    if (t instanceof Float) return formatFloat(t.value);
    if (t instanceof Uint8Array) return this.#binary(t, d);
    if (t instanceof TermMap) return this.#map(t, d);
    if (t instanceof Pid) return pidText(t, this.#index);
    if (t instanceof Ref) return refText(t, this.#index);
    throw new TypeError(`Cannot print ${String(t)}: it is not a term`);
  }

  #list(l: Cons, d: number): string {
    if (this.#pretty) {
      const macro = typeof l.hd === "string" ? READER_MACROS.get(l.hd) : undefined;
      if (macro !== undefined && l.tl instanceof Cons && l.tl.tl === null) {
        return macro + this.term(l.tl.hd, d);
      }
      const codes = printableList(l);
      if (codes !== undefined) return lfeQuoted(codes, '"');
    }
    return `(${this.#elements(l, d)})`;
  }

  /** The elements of a list or tuple; each one printed takes a step of depth, as in LFE. */
  #elements(items: Cons | Term[], d: number): string {
    let e = down(d);
    if (e === 0) return "...";
    if (Array.isArray(items)) {
      let s = "";
      for (let i = 0; i < items.length; i++, e = down(e)) {
        if (i > 0) {
          if (e === 0) return s + " ...";
          s += " ";
        }
        s += this.term(items[i] as Term, e);
      }
      return s;
    }
    let s = this.term(items.hd, e);
    let c = items.tl;
    for (e = down(e); c !== null; e = down(e)) {
      if (e === 0) return s + " ...";
      if (!(c instanceof Cons)) return s + " . " + this.term(c, e);
      s += " " + this.term(c.hd, e);
      c = c.tl;
    }
    return s;
  }

  #binary(b: Uint8Array, d: number): string {
    if (this.#pretty) {
      const codes = printableBinary(b);
      if (codes) return "#" + lfeQuoted(codes, '"');
    } else {
      d = -1; // lfe_io_write prints every byte whatever the depth
    }
    let s = "#B(";
    for (let i = 0; i < b.length; i++, d = down(d)) {
      if (d === 0) return s + " ...)";
      s += (i > 0 ? " " : "") + b[i];
    }
    return s + ")";
  }

  #map(m: TermMap, d: number): string {
    const entries = orderedEntries(m);
    if (this.#pretty) {
      const name = m.get("__struct__");
      if (typeof name === "string" || typeof name === "boolean") {
        const rest = entries.filter(([k]) => k !== "__struct__");
        return `#S(${lfeSymbol(atomName(name))}${this.#pairs(rest, down(d), true)})`;
      }
      return `#M(${this.#pairs(entries, d, false)})`;
    }
    // lfe_io_write gives each pair one step less than the map, and stops at depth one.
    let s = "#M(";
    for (let i = 0; i < entries.length; i++, d = down(d)) {
      if (d === 0 || d === 1) return s + "...)";
      const [k, v] = entries[i] as readonly [Term, Term];
      s += `${this.term(k, down(d))} ${this.term(v, down(d))}${i < entries.length - 1 ? " " : ""}`;
    }
    return s + ")";
  }

  /** Key-value pairs as `lfe_io_pretty` writes them, which ends with `...` at depth zero. */
  #pairs(entries: readonly (readonly [Term, Term])[], d: number, leadingSpace: boolean): string {
    let s = "";
    for (let i = 0; i < entries.length; i++, d = down(d)) {
      if ((i > 0 || leadingSpace) && d === 0) return s + " ...";
      const [k, v] = entries[i] as readonly [Term, Term];
      s += `${i > 0 || leadingSpace ? " " : ""}${this.term(k, d)} ${this.term(v, d)}`;
    }
    return (entries.length > 0 || leadingSpace) && d === 0 ? s + " ..." : s;
  }
}

// ---- Erlang syntax ----

const RESERVED = new Set(
  ("after and andalso band begin bnot bor bsl bsr bxor case catch cond div else end fun if let " +
    "maybe not of or orelse receive rem try when xor").split(" "),
);

function erlangNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ||
    c === 64 || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function erlangAtom(name: string): string {
  const first = name.charCodeAt(0);
  const plain =
    ((first >= 97 && first <= 122) || (first >= 0xdf && first <= 0xff && first !== 0xf7)) &&
    !RESERVED.has(name) && [...codePoints(name)].every(erlangNameChar);
  return plain ? name : erlangQuoted(codePoints(name), "'");
}

const ERLANG_ESCAPES: Record<number, string> = { ...LFE_ESCAPES };

/** Text between `q` quotes as `io_lib:write_string/2` writes it with unicode printable. */
function erlangQuoted(codes: Iterable<number>, q: string): string {
  let s = q;
  const qc = q.charCodeAt(0);
  for (const c of codes) {
    if (c === qc) s += "\\" + q;
    else if ((c >= 32 && c <= 126 && c !== 92) || c >= 0xa0) s += String.fromCodePoint(c);
    else s += ERLANG_ESCAPES[c] ?? "\\" + c.toString(8).padStart(3, "0");
  }
  return s + q;
}

function erlangBinary(b: Uint8Array): string {
  if (b.length === 0) return "<<>>";
  const codes = printableBinary(b);
  if (codes) return `<<${erlangQuoted(codes, '"')}${codes.length === b.length ? "" : "/utf8"}>>`;
  // Not UTF-8 at all: still a string if every byte is a printable Latin-1 character.
  if (codes === undefined && b.every((c) => printableChar(c) && (c < 0x7f || c >= 0xa0))) {
    return `<<${erlangQuoted(b, '"')}>>`;
  }
  return `<<${b.join(",")}>>`;
}

function erlang(t: Term, index: (node: string) => number): string {
  switch (typeof t) {
    case "string":
    case "boolean":
      return erlangAtom(atomName(t));
    case "number":
    case "bigint":
      return String(t);
    case "function":
      return funText(t);
  }
  if (t === null) return "[]";
  if (t instanceof Cons) {
    const codes = printableList(t);
    if (codes !== undefined) return erlangQuoted(codes, '"');
    let s = "[" + erlang(t.hd, index);
    let c = t.tl;
    for (; c instanceof Cons; c = c.tl) s += "," + erlang(c.hd, index);
    return s + (c === null ? "]" : "|" + erlang(c, index) + "]");
  }
  if (Array.isArray(t)) return `{${t.map((e) => erlang(e, index)).join(",")}}`;
  if (t instanceof Float) return formatFloat(t.value);
  if (t instanceof Uint8Array) return erlangBinary(t);
  if (t instanceof TermMap) {
    const pairs = orderedEntries(t).map(([k, v]) => `${erlang(k, index)} => ${erlang(v, index)}`);
    return `#{${pairs.join(",")}}`;
  }
  if (t instanceof Pid) return pidText(t, index);
  if (t instanceof Ref) return refText(t, index);
  throw new TypeError(`Cannot format ${String(t)}: it is not a term`);
}
