/**
 * `re:replace/4` and `re:split/3` on the matches a search found: the io data each builds is
 * shaped as OTP's `re` module shapes it (binaries of the untouched parts and of each
 * replacement, an improper tail for the rest of the subject), then returned as io data, a list
 * or a binary.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, charlist, Cons, type Term } from "../../runtime/terms.ts";
import type { Match, Subject } from "./_re_match.ts";
import type { ReOptions } from "./_re_options.ts";

const utf8 = new TextDecoder();

/** A replacement read as OTP's `precomp_repl`: literal bytes and group numbers. */
function replacementParts(r: Uint8Array): (Uint8Array | number)[] {
  const out: (Uint8Array | number)[] = [];
  let lit: number[] = [];
  const flush = () => {
    if (lit.length > 0) out.push(Uint8Array.from(lit));
    lit = [];
  };
  const digitsAt = (i: number): [number, number] => {
    let j = i;
    while (j < r.length && (r[j] as number) >= 48 && (r[j] as number) <= 57) j++;
    if (j === i) raiseError("badarg");
    return [Number(utf8.decode(r.subarray(i, j))), j];
  };
  for (let i = 0; i < r.length;) {
    const c = r[i] as number;
    if (c === 92 && i + 1 < r.length) {
      const x = r[i + 1] as number;
      if (x === 103 && i + 2 < r.length) { // \g, \g{N}
        const braced = r[i + 2] === 123;
        const [n, j] = digitsAt(i + (braced ? 3 : 2));
        if (braced && r[j] !== 125) raiseError("badarg");
        flush();
        out.push(n);
        i = braced ? j + 1 : j;
      } else if (x < 49 || x > 57) {
        lit.push(x);
        i += 2;
      } else {
        const [n, j] = digitsAt(i + 1);
        flush();
        out.push(n);
        i = j;
      }
    } else if (c === 38) {
      flush();
      out.push(0);
      i++;
    } else {
      lit.push(c);
      i++;
    }
  }
  flush();
  return out;
}

/** The byte span of group `g` of a match, or `undefined` when it is unset. */
function span(s: Subject, m: Match, g: number): [number, number] | undefined {
  const x = m[g];
  return x === undefined ? undefined : [s.byteAt(x[0]), s.byteAt(x[1])];
}

function returned(io: Term, bytes: () => Uint8Array, s: Subject, o: ReOptions): Term {
  if (o.returnType === "iodata") return io;
  const b = bytes();
  if (o.returnType === "binary") return b;
  return s.unicode ? charlist(utf8.decode(b)) : arrayToList([...b]);
}

function flatten(io: Term): Uint8Array {
  const parts: Uint8Array[] = [];
  const walk = (t: Term): void => {
    if (t instanceof Uint8Array) parts.push(t);
    else if (t instanceof Cons) {
      walk(t.hd);
      walk(t.tl);
    }
  };
  walk(io);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) out.set(p, k), k += p.length;
  return out;
}

/** `replace/4`: the subject with each match replaced. */
export function replaceIn(
  original: Term,
  s: Subject,
  matches: Match[],
  repl: Uint8Array,
  o: ReOptions,
): Term {
  if (matches.length === 0) return returned(original, () => s.bytes, s, o);
  const parts = replacementParts(repl);
  const whole = s.bytes;
  const items: Term[] = [];
  let pos = 0;
  for (const m of matches) {
    const [from, to] = span(s, m, 0) as [number, number];
    if (from > pos) items.push(whole.slice(pos, from));
    if (parts.length === 1 && parts[0] instanceof Uint8Array) items.push(parts[0]);
    else {
      items.push(arrayToList(parts.map((p) => {
        if (p instanceof Uint8Array) return p;
        const g = span(s, m, p);
        return g === undefined ? new Uint8Array() : whole.slice(g[0], g[1]);
      })));
    }
    pos = to;
  }
  const io = arrayToList(items, pos < whole.length ? whole.slice(pos) : null);
  return returned(io, () => flatten(io), s, o);
}

/** `split/3`: the parts between the matches, with the groups of each match among them. */
export function splitBy(s: Subject, matches: Match[], groups: number, o: ReOptions): Term {
  const whole = s.bytes;
  const convert = (b: Uint8Array): Term => returned(b, () => b, s, o);
  if (matches.length === 0) {
    const one = convert(whole);
    return arrayToList([o.group ? arrayToList([one]) : one]);
  }
  const out: Uint8Array[][] = [];
  let offset = 0, limit = o.limit;
  for (const m of matches) {
    if (limit === 0) break;
    const [from, to] = span(s, m, 0) as [number, number];
    const subs: Uint8Array[] = [];
    let allEmpty = true;
    for (let g = 1; g <= groups; g++) {
      const x = span(s, m, g);
      if (x !== undefined && x[1] > x[0]) allEmpty = false;
      subs.push(x === undefined ? new Uint8Array() : whole.slice(x[0], x[1]));
    }
    if (from === offset && allEmpty && to === from) {
      offset = to;
      continue;
    }
    out.push([whole.slice(offset, from), ...subs]);
    offset = to;
    limit--;
  }
  out.push([whole.slice(offset)]);
  let kept = out;
  if (o.strip) {
    let n = kept.length;
    if (o.group) { while (n > 0 && kept[n - 1]!.every((b) => b.length === 0)) n--; }
    else {
      const flat = kept.flat();
      let k = flat.length;
      while (k > 0 && (flat[k - 1] as Uint8Array).length === 0) k--;
      return arrayToList(flat.slice(0, k).map(convert));
    }
    kept = kept.slice(0, n);
  }
  if (o.group) return arrayToList(kept.map((g) => arrayToList(g.map(convert))));
  return arrayToList(kept.flat().map(convert));
}
