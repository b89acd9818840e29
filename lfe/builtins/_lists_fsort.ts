/**
 * The sorts and merges of `lists` that order by a fun (`sort/2`, `usort/2`, `merge/3`,
 * `rmerge/3`, `umerge/3`, `rumerge/3`) as OTP 25 has them: the fun is asked the same
 * questions in the same order as on BEAM, so a fun that is no ordering (`<` rather than `=<`,
 * or one that looks at part of a term) gives the list OTP gives. The fun may wait, so these
 * are generator functions; an answer that is not a boolean is a `case_clause`.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { Cons, type Fun, type Term } from "../../runtime/terms.ts";
import { reverseOnto } from "./_lists_merge.ts";
import { applyFun, functionClause as fc, isFunOf, spent, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function cons(h: Term, t: Term): Cons {
  return new Cons(h, t);
}

/** `f(a, b)`, which must be a boolean. */
function* ask(f: Term, a: Term, b: Term): Gen<boolean> {
  let v = applyFun(f, [a, b]);
  if (unresolved(v)) v = yield* resolve(v);
  else if (spent()) yield;
  return typeof v === "boolean" ? v : raiseError(["case_clause", v as Term]);
}

function reversed(m: Term): Term {
  let r: Term = null;
  for (let c = m; c instanceof Cons; c = c.tl) r = cons(c.hd, r);
  return r;
}

/** The fun of a guard `is_function(Fun, 2)`; `function_clause` otherwise. */
function fun2(f: Term): Fun {
  return isFunOf(f, 2) ? f : fc();
}

/**
 * OTP's `fmerge2_1`/`fmerge2_2` (`fwd`) and `rfmerge2_1`/`rfmerge2_2`: at each step `f(h1, h2)`
 * is asked, and run 1's head is taken when the answer is `fwd`. Answers the result reversed
 * onto `m`.
 */
function* fmerge(f: Term, fwd: boolean, t1: Term, h2: Term, t2: Term, m: Term): Gen<Term> {
  if (!(t1 instanceof Cons)) return t1 === null ? reverseOnto(t2, cons(h2, m)) : fc();
  let h1 = t1.hd;
  t1 = t1.tl;
  for (;;) {
    if ((yield* ask(f, h1, h2)) === fwd) {
      m = cons(h1, m);
      if (!(t1 instanceof Cons)) return t1 === null ? reverseOnto(t2, cons(h2, m)) : fc();
      h1 = t1.hd;
      t1 = t1.tl;
    } else {
      m = cons(h2, m);
      if (!(t2 instanceof Cons)) return t2 === null ? reverseOnto(t1, cons(h1, m)) : fc();
      h2 = t2.hd;
      t2 = t2.tl;
    }
  }
}

/** OTP's `fsplit_1` (`up`) and `fsplit_2`, with their `_1` forms: the runs, merged. */
function* fsplit(f: Term, up: boolean, y: Term, x: Term, l: Term): Gen<Term> {
  let r: Term = null, rs: Term = null, s: Term = null, held = false;
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd;
    if ((yield* ask(f, y, z)) === up) {
      r = cons(x, r);
      [y, x] = [z, y];
    } else if ((yield* ask(f, x, z)) === up) {
      r = cons(x, r);
      x = z;
    } else if (!held) {
      if (r === null) r = cons(z, null);
      else [s, held] = [z, true];
    } else {
      rs = cons(cons(y, cons(x, r)), rs);
      [y, x] = (yield* ask(f, s, z)) === up ? [z, s] : [s, z];
      r = null;
      held = false;
    }
  }
  if (l !== null) return fc();
  const run = cons(y, cons(x, r));
  return yield* fpasses(f, held ? cons(cons(s, null), cons(run, rs)) : cons(run, rs), !up, up);
}

/** OTP's `fmergel` and `rfmergel`: passes of merges two at a time, until one run is left. */
function* fpasses(f: Term, first: Term, fwd: boolean, asc: boolean): Gen<Term> {
  let runs: Term[] = [];
  for (let c = first; c instanceof Cons; c = c.tl) runs.push(c.hd);
  for (;;) {
    if (fwd && runs.length === 1) return runs[0] as Term;
    const acc: Term[] = [];
    let i = 0;
    for (; i + 1 < runs.length; i += 2) {
      const [a, b] = (fwd === asc ? [runs[i], runs[i + 1]] : [runs[i + 1], runs[i]]) as [
        Term,
        Cons,
      ];
      acc.push(yield* fmerge(f, fwd, a, b.hd, b.tl, null));
    }
    if (i < runs.length) acc.push(reverseOnto(runs[i] as Term, null));
    runs = acc.reverse();
    fwd = !fwd;
  }
}

/** `sort/2`. */
export function* sort(f: Term, l: Term): Gen<Term> {
  if (l instanceof Cons && l.tl instanceof Cons) {
    const x = l.hd, y = l.tl.hd;
    return yield* fsplit(f, yield* ask(f, x, y), y, x, l.tl.tl);
  }
  fun2(f);
  return l === null || (l instanceof Cons && l.tl === null) ? l : fc();
}

/** `merge/3` (or, `desc`, `rmerge/3`). */
export function* merge(f: Term, t1: Term, l2: Term, desc = false): Gen<Term> {
  fun2(f);
  if (l2 === null) return t1;
  if (!(l2 instanceof Cons)) return fc();
  return reversed(yield* fmerge(f, !desc, t1, l2.hd, l2.tl, null));
}

/** `usort/2`: sorted by `f`, an element `f` finds equal to one before it both ways dropped. */
export function* usort(f: Term, l: Term): Gen<Term> {
  fun2(f);
  if (l === null || (l instanceof Cons && l.tl === null)) return l;
  if (!(l instanceof Cons)) return fc();
  const x = l.hd;
  for (let c = l.tl; c instanceof Cons; c = c.tl) {
    const y = c.hd;
    if (!(yield* ask(f, x, y))) return yield* ufsplitDown(f, y, c.tl, cons(x, null));
    if (!(yield* ask(f, y, x))) return yield* ufsplit(f, y, x, c.tl, null);
    if (c.tl === null) return cons(x, null);
    if (!(c.tl instanceof Cons)) return fc();
  }
  return fc();
}

/** OTP's `ufsplit_1` and `ufsplit_1_1`: ascending runs without duplicates, merged. */
function* ufsplit(f: Term, y: Term, x: Term, l: Term, rs: Term): Gen<Term> {
  let r: Term = null, s: Term = null, held = false;
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd;
    if (yield* ask(f, y, z)) {
      if (yield* ask(f, z, y)) continue;
      r = cons(x, r);
      [y, x] = [z, y];
    } else if (yield* ask(f, x, z)) {
      if (yield* ask(f, z, x)) continue;
      r = cons(x, r);
      x = z;
    } else if (!held) {
      if (r === null) r = cons(z, null);
      else [s, held] = [z, true];
    } else {
      if (yield* ask(f, s, z)) {
        if (yield* ask(f, z, s)) continue;
        rs = cons(cons(y, cons(x, r)), rs);
        [y, x] = [z, s];
      } else {
        rs = cons(cons(y, cons(x, r)), rs);
        [y, x] = [s, z];
      }
      r = null;
      held = false;
    }
  }
  if (l !== null) return fc();
  const run = cons(y, cons(x, r));
  return yield* ufpasses(f, held ? cons(cons(s, null), cons(run, rs)) : cons(run, rs));
}

/** OTP's `ufsplit_2`: a descending run, until an element goes above its last. */
function* ufsplitDown(f: Term, y: Term, l: Term, r: Term): Gen<Term> {
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd;
    if (yield* ask(f, y, z)) {
      if (yield* ask(f, z, y)) continue;
      return yield* ufsplit(f, z, y, l.tl, cons(reverseOnto(r, null), null));
    }
    r = cons(y, r);
    y = z;
  }
  return l === null ? cons(y, r) : fc();
}

/** OTP's `rufmergel` then `ufmergel`, and so on, until one run is left. */
function* ufpasses(f: Term, first: Term): Gen<Term> {
  let runs: Term[] = [];
  for (let c = first; c instanceof Cons; c = c.tl) runs.push(c.hd);
  for (let fwd = false;; fwd = !fwd) {
    if (fwd && runs.length === 1) return runs[0] as Term;
    const acc: Term[] = [];
    let i = 0;
    for (; i + 1 < runs.length; i += 2) {
      const a = runs[i] as Cons, b = runs[i + 1] as Cons;
      acc.push(
        fwd ? yield* ufmerge(f, a.hd, a.tl, b, null) : yield* rufmerge(f, b, a.hd, a.tl, null),
      );
    }
    if (i < runs.length) acc.push(reverseOnto(runs[i] as Term, null));
    runs = acc.reverse();
  }
}

/**
 * OTP's `ufmerge2_2` (run 1's head `h1` waits while run 2 is read) and `ufmerge2_1` (run 2's
 * head waits; it is dropped when `f(h2, last)` holds for the last element taken from run 1).
 */
function* ufmerge(f: Term, h1: Term, t1: Term, t2: Term, m: Term): Gen<Term> {
  for (;;) {
    // Run 2 is read while h1 waits.
    if (!(t2 instanceof Cons)) return t2 === null ? reverseOnto(t1, cons(h1, m)) : fc();
    const h2 = t2.hd;
    t2 = t2.tl;
    if (!(yield* ask(f, h1, h2))) {
      m = cons(h2, m);
      continue;
    }
    m = cons(h1, m);
    let last = h1;
    // Run 1 is read while h2 waits.
    for (;;) {
      if (!(t1 instanceof Cons)) {
        if (t1 !== null) return fc();
        return reverseOnto(t2, (yield* ask(f, h2, last)) ? m : cons(h2, m));
      }
      h1 = t1.hd;
      t1 = t1.tl;
      if (yield* ask(f, h1, h2)) {
        m = cons(h1, m);
        last = h1;
        continue;
      }
      if (!(yield* ask(f, h2, last))) m = cons(h2, m);
      break;
    }
  }
}

/**
 * OTP's `rufmerge2_1` (run 2's head `h2` waits while run 1 is read) and `rufmerge2_2` (run 1's
 * head waits, and the last head of run 2 is written unless `f` finds it below that head).
 */
function* rufmerge(f: Term, t1: Term, h2: Term, t2: Term, m: Term): Gen<Term> {
  for (;;) {
    if (!(t1 instanceof Cons)) return t1 === null ? reverseOnto(t2, cons(h2, m)) : fc();
    const h1 = t1.hd;
    t1 = t1.tl;
    if (!(yield* ask(f, h1, h2))) {
      m = cons(h1, m);
      continue;
    }
    let h2m = h2;
    for (;;) {
      if (!(t2 instanceof Cons)) {
        if (t2 !== null) return fc();
        const keepBoth = !(yield* ask(f, h2m, h1));
        return reverseOnto(t1, keepBoth ? cons(h1, cons(h2m, m)) : cons(h1, m));
      }
      h2 = t2.hd;
      t2 = t2.tl;
      if (yield* ask(f, h1, h2)) {
        m = cons(h2m, m);
        h2m = h2;
        continue;
      }
      m = (yield* ask(f, h2m, h1)) ? cons(h1, m) : cons(h1, cons(h2m, m));
      break;
    }
  }
}

/** `umerge/3`. */
export function* umerge(f: Term, l1: Term, t2: Term): Gen<Term> {
  fun2(f);
  if (l1 === null) return t2;
  if (!(l1 instanceof Cons)) return fc();
  return reversed(yield* ufmerge(f, l1.hd, l1.tl, t2, null));
}

/** `rumerge/3`. */
export function* rumerge(f: Term, t1: Term, l2: Term): Gen<Term> {
  fun2(f);
  if (l2 === null) return t1;
  if (!(l2 instanceof Cons)) return fc();
  return reversed(yield* rufmerge(f, t1, l2.hd, l2.tl, null));
}
