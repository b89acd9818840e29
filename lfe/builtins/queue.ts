/**
 * The module `queue`: double-ended FIFO queues as OTP 25 keeps them, the tuple
 * `{RearList, FrontList}` (the rear list reversed), so a queue prints as it does on BEAM and
 * travels between the two unchanged. Each operation moves elements between the lists exactly
 * as OTP's does, so the same calls give the same tuple. A term that is no queue raises
 * `badarg`; taking from an empty queue raises `empty`.
 *
 * @example
 * ```ts
 * import { QUEUE } from "./queue.ts";
 * import { list } from "../../runtime/terms.ts";
 * const q = QUEUE["from_list/1"]!(list(1, 2, 3, 4, 5)); // #((5 4 3) (1 2))
 * QUEUE["len/1"]!(q); // 5
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Fun, type List, type Term } from "../../runtime/terms.ts";
import { callFun, type Gen, predicate } from "./_coll.ts";
import { isFunOf, moduleTable, properArray } from "./_util.ts";

type Queue = [List, List];

function isList(t: Term): t is List {
  return t === null || t instanceof Cons;
}

function isQueue(q: Term): q is Queue {
  return Array.isArray(q) && q.length === 2 && isList(q[0] as Term) && isList(q[1] as Term);
}

/** The queue `q`; `badarg` if it is none. */
function queue(q: Term): Queue {
  return isQueue(q) ? q : raiseError("badarg");
}

/** The elements of a list the queue holds; `badarg` for an improper one, as `length/1`. */
function elems(l: List): Term[] {
  return properArray(l) ?? raiseError("badarg");
}

const EMPTY: Queue = [null, null];

/** Half of a front list moved to the rear (the front keeps the smaller half), as OTP's `f2r`. */
function f2r(xs: Term[]): Queue {
  if (xs.length === 0) return [null, null];
  if (xs.length === 1) return [arrayToList(xs), null];
  if (xs.length === 2) return [arrayToList([xs[1] as Term]), arrayToList([xs[0] as Term])];
  const n = xs.length >> 1;
  return [arrayToList(xs.slice(n).reverse()), arrayToList(xs.slice(0, n))];
}

/** Half of a rear list moved to the front, as OTP's `r2f`. */
function r2f(xs: Term[]): Queue {
  if (xs.length === 0) return [null, null];
  if (xs.length === 1) return [null, arrayToList(xs)];
  if (xs.length === 2) return [arrayToList([xs[0] as Term]), arrayToList([xs[1] as Term])];
  const n = xs.length >> 1;
  return [arrayToList(xs.slice(0, n)), arrayToList(xs.slice(n).reverse())];
}

function isOne(l: List): l is Cons {
  return l instanceof Cons && l.tl === null;
}

function inRear(x: Term, q: Term): Queue {
  const [r, f] = queue(q);
  return isOne(r) && f === null ? [new Cons(x, null), r] : [new Cons(x, r), f];
}

function inFront(x: Term, q: Term): Queue {
  const [r, f] = queue(q);
  return r === null && isOne(f) ? [f, new Cons(x, null)] : [r, new Cons(x, f)];
}

/** Takes the front element: `[element, rest]`, or `undefined` for an empty queue. */
function takeFront(q: Term): [Term, Queue] | undefined {
  const [r, f] = queue(q);
  if (f === null) {
    if (r === null) return undefined;
    if (r.tl === null) return [r.hd, EMPTY];
    const rest = elems(r.tl as List).reverse();
    return [rest[0] as Term, [new Cons(r.hd, null), arrayToList(rest.slice(1))]];
  }
  if (f.tl === null) return [f.hd, r2f(elems(r))];
  return [f.hd, [r, f.tl as List]];
}

/** Takes the rear element: `[element, rest]`, or `undefined` for an empty queue. */
function takeRear(q: Term): [Term, Queue] | undefined {
  const [r, f] = queue(q);
  if (r === null) {
    if (f === null) return undefined;
    if (f.tl === null) return [f.hd, EMPTY];
    const rest = elems(f.tl as List).reverse();
    return [rest[0] as Term, [arrayToList(rest.slice(1)), new Cons(f.hd, null)]];
  }
  if (r.tl === null) return [r.hd, f2r(elems(f))];
  return [r.hd, [r.tl as List, f]];
}

function out(q: Term): Term {
  const t = takeFront(q);
  return t === undefined ? ["empty", q] : [["value", t[0]], t[1]];
}

function outR(q: Term): Term {
  const t = takeRear(q);
  return t === undefined ? ["empty", q] : [["value", t[0]], t[1]];
}

function last(l: Term): Term {
  const xs = properArray(l);
  return xs === undefined || xs.length === 0 ? raiseError("function_clause") : xs.at(-1) as Term;
}

/** The front element, as OTP's `get/2` (a malformed queue with all in the rear too). */
function front(r: List, f: List): Term {
  if (f !== null) return f.hd;
  return (r as Cons).tl === null ? (r as Cons).hd : last((r as Cons).tl);
}

function rear(r: List, f: List): Term {
  if (r !== null) return r.hd;
  return (f as Cons).tl === null ? (f as Cons).hd : last((f as Cons).tl);
}

function get(q: Term): Term {
  const [r, f] = queue(q);
  return r === null && f === null ? raiseError("empty") : front(r, f);
}

function getR(q: Term): Term {
  const [r, f] = queue(q);
  return r === null && f === null ? raiseError("empty") : rear(r, f);
}

function peek(q: Term): Term {
  const [r, f] = queue(q);
  return r === null && f === null ? "empty" : ["value", front(r, f)];
}

function peekR(q: Term): Term {
  const [r, f] = queue(q);
  return r === null && f === null ? "empty" : ["value", rear(r, f)];
}

function drop(q: Term): Queue {
  return takeFront(q)?.[1] ?? raiseError("empty");
}

function dropR(q: Term): Queue {
  return takeRear(q)?.[1] ?? raiseError("empty");
}

function join(q1: Term, q2: Term): Queue {
  const [r1, f1] = queue(q1), [r2, f2] = queue(q2);
  if (r2 === null && f2 === null) return [r1, f1];
  if (r1 === null && f1 === null) return [r2, f2];
  const front = [...elems(f1), ...elems(r1).reverse()];
  return [r2, arrayToList(front, f2)];
}

function split(n: Term, q: Term): Term {
  const [r, f] = queue(q);
  if (n === 0) return [EMPTY, q];
  if (typeof n === "bigint" && n > 0) return raiseError("badarg");
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) return raiseError("badarg");
  const fs = elems(f);
  if (n < fs.length) {
    const moved = fs.slice(1, n).reverse();
    return [[arrayToList(moved), arrayToList([fs[0] as Term])], [r, arrayToList(fs.slice(n))]];
  }
  if (n === fs.length) return [f2r(fs), r2f(elems(r))];
  const rs = elems(r);
  const m = rs.length - (n - fs.length);
  if (m < 0) return raiseError("badarg");
  if (m === 0) return [q, EMPTY];
  const moved = rs.slice(1, m).reverse();
  return [[arrayToList(rs.slice(m)), f], [arrayToList([rs[0] as Term]), arrayToList(moved)]];
}

/** The queue a filter leaves: its lists rebalanced when one of them came out empty. */
function rebuilt(r: Term[], f: Term[]): Queue {
  if (r.length === 0) return f2r(f);
  if (f.length === 0) return r2f(r);
  return [arrayToList(r), arrayToList(f)];
}

/** A queue and a fun of `arity`, or `badarg`. */
function withFun(fun: Term, q: Term, arity: number): [Fun, Queue] {
  return isFunOf(fun, arity) && isQueue(q) ? [fun, q] : raiseError("badarg");
}

/** What `filter/2`'s fun answered for `x`: the elements to keep in its place. */
function kept(x: Term, v: Term): Term[] {
  if (v === true) return [x];
  if (v === false) return [];
  if (v === null || v instanceof Cons) return properArray(v) ?? raiseError("badarg");
  return raiseError(["case_clause", v]);
}

function* filter(fun: Term, q: Term): Gen<Term> {
  const [g, [r, f]] = withFun(fun, q, 1);
  const front: Term[] = [];
  for (const x of elems(f)) front.push(...kept(x, yield* callFun(g, x)));
  const rs = elems(r), back: Term[] = [];
  // The rear is visited from its end, in queue order; its results are kept reversed.
  for (let i = rs.length - 1; i >= 0; i--) {
    const x = rs[i] as Term;
    back.push(...kept(x, yield* callFun(g, x)));
  }
  return rebuilt(back.reverse(), front);
}

function mapped(x: Term, v: Term): Term[] {
  if (v === true) return [x];
  if (v === false) return [];
  if (Array.isArray(v) && v.length === 2 && v[0] === true) return [v[1] as Term];
  return raiseError(["case_clause", v]);
}

function* filtermap(fun: Term, q: Term): Gen<Term> {
  const [g, [r, f]] = withFun(fun, q, 1);
  const front: Term[] = [];
  for (const x of elems(f)) front.push(...mapped(x, yield* callFun(g, x)));
  const rs = elems(r), back: Term[] = [];
  for (let i = rs.length - 1; i >= 0; i--) {
    const x = rs[i] as Term;
    back.push(...mapped(x, yield* callFun(g, x)));
  }
  return rebuilt(back.reverse(), front);
}

function* fold(fun: Term, acc: Term, q: Term): Gen<Term> {
  const [g, [r, f]] = withFun(fun, q, 2);
  for (const x of elems(f)) acc = yield* callFun(g, x, acc);
  const rs = elems(r);
  for (let i = rs.length - 1; i >= 0; i--) acc = yield* callFun(g, rs[i] as Term, acc);
  return acc;
}

/** `any/2` (`want` true) and `all/2` (`want` false): the front list, then the rear as it lies. */
function* some(fun: Term, q: Term, want: boolean): Gen<Term> {
  const [g, [r, f]] = withFun(fun, q, 1);
  for (const l of [f, r]) {
    for (const x of elems(l)) if ((yield* predicate(g, x)) === want) return want;
  }
  return !want;
}

/** The index in `xs` of the first element that `test` accepts, or -1. */
function* firstIndex(xs: Term[], test: (x: Term) => Gen<boolean>, fromEnd: boolean): Gen<number> {
  for (let k = 0; k < xs.length; k++) {
    const i = fromEnd ? xs.length - 1 - k : k;
    if (yield* test(xs[i] as Term)) return i;
  }
  return -1;
}

/** Deletes the element nearest the front that `test` accepts, as OTP's `delete_with/2`. */
function* deleteFirst(q: Queue, test: (x: Term) => Gen<boolean>): Gen<Queue> {
  const [r, f] = q;
  const fs = elems(f);
  const i = yield* firstIndex(fs, test, false);
  if (i >= 0) {
    fs.splice(i, 1);
    return fs.length === 0 ? r2f(elems(r)) : [r, arrayToList(fs)];
  }
  const rs = elems(r);
  const j = yield* firstIndex(rs, test, true);
  if (j < 0) return q;
  rs.splice(j, 1);
  return rs.length === 0 ? f2r(fs) : [arrayToList(rs), f];
}

function flip(q: Queue): Queue {
  return [q[1], q[0]];
}

/** Deletes the element nearest the front that is exactly `item` (no fun, so no waiting). */
function del(item: Term, q: Term, fromRear: boolean): Queue {
  const qq = queue(q);
  const test = function* (x: Term): Gen<boolean> {
    return exactEq(x, item);
  };
  const run = (g: Gen<Queue>): Queue => {
    const r = g.next();
    return r.value as Queue;
  };
  return fromRear ? flip(run(deleteFirst(flip(qq), test))) : run(deleteFirst(qq, test));
}

function* delWith(fun: Term, q: Term, fromRear: boolean): Gen<Term> {
  const [g, qq] = withFun(fun, q, 1);
  const test = (x: Term) => predicate(g, x);
  return fromRear ? flip(yield* deleteFirst(flip(qq), test)) : yield* deleteFirst(qq, test);
}

function member(x: Term, q: Term): boolean {
  const [r, f] = queue(q);
  for (const l of [r, f]) {
    for (let c: Term = l; c instanceof Cons; c = c.tl) if (exactEq(c.hd, x)) return true;
  }
  return false;
}

/** The functions of `queue`, by `name/arity`. */
export const QUEUE: ModuleFunctions = moduleTable("queue", {
  "new/0": () => [null, null],
  "is_queue/1": (q: Term) => isQueue(q),
  "is_empty/1": (q: Term) => {
    const [r, f] = queue(q);
    return r === null && f === null;
  },
  "len/1": (q: Term) => {
    const [r, f] = queue(q);
    return elems(r).length + elems(f).length;
  },
  "to_list/1": (q: Term) => {
    const [r, f] = queue(q);
    return arrayToList([...elems(f), ...elems(r).reverse()]);
  },
  "from_list/1": (l: Term) => {
    if (!isList(l)) return raiseError("badarg");
    return f2r(elems(l));
  },
  "member/2": member,
  "in/2": inRear,
  "in_r/2": inFront,
  "out/1": out,
  "out_r/1": outR,
  "get/1": get,
  "get_r/1": getR,
  "peek/1": peek,
  "peek_r/1": peekR,
  "drop/1": drop,
  "drop_r/1": dropR,
  "reverse/1": (q: Term) => flip(queue(q)),
  "join/2": join,
  "split/2": split,
  "filter/2": filter,
  "filtermap/2": filtermap,
  "fold/3": fold,
  "any/2": function* (f: Term, q: Term) {
    return yield* some(f, q, true);
  },
  "all/2": function* (f: Term, q: Term) {
    return yield* some(f, q, false);
  },
  "delete/2": (x: Term, q: Term) => del(x, q, false),
  "delete_r/2": (x: Term, q: Term) => del(x, q, true),
  "delete_with/2": function* (f: Term, q: Term) {
    return yield* delWith(f, q, false);
  },
  "delete_with_r/2": function* (f: Term, q: Term) {
    return yield* delWith(f, q, true);
  },
  "cons/2": inFront,
  "head/1": get,
  "tail/1": drop,
  "snoc/2": (q: Term, x: Term) => inRear(x, q),
  "daeh/1": getR,
  "last/1": getR,
  "liat/1": dropR,
  "lait/1": dropR,
  "init/1": dropR,
});
