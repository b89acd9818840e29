/**
 * The External Term Format: how Erlang nodes write terms, for talking to BEAM nodes.
 *
 * | term          | written as                                                        |
 * |---------------|-------------------------------------------------------------------|
 * | atom          | `SMALL_ATOM_UTF8_EXT` (119), `ATOM_UTF8_EXT` (118) past 255 bytes |
 * | integer       | `SMALL_INTEGER_EXT` (97), `INTEGER_EXT` (98), `SMALL_BIG_EXT` (110), `LARGE_BIG_EXT` (111) |
 * | float         | `NEW_FLOAT_EXT` (70)                                              |
 * | tuple         | `SMALL_TUPLE_EXT` (104), `LARGE_TUPLE_EXT` (105)                  |
 * | `[]`          | `NIL_EXT` (106)                                                   |
 * | list          | `STRING_EXT` (107) for a proper list of bytes, else `LIST_EXT` (108) |
 * | binary        | `BINARY_EXT` (109)                                                |
 * | bitstring     | `BIT_BINARY_EXT` (77): its bytes, and the bits used of the last   |
 * | map           | `MAP_EXT` (116)                                                   |
 * | pid           | `NEW_PID_EXT` (88)                                                |
 * | reference     | `NEWER_REFERENCE_EXT` (90)                                        |
 * | port          | `NEW_PORT_EXT` (89), `V4_PORT_EXT` (120) past 32 bits              |
 * | `fun M:F/A`   | `EXPORT_EXT` (113)                                                |
 *
 * These are the forms `term_to_binary(T, [{minor_version, 2}])` writes, byte for byte. Reading
 * also takes the older forms (Latin-1 atoms, `FLOAT_EXT`, `PID_EXT`, `NEW_REFERENCE_EXT`,
 * `PORT_EXT`) and compressed terms. Only a fun that calls a function by name can be written
 * (another's code does not travel); reading a kind this runtime has no term for (a local fun)
 * is a {@linkcode TermDecodeError} that names it. Both directions work with an
 * explicit stack, never recursion, so no input can overflow the JavaScript stack.
 *
 * @module
 */

import { inflateSync } from "node:zlib";
import { MAX_TERM_DEPTH, TermDecodeError } from "../runtime/cbor_codec.ts";
import { exportedFun } from "../runtime/code.ts";
import { bitstring } from "../runtime/bits.ts";
import {
  atom,
  atomName,
  BitString,
  Cons,
  Float,
  funInfo,
  normInt,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../runtime/terms.ts";

/** The tags of the External Term Format. */
export const ETF = {
  VERSION: 131,
  COMPRESSED: 80,
  NEW_FLOAT: 70,
  BIT_BINARY: 77,
  NEW_PID: 88,
  NEW_PORT: 89,
  NEWER_REFERENCE: 90,
  SMALL_INTEGER: 97,
  INTEGER: 98,
  FLOAT: 99,
  ATOM: 100,
  REFERENCE: 101,
  PORT: 102,
  PID: 103,
  SMALL_TUPLE: 104,
  LARGE_TUPLE: 105,
  NIL: 106,
  STRING: 107,
  LIST: 108,
  BINARY: 109,
  SMALL_BIG: 110,
  LARGE_BIG: 111,
  NEW_FUN: 112,
  EXPORT: 113,
  NEW_REFERENCE: 114,
  SMALL_ATOM: 115,
  MAP: 116,
  FUN: 117,
  ATOM_UTF8: 118,
  SMALL_ATOM_UTF8: 119,
  V4_PORT: 120,
  LOCAL: 121,
} as const;

/** A term that the External Term Format cannot carry. */
export class EtfEncodeError extends TypeError {
  override name = "EtfEncodeError";
}

// ---------------------------------------------------------------------------------------------
// Writing

let buf = new Uint8Array(4096);
let view = new DataView(buf.buffer);
let pos = 0;
const utf8 = new TextEncoder();

function room(n: number): void {
  if (pos + n <= buf.length) return;
  let size = buf.length * 2;
  while (size < pos + n) size *= 2;
  const next = new Uint8Array(size);
  next.set(buf.subarray(0, pos));
  buf = next;
  view = new DataView(buf.buffer);
}

function u8(n: number): void {
  room(1);
  buf[pos++] = n;
}

function u16(n: number): void {
  room(2);
  view.setUint16(pos, n);
  pos += 2;
}

function u32(n: number): void {
  room(4);
  view.setUint32(pos, n);
  pos += 4;
}

// The written form of atoms met before: most messages repeat a few atoms and node names.
const atomForms = new Map<string, Uint8Array>();
const ATOM_FORMS_MAX = 4096;

function atomForm(name: string): Uint8Array {
  const b = utf8.encode(name);
  let form: Uint8Array;
  if (b.length < 256) {
    form = new Uint8Array(2 + b.length);
    form[0] = ETF.SMALL_ATOM_UTF8;
    form[1] = b.length;
    form.set(b, 2);
  } else if (b.length < 0x10000) {
    form = new Uint8Array(3 + b.length);
    form[0] = ETF.ATOM_UTF8;
    form[1] = b.length >> 8;
    form[2] = b.length & 0xff;
    form.set(b, 3);
  } else throw new EtfEncodeError(`Cannot send an atom of ${b.length} bytes to an Erlang node`);
  if (atomForms.size < ATOM_FORMS_MAX) atomForms.set(name, form);
  return form;
}

// term_to_binary's atoms: ATOM_EXT (100) with Latin-1 bytes when every character fits, as OTP
// 25 writes them; the distribution writes UTF-8 atoms.
let latin1Atoms = false;

function latin1AtomForm(name: string): Uint8Array | undefined {
  if (name.length > 255) return undefined;
  const form = new Uint8Array(3 + name.length);
  form[0] = 100;
  form[2] = name.length;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 255) return undefined;
    form[3 + i] = c;
  }
  return form;
}

function writeAtom(name: string): void {
  const form = (latin1Atoms ? latin1AtomForm(name) : undefined) ?? atomForms.get(name) ??
    atomForm(name);
  const n = form.length;
  room(n);
  if (n < 24) { for (let i = 0; i < n; i++) buf[pos++] = form[i] as number; }
  else {
    buf.set(form, pos);
    pos += n;
  }
}

function writeInteger(n: number | bigint): void {
  if (typeof n === "number") {
    if (n >= 0 && n < 256) {
      u8(ETF.SMALL_INTEGER);
      u8(n);
      return;
    }
    if (n >= -0x80000000 && n < 0x80000000) {
      u8(ETF.INTEGER);
      room(4);
      view.setInt32(pos, n);
      pos += 4;
      return;
    }
    n = BigInt(n);
  }
  const sign = n < 0n ? 1 : 0;
  let m = n < 0n ? -n : n;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & 0xffn));
    m >>= 8n;
  }
  if (digits.length < 256) {
    u8(ETF.SMALL_BIG);
    u8(digits.length);
  } else {
    u8(ETF.LARGE_BIG);
    u32(digits.length);
  }
  u8(sign);
  room(digits.length);
  for (const d of digits) buf[pos++] = d;
}

// Whether a proper list of at most 65535 integers 0..255 (which STRING_EXT carries).
function byteListLength(l: Cons): number {
  let n = 0;
  let c: Term = l;
  while (c instanceof Cons) {
    const h = c.hd;
    if (typeof h !== "number" || h < 0 || h > 255 || !Number.isInteger(h) || ++n > 0xffff) {
      return -1;
    }
    c = c.tl;
  }
  return c === null ? n : -1;
}

/** The External Term Format of `t`, starting with the version byte 131. */
export function encodeEtf(t: Term): Uint8Array {
  pos = 0;
  u8(ETF.VERSION);
  writeShallow(t, 0);
  return buf.slice(0, pos);
}

/** `t` as `term_to_binary/1` writes it on OTP 25 (atoms in Latin-1 where they can be). */
export function termToBinaryEtf(t: Term): Uint8Array {
  latin1Atoms = true;
  try {
    return encodeEtf(t);
  } finally {
    latin1Atoms = false;
  }
}

/**
 * A distribution frame: its 4-byte length, `kind`, then each term in the External Term Format
 * (version byte included), written in one buffer.
 */
export function encodeEtfFrame(kind: number, terms: readonly Term[]): Uint8Array {
  pos = 0;
  room(5);
  pos = 4;
  buf[pos++] = kind;
  for (const t of terms) {
    u8(ETF.VERSION);
    writeShallow(t, 0);
  }
  view.setUint32(0, pos - 4);
  return buf.slice(0, pos);
}

// How deep the recursive writer goes before the explicit stack takes over.
const SHALLOW = 64;

// Writes `t` (without the version byte) at `pos`: the kinds most messages are made of by
// recursion, anything else (and anything deeper) by `writeTerm`.
function writeShallow(x: Term, d: number): void {
  switch (typeof x) {
    case "string":
      return writeAtom(x);
    case "number":
      if (Number.isSafeInteger(x)) return writeInteger(x);
      break;
    case "object":
      if (Array.isArray(x) && d < SHALLOW) {
        const n = x.length;
        if (n < 256) {
          room(2);
          buf[pos++] = ETF.SMALL_TUPLE;
          buf[pos++] = n;
        } else {
          u8(ETF.LARGE_TUPLE);
          u32(n);
        }
        for (let i = 0; i < n; i++) writeShallow(x[i] as Term, d + 1);
        return;
      }
      if (x instanceof Uint8Array) return writeBinary(x);
      if (x instanceof Pid) return writePid(x);
  }
  writeTerm(x, d);
}

function writeBinary(x: Uint8Array): void {
  const n = x.length;
  room(5 + n);
  buf[pos] = ETF.BINARY;
  view.setUint32(pos + 1, n);
  pos += 5;
  if (n < 24) { for (let i = 0; i < n; i++) buf[pos++] = x[i] as number; }
  else {
    buf.set(x, pos);
    pos += n;
  }
}

function writeBits(x: BitString): void {
  const n = x.bytes.length;
  room(6 + n);
  buf[pos] = ETF.BIT_BINARY;
  view.setUint32(pos + 1, n);
  buf[pos + 5] = x.bits % 8;
  pos += 6;
  buf.set(x.bytes, pos);
  pos += n;
}

function writePid(x: Pid): void {
  u8(ETF.NEW_PID);
  writeAtom(x.node);
  room(12);
  view.setUint32(pos, x.id);
  view.setUint32(pos + 4, x.serial);
  view.setUint32(pos + 8, x.creation);
  pos += 12;
}

// Writes `t`, without the version byte, at `pos`, by an explicit stack; `depth` is how deep
// `t` itself is.
function writeTerm(t: Term, depth: number): void {
  const stack: Term[] = [t];
  const depths: number[] = [depth];
  while (stack.length > 0) {
    const x = stack.pop() as Term;
    const d = depths.pop() as number;
    if (d > MAX_TERM_DEPTH) throw new EtfEncodeError("Cannot send a term nested this deeply");
    switch (typeof x) {
      case "string":
        writeAtom(x);
        continue;
      case "boolean":
        writeAtom(atomName(x));
        continue;
      case "number":
        if (!Number.isSafeInteger(x)) throw new EtfEncodeError(`${x} is not a term`);
        writeInteger(x);
        continue;
      case "bigint":
        writeInteger(x);
        continue;
      case "function": {
        const f = funInfo(x);
        if (f.exported === true && f.arity < 256) {
          u8(ETF.EXPORT);
          writeAtom(f.module);
          writeAtom(f.name);
          u8(ETF.SMALL_INTEGER);
          u8(f.arity);
          continue;
        }
        throw new EtfEncodeError(
          `Cannot send the fun #Fun<${f.module}.${f.name}.${f.arity}> to an Erlang node: ` +
            "its code cannot travel",
        );
      }
    }
    if (x === null) {
      u8(ETF.NIL);
    } else if (Array.isArray(x)) {
      if (x.length < 256) {
        u8(ETF.SMALL_TUPLE);
        u8(x.length);
      } else {
        u8(ETF.LARGE_TUPLE);
        u32(x.length);
      }
      for (let i = x.length - 1; i >= 0; i--) {
        stack.push(x[i] as Term);
        depths.push(d + 1);
      }
    } else if (x instanceof Cons) {
      const n = byteListLength(x);
      if (n >= 0) {
        u8(ETF.STRING);
        u16(n);
        room(n);
        for (let c: Term = x; c instanceof Cons; c = c.tl) buf[pos++] = c.hd as number;
        continue;
      }
      const items: Term[] = [];
      let c: Term = x;
      while (c instanceof Cons) {
        items.push(c.hd);
        c = c.tl;
      }
      u8(ETF.LIST);
      u32(items.length);
      stack.push(c);
      depths.push(d + 1);
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push(items[i] as Term);
        depths.push(d + 1);
      }
    } else if (x instanceof Uint8Array) {
      writeBinary(x);
    } else if (x instanceof BitString) {
      writeBits(x);
    } else if (x instanceof Float) {
      u8(ETF.NEW_FLOAT);
      room(8);
      view.setFloat64(pos, x.value);
      pos += 8;
    } else if (x instanceof TermMap) {
      const entries = x.entries();
      u8(ETF.MAP);
      u32(entries.length);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i] as [Term, Term];
        stack.push(v, k);
        depths.push(d + 1, d + 1);
      }
    } else if (x instanceof Pid) {
      writePid(x);
    } else if (x instanceof Ref) {
      u8(ETF.NEWER_REFERENCE);
      u16(x.ids.length);
      writeAtom(x.node);
      u32(x.creation);
      for (const id of x.ids) u32(id);
    } else if (x instanceof Port) {
      const wide = x.id > 0xffffffff;
      u8(wide ? ETF.V4_PORT : ETF.NEW_PORT);
      writeAtom(x.node);
      if (wide) {
        u32(Math.floor(x.id / 0x100000000));
        u32(x.id >>> 0);
      } else u32(x.id);
      u32(x.creation);
    } else {
      throw new EtfEncodeError(`${String(x)} is not a term`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const latin1 = new TextDecoder("latin1");
const utf8Strict = new TextDecoder("utf-8", { fatal: true });

// A container being read: a tuple, a list (its elements, then its tail) or a map.
interface Open {
  kind: 0 | 1 | 2;
  items: Term[];
  want: number;
}
const TUPLE = 0, LIST = 1, MAP = 2;

class Reader {
  readonly b: Uint8Array;
  readonly v: DataView;
  p: number;
  constructor(b: Uint8Array, p: number) {
    this.b = b;
    this.v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.p = p;
  }
  need(n: number): void {
    if (this.p + n > this.b.length) {
      throw new TermDecodeError(`The term ends early: ${n} more bytes wanted at ${this.p}`);
    }
  }
  u8(): number {
    this.need(1);
    return this.b[this.p++] as number;
  }
  u16(): number {
    this.need(2);
    const n = this.v.getUint16(this.p);
    this.p += 2;
    return n;
  }
  u32(): number {
    this.need(4);
    const n = this.v.getUint32(this.p);
    this.p += 4;
    return n;
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  }
  atomText(tag: number): string {
    switch (tag) {
      case ETF.SMALL_ATOM_UTF8:
        return this.utf8Atom(this.u8());
      case ETF.ATOM_UTF8:
        return this.utf8Atom(this.u16());
      case ETF.SMALL_ATOM:
        return latin1.decode(this.take(this.u8()));
      case ETF.ATOM:
        return latin1.decode(this.take(this.u16()));
    }
    throw new TermDecodeError(`Expected an atom at ${this.p - 1}, found tag ${tag}`);
  }
  utf8Atom(n: number): string {
    try {
      return utf8Strict.decode(this.take(n));
    } catch (e) {
      if (e instanceof TermDecodeError) throw e;
      throw new TermDecodeError(`An atom at ${this.p - n} is not UTF-8`);
    }
  }
  node(): string {
    return this.atomText(this.u8());
  }
}

/**
 * Reads one term in the External Term Format from `bytes` at `offset` (where the version byte
 * 131 is), and returns it with the offset just past it.
 */
export function decodeEtfAt(bytes: Uint8Array, offset = 0): { term: Term; end: number } {
  const r = new Reader(bytes, offset);
  const version = r.u8();
  if (version !== ETF.VERSION) {
    throw new TermDecodeError(`Expected the version byte 131 at ${offset}, found ${version}`);
  }
  if (r.b[r.p] === ETF.COMPRESSED) {
    r.p++;
    const size = r.u32();
    let inner: Uint8Array;
    try {
      inner = new Uint8Array(inflateSync(r.b.subarray(r.p), { maxOutputLength: size }));
    } catch {
      throw new TermDecodeError("A compressed term does not inflate");
    }
    if (inner.length !== size) {
      throw new TermDecodeError(
        `A compressed term inflates to ${inner.length}, not ${size}, bytes`,
      );
    }
    const ir = new Reader(inner, 0);
    const term = readTerm(ir);
    if (ir.p !== inner.length) throw new TermDecodeError("Bytes follow a compressed term");
    return { term, end: bytes.length };
  }
  const term = readTerm(r);
  return { term, end: r.p };
}

/** Reads exactly one term in the External Term Format; anything after it is an error. */
export function decodeEtf(bytes: Uint8Array): Term {
  const { term, end } = decodeEtfAt(bytes, 0);
  if (end !== bytes.length) {
    throw new TermDecodeError(`${bytes.length - end} bytes follow the term`);
  }
  return term;
}

// `fun M:F/A` from an Erlang node: calls the function by name, here, when it is called.
function bigFrom(r: Reader, n: number): Term {
  const sign = r.u8();
  const digits = r.take(n);
  let m = 0n;
  for (let i = digits.length - 1; i >= 0; i--) m = (m << 8n) | BigInt(digits[i] as number);
  return normInt(sign ? -m : m);
}

function readTerm(r: Reader): Term {
  const open: Open[] = [];
  for (;;) {
    let value: Term;
    const tag = r.u8();
    switch (tag) {
      case ETF.SMALL_INTEGER:
        value = r.u8();
        break;
      case ETF.INTEGER:
        r.need(4);
        value = r.v.getInt32(r.p);
        r.p += 4;
        break;
      case ETF.SMALL_BIG:
        value = bigFrom(r, r.u8());
        break;
      case ETF.LARGE_BIG:
        value = bigFrom(r, r.u32());
        break;
      case ETF.NEW_FLOAT: {
        r.need(8);
        const x = r.v.getFloat64(r.p);
        r.p += 8;
        if (!Number.isFinite(x)) throw new TermDecodeError(`${x} is not a float term`);
        value = new Float(x);
        break;
      }
      case ETF.FLOAT: {
        const x = Number.parseFloat(latin1.decode(r.take(31)).replace(/\0+$/, ""));
        if (!Number.isFinite(x)) throw new TermDecodeError("A FLOAT_EXT does not hold a float");
        value = new Float(x);
        break;
      }
      case ETF.ATOM:
      case ETF.SMALL_ATOM:
      case ETF.ATOM_UTF8:
      case ETF.SMALL_ATOM_UTF8:
        value = atom(r.atomText(tag));
        break;
      case ETF.NIL:
        value = null;
        break;
      case ETF.STRING: {
        const s = r.take(r.u16());
        let l: Term = null;
        for (let i = s.length - 1; i >= 0; i--) l = new Cons(s[i] as number, l);
        value = l;
        break;
      }
      case ETF.BINARY:
        value = r.take(r.u32()).slice();
        break;
      case ETF.NEW_PID: {
        const node = r.node();
        value = new Pid(node, r.u32(), r.u32(), r.u32());
        break;
      }
      case ETF.PID: {
        const node = r.node();
        value = new Pid(node, r.u32(), r.u32(), r.u8());
        break;
      }
      case ETF.NEWER_REFERENCE:
      case ETF.NEW_REFERENCE: {
        const n = r.u16();
        const node = r.node();
        const creation = tag === ETF.NEWER_REFERENCE ? r.u32() : r.u8();
        const ids: number[] = [];
        for (let i = 0; i < n; i++) ids.push(r.u32());
        value = new Ref(node, creation, ids);
        break;
      }
      case ETF.REFERENCE: {
        const node = r.node();
        const id = r.u32();
        value = new Ref(node, r.u8(), [id]);
        break;
      }
      case ETF.SMALL_TUPLE:
      case ETF.LARGE_TUPLE:
      case ETF.LIST:
      case ETF.MAP: {
        const n = tag === ETF.SMALL_TUPLE ? r.u8() : r.u32();
        const kind = tag === ETF.LIST ? LIST : tag === ETF.MAP ? MAP : TUPLE;
        const want = kind === LIST ? n + 1 : kind === MAP ? 2 * n : n;
        // Each element takes at least a byte: a count beyond what is left is a lie.
        if (want > r.b.length - r.p) r.need(want);
        if (want > 0) {
          if (open.length >= MAX_TERM_DEPTH) throw new TermDecodeError("The term nests too deeply");
          open.push({ kind, items: [], want });
          continue;
        }
        value = kind === MAP ? new TermMap() : [];
        break;
      }
      case ETF.NEW_PORT: {
        const node = r.node();
        value = new Port(node, r.u32(), r.u32());
        break;
      }
      case ETF.PORT: {
        const node = r.node();
        value = new Port(node, r.u32(), r.u8());
        break;
      }
      case ETF.V4_PORT: {
        const node = r.node();
        const high = r.u32();
        if (high >= 0x200000) throw new TermDecodeError("A port's id is beyond 2^53");
        value = new Port(node, high * 0x100000000 + r.u32(), r.u32());
        break;
      }
      case ETF.BIT_BINARY: {
        const n = r.u32(), bits = r.u8();
        // OTP's own check: no bits used of no bytes, 1 to 8 of the last of some.
        if ((bits === 0) !== (n === 0) || bits > 8) {
          throw new TermDecodeError(
            `A bitstring of ${n} bytes cannot use ${bits} bits of the last`,
          );
        }
        value = n === 0 ? new Uint8Array(0) : bitstring(r.take(n).slice(), (n - 1) * 8 + bits);
        break;
      }
      case ETF.EXPORT: {
        const module = r.atomText(r.u8());
        const name = r.atomText(r.u8());
        if (r.u8() !== ETF.SMALL_INTEGER) {
          throw new TermDecodeError("An export fun's arity is not small");
        }
        value = exportedFun(module, name, r.u8());
        break;
      }
      case ETF.NEW_FUN:
      case ETF.FUN:
        throw new TermDecodeError(
          "A fun cannot be received here from an Erlang node: only `fun M:F/A` can cross",
        );
      case ETF.COMPRESSED:
        throw new TermDecodeError("A compressed term inside a term");
      default:
        throw new TermDecodeError(`Unknown term tag ${tag} at ${r.p - 1}`);
    }
    // Hand the value to the containers it completes.
    for (;;) {
      const top = open[open.length - 1];
      if (top === undefined) return value;
      top.items.push(value);
      if (top.items.length < top.want) break;
      open.pop();
      if (top.kind === TUPLE) value = top.items;
      else if (top.kind === LIST) {
        const items = top.items;
        let l = items[items.length - 1] as Term;
        for (let i = items.length - 2; i >= 0; i--) l = new Cons(items[i] as Term, l);
        value = l;
      } else {
        const items = top.items;
        const entries: [Term, Term][] = [];
        for (let i = 0; i < items.length; i += 2) {
          entries.push([items[i] as Term, items[i + 1] as Term]);
        }
        value = new TermMap(entries);
      }
    }
  }
}
