/**
 * The conversions of OTP 25's `unicode:characters_to_list/2` and `characters_to_binary/3`:
 * character data (characters, binaries in the input encoding, lists of them nested) read one
 * character at a time, and where it goes wrong, the characters read so far with the rest of
 * the data shaped as BEAM shapes it: the list cell at a bad character (within its enclosing
 * lists' remainders), or a binary's rest followed by what remains after it; a binary cut short
 * at the very end is `incomplete`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Term } from "../../runtime/terms.ts";

/** An encoding: `latin1`, `utf8`, or UTF-16/32 in an order. */
export type Enc = "latin1" | "utf8" | "utf16be" | "utf16le" | "utf32be" | "utf32le";

/** The encoding an argument names; `badarg` for anything else. */
export function encoding(t: Term): Enc {
  if (t === "latin1") return "latin1";
  if (t === "unicode" || t === "utf8") return "utf8";
  if (t === "utf16") return "utf16be";
  if (t === "utf32") return "utf32be";
  if (Array.isArray(t) && t.length === 2 && (t[1] === "big" || t[1] === "little")) {
    const e = t[1] === "big" ? "be" : "le";
    if (t[0] === "utf16") return `utf16${e}`;
    if (t[0] === "utf32") return `utf32${e}`;
  }
  return raiseError("badarg");
}

/** The outcome of a conversion: the characters, and how it stopped if it did. */
export interface Converted {
  chars: number[];
  stop?: { kind: "error" | "incomplete"; rest: Term };
}

/** One character from `b` at `i`: `[char, length]`, `"bad"`, or `"short"` (cut off). */
function decodeAt(
  b: Uint8Array,
  i: number,
  enc: Enc,
): [number, number] | "bad" | "short" | "broken" {
  const n = b.length - i;
  switch (enc) {
    case "latin1":
      return [b[i] as number, 1];
    case "utf8":
      return utf8At(b, i);
    case "utf16be":
    case "utf16le": {
      if (n < 2) return "short";
      const u = (p: number) =>
        enc === "utf16be"
          ? ((b[p] as number) << 8) | (b[p + 1] as number)
          : ((b[p + 1] as number) << 8) | (b[p] as number);
      const w = u(i);
      if (w >= 0xdc00 && w <= 0xdfff) return "bad";
      if (w < 0xd800 || w > 0xdbff) return [w, 2];
      if (n < 4) return "short";
      const w2 = u(i + 2);
      if (w2 < 0xdc00 || w2 > 0xdfff) return "bad";
      return [0x10000 + ((w - 0xd800) << 10) + (w2 - 0xdc00), 4];
    }
    default: {
      // A UTF-32 character cut short can still be one only if its high bytes allow it.
      if (n < 4) {
        return enc === "utf32le" || (b[i] === 0 && (n < 2 || (b[i + 1] as number) <= 0x10))
          ? "short"
          : "bad";
      }
      const c = enc === "utf32be"
        ? (b[i] as number) * 0x1000000 +
          (((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number))
        : (b[i + 3] as number) * 0x1000000 +
          (((b[i + 2] as number) << 16) | ((b[i + 1] as number) << 8) | (b[i] as number));
      return isChar(c) ? [c, 4] : "bad";
    }
  }
}

function utf8At(b: Uint8Array, i: number): [number, number] | "bad" | "short" | "broken" {
  const c0 = b[i] as number;
  if (c0 < 0x80) return [c0, 1];
  const len = c0 >= 0xc2 && c0 <= 0xdf
    ? 2
    : c0 >= 0xe0 && c0 <= 0xef
    ? 3
    : c0 >= 0xf0 && c0 <= 0xf4
    ? 4
    : 0;
  if (len === 0) return "bad";
  let c = c0 & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    if (i + k >= b.length) return "short";
    const x = b[i + k] as number;
    if ((x & 0xc0) !== 0x80) return "broken";
    c = (c << 6) | (x & 0x3f);
    // An overlong form, a surrogate or a code past the last is known by its second byte.
    if (k === 1) {
      const min = len === 3 ? 0x800 >> 6 : len === 4 ? 0x10000 >> 12 : 0;
      if (len === 3 && (c < min || (c >= 0xd800 >> 6 && c <= 0xdfff >> 6))) return "bad";
      if (len === 4 && (c < min || c > 0x10ffff >> 12)) return "bad";
    }
  }
  return [c, len];
}

function isChar(c: unknown): c is number {
  return typeof c === "number" && c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);
}

/** What follows a point, its lists flattened. */
function flat(outer: Term[], tail: Term): Term {
  const items: Term[] = [];
  let end: Term = null;
  const add = (t: Term, outermost: boolean): void => {
    let c = t;
    for (; c instanceof Cons; c = c.tl) {
      if (c.hd === null || c.hd instanceof Cons) add(c.hd, false);
      else items.push(c.hd);
    }
    if (c !== null && outermost) end = c;
    else if (c !== null) items.push(c);
  };
  for (const t of [tail, ...[...outer].reverse()]) add(t, false);
  let r: Term = end;
  for (let k = items.length - 1; k >= 0; k--) r = new Cons(items[k] as Term, r);
  return r;
}

/** What follows a point: its list's tail, wrapped by the enclosing lists' tails. */
function wrapTail(outer: Term[], tail: Term): Term {
  if (tail === null && outer.every((t) => t === null)) return null;
  return wrap(outer, tail);
}

class Stop {
  constructor(readonly kind: "error" | "incomplete", readonly rest: Term) {}
}

/**
 * Reads the characters of `data` in `enc`, each passed to `accept`, which answers whether
 * the output takes it (`latin1` output refuses characters past 255); with `wrapBad` a bad
 * character in a list is put in a list of its own in the rest, as BEAM does on all but its
 * direct paths. Raises `badarg` for data of the wrong shape.
 */
export function convert(
  data: Term,
  enc: Enc,
  accept: (c: number) => boolean,
  wrapBad: boolean,
): Converted {
  const chars: number[] = [];
  // The tails of the enclosing lists, outermost first, each the remainder after its element.
  const outer: Term[] = [];
  let top = false;
  // `tl` is the tail after the binary in its list, or undefined for a list's binary tail.
  const binary = (b: Uint8Array, tl: Term | undefined, last: () => boolean): void => {
    let i = 0;
    while (i < b.length) {
      const d = decodeAt(b, i, enc);
      if (d === "short" && last()) throw new Stop("incomplete", b.subarray(i));
      if (typeof d === "string" || !accept(d[0])) {
        const rest = b.subarray(i);
        if (top) throw new Stop("error", rest);
        if (tl === undefined) throw new Stop("error", wrap(outer, rest));
        // UTF-16 and UTF-32 cut short in a list: the binary's rest, then what follows, flat.
        if (d === "short" && enc !== "utf8") {
          throw new Stop("error", new Cons(rest, flat(outer, tl)));
        }
        // A sequence broken or cut short in a list: the binary's rest, then what follows it.
        if (d === "broken" || d === "short") {
          const after = wrapTail(outer, tl);
          throw new Stop("error", after === null ? rest : new Cons(rest, new Cons(after, null)));
        }
        throw new Stop("error", wrap(outer, new Cons(rest, tl)));
      }
      chars.push(d[0]);
      i += d[1];
    }
  };
  const walk = (l: Term): void => {
    let c = l;
    while (c instanceof Cons) {
      const h = c.hd;
      const tl = c.tl;
      if (typeof h === "number") {
        if (!isChar(h) || (enc === "latin1" && h > 255) || !accept(h)) {
          const here = wrapBad ? new Cons(new Cons(h, null), tl) : c;
          throw new Stop("error", wrap(outer, here));
        }
        chars.push(h);
      } else if (h instanceof Uint8Array) {
        binary(h, tl, () => isEmpty(tl) && outer.every(isEmpty));
      } else if (h === null || h instanceof Cons) {
        outer.push(tl);
        walk(h);
        outer.pop();
      } else raiseError("badarg");
      c = tl;
    }
    if (c instanceof Uint8Array) {
      binary(c, undefined, () => outer.every(isEmpty));
    } else if (c !== null) raiseError("badarg");
  };
  try {
    if (data instanceof Uint8Array) {
      top = true;
      binary(data, null, () => true);
    } else if (data === null || data instanceof Cons) walk(data);
    else raiseError("badarg");
  } catch (e) {
    if (e instanceof Stop) return { chars, stop: { kind: e.kind, rest: e.rest } };
    throw e;
  }
  return { chars };
}

function isEmpty(t: Term): boolean {
  return t === null;
}

/** The cell at a bad character wrapped by the remainders of its enclosing lists. */
function wrap(outer: Term[], here: Term): Term {
  let r = here;
  for (let k = outer.length - 1; k >= 0; k--) r = new Cons(r, outer[k] as Term);
  return r;
}
