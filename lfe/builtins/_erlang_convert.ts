/**
 * The conversion BIFs of `erlang`: atoms, integers and floats to and from character lists and
 * binaries, io lists to binaries, and terms to and from bytes. Text that does not convert raises
 * `badarg`; an atom of more than 255 characters raises `system_limit`, as in Erlang.
 *
 * @module
 */

import { TermDecodeError } from "../../runtime/cbor_codec.ts";
import { decodeEtf, EtfEncodeError, termToBinaryEtf } from "../../net/etf.ts";
import { atomExists, noteAtom } from "../../runtime/atom_table.ts";
import { findModule, loadedModules } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import {
  atomName,
  charlist,
  charlistToString,
  Cons,
  Float,
  type Integer,
  normInt,
  type Term,
} from "../../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

function atomText(a: Term): string {
  return typeof a === "string" || typeof a === "boolean" ? atomName(a) : badarg();
}

/** An atom of `name`; `system_limit` past 255 characters, as BEAM. */
function makeAtom(name: string): Term {
  let n = 0;
  for (const _ of name) if (++n > 255) raiseError("system_limit");
  noteAtom(name);
  return name === "true" ? true : name === "false" ? false : name;
}

/** Whether an atom `name` exists: seen, or the name of a module or function loaded. */
function atomIsKnown(name: string): boolean {
  if (atomExists(name)) return true;
  for (const m of loadedModules()) {
    if (m === name) return true;
    for (const key of Object.keys(findModule(m) ?? {})) {
      if (key.slice(0, key.lastIndexOf("/")) === name) return true;
    }
  }
  return false;
}

/** The existing atom `name` (`list_to_existing_atom/1` and kin); `badarg` if there is none. */
function existingAtom(name: string): Term {
  return atomIsKnown(name) ? makeAtom(name) : badarg();
}

/** The text of a proper list of characters, or `badarg`. */
function listText(l: Term): string {
  const s = charlistToString(l);
  return s === undefined ? badarg() : s;
}

function latin1Text(b: Term): string {
  if (!(b instanceof Uint8Array)) return badarg();
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

function encodingOf(e: Term): "latin1" | "utf8" {
  if (e === "latin1") return "latin1";
  if (e === "utf8" || e === "unicode") return "utf8";
  return badarg();
}

/** `atom_to_list/1`. */
export function atomToList(a: Term): Term {
  return charlist(atomText(a));
}

/** `list_to_atom/1`. */
export function listToAtom(l: Term): Term {
  return makeAtom(listText(l));
}

/** `list_to_existing_atom/1`. */
export function listToExistingAtom(l: Term): Term {
  return existingAtom(listText(l));
}

/** `atom_to_binary/1,2`: UTF-8, or Latin-1 when every character fits. */
export function atomToBinary(a: Term, enc: Term = "utf8"): Uint8Array {
  const s = atomText(a);
  if (encodingOf(enc) === "utf8") return encoder.encode(s);
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c > 255) return badarg();
    out.push(c);
  }
  return Uint8Array.from(out);
}

/** The name an atom of the binary `b` in encoding `enc` has. */
function binaryAtomName(b: Term, enc: Term): string {
  if (!(b instanceof Uint8Array)) return badarg();
  if (encodingOf(enc) === "latin1") return latin1Text(b);
  try {
    return utf8.decode(b);
  } catch {
    return badarg();
  }
}

/** `binary_to_atom/1,2`. */
export function binaryToAtom(b: Term, enc: Term = "utf8"): Term {
  return makeAtom(binaryAtomName(b, enc));
}

/** `binary_to_existing_atom/1,2`. */
export function binaryToExistingAtom(b: Term, enc: Term = "utf8"): Term {
  return existingAtom(binaryAtomName(b, enc));
}

function base(b: Term): number {
  return typeof b === "number" && b >= 2 && b <= 36 ? b : badarg();
}

function integerText(i: Term, b: Term): string {
  if (typeof i !== "number" && typeof i !== "bigint") return badarg();
  return i.toString(base(b)).toUpperCase();
}

/** `integer_to_list/1,2`: digits above 9 in upper case, as Erlang writes them. */
export function integerToList(i: Term, b: Term = 10): Term {
  return charlist(integerText(i, b));
}

/** `integer_to_binary/1,2`. */
export function integerToBinary(i: Term, b: Term = 10): Uint8Array {
  return encoder.encode(integerText(i, b));
}

/** The integer that `s` writes in base `b` (an optional sign, then digits), or `undefined`. */
export function parseInteger(s: string, b: number): Integer | undefined {
  const m = /^([+-]?)([0-9A-Za-z]+)$/.exec(s);
  if (m === null) return undefined;
  const digits = m[2] as string;
  for (const ch of digits) if (parseInt(ch, 36) >= b) return undefined;
  const negative = m[1] === "-";
  // Up to this many digits the value is below 2^53, where parseInt is exact.
  if (digits.length <= Math.floor(53 / Math.log2(b))) {
    const n = parseInt(digits, b);
    return negative ? 0 - n : n;
  }
  let v = 0n;
  if (b === 10) v = BigInt(digits);
  else {
    const big = BigInt(b);
    for (const ch of digits) v = v * big + BigInt(parseInt(ch, 36));
  }
  return normInt(negative ? -v : v);
}

/** `list_to_integer/1,2`. */
export function listToInteger(l: Term, b: Term = 10): Integer {
  return parseInteger(listText(l), base(b)) ?? badarg();
}

/** `binary_to_integer/1,2`. */
export function binaryToInteger(bin: Term, b: Term = 10): Integer {
  return parseInteger(latin1Text(bin), base(b)) ?? badarg();
}

/** A float as `float_to_list/1` writes it: 20 digits after the point, a 2-digit exponent. */
export function floatText(x: number): string {
  const [m = "", e = ""] = x.toExponential(20).split("e");
  const n = Number(e);
  const sign = Object.is(x, -0) ? "-" : "";
  return `${sign}${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

/** `float_to_list/1`. */
export function floatToList(f: Term): Term {
  return f instanceof Float ? charlist(floatText(f.value)) : badarg();
}

/** `float_to_binary/1`. */
export function floatToBinary(f: Term): Uint8Array {
  return f instanceof Float ? encoder.encode(floatText(f.value)) : badarg();
}

/** The float that `s` writes as Erlang reads one (`1.5`, `-2.0e3`; not `2` nor `.5`). */
function parseFloatText(s: string): Float {
  if (!/^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(s)) return badarg();
  const x = Number(s);
  return Number.isFinite(x) ? new Float(x) : badarg();
}

/** `list_to_float/1`. */
export function listToFloat(l: Term): Float {
  return parseFloatText(listText(l));
}

/** `binary_to_float/1`. */
export function binaryToFloat(b: Term): Float {
  return parseFloatText(latin1Text(b));
}

/**
 * The bytes of io data: bytes, binaries and lists of them nested, a binary allowed as a tail;
 * `undefined` if `t` is none.
 */
export function iolistBytes(t: Term): Uint8Array | undefined {
  // The bytes go straight into a buffer that doubles as it fills.
  let buf = new Uint8Array(256);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= buf.length) return;
    let cap = buf.length * 2;
    while (cap < at + n) cap *= 2;
    const grown = new Uint8Array(cap);
    grown.set(buf.subarray(0, at));
    buf = grown;
  };
  const put = (b: Uint8Array) => {
    const n = b.length;
    room(n);
    if (n < 16) { for (let i = 0; i < n; i++) buf[at + i] = b[i]!; }
    else buf.set(b, at);
    at += n;
  };
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let c = stack.pop() as Term;
    while (c instanceof Cons) {
      const h = c.hd;
      if (typeof h === "number") {
        if (h < 0 || h > 255) return undefined;
        if (at === buf.length) room(1);
        buf[at++] = h;
      } else if (h instanceof Uint8Array) put(h);
      else if (h === null || h instanceof Cons) {
        stack.push(c.tl);
        c = h;
        continue;
      } else return undefined;
      c = c.tl;
    }
    if (c instanceof Uint8Array) put(c);
    else if (c !== null) return undefined;
  }
  return at === buf.length ? buf : buf.slice(0, at);
}

/** `list_to_binary/1`: a list (not a binary) of io data. */
export function listToBinary(l: Term): Uint8Array {
  if (l !== null && !(l instanceof Cons)) return badarg();
  return iolistBytes(l) ?? badarg();
}

/** `iolist_to_binary/1`: io data, a binary included. */
export function iolistToBinary(t: Term): Uint8Array {
  if (t instanceof Uint8Array) return t;
  return listToBinary(t);
}

/** `iolist_size/1`. */
export function iolistSize(t: Term): number {
  return iolistToBinary(t).length;
}

/** `binary_to_list/1`. */
export function binaryToList(b: Term): Term {
  if (!(b instanceof Uint8Array)) return badarg();
  let l: Term = null;
  for (let i = b.length - 1; i >= 0; i--) l = new Cons(b[i] as number, l);
  return l;
}

/** `byte_size/1`. */
export function byteSize(b: Term): number {
  return b instanceof Uint8Array ? b.length : badarg();
}

/** `term_to_binary/1`: Erlang's external term format, byte for byte as OTP 25 writes it. */
export function termToBinary(t: Term): Uint8Array {
  try {
    return termToBinaryEtf(t);
  } catch (e) {
    if (e instanceof EtfEncodeError) return badarg();
    throw e;
  }
}

/** `binary_to_term/1`: `badarg` for bytes that are no encoded term. */
export function binaryToTerm(b: Term): Term {
  if (!(b instanceof Uint8Array)) return badarg();
  try {
    return decodeEtf(b);
  } catch (e) {
    if (e instanceof TermDecodeError || e instanceof RangeError) return badarg();
    throw e;
  }
}
