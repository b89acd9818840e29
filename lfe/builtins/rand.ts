/**
 * The module `rand` as OTP 25 has it: the generators `exsss` (the default), `exro928ss`,
 * `exrop`, `exs1024s`, `exsp`, and the old `exs64`, `exsplus`, `exs1024`, with their seeds
 * (an integer, a list, or a triple), so that the same seed gives the same numbers as on BEAM;
 * a state `{AlgHandler, AlgState}` whose handler is the map of funs OTP's is (`next`, `uniform`,
 * `uniform_n`, `jump`), so that a state from elsewhere, a plug-in's included, is run through its
 * own funs; the process dictionary's state under `rand_seed`; `uniform_real`, `bytes`, `jump`,
 * the ziggurat `normal`, and the utilities (`splitmix64_next`, `mwc59`, `exsp_next`, ...).
 *
 * Words are bigints here: the generators' 58 and 64 bit words do not fit a double.
 *
 * @module
 */

import { get, LazyTerm, node, peekLazy, put, putLazy, self } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import {
  arrayToList,
  Cons,
  Float,
  type Fun,
  type Integer,
  nameFun,
  normInt,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { NORMAL_F, NORMAL_K, NORMAL_W } from "./_rand_tables.ts";
import { phash2 } from "./_phash2.ts";
import { systemTime, uniqueInteger } from "./_erlang_time.ts";
import { putCharsTo } from "./io.ts";
import { withModuleInfo } from "./_module_info.ts";
import { functionClause, properArray } from "./_util.ts";

const M58 = (1n << 58n) - 1n;
const M64 = (1n << 64n) - 1n;
const TWO_POW_MINUS53 = 1.11022302462515657e-16;

const mask = (bits: bigint, x: bigint) => x & ((1n << bits) - 1n);
const bsl = (bits: bigint, x: bigint, n: bigint) => mask(bits - n, x) << n;
const rotl = (bits: bigint, x: bigint, n: bigint) => bsl(bits, x, n) | (x >> (bits - n));

function big(t: Term): bigint {
  if (typeof t === "number") return BigInt(t);
  if (typeof t === "bigint") return t;
  return raiseError("badarith");
}

const int = (b: bigint): Integer => normInt(b);

function float(x: number): Float {
  return new Float(x);
}

// ---- generators: the state transitions ----

function splitmix64Next(x0: bigint): [bigint, bigint] {
  const x = M64 & (x0 + 0x9e3779b97f4a7c15n);
  const z0 = M64 & ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n);
  const z1 = M64 & ((z0 ^ (z0 >> 27n)) * 0x94d049bb133111ebn);
  return [M64 & (z1 ^ (z1 >> 31n)), x];
}

function seed58One(x0: bigint): [bigint, bigint] {
  for (;;) {
    const [z0, x] = splitmix64Next(x0);
    const z = mask(58n, z0);
    if (z !== 0n) return [z, x];
    x0 = x;
  }
}

function seed58(n: number, x: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const [z, nx] = seed58One(x);
    out.push(z);
    x = nx;
  }
  return out;
}

function seed64(n: number, x: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    for (;;) {
      const [z, nx] = splitmix64Next(x);
      x = nx;
      if (z !== 0n) {
        out.push(z);
        break;
      }
    }
  }
  return out;
}

/** A seed list masked to `m` bits and filled with zeros to `n` words; not all zero. */
function seedNz(n: number, ss: Term, m: bigint): bigint[] {
  const out: bigint[] = [];
  let nz = false;
  let c = ss;
  for (;;) {
    if (c === null && !nz) return raiseError("zero_seed");
    if (n === 0) {
      if (c instanceof Cons) return raiseError("too_many_seed_integers");
      if (c === null) return out;
      return functionClause();
    }
    if (c === null) {
      out.push(0n);
      n--;
      continue;
    }
    if (!(c instanceof Cons)) return functionClause();
    const s = c.hd;
    if (typeof s !== "number" && typeof s !== "bigint") return raiseError("non_integer_seed");
    const r = mask(m, BigInt(s));
    out.push(r);
    nz ||= r !== 0n;
    n--;
    c = c.tl;
  }
}

function pair(a: bigint, b: bigint): Cons {
  return new Cons(int(a), int(b));
}

function words(s: Term): [bigint, bigint] {
  if (!(s instanceof Cons)) return functionClause();
  return [big(s.hd), big(s.tl)];
}

function exsNext(s0: bigint, s1: bigint): bigint {
  const s1b = mask(58n, s1) ^ bsl(58n, s1, 24n);
  return s1b ^ s0 ^ (s1b >> 11n) ^ (s0 >> 41n);
}

function starstar(s: bigint): bigint {
  const va = s + bsl(58n, s, 2n);
  const vb = bsl(58n, va, 7n) | mask(7n, va >> 51n);
  return mask(58n, vb + bsl(58n, vb, 3n));
}

function exspNext(state: Term): [bigint, Cons] {
  const [s1, s0] = words(state);
  const s01 = mask(58n, s0);
  const ns1 = exsNext(s01, s1);
  return [mask(58n, s01 + ns1), pair(s01, ns1)];
}

function exsssNext(state: Term): [bigint, Cons] {
  const [s1, s0] = words(state);
  const s01 = mask(58n, s0);
  const ns1 = exsNext(s01, s1);
  return [starstar(s01), pair(s01, ns1)];
}

function exs64Next(r: bigint): [bigint, bigint] {
  const r1 = r ^ (r >> 12n);
  const r2 = r1 ^ bsl(64n, r1, 25n);
  const r3 = r2 ^ (r2 >> 27n);
  return [mask(64n, r3 * 2685821657736338717n), r3];
}

function exsplusSeed(seed: Term): Term {
  if (seed === null || seed instanceof Cons) {
    const [a, b] = seedNz(2, seed, 58n);
    return pair(a!, b!);
  }
  if (typeof seed === "number" || typeof seed === "bigint") {
    const [a, b] = seed58(2, BigInt(seed));
    return pair(a!, b!);
  }
  const [a1, a2, a3] = triple(seed);
  const [, r1] = exspNext(pair(mask(58n, a1 * 4294967197n + 1n), mask(58n, a2 * 4294967231n + 1n)));
  const [, r2] = exspNext(pair(mask(58n, a3 * 4294967279n + 1n), big(r1.tl)));
  return r2;
}

function exsssSeed(seed: Term): Term {
  if (
    seed === null || seed instanceof Cons || typeof seed === "number" || typeof seed === "bigint"
  ) {
    return exsplusSeed(seed);
  }
  const [a1, a2, a3] = triple(seed);
  const [, x0] = seed58One(a1);
  const [s0, x1] = seed58One(a2 ^ x0);
  const [s1] = seed58One(a3 ^ x1);
  return pair(s0, s1);
}

function triple(seed: Term): [bigint, bigint, bigint] {
  if (!Array.isArray(seed) || seed.length !== 3) return functionClause();
  return [big(seed[0]!), big(seed[1]!), big(seed[2]!)];
}

const JUMP1 = 0x02f8ea6bc32c797n, JUMP2 = 0x345d2a0f85f788cn;

function exspJump(s: Term): Term {
  let as0 = 0n, as1 = 0n;
  for (const j0 of [JUMP1, JUMP2]) {
    let j = j0;
    for (let n = 0; n < 58; n++) {
      const [, ns] = exspNext(s);
      if ((j & 1n) === 1n) {
        const [s0, s1] = words(s);
        as0 ^= s0;
        as1 ^= s1;
      }
      s = ns;
      j >>= 1n;
    }
  }
  return pair(as0, as1);
}

// exs1024: {[Word], [Word]}, the ring as a forward list and a reversed one.

function ring(state: Term): [bigint[], bigint[]] {
  if (!Array.isArray(state) || state.length !== 2) return functionClause();
  const l = properArray(state[0]!), rl = properArray(state[1]!);
  if (l === undefined || rl === undefined || l.length === 0) return functionClause();
  return [l.map(big), rl.map(big)];
}

const ringTerm = (l: bigint[], rl: bigint[]): Term => [
  arrayToList(l.map(int)),
  arrayToList(rl.map(int)),
];

function exs1024Step(l: bigint[], rl: bigint[]): [bigint, bigint[], bigint[]] {
  if (l.length === 1) {
    l = [l[0]!, ...[...rl].reverse()];
    rl = [];
  }
  const [s0, s1] = [l[0]!, l[1]!];
  const s11 = s1 ^ bsl(64n, s1, 31n);
  const s12 = s11 ^ (s11 >> 11n);
  const s01 = s0 ^ (s0 >> 30n);
  const ns1 = s01 ^ s12;
  return [mask(64n, ns1 * 1181783497276652981n), [ns1, ...l.slice(2)], [s0, ...rl]];
}

function exs1024Next(state: Term): [bigint, Term] {
  const [l, rl] = ring(state);
  const [x, nl, nrl] = exs1024Step(l, rl);
  return [x, ringTerm(nl, nrl)];
}

function exs1024Seed(seed: Term): Term {
  if (seed === null || seed instanceof Cons) return ringTerm(seedNz(16, seed, 64n), []);
  if (typeof seed === "number" || typeof seed === "bigint") {
    return ringTerm(seed64(16, BigInt(seed)), []);
  }
  const [a1, a2, a3] = triple(seed);
  const b1 = mask(21n, (mask(21n, a1) + 1n) * 2097131n);
  const b2 = mask(21n, (mask(21n, a2) + 1n) * 2097133n);
  const b3 = mask(21n, (mask(21n, a3) + 1n) * 2097143n);
  let r = (b1 << 43n) | (b2 << 22n) | (b3 << 1n) | 1n;
  const out: bigint[] = [];
  for (let i = 0; i < 16; i++) {
    const [x, r2] = exs64Next(r);
    out.unshift(x);
    r = r2;
  }
  return ringTerm(out, []);
}

const JUMP1024_HEAD = 0x00242f96eca9c41dn;
const JUMP1024_TAIL = [
  0x0196e1ddbe5a1561n,
  0x0239f070b5837a3cn,
  0x03f393cc68796cd2n,
  0x0248316f404489afn,
  0x039a30088bffbac2n,
  0x02fea70dc2d9891fn,
  0x032ae0d9644caec4n,
  0x0313aac17d8efa43n,
  0x02f132e055642626n,
  0x01ee975283d71c93n,
  0x00552321b06f5501n,
  0x00c41d10a1e6a569n,
  0x019158ecf8aa1e44n,
  0x004e9fc949d0b5fcn,
  0x0363da172811fddan,
  0x030e38c3b99181f2n,
  0x0000000a118038fcn,
];

function exs1024Jump(state: Term): Term {
  let [l, rl] = ring(state);
  const p = rl.length;
  let as = new Array<bigint>(16).fill(0n);
  const js = [...JUMP1024_TAIL];
  let j = JUMP1024_HEAD, n = 58;
  for (let tn = 1024; tn > 0;) {
    if (n === 0) {
      j = js.shift()!;
      n = 58;
      continue;
    }
    const [, nl, nrl] = exs1024Step(l, rl);
    if ((j & 1n) === 1n) {
      const cur = [...l, ...[...rl].reverse()];
      as = as.map((x, i) => x ^ cur[i]!);
    }
    [l, rl] = [nl, nrl];
    j >>= 1n;
    n--;
    tn--;
  }
  return ringTerm(as.slice(0, 16 - p), as.slice(16 - p).reverse());
}

// exro928ss: {[Word], [Word]} as well, 16 words of 58 bits.

function exro928Seed(seed: Term): Term {
  if (seed === null || seed instanceof Cons) return ringTerm(seedNz(16, seed, 58n), []);
  if (typeof seed === "number" || typeof seed === "bigint") {
    return ringTerm(seed58(16, BigInt(seed)), []);
  }
  const [a1, a2, a3] = triple(seed);
  const [s0, x0] = seed58One(a1);
  const [s1, x1] = seed58One(a2 ^ x0);
  const [s2, x2] = seed58One(a3 ^ x1);
  return ringTerm([s0, s1, s2, ...seed58(13, x2)], []);
}

function exro928State(
  ss: bigint[],
  rs: bigint[],
  s15: bigint,
  s0: bigint,
): [bigint[], bigint[]] {
  const s01 = mask(58n, s0);
  const q = mask(58n, s15) ^ s01;
  const ns15 = rotl(58n, s01, 44n) ^ q ^ bsl(58n, q, 9n);
  const ns0 = rotl(58n, q, 45n);
  return [[ns0, ...ss], [ns15, ...rs]];
}

function exro928Words(state: Term): [bigint, bigint, bigint[], bigint[]] {
  let [l, rl] = ring(state);
  if (l.length === 1) {
    l = [l[0]!, ...[...rl].reverse()];
    rl = [];
  }
  if (l.length < 2) return functionClause();
  return [l[0]!, l[1]!, l.slice(2), rl];
}

function exro928ssNext(state: Term): [bigint, Term] {
  const [s15, s0, ss, rs] = exro928Words(state);
  const [nss, nrs] = exro928State(ss, rs, s15, s0);
  return [starstar(s0), ringTerm(nss, nrs)];
}

function exro928NextState(state: Term): Term {
  const [s15, s0, ss, rs] = exro928Words(state);
  const [nss, nrs] = exro928State(ss, rs, s15, s0);
  return ringTerm(nss, nrs);
}

const JUMP928_512 = [
  0x4085302F77130CAn,
  0x54E07F7F4524091n,
  0x5E1D7D6813D2BA0n,
  0x4687ACEF8644287n,
  0x4567FD9F0B83FE5n,
  0x43E6D27EA06C024n,
  0x641E015AC26D5D2n,
  0x6CD61377663B92Fn,
  0x70A0657E19F00D4n,
  0x43C0BDDE15CF3C3n,
  0x745A3A8A3CEF3CCn,
  0x58A8CF308C8E0C6n,
  0x7B7C4CC049C536En,
  0x431801F9DB3AF2Cn,
  0x41A1504ACD83F24n,
  0x6C41DCF2F867D7Fn,
];
const JUMP928_20 = [
  0x5B966A3DAF905E6n,
  0x601E9589C33DE2Fn,
  0x74A806C17E9E644n,
  0x59AFEB4F1DF6A43n,
  0x46D8E75664A4268n,
  0x42E2C246BDA670Cn,
  0x4531FB8EBC73C70n,
  0x537F702069EFC52n,
  0x4B6DC4D3AF15F8An,
  0x5A4189F0050263Dn,
  0x46DF2EB1FEAF0FBn,
  0x77AC696A43CB9ACn,
  0x4C5878C3549BD5Bn,
  0x7CCF20BCF522920n,
  0x415FEFCC78FF45En,
  0x72CF460728C2FAFn,
];

/** A polynomial jump: for each bit of the words (below each word's top bit), low first. */
function polyjump(state: Term, consts: bigint[]): Term {
  let [l, rl] = ring(state);
  let ts = new Array<bigint>(l.length + rl.length).fill(0n);
  for (let j of consts) {
    while (j !== 1n) {
      const cur = [...l, ...[...rl].reverse()];
      const next = ring(exro928NextState(ringTerm(l, rl)));
      if ((j & 1n) === 1n) ts = ts.map((t, i) => t ^ cur[i]!);
      [l, rl] = next;
      j >>= 1n;
    }
  }
  return ringTerm(ts, []);
}

// exrop: [S0|S1], Xoroshiro116+.

function exropNextS(s0: bigint, s1: bigint): [bigint, bigint] {
  const s1a = s1 ^ s0;
  return [rotl(58n, s0, 24n) ^ s1a ^ bsl(58n, s1a, 2n), rotl(58n, s1a, 35n)];
}

function exropNext(state: Term): [bigint, Cons] {
  const [s0, s1] = words(state);
  const [a, b] = exropNextS(s0, s1);
  return [mask(58n, s0 + s1), pair(a, b)];
}

function exropSeed(seed: Term): Term {
  if (
    seed === null || seed instanceof Cons || typeof seed === "number" || typeof seed === "bigint"
  ) {
    return exsplusSeed(seed);
  }
  const [a1, a2, a3] = triple(seed);
  const [, s1] = exropNextS(mask(58n, a1 * 4294967197n + 1n), mask(58n, a2 * 4294967231n + 1n));
  const [a, b] = exropNextS(mask(58n, a3 * 4294967279n + 1n), s1);
  return pair(a, b);
}

const EXROP_JUMP = 0x9863200f83fcd4a11293241fcb12an;

function exropJump(state: Term): Term {
  let [c0, c1] = words(state);
  let a0 = 0n, a1 = 0n;
  const js = [(1n << 58n) | mask(58n, EXROP_JUMP), EXROP_JUMP >> 58n];
  let j = js.shift()!;
  for (;;) {
    if (j === 0n && js.length === 0) return pair(a0, a1);
    if (j === 1n && js.length > 0) {
      j = js.shift()!;
      continue;
    }
    if ((j & 1n) === 1n) {
      a0 ^= c0;
      a1 ^= c1;
    }
    [c0, c1] = exropNextS(c0, c1);
    j >>= 1n;
  }
}

// dummy: the framework's overhead, a word flipped.

function dummySeed(seed: Term): Term {
  if (seed === null || seed instanceof Cons) {
    if (seed === null) return raiseError("zero_seed");
    const x = seed.hd;
    if (typeof x !== "number" && typeof x !== "bigint") return raiseError("non_integer_seed");
    if (seed.tl !== null) return raiseError("too_many_seed_integers");
    return int(mask(58n, BigInt(x)));
  }
  if (typeof seed === "number" || typeof seed === "bigint") {
    return int(mask(58n, splitmix64Next(BigInt(seed))[0]));
  }
  const [a1, a2, a3] = triple(seed);
  const [, x1] = splitmix64Next(a1);
  const [, x2] = splitmix64Next(a2 ^ x1);
  return int(mask(58n, splitmix64Next(a3 ^ x2)[0]));
}

// ---- algorithm handlers ----

type Next = (s: Term) => [bigint, Term];

interface Alg {
  handler: TermMap;
  seed: (s: Term) => Term;
  next: Next;
  /** Bits of each word, for the generators that say `bits`. */
  bits: number | undefined;
  /** The largest word, for the old generators that say `max`. */
  max: bigint | undefined;
  /** Whether its `uniform` and `uniform_n` draw from `next` (all but the dummy). */
  drawn: boolean;
}

const ALGS = new Map<string, Alg>();
const HANDLERS = new Map<TermMap, Alg>();
let funIndex = 0;

function localFun<F extends Fun>(f: F, arity: number): F {
  return nameFun(f, {
    module: "rand",
    name: `-mk_alg/1-fun-${funIndex}-`,
    arity,
    index: funIndex++,
  });
}

function defineAlg(
  type: string,
  fields: {
    bits?: number;
    weak?: number;
    max?: bigint;
    uniform?: boolean;
    jump?: (s: Term) => Term;
  },
  next: Next,
  seed: (s: Term) => Term,
): void {
  const alg: Alg = {
    handler: new TermMap(),
    seed,
    next,
    bits: fields.bits,
    max: fields.max,
    drawn: type !== "dummy",
  };
  const entries: [Term, Term][] = [["type", type]];
  if (fields.bits !== undefined) entries.push(["bits", fields.bits]);
  if (fields.weak !== undefined) entries.push(["weak_low_bits", fields.weak]);
  if (fields.max !== undefined) entries.push(["max", int(fields.max)]);
  entries.push([
    "next",
    localFun((s: Term) => {
      const [v, ns] = next(s);
      return [int(v), ns];
    }, 1),
  ]);
  if (fields.uniform) {
    entries.push(["uniform", localFun((st: Term) => builtinUniform(alg, st), 1)]);
    entries.push(["uniform_n", localFun((n: Term, st: Term) => builtinUniformN(alg, n, st), 2)]);
  }
  const jump = fields.jump;
  if (jump !== undefined) {
    entries.push([
      "jump",
      localFun((st: Term) => {
        const [h, s] = stateParts(st);
        return [h, jump(s)];
      }, 1),
    ]);
  }
  alg.handler = new TermMap(entries);
  ALGS.set(type, alg);
  HANDLERS.set(alg.handler, alg);
}

function stateParts(st: Term): [TermMap, Term] {
  if (!Array.isArray(st) || st.length !== 2 || !(st[0] instanceof TermMap)) return functionClause();
  return [st[0], st[1]!];
}

function builtinUniform(alg: Alg, st: Term): Term {
  const [h, s] = stateParts(st);
  const [v, ns] = alg.next(s);
  return [float(Number(v >> 5n) * TWO_POW_MINUS53), [h, ns]];
}

function builtinUniformN(alg: Alg, n: Term, st: Term): Term {
  const [h, s] = stateParts(st);
  if ((typeof n !== "number" && typeof n !== "bigint") || n < 1) return functionClause();
  return rangeDraw(BigInt(n), h, alg.next, 58, s);
}

/** `?uniform_range`: a word of `bits` bits drawn until it falls in the whole ranges. */
function rangeDraw(range: bigint, h: TermMap, next: Next, bits: number, s: Term): Term {
  const maxMinusRange = (1n << BigInt(bits)) - range;
  for (;;) {
    const [v, ns] = next(s);
    if (maxMinusRange < 0n) return uniformLarge(range, h, ns, v);
    if (v < range) return [int(v + 1n), [h, ns]];
    const i = v % range;
    if (v - i <= maxMinusRange) return [int(i + 1n), [h, ns]];
    s = ns;
  }
}

defineAlg("exs64", { max: M64 }, (s) => {
  const [v, ns] = exs64Next(big(s));
  return [v, int(ns)];
}, (seed) => {
  if (seed === null || seed instanceof Cons) return int(seedNz(1, seed, 64n)[0]!);
  if (typeof seed === "number" || typeof seed === "bigint") return int(seed64(1, BigInt(seed))[0]!);
  const [a1, a2, a3] = triple(seed);
  const [v1] = exs64Next(mask(32n, a1) * 4294967197n + 1n);
  const [v2] = exs64Next(mask(32n, a2) * 4294967231n + 1n);
  const [v3] = exs64Next(mask(32n, a3) * 4294967279n + 1n);
  return int((v1 * v2 * v3) % (M64 - 1n) + 1n);
});
defineAlg("exsplus", { max: M58, jump: exspJump }, exspNext, exsplusSeed);
defineAlg("exsp", { bits: 58, weak: 1, uniform: true, jump: exspJump }, exspNext, exsplusSeed);
defineAlg("exsss", { bits: 58, uniform: true, jump: exspJump }, exsssNext, exsssSeed);
defineAlg("exs1024", { max: M64, jump: exs1024Jump }, exs1024Next, exs1024Seed);
defineAlg("exs1024s", { bits: 64, weak: 3, jump: exs1024Jump }, exs1024Next, exs1024Seed);
defineAlg("exrop", { bits: 58, weak: 1, uniform: true, jump: exropJump }, exropNext, exropSeed);
defineAlg(
  "exro928ss",
  { bits: 58, uniform: true, jump: (s) => polyjump(s, JUMP928_512) },
  exro928ssNext,
  exro928Seed,
);
defineAlg("dummy", { bits: 58, uniform: true }, (s) => {
  const r = big(s);
  return [r, int(r ^ M58)];
}, dummySeed);
// The dummy's uniform answers are fixed rather than drawn.
{
  const d = ALGS.get("dummy")!;
  const flip = (st: Term): [TermMap, Term] => {
    const [h, s] = stateParts(st);
    return [h, int(big(s) ^ M58)];
  };
  const entries = d.handler.entries().map(([k, v]): [Term, Term] =>
    k === "uniform"
      ? [k, localFun((st: Term) => [float(0.5), flip(st)], 1)]
      : k === "uniform_n"
      ? [k, localFun((_n: Term, st: Term) => [1, flip(st)], 2)]
      : [k, v]
  );
  HANDLERS.delete(d.handler);
  d.handler = new TermMap(entries);
  HANDLERS.set(d.handler, d);
}

/**
 * The built-in generator a handler map is: this node's own map, or one that came from another
 * scheduler or node with a built-in type and the same fields.
 */
function builtinOf(h: TermMap): Alg | undefined {
  const known = HANDLERS.get(h);
  if (known !== undefined) return known;
  const type = h.get("type");
  const alg = typeof type === "string" ? ALGS.get(type) : undefined;
  if (alg === undefined || alg.handler.size !== h.size) return undefined;
  for (const [k, v] of alg.handler.entries()) {
    const w = h.get(k);
    if (w === undefined || (typeof v !== "function" && w !== v)) return undefined;
  }
  return alg;
}

function mkAlg(alg: Term): Alg {
  const a = typeof alg === "string" ? ALGS.get(alg) : undefined;
  return a ?? functionClause();
}

// ---- a handler's fields, read as OTP reads them ----

interface Handler {
  map: TermMap;
  next: (s: Term) => [bigint, Term];
  bits: number | undefined;
  max: bigint | undefined;
  weak: number;
  builtin?: Alg;
}

function handler(st: Term): [Handler, Term] {
  const [h, s] = stateParts(st);
  const builtin = builtinOf(h);
  if (builtin !== undefined) {
    return [{
      map: h,
      next: builtin.next,
      bits: builtin.bits,
      max: builtin.max,
      weak: Number(h.get("weak_low_bits") ?? 0),
      builtin,
    }, s];
  }
  const nextFun = h.get("next");
  const bits = h.get("bits"), max = h.get("max");
  return [{
    map: h,
    next: (x: Term) => {
      const r = callFun(nextFun, [x]);
      if (!Array.isArray(r) || r.length !== 2) return raiseError(["badmatch", r]);
      return [big(r[0]!), r[1]!];
    },
    bits: typeof bits === "number" ? bits : undefined,
    max: typeof max === "number" || typeof max === "bigint" ? BigInt(max) : undefined,
    weak: Number(h.get("weak_low_bits") ?? 0),
  }, s];
}

function callFun(f: Term | undefined, args: Term[]): Term {
  if (typeof f !== "function") return raiseError(["badfun", f ?? "undefined"]);
  return (f as Fun)(...args) as Term;
}

// ---- the API ----

const SEED_KEY = "rand_seed";

function seedPut(st: Term): Term {
  put(SEED_KEY, st);
  return st;
}

function defaultSeed(): Term {
  return [phash2(arrayToList([[node(), self()]])), systemTime(), uniqueInteger()];
}

function seedGet(): Term {
  const st = get(SEED_KEY);
  return st === "undefined" ? seedPut(seedS2("exsss", defaultSeed())) : st;
}

function seedS1(x: Term): Term {
  if (Array.isArray(x) && x.length === 2) {
    if (x[0] instanceof TermMap) return x;
    if (typeof x[0] === "string") return [mkAlg(x[0]).handler, x[1]!];
  }
  return seedS2(x, defaultSeed());
}

function seedS2(alg: Term, seed: Term): Term {
  const a = mkAlg(alg === "default" ? "exsss" : alg);
  return [a.handler, a.seed(seed)];
}

function uniformS(st: Term): Term {
  const [h, s] = handler(st);
  const u = h.map.get("uniform");
  if (u !== undefined) return h.builtin?.drawn ? builtinUniform(h.builtin, st) : callFun(u, [st]);
  const [v, ns] = h.next(s);
  if (h.bits !== undefined) {
    return [float(Number(v >> BigInt(h.bits - 53)) * TWO_POW_MINUS53), [h.map, ns]];
  }
  if (h.max !== undefined) return [float(Number(v) / Number(h.max + 1n)), [h.map, ns]];
  return functionClause();
}

function uniformSN(n: Term, st: Term): Term {
  const [h, s] = handler(st);
  if ((typeof n !== "number" && typeof n !== "bigint") || n < 1) return functionClause();
  const range = BigInt(n);
  const un = h.map.get("uniform_n");
  if (un !== undefined) {
    return h.builtin?.drawn ? builtinUniformN(h.builtin, n, st) : callFun(un, [n, st]);
  }
  if (h.bits !== undefined) return rangeDraw(range, h.map, h.next, h.bits, s);
  if (h.max !== undefined) {
    const [v, ns] = h.next(s);
    if (range <= h.max) return [int(v % range + 1n), [h.map, ns]];
    const f = Number(v) / Number(h.max + 1n);
    return [int(BigInt(Math.trunc(f * Number(range))) + 1n), [h.map, ns]];
  }
  return functionClause();
}

/** `uniform_range/4`: a range wider than a word, from words shifted together. */
function uniformLarge(range: bigint, h: TermMap, s: Term, v: bigint): Term {
  const alg = builtinOf(h);
  const hd = alg ? { next: alg.next, bits: alg.bits } : (() => {
    const [x] = handler([h, s]);
    return { next: x.next, bits: x.bits };
  })();
  if (hd.bits === undefined) return functionClause();
  const bits = BigInt(hd.bits);
  const weak = BigInt(Number(h.get("weak_low_bits") ?? 0));
  const shift = bits - weak;
  const shiftMask = ~((1n << weak) - 1n);
  const rangeMinus1 = range - 1n;
  for (;;) {
    if ((range & rangeMinus1) === 0n) {
      const [v1, r1] = widen(range >> bits, hd.next, s, v, shiftMask, shift, bits);
      return [int((v1 & rangeMinus1) + 1n), [h, r1]];
    }
    const [v1, r1, b] = widen(range >> (bits - 2n), hd.next, s, v, shiftMask, shift, bits);
    const i = v1 % range;
    if (v1 - i <= (1n << b) - range) return [int(i + 1n), [h, r1]];
    [v, s] = hd.next(r1);
  }
}

function widen(
  range: bigint,
  next: Next,
  s: Term,
  v: bigint,
  shiftMask: bigint,
  shift: bigint,
  b: bigint,
): [bigint, Term, bigint] {
  while (range > 1n) {
    const [v1, r1] = next(s);
    range >>= shift;
    s = r1;
    v = ((v & shiftMask) << shift) | v1;
    b += shift;
  }
  return [v, s, b];
}

/** `?BC(V, N)`: the bit length of V, counted down from N. */
function bc(v: bigint, n: number): number {
  let b = 1n << BigInt(n - 1);
  while (b > v) {
    b >>= 1n;
    n--;
  }
  return n;
}

const BIT = (n: number) => 1n << BigInt(n);

function uniformRealS(st: Term): Term {
  const [h, s0] = handler(st);
  const [v1, r1] = h.next(s0);
  let bits: number, m1: bigint;
  if (h.bits !== undefined) {
    bits = h.bits;
    m1 = v1 >> BigInt(bits - 56);
  } else if (h.max !== undefined) {
    bits = 56;
    m1 = mask(56n, v1);
  } else return functionClause();
  const first = topFloat(m1, 0);
  if (first !== undefined) return [float(first), [h.map, r1]];
  const [v2, r2] = h.next(r1);
  return realMore(h, m1, -56, r2, v2, bits);
}

function nextWord(h: Handler, s: Term): [bigint, Term] {
  const [v, r] = h.next(s);
  return [h.bits !== undefined ? v : mask(56n, v), r];
}

/** A float from the top bits of a 56-bit word, if it has 53 of them. */
function topFloat(m1: bigint, bitNo: number): number | undefined {
  if (BIT(55) <= m1) return Number(m1 >> 3n) * 2 ** (bitNo - 53);
  if (BIT(54) <= m1) return Number(m1 >> 2n) * 2 ** (bitNo - 54);
  if (BIT(53) <= m1) return Number(m1 >> 1n) * 2 ** (bitNo - 55);
  if (BIT(52) <= m1) return Number(m1) * 2 ** (bitNo - 56);
  return undefined;
}

function realMore(h: Handler, m0: bigint, bitNo: number, r1: Term, v1: bigint, bits: number): Term {
  const wordBits = bits;
  for (;;) {
    const done = (x: number): Term => [float(x), [h.map, r1]];
    const fill = (need: number) =>
      done(Number((m0 << BigInt(need)) | (v1 >> BigInt(wordBits - need))) * 2 ** (bitNo - need));
    if (bitNo === -1064) return fill(53 - bc(m0, 52));
    if (BIT(51) <= m0) return fill(1);
    if (BIT(50) <= m0) return fill(2);
    if (BIT(49) <= m0) return fill(3);
    if (m0 !== 0n) return fill(53 - bc(m0, 49));
    const m1 = v1 >> BigInt(wordBits - 56);
    const top = topFloat(m1, bitNo);
    if (top !== undefined) return done(top);
    if (bitNo === -1008 && m1 < BIT(42)) return uniformRealS([h.map, r1]);
    m0 = m1;
    bitNo -= 56;
    [v1, r1] = nextWord(h, r1);
  }
}

function bytesS(n: Term, st: Term): Term {
  const [h, s] = handler(st);
  if (typeof n !== "number" || n < 0) return functionClause();
  let bits: number, weak: number;
  if (h.bits !== undefined) [bits, weak] = [h.bits, h.weak];
  else if (h.max !== undefined && M58 <= h.max) [bits, weak] = [58, 2];
  else return functionClause();
  const goodBytes = (bits - weak) >> 3;
  const goodBits = goodBytes * 8;
  const shift = BigInt(bits - goodBits);
  const out = new Uint8Array(n);
  let at = 0, r = s;
  const put = (v: bigint, count: number) => {
    for (let i = count - 1; i >= 0; i--) out[at++] = Number((v >> BigInt(8 * i)) & 0xffn);
  };
  let left = n;
  while (goodBytes < left) {
    const [v, r1] = h.next(r);
    put(v >> shift, goodBytes);
    r = r1;
    left -= goodBytes;
  }
  const [v, r1] = h.next(r);
  put(v >> BigInt(goodBits - left * 8), left);
  return [out, [h.map, r1]];
}

function jumpS(st: Term): Term {
  const [h] = stateParts(st);
  const j = h.get("jump");
  if (j === undefined) return raiseError("not_implemented");
  return callFun(j, [st]);
}

const NOR_R = 3.6541528853610087963519472518;

function normalS(st: Term): Term {
  for (;;) {
    const [h, s0] = handler(st);
    const [int52, s1] = h.next(s0);
    let sign: bigint, r: bigint;
    if (h.bits !== undefined) {
      sign = BIT(h.bits - 51 - 1) & int52;
      r = int52 >> BigInt(h.bits - 51);
    } else {
      sign = BIT(51) & int52;
      r = mask(51n, int52);
    }
    st = [h.map, s1];
    const idx = Number(r & 255n);
    const rn = Number(r);
    const x0 = rn * NORMAL_W[idx]!;
    if (rn < NORMAL_K[idx]!) return [float(sign === 0n ? x0 : -x0), st];
    const [x, st1] = normalSlow(idx, sign === 0n, sign === 0n ? x0 : -x0, st);
    if (x !== undefined) return [x, st1];
    st = st1;
  }
}

/**
 * The ziggurat's slow path for a draw that fell outside its layer's box: the tail beyond r for
 * the base layer, else the wedge under the density. No value means a fresh draw is needed.
 */
function normalSlow(idx: number, positive: boolean, x: number, st: Term): [Term | undefined, Term] {
  if (idx === 0) {
    for (;;) {
      const [u0, st1] = uniformS(st) as [Float, Term];
      const xt = (-1 / NOR_R) * logOf(u0.value);
      const [u1, st2] = uniformS(st1) as [Float, Term];
      const y = -logOf(u1.value);
      st = st2;
      if (y + y > xt * xt) return [float(positive ? NOR_R + xt : -NOR_R - xt), st];
    }
  }
  const fi2 = NORMAL_F[idx]!;
  const [u0, st1] = uniformS(st) as [Float, Term];
  if ((NORMAL_F[idx - 1]! - fi2) * u0.value + fi2 < Math.exp(-0.5 * x * x)) return [float(x), st1];
  return [undefined, st1];
}

function logOf(x: number): number {
  return x > 0 ? Math.log(x) : raiseError("badarith");
}

function num(t: Term): number {
  if (t instanceof Float) return t.value;
  if (typeof t === "number") return t;
  if (typeof t === "bigint") return Number(t);
  return raiseError("badarith");
}

function normal2(mean: Term, variance: Term, x: number): Term {
  const v = num(variance);
  if (v < 0) return raiseError("badarith");
  const r = num(mean) + Math.sqrt(v) * x;
  return Number.isFinite(r) ? float(r) : raiseError("badarith");
}

// ---- the process dictionary's exsss state, in numbers ----

const W = 536870912; // 2^29: a 58-bit word as two 29-bit halves
const M29 = W - 1;

/**
 * The default generator's state while only `rand` reads it: its two words as 29-bit halves in
 * plain numbers, advanced in place, made into OTP's term (`{Handler, [S1|S0]}`) when anything
 * else reads the process dictionary.
 */
class ExsssState extends LazyTerm {
  /** The last word drawn, as halves. */
  outH = 0;
  outL = 0;
  constructor(
    readonly handler: TermMap,
    public aH: number,
    public aL: number,
    public bH: number,
    public bL: number,
  ) {
    super();
  }
  force(): Term {
    return [this.handler, new Cons(join(this.aH, this.aL), join(this.bH, this.bL))];
  }
  /** One step: the state advanced, the drawn word in `outH`/`outL`. */
  next(): void {
    const { aH, aL, bH, bL } = this;
    // s1 ^= s1 << 24 (within 58 bits)
    const s1L = aL ^ ((aL & 0x1f) << 24);
    const s1H = aH ^ (((aH & 0x1f) << 24) | (aL >>> 5));
    // s1 ^ s0 ^ (s1 >> 11) ^ (s0 >> 41)
    const nL = s1L ^ bL ^ (((s1H & 0x7ff) << 18) | (s1L >>> 11)) ^ (bH >>> 12);
    const nH = s1H ^ bH ^ (s1H >>> 11);
    // ((s0 * 5) rotl 7) * 9, modulo 2^58
    const x5 = bL * 5;
    const vaL = x5 & M29;
    const vaH = (bH * 5 + Math.floor(x5 / W)) & M29;
    const vbL = ((vaL & 0x3fffff) << 7) | (vaH >>> 22);
    const vbH = ((vaH & 0x3fffff) << 7) | (vaL >>> 22);
    const x9 = vbL * 9;
    this.outL = x9 & M29;
    this.outH = (vbH * 9 + Math.floor(x9 / W)) & M29;
    this.aH = bH;
    this.aL = bL;
    this.bH = nH;
    this.bL = nL;
  }
}

function join(h: number, l: number): Integer {
  return h < 16777216 ? h * W + l : normInt(BigInt(h * W) + BigInt(l));
}

function halves(t: Term): [number, number] {
  const b = mask(58n, big(t));
  return [Number(b >> 29n), Number(b & BigInt(M29))];
}

/** The process dictionary's state as numbers, when it is the built-in exsss's. */
function fastState(): ExsssState | undefined {
  const lazy = peekLazy(SEED_KEY);
  if (lazy instanceof ExsssState) return lazy;
  if (lazy !== undefined) return undefined;
  const st = seedGet();
  if (!Array.isArray(st) || st.length !== 2 || !(st[0] instanceof TermMap)) return undefined;
  if (builtinOf(st[0]) !== ALGS.get("exsss")) return undefined;
  const s = st[1];
  if (!(s instanceof Cons)) return undefined;
  const [aH, aL] = halves(s.hd);
  const [bH, bL] = halves(s.tl);
  const fast = new ExsssState(st[0], aH, aL, bH, bL);
  putLazy(SEED_KEY, fast);
  return fast;
}

function fastUniform(f: ExsssState): Float {
  f.next();
  return new Float((f.outH * 16777216 + (f.outL >>> 5)) * TWO_POW_MINUS53);
}

/** A draw in 1..n for n up to 2^26, as `?uniform_range` draws it. */
function fastUniformN(f: ExsssState, n: number): number {
  const p29 = W % n;
  const lmod = (p29 * p29) % n;
  const limL = W - lmod;
  for (;;) {
    f.next();
    const h = f.outH, l = f.outL;
    if (lmod === 0 || h < M29 || l < limL) return (((h % n) * p29 + l) % n) + 1;
  }
}

function fastNormal(f: ExsssState): Term {
  f.next();
  const h = f.outH, l = f.outL;
  const positive = (l & 64) === 0;
  const r = h * 4194304 + (l >>> 7);
  const idx = (l >>> 7) & 255;
  const x0 = r * NORMAL_W[idx]!;
  if (r < NORMAL_K[idx]!) return float(positive ? x0 : -x0);
  const st = f.force();
  let [x, st1] = normalSlow(idx, positive, positive ? x0 : -x0, st);
  if (x === undefined) [x, st1] = normalS(st1) as [Term, Term];
  seedPut(st1);
  return x;
}

// ---- mwc59 ----

/** A mwc59 state: OTP 25 takes any integer, as its arithmetic does. */
const mwc = big;

function hash58(x: bigint): bigint {
  const x0 = mask(58n, x);
  const x1 = mask(58n, (x0 ^ (x0 >> 29n)) * 0x351afd7ed558ccdn);
  const x2 = mask(58n, (x1 ^ (x1 >> 29n)) * 0x0ceb9fe1a85ec53n);
  return x2 ^ (x2 >> 29n);
}

function exportSeed(st: Term): Term {
  const [h, s] = stateParts(st);
  const type = h.get("type");
  if (type === undefined) return functionClause();
  return [type, s];
}

function jumpConst58Lines(text: string): string {
  let j = 0n;
  const ms = [...text.matchAll(/0x([a-zA-Z0-9]+)/g)].map((m) => m[1]!).reverse();
  for (const m of ms) j = (j << 64n) | BigInt("0x" + m);
  let out = "";
  while (j !== 0n) {
    out += `16#${(mask(58n, j) | BIT(58)).toString(16).toUpperCase()},\n`;
    j >>= 58n;
  }
  return out;
}

/** The functions of `rand`, by `name/arity`. */
export const RAND: ModuleFunctions = withModuleInfo("rand", {
  "seed_s/1": seedS1,
  "seed_s/2": seedS2,
  "seed/1": (x: Term) => seedPut(seedS1(x)),
  "seed/2": (alg: Term, seed: Term) => seedPut(seedS2(alg, seed)),
  "export_seed/0": () => {
    const st = get(SEED_KEY);
    if (!Array.isArray(st) || st.length !== 2 || !(st[0] instanceof TermMap)) return "undefined";
    const type = st[0].get("type");
    return type === undefined ? "undefined" : [type, st[1]!];
  },
  "export_seed_s/1": exportSeed,
  "uniform/0": () => {
    const f = fastState();
    if (f !== undefined) return fastUniform(f);
    const [x, st] = uniformS(seedGet()) as [Term, Term];
    seedPut(st);
    return x;
  },
  "uniform/1": (n: Term) => {
    if (typeof n === "number" && n >= 1 && n <= 67108864) {
      const f = fastState();
      if (f !== undefined) return fastUniformN(f, n);
    }
    const [x, st] = uniformSN(n, seedGet()) as [Term, Term];
    seedPut(st);
    return x;
  },
  "uniform_s/1": uniformS,
  "uniform_s/2": uniformSN,
  "uniform_real/0": () => {
    const [x, st] = uniformRealS(seedGet()) as [Term, Term];
    seedPut(st);
    return x;
  },
  "uniform_real_s/1": uniformRealS,
  "bytes/1": (n: Term) => {
    const [x, st] = bytesS(n, seedGet()) as [Term, Term];
    seedPut(st);
    return x;
  },
  "bytes_s/2": bytesS,
  "jump/0": () => seedPut(jumpS(seedGet())),
  "jump/1": jumpS,
  "normal/0": () => {
    const f = fastState();
    if (f !== undefined) return fastNormal(f);
    const [x, st] = normalS(seedGet()) as [Term, Term];
    seedPut(st);
    return x;
  },
  "normal/2": (mean: Term, variance: Term) => {
    const [x, st] = normalS(seedGet()) as [Float, Term];
    seedPut(st);
    return normal2(mean, variance, x.value);
  },
  "normal_s/1": normalS,
  "normal_s/3": (mean: Term, variance: Term, st: Term) => {
    if ((typeof variance === "number" || variance instanceof Float) && num(variance) <= 0) {
      return functionClause();
    }
    const [x, st1] = normalS(st) as [Float, Term];
    return [normal2(mean, variance, x.value), st1];
  },
  "exsp_next/1": (s: Term) => {
    const [v, ns] = exspNext(s);
    return [int(v), ns];
  },
  "exsp_jump/1": exspJump,
  "splitmix64_next/1": (x: Term) => {
    const [z, nx] = splitmix64Next(big(x));
    return [int(z), int(nx)];
  },
  "mwc59/1": (cx: Term) => {
    const v = mwc(cx);
    return int(0x7fa6502n * mask(32n, v) + mask(27n, v >> 32n));
  },
  "mwc59_value32/1": (cx: Term) => {
    const v = mask(32n, mwc(cx));
    return int(v ^ bsl(32n, v, 8n));
  },
  "mwc59_value/1": (cx: Term) => {
    const v = mask(59n, mwc(cx));
    const v2 = v ^ bsl(59n, v, 4n);
    return int(v2 ^ bsl(59n, v2, 27n));
  },
  "mwc59_float/1": (cx: Term) => {
    const v = mask(53n, mwc(cx));
    const v2 = v ^ bsl(53n, v, 4n);
    const v3 = v2 ^ bsl(53n, v2, 27n);
    return float(Number(v3) * TWO_POW_MINUS53);
  },
  "mwc59_seed/0": () => {
    const [a1, a2, a3] = defaultSeed() as Term[];
    return int((hash58(big(a1!)) ^ hash58(big(a2!)) ^ hash58(big(a3!))) + 1n);
  },
  "mwc59_seed/1": (s: Term) => {
    if ((typeof s !== "number" && typeof s !== "bigint") || s < 0 || BigInt(s) > M58) {
      return functionClause();
    }
    return int(hash58(BigInt(s)) + 1n);
  },
  "exro928_jump_2pow512/1": (s: Term) => polyjump(s, JUMP928_512),
  "exro928_jump_2pow20/1": (s: Term) => polyjump(s, JUMP928_20),
  "exro928_seed/1": exro928Seed,
  "exro928_next/1": (s: Term) => {
    const [s15, s0, ss, rs] = exro928Words(s);
    const [nss, nrs] = exro928State(ss, rs, s15, s0);
    return [[int(s15), int(s0)], ringTerm(nss, nrs)];
  },
  "exro928_next_state/1": exro928NextState,
  "format_jumpconst58/1": function* (text: Term) {
    const s = typeof text === "string" ? text : charText(text);
    yield* putCharsTo("standard_io", jumpConst58Lines(s));
    return "ok";
  },
  "seed58/2": (n: Term, x: Term) => {
    if (typeof n !== "number" || n < 0) return functionClause();
    return arrayToList(seed58(n, big(x)).map(int));
  },
  "make_float/3": (s: Term, e: Term, m: Term) => {
    const bits = (mask(1n, big(s)) << 63n) | (mask(11n, big(e)) << 52n) | mask(52n, big(m));
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, bits);
    const f = view.getFloat64(0);
    return Number.isFinite(f) ? float(f) : raiseError(["badmatch", binaryOf(bits)]);
  },
  "float2str/1": (n: Term) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, num(n));
    const bits = view.getBigUint64(0);
    const s = bits >> 63n, e = Number((bits >> 52n) & 0x7ffn), m = mask(52n, bits);
    const text = `${s === 1n ? "-" : "+"}${e === 0 ? "0" : "1"}.${
      m.toString(16).padStart(13, "0")
    }E${e - 0x3ff}`;
    return arrayToList([...text].map((c) => c.codePointAt(0)!));
  },
  "bc64/1": (v: Term) => bc(big(v), 64),
});

function binaryOf(bits: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, bits);
  return out;
}

function charText(t: Term): string {
  const a = properArray(t);
  if (a === undefined) return raiseError("badarg");
  return a.map((c) => typeof c === "number" ? String.fromCodePoint(c) : "").join("");
}
