/**
 * A term measured to fit a character limit, as OTP 25's `io_lib_pretty:intermediate/6` does
 * for `~p`, `~w` and `io_lib:write/2` with `chars_limit`: each part measured with the
 * characters left to it (a list or a tuple stops at `...` when they run out, as well as at the
 * depth), then the depth searched — doubled while everything still fits, then halved between
 * the last that fitted and the first that did not — by expanding the parts cut at `...`.
 *
 * The parts are the nodes `_erl_measure.ts` makes, so that the pretty printer lays them out as
 * it lays out any term; a cut part carries how many `...` it holds and how to measure it again
 * deeper.
 *
 * @module
 */

import { orderedEntries } from "../../runtime/term_order.ts";
import { BitString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { codePoints, type Encoding, quoteChars, writeAtom, writeAtomic } from "./_erl_write.ts";
import { type Node, printableLatin1 } from "./_erl_measure.ts";

/** A measured part: a node, the `...` it holds, and how to measure it deeper (`expand`). */
type LNode = Node & { dots: number; more: More | null; isDots?: boolean };
/** The parts of a list, tuple or map: the elements, and a tail (`...`, or an improper tail). */
interface IfList {
  es: LNode[];
  tail: LNode | null;
}
type More = (t: number, dd: number) => LNode | IfList;

const tsub = (t: number, e: number) => (t < 0 ? t : t >= e ? t - e : 0);

function leaf(s: string, dots = 0, more: More | null = null): LNode {
  return { k: "s", s, len: codePoints(s).length, dots, more };
}

function dotsTail(more: More): LNode {
  return { k: "s", s: "...", len: 3, dots: 3, more, isDots: true };
}

/** `printable_latin1_list/2`: `all`, or how many of `n` were left where it stopped. */
function printableCount(l: Term, n: number): "all" | number {
  let c = l;
  for (; c instanceof Cons; c = c.tl) {
    if (n === 0) return 0;
    if (typeof c.hd !== "number" || !printableLatin1(c.hd)) return n;
    n--;
  }
  return c === null ? "all" : n;
}

function listLength(l: IfList, acc: number): [number, number] {
  let len = acc, dots = 0;
  l.es.forEach((e, i) => {
    len += e.len + (i > 0 ? 1 : 0);
    dots += e.dots;
  });
  if (l.tail !== null) {
    len += l.tail.len + (l.es.length > 0 ? 1 : 0);
    dots += l.tail.dots;
  }
  return [len, dots];
}

function compound(
  k: "list" | "tuple" | "map",
  tagged: boolean,
  l: IfList,
  brackets: number,
  more: More | null,
): LNode {
  const [len, dots] = listLength(l, brackets);
  return { k, tagged, es: l.es, end: l.tail, len, dots, more: dots > 0 ? more : null };
}

/** `print_length/6`: a term measured to depth `d` (never 0) with `t` characters (-1: none). */
function printLength(x: Term, d: number, t: number, enc: Encoding, str: boolean): LNode {
  if (x === null) return leaf("[]");
  if (typeof x === "string" || typeof x === "boolean") return leaf(writeAtom(x, enc));
  if (x instanceof Cons) {
    if (str && d !== 1) {
      if (t < 0) {
        if (printableCount(x, Infinity) === "all") return leaf(stringOf(x));
      } else {
        const n = tsub(t, 2);
        const r = printableCount(x, n);
        if (r === "all") return leaf(stringOf(x));
        if (r === 0) {
          const prefix: number[] = [];
          let c: Term = x;
          for (let i = 0; i < n && c instanceof Cons; i++, c = c.tl) prefix.push(c.hd as number);
          const s = quoteChars(prefix, '"', "unicode");
          return { k: "s", s: s + "...", len: 3 + codePoints(s).length, dots: 0, more: null };
        }
      }
    }
    const l = list1(x, d, tsub(t, 2), enc, str);
    return compound("list", false, l, 2, (t1, dd) => printLength(x, d + dd, t1, enc, str));
  }
  if (Array.isArray(x)) {
    if (x.length === 0) return leaf("{}");
    if (d === 1) return leaf("{...}", 3, (t1, dd) => printLength(x, 1 + dd, t1, enc, str));
    const l = tuple1(x, 0, d, tsub(t, 2), enc, str);
    const tagged = (typeof x[0] === "string" || typeof x[0] === "boolean") && x.length > 1;
    const n = compound("tuple", tagged, l, 2, null);
    n.more = null;
    return n;
  }
  if (x instanceof TermMap) {
    if (x.size === 0) return leaf("#{}");
    if (d === 1) return leaf("#{...}", 3, (t1, dd) => printLength(x, 1 + dd, t1, enc, str));
    const entries = orderedEntries(x) as [Term, Term][];
    const l = pairs(entries, 0, d, d - 1, tsub(t, 3), enc, str);
    const n = compound("map", false, l, 3, null);
    n.more = null;
    return n;
  }
  if (x instanceof Uint8Array || x instanceof BitString) return binary(x, d, t, enc, str);
  if (typeof x === "function") return leaf(writeAtomic(x) ?? "#Fun<>");
  return leaf(writeAtomic(x) ?? String(x));
}

function stringOf(l: Term): string {
  const cs: number[] = [];
  for (let c = l; c instanceof Cons; c = c.tl) cs.push(c.hd as number);
  return quoteChars(cs, '"', "unicode");
}

function list1(x: Term, d: number, t: number, enc: Encoding, str: boolean): IfList {
  const es: LNode[] = [];
  let c = x;
  for (;;) {
    if (c === null) return { es, tail: null };
    if (d === 1 || t === 0) {
      const rest = c, dd0 = d;
      return { es, tail: dotsTail((t1, dd) => list1(rest, dd0 + dd, t1, enc, str)) };
    }
    if (!(c instanceof Cons)) return { es, tail: printLength(c, d - 1, t, enc, str) };
    const e = printLength(c.hd, d - 1, tsub(t, 1), enc, str);
    es.push(e);
    t = tsub(t, e.len + 1);
    d--;
    c = c.tl;
  }
}

function tuple1(x: Term[], i: number, d: number, t: number, enc: Encoding, str: boolean): IfList {
  const es: LNode[] = [];
  for (;;) {
    if (i >= x.length) return { es, tail: null };
    if (d === 1 || t === 0) {
      const at = i, dd0 = d;
      return { es, tail: dotsTail((t1, dd) => tuple1(x, at, dd0 + dd, t1, enc, str)) };
    }
    const t1 = tsub(t, 1);
    const e = printLength(x[i]!, d - 1, t1, enc, str);
    es.push(e);
    t = tsub(t1, e.len);
    d--;
    i++;
  }
}

function pairs(
  entries: [Term, Term][],
  i: number,
  d: number,
  d0: number,
  t: number,
  enc: Encoding,
  str: boolean,
): IfList {
  const es: LNode[] = [];
  for (;;) {
    if (i >= entries.length) return { es, tail: null };
    if (d === 1 || t === 0) {
      const at = i, dd0 = d;
      return { es, tail: dotsTail((t1, dd) => pairs(entries, at, dd0 + dd, d0, t1, enc, str)) };
    }
    const [k, v] = entries[i]!;
    const p = pair(printLength(k, d0, tsub(t, 1), enc, str), v, d0, tsub(t, 1), enc, str);
    es.push(p);
    t = tsub(t, p.len + 1);
    d--;
    i++;
  }
}

function pair(key: LNode, v: Term, d: number, t: number, enc: Encoding, str: boolean): LNode {
  const kl1 = key.len + 4;
  const val = printLength(v, d, tsub(t, kl1), enc, str);
  return { k: "pair", key, val, len: kl1 + val.len, dots: key.dots + val.dots, more: null };
}

function binary(
  x: Uint8Array | BitString,
  d: number,
  t: number,
  enc: Encoding,
  str: boolean,
): LNode {
  const bytes = x instanceof Uint8Array ? x : x.bytes;
  const bits = x instanceof Uint8Array ? x.length * 8 : x.bits;
  if (bits === 0) return leaf("<<>>");
  const again: More = (t1, dd) => printLength(x, d + dd, t1, enc, str);
  if (d === 1) return leaf("<<...>>", 3, (t1, dd) => printLength(x, 1 + dd, t1, enc, str));
  const d1 = d - 1;
  if (str && bits % 8 === 0) {
    // printable_bin0/4 and printable_bin/4, for Latin-1.
    const size = bytes.length;
    const t6 = tsub(t, 6);
    const len = d1 >= 0
      ? (t6 >= 0 ? Math.min(t6, Math.min(4 * d1, size)) : Math.min(4 * d1, size))
      : (t6 < 0 ? size : t6);
    let prefix = -1;
    if (len > 0) {
      const n = Math.min(20, len);
      let p = 0;
      while (p < n && printableLatin1(bytes[p]!)) p++;
      if (p === n) {
        if (n === size) prefix = size;
        else if (n === len) prefix = -2 - n;
        else {
          let q = n;
          while (q < len && printableLatin1(bytes[q]!)) q++;
          if (q === len && size === len) prefix = size;
          else if (d1 > 0 && q >= d1) prefix = -2 - q;
        }
      } else if (d1 > 0 && p >= d1) prefix = -2 - p;
    }
    if (prefix === size) return leaf(`<<${quoteChars(bytes, '"', "unicode")}>>`);
    if (prefix <= -2) {
      const s = quoteChars(bytes.subarray(0, -2 - prefix), '"', "unicode");
      return { k: "s", s: `<<${s}...>>`, len: 7 + codePoints(s).length, dots: 3, more: again };
    }
  }
  // io_lib:write_binary/3: the bytes to the depth and the characters, then `...`.
  const parts: string[] = [];
  let dd = d, tt = tsub(t, 4), i = 0;
  let cut = false;
  for (;;) {
    const whole = Math.floor(bits / 8);
    if (i === whole && bits % 8 === 0) break;
    if (dd === 1 || tt === 0) {
      parts.push("...");
      cut = true;
      break;
    }
    if (i === whole) {
      const rest = bits % 8;
      parts.push(`${bytes[i]! >> (8 - rest)}:${rest}`);
      break;
    }
    const s = String(bytes[i]!);
    parts.push(s);
    i++;
    dd--;
    tt = tsub(tt, s.length + 1);
  }
  const text = `<<${parts.join(",")}>>`;
  return { k: "bin", parts, len: text.length, dots: cut ? 3 : 0, more: cut ? again : null };
}

function expand(n: LNode, t: number, dd: number): LNode {
  if (n.dots === 0 && n.more === null) return n;
  if (n.k === "tuple" && n.more === null) {
    const l = expandList({ es: n.es as LNode[], tail: n.end as LNode | null }, tsub(t, 2), dd);
    return compound("tuple", n.tagged, l, 2, null);
  }
  if (n.k === "map" && n.more === null) {
    const l = expandList({ es: n.es as LNode[], tail: n.end as LNode | null }, tsub(t, 3), dd);
    return compound("map", false, l, 3, null);
  }
  if (n.k === "pair" && n.more === null) {
    const key = expand(n.key as LNode, tsub(t, 1), dd);
    const kl1 = key.len + 4;
    const val = expand(n.val as LNode, tsub(t, kl1), dd);
    return { k: "pair", key, val, len: kl1 + val.len, dots: key.dots + val.dots, more: null };
  }
  return n.more!(t, dd) as LNode;
}

function expandList(l: IfList, t: number, dd: number): IfList {
  const es: LNode[] = [];
  for (const e of l.es) {
    const x = expand(e, tsub(t, 1), dd);
    es.push(x);
    t = tsub(t, x.len + 1);
  }
  if (l.tail === null) return { es, tail: null };
  if (l.tail.isDots) {
    const rest = l.tail.more!(t, dd) as IfList;
    return { es: [...es, ...rest.es], tail: rest.tail };
  }
  return { es, tail: expand(l.tail, t, dd) };
}

/** `intermediate/6`: the term measured to fit `t` characters, to depth `d` at most (-1: any). */
export function intermediate(x: Term, d: number, t: number, enc: Encoding, str: boolean): Node {
  const d0 = 1;
  const first = printLength(x, d0, t, enc, str);
  if (first.dots === 0 || first.len > t || d === 1) return first;
  return findUpper(first, t, d0, 2, d);
}

function findUpper(lower: LNode, t: number, dl: number, ddl: number, d: number): LNode {
  const dd2 = ddl * 2;
  const d1 = d < 0 ? dl + dd2 : Math.min(dl + dd2, d);
  const n = expand(lower, t, d1 - dl);
  if (n.dots === 0) return n;
  if (n.len === t) return n;
  if (n.len < t && (d1 < d || d < 0)) return findUpper(n, t, d1, dd2, d);
  return searchDepth(lower, n, t, dl, d1);
}

function searchDepth(lower: LNode, upper: LNode, t: number, dl: number, du: number): LNode {
  if (du - dl === 1) return lower.len === t ? lower : upper;
  const d1 = Math.floor((dl + du) / 2);
  const n = expand(lower, t, d1 - dl);
  if (n.len > t) return searchDepth(lower, n, t, dl, d1);
  return searchDepth(n, upper, t, d1, du);
}
