/**
 * The module `binary` of OTP 25: parts and bytes of binaries, unsigned integers to and from
 * bytes, common prefixes and suffixes, and searching: `match`, `matches`, `split` and
 * `replace` with one pattern or several (compiled or not), their scopes and options. As in
 * OTP, every wrong argument raises `badarg`.
 *
 * @example
 * ```ts
 * import { BINARY } from "./binary.ts";
 * import { binary, list } from "../../runtime/terms.ts";
 * BINARY["split/3"]!(binary("a,b,,c"), binary(","), list("global")); // (#"a" #"b" #"" #"c")
 * BINARY["match/2"]!(binary("abcd"), list(binary("bc"), binary("c"))); // #(1 2)
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import {
  bad,
  bin,
  compilePattern,
  findMatches,
  int,
  patterns,
  scopeOf,
  span,
  spanOf,
} from "./_binary_search.ts";
import { listToBinary } from "./_erlang_convert.ts";
import { moduleTable, properArray } from "./_util.ts";

function bytesList(b: Uint8Array): Term {
  return arrayToList(Array.from(b));
}

function part(b: Term, pos: Term, len: Term): Uint8Array {
  const s = bin(b);
  const [from, to] = span(s.length, pos, len);
  return s.subarray(from, to);
}

function partOf(b: Term, pl: Term): Uint8Array {
  const s = bin(b);
  const [from, to] = spanOf(s.length, pl);
  return s.subarray(from, to);
}

function at(b: Term, pos: Term): number {
  const s = bin(b);
  const i = int(pos);
  return i >= 0 && i < s.length ? s[i] as number : bad();
}

function copy(b: Term, n: Term): Uint8Array {
  const s = bin(b);
  const k = int(n);
  if (k < 0) bad();
  const out = new Uint8Array(s.length * k);
  for (let i = 0; i < k; i++) out.set(s, i * s.length);
  return out;
}

function endian(e: Term): boolean {
  return e === "big" ? true : e === "little" ? false : bad();
}

function integer(n: bigint): Term {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function decodeUnsigned(b: Term, e: Term): Term {
  const s = bin(b);
  const big = endian(e);
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    n = (n << 8n) | BigInt(s[big ? i : s.length - 1 - i] as number);
  }
  return integer(n);
}

function encodeUnsigned(n: Term, e: Term): Uint8Array {
  if (typeof n !== "number" && typeof n !== "bigint") bad();
  let v = BigInt(n);
  const big = endian(e);
  if (v < 0n) bad();
  const out: number[] = [];
  do {
    out.push(Number(v & 255n));
    v >>= 8n;
  } while (v > 0n);
  return Uint8Array.from(big ? out.reverse() : out);
}

/** The binaries of a non-empty list of binaries. */
function binaries(l: Term): Uint8Array[] {
  const bs = (properArray(l) ?? bad()).map(bin);
  return bs.length === 0 ? bad() : bs;
}

function commonLength(l: Term, fromEnd: boolean): number {
  const bs = binaries(l);
  const first = bs[0] as Uint8Array;
  let n = Math.min(...bs.map((b) => b.length));
  for (const b of bs.slice(1)) {
    let i = 0;
    while (i < n && byteFrom(b, i, fromEnd) === byteFrom(first, i, fromEnd)) i++;
    n = i;
  }
  return n;
}

function byteFrom(b: Uint8Array, i: number, fromEnd: boolean): number | undefined {
  return b[fromEnd ? b.length - 1 - i : i];
}

/** The patterns of `p`; none for an empty subject, where OTP does not look at them. */
function patternsFor(subject: Uint8Array, p: Term): Uint8Array[] {
  return subject.length === 0 ? [] : patterns(p);
}

function match(s: Term, p: Term, opts: Term): Term {
  const subject = bin(s);
  const ps = patternsFor(subject, p);
  const [m] = findMatches(subject, ps, scopeOf(subject.length, opts), false);
  return m ?? "nomatch";
}

function matches(s: Term, p: Term, opts: Term): Term {
  const subject = bin(s);
  const ps = patternsFor(subject, p);
  return arrayToList(findMatches(subject, ps, scopeOf(subject.length, opts), true));
}

/** Reads the options of split or replace: their flags and scope. */
function options(
  size: number,
  opts: Term,
  known: readonly string[],
): { flags: Set<string>; scope: [number, number]; insert: Term[] } {
  const flags = new Set<string>();
  let scope: Term | undefined;
  const insert: Term[] = [];
  for (const o of properArray(opts) ?? bad()) {
    if (typeof o === "string" && known.includes(o)) flags.add(o);
    else if (Array.isArray(o) && o.length === 2 && o[0] === "scope") {
      // The last scope counts; split (not replace) checks the others too, as OTP's do.
      if (known.includes("trim")) spanOf(size, o[1] as Term);
      scope = o[1] as Term;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "insert_replaced") {
      insert.splice(
        0,
        insert.length,
        ...(o[1] instanceof Cons ? properArray(o[1]) ?? bad() : [
          o[1] as Term,
        ]),
      );
      if (o[1] === null) insert.length = 0;
    } else bad();
  }
  return { flags, scope: scope === undefined ? [0, size] : spanOf(size, scope), insert };
}

function split(s: Term, p: Term, opts: Term): Term {
  const subject = bin(s);
  const o = options(subject.length, opts, ["global", "trim", "trim_all"]);
  const ps = patternsFor(subject, p);
  const ms = findMatches(subject, ps, o.scope, o.flags.has("global"));
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const [start, len] of ms) {
    parts.push(subject.subarray(from, start));
    from = start + len;
  }
  parts.push(subject.subarray(from));
  if (o.flags.has("trim_all")) return arrayToList(parts.filter((x) => x.length > 0));
  if (o.flags.has("trim")) { while (parts.length > 0 && parts.at(-1)?.length === 0) parts.pop(); }
  return arrayToList(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let i = 0;
  for (const x of parts) {
    out.set(x, i);
    i += x.length;
  }
  return out;
}

function replace(s: Term, p: Term, r: Term, opts: Term): Uint8Array {
  const subject = bin(s);
  const repl = bin(r);
  const o = options(subject.length, opts, ["global"]);
  const ps = patternsFor(subject, p);
  const at = o.insert.map(int).sort((a, b) => a - b);
  if (at.some((i) => i < 0 || i > repl.length)) bad();
  const ms = findMatches(subject, ps, o.scope, o.flags.has("global"));
  const out: Uint8Array[] = [];
  let from = 0;
  for (const [start, len] of ms) {
    out.push(subject.subarray(from, start));
    const matched = subject.subarray(start, start + len);
    let k = 0;
    for (const i of at) {
      out.push(repl.subarray(k, i), matched);
      k = i;
    }
    out.push(repl.subarray(k));
    from = start + len;
  }
  out.push(subject.subarray(from));
  return concat(out);
}

/** The functions of `binary`, by `name/arity`. */
const HEX = "0123456789ABCDEF";

/** `encode_hex/1`: each byte as two upper-case hexadecimal digits. */
function encodeHex(b: Term): Uint8Array {
  if (!(b instanceof Uint8Array)) bad();
  const out = new Uint8Array(b.length * 2);
  b.forEach((x, i) => {
    out[2 * i] = HEX.charCodeAt(x >> 4);
    out[2 * i + 1] = HEX.charCodeAt(x & 15);
  });
  return out;
}

/** `decode_hex/1`: pairs of hexadecimal digits of either case; `badarg` for anything else. */
function decodeHex(b: Term): Uint8Array {
  if (!(b instanceof Uint8Array) || b.length % 2 !== 0) bad();
  const digit = (c: number): number => {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 65 && c <= 70) return c - 55;
    if (c >= 97 && c <= 102) return c - 87;
    return bad();
  };
  const out = new Uint8Array(b.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = digit(b[2 * i] as number) * 16 + digit(b[2 * i + 1] as number);
  }
  return out;
}

export const BINARY: ModuleFunctions = moduleTable("binary", {
  "encode_hex/1": encodeHex,
  "decode_hex/1": decodeHex,
  "part/2": partOf,
  "part/3": part,
  "at/2": at,
  "first/1": (b: Term) => at(b, 0),
  "last/1": (b: Term) => at(b, bin(b).length - 1),
  "bin_to_list/1": (b: Term) => bytesList(bin(b)),
  "bin_to_list/2": (b: Term, pl: Term) => bytesList(partOf(b, pl)),
  "bin_to_list/3": (b: Term, pos: Term, len: Term) => bytesList(part(b, pos, len)),
  "list_to_bin/1": listToBinary,
  "copy/1": (b: Term) => bin(b).slice(),
  "copy/2": copy,
  "decode_unsigned/1": (b: Term) => decodeUnsigned(b, "big"),
  "decode_unsigned/2": decodeUnsigned,
  "encode_unsigned/1": (n: Term) => encodeUnsigned(n, "big"),
  "encode_unsigned/2": encodeUnsigned,
  "longest_common_prefix/1": (l: Term) => commonLength(l, false),
  "longest_common_suffix/1": (l: Term) => commonLength(l, true),
  "compile_pattern/1": compilePattern,
  "match/2": (s: Term, p: Term) => match(s, p, null),
  "match/3": match,
  "matches/2": (s: Term, p: Term) => matches(s, p, null),
  "matches/3": matches,
  "split/2": (s: Term, p: Term) => split(s, p, null),
  "split/3": split,
  "replace/3": (s: Term, p: Term, r: Term) => replace(s, p, r, null),
  "replace/4": replace,
  "referenced_byte_size/1": (b: Term) => {
    const s = bin(b);
    return s.length === 0 ? 0 : s.buffer.byteLength;
  },
});
