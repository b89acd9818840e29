/**
 * MD5 (RFC 1321) for `erlang:md5/1` and the step by step `md5_init/0`, `md5_update/2` and
 * `md5_final/1`, whose context is a binary of 88 bytes laid out as BEAM's: the four state words,
 * the count of bits hashed, and the bytes waiting for a whole block (the rest zero).
 *
 * @example
 * ```ts
 * import { md5 } from "./_md5.ts";
 * md5(new TextEncoder().encode("abc")); // 90 01 50 98 3c d2 4f b0 ...
 * ```
 *
 * @module
 */

const S = [
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  7,
  12,
  17,
  22,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  5,
  9,
  14,
  20,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  4,
  11,
  16,
  23,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
  6,
  10,
  15,
  21,
];
const K = Array.from(
  { length: 64 },
  (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0,
);
const INIT = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];

/** The size of a context binary. */
export const CONTEXT_SIZE = 88;

/** Folds the 64-byte block at `at` of `data` into the state `st`. */
function block(st: Uint32Array, data: Uint8Array, at: number): void {
  const dv = new DataView(data.buffer, data.byteOffset + at, 64);
  let [a, b, c, d] = [st[0] as number, st[1] as number, st[2] as number, st[3] as number];
  for (let i = 0; i < 64; i++) {
    let f: number, g: number;
    if (i < 16) [f, g] = [(b & c) | (~b & d), i];
    else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
    else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
    else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
    const x = (a + f + (K[i] as number) + dv.getUint32(g * 4, true)) >>> 0;
    const s = S[i] as number;
    [a, d, c] = [d, c, b];
    b = (b + ((x << s) | (x >>> (32 - s)))) >>> 0;
  }
  st[0] = (st[0] as number) + a;
  st[1] = (st[1] as number) + b;
  st[2] = (st[2] as number) + c;
  st[3] = (st[3] as number) + d;
}

/** A fresh context. */
export function md5Init(): Uint8Array {
  const ctx = new Uint8Array(CONTEXT_SIZE);
  new Uint32Array(ctx.buffer, 0, 4).set(INIT);
  return ctx;
}

/** The context `ctx` (not changed) after `data` too. */
export function md5Update(ctx: Uint8Array, data: Uint8Array): Uint8Array {
  const out = ctx.slice();
  const dv = new DataView(out.buffer);
  const st = new Uint32Array(out.buffer, 0, 4);
  const bits = dv.getBigUint64(16, true);
  let have = Number((bits / 8n) % 64n);
  dv.setBigUint64(16, (bits + BigInt(data.length) * 8n) & 0xffffffffffffffffn, true);
  const buf = out.subarray(24, 88);
  let i = 0;
  if (have > 0) {
    const take = Math.min(64 - have, data.length);
    buf.set(data.subarray(0, take), have);
    i = take;
    have += take;
    if (have < 64) return out;
    block(st, buf, 0);
  }
  for (; i + 64 <= data.length; i += 64) block(st, data, i);
  buf.fill(0);
  buf.set(data.subarray(i));
  return out;
}

/** The digest of a context. */
export function md5Final(ctx: Uint8Array): Uint8Array {
  const bits = new DataView(ctx.buffer, ctx.byteOffset).getBigUint64(16, true);
  const have = Number((bits / 8n) % 64n);
  const pad = new Uint8Array((have < 56 ? 56 : 120) - have + 8);
  pad[0] = 0x80;
  new DataView(pad.buffer).setBigUint64(pad.length - 8, bits, true);
  const end = md5Update(ctx, pad);
  return end.slice(0, 16);
}

/** The MD5 digest of `data`. */
export function md5(data: Uint8Array): Uint8Array {
  return md5Final(md5Update(md5Init(), data));
}
