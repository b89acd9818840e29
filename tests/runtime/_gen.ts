/**
 * A seeded generator of random terms for property-style tests: every kind of term, nested,
 * with the awkward cases weighted up (bigints at the edges of 2^53 and 2^64, `-0.0`, `2.0`,
 * empty and unicode atoms and strings, improper lists, maps with compound keys, bitstrings).
 *
 * @module
 */

import { bitstring } from "../../runtime/bits.ts";
import {
  arrayToList,
  atom,
  BitString,
  charlist,
  Float,
  type Fun,
  nameFun,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

/** Which kinds a generator may produce. */
export interface GenOptions {
  /** Pids, references, ports and funs (funs of ours cannot travel to a real Erlang node). */
  processes?: boolean;
  /** How deep terms nest at most. */
  maxDepth?: number;
}

/** A source of random terms, the same for the same seed. */
export interface Gen {
  /** A random integer in `[0, n)`. */
  int(n: number): number;
  /** A random term. */
  term(): Term;
}

const ATOMS = [
  "ok",
  "",
  "hello world",
  "é",
  "ünïcödé",
  "😀",
  "\u{10000}",
  "\uffff",
  "1",
  "1.5",
  ".",
  "|",
  "a|b",
  "nil",
  "quote",
  "Abc",
  "a'b",
  'a"b',
  "a\\b",
  "a\nb",
  "#a",
  "and",
  "__struct__",
];
const NODES = ["nonode@nohost", "a@host", "b@host", "ünï@host"];
const SPECIAL_FLOATS = [
  0,
  -0,
  2,
  -2,
  0.1,
  0.5,
  1e300,
  -1e300,
  1e20,
  1e-5,
  5e-324,
  1.7976931348623157e308,
  2 ** 53,
  123456.0,
  1000,
];
const SPECIAL_INTS = [
  0,
  1,
  -1,
  255,
  256,
  -256,
  2 ** 31,
  2 ** 32,
  -(2 ** 32),
  2 ** 32 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2n ** 53n,
  -(2n ** 53n),
  2n ** 64n - 1n,
  2n ** 64n,
  -(2n ** 64n),
  -(2n ** 64n) - 1n,
  2n ** 200n + 12345n,
];

const FUNS: Fun[] = [
  nameFun(() => 1, { module: "m", name: "f", arity: 0 }),
  nameFun((x: number) => x, { module: "lists", name: "map", arity: 2 }),
  function anonymous(a: unknown, b: unknown) {
    return [a, b];
  },
];

/** A generator of random terms, seeded so that a failing case can be replayed. */
export function makeGen(seed: number, options: GenOptions = {}): Gen {
  let s = seed >>> 0 || 1;
  // xorshift32: small, fast and good enough to pick cases.
  function next(): number {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  }
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const processes = options.processes ?? true;
  const maxDepth = options.maxDepth ?? 4;

  function integer(): Term {
    switch (int(4)) {
      case 0:
        return pick(SPECIAL_INTS);
      case 1:
        return int(2000) - 1000;
      case 2:
        return (int(2) ? 1 : -1) * Math.floor(next() * Number.MAX_SAFE_INTEGER);
      default: {
        const big = BigInt(int(0x7fffffff)) << BigInt(53 + int(150));
        return int(2) ? big : -big;
      }
    }
  }

  function floatTerm(): Float {
    if (int(2)) return new Float(pick(SPECIAL_FLOATS));
    const view = new DataView(new ArrayBuffer(8));
    for (;;) {
      view.setUint32(0, int(0x100000000));
      view.setUint32(4, int(0x100000000));
      const x = view.getFloat64(0);
      if (Number.isFinite(x)) return new Float(x);
    }
  }

  function codePoint(): number {
    switch (int(6)) {
      case 0:
        return int(32); // control characters
      case 1:
        return 0x80 + int(0x780);
      case 2:
        return 0x10000 + int(0x100000);
      case 3:
        return 0xd800 + int(0x800); // lone surrogates: integers, not characters
      default:
        return 32 + int(95);
    }
  }

  function text(): string {
    let str = "";
    const n = int(8);
    for (let i = 0; i < n; i++) {
      const c = codePoint();
      str += c >= 0xd800 && c <= 0xdfff ? "x" : String.fromCodePoint(c);
    }
    return str;
  }

  function atomTerm(): Term {
    return int(3) ? atom(pick(ATOMS)) : atom(text());
  }

  function stringTerm(): Term {
    if (int(2)) return charlist(text());
    const codes: number[] = [];
    const n = 1 + int(6);
    for (let i = 0; i < n; i++) codes.push(codePoint());
    return arrayToList(codes);
  }

  function binaryTerm(): Uint8Array | BitString {
    if (int(2)) return new TextEncoder().encode(text());
    const bytes = new Uint8Array(int(12));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    // Now and then a bitstring: the first bits of the bytes, not whole bytes.
    if (bytes.length > 0 && int(4) === 0) return bitstring(bytes, bytes.length * 8 - 1 - int(7));
    return bytes;
  }

  function items(depth: number, max: number): Term[] {
    const out: Term[] = [];
    const n = int(max + 1);
    for (let i = 0; i < n; i++) out.push(term(depth + 1));
    return out;
  }

  function mapTerm(depth: number): TermMap {
    const entries: [Term, Term][] = [];
    const n = int(6);
    for (let i = 0; i < n; i++) {
      const key = int(4) === 0
        ? pick<Term>([0, new Float(0), new Float(-0), 1, new Float(1)])
        : term(depth + 1);
      entries.push([key, term(depth + 1)]);
    }
    return new TermMap(entries);
  }

  function processTerm(): Term {
    switch (int(4)) {
      case 0:
        return new Pid(pick(NODES), int(1000), int(300), int(4));
      case 2:
        return new Port(pick(NODES), int(100000), int(4));
      case 1:
        return new Ref(pick(NODES), int(4), [int(0x100000000), int(0x100000000), int(1000)]);
      default:
        return pick(FUNS);
    }
  }

  function term(depth = 0): Term {
    if (processes && int(12) === 0) return processTerm();
    switch (int(depth >= maxDepth ? 7 : 12)) {
      case 0:
        return integer();
      case 1:
        return floatTerm();
      case 2:
        return atomTerm();
      case 3:
        return stringTerm();
      case 4:
        return binaryTerm();
      case 5:
        return null;
      case 6:
        return int(2);
      case 7:
        return items(depth, 4); // a tuple
      case 8:
        return arrayToList(items(depth, 5));
      case 9:
        return arrayToList([term(depth + 1), ...items(depth, 3)], int(2) ? atomTerm() : integer());
      case 10:
        return mapTerm(depth);
      default:
        return [atomTerm(), term(depth + 1)];
    }
  }

  return { int, term: () => term(0) };
}
