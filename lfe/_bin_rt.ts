/**
 * What compiled `(binary ...)` construction calls (`rt.bin`, which holds matching's readers
 * too): the bit sizes of segments, checked as BEAM checks them, and the writing of each kind of
 * segment into a buffer being filled. A value or size that does not fit its segment raises
 * `badarg`, as BEAM does.
 *
 * A binary made by appending to a binary (`(binary (acc binary) ...)`, the shape of a binary
 * comprehension's loop) gets room to grow: the next append to that same binary writes into
 * the room instead of copying, as BEAM's writable binaries do; so a loop that appends runs in
 * linear time. Only the latest binary made in a buffer may grow in place; an append to an
 * older one copies, so no term ever changes.
 *
 * @module
 */

import {
  type Bits,
  bitsOf,
  bytesOf,
  copyBits,
  putFloat,
  putInt,
  putUint32,
} from "../runtime/bits.ts";
import { raiseError } from "../runtime/errors.ts";
import { BIN_MATCH } from "./_bin_match_rt.ts";
import { BitString, Float, type Term } from "../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

/** The bits of a segment of `size` units of `unit` bits: `size` must be a natural number. */
function size(size: Term, unit: number): number {
  if (typeof size !== "number" || size < 0) return badarg();
  return size * unit;
}

/** The bits of a `binary`/`bitstring` segment without a size: all of `v`, in whole units. */
function all(v: Term, unit: number): number {
  const n = bitsOf(v);
  if (n < 0 || n % unit !== 0) return badarg();
  return n;
}

function codePoint(v: Term): number {
  if (typeof v !== "number" || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
    return badarg();
  }
  return v;
}

/** The bits of a `utf8` segment of `v`. */
function utf8Size(v: Term): number {
  const c = codePoint(v);
  return c < 0x80 ? 8 : c < 0x800 ? 16 : c < 0x10000 ? 24 : 32;
}

/** The bits of a `utf16` segment of `v`. */
function utf16Size(v: Term): number {
  return codePoint(v) < 0x10000 ? 16 : 32;
}

/** The bits of a `utf32` segment of `v`. */
function utf32Size(v: Term): number {
  codePoint(v);
  return 32;
}

/** A new buffer for `n` bits. */
function alloc(n: number): Uint8Array {
  return new Uint8Array(Math.ceil(n / 8));
}

/** The buffer `b` holding `n` bits, as a term. */
function done(b: Uint8Array, n: number): Bits {
  return n % 8 === 0 ? b : new BitString(b, n);
}

// The end (a byte offset) of the latest binary made in each buffer that has room to grow.
const growable = new WeakMap<ArrayBufferLike, number>();

/**
 * A buffer for `n` bits that starts with the bits of `acc` (a bitstring already checked):
 * `acc`'s own bytes when it is the latest binary of a buffer with room for `n` bits, otherwise a
 * copy with room to double.
 */
function grow(acc: Term, n: number): Uint8Array {
  const bytes = bytesOf(acc as Bits), need = Math.ceil(n / 8), buf = bytes.buffer;
  const end = bytes.byteOffset + bytes.length;
  if (
    acc instanceof Uint8Array && growable.get(buf) === end &&
    bytes.byteOffset + need <= buf.byteLength
  ) {
    growable.set(buf, bytes.byteOffset + need);
    return new Uint8Array(buf, bytes.byteOffset, need);
  }
  const room = new ArrayBuffer(Math.max(2 * need, 64));
  const b = new Uint8Array(room, 0, need);
  b.set(bytes);
  growable.set(room, need);
  return b;
}

/** The low byte of the integer `v`, for an 8-bit segment. */
function byte(v: Term): number {
  if (typeof v === "bigint") return Number(v & 0xffn);
  return typeof v === "number" ? v & 0xff : badarg();
}

/** An integer segment of `n` bits. */
function int(b: Uint8Array, at: number, v: Term, n: number, little: boolean): void {
  if (typeof v === "number") {
    if (n === 8 && (at & 7) === 0) b[at >>> 3] = v;
    else putInt(b, at, v, n, little);
  } else if (typeof v === "bigint") putInt(b, at, v, n, little);
  else badarg();
}

/** A float segment of `n` bits: 16, 32 or 64, of a float or an integer. */
function float(b: Uint8Array, at: number, v: Term, n: number, little: boolean): void {
  const x = v instanceof Float
    ? v.value
    : typeof v === "number" || typeof v === "bigint"
    ? Number(v)
    : NaN;
  if (!Number.isFinite(x) || (n !== 64 && n !== 32 && n !== 16)) badarg();
  putFloat(b, at, x, n, little);
}

/** A binary or bitstring segment: the first `n` bits of `v`, which must have as many. */
function bits(b: Uint8Array, at: number, v: Term, n: number): void {
  const have = bitsOf(v);
  if (have < n) badarg();
  copyBits(b, at, bytesOf(v as Bits), 0, n);
}

/** A `utf8` segment. */
function utf8(b: Uint8Array, at: number, v: Term): void {
  const c = v as number;
  if (c < 0x80) return putUint32(b, at, c, 8);
  if (c < 0x800) return putUint32(b, at, 0xc080 | (c >> 6) << 8 | (c & 0x3f), 16);
  if (c < 0x10000) {
    return putUint32(b, at, 0xe08080 | (c >> 12) << 16 | (c >> 6 & 0x3f) << 8 | (c & 0x3f), 24);
  }
  const w = (0xf0 | c >> 18) * 2 ** 24 + ((0x80 | (c >> 12 & 0x3f)) << 16 |
    (0x80 | (c >> 6 & 0x3f)) << 8 | (0x80 | (c & 0x3f)));
  putUint32(b, at, w, 32);
}

/** A `utf16` segment. */
function utf16(b: Uint8Array, at: number, v: Term, little: boolean): void {
  const c = v as number;
  if (c < 0x10000) return putInt(b, at, c, 16, little);
  putInt(b, at, 0xd800 + ((c - 0x10000) >> 10), 16, little);
  putInt(b, at + 16, 0xdc00 + ((c - 0x10000) & 0x3ff), 16, little);
}

/** A `utf32` segment. */
function utf32(b: Uint8Array, at: number, v: Term, little: boolean): void {
  putInt(b, at, v as number, 32, little);
}

/** The functions compiled construction calls. */
export const BIN_BUILD = {
  size,
  all,
  utf8Size,
  utf16Size,
  utf32Size,
  alloc,
  done,
  grow,
  byte,
  int,
  float,
  bits,
  utf8,
  utf16,
  utf32,
};

/** What compiled construction and matching call, as `rt.bin.*`. */
export const BIN = { ...BIN_BUILD, ...BIN_MATCH };
