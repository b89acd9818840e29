/**
 * What compiled binary patterns call (`rt.bin.*`): reading integers, floats, sub-bitstrings and
 * UTF characters at a bit offset of the subject's bytes. Nothing here raises: a value that
 * cannot match is answered with `undefined` or -1, and the pattern fails.
 *
 * @module
 */

import { type Bits, bitsOf, bytesOf, getFloat, getInt, sliceBits } from "../runtime/bits.ts";
import { Float, type Term } from "../runtime/terms.ts";

/** `n` bits at `at` as an integer. */
function read(b: Uint8Array, at: number, n: number, little: boolean, signed: boolean) {
  return getInt(b, at, n, little, signed);
}

/** A float of `n` bits at `at`; `undefined` for a size other than 16, 32 or 64, NaN or ±inf. */
function readFloat(b: Uint8Array, at: number, n: number, little: boolean): Float | undefined {
  if (n !== 64 && n !== 32 && n !== 16) return undefined;
  const x = getFloat(b, at, n, little);
  return Number.isFinite(x) ? new Float(x) : undefined;
}

/** The bits from `at` to `end` of the subject `s` (whose bytes are `b`): a view when it can be. */
function tail(s: Term, b: Uint8Array, at: number, end: number): Bits {
  return at === 0 ? s as Bits : sliceBits(b, at, end - at);
}

/** The bits of a size `v` of `unit`-bit units, or -1 when `v` is not a natural number. */
function matchSize(v: Term, unit: number): number {
  return typeof v === "number" && v >= 0 ? v * unit : -1;
}

// A character read with its length: the code point, plus its length in bytes times 2^21.
const LEN = 0x200000;

/** A UTF-8 character at `at` (of `end` bits), or -1. */
function utf8(b: Uint8Array, at: number, end: number): number {
  if (end - at < 8) return -1;
  const c = getInt(b, at, 8, false, false) as number;
  if (c < 0x80) return LEN + c;
  const n = c >= 0xf0 ? (c <= 0xf4 ? 4 : 0) : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (n === 0 || end - at < n * 8) return -1;
  let cp = c & (0x7f >> n);
  for (let k = 1; k < n; k++) {
    const x = getInt(b, at + k * 8, 8, false, false) as number;
    if ((x & 0xc0) !== 0x80) return -1;
    cp = cp << 6 | (x & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return n * LEN + cp;
}

/** A UTF-16 character at `at` (of `end` bits), or -1. */
function utf16(b: Uint8Array, at: number, end: number, little: boolean): number {
  if (end - at < 16) return -1;
  const w = getInt(b, at, 16, little, false) as number;
  if (w < 0xd800 || w > 0xdfff) return 2 * LEN + w;
  if (w > 0xdbff || end - at < 32) return -1;
  const lo = getInt(b, at + 16, 16, little, false) as number;
  if (lo < 0xdc00 || lo > 0xdfff) return -1;
  return 4 * LEN + 0x10000 + ((w - 0xd800) << 10) + (lo - 0xdc00);
}

/** A UTF-32 character at `at` (of `end` bits), or -1. */
function utf32(b: Uint8Array, at: number, end: number, little: boolean): number {
  if (end - at < 32) return -1;
  const c = getInt(b, at, 32, little, false) as number;
  return c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? -1 : 4 * LEN + c;
}

/** The functions compiled matching calls. */
export const BIN_MATCH = {
  bitsOf,
  bytesOf,
  read,
  readFloat,
  sub: sliceBits,
  tail,
  matchSize,
  readUtf8: utf8,
  readUtf16: utf16,
  readUtf32: utf32,
};
