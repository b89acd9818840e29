/**
 * The bit-level reading and writing of `runtime/bits.ts` against a plain model (an array of
 * 0s and 1s) at random offsets and sizes, and the bitstring term helpers.
 */

import assert from "node:assert/strict";
import {
  bitSize,
  bitstring,
  compareBits,
  concatBits,
  copyBits,
  getFloat,
  getInt,
  putFloat,
  putInt,
  sliceBits,
} from "../../runtime/bits.ts";
import { BitString } from "../../runtime/terms.ts";
import { makeGen } from "./_gen.ts";

/** The bits of `b`, most significant first. */
function model(b: Uint8Array, n = b.length * 8): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(((b[i >> 3] as number) >> (7 - (i & 7))) & 1);
  return out;
}

function randomBytes(int: (n: number) => number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => int(256));
}

Deno.test("copyBits() copies any run of bits to any offset, as the model does", () => {
  const { int } = makeGen(11);
  for (let k = 0; k < 3000; k++) {
    const src = randomBytes(int, 1 + int(20));
    const from = int(src.length * 8), n = int(src.length * 8 - from + 1), at = int(17);
    const dst = new Uint8Array(Math.ceil((at + n) / 8) + 1);
    copyBits(dst, at, src, from, n);
    const got = model(dst);
    assert.deepEqual(got.slice(at, at + n), model(src).slice(from, from + n), `case ${k}`);
    assert.ok(got.slice(0, at).every((x) => x === 0) && got.slice(at + n).every((x) => x === 0));
  }
});

Deno.test("putInt() and getInt() agree with the model for every size, sign and byte order", () => {
  const { int } = makeGen(12);
  for (let k = 0; k < 3000; k++) {
    const n = int(130), at = int(13), little = int(2) === 1, signed = int(2) === 1;
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 1n) | BigInt(int(2));
    if (signed) v = BigInt.asIntN(Math.max(n, 1), v);
    const value = n === 0 ? 0 : v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n ? Number(v) : v;
    const b = new Uint8Array(Math.ceil((at + n) / 8) + 1);
    putInt(b, at, value, n, little);
    const bits = model(b).slice(at, at + n);
    // The model: the bytes of the value, most significant first, or least significant first
    // with the bits left over last.
    const u = BigInt.asUintN(n, BigInt(value));
    const expected: number[] = [];
    if (!little || n <= 8) {
      for (let i = n - 1; i >= 0; i--) expected.push(Number((u >> BigInt(i)) & 1n));
    } else {
      let i = 0;
      for (; i + 8 <= n; i += 8) {
        for (let j = 7; j >= 0; j--) expected.push(Number((u >> BigInt(i + j)) & 1n));
      }
      for (let j = n - i - 1; j >= 0; j--) expected.push(Number((u >> BigInt(i + j)) & 1n));
    }
    assert.deepEqual(bits, expected, `case ${k}: ${value} in ${n} bits`);
    const back = getInt(b, at, n, little, signed);
    assert.equal(BigInt(back), n === 0 ? 0n : signed ? BigInt.asIntN(n, u) : u, `case ${k}`);
    assert.ok(
      typeof back === "number"
        ? Number.isSafeInteger(back)
        : back > 2n ** 53n - 1n || back < -(2n ** 53n) + 1n,
    );
  }
});

Deno.test("putFloat() and getFloat() give back floats of 16, 32 and 64 bits at any offset", () => {
  for (const [x, n] of [[1.5, 16], [-2.25, 32], [0.1, 64], [65504, 16], [-0, 64]] as const) {
    for (const at of [0, 3, 8, 13]) {
      for (const little of [false, true]) {
        const b = new Uint8Array(12);
        putFloat(b, at, x, n, little);
        assert.ok(Object.is(getFloat(b, at, n, little), n === 64 ? x : Math.fround(x)));
      }
    }
  }
  const b = new Uint8Array(2);
  putFloat(b, 0, 70000, 16, false);
  assert.deepEqual([...b], [0x7c, 0]); // too large for 16 bits: infinity, as Erlang writes it
});

Deno.test("bitstring() and sliceBits() make binaries of whole bytes and clear unused bits", () => {
  const bytes = Uint8Array.of(1, 2, 0xff);
  assert.ok(bitstring(bytes, 24) === bytes);
  assert.ok(bitstring(bytes, 16) instanceof Uint8Array);
  const b = bitstring(bytes, 20) as BitString;
  assert.deepEqual([...b.bytes], [1, 2, 0xf0]);
  assert.equal(bytes[2], 0xff, "the input is left as it was");
  const s = sliceBits(Uint8Array.of(0xab, 0xcd), 4, 8);
  assert.ok(s instanceof Uint8Array);
  assert.deepEqual([...s], [0xbc]);
  const v = sliceBits(Uint8Array.of(0xab, 0xcd, 0xef), 8, 12) as BitString;
  assert.equal(bitSize(v), 12);
  assert.deepEqual([...v.bytes], [0xcd, 0xe0]);
  assert.throws(() => new BitString(Uint8Array.of(1), 8), RangeError);
});

Deno.test("compareBits() orders bit by bit, a prefix first, as OTP does", () => {
  const bits = (s: string) => {
    const b = new Uint8Array(Math.ceil(s.length / 8));
    [...s].forEach((c, i) => b[i >> 3] = (b[i >> 3] as number) | (c === "1" ? 0x80 >> (i & 7) : 0));
    return bitstring(b, s.length);
  };
  const { int } = makeGen(13);
  for (let k = 0; k < 2000; k++) {
    const a = Array.from({ length: int(20) }, () => String(int(2))).join("");
    const c = int(3) === 0
      ? a + Array.from({ length: int(5) }, () => String(int(2))).join("")
      : Array.from({ length: int(20) }, () => String(int(2))).join("");
    const expected = a === c ? 0 : a < c ? -1 : 1; // string order of 0s and 1s is bit order
    assert.equal(compareBits(bits(a), bits(c)), expected, `${a} vs ${c}`);
  }
  assert.equal(bitSize(concatBits([bits("101"), bits("11111"), bits("0")])), 9);
  assert.deepEqual(model(concatBits([bits("101"), bits("11111")]) as Uint8Array), [
    1,
    0,
    1,
    1,
    1,
    1,
    1,
    1,
  ]);
});
