/**
 * The values processes exchange: Erlang terms as JavaScript values.
 *
 * | kind      | representation                                              |
 * |-----------|-------------------------------------------------------------|
 * | atom      | `string` (`"pong"`); the atoms `true`/`false` are booleans  |
 * | integer   | `number` when a safe integer, `bigint` beyond 2^53          |
 * | float     | {@linkcode Float} (so `2.0` stays distinct from `2`)        |
 * | tuple     | `Term[]` (a JavaScript array is a tuple)                    |
 * | list      | {@linkcode Cons} cells ending in `null` (the empty list)    |
 * | string    | a list of character codes, made by {@linkcode charlist}     |
 * | binary    | `Uint8Array`                                                |
 * | bitstring | {@linkcode BitString} when not a whole number of bytes      |
 * | map       | {@linkcode TermMap}                                         |
 * | pid       | {@linkcode Pid}                                             |
 * | reference | {@linkcode Ref}                                             |
 * | port      | {@linkcode Port} (a BEAM node's; opaque here)               |
 * | fun       | a JavaScript function                                       |
 *
 * Terms are immutable once made: a message is shared, not copied, between local processes.
 *
 * @module
 */

/** An atom. The atoms `true` and `false` are the JavaScript booleans. */
export type Atom = string | boolean;
/** An integer: a number while it is a safe integer, a bigint beyond. */
export type Integer = number | bigint;
/** A tuple. */
export type Tuple = Term[];
/** A list: the empty list `null`, or a cons cell. */
export type List = Cons | null;
/** A fun: a JavaScript function, a generator function when it may receive. */
// deno-lint-ignore no-explicit-any
export type Fun = (...args: any[]) => any;
/** Any value that can be sent in a message. */
export type Term =
  | Atom
  | Integer
  | Float
  | Tuple
  | List
  | Cons
  | Uint8Array
  | BitString
  | TermMap
  | Pid
  | Ref
  | Port
  | Fun;

/** A float. Boxed so that it stays distinct from an integer of the same value. */
export class Float {
  /** The value; always finite. */
  readonly value: number;
  constructor(value: number) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Cannot make a float of ${value}: not finite`);
    }
    this.value = value;
  }
}

/** Makes a float term. */
export function float(value: number): Float {
  return new Float(value);
}

/** A list cell. `tl` is a list for a proper list, any other term for an improper one. */
export class Cons {
  hd: Term;
  tl: Term;
  constructor(hd: Term, tl: Term) {
    this.hd = hd;
    this.tl = tl;
  }
}

/** Makes a proper list of the given elements. */
export function list(...items: Term[]): List {
  return arrayToList(items);
}

/** Makes a list of the elements of an array, ending in `tail` (the empty list by default). */
export function arrayToList(items: readonly Term[], tail: Term = null): List {
  let l: Term = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l as List;
}

/** The elements of a proper list as an array; throws a TypeError for an improper list. */
export function listToArray(l: Term): Term[] {
  const out: Term[] = [];
  let c = l;
  while (c instanceof Cons) {
    out.push(c.hd);
    c = c.tl;
  }
  if (c !== null) throw new TypeError("Cannot convert an improper list to an array");
  return out;
}

/** Makes a string, as LFE does: a list of the string's character codes. */
export function charlist(s: string): List {
  const codes: number[] = [];
  for (const ch of s) codes.push(ch.codePointAt(0) as number);
  return arrayToList(codes);
}

/** The JavaScript string of a list of character codes, or `undefined` if it is not one. */
export function charlistToString(l: Term): string | undefined {
  let s = "";
  let c = l;
  while (c instanceof Cons) {
    const h = c.hd;
    if (typeof h !== "number" || h < 0 || h > 0x10ffff || (h >= 0xd800 && h <= 0xdfff)) {
      return undefined;
    }
    s += String.fromCodePoint(h);
    c = c.tl;
  }
  return c === null ? s : undefined;
}

/** Makes an atom; `"true"` and `"false"` become the booleans. */
export function atom(name: string): Atom {
  return name === "true" ? true : name === "false" ? false : name;
}

/** The name of an atom. */
export function atomName(a: Atom): string {
  return typeof a === "boolean" ? (a ? "true" : "false") : a;
}

/** Makes a tuple. */
export function tuple(...items: Term[]): Tuple {
  return items;
}

const encoder = new TextEncoder();
/** Makes a binary: the UTF-8 bytes of a string, or a copy of the given bytes. */
export function binary(content: string | ArrayLike<number>): Uint8Array {
  return typeof content === "string" ? encoder.encode(content) : Uint8Array.from(content);
}

/**
 * A bitstring whose length is not a whole number of bytes (`#B(1 (2 (size 4)))`); one of whole
 * bytes is a binary, a `Uint8Array`. The bits fill `bytes` from the most significant bit of the
 * first byte; the unused low bits of the last byte are zero, so equal bitstrings have equal
 * bytes. Make one with `bitstring()` of `bits.ts`, which gives a binary for whole bytes.
 */
export class BitString {
  /** The bytes holding the bits: `Math.ceil(bits / 8)` of them. */
  readonly bytes: Uint8Array;
  /** The number of bits; never a multiple of 8. */
  readonly bits: number;
  constructor(bytes: Uint8Array, bits: number) {
    if (bits % 8 === 0 || bytes.length !== Math.ceil(bits / 8)) {
      throw new RangeError(`Cannot make a bitstring of ${bits} bits from ${bytes.length} bytes`);
    }
    this.bytes = bytes;
    this.bits = bits;
  }
}

/**
 * A process identifier. `serial` carries the scheduler that owns a local process in its low
 * eight bits, so that more schedulers need no change of format.
 */
export class Pid {
  readonly node: string;
  readonly id: number;
  readonly serial: number;
  readonly creation: number;
  /** The local process, when this pid was made by this node's runtime. */
  proc: unknown;
  constructor(node: string, id: number, serial: number, creation: number) {
    this.node = node;
    this.id = id;
    this.serial = serial;
    this.creation = creation;
    this.proc = undefined;
  }
}

/** A reference: unique among the references of all connected nodes. */
export class Ref {
  readonly node: string;
  readonly creation: number;
  readonly ids: readonly number[];
  /** The key it is kept under in tables of monitors (made when first asked). */
  key: string | undefined = undefined;
  constructor(node: string, creation: number, ids: readonly number[]) {
    this.node = node;
    this.creation = creation;
    this.ids = ids;
  }
}

/**
 * A port of a BEAM node. This runtime opens no ports, but a port received from a BEAM node is a
 * term like any other: it can be kept, compared, printed and sent on, back to its node too.
 */
export class Port {
  readonly node: string;
  readonly id: number;
  readonly creation: number;
  constructor(node: string, id: number, creation: number) {
    this.node = node;
    this.id = id;
    this.creation = creation;
  }
}

/** What a fun is known as: `#Fun<module.name.arity>`. */
export interface FunInfo {
  module: string;
  name: string;
  arity: number;
  /** A fun that calls `module:name/arity` by name (`#'m:f/a`), which can cross to any node. */
  exported?: boolean;
  /** A fun made in a module: its index in the module's table of funs, as BEAM numbers them. */
  index?: number;
}

/** Property under which a function carries its {@linkcode FunInfo}. */
export const FUN_INFO: unique symbol = Symbol("funInfo");

/** The module, name and arity of a fun. */
export function funInfo(f: Fun): FunInfo {
  const info = (f as { [FUN_INFO]?: FunInfo })[FUN_INFO];
  return info ?? { module: "js", name: f.name || "anonymous", arity: f.length };
}

/** Names a function as a fun of `module:name/arity`; returns the same function. */
export function nameFun<F extends Fun>(f: F, info: FunInfo): F {
  Object.defineProperty(f, FUN_INFO, { value: info });
  return f;
}

/**
 * A key under which a term is stored in a JavaScript Map: terms that are exactly equal (`=:=`)
 * give equal keys.
 */
export function termKey(k: Term): string | number | boolean | bigint | Fun {
  return mapKey(k);
}

function mapKey(k: Term): string | number | boolean | bigint | Fun {
  switch (typeof k) {
    case "string":
      return "a" + k;
    case "number":
    case "boolean":
    case "bigint":
      return k;
    case "function":
      return funInfo(k).exported === true ? "t" + keyString(k) : k;
    default:
      return "t" + keyString(k);
  }
}

// A canonical text for a compound term: equal terms (exactly, as =:=) give equal texts.
function keyString(t: Term): string {
  if (t === null) return "[]";
  switch (typeof t) {
    case "string":
      return "a" + JSON.stringify(t);
    case "boolean":
      return t ? "aT" : "aF";
    case "number":
      return "i" + t;
    case "bigint":
      return "i" + t.toString();
    case "function": {
      // A fun `m:f/a` is the same term wherever it was made.
      const info = funInfo(t);
      if (info.exported !== true) return "f" + funKey(t);
      return `x${JSON.stringify(info.module)}:${JSON.stringify(info.name)}/${info.arity}`;
    }
  }
  if (Array.isArray(t)) return "{" + t.map(keyString).join(",") + "}";
  if (t instanceof Cons) {
    let s = "[";
    let c: Term = t;
    while (c instanceof Cons) {
      s += keyString(c.hd) + ",";
      c = c.tl;
    }
    return s + "|" + keyString(c) + "]";
  }
  // 0.0 and -0.0 are the same key, as in OTP 25.
  if (t instanceof Float) return "d" + (t.value === 0 ? 0 : t.value);
  if (t instanceof Uint8Array) return "b" + Array.prototype.join.call(t, ".");
  if (t instanceof BitString) return `s${t.bits}.` + Array.prototype.join.call(t.bytes, ".");
  if (t instanceof Pid) return `p${JSON.stringify(t.node)}.${t.id}.${t.serial}.${t.creation}`;
  if (t instanceof Ref) return `r${JSON.stringify(t.node)}.${t.creation}.${t.ids.join(".")}`;
  if (t instanceof Port) return `o${JSON.stringify(t.node)}.${t.id}.${t.creation}`;
  if (t instanceof TermMap) {
    // Sorted, so that equal maps give the same key whatever order their keys were put in.
    return "#" + t.entries().map(([k, v]) => keyString(k) + "=>" + keyString(v)).sort().join(",");
  }
  throw new TypeError(`Cannot use ${String(t)} as a term`);
}

const funIds = new WeakMap<Fun, number>();
let nextFunId = 0;
function funKey(f: Fun): number {
  let id = funIds.get(f);
  if (id === undefined) funIds.set(f, id = nextFunId++);
  return id;
}

type MapKey = string | number | boolean | bigint | Fun;

/** One key of a large map: its lookup key, its hash, the key term and the value. */
interface Entry {
  k: MapKey;
  h: number;
  key: Term;
  value: Term;
}

/** A node of a hash array mapped trie: the children or entries its bitmap says are there. */
interface Branch {
  bitmap: number;
  items: (Entry | Branch | Bucket)[];
}

/** Entries whose hashes are all equal. */
interface Bucket {
  h: number;
  entries: Entry[];
}

const isEntry = (x: Entry | Branch | Bucket): x is Entry => (x as Entry).k !== undefined;
const isBucket = (x: Entry | Branch | Bucket): x is Bucket => (x as Bucket).entries !== undefined;

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashKey(k: MapKey): number {
  switch (typeof k) {
    case "string":
      return hashString(k);
    case "number": {
      if ((k | 0) === k) {
        let h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
        h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
        return (h ^ (h >>> 16)) >>> 0;
      }
      return hashString(String(k));
    }
    case "boolean":
      return k ? 0x9e3779b9 : 0x7f4a7c15;
    case "bigint":
      return hashString(k.toString());
    default:
      return Math.imul(funKey(k), 0x9e3779b1) >>> 0;
  }
}

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
};

function findIn(node: Branch, e: { k: MapKey; h: number }): Entry | undefined {
  let n: Branch | Bucket | Entry = node;
  for (let shift = 0;; shift += 5) {
    if (isEntry(n)) return n.k === e.k ? n : undefined;
    if (isBucket(n)) return n.entries.find((x) => x.k === e.k);
    const bit = 1 << ((e.h >>> shift) & 31);
    if ((n.bitmap & bit) === 0) return undefined;
    n = n.items[popcount(n.bitmap & (bit - 1))]!;
  }
}

/** The trie with `e` put in (a copy of the path to it); `added` tells whether it is a new key. */
function assoc(node: Branch, shift: number, e: Entry, added: { v: boolean }): Branch {
  const bit = 1 << ((e.h >>> shift) & 31);
  const i = popcount(node.bitmap & (bit - 1));
  const items = node.items.slice();
  if ((node.bitmap & bit) === 0) {
    items.splice(i, 0, e);
    added.v = true;
    return { bitmap: node.bitmap | bit, items };
  }
  const cur = items[i]!;
  if (isEntry(cur)) {
    if (cur.k === e.k) {
      items[i] = e;
      return { bitmap: node.bitmap, items };
    }
    added.v = true;
    items[i] = cur.h === e.h ? { h: e.h, entries: [cur, e] } : pair(cur, e, shift + 5);
    return { bitmap: node.bitmap, items };
  }
  if (isBucket(cur)) {
    if (cur.h === e.h) {
      const j = cur.entries.findIndex((x) => x.k === e.k);
      const entries = cur.entries.slice();
      if (j >= 0) entries[j] = e;
      else {
        entries.push(e);
        added.v = true;
      }
      items[i] = { h: cur.h, entries };
      return { bitmap: node.bitmap, items };
    }
    // A bucket of another hash meets a new key: both go one level down.
    const b: Branch = { bitmap: 1 << ((cur.h >>> (shift + 5)) & 31), items: [cur] };
    items[i] = assoc(b, shift + 5, e, added);
    return { bitmap: node.bitmap, items };
  }
  items[i] = assoc(cur, shift + 5, e, added);
  return { bitmap: node.bitmap, items };
}

function pair(a: Entry, b: Entry, shift: number): Branch {
  const ia = (a.h >>> shift) & 31, ib = (b.h >>> shift) & 31;
  if (ia === ib) return { bitmap: 1 << ia, items: [pair(a, b, shift + 5)] };
  return { bitmap: (1 << ia) | (1 << ib), items: ia < ib ? [a, b] : [b, a] };
}

/** The trie without the key (a copy of the path to it), or the same node when it is not there. */
function dissoc(node: Branch, shift: number, k: MapKey, h: number): Branch | Entry | Bucket | null {
  const bit = 1 << ((h >>> shift) & 31);
  if ((node.bitmap & bit) === 0) return node;
  const i = popcount(node.bitmap & (bit - 1));
  const cur = node.items[i]!;
  let next: Branch | Entry | Bucket | null;
  if (isEntry(cur)) next = cur.k === k ? null : cur;
  else if (isBucket(cur)) {
    const entries = cur.entries.filter((x) => x.k !== k);
    next = entries.length === cur.entries.length
      ? cur
      : entries.length === 1
      ? entries[0]!
      : { h: cur.h, entries };
  } else next = dissoc(cur, shift + 5, k, h);
  if (next === cur) return node;
  const items = node.items.slice();
  if (next === null) {
    items.splice(i, 1);
    const bitmap = node.bitmap & ~bit;
    if (items.length === 0) return null;
    // A lone entry moves up; a lone branch stays where its hashes put it.
    if (items.length === 1 && shift > 0 && !isBranch(items[0]!)) return items[0]!;
    return { bitmap, items };
  }
  // A branch left with a single entry gives it to its parent.
  items[i] =
    !isEntry(next) && !isBucket(next) && next.items.length === 1 && !isBranch(next.items[0]!)
      ? next.items[0]!
      : next;
  return { bitmap: node.bitmap, items };
}

const isBranch = (x: Entry | Branch | Bucket): x is Branch => (x as Branch).bitmap !== undefined;

function collect(n: Entry | Branch | Bucket, out: [Term, Term][]): void {
  if (isEntry(n)) out.push([n.key, n.value]);
  else if (isBucket(n)) { for (const e of n.entries) out.push([e.key, e.value]); }
  else for (const x of n.items) collect(x, out);
}

/** Maps up to this size are a JavaScript Map, copied on change; larger ones a trie. */
const SMALL = 16;

/**
 * A map term. Immutable: {@linkcode TermMap.put} and {@linkcode TermMap.remove} return a new map.
 * Keys match exactly (`1` and `1.0` are different keys), as in Erlang. A small map is a
 * JavaScript Map copied on change; a larger one is a hash array mapped trie, whose changes copy
 * only the path to the key (so a map built by `maps:put` in a loop grows in linear time).
 */
export class TermMap {
  #m: Map<unknown, [Term, Term]> | null;
  #root: Branch | null = null;
  #size = 0;
  constructor(entries: Iterable<readonly [Term, Term]> = []) {
    this.#m = new Map();
    for (const [k, v] of entries) {
      if (this.#m !== null) {
        this.#m.set(mapKey(k), [k, v]);
        if (this.#m.size > SMALL) this.#toTrie();
      } else this.#assoc(k, v);
    }
    this.#size = this.#m !== null ? this.#m.size : this.#size;
  }
  #toTrie(): void {
    const m = this.#m!;
    this.#m = null;
    this.#root = { bitmap: 0, items: [] };
    this.#size = 0;
    for (const [k, v] of m.values()) this.#assoc(k, v);
  }
  // Puts a key into this (a map under construction) in place of its trie.
  #assoc(key: Term, value: Term): void {
    const k = mapKey(key);
    const added = { v: false };
    this.#root = assoc(this.#root!, 0, { k, h: hashKey(k), key, value }, added);
    if (added.v) this.#size++;
  }
  /** The number of keys. */
  get size(): number {
    return this.#size;
  }
  /** The value under `key`, or `undefined`. */
  get(key: Term): Term | undefined {
    const k = mapKey(key);
    if (this.#m !== null) return this.#m.get(k)?.[1];
    return findIn(this.#root!, { k, h: hashKey(k) })?.value;
  }
  /** Whether the map holds `key`. */
  has(key: Term): boolean {
    const k = mapKey(key);
    if (this.#m !== null) return this.#m.has(k);
    return findIn(this.#root!, { k, h: hashKey(k) }) !== undefined;
  }
  /** A new map with `key` set to `value`. */
  put(key: Term, value: Term): TermMap {
    const n = new TermMap();
    if (this.#m !== null) {
      const m = new Map(this.#m);
      m.set(mapKey(key), [key, value]);
      n.#m = m;
      n.#size = m.size;
      if (m.size > SMALL) n.#toTrie();
      return n;
    }
    const k = mapKey(key);
    const added = { v: false };
    n.#m = null;
    n.#root = assoc(this.#root!, 0, { k, h: hashKey(k), key, value }, added);
    n.#size = this.#size + (added.v ? 1 : 0);
    return n;
  }
  /** A new map without `key`. */
  remove(key: Term): TermMap {
    const k = mapKey(key);
    const n = new TermMap();
    if (this.#m !== null) {
      const m = new Map(this.#m);
      m.delete(k);
      n.#m = m;
      n.#size = m.size;
      return n;
    }
    const root = dissoc(this.#root!, 0, k, hashKey(k));
    if (root === this.#root) return this;
    n.#m = null;
    n.#root = root === null
      ? { bitmap: 0, items: [] }
      : isBranch(root)
      ? root
      : { bitmap: 0, items: [] };
    if (root !== null && !isBranch(root)) {
      // The trie shrank to one entry or bucket: it goes back into a branch of its own.
      const h = isEntry(root) ? root.h : root.h;
      n.#root = { bitmap: 1 << (h & 31), items: [root] };
    }
    n.#size = this.#size - 1;
    return n;
  }
  /** The entries: a small map's in the order they were put, a large one's in its trie's. */
  entries(): [Term, Term][] {
    if (this.#m !== null) return [...this.#m.values()];
    const out: [Term, Term][] = [];
    collect(this.#root!, out);
    return out;
  }
}

/** Whether `t` is an atom. */
export function isAtom(t: unknown): t is Atom {
  return typeof t === "string" || typeof t === "boolean";
}

/** Whether `t` is an integer term. */
export function isInteger(t: unknown): t is Integer {
  return (typeof t === "number" && Number.isSafeInteger(t)) || typeof t === "bigint";
}

/** Whether `t` is a number term (integer or float). */
export function isNumber(t: unknown): t is Integer | Float {
  return isInteger(t) || t instanceof Float;
}

/** Whether `t` is a tuple. */
export function isTuple(t: unknown): t is Tuple {
  return Array.isArray(t);
}

/** Whether `t` is a list (empty or a cons cell; improper lists included). */
export function isList(t: unknown): t is List {
  return t === null || t instanceof Cons;
}

/** Whether `t` is a fun. */
export function isFun(t: unknown): t is Fun {
  return typeof t === "function";
}

/** Normalises an integer: a bigint within the safe range becomes a number. */
export function normInt(n: bigint): Integer {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

// The elements most messages are made of, checked without a call.
function isPlain(e: unknown): boolean {
  const t = typeof e;
  return t === "string" || (t === "number" && Number.isSafeInteger(e)) || t === "boolean" ||
    e === null || e instanceof Pid;
}

/**
 * Whether `t` is certainly a term, checked quickly for the shapes most messages have; `false`
 * only means "look closer" with {@linkcode whyNotTerm}. The elements of a tuple are tested in
 * the loop itself, since a call per element costs more than the test.
 */
export function quickTerm(t: unknown): boolean {
  if (Array.isArray(t)) {
    for (let i = 0; i < t.length; i++) {
      const e: unknown = t[i];
      if (
        typeof e === "string" || (typeof e === "number" && Number.isSafeInteger(e)) ||
        e instanceof Pid || typeof e === "boolean" || e === null || e instanceof Uint8Array
      ) continue;
      return false;
    }
    return true;
  }
  return typeof t === "string" || (typeof t === "number" && Number.isSafeInteger(t)) ||
    t instanceof Pid;
}

/**
 * Why `t` is not a term, or `undefined` if it is one. Checks the whole structure, so that a
 * value that cannot be sent is refused where it is sent rather than where it is read.
 */
export function whyNotTerm(t: unknown): string | undefined {
  return quickTerm(t) ? undefined : whyNotDeepTerm(t, 0);
}

// An explicit stack rather than recursion: a term may nest 10,000 deep, deeper than the
// JavaScript stack can follow. Values are checked in the order they appear.
function whyNotDeepTerm(t: unknown, depth: number): string | undefined {
  const stack: unknown[] = [t];
  const depths: number[] = [depth];
  while (stack.length > 0) {
    const x = stack.pop();
    const d = depths.pop() as number;
    if (d > 10000) return "it is nested too deeply";
    switch (typeof x) {
      case "string":
      case "boolean":
      case "bigint":
      case "function":
        continue;
      case "number":
        if (Number.isSafeInteger(x)) continue;
        return Number.isInteger(x)
          ? `the number ${x} is beyond 2^53: use a bigint`
          : `the number ${x} is not an integer: use float(${x}) for a float`;
      case "undefined":
        return "undefined is not a term";
      case "symbol":
        return `the symbol ${String(x)} is not a term`;
    }
    if (x === null || x instanceof Pid) continue;
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) {
        const e: unknown = x[i];
        if (isPlain(e)) continue;
        stack.push(e);
        depths.push(d + 1);
      }
      continue;
    }
    if (x instanceof Cons) {
      const start = stack.length;
      let c: unknown = x;
      for (; c instanceof Cons; c = c.tl) if (!isPlain(c.hd)) stack.push(c.hd);
      stack.push(c);
      for (let i = start, j = stack.length - 1; i < j; i++, j--) {
        const e = stack[i];
        stack[i] = stack[j];
        stack[j] = e;
      }
      for (let i = start; i < stack.length; i++) depths.push(d + 1);
      continue;
    }
    if (
      x instanceof Float || x instanceof Uint8Array || x instanceof Ref || x instanceof Port ||
      x instanceof BitString
    ) continue;
    if (x instanceof TermMap) {
      const entries = x.entries();
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i] as [Term, Term];
        stack.push(v, k);
        depths.push(d + 1, d + 1);
      }
      continue;
    }
    const name = (x as object).constructor?.name ?? "Object";
    return `a ${name} object is not a term`;
  }
  return undefined;
}
