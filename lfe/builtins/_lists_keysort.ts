/**
 * `lists:keysort/2`, `ukeysort/2` and the key merges (`keymerge/3`, `rkeymerge/3`,
 * `ukeymerge/3`, `rukeymerge/3`) as OTP 25 has them: tuples compared by their element N
 * (`==` for the keys, so `#(1 a)` and `#(1.0 b)` have equal keys), the same runs and passes
 * as `sort/1`, stable, and `ukeysort/2` keeping the first of the tuples with equal keys.
 * A tuple without element N is `badarg` when OTP's code looks at its key, and not before.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare } from "../../runtime/term_order.ts";
import { Cons, list, type Term } from "../../runtime/terms.ts";
import { element } from "./_erlang_terms.ts";
import { type Key, mergeRuns, NOTHING, reverseOnto, rumerge2, umerge2 } from "./_lists_merge.ts";
import { mergePasses, type Mergers, splitRuns, usplitRuns } from "./_lists_runs.ts";
import { rumerge3, umerge3 } from "./_lists_umerge3.ts";
import { functionClause as fc } from "./_util.ts";

function cons(h: Term, t: Term): Cons {
  return new Cons(h, t);
}

/** The key of a tuple: its element `i`, checked as the guard `is_integer(I), I > 0`. */
function keyOf(i: Term): Key {
  if (!((typeof i === "number" && i > 0) || (typeof i === "bigint" && i > 0n))) return fc();
  return (t) => element(i, t);
}

function reversed(m: Term): Term {
  let r: Term = null;
  for (let c = m; c instanceof Cons; c = c.tl) r = cons(c.hd, r);
  return r;
}

function keyMergers(k: Key): Mergers {
  return {
    m3: (a, b, c) => mergeRuns(k, [a, b, c], false, null),
    m2: (a, b) => mergeRuns(k, [a, b], false, null),
    r3: (a, b, c) => mergeRuns(k, [a, b, c], true, null),
    r2: (a, b) => mergeRuns(k, [a, b], true, null),
  };
}

function ukeyMergers(k: Key): Mergers {
  return {
    m3: (a, b, c) => umerge3(k, a, b.hd, b.tl, c.hd, c.tl, null),
    m2: (a, b) => {
      const h = (a as Cons).hd;
      return umerge2(k, (a as Cons).tl, b, null, true, h, k(h), null, null, NOTHING);
    },
    r3: (a, b, c) => rumerge3(k, a, b.hd, b.tl, c.hd, c.tl, null),
    r2: (a, b) => {
      const h = (b as Cons).hd;
      return rumerge2(k, a, (b as Cons).tl, null, true, null, null, h, k(h));
    },
  };
}

/** The two elements at the head of `l` and the rest: OTP's `case L of [X, Y | T]`. */
function firstTwo(l: Term): [Term, Term, Term] | undefined {
  if (l === null || (l instanceof Cons && l.tl === null)) return undefined;
  if (!(l instanceof Cons) || !(l.tl instanceof Cons)) return raiseError(["case_clause", l]);
  return [l.hd, l.tl.hd, l.tl.tl];
}

/** `keysort/2`. */
export function keysort(i: Term, l: Term): Term {
  const k = keyOf(i);
  const two = firstTwo(l);
  if (two === undefined) return l;
  const [x, y, t] = two;
  const ex = k(x), ey = k(y);
  const z = t instanceof Cons && t.tl === null ? t.hd : undefined;
  if (compare(ex, ey) <= 0) {
    if (t === null) return l;
    if (z !== undefined) {
      const ez = k(z);
      if (compare(ey, ez) <= 0) return l;
      return compare(ex, ez) <= 0 ? list(x, z, y) : list(z, x, y);
    }
    if (compare(x, y) === 0) return keysortEqual(k, y, ex, t, cons(x, null));
    return keySplit(k, true, x, ex, y, ey, t, null);
  }
  if (t === null) return list(y, x);
  if (z !== undefined) {
    const ez = k(z);
    if (compare(ex, ez) <= 0) return cons(y, cons(x, t));
    return compare(ey, ez) <= 0 ? list(y, z, x) : list(z, y, x);
  }
  return keySplit(k, false, x, ex, y, ey, t, null);
}

/** OTP's `keysort_1`: whole tuples equal to the first, kept in order. */
function keysortEqual(k: Key, x: Term, ex: Term, l: Term, r: Term): Term {
  for (; l instanceof Cons; l = l.tl) {
    const y = l.hd;
    if (compare(x, y) === 0) {
      r = cons(x, r);
      x = y;
      continue;
    }
    const ey = k(y);
    return keySplit(k, compare(ex, ey) <= 0, x, ex, y, ey, l.tl, r);
  }
  return l === null ? reverseOnto(r, cons(x, null)) : fc();
}

function keySplit(k: Key, up: boolean, x: Term, ex: Term, y: Term, ey: Term, l: Term, r: Term) {
  return mergePasses(splitRuns(k, up, true, x, ex, y, ey, l, r), !up, up, keyMergers(k));
}

/** `ukeysort/2`. */
export function ukeysort(i: Term, l: Term): Term {
  const k = keyOf(i);
  const two = firstTwo(l);
  if (two === undefined) return l;
  const [x, y, t] = two;
  const ex = k(x), ey = k(y);
  const c = compare(ex, ey);
  if (c === 0) return ukeysortEqual(k, x, ex, t);
  const z = t instanceof Cons && t.tl === null ? t.hd : undefined;
  if (c < 0) {
    if (t === null) return l;
    if (z === undefined) return ukeySplit(k, x, ex, y, ey, t, null);
    const ez = k(z);
    if (compare(ey, ez) === 0) return list(x, y);
    if (compare(ey, ez) < 0) return list(x, y, z);
    if (compare(ez, ex) === 0) return list(x, y);
    return compare(ex, ez) <= 0 ? list(x, z, y) : list(z, x, y);
  }
  if (t === null) return list(y, x);
  if (z === undefined) return ukeySplitDown(k, y, ey, t, cons(x, null));
  const ez = k(z);
  if (compare(ex, ez) === 0) return list(y, x);
  if (compare(ex, ez) < 0) return list(y, x, z);
  if (compare(ey, ez) === 0) return list(y, x);
  return compare(ey, ez) <= 0 ? list(y, z, x) : list(z, y, x);
}

/** OTP's `ukeysort_1`: the tuples with the first's key dropped. */
function ukeysortEqual(k: Key, x: Term, ex: Term, l: Term): Term {
  for (; l instanceof Cons; l = l.tl) {
    const y = l.hd, ey = k(y), c = compare(ex, ey);
    if (c === 0) continue;
    return c < 0
      ? ukeySplit(k, x, ex, y, ey, l.tl, null)
      : ukeySplitDown(k, y, ey, l.tl, cons(x, null));
  }
  return l === null ? cons(x, null) : fc();
}

function ukeySplit(k: Key, x: Term, ex: Term, y: Term, ey: Term, l: Term, rs: Term): Term {
  return mergePasses(usplitRuns(k, true, x, ex, y, ey, l, rs), false, true, ukeyMergers(k));
}

/** OTP's `ukeysplit_2`: a descending run, until an element goes above its last. */
function ukeySplitDown(k: Key, y: Term, ey: Term, l: Term, r: Term): Term {
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd, ez = k(z), c = compare(ey, ez);
    if (c === 0) continue;
    if (c < 0) return ukeySplit(k, y, ey, z, ez, l.tl, cons(reverseOnto(r, null), null));
    r = cons(y, r);
    [y, ey] = [z, ez];
  }
  return l === null ? cons(y, r) : fc();
}

/** `keymerge/3` (or, `desc`, `rkeymerge/3`): a tuple of the first list before an equal one. */
export function keymerge(i: Term, t1: Term, l2: Term, desc = false): Term {
  const k = keyOf(i);
  if (l2 === null) return t1;
  if (!(l2 instanceof Cons)) return raiseError(["case_clause", l2]);
  k(l2.hd);
  return reversed(mergeRuns(k, [t1, l2], desc, null));
}

/** `ukeymerge/3`: a tuple of the second list with the key just taken from the first dropped. */
export function ukeymerge(i: Term, l1: Term, t2: Term): Term {
  const k = keyOf(i);
  if (l1 === null) return t2;
  if (!(l1 instanceof Cons)) return raiseError(["case_clause", l1]);
  const e1 = k(l1.hd);
  return reversed(umerge2(k, l1.tl, t2, null, true, l1.hd, e1, null, null, NOTHING));
}

/** `rukeymerge/3`. */
export function rukeymerge(i: Term, t1: Term, l2: Term): Term {
  const k = keyOf(i);
  if (l2 === null) return t1;
  if (!(l2 instanceof Cons)) return raiseError(["case_clause", l2]);
  const e2 = k(l2.hd);
  return reversed(rumerge2(k, t1, l2.tl, null, true, null, null, l2.hd, e2));
}
