/**
 * Match specifications written as LFE (`ets-ms`/`table-ms`/`match-spec` for tables,
 * `trace-ms`/`dbg-ms` for tracing), as `lfe_ms` makes them: each clause `(patterns [(when
 * guard...)] body...)` becomes `{Head, Guards, Body}`, the pattern's variables numbered `$1`,
 * `$2`... in order, tuples in guards and bodies wrapped as `{{...}}`, calls as `{name, args...}`,
 * `(object)` as `'$_'` and `(bindings)` as `'$*'`. A variable of the surrounding code gives its
 * value.
 *
 * @module
 */

import { Cons, type Term } from "../runtime/mod.ts";
import { isStringLiteral } from "./_pattern.ts";
import { elems, form, type MacroEnv, macroexpand1, quote } from "./macros.ts";
import { recordPattern } from "./_records.ts";

// Operators and functions a match specification calls by name: never expanded as macros.
const MS_FUNCTIONS = new Set([
  "andalso",
  "orelse",
  "and",
  "or",
  "not",
  "xor",
  "+",
  "-",
  "*",
  "/",
  "==",
  "/=",
  "=:=",
  "=/=",
  "<",
  ">",
  "=<",
  ">=",
]);

type Vars = Map<string, string>;

function varOf(vars: Vars, name: string): string {
  let v = vars.get(name);
  if (v === undefined) vars.set(name, v = `$${vars.size + 1}`);
  return v;
}

// A pattern of the head: the form that builds it.
function head(p: Term, vars: Vars, env: MacroEnv): Term {
  if (p === "_") return quote("_");
  if (typeof p === "string") return quote(varOf(vars, p));
  if (!(p instanceof Cons) || isStringLiteral(p)) return p === null ? null : quote(p);
  const args = elems(p.tl, "a pattern");
  switch (p.hd) {
    case "quote":
      return p;
    case "tuple":
      return form("tuple", ...args.map((a) => head(a, vars, env)));
    case "list":
      return form("list", ...args.map((a) => head(a, vars, env)));
    case "cons":
      return form("cons", head(args[0] as Term, vars, env), head(args[1] as Term, vars, env));
    case "record":
    case "make-record":
      return head(recordPattern(env, args[0] as Term, args.slice(1)), vars, env);
    case "=": {
      // (= pattern var): the variable is the whole object.
      const [a, b] = args;
      const [pat, v] = typeof b === "string" ? [a, b] : [b, a];
      if (typeof v === "string" && v !== "_" && !vars.has(v)) vars.set(v, "$_");
      return head(pat as Term, vars, env);
    }
  }
  const expanded = macroexpand1(p, env);
  if (expanded !== undefined) return head(expanded, vars, env);
  throw new SyntaxError(`illegal match specification pattern ${String(p.hd)}`);
}

// An expression of a guard or body: the form that builds its match specification term.
function expr(e: Term, vars: Vars, env: MacroEnv): Term {
  if (typeof e === "string") {
    const v = vars.get(e);
    return v !== undefined ? quote(v) : e;
  }
  if (typeof e === "boolean") return quote(e);
  if (!(e instanceof Cons) || isStringLiteral(e)) return e === null ? null : quote(e);
  const args = elems(e.tl, "an expression");
  switch (e.hd) {
    case "quote": {
      const q = args[0] as Term;
      const plain = typeof q === "number" ||
        (typeof q === "string" && !q.startsWith("$") && q !== "_");
      return plain ? quote(q) : form("tuple", quote("const"), e);
    }
    case "tuple":
      return form("tuple", form("tuple", ...args.map((a) => expr(a, vars, env))));
    case "list":
      return form("list", ...args.map((a) => expr(a, vars, env)));
    case "cons":
      return form("cons", expr(args[0] as Term, vars, env), expr(args[1] as Term, vars, env));
    case "object":
      return quote("$_");
    case "bindings":
      return quote("$*");
  }
  if (typeof e.hd !== "string") throw new SyntaxError("illegal match specification expression");
  // A binary of no pattern variable is built where the specification is made, as LFE does.
  if (e.hd === "binary" && !usesVars(e, vars)) return e;
  if (!MS_FUNCTIONS.has(e.hd)) {
    // A macro (a record's, say) is expanded first.
    const expanded = macroexpand1(e, env);
    if (expanded !== undefined) return expr(expanded, vars, env);
  }
  return form("tuple", quote(e.hd), ...args.map((a) => expr(a, vars, env)));
}

// Whether a form mentions a variable of the pattern (or object/bindings), which only the
// specification can give.
function usesVars(e: Term, vars: Vars): boolean {
  if (typeof e === "string") return vars.has(e);
  if (!(e instanceof Cons)) return false;
  if (e.hd === "quote") return false;
  if (e.hd === "object" || e.hd === "bindings") return true;
  for (let c: Term = e; c instanceof Cons; c = c.tl) if (usesVars(c.hd, vars)) return true;
  return false;
}

/** `(ets-ms clause...)` (`table`) or `(trace-ms clause...)` (`trace`): the match specification. */
export function matchSpec(kind: "table" | "trace", clauses: Term[], env: MacroEnv): Term {
  return form(
    "list",
    ...clauses.map((c) => {
      const [pats, ...rest] = elems(c, "a match specification clause");
      const vars: Vars = new Map();
      const ps = elems(pats as Term, "match specification patterns");
      if (ps.length !== 1) throw new SyntaxError(`bad ${kind} match specification`);
      const h = head(ps[0] as Term, vars, env);
      const w = rest[0];
      const guards = w instanceof Cons && w.hd === "when" ? elems(w.tl, "a guard") : [];
      const body = guards.length > 0 || (w instanceof Cons && w.hd === "when")
        ? rest.slice(1)
        : rest;
      return form(
        "tuple",
        h,
        form("list", ...guards.map((g) => expr(g, vars, env))),
        form("list", ...body.map((b) => expr(b, vars, env))),
      );
    }),
  );
}
