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

/**
 * A map term. Immutable: {@linkcode TermMap.put} and {@linkcode TermMap.remove} return a new map.
 * Keys match exactly (`1` and `1.0` are different keys), as in Erlang.
 */
export class TermMap {
  readonly #m: Map<unknown, [Term, Term]>;
  constructor(entries: Iterable<readonly [Term, Term]> = []) {
    this.#m = new Map();
    for (const [k, v] of entries) this.#m.set(mapKey(k), [k, v]);
  }
  /** The number of keys. */
  get size(): number {
    return this.#m.size;
  }
  /** The value under `key`, or `undefined`. */
  get(key: Term): Term | undefined {
    return this.#m.get(mapKey(key))?.[1];
  }
  /** Whether the map holds `key`. */
  has(key: Term): boolean {
    return this.#m.has(mapKey(key));
  }
  /** A new map with `key` set to `value`. */
  put(key: Term, value: Term): TermMap {
    const n = new TermMap();
    for (const [k, e] of this.#m) n.#m.set(k, e);
    n.#m.set(mapKey(key), [key, value]);
    return n;
  }
  /** A new map without `key`. */
  remove(key: Term): TermMap {
    const n = new TermMap();
    for (const [k, e] of this.#m) n.#m.set(k, e);
    n.#m.delete(mapKey(key));
    return n;
  }
  /** The entries in insertion order. */
  entries(): [Term, Term][] {
    return [...this.#m.values()];
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
