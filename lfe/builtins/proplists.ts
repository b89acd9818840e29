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
  const entries: [Term, Term][] = [];
  const ps = mustArray(l, "function_clause");
  // The first entry of a key wins, so the later ones go in first.
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i] as Term;
    if (typeof p === "string" || typeof p === "boolean") entries.push([p, true]);
    else if (Array.isArray(p) && p.length === 2) entries.push([p[0] as Term, p[1] as Term]);
  }
  return new TermMap(entries);
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
  "from_map/1": fromMap,
});
