/**
 * AES (FIPS 197) on single blocks, for the key sizes and modes `node:crypto` here leaves out
 * (192-bit keys), and GCM's GHASH (SP 800-38D) for the tag lengths it refuses: `crypto` builds
 * its modes on these when node's own cipher cannot serve.
 *
 * @module
 */

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
{
  // The S-box from the multiplicative inverse in GF(2^8) and the affine map.
  let p = 1, q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63;
    SBOX[p] = x;
    INV_SBOX[x] = p;
  } while (p !== 1);
  SBOX[0] = 0x63;
  INV_SBOX[0x63] = 0;
}

function rotl8(x: number, n: number): number {
  return ((x << n) | (x >> (8 - n))) & 0xff;
}

function xtime(x: number): number {
  return ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff;
}

function mul(a: number, b: number): number {
  let r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a = xtime(a);
    b >>= 1;
  }
  return r;
}

/** An AES key, expanded: encrypts and decrypts 16-byte blocks. */
export class Aes {
  readonly #w: Uint8Array;
  readonly #rounds: number;
  constructor(key: Uint8Array) {
    const nk = key.length / 4;
    if (![4, 6, 8].includes(nk)) throw new RangeError("AES keys are 16, 24 or 32 bytes");
    this.#rounds = nk + 6;
    const words = 4 * (this.#rounds + 1);
    const w = new Uint8Array(words * 4);
    w.set(key);
    let rcon = 1;
    for (let i = nk; i < words; i++) {
      let t = w.slice(4 * (i - 1), 4 * i);
      if (i % nk === 0) {
        t = new Uint8Array([SBOX[t[1]!]! ^ rcon, SBOX[t[2]!]!, SBOX[t[3]!]!, SBOX[t[0]!]!]);
        rcon = xtime(rcon);
      } else if (nk > 6 && i % nk === 4) {
        t = t.map((b) => SBOX[b]!);
      }
      for (let j = 0; j < 4; j++) w[4 * i + j] = w[4 * (i - nk) + j]! ^ t[j]!;
    }
    this.#w = w;
  }

  encrypt(block: Uint8Array): Uint8Array {
    const s = block.slice(0, 16);
    const w = this.#w;
    for (let i = 0; i < 16; i++) s[i]! ^= w[i]!;
    for (let r = 1; r <= this.#rounds; r++) {
      for (let i = 0; i < 16; i++) s[i] = SBOX[s[i]!]!;
      shiftRows(s);
      if (r !== this.#rounds) mixColumns(s);
      for (let i = 0; i < 16; i++) s[i]! ^= w[16 * r + i]!;
    }
    return s;
  }

  decrypt(block: Uint8Array): Uint8Array {
    const s = block.slice(0, 16);
    const w = this.#w;
    for (let i = 0; i < 16; i++) s[i]! ^= w[16 * this.#rounds + i]!;
    for (let r = this.#rounds - 1; r >= 0; r--) {
      invShiftRows(s);
      for (let i = 0; i < 16; i++) s[i] = INV_SBOX[s[i]!]!;
      for (let i = 0; i < 16; i++) s[i]! ^= w[16 * r + i]!;
      if (r !== 0) invMixColumns(s);
    }
    return s;
  }
}

function shiftRows(s: Uint8Array): void {
  const t = s.slice();
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) s[4 * c + r] = t[4 * ((c + r) % 4) + r]!;
}

function invShiftRows(s: Uint8Array): void {
  const t = s.slice();
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) s[4 * ((c + r) % 4) + r] = t[4 * c + r]!;
}

function mixColumns(s: Uint8Array): void {
  for (let c = 0; c < 4; c++) {
    const [a0, a1, a2, a3] = [s[4 * c]!, s[4 * c + 1]!, s[4 * c + 2]!, s[4 * c + 3]!];
    s[4 * c] = xtime(a0) ^ xtime(a1) ^ a1 ^ a2 ^ a3;
    s[4 * c + 1] = a0 ^ xtime(a1) ^ xtime(a2) ^ a2 ^ a3;
    s[4 * c + 2] = a0 ^ a1 ^ xtime(a2) ^ xtime(a3) ^ a3;
    s[4 * c + 3] = xtime(a0) ^ a0 ^ a1 ^ a2 ^ xtime(a3);
  }
}

function invMixColumns(s: Uint8Array): void {
  for (let c = 0; c < 4; c++) {
    const [a0, a1, a2, a3] = [s[4 * c]!, s[4 * c + 1]!, s[4 * c + 2]!, s[4 * c + 3]!];
    s[4 * c] = mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9);
    s[4 * c + 1] = mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13);
    s[4 * c + 2] = mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11);
    s[4 * c + 3] = mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14);
  }
}

function toBig(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return n;
}

function fromBig(n: bigint, size = 16): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

const R = 0xe1n << 120n;

/** Multiplication in GCM's field. */
function gmul(x: bigint, y: bigint): bigint {
  let z = 0n, v = y;
  for (let i = 127n; i >= 0n; i--) {
    if ((x >> i) & 1n) z ^= v;
    v = v & 1n ? (v >> 1n) ^ R : v >> 1n;
  }
  return z;
}

function ghash(h: bigint, aad: Uint8Array, c: Uint8Array): bigint {
  let y = 0n;
  const blocks = (d: Uint8Array) => {
    for (let i = 0; i < d.length; i += 16) {
      const b = new Uint8Array(16);
      b.set(d.subarray(i, i + 16));
      y = gmul(y ^ toBig(b), h);
    }
  };
  blocks(aad);
  blocks(c);
  y = gmul(y ^ ((BigInt(aad.length * 8) << 64n) | BigInt(c.length * 8)), h);
  return y;
}

/**
 * AES-GCM on a block function: the ciphertext (or plaintext) and the full 16-byte tag, computed
 * over the ciphertext.
 */
export function gcm(
  enc: (b: Uint8Array) => Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
  encrypt: boolean,
): [Uint8Array, Uint8Array] {
  const h = toBig(enc(new Uint8Array(16)));
  let j0: bigint;
  if (iv.length === 12) {
    const b = new Uint8Array(16);
    b.set(iv);
    b[15] = 1;
    j0 = toBig(b);
  } else {
    j0 = ghash(h, new Uint8Array(0), iv);
  }
  const inc = (x: bigint) => (x & ~0xffffffffn) | ((x + 1n) & 0xffffffffn);
  const out = new Uint8Array(data.length);
  let ctr = j0;
  for (let i = 0; i < data.length; i += 16) {
    ctr = inc(ctr);
    const ks = enc(fromBig(ctr));
    for (let j = 0; j < 16 && i + j < data.length; j++) out[i + j] = data[i + j]! ^ ks[j]!;
  }
  const cipher = encrypt ? out : data;
  const s = ghash(h, aad, cipher);
  const tag = toBig(enc(fromBig(j0))) ^ s;
  return [out, fromBig(tag)];
}
