/**
 * BIFs of `erlang` on bitstrings, binaries among them: `is_bitstring/1`, `bit_size/1`,
 * `byte_size/1` (a partly used last byte counts), `bitstring_to_list/1`, `list_to_bitstring/1`,
 * and `split_binary/2` and `binary_part/2,3`, which take a bitstring too as long as the part
 * asked for is whole bytes, as in OTP.
 *
 * @module
 */

import { type Bits, bitSize, bitsOf, bitstring, bytesOf, concatBits } from "../../runtime/bits.ts";
import { raiseError } from "../../runtime/errors.ts";
import { BitString, Cons, type Term } from "../../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

function bits(t: Term): Bits {
  return t instanceof Uint8Array || t instanceof BitString ? t : badarg();
}

/** `bitstring_to_list/1`: the bytes, then the bits left over as a bitstring tail. */
function bitstringToList(t: Term): Term {
  const b = bits(t), bytes = bytesOf(b), whole = Math.floor(bitSize(b) / 8);
  let l: Term = b instanceof BitString ? bitstring(bytes.subarray(whole), b.bits % 8) : null;
  if (l !== null) l = new Cons(l, null);
  for (let i = whole - 1; i >= 0; i--) l = new Cons(bytes[i] as number, l);
  return l;
}

/**
 * `list_to_bitstring/1`: bytes, bitstrings and lists of them nested, a bitstring allowed as a
 * tail; a list only (a bitstring alone is `badarg`).
 */
function listToBitstring(l: Term): Bits {
  if (l !== null && !(l instanceof Cons)) return badarg();
  const parts: Bits[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) parts.push(Uint8Array.from(run));
    run = [];
  };
  const stack: Term[] = [l];
  while (stack.length > 0) {
    let c = stack.pop() as Term;
    while (c instanceof Cons) {
      const h = c.hd;
      if (typeof h === "number") {
        if (h < 0 || h > 255) return badarg();
        run.push(h);
      } else if (h instanceof Uint8Array || h instanceof BitString) {
        flush();
        parts.push(h);
      } else if (h === null || h instanceof Cons) {
        stack.push(c.tl);
        c = h;
        continue;
      } else return badarg();
      c = c.tl;
    }
    if (c instanceof Uint8Array || c instanceof BitString) {
      flush();
      parts.push(c);
    } else if (c !== null) return badarg();
  }
  flush();
  return concatBits(parts);
}

/** `binary_part/3`: `len` bytes from `start` (backwards for a negative `len`). */
function part(t: Term, start: Term, len: Term): Uint8Array {
  const b = bits(t);
  if (typeof start !== "number" || typeof len !== "number") return badarg();
  const [from, to] = len >= 0 ? [start, start + len] : [start + len, start];
  if (from < 0 || to * 8 > bitSize(b)) return badarg();
  return bytesOf(b).subarray(from, to);
}

/** The functions, by `name/arity`. */
export const ERLANG_BITS: Record<string, (...args: Term[]) => Term> = {
  "is_bitstring/1": (t) => t instanceof Uint8Array || t instanceof BitString,
  "bit_size/1": (t) => bitSize(bits(t)),
  "byte_size/1": (t) => bytesOf(bits(t)).length,
  "bitstring_to_list/1": bitstringToList,
  "list_to_bitstring/1": listToBitstring,
  "binary_part/2": (b, pl) =>
    Array.isArray(pl) && pl.length === 2 ? part(b, pl[0] as Term, pl[1] as Term) : badarg(),
  "binary_part/3": part,
  "split_binary/2": (t, n) => {
    const b = bits(t);
    if (typeof n !== "number" || n < 0 || n * 8 > bitSize(b)) return badarg();
    const bytes = bytesOf(b);
    return [bytes.subarray(0, n), bitstring(bytes.subarray(n), bitsOf(b) - n * 8)];
  },
};
