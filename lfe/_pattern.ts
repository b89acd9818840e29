/**
 * Patterns to JavaScript: a pattern becomes one boolean expression over the subject that, as
 * it tests, assigns the variables it binds (declared beforehand by the function). A variable
 * seen twice in one pattern must match equal terms; variables bound outside are shadowed, as
 * in LFE.
 *
 * @module
 */

import { arrayToList, BitString, Cons, Float, type Term, TermMap } from "../runtime/mod.ts";
import { elems } from "./macros.ts";
import { structPattern } from "./_structs.ts";
import { binaryPattern } from "./_bin_match.ts";

/** What pattern compilation needs from the function being compiled. */
export interface PatternHost {
  /** A new JavaScript variable for the LFE variable `name`. */
  declare(name: string): string;
  /** The expression of a constant term. */
  constant(t: Term): string;
  /** Expands a macro in a pattern (records' `match-` forms), or undefined. */
  expand(f: Term): Term | undefined;
  /** `(record R f p ...)` as a pattern: the tuple pattern it stands for. */
  recordPattern?(name: Term, args: Term[]): Term;
  /** The JS expression of a variable bound outside the pattern, or undefined. */
  variable?(name: string): string | undefined;
}

/** A compiled pattern: its test, and the variables it binds (LFE name → JS name). */
export interface CompiledPattern {
  test: string;
  binds: Map<string, string>;
}

/** Whether `t` is a string literal as the reader gives it: a list of character codes. */
export function isStringLiteral(t: Term): boolean {
  if (!(t instanceof Cons)) return false;
  for (let c: Term = t; c !== null; c = (c as Cons).tl) {
    if (!(c instanceof Cons) || typeof c.hd !== "number") return false;
  }
  return true;
}

/** Compiles `pattern` against the JS expression `subject` (which must be a plain name). */
export function compilePattern(pattern: Term, subject: string, host: PatternHost): CompiledPattern {
  const binds = new Map<string, string>();
  const tests: string[] = [];
  let n = 0;
  const sub = (expr: string): string => {
    // Subterms get names of their own so that each is read once.
    const v = host.declare(`$s${n++}`);
    tests.push(`((${v} = ${expr}), true)`);
    return v;
  };
  const walk = (p: Term, s: string): void => {
    if (p === "_") return;
    if (typeof p === "string") {
      const known = binds.get(p);
      if (known !== undefined) tests.push(`rt.exactEq(${known}, ${s})`);
      else {
        const v = host.declare(p);
        binds.set(p, v);
        tests.push(`((${v} = ${s}), true)`);
      }
      return;
    }
    if (p === null) return void tests.push(`${s} === null`);
    // An unquoted true or false in a pattern is a variable, as in LFE; 'true is the atom.
    if (typeof p === "boolean") return walk(String(p), s);
    if (typeof p === "number") return void tests.push(`${s} === ${p}`);
    if (
      typeof p === "bigint" || p instanceof Float || p instanceof Uint8Array ||
      p instanceof BitString
    ) {
      return void tests.push(`rt.exactEq(${host.constant(p)}, ${s})`);
    }
    if (Array.isArray(p) || p instanceof TermMap) {
      return void tests.push(`rt.exactEq(${host.constant(p)}, ${s})`);
    }
    if (!(p instanceof Cons)) throw new SyntaxError(`Cannot use ${String(p)} as a pattern`);
    if (isStringLiteral(p)) return void tests.push(`rt.exactEq(${host.constant(p)}, ${s})`);
    const head = p.hd;
    const args = elems(p.tl, "a pattern");
    switch (head) {
      case "quote": {
        const q = args[0] as Term;
        if (typeof q === "string" || typeof q === "number" || typeof q === "boolean") {
          return void tests.push(`${s} === ${JSON.stringify(q)}`);
        }
        if (q === null) return void tests.push(`${s} === null`);
        return void tests.push(`rt.exactEq(${host.constant(q)}, ${s})`);
      }
      case "tuple": {
        tests.push(`Array.isArray(${s}) && ${s}.length === ${args.length}`);
        args.forEach((a, i) => walk(a, isSimple(a) ? `${s}[${i}]` : sub(`${s}[${i}]`)));
        return;
      }
      case "cons": {
        tests.push(`${s} instanceof rt.Cons`);
        walk(args[0] as Term, isSimple(args[0] as Term) ? `${s}.hd` : sub(`${s}.hd`));
        walk(args[1] as Term, sub(`${s}.tl`));
        return;
      }
      case "list": {
        let cur = s;
        for (const a of args) {
          tests.push(`${cur} instanceof rt.Cons`);
          walk(a, isSimple(a) ? `${cur}.hd` : sub(`${cur}.hd`));
          cur = sub(`${cur}.tl`);
        }
        tests.push(`${cur} === null`);
        return;
      }
      case "=": {
        for (const a of args) walk(a, s);
        return;
      }
      case "map": {
        tests.push(`${s} instanceof rt.TermMap`);
        for (let i = 0; i + 1 < args.length; i += 2) {
          const k = args[i] as Term;
          const bound = typeof k === "string" ? binds.get(k) ?? host.variable?.(k) : undefined;
          const key = bound ?? host.constant(literalKey(k));
          const v = sub(`${s}.get(${key})`);
          tests.push(`${v} !== undefined`);
          walk(args[i + 1] as Term, v);
        }
        return;
      }
      case "backquote":
        return walk(backquotePattern(args[0] as Term), s);
      case "struct":
        return walk(structPattern(args[0] as Term, args.slice(1)), s);
      case "record":
      case "make-record": {
        if (host.recordPattern === undefined) break;
        return walk(host.recordPattern(args[0] as Term, args.slice(1)), s);
      }
      case "binary":
        return binaryPattern(args, s, { ...host, tests, binds });
    }
    const expanded = host.expand(p);
    if (expanded !== undefined) return walk(expanded, s);
    throw new SyntaxError(`Cannot use (${String(head)} ...) as a pattern`);
  };
  walk(pattern, subject);
  return { test: tests.length === 0 ? "true" : tests.join(" && "), binds };
}

// A backquoted pattern: its structure, with `,x` as the pattern x.
function backquotePattern(x: Term): Term {
  if (x instanceof Cons) {
    if (x.hd === "comma") return (x.tl as Cons).hd;
    if (x.hd === "comma-at") throw new SyntaxError("Cannot use ,@ in a pattern");
    return arrayToList(["cons", backquotePattern(x.hd), backquotePattern(x.tl)]);
  }
  if (Array.isArray(x)) return arrayToList(["tuple", ...x.map(backquotePattern)]);
  if (x instanceof TermMap) {
    const kvs: Term[] = [];
    for (const [k, v] of x.entries()) kvs.push(backquotePattern(k), backquotePattern(v));
    return arrayToList(["map", ...kvs]);
  }
  if (typeof x === "string") return arrayToList(["quote", x]);
  return x;
}

function isSimple(p: Term): boolean {
  return typeof p === "string" || typeof p === "number" || typeof p === "boolean" ||
    p === null || (p instanceof Cons && p.hd === "quote");
}

function literalKey(k: Term): Term {
  if (k instanceof Cons && k.hd === "quote") return (k.tl as Cons).hd;
  if (typeof k === "string") throw new SyntaxError(`Cannot use the variable ${k} as a map key`);
  return k;
}
