/**
 * The sequence functions of `cl`: a sequence is a list or a tuple. `elt`, `length`, `reverse`,
 * `some`, `every`, `notany`, `notevery`, `reduce`, the `remove` and `substitute` families
 * (which give back a tuple for a tuple), and the `find`, `position` and `count` families (lists
 * only). Each follows LFE's `cl` clause by clause, its quirks kept: `some` and `every` over a
 * tuple never look at its last element, and `every` over a tuple is never true.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { add } from "./ops.ts";
import { member } from "./_lists_basic.ts";
import { all, any, foldl, foldr } from "./_lists_hof.ts";
import { bool, filter, funcall, type Gen, generatorEnd, lambda, not, test } from "./_clj_util.ts";
import { functionClause as fc } from "./_util.ts";
import { nth } from "./_cl_lists.ts";

/** `elt/2`: the element at 0-based `n` of a list (`nth`) or tuple. */
export function elt(n: Term, seq: Term): Term {
  if (seq === null || seq instanceof Cons) return nth(n, seq);
  if (!Array.isArray(seq)) return fc();
  const i = add(n, 1);
  return typeof i === "number" && i >= 1 && i <= seq.length
    ? seq[i - 1] as Term
    : raiseError("badarg");
}

/** `length/1`: of a proper list (`badarg` otherwise) or a tuple. */
export function length(seq: Term): Term {
  if (Array.isArray(seq)) return seq.length;
  if (seq !== null && !(seq instanceof Cons)) return fc();
  let n = 0;
  let c: Term = seq;
  for (; c instanceof Cons; c = c.tl) n++;
  return c === null ? n : raiseError("badarg");
}

/**
 * `lists:reverse/1` as OTP 25 has it: a list that ends badly after one element has no clause,
 * after more it is `lists:reverse/2`'s `badarg`.
 */
export function reverseList(l: Term): Term {
  let r: Term = null;
  let c: Term = l;
  let n = 0;
  for (; c instanceof Cons; c = c.tl, n++) r = new Cons(c.hd, r);
  if (c === null) return r;
  return n < 2 ? fc() : raiseError("badarg");
}

/** `reverse/1`: a list or tuple reversed. */
export function reverse(seq: Term): Term {
  if (Array.isArray(seq)) return [...seq].reverse();
  return seq === null || seq instanceof Cons ? reverseList(seq) : fc();
}

/** `some/2`: whether `pred` holds for an element (of a tuple, one but the last). */
export function* some(pred: Term, seq: Term): Gen<Term> {
  if (seq === null || seq instanceof Cons) return yield* any(pred, seq);
  if (!Array.isArray(seq)) return fc();
  for (let i = 0; i < seq.length - 1; i++) {
    if (bool(yield* funcall(pred, seq[i] as Term))) return true;
  }
  return false;
}

/** `every/2`: whether `pred` holds for every element of a list; never, for a tuple. */
export function* every(pred: Term, seq: Term): Gen<Term> {
  if (seq === null || seq instanceof Cons) return yield* all(pred, seq);
  if (!Array.isArray(seq)) return fc();
  for (let i = 0; i < seq.length - 1; i++) {
    if (!not(yield* funcall(pred, seq[i] as Term))) return false;
  }
  return false;
}

// `(lambda (x) (not (funcall pred x)))`.
function negated(name: string, pred: Term): Term {
  return lambda("cl", name, 1, function* (x: Term): Gen<Term> {
    return not(yield* funcall(pred, x));
  });
}

/** `notany/2`: `every` of the negated predicate. */
export function* notany(pred: Term, seq: Term): Gen<Term> {
  return yield* every(negated("-notany/2-fun-0-", pred), seq);
}

/** `notevery/2`: `some` of the negated predicate. */
export function* notevery(pred: Term, seq: Term): Gen<Term> {
  return yield* some(negated("-notevery/2-fun-0-", pred), seq);
}

/** `reduce/2`: `lists:foldl/3` from `()`. */
export function* reduce2(f: Term, seq: Term): Gen<Term> {
  return yield* foldl(f, null, seq);
}

/** `reduce/4`: with `'initial-value x`, or `'from-end 'true`. */
export function* reduce4(f: Term, seq: Term, k: Term, v: Term): Gen<Term> {
  if (k === "initial-value") return yield* foldl(f, v, seq);
  if (k === "from-end" && v === true) return yield* foldr(f, null, seq);
  return fc();
}

/** `reduce/6`: with both `'initial-value x` and `'from-end 'true`, in either order. */
export function* reduce6(f: Term, seq: Term, k1: Term, v1: Term, k2: Term, v2: Term): Gen<Term> {
  if (k1 === "from-end" && v1 === true && k2 === "initial-value") return yield* foldr(f, v2, seq);
  if (k1 === "initial-value" && k2 === "from-end" && v2 === true) return yield* foldr(f, v1, seq);
  return fc();
}

// A function of the elements of a list made one of lists and tuples: a tuple gives a tuple.
function* onSequence(seq: Term, run: (l: Term) => Gen<Term[]>): Gen<Term> {
  if (Array.isArray(seq)) return yield* run(arrayToList(seq));
  if (seq !== null && !(seq instanceof Cons)) return fc();
  return arrayToList(yield* run(seq));
}

/** `remove/2`: the elements not exactly equal to `item`. */
export function remove(item: Term, seq: Term): Gen<Term> {
  return onSequence(seq, function* (l) {
    const out: Term[] = [];
    let c = l;
    for (; c instanceof Cons; c = c.tl) if (!exactEq(c.hd, item)) out.push(c.hd);
    generatorEnd(c);
    return out;
  });
}

/** `remove-if/2` (`keep` false) and `remove-if-not/2` (`keep` true). */
export function removeIf(pred: Term, seq: Term, keep: boolean): Gen<Term> {
  return onSequence(seq, function* (l) {
    const out: Term[] = [];
    let c = l;
    for (; c instanceof Cons; c = c.tl) {
      const v = yield* funcall(pred, c.hd);
      if (keep ? filter(v) : not(v)) out.push(c.hd);
    }
    generatorEnd(c);
    return out;
  });
}

/** `remove-duplicates/1`: each element's last occurrence, in order. */
export function removeDuplicates(seq: Term): Gen<Term> {
  return onSequence(seq, function* (l) {
    const out: Term[] = [];
    let c = l;
    for (; c instanceof Cons; c = c.tl) if (!member(c.hd, c.tl)) out.push(c.hd);
    return c === null ? out : fc();
  });
}

/** `substitute/3`: `new` for each element exactly equal to `old`. */
export function substitute(nu: Term, old: Term, seq: Term): Gen<Term> {
  return onSequence(seq, function* (l) {
    const out: Term[] = [];
    let c = l;
    for (; c instanceof Cons; c = c.tl) out.push(exactEq(c.hd, old) ? nu : c.hd);
    return c === null ? out : fc();
  });
}

/** `substitute-if/3` (`when` true) and `substitute-if-not/3` (`when` false). */
export function substituteIf(nu: Term, pred: Term, seq: Term, when: boolean): Gen<Term> {
  return onSequence(seq, function* (l) {
    const out: Term[] = [];
    let c = l;
    for (; c instanceof Cons; c = c.tl) {
      out.push(test(yield* funcall(pred, c.hd)) === when ? nu : c.hd);
    }
    return c === null ? out : fc();
  });
}

/** `find/2`: the element exactly equal to `item`, or `()`. */
export function find(item: Term, seq: Term): Term {
  let c = seq;
  for (; c instanceof Cons; c = c.tl) if (exactEq(c.hd, item)) return c.hd;
  return c === null ? null : fc();
}

/** `find-if/2` (`when` true) and `find-if-not/2` (`when` false): the first such element. */
export function* findIf(pred: Term, seq: Term, when: boolean): Gen<Term> {
  let c = seq;
  for (; c instanceof Cons; c = c.tl) if (test(yield* funcall(pred, c.hd)) === when) return c.hd;
  return c === null ? null : fc();
}

/** `position/2`: the 0-based index of `item`, or `()`. */
export function position(item: Term, seq: Term): Term {
  let c = seq;
  for (let i = 0; c instanceof Cons; c = c.tl, i++) if (exactEq(c.hd, item)) return i;
  return c === null ? null : fc();
}

/** `position-if/2` and `position-if-not/2`. */
export function* positionIf(pred: Term, seq: Term, when: boolean): Gen<Term> {
  let c = seq;
  for (let i = 0; c instanceof Cons; c = c.tl, i++) {
    if (test(yield* funcall(pred, c.hd)) === when) return i;
  }
  return c === null ? null : fc();
}

/** `count/2`: how many elements are exactly equal to `item`. */
export function count(item: Term, seq: Term): Term {
  let n = 0;
  let c = seq;
  for (; c instanceof Cons; c = c.tl) if (exactEq(c.hd, item)) n++;
  return c === null ? n : fc();
}

/** `count-if/2` and `count-if-not/2`. */
export function* countIf(pred: Term, seq: Term, when: boolean): Gen<Term> {
  let n = 0;
  let c = seq;
  for (; c instanceof Cons; c = c.tl) if (test(yield* funcall(pred, c.hd)) === when) n++;
  return c === null ? n : fc();
}
