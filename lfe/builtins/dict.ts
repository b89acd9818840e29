/**
 * The module `dict`: OTP 25's hashed dictionaries, the record
 * `{dict, Size, N, MaxN, BSO, ExpSize, ConSize, Empty, Segs}` whose buckets hold `[Key | Value]`
 * cells. Entries are placed by `erlang:phash/2` and buckets split and merged as OTP does, so a
 * dictionary prints as on BEAM and `to_list/1`, `fetch_keys/1` and `fold/3` give its entries in
 * BEAM's order. Keys match exactly (`1` and `1.0` differ). A missing key raises `badarg` from
 * `fetch/2` and `update/3`; a term that is no dictionary raises `{badrecord, D}` or
 * `function_clause`, as OTP's code does.
 *
 * @example
 * ```ts
 * import { DICT } from "./dict.ts";
 * import { list } from "../../runtime/terms.ts";
 * const d = DICT["from_list/1"]!(list(["a", 1], ["b", 2]));
 * DICT["fetch/2"]!("b", d); // 2
 * DICT["to_list/1"]!(d); // (#(a 1) #(b 2))
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, isNumber, type Term } from "../../runtime/terms.ts";
import { callFun, type Gen } from "./_coll.ts";
import {
  foldOrder,
  getBucket,
  grow,
  newTable,
  putBucket,
  readTable,
  shrink,
  slotOf,
  type Table,
  writeTable,
} from "./_hash_table.ts";
import { add } from "./ops.ts";
import { functionClause as fc, isFunOf, moduleTable, mustArray } from "./_util.ts";

/** The table of a dictionary; `{badrecord, D}` if it is none, as OTP's record access. */
function table(d: Term): Table {
  return readTable("dict", d) ?? raiseError(["badrecord", d]);
}

/** The table of a dictionary an OTP clause matches as `#dict{}`; `function_clause` if none. */
function matched(d: Term): Table {
  return readTable("dict", d) ?? fc();
}

const keyOf = (e: Term) => (e as Cons).hd;

function entries(bucket: Term): Cons[] {
  const out: Cons[] = [];
  for (let c = bucket; c instanceof Cons; c = c.tl) out.push(c.hd as Cons);
  return out;
}

/** The entry of `key` in the table: its slot, the bucket's entries and its index there. */
function locate(tab: Table, key: Term): [number, Cons[], number] {
  const slot = slotOf(tab, key);
  const es = entries(getBucket(tab, slot));
  return [slot, es, es.findIndex((e) => exactEq(e.hd, key))];
}

function lookup(key: Term, d: Term): Cons | undefined {
  const [, es, i] = locate(table(d), key);
  return i < 0 ? undefined : es[i];
}

/**
 * Sets the value of `key` to `value(old)` (`old` undefined for a new key, which goes at the
 * bucket's end) and grows the table for a new key.
 */
function put(tab: Table, key: Term, value: (old: Term | undefined) => Term): void {
  const [slot, es, i] = locate(tab, key);
  if (i >= 0) {
    es[i] = new Cons(key, value((es[i] as Cons).tl));
    putBucket(tab, slot, arrayToList(es));
    grow(tab, 0, keyOf);
  } else {
    es.push(new Cons(key, value(undefined)));
    putBucket(tab, slot, arrayToList(es));
    grow(tab, 1, keyOf);
  }
}

function store(key: Term, v: Term, d: Term): Term {
  const tab = table(d);
  put(tab, key, () => v);
  return writeTable(tab);
}

function fromList(l: Term): Term {
  const tab = newTable("dict");
  if (l !== null && !(l instanceof Cons)) return raiseError(["case_clause", l]);
  for (const p of mustArray(l, "function_clause")) {
    if (!Array.isArray(p) || p.length !== 2) return fc();
    put(tab, p[0] as Term, () => p[1] as Term);
  }
  return writeTable(tab);
}

function appendTo(old: Term, more: Term): Term {
  return arrayToList(mustArray(old), more);
}

function erase(key: Term, d: Term): Term {
  const tab = table(d);
  const [slot, es, i] = locate(tab, key);
  if (i >= 0) es.splice(i, 1);
  putBucket(tab, slot, arrayToList(es));
  shrink(tab, i >= 0 ? 1 : 0);
  return writeTable(tab);
}

function take(key: Term, d: Term): Term {
  const tab = table(d);
  const [slot, es, i] = locate(tab, key);
  if (i < 0) return "error";
  const [e] = es.splice(i, 1);
  putBucket(tab, slot, arrayToList(es));
  shrink(tab, 1);
  return [(e as Cons).tl, writeTable(tab)];
}

function toList(d: Term): Term {
  return arrayToList(foldOrder(table(d)).map((e) => [(e as Cons).hd, (e as Cons).tl]).reverse());
}

function* update3(key: Term, f: Term, d: Term): Gen<Term> {
  const tab = table(d);
  const [slot, es, i] = locate(tab, key);
  if (i < 0) return raiseError("badarg");
  es[i] = new Cons(key, yield* callFun(f, (es[i] as Cons).tl));
  putBucket(tab, slot, arrayToList(es));
  return writeTable(tab);
}

/**
 * `update/4` on a working table: the value of `key` becomes `change(old)`, or `init` for a new
 * key, which OTP's clause for the end of a bucket takes only with a fun (`funOk`).
 */
function* update4(
  tab: Table,
  key: Term,
  change: (old: Term) => Gen<Term>,
  init: Term,
  funOk: boolean,
): Gen<void> {
  const [slot, es, i] = locate(tab, key);
  if (i >= 0) {
    es[i] = new Cons(key, yield* change((es[i] as Cons).tl));
    putBucket(tab, slot, arrayToList(es));
    grow(tab, 0, keyOf);
    return;
  }
  if (!funOk) fc();
  es.push(new Cons(key, init));
  putBucket(tab, slot, arrayToList(es));
  grow(tab, 1, keyOf);
}

/**
 * Visits the entries in fold order; at the end of each bucket OTP's clause checks the fun
 * (`funOk`), so a bad fun raises `function_clause` there.
 */
function* visit(tab: Table, funOk: boolean, each: (e: Cons) => Gen<void>): Gen<void> {
  for (let s = tab.segs.length - 1; s >= 0; s--) {
    const seg = tab.segs[s] as Term[];
    for (let b = seg.length - 1; b >= 0; b--) {
      for (const e of entries(seg[b] as Term)) yield* each(e);
      if (!funOk) fc();
    }
  }
}

function* fold(f: Term, acc: Term, d: Term): Gen<Term> {
  const tab = table(d);
  if (tab.size === 0 && isFunOf(f, 3)) return acc;
  yield* visit(tab, isFunOf(f, 3), function* (e) {
    acc = yield* callFun(f, e.hd, e.tl, acc);
  });
  return acc;
}

/** Rebuilds every bucket, front to back, from what `each` makes of its entries. */
function* rebuild(
  tab: Table,
  f: Term,
  arity: number,
  each: (e: Cons) => Gen<Cons | undefined>,
): Gen<number> {
  let dropped = 0;
  for (let s = 0; s < tab.segs.length; s++) {
    const seg = [...tab.segs[s] as Term[]];
    for (let b = 0; b < seg.length; b++) {
      const kept: Term[] = [];
      for (const e of entries(seg[b] as Term)) {
        const r = yield* each(e);
        if (r === undefined) dropped++;
        else kept.push(r);
      }
      if (!isFunOf(f, arity)) fc();
      seg[b] = arrayToList(kept);
    }
    tab.segs[s] = seg;
  }
  return dropped;
}

function* map(f: Term, d: Term): Gen<Term> {
  const tab = table(d);
  if (tab.size === 0 && isFunOf(f, 2)) return d;
  yield* rebuild(tab, f, 2, function* (e) {
    return new Cons(e.hd, yield* callFun(f, e.hd, e.tl));
  });
  return writeTable(tab);
}

function* filter(f: Term, d: Term): Gen<Term> {
  const tab = table(d);
  if (tab.size === 0 && isFunOf(f, 2)) return d;
  const dropped = yield* rebuild(tab, f, 2, function* (e) {
    const v = yield* callFun(f, e.hd, e.tl);
    if (typeof v !== "boolean") return raiseError(["case_clause", v]);
    return v ? e : undefined;
  });
  shrink(tab, dropped);
  return writeTable(tab);
}

/** `merge/3`: the smaller dictionary folded into the other (the second when sizes tie). */
function* merge(f: Term, d1: Term, d2: Term): Gen<Term> {
  const t1 = readTable("dict", d1), t2 = readTable("dict", d2);
  // OTP's guard compares the sizes; failing, it folds the second into the first.
  const firstSmaller = t1 !== undefined && t2 !== undefined && t1.size < t2.size;
  const from = firstSmaller ? t1 : table(d2);
  if (from.size === 0 && !firstSmaller && t1 === undefined) return d1;
  const into = firstSmaller ? t2 : table(d1);
  yield* visit(from, true, function* (e) {
    const change = (other: Term) =>
      firstSmaller ? callFun(f, e.hd, e.tl, other) : callFun(f, e.hd, other, e.tl);
    yield* update4(into, e.hd, change, e.tl, true);
  });
  return writeTable(into);
}

/** The functions of `dict`, by `name/arity`. */
export const DICT: ModuleFunctions = moduleTable("dict", {
  "new/0": () => writeTable(newTable("dict")),
  "is_key/2": (k: Term, d: Term) => lookup(k, d) !== undefined,
  "to_list/1": toList,
  "from_list/1": fromList,
  "size/1": (d: Term) => matched(d).size,
  "is_empty/1": (d: Term) => matched(d).size === 0,
  "fetch/2": (k: Term, d: Term) => lookup(k, d)?.tl ?? raiseError("badarg"),
  "find/2": (k: Term, d: Term) => {
    const e = lookup(k, d);
    return e === undefined ? "error" : ["ok", e.tl];
  },
  "fetch_keys/1": (d: Term) => arrayToList(foldOrder(table(d)).map(keyOf).reverse()),
  "erase/2": erase,
  "take/2": take,
  "store/3": store,
  "append/3": (k: Term, v: Term, d: Term) => {
    const tab = table(d);
    put(tab, k, (old) => old === undefined ? arrayToList([v]) : appendTo(old, arrayToList([v])));
    return writeTable(tab);
  },
  "append_list/3": (k: Term, vs: Term, d: Term) => {
    const tab = table(d);
    put(tab, k, (old) => old === undefined ? vs : appendTo(old, vs));
    return writeTable(tab);
  },
  "update/3": update3,
  "update/4": function* (k: Term, f: Term, init: Term, d: Term) {
    const tab = table(d);
    yield* update4(tab, k, (v) => callFun(f, v), init, isFunOf(f, 1));
    return writeTable(tab);
  },
  "update_counter/3": (k: Term, n: Term, d: Term) => {
    if (!isNumber(n)) return fc();
    const tab = table(d);
    put(tab, k, (old) => old === undefined ? n : add(old, n));
    return writeTable(tab);
  },
  "fold/3": fold,
  "map/2": map,
  "filter/2": filter,
  "merge/3": merge,
});
