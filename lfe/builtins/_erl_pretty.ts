/**
 * Erlang's pretty printer (`~p`, `~P`): the layout of OTP's `io_lib_pretty` without records or
 * a character limit. A term that fits in the rest of the line is written on it; otherwise lists,
 * tuples and maps break, tagged tuples `{tag,...}` indent under their tag, and runs of atomic
 * elements share lines. Strings are lists of printable Latin-1 characters (OTP's default
 * printable range), in either encoding.
 *
 * @module
 */

import { BitString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { consAll, type Deep, type DeepItem } from "./_deep.ts";
import { writeErlangDeep } from "./_erl_deep.ts";
import { DOTS, measure, type Node } from "./_erl_measure.ts";
import { intermediate } from "./_erl_limited.ts";
import { type Encoding, writeErlang } from "./_erl_write.ts";

/** Whether a node is written whole (`?ATM` in OTP). */
function atomic(n: Node): boolean {
  return n.k === "s";
}

function atomicPair(n: Node): boolean {
  return n.k === "pair" && atomic(n.key) && atomic(n.val);
}

function write(n: Node): string {
  switch (n.k) {
    case "s":
      return n.s;
    case "bin":
      return `<<${n.parts.join(",")}>>`;
    case "pair":
      return `${write(n.key)} => ${write(n.val)}`;
  }
  const [open, close, sep] = n.k === "list" ? ["[", "]", "|"] : n.k === "map" ? ["#{", "}", ","] : [
    "{",
    "}",
    ",",
  ];
  let s = open + n.es.map(write).join(",");
  if (n.end !== null) s += (n.es.length > 0 ? sep : "") + write(n.end);
  return s + close;
}

/** Layout state: line length, the length of the whole term, and the tag indentation. */
interface Ctx {
  ll: number;
  m: number;
  tind: number;
}

class NoGood extends Error {}

function fits(n: Node, col: number, c: Ctx, ld: number, w: number): boolean {
  return n.len < c.ll - col - ld && n.len + w + ld <= c.m;
}

// Whether the next element of a run fits on the current line after a comma.
function fitsAfter(n: Node, col: number, c: Ctx, ld1: number, w: number): boolean {
  const eLen = 1 + n.len;
  return ld1 === 0
    ? eLen + 1 < c.ll - col && w + eLen + 1 <= c.m
    : eLen < c.ll - col - ld1 && w + eLen + ld1 <= c.m;
}

function lastDepth(hasMore: boolean, ld: number): number {
  return hasMore ? 0 : ld + 1;
}

const sp = (n: number) => " ".repeat(Math.max(0, n));

function pp(n: Node, col: number, c: Ctx, ind: number, ld: number, w: number): string {
  if (fits(n, col, c, ld, w)) return write(n);
  switch (n.k) {
    case "list":
      return "[" + ppList(n, col + 1, c, ind + 1, ld, "|", w + 1) + "]";
    case "tuple":
      if (n.tagged) return "{" + ppTagTuple(n, col, c, ind, ld, w + 1) + "}";
      return "{" + ppList(n, col + 1, c, ind + 1, ld, ",", w + 1) + "}";
    case "map":
      return "#{" + ppMap(n, col + 2, c, ind + 2, ld, w + 1) + "}";
    case "bin":
      return ppBinary(n, col + 2, c, ind + 2, ld, w);
    case "pair":
      return ppPair(n, col, c, ind, ld, w)[0];
  }
  return n.s;
}

type Seq = Extract<Node, { es: Node[] }>;

function ppTagTuple(n: Seq, col: number, c: Ctx, ind: number, ld: number, w: number): string {
  const tag = n.es[0] as Node;
  const tagInd = tag.len + 2;
  const tcol = col + tagInd;
  if (c.tind > 0 && tagInd > c.tind) {
    return write(tag) + ppTail(n, 1, col + c.tind, tcol, c, ind + c.tind, ld, ",", w + tag.len);
  }
  return write(tag) + "," + ppList(n, tcol, c, ind + tagInd, ld, ",", w + tag.len + 1, 1);
}

function ppList(
  n: Seq,
  col0: number,
  c: Ctx,
  ind: number,
  ld: number,
  sep: string,
  w: number,
  from = 0,
): string {
  const e = n.es[from];
  if (e === undefined) return n.end === null ? "" : "...";
  const [es, we] = ppElement(e, col0, c, ind, lastDepth(from + 1 < n.es.length, ld), w);
  return es + ppTail(n, from + 1, col0, col0 + we, c, ind, ld, sep, w + we);
}

function ppTail(
  n: Seq,
  from: number,
  col0: number,
  col: number,
  c: Ctx,
  ind: number,
  ld: number,
  sep: string,
  w: number,
): string {
  let s = "";
  for (let i = from; i < n.es.length; i++) {
    const e = n.es[i] as Node;
    const ld1 = lastDepth(i + 1 < n.es.length, ld);
    const ok = n.k === "map" ? atomicPair(e) : atomic(e);
    if (ok && fitsAfter(e, col, c, ld1, w)) {
      s += "," + write(e);
      col += 1 + e.len;
      w += 1 + e.len;
    } else {
      const [es, we] = n.k === "map"
        ? ppPair(e, col0, c, ind, ld1, 0)
        : ppElement(e, col0, c, ind, ld1, 0);
      s += ",\n" + sp(ind) + es;
      col = col0 + we;
      w = we;
    }
  }
  const end = n.end;
  if (end === null) return s;
  if (end === DOTS) return s + sep + "...";
  if (
    atomic(end) && end.len + 1 < c.ll - col - (ld + 1) && end.len + 1 + w + (ld + 1) <= c.m
  ) return s + sep + write(end);
  return s + sep + "\n" + sp(ind) + pp(end, col0, c, ind, ld + 1, 0);
}

function ppElement(e: Node, col: number, c: Ctx, ind: number, ld: number, w: number) {
  if (atomic(e) && fits(e, col, c, ld, w)) return [write(e), e.len] as const;
  return [pp(e, col, c, ind, ld, w), c.ll] as const;
}

function ppMap(n: Seq, col: number, c: Ctx, ind: number, ld: number, w: number): string {
  const p = n.es[0];
  if (p === undefined) return n.end === null ? "" : "...";
  const [ps, pw] = ppPair(p, col, c, ind, lastDepth(n.es.length > 1, ld), w);
  return ps + ppTail(n, 1, col, col + pw, c, ind, ld, ",", pw);
}

function ppPair(p: Node, col: number, c: Ctx, ind: number, ld: number, w: number) {
  if (fits(p, col, c, ld, w)) return [write(p), atomicPair(p) ? p.len : c.ll] as const;
  if (p.k !== "pair") return [pp(p, col, c, ind, ld, w), c.ll] as const;
  const i = c.tind > 0 ? c.tind : 4;
  const s = pp(p.key, col, c, ind, ld, w) + " =>\n" + sp(ind + i) +
    pp(p.val, col + i, c, ind + i, ld, 0);
  return [s, c.ll] as const;
}

function ppBinary(n: Node & { k: "bin" }, col: number, c: Ctx, ind: number, ld: number, w: number) {
  const n0 = Math.max(8, Math.min(c.ll - col, c.m - 4 - w) - ld);
  let left = n0;
  let s = "<<";
  const parts = n.parts;
  for (let i = 0; i < parts.length - 1; i++) {
    const bs = parts[i] as string;
    const len = bs.length + 1;
    if (left - len < 0) {
      s += "\n" + sp(ind) + bs + ",";
      left = n0 - len;
    } else {
      s += bs + ",";
      left -= len;
    }
  }
  const last = parts[parts.length - 1] as string;
  return s + (last.length > left ? "\n" + sp(ind) + last : last) + ">>";
}

// ---- the tag indentation: 4 unless that pushes text past half the line ----

function cind(n: Node, col: number, c: Ctx, ld: number, w: number): void {
  if (fits(n, col, c, ld, w)) return;
  if (n.k === "list" || (n.k === "tuple" && !n.tagged)) cindList(n, 0, col + 1, c, ld, w + 1);
  else if (n.k === "tuple") cindTagTuple(n, col, c, ld, w + 1);
  else if (n.k === "map") cindList(n, 0, col + 2, c, ld, w + 2);
}

function cindTagTuple(n: Seq, col: number, c: Ctx, ld: number, w: number): void {
  const tlen = (n.es[0] as Node).len;
  const tagInd = tlen + 2;
  const tcol = col + tagInd;
  if (c.tind > 0 && tagInd > c.tind) {
    const col1 = col + c.tind;
    if (!(c.m + col1 <= c.ll || col1 <= Math.floor(c.ll / 2))) throw new NoGood();
    cindTail(n, 1, col1, tcol, c, ld, w + tlen);
  } else if (c.m + tcol < c.ll || tcol < Math.floor(c.ll / 2)) {
    cindList(n, 1, tcol, c, ld, w + tlen + 1);
  } else throw new NoGood();
}

function cindList(n: Seq, from: number, col0: number, c: Ctx, ld: number, w: number): void {
  const e = n.es[from];
  if (e === undefined) return;
  const we = cindElement(n, e, col0, c, lastDepth(from + 1 < n.es.length, ld), w);
  cindTail(n, from + 1, col0, col0 + we, c, ld, w + we);
}

function cindTail(n: Seq, from: number, col0: number, col: number, c: Ctx, ld: number, w: number) {
  for (let i = from; i < n.es.length; i++) {
    const e = n.es[i] as Node;
    const ld1 = lastDepth(i + 1 < n.es.length, ld);
    const ok = n.k === "map" ? atomicPair(e) : atomic(e);
    if (ok && fitsAfter(e, col, c, ld1, w)) {
      col += 1 + e.len;
      w += 1 + e.len;
    } else {
      const we = cindElement(n, e, col0, c, ld1, 0);
      col = col0 + we;
      w = we;
    }
  }
  const end = n.end;
  if (end === null || end === DOTS) return;
  if (atomic(end) && end.len + 1 < c.ll - col - (ld + 1) && end.len + 1 + w + (ld + 1) <= c.m) {
    return;
  }
  cind(end, col, c, ld + 1, 0);
}

function cindElement(n: Seq, e: Node, col: number, c: Ctx, ld: number, w: number): number {
  if (n.k === "map") {
    if (fits(e, col, c, ld, w)) return atomicPair(e) ? e.len : c.ll;
    if (e.k === "pair") {
      cind(e.key, col, c, ld, w);
      cind(e.val, col + (c.tind > 0 ? c.tind : 4), c, ld, 0);
    }
    return c.ll;
  }
  if (atomic(e) && fits(e, col, c, ld, w)) return e.len;
  cind(e, col, c, ld, w);
  return c.ll;
}

/** Options of {@linkcode prettyErlang}. */
export interface PrettyErlangOptions {
  /** The column the term starts in, from 1. */
  column?: number;
  /** The line length; 80 by default. */
  lineLength?: number;
  /** How deep to print; -1 (all of it) by default. */
  depth?: number;
  /** `latin1` escapes atoms' characters beyond 255; `unicode` (`~tp`) does not. */
  encoding?: Encoding;
  /** Whether printable lists print as strings (`~lp` turns it off). */
  strings?: boolean;
  /** At most this many characters (`chars_limit`; -1, the default, for no limit). */
  charsLimit?: number;
}

/** The term measured for layout: to the depth, or (with a limit) to fit the characters. */
function measured(t: Term, d: number, enc: Encoding, options: PrettyErlangOptions): Node {
  const limit = options.charsLimit ?? -1;
  if (limit >= 0) return intermediate(t, d, limit, enc, options.strings ?? true);
  return measure(t, d, enc, options.strings ?? true);
}

/** `io_lib:write/2` with `chars_limit` (and a depth): the term written on one line to fit. */
export function writeLimited(t: Term, depth: number, limit: number, enc: Encoding): Deep {
  if (depth === 0 || limit === 0) return "...";
  if (limit < 0) return writeErlangDeep(t, depth, enc);
  return writeDeep(intermediate(t, depth, limit, enc, false));
}

/**
 * Prints a term as Erlang's `io_lib_pretty:print/2` does, breaking lines past the line length.
 *
 * @example
 * ```ts
 * import { prettyErlang } from "./_erl_pretty.ts";
 * import { charlist, list } from "../../runtime/terms.ts";
 * prettyErlang(["ping", charlist("abc"), list(1, 2)]); // "{ping,\"abc\",[1,2]}"
 * ```
 */
export function prettyErlang(t: Term, options: PrettyErlangOptions = {}): string {
  const d = options.depth ?? -1;
  const enc = options.encoding ?? "latin1";
  if (d === 0) return "...";
  const col = Math.max(1, options.column ?? 1);
  const ll = options.lineLength ?? 80;
  if (!(t === null || t instanceof Cons || Array.isArray(t) || t instanceof TermMap)) {
    if (!(t instanceof Uint8Array || t instanceof BitString)) return writeErlang(t, -1, enc);
  }
  let n: Node;
  try {
    n = measured(t, d, enc, options);
  } catch (e) {
    if (e instanceof RangeError) return writeErlang(t, d, enc); // nested too deep to lay out
    throw e;
  }
  if (ll === 0 || n.len < ll - col) return write(n);
  const c: Ctx = { ll, m: n.len, tind: -1 };
  for (const tind of [-1, 4, 1]) {
    c.tind = tind;
    if (tind === 1) break;
    try {
      cind(n, col, c, 0, 0);
      break;
    } catch (e) {
      if (!(e instanceof NoGood)) throw e;
    }
  }
  return pp(n, col, c, col - 1, 0, 0);
}

/**
 * What {@linkcode prettyErlang} prints, as `io_lib_pretty:print/2` returns it: a term that fits
 * on its line in the deep shape OTP builds (`[91,["1",44,"2"],93]`); a term laid out on
 * several lines as its text.
 */
export function prettyErlangDeep(t: Term, options: PrettyErlangOptions = {}): Deep {
  const d = options.depth ?? -1;
  const enc = options.encoding ?? "latin1";
  const col = Math.max(1, options.column ?? 1);
  const ll = options.lineLength ?? 80;
  if (d === 0) return "...";
  if (typeof t === "string" || typeof t === "boolean") return writeErlang(t, -1, enc);
  if (!(t === null || t instanceof Cons || Array.isArray(t) || t instanceof TermMap)) {
    if (!(t instanceof Uint8Array || t instanceof BitString)) return writeErlangDeep(t, -1, enc);
  }
  let n: Node;
  try {
    n = measured(t, d, enc, options);
  } catch (e) {
    if (e instanceof RangeError) return writeErlang(t, d, enc);
    throw e;
  }
  if (ll === 0 || n.len < ll - col) return writeDeep(n);
  return prettyErlang(t, options);
}

/** `io_lib_pretty:write/1`: a measured term on one line, in OTP's shape. */
function writeDeep(n: Node): Deep {
  switch (n.k) {
    case "s":
      return leafDeep(n.s);
    case "bin": {
      const body: DeepItem[] = [];
      n.parts.forEach((p, i) => {
        if (i > 0) body.push(44);
        const colon = p.indexOf(":");
        if (colon > 0) body.push(p.slice(0, colon), 58, p.slice(colon + 1));
        else body.push(p);
      });
      return [60, 60, body, 62, 62];
    }
    case "pair":
      return [writeDeep(n.key), " => ", writeDeep(n.val)];
  }
  const [open, close, sep]: [DeepItem[], number, number] = n.k === "list"
    ? [[91], 93, 124]
    : n.k === "map"
    ? [[35, 123], 125, 44]
    : [[123], 125, 44];
  return [...open, writeList(n.es, n.end, sep), close];
}

/** Whether a tail is the `...` of a cut (measured to a depth or to a limit). */
function isDots(n: Node | null): boolean {
  return n === DOTS || (n !== null && (n as { isDots?: boolean }).isDots === true);
}

function writeList(es: Node[], end: Node | null, sep: number): Deep {
  const first = es[0];
  if (first === undefined) return isDots(end) ? "..." : end === null ? [] : writeDeep(end!);
  const out: DeepItem[] = [writeDeep(first)];
  for (let i = 1; i < es.length; i++) out.push(44, writeDeep(es[i] as Node));
  if (end === null) return out;
  out.push(sep);
  return consAll(out, isDots(end) ? "..." : writeDeep(end));
}

/**
 * A leaf's text in the shape its writer built: a binary string is `[$<,$<,S,$>,$>]` around
 * its quoted characters, a cut string `[S|"..."]`; anything else one flat list.
 */
function leafDeep(s: string): Deep {
  if (s.startsWith('<<"')) {
    const q = s.lastIndexOf('"');
    const str = s.slice(2, q + 1);
    const rest = s.slice(q + 1);
    if (rest === ">>") return [60, 60, str, 62, 62];
    if (rest === "/utf8>>") return [60, 60, str, rest];
    return consAll([60, 60, str], rest);
  }
  if (s.startsWith('"') && s.endsWith('"...')) return consAll([s.slice(0, -3)], "...");
  return s;
}
