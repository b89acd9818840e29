/**
 * Macros by pattern and template, as `defsyntax` and `syntaxlet` define them: each rule
 * `(pattern expansion)` matches the call's argument list; the symbols of the pattern are bound
 * to what they matched and replaced by it in the expansion. A quoted pattern element must be
 * equal; `_` matches anything.
 *
 * @module
 */

import { Cons, type Term } from "../runtime/mod.ts";
import { exactEq } from "../runtime/term_order.ts";
import { elems, type Macro } from "./macros.ts";

function match(p: Term, x: Term, b: Map<string, Term>): boolean {
  if (p === "_") return true;
  if (typeof p === "string") {
    const old = b.get(p);
    if (old !== undefined) return exactEq(old, x);
    b.set(p, x);
    return true;
  }
  if (p instanceof Cons) {
    if (p.hd === "quote" && p.tl instanceof Cons) return exactEq(p.tl.hd, x);
    return x instanceof Cons && match(p.hd, x.hd, b) && match(p.tl, x.tl, b);
  }
  if (Array.isArray(p)) {
    return Array.isArray(x) && x.length === p.length &&
      p.every((e, i) => match(e, x[i] as Term, b));
  }
  return exactEq(p, x);
}

function subst(t: Term, b: Map<string, Term>): Term {
  if (typeof t === "string") return b.has(t) ? b.get(t)! : t;
  if (t instanceof Cons) return new Cons(subst(t.hd, b), subst(t.tl, b));
  if (Array.isArray(t)) return t.map((e) => subst(e, b));
  return t;
}

/** The macro of `(defsyntax name rule...)`: rules `(pattern expansion)`. */
export function syntaxMacro(name: string, rules: Term[]): Macro {
  const rs = rules.map((r) => {
    const [pat, exp] = elems(r, "a syntax rule");
    return { pat: pat as Term, exp: exp as Term };
  });
  return (args) => {
    let list: Term = null;
    for (let i = args.length - 1; i >= 0; i--) list = new Cons(args[i] as Term, list);
    for (const r of rs) {
      const b = new Map<string, Term>();
      if (match(r.pat, list, b)) return subst(r.exp, b);
    }
    throw new SyntaxError(`no syntax rule of ${name} matches`);
  };
}
