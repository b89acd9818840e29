/**
 * Match specifications as `ets:select/2` and `ets:match_spec_run/2` take them: a list of
 * `{Head, Guards, Body}` clauses. The head is a pattern whose variables are `'$1'`, `'$2'`, …
 * and whose `'_'` matches anything; each guard and body expression is a variable, a constant
 * (`{const, T}`, or any atomic term), a tuple written `{{...}}`, a list, or a call
 * `{Function, Arg...}` of the guard BIFs and operators OTP allows there. `'$_'` is the whole
 * object and `'$$'` the list of the head's variables. A guard that raises fails its clause; a
 * body that raises gives `'EXIT'`, as in OTP.
 *
 * {@linkcode compileMatchSpec} checks a specification once (`undefined` if it is not one) and
 * gives a function from an object to its result, or {@linkcode NO_MATCH}.
 *
 * @module
 */

import { findModule } from "../../runtime/code.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { resolvePlain } from "../../runtime/call.ts";
import { writeErlang as writeErl } from "./_erl_write.ts";
import { properArray } from "./_util.ts";

/** What a clause gives for an object that no clause matches. */
export const NO_MATCH: unique symbol = Symbol("no match");

/** A compiled match specification: an object's result, or {@linkcode NO_MATCH}. */
export type MatchFn = (object: Term) => Term | typeof NO_MATCH;

/** A compiled match specification and what it can tell before it runs. */
export interface CompiledSpec {
  run: MatchFn;
  /** The key every object it can match has (its head's key is a constant), if it has one. */
  key?: (keypos: number) => Term | undefined;
}

type Bindings = (Term | undefined)[];
type Pattern = (t: Term, b: Bindings) => boolean;
type Expr = (b: Bindings, whole: Term) => Term;

class BadSpec extends Error {}

function fnName(name: string): string {
  return writeErl(name, -1, "unicode");
}
class GuardFail extends Error {}

function varIndex(t: Term): number | undefined {
  if (typeof t !== "string" || t.length < 2 || t[0] !== "$") return undefined;
  const s = t.slice(1);
  return /^(0|[1-9][0-9]{0,8})$/.test(s) ? Number(s) : undefined;
}

// The pattern of a head: `'_'`, a variable, or a term whose parts are patterns.
function pattern(p: Term, seen: Set<number>): Pattern {
  if (p === "_") return () => true;
  const v = varIndex(p);
  if (v !== undefined) {
    if (seen.has(v)) return (t, b) => exactEq(b[v] as Term, t);
    seen.add(v);
    return (t, b) => {
      b[v] = t;
      return true;
    };
  }
  if (Array.isArray(p)) {
    const parts = p.map((x) => pattern(x, seen));
    const n = parts.length;
    return (t, b) => {
      if (!Array.isArray(t) || t.length !== n) return false;
      for (let i = 0; i < n; i++) if (!(parts[i] as Pattern)(t[i] as Term, b)) return false;
      return true;
    };
  }
  if (p instanceof Cons) {
    const hd = pattern(p.hd, seen), tl = pattern(p.tl, seen);
    return (t, b) => t instanceof Cons && hd(t.hd, b) && tl(t.tl, b);
  }
  if (p instanceof TermMap) {
    const entries = p.entries().map(([k, v]) => [k, pattern(v, seen)] as const);
    return (t, b) => {
      if (!(t instanceof TermMap)) return false;
      for (const [k, pv] of entries) {
        const x = t.get(k);
        if (x === undefined || !pv(x, b)) return false;
      }
      return true;
    };
  }
  return (t) => exactEq(p, t);
}

// Guard and body functions: their names and arities, as OTP's match specifications allow.
const FUNCTIONS = new Set([
  "is_atom/1",
  "is_float/1",
  "is_integer/1",
  "is_list/1",
  "is_number/1",
  "is_pid/1",
  "is_port/1",
  "is_reference/1",
  "is_tuple/1",
  "is_map/1",
  "is_map_key/2",
  "is_binary/1",
  "is_bitstring/1",
  "is_boolean/1",
  "is_function/1",
  "is_function/2",
  "is_record/2",
  "is_record/3",
  "abs/1",
  "element/2",
  "hd/1",
  "tl/1",
  "length/1",
  "map_get/2",
  "map_size/1",
  "node/0",
  "node/1",
  "round/1",
  "size/1",
  "bit_size/1",
  "byte_size/1",
  "tuple_size/1",
  "trunc/1",
  "float/1",
  "binary_part/2",
  "binary_part/3",
  "min/2",
  "max/2",
  "+/1",
  "-/1",
  "+/2",
  "-/2",
  "*/2",
  "//2",
  "div/2",
  "rem/2",
  "band/2",
  "bor/2",
  "bxor/2",
  "bnot/1",
  "bsl/2",
  "bsr/2",
  ">/2",
  ">=/2",
  "</2",
  "=</2",
  "=:=/2",
  "==/2",
  "=/=/2",
  "//=/2",
  "self/0",
]);

const BOOL_OPS = new Set(["and", "or", "andalso", "orelse", "xor", "not"]);

function erlangFn(key: string): (...a: Term[]) => unknown {
  const f = findModule("erlang")?.[key];
  if (f === undefined) throw new BadSpec(key);
  return f as (...a: Term[]) => unknown;
}

function bool(t: Term): boolean {
  if (t === true) return true;
  if (t === false) return false;
  throw new GuardFail();
}

// An expression of a guard or a body.
function expr(e: Term, bound: Set<number>): Expr {
  if (e === "$_") return (_b, whole) => whole;
  if (e === "$$") {
    const vs = [...bound].sort((x, y) => x - y);
    return (b) => {
      let l: Term = null;
      for (let i = vs.length - 1; i >= 0; i--) l = new Cons(b[vs[i] as number] as Term, l);
      return l;
    };
  }
  const v = varIndex(e);
  if (v !== undefined) {
    if (!bound.has(v)) throw new BadSpec(`Variable ${e} is unbound.`);
    return (b) => b[v] as Term;
  }
  if (Array.isArray(e)) {
    if (e.length === 0) throw new BadSpec("{}");
    const [h, ...rest] = e;
    if (e.length === 1 && Array.isArray(h)) {
      // {{...}}: a tuple made of expressions.
      const parts = h.map((x) => expr(x, bound));
      return (b, w) => parts.map((p) => p(b, w));
    }
    if (h === "const") {
      if (rest.length !== 1) {
        throw new BadSpec(
          `Special form 'const' called with more than one argument in ${
            writeErl(e, -1, "unicode")
          }.`,
        );
      }
      const c = rest[0] as Term;
      return () => c;
    }
    if (typeof h !== "string") {
      throw new BadSpec(
        `${
          writeErl(e, -1, "unicode")
        } is neither a function call, nor a tuple (tuples are written {{ ... }}).`,
      );
    }
    const args = rest.map((x) => expr(x, bound));
    if (BOOL_OPS.has(h)) return boolOp(h, args);
    const key = `${h}/${args.length}`;
    if (!FUNCTIONS.has(key)) {
      throw new BadSpec(`Function ${fnName(h)}/${args.length} does_not_exist.`);
    }
    if (key === "self/0") return () => currentProcess()?.pid ?? "undefined";
    const f = erlangFn(key);
    return (b, w) => resolvePlain(f(...args.map((a) => a(b, w)))) as Term;
  }
  if (e instanceof Cons) {
    const hd = expr(e.hd, bound), tl = expr(e.tl, bound);
    return (b, w) => new Cons(hd(b, w), tl(b, w));
  }
  if (e instanceof TermMap) {
    const entries = e.entries().map(([k, v]) => [expr(k, bound), expr(v, bound)] as const);
    return (b, w) => new TermMap(entries.map(([k, v]) => [k(b, w), v(b, w)] as const));
  }
  if (typeof e === "string" && e.startsWith("$")) throw new BadSpec(e);
  return () => e;
}

function boolOp(op: string, args: Expr[]): Expr {
  switch (op) {
    case "not":
      if (args.length !== 1) throw new BadSpec(`Function ${op}/${args.length} does_not_exist.`);
      return (b, w) => !bool((args[0] as Expr)(b, w));
    case "xor":
      if (args.length !== 2) throw new BadSpec(`Function ${op}/${args.length} does_not_exist.`);
      return (b, w) => bool((args[0] as Expr)(b, w)) !== bool((args[1] as Expr)(b, w));
    case "and":
      return (b, w) => args.map((a) => bool(a(b, w))).every((x) => x);
    case "or":
      return (b, w) => args.map((a) => bool(a(b, w))).some((x) => x);
    case "andalso":
      return (b, w) => {
        for (const a of args) if (!bool(a(b, w))) return false;
        return true;
      };
    default: // orelse
      return (b, w) => {
        for (const a of args) if (bool(a(b, w))) return true;
        return false;
      };
  }
}

function elems(l: Term): Term[] {
  return properArray(l) ?? badSpec("Match programs are not in a list.");
}

function badSpec(why: string): never {
  throw new BadSpec(why);
}

interface Clause {
  head: Pattern;
  size: number;
  guards: Expr[];
  body: Expr[];
  headTerm: Term;
}

function clause(c: Term): Clause {
  if (!Array.isArray(c) || c.length !== 3) {
    throw new BadSpec("Match program part is not a tuple of arity 3.");
  }
  const [h, g, bd] = c as [Term, Term, Term];
  const seen = new Set<number>();
  const head = pattern(h, seen);
  const guards = elems(g).map((x) => expr(x, seen));
  const body = elems(bd).map((x) => expr(x, seen));
  if (body.length === 0) throw new BadSpec("Body clause does not return anything.");
  return { head, size: seen.size === 0 ? 0 : Math.max(...seen) + 1, guards, body, headTerm: h };
}

/** Compiles the match specification `ms`; `undefined` if it is not a valid one. */
export function compileMatchSpec(ms: Term): CompiledSpec | undefined {
  const c = checkMatchSpec(ms);
  return typeof c === "string" ? undefined : c;
}

/** Compiles the match specification `ms`, or says what is wrong with it in OTP's words. */
export function checkMatchSpec(ms: Term): CompiledSpec | string {
  let clauses: Clause[];
  try {
    if (!(ms === null || ms instanceof Cons)) {
      throw new BadSpec("Match programs are not in a list.");
    }
    clauses = elems(ms).map(clause);
  } catch (e) {
    if (e instanceof BadSpec) return e.message;
    throw e;
  }
  const run: MatchFn = (object) => {
    for (const c of clauses) {
      const b: Bindings = new Array(c.size);
      if (!c.head(object, b)) continue;
      let ok = true;
      try {
        for (const g of c.guards) {
          if (g(b, object) !== true) {
            ok = false;
            break;
          }
        }
      } catch {
        ok = false;
      }
      if (!ok) continue;
      try {
        let r: Term = null;
        for (const e of c.body) r = e(b, object);
        return r;
      } catch {
        return "EXIT";
      }
    }
    return NO_MATCH;
  };
  const key = (keypos: number): Term | undefined => {
    if (clauses.length !== 1) return undefined;
    const h = (clauses[0] as Clause).headTerm;
    if (!Array.isArray(h) || h.length < keypos) return undefined;
    const k = h[keypos - 1] as Term;
    return isGround(k) ? k : undefined;
  };
  return { run, key };
}

// Whether a head part holds no variable and no `'_'`.
function isGround(t: Term): boolean {
  if (t === "_" || varIndex(t) !== undefined) return false;
  if (Array.isArray(t)) return t.every(isGround);
  if (t instanceof Cons) return isGround(t.hd) && isGround(t.tl);
  if (t instanceof TermMap) return t.entries().every(([, v]) => isGround(v));
  return true;
}

/**
 * The match specification of a match pattern (`ets:match/2`): `[{Pattern, [], ['$$']}]`, or
 * `['$_']` for `match_object`.
 */
export function patternSpec(pattern: Term, whole: boolean): Term {
  return new Cons([pattern, null, new Cons(whole ? "$_" : "$$", null)], null);
}
