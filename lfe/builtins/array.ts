/**
 * The module `array` of OTP 25: functional, extendible arrays kept as OTP keeps them, the
 * record `{array, Size, Max, Default, Elements}` (`Max` 0 for a fixed-size array) over a tree
 * of tuples: a leaf of 10 entries, a node of 10 subtrees and the size each covers, or the
 * integer size of a subtree not made yet. Arrays grow, are built from lists and orddicts,
 * mapped and folded in the same shapes and orders as OTP's, so that an array prints and
 * compares as on BEAM.
 *
 * @example
 * ```ts
 * import { ARRAY } from "./array.ts";
 * ARRAY["new/1"]!(3); // #(array 3 0 undefined 10)
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { callFun, type Gen } from "./_coll.ts";
import { functionClause as fc, isFunOf, moduleTable } from "./_util.ts";

const LEAF = 10;
const NODE = 10;

/** A subtree: an unexpanded size, a leaf of `LEAF` entries, or a node (`NODE` + its size). */
type Elems = number | Term[];

/** The record's fields: size, max, default, elements. */
interface Arr {
  size: Term;
  max: Term;
  dflt: Term;
  elems: Term;
}

function badarg(): never {
  return raiseError("badarg");
}

function rec(t: Term, orElse: () => never = fc): Arr {
  if (!(Array.isArray(t) && t.length === 5 && t[0] === "array")) return orElse();
  return { size: t[1] as Term, max: t[2] as Term, dflt: t[3] as Term, elems: t[4] as Term };
}

function mk(size: Term, max: Term, dflt: Term, elems: Term): Term {
  return ["array", size, max, dflt, elems];
}

function isNode(e: Term): e is Term[] {
  return Array.isArray(e) && e.length === NODE + 1;
}

function nodeSize(e: Term[]): number {
  return e[NODE] as number;
}

function newNode(s: number): Term[] {
  return new Array(NODE + 1).fill(s);
}

function newLeaf(d: Term): Term[] {
  return new Array(LEAF).fill(d);
}

function findMax(i: number, m: number): number {
  while (i >= m) m *= NODE;
  return m;
}

function newArray(size: number, fixed: boolean, dflt: Term): Term {
  const e = findMax(size - 1, LEAF);
  return mk(size, fixed ? 0 : e, dflt, e);
}

// `new/1,2`'s options, in order: later ones win.
function newOptions(options: Term, size: number, fixed: boolean): Term {
  let os: Term = options;
  if (!(os === null || os instanceof Cons)) os = new Cons(os, null);
  let dflt: Term = "undefined";
  let c: Term = os;
  for (; c instanceof Cons; c = c.tl) {
    const o = c.hd;
    if (o === "fixed") fixed = true;
    else if (Array.isArray(o) && o.length === 2 && o[0] === "fixed" && typeof o[1] === "boolean") {
      fixed = o[1];
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "default") dflt = o[1] as Term;
    else if (Array.isArray(o) && o.length === 2 && o[0] === "size" && isIndex(o[1] as Term)) {
      size = o[1] as number;
      fixed = true;
    } else if (isIndex(o)) {
      size = o as number;
      fixed = true;
    } else badarg();
  }
  if (c !== null) badarg();
  return newArray(size, fixed, dflt);
}

/** A leaf tuple; `badarg` (as `element/2` gives) for anything else. */
function leafOf(e: Term): Term[] {
  return Array.isArray(e) ? e as Term[] : badarg();
}

function isIndex(t: Term): t is number {
  return typeof t === "number" && Number.isInteger(t) && t >= 0;
}

function grow(i: number, e: Elems, m: number): [Elems, number] {
  if (typeof e === "number") {
    const m1 = findMax(i, e);
    return [m1, m1];
  }
  while (i >= m) {
    const n = newNode(m);
    n[0] = e;
    e = n;
    m *= NODE;
  }
  return [e, m];
}

function expand(i: number, s: number, x: Term, d: Term): Term[] {
  if (s > LEAF) {
    const s1 = s / NODE;
    const n = newNode(s1);
    n[Math.floor(i / s1)] = expand(i % s1, s1, x, d);
    return n;
  }
  const l = newLeaf(d);
  l[i] = x;
  return l;
}

function set1(i: number, e: Term, x: Term, d: Term): Term {
  if (isNode(e)) {
    const s = nodeSize(e);
    const k = Math.floor(i / s);
    const n = e.slice();
    n[k] = set1(i % s, e[k] as Term, x, d);
    return n;
  }
  if (typeof e === "number") return expand(i, e, x, d);
  const l = leafOf(e).slice();
  if (i >= l.length) badarg();
  l[i] = x;
  return l;
}

function get1(i: number, e: Term, d: Term): Term {
  for (;;) {
    if (isNode(e)) {
      const s = nodeSize(e);
      e = e[Math.floor(i / s)] as Term;
      i = i % s;
    } else if (typeof e === "number") return d;
    else return leafOf(e)[i] ?? badarg();
  }
}

function set(i: Term, x: Term, a: Term): Term {
  const r = rec(a, badarg);
  if (!isIndex(i)) badarg();
  const { size: n, max: m, dflt: d, elems: e } = r;
  if (typeof n !== "number" || typeof m !== "number") badarg();
  if (i < n) return mk(n, m, d, set1(i, e, x, d));
  if (i < m) return mk(i + 1, m, d, set1(i, e, x, d));
  if (m > 0) {
    const [e1, m1] = grow(i, e as Elems, m);
    return mk(i + 1, m1, d, set1(i, e1, x, d));
  }
  return badarg();
}

function get(i: Term, a: Term): Term {
  const r = rec(a, badarg);
  if (!isIndex(i)) badarg();
  const { size: n, max: m, dflt: d, elems: e } = r;
  if (typeof n === "number" && i < n) return get1(i, e, d);
  if (typeof m === "number" && m > 0) return d;
  return badarg();
}

class IsDefault {}
const DEFAULT = new IsDefault();

function reset1(i: number, e: Term, d: Term): Term {
  if (isNode(e)) {
    const s = nodeSize(e);
    const k = Math.floor(i / s);
    const n = e.slice();
    n[k] = reset1(i % s, e[k] as Term, d);
    return n;
  }
  if (typeof e === "number") throw DEFAULT;
  const l = leafOf(e);
  if (exactEq(l[i] as Term, d)) throw DEFAULT;
  const out = l.slice();
  out[i] = d;
  return out;
}

function reset(i: Term, a: Term): Term {
  const r = rec(a, badarg);
  if (!isIndex(i)) badarg();
  const { size: n, max: m, dflt: d, elems: e } = r;
  if (typeof n === "number" && i < n) {
    try {
      return mk(n, m, d, reset1(i, e, d));
    } catch (x) {
      if (x === DEFAULT) return a;
      throw x;
    }
  }
  if (typeof m === "number" && m > 0) return a;
  return badarg();
}

/** Every entry up to index `last`, in order, with its index (an unexpanded subtree's too). */
function entries(e: Term, d: Term, last: number, out: Term[] = []): Term[] {
  if (isNode(e)) {
    const s = nodeSize(e);
    const k = Math.floor(last / s);
    for (let j = 0; j < k; j++) entries(e[j] as Term, d, s - 1, out);
    entries(e[k] as Term, d, last % s, out);
  } else if (typeof e === "number") {
    for (let j = 0; j <= last; j++) out.push(d);
  } else {
    const l = leafOf(e);
    for (let j = 0; j <= last; j++) out.push(l[j] as Term);
  }
  return out;
}

/** The entries of `a` (below its size), or `null` for an empty array. */
function allEntries(a: Term): [Term[], Term] {
  const { size: n, dflt: d, elems: e } = rec(a, badarg);
  if (n === 0) return [[], d];
  if (typeof n !== "number") badarg();
  return [entries(e, d, n - 1), d];
}

function fromList(l: Term, d: Term): Term {
  if (l === null) return newArray(0, false, d);
  if (!(l instanceof Cons)) badarg();
  const leaves: Term[] = [];
  let n = 0;
  let c: Term = l;
  for (;;) {
    const leaf: Term[] = [];
    for (let i = 0; i < LEAF; i++) {
      if (c instanceof Cons) {
        leaf.push(c.hd);
        c = c.tl;
        n++;
      } else leaf.push(d);
    }
    leaves.push(leaf);
    if (c === null) break;
    if (!(c instanceof Cons)) badarg();
  }
  const [e, m] = build(leaves, n);
  return mk(n, m, d, e);
}

/**
 * The tree over `leaves` (first to last; a leaf no entry was given for is its size) holding `n`
 * entries, and its max. A node of subtrees none of which is made is its size, as OTP makes it.
 */
function build(leaves: Term[], n: number): [Term, number] {
  if (leaves.length === 1) return [leaves[0] as Term, LEAF];
  let level: Term[] = leaves;
  let s = LEAF;
  for (;;) {
    // OTP pads the left of its reversed list: the missing subtrees are unexpanded, at the end.
    const count = Math.floor((n - 1) / s) + 1;
    const padded = level.slice();
    const pad = (NODE - (count % NODE)) % NODE;
    for (let i = 0; i < pad; i++) padded.push(s);
    const nodes: Term[] = [];
    for (let i = 0; i < padded.length; i += NODE) {
      const children = padded.slice(i, i + NODE);
      nodes.push(children.every((c) => typeof c === "number") ? s * NODE : [...children, s]);
    }
    s *= NODE;
    if (nodes.length === 1) return [nodes[0] as Term, s];
    level = nodes;
  }
}

function isInt(t: Term): boolean {
  return (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
}

/**
 * `from_orddict/2` as OTP's: leaves are made for the pairs, a gap longer than a leaf is kept as
 * its size (no leaves made for it), and the tree is then collected from the top down.
 */
function fromOrddict(l: Term, d: Term): Term {
  if (l === null) return newArray(0, false, d);
  if (!(l instanceof Cons)) badarg();
  const es: Term[] = []; // leaves and gaps, first to last
  let ix = 0, max = LEAF, n = 0;
  let xs: Term = l;
  while (xs !== null) {
    const p = xs instanceof Cons ? xs.hd : undefined;
    if (!(Array.isArray(p) && p.length === 2)) return raiseError(["badarg", xs]);
    const ix1 = p[0] as Term;
    if (isInt(ix1) && (ix1 as number) > max) {
      const hole = (ix1 as number) - ix;
      const step = hole - hole % LEAF;
      es.push(step);
      ix += step;
      max = ix + LEAF;
      continue;
    }
    const leaf: Term[] = [];
    let i = ix, upTo = ix;
    while (i !== max) {
      if (xs instanceof Cons) {
        const q = xs.hd;
        if (Array.isArray(q) && q.length === 2 && q[0] === i) {
          leaf.push(q[1] as Term);
          xs = xs.tl;
          upTo = ++i;
        } else if (
          Array.isArray(q) && q.length === 2 && isInt(q[0] as Term) && (q[0] as number) > i
        ) {
          leaf.push(d);
          upTo = ++i;
        } else return raiseError(["badarg", xs]);
      } else {
        leaf.push(d);
        i++;
      }
    }
    es.push(leaf);
    ix = n = upTo;
    max = ix + LEAF;
  }
  if (es.length === 1) return mk(n, LEAF, d, es[0] as Term);
  const [e, m] = collect(n, es.reverse(), LEAF);
  return mk(n, m, d, e);
}

/**
 * The nodes over `items` (subtrees of `s` entries and gaps, last first), level by level up to
 * the root: a gap fills the rest of the node it starts in with unmade subtrees and goes up as
 * a gap of whole nodes.
 */
function collect(n: number, items: Term[], s: number): [Term, number] {
  for (;;) {
    const count = Math.floor((n - 1) / s) + 1;
    const pad = ((NODE - count % NODE) % NODE) * s;
    const xs = pad !== 0 ? [pad, ...items] : items.slice();
    const up: Term[] = [];
    let rev: Term[] = [s]; // the node's children, last first, then its size
    let free = NODE;
    let k = 0;
    for (;;) {
      if (free === 0) {
        const node = rev.slice().reverse();
        if (k >= xs.length && up.length === 0) return [node, s * NODE];
        up.push(node);
        if (k >= xs.length) break;
        rev = [s];
        free = NODE;
        continue;
      }
      if (k >= xs.length) {
        if (free === NODE && rev.length === 1) break;
        return fc();
      }
      const x = xs[k] as Term;
      if (typeof x !== "number") {
        rev.push(x);
        free--;
        k++;
        continue;
      }
      const step0 = Math.floor(x / s);
      const unmade = (c: number) => {
        for (let j = 0; j < c; j++) rev.push(s);
      };
      if (step0 < free) {
        unmade(step0);
        free -= step0;
        k++;
      } else if (free === NODE) {
        const step = step0 % NODE;
        unmade(step);
        free -= step;
        k++;
        up.push(x);
      } else if (free === step0) {
        unmade(free);
        free = 0;
        k++;
      } else {
        unmade(free);
        xs[k] = (step0 - free) * s;
        free = 0;
      }
    }
    items = up;
    s *= NODE;
  }
}

function unfold(s: number, d: Term): Term[] {
  return s > LEAF ? newNode(s / NODE) : newLeaf(d);
}

function* map1(n: number, e: Term, ix: number, f: Term, d: Term, sparse: boolean): Gen<Term> {
  if (isNode(e)) {
    const s = nodeSize(e);
    const last = Math.floor(n / s);
    const out: Term[] = [];
    for (let k = 0; k <= NODE - 1; k++) {
      if (k < last) out.push(yield* map1(s - 1, e[k] as Term, ix + k * s, f, d, sparse));
      else if (k === last) out.push(yield* map1(n % s, e[k] as Term, ix + k * s, f, d, sparse));
      else out.push(e[k] as Term);
    }
    out.push(s);
    return out;
  }
  if (typeof e === "number") return sparse ? e : yield* map1(n, unfold(e, d), ix, f, d, sparse);
  const l = leafOf(e);
  const out: Term[] = [];
  for (let i = 0; i < LEAF; i++) {
    const x = l[i] as Term;
    if (sparse) out.push(exactEq(x, d) ? d : yield* callFun(f, ix + i, x));
    else out.push(i <= n ? yield* callFun(f, ix + i, x) : d);
  }
  return out;
}

function* map(f: Term, a: Term, sparse: boolean): Gen<Term> {
  const r = rec(a, badarg);
  if (!isFunOf(f, 2)) badarg();
  const { size: n, max: m, dflt: d, elems: e } = r;
  if (typeof n !== "number" || n <= 0) return a;
  return mk(n, m, d, yield* map1(n - 1, e, 0, f, d, sparse));
}

function* fold(f: Term, acc: Term, a: Term, right: boolean, sparse: boolean): Gen<Term> {
  const r = rec(a, badarg);
  if (!isFunOf(f, 3)) badarg();
  if (typeof r.size !== "number" || r.size <= 0) return acc;
  const [xs, d] = allEntries(a);
  for (let k = 0; k < xs.length; k++) {
    const i = right ? xs.length - 1 - k : k;
    const x = xs[i] as Term;
    if (sparse && exactEq(x, d)) continue;
    acc = yield* callFun(f, i, x, acc);
  }
  return acc;
}

function sparseSize(a: Term): number {
  const [xs, d] = allEntries(a);
  for (let i = xs.length - 1; i >= 0; i--) if (!exactEq(xs[i] as Term, d)) return i + 1;
  return 0;
}

function resize(size: Term, a: Term): Term {
  const r = rec(a, badarg);
  if (!isIndex(size)) badarg();
  const { size: n, max: m, dflt: d, elems: e } = r;
  if (typeof n !== "number" || typeof m !== "number") badarg();
  if (size > n) {
    const [e1, m1] = grow(size - 1, e as Elems, m > 0 ? m : findMax(n - 1, LEAF));
    return mk(size, m > 0 ? m1 : m, d, e1);
  }
  if (size < n) return mk(size, m, d, e);
  return a;
}

/** The functions of `array`, by `name/arity`. */
export const ARRAY: ModuleFunctions = moduleTable("array", {
  "new/0": () => newArray(0, false, "undefined"),
  "new/1": (options: Term) => newOptions(options, 0, false),
  "new/2": (size: Term, options: Term) =>
    isIndex(size) ? newOptions(options, size, true) : badarg(),
  "is_array/1": (t: Term) =>
    Array.isArray(t) && t.length === 5 && t[0] === "array" && typeof t[1] === "number" &&
    Number.isInteger(t[1]) && typeof t[2] === "number" && Number.isInteger(t[2]),
  "size/1": (a: Term) => rec(a, badarg).size,
  "default/1": (a: Term) => rec(a, badarg).dflt,
  "fix/1": (a: Term) => {
    const r = rec(a);
    return mk(r.size, 0, r.dflt, r.elems);
  },
  "is_fix/1": (a: Term) => rec(a).max === 0,
  "relax/1": (a: Term) => {
    const r = rec(a);
    if (typeof r.size !== "number") raiseError("badarith");
    return mk(r.size, findMax(r.size - 1, LEAF), r.dflt, r.elems);
  },
  "resize/2": resize,
  "resize/1": (a: Term) => resize(sparseSize(a), a),
  "set/3": set,
  "get/2": get,
  "reset/2": reset,
  "to_list/1": (a: Term) => arrayToList(allEntries(a)[0]),
  "sparse_to_list/1": (a: Term) => {
    const [xs, d] = allEntries(a);
    return arrayToList(xs.filter((x) => !exactEq(x, d)));
  },
  "to_orddict/1": (a: Term) => arrayToList(allEntries(a)[0].map((x, i) => [i, x])),
  "sparse_to_orddict/1": (a: Term) => {
    const [xs, d] = allEntries(a);
    const out: Term[] = [];
    xs.forEach((x, i) => {
      if (!exactEq(x, d)) out.push([i, x]);
    });
    return arrayToList(out);
  },
  "from_list/1": (l: Term) => fromList(l, "undefined"),
  "from_list/2": fromList,
  "from_orddict/1": (l: Term) => fromOrddict(l, "undefined"),
  "from_orddict/2": fromOrddict,
  "map/2": function* (f: Term, a: Term) {
    return yield* map(f, a, false);
  },
  "sparse_map/2": function* (f: Term, a: Term) {
    return yield* map(f, a, true);
  },
  "foldl/3": function* (f: Term, acc: Term, a: Term) {
    return yield* fold(f, acc, a, false, false);
  },
  "foldr/3": function* (f: Term, acc: Term, a: Term) {
    return yield* fold(f, acc, a, true, false);
  },
  "sparse_foldl/3": function* (f: Term, acc: Term, a: Term) {
    return yield* fold(f, acc, a, false, true);
  },
  "sparse_foldr/3": function* (f: Term, acc: Term, a: Term) {
    return yield* fold(f, acc, a, true, true);
  },
  "sparse_size/1": sparseSize,
});
