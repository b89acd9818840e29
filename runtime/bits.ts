/**
 * Bitstrings at the level of bits: binaries (`Uint8Array`) and {@linkcode BitString}s taken as
 * one kind, their sizes, their order, and the reading and writing of integers, floats and runs
 * of bits at any bit offset, most significant bit first, as Erlang's bit syntax lays them out.
 *
 * Writers OR bits into place: the bits they write to must be zero, as in a new buffer being
 * filled from the start.
 *
 * @example
 * ```ts
 * import { bitSize, bitstring } from "./bits.ts";
 * const b = bitstring(Uint8Array.of(1, 0x20), 12); // <<1,2:4>>
 * bitSize(b); // 12
 * ```
 *
 * @module
 */

import { BitString, type Term } from "./terms.ts";

/** A bitstring term: a binary, or a bitstring that is not whole bytes. */
export type Bits = Uint8Array | BitString;

/** Whether `t` is a bitstring (a binary included). */
export function isBits(t: unknown): t is Bits {
  return t instanceof Uint8Array || t instanceof BitString;
}

/** The number of bits of a bitstring. */
export function bitSize(b: Bits): number {
  return b instanceof Uint8Array ? b.length * 8 : b.bits;
}

/** The bytes that hold a bitstring's bits (its last byte partly used for a `BitString`). */
export function bytesOf(b: Bits): Uint8Array {
  return b instanceof Uint8Array ? b : b.bytes;
}

/** The bit size of `t`, or -1 when it is not a bitstring. */
export function bitsOf(t: Term): number {
  return t instanceof Uint8Array ? t.length * 8 : t instanceof BitString ? t.bits : -1;
}

/**
 * The first `bits` bits of `bytes` as a term: a binary (a view when `bits` is whole bytes) or a
 * `BitString`, whose last byte is copied when bits beyond `bits` must be cleared.
 */
export function bitstring(bytes: Uint8Array, bits: number): Bits {
  const whole = Math.floor(bits / 8), rest = bits % 8;
  if (rest === 0) return bytes.length === whole ? bytes : bytes.subarray(0, whole);
  let out = bytes.length === whole + 1 ? bytes : bytes.subarray(0, whole + 1);
  const last = out[whole] as number, mask = (0xff00 >> rest) & 0xff;
  if ((last & ~mask) !== 0) {
    out = out.slice();
    out[whole] = last & mask;
  }
  return new BitString(out, bits);
}

/** The `n` bits of `src` from bit `from`, as a term: a view when `from` is on a byte. */
export function sliceBits(src: Uint8Array, from: number, n: number): Bits {
  if (from % 8 === 0) return bitstring(src.subarray(from / 8, Math.ceil((from + n) / 8)), n);
  const out = new Uint8Array(Math.ceil(n / 8));
  copyBits(out, 0, src, from, n);
  return n % 8 === 0 ? out : new BitString(out, n);
}

/** Byte `i` of a run of bits starting at bit `p` of `src` (bits past its end read as zero). */
function byteAt(src: Uint8Array, p: number): number {
  const i = p >>> 3, s = p & 7;
  if (s === 0) return src[i] as number;
  return (((src[i] as number) << s) | ((src[i + 1] ?? 0) >>> (8 - s))) & 0xff;
}

/** Copies `n` bits of `src` from bit `from` to `dst` at bit `at` (whose bits must be zero). */
export function copyBits(dst: Uint8Array, at: number, src: Uint8Array, from: number, n: number) {
  if (n === 0) return;
  const whole = Math.floor(n / 8), rest = n % 8;
  if (at % 8 === 0 && from % 8 === 0) {
    const i = at / 8, j = from / 8;
    dst.set(whole === src.length - j ? src.subarray(j) : src.subarray(j, j + whole), i);
    if (rest > 0) dst[i + whole] = (src[j + whole] as number) & (0xff00 >> rest);
    return;
  }
  if (at % 8 === 0) {
    const i = at / 8;
    for (let k = 0; k < whole; k++) dst[i + k] = byteAt(src, from + k * 8);
  } else {
    for (let k = 0; k < whole; k++) putUint32(dst, at + k * 8, byteAt(src, from + k * 8), 8);
  }
  if (rest > 0) putUint32(dst, at + whole * 8, byteAt(src, from + whole * 8) >>> (8 - rest), rest);
}

/** Writes the low `n` bits (`n` ≤ 32) of the unsigned `v` at bit `at`, most significant first. */
export function putUint32(dst: Uint8Array, at: number, v: number, n: number): void {
  if ((at & 7) === 0 && (n & 7) === 0) {
    let i = at >>> 3;
    for (let s = n - 8; s >= 0; s -= 8) dst[i++] = v >>> s;
    return;
  }
  while (n > 0) {
    const free = 8 - (at & 7), k = n < free ? n : free;
    const chunk = (v >>> (n - k)) & ((1 << k) - 1);
    dst[at >>> 3] = (dst[at >>> 3] as number) | (chunk << (free - k));
    at += k;
    n -= k;
  }
}

/** Writes `v` (taken modulo 2^n) as `n` bits at bit `at`, big- or little-endian. */
export function putInt(
  dst: Uint8Array,
  at: number,
  v: number | bigint,
  n: number,
  little: boolean,
): void {
  if (little && n > 8) {
    let k = 0;
    if (typeof v === "number" && n <= 32) {
      for (; k + 8 <= n; k += 8) putUint32(dst, at + k, (v >>> k) & 0xff, 8);
      if (k < n) putUint32(dst, at + k, (v >>> k) & ((1 << (n - k)) - 1), n - k);
      return;
    }
    const big = BigInt.asUintN(n, BigInt(v));
    for (; k + 8 <= n; k += 8) putUint32(dst, at + k, Number((big >> BigInt(k)) & 0xffn), 8);
    if (k < n) putUint32(dst, at + k, Number(big >> BigInt(k)), n - k);
    return;
  }
  if (typeof v === "number" && n <= 32) {
    putUint32(dst, at, n === 32 ? v >>> 0 : (v >>> 0) & (2 ** n - 1), n);
    return;
  }
  const big = BigInt.asUintN(n, BigInt(v));
  // From the most significant end: first what is left over above the 32-bit words.
  let k = n % 32 === 0 ? 32 : n % 32;
  putUint32(dst, at, Number(big >> BigInt(n - k)), k);
  for (; k < n; k += 32) {
    putUint32(dst, at + k, Number((big >> BigInt(n - k - 32)) & 0xffffffffn), 32);
  }
}

/** Reads `n` bits (`n` ≤ 32) at bit `at` as an unsigned number, most significant first. */
export function getUint32(src: Uint8Array, at: number, n: number): number {
  let v = 0;
  if ((at & 7) === 0 && (n & 7) === 0) {
    let i = at >>> 3;
    for (let k = 0; k < n; k += 8) v = v * 256 + (src[i++] as number);
    return v;
  }
  while (n > 0) {
    const used = at & 7, free = 8 - used, k = n < free ? n : free;
    v = v * 2 ** k + (((src[at >>> 3] as number) >>> (free - k)) & ((1 << k) - 1));
    at += k;
    n -= k;
  }
  return v;
}

/** Reads `n` bits at bit `at` as an integer, big- or little-endian, signed or not. */
export function getInt(
  src: Uint8Array,
  at: number,
  n: number,
  little: boolean,
  signed: boolean,
): number | bigint {
  if (n <= 32) {
    let v: number;
    if (little && n > 8) {
      v = 0;
      let k = 0;
      for (; k + 8 <= n; k += 8) v += getUint32(src, at + k, 8) * 2 ** k;
      if (k < n) v += getUint32(src, at + k, n - k) * 2 ** k;
    } else v = getUint32(src, at, n);
    return signed && n > 0 && v >= 2 ** (n - 1) ? v - 2 ** n : v;
  }
  let big = 0n;
  if (little) {
    let k = 0;
    for (; k + 8 <= n; k += 8) big |= BigInt(getUint32(src, at + k, 8)) << BigInt(k);
    if (k < n) big |= BigInt(getUint32(src, at + k, n - k)) << BigInt(k);
  } else {
    let k = n % 32 === 0 ? 32 : n % 32;
    big = BigInt(getUint32(src, at, k));
    for (; k < n; k += 32) big = (big << 32n) | BigInt(getUint32(src, at + k, 32));
  }
  if (signed) big = BigInt.asIntN(n, big);
  return big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
}

const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

/** Writes the float `x` in `n` bits (16, 32 or 64) at bit `at`; too large for 16 or 32 is ±inf. */
export function putFloat(dst: Uint8Array, at: number, x: number, n: 16 | 32 | 64, little: boolean) {
  if (n === 64) scratch.setFloat64(0, x, little);
  else if (n === 32) scratch.setFloat32(0, x, little);
  else scratch.setUint16(0, float16Bits(x), little);
  copyBits(dst, at, scratchBytes, 0, n);
}

/** Reads a float of `n` bits (16, 32 or 64) at bit `at`; NaN and infinities as they are. */
export function getFloat(src: Uint8Array, at: number, n: 16 | 32 | 64, little: boolean): number {
  scratchBytes.fill(0);
  copyBits(scratchBytes, 0, src, at, n);
  if (n === 64) return scratch.getFloat64(0, little);
  if (n === 32) return scratch.getFloat32(0, little);
  return float16Value(scratch.getUint16(0, little));
}

/** The bits of the IEEE half-precision float nearest `x`, rounding ties to even. */
function float16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a >= 65520) return sign | 0x7c00; // rounds to infinity, as Erlang writes it
  if (a < 2 ** -14) return sign | roundEven(a * 2 ** 24); // subnormal; may round up to normal
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const m = roundEven((a / 2 ** e - 1) * 1024); // 1024 carries into the exponent
  return sign | ((e + 15) << 10) + m;
}

function roundEven(r: number): number {
  const f = Math.floor(r);
  const d = r - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

function float16Value(h: number): number {
  const sign = h & 0x8000 ? -1 : 1, e = (h >>> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Infinity : NaN;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** Compares two bitstrings bit by bit, a prefix before the longer, as OTP orders them. */
export function compareBits(a: Bits, b: Bits): -1 | 0 | 1 {
  const x = bytesOf(a), y = bytesOf(b), na = bitSize(a), nb = bitSize(b);
  const n = Math.min(na, nb), whole = Math.floor(n / 8);
  for (let i = 0; i < whole; i++) {
    const p = x[i] as number, q = y[i] as number;
    if (p !== q) return p < q ? -1 : 1;
  }
  const rest = n % 8;
  if (rest > 0) {
    const mask = 0xff00 >> rest;
    const p = (x[whole] as number) & mask, q = (y[whole] as number) & mask;
    if (p !== q) return p < q ? -1 : 1;
  }
  return na === nb ? 0 : na < nb ? -1 : 1;
}

/** The bitstrings `parts` one after another. */
export function concatBits(parts: readonly Bits[]): Bits {
  let n = 0;
  for (const p of parts) n += bitSize(p);
  const out = new Uint8Array(Math.ceil(n / 8));
  let at = 0;
  for (const p of parts) {
    const k = bitSize(p);
    copyBits(out, at, bytesOf(p), 0, k);
    at += k;
  }
  return n % 8 === 0 ? out : new BitString(out, n);
}
