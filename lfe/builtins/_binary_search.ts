/**
 * Searching binaries as OTP's `binary:match/3` and `binary:matches/3` do: patterns (one binary,
 * a list of them, or one compiled by `binary:compile_pattern/1`), the `{scope, {Start, Length}}`
 * option, and the matches found, leftmost first and, of those starting together, the longest.
 * Every wrong argument is `badarg`, as in OTP.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { makeRef } from "../../runtime/api.ts";
import { Cons, Ref, type Term } from "../../runtime/terms.ts";
import { properArray } from "./_util.ts";

/** Raises `badarg`, as every function of `binary` does for a wrong argument. */
export function bad(): never {
  return raiseError("badarg");
}

/** The binary `t`; `badarg` for anything else (a bitstring too). */
export function bin(t: Term): Uint8Array {
  return t instanceof Uint8Array ? t : bad();
}

/** The small integer `t`; `badarg` for anything else. */
export function int(t: Term): number {
  return typeof t === "number" ? t : bad();
}

/**
 * The part `{pos, len}` of a binary of `size` bytes as `[start, end]`, a negative length
 * counting back from `pos`; `badarg` if it is not all inside.
 */
export function span(size: number, pos: Term, len: Term): [number, number] {
  let p = int(pos);
  let l = int(len);
  if (l < 0) {
    p += l;
    l = -l;
  }
  return p < 0 || p + l > size ? bad() : [p, p + l];
}

/** The `{Pos, Len}` tuple `t` as a span of a binary of `size` bytes. */
export function spanOf(size: number, t: Term): [number, number] {
  return Array.isArray(t) && t.length === 2 ? span(size, t[0] as Term, t[1] as Term) : bad();
}

// The patterns of compiled patterns, by their reference.
const compiled = new WeakMap<Ref, Uint8Array[]>();

function patternList(t: Term): Uint8Array[] {
  if (t instanceof Uint8Array) return t.length === 0 ? bad() : [t];
  if (!(t instanceof Cons)) return bad();
  const ps = (properArray(t) ?? bad()).map(bin);
  return ps.some((p) => p.length === 0) ? bad() : ps;
}

/** `binary:compile_pattern/1`: `{bm, Ref}` for one binary, `{ac, Ref}` for several. */
export function compilePattern(t: Term): Term {
  const ps = patternList(t);
  const ref = makeRef();
  compiled.set(ref, ps);
  return [ps.length === 1 ? "bm" : "ac", ref];
}

/** The patterns of a pattern argument: a binary, a list of binaries, or a compiled one. */
export function patterns(t: Term): Uint8Array[] {
  if (Array.isArray(t) && t.length === 2 && (t[0] === "bm" || t[0] === "ac")) {
    const ps = t[1] instanceof Ref ? compiled.get(t[1]) : undefined;
    return ps ?? bad();
  }
  return patternList(t);
}

/** The scope of the options of `match/3` or `matches/3` in a subject of `size` bytes. */
export function scopeOf(size: number, opts: Term): [number, number] {
  let s: [number, number] = [0, size];
  for (const o of properArray(opts) ?? bad()) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "scope") s = spanOf(size, o[1] as Term);
    else bad();
  }
  return s;
}

function matchesAt(subject: Uint8Array, at: number, end: number, p: Uint8Array): boolean {
  if (at + p.length > end) return false;
  for (let i = 0; i < p.length; i++) if (subject[at + i] !== p[i]) return false;
  return true;
}

/** The longest pattern matching at `at` (not past `end`): its length, or 0. */
function longestAt(subject: Uint8Array, at: number, end: number, ps: Uint8Array[]): number {
  let best = 0;
  for (const p of ps) {
    if (p.length > best && matchesAt(subject, at, end, p)) best = p.length;
  }
  return best;
}

/** The matches `[start, length]` in `subject[from, end)`: the first only, or all. */
export function findMatches(
  subject: Uint8Array,
  ps: Uint8Array[],
  [from, end]: [number, number],
  all: boolean,
): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  while (at < end) {
    const l = longestAt(subject, at, end, ps);
    if (l === 0) {
      at++;
      continue;
    }
    out.push([at, l]);
    if (!all) break;
    at += l;
  }
  return out;
}
