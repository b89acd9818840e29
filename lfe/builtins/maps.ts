/**
 * The module `maps`, as compiled LFE calls it. Keys match exactly (`1` and `1.0` are different
 * keys); lists of keys, values and pairs come in the order of the keys (`maps:to_list/1`), and
 * `fold/3` and the other functions that take a fun visit them in that order. Errors are OTP's:
 * `{badmap, M}`, `{badkey, K}`, `badarg` for a fun of the wrong arity.
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
import { arrayToList, Cons, type Fun, type Term, TermMap } from "../../runtime/terms.ts";
import { isFunOf, moduleTable, mustArray, spent, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** The map `m`; `{badmap, M}` if it is none. */
function map(m: Term): TermMap {
  return m instanceof TermMap ? m : raiseError(["badmap", m]);
}

function fun(f: Term, arity: number): Fun {
  return isFunOf(f, arity) ? f : raiseError("badarg");
}

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

/** The keys of a list for `with/2` and `without/2`: `function_clause` for an improper one. */
function keyList(keys: Term): Term[] {
  if (keys !== null && !(keys instanceof Cons)) raiseError("badarg");
  return mustArray(keys, "function_clause");
}

function withKeys(keys: Term, m: Term): TermMap {
  const mm = map(m);
  const out: [Term, Term][] = [];
  for (const k of keyList(keys)) {
    const v = mm.get(k);
    if (v !== undefined) out.push([k, v]);
  }
  return new TermMap(out);
}

function without(keys: Term, m: Term): TermMap {
  const mm = map(m);
  const drop = new TermMap(keyList(keys).map((k) => [k, true]));
  return new TermMap(mm.entries().filter(([k]) => !drop.has(k)));
}

/** Calls `g` on each entry in key order; what it answers, resolved. */
function* each(g: Fun, m: TermMap, acc?: Term): Gen<Term[]> {
  const out: Term[] = [];
  for (const [k, v] of orderedEntries(m)) {
    let r = acc === undefined ? g(k, v) : g(k, v, acc);
    if (unresolved(r)) r = yield* resolve(r);
    else if (spent()) yield;
    if (acc !== undefined) acc = r;
    out.push(r);
  }
  return out;
}

function* fold(f: Term, acc: Term, m: Term): Gen<Term> {
  const mm = map(m);
  const out = yield* each(fun(f, 3), mm, acc);
  return out.length === 0 ? acc : out[out.length - 1] as Term;
}

function* mapValues(f: Term, m: Term): Gen<Term> {
  const mm = map(m);
  const vs = yield* each(fun(f, 2), mm);
  return new TermMap(orderedEntries(mm).map(([k], i) => [k, vs[i] as Term]));
}

function* filter(f: Term, m: Term): Gen<Term> {
  const mm = map(m);
  const keep = yield* each(fun(f, 2), mm);
  for (const v of keep) if (typeof v !== "boolean") raiseError(["case_clause", v]);
  return new TermMap(orderedEntries(mm).filter((_, i) => keep[i] === true));
}

function* filtermap(f: Term, m: Term): Gen<Term> {
  const mm = map(m);
  const rs = yield* each(fun(f, 2), mm);
  const out: [Term, Term][] = [];
  orderedEntries(mm).forEach(([k, v], i) => {
    const r = rs[i] as Term;
    if (r === true) out.push([k, v]);
    else if (Array.isArray(r) && r.length === 2 && r[0] === true) out.push([k, r[1] as Term]);
    else if (r !== false) raiseError(["case_clause", r]);
  });
  return new TermMap(out);
}

function* foreach(f: Term, m: Term): Gen<Term> {
  yield* each(fun(f, 2), map(m));
  return "ok";
}

function* updateWith(k: Term, f: Term, init: Term | undefined, m: Term): Gen<Term> {
  const mm = map(m);
  const g = fun(f, 1);
  const old = mm.get(k);
  if (old === undefined) return init === undefined ? raiseError(["badkey", k]) : mm.put(k, init);
  let v = g(old);
  if (unresolved(v)) v = yield* resolve(v);
  return mm.put(k, v);
}

function* mergeWith(f: Term, a: Term, b: Term): Gen<Term> {
  const x = map(a), y = map(b);
  const g = fun(f, 3);
  const out: [Term, Term][] = x.entries();
  for (const [k, v] of orderedEntries(y)) {
    const old = x.get(k);
    if (old === undefined) {
      out.push([k, v]);
      continue;
    }
    let r = g(k, old, v);
    if (unresolved(r)) r = yield* resolve(r);
    out.push([k, r]);
  }
  return new TermMap(out);
}

/** The functions of `maps`, by `name/arity`. */
export const MAPS: ModuleFunctions = moduleTable("maps", {
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
  "fold/3": fold,
  "map/2": mapValues,
  "filter/2": filter,
  "filtermap/2": filtermap,
  "foreach/2": foreach,
  "update_with/3": function* (k: Term, f: Term, m: Term) {
    return yield* updateWith(k, f, undefined, m);
  },
  "update_with/4": function* (k: Term, f: Term, init: Term, m: Term) {
    return yield* updateWith(k, f, init, m);
  },
  "merge_with/3": mergeWith,
});
