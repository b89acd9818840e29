/**
 * Terms in Erlang syntax as OTP's `io_lib:write/2` writes them (`~w`, `~W`), with the quoting of
 * atoms and strings that `io_lib` does in either encoding: `latin1` (no `t` modifier) escapes
 * characters beyond 255 as `\x{3B1}`, `unicode` (`~tw`) writes them as they are.
 *
 * @module
 */

import { erlangFunText, printTerm } from "../../runtime/print_term.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import {
  atomName,
  BitString,
  Cons,
  Float,
  type Fun,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

/** How characters beyond Latin-1 are written: escaped (`latin1`) or as they are (`unicode`). */
export type Encoding = "latin1" | "unicode";

/** Erlang's reserved words (OTP 25, no features enabled): atoms that must be quoted. */
const RESERVED = new Set(
  ("after and andalso band begin bnot bor bsl bsr bxor case catch cond div end fun if let not " +
    "of or orelse receive rem try when xor").split(" "),
);

const ESCAPES = new Map<number, string>([
  [10, "\\n"],
  [13, "\\r"],
  [9, "\\t"],
  [11, "\\v"],
  [8, "\\b"],
  [12, "\\f"],
  [27, "\\e"],
  [127, "\\d"],
]);

/** One character of a quoted string or atom, as `io_lib:write_string/2` escapes it. */
function stringChar(c: number, q: number, enc: Encoding): string {
  if (c === q) return "\\" + String.fromCodePoint(q);
  if (c === 92) return "\\\\";
  if (c >= 32 && c <= 126) return String.fromCodePoint(c);
  if (c >= 160 && (enc === "unicode" || c <= 255)) return String.fromCodePoint(c);
  if (c > 255) return `\\x{${c.toString(16).toUpperCase()}}`;
  const e = ESCAPES.get(c);
  if (e !== undefined) return e;
  return "\\" + c.toString(8).padStart(3, "0");
}

/** Characters between quotes `q`, escaped as `io_lib` does. */
export function quoteChars(codes: Iterable<number>, q: string, enc: Encoding): string {
  const qc = q.codePointAt(0) as number;
  let s = q;
  for (const c of codes) s += stringChar(c, qc, enc);
  return s + q;
}

function nameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) ||
    (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 48 && c <= 57) ||
    c === 95 || c === 64;
}

/** Whether an atom must be quoted, as `io_lib:quote_atom/2` decides. */
export function quoteAtom(name: string): boolean {
  if (RESERVED.has(name)) return true;
  const cs = codePoints(name);
  const first = cs[0];
  if (first === undefined) return true;
  if (!((first >= 97 && first <= 122) || (first >= 0xdf && first <= 0xff && first !== 0xf7))) {
    return true;
  }
  return !cs.every(nameChar);
}

/** An atom as `io_lib:write_atom/1` (unicode) or `write_atom_as_latin1/1` writes it. */
export function writeAtom(a: string | boolean, enc: Encoding): string {
  const name = atomName(a);
  return quoteAtom(name) ? quoteChars(codePoints(name), "'", enc) : name;
}

/** The code points of a string. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/**
 * The bytes of a binary as `io_lib:write_binary/2` writes them down to depth `d`; a bitstring's
 * last bits as `value:bits` (`<<1,2:4>>`).
 */
export function writeBinary(b: Uint8Array | BitString, d: number): string {
  const bytes = b instanceof BitString ? b.bytes : b;
  if (bytes.length === 0) return "<<>>";
  const whole = b instanceof BitString ? bytes.length - 1 : bytes.length;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i++, d--) {
    if (d === 1) {
      parts.push("...");
      break;
    }
    if (i < whole) parts.push(String(bytes[i]));
    else {
      const n = (b as BitString).bits % 8;
      parts.push(`${(bytes[i] as number) >> (8 - n)}:${n}`);
    }
  }
  return `<<${parts.join(",")}>>`;
}

/** What has no structure: numbers, pids, references and funs, as `io_lib:write/1`. */
export function writeAtomic(t: Term): string | undefined {
  switch (typeof t) {
    case "number":
    case "bigint":
      return String(t);
    case "function":
      return erlangFunText(t as Fun);
  }
  if (t instanceof Float || t instanceof Pid || t instanceof Ref || t instanceof Port) {
    return printTerm(t);
  }
  return undefined;
}

/**
 * Writes a term in Erlang syntax down to depth `d` (-1 for all of it), as `io_lib:write/2`:
 * no string detection, so `"abc"` is `[97,98,99]`.
 *
 * @example
 * ```ts
 * import { writeErlang } from "./_erl_write.ts";
 * import { list } from "../../runtime/terms.ts";
 * writeErlang(list(1, 2, 3, 4, 5, 6), 3, "latin1"); // "[1,2|...]"
 * ```
 */
export function writeErlang(t: Term, d: number, enc: Encoding): string {
  const out: string[] = [];
  // An explicit stack of parts still to write: text, or a term at a depth.
  const stack: (string | [Term, number])[] = [[t, d]];
  while (stack.length > 0) {
    const part = stack.pop() as string | [Term, number];
    if (typeof part === "string") {
      out.push(part);
      continue;
    }
    const [x, depth] = part;
    const parts = writeOne(x, depth, enc);
    if (typeof parts === "string") out.push(parts);
    else {for (let i = parts.length - 1; i >= 0; i--) {
        stack.push(parts[i] as string | [Term, number]);
      }}
  }
  return out.join("");
}

/** The text of `t`, or the parts it is made of. */
function writeOne(t: Term, d: number, enc: Encoding): string | (string | [Term, number])[] {
  if (d === 0) return "...";
  const atomic = writeAtomic(t);
  if (atomic !== undefined) return atomic;
  if (typeof t === "string" || typeof t === "boolean") return writeAtom(t, enc);
  if (t === null) return "[]";
  if (t instanceof Uint8Array || t instanceof BitString) return writeBinary(t, d);
  if (t instanceof Cons) {
    if (d === 1) return "[...]";
    const parts: (string | [Term, number])[] = ["[", [t.hd, d - 1]];
    let c: Term = t.tl;
    for (let e = d - 1; c !== null; e--) {
      if (e === 1) {
        parts.push("|...");
        break;
      }
      if (!(c instanceof Cons)) {
        parts.push("|", [c, e - 1]);
        break;
      }
      parts.push(",", [c.hd, e - 1]);
      c = c.tl;
    }
    parts.push("]");
    return parts;
  }
  if (Array.isArray(t)) {
    if (t.length === 0) return "{}";
    if (d === 1) return "{...}";
    const parts: (string | [Term, number])[] = ["{", [t[0] as Term, d - 1]];
    for (let i = 1, e = d - 1; i < t.length; i++, e--) {
      if (e === 1) {
        parts.push(",...");
        break;
      }
      parts.push(",", [t[i] as Term, e - 1]);
    }
    parts.push("}");
    return parts;
  }
  if (t instanceof TermMap) {
    // As OTP 25 writes maps: nothing at depth 1, and `,...` once the depth runs out, even
    // after the last pair.
    const entries = orderedEntries(t);
    if (d === 1 || entries.length === 0) return "#{}";
    const pair = ([k, v]: readonly [Term, Term]): (string | [Term, number])[] => [
      [k, d - 1],
      " => ",
      [v, d - 1],
    ];
    const parts: (string | [Term, number])[] = ["#{", ...pair(entries[0] as readonly [Term, Term])];
    for (let i = 1, e = d - 1;; i++, e--) {
      if (e === 1) {
        parts.push(",...");
        break;
      }
      const kv = entries[i];
      if (kv === undefined) break;
      parts.push(",", ...pair(kv));
    }
    parts.push("}");
    return parts;
  }
  throw new TypeError(`Cannot write ${String(t)}: it is not a term`);
}
