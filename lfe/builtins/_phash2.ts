/**
 * `erlang:phash2/1,2`, BEAM's portable hash (`make_hash2`): Bob Jenkins' mix over 32-bit
 * words, each kind of term with its own constant, so that a term hashes here to the value BEAM
 * gives it, on any machine and any OTP release. Small integers (28 bits) are mixed as signed
 * words, larger ones as bignums by 64-bit digits; atoms by the hashpjw value of their name;
 * strings four bytes to a word; binaries by Jenkins' block hash; a map by the exclusive or of
 * the hashes of its pairs, so that their order does not matter. Pids, ports and references
 * hash by their numbers, and a fun `module:name/arity` by its name; a closure by what this
 * runtime knows of it (BEAM hashes its code's index, which has no counterpart here).
 *
 * @example
 * ```ts
 * import { phash2 } from "./_phash2.ts";
 * phash2("a"); // what erlang:phash2(a) gives on BEAM
 * ```
 *
 * @module
 */

import { orderedEntries } from "../../runtime/term_order.ts";
import {
  BitString,
  Cons,
  Float,
  funInfo,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

// HCONST (the golden ratio) times 1 to 22, modulo 2^32.
const H = [
  0,
  0x9e3779b9,
  0x3c6ef372,
  0xdaa66d2b,
  0x78dde6e4,
  0x1715609d,
  0xb54cda56,
  0x5384540f,
  0xf1bbcdc8,
  0x8ff34781,
  0x2e2ac13a,
  0xcc623af3,
  0x6a99b4ac,
  0x08d12e65,
  0xa708a81e,
  0x454021d7,
  0xe3779b90,
  0x81af1549,
  0x1fe68f02,
  0xbe1e08bb,
  0x5c558274,
  0xfa8cfc2d,
  0x98c475e6,
];
const c = (i: number) => H[i] as number;

const encoder = new TextEncoder();
const atomHashes = new Map<string, number>();

/** The hash BEAM keeps for an atom: hashpjw over its UTF-8 name, Latin-1 characters as one byte. */
export function atomHash(name: string): number {
  const known = atomHashes.get(name);
  if (known !== undefined) return known;
  const b = encoder.encode(name);
  let h = 0;
  for (let i = 0; i < b.length; i++) {
    let v = b[i] as number;
    if (i + 1 < b.length && (v & 0xfe) === 0xc2 && ((b[i + 1] as number) & 0xc0) === 0x80) {
      v = ((v << 6) | ((b[i + 1] as number) & 0x3f)) & 0xff;
      i++;
    }
    h = ((h << 4) >>> 0) + v;
    const g: number = h & 0xf0000000;
    if (g !== 0) h = (h ^ (g >>> 24) ^ g) >>> 0;
  }
  atomHashes.set(name, h);
  return h;
}

/** The tag number BEAM hashes for `[]` inside a term. */
const NIL_DEF = 2;

/** Jenkins' mix of `a`, `b` and the hash `h`; answers the new hash. */
function mix(a: number, b: number, h: number): number {
  a = (a - b - h) ^ (h >>> 13);
  b = (b - h - a) ^ (a << 8);
  h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12);
  b = (b - h - a) ^ (a << 16);
  h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3);
  b = (b - h - a) ^ (a << 10);
  h = (h - a - b) ^ (b >>> 15);
  return h >>> 0;
}

/** `UINT32_HASH_2(x, y, k)` into `h`. */
function hash2(x: number, y: number, k: number, h: number): number {
  return mix((k + x) >>> 0, (k + y) >>> 0, h);
}

/** Jenkins' block hash of `bytes` with `init` as the previous hash (`block_hash`). */
function blockHash(bytes: Uint8Array, len: number, init: number): number {
  let a = c(1), b = c(1), h = init, i = 0;
  const word = (j: number) =>
    ((bytes[j] as number) | (bytes[j + 1] as number) << 8 | (bytes[j + 2] as number) << 16 |
      (bytes[j + 3] as number) << 24) >>> 0;
  for (; len - i >= 12; i += 12) {
    a = (a + word(i)) >>> 0;
    b = (b + word(i + 4)) >>> 0;
    h = (h + word(i + 8)) >>> 0;
    const m = mixAll(a, b, h);
    [a, b, h] = m;
  }
  h = (h + len) >>> 0;
  const rest = len - i;
  const byte = (j: number) => bytes[i + j] as number;
  if (rest >= 11) h = (h + (byte(10) << 24)) >>> 0;
  if (rest >= 10) h = (h + (byte(9) << 16)) >>> 0;
  if (rest >= 9) h = (h + (byte(8) << 8)) >>> 0;
  if (rest >= 8) b = (b + (byte(7) << 24)) >>> 0;
  if (rest >= 7) b = (b + (byte(6) << 16)) >>> 0;
  if (rest >= 6) b = (b + (byte(5) << 8)) >>> 0;
  if (rest >= 5) b = (b + byte(4)) >>> 0;
  if (rest >= 4) a = (a + (byte(3) << 24)) >>> 0;
  if (rest >= 3) a = (a + (byte(2) << 16)) >>> 0;
  if (rest >= 2) a = (a + (byte(1) << 8)) >>> 0;
  if (rest >= 1) a = (a + byte(0)) >>> 0;
  return mix(a, b, h);
}

/** The whole mix, all three words out. */
function mixAll(a: number, b: number, h: number): [number, number, number] {
  a = (a - b - h) ^ (h >>> 13);
  b = (b - h - a) ^ (a << 8);
  h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12);
  b = (b - h - a) ^ (a << 16);
  h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3);
  b = (b - h - a) ^ (a << 10);
  h = (h - a - b) ^ (b >>> 15);
  return [a >>> 0, b >>> 0, h >>> 0];
}

/** An integer of more than 28 bits: by 64-bit digits of its magnitude, low word first. */
function bigHash(n: bigint, h: number): number {
  const k = n < 0n ? c(10) : c(11);
  let m = n < 0n ? -n : n;
  do {
    h = hash2(Number(m & 0xffffffffn), Number((m >> 32n) & 0xffffffffn), k, h);
    m >>= 64n;
  } while (m > 0n);
  return h;
}

function intHash(n: number | bigint, h: number): number {
  if (typeof n === "bigint" || n < -(2 ** 27) || n >= 2 ** 27) return bigHash(BigInt(n), h);
  if (n < 0) h = hash2(-n, 0, c(1), h);
  return hash2(n >>> 0, 0, c(1), h);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function bytesHash(bytes: Uint8Array, whole: number, bits: number, h: number): number {
  const k = (c(13) + h) >>> 0;
  if (whole === 0 && bits === 0) return k;
  h = blockHash(bytes, whole, k);
  if (bits > 0) h = hash2(bits, (bytes[whole] as number) >> (8 - bits), c(15), h);
  return h;
}

function isByte(t: Term): t is number {
  return typeof t === "number" && t >= 0 && t <= 255;
}

// Markers on the stack of terms still to hash (BEAM's HASH_MAP_PAIR and HASH_MAP_TAIL), and
// a map whose pairs are to be hashed next.
const PAIR = Symbol("pair");
const TAIL = Symbol("tail");
class Pairs {
  constructor(readonly map: TermMap) {}
}
type Item = Term | typeof PAIR | typeof TAIL | number | Pairs;

/** OTP's `make_hash2`: the 32-bit hash of a term. */
export function makeHash2(t: Term): number {
  if (typeof t === "string") return atomHash(t);
  if (typeof t === "boolean") return atomHash(t ? "true" : "false");
  if (typeof t === "number" && t >= -(2 ** 27) && t < 2 ** 27) return intHash(t, 0);
  const stack: Item[] = [];
  let h = 0, pairs = 0;
  let x: Item = t;
  for (;;) {
    h = one(x as Term, h, stack);
    // What follows a term: the next one, or the end of a pair or of a map.
    for (;;) {
      if (stack.length === 0) return h >>> 0;
      const next = stack.pop() as Item;
      if (next === PAIR) {
        pairs = (pairs ^ h) >>> 0;
        h = 0;
      } else if (next === TAIL) {
        h = stack.pop() as number;
        h = hash2(pairs, 0, c(19), h);
        pairs = stack.pop() as number;
      } else if (next instanceof Pairs) {
        stack.push(pairs, h, TAIL);
        h = 0;
        pairs = 0;
        const es = orderedEntries(next.map);
        for (let i = es.length - 1; i >= 0; i--) {
          const [k, v] = es[i] as [Term, Term];
          stack.push(PAIR, v, k);
        }
      } else {
        x = next;
        break;
      }
    }
  }
}

/** Hashes one term into `h`; the terms inside it go on `stack`, the first on top. */
function one(t: Term, h: number, stack: Item[]): number {
  switch (typeof t) {
    case "string":
    case "boolean": {
      const a = atomHash(typeof t === "string" ? t : t ? "true" : "false");
      return h === 0 ? a : hash2(a, 0, c(3), h);
    }
    case "number":
    case "bigint":
      return intHash(t, h);
    case "function": {
      const info = funInfo(t);
      if (info.exported) {
        h = hash2(info.arity, atomHash(info.module), c(1), h);
        return hash2(atomHash(info.name), 0, c(14), h);
      }
      h = hash2(0, atomHash(info.module), c(1), h);
      return hash2(atomHash(info.name), info.arity, c(1), h);
    }
  }
  if (t === null) return h === 0 ? 3468870702 : hash2(NIL_DEF, 0, c(2), h);
  if (t instanceof Cons) {
    let sh = 0, n = 0;
    let l: Term = t;
    for (; l instanceof Cons && isByte(l.hd); l = l.tl) {
      sh = ((sh << 8) + l.hd) >>> 0;
      if (++n === 4) {
        h = hash2(sh, 0, c(4), h);
        sh = n = 0;
      }
    }
    if (n > 0) h = hash2(sh, 0, c(4), h);
    if (l instanceof Cons) stack.push(l.tl, l.hd);
    else stack.push(l);
    return h;
  }
  if (Array.isArray(t)) {
    h = hash2(t.length, 0, c(9), h);
    for (let i = t.length - 1; i >= 0; i--) stack.push(t[i] as Term);
    return h;
  }
  if (t instanceof Float) {
    f64[0] = t.value === 0 ? 0 : t.value;
    return hash2(u32[1] as number, u32[0] as number, c(12), h);
  }
  if (t instanceof Uint8Array) return bytesHash(t, t.length, 0, h);
  if (t instanceof BitString) return bytesHash(t.bytes, t.bits >> 3, t.bits & 7, h);
  if (t instanceof TermMap) {
    h = hash2(t.size, 0, c(16), h);
    if (t.size > 0) stack.push(new Pairs(t));
    return h;
  }
  if (t instanceof Pid) return hash2(t.id, 0, c(5), h);
  if (t instanceof Port) return hash2(t.id, 0, c(6), h);
  if (t instanceof Ref) return hash2(t.ids[0] ?? 0, 0, c(7), h);
  throw new TypeError(`Cannot hash ${String(t)}: it is not a term`);
}

/** `erlang:phash2/1`: 27 bits of the hash. */
export function phash2(t: Term): number {
  return makeHash2(t) & (2 ** 27 - 1);
}

/** `erlang:phash2/2`, for a range of 1 to 2^32: the hash modulo the range. */
export function phash2Range(t: Term, range: number): number {
  return makeHash2(t) % range;
}
