/**
 * Erlang's term order and its two equalities, `==` and `=:=`.
 *
 * number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
 * Integers and floats compare by value (`1 == 1.0`), exactly even beyond 2^53. Within a kind the
 * order follows OTP: atoms by code point, pids by serial, then id, then node (name, creation),
 * references by node first, tuples by size then elements, maps by size, then keys, then values,
 * bitstrings (binaries among them) bit by bit then by length, lists elementwise with an improper tail compared as a term.
 *
 * Map keys are ordered exactly, as OTP orders them inside maps: there integers and floats are
 * different types and every integer sorts before every float (`2 < 1.0`), and `-0.0` comes before
 * `0.0`; so `#{1 => a}` and `#{1.0 => a}` are different maps.
 *
 * @module
 */

import { compareBits } from "./bits.ts";
import {
  atomName,
  BitString,
  Cons,
  Float,
  type Fun,
  funInfo,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "./terms.ts";

/**
 * Compares two terms in Erlang's term order: -1, 0 or 1. Returns 0 exactly when `a == b`
 * (`1` and `1.0` compare equal, as `lists:sort/1` treats them).
 *
 * @example
 * ```ts
 * import { compare } from "./term_order.ts";
 * import { float } from "./terms.ts";
 * compare(1, "a"); // -1: a number sorts before an atom
 * compare(1, float(1)); // 0
 * ```
 */
export function compare(a: Term, b: Term): -1 | 0 | 1 {
  if (a === b) return 0;
  const ta = typeof a, tb = typeof b;
  if (ta === tb) {
    if (ta === "number") return (a as number) < (b as number) ? -1 : 1;
    if (ta === "string") return compareNames(a as string, b as string);
  }
  return compareTerms(a, b, false);
}

/**
 * Whether two terms are exactly equal, as `=:=`: `1` and `1.0` differ, `0.0` and `-0.0` do
 * not (as in OTP 25), and two funs `fun m:f/a` of the same function are equal.
 *
 * @example
 * ```ts
 * import { exactEq } from "./term_order.ts";
 * import { float } from "./terms.ts";
 * exactEq([1, "a"], [1, "a"]); // true
 * exactEq(1, float(1)); // false
 * ```
 */
export function exactEq(a: Term, b: Term): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === "number") return false;
  if (ta === "string" && typeof b === "string") return false;
  if (ta === "function") return typeof b === "function" && sameExported(a as Fun, b as Fun);
  return compareTerms(a, b, true) === 0;
}

/**
 * Whether two terms are equal as `==`: numbers by value, so `1 == 1.0`.
 *
 * @example
 * ```ts
 * import { arithEq } from "./term_order.ts";
 * import { float } from "./terms.ts";
 * arithEq(1, float(1)); // true
 * ```
 */
export function arithEq(a: Term, b: Term): boolean {
  if (a === b) return true;
  const ta = typeof a, tb = typeof b;
  if (ta === tb && (ta === "number" || ta === "string")) return false;
  if (ta === "function") return tb === "function" && sameExported(a as Fun, b as Fun);
  return compareTerms(a, b, false) === 0;
}

/**
 * The entries of a map in the order of its keys, as `maps:to_list/1` gives them. Cached per map,
 * since maps are immutable and printing and comparing both need the order.
 *
 * @example
 * ```ts
 * import { orderedEntries } from "./term_order.ts";
 * import { float, TermMap } from "./terms.ts";
 * orderedEntries(new TermMap([["b", 1], [float(1), 2], [2, 3]])); // [[2, 3], [Float, 2], ["b", 1]]
 * ```
 */
export function orderedEntries(m: TermMap): readonly (readonly [Term, Term])[] {
  let sorted = sortedEntries.get(m);
  if (sorted === undefined) {
    const es = m.entries();
    // Keys that are all integers (the commonest large maps) sort by value alone.
    sorted = es.every((e) => typeof e[0] === "number")
      ? es.sort((x, y) => (x[0] as number) - (y[0] as number))
      : es.sort((x, y) => compareTerms(x[0], y[0], true));
    sortedEntries.set(m, sorted);
  }
  return sorted;
}

const sortedEntries = new WeakMap<TermMap, [Term, Term][]>();

const NUMBER = 0, ATOM = 1, REFERENCE = 2, FUN = 3, PORT = 4, PID = 5, TUPLE = 6, MAP = 7, NIL = 8;
const LIST = 9, BITSTRING = 10;

function rank(t: Term): number {
  switch (typeof t) {
    case "number":
    case "bigint":
      return NUMBER;
    case "string":
    case "boolean":
      return ATOM;
    case "function":
      return FUN;
  }
  if (t === null) return NIL;
  if (Array.isArray(t)) return TUPLE;
  if (t instanceof Cons) return LIST;
  if (t instanceof Float) return NUMBER;
  if (t instanceof Uint8Array || t instanceof BitString) return BITSTRING;
  if (t instanceof TermMap) return MAP;
  if (t instanceof Pid) return PID;
  if (t instanceof Ref) return REFERENCE;
  if (t instanceof Port) return PORT;
  throw new TypeError(`Cannot compare ${String(t)}: it is not a term`);
}

// How deep recursion may go before an explicit stack takes over: recursion is faster on the
// shallow terms most messages are, but a term may nest 10,000 deep.
const DEEP = 200;

// `exact` selects =:= semantics, which OTP also uses to order map keys.
function compareTerms(a: Term, b: Term, exact: boolean, depth = 0): -1 | 0 | 1 {
  // Along a list's tail by a loop, so that a long list takes no stack.
  for (;;) {
    if (a === b) return 0;
    const ra = rank(a), rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (ra !== LIST && ra !== TUPLE && ra !== MAP) return compareAtoms(ra, a, b, exact);
    if (depth > DEEP) return compareDeep(a, b, exact);
    if (ra === TUPLE) {
      const x = a as Term[], y = b as Term[];
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      for (let i = 0; i < x.length; i++) {
        const c = compareTerms(x[i] as Term, y[i] as Term, exact, depth + 1);
        if (c !== 0) return c;
      }
      return 0;
    }
    if (ra === MAP) return compareMaps(a as TermMap, b as TermMap, exact, depth);
    const c = compareTerms((a as Cons).hd, (b as Cons).hd, exact, depth + 1);
    if (c !== 0) return c;
    a = (a as Cons).tl;
    b = (b as Cons).tl;
  }
}

function compareMaps(x: TermMap, y: TermMap, exact: boolean, depth: number): -1 | 0 | 1 {
  if (x.size !== y.size) return x.size < y.size ? -1 : 1;
  const ex = orderedEntries(x), ey = orderedEntries(y);
  // All the keys first, in order and exactly; then the values in the order of the keys.
  for (let i = 0; i < ex.length; i++) {
    const c = compareTerms((ex[i] as [Term, Term])[0], (ey[i] as [Term, Term])[0], true, depth + 1);
    if (c !== 0) return c;
  }
  for (let i = 0; i < ex.length; i++) {
    const c = compareTerms(
      (ex[i] as [Term, Term])[1],
      (ey[i] as [Term, Term])[1],
      exact,
      depth + 1,
    );
    if (c !== 0) return c;
  }
  return 0;
}

// Pairs still to compare, as triples (a, b, exact), shared by nested calls: each call works
// above the length it found and leaves the array as it found it.
const pending: (Term | boolean)[] = [];

/** compareTerms with an explicit stack instead of recursion, for terms nested deep. */
function compareDeep(a: Term, b: Term, exact: boolean): -1 | 0 | 1 {
  const base = pending.length;
  try {
    for (;;) {
      if (a !== b) {
        const ra = rank(a), rb = rank(b);
        if (ra !== rb) return ra < rb ? -1 : 1;
        if (ra === TUPLE) {
          const x = a as Term[], y = b as Term[];
          if (x.length !== y.length) return x.length < y.length ? -1 : 1;
          for (let i = x.length - 1; i >= 0; i--) pending.push(x[i] as Term, y[i] as Term, exact);
        } else if (ra === LIST) {
          const x = a as Cons, y = b as Cons;
          pending.push(x.tl, y.tl, exact, x.hd, y.hd, exact);
        } else if (ra === MAP) {
          const x = a as TermMap, y = b as TermMap;
          if (x.size !== y.size) return x.size < y.size ? -1 : 1;
          const ex = orderedEntries(x), ey = orderedEntries(y);
          for (let i = ex.length - 1; i >= 0; i--) {
            pending.push((ex[i] as [Term, Term])[1], (ey[i] as [Term, Term])[1], exact);
          }
          for (let i = ex.length - 1; i >= 0; i--) {
            pending.push((ex[i] as [Term, Term])[0], (ey[i] as [Term, Term])[0], true);
          }
        } else {
          const c = compareAtoms(ra, a, b, exact);
          if (c !== 0) return c;
        }
      }
      if (pending.length === base) return 0;
      exact = pending.pop() as boolean;
      b = pending.pop() as Term;
      a = pending.pop() as Term;
    }
  } finally {
    pending.length = base;
  }
}

/** Compares two terms of the same rank that hold no other terms. */
function compareAtoms(r: number, a: Term, b: Term, exact: boolean): -1 | 0 | 1 {
  switch (r) {
    case NUMBER:
      return compareNumbers(a as number | bigint | Float, b as number | bigint | Float, exact);
    case ATOM:
      return compareNames(atomName(a as string | boolean), atomName(b as string | boolean));
    case BITSTRING:
      return a instanceof Uint8Array && b instanceof Uint8Array
        ? compareBytes(a, b)
        : compareBits(a as Uint8Array | BitString, b as Uint8Array | BitString);
    case PID:
      return comparePids(a as Pid, b as Pid);
    case REFERENCE:
      return compareRefs(a as Ref, b as Ref);
    case PORT:
      return comparePorts(a as Port, b as Port);
    case FUN:
      return compareFuns(a as Fun, b as Fun);
    default: // NIL: both are the empty list, so already identical
      return 0;
  }
}

function compareNumbers(
  a: number | bigint | Float,
  b: number | bigint | Float,
  exact: boolean,
): -1 | 0 | 1 {
  const fa = a instanceof Float, fb = b instanceof Float;
  // Exactly, integers and floats are different types, and every integer comes first.
  if (exact && fa !== fb) return fa ? 1 : -1;
  const x = fa ? (a as Float).value : a as number | bigint;
  const y = fb ? (b as Float).value : b as number | bigint;
  // JavaScript compares a bigint with a number by their exact mathematical values.
  if (x < y) return -1;
  if (x > y) return 1;
  return 0;
}

/** Compares two names by code point, the order of their UTF-8 bytes, as OTP orders atoms. */
function compareNames(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 puts surrogates (code points above U+FFFF) below U+E000..U+FFFF; lift them above.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number, y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareInts(x: number, y: number): -1 | 0 | 1 {
  return x === y ? 0 : x < y ? -1 : 1;
}

function compareNodes(a: string, ca: number, b: string, cb: number): -1 | 0 | 1 {
  return compareNames(a, b) || compareInts(ca, cb);
}

function comparePids(a: Pid, b: Pid): -1 | 0 | 1 {
  return compareInts(a.serial, b.serial) || compareInts(a.id, b.id) ||
    compareNodes(a.node, a.creation, b.node, b.creation);
}

/** Ports are a BEAM node's, so they compare as BEAM compares another node's: node first. */
function comparePorts(a: Port, b: Port): -1 | 0 | 1 {
  return compareNodes(a.node, a.creation, b.node, b.creation) || compareInts(a.id, b.id);
}

/** The ids are most significant first, as they print; a shorter list counts as zero-padded. */
function compareRefs(a: Ref, b: Ref): -1 | 0 | 1 {
  const c = compareNodes(a.node, a.creation, b.node, b.creation);
  if (c !== 0) return c;
  const ia = a.ids, ib = b.ids, n = Math.max(ia.length, ib.length);
  for (let i = 0; i < n; i++) {
    const x = ia[i - n + ia.length] ?? 0, y = ib[i - n + ib.length] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const funIds = new WeakMap<Fun, number>();
let nextFunId = 1;

// Distinct funs with the same name and arity still need a stable order; creation order will do.
function funId(f: Fun): number {
  let id = funIds.get(f);
  if (id === undefined) funIds.set(f, id = nextFunId++);
  return id;
}

function compareFuns(a: Fun, b: Fun): -1 | 0 | 1 {
  const fa = funInfo(a), fb = funInfo(b);
  const c = compareNames(fa.module, fb.module) || compareNames(fa.name, fb.name) ||
    compareInts(fa.arity, fb.arity);
  // Two funs `fun m:f/a` of the same function are the same term.
  if (c !== 0 || (fa.exported === true && fb.exported === true)) return c;
  return compareInts(funId(a), funId(b));
}

/** Whether two funs are both `fun m:f/a` of the same function. */
function sameExported(a: Fun, b: Fun): boolean {
  const fa = funInfo(a), fb = funInfo(b);
  return fa.exported === true && fb.exported === true && fa.module === fb.module &&
    fa.name === fb.name && fa.arity === fb.arity;
}
