/**
 * The checksums of `erlang` as zlib computes them: `crc32/1,2`, `adler32/1,2`, and their
 * `_combine/3`, which give the checksum of two pieces of data joined from the checksums of the
 * pieces and the length of the second.
 *
 * @example
 * ```ts
 * import { crc32 } from "./_checksums.ts";
 * crc32(0, new TextEncoder().encode("abc")); // 891568578
 * ```
 *
 * @module
 */

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/** The CRC-32 of `data`, going on from `crc`. */
export function crc32(crc: number, data: Uint8Array): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) {
    c = (TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** The product of the GF(2) matrix `mat` with the vector `vec`. */
function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i] as number;
  return sum >>> 0;
}

function square(out: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n] as number);
}

/** The CRC-32 of two pieces joined: `crc1` of the first, `crc2` of the second of `len2` bytes. */
export function crc32Combine(crc1: number, crc2: number, len2: bigint): number {
  if (len2 <= 0n) return (crc1 ^ crc2) >>> 0;
  const even = new Uint32Array(32), odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row >>> 0;
  square(even, odd);
  square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  do {
    square(even, odd);
    if (len & 1n) c = times(even, c);
    len >>= 1n;
    if (len === 0n) break;
    square(odd, even);
    if (len & 1n) c = times(odd, c);
    len >>= 1n;
  } while (len !== 0n);
  return (c ^ crc2) >>> 0;
}

const BASE = 65521;

/** The Adler-32 of `data`, going on from `adler`. */
export function adler32(adler: number, data: Uint8Array): number {
  let a = adler & 0xffff, b = (adler >>> 16) & 0xffff;
  for (let i = 0; i < data.length; i++) {
    a = (a + (data[i] as number)) % BASE;
    b = (b + a) % BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two pieces joined, as zlib's `adler32_combine`. */
export function adler32Combine(adler1: number, adler2: number, len2: bigint): number {
  if (len2 === 0n) return adler1;
  const rem = Number(len2 % BigInt(BASE));
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += ((adler1 >>> 16) & 0xffff) + ((adler2 >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}
