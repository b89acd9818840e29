/**
 * Erlang's writer (`io_lib:write/2`) and the fields of `io_lib:format`'s `~w` and `~s`, as the
 * deep character lists OTP 25 builds: `[1,2]` is `[91,["1",44,"2"],93]`, and a field's padding
 * a run of halves before or after the text.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import { BitString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import {
  charsRun,
  codes,
  cons,
  consAll,
  type Deep,
  type DeepItem,
  flatLength,
  flatText,
} from "./_deep.ts";
import { type Encoding, writeAtom, writeAtomic, writeErlang } from "./_erl_write.ts";

/**
 * A term as `io_lib:write/2` writes it down to depth `d` (-1 for all of it), in the shape
 * OTP builds.
 *
 * @example
 * ```ts
 * import { writeErlangDeep } from "./_erl_deep.ts";
 * import { list } from "../../runtime/terms.ts";
 * writeErlangDeep(list(1, 2)); // [91, ["1", 44, "2"], 93]
 * ```
 */
export function writeErlangDeep(t: Term, d = -1, enc: Encoding = "latin1"): Deep {
  try {
    return write1(t, d, enc);
  } catch (e) {
    if (e instanceof RangeError) return writeErlang(t, d, enc); // too deep to build
    throw e;
  }
}

function write1(t: Term, d: number, enc: Encoding): Deep {
  if (d === 0) return "...";
  const atomic = writeAtomic(t);
  if (atomic !== undefined) return atomic;
  if (typeof t === "string" || typeof t === "boolean") return writeAtom(t, enc);
  if (t instanceof Uint8Array || t instanceof BitString) return writeBinary(t, d);
  if (t === null) return "[]";
  if (t instanceof Cons) {
    if (d === 1) return "[...]";
    const inner: DeepItem[] = [write1(t.hd, d - 1, enc)];
    let c: Term = t.tl;
    for (let e = d - 1; c !== null; e--) {
      if (e === 1) {
        inner.push(124, 46, 46, 46);
        break;
      }
      if (!(c instanceof Cons)) {
        inner.push(124, write1(c, e - 1, enc));
        break;
      }
      inner.push(44, write1(c.hd, e - 1, enc));
      c = c.tl;
    }
    return [91, inner, 93];
  }
  if (Array.isArray(t)) {
    if (t.length === 0) return "{}";
    if (d === 1) return "{...}";
    const inner: DeepItem[] = [write1(t[0] as Term, d - 1, enc)];
    for (let i = 1, e = d - 1; i < t.length; i++, e--) {
      if (e === 1) {
        inner.push(44, 46, 46, 46);
        break;
      }
      inner.push(44, write1(t[i] as Term, e - 1, enc));
    }
    return [123, inner, 125];
  }
  if (t instanceof TermMap) return writeMap(t, d, enc);
  throw new TypeError(`Cannot write ${String(t)}: it is not a term`);
}

function writeMap(m: TermMap, d: number, enc: Encoding): Deep {
  if (d === 1) return "#{}";
  const kvs = orderedEntries(m);
  if (kvs.length === 0) return "#{}";
  const d0 = d - 1;
  const assoc = ([k, v]: readonly [Term, Term]): Deep => [
    write1(k, d0, enc),
    " => ",
    write1(v, d0, enc),
  ];
  const inner: DeepItem[] = [assoc(kvs[0] as readonly [Term, Term])];
  for (let i = 1, e = d0;; i++, e--) {
    // OTP checks the depth before it looks for a next pair.
    if (e === 1) {
      inner.push(44, 46, 46, 46);
      break;
    }
    const kv = kvs[i];
    if (kv === undefined) break;
    inner.push(44, assoc(kv));
  }
  return [35, 123, inner, 125];
}

/** `io_lib:write_binary/2`: the bytes down to depth `d`, the last bits as `value:size`. */
function writeBinary(b: Uint8Array | BitString, d: number): Deep {
  const bytes = b instanceof BitString ? b.bytes : b;
  const whole = b instanceof BitString ? bytes.length - 1 : bytes.length;
  const body: DeepItem[] = [];
  for (let i = 0; i < bytes.length; i++, d--) {
    if (d === 1) {
      body.push("...");
      break;
    }
    if (i < whole) {
      body.push(String(bytes[i]));
      if (i + 1 < bytes.length) body.push(44);
    } else {
      const n = (b as BitString).bits % 8;
      body.push(String((bytes[i] as number) >> (8 - n)), 58, String(n));
    }
  }
  return [60, 60, body, 62, 62];
}

// ---- the fields of io_lib_format ----

/** The parts of a control sequence that place its text in a field. */
export interface ErlField {
  width: number | null;
  left: boolean;
  prec: number | null;
  pad: Term;
  enc: Encoding;
}

function bad(): never {
  return raiseError("badarg");
}

function chars(c: Term, n: number): DeepItem[] {
  return typeof c === "number" && Number.isInteger(c) && c >= 0 ? charsRun(c, n) : bad();
}

/** OTP's `adjust/3`: `[Data | Pad]` or `[Pad | Data]`. */
function adjust(data: Deep, pad: DeepItem[], left: boolean): Deep {
  if (pad.length === 0) return data;
  return left ? cons(data, pad) : cons(pad, data);
}

/** `term/5` of `io_lib_format`: a term's characters in their field, `*`s when too long. */
export function erlTermField(t: Deep, f: ErlField): Deep {
  let { width, prec } = f;
  if (width === null && prec === null) return t;
  if (width === null) width = prec;
  const w = width as number;
  const l = flatLength(t);
  const p = Math.min(l, prec === null ? w : Math.min(prec, w));
  if (l > p) return adjust(chars(42, p), chars(f.pad, w - p), f.left);
  return adjust(t, chars(f.pad, w - l), f.left);
}

/**
 * The characters of `~s`'s argument as `io_lib_format` takes them, keeping the argument's
 * shape: Latin-1 io data (`iolist_to_chars`), or with `~ts` any characters and UTF-8 binaries
 * (`cdata_to_chars`).
 */
export function erlStringChars(t: Term, enc: Encoding): Deep {
  if (t instanceof Uint8Array) return binaryChars(t, enc);
  const out: DeepItem[] = [];
  let c: Term = t;
  for (; c instanceof Cons; c = c.tl) {
    const h: Term = c.hd;
    if (typeof h === "number" && Number.isInteger(h) && h >= 0) {
      if (enc === "latin1" ? h > 255 : h > 0x10ffff) bad();
      out.push(h);
    } else if (h === null || h instanceof Cons || h instanceof Uint8Array) {
      out.push(erlStringChars(h, enc));
    } else bad();
  }
  if (c === null) return out;
  return c instanceof Uint8Array ? consAll(out, binaryChars(c, enc)) : bad();
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function binaryChars(b: Uint8Array, enc: Encoding): number[] {
  if (enc === "unicode") {
    try {
      return codes(utf8.decode(b));
    } catch { /* not UTF-8: its bytes */ }
  }
  return [...b];
}

function flatTrunc(s: Deep, n: number): Deep {
  return codes(flatText(s)).slice(0, n);
}

/** `string/6` of `io_lib_format`: characters padded or cut to the precision and the field. */
export function erlStringField(s: Deep, f: ErlField): Deep {
  const { width, prec } = f;
  if (width === null && prec === null) return s;
  const n = flatLength(s);
  if (prec === null) return stringField(s, width as number, f.left, n, f);
  if (width === null) return stringField(s, prec, true, n, f);
  if (width < prec) return bad();
  if (width === prec) return stringField(s, width, f.left, n, f);
  if (n > prec) return adjust(flatTrunc(s, prec), chars(f.pad, width - prec), f.left);
  if (n < prec) {
    return adjust(cons(s, chars(f.pad, prec - n)), chars(f.pad, width - prec), f.left);
  }
  return adjust(s, chars(f.pad, width - prec), f.left);
}

function stringField(s: Deep, w: number, left: boolean, n: number, f: ErlField): Deep {
  if (n > w) return flatTrunc(s, w);
  if (n < w) return adjust(s, chars(f.pad, w - n), left);
  return s;
}
