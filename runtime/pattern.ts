/**
 * Patterns for receive clauses in TypeScript: a term in which `_` stands for anything and
 * `$("name")` for a variable. A pattern is compiled once, when its clause is made; the common
 * shapes (a literal, a flat tuple) match without allocating on a miss.
 *
 * @example
 * ```ts
 * import { $, _, match } from "./pattern.ts";
 * match(["ping", $("from"), _], ["ping", 7, "x"]); // { from: 7 }
 * ```
 *
 * @module
 */

import { exactEq } from "./term_order.ts";
import { BitString, Cons, Float, Pid, Port, Ref, type Term, TermMap } from "./terms.ts";
import type { Yielded } from "./process.ts";

/** A pattern variable; it binds what it meets, or must equal what it bound before. */
export class Var<N extends string = string> {
  // Private, so that only a Var is a Var (a function also has a name).
  readonly #var = true;
  readonly name: N;
  constructor(name: N) {
    this.name = name;
  }
}

/** The wildcard pattern: matches anything and binds nothing. */
export const _: unique symbol = Symbol("_");

/** Makes a pattern variable named `name`. */
export function $<N extends string>(name: N): Var<N> {
  return new Var(name);
}

/** A pattern: a term in which `_` and variables may stand for parts. */
export type Pattern = unknown;

// Variables named in a pattern; the depth bound stops the search at Term's own recursion.
type VarsOf<P, D extends unknown[] = []> = D["length"] extends 8 ? never
  : P extends Var<infer N> ? N
  : P extends readonly (infer E)[] ? VarsOf<E, [...D, 0]>
  : never;
/** What a pattern binds, by variable name (any name, for a pattern whose variables hide in a list). */
export type Bindings<P> = [VarsOf<P>] extends [never] ? Record<string, Term>
  : { [K in VarsOf<P>]: Term };

export type Handler<B, R> = (bindings: B, message: Term) => R | Generator<Yielded, R, unknown>;

/** Tests a message against a compiled pattern: the bindings, or `undefined`. */
export type Matcher = (m: Term) => Record<string, Term> | undefined;

const EMPTY: Record<string, Term> = Object.freeze({}) as Record<string, Term>;

/**
 * Matches `message` against `pattern`; returns the bindings, or `undefined` for no match.
 * `bound` holds variables already bound (they must match equal terms).
 */
export function match(
  pattern: Pattern,
  message: Term,
  bound: Record<string, Term> = EMPTY,
): Record<string, Term> | undefined {
  if (pattern === message || pattern === _) return bound;
  const out = { ...bound };
  return matchInto(pattern, message, out) ? out : undefined;
}

function matchInto(p: Pattern, m: Term, b: Record<string, Term>): boolean {
  if (p === m || p === _) return true;
  if (p === null || typeof p !== "object") return false;
  if (p instanceof Var) {
    if (Object.hasOwn(b, p.name)) return exactEq(b[p.name] as Term, m);
    b[p.name] = m;
    return true;
  }
  if (Array.isArray(p)) {
    if (!Array.isArray(m) || m.length !== p.length) return false;
    for (let i = 0; i < p.length; i++) if (!matchInto(p[i], m[i] as Term, b)) return false;
    return true;
  }
  if (p instanceof Cons) {
    let pc: unknown = p;
    let mc: Term = m;
    while (pc instanceof Cons) {
      if (!(mc instanceof Cons) || !matchInto(pc.hd, mc.hd, b)) return false;
      pc = pc.tl;
      mc = mc.tl;
    }
    return matchInto(pc, mc, b);
  }
  if (p instanceof TermMap) {
    if (!(m instanceof TermMap)) return false;
    for (const [k, v] of p.entries()) {
      const mv = m.get(k);
      if (mv === undefined || !matchInto(v, mv, b)) return false;
    }
    return true;
  }
  if (
    p instanceof Float || p instanceof Uint8Array || p instanceof Pid || p instanceof Ref ||
    p instanceof Port || p instanceof BitString
  ) {
    return exactEq(p, m);
  }
  return false;
}

// Whether a pattern has a variable or a wildcard, so that it is not a plain term.
function hasVar(p: Pattern): boolean {
  if (p instanceof Var || p === _) return true;
  if (Array.isArray(p)) return p.some(hasVar);
  if (p instanceof Cons) return hasVar(p.hd) || hasVar(p.tl);
  if (p instanceof TermMap) return p.entries().some(([, v]) => hasVar(v));
  return false;
}

// Compiles the common shapes — a literal, a wildcard, a tuple of literals and variables that
// occur once — into closures that allocate nothing on a miss; the rest are interpreted.
export function compile(p: Pattern): Matcher {
  if (p === _) return () => EMPTY;
  if (p === null || (typeof p !== "object" && typeof p !== "function")) {
    return (m) => m === p ? EMPTY : undefined;
  }
  if (!hasVar(p)) {
    return (m) => exactEq(p as Term, m) ? EMPTY : undefined;
  }
  if (p instanceof Var) {
    const name = p.name;
    return (m) => ({ [name]: m });
  }
  if (Array.isArray(p) && p.every((e) => !Array.isArray(e) && !(e instanceof Cons))) {
    const names = p.flatMap((e) => e instanceof Var ? [e.name] : []);
    if (new Set(names).size === names.length) return compileTuple(p);
  }
  return (m) => match(p, m);
}

// A flat tuple pattern whose variables occur once: literals tested in place, and bindings
// made by an object literal of fixed shape (one per pattern), so that a match stays cheap.
function compileTuple(p: readonly unknown[]): Matcher {
  const n = p.length;
  const prims: [number, unknown][] = [];
  const terms: [number, Term][] = [];
  const vars: [number, string][] = [];
  p.forEach((e, i) => {
    if (e instanceof Var) vars.push([i, e.name]);
    else if (e === _) return;
    else if (e === null || typeof e !== "object") prims.push([i, e]);
    else terms.push([i, e as Term]);
  });
  const bind = bindingsMaker(vars);
  const [i0, v0] = prims[0] ?? [-1, undefined];
  return (m) => {
    if (!Array.isArray(m) || m.length !== n || (i0 >= 0 && m[i0] !== v0)) return undefined;
    for (let k = 1; k < prims.length; k++) {
      const [i, v] = prims[k] as [number, unknown];
      if (m[i] !== v) return undefined;
    }
    for (let k = 0; k < terms.length; k++) {
      const [i, v] = terms[k] as [number, Term];
      if (!exactEq(v, m[i] as Term)) return undefined;
    }
    return bind(m);
  };
}

function bindingsMaker(vars: readonly [number, string][]): (m: Term[]) => Record<string, Term> {
  try {
    // An object literal with the variables' names as keys: every match gets the same shape.
    // The names are written as JSON string literals and the indexes as integers, nothing else.
    const fields = vars.map(([i, name]) => `${JSON.stringify(name)}: m[${Number(i)}]`).join(", ");
    return new Function("m", `return { ${fields} };`) as (m: Term[]) => Record<string, Term>;
  } catch {
    return (m) => {
      const b: Record<string, Term> = {};
      for (const [i, name] of vars) b[name] = m[i] as Term;
      return b;
    };
  }
}
