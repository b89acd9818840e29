/**
 * Matching for `re`: a subject as PCRE sees it (bytes; in `unicode` mode, UTF-8 text) held as
 * a JavaScript string with the byte offset of each of its positions, and the search loop with
 * PCRE's rules for empty matches (`notempty`, `notempty_atstart`, and a global search retrying
 * a non-empty match where an empty one was found).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import type { JsPattern } from "./_re_translate.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

function bad(): never {
  return raiseError("badarg");
}

/**
 * The bytes of io data (bytes and binaries) or, when `unicode`, of Unicode character data:
 * characters UTF-8 encoded, binaries taken as they are. Anything else raises `badarg`.
 */
export function dataBytes(t: Term, unicode: boolean): Uint8Array {
  if (t instanceof Uint8Array) return t;
  if (t !== null && !(t instanceof Cons)) return bad();
  const out: number[] = [];
  const walk = (x: Term): void => {
    let c = x;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && Number.isInteger(h) && h >= 0) {
        if (h < 128 || (!unicode && h < 256)) out.push(h);
        else if (!unicode || h > 0x10ffff || (h >= 0xd800 && h <= 0xdfff)) bad();
        else out.push(...encoder.encode(String.fromCodePoint(h)));
      } else if (h instanceof Uint8Array) out.push(...h);
      else if (h === null || h instanceof Cons) walk(h);
      else bad();
    }
    if (c instanceof Uint8Array) out.push(...c);
    else if (c !== null) bad();
  };
  walk(t);
  return Uint8Array.from(out);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bad();
  }
}

/** A subject ready for matching. */
export class Subject {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly unicode: boolean;
  /** The byte offset of each UTF-16 position of `text` (only in unicode mode). */
  readonly #offsets: Int32Array | undefined;

  constructor(bytes: Uint8Array, unicode: boolean) {
    this.bytes = bytes;
    this.unicode = unicode;
    if (unicode) {
      const text = decodeUtf8(bytes);
      this.text = text;
      const offs = new Int32Array(text.length + 1);
      let b = 0;
      for (let i = 0; i < text.length; i++) {
        offs[i] = b;
        const c = text.codePointAt(i) as number;
        const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (c >= 0x10000) offs[++i] = b;
        b += n;
      }
      offs[text.length] = b;
      this.#offsets = offs;
    } else {
      let s = "";
      for (let i = 0; i < bytes.length; i += 8192) {
        s += String.fromCharCode(...bytes.subarray(i, i + 8192));
      }
      this.text = s;
    }
  }

  /** The byte offset of a position of the text. */
  byteAt(i: number): number {
    return this.#offsets === undefined ? i : this.#offsets[i] as number;
  }

  /** The text position of a byte offset; `badarg` if no character starts there. */
  indexOf(byte: number): number {
    if (this.#offsets === undefined) return byte <= this.text.length ? byte : bad();
    let lo = 0, hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#offsets[mid] as number) < byte) lo = mid + 1;
      else hi = mid;
    }
    return this.#offsets[lo] === byte ? lo : bad();
  }

  /** The position one character after `i`. */
  next(i: number): number {
    const c = this.text.codePointAt(i);
    return i + (c !== undefined && c >= 0x10000 ? 2 : 1);
  }
}

/** A compiled pattern: its translation and the JavaScript regexps made from it. */
export class Compiled {
  readonly pattern: JsPattern;
  readonly flags: string;
  readonly #search: RegExp;
  readonly #sticky: RegExp;
  readonly #nonEmpty = new Map<number, RegExp>();

  constructor(pattern: JsPattern, caseless: boolean) {
    this.pattern = pattern;
    this.flags = "du" + (caseless ? "i" : "");
    this.#search = new RegExp(pattern.source, this.flags + "g");
    this.#sticky = new RegExp(pattern.source, this.flags + "y");
  }

  /** The first match at or after `pos` (only at `pos` when `anchored`). */
  exec(text: string, pos: number, anchored: boolean): RegExpExecArray | null {
    const re = anchored ? this.#sticky : this.#search;
    re.lastIndex = pos;
    return re.exec(text);
  }

  /** A non-empty match starting exactly at `pos`, as PCRE's `notempty_atstart` with `anchored`. */
  nonEmptyAt(text: string, pos: number): RegExpExecArray | null {
    // Past the end of the match there must be more characters behind than before `pos`.
    const behind = [...text.slice(0, pos)].length + 1;
    let re = this.#nonEmpty.get(behind);
    if (re === undefined) {
      re = new RegExp(`(?:${this.pattern.source})(?<=[\\s\\S]{${behind}})`, this.flags + "y");
      if (this.#nonEmpty.size > 64) this.#nonEmpty.clear();
      this.#nonEmpty.set(behind, re);
    }
    re.lastIndex = pos;
    return re.exec(text);
  }
}

/** The options of one search. */
export interface SearchOptions {
  anchored: boolean;
  notempty: boolean;
  notemptyAtstart: boolean;
  global: boolean;
  offset: number;
}

/** A match: the start and end (text positions) of the whole match and of each PCRE group. */
export type Match = ([number, number] | undefined)[];

function toMatch(m: RegExpExecArray, p: JsPattern): Match {
  const ind = m.indices as ([number, number] | undefined)[];
  return p.jsGroup.map((j) => ind[j]);
}

/** One match from `pos`, with the empty-match options. */
function searchOnce(c: Compiled, s: Subject, pos: number, o: SearchOptions): Match | undefined {
  const text = s.text;
  for (let p = pos; p <= text.length;) {
    const m = c.exec(text, p, o.anchored || c.pattern.anchorG);
    if (m === null) return undefined;
    const start = m.index, end = start + m[0].length;
    const emptyBanned = o.notempty || (o.notemptyAtstart && start === pos);
    if (end > start || !emptyBanned) return toMatch(m, c.pattern);
    const m2 = c.nonEmptyAt(text, start);
    if (m2 !== null) return toMatch(m2, c.pattern);
    if (o.anchored || c.pattern.anchorG) return undefined;
    p = s.next(start);
  }
  return undefined;
}

/** Every match as PCRE's global search finds them (one unless `global`). */
export function search(c: Compiled, s: Subject, o: SearchOptions): Match[] {
  const out: Match[] = [];
  let pos = s.indexOf(o.offset);
  let retry = false;
  while (pos <= s.text.length) {
    let m: Match | undefined;
    if (retry) {
      const r = c.nonEmptyAt(s.text, pos);
      m = r === null ? undefined : toMatch(r, c.pattern);
      if (m === undefined) {
        retry = false;
        pos = s.next(pos);
        continue;
      }
    } else m = searchOnce(c, s, pos, o);
    if (m === undefined) break;
    out.push(m);
    if (!o.global) break;
    const [start, end] = m[0] as [number, number];
    pos = end;
    retry = start === end;
  }
  return out;
}
