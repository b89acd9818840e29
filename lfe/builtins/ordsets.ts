/**
 * The module `ordsets`: sets as ordered lists without duplicates, elements compared with `==`
 * (so `1` and `1.0` are one element). Each function walks its lists as OTP 25's clauses do, so
 * which of two equal elements is kept, and what an argument that is no set gives, are OTP's;
 * an argument no clause takes raises `function_clause`.
 *
 * @example
 * ```ts
 * import { ORDSETS } from "./ordsets.ts";
 * import { list } from "../../runtime/terms.ts";
 * ORDSETS["from_list/1"]!(list(3, 1, 2, 1)); // (1 2 3)
 * ORDSETS["is_element/2"]!(2, list(1, 2, 3)); // true
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { compare } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { filter, foldl } from "./_lists_hof.ts";
import { usort } from "./_lists_keys.ts";
import { functionClause as fc, moduleTable, mustArray } from "./_util.ts";

function isSet(s: Term): boolean {
  if (s === null) return true;
  if (!(s instanceof Cons)) return false;
  let prev = s.hd;
  let c: Term = s.tl;
  for (; c instanceof Cons; c = c.tl) {
    if (compare(prev, c.hd) >= 0) return false;
    prev = c.hd;
  }
  return c === null ? true : fc();
}

function isElement(e: Term, s: Term): boolean {
  let c = s;
  for (; c instanceof Cons; c = c.tl) {
    const o = compare(e, c.hd);
    if (o <= 0) return o === 0;
  }
  return c === null ? false : fc();
}

function addElement(e: Term, s: Term): Term {
  const before: Term[] = [];
  let c = s;
  for (; c instanceof Cons; c = c.tl) {
    const o = compare(e, c.hd);
    if (o < 0) return arrayToList(before, new Cons(e, c));
    if (o === 0) return arrayToList(before, c);
    before.push(c.hd);
  }
  return c === null ? arrayToList(before, new Cons(e, null)) : fc();
}

function delElement(e: Term, s: Term): Term {
  const before: Term[] = [];
  let c = s;
  for (; c instanceof Cons; c = c.tl) {
    const o = compare(e, c.hd);
    if (o < 0) return arrayToList(before, c);
    if (o === 0) return arrayToList(before, c.tl);
    before.push(c.hd);
  }
  return c === null ? arrayToList(before) : fc();
}

/**
 * The union, walking both lists as OTP's clauses do. Those swap their arguments when the
 * second head is the smaller, which decides which of two equal elements is kept; so do the
 * loops here and below.
 */
function union(a: Term, b: Term): Term {
  const out: Term[] = [];
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const o = compare(a.hd, b.hd);
      if (o < 0) {
        out.push(a.hd);
        a = a.tl;
      } else if (o > 0) {
        out.push(b.hd);
        [a, b] = [b.tl, a];
      } else {
        out.push(a.hd);
        a = a.tl;
        b = b.tl;
      }
    } else if (a === null) return arrayToList(out, b);
    else if (b === null) return arrayToList(out, a);
    else return fc();
  }
}

function intersection(a: Term, b: Term): Term {
  const out: Term[] = [];
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const o = compare(a.hd, b.hd);
      if (o < 0) a = a.tl;
      else if (o > 0) [a, b] = [b.tl, a];
      else {
        out.push(a.hd);
        a = a.tl;
        b = b.tl;
      }
    } else if (a === null || b === null) return arrayToList(out);
    else return fc();
  }
}

function isDisjoint(a: Term, b: Term): boolean {
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const o = compare(a.hd, b.hd);
      if (o < 0) a = a.tl;
      else if (o > 0) [a, b] = [b.tl, a];
      else return false;
    } else if (a === null || b === null) return true;
    else return fc();
  }
}

function subtract(a: Term, b: Term): Term {
  const out: Term[] = [];
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const o = compare(a.hd, b.hd);
      if (o < 0) {
        out.push(a.hd);
        a = a.tl;
      } else if (o > 0) b = b.tl;
      else {
        a = a.tl;
        b = b.tl;
      }
    } else if (a === null) return arrayToList(out);
    else if (b === null) return arrayToList(out, a);
    else return fc();
  }
}

function isSubset(a: Term, b: Term): boolean {
  for (;;) {
    if (a instanceof Cons && b instanceof Cons) {
      const o = compare(a.hd, b.hd);
      if (o < 0) return false;
      if (o > 0) b = b.tl;
      else {
        a = a.tl;
        b = b.tl;
      }
    } else if (a === null) return true;
    else if (b === null) return false;
    else return fc();
  }
}

/**
 * `lists:umerge/1` of ordered sets: every element once, the first of equal ones from the
 * earliest set.
 */
export function umerge(sets: Term[][]): Term {
  const all: [Term, number][] = [];
  sets.forEach((s, i) => s.forEach((x) => all.push([x, i])));
  all.sort((x, y) => compare(x[0], y[0]) || x[1] - y[1]);
  const out: Term[] = [];
  for (const [x] of all) if (out.length === 0 || compare(out.at(-1) as Term, x) !== 0) out.push(x);
  return arrayToList(out);
}

function unionAll(l: Term): Term {
  return umerge(mustArray(l, "function_clause").map((s) => mustArray(s, "function_clause")));
}

function intersectionAll(l: Term): Term {
  if (!(l instanceof Cons)) return fc();
  let acc = l.hd;
  let c = l.tl;
  for (; c instanceof Cons; c = c.tl) acc = intersection(acc, c.hd);
  return c === null ? acc : fc();
}

/** The functions of `ordsets`, by `name/arity`. */
export const ORDSETS: ModuleFunctions = moduleTable("ordsets", {
  "new/0": () => null,
  "is_set/1": isSet,
  "size/1": (s: Term) => mustArray(s).length,
  "is_empty/1": (s: Term) => s === null,
  "to_list/1": (s: Term) => s,
  "from_list/1": (l: Term) => usort(l),
  "is_element/2": isElement,
  "add_element/2": addElement,
  "del_element/2": delElement,
  "union/2": union,
  "union/1": unionAll,
  "intersection/2": intersection,
  "intersection/1": intersectionAll,
  "is_disjoint/2": isDisjoint,
  "subtract/2": subtract,
  "is_subset/2": isSubset,
  "fold/3": function* (f: Term, acc: Term, s: Term) {
    return yield* foldl(f, acc, s);
  },
  "filter/2": function* (f: Term, s: Term) {
    return yield* filter(f, s);
  },
});
