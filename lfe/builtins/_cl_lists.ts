/**
 * The list functions of `cl`: `car`/`first`, `cdr`/`rest`, `nth`, `nthcdr`, `last`, `butlast`;
 * mapping (`mapcar`, `maplist`, `mapc`, `mapl`); substitution in trees (`subst`, `subst-if`,
 * `subst-if-not`, `sublis`); lists as sets (`member`, `member-if`, `member-if-not`, `adjoin`,
 * `union`, `intersection`, `set-difference`, `set-exclusive-or`, `subsetp`); and association
 * lists (`acons`, `pairlis`, `assoc`, `rassoc` and their `-if`/`-if-not` forms). Each answers
 * and fails as LFE's `cl` does (`()` for "none", `function_clause` where no clause matches).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { add, gt, lt, sub } from "./ops.ts";
import { append2, member } from "./_lists_basic.ts";
import { foreach, map } from "./_lists_hof.ts";
import { bool, funcall, type Gen, generatorEnd, not, test } from "./_clj_util.ts";
import { functionClause as fc } from "./_util.ts";

// The core forms car and cdr: `badarg` for what is no cons.
function hd(l: Term): Term {
  return l instanceof Cons ? l.hd : raiseError("badarg");
}

function tl(l: Term): Term {
  return l instanceof Cons ? l.tl : raiseError("badarg");
}

/** `car/1` and `first/1`: the head, `()` of `()`. */
export function car(l: Term): Term {
  return l === null ? null : hd(l);
}

/** `cdr/1` and `rest/1`: the tail, `()` of `()`. */
export function cdr(l: Term): Term {
  return l === null ? null : tl(l);
}

/** `nth/2`: the element at 0-based `n`; `()` past the end or for a negative `n`. */
export function nth(n: Term, l: Term): Term {
  if (lt(n, 0)) return null;
  for (;;) {
    if (l === null) return null;
    if (n === 0) return hd(l);
    n = sub(n, 1);
    l = tl(l);
  }
}

/** `nthcdr/2`: `lists:nthtail/2` of `n + 1` (so `(nthcdr 0 l)` is the tail of `l`). */
export function nthcdr(n: Term, l: Term): Term {
  let i = add(n, 1);
  // lists:nthtail/2 clause by clause: 1 of a cons, more than 1 of a cons, 0 of a list.
  for (;;) {
    if (i === 1 && l instanceof Cons) return l.tl;
    if (l instanceof Cons && gt(i, 1)) {
      i = sub(i, 1);
      l = l.tl;
      continue;
    }
    return i === 0 && (l === null || l instanceof Cons) ? l : fc();
  }
}

/** `last/1`: `lists:last/1`, the last element of a non-empty proper list. */
export function last(l: Term): Term {
  if (!(l instanceof Cons)) return fc();
  let c: Cons = l;
  while (c.tl instanceof Cons) c = c.tl;
  return c.tl === null ? c.hd : fc();
}

/** `butlast/1`: `lists:droplast/1`, all but the last element of a non-empty proper list. */
export function butlast(l: Term): Term {
  const out: Term[] = [];
  let c = l;
  for (; c instanceof Cons && c.tl !== null; c = c.tl) out.push(c.hd);
  return c instanceof Cons ? arrayToList(out) : fc();
}

/** `mapcar/2`: `lists:map/2`. */
export function* mapcar(f: Term, l: Term): Gen<Term> {
  return yield* map(f, l);
}

/** `maplist/2`: `f` of each tail of `l` (`l` first). */
export function* maplist(f: Term, l: Term): Gen<Term> {
  const out: Term[] = [];
  let c = l;
  for (; c instanceof Cons; c = c.tl) out.push(yield* funcall(f, c));
  return c === null ? arrayToList(out) : fc();
}

/** `mapc/2`: `lists:foreach/2`, answering `l`. */
export function* mapc(f: Term, l: Term): Gen<Term> {
  yield* foreach(f, l);
  return l;
}

/** `mapl/2`: `f` of each tail of `l` for its effects, answering `l`. */
export function* mapl(f: Term, l: Term): Gen<Term> {
  let c = l;
  for (; c instanceof Cons; c = c.tl) yield* funcall(f, c);
  return c === null ? l : fc();
}

/** `subst/3`: `nu` for every subtree of `tree` exactly equal to `old`. */
export function subst(nu: Term, old: Term, tree: Term): Term {
  const out: Term[] = [];
  let c = tree;
  for (; c instanceof Cons && !exactEq(c, old); c = c.tl) out.push(subst(nu, old, c.hd));
  return arrayToList(out, exactEq(c, old) ? nu : c);
}

/** `subst-if/3` (`when` true) and `subst-if-not/3` (`when` false): by a test of subtrees. */
export function* substIf(nu: Term, pred: Term, tree: Term, when: boolean): Gen<Term> {
  const out: Term[] = [];
  let c = tree;
  for (;;) {
    if (test(yield* funcall(pred, c)) === when) return arrayToList(out, nu);
    if (!(c instanceof Cons)) return arrayToList(out, c);
    out.push(yield* substIf(nu, pred, c.hd, when));
    c = c.tl;
  }
}

/** `sublis/2`: each subtree that is a key of `alist` replaced by its value. */
export function sublis(alist: Term, tree: Term): Term {
  const out: Term[] = [];
  let c = tree;
  for (;;) {
    const pair = assoc(c, alist);
    if (pair instanceof Cons) return arrayToList(out, pair.tl);
    if (!(c instanceof Cons)) return arrayToList(out, c);
    out.push(sublis(alist, c.hd));
    c = c.tl;
  }
}

/** `member/2`: `lists:member/2`. */
export function isMember(item: Term, l: Term): boolean {
  return member(item, l);
}

/** `member-if/2` (`when` true) and `member-if-not/2` (`when` false). */
export function* memberIf(pred: Term, l: Term, when: boolean): Gen<Term> {
  let c = l;
  for (; c instanceof Cons; c = c.tl) {
    const v = yield* funcall(pred, c.hd);
    if (when ? bool(v) : not(v)) return true;
  }
  return c === null ? false : fc();
}

/** `adjoin/2`: `item` added to the front of `l` unless it is a member. */
export function adjoin(item: Term, l: Term): Term {
  return member(item, l) ? l : new Cons(item, l);
}

/** `union/2`: the elements of `a` not in `b`, then `b`. */
export function union(a: Term, b: Term): Term {
  const out: Term[] = [];
  let c = a;
  for (; c instanceof Cons; c = c.tl) if (!member(c.hd, b)) out.push(c.hd);
  return c === null ? arrayToList(out, b) : fc();
}

/** `intersection/2` (`inB` true) and `set-difference/2` (`inB` false). */
export function select(a: Term, b: Term, inB: boolean): Term {
  const out: Term[] = [];
  let c = a;
  for (; c instanceof Cons; c = c.tl) if (member(c.hd, b) === inB) out.push(c.hd);
  generatorEnd(c);
  return arrayToList(out);
}

/** `set-exclusive-or/2`: what is in one list and not the other. */
export function setExclusiveOr(a: Term, b: Term): Term {
  const left = select(a, b, false);
  return append2(left, select(b, a, false));
}

/** `subsetp/2`: whether every element of `a` is in `b`. */
export function subsetp(a: Term, b: Term): boolean {
  let c = a;
  for (; c instanceof Cons; c = c.tl) if (!member(c.hd, b)) return false;
  return c === null ? true : fc();
}

/** `acons/3`: `((k . v) . alist)`. */
export function acons(k: Term, v: Term, alist: Term): Term {
  return new Cons(new Cons(k, v), alist);
}

/** `pairlis/3`: the pairs of `ks` and `vs` in front of `alist` (the lists of equal length). */
export function pairlis(ks: Term, vs: Term, alist: Term): Term {
  const out: Term[] = [];
  let k = ks, v = vs;
  for (; k instanceof Cons && v instanceof Cons; k = k.tl, v = v.tl) {
    out.push(new Cons(k.hd, v.hd));
  }
  return k === null && v === null ? arrayToList(out, alist) : fc();
}

/** `assoc/2` (`side` "hd") and `rassoc/2` (`side` "tl"): the first pair with that key/value. */
export function assoc(key: Term, alist: Term, side: "hd" | "tl" = "hd"): Term {
  let c = alist;
  for (; c instanceof Cons; c = c.tl) {
    const p = c.hd;
    if (p instanceof Cons && exactEq(p[side], key)) return p;
  }
  return c === null ? null : fc();
}

/** `assoc-if/2`, `assoc-if-not/2`, `rassoc-if/2`, `rassoc-if-not/2`: every element a pair. */
export function* assocIf(pred: Term, alist: Term, when: boolean, side: "hd" | "tl"): Gen<Term> {
  let c = alist;
  for (; c instanceof Cons; c = c.tl) {
    const p = c.hd;
    if (!(p instanceof Cons)) return fc();
    if (test(yield* funcall(pred, p[side])) === when) return p;
  }
  return c === null ? null : fc();
}
