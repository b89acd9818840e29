/**
 * The module `proplists`: property lists of atoms (`a` stands for `#(a true)`) and tuples whose
 * first element is the key, matched exactly. A list that is not one raises `function_clause`,
 * as OTP's Erlang code does; elements that are neither atoms nor tuples are skipped.
 *
 * @example
 * ```ts
 * import { PROPLISTS } from "./proplists.ts";
 * import { list } from "../../runtime/terms.ts";
 * PROPLISTS["get_value/2"]!("b", list("a", ["b", 2])); // 2
 * PROPLISTS["get_bool/2"]!("a", list("a", ["b", 2])); // true
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { exactEq, orderedEntries } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { functionClause as fc, moduleTable, mustArray } from "./_util.ts";

/** Whether the entry `p` is about the key `k`: the atom itself, or a tuple led by it. */
function about(p: Term, k: Term): boolean {
  if (typeof p === "string" || typeof p === "boolean") return p === k;
  return Array.isArray(p) && p.length >= 1 && exactEq(p[0] as Term, k);
}

/** The first entry about `k`, or `undefined`; `function_clause` for a list that ends badly. */
function first(k: Term, l: Term): Term | undefined {
  let c = l;
  for (; c instanceof Cons; c = c.tl) if (about(c.hd, k)) return c.hd;
  return c === null ? undefined : fc();
}

/** Every entry about `k`, in order. */
function all(k: Term, l: Term): Term[] {
  return mustArray(l, "function_clause").filter((p) => about(p, k));
}

/** The value an entry gives: `true` for an atom, `V` for `#(K V)`; `undefined` for others. */
function valueOf(p: Term): Term | undefined {
  if (!Array.isArray(p)) return true;
  return p.length === 2 ? p[1] as Term : undefined;
}

function getValue(k: Term, l: Term, dflt: Term = "undefined"): Term {
  const p = first(k, l);
  const v = p === undefined ? undefined : valueOf(p);
  return v === undefined ? dflt : v;
}

function lookup(k: Term, l: Term): Term {
  const p = first(k, l);
  return p === undefined ? "none" : Array.isArray(p) ? p : [k, true];
}

function getAllValues(k: Term, l: Term): Term[] {
  const out: Term[] = [];
  for (const p of all(k, l)) {
    const v = valueOf(p);
    if (v !== undefined) out.push(v);
  }
  return out;
}

function appendValues(k: Term, l: Term): Term {
  let r: Term = null;
  const vs = getAllValues(k, l);
  for (let i = vs.length - 1; i >= 0; i--) {
    const v = vs[i] as Term;
    const items = v === null || v instanceof Cons ? mustArray(v) : [v];
    r = arrayToList(items, r);
  }
  return r;
}

function getKeys(l: Term): Term {
  const keys: Term[] = [];
  for (const p of mustArray(l, "function_clause")) {
    const k = typeof p === "string" || typeof p === "boolean"
      ? p
      : Array.isArray(p) && p.length >= 1
      ? p[0] as Term
      : undefined;
    if (k !== undefined && !keys.some((x) => exactEq(x, k))) keys.push(k);
  }
  return arrayToList(keys);
}

/** `property/1`: `#(k true)` written as the atom `k`. */
function property1(p: Term): Term {
  return Array.isArray(p) && p.length === 2 ? property2(p[0] as Term, p[1] as Term) : p;
}

/** `property/2`: the atom `k` for `#(k true)`. */
function property2(k: Term, v: Term): Term {
  return v === true && (typeof k === "string" || typeof k === "boolean") ? k : [k, v];
}

function toMap(l: Term): TermMap {
  const ps = mustArray(l, "function_clause");
  // As OTP's, a fold from the end: the first entry of a key wins, and a tuple of another size
  // takes its key out again.
  let m = new TermMap([]);
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i] as Term;
    if (Array.isArray(p) && p.length === 2) m = m.put(p[0] as Term, p[1] as Term);
    else if (Array.isArray(p) && p.length >= 1) m = m.remove(p[0] as Term);
    else if (typeof p === "string" || typeof p === "boolean") m = m.put(p, true);
  }
  return m;
}

/** The key of an entry: the atom itself or the tuple's first element; `undefined` for others. */
function keyOf(p: Term): Term | undefined {
  if (typeof p === "string" || typeof p === "boolean") return p;
  return Array.isArray(p) && p.length >= 1 ? p[0] as Term : undefined;
}

/** The list `l` of a comprehension (`[f(P) || P <- l]`): `bad_generator` if it is not one. */
function generated(l: Term): Term[] {
  const out: Term[] = [];
  let c = l;
  for (; c instanceof Cons; c = c.tl) out.push(c.hd);
  return c === null ? out : raiseError(["bad_generator", c]);
}

/** A list of `{K1, K2}` pairs, as the substitutions walk it (`function_clause` otherwise). */
function pairs(l: Term): [Term, Term][] {
  const out: [Term, Term][] = [];
  let c = l;
  for (; c instanceof Cons; c = c.tl) {
    const x = c.hd;
    if (!(Array.isArray(x) && x.length === 2)) fc();
    out.push([x[0] as Term, x[1] as Term]);
  }
  return c === null ? out : fc();
}

function substituteAliases(as: Term, l: Term): Term {
  return arrayToList(
    generated(l).map((p) => {
      for (const [k, k1] of pairs(as)) {
        if ((typeof p === "string" || typeof p === "boolean") && p === k) {
          return property2(k1, true);
        }
        if (Array.isArray(p) && p.length >= 1 && exactEq(p[0] as Term, k)) {
          const q = p.slice();
          q[0] = k1;
          return property1(q);
        }
      }
      return p;
    }),
  );
}

function substituteNegations(ns: Term, l: Term): Term {
  return arrayToList(
    generated(l).map((p) => {
      for (const [k, k1] of pairs(ns)) {
        if ((typeof p === "string" || typeof p === "boolean") && p === k) {
          return property2(k1, false);
        }
        if (Array.isArray(p) && p.length >= 1 && exactEq(p[0] as Term, k)) {
          return property2(k1, !(p.length === 2 && p[1] === true));
        }
      }
      return p;
    }),
  );
}

function expand(es: Term, l: Term): Term {
  if (!(l === null || l instanceof Cons)) fc();
  // The expansions, each property in its shortest form, a key given again in a row once.
  const uniq: [Term, Term][] = [];
  for (const e of generated(es)) {
    if (!(Array.isArray(e) && e.length === 2)) continue;
    const p = property1(e[0] as Term);
    const last = uniq[uniq.length - 1];
    if (last === undefined || !exactEq(last[0], p)) uniq.push([p, e[1] as Term]);
  }
  // As OTP's: each expansion replaces the first entry of its key if that entry is the same
  // property, and the later entries of the key go; what is inserted is a list, which later
  // expansions pass over and the end flattens (with any list the entries held).
  let ps: Term[] = mustArray(l, "function_clause");
  for (const [p1, ins] of uniq) {
    const key = keyOf(p1);
    if (key === undefined) continue;
    const at = ps.findIndex((p) => about(p, key));
    if (at < 0) continue;
    const found = property1(ps[at] as Term);
    if (!exactEq(found, p1)) {
      ps = [...ps.slice(0, at), found, ...ps.slice(at + 1)];
      continue;
    }
    ps = [...ps.slice(0, at), ins, ...ps.slice(at + 1).filter((p) => !about(p, key))];
  }
  const out: Term[] = [];
  for (const p of ps) {
    if (p === null || p instanceof Cons) out.push(...mustArray(p));
    else out.push(p);
  }
  return arrayToList(out);
}

function normalize(l: Term, stages: Term): Term {
  let c = stages;
  for (; c instanceof Cons; c = c.tl) {
    const st = c.hd;
    if (!(Array.isArray(st) && st.length === 2)) fc();
    const [op, arg] = st as [Term, Term];
    if (op === "aliases") l = substituteAliases(arg, l);
    else if (op === "expand") l = expand(arg, l);
    else if (op === "negations") l = substituteNegations(arg, l);
    else fc();
  }
  if (c !== null) fc();
  return arrayToList(mustArray(l, "function_clause").map(property1));
}

function split(l: Term, keys: Term): Term {
  const ks = generated(keys);
  const store = new Map<number, Term[]>();
  const rest: Term[] = [];
  const slot = (k: Term) => ks.findIndex((x) => exactEq(x, k));
  let c = l;
  for (; c instanceof Cons; c = c.tl) {
    const p = c.hd;
    const k = keyOf(p);
    const i = k === undefined ? -1 : slot(k);
    if (i < 0) rest.push(p);
    else {
      // A key given twice keeps one list, as a map's key does.
      const first = slot(ks[i] as Term);
      (store.get(first) ?? store.set(first, []).get(first)!).push(p);
    }
  }
  if (c !== null) fc();
  return [arrayToList(ks.map((k) => arrayToList(store.get(slot(k)) ?? []))), arrayToList(rest)];
}

function fromMap(m: Term): Term {
  if (!(m instanceof TermMap)) return raiseError(["badmap", m]);
  return arrayToList(orderedEntries(m).map(([k, v]) => [k, v]));
}

/** The functions of `proplists`, by `name/arity`. */
export const PROPLISTS: ModuleFunctions = moduleTable("proplists", {
  "get_value/2": (k: Term, l: Term) => getValue(k, l),
  "get_value/3": (k: Term, l: Term, d: Term) => getValue(k, l, d),
  "get_bool/2": (k: Term, l: Term) => {
    const p = first(k, l);
    return p !== undefined && valueOf(p) === true;
  },
  "get_all_values/2": (k: Term, l: Term) => arrayToList(getAllValues(k, l)),
  "append_values/2": appendValues,
  "lookup/2": lookup,
  "lookup_all/2": (k: Term, l: Term) =>
    arrayToList(all(k, l).map((p) => Array.isArray(p) ? p : [k, true])),
  "is_defined/2": (k: Term, l: Term) => first(k, l) !== undefined,
  "delete/2": (k: Term, l: Term) =>
    arrayToList(mustArray(l, "function_clause").filter((p) => !about(p, k))),
  "get_keys/1": getKeys,
  "property/1": property1,
  "property/2": property2,
  "compact/1": (l: Term) => arrayToList(mustArray(l, "function_clause").map(property1)),
  "unfold/1": (l: Term) =>
    arrayToList(
      mustArray(l, "function_clause").map((p) =>
        typeof p === "string" || typeof p === "boolean" ? [p, true] : p
      ),
    ),
  "to_map/1": toMap,
  "to_map/2": (l: Term, stages: Term) => toMap(normalize(l, stages)),
  "substitute_aliases/2": substituteAliases,
  "substitute_negations/2": substituteNegations,
  "expand/2": expand,
  "normalize/2": normalize,
  "split/2": split,
  "from_map/1": fromMap,
});
