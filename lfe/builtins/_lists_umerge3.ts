/**
 * The three-run merges that drop duplicates, as OTP 25's `lists` has them (`umerge3_1` and
 * `rumerge3_1` with their helpers): each step is one state of a loop, and when a run is used
 * up the two left go on in {@linkcode umerge2} or {@linkcode rumerge2}. A duplicate is dropped
 * only where OTP's merge looks for it (an equal head against the key last written), so lists
 * that are not sorted, or hold duplicates of their own, merge as they do on BEAM.
 *
 * @module
 */

import { Cons, type Term } from "../../runtime/terms.ts";
import { eq, type Key, le, NOTHING, rumerge2, umerge2 } from "./_lists_merge.ts";
import { functionClause as fc } from "./_util.ts";

const enum U {
  /** `umerge3_1`: run 1's next head is read. */
  Read1,
  /** `umerge3_2`: run 2's next head is read. */
  Read2,
  /** `umerge3_12`: the head of run 1 is no greater than that of run 2. */
  One,
  /** `umerge3_12_3`: as One, reading run 3. */
  OneRead3,
  /** `umerge3_21`: the head of run 2 is less than that of run 1. */
  Two,
  /** `umerge3_21_3`: as Two, reading run 3. */
  TwoRead3,
}

/**
 * Merges three ascending runs, dropping a head equal to the key last written (`hdm`): run 1
 * is `t1` (its head not read yet), runs 2 and 3 have their heads read (`h2`, `h3`). Answers
 * the result reversed onto `m`.
 */
export function umerge3(
  k: Key,
  t1: Term,
  h2: Term,
  t2: Term,
  h3: Term,
  t3: Term,
  m: Term,
): Term {
  let e2 = k(h2), e3 = k(h3), h1: Term = null, e1: Term = null, hdm = NOTHING;
  let st = U.Read1;
  for (;;) {
    switch (st) {
      case U.Read1:
        if (t1 instanceof Cons) {
          h1 = t1.hd;
          t1 = t1.tl;
          e1 = k(h1);
          st = le(e1, e2) ? U.One : eq(e2, hdm) ? U.Read2 : U.Two;
          continue;
        }
        if (t1 !== null) return fc();
        if (eq(e2, hdm)) return umerge2(k, t2, t3, m, false, null, null, h3, e3, hdm);
        if (le(e2, e3)) return umerge2(k, t2, t3, new Cons(h2, m), false, null, null, h3, e3, e2);
        if (eq(e3, hdm)) return umerge2(k, t2, t3, m, true, h2, e2, null, null, NOTHING);
        return umerge2(k, t2, t3, new Cons(h3, m), true, h2, e2, null, null, NOTHING);
      case U.Read2:
        if (t2 instanceof Cons) {
          h2 = t2.hd;
          t2 = t2.tl;
          e2 = k(h2);
          st = le(e1, e2) ? U.One : U.Two;
          continue;
        }
        if (t2 !== null) return fc();
        if (le(e1, e3)) return umerge2(k, t1, t3, new Cons(h1, m), false, null, null, h3, e3, e1);
        if (eq(e3, hdm)) return umerge2(k, t1, t3, m, true, h1, e1, null, null, NOTHING);
        return umerge2(k, t1, t3, new Cons(h3, m), true, h1, e1, null, null, NOTHING);
      case U.One:
        if (le(e1, e3)) {
          m = new Cons(h1, m);
          hdm = e1;
          st = U.Read1;
        } else {
          if (!eq(e3, hdm)) m = new Cons(h3, m);
          st = U.OneRead3;
        }
        continue;
      case U.OneRead3:
        if (t3 instanceof Cons) {
          h3 = t3.hd;
          t3 = t3.tl;
          e3 = k(h3);
          if (le(e1, e3)) {
            m = new Cons(h1, m);
            hdm = e1;
            st = U.Read1;
          } else m = new Cons(h3, m);
          continue;
        }
        if (t3 !== null) return fc();
        return umerge2(k, t1, t2, new Cons(h1, m), false, null, null, h2, e2, e1);
      case U.Two:
        if (le(e2, e3)) {
          m = new Cons(h2, m);
          hdm = e2;
          st = U.Read2;
        } else {
          if (!eq(e3, hdm)) m = new Cons(h3, m);
          st = U.TwoRead3;
        }
        continue;
      case U.TwoRead3:
        if (t3 instanceof Cons) {
          h3 = t3.hd;
          t3 = t3.tl;
          e3 = k(h3);
          if (le(e2, e3)) {
            m = new Cons(h2, m);
            hdm = e2;
            st = U.Read2;
          } else m = new Cons(h3, m);
          continue;
        }
        if (t3 !== null) return fc();
        return umerge2(k, t1, t2, new Cons(h2, m), true, h1, e1, null, null, NOTHING);
    }
  }
}

const enum R {
  /** `rumerge3_1`: run 1's next head is read. */
  Read1,
  /** `rumerge3_12a`: the head of run 1 is no greater than that of run 2. */
  OneTwo,
  /** `rumerge3_2`: run 2's next head is read, its last head waiting to be written. */
  Read2,
  /** `rumerge3_12_3`: run 3 is read, its last head waiting; run 2's head is the greater. */
  Read3After2,
  /** `rumerge3_21_3`: run 3 is read, its last head waiting; run 1's head is the greater. */
  Read3After1,
}

/**
 * Merges three descending runs, dropping duplicates where OTP's `rumerge3_1` does: run 1 is
 * `t1` (its head not read yet), runs 2 and 3 have their heads read. Answers the result
 * reversed onto `m`.
 */
export function rumerge3(
  k: Key,
  t1: Term,
  h2: Term,
  t2: Term,
  h3: Term,
  t3: Term,
  m: Term,
): Term {
  let e2 = k(h2), e3 = k(h3), h1: Term = null, e1: Term = null;
  let st = R.Read1;
  for (;;) {
    switch (st) {
      case R.Read1:
        if (t1 instanceof Cons) {
          h1 = t1.hd;
          t1 = t1.tl;
          e1 = k(h1);
          if (le(e1, e2)) st = R.OneTwo;
          else if (le(e1, e3)) st = R.Read3After1;
          else m = new Cons(h1, m);
          continue;
        }
        if (t1 !== null) return fc();
        if (le(e2, e3)) return rumerge2(k, t2, t3, m, false, h2, e2, h3, e3);
        return rumerge2(k, t2, t3, new Cons(h2, m), true, null, null, h3, e3);
      case R.OneTwo:
        st = le(e2, e3) ? R.Read3After2 : R.Read2;
        continue;
      case R.Read2: {
        // h2 is the head read last from run 2, still to be written.
        if (!(t2 instanceof Cons)) {
          if (t2 !== null) return fc();
          if (eq(e1, e2)) return rumerge2(k, t1, t3, new Cons(h1, m), true, null, null, h3, e3);
          if (le(e1, e3)) return rumerge2(k, t1, t3, new Cons(h2, m), false, h1, e1, h3, e3);
          return rumerge2(k, t1, t3, new Cons(h1, new Cons(h2, m)), true, null, null, h3, e3);
        }
        const h = t2.hd, e = k(h);
        t2 = t2.tl;
        if (le(e1, e)) {
          m = new Cons(h2, m);
          st = le(e, e3) ? R.Read3After2 : R.Read2;
        } else if (eq(e1, e2)) {
          m = new Cons(h1, m);
          st = R.Read1;
        } else if (le(e1, e3)) {
          m = new Cons(h2, m);
          st = R.Read3After1;
        } else {
          m = new Cons(h1, new Cons(h2, m));
          st = R.Read1;
        }
        h2 = h;
        e2 = e;
        continue;
      }
      case R.Read3After2: {
        if (!(t3 instanceof Cons)) {
          if (t3 !== null) return fc();
          return rumerge2(k, t1, t2, eq(e2, e3) ? m : new Cons(h3, m), false, h1, e1, h2, e2);
        }
        const h = t3.hd, e = k(h);
        t3 = t3.tl;
        if (le(e2, e)) m = new Cons(h3, m);
        else {
          if (!eq(e2, e3)) m = new Cons(h3, m);
          st = R.Read2;
        }
        h3 = h;
        e3 = e;
        continue;
      }
      case R.Read3After1: {
        if (!(t3 instanceof Cons)) {
          if (t3 !== null) return fc();
          const out = eq(e1, e3) ? new Cons(h1, m) : new Cons(h1, new Cons(h3, m));
          return rumerge2(k, t1, t2, out, true, null, null, h2, e2);
        }
        const h = t3.hd, e = k(h);
        t3 = t3.tl;
        if (le(e1, e)) m = new Cons(h3, m);
        else {
          m = eq(e1, e3) ? new Cons(h1, m) : new Cons(h1, new Cons(h3, m));
          st = R.Read1;
        }
        h3 = h;
        e3 = e;
        continue;
      }
    }
  }
}
