/**
 * Unicode text as OTP's `string` module sees it: character data (a list of code points, a
 * binary of UTF-8, or lists of both nested) read into code points, the boundaries of its
 * grapheme clusters (`"\r\n"` is one, as is `e` with a combining accent), and the way a pattern
 * or a separator is found in it.
 *
 * OTP finds a pattern by code points, but only where the match ends on a grapheme boundary:
 * `"\n"` is found in `"a\r\nb"` (it ends the cluster `"\r\n"`), `"\r"` is not. A match that
 * ends inside a cluster passes over the rest of that cluster.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";

/** The text of a term: its code points, and whether it came as a binary. */
export interface Text {
  binary: boolean;
  cps: number[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

function decode(b: Uint8Array, whole: Term): number[] {
  let s: string;
  try {
    s = utf8.decode(b);
  } catch {
    return raiseError(["badarg", whole]);
  }
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** The code points of character data, or `undefined` if `t` is none. */
export function codePointsOf(t: Term): number[] | undefined {
  const out: number[] = [];
  const add = (b: Uint8Array) => {
    for (const c of decode(b, t)) out.push(c);
  };
  if (t instanceof Uint8Array) {
    add(t);
    return out;
  }
  if (t !== null && !(t instanceof Cons)) return undefined;
  // One cell at a time; its tail waits on the stack while a nested list or binary is read.
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const c = stack.pop() as Term;
    if (c === null) continue;
    if (c instanceof Uint8Array) {
      add(c);
      continue;
    }
    if (!(c instanceof Cons)) return undefined;
    stack.push(c.tl);
    const h = c.hd;
    if (typeof h === "number" && h >= 0 && h <= 0x10ffff) out.push(h);
    else if (h === null || h instanceof Cons || h instanceof Uint8Array) stack.push(h);
    else return undefined;
  }
  return out;
}

/** The text of character data; `function_clause` for anything else, as OTP. */
export function textOf(t: Term): Text {
  const cps = codePointsOf(t);
  return cps === undefined
    ? raiseError("function_clause")
    : { binary: t instanceof Uint8Array, cps };
}

/** Code points as a term of the kind given: a binary, or a list. */
export function make(binary: boolean, cps: readonly number[]): Term {
  if (!binary) return arrayToList(cps as number[]);
  let s = "";
  for (const c of cps) s += String.fromCodePoint(c);
  return encoder.encode(s);
}

/** A part of a text as a term of the text's kind. */
export function part(t: Text, from: number, to = t.cps.length): Term {
  return make(t.binary, t.cps.slice(from, to));
}

// Made on first use: building a segmenter loads ICU's break rules, a cost every start would pay.
let segmenterCache: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  return segmenterCache ??= new Intl.Segmenter("en", { granularity: "grapheme" });
}

/** Where the grapheme clusters of `cps` start, and its length at the end: `[0, ..., n]`. */
export function clusterStarts(cps: readonly number[]): number[] {
  let s = "";
  for (const c of cps) s += String.fromCodePoint(c);
  const starts: number[] = [];
  let at = 0;
  for (const { segment } of segmenter().segment(s)) {
    starts.push(at);
    for (const _ of segment) at++;
  }
  starts.push(at);
  return starts;
}

/** The grapheme clusters of `cps`, each as its code points. */
export function clusters(cps: readonly number[]): number[][] {
  const starts = clusterStarts(cps);
  const out: number[][] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    out.push(cps.slice(starts[i], starts[i + 1]));
  }
  return out;
}

/** A text with its grapheme boundaries, for finding patterns and separators in it. */
export class Scanner {
  readonly cps: number[];
  readonly #boundary: boolean[];
  constructor(cps: number[]) {
    this.cps = cps;
    this.#boundary = new Array(cps.length + 1).fill(false);
    for (const i of clusterStarts(cps)) this.#boundary[i] = true;
  }

  /** Whether `pat` is at `i` (by code points). */
  at(i: number, pat: readonly number[]): boolean {
    if (i + pat.length > this.cps.length) return false;
    for (let j = 0; j < pat.length; j++) if (this.cps[i + j] !== pat[j]) return false;
    return true;
  }

  /** Whether a match of length `len` at `i` ends on a grapheme boundary. */
  endsWell(i: number, len: number): boolean {
    return this.#boundary[i + len] === true;
  }

  /** The end of the cluster that holds position `i`. */
  clusterEnd(i: number): number {
    let j = i + 1;
    while (j < this.cps.length && !this.#boundary[j]) j++;
    return j;
  }

  /** The first match of `pat` at or after `from`, or -1. */
  find(pat: readonly number[], from = 0): number {
    if (pat.length === 0) return -1;
    for (let i = from; i < this.cps.length;) {
      if (!this.at(i, pat)) i++;
      else if (this.endsWell(i, pat.length)) return i;
      else i = this.clusterEnd(i);
    }
    return -1;
  }

  /** The last match of `pat`, or -1. */
  findLast(pat: readonly number[]): number {
    if (pat.length === 0) return -1;
    for (let i = this.cps.length - pat.length; i >= 0; i--) {
      if (this.at(i, pat) && this.endsWell(i, pat.length)) return i;
    }
    return -1;
  }

  /**
   * The length of the separator at `i` (the longest of `seps` that matches there and ends on a
   * boundary); 0 for none, or minus the length of text to pass over when a separator matched
   * only into the middle of a cluster.
   */
  separator(i: number, seps: readonly (readonly number[])[]): number {
    let best = 0, bad = false;
    for (const s of seps) {
      if (s.length === 0 || !this.at(i, s)) continue;
      if (this.endsWell(i, s.length)) best = Math.max(best, s.length);
      else bad = true;
    }
    if (best > 0) return best;
    return bad ? -(this.clusterEnd(i) - i) : 0;
  }

  /** The text cut into runs, each `[start, end, isSeparator]`, covering it all in order. */
  runs(seps: readonly (readonly number[])[]): [number, number, boolean][] {
    const out: [number, number, boolean][] = [];
    const add = (from: number, to: number, sep: boolean) => {
      const last = out[out.length - 1];
      if (last !== undefined && last[2] === sep && last[1] === from) last[1] = to;
      else out.push([from, to, sep]);
    };
    for (let i = 0; i < this.cps.length;) {
      const n = this.separator(i, seps);
      const to = i + (n === 0 ? 1 : Math.abs(n));
      add(i, to, n > 0);
      i = to;
    }
    return out;
  }
}

/** A list of separators (each a character or a list of them) as code point sequences. */
export function separators(t: Term): number[][] {
  const out: number[][] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (typeof h === "number") out.push([h]);
    else {
      const cps = codePointsOf(h);
      if (cps === undefined) return raiseError("function_clause");
      out.push(cps);
    }
  }
  return c === null ? out : raiseError("function_clause");
}

/** Erlang's white space, which `string:trim/1` takes away. */
export const WHITESPACE: readonly number[][] = [
  [13, 10],
  [9],
  [10],
  [11],
  [12],
  [13],
  [32],
  [0x85],
  [0x200e],
  [0x200f],
  [0x2028],
  [0x2029],
];
