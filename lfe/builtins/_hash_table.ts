/**
 * The linear hash table that OTP's `dict` and version 1 `sets` are records of:
 * `{Tag, Size, N, MaxN, BSO, ExpSize, ConSize, Empty, Segs}`, segments of 16 buckets, slots
 * found by `erlang:phash/2`, a bucket split when the table grows past five entries a slot and
 * merged back when it shrinks below three. Every step is OTP's, so the same calls leave the
 * same record, which prints the same and folds in the same order as on BEAM.
 *
 * A {@linkcode Table} is a working copy: reading a record copies its list of segments, and a
 * segment is copied before a bucket of it changes, so the record read is never altered.
 *
 * @module
 */

import { Cons, type Term } from "../../runtime/terms.ts";
import { phash } from "./_phash.ts";

const SEG_SIZE = 16, EXPAND_LOAD = 5, CONTRACT_LOAD = 3;

/** A table being worked on. */
export interface Table {
  tag: string;
  size: number;
  n: number;
  maxn: number;
  bso: number;
  expSize: number;
  conSize: number;
  empty: Term[];
  segs: Term[][];
}

function emptySegment(): Term[] {
  return new Array<Term>(SEG_SIZE).fill(null);
}

/** A new, empty table. */
export function newTable(tag: string): Table {
  const empty = emptySegment();
  return {
    tag,
    size: 0,
    n: SEG_SIZE,
    maxn: SEG_SIZE,
    bso: SEG_SIZE / 2,
    expSize: SEG_SIZE * EXPAND_LOAD,
    conSize: SEG_SIZE * CONTRACT_LOAD,
    empty,
    segs: [empty],
  };
}

function isCount(t: Term | undefined): t is number {
  return typeof t === "number" && Number.isInteger(t) && t >= 0;
}

/** The table a record holds, or `undefined` if `t` is no record of `tag`. */
export function readTable(tag: string, t: Term): Table | undefined {
  if (!Array.isArray(t) || t.length !== 9 || t[0] !== tag) return undefined;
  const [, size, n, maxn, bso, expSize, conSize, empty, segs] = t;
  if (
    !isCount(size) || !isCount(n) || !isCount(maxn) || !isCount(bso) || !isCount(expSize) ||
    !isCount(conSize) || !Array.isArray(empty) || !Array.isArray(segs) ||
    !segs.every((s) => Array.isArray(s) && s.length === SEG_SIZE)
  ) return undefined;
  return { tag, size, n, maxn, bso, expSize, conSize, empty, segs: [...segs] as Term[][] };
}

/** The record of a table. */
export function writeTable(tab: Table): Term[] {
  return [
    tab.tag,
    tab.size,
    tab.n,
    tab.maxn,
    tab.bso,
    tab.expSize,
    tab.conSize,
    tab.empty,
    tab.segs,
  ];
}

/** The slot of `key`: hashed on the whole range, or on the buddy slot not yet split. */
export function slotOf(tab: Table, key: Term): number {
  const h = phash(key, tab.maxn);
  return h > tab.n ? h - tab.bso : h;
}

/** The bucket (a list) in `slot`, counted from 1. */
export function getBucket(tab: Table, slot: number): Term {
  const i = slot - 1;
  return (tab.segs[Math.floor(i / SEG_SIZE)] as Term[])[i % SEG_SIZE] as Term;
}

/** Puts `bucket` in `slot`, in a copy of its segment. */
export function putBucket(tab: Table, slot: number, bucket: Term): void {
  const i = slot - 1, s = Math.floor(i / SEG_SIZE);
  const seg = [...tab.segs[s] as Term[]];
  seg[i % SEG_SIZE] = bucket;
  tab.segs[s] = seg;
}

function elems(l: Term): Term[] {
  const out: Term[] = [];
  for (let c = l; c instanceof Cons; c = c.tl) out.push(c.hd);
  return out;
}

function list(xs: Term[], tail: Term = null): Term {
  let l = tail;
  for (let i = xs.length - 1; i >= 0; i--) l = new Cons(xs[i] as Term, l);
  return l;
}

/**
 * Counts `added` (0 or 1) new entries and, past the load, splits the next slot: its entries
 * are hashed again on the range, keeping their order. `keyOf` gives the key of an entry.
 */
export function grow(tab: Table, added: number, keyOf: (e: Term) => Term): void {
  if (tab.size + added <= tab.expSize) {
    tab.size += added;
    return;
  }
  if (tab.n === tab.maxn) {
    tab.maxn *= 2;
    tab.bso *= 2;
    tab.segs = [...tab.segs, ...tab.segs.map(() => tab.empty)];
  }
  const n = tab.n + 1, slot1 = n - tab.bso;
  const stay: Term[] = [], move: Term[] = [];
  for (const e of elems(getBucket(tab, slot1))) {
    (phash(keyOf(e), tab.maxn) === slot1 ? stay : move).push(e);
  }
  putBucket(tab, slot1, list(stay));
  putBucket(tab, n, list(move));
  tab.size += added;
  tab.n = n;
  tab.expSize = n * EXPAND_LOAD;
  tab.conSize = n * CONTRACT_LOAD;
}

/** Counts `removed` entries gone and, below the load, merges the last slot into its buddy. */
export function shrink(tab: Table, removed: number): void {
  if (!(tab.size - removed < tab.conSize && tab.n > SEG_SIZE)) {
    tab.size -= removed;
    return;
  }
  const n = tab.n, slot1 = n - tab.bso;
  putBucket(tab, slot1, list(elems(getBucket(tab, slot1)), getBucket(tab, n)));
  putBucket(tab, n, null);
  tab.size -= removed;
  tab.n = n - 1;
  tab.expSize = tab.n * EXPAND_LOAD;
  tab.conSize = tab.n * CONTRACT_LOAD;
  if (tab.n === tab.maxn / 2) {
    tab.maxn /= 2;
    tab.bso /= 2;
    tab.segs = tab.segs.slice(0, tab.segs.length / 2);
  }
}

/** The entries in the order OTP's fold visits them: last segment and bucket first. */
export function foldOrder(tab: Table): Term[] {
  const out: Term[] = [];
  for (let s = tab.segs.length - 1; s >= 0; s--) {
    const seg = tab.segs[s] as Term[];
    for (let b = seg.length - 1; b >= 0; b--) {
      for (let c = seg[b] as Term; c instanceof Cons; c = c.tl) out.push(c.hd);
    }
  }
  return out;
}
