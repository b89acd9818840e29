/**
 * The module `maps`, as compiled LFE calls it, OTP 25's exports. Keys match exactly (`1` and
 * `1.0` are different keys); lists of keys, values and pairs come in the order of the keys
 * (`maps:to_list/1`, integers before equal floats), and `fold/3` and the other functions that
 * take a fun visit them in that order, given a map or an iterator (`_maps_iter.ts`). Errors are
 * OTP's: `{badmap, M}`, `{badkey, K}`, `badarg` for a fun of the wrong arity, and which of them
 * comes first when two arguments are wrong.
 *
 * @example
 * ```ts
 * import { MAPS } from "./maps.ts";
 * import { TermMap } from "../../runtime/terms.ts";
 * const m = MAPS["put/3"]!("a", 1, new TermMap()) as TermMap;
 * MAPS["get/2"]!("a", m); // 1
 * ```
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Fun, type Term, termKey, TermMap } from "../../runtime/terms.ts";
import * as it from "./_maps_iter.ts";
import { withModuleInfo } from "./_module_info.ts";
import { isFunOf, moduleTable, mustArray, spent, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

const map = it.map;

function get2(k: Term, m: Term): Term {
  const v = map(m).get(k);
  return v === undefined ? raiseError(["badkey", k]) : v;
}

function get3(k: Term, m: Term, dflt: Term): Term {
  return map(m).get(k) ?? dflt;
}

function find(k: Term, m: Term): Term {
  const v = map(m).get(k);
  return v === undefined ? "error" : ["ok", v];
}

function update(k: Term, v: Term, m: Term): TermMap {
  const mm = map(m);
  return mm.has(k) ? mm.put(k, v) : raiseError(["badkey", k]);
}

function take(k: Term, m: Term): Term {
  const mm = map(m);
  const v = mm.get(k);
  return v === undefined ? "error" : [v, mm.remove(k)];
}

function fromList(l: Term): TermMap {
  const pairs = mustArray(l);
  for (const p of pairs) if (!Array.isArray(p) || p.length !== 2) raiseError("badarg");
  return new TermMap(pairs as [Term, Term][]);
}

function fromKeys(keys: Term, v: Term): TermMap {
  return new TermMap(mustArray(keys).map((k) => [k, v]));
}

function merge(a: Term, b: Term): TermMap {
  const x = map(a), y = map(b);
  return new TermMap([...x.entries(), ...y.entries()]);
}

/**
 * The map and the keys of `with/2` and `without/2`: `{badmap, M}`, then `badarg` for keys
 * that are no list; a list that ends badly is `function_clause`, as OTP's.
 */
function mapAndKeys(keys: Term, m: Term): [TermMap, Term[]] {
  const mm = map(m);
  if (keys !== null && !(keys instanceof Cons)) raiseError("badarg");
  return [mm, mustArray(keys, "function_clause")];
}

function withKeys(keys: Term, m: Term): TermMap {
  const [mm, ks] = mapAndKeys(keys, m);
  const out: [Term, Term][] = [];
  for (const k of ks) {
    const v = mm.get(k);
    if (v !== undefined) out.push([k, v]);
  }
  return new TermMap(out);
}

function without(keys: Term, m: Term): TermMap {
  const [mm, ks] = mapAndKeys(keys, m);
  const drop = new TermMap(ks.map((k) => [k, true]));
  return new TermMap(mm.entries().filter(([k]) => !drop.has(k)));
}

function* call(g: Fun, ...args: Term[]): Gen<Term> {
  let v = g(...args);
  if (unresolved(v)) v = yield* resolve(v);
  else if (spent()) yield;
  return v as Term;
}

/** The fun and map of `update_with/3,4`: `{badmap, M}` first, then `badarg` for the fun. */
function updating(f: Term, m: Term): [Fun, TermMap] {
  const mm = map(m);
  return isFunOf(f, 1) ? [f, mm] : raiseError("badarg");
}

function* updateWith(k: Term, f: Term, init: Term | undefined, m: Term): Gen<Term> {
  const [g, mm] = updating(f, m);
  const old = mm.get(k);
  if (old === undefined) return init === undefined ? raiseError(["badkey", k]) : mm.put(k, init);
  return mm.put(k, yield* call(g, old));
}

/**
 * The fun and maps of `merge_with/3` and `intersect_with/3`: with a fun of three arguments,
 * `{badmap, M}` for the first that is no map; otherwise `badarg`.
 */
function combining(f: Term, a: Term, b: Term): [Fun, TermMap, TermMap] {
  if (a instanceof TermMap && b instanceof TermMap && isFunOf(f, 3)) return [f, a, b];
  if (!isFunOf(f, 3)) return raiseError("badarg");
  return raiseError(["badmap", a instanceof TermMap ? b : a]);
}

/** `merge_with/3`: the fun called on the keys of the smaller map, in its order. */
function* mergeWith(f: Term, a: Term, b: Term): Gen<Term> {
  const [g, x, y] = combining(f, a, b);
  const [small, big, swap] = x.size > y.size ? [y, x, false] : [x, y, true];
  let out = big;
  for (const [k, v] of orderedEntries(small)) {
    const old = big.get(k);
    if (old === undefined) out = out.put(k, v);
    else out = out.put(k, yield* (swap ? call(g, k, v, old) : call(g, k, old, v)));
  }
  return out;
}

/** `intersect_with/3`: the keys of both, the fun given the first map's value first. */
function* intersectWith(f: Term, a: Term, b: Term): Gen<Term> {
  const [g, x, y] = combining(f, a, b);
  const [small, big, swap] = x.size <= y.size ? [x, y, false] : [y, x, true];
  const out: [Term, Term][] = [];
  for (const [k, v] of orderedEntries(small)) {
    const other = big.get(k);
    if (other === undefined) continue;
    out.push([k, yield* (swap ? call(g, k, other, v) : call(g, k, v, other))]);
  }
  return new TermMap(out);
}

/** `intersect/2`: the keys of both, with the second map's values. */
function intersect(a: Term, b: Term): Term {
  const x = map(a), y = map(b);
  return new TermMap(orderedEntries(y).filter(([k]) => x.has(k)));
}

/**
 * `groups_from_list/2,3`: the elements (or what `vf` makes of them) under the key `kf` gives
 * each, in the order of the list; the funs are called from the last element to the first.
 */
function* groups(kf: Term, vf: Term | undefined, l: Term): Gen<Term> {
  if (!isFunOf(kf, 1) || (vf !== undefined && !isFunOf(vf, 1))) return raiseError("badarg");
  const xs = mustArray(l);
  const byKey = new Map<unknown, [Term, Term[]]>();
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i] as Term;
    const k = yield* call(kf, x);
    const v = vf === undefined ? x : yield* call(vf as Fun, x);
    const group = byKey.get(termKey(k));
    if (group === undefined) byKey.set(termKey(k), [k, [v]]);
    else group[1].push(v);
  }
  return new TermMap([...byKey.values()].map(([k, vs]) => [k, arrayToList(vs.reverse())]));
}

/** The functions of `maps`, by `name/arity`. */
export const MAPS: ModuleFunctions = withModuleInfo(
  "maps",
  moduleTable("maps", {
    "get/2": get2,
    "get/3": get3,
    "find/2": find,
    "put/3": (k: Term, v: Term, m: Term) => map(m).put(k, v),
    "remove/2": (k: Term, m: Term) => {
      const mm = map(m);
      return mm.has(k) ? mm.remove(k) : mm;
    },
    "update/3": update,
    "take/2": take,
    "is_key/2": (k: Term, m: Term) => map(m).has(k),
    "keys/1": (m: Term) => arrayToList(orderedEntries(map(m)).map(([k]) => k)),
    "values/1": (m: Term) => arrayToList(orderedEntries(map(m)).map(([, v]) => v)),
    "to_list/1": (m: Term) => arrayToList(orderedEntries(map(m)).map(([k, v]) => [k, v])),
    "from_list/1": fromList,
    "from_keys/2": fromKeys,
    "size/1": (m: Term) => map(m).size,
    "new/0": () => new TermMap(),
    "merge/2": merge,
    "with/2": withKeys,
    "without/2": without,
    "intersect/2": intersect,
    "iterator/1": it.iterator,
    "next/1": it.next,
    "fold/3": it.fold,
    "map/2": it.mapValues,
    "filter/2": it.filter,
    "filtermap/2": it.filtermap,
    "foreach/2": it.foreach,
    "update_with/3": function* (k: Term, f: Term, m: Term) {
      return yield* updateWith(k, f, undefined, m);
    },
    "update_with/4": function* (k: Term, f: Term, init: Term, m: Term) {
      return yield* updateWith(k, f, init, m);
    },
    "merge_with/3": mergeWith,
    "intersect_with/3": intersectWith,
    "groups_from_list/2": function* (f: Term, l: Term) {
      return yield* groups(f, undefined, l);
    },
    "groups_from_list/3": function* (f: Term, vf: Term, l: Term) {
      return yield* groups(f, vf, l);
    },
  }),
);
