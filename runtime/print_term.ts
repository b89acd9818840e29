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

import { bitSize } from "./bits.ts";
import { nodeIndex as defaultNodeIndex } from "./node_table.ts";
import { orderedEntries } from "./term_order.ts";
import {
  atomName,
  BitString,
  Cons,
  Float,
  type Fun,
  funInfo,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "./terms.ts";

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
  return render(t, options.depth ?? -1, lfe(true, options.nodeIndex ?? defaultNodeIndex));
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
  return render(t, options.depth ?? -1, lfe(false, options.nodeIndex ?? defaultNodeIndex));
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
  return render(t, -1, erlang(options.nodeIndex ?? defaultNodeIndex));
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

// The escapes of \b \t \n \v \f \r, escape, backslash and delete.
const LFE_ESCAPES = new Map(
  [..."\b\t\n\v\f\r\x1b\\\x7f"].map((ch, i) => [ch.charCodeAt(0), "\\" + "btnvfre\\d"[i]]),
);

/** A string or quoted symbol as `lfe_io_write:string/2` writes it between `q` quotes. */
function lfeQuoted(codes: Iterable<number>, q: string): string {
  let s = q;
  const qc = q.charCodeAt(0);
  for (const c of codes) {
    s += c === qc ? "\\" + q : LFE_ESCAPES.get(c) ?? String.fromCodePoint(c);
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
const READER_MACROS = new Map(
  Object.entries({ quote: "'", backquote: "`", comma: ",", "comma-at": ",@" }),
);

function pidText(p: Pid, index: (node: string) => number): string {
  return `<${index(p.node)}.${p.id}.${p.serial}>`;
}

function refText(r: Ref, index: (node: string) => number): string {
  return `#Ref<${index(r.node)}.${r.ids.join(".")}>`;
}

function funText(f: Fun): string {
  const info = funInfo(f);
  if (info.exported) return `(function ${info.module} ${info.name} ${info.arity})`;
  return `${localFun(f)}/${info.arity}>`;
}

const funIndexes = new Map<string, Map<string, number>>();

// `#Fun<module.index.uniq` of a fun made in a module: its index among the module's funs (as
// first printed) and a number standing for the module's code.
function localFun(f: Fun): string {
  const info = funInfo(f);
  let m = funIndexes.get(info.module);
  if (m === undefined) funIndexes.set(info.module, m = new Map());
  let i = info.index ?? m.get(info.name);
  if (i === undefined) m.set(info.name, i = m.size);
  let h = 2166136261;
  for (let k = 0; k < info.module.length; k++) {
    h = Math.imul(h ^ info.module.charCodeAt(k), 16777619) >>> 0;
  }
  return `#Fun<${info.module}.${i}.${h % 134217728}`;
}

/** A fun as Erlang prints it: `fun m:f/2` for an external fun, else `#Fun<m.0.1234>`. */
export function erlangFunText(f: Fun): string {
  const info = funInfo(f);
  if (info.exported) return `fun ${info.module}:${info.name}/${info.arity}`;
  return `${localFun(f)}>`;
}

/** Steps a depth down; a negative depth means unlimited and stays negative. */
function down(d: number): number {
  return d < 0 ? d : d - 1;
}

/** Output still to write: text, or a term to print at a depth. */
type Part = string | [Term, number];

/** Writes the text of a term, or pushes its parts to `out` and returns `undefined`. */
type Expand = (t: Term, d: number, out: Part[]) => string | undefined;

/** Prints with an explicit stack, so that a term nested 10,000 deep cannot overflow it. */
function render(t: Term, d: number, expand: Expand): string {
  let s = "";
  const stack: Part[] = [];
  const out: Part[] = [];
  for (let next: Part | undefined = [t, d]; next !== undefined; next = stack.pop()) {
    if (typeof next === "string") s += next;
    else {
      const text = expand(next[0], next[1], out);
      if (text !== undefined) s += text;
      for (let i = out.length - 1; i >= 0; i--) stack.push(out[i] as Part);
      out.length = 0;
    }
  }
  return s;
}

/** The LFE printers: `pretty` selects `lfe_io_pretty` (the shell) over `lfe_io_write` (`~w`). */
function lfe(pretty: boolean, index: (node: string) => number): Expand {
  return (t, d, out) => {
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
    if (t instanceof Cons) {
      if (pretty) {
        const macro = typeof t.hd === "string" ? READER_MACROS.get(t.hd) : undefined;
        if (macro !== undefined && t.tl instanceof Cons && t.tl.tl === null) {
          out.push(macro, [t.tl.hd, d]);
          return;
        }
        const codes = printableList(t);
        if (codes !== undefined) return lfeQuoted(codes, '"');
      }
      out.push("(");
      elements(t, d, out);
      out.push(")");
      return;
    }
    if (Array.isArray(t)) {
      if (t.length === 0) return "#()";
      out.push("#(");
      elements(t, d, out);
      out.push(")");
      return;
    }
    if (t instanceof Float) return formatFloat(t.value);
    if (t instanceof Uint8Array) return lfeBinary(t, pretty ? d : -1, pretty);
    if (t instanceof BitString) return lfeBits(t, pretty ? d : -1);
    if (t instanceof TermMap) return pretty ? prettyMap(t, d, out) : writeMap(t, d, out);
    if (t instanceof Pid) return pidText(t, index);
    if (t instanceof Ref) return refText(t, index);
    if (t instanceof Port) return `#Port<${index(t.node)}.${t.id}>`;
    throw new TypeError(`Cannot print ${String(t)}: it is not a term`);
  };
}

/** The elements of a list or tuple; each one printed takes a step of depth, as in LFE. */
function elements(items: Cons | Term[], d: number, out: Part[]): void {
  let e = down(d);
  if (e === 0) return void out.push("...");
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++, e = down(e)) {
      if (i > 0) {
        if (e === 0) return void out.push(" ...");
        out.push(" ");
      }
      out.push([items[i] as Term, e]);
    }
    return;
  }
  out.push([items.hd, e]);
  let c = items.tl;
  for (e = down(e); c !== null; e = down(e)) {
    if (e === 0) return void out.push(" ...");
    if (!(c instanceof Cons)) return void out.push(" . ", [c, e]);
    out.push(" ", [c.hd, e]);
    c = c.tl;
  }
}

/** A binary; `lfe_io_write` prints every byte whatever the depth, so it passes -1. */
function lfeBinary(b: Uint8Array, d: number, pretty: boolean): string {
  const codes = pretty ? printableBinary(b) : undefined;
  if (codes) return "#" + lfeQuoted(codes, '"');
  let s = "#B(";
  for (let i = 0; i < b.length; i++, d = down(d)) {
    if (d === 0) return s + " ...)";
    s += (i > 0 ? " " : "") + b[i];
  }
  return s + ")";
}

/** A bitstring that is not whole bytes: its bytes, then the last bits as `(b (size n))`. */
function lfeBits(b: BitString, d: number): string {
  const parts: (string | number)[] = [];
  const whole = b.bytes.length - 1, n = b.bits % 8;
  for (let i = 0; i <= whole; i++, d = down(d)) {
    if (d === 0) {
      parts.push("...");
      break;
    }
    parts.push(
      i < whole ? b.bytes[i] as number : `(${(b.bytes[i] as number) >> (8 - n)} (size ${n}))`,
    );
  }
  return `#B(${parts.join(" ")})`;
}

function prettyMap(m: TermMap, d: number, out: Part[]): undefined {
  const entries = orderedEntries(m);
  const name = m.get("__struct__");
  if (typeof name === "string" || typeof name === "boolean") {
    out.push("#S(" + lfeSymbol(atomName(name)));
    pairs(entries.filter(([k]) => k !== "__struct__"), down(d), true, out);
  } else {
    out.push("#M(");
    pairs(entries, d, false, out);
  }
  out.push(")");
}

/** Key-value pairs as `lfe_io_pretty` writes them, which ends with `...` at depth zero. */
function pairs(entries: readonly (readonly [Term, Term])[], d: number, lead: boolean, out: Part[]) {
  for (let i = 0; i < entries.length; i++, d = down(d)) {
    if (i > 0 || lead) {
      if (d === 0) return void out.push(" ...");
      out.push(" ");
    }
    const [k, v] = entries[i] as readonly [Term, Term];
    out.push([k, d], " ", [v, d]);
  }
  if ((entries.length > 0 || lead) && d === 0) out.push(" ...");
}

/** A map as `lfe_io_write` writes it: each pair a step below the map, stopping at depth one. */
function writeMap(m: TermMap, d: number, out: Part[]): undefined {
  const entries = orderedEntries(m);
  out.push("#M(");
  for (let i = 0; i < entries.length; i++, d = down(d)) {
    if (d === 0 || d === 1) {
      out.push("...");
      break;
    }
    const [k, v] = entries[i] as readonly [Term, Term];
    out.push([k, down(d)], " ", [v, down(d)]);
    if (i < entries.length - 1) out.push(" ");
  }
  out.push(")");
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

/** Text between `q` quotes as `io_lib:write_string/2` writes it with unicode printable. */
function erlangQuoted(codes: Iterable<number>, q: string): string {
  let s = q;
  const qc = q.charCodeAt(0);
  for (const c of codes) {
    if (c === qc) s += "\\" + q;
    else if ((c >= 32 && c <= 126 && c !== 92) || c >= 0xa0) s += String.fromCodePoint(c);
    else s += LFE_ESCAPES.get(c) ?? "\\" + c.toString(8).padStart(3, "0");
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

/** A bitstring that is not whole bytes, as `<<1,2:4>>`: never as a string. */
export function erlangBits(b: BitString): string {
  const whole = b.bytes.length - 1, n = bitSize(b) % 8;
  const last = `${(b.bytes[whole] as number) >> (8 - n)}:${n}`;
  return `<<${[...b.bytes.subarray(0, whole), last].join(",")}>>`;
}

function erlang(index: (node: string) => number): Expand {
  return (t, _d, out) => {
    switch (typeof t) {
      case "string":
      case "boolean":
        return erlangAtom(atomName(t));
      case "number":
      case "bigint":
        return String(t);
      case "function":
        return erlangFunText(t);
    }
    if (t === null) return "[]";
    if (t instanceof Cons) {
      const codes = printableList(t);
      if (codes !== undefined) return erlangQuoted(codes, '"');
      out.push("[", [t.hd, -1]);
      let c = t.tl;
      for (; c instanceof Cons; c = c.tl) out.push(",", [c.hd, -1]);
      if (c !== null) out.push("|", [c, -1]);
      out.push("]");
      return;
    }
    if (Array.isArray(t)) {
      out.push("{");
      t.forEach((e, i) => out.push(i > 0 ? "," : "", [e, -1]));
      out.push("}");
      return;
    }
    if (t instanceof Float) return formatFloat(t.value);
    if (t instanceof Uint8Array) return erlangBinary(t);
    if (t instanceof BitString) return erlangBits(t);
    if (t instanceof TermMap) {
      out.push("#{");
      orderedEntries(t).forEach(([k, v], i) =>
        out.push(i > 0 ? "," : "", [k, -1], " => ", [v, -1])
      );
      out.push("}");
      return;
    }
    if (t instanceof Pid) return pidText(t, index);
    if (t instanceof Ref) return refText(t, index);
    if (t instanceof Port) return `#Port<${index(t.node)}.${t.id}>`;
    throw new TypeError(`Cannot format ${String(t)}: it is not a term`);
  };
}
