/**
 * The predicates of `clj` that are functions (the others are macros): `string?`, `unicode?`,
 * `list?`, `set?`, `dict?`, `proplist?`, `proplist-kv?`, `queue?`, `empty?`, `every?`, `all?`,
 * `any?`, `not-any?` and `element?`. LFE's `clj` asks `io_lib`, `sets`, `ordsets`, `dict`,
 * `queue` and `gb_sets`; their answers are given here from the shapes OTP 25 gives those data
 * structures, with the errors their functions raise for a shape they do not take.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { compare, exactEq } from "../../runtime/term_order.ts";
import { Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { type Gen, isAtom, isList } from "./_clj_util.ts";
import { all, any } from "./_lists_hof.ts";
import { member } from "./_lists_basic.ts";
import { functionClause } from "./_util.ts";

// The characters io_lib counts as printable besides the visible ones: \b \t \n \v \f \r \e.
function printableControl(c: number): boolean {
  return (c >= 8 && c <= 13) || c === 27;
}

/** `io_lib:printable_latin1_list/1` (and `printable_list/1` in the default printable range). */
export function printableLatin1(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const ch = c.hd;
    if (typeof ch !== "number") return false;
    if (!((ch >= 32 && ch <= 126) || (ch >= 160 && ch <= 255) || printableControl(ch))) {
      return false;
    }
  }
  return c === null;
}

/** `io_lib:printable_unicode_list/1`. */
export function printableUnicode(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const ch = c.hd;
    if (typeof ch !== "number") return false;
    const ok = (ch >= 32 && ch <= 126) || (ch >= 160 && ch < 0xd800) ||
      (ch > 0xdfff && ch < 0xfffe) || (ch > 0xffff && ch <= 0x10ffff) || printableControl(ch);
    if (!ok) return false;
  }
  return c === null;
}

/** `list?`: a list that is not a string. */
export function isListNotString(t: Term): boolean {
  return isList(t) && !printableLatin1(t);
}

/** Whether `t` is a tuple of `size` elements whose first is the atom `tag` (a record). */
function isRecord(t: Term, tag: string, size: number): t is Term[] {
  return Array.isArray(t) && t.length === size && t[0] === tag;
}

/** `sets:is_set/1`: a map (a set of version 2) or a `set` record. */
export function setsIsSet(t: Term): boolean {
  return t instanceof TermMap || isRecord(t, "set", 9);
}

/** `ordsets:is_set/1`: a list in strictly ascending order; one that ends badly raises. */
export function ordsetsIsSet(t: Term): boolean {
  if (!(t instanceof Cons)) return t === null;
  let prev = t.hd;
  let c = t.tl;
  for (; c instanceof Cons; c = c.tl) {
    if (compare(prev, c.hd) >= 0) return false;
    prev = c.hd;
  }
  return c === null ? true : functionClause();
}

/**
 * `sets:is_element/2` of a set: a key of a map, or an element of one of a `set` record's
 * buckets (the buckets are lists in tuples of segments; another shape raises `badarg`).
 */
function setsIsElement(e: Term, set: Term[] | TermMap): boolean {
  if (set instanceof TermMap) return set.has(e);
  const segs = set[8];
  if (!Array.isArray(segs)) return raiseError("badarg");
  for (const seg of segs) {
    if (!Array.isArray(seg)) return raiseError("badarg");
    for (const bucket of seg) {
      if (!isList(bucket)) return raiseError("badarg");
      for (let c: Term = bucket; c instanceof Cons; c = c.tl) if (exactEq(c.hd, e)) return true;
    }
  }
  return false;
}

/** `dict?`: a tuple whose first element is `dict`. */
export function isDict(t: Term): boolean {
  return Array.isArray(t) && t.length > 0 && t[0] === "dict";
}

/** `proplist-kv?`: an atom, or a pair whose first element is an atom. */
export function isProplistKv(t: Term): boolean {
  return isAtom(t) || (Array.isArray(t) && t.length === 2 && isAtom(t[0] as Term));
}

/** `proplist?`: a list of `proplist-kv?` elements (one that ends badly raises, as lists:all). */
export function isProplist(t: Term): boolean {
  if (!isList(t)) return false;
  let c: Term = t;
  for (; c instanceof Cons; c = c.tl) if (!isProplistKv(c.hd)) return false;
  return c === null ? true : functionClause();
}

/** `queue?`: `queue:is_queue/1`, a pair of lists. */
export function isQueue(t: Term): boolean {
  return Array.isArray(t) && t.length === 2 && isList(t[0] as Term) && isList(t[1] as Term);
}

/**
 * `empty?`: the empty list or tuple, an empty map, an empty dict (`dict:is_empty/1`, which
 * takes only a whole `dict` record), an empty queue or an empty `gb_sets` set.
 */
export function isEmpty(t: Term): boolean {
  if (t === null || (Array.isArray(t) && t.length === 0)) return true;
  if (t instanceof TermMap && t.size === 0) return true;
  if (isDict(t)) {
    if (!isRecord(t, "dict", 9)) return functionClause();
    if (exactEq(t[1] as Term, 0)) return true;
  }
  if (isQueue(t) && (t as Term[])[0] === null && (t as Term[])[1] === null) return true;
  // gb_sets:is_empty/1 matches {0, nil} exactly.
  return Array.isArray(t) && t.length === 2 && t[0] === 0 && t[1] === "nil";
}

/** `every?` and `all?`: `lists:all/2`. */
export function* every(pred: Term, l: Term): Gen<Term> {
  return yield* all(pred, l);
}

/** `any?`: `lists:any/2`. */
export function* anyOf(pred: Term, l: Term): Gen<Term> {
  return yield* any(pred, l);
}

/** `not-any?`: the negation of `lists:any/2`. */
export function* notAny(pred: Term, l: Term): Gen<Term> {
  return !(yield* any(pred, l));
}

/**
 * `element?`: membership of a list (`lists:member/2`), or of a set of `sets`; `false` for
 * anything else.
 */
export function isElement(e: Term, data: Term): boolean {
  if (isList(data)) return member(e, data);
  if (setsIsSet(data)) return setsIsElement(e, data as Term[] | TermMap);
  return false;
}
