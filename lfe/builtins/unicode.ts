/**
 * The module `unicode` of OTP 25: character data to lists and binaries in `latin1`, UTF-8,
 * UTF-16 and UTF-32 (either byte order), with `{error, Done, Rest}` and
 * `{incomplete, Done, Rest}` where the data goes wrong, the four normalization forms, and
 * byte order marks.
 *
 * @example
 * ```ts
 * import { UNICODE } from "./unicode.ts";
 * import { list } from "../../runtime/terms.ts";
 * UNICODE["characters_to_binary/1"]!(list(955, 120)); // #"λx"
 * UNICODE["characters_to_list/2"]!(new Uint8Array([0, 97]), "utf16"); // "a"
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, type Term } from "../../runtime/terms.ts";
import { convert, type Enc, encoding } from "./_unicode_convert.ts";
import { functionClause as fc, moduleTable } from "./_util.ts";

/** The bytes of characters in `enc`. */
function encode(chars: number[], enc: Enc): Uint8Array {
  const out: number[] = [];
  for (const c of chars) {
    switch (enc) {
      case "latin1":
        out.push(c);
        break;
      case "utf8":
        for (const b of new TextEncoder().encode(String.fromCodePoint(c))) out.push(b);
        break;
      case "utf16be":
      case "utf16le": {
        const units = c < 0x10000
          ? [c]
          : [0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff)];
        for (const u of units) {
          out.push(...(enc === "utf16be" ? [u >> 8, u & 255] : [u & 255, u >> 8]));
        }
        break;
      }
      default: {
        const bs = [(c >>> 24) & 255, (c >> 16) & 255, (c >> 8) & 255, c & 255];
        out.push(...(enc === "utf32be" ? bs : bs.reverse()));
      }
    }
  }
  return Uint8Array.from(out);
}

function utf16or32(e: Enc): boolean {
  return e !== "latin1" && e !== "utf8";
}

function toList(data: Term, inEnc: Term): Term {
  const enc = encoding(inEnc);
  const r = convert(data, enc, () => true, utf16or32(enc));
  const done = arrayToList(r.chars);
  return r.stop === undefined ? done : [r.stop.kind, done, r.stop.rest];
}

function toBinary(data: Term, inEnc: Term, outEnc: Term): Term {
  const ie = encoding(inEnc);
  const oe = encoding(outEnc);
  const wrap = oe !== "utf8" || utf16or32(ie);
  const r = convert(data, ie, (c) => oe !== "latin1" || c <= 255, wrap);
  const done = encode(r.chars, oe);
  return r.stop === undefined ? done : [r.stop.kind, done, r.stop.rest];
}

function normalized(form: "NFC" | "NFD" | "NFKC" | "NFKD", binary: boolean) {
  return (data: Term): Term => {
    const r = convert(data, "utf8", () => true, false);
    const n = String.fromCodePoint(...r.chars).normalize(form);
    const done = binary
      ? new TextEncoder().encode(n)
      : arrayToList(Array.from(n, (ch) => ch.codePointAt(0) as number));
    return r.stop === undefined ? done : [r.stop.kind, done, r.stop.rest];
  };
}

function bomToEncoding(b: Term): Term {
  if (!(b instanceof Uint8Array)) return fc();
  const at = (i: number) => b[i];
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return ["utf8", 3];
  if (at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff) return [["utf32", "big"], 4];
  if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0) {
    return [["utf32", "little"], 4];
  }
  if (at(0) === 0xfe && at(1) === 0xff) return [["utf16", "big"], 2];
  if (at(0) === 0xff && at(1) === 0xfe) return [["utf16", "little"], 2];
  return ["latin1", 0];
}

const BOMS: Record<Enc, number[]> = {
  latin1: [],
  utf8: [0xef, 0xbb, 0xbf],
  utf16be: [0xfe, 0xff],
  utf16le: [0xff, 0xfe],
  utf32be: [0, 0, 0xfe, 0xff],
  utf32le: [0xff, 0xfe, 0, 0],
};

function encodingToBom(e: Term): Uint8Array {
  let enc: Enc;
  try {
    enc = encoding(e);
  } catch {
    return fc();
  }
  return Uint8Array.from(BOMS[enc]);
}

/** The functions of `unicode`, by `name/arity`. */
export const UNICODE: ModuleFunctions = moduleTable("unicode", {
  "characters_to_list/1": (d: Term) => toList(d, "unicode"),
  "characters_to_list/2": toList,
  "characters_to_binary/1": (d: Term) => toBinary(d, "unicode", "unicode"),
  "characters_to_binary/2": (d: Term, e: Term) => toBinary(d, e, "unicode"),
  "characters_to_binary/3": toBinary,
  // What OTP's own functions call inside: the same answers.
  "characters_to_list_int/2": toList,
  "characters_to_binary_int/2": (d: Term, e: Term) => toBinary(d, e, "unicode"),
  "characters_to_nfc_list/1": normalized("NFC", false),
  "characters_to_nfd_list/1": normalized("NFD", false),
  "characters_to_nfkc_list/1": normalized("NFKC", false),
  "characters_to_nfkd_list/1": normalized("NFKD", false),
  "characters_to_nfc_binary/1": normalized("NFC", true),
  "characters_to_nfd_binary/1": normalized("NFD", true),
  "characters_to_nfkc_binary/1": normalized("NFKC", true),
  "characters_to_nfkd_binary/1": normalized("NFKD", true),
  "bom_to_encoding/1": bomToEncoding,
  "encoding_to_bom/1": encodingToBom,
  "bin_is_7bit/1": (b: Term) =>
    b instanceof Uint8Array ? b.every((x) => x < 128) : raiseError("badarg"),
});
