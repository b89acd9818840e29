/**
 * `erlang:phash/2`, the portable hash that OTP's `dict` and version 1 `sets` place their
 * elements by: the same value as BEAM gives for the same term, so that a dictionary built here
 * holds its entries in the same buckets, prints the same and lists them in the same order.
 *
 * Integers are hashed byte by byte (least significant first, whole 32-bit words), atoms by the
 * hashpjw value of their name, lists of bytes as strings, tuples element by element and then
 * their size. Pids, ports and references hash by their number, as on BEAM; a fun that is not
 * `module:name/arity` and a map hash by what this runtime knows of them, which BEAM computes
 * from things it alone has (the fun's code index, its map hashing), so those two may differ.
 *
 * @example
 * ```ts
 * import { phash } from "./_phash.ts";
 * phash("a", 16); // the bucket BEAM's erlang:phash(a, 16) gives
 * ```
 *
 * @module
 */

import {
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
} from "../../runtime/terms.ts";
import { atomHash, makeHash2 } from "./_phash2.ts";

// Primes just above 2^28, OTP's "funny numbers".
const F1 = 268440163, F2 = 268439161, F3 = 268435459, F4 = 268436141, F5 = 268438633;
const F6 = 268437017, F8 = 268437511, F9 = 268439627, F10 = 268440479;
const F11 = 268440577, F12 = 268440581, F13 = 268440593, F14 = 268440611;

/** `h * m + x` modulo 2^32. */
function step(h: number, m: number, x: number): number {
  return (Math.imul(h, m) + x) >>> 0;
}

/** Four bytes of a 32-bit word, least significant first. */
function word(h: number, m: number, x: number): number {
  h = step(h, m, x & 0xff);
  h = step(h, m, (x >>> 8) & 0xff);
  h = step(h, m, (x >>> 16) & 0xff);
  return step(h, m, x >>> 24);
}

function integerHash(h: number, n: number | bigint): number {
  let mag = typeof n === "bigint" ? (n < 0n ? -n : n) : BigInt(Math.abs(n));
  const neg = typeof n === "bigint" ? n < 0n : n < 0;
  do {
    h = word(h, F2, Number(mag & 0xffffffffn));
    mag >>= 32n;
  } while (mag > 0n);
  return Math.imul(h, neg ? F4 : F3) >>> 0;
}

function smallIntegerHash(h: number, n: number): number {
  const a = Math.abs(n);
  if (a > 0xffffffff) return integerHash(h, n);
  h = word(h, F2, a >>> 0);
  return Math.imul(h, n < 0 ? F4 : F3) >>> 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function floatHash(h: number, x: number): number {
  f64[0] = x === 0 ? 0 : x;
  return step(h, F6, ((u32[0] as number) ^ (u32[1] as number)) >>> 0);
}

function bytesHash(h: number, bytes: Uint8Array, whole: number, bits: number): number {
  for (let i = 0; i < whole; i++) h = step(h, F1, bytes[i] as number);
  if (bits > 0) {
    const b = (bytes[whole] as number) >> (8 - bits);
    h = step(step(h, F1, b), F12, bits);
  }
  return step(h, F4, whole);
}

function funHash(h: number, f: Fun): number {
  const info = funInfo(f);
  if (info.exported) {
    h = step(h, F11, info.arity);
    h = step(h, F1, atomHash(info.module));
    return step(h, F1, atomHash(info.name));
  }
  h = step(h, F10, 0);
  h = step(h, F1, atomHash(info.module));
  h = step(h, F2, atomHash(info.name));
  return step(h, F2, info.arity);
}

function isByte(t: Term): t is number {
  return typeof t === "number" && t >= 0 && t <= 255 && Number.isInteger(t);
}

/** OTP's `make_hash`: the 32-bit hash of a term, before the range is applied. */
export function makeHash(t: Term, h = 0): number {
  switch (typeof t) {
    case "string":
      return step(h, F1, atomHash(t));
    case "boolean":
      return step(h, F1, atomHash(t ? "true" : "false"));
    case "number":
      return smallIntegerHash(h, t);
    case "bigint":
      return integerHash(h, t);
    case "function":
      return funHash(h, t);
  }
  if (t === null) return step(h, F3, 1);
  if (t instanceof Cons) {
    let c: Term = t;
    for (; c instanceof Cons; c = c.tl) h = isByte(c.hd) ? step(h, F2, c.hd) : makeHash(c.hd, h);
    return Math.imul(makeHash(c, h), F8) >>> 0;
  }
  if (Array.isArray(t)) {
    for (const x of t) h = makeHash(x, h);
    return step(h, F9, t.length);
  }
  if (t instanceof Float) return floatHash(h, t.value);
  if (t instanceof Uint8Array) return bytesHash(h, t, t.length, 0);
  if (t instanceof BitString) return bytesHash(h, t.bytes, t.bits >> 3, t.bits & 7);
  if (t instanceof Pid) return Math.imul(word(h, F5, t.id), F6) >>> 0;
  if (t instanceof Port) return Math.imul(word(h, F9, t.id), F10) >>> 0;
  if (t instanceof Ref) return Math.imul(word(h, F9, t.ids.at(-1) ?? 0), F10) >>> 0;
  if (t instanceof TermMap) return (Math.imul(h, F13) + F14 + makeHash2(t)) >>> 0;
  throw new TypeError(`Cannot hash ${String(t)}: it is not a term`);
}

/** `erlang:phash(Term, Range)`: `1 + make_hash(Term) rem Range`, for a range of 1 to 2^32. */
export function phash(t: Term, range: number): number {
  return 1 + makeHash(t) % range;
}
