/**
 * `lists:sort/1` and `lists:usort/1` as OTP 25 sorts: the list is cut into runs (ascending or
 * descending, an element that fits neither put aside for the next run), and the runs are
 * merged three at a time, pass after pass, each pass reading the runs the other way round.
 * The result is sorted in term order; where elements compare equal but are not the same term
 * (`1` and `1.0`), their order is the one OTP's passes give, and `usort/1` keeps the one
 * OTP's keeps.
 *
 * @module
 */

import { compare } from "../../runtime/term_order.ts";
import { Cons, list, type Term } from "../../runtime/terms.ts";
import { mergeRuns, NOTHING, reverseOnto, rumerge2, umerge2, WHOLE } from "./_lists_merge.ts";
import { splitRuns, usplitRuns } from "./_lists_runs.ts";
import { rumerge3, umerge3 } from "./_lists_umerge3.ts";
import { functionClause as fc } from "./_util.ts";

function cons(h: Term, t: Term): Cons {
  return new Cons(h, t);
}

/** `sort/1`. */
export function sort(l: Term): Term {
  if (!(l instanceof Cons)) return l === null ? l : fc();
  const x = l.hd, rest = l.tl;
  if (!(rest instanceof Cons)) return rest === null ? l : fc();
  const y = rest.hd, t = rest.tl;
  const one = t instanceof Cons && t.tl === null;
  if (compare(x, y) <= 0) {
    if (t === null) return l;
    if (one) {
      const z = t.hd;
      if (compare(y, z) <= 0) return l;
      return compare(x, z) <= 0 ? list(x, z, y) : list(z, x, y);
    }
    if (compare(x, y) === 0) return sortEqual(y, t, cons(x, null));
    return split(true, x, y, t, null);
  }
  if (t === null) return list(y, x);
  if (one) {
    const z = t.hd;
    if (compare(x, z) <= 0) return cons(y, cons(x, t));
    return compare(y, z) <= 0 ? list(y, z, x) : list(z, y, x);
  }
  return split(false, x, y, t, null);
}

/** OTP's `sort_1`: a run of equal elements at the start. */
function sortEqual(x: Term, l: Term, r: Term): Term {
  for (; l instanceof Cons; l = l.tl) {
    const y = l.hd, c = compare(x, y);
    if (c === 0) {
      r = cons(x, r);
      x = y;
    } else return split(c < 0, x, y, l.tl, r);
  }
  return l === null ? reverseOnto(r, cons(x, null)) : fc();
}

/** OTP's `split_1` (`up`) and `split_2`: the runs, merged. */
function split(up: boolean, x: Term, y: Term, l: Term, r: Term): Term {
  return mergel(splitRuns(WHOLE, up, false, x, x, y, y, l, r), null, !up);
}

/**
 * OTP's `mergel` (`fwd`) and `rmergel`: one pass merges the runs three at a time (two at the
 * end) into `acc`, and the next pass, the other way, merges what it made. `merge/1` starts
 * here with the lists given, so empty lists are skipped and a bad one is `function_clause`.
 */
export function mergel(l: Term, acc: Term, fwd: boolean): Term {
  for (;;) {
    if (fwd) {
      if (l === null) {
        if (acc === null) return null;
        [l, acc, fwd] = [acc, null, false];
        continue;
      }
      if (!(l instanceof Cons)) return fc();
      const a = l.hd, t = l.tl;
      if (a === null) {
        l = t;
        continue;
      }
      if (t === null) {
        if (acc === null) return a;
        [l, acc, fwd] = [cons(reverseOnto(a, null), acc), null, false];
        continue;
      }
      if (!(t instanceof Cons)) return fc();
      const b = t.hd, t2 = t.tl;
      if (b instanceof Cons && t2 instanceof Cons && t2.hd instanceof Cons) {
        acc = cons(mergeRuns(WHOLE, [a, b, t2.hd], false, null), acc);
        l = t2.tl;
      } else if (b instanceof Cons && t2 === null) {
        [l, acc, fwd] = [cons(mergeRuns(WHOLE, [a, b], false, null), acc), null, false];
      } else if (b === null) l = cons(a, t2);
      else if (t2 instanceof Cons && t2.hd === null) l = cons(a, cons(b, t2.tl));
      else return fc();
    } else {
      if (l === null) {
        [l, acc, fwd] = [acc, null, true];
        continue;
      }
      if (!(l instanceof Cons)) return fc();
      const a = l.hd, t = l.tl;
      if (t === null) {
        [l, acc, fwd] = [cons(reverseOnto(a, null), acc), null, true];
        continue;
      }
      if (!(t instanceof Cons)) return fc();
      const b = t.hd, t2 = t.tl;
      if (a instanceof Cons && b instanceof Cons && t2 instanceof Cons) {
        acc = cons(mergeRuns(WHOLE, [t2.hd, b, a], true, null), acc);
        l = t2.tl;
      } else if (a instanceof Cons && t2 === null) {
        [l, acc, fwd] = [cons(mergeRuns(WHOLE, [b, a], true, null), acc), null, true];
      } else return fc();
    }
  }
}

/** `usort/1`. */
export function usort(l: Term): Term {
  if (!(l instanceof Cons)) return l === null ? l : fc();
  const x = l.hd, rest = l.tl;
  if (!(rest instanceof Cons)) return rest === null ? l : fc();
  const y = rest.hd, t = rest.tl;
  const c = compare(x, y);
  const z = t instanceof Cons && t.tl === null ? t.hd : undefined;
  if (c < 0) {
    if (t === null) return l;
    if (z !== undefined) {
      if (compare(y, z) < 0) return l;
      if (compare(y, z) === 0) return list(x, y);
      if (compare(z, x) < 0) return list(z, x, y);
      return compare(z, x) === 0 ? list(x, y) : list(x, z, y);
    }
    return usplit(true, x, y, t);
  }
  if (c > 0) {
    if (t === null) return list(y, x);
    if (z !== undefined) {
      if (compare(x, z) < 0) return cons(y, cons(x, t));
      if (compare(x, z) === 0) return list(y, x);
      if (compare(z, y) < 0) return list(z, y, x);
      return compare(z, y) === 0 ? list(y, x) : list(y, z, x);
    }
    return usplit(false, x, y, t);
  }
  return usortEqual(x, t);
}

/** OTP's `usort_1`: `x` is kept, the elements equal to it dropped. */
function usortEqual(x: Term, l: Term): Term {
  for (; l instanceof Cons; l = l.tl) {
    const c = compare(x, l.hd);
    if (c !== 0) return usplit(c < 0, x, l.hd, l.tl);
  }
  return l === null ? cons(x, null) : fc();
}

/** OTP's `usplit_1` (`up`) and `usplit_2`: the runs, merged. */
function usplit(up: boolean, x: Term, y: Term, l: Term): Term {
  return umergel(usplitRuns(WHOLE, up, x, x, y, y, l, null), null, !up, !up);
}

/**
 * OTP's `umergel` (`fwd`) and `rumergel`, for runs ascending in the list (`asc`, as `umerge/1`
 * is given them) or descending. Empty lists are skipped, as `umerge/1` may be given them.
 */
export function umergel(l: Term, acc: Term, fwd: boolean, desc: boolean): Term {
  for (;;) {
    if (l === null) {
      if (fwd && acc === null) return null;
      [l, acc, fwd] = [acc, null, !fwd];
      continue;
    }
    if (!(l instanceof Cons)) return fc();
    const a = l.hd, t = l.tl;
    if (fwd && a === null) {
      l = t;
      continue;
    }
    if (t === null) {
      if (fwd && acc === null) return a;
      [l, acc, fwd] = [cons(reverseOnto(a, null), acc), null, !fwd];
      continue;
    }
    if (!(t instanceof Cons)) return fc();
    const b = t.hd, t2 = t.tl;
    const c = t2 instanceof Cons ? t2.hd : undefined;
    if (fwd) {
      const [first, third] = desc ? [c, a] : [a, c];
      if (b instanceof Cons && third instanceof Cons && first !== undefined) {
        acc = cons(umerge3(WHOLE, first, b.hd, b.tl, third.hd, third.tl, null), acc);
        l = (t2 as Cons).tl;
      } else if (b === null) l = cons(a, t2);
      else if (c === null) l = cons(a, cons(b, (t2 as Cons).tl));
      else {
        const [one, two] = desc ? [b, a] : [a, b];
        if (!(one instanceof Cons)) return fc();
        acc = cons(
          umerge2(WHOLE, one.tl, two, null, true, one.hd, one.hd, null, null, NOTHING),
          acc,
        );
        l = t2;
      }
    } else {
      const [first, third] = desc ? [a, c] : [c, a];
      if (third instanceof Cons && b instanceof Cons && first !== undefined) {
        acc = cons(rumerge3(WHOLE, first, b.hd, b.tl, third.hd, third.tl, null), acc);
        l = (t2 as Cons).tl;
      } else {
        const [one, two] = desc ? [a, b] : [b, a];
        if (!(two instanceof Cons)) return fc();
        acc = cons(rumerge2(WHOLE, one, two.tl, null, true, null, null, two.hd, two.hd), acc);
        l = t2;
      }
    }
  }
}

/** `lists:reverse(m)` of a proper list. */
function reversed(m: Term): Term {
  let r: Term = null;
  for (let c = m; c instanceof Cons; c = c.tl) r = cons(c.hd, r);
  return r;
}

/** `merge/2` (or, `desc`, `rmerge/2`): the first list's element before an equal one. */
export function merge2(t1: Term, l2: Term, desc = false): Term {
  if (l2 === null) return t1;
  return l2 instanceof Cons ? reversed(mergeRuns(WHOLE, [t1, l2], desc, null)) : fc();
}

/** `merge3/3` (or, `desc`, `rmerge3/3`). */
export function merge3(l1: Term, l2: Term, l3: Term, desc = false): Term {
  if (l2 === null) return merge2(l1, l3, desc);
  if (l3 === null) return merge2(l1, l2, desc);
  if (!(l2 instanceof Cons) || !(l3 instanceof Cons)) return fc();
  return reversed(mergeRuns(WHOLE, [l1, l2, l3], desc, null));
}

/** `umerge/2`: an element of the second list equal to one just taken from the first is dropped. */
export function umerge2l(l1: Term, t2: Term): Term {
  if (l1 === null) return t2;
  if (!(l1 instanceof Cons)) return fc();
  return reversed(umerge2(WHOLE, l1.tl, t2, null, true, l1.hd, l1.hd, null, null, NOTHING));
}

/** `rumerge/2`: of lists sorted the other way. */
export function rumerge2l(t1: Term, l2: Term): Term {
  if (l2 === null) return t1;
  if (!(l2 instanceof Cons)) return fc();
  return reversed(rumerge2(WHOLE, t1, l2.tl, null, true, null, null, l2.hd, l2.hd));
}

/** `umerge3/3` (or, `desc`, `rumerge3/3`). */
export function umerge3l(l1: Term, l2: Term, l3: Term, desc = false): Term {
  const two = desc ? rumerge2l : umerge2l;
  if (l2 === null) return two(l1, l3);
  if (l3 === null) return two(l1, l2);
  if (!(l2 instanceof Cons) || !(l3 instanceof Cons)) return fc();
  const m = (desc ? rumerge3 : umerge3)(WHOLE, l1, l2.hd, l2.tl, l3.hd, l3.tl, null);
  return reversed(m);
}
