/**
 * The wire codec between nodes: terms to CBOR (RFC 8949) and back, with no loss.
 *
 * | term          | CBOR                                                                     |
 * |---------------|--------------------------------------------------------------------------|
 * | atom          | text string; the atoms `true` and `false` as the CBOR booleans           |
 * | integer       | integer; beyond 64 bits a bignum (tags 2 and 3)                          |
 * | float         | `FLOAT` tag on a float: single precision when exact, else double         |
 * | tuple         | array                                                                    |
 * | `[]`          | null                                                                     |
 * | proper list   | `LIST` tag on a text string when every element is a Unicode scalar value |
 * |               | (a string), else on an array of the elements                             |
 * | improper list | `IMPROPER_LIST` tag on an array of the elements, then the tail           |
 * | binary        | byte string                                                              |
 * | bitstring     | `BITS` tag on `[bits, bytes]`: the bit count, then the bytes holding them |
 * | map           | `MAP` tag on an array of keys and values, alternating                    |
 * | pid           | `PID` tag on `[node, id, serial, creation]`                              |
 * | reference     | `REF` tag on `[node, creation, id...]`                                   |
 * | fun           | `FUN` tag on `[module, name, arity, isolate, id]`                        |
 *
 * Only definite lengths are written or read. Decoding refuses anything else: other tags, CBOR
 * maps, `undefined`, floats outside the `FLOAT` tag, trailing bytes, nesting deeper than
 * {@linkcode MAX_TERM_DEPTH}. Both directions work with an explicit stack, never recursion, so
 * no input can overflow the JavaScript stack.
 *
 * A fun travels as a reference into the isolate that made it: decoded there it is the same
 * function; decoded elsewhere it is a stub that throws `badfun` when called.
 *
 * cbor-x is not used here: it recurses (it overflows the stack near 2,000 levels), cannot encode
 * functions, writes `-0.0` as the integer 0 and integers above 2^32 as floats, and accepts
 * values that are not terms; the tests use it to check that this codec writes standard CBOR.
 *
 * @module
 */

import {
  BitString,
  Cons,
  Float,
  funInfo,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
  whyNotTerm,
} from "./terms.ts";
import { funWireId, MAX_TERM_DEPTH, TERM_TAGS } from "./_cbor_wire.ts";

const BY_NAME = { isolate: "", id: 0 };

export { decodeTerm } from "./_cbor_decode.ts";
export { MAX_TERM_DEPTH, TERM_TAGS, TermDecodeError } from "./_cbor_wire.ts";

let buf = new Uint8Array(4096);
let view = new DataView(buf.buffer);
let pos = 0;
const pending: Term[] = [];
const depths: number[] = [];
const utf8Encoder = new TextEncoder();

class NotATerm extends Error {}

function room(n: number): void {
  if (pos + n <= buf.length) return;
  let size = buf.length * 2;
  while (size < pos + n) size *= 2;
  const next = new Uint8Array(size);
  next.set(buf.subarray(0, pos));
  buf = next;
  view = new DataView(buf.buffer);
}

/** Writes a head: the major type and its argument, a non-negative safe integer. */
function head(major: number, n: number): void {
  room(9);
  const m = major << 5;
  if (n < 24) buf[pos++] = m | n;
  else if (n < 0x100) {
    buf[pos++] = m | 24;
    buf[pos++] = n;
  } else if (n < 0x10000) {
    buf[pos++] = m | 25;
    view.setUint16(pos, n);
    pos += 2;
  } else if (n < 0x100000000) {
    buf[pos++] = m | 26;
    view.setUint32(pos, n);
    pos += 4;
  } else {
    buf[pos++] = m | 27;
    view.setUint32(pos, Math.floor(n / 0x100000000));
    view.setUint32(pos + 4, n >>> 0);
    pos += 8;
  }
}

function headSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x100000000 ? 5 : 9;
}

function writeText(s: string): void {
  const n = s.length;
  if (n < 24) {
    let i = 0;
    while (i < n && s.charCodeAt(i) < 0x80) i++;
    if (i === n) {
      room(1 + n);
      buf[pos++] = 0x60 | n;
      for (i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
      return;
    }
  }
  if (!s.isWellFormed()) throw new NotATerm(`the name ${JSON.stringify(s)} has a lone surrogate`);
  room(n * 3 + 9);
  const guess = headSize(n * 3);
  const written = utf8Encoder.encodeInto(s, buf.subarray(pos + guess)).written;
  const size = headSize(written);
  if (size !== guess) buf.copyWithin(pos + size, pos + guess, pos + guess + written);
  head(3, written);
  pos += written;
}

function writeInteger(n: number | bigint): void {
  if (typeof n === "number") {
    if (n >= 0) head(0, n);
    else head(1, -1 - n);
    return;
  }
  const negative = n < 0n;
  const m = negative ? -1n - n : n;
  if (m <= BigInt(Number.MAX_SAFE_INTEGER)) return head(negative ? 1 : 0, Number(m));
  if (m < 1n << 64n) {
    room(9);
    buf[pos++] = negative ? 0x3b : 0x1b;
    view.setBigUint64(pos, m);
    pos += 8;
    return;
  }
  let hex = m.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  head(6, negative ? 3 : 2);
  head(2, hex.length / 2);
  room(hex.length / 2);
  for (let i = 0; i < hex.length; i += 2) buf[pos++] = parseInt(hex.slice(i, i + 2), 16);
}

function writeFloat(x: number): void {
  head(6, TERM_TAGS.FLOAT);
  room(9);
  if (Math.fround(x) === x) {
    buf[pos++] = 0xfa;
    view.setFloat32(pos, x);
    pos += 4;
  } else {
    buf[pos++] = 0xfb;
    view.setFloat64(pos, x);
    pos += 8;
  }
}

function writeBytes(b: Uint8Array): void {
  head(2, b.length);
  room(b.length);
  buf.set(b, pos);
  pos += b.length;
}

function writeBits(b: BitString): void {
  head(6, TERM_TAGS.BITS);
  head(4, 2);
  head(0, b.bits);
  writeBytes(b.bytes);
}

function writeUint(what: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new NotATerm(`the ${what} ${String(n)} is not a non-negative integer`);
  }
  head(0, n);
}

/** Reverses the children pushed from `start` on, so that they pop in order. */
function reversePending(start: number): void {
  for (let i = start, j = pending.length - 1; i < j; i++, j--) {
    const x = pending[i] as Term;
    pending[i] = pending[j] as Term;
    pending[j] = x;
  }
}

function writeList(l: Cons, depth: number): void {
  const start = pending.length;
  let n = 0, text = true, bytes = 0;
  let c: Term = l;
  for (; c instanceof Cons; c = c.tl, n++) {
    const h = c.hd;
    pending.push(h);
    if (!text) continue;
    if (
      typeof h === "number" && (h | 0) === h && h >= 0 && h <= 0x10ffff &&
      (h < 0xd800 || h > 0xdfff)
    ) {
      bytes += h < 0x80 ? 1 : h < 0x800 ? 2 : h < 0x10000 ? 3 : 4;
    } else text = false;
  }
  if (c === null && text) {
    pending.length = start;
    head(6, TERM_TAGS.LIST);
    head(3, bytes);
    room(bytes);
    for (c = l; c instanceof Cons; c = c.tl) writeUtf8(c.hd as number);
    return;
  }
  if (c === null) {
    head(6, TERM_TAGS.LIST);
    head(4, n);
  } else {
    pending.push(c);
    head(6, TERM_TAGS.IMPROPER_LIST);
    head(4, n + 1);
  }
  reversePending(start);
  for (let i = start; i < pending.length; i++) depths.push(depth + 1);
}

function writeUtf8(cp: number): void {
  if (cp < 0x80) buf[pos++] = cp;
  else if (cp < 0x800) {
    buf[pos++] = 0xc0 | cp >> 6;
    buf[pos++] = 0x80 | cp & 0x3f;
  } else if (cp < 0x10000) {
    buf[pos++] = 0xe0 | cp >> 12;
    buf[pos++] = 0x80 | cp >> 6 & 0x3f;
    buf[pos++] = 0x80 | cp & 0x3f;
  } else {
    buf[pos++] = 0xf0 | cp >> 18;
    buf[pos++] = 0x80 | cp >> 12 & 0x3f;
    buf[pos++] = 0x80 | cp >> 6 & 0x3f;
    buf[pos++] = 0x80 | cp & 0x3f;
  }
}

// The fast path for the shapes messages have: plain recursion, no stack of pending items.
// Anything else (or nesting past a small depth) returns false, and the careful path starts
// over from the same position.
function fastOne(t: Term, depth: number): boolean {
  switch (typeof t) {
    case "string": {
      const n = t.length;
      if (n >= 24) return false;
      if (t === "true" || t === "false") {
        room(1);
        buf[pos++] = t === "true" ? 0xf5 : 0xf4;
        return true;
      }
      room(1 + n);
      const at = pos;
      buf[pos++] = 0x60 | n;
      for (let i = 0; i < n; i++) {
        const c = t.charCodeAt(i);
        if (c >= 0x80) {
          pos = at;
          return false;
        }
        buf[pos++] = c;
      }
      return true;
    }
    case "number":
      if (!Number.isSafeInteger(t)) return false;
      if (t >= 0) head(0, t);
      else head(1, -1 - t);
      return true;
    case "boolean":
      room(1);
      buf[pos++] = t ? 0xf5 : 0xf4;
      return true;
  }
  if (t === null) {
    room(1);
    buf[pos++] = 0xf6;
    return true;
  }
  if (Array.isArray(t)) {
    if (depth > 32) return false;
    head(4, t.length);
    for (let i = 0; i < t.length; i++) if (!fastOne(t[i] as Term, depth + 1)) return false;
    return true;
  }
  if (t instanceof Uint8Array) {
    writeBytes(t);
    return true;
  }
  if (t instanceof BitString) {
    writeBits(t);
    return true;
  }
  if (t instanceof Pid) {
    if (!Number.isSafeInteger(t.id) || !Number.isSafeInteger(t.serial) || t.id < 0) return false;
    if (!Number.isSafeInteger(t.creation) || t.serial < 0 || t.creation < 0) return false;
    const node: unknown = t.node;
    if (typeof node !== "string" || node === "true" || node === "false") return false;
    head(6, TERM_TAGS.PID);
    head(4, 4);
    if (!fastOne(node, depth + 1)) return false;
    head(0, t.id);
    head(0, t.serial);
    head(0, t.creation);
    return true;
  }
  return false;
}

function writeOne(t: Term, depth: number): void {
  switch (typeof t) {
    case "string":
      // The atoms true and false are booleans; a string that names one is sent as one.
      if (t === "true" || t === "false") return head(7, t === "true" ? 21 : 20);
      return writeText(t);
    case "number":
      if (!Number.isSafeInteger(t)) throw new NotATerm(`the number ${t} is not an integer term`);
      return writeInteger(t);
    case "boolean":
      return head(7, t ? 21 : 20);
    case "bigint":
      return writeInteger(t);
    case "function": {
      // A fun that calls by name goes as its name (isolate ""), good on every isolate.
      const info = funInfo(t), w = info.exported === true ? BY_NAME : funWireId(t);
      head(6, TERM_TAGS.FUN);
      head(4, 5);
      writeText(info.module);
      writeText(info.name);
      writeUint("fun arity", info.arity);
      writeText(w.isolate);
      return head(0, w.id);
    }
  }
  if (t === null) return head(7, 22);
  const container = Array.isArray(t) || t instanceof Cons || t instanceof TermMap;
  if (container && depth > MAX_TERM_DEPTH) {
    throw new NotATerm(`containers nest deeper than ${MAX_TERM_DEPTH}`);
  }
  if (Array.isArray(t)) {
    head(4, t.length);
    for (let i = t.length - 1; i >= 0; i--) {
      pending.push(t[i] as Term);
      depths.push(depth + 1);
    }
  } else if (t instanceof Cons) writeList(t, depth);
  else if (t instanceof Float) writeFloat(t.value);
  else if (t instanceof Uint8Array) writeBytes(t);
  else if (t instanceof BitString) writeBits(t);
  else if (t instanceof TermMap) {
    const entries = t.entries();
    head(6, TERM_TAGS.MAP);
    head(4, entries.length * 2);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i] as [Term, Term];
      pending.push(v, k);
      depths.push(depth + 1, depth + 1);
    }
  } else if (t instanceof Pid) {
    head(6, TERM_TAGS.PID);
    head(4, 4);
    writeText(t.node);
    writeUint("pid id", t.id);
    writeUint("pid serial", t.serial);
    writeUint("pid creation", t.creation);
  } else if (t instanceof Ref) {
    head(6, TERM_TAGS.REF);
    head(4, 2 + t.ids.length);
    writeText(t.node);
    writeUint("reference creation", t.creation);
    for (const id of t.ids) writeUint("reference id", id);
  } else if (t instanceof Port) {
    head(6, TERM_TAGS.PORT);
    head(4, 3);
    writeText(t.node);
    writeUint("port id", t.id);
    writeUint("port creation", t.creation);
  } else throw new NotATerm("");
}

/**
 * Encodes a term as CBOR. Throws a TypeError for a value that is not a term.
 *
 * @example
 * ```ts
 * import { decodeTerm, encodeTerm } from "./cbor_codec.ts";
 * import { float } from "./terms.ts";
 * const bytes = encodeTerm(["ping", float(2)]);
 * decodeTerm(bytes); // ["ping", Float { value: 2 }]
 * ```
 */
export function encodeTerm(t: Term): Uint8Array {
  encodeFrom(t, 0);
  const out = buf.slice(0, pos);
  shrink();
  return out;
}

/**
 * Encodes a term as a frame of the wire: a 4-byte big-endian length, then the CBOR item. The
 * bytes returned are a view into a buffer that the next encoding reuses: copy or send them
 * before encoding again.
 *
 * @example
 * ```ts
 * import { encodeFrame } from "./cbor_codec.ts";
 * const frame = encodeFrame("tick"); // 4 + 5 bytes
 * new DataView(frame.buffer, frame.byteOffset).getUint32(0); // 5
 * ```
 */
export function encodeFrame(t: Term): Uint8Array {
  encodeFrom(t, 4);
  view.setUint32(0, pos - 4);
  return buf.subarray(0, pos);
}

function encodeFrom(t: Term, start: number): void {
  shrink(); // the last frame's view is stale by now, so a grown buffer can go
  room(start);
  pos = start;
  if (fastOne(t, 0)) return;
  pos = start;
  pending.length = 0;
  depths.length = 0;
  pending.push(t);
  depths.push(0);
  try {
    while (pending.length > 0) writeOne(pending.pop() as Term, depths.pop() as number);
  } catch (e) {
    if (!(e instanceof NotATerm)) throw e;
    const why = whyNotTerm(t) ?? (e.message || "it is not a term");
    throw new TypeError(`Cannot encode term: ${why}`);
  }
}

// A buffer grown for one huge term is not kept.
function shrink(): void {
  if (buf.length > 1 << 20) {
    buf = new Uint8Array(4096);
    view = new DataView(buf.buffer);
  }
}
