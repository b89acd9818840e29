/**
 * Where an ets table keeps its objects, one store per table type: `set` (a hash of keys that
 * match exactly, `1` and `1.0` apart), `bag` and `duplicate_bag` (a hash of keys to the objects
 * under each, in the order they were inserted), and `ordered_set` (a balanced search tree in
 * Erlang's term order, where keys that compare equal, `1` and `1.0`, are one key), so that
 * lookups, inserts, deletes and `next`/`prev` take logarithmic time there.
 *
 * @module
 */

import { compare, exactEq } from "../../runtime/term_order.ts";
import { type Term, termKey } from "../../runtime/terms.ts";

type HashKey = ReturnType<typeof termKey>;

/** What every table type offers. */
export interface Store {
  /** How many objects the table holds. */
  readonly size: number;
  /** The objects under `key`. */
  lookup(key: Term): Term[];
  /** Whether some object has `key`. */
  has(key: Term): boolean;
  /** Inserts `obj` (whose key is `key`): replaces in a set, adds in a bag. */
  insert(key: Term, obj: Term): void;
  /** Removes every object under `key`. */
  deleteKey(key: Term): void;
  /** Removes the objects exactly equal to `obj`. */
  deleteObject(key: Term, obj: Term): void;
  /** Every object, in the table's order. */
  objects(): Term[];
  /** Calls `f` on each object in the table's order until it answers `false`. */
  each(f: (obj: Term) => boolean | void): void;
  /** The keys in the table's order, from the first. */
  first(): Term | undefined;
  last(): Term | undefined;
  /** The key after `key` (`null` for none); `undefined` if `key` is not in the table. */
  next(key: Term): Term | null | undefined;
  prev(key: Term): Term | null | undefined;
  clear(): void;
}

/** A store of a `set`, `bag` or `duplicate_bag` table. */
// Keys that are small non-negative integers are also found by index, without hashing.
const DENSE = 1 << 20;

function small(k: Term): k is number {
  return typeof k === "number" && k >= 0 && k < DENSE && (k | 0) === k;
}

export class HashStore implements Store {
  #m = new Map<HashKey, Term[]>();
  // The objects under each small integer key, the same arrays as the map's.
  #dense: (Term[] | undefined)[] = [];
  #size = 0;
  #keys: HashKey[] | null = null;
  #at: Map<HashKey, number> | null = null;
  constructor(readonly kind: "set" | "bag" | "duplicate_bag", readonly keypos: number) {}

  get size(): number {
    return this.#size;
  }
  lookup(key: Term): Term[] {
    if (small(key)) return this.#dense[key] ?? [];
    return this.#m.get(termKey(key)) ?? [];
  }
  has(key: Term): boolean {
    if (small(key)) return this.#dense[key] !== undefined;
    return this.#m.has(termKey(key));
  }
  insert(key: Term, obj: Term): void {
    const k = termKey(key);
    const there = small(key) ? this.#dense[key] : this.#m.get(k);
    if (there === undefined) {
      const os = [obj];
      this.#m.set(k, os);
      if (small(key)) this.#dense[key] = os;
      this.#size++;
      this.#keys = null;
      return;
    }
    if (this.kind === "set") {
      there[0] = obj;
    } else if (this.kind === "duplicate_bag" || !there.some((o) => exactEq(o, obj))) {
      there.push(obj);
      this.#size++;
    }
  }
  deleteKey(key: Term): void {
    const k = termKey(key);
    const there = this.#m.get(k);
    if (there === undefined) return;
    this.#size -= there.length;
    this.#m.delete(k);
    if (small(key)) this.#dense[key] = undefined;
    this.#keys = null;
  }
  deleteObject(key: Term, obj: Term): void {
    const k = termKey(key);
    const there = this.#m.get(k);
    if (there === undefined) return;
    const kept = there.filter((o) => !exactEq(o, obj));
    this.#size -= there.length - kept.length;
    if (kept.length === 0) {
      this.#m.delete(k);
      if (small(key)) this.#dense[key] = undefined;
      this.#keys = null;
    } else {
      this.#m.set(k, kept);
      if (small(key)) this.#dense[key] = kept;
    }
  }
  objects(): Term[] {
    const out: Term[] = [];
    for (const os of this.#m.values()) for (const o of os) out.push(o);
    return out;
  }
  each(f: (obj: Term) => boolean | void): void {
    for (const os of this.#m.values()) for (const o of os) if (f(o) === false) return;
  }
  #order(): HashKey[] {
    if (this.#keys === null) {
      this.#keys = [...this.#m.keys()];
      this.#at = new Map(this.#keys.map((k, i) => [k, i]));
    }
    return this.#keys;
  }
  #keyAt(i: number): Term | null {
    const ks = this.#order();
    if (i < 0 || i >= ks.length) return null;
    const os = this.#m.get(ks[i] as HashKey) as Term[];
    return (os[0] as Term[])[this.keypos - 1] as Term;
  }
  first(): Term | undefined {
    return this.#size === 0 ? undefined : this.#keyAt(0) as Term;
  }
  last(): Term | undefined {
    return this.#size === 0 ? undefined : this.#keyAt(this.#order().length - 1) as Term;
  }
  next(key: Term): Term | null | undefined {
    this.#order();
    const i = this.#at!.get(termKey(key));
    return i === undefined ? undefined : this.#keyAt(i + 1);
  }
  prev(key: Term): Term | null | undefined {
    this.#order();
    const i = this.#at!.get(termKey(key));
    return i === undefined ? undefined : this.#keyAt(i - 1);
  }
  clear(): void {
    this.#m.clear();
    this.#dense = [];
    this.#size = 0;
    this.#keys = null;
  }
}

interface Node {
  key: Term;
  obj: Term;
  pri: number;
  l: Node | null;
  r: Node | null;
}

// A treap: a search tree by key whose nodes also form a heap by random priority.
function rotateRight(n: Node): Node {
  const l = n.l as Node;
  n.l = l.r;
  l.r = n;
  return l;
}

function rotateLeft(n: Node): Node {
  const r = n.r as Node;
  n.r = r.l;
  r.l = n;
  return r;
}

/** The store of an `ordered_set` table. */
export class TreeStore implements Store {
  #root: Node | null = null;
  #size = 0;

  get size(): number {
    return this.#size;
  }
  #find(key: Term): Node | null {
    let n = this.#root;
    while (n !== null) {
      const c = compare(key, n.key);
      if (c === 0) return n;
      n = c < 0 ? n.l : n.r;
    }
    return null;
  }
  lookup(key: Term): Term[] {
    const n = this.#find(key);
    return n === null ? [] : [n.obj];
  }
  has(key: Term): boolean {
    return this.#find(key) !== null;
  }
  insert(key: Term, obj: Term): void {
    const ins = (n: Node | null): Node => {
      if (n === null) {
        this.#size++;
        return { key, obj, pri: Math.random(), l: null, r: null };
      }
      const c = compare(key, n.key);
      if (c === 0) {
        n.obj = obj;
        n.key = key;
        return n;
      }
      if (c < 0) {
        n.l = ins(n.l);
        if (n.l.pri > n.pri) return rotateRight(n);
      } else {
        n.r = ins(n.r);
        if (n.r.pri > n.pri) return rotateLeft(n);
      }
      return n;
    };
    this.#root = ins(this.#root);
  }
  deleteKey(key: Term): void {
    const del = (n: Node | null): Node | null => {
      if (n === null) return null;
      const c = compare(key, n.key);
      if (c < 0) n.l = del(n.l);
      else if (c > 0) n.r = del(n.r);
      else {
        this.#size--;
        return merge(n.l, n.r);
      }
      return n;
    };
    this.#root = del(this.#root);
  }
  deleteObject(key: Term, obj: Term): void {
    const n = this.#find(key);
    if (n !== null && exactEq(n.obj, obj)) this.deleteKey(key);
  }
  objects(): Term[] {
    const out: Term[] = [];
    this.each((o) => {
      out.push(o);
    });
    return out;
  }
  each(f: (obj: Term) => boolean | void): void {
    const stack: Node[] = [];
    let n = this.#root;
    while (n !== null || stack.length > 0) {
      while (n !== null) {
        stack.push(n);
        n = n.l;
      }
      const top = stack.pop() as Node;
      if (f(top.obj) === false) return;
      n = top.r;
    }
  }
  /** Calls `f` on each object from the last to the first until it answers `false`. */
  eachReverse(f: (obj: Term) => boolean | void): void {
    const stack: Node[] = [];
    let n = this.#root;
    while (n !== null || stack.length > 0) {
      while (n !== null) {
        stack.push(n);
        n = n.r;
      }
      const top = stack.pop() as Node;
      if (f(top.obj) === false) return;
      n = top.l;
    }
  }
  first(): Term | undefined {
    let n = this.#root;
    if (n === null) return undefined;
    while (n.l !== null) n = n.l;
    return n.key;
  }
  last(): Term | undefined {
    let n = this.#root;
    if (n === null) return undefined;
    while (n.r !== null) n = n.r;
    return n.key;
  }
  /** The first key greater than `key` (in an ordered_set, `key` need not be there). */
  next(key: Term): Term | null {
    let n = this.#root, best: Node | null = null;
    while (n !== null) {
      if (compare(key, n.key) < 0) {
        best = n;
        n = n.l;
      } else n = n.r;
    }
    return best === null ? null : best.key;
  }
  prev(key: Term): Term | null {
    let n = this.#root, best: Node | null = null;
    while (n !== null) {
      if (compare(key, n.key) > 0) {
        best = n;
        n = n.r;
      } else n = n.l;
    }
    return best === null ? null : best.key;
  }
  clear(): void {
    this.#root = null;
    this.#size = 0;
  }
}

function merge(a: Node | null, b: Node | null): Node | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.pri > b.pri) {
    a.r = merge(a.r, b);
    return a;
  }
  b.l = merge(a, b.l);
  return b;
}
