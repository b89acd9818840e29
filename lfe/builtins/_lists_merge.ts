/**
 * The merges under OTP's sorts, on term order: the steps that merge two or three runs, plain
 * (`merge`, `rmerge`) and dropping duplicates (`umerge`, `rumerge`), each keyed by a function
 * (the term itself for `sort/1`, element N for `keysort/2`). A merge answers as OTP's does: the
 * merged list reversed onto the list `m`, the rest of the last run left reversed on top, so
 * that the passes of a sort alternate between ascending and descending runs.
 *
 * Which of two equal elements comes first, and which one a `u` merge keeps, follow OTP 25's
 * `lists` exactly: `lists:sort([2.0, 1, 2, 1.0])` is `[1.0, 1, 2, 2.0]` there, and here. A run
 * that ends badly raises `function_clause` where OTP's clauses do not take it, and `badarg`
 * where OTP hands the rest of a run to `lists:reverse/2`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import { functionClause as fc } from "./_util.ts";

/** What a sort compares of an element: the element itself, or one of its fields. */
export type Key = (x: Term) => Term;

/** The element itself, for the sorts on whole terms. */
export const WHOLE: Key = (x) => x;

/** `a =< b` in term order. */
export function le(a: Term, b: Term): boolean {
  return compare(a, b) <= 0;
}

/** The key last written, before anything is: equal to no key. */
export const NOTHING: Term = Object.freeze(["nothing written yet"]) as Term;

/** `a == b` in term order; never for {@linkcode NOTHING}. */
export function eq(a: Term, b: Term): boolean {
  return a !== NOTHING && b !== NOTHING && compare(a, b) === 0;
}

/** `lists:reverse(l, tail)`: `badarg` for a list that is not proper. */
export function reverseOnto(l: Term, tail: Term): Term {
  let r = tail;
  let c = l;
  for (; c instanceof Cons; c = c.tl) r = new Cons(c.hd, r);
  return c === null ? r : raiseError("badarg");
}

/** A run being merged: its head, the head's key and the rest. */
interface Run {
  h: Term;
  e: Term;
  t: Term;
}

/**
 * Merges two or three runs, each given as a list whose first cell may already be taken apart,
 * without dropping anything: ascending, the first of equal heads taken from the earliest run;
 * or (`desc`) descending, from the latest. Answers the result reversed onto `m`.
 */
export function mergeRuns(k: Key, lists: Term[], desc: boolean, m: Term): Term {
  const runs: Run[] = [];
  for (const l of lists) {
    if (l === null) continue;
    if (!(l instanceof Cons)) return fc();
    runs.push({ h: l.hd, e: NOTHING, t: l.tl });
  }
  if (runs.length === 0) return m;
  if (runs.length > 1) { for (const r of runs) r.e = k(r.h); }
  while (runs.length > 1) {
    let best = 0;
    for (let i = 1; i < runs.length; i++) {
      const c = compare((runs[i] as Run).e, (runs[best] as Run).e);
      if (desc ? c >= 0 : c < 0) best = i;
    }
    const r = runs[best] as Run;
    m = new Cons(r.h, m);
    if (r.t instanceof Cons) {
      r.h = r.t.hd;
      r.t = r.t.tl;
      r.e = k(r.h);
    } else if (r.t === null) runs.splice(best, 1);
    else return fc();
  }
  const last = runs[0] as Run;
  return reverseOnto(last.t, new Cons(last.h, m));
}

/**
 * OTP's `umerge2_2` (`a` set: run 1's head `h1` waits while run 2 is read) and `umerge2_1`
 * (run 2's head `h2` waits while run 1 is read; `hdm` is the key last written from run 1, and
 * a head of run 2 equal to it is dropped). Answers the result reversed onto `m`.
 */
export function umerge2(
  k: Key,
  t1: Term,
  t2: Term,
  m: Term,
  a: boolean,
  h1: Term,
  e1: Term,
  h2: Term,
  e2: Term,
  hdm: Term,
): Term {
  for (;;) {
    if (a) {
      if (!(t2 instanceof Cons)) return t2 === null ? reverseOnto(t1, new Cons(h1, m)) : fc();
      h2 = t2.hd;
      t2 = t2.tl;
      e2 = k(h2);
      if (le(e1, e2)) {
        m = new Cons(h1, m);
        hdm = e1;
        a = false;
      } else m = new Cons(h2, m);
    } else {
      if (!(t1 instanceof Cons)) {
        if (t1 !== null) return fc();
        return reverseOnto(t2, eq(e2, hdm) ? m : new Cons(h2, m));
      }
      h1 = t1.hd;
      t1 = t1.tl;
      e1 = k(h1);
      if (le(e1, e2)) {
        m = new Cons(h1, m);
        hdm = e1;
      } else {
        if (!eq(e2, hdm)) m = new Cons(h2, m);
        a = true;
      }
    }
  }
}

/**
 * OTP's `rumerge2_1` (`a` set: run 2's head `h2` waits while run 1, descending, is read) and
 * `rumerge2_2` (run 1's head `h1` waits, and `h2m`, the last head of run 2, is written unless
 * it equals `h1`). Answers the result reversed onto `m`.
 */
export function rumerge2(
  k: Key,
  t1: Term,
  t2: Term,
  m: Term,
  a: boolean,
  h1: Term,
  e1: Term,
  h2: Term,
  e2: Term,
): Term {
  for (;;) {
    if (a) {
      if (!(t1 instanceof Cons)) return t1 === null ? reverseOnto(t2, new Cons(h2, m)) : fc();
      h1 = t1.hd;
      t1 = t1.tl;
      e1 = k(h1);
      if (le(e1, e2)) a = false;
      else m = new Cons(h1, m);
    } else {
      if (!(t2 instanceof Cons)) {
        if (t2 !== null) return fc();
        return reverseOnto(t1, eq(e1, e2) ? new Cons(h1, m) : new Cons(h1, new Cons(h2, m)));
      }
      const h = t2.hd;
      t2 = t2.tl;
      const e = k(h);
      if (le(e1, e)) m = new Cons(h2, m);
      else {
        m = eq(e1, e2) ? new Cons(h1, m) : new Cons(h1, new Cons(h2, m));
        a = true;
      }
      h2 = h;
      e2 = e;
    }
  }
}
