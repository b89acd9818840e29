/**
 * The module `erl_eval`: evaluates Erlang's abstract format (as `erl_parse` makes it) with
 * bindings, as OTP 25's does — matches and patterns (binaries included), operators through
 * `erlang`'s BIFs, calls local (to the auto-imported BIFs) and remote, funs (named ones too)
 * that are funs of this node, `case`, `if`, `receive` with `after`, `try` with `of`, `catch`
 * and `after`, `catch`, blocks, maps, binaries and list and binary comprehensions; the
 * bindings API (`new_bindings/0`, `binding/2`, `add_binding/3`, `del_binding/2`,
 * `bindings/1`); what `file:eval/1,2` and `file:script/1,2` run a file's expressions with.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { findFunction, type ModuleFunctions } from "../../runtime/code.ts";
import { caught, ErlangError, raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import {
  arrayToList,
  atomName,
  BitString,
  Cons,
  Float,
  type Fun,
  isAtom,
  nameFun,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import {
  bitsOf,
  bitstring,
  bytesOf,
  concatBits,
  getFloat,
  getInt,
  putFloat,
  putInt,
  sliceBits,
} from "../../runtime/bits.ts";
import { withModuleInfo } from "./_module_info.ts";
import { properArray } from "./_util.ts";
import { isBif } from "./erl_internal.ts";

type Gen<T> = Generator<Yielded, T, unknown>;
type Bindings = Map<string, Term>;

function bif(name: string, arity: number): Fun {
  const f = findFunction("erlang", name, arity);
  if (f === undefined) return raiseError("undef");
  return f as Fun;
}

function* call(f: Fun, args: Term[]): Gen<Term> {
  return yield* resolve(f(...args));
}

/** Runs a generator that never waits (a guard, a pattern's expression) to its value. */
function runSync<T>(g: Gen<T>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    throw new Error("a guard cannot wait");
  }
}

const list = (t: Term): Term[] => properArray(t) ?? [];

// ---- expressions ----

/** Evaluates a body: its value is the last expression's. */
export function* exprs(es: Term[], b: Bindings): Gen<Term> {
  let v: Term = null;
  for (const e of es) v = yield* expr(e, b);
  return v;
}

export function* expr(e: Term, b: Bindings): Gen<Term> {
  const x = e as Term[];
  switch (x[0]) {
    case "integer":
    case "float":
    case "atom":
    case "char":
    case "string":
      return x[2]!;
    case "nil":
      return null;
    case "var": {
      const v = b.get(x[2] as string);
      if (v === undefined) return raiseError(["unbound_var", x[2]!]);
      return v;
    }
    case "cons": {
      const h = yield* expr(x[2]!, b);
      return new Cons(h, yield* expr(x[3]!, b));
    }
    case "tuple": {
      const out: Term[] = [];
      for (const y of list(x[2]!)) out.push(yield* expr(y, b));
      return out;
    }
    case "map":
      return yield* mapExpr(x, b);
    case "bin":
      return yield* binExpr(list(x[2]!), b);
    case "match": {
      const v = yield* expr(x[3]!, b);
      const nb = new Map(b);
      if (!match(x[2]!, v, nb)) return raiseError(["badmatch", v]);
      for (const [k, w] of nb) b.set(k, w);
      return v;
    }
    case "op":
      return yield* opExpr(x, b);
    case "call":
      return yield* callExpr(x, b);
    case "fun":
      return funExpr(x, b);
    case "named_fun":
      return makeFun(list(x[3]!), b, x[2] as string);
    case "case": {
      const v = yield* expr(x[2]!, b);
      return yield* clauses(list(x[3]!), [v], b, () => raiseError(["case_clause", v]));
    }
    case "if":
      for (const c of list(x[2]!)) {
        const cc = c as Term[];
        if (guard(cc[3]!, b)) return yield* exprs(list(cc[4]!), b);
      }
      return raiseError("if_clause");
    case "receive":
      return yield* receiveExpr(x, b);
    case "try":
      return yield* tryExpr(x, b);
    case "catch":
      try {
        return yield* expr(x[2]!, b);
      } catch (err) {
        const c = caught(err);
        if (c.cls === "throw") return c.reason;
        if (c.cls === "exit") return ["EXIT", c.reason];
        return ["EXIT", [c.reason, c.stack ?? null]];
      }
    case "block":
      return yield* exprs(list(x[2]!), b);
    case "lc": {
      const out: Term[] = [];
      yield* comprehension(list(x[3]!), 0, new Map(b), function* (nb) {
        out.push(yield* expr(x[2]!, nb));
      });
      return arrayToList(out);
    }
    case "bc": {
      const out: Term[] = [];
      yield* comprehension(list(x[3]!), 0, new Map(b), function* (nb) {
        out.push(yield* expr(x[2]!, nb));
      });
      return concatBits(
        out.map((
          t,
        ) => (t instanceof Uint8Array || t instanceof BitString ? t : raiseError("badarg"))),
      );
    }
    case "record":
    case "record_index":
    case "record_field":
      return raiseError([
        "undefined_record",
        x[0] === "record_field" ? x[3]! : x[x.length === 5 ? 3 : 2]!,
      ]);
    case "remote":
      return raiseError("illegal_expr");
  }
  return raiseError(["illegal_expr", e]);
}

function* mapExpr(x: Term[], b: Bindings): Gen<Term> {
  let base: TermMap;
  let fields: Term;
  if (x.length === 4) {
    const m = yield* expr(x[2]!, b);
    if (!(m instanceof TermMap)) return raiseError(["badmap", m]);
    base = m;
    fields = x[3]!;
  } else {
    base = new TermMap();
    fields = x[2]!;
  }
  for (const f of list(fields)) {
    const ff = f as Term[];
    const k = yield* expr(ff[2]!, b);
    const v = yield* expr(ff[3]!, b);
    if (ff[0] === "map_field_exact" && !base.has(k)) return raiseError(["badkey", k]);
    base = base.put(k, v);
  }
  return base;
}

function* opExpr(x: Term[], b: Bindings): Gen<Term> {
  const op = x[2] as string;
  if (x.length === 4) {
    const v = yield* expr(x[3]!, b);
    return yield* call(bif(op, 1), [v]);
  }
  if (op === "andalso" || op === "orelse") {
    const l = yield* expr(x[3]!, b);
    if (op === "andalso" ? l === false : l === true) return l;
    if (l !== true && l !== false) return raiseError(["badarg", l]);
    return yield* expr(x[4]!, b);
  }
  const l = yield* expr(x[3]!, b);
  const r = yield* expr(x[4]!, b);
  return yield* call(bif(op, 2), [l, r]);
}

function* callExpr(x: Term[], b: Bindings): Gen<Term> {
  const fe = x[2] as Term[];
  const args: Term[] = [];
  if (fe[0] === "remote") {
    const m = yield* expr(fe[2]!, b);
    const f = yield* expr(fe[3]!, b);
    for (const a of list(x[3]!)) args.push(yield* expr(a, b));
    return yield* call(bif("apply", 3), [m, f, arrayToList(args)]);
  }
  if (fe[0] === "atom") {
    for (const a of list(x[3]!)) args.push(yield* expr(a, b));
    const name = fe[2] as string;
    if (isBif(name, args.length)) {
      return yield* call(bif("apply", 3), ["erlang", name, arrayToList(args)]);
    }
    const e = new ErlangError("error", "undef");
    e.bifFrame = ["erl_eval", name, arrayToList(args), null];
    throw e;
  }
  const f = yield* expr(fe, b);
  for (const a of list(x[3]!)) args.push(yield* expr(a, b));
  return yield* call(bif("apply", 2), [f, arrayToList(args)]);
}

let funCount = 0;

function funExpr(x: Term[], b: Bindings): Term {
  const what = x[2] as Term[];
  if (what[0] === "clauses") return makeFun(list(what[1]!), b, undefined);
  if (what.length === 3) return raiseError(["undef", [["erl_eval", what[1]!, what[2]!]]]);
  const [m, f, a] = [what[1], what[2], what[3]].map((t) => runSync(expr(t!, b)));
  return runSync(call(bif("make_fun", 3), [m!, f!, a!])) as Term;
}

/** A fun of the clauses, closed over the bindings (and its own name, for a named fun). */
function makeFun(cs: Term[], b: Bindings, name: string | undefined): Fun {
  const arity = list((cs[0] as Term[])[2]!).length;
  const captured = new Map(b);
  const self = function* (...args: Term[]): Gen<Term> {
    const nb = new Map(captured);
    if (name !== undefined) nb.set(name, self as unknown as Term);
    return yield* clauses(cs, args, nb, () => raiseError("function_clause"));
  };
  return nameFun(self, {
    module: "erl_eval",
    name: `-expr/6-fun-${funCount}-`,
    arity,
    index: funCount++,
  });
}

/** The first clause whose patterns match `vs` (and guard holds), its body run. */
function* clauses(cs: Term[], vs: Term[], b: Bindings, none: () => never): Gen<Term> {
  for (const c of cs) {
    const cc = c as Term[];
    const pats = list(cc[2]!);
    if (pats.length !== vs.length) continue;
    const nb = new Map(b);
    if (!pats.every((p, i) => match(p, vs[i]!, nb))) continue;
    if (!guard(cc[3]!, nb)) continue;
    const v = yield* exprs(list(cc[4]!), nb);
    for (const [k, w] of nb) b.set(k, w);
    return v;
  }
  return none();
}

/** A guard sequence: any alternative whose tests are all `true`; an exception is false. */
function guard(g: Term, b: Bindings): boolean {
  const alts = list(g);
  if (alts.length === 0) return true;
  return alts.some((alt) => {
    try {
      return list(alt).every((t) => runSync(expr(t, new Map(b))) === true);
    } catch {
      return false;
    }
  });
}

function* receiveExpr(x: Term[], b: Bindings): Gen<Term> {
  const cs = list(x[2]!);
  const test = (m: Term) => {
    for (const c of cs) {
      const cc = c as Term[];
      const nb = new Map(b);
      if (match(list(cc[2]!)[0]!, m, nb) && guard(cc[3]!, nb)) return { c: cc, nb };
      void c;
    }
    return NOMATCH;
  };
  let got: { c: Term[]; nb: Bindings } | undefined;
  if (x.length === 5) {
    const t = yield* expr(x[3]!, b);
    const ms = t === "infinity"
      ? Infinity
      : typeof t === "number" && t >= 0
      ? t
      : raiseError(["timeout_value", t]);
    got = yield* receiveWith(test, ms, () => undefined);
    if (got === undefined) return yield* exprs(list(x[4]!), b);
  } else got = yield* receiveWith(test);
  const v = yield* exprs(list(got.c[4]!), got.nb);
  for (const [k, w] of got.nb) b.set(k, w);
  return v;
}

function* tryExpr(x: Term[], b: Bindings): Gen<Term> {
  const [, , body, of, catches, after] = x;
  try {
    let v: Term;
    try {
      v = yield* exprs(list(body!), b);
    } catch (err) {
      const cs = list(catches!);
      if (cs.length === 0) throw err;
      const c = caught(err);
      const stack = c.stack ?? null;
      for (const cl of cs) {
        const cc = cl as Term[];
        const nb = new Map(b);
        if (match(list(cc[2]!)[0]!, [c.cls, c.reason, stack], nb) && guard(cc[3]!, nb)) {
          const r = yield* exprs(list(cc[4]!), nb);
          for (const [k, w] of nb) b.set(k, w);
          return r;
        }
      }
      throw err;
    }
    if (list(of!).length === 0) return v;
    return yield* clauses(list(of!), [v], b, () => raiseError(["try_clause", v]));
  } finally {
    if (list(after!).length > 0) yield* exprs(list(after!), new Map(b));
  }
}

function* comprehension(
  qs: Term[],
  i: number,
  b: Bindings,
  each: (b: Bindings) => Gen<void>,
): Gen<void> {
  if (i === qs.length) {
    yield* each(b);
    return;
  }
  const q = qs[i] as Term[];
  if (q[0] === "generate") {
    let l = yield* expr(q[3]!, b);
    for (; l instanceof Cons; l = l.tl) {
      const nb = new Map(b);
      if (match(q[2]!, l.hd, nb)) yield* comprehension(qs, i + 1, nb, each);
    }
    if (l !== null) return raiseError(["bad_generator", l]);
    return;
  }
  if (q[0] === "b_generate") {
    const bin = yield* expr(q[3]!, b);
    if (!(bin instanceof Uint8Array || bin instanceof BitString)) {
      return raiseError(["bad_generator", bin]);
    }
    let rest: Term = bin;
    for (;;) {
      const nb = new Map(b);
      const after = matchBinPrefix(q[2]!, rest, nb);
      if (after === undefined) return;
      yield* comprehension(qs, i + 1, nb, each);
      rest = after;
    }
  }
  const v = yield* expr(q, b);
  if (v === true) yield* comprehension(qs, i + 1, b, each);
  else if (v !== false) return raiseError(["bad_filter", v]);
}

// ---- binaries ----

interface Seg {
  type: string;
  unit: number;
  signed: boolean;
  little: boolean;
}

function segSpec(types: Term): Seg {
  const s: Seg = { type: "integer", unit: 1, signed: false, little: false };
  let unit: number | undefined;
  for (const t of types === "default" ? [] : list(types)) {
    if (Array.isArray(t) && t[0] === "unit") unit = t[1] as number;
    else if (t === "signed" || t === "unsigned") s.signed = t === "signed";
    else if (t === "little" || t === "big" || t === "native") s.little = t === "little";
    else if (typeof t === "string") {
      s.type = t === "bytes" ? "binary" : t === "bits" ? "bitstring" : t;
    }
  }
  s.unit = unit ?? (s.type === "binary" ? 8 : 1);
  return s;
}

function* binExpr(els: Term[], b: Bindings): Gen<Term> {
  const parts: Term[] = [];
  for (const el of els) {
    const [, , ve, se, te] = el as Term[];
    const s = segSpec(te!);
    if ((ve as Term[])[0] === "string") {
      // A string in a binary is its characters, each a segment of the types given.
      const size = se === "default" ? undefined : yield* expr(se!, b);
      for (const c of list((ve as Term[])[2]!)) parts.push(segment(c, s, size));
      continue;
    }
    const v = yield* expr(ve!, b);
    const size = se === "default" ? undefined : yield* expr(se!, b);
    parts.push(segment(v, s, size));
  }
  return concatBits(parts as (Uint8Array | BitString)[]);
}

function segment(v: Term, s: Seg, size: Term | undefined): Term {
  switch (s.type) {
    case "integer": {
      if (typeof v !== "number" && typeof v !== "bigint") return raiseError("badarg");
      const n = (size === undefined ? 8 : size as number) * s.unit;
      const buf = new Uint8Array(Math.ceil(n / 8));
      putInt(buf, 0, v, n, s.little);
      return bitstring(buf, n);
    }
    case "float": {
      const x = v instanceof Float ? v.value : typeof v === "number" ? v : raiseError("badarg");
      const n = (size === undefined ? 64 : size as number) * s.unit;
      const buf = new Uint8Array(n / 8);
      putFloat(buf, 0, x, n as 64, s.little);
      return buf;
    }
    case "binary":
    case "bitstring": {
      if (!(v instanceof Uint8Array || v instanceof BitString)) return raiseError("badarg");
      if (size === undefined) return v;
      const n = (size as number) * s.unit;
      return sliceBits(bytesOf(v), 0, n);
    }
    case "utf8":
      return new TextEncoder().encode(String.fromCodePoint(v as number));
    case "utf16":
    case "utf32": {
      const cp = v as number;
      const out: number[] = [];
      if (s.type === "utf32") out.push(cp >>> 24, (cp >>> 16) & 255, (cp >>> 8) & 255, cp & 255);
      else if (cp < 0x10000) out.push(cp >>> 8, cp & 255);
      else {
        const c = cp - 0x10000, hi = 0xd800 + (c >> 10), lo = 0xdc00 + (c & 0x3ff);
        out.push(hi >>> 8, hi & 255, lo >>> 8, lo & 255);
      }
      if (s.little) {
        const w = s.type === "utf32" ? 4 : 2;
        for (let i = 0; i < out.length; i += w) out.splice(i, w, ...out.slice(i, i + w).reverse());
      }
      return new Uint8Array(out);
    }
  }
  return raiseError("badarg");
}

/** Matches the segments of a binary pattern from the front of `v`: what is left, or undefined. */
function matchBinPrefix(p: Term, v: Term, b: Bindings): Term | undefined {
  const els = list((p as Term[])[2]!);
  const bytes = v instanceof Uint8Array ? v : v instanceof BitString ? v.bytes : undefined;
  if (bytes === undefined) return undefined;
  const total = bitsOf(v);
  let at = 0;
  for (const el of els) {
    const [, , pe, se, te] = el as Term[];
    const s = segSpec(te!);
    const sizeV = se === "default" ? undefined : runSync(expr(se!, b));
    let n: number;
    let got: Term;
    switch (s.type) {
      case "integer":
        n = (sizeV === undefined ? 8 : sizeV as number) * s.unit;
        if (at + n > total) return undefined;
        got = getInt(bytes, at, n, s.little, s.signed);
        break;
      case "float":
        n = (sizeV === undefined ? 64 : sizeV as number) * s.unit;
        if (at + n > total || (n !== 32 && n !== 64)) return undefined;
        got = new Float(getFloat(bytes, at, n as 64, s.little));
        break;
      case "binary":
      case "bitstring":
        n = sizeV === undefined ? total - at : (sizeV as number) * s.unit;
        if (at + n > total || (s.type === "binary" && sizeV === undefined && n % 8 !== 0)) {
          return undefined;
        }
        got = sliceBits(bytes, at, n);
        break;
      case "utf8": {
        if (at % 8 !== 0) return undefined;
        const i = at / 8;
        const c = bytes[i];
        if (c === undefined) return undefined;
        const len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        const txt = new TextDecoder("utf-8", { fatal: true });
        try {
          got = txt.decode(bytes.subarray(i, i + len)).codePointAt(0)!;
        } catch {
          return undefined;
        }
        n = len * 8;
        break;
      }
      default:
        return undefined;
    }
    if (!match(pe!, got, b)) return undefined;
    at += n;
  }
  return sliceBits(bytes, at, total - at);
}

// ---- patterns ----

/** Matches `v` against the pattern `p`, binding into `b`. */
export function match(p: Term, v: Term, b: Bindings): boolean {
  const x = p as Term[];
  switch (x[0]) {
    case "var": {
      const name = x[2] as string;
      if (name === "_") return true;
      const bound = b.get(name);
      if (bound !== undefined) return exactEq(bound, v);
      b.set(name, v);
      return true;
    }
    case "integer":
    case "float":
    case "atom":
    case "char":
    case "string":
      return exactEq(x[2]!, v);
    case "nil":
      return v === null;
    case "cons":
      return v instanceof Cons && match(x[2]!, v.hd, b) && match(x[3]!, v.tl, b);
    case "tuple": {
      const ps = list(x[2]!);
      return Array.isArray(v) && v.length === ps.length && ps.every((q, i) => match(q, v[i]!, b));
    }
    case "map": {
      if (!(v instanceof TermMap)) return false;
      for (const f of list(x[2]!)) {
        const ff = f as Term[];
        const k = runSync(expr(ff[2]!, b));
        const w = v.get(k);
        if (w === undefined || !match(ff[3]!, w, b)) return false;
      }
      return true;
    }
    case "match":
      return match(x[2]!, v, b) && match(x[3]!, v, b);
    case "bin": {
      const rest = matchBinPrefix(p, v, b);
      return rest !== undefined && bitsOf(rest) === 0;
    }
    case "op": {
      if (x.length === 5 && x[2] === "++") {
        // "prefix" ++ Rest
        let l = runSync(expr(x[3]!, new Map()));
        let c = v;
        for (; l instanceof Cons; l = l.tl) {
          if (!(c instanceof Cons) || !exactEq(c.hd, l.hd)) return false;
          c = c.tl;
        }
        return match(x[4]!, c, b);
      }
      return exactEq(runSync(expr(p, new Map())), v);
    }
  }
  return raiseError(["illegal_pattern", p]);
}

// ---- the bindings API ----

/** Bindings from an orddict `[{Name, Value}]`. */
export function bindingsFrom(t: Term): Bindings {
  const b: Bindings = new Map();
  for (const e of list(t)) {
    if (!Array.isArray(e) || e.length !== 2 || !isAtom(e[0])) return raiseError("badarg");
    b.set(atomName(e[0]), e[1]!);
  }
  return b;
}

/** Bindings as the orddict OTP keeps them. */
export function bindingsTerm(b: Bindings): Term {
  return arrayToList(
    [...b.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map((
      [k, v],
    ) => [k, v]),
  );
}

/** The functions of `erl_eval`, by `name/arity`. */
export const ERL_EVAL: ModuleFunctions = withModuleInfo("erl_eval", {
  "exprs/2": function* (es: Term, bs: Term) {
    const b = bindingsFrom(bs);
    const v = yield* exprs(list(es), b);
    return ["value", v, bindingsTerm(b)];
  },
  "expr/2": function* (e: Term, bs: Term) {
    const b = bindingsFrom(bs);
    const v = yield* expr(e, b);
    return ["value", v, bindingsTerm(b)];
  },
  "new_bindings/0": () => null,
  "bindings/1": (bs: Term) => bs,
  "binding/2": (name: Term, bs: Term) => {
    const v = bindingsFrom(bs).get(atomName(name as string));
    return v === undefined ? "unbound" : ["value", v];
  },
  "add_binding/3": (name: Term, v: Term, bs: Term) => {
    const b = bindingsFrom(bs);
    b.set(atomName(name as string), v);
    return bindingsTerm(b);
  },
  "del_binding/2": (name: Term, bs: Term) => {
    const b = bindingsFrom(bs);
    b.delete(atomName(name as string));
    return bindingsTerm(b);
  },
});
