/**
 * The module `crypto` as OTP 25 on OpenSSL 3 has it, on `node:crypto`: hashes whole and
 * streamed, HMAC, CMAC and Poly1305, the ciphers one time and streamed (AES in ECB, CBC, CTR,
 * CFB8, CFB128, OFB, GCM and CCM; ChaCha20 and ChaCha20-Poly1305; 3DES in CBC), with OTP's
 * padding options; PBKDF2; RSA, ECDSA and EdDSA signatures, RSA encryption, ECDH, X25519 and
 * DH agreement and key generation; strong random bytes and the plug-ins that `rand` draws from
 * (`crypto`, `crypto_cache`, `crypto_aes`). A failure is raised in OTP's words, the NIF's
 * source file and line included, since that is what a program sees.
 *
 * Hash, MAC and cipher states are references, as in OTP: a MAC's or a cipher's state changes
 * in place; a hash state is copied on each update.
 *
 * @module
 */

import * as nc from "node:crypto";
import { Buffer } from "node:buffer";
import { makeRef } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import {
  arrayToList,
  charlist,
  Cons,
  Float,
  type Fun,
  nameFun,
  normInt,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { iolistBytes } from "./_erlang_convert.ts";
import { withModuleInfo } from "./_module_info.ts";
import { functionClause, properArray } from "./_util.ts";
import { RAND } from "./rand.ts";
import { CURVES } from "./_crypto_curves.ts";
import { Aes, gcm } from "./_aes.ts";

// ---- errors and arguments ----

/** Raises what the NIF raises: `{Tag, {File, Line}, Text}`. */
function nifError(tag: string, file: string, line: number, text: string): never {
  return raiseError([tag, [charlist(file), line], charlist(text)]);
}

function badarg(): never {
  return raiseError("badarg");
}

/** Io data as bytes, or `undefined`. */
function ioBytes(t: Term): Uint8Array | undefined {
  if (t instanceof Uint8Array) return t;
  if (t === null || t instanceof Cons) return iolistBytes(t) ?? undefined;
  return undefined;
}

/** Io data as bytes; `badarg` (as `iolist_to_binary/1` gives it) otherwise. */
function iodata(t: Term): Uint8Array {
  return ioBytes(t) ?? badarg();
}

const bin = (b: Uint8Array | Buffer): Uint8Array =>
  b instanceof Uint8Array && !(b instanceof Buffer) ? b : new Uint8Array(b);

function isInt(t: Term): t is number | bigint {
  return typeof t === "number" || typeof t === "bigint";
}

/** A big-endian unsigned integer's bytes, as few as it takes (`<<>>` for 0). */
function intBytes(n: bigint): Uint8Array {
  if (n === 0n) return new Uint8Array(0);
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  return new Uint8Array(Buffer.from(hex, "hex"));
}

function bytesInt(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt("0x" + Buffer.from(b).toString("hex"));
}

/** A crypto integer: an integer, or a big-endian binary. */
function cryptoInt(t: Term): bigint {
  if (isInt(t)) return BigInt(t);
  if (t instanceof Uint8Array) return bytesInt(t);
  return badarg();
}

/**
 * A crypto integer as `mod_pow/3` reads it: a negative integer as the bytes of its two's
 * complement, as few as hold its sign.
 */
function powInt(t: Term): bigint {
  if (isInt(t) && t < 0) {
    const x = BigInt(t);
    let n = 1n;
    while (-x > 1n << (8n * n - 1n)) n++;
    return (1n << (8n * n)) + x;
  }
  return cryptoInt(t);
}

/** Unpadded base 64 with the URL alphabet (JWK's encoding) of a crypto integer. */
function b64u(t: Term | bigint): string {
  const b = typeof t === "bigint"
    ? intBytes(t)
    : t instanceof Uint8Array
    ? t
    : intBytes(cryptoInt(t));
  return Buffer.from(b).toString("base64url");
}

function fromB64u(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "base64url"));
}

// ---- hashes ----

/** OTP's name → [node's name, size, block size, OpenSSL's NID]. */
const HASHES: Record<string, [string, number, number, number]> = {
  md4: ["md4", 16, 64, 257],
  md5: ["md5", 16, 64, 4],
  ripemd160: ["ripemd160", 20, 64, 117],
  sha: ["sha1", 20, 64, 64],
  sha224: ["sha224", 28, 64, 675],
  sha256: ["sha256", 32, 64, 672],
  sha384: ["sha384", 48, 128, 673],
  sha512: ["sha512", 64, 128, 674],
  sha3_224: ["sha3-224", 28, 144, 1096],
  sha3_256: ["sha3-256", 32, 136, 1097],
  sha3_384: ["sha3-384", 48, 104, 1098],
  sha3_512: ["sha3-512", 64, 72, 1099],
  blake2b: ["blake2b512", 64, 128, 1056],
  blake2s: ["blake2s256", 32, 64, 1057],
};

function hashName(t: Term): string | undefined {
  return typeof t === "string" && Object.hasOwn(HASHES, t) ? HASHES[t]![0] : undefined;
}

/** The states behind references: hashes, macs, ciphers. */
const STATES = new WeakMap<Ref, unknown>();

function newState(s: unknown): Ref {
  const r = makeRef();
  STATES.set(r, s);
  return r;
}

function stateOf<T>(r: Term, cls: abstract new (...a: never[]) => T): T | undefined {
  if (!(r instanceof Ref)) return undefined;
  const s = STATES.get(r);
  return s instanceof cls ? s : undefined;
}

class HashState {
  constructor(readonly h: nc.Hash) {}
}

function hash(type: Term, data: Term): Uint8Array {
  const d = iodata(data);
  const name = hashName(type) ?? nifError("badarg", "hash.c", 108, "Bad digest type");
  return bin(nc.createHash(name).update(d).digest());
}

// ---- macs ----

/** A MAC in progress: HMAC on node, CMAC and Poly1305 here. */
class MacState {
  constructor(readonly update: (d: Uint8Array) => void, readonly final: () => Uint8Array) {}
}

/** AES encryption of single blocks: node's for 128 and 256-bit keys, this module's else. */
function aesEcb(key: Uint8Array): (block: Uint8Array) => Uint8Array {
  if (key.length === 24) {
    const a = new Aes(key);
    return (block) => a.encrypt(block);
  }
  const c = nc.createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  c.setAutoPadding(false);
  return (block) => bin(c.update(block));
}

function cmacState(cipher: string, key: Uint8Array): MacState {
  const enc = blockEncryptor(cipher, key);
  const bs = 16;
  const shift = (b: Uint8Array) => {
    const out = new Uint8Array(bs);
    for (let i = 0; i < bs; i++) out[i] = ((b[i]! << 1) | (i + 1 < bs ? b[i + 1]! >> 7 : 0)) & 0xff;
    if (b[0]! & 0x80) out[bs - 1]! ^= 0x87;
    return out;
  };
  const chained = !cipher.endsWith("_ecb");
  const k1 = shift(enc(new Uint8Array(bs)));
  const k2 = shift(k1);
  let x: Uint8Array = new Uint8Array(bs);
  let pending: Uint8Array = new Uint8Array(0);
  return new MacState((d) => {
    const all = concat(pending, d);
    // Keep the last block (whole or not) for the end.
    let at = 0;
    while (all.length - at > bs) {
      const blk = all.subarray(at, at + bs);
      x = enc(chained ? xor(x, blk) : blk);
      at += bs;
    }
    pending = all.slice(at);
  }, () => {
    let last: Uint8Array;
    if (pending.length === bs) last = xor(pending, k1);
    else {
      const p = new Uint8Array(bs);
      p.set(pending);
      p[pending.length] = 0x80;
      last = xor(p, k2);
    }
    return enc(chained ? xor(x, last) : last);
  });
}

/** AES as a block function (CMAC's and the CFB, OFB and CCM modes' primitive). */
function blockEncryptor(cipher: string, key: Uint8Array): (b: Uint8Array) => Uint8Array {
  if (cipher.startsWith("des")) {
    return (block) => {
      const d = nc.createCipheriv("des-ede3-cbc", key, new Uint8Array(8));
      d.setAutoPadding(false);
      return bin(d.update(block));
    };
  }
  return aesEcb(key);
}

function poly1305(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const le = (b: Uint8Array) => {
    let n = 0n;
    for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!);
    return n;
  };
  const r = le(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn;
  const s = le(key.subarray(16, 32));
  const p = (1n << 130n) - 5n;
  let acc = 0n;
  for (let i = 0; i < msg.length; i += 16) {
    const chunk = msg.subarray(i, i + 16);
    const n = le(chunk) + (1n << BigInt(8 * chunk.length));
    acc = ((acc + n) * r) % p;
  }
  acc = (acc + s) & ((1n << 128n) - 1n);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    out[i] = Number(acc & 0xffn);
    acc >>= 8n;
  }
  return out;
}

const CMAC_CIPHERS: Record<string, number> = {
  aes_128_cbc: 16,
  aes_192_cbc: 24,
  aes_256_cbc: 32,
  aes_128_ecb: 16,
  aes_192_ecb: 24,
  aes_256_ecb: 32,
  aes_cbc: 0,
  aes_ecb: 0,
};

function macState(type: Term, sub: Term, keyT: Term, lines: [number, number, number]): MacState {
  if (type === "hmac") {
    const name = hashName(sub) ??
      nifError("badarg", "mac.c", lines[0], "Bad digest algorithm for HMAC");
    const key = ioBytes(keyT) ?? badarg();
    return hmacState(name, HASHES[sub as string]![2], key);
  }
  if (type === "cmac") {
    if (typeof sub !== "string" || !Object.hasOwn(CMAC_CIPHERS, sub)) {
      return nifError("badarg", "mac.c", lines[1], "Unknown cipher");
    }
    const key = ioBytes(keyT) ?? badarg();
    const want = CMAC_CIPHERS[sub]!;
    if (want === 0 ? ![16, 24, 32].includes(key.length) : key.length !== want) {
      return nifError("badarg", "mac.c", lines[1] + 3, "Bad key size");
    }
    return cmacState(sub, key);
  }
  return nifError("badarg", "mac.c", lines[2], "Unknown mac algorithm");
}

/** HMAC on node's, or (for a hash node's HMAC refuses, as MD4) on the hash itself. */
function hmacState(name: string, block: number, key: Uint8Array): MacState {
  try {
    const h = nc.createHmac(name, key);
    return new MacState((d) => void h.update(d), () => bin(h.digest()));
  } catch {
    let k = key.length > block ? bin(nc.createHash(name).update(key).digest()) : key;
    const padded = new Uint8Array(block);
    padded.set(k);
    k = padded;
    const inner = nc.createHash(name).update(k.map((x) => x ^ 0x36));
    return new MacState((d) => void inner.update(d), () => {
      const ih = bin(inner.digest());
      return bin(nc.createHash(name).update(k.map((x) => x ^ 0x5c)).update(ih).digest());
    });
  }
}

function mac(type: Term, sub: Term, key: Term, data: Term): Uint8Array {
  if (type === "poly1305") return poly1305Mac(sub, key);
  const m = macState(type, sub, key, [263, 313, 233]);
  m.update(ioBytes(data) ?? nifError("badarg", "mac.c", 175, "Bad text"));
  return m.final();
}

function poly1305Mac(key: Term, data: Term): Uint8Array {
  const k = ioBytes(key) ?? badarg();
  if (k.length !== 32) return nifError("badarg", "mac.c", 235, "Bad key length");
  return poly1305(k, ioBytes(data) ?? nifError("badarg", "mac.c", 175, "Bad text"));
}

function truncated(m: Uint8Array, n: Term): Uint8Array {
  if (typeof n !== "number" || n < 0 || n > m.length) return badarg();
  return m.slice(0, n);
}

// ---- ciphers ----

type Mode =
  | "cbc_mode"
  | "ecb_mode"
  | "ctr_mode"
  | "cfb_mode"
  | "ofb_mode"
  | "gcm_mode"
  | "ccm_mode"
  | "stream_cipher";

interface CipherInfo {
  key: number;
  iv: number;
  block: number;
  mode: Mode;
  aead: boolean;
  nid: number | "undefined";
  /** How this runtime runs it. */
  run: "node" | "cfb8" | "cfb128" | "ofb" | "ccm" | "none";
  node?: string;
}

const CIPHERS: Record<string, CipherInfo> = {};
for (
  const [bits, cbc, ecb, ctr, cfb8, cfb128, ofb, gcm, ccm] of [
    [128, 419, 418, "undefined", 421, 421, 420, 895, 896],
    [192, 423, 422, "undefined", 425, 425, 424, 898, 899],
    [256, 427, 426, "undefined", 429, 429, 428, 901, 902],
  ] as const
) {
  const k = bits / 8;
  CIPHERS[`aes_${bits}_cbc`] = {
    key: k,
    iv: 16,
    block: 16,
    mode: "cbc_mode",
    aead: false,
    nid: cbc,
    run: "node",
    node: `aes-${bits}-cbc`,
  };
  CIPHERS[`aes_${bits}_ecb`] = {
    key: k,
    iv: 0,
    block: 16,
    mode: "ecb_mode",
    aead: false,
    nid: ecb,
    run: "node",
    node: `aes-${bits}-ecb`,
  };
  CIPHERS[`aes_${bits}_ctr`] = {
    key: k,
    iv: 16,
    block: 1,
    mode: "ctr_mode",
    aead: false,
    nid: ctr,
    run: "node",
    node: `aes-${bits}-ctr`,
  };
  CIPHERS[`aes_${bits}_cfb8`] = {
    key: k,
    iv: 16,
    block: 1,
    mode: "cfb_mode",
    aead: false,
    nid: cfb8,
    run: "cfb8",
  };
  CIPHERS[`aes_${bits}_cfb128`] = {
    key: k,
    iv: 16,
    block: 1,
    mode: "cfb_mode",
    aead: false,
    nid: cfb128,
    run: "cfb128",
  };
  CIPHERS[`aes_${bits}_ofb`] = {
    key: k,
    iv: 16,
    block: 1,
    mode: "ofb_mode",
    aead: false,
    nid: ofb,
    run: "ofb",
  };
  CIPHERS[`aes_${bits}_gcm`] = {
    key: k,
    iv: 12,
    block: 1,
    mode: "gcm_mode",
    aead: true,
    nid: gcm,
    run: "node",
    node: `aes-${bits}-gcm`,
  };
  CIPHERS[`aes_${bits}_ccm`] = {
    key: k,
    iv: 12,
    block: 1,
    mode: "ccm_mode",
    aead: true,
    nid: ccm,
    run: "ccm",
  };
}
CIPHERS.chacha20 = {
  key: 32,
  iv: 16,
  block: 1,
  mode: "stream_cipher",
  aead: false,
  nid: "undefined",
  run: "node",
  node: "chacha20",
};
CIPHERS.chacha20_poly1305 = {
  key: 32,
  iv: 12,
  block: 1,
  mode: "stream_cipher",
  aead: true,
  nid: "undefined",
  run: "node",
  node: "chacha20-poly1305",
};
CIPHERS.des_cbc = {
  key: 8,
  iv: 8,
  block: 8,
  mode: "cbc_mode",
  aead: false,
  nid: 31,
  run: "none",
};
CIPHERS.des_ede3_cbc = {
  key: 24,
  iv: 8,
  block: 8,
  mode: "cbc_mode",
  aead: false,
  nid: 44,
  run: "node",
  node: "des-ede3-cbc",
};

/** The cipher a name (an alias by key size included) stands for, given the key. */
function cipherName(c: Term, key: Uint8Array | undefined): string | undefined {
  if (typeof c !== "string") return undefined;
  const alias: Record<string, string> = {
    des3_cbc: "des_ede3_cbc",
    des_ede3: "des_ede3_cbc",
    aes_cbc128: "aes_128_cbc",
    aes_cbc256: "aes_256_cbc",
  };
  const n = alias[c] ?? c;
  const m = /^aes_(cbc|ecb|ctr|cfb8|cfb128|gcm|ccm|ofb)$/.exec(n);
  if (m) {
    const size = key?.length ?? 16;
    return [16, 24, 32].includes(size) ? `aes_${size * 8}_${m[1]}` : undefined;
  }
  return Object.hasOwn(CIPHERS, n) ? n : undefined;
}

function cipherInfoMap(name: string): TermMap {
  const i = CIPHERS[name]!;
  return new TermMap([
    ["block_size", i.block],
    ["iv_length", i.iv],
    ["key_length", i.key],
    ["mode", i.mode],
    ["prop_aead", i.aead],
    ["type", i.nid],
  ]);
}

type Padding = "undefined" | "none" | "zero" | "random" | "pkcs_padding";

/** A cipher in progress, as `crypto_init/3,4` makes it. */
class CipherState {
  #tail: Uint8Array = new Uint8Array(0);
  #total = 0;
  /** How many bytes of padding the end added or took away; -1 before the end. */
  paddingSize = -1;
  /** The bytes given so far. */
  get size(): number {
    return this.#total;
  }
  #core: (d: Uint8Array) => Uint8Array;
  constructor(
    readonly name: string,
    readonly info: CipherInfo,
    readonly key: Uint8Array,
    readonly iv: Uint8Array,
    readonly encrypt: boolean,
    readonly padding: Padding,
  ) {
    this.#core = streamCore(info, key, iv, encrypt);
  }
  /** Whether whole blocks are needed (CBC and ECB). */
  get blocky(): boolean {
    return this.info.block > 1;
  }
  update(d: Uint8Array): Uint8Array {
    this.#total += d.length;
    if (!this.blocky) return this.#core(d);
    const bs = this.info.block;
    let all = concat(this.#tail, d);
    // Decrypting with pkcs padding keeps the last whole block back until the end.
    const keep =
      !this.encrypt && this.padding === "pkcs_padding" && all.length % bs === 0 && all.length > 0
        ? bs
        : all.length % bs;
    this.#tail = all.slice(all.length - keep);
    all = all.subarray(0, all.length - keep);
    return this.#core(all);
  }
  final(): Uint8Array {
    const out = this.#final();
    if (this.paddingSize < 0) this.paddingSize = 0;
    return out;
  }
  #final(): Uint8Array {
    if (!this.blocky) return new Uint8Array(0);
    const bs = this.info.block;
    const tail = this.#tail;
    this.#tail = new Uint8Array(0);
    if (this.encrypt) {
      const pad = this.padding === "pkcs_padding"
        ? bs - tail.length
        : tail.length === 0
        ? 0
        : bs - tail.length;
      if (tail.length === 0 && this.padding !== "pkcs_padding") return new Uint8Array(0);
      switch (this.padding) {
        case "undefined":
          return new Uint8Array(0);
        case "none":
          return nifError("error", "api_ng.c", 610, "Padding 'none' but unfilled last block");
        case "zero":
          this.paddingSize = pad;
          return this.#core(concat(tail, new Uint8Array(pad)));
        case "random":
          this.paddingSize = pad;
          return this.#core(concat(tail, new Uint8Array(nc.randomBytes(pad))));
        case "pkcs_padding":
          this.paddingSize = pad;
          return this.#core(concat(tail, new Uint8Array(pad).fill(pad)));
      }
    }
    if (this.padding === "pkcs_padding") {
      if (tail.length !== bs) return nifError("error", "api_ng.c", 638, "Can't finalize");
      const last = this.#core(tail);
      const n = last[bs - 1]!;
      if (n < 1 || n > bs || last.subarray(bs - n).some((x) => x !== n)) {
        return nifError("error", "api_ng.c", 638, "Can't finalize");
      }
      this.paddingSize = n;
      return last.slice(0, bs - n);
    }
    if (tail.length === 0) return new Uint8Array(0);
    if (this.padding === "none") {
      return nifError("error", "api_ng.c", 610, "Padding 'none' but unfilled last block");
    }
    return new Uint8Array(0);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** The cipher's transformation of whole blocks (or any bytes, for the stream modes). */
function streamCore(
  info: CipherInfo,
  key: Uint8Array,
  iv: Uint8Array,
  encrypt: boolean,
): (d: Uint8Array) => Uint8Array {
  if (info.run === "node" && key.length === 24 && info.node!.startsWith("aes")) {
    return aesModes(info, key, iv, encrypt);
  }
  if (info.run === "node") {
    const c = encrypt
      ? nc.createCipheriv(info.node!, key, info.iv === 0 ? null : iv)
      : nc.createDecipheriv(info.node!, key, info.iv === 0 ? null : iv);
    c.setAutoPadding(false);
    return (d) => bin(c.update(d));
  }
  const enc = aesEcb(key);
  let reg: Uint8Array = iv.slice();
  if (info.run === "cfb8") {
    return (d) => {
      const out = new Uint8Array(d.length);
      for (let i = 0; i < d.length; i++) {
        const o = enc(reg)[0]! ^ d[i]!;
        out[i] = o;
        const c = encrypt ? o : d[i]!;
        reg = concat(reg.subarray(1), new Uint8Array([c]));
      }
      return out;
    };
  }
  // CFB128 and OFB: a keystream block at a time, used from `at`.
  let ks: Uint8Array = new Uint8Array(16), at = 16;
  return (d) => {
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) {
      if (at === 16) {
        ks = enc(reg);
        if (info.run === "ofb") reg = ks;
        else reg = new Uint8Array(16);
        at = 0;
      }
      const o = ks[at]! ^ d[i]!;
      out[i] = o;
      if (info.run === "cfb128") reg[at] = encrypt ? o : d[i]!;
      at++;
    }
    return out;
  };
}

/** AES's ECB, CBC and CTR modes on this module's AES (for the key sizes node lacks). */
function aesModes(
  info: CipherInfo,
  key: Uint8Array,
  iv: Uint8Array,
  encrypt: boolean,
): (d: Uint8Array) => Uint8Array {
  const a = new Aes(key);
  if (info.mode === "ctr_mode") {
    const ctr = iv.slice();
    let ks: Uint8Array = new Uint8Array(16), at = 16;
    return (d) => {
      const out = new Uint8Array(d.length);
      for (let i = 0; i < d.length; i++) {
        if (at === 16) {
          ks = a.encrypt(ctr);
          for (let j = 15; j >= 0; j--) {
            ctr[j] = (ctr[j]! + 1) & 0xff;
            if (ctr[j] !== 0) break;
          }
          at = 0;
        }
        out[i] = d[i]! ^ ks[at++]!;
      }
      return out;
    };
  }
  let prev: Uint8Array = iv.slice();
  const cbc = info.mode === "cbc_mode";
  return (d) => {
    const out = new Uint8Array(d.length);
    for (let i = 0; i + 16 <= d.length; i += 16) {
      const blk = d.subarray(i, i + 16);
      if (encrypt) {
        const c = a.encrypt(cbc ? xor(blk, prev) : blk);
        out.set(c, i);
        prev = c;
      } else {
        const p = a.decrypt(blk);
        out.set(cbc ? xor(p, prev) : p, i);
        prev = blk.slice();
      }
    }
    return out;
  };
}

/** `crypto_init`'s arguments checked, in the NIF's order, and the state made. */
function cipherInit(c: Term, k: Term, iv: Term | undefined, flag: Term): CipherState {
  const key = ioBytes(k);
  const name = cipherName(c, key) ?? nifError("badarg", "api_ng.c", 242, "Unknown cipher");
  const info = CIPHERS[name]!;
  if (key === undefined) return nifError("badarg", "api_ng.c", 228, "Bad key");
  if (info.aead) return nifError("badarg", "api_ng.c", 250, "Missing arguments for this cipher");
  if (key.length !== info.key) return nifError("badarg", "api_ng.c", 244, "Bad key size");
  let ivb: Uint8Array = new Uint8Array(0);
  if (info.iv > 0) {
    if (iv === undefined) {
      return nifError("badarg", "api_ng.c", 250, "Missing arguments for this cipher");
    }
    if (!(iv instanceof Uint8Array) || iv.length !== info.iv) {
      return nifError("badarg", "api_ng.c", 310, "Bad iv size");
    }
    ivb = iv;
  }
  if (info.run === "none") return nifError("badarg", "api_ng.c", 242, "Unknown cipher");
  const [encrypt, padding] = cipherOptions(flag);
  return new CipherState(name, info, key, ivb, encrypt, padding);
}

function cipherOptions(flag: Term): [boolean, Padding] {
  if (flag === true || flag === false) return [flag, "undefined"];
  const opts = properArray(flag);
  if (opts === undefined) {
    return nifError("badarg", "api_ng.c", 120, "Options are not a boolean or a proper list");
  }
  let encrypt = true, padding: Padding = "undefined";
  for (const o of opts) {
    if (!Array.isArray(o) || o.length !== 2) {
      return nifError("badarg", "api_ng.c", 120, "Options are not a boolean or a proper list");
    }
    const [k, v] = o;
    if (k === "encrypt") {
      if (v !== true && v !== false) {
        return nifError("badarg", "api_ng.c", 157, "Bad 'encrypt' option value");
      }
      encrypt = v;
    } else if (k === "padding") {
      if (!["none", "zero", "random", "pkcs_padding", "undefined"].includes(v as string)) {
        return nifError("badarg", "api_ng.c", 168, "Bad 'padding' option value");
      }
      padding = v as Padding;
    } else {
      return nifError("badarg", "api_ng.c", 174, `Bad tag in option: ${printAtom(k)}`);
    }
  }
  return [encrypt, padding];
}

function printAtom(t: Term | undefined): string {
  return typeof t === "string" ? t : String(t);
}

function cipherData(d: Term): Uint8Array {
  return ioBytes(d) ?? nifError("badarg", "api_ng.c", 966, "expected binary as data");
}

function cipherState(s: Term): CipherState {
  return stateOf(s, CipherState) ?? nifError("badarg", "api_ng.c", 731, "Bad State");
}

// ---- AEAD ----

function aead(
  c: Term,
  k: Term,
  ivT: Term,
  inT: Term,
  aadT: Term,
  tagT: Term | undefined,
  enc: Term,
): Term {
  const key = ioBytes(k);
  const name = cipherName(c, key);
  const info = name === undefined ? undefined : CIPHERS[name];
  if (info !== undefined && !info.aead) {
    return raiseError(["badarg", charlist("Not an AEAD cipher")]);
  }
  if (info === undefined || key === undefined || key.length !== info.key) {
    return nifError("badarg", "aead.c", 90, "Unknown cipher or invalid key size");
  }
  const iv = ioBytes(ivT) ?? badarg();
  const data = ioBytes(inT) ?? badarg();
  const aad = ioBytes(aadT) ?? badarg();
  const encrypt = enc === true;
  const ivOk = info.mode === "gcm_mode"
    ? iv.length > 0
    : info.mode === "ccm_mode"
    ? iv.length >= 7 && iv.length <= 13
    : iv.length === 12;
  if (!ivOk) return nifError("badarg", "aead.c", 111, "Bad IV length");
  const ccmMode = info.mode === "ccm_mode";
  if (encrypt) {
    const tagLen = tagT === undefined ? (ccmMode ? 12 : 16) : tagT;
    if (typeof tagLen !== "number") return badarg();
    if (ccmMode && !tagOk(info, tagLen)) return nifError("badarg", "aead.c", 116, "Can't set tag");
    if (!tagOk(info, tagLen)) return nifError("error", "aead.c", 156, "Can't get Tag");
    if (ccmMode) return ccm(key, iv, data, aad, tagLen, true, undefined);
    const [out, tag] = aeadSeal(info, key, iv, data, aad);
    return [out, tag.slice(0, tagLen)];
  }
  const tag = tagT instanceof Uint8Array ? tagT : badarg();
  if (!tagOk(info, tag.length)) return nifError("badarg", "aead.c", 116, "Can't set tag");
  if (ccmMode) return ccm(key, iv, data, aad, tag.length, false, tag);
  return aeadOpen(info, key, iv, data, aad, tag);
}

/** GCM or ChaCha20-Poly1305 encryption: the ciphertext and the full 16-byte tag. */
function aeadSeal(
  info: CipherInfo,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
): [Uint8Array, Uint8Array] {
  if (info.mode === "gcm_mode" && key.length === 24) return gcm(aesEcb(key), iv, data, aad, true);
  if (info.mode !== "gcm_mode") return chachaPoly(key, iv, data, aad, true);
  const ci = nc.createCipheriv(info.node! as nc.CipherGCMTypes, key, iv, { authTagLength: 16 });
  ci.setAAD(aad, { plaintextLength: data.length });
  const out = concat(bin(ci.update(data)), bin(ci.final()));
  return [out, bin(ci.getAuthTag())];
}

/** GCM or ChaCha20-Poly1305 decryption: the plaintext, or `error` if the tag is wrong. */
function aeadOpen(
  info: CipherInfo,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
  tag: Uint8Array,
): Term {
  if (
    info.mode === "gcm_mode" && key.length !== 24 && [4, 8, 12, 13, 14, 15, 16].includes(tag.length)
  ) {
    try {
      const de = nc.createDecipheriv(info.node! as nc.CipherGCMTypes, key, iv, {
        authTagLength: tag.length,
      });
      de.setAuthTag(tag);
      de.setAAD(aad, { plaintextLength: data.length });
      return concat(bin(de.update(data)), bin(de.final()));
    } catch {
      return "error";
    }
  }
  const [plain, full] = info.mode === "gcm_mode"
    ? gcm(aesEcb(key), iv, data, aad, false)
    : chachaPoly(key, iv, data, aad, false);
  return nc.timingSafeEqual(full.subarray(0, tag.length), tag) ? plain : "error";
}

/** ChaCha20-Poly1305 (RFC 8439): the output and the full tag, over the ciphertext. */
function chachaPoly(
  key: Uint8Array,
  nonce: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
  encrypt: boolean,
): [Uint8Array, Uint8Array] {
  const block = (counter: number, d: Uint8Array) => {
    const iv = new Uint8Array(16);
    new DataView(iv.buffer).setUint32(0, counter, true);
    iv.set(nonce, 4);
    const c = nc.createCipheriv("chacha20", key, iv);
    return bin(c.update(d));
  };
  const polyKey = block(0, new Uint8Array(32));
  const out = block(1, data);
  const cipher = encrypt ? out : data;
  const pad16 = (n: number) => new Uint8Array((16 - (n % 16)) % 16);
  const lens = new Uint8Array(16);
  const dv = new DataView(lens.buffer);
  dv.setBigUint64(0, BigInt(aad.length), true);
  dv.setBigUint64(8, BigInt(cipher.length), true);
  const macData = concat(
    concat(concat(concat(aad, pad16(aad.length)), cipher), pad16(cipher.length)),
    lens,
  );
  return [out, poly1305(polyKey, macData)];
}

function tagOk(info: CipherInfo, n: number): boolean {
  if (info.mode === "ccm_mode") return n >= 4 && n <= 16 && n % 2 === 0;
  return n >= 1 && n <= 16;
}

/** AES-CCM (RFC 3610): CBC-MAC over the header, data and length, CTR for the data. */
function ccm(
  key: Uint8Array,
  nonce: Uint8Array,
  data: Uint8Array,
  aad: Uint8Array,
  tagLen: number,
  encrypt: boolean,
  tag: Uint8Array | undefined,
): Term {
  const enc = aesEcb(key);
  const L = 15 - nonce.length;
  const ctr = (i: number) => {
    const b = new Uint8Array(16);
    b[0] = L - 1;
    b.set(nonce, 1);
    let n = i;
    for (let j = 15; j > 15 - L; j--) {
      b[j] = n & 0xff;
      n = Math.floor(n / 256);
    }
    return b;
  };
  const crypt = (d: Uint8Array) => {
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i += 16) {
      const ks = enc(ctr(i / 16 + 1));
      for (let j = 0; j < 16 && i + j < d.length; j++) out[i + j] = d[i + j]! ^ ks[j]!;
    }
    return out;
  };
  const plain = encrypt ? data : crypt(data);
  const b0 = new Uint8Array(16);
  b0[0] = (aad.length > 0 ? 64 : 0) | (((tagLen - 2) / 2) << 3) | (L - 1);
  b0.set(nonce, 1);
  let n = plain.length;
  for (let j = 15; j > 15 - L; j--) {
    b0[j] = n & 0xff;
    n = Math.floor(n / 256);
  }
  let x = enc(b0);
  const macOver = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i += 16) {
      const blk = new Uint8Array(16);
      blk.set(bytes.subarray(i, i + 16));
      x = enc(xor(x, blk));
    }
  };
  if (aad.length > 0) {
    const head = aad.length < 0xff00
      ? new Uint8Array([aad.length >> 8, aad.length & 0xff])
      : new Uint8Array([0xff, 0xfe, ...intBytesFixed(aad.length, 4)]);
    macOver(concat(head, aad));
  }
  macOver(plain);
  const t = xor(x, enc(ctr(0))).slice(0, tagLen);
  if (encrypt) return [crypt(data), t];
  return nc.timingSafeEqual(t, tag!) ? plain : "error";
}

function intBytesFixed(n: number, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return out;
}

// ---- public keys ----

/** A named curve: node's name, its object identifier's DER, its size in bytes. */
const CURVE_NAMES: Record<string, [node: string, oid: string, size: number]> = {
  secp256r1: ["prime256v1", "06082a8648ce3d030107", 32],
  prime256v1: ["prime256v1", "06082a8648ce3d030107", 32],
  secp384r1: ["secp384r1", "06052b81040022", 48],
  secp256k1: ["secp256k1", "06052b8104000a", 32],
  secp224r1: ["secp224r1", "06052b81040021", 28],
};

/** A DER element: its tag, its length, its content. */
function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = content.reduce(concat, new Uint8Array(0));
  const n = body.length;
  const len = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return concat(new Uint8Array([tag, ...len]), body);
}

const hexBytes = (h: string) => new Uint8Array(Buffer.from(h, "hex"));

function curve(t: Term): [string, string, number] | undefined {
  return typeof t === "string" && Object.hasOwn(CURVE_NAMES, t) ? CURVE_NAMES[t] : undefined;
}

function ecdh(c: Term): nc.ECDH {
  const cv = curve(c) ?? nifError("badarg", "ec.c", 355, "Couldn't get Curve definition");
  return nc.createECDH(cv[0]);
}

/** An RSA key of `[E, N]` or `[E, N, D]` or `[E, N, D, P1, P2, E1, E2, C]` as node's key. */
function rsaKey(t: Term, priv: boolean, line: number): nc.KeyObject {
  const parts = properArray(t);
  const fail = (): never =>
    nifError(
      "badarg",
      "pkey.c",
      line,
      priv ? "Couldn't get RSA private key" : "Couldn't get RSA public key",
    );
  if (parts === undefined || parts.length < 2) return fail();
  try {
    const [e, n] = [cryptoInt(parts[0]!), cryptoInt(parts[1]!)];
    if (!priv) {
      return nc.createPublicKey({ key: { kty: "RSA", n: b64u(n), e: b64u(e) }, format: "jwk" });
    }
    if (parts.length < 3) return fail();
    const d = cryptoInt(parts[2]!);
    let [p, q] = parts.length >= 5 ? [cryptoInt(parts[3]!), cryptoInt(parts[4]!)] : factor(n, e, d);
    if (p < q) [p, q] = [q, p];
    const jwk = {
      kty: "RSA",
      n: b64u(n),
      e: b64u(e),
      d: b64u(d),
      p: b64u(p),
      q: b64u(q),
      dp: b64u(d % (p - 1n)),
      dq: b64u(d % (q - 1n)),
      qi: b64u(modInverse(q, p)),
    };
    return nc.createPrivateKey({ key: jwk, format: "jwk" });
  } catch (err) {
    if (err instanceof Error && err.constructor.name === "ErlangError") throw err;
    return fail();
  }
}

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n % m;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n's primes from its exponents (the usual method: k = ed - 1 splits n with some base). */
function factor(n: bigint, e: bigint, d: bigint): [bigint, bigint] {
  const k = e * d - 1n;
  let t = k, s = 0n;
  while (t % 2n === 0n) {
    t /= 2n;
    s++;
  }
  for (let g = 2n; g < 1000n; g++) {
    let x = modPow(g, t, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 0n; i < s; i++) {
      const y = (x * x) % n;
      if (y === 1n) {
        const p = gcd(x - 1n, n);
        return [p, n / p];
      }
      if (y === n - 1n) break;
      x = y;
    }
  }
  throw new Error("cannot factor");
}

function ecPrivateKey(t: Term, line: number, what: string): nc.KeyObject {
  const parts = properArray(t);
  const fail = (): never => nifError("badarg", "pkey.c", line, `Couldn't get ${what} private key`);
  if (parts === undefined || parts.length !== 2 || !(parts[0] instanceof Uint8Array)) return fail();
  const [priv, c] = parts as [Uint8Array, Term];
  if (what === "EDDSA") return okpPrivate(priv, c) ?? fail();
  const cv = curve(c) ?? fail();
  try {
    const e = nc.createECDH(cv[0]);
    e.setPrivateKey(priv);
    const pub = bin(e.getPublicKey());
    const sec1 = der(
      0x30,
      hexBytes("020101"),
      der(0x04, pad(priv, cv[2])),
      der(0xa0, hexBytes(cv[1])),
      der(0xa1, der(0x03, new Uint8Array([0]), pub)),
    );
    return nc.createPrivateKey({ key: Buffer.from(sec1), format: "der", type: "sec1" });
  } catch {
    return fail();
  }
}

function pad(b: Uint8Array, size: number): Uint8Array {
  if (b.length >= size) return b;
  const out = new Uint8Array(size);
  out.set(b, size - b.length);
  return out;
}

function ecPublicKey(t: Term, line: number, what: string): nc.KeyObject {
  const parts = properArray(t);
  const fail = (): never => nifError("badarg", "pkey.c", line, `Couldn't get ${what} public key`);
  if (parts === undefined || parts.length !== 2 || !(parts[0] instanceof Uint8Array)) return fail();
  const [pub, c] = parts as [Uint8Array, Term];
  if (what === "EDDSA") {
    const prefix = c === "ed25519"
      ? "302a300506032b6570032100"
      : c === "ed448"
      ? "3043300506032b6571033a00"
      : undefined;
    if (prefix === undefined) return fail();
    try {
      return nc.createPublicKey({
        key: Buffer.concat([Buffer.from(prefix, "hex"), pub]),
        format: "der",
        type: "spki",
      });
    } catch {
      return fail();
    }
  }
  const cv = curve(c) ?? fail();
  try {
    const spki = der(
      0x30,
      der(0x30, hexBytes("06072a8648ce3d0201"), hexBytes(cv[1])),
      der(0x03, new Uint8Array([0]), pub),
    );
    return nc.createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
  } catch {
    return fail();
  }
}

const OKP_PRIVATE: Record<string, string> = {
  ed25519: "302e020100300506032b657004220420",
  ed448: "3047020100300506032b6571043b0439",
  x25519: "302e020100300506032b656e04220420",
  x448: "3046020100300506032b656f043a0438",
};
const OKP_PUBLIC: Record<string, string> = {
  ed25519: "302a300506032b6570032100",
  ed448: "3043300506032b6571033a00",
  x25519: "302a300506032b656e032100",
  x448: "3042300506032b656f033900",
};

function okpPrivate(priv: Uint8Array, c: Term): nc.KeyObject | undefined {
  const prefix = typeof c === "string" ? OKP_PRIVATE[c] : undefined;
  if (prefix === undefined) return undefined;
  try {
    return nc.createPrivateKey({
      key: Buffer.concat([Buffer.from(prefix, "hex"), priv]),
      format: "der",
      type: "pkcs8",
    });
  } catch {
    return undefined;
  }
}

function okpPublicBytes(k: nc.KeyObject): Uint8Array {
  return fromB64u((nc.createPublicKey(k).export({ format: "jwk" }) as { x: string }).x);
}

function digestOf(type: Term, msg: Term): [string | null, Uint8Array, boolean] {
  if (Array.isArray(msg) && msg.length === 2 && msg[0] === "digest") {
    const name = type === "none"
      ? null
      : hashName(type) ?? nifError("badarg", "pkey.c", 138, "Bad digest type");
    const d = msg[1] instanceof Uint8Array
      ? msg[1]
      : nifError("badarg", "pkey.c", 188, "Bad 2nd element in list");
    return [name, d, true];
  }
  const name = type === "none"
    ? null
    : hashName(type) ?? nifError("badarg", "pkey.c", 138, "Bad digest type");
  return [name, iodata(msg), false];
}

/** RSA's options for sign and verify: padding, PSS salt length. */
function rsaSignOptions(opts: Term): { padding?: number; saltLength?: number } {
  const out: { padding?: number; saltLength?: number } = {};
  for (const o of properArray(opts) ?? []) {
    if (!Array.isArray(o) || o.length !== 2) continue;
    if (o[0] === "rsa_padding") {
      out.padding = o[1] === "rsa_pkcs1_pss_padding"
        ? nc.constants.RSA_PKCS1_PSS_PADDING
        : o[1] === "rsa_no_padding"
        ? nc.constants.RSA_NO_PADDING
        : nc.constants.RSA_PKCS1_PADDING;
    } else if (o[0] === "rsa_pss_saltlen" && typeof o[1] === "number") {
      out.saltLength = o[1] === -1
        ? nc.constants.RSA_PSS_SALTLEN_DIGEST
        : o[1] === -2
        ? nc.constants.RSA_PSS_SALTLEN_MAX_SIGN
        : o[1];
    }
  }
  return out;
}

/** Signs a message, or a digest already made (its DigestInfo made here for RSA). */
function signWith(alg: Term, type: Term, msg: Term, keyT: Term, opts: Term): Uint8Array {
  const [name, data, isDigest] = digestOf(type, msg);
  if (alg === "rsa") {
    const key = rsaKey(keyT, true, 357);
    const o = rsaSignOptions(opts);
    if (isDigest) {
      if (o.padding === nc.constants.RSA_PKCS1_PSS_PADDING) return notsup();
      return bin(
        nc.privateEncrypt({ key, padding: nc.constants.RSA_PKCS1_PADDING }, digestInfo(type, data)),
      );
    }
    return bin(nc.sign(name, data, { key, ...o }));
  }
  if (alg === "ecdsa") {
    const key = ecPrivateKey(keyT, 362, "ECDSA");
    if (isDigest) return notsup();
    return bin(nc.sign(name, data, key));
  }
  if (alg === "eddsa") {
    const key = ecPrivateKey(keyT, 371, "EDDSA");
    return bin(nc.sign(null, data, key));
  }
  return notsup();
}

function verifyWith(alg: Term, type: Term, msg: Term, sig: Term, keyT: Term, opts: Term): boolean {
  const [name, data, isDigest] = digestOf(type, msg);
  const s = ioBytes(sig) ?? badarg();
  try {
    if (alg === "rsa") {
      const key = rsaKey(keyT, false, 418);
      const o = rsaSignOptions(opts);
      if (isDigest) {
        const got = bin(nc.publicDecrypt({ key, padding: nc.constants.RSA_PKCS1_PADDING }, s));
        return Buffer.from(got).equals(Buffer.from(digestInfo(type, data)));
      }
      return nc.verify(name, data, { key, ...o }, s);
    }
    if (alg === "ecdsa") return nc.verify(name, data, ecPublicKey(keyT, 423, "ECDSA"), s);
    if (alg === "eddsa") return nc.verify(null, data, ecPublicKey(keyT, 432, "EDDSA"), s);
  } catch (err) {
    if (err instanceof Error && err.constructor.name === "ErlangError") throw err;
    return false;
  }
  return notsup();
}

/** PKCS #1's DigestInfo of a digest. */
function digestInfo(type: Term, digest: Uint8Array): Uint8Array {
  const prefix: Record<string, string> = {
    md5: "3020300c06082a864886f70d020505000410",
    sha: "3021300906052b0e03021a05000414",
    sha224: "302d300d06096086480165030402040500041c",
    sha256: "3031300d060960864801650304020105000420",
    sha384: "3041300d060960864801650304020205000430",
    sha512: "3051300d060960864801650304020305000440",
  };
  const p = typeof type === "string" ? prefix[type] : undefined;
  if (p === undefined) return notsup();
  return concat(new Uint8Array(Buffer.from(p, "hex")), digest);
}

function notsup(): never {
  return raiseError("notsup");
}

function rsaPadding(opts: Term): { padding: number; oaepHash?: string } {
  const one = (p: Term) =>
    p === "rsa_pkcs1_oaep_padding"
      ? nc.constants.RSA_PKCS1_OAEP_PADDING
      : p === "rsa_no_padding"
      ? nc.constants.RSA_NO_PADDING
      : nc.constants.RSA_PKCS1_PADDING;
  if (typeof opts === "string") return { padding: one(opts) };
  const out: { padding: number; oaepHash?: string } = { padding: nc.constants.RSA_PKCS1_PADDING };
  for (const o of properArray(opts) ?? []) {
    if (!Array.isArray(o) || o.length !== 2) continue;
    if (o[0] === "rsa_padding" || o[0] === "rsa_pad") out.padding = one(o[1]!);
    if (o[0] === "rsa_oaep_md") out.oaepHash = hashName(o[1]!) ?? "sha1";
  }
  return out;
}

function pkCrypt(
  op: "publicEncrypt" | "privateDecrypt" | "privateEncrypt" | "publicDecrypt",
  alg: Term,
  data: Term,
  keyT: Term,
  opts: Term,
): Uint8Array {
  if (alg !== "rsa") return notsup();
  const priv = op === "privateDecrypt" || op === "privateEncrypt";
  const key = rsaKey(keyT, priv, priv ? 357 : 418);
  const d = iodata(data);
  try {
    return bin(nc[op]({ key, ...rsaPadding(opts) }, d));
  } catch {
    return raiseError(["error", [charlist("pkey.c"), 1040], charlist("Couldn't get the result")]);
  }
}

function generateKey(type: Term, params: Term, priv: Term | undefined): Term {
  switch (type) {
    case "rsa": {
      if (!Array.isArray(params) || params.length !== 2) return badarg();
      const [bits, e] = params;
      if (typeof bits !== "number") return badarg();
      const { privateKey } = nc.generateKeyPairSync("rsa", {
        modulusLength: bits,
        publicExponent: Number(cryptoInt(e!)),
      });
      const j = privateKey.export({ format: "jwk" }) as Record<string, string>;
      const b = (k: string) => fromB64u(j[k]!);
      return [
        arrayToList([b("e"), b("n")]),
        arrayToList([b("e"), b("n"), b("d"), b("p"), b("q"), b("dp"), b("dq"), b("qi")]),
      ];
    }
    case "ecdh": {
      if (typeof params === "string" && (params === "x25519" || params === "x448")) {
        return generateKey("eddh", params, priv);
      }
      const e = ecdh(params);
      if (priv === undefined) e.generateKeys();
      else e.setPrivateKey(iodata(priv));
      return [bin(e.getPublicKey()), bin(e.getPrivateKey())];
    }
    case "eddsa":
    case "eddh": {
      const c = params;
      const ok = type === "eddsa"
        ? c === "ed25519" || c === "ed448"
        : c === "x25519" || c === "x448";
      if (!ok) return badarg();
      const k = priv === undefined
        ? nc.generateKeyPairSync(c as "ed25519").privateKey
        : okpPrivate(iodata(priv), c) ?? badarg();
      const d = fromB64u((k.export({ format: "jwk" }) as { d: string }).d);
      return [okpPublicBytes(k), d];
    }
    case "dh": {
      const ps = properArray(params);
      if (ps === undefined || ps.length < 2) return badarg();
      const [p, g] = [cryptoInt(ps[0]!), cryptoInt(ps[1]!)];
      let x: bigint;
      if (priv !== undefined) x = cryptoInt(priv);
      else {
        const bits = p.toString(2).length - 1;
        do x = bytesInt(bin(nc.randomBytes(Math.ceil(bits / 8)))) &
          ((1n << BigInt(bits)) - 1n); while (x < 2n);
      }
      return [intBytes(modPow(g, x, p)), intBytes(x)];
    }
  }
  return functionClause();
}

function computeKey(type: Term, others: Term, mine: Term, params: Term): Uint8Array {
  switch (type) {
    case "ecdh": {
      if (params === "x25519" || params === "x448") return computeKey("eddh", others, mine, params);
      const e = ecdh(params);
      e.setPrivateKey(iodata(mine));
      try {
        return bin(e.computeSecret(iodata(others)));
      } catch {
        return raiseError(["error", [charlist("ec.c"), 1], charlist("Couldn't compute key")]);
      }
    }
    case "eddh": {
      const k = okpPrivate(iodata(mine), params) ?? badarg();
      const pub = nc.createPublicKey({
        key: Buffer.concat([Buffer.from(OKP_PUBLIC[params as string]!, "hex"), iodata(others)]),
        format: "der",
        type: "spki",
      });
      return bin(nc.diffieHellman({ privateKey: k, publicKey: pub }));
    }
    case "dh": {
      const ps = properArray(params);
      if (ps === undefined || ps.length < 2) return badarg();
      return intBytes(modPow(cryptoInt(others), cryptoInt(mine), cryptoInt(ps[0]!)));
    }
  }
  return functionClause();
}

// ---- random numbers ----

function strongRandBytes(n: Term): Uint8Array {
  if (typeof n !== "number" || n < 0) return badarg();
  return bin(nc.randomBytes(n));
}

/** A uniformly drawn integer below `range`, from strong random bytes. */
function strongRange(range: bigint): bigint {
  const bytes = intBytes(range).length;
  const limit = (1n << BigInt(8 * bytes)) - ((1n << BigInt(8 * bytes)) % range);
  for (;;) {
    const v = bytesInt(bin(nc.randomBytes(bytes)));
    if (v < limit) return v % range;
  }
}

const exported = <F extends Fun>(f: F, name: string, arity: number): F =>
  nameFun(f, { module: "crypto", name, arity, exported: true });

function randPluginNext(seed: Term): Term {
  return [normInt(strongRange(1n << 64n)), seed];
}
function randPluginUniform(state: Term): Term {
  return [new Float(Number(strongRange(1n << 53n)) * 1.1102230246251565e-16), state];
}
function randPluginUniformN(max: Term, state: Term): Term {
  return [normInt(strongRange(cryptoInt(max)) + 1n), state];
}

function randCachePluginNext(st: Term): Term {
  if (!Array.isArray(st) || st.length !== 3) return functionClause();
  let [bits, gen, cache] = st as [number, number, Uint8Array];
  if (cache.length === 0) cache = bin(nc.randomBytes(gen));
  const bytes = Math.ceil(bits / 8);
  const v = bytesInt(cache.subarray(0, bytes)) >> BigInt(bytes * 8 - bits);
  return [normInt(v), [bits, gen, cache.slice(bytes)]];
}

const RAND_FNS = RAND as Record<string, Fun>;

/** The 58-bit counter words `exro928_next` gives, as `crypto_aes` feeds them to AES. */
function aesNext(key: Uint8Array, genWords: number, f: number, count: Term): Term {
  const clear = new Uint8Array(16 * genWords);
  let c = count;
  for (let i = 0; i < genWords; i++) {
    const [pair, next] = RAND_FNS["exro928_next/1"]!(c) as [[Term, Term], Term];
    const s0 = BigInt(pair[0] as number | bigint), s1 = BigInt(pair[1] as number | bigint);
    // <<F:12, S1:58, S0:58>>
    const word = (BigInt(f) << 116n) | (s1 << 58n) | s0;
    clear.set(pad(intBytes(word), 16), 16 * i);
    c = next;
  }
  const enc = aesEcb(key)(clear);
  const words: Term[] = [];
  for (let i = 0; i < genWords; i++) {
    words.push(normInt(bytesInt(enc.subarray(16 * i, 16 * i + 16)) & ((1n << 58n) - 1n)));
  }
  const tail: Term = [key, genWords, f, count, c];
  const [v, ...rest] = words;
  return [v!, arrayToList(rest, tail)];
}

function randPluginAesNext(st: Term): Term {
  if (st instanceof Cons) return [st.hd, st.tl];
  if (Array.isArray(st) && (st.length === 4 || st.length === 5)) {
    const [key, gen, f] = st as [Uint8Array, number, number];
    return aesNext(key, gen, f, st[st.length - 1]!);
  }
  return functionClause();
}

function aesJump(jump: (c: Term) => Term, cache: Term): Term {
  let j = 0;
  let c = cache;
  while (c instanceof Cons) {
    j++;
    c = c.tl;
  }
  if (!Array.isArray(c)) return functionClause();
  const [key, gen, f, jumpBase] = c as [Uint8Array, number, number, Term];
  let skip: number;
  if (c.length === 5) skip = gen - j;
  else if (c.length === 4 && j === 0) skip = 0;
  else return functionClause();
  let count = jump(jumpBase);
  for (let i = 0; i < skip; i++) count = RAND_FNS["exro928_next_state/1"]!(count) as Term;
  return [key, gen, f, count];
}

const randAesJump = (st: Term): Term => {
  if (!Array.isArray(st) || st.length !== 2) return functionClause();
  return [st[0]!, aesJump((c) => RAND_FNS["exro928_jump_2pow512/1"]!(c) as Term, st[1]!)];
};

function longcountSeed(seed: Term): [number, Term] {
  const h = hash("sha256", arrayToList([seed, new Uint8Array(Buffer.from("Xoroshiro928"))]));
  const n = bytesInt(h);
  // <<X:64, _:6, F:12, S2:58, S1:58, S0:58>>
  const m58 = (1n << 58n) - 1n;
  const s0 = n & m58, s1 = (n >> 58n) & m58, s2 = (n >> 116n) & m58;
  const f = Number((n >> 174n) & 0xfffn);
  const x = n >> 192n;
  const tail = RAND_FNS["seed58/2"]!(13, normInt(x)) as Term;
  const list = new Cons(normInt(s0), new Cons(normInt(s1), new Cons(normInt(s2), tail)));
  return [f, RAND_FNS["exro928_seed/1"]!(list) as Term];
}

const pluginNext = exported(randPluginNext, "rand_plugin_next", 1);
const pluginUniform = exported(randPluginUniform, "rand_plugin_uniform", 1);
const pluginUniformN = exported(randPluginUniformN, "rand_plugin_uniform", 2);
const cacheNext = exported(randCachePluginNext, "rand_cache_plugin_next", 1);
const aesNextFun = exported(randPluginAesNext, "rand_plugin_aes_next", 1);
const aesJumpFun = exported(randAesJump, "rand_plugin_aes_jump", 1);

function algHandler(alg: Term): TermMap {
  switch (alg) {
    case "crypto":
      return new TermMap([
        ["type", "crypto"],
        ["bits", 64],
        ["next", pluginNext],
        ["uniform", pluginUniform],
        ["uniform_n", pluginUniformN],
      ]);
    case "crypto_cache":
      return new TermMap([["type", "crypto_cache"], ["bits", 56], ["next", cacheNext]]);
    case "crypto_aes":
      return new TermMap([
        ["type", "crypto_aes"],
        ["bits", 58],
        ["next", aesNextFun],
        ["jump", aesJumpFun],
      ]);
  }
  return functionClause();
}

function algState(alg: Term, seed?: Term): Term {
  if (alg === "crypto") return "no_seed";
  if (alg === "crypto_cache") {
    const gen = Math.floor((1024 + (2 * 7 - 1)) / 7) * 7;
    return [56, gen, new Uint8Array(0)];
  }
  if (alg === "crypto_aes") {
    if (seed === undefined) return functionClause();
    const genWords = Math.floor((1024 + 31) / 16);
    const key = hash("sha256", seed);
    const [f, count] = longcountSeed(seed);
    return [key, genWords, f, count];
  }
  return functionClause();
}

function randSeedAlgS(alg: Term, seed?: Term): Term {
  if (seed === undefined && Array.isArray(alg) && alg.length === 2) {
    if (alg[0] instanceof TermMap) return alg;
    if (typeof alg[0] === "string") return [algHandler(alg[0]), alg[1]!];
  }
  if (typeof alg !== "string") return functionClause();
  return [algHandler(alg), algState(alg, seed)];
}

const randSeedPut = (st: Term): Term => RAND_FNS["seed/1"]!(st) as Term;

// ---- information ----

const VERSION = "5.1.2";
const LIB_TEXT = "OpenSSL 3.0 (node:crypto)";

const SUPPORTED_CIPHERS = [
  "chacha20",
  "aes_256_ofb",
  "aes_192_ofb",
  "aes_128_ofb",
  "aes_128_cbc",
  "aes_192_cbc",
  "aes_256_cbc",
  "aes_128_cfb128",
  "aes_192_cfb128",
  "aes_256_cfb128",
  "aes_128_cfb8",
  "aes_192_cfb8",
  "aes_256_cfb8",
  "aes_128_ecb",
  "aes_192_ecb",
  "aes_256_ecb",
  "chacha20_poly1305",
  "aes_256_gcm",
  "aes_256_ccm",
  "aes_192_gcm",
  "aes_192_ccm",
  "aes_128_gcm",
  "aes_128_ccm",
  "aes_256_ctr",
  "aes_192_ctr",
  "aes_128_ctr",
  "des_ede3_cbc",
  "aes_cbc",
  "aes_ccm",
  "aes_cfb128",
  "aes_cfb8",
  "aes_ctr",
  "aes_ecb",
  "aes_gcm",
];

function supports(what?: Term): Term {
  const all: [string, string[]][] = [
    ["hashs", Object.keys(HASHES).reverse()],
    ["ciphers", SUPPORTED_CIPHERS],
    ["public_keys", ["rsa", "dh", "ecdsa", "ecdh", "eddsa", "eddh"]],
    ["macs", ["cmac", "hmac", "poly1305"]],
    ["curves", [...Object.keys(CURVE_NAMES), "ed25519", "ed448", "x25519", "x448"]],
    ["rsa_opts", [
      "rsa_pkcs1_pss_padding",
      "rsa_pss_saltlen",
      "rsa_pkcs1_oaep_padding",
      "rsa_oaep_md",
      "signature_md",
      "rsa_pkcs1_padding",
      "rsa_no_padding",
    ]],
  ];
  if (what === undefined) return arrayToList(all.map(([k, v]) => [k, arrayToList(v)]));
  const hit = all.find(([k]) => k === what);
  return hit === undefined ? functionClause() : arrayToList(hit[1]);
}

function curveParams(c: Term): Term {
  const name = typeof c === "string" ? c : "";
  const p = CURVES[name === "prime256v1" ? "secp256r1" : name];
  if (p === undefined) return raiseError(["badarg", charlist("Unsupported curve")]);
  const h = (s: string) => new Uint8Array(Buffer.from(s, "hex"));
  return [
    ["prime_field", h(p.p)],
    [h(p.a), h(p.b), p.seed === undefined ? "none" : h(p.seed)],
    h(p.g),
    h(p.n),
    h(p.h),
  ];
}

/** The functions of `crypto`, by `name/arity`. */
export const CRYPTO: ModuleFunctions = withModuleInfo("crypto", {
  "start/0": () => "ok",
  "stop/0": () => "ok",
  "version/0": () => charlist(VERSION),
  "info/0": () =>
    new TermMap([
      ["compile_type", "normal"],
      ["cryptolib_version_compiled", charlist(LIB_TEXT)],
      ["cryptolib_version_linked", charlist(LIB_TEXT)],
      ["fips_provider_available", false],
      ["link_type", "dynamic"],
      ["otp_crypto_version", charlist(VERSION)],
    ]),
  "info_lib/0": () =>
    arrayToList([[
      new TextEncoder().encode("OpenSSL"),
      805306368,
      new TextEncoder().encode(LIB_TEXT),
    ]]),
  "info_fips/0": () => "not_supported",
  "enable_fips_mode/1": (b: Term) => (typeof b === "boolean" ? !b : functionClause()),
  "supports/0": () => supports(),
  "supports/1": (w: Term) => supports(w),
  "format_error/2": (_r: Term, _s: Term) => functionClause(),
  "packed_openssl_version/4": (m: Term, n: Term, f: Term, p: Term) => {
    // The patch is a letter, as in "1.1.1k", or none.
    const patch = p === null
      ? 0
      : p instanceof Cons && p.tl === null && typeof p.hd === "number" && p.hd >= 97 &&
          p.hd <= 122
      ? p.hd - 96
      : badarg();
    if (![m, n, f].every((x) => typeof x === "number")) return badarg();
    return normInt(
      ((((BigInt(m as number) << 8n) | BigInt(n as number)) << 8n | BigInt(f as number)) << 8n |
        BigInt(patch)) << 4n,
    );
  },
  "bytes_to_integer/1": (
    b: Term,
  ) => (b instanceof Uint8Array ? normInt(bytesInt(b)) : functionClause()),
  "exor/2": (a: Term, b: Term) => {
    const x = iodata(a), y = iodata(b);
    return x.length === y.length ? xor(x, y) : badarg();
  },
  "hash_equals/2": (a: Term, b: Term) => {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) {
      return badarg();
    }
    return nc.timingSafeEqual(a, b);
  },
  "mod_pow/3": (n: Term, p: Term, m: Term) => {
    const mm = powInt(m);
    if (mm === 0n) return badarg();
    return intBytes(modPow(powInt(n), powInt(p), mm));
  },
  // hashes
  "hash/2": hash,
  "hash_info/1": (t: Term) => {
    if (typeof t !== "string" || !Object.hasOwn(HASHES, t)) return badarg();
    const [, size, block, nid] = HASHES[t]!;
    return new TermMap([["block_size", block], ["size", size], ["type", nid]]);
  },
  "hash_init/1": (t: Term) => {
    const name = hashName(t) ?? nifError("badarg", "hash.c", 142, "Bad digest type");
    return newState(new HashState(nc.createHash(name)));
  },
  "hash_update/2": (s: Term, d: Term) => {
    const st = stateOf(s, HashState) ?? nifError("badarg", "hash.c", 171, "Bad state");
    const data = iodata(d);
    const h = st.h.copy();
    h.update(data);
    return newState(new HashState(h));
  },
  "hash_final/1": (s: Term) => {
    const st = stateOf(s, HashState) ?? nifError("badarg", "hash.c", 205, "Bad state");
    return bin(st.h.copy().digest());
  },
  // macs
  "mac/3": (type: Term, key: Term, data: Term) =>
    type === "poly1305"
      ? poly1305Mac(key, data)
      : nifError("badarg", "mac.c", 233, "Unknown mac algorithm"),
  "mac/4": mac,
  "macN/4": (type: Term, key: Term, data: Term, n: Term) =>
    truncated(
      type === "poly1305"
        ? poly1305Mac(key, data)
        : nifError("badarg", "mac.c", 233, "Unknown mac algorithm"),
      n,
    ),
  "macN/5": (type: Term, sub: Term, key: Term, data: Term, n: Term) => {
    const m = mac(type, sub, key, data);
    return truncated(m, n);
  },
  "mac_init/2": (type: Term, key: Term) => {
    if (type !== "poly1305") return nifError("badarg", "mac.c", 587, "Unknown mac algorithm");
    const k = ioBytes(key) ?? badarg();
    if (k.length !== 32) return nifError("badarg", "mac.c", 589, "Bad key length");
    let acc: Uint8Array = new Uint8Array(0);
    return newState(new MacState((d) => void (acc = concat(acc, d)), () => poly1305(k, acc)));
  },
  "mac_init/3": (type: Term, sub: Term, key: Term) =>
    newState(macState(type, sub, key, [617, 667, 587])),
  "mac_update/2": (s: Term, d: Term) => {
    const st = stateOf(s, MacState) ?? nifError("badarg", "mac.c", 817, "Bad ref");
    st.update(ioBytes(d) ?? nifError("badarg", "mac.c", 820, "Bad text"));
    return s;
  },
  "mac_final/1": (s: Term) =>
    (stateOf(s, MacState) ?? nifError("badarg", "mac.c", 847, "Bad ref")).final(),
  "mac_finalN/2": (s: Term, n: Term) =>
    truncated((stateOf(s, MacState) ?? nifError("badarg", "mac.c", 847, "Bad ref")).final(), n),
  "pbkdf2_hmac/5": (d: Term, pass: Term, salt: Term, iter: Term, len: Term) => {
    if (typeof d !== "string" || !Object.hasOwn(HASHES, d)) {
      return nifError("badarg", "pbkdf2_hmac.c", 34, "Bad digest type");
    }
    if (!["sha", "sha224", "sha256", "sha384", "sha512"].includes(d)) {
      return nifError("badarg", "pbkdf2_hmac.c", 38, "Not eligible digest type");
    }
    const p = pass instanceof Uint8Array
      ? pass
      : nifError("badarg", "pbkdf2_hmac.c", 41, "Not binary");
    const s = salt instanceof Uint8Array
      ? salt
      : nifError("badarg", "pbkdf2_hmac.c", 44, "Not binary");
    if (typeof iter !== "number" || iter < 0) {
      return nifError("badarg", "pbkdf2_hmac.c", 47, "Not integer");
    }
    if (iter < 1) return nifError("badarg", "pbkdf2_hmac.c", 49, "Must be > 0");
    if (typeof len !== "number" || len < 0) {
      return nifError("badarg", "pbkdf2_hmac.c", 52, "Not integer");
    }
    if (len < 1) return nifError("badarg", "pbkdf2_hmac.c", 54, "Must be > 0");
    return bin(nc.pbkdf2Sync(p, s, iter, len, HASHES[d]![0]));
  },
  // ciphers
  "cipher_info/1": (c: Term) => {
    const name = cipherName(c, undefined);
    return name === undefined ? badarg() : cipherInfoMap(name);
  },
  "crypto_one_time/4": (c: Term, k: Term, d: Term, flag: Term) => {
    const st = cipherInit(c, k, undefined, flag);
    const data = cipherData(d);
    return concat(st.update(data), st.final());
  },
  "crypto_one_time/5": (c: Term, k: Term, iv: Term, d: Term, flag: Term) => {
    const st = cipherInit(c, k, iv, flag);
    const data = cipherData(d);
    return concat(st.update(data), st.final());
  },
  "crypto_one_time_aead/6": (c: Term, k: Term, iv: Term, d: Term, aad: Term, enc: Term) =>
    enc === true ? aead(c, k, iv, d, aad, undefined, true) : functionClause(),
  "crypto_one_time_aead/7": (
    c: Term,
    k: Term,
    iv: Term,
    d: Term,
    aad: Term,
    tag: Term,
    enc: Term,
  ) => aead(c, k, iv, d, aad, tag, enc),
  "crypto_init/3": (c: Term, k: Term, flag: Term) => newState(cipherInit(c, k, undefined, flag)),
  "crypto_init/4": (c: Term, k: Term, iv: Term, flag: Term) => newState(cipherInit(c, k, iv, flag)),
  "crypto_update/2": (s: Term, d: Term) => cipherState(s).update(cipherData(d)),
  "crypto_final/1": (s: Term) => cipherState(s).final(),
  "crypto_get_data/1": (s: Term) => {
    const st = cipherState(s);
    return new TermMap([
      ["encrypt", st.encrypt],
      ["padding_size", st.paddingSize],
      ["padding_type", st.padding],
      ["size", st.size],
    ]);
  },
  "crypto_dyn_iv_init/3": (_c: Term, _k: Term, _e: Term) =>
    nifError(
      "notsup",
      "api_ng.c",
      295,
      "Dynamic IV is not supported for libcrypto versions >= 3.0",
    ),
  "crypto_dyn_iv_update/3": (s: Term, _d: Term, _iv: Term) => cipherState(s) && notsup(),
  // public keys
  "sign/4": (a: Term, t: Term, m: Term, k: Term) => signWith(a, t, m, k, null),
  "sign/5": signWith,
  "verify/5": (a: Term, t: Term, m: Term, s: Term, k: Term) => verifyWith(a, t, m, s, k, null),
  "verify/6": verifyWith,
  "public_encrypt/4": (a: Term, d: Term, k: Term, o: Term) => pkCrypt("publicEncrypt", a, d, k, o),
  "private_decrypt/4": (a: Term, d: Term, k: Term, o: Term) =>
    pkCrypt("privateDecrypt", a, d, k, o),
  "private_encrypt/4": (a: Term, d: Term, k: Term, o: Term) =>
    pkCrypt("privateEncrypt", a, d, k, o),
  "public_decrypt/4": (a: Term, d: Term, k: Term, o: Term) => pkCrypt("publicDecrypt", a, d, k, o),
  "generate_key/2": (t: Term, p: Term) => generateKey(t, p, undefined),
  "generate_key/3": (t: Term, p: Term, priv: Term) => generateKey(t, p, priv),
  "compute_key/4": computeKey,
  "privkey_to_pubkey/2": (alg: Term, k: Term) => {
    if (alg !== "rsa") return notsup();
    const parts = properArray(k);
    if (parts === undefined || parts.length < 2) return badarg();
    return arrayToList([normInt(cryptoInt(parts[0]!)), normInt(cryptoInt(parts[1]!))]);
  },
  "ec_curve/1": curveParams,
  "ec_curves/0": () => arrayToList(Object.keys(CURVES)),
  // random
  "strong_rand_bytes/1": strongRandBytes,
  "rand_seed/0": () => randSeedPut(randSeedAlgS("crypto")),
  "rand_seed/1": (s: Term) => (s instanceof Uint8Array ? "ok" : functionClause()),
  "rand_seed_s/0": () => randSeedAlgS("crypto"),
  "rand_seed_alg/1": (a: Term) => randSeedPut(randSeedAlgS(a)),
  "rand_seed_alg/2": (a: Term, s: Term) => randSeedPut(randSeedAlgS(a, s)),
  "rand_seed_alg_s/1": (a: Term) => randSeedAlgS(a),
  "rand_seed_alg_s/2": (a: Term, s: Term) => randSeedAlgS(a, s),
  "rand_plugin_next/1": pluginNext,
  "rand_plugin_uniform/1": pluginUniform,
  "rand_plugin_uniform/2": pluginUniformN,
  "rand_cache_plugin_next/1": cacheNext,
  "rand_plugin_aes_next/1": aesNextFun,
  "rand_plugin_aes_jump/1": aesJumpFun,
  "rand_plugin_aes_jump_2pow20/1": (cache: Term) =>
    aesJump((c) => RAND_FNS["exro928_jump_2pow20/1"]!(c) as Term, cache),
  "rand_uniform/2": (lo: Term, hi: Term) => {
    if (!isInt(lo) || !isInt(hi)) return functionClause();
    const [a, b] = [BigInt(lo), BigInt(hi)];
    if (a < 0n) return normInt(strongRange(b - a) + a);
    if (a >= b) return badarg();
    return normInt(a + strongRange(b - a));
  },
  // engines: OpenSSL 3 as this node uses it has none
  "engine_list/0": () => notsup(),
  "engine_get_all_methods/0": () => notsup(),
  "engine_by_id/1": (_a0: Term) => notsup(),
  "engine_load/3": (_a0: Term, _a1: Term, _a2: Term) => notsup(),
  "engine_load/4": (_a0: Term, _a1: Term, _a2: Term, _a3: Term) => notsup(),
  "engine_unload/1": (_a0: Term) => notsup(),
  "engine_unload/2": (_a0: Term, _a1: Term) => notsup(),
  "engine_add/1": (_a0: Term) => notsup(),
  "engine_remove/1": (_a0: Term) => notsup(),
  "engine_register/2": (_a0: Term, _a1: Term) => notsup(),
  "engine_unregister/2": (_a0: Term, _a1: Term) => notsup(),
  "engine_get_id/1": (_a0: Term) => notsup(),
  "engine_get_name/1": (_a0: Term) => notsup(),
  "engine_ctrl_cmd_string/3": (_a0: Term, _a1: Term, _a2: Term) => notsup(),
  "engine_ctrl_cmd_string/4": (_a0: Term, _a1: Term, _a2: Term, _a3: Term) => notsup(),
  "ensure_engine_loaded/2": (_a0: Term, _a1: Term) => notsup(),
  "ensure_engine_loaded/3": (_a0: Term, _a1: Term, _a2: Term) => notsup(),
  "ensure_engine_unloaded/1": (_a0: Term) => notsup(),
  "ensure_engine_unloaded/2": (_a0: Term, _a1: Term) => notsup(),
  "engine_methods_convert_to_bitmask/2": (_m: Term, _b: Term) => functionClause(),
  "get_test_engine/0": () => ["error", "notexist"],
});
