/**
 * How OTP's sorts cut a list into runs, and the passes that merge the runs again, shared by
 * `sort/1`, `usort/1`, `keysort/2` and `ukeysort/2`. A run is kept as OTP keeps it: a list
 * whose order is the other way round from the pass that will merge it.
 *
 * @module
 */

import { compare } from "../../runtime/term_order.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import type { Key } from "./_lists_merge.ts";
import { reverseOnto } from "./_lists_merge.ts";
import { functionClause as fc } from "./_util.ts";

function cons(h: Term, t: Term): Cons {
  return new Cons(h, t);
}

/** The run `[y, x | r]`. */
function run(y: Term, x: Term, r: Term): Cons {
  return cons(y, cons(x, r));
}

/**
 * OTP's `split_1` and `keysplit_1` (`up`), `split_2` and `keysplit_2`, with their `_1` forms
 * that hold an element aside: the runs of the list `l`, the last first, after the two elements
 * `x` and `y` (keys `ex`, `ey`) and the run `r` begun. A descending run takes an equal element
 * unless `strict` (`keysort/2` is stable, `sort/1` is not).
 */
export function splitRuns(
  k: Key,
  up: boolean,
  strict: boolean,
  x: Term,
  ex: Term,
  y: Term,
  ey: Term,
  l: Term,
  r: Term,
): Term {
  let rs: Term = null, s: Term = null, es: Term = null, held = false;
  // Whether an element goes after another in this run, by how they compare.
  const after = up ? (c: number) => c <= 0 : strict ? (c: number) => c > 0 : (c: number) => c >= 0;
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd, ez = k(z);
    if (after(compare(ey, ez))) {
      r = cons(x, r);
      [x, ex, y, ey] = [y, ey, z, ez];
    } else if (after(compare(ex, ez))) {
      r = cons(x, r);
      [x, ex] = [z, ez];
    } else if (!held) {
      if (r === null) r = cons(z, null);
      else [s, es, held] = [z, ez, true];
    } else {
      rs = cons(run(y, x, r), rs);
      const c = compare(es, ez);
      [x, ex, y, ey] = (up ? c <= 0 : c > 0) ? [s, es, z, ez] : [z, ez, s, es];
      r = null;
      held = false;
    }
  }
  if (l !== null) return fc();
  return held ? cons(cons(s, null), cons(run(y, x, r), rs)) : cons(run(y, x, r), rs);
}

/**
 * OTP's `usplit_1` and `ukeysplit_1` (`up`), `usplit_2`, with their `_1` forms: as
 * {@linkcode splitRuns}, an element equal to one of the run's last two, or to the one held
 * aside, dropped.
 */
export function usplitRuns(
  k: Key,
  up: boolean,
  x: Term,
  ex: Term,
  y: Term,
  ey: Term,
  l: Term,
  rs: Term,
): Term {
  const sign = up ? 1 : -1;
  let r: Term = null, s: Term = null, es: Term = null, held = false;
  for (; l instanceof Cons; l = l.tl) {
    const z = l.hd, ez = k(z);
    const zy = compare(ez, ey) * sign;
    if (zy > 0) {
      r = cons(x, r);
      [x, ex, y, ey] = [y, ey, z, ez];
      continue;
    }
    if (zy === 0) continue;
    const zx = compare(ez, ex) * sign;
    if (zx > 0) {
      r = cons(x, r);
      [x, ex] = [z, ez];
      continue;
    }
    if (zx === 0) continue;
    if (!held) {
      if (r === null) r = cons(z, null);
      else [s, es, held] = [z, ez, true];
      continue;
    }
    const zs = compare(ez, es) * sign;
    if (zs === 0) continue;
    rs = cons(run(y, x, r), rs);
    [x, ex, y, ey] = zs > 0 ? [s, es, z, ez] : [z, ez, s, es];
    r = null;
    held = false;
  }
  if (l !== null) return fc();
  return held ? cons(cons(s, null), cons(run(y, x, r), rs)) : cons(run(y, x, r), rs);
}

/** The merges of one kind of sort, each answering its result reversed. */
export interface Mergers {
  /** Three ascending runs, the first one's head not taken yet. */
  m3(l1: Term, l2: Cons, l3: Cons): Term;
  /** Two ascending runs. */
  m2(l1: Term, l2: Term): Term;
  /** Three descending runs. */
  r3(l1: Term, l2: Cons, l3: Cons): Term;
  /** Two descending runs. */
  r2(l1: Term, l2: Term): Term;
}

/**
 * OTP's `keymergel` and `rkeymergel` (`ukeymergel`, ...): passes over the runs (none empty)
 * that merge them three at a time, two at the end, each pass the other way round from the last,
 * until one run is left. `asc` tells how the runs of the first pass lie in the list.
 */
export function mergePasses(first: Term, fwd: boolean, asc: boolean, ms: Mergers): Term {
  let runs: Term[] = [];
  for (let c = first; c instanceof Cons; c = c.tl) runs.push(c.hd);
  for (;;) {
    if (fwd && runs.length === 1) return runs[0] as Term;
    const acc: Term[] = [];
    let i = 0;
    for (; i + 2 < runs.length; i += 3) {
      const [a, b, c] = [runs[i] as Term, runs[i + 1] as Cons, runs[i + 2] as Term];
      if (fwd) acc.push(asc ? ms.m3(a, b, c as Cons) : ms.m3(c, b, a as Cons));
      else acc.push(asc ? ms.r3(c, b, a as Cons) : ms.r3(a, b, c as Cons));
    }
    if (runs.length - i === 2) {
      const [a, b] = [runs[i] as Term, runs[i + 1] as Term];
      if (fwd) acc.push(asc ? ms.m2(a, b) : ms.m2(b, a));
      else acc.push(asc ? ms.r2(b, a) : ms.r2(a, b));
    } else if (runs.length - i === 1) acc.push(reverseOnto(runs[i] as Term, null));
    runs = acc.reverse();
    fwd = !fwd;
  }
}
