/**
 * The module `base64` of OTP 25: RFC 4648 base 64 of binaries and byte lists, to binaries or
 * strings, and back; `decode` skips whitespace, `mime_decode` every character outside the
 * alphabet. Wrong input fails with the error OTP 25's own code raises for it.
 *
 * @example
 * ```ts
 * import { BASE64 } from "./base64.ts";
 * import { binary } from "../../runtime/terms.ts";
 * BASE64["encode/1"]!(binary("hello")); // #"aGVsbG8="
 * BASE64["decode/1"]!(binary("aGVs bG8=")); // #"hello"
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { decodeMime, decodeStrict, source } from "./_base64_decode.ts";
import { functionClause as fc, moduleTable } from "./_util.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function int(t: Term): bigint {
  return typeof t === "number" || typeof t === "bigint" ? BigInt(t) : raiseError("badarith");
}

/** The character of a digit; `badarg` outside 0..63, as OTP's table look-up. */
function char(d: bigint): number {
  return d >= 0n && d < 64n ? ALPHABET.charCodeAt(Number(d)) : raiseError("badarg");
}

/** The characters of a binary's base 64. */
function encodeBytes(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 3) {
    const n = b.length - i;
    const bb = ((b[i] as number) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out.push(ALPHABET.charCodeAt(bb >> 18), ALPHABET.charCodeAt((bb >> 12) & 63));
    out.push(n > 1 ? ALPHABET.charCodeAt((bb >> 6) & 63) : 61);
    out.push(n > 2 ? ALPHABET.charCodeAt(bb & 63) : 61);
  }
  return out;
}

/** The characters of a byte list's base 64, with the arithmetic (and errors) of OTP's. */
function encodeList(l: Term): number[] {
  const out: number[] = [];
  let c = l;
  while (c !== null) {
    if (!(c instanceof Cons)) fc();
    const t1 = c.tl;
    if (t1 === null) {
      const b1 = int(c.hd);
      out.push(char(b1 >> 2n), char((b1 & 3n) << 4n), 61, 61);
      return out;
    }
    if (!(t1 instanceof Cons)) fc();
    const t2 = t1.tl;
    if (t2 === null) {
      const b1 = int(c.hd);
      const e1 = char(b1 >> 2n);
      const b2 = int(t1.hd);
      out.push(e1, char(((b1 & 3n) << 4n) | (b2 >> 4n)), char((b2 & 15n) << 2n), 61);
      return out;
    }
    if (!(t2 instanceof Cons)) fc();
    const bb = (int(c.hd) << 16n) | (int(t1.hd) << 8n) | int(t2.hd);
    out.push(char(bb >> 18n), char((bb >> 12n) & 63n), char((bb >> 6n) & 63n), char(bb & 63n));
    c = t2.tl;
  }
  return out;
}

function encode(t: Term): number[] {
  if (t instanceof Uint8Array) return encodeBytes(t);
  return t === null || t instanceof Cons ? encodeList(t) : fc();
}

/** The input of a decoder: a binary, or a list; `function_clause` for anything else. */
function input(t: Term, binaryAsList: boolean): Uint8Array | Term {
  if (t instanceof Uint8Array) return binaryAsList ? arrayToList(Array.from(t)) : t;
  return t === null || t instanceof Cons ? t : fc();
}

/** The functions of `base64`, by `name/arity`. */
export const BASE64: ModuleFunctions = moduleTable("base64", {
  "encode/1": (t: Term) => Uint8Array.from(encode(t)),
  "encode_to_string/1": (t: Term) => arrayToList(encode(t)),
  "decode/1": (t: Term) => Uint8Array.from(decodeStrict(source(input(t, false)), false)),
  "decode_to_string/1": (t: Term) => arrayToList(decodeStrict(source(input(t, true)), true)),
  "mime_decode/1": (t: Term) => Uint8Array.from(decodeMime(source(input(t, false)))),
  "mime_decode_to_string/1": (t: Term) => arrayToList(decodeMime(source(input(t, true)))),
});
