/**
 * Character data as the format engine and `io:put_chars` read it: Erlang's `~s` (Latin-1 io
 * data, or any characters with `~ts`) and Unicode character data (`unicode:characters_to_list`).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import { codePoints, type Encoding } from "./_erl_write.ts";

function bad(): never {
  return raiseError("badarg");
}

function isChar(c: Term): boolean {
  return typeof c === "number" && c >= 0 && c <= 0x10ffff;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The characters of `~s` in Erlang: Latin-1 io data, or with `~ts` any characters. */
export function erlChars(t: Term, enc: Encoding): string {
  if (typeof t === "string" || typeof t === "boolean") {
    const name = String(t);
    return enc === "latin1" && codePoints(name).some((c) => c > 255) ? bad() : name;
  }
  let out = "";
  const walk = (x: Term): void => {
    let c = x;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && h >= 0 && (enc === "unicode" ? h <= 0x10ffff : h <= 255)) {
        out += String.fromCodePoint(h);
      } else if (h instanceof Cons || h === null || h instanceof Uint8Array) walk(h);
      else bad();
    }
    if (c instanceof Uint8Array) out += binaryChars(c, enc);
    else if (c !== null) bad();
  };
  walk(t);
  return out;
}

function binaryChars(b: Uint8Array, enc: Encoding): string {
  if (enc === "unicode") {
    try {
      return utf8.decode(b);
    } catch { /* not UTF-8: its bytes as Latin-1 characters */ }
  }
  return latin1(b);
}

/** The bytes of a binary as Latin-1 characters. */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/**
 * The text of Unicode character data (`unicode:characters_to_list/1`): characters, UTF-8
 * binaries and lists of them; with `atoms`, also an atom's name (as LFE's `~s`). Raises
 * `badarg` for anything else.
 *
 * @example
 * ```ts
 * import { chardataToString } from "./_chardata.ts";
 * import { binary, charlist, list } from "../../runtime/terms.ts";
 * chardataToString(list(charlist("ab"), binary("cd"))); // "abcd"
 * ```
 */
export function chardataToString(t: Term, atoms = false): string {
  if (atoms && (typeof t === "string" || typeof t === "boolean")) return String(t);
  let out = "";
  const walk = (x: Term): void => {
    let c = x;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (isChar(h) && !((h as number) >= 0xd800 && (h as number) <= 0xdfff)) {
        out += String.fromCodePoint(h as number);
      } else if (h instanceof Cons || h === null || h instanceof Uint8Array) walk(h);
      else bad();
    }
    if (c instanceof Uint8Array) {
      try {
        out += utf8.decode(c);
      } catch {
        bad();
      }
    } else if (c !== null) bad();
  };
  walk(t);
  return out;
}
