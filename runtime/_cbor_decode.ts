/**
 * The decoder of `cbor_codec.ts`: one pass over the bytes with an explicit stack of open
 * containers, checking every item as it goes.
 *
 * @module
 */

import { bitstring } from "./bits.ts";
import {
  arrayToList,
  charlist,
  Cons,
  Float,
  normInt,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "./terms.ts";
import { funFromWire, MAX_TERM_DEPTH, TERM_TAGS, TermDecodeError } from "./_cbor_wire.ts";
import { decodeFast, FALLBACK } from "./_cbor_fast.ts";

const TUPLE = 0, LIST = 1, IMPROPER = 2, MAP = 3;

/** A container being read: its kind, how many items it holds, and where it starts. */
interface Frame {
  kind: number;
  n: number;
  items: Term[];
  start: number;
}

const EMPTY = new Uint8Array(0);
let src: Uint8Array = EMPTY;
let srcView: DataView | undefined; // made only when a float or a 64-bit integer needs it
let at = 0;

function dataView(): DataView {
  return srcView ??= new DataView(src.buffer, src.byteOffset, src.byteLength);
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const OPENED = Symbol("opened");

function fail(why: string, where = at): never {
  throw new TermDecodeError(`Cannot decode term: ${why} at byte ${where}`);
}

function need(n: number): void {
  const missing = n - (src.length - at);
  if (missing > 0) fail(`the input ends ${missing} ${missing === 1 ? "byte" : "bytes"} early`);
}

let arg: number | bigint = 0;

/** Reads a head; returns the major type and sets `arg` to the argument (number or bigint). */
function readHead(): number {
  need(1);
  const ib = src[at++] as number, ai = ib & 31;
  if (ai < 24) arg = ai;
  else if (ai === 24) {
    need(1);
    arg = src[at++] as number;
  } else if (ai === 25) {
    need(2);
    arg = (src[at] as number) << 8 | (src[at + 1] as number);
    at += 2;
  } else if (ai === 26) {
    need(4);
    arg = dataView().getUint32(at);
    at += 4;
  } else if (ai === 27) {
    need(8);
    const hi = dataView().getUint32(at), lo = dataView().getUint32(at + 4);
    arg = hi < 0x200000 ? hi * 0x100000000 + lo : dataView().getBigUint64(at);
    at += 8;
  } else if (ai === 31) fail("indefinite lengths are not used by this codec", at - 1);
  else fail(`the initial byte 0x${ib.toString(16)} is reserved`, at - 1);
  return ib >> 5;
}

/** The argument as a length, which cannot exceed what is left of the input. */
function length(): number {
  if (typeof arg !== "number" || arg > src.length - at) {
    fail(`a length of ${arg} exceeds the input`);
  }
  return arg;
}

function readText(n: number): string {
  const start = at;
  at += n;
  if (n <= 16) {
    let s = "";
    for (let i = start; i < at; i++) {
      const b = src[i] as number;
      if (b >= 0x80) return utf8(start, n);
      s += String.fromCharCode(b);
    }
    return s;
  }
  return utf8(start, n);
}

function utf8(start: number, n: number): string {
  try {
    return utf8Decoder.decode(src.subarray(start, start + n));
  } catch {
    return fail("a text string is not valid UTF-8", start);
  }
}

/** Reads the head of a string or array of the given major type; returns its length. */
function expect(major: number, what: string): number {
  const where = at;
  if (readHead() !== major) fail(`expected ${what}`, where);
  return length();
}

function readUint(what: string): number {
  const where = at;
  if (readHead() !== 0 || typeof arg !== "number") {
    fail(`expected ${what} (an unsigned integer)`, where);
  }
  return arg;
}

function readFloat(): Float {
  need(1);
  const ib = src[at++] as number;
  let x: number;
  if (ib === 0xfb) {
    need(8);
    x = dataView().getFloat64(at);
    at += 8;
  } else if (ib === 0xfa) {
    need(4);
    x = dataView().getFloat32(at);
    at += 4;
  } else if (ib === 0xf9) {
    need(2);
    x = halfToNumber((src[at] as number) << 8 | (src[at + 1] as number));
    at += 2;
  } else return fail("a float tag must hold a float", at - 1);
  if (!Number.isFinite(x)) fail(`the float ${x} is not finite`, at - 1);
  return new Float(x);
}

function halfToNumber(h: number): number {
  const exp = h >> 10 & 0x1f, frac = h & 0x3ff;
  const mag = exp === 0
    ? frac * 2 ** -24
    : exp === 31
    ? (frac ? NaN : Infinity)
    : (1024 + frac) * 2 ** (exp - 25);
  return h & 0x8000 ? -mag : mag;
}

function readBignum(negative: boolean): Term {
  const n = expect(2, "a byte string in a bignum");
  let hex = "0x0";
  for (let i = at; i < at + n; i++) hex += (src[i] as number).toString(16).padStart(2, "0");
  at += n;
  const m = BigInt(hex);
  return normInt(negative ? -1n - m : m);
}

/** Starts a container, at byte `start`, whose `n` elements follow. */
function open(frames: Frame[], kind: number, n: number, start: number): typeof OPENED {
  if (frames.length > MAX_TERM_DEPTH) fail(`containers nest deeper than ${MAX_TERM_DEPTH}`, start);
  frames.push({ kind, n, items: [], start });
  return OPENED;
}

/** Reads a tag's content; returns the term, or OPENED after pushing a frame for its elements. */
function readTagged(tag: number | bigint, frames: Frame[]): Term | typeof OPENED {
  switch (tag) {
    case 2:
    case 3:
      return readBignum(tag === 3);
    case TERM_TAGS.FLOAT:
      return readFloat();
    case TERM_TAGS.LIST: {
      const where = at, major = readHead();
      const n = major === 3 || major === 4 ? length() : -1;
      if (n < 1) fail("a list tag must hold a non-empty array or text string", where);
      if (major === 3) return charlist(readText(n));
      return open(frames, LIST, n, where);
    }
    case TERM_TAGS.IMPROPER_LIST: {
      const where = at, n = expect(4, "an array in an improper list");
      if (n < 2) fail("an improper list needs an element and a tail", where);
      return open(frames, IMPROPER, n, where);
    }
    case TERM_TAGS.MAP: {
      const where = at, n = expect(4, "an array in a map");
      if (n % 2 === 1) fail("a map needs as many values as keys", where);
      if (n === 0) return new TermMap();
      return open(frames, MAP, n, where);
    }
    case TERM_TAGS.PID: {
      const where = at;
      if (expect(4, "an array in a pid") !== 4) fail("a pid needs 4 fields", where);
      const node = readText(expect(3, "a node name"));
      return new Pid(node, readUint("an id"), readUint("a serial"), readUint("a creation"));
    }
    case TERM_TAGS.REF: {
      const where = at, n = expect(4, "an array in a reference");
      if (n < 3) fail("a reference needs a node, a creation and an id", where);
      const node = readText(expect(3, "a node name")), creation = readUint("a creation");
      const ids: number[] = [];
      for (let i = 2; i < n; i++) ids.push(readUint("an id"));
      return new Ref(node, creation, ids);
    }
    case TERM_TAGS.PORT: {
      const where = at;
      if (expect(4, "an array in a port") !== 3) fail("a port needs 3 fields", where);
      const node = readText(expect(3, "a node name"));
      return new Port(node, readUint("an id"), readUint("a creation"));
    }
    case TERM_TAGS.BITS: {
      const where = at;
      if (expect(4, "an array in a bitstring") !== 2) fail("a bitstring needs 2 fields", where);
      const bits = readUint("a bit count"), n = expect(2, "the bytes of a bitstring");
      if (bits % 8 === 0 || n !== Math.ceil(bits / 8)) {
        fail(`a bitstring of ${bits} bits cannot have ${n} bytes`, where);
      }
      return bitstring(src.slice(at, at += n), bits);
    }
    case TERM_TAGS.FUN: {
      const where = at;
      if (expect(4, "an array in a fun") !== 5) fail("a fun needs 5 fields", where);
      const module = readText(expect(3, "a module name")), name = readText(expect(3, "a name"));
      const arity = readUint("an arity");
      return funFromWire(module, name, arity, readText(expect(3, "an isolate")), readUint("an id"));
    }
  }
  return fail(`the tag ${tag} is not one this codec uses`);
}

/** Reads one data item; returns the term, or OPENED after pushing a frame for its elements. */
function readItem(frames: Frame[]): Term | typeof OPENED {
  const where = at, major = readHead();
  switch (major) {
    case 0:
      return typeof arg === "number" ? arg : normInt(arg);
    case 1:
      return typeof arg === "number" && arg < Number.MAX_SAFE_INTEGER
        ? -1 - arg
        : normInt(-1n - BigInt(arg));
    case 2: {
      // A copy, and a plain Uint8Array even when the input is a Node Buffer, whose slice()
      // would be a view into bytes that the caller may reuse.
      const bytes = new Uint8Array(length());
      bytes.set(src.subarray(at, at += bytes.length));
      return bytes;
    }
    case 3: {
      const s = readText(length());
      return s === "true" ? true : s === "false" ? false : s;
    }
    case 4: {
      const n = length();
      if (n === 0) return [];
      return open(frames, TUPLE, n, where);
    }
    case 5:
      return fail("a CBOR map is not a term (maps travel in the MAP tag)", where);
    case 6:
      return readTagged(arg, frames);
  }
  const ib = src[where] as number;
  if (ib === 0xf4 || ib === 0xf5) return ib === 0xf5;
  if (ib === 0xf6) return null;
  if (ib === 0xf7) return fail("undefined is not a term", where);
  if (ib >= 0xf9) return fail("a float outside the float tag", where);
  return fail(`the simple value ${arg} is not a term`, where);
}

function finish(f: Frame): Term {
  const items = f.items;
  if (f.kind === TUPLE) return items;
  if (f.kind === LIST) return arrayToList(items);
  if (f.kind === IMPROPER) {
    const tail = items.pop() as Term;
    if (tail === null || tail instanceof Cons) fail("an improper list ends in a list", f.start);
    return arrayToList(items, tail);
  }
  const entries: [Term, Term][] = [];
  for (let i = 0; i < items.length; i += 2) entries.push([items[i] as Term, items[i + 1] as Term]);
  const m = new TermMap(entries);
  if (m.size !== entries.length) fail("a map has a key twice", f.start);
  return m;
}

/**
 * Decodes a term from CBOR written by {@linkcode encodeTerm}. Throws a
 * {@linkcode TermDecodeError} for bytes that do not hold exactly one term.
 *
 * @example
 * ```ts
 * import { decodeTerm, encodeTerm } from "./cbor_codec.ts";
 * decodeTerm(encodeTerm(["ok", 42])); // ["ok", 42]
 * ```
 */
export function decodeTerm(bytes: Uint8Array): Term {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`Cannot decode term: expected a Uint8Array, not ${typeof bytes}`);
  }
  const fast = decodeFast(bytes);
  if (fast !== FALLBACK) return fast;
  src = bytes;
  srcView = undefined;
  at = 0;
  const frames: Frame[] = [];
  try {
    for (;;) {
      let t = readItem(frames);
      if (t === OPENED) continue;
      for (;;) {
        const f = frames[frames.length - 1];
        if (f === undefined) {
          const extra = src.length - at;
          if (extra > 0) fail(`${extra} ${extra === 1 ? "byte follows" : "bytes follow"} the term`);
          return t;
        }
        f.items.push(t);
        if (f.items.length < f.n) break;
        frames.pop();
        t = finish(f);
      }
    }
  } catch (e) {
    if (e instanceof TermDecodeError) throw e;
    throw new TermDecodeError(`Cannot decode term: ${e instanceof Error ? e.message : e}`);
  } finally {
    src = EMPTY; // so that the input can be collected
    srcView = undefined;
  }
}
