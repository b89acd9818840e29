/**
 * Base 64 decoding as OTP 25's `base64` does it, step for step: each character is read as a
 * digit, whitespace, the pad `=` or a bad character; `decode` skips whitespace and stops at
 * the pad, `mime_decode` skips everything else too. Input that is wrong fails with the errors
 * OTP's own code runs into (`function_clause` where the input ends inside a group, `badarith`
 * where a pad or bad character is taken for a digit, `{case_clause, C}` after the pad), so a
 * caller sees what BEAM gives.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import { functionClause as fc } from "./_util.ts";

/** What a character is to the decoder: a digit, whitespace, the pad, or bad. */
type Digit = number | "ws" | "eq" | "bad";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const DIGITS: Digit[] = Array.from({ length: 256 }, (_, c) => {
  const i = ALPHABET.indexOf(String.fromCharCode(c));
  if (c < 128 && i >= 0) return i;
  if (c === 9 || c === 10 || c === 13 || c === 32) return "ws";
  return c === 61 ? "eq" : "bad";
});

/** The digit of `c`: a byte's; `badarg` for anything else, as OTP's table look-up. */
function digit(c: Term): Digit {
  return (typeof c === "number" ? DIGITS[c] : undefined) ?? raiseError("badarg");
}

/** A reader of the input's characters: the next one, `end`, or `improper`. */
interface Source {
  next(): Term | typeof END | typeof IMPROPER;
}
const END = Symbol("end");
const IMPROPER = Symbol("improper");

/** The characters of a binary or of a list (which may end badly). */
export function source(t: Uint8Array | Term): Source {
  if (t instanceof Uint8Array) {
    let i = 0;
    return { next: () => i < t.length ? t[i++] as number : END };
  }
  let c: Term = t;
  return {
    next() {
      if (c === null) return END;
      if (!(c instanceof Cons)) return IMPROPER;
      const h = c.hd;
      c = c.tl;
      return h;
    },
  };
}

function shr(d: Digit, n: number): number {
  return typeof d === "number" ? d >> n : raiseError("badarith");
}

function six(d: Digit): number {
  return typeof d === "number" ? d : raiseError("badarg");
}

/** The bytes of the bits `(value, width)...` (a whole number of bytes). */
class Bits {
  readonly bytes: number[] = [];
  #acc = 0;
  #n = 0;
  put(value: number, width: number): void {
    this.#acc = (this.#acc << width) | (value & ((1 << width) - 1));
    this.#n += width;
    while (this.#n >= 8) {
      this.#n -= 8;
      this.bytes.push((this.#acc >> this.#n) & 255);
      this.#acc &= (1 << this.#n) - 1;
    }
  }
}

/** Reads a character that must be there: `function_clause` at the end, as OTP's clauses. */
function must(src: Source): Term {
  const c = src.next();
  return c === END || c === IMPROPER ? fc() : c;
}

/** Reads digits until one that is no whitespace. */
function nextSolid(src: Source): Digit {
  for (;;) {
    const d = digit(must(src));
    if (d !== "ws") return d;
  }
}

/**
 * `decode/1` and `decode_to_string/1`: the bytes of base 64 text, whitespace skipped; the
 * group of four is assembled as bits (`decode`) or by arithmetic (`decode_to_string`), which
 * fail differently on a bad character, as OTP's do.
 */
export function decodeStrict(src: Source, toString: boolean): number[] {
  const out = new Bits();
  for (;;) {
    const c = src.next();
    if (c === END) return out.bytes;
    if (c === IMPROPER) fc();
    const b1 = digit(c);
    if (b1 === "ws") continue;
    const b2 = nextSolid(src);
    const b3 = nextSolid(src);
    const b4 = nextSolid(src);
    if (b4 === "eq") {
      if (b3 === "eq") {
        const low = shr(b2, 4);
        out.put(six(b1), 6);
        out.put(low, 2);
      } else {
        const low = shr(b3, 2);
        out.put(six(b1), 6);
        out.put(six(b2), 6);
        out.put(low, 4);
      }
      onlyWhitespace(src);
      return out.bytes;
    }
    if (toString) {
      for (const d of [b1, b2, b3, b4]) if (typeof d !== "number") raiseError("badarith");
    }
    for (const d of [b1, b2, b3, b4]) out.put(six(d), 6);
  }
}

function onlyWhitespace(src: Source): void {
  for (;;) {
    const c = src.next();
    if (c === END) return;
    if (c === IMPROPER) fc();
    const d = digit(c);
    if (d !== "ws") raiseError(["case_clause", d]);
  }
}

/** Reads until a digit (or, with `pad`, the pad); `function_clause` at the end. */
function nextDigit(src: Source, pad: boolean): number | "eq" {
  for (;;) {
    const d = digit(must(src));
    if (typeof d === "number" || (pad && d === "eq")) return d;
  }
}

/**
 * `mime_decode/1` and `mime_decode_to_string/1`: every character outside the alphabet is
 * skipped, and so is a pad with more digits after it.
 */
export function decodeMime(src: Source): number[] {
  const out = new Bits();
  for (;;) {
    let c = src.next();
    if (c === END) return out.bytes;
    if (c === IMPROPER) fc();
    const b1 = digit(c);
    if (typeof b1 !== "number") continue;
    const b2 = nextDigit(src, false) as number;
    let b3 = nextDigit(src, true);
    let b4: number | "eq" = b3 === "eq" ? "eq" : nextDigit(src, true);
    while (b4 === "eq") {
      // After a pad: the end, or more digits (the pad was not one).
      c = src.next();
      if (c === IMPROPER) fc();
      if (c === END) {
        if (b3 === "eq") {
          out.put(b1, 6);
          out.put(b2 >> 4, 2);
        } else {
          out.put(b1, 6);
          out.put(b2, 6);
          out.put(b3 >> 2, 4);
        }
        return out.bytes;
      }
      const d = digit(c);
      if (typeof d !== "number") continue;
      if (b3 === "eq") {
        b3 = d;
        b4 = nextDigit(src, true);
      } else b4 = d;
    }
    for (const d of [b1, b2, b3 as number, b4]) out.put(d, 6);
  }
}
