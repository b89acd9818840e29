/**
 * The fast path of the decoder: plain recursion over the shapes messages have, with no
 * allocation beyond the terms themselves. It gives up — returning {@linkcode FALLBACK} —
 * on anything unusual (deep nesting, 64-bit lengths, maps, funs, refs, bignums, malformed
 * bytes), and the careful decoder of `_cbor_decode.ts` then reads the same bytes and gives
 * the answer or the precise error.
 *
 * @module
 */

import { bitstring } from "./bits.ts";
import { arrayToList, Cons, Float, Pid, type Term } from "./terms.ts";
import { TERM_TAGS } from "./_cbor_wire.ts";

/** Returned when the fast path will not decide. */
export const FALLBACK: unique symbol = Symbol("fallback");

class GiveUp {}
const GIVE_UP = new GiveUp();
const MAX_FAST_DEPTH = 64;

let src: Uint8Array = new Uint8Array(0);
let srcEnd = 0; // src.length, read once: a typed array's length is not free
let at = 0;
let view: DataView | undefined;

// The argument of a head whose initial byte was `ib`, as a number below 2^32.
function arg(ib: number): number {
  const ai = ib & 31;
  if (ai < 24) return ai;
  const s = src;
  if (ai === 24) {
    if (at >= srcEnd) throw GIVE_UP;
    return s[at++] as number;
  }
  if (ai === 25) {
    if (at + 2 > srcEnd) throw GIVE_UP;
    const v = (s[at] as number) << 8 | (s[at + 1] as number);
    at += 2;
    return v;
  }
  if (ai === 26) {
    if (at + 4 > srcEnd) throw GIVE_UP;
    const v = ((s[at] as number) << 24 | (s[at + 1] as number) << 16 | (s[at + 2] as number) << 8 |
      (s[at + 3] as number)) >>> 0;
    at += 4;
    return v;
  }
  throw GIVE_UP;
}

// Atoms repeat from message to message: short ASCII texts are looked up in a small cache by a
// hash of their bytes, so that reading "reg_send" again makes no new string.
const CACHE_SIZE = 1024;
const cachedBytes: (Uint8Array | undefined)[] = new Array(CACHE_SIZE);
const cachedText: string[] = new Array(CACHE_SIZE);

function text(n: number): string {
  const s = src;
  const start = at;
  const end = start + n;
  if (end > srcEnd) throw GIVE_UP;
  if (n > 32) return longText(start, end);
  let h = n;
  for (let i = start; i < end; i++) {
    const b = s[i] as number;
    if (b >= 0x80) throw GIVE_UP; // UTF-8 beyond ASCII: the careful path checks and decodes it
    h = Math.imul(h ^ b, 0x01000193);
  }
  at = end;
  const slot = (h >>> 0) & (CACHE_SIZE - 1);
  const known = cachedBytes[slot];
  if (known !== undefined && known.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (known[i] !== s[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return cachedText[slot] as string;
  }
  let out = "";
  for (let i = start; i < end; i++) out += String.fromCharCode(s[i] as number);
  cachedBytes[slot] = s.slice(start, end);
  cachedText[slot] = out;
  return out;
}

function longText(start: number, end: number): string {
  const s = src;
  let out = "";
  for (let i = start; i < end; i++) {
    const b = s[i] as number;
    if (b >= 0x80) throw GIVE_UP;
    out += String.fromCharCode(b);
  }
  at = end;
  return out;
}

// Small binaries are cut from a shared slab, as Node's Buffer pool does: a typed array of its
// own past 64 bytes costs an allocation outside the heap, many times the copy itself. A binary
// kept alive keeps its slab alive, so slabs stay small.
const SLAB_SIZE = 64 * 1024;
const SLAB_MAX = 1024;
let slab = new Uint8Array(SLAB_SIZE);
let slabUsed = 0;

function copyBytes(s: Uint8Array, from: number, n: number): Uint8Array {
  if (n > SLAB_MAX) return s.slice(from, from + n);
  if (slabUsed + n > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    slabUsed = 0;
  }
  const b = slab.subarray(slabUsed, slabUsed + n);
  b.set(s.subarray(from, from + n));
  slabUsed += (n + 7) & ~7;
  return b;
}

function item(depth: number): Term {
  const s = src;
  if (at >= srcEnd) throw GIVE_UP;
  const ib = s[at++] as number;
  switch (ib >> 5) {
    case 0:
      return arg(ib);
    case 1:
      return -1 - arg(ib);
    case 2: {
      const n = arg(ib);
      if (at + n > srcEnd) throw GIVE_UP;
      const b = copyBytes(s, at, n);
      at += n;
      return b;
    }
    case 3: {
      const t = text(arg(ib));
      return t === "true" ? true : t === "false" ? false : t;
    }
    case 4: {
      const n = arg(ib);
      if (n > srcEnd - at || depth > MAX_FAST_DEPTH) throw GIVE_UP;
      const a: Term[] = new Array(n);
      for (let i = 0; i < n; i++) a[i] = item(depth + 1);
      return a;
    }
    case 6:
      return tagged(arg(ib), depth);
    case 7:
      if (ib === 0xf6) return null;
      if (ib === 0xf5) return true;
      if (ib === 0xf4) return false;
  }
  throw GIVE_UP;
}

function tagged(tag: number, depth: number): Term {
  const s = src;
  switch (tag) {
    case TERM_TAGS.PID: {
      if (s[at++] !== 0x84) throw GIVE_UP;
      const nh = s[at++] as number;
      if (nh >> 5 !== 3) throw GIVE_UP;
      const node = text(arg(nh));
      const id = item(depth), serial = item(depth), creation = item(depth);
      if (typeof id !== "number" || typeof serial !== "number" || typeof creation !== "number") {
        throw GIVE_UP;
      }
      if (id < 0 || serial < 0 || creation < 0) throw GIVE_UP;
      return new Pid(node, id, serial, creation);
    }
    case TERM_TAGS.LIST: {
      if (at >= srcEnd || depth > MAX_FAST_DEPTH) throw GIVE_UP;
      const ib = s[at++] as number;
      if (ib >> 5 === 3) {
        const n = arg(ib);
        if (n === 0) throw GIVE_UP;
        const t = text(n);
        let l: Term = null;
        for (let i = t.length - 1; i >= 0; i--) l = new Cons(t.charCodeAt(i), l);
        return l;
      }
      if (ib >> 5 !== 4) throw GIVE_UP;
      const n = arg(ib);
      if (n === 0 || n > srcEnd - at) throw GIVE_UP;
      const items: Term[] = new Array(n);
      for (let i = 0; i < n; i++) items[i] = item(depth + 1);
      return arrayToList(items);
    }
    case TERM_TAGS.BITS: {
      if (s[at++] !== 0x82) throw GIVE_UP;
      const bits = item(depth), bytes = item(depth);
      if (typeof bits !== "number" || !(bytes instanceof Uint8Array)) throw GIVE_UP;
      if (bits % 8 === 0 || bytes.length !== Math.ceil(bits / 8)) throw GIVE_UP;
      return bitstring(bytes, bits);
    }
    case TERM_TAGS.FLOAT: {
      const ib = s[at++];
      if (ib === 0xfb) {
        if (at + 8 > srcEnd) throw GIVE_UP;
        view ??= new DataView(s.buffer, s.byteOffset, s.byteLength);
        const x = view.getFloat64(at);
        at += 8;
        if (!Number.isFinite(x)) throw GIVE_UP;
        return new Float(x);
      }
      if (ib === 0xfa) {
        if (at + 4 > srcEnd) throw GIVE_UP;
        view ??= new DataView(s.buffer, s.byteOffset, s.byteLength);
        const x = view.getFloat32(at);
        at += 4;
        if (!Number.isFinite(x)) throw GIVE_UP;
        return new Float(x);
      }
      throw GIVE_UP;
    }
  }
  throw GIVE_UP;
}

/** Decodes the common shapes of terms quickly, or returns {@linkcode FALLBACK}. */
export function decodeFast(bytes: Uint8Array): Term | typeof FALLBACK {
  src = bytes;
  srcEnd = bytes.length;
  at = 0;
  view = undefined;
  try {
    const t = item(0);
    return at === srcEnd ? t : FALLBACK;
  } catch (e) {
    if (e === GIVE_UP || e instanceof RangeError) return FALLBACK;
    throw e;
  } finally {
    src = EMPTY;
    view = undefined;
  }
}
const EMPTY = new Uint8Array(0);
