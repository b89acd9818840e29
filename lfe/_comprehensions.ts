/**
 * List and binary comprehensions (`lc`/`list-comp`, `bc`/`binary-comp`) and `maybe`, as macros.
 * A comprehension walks its generators in order with local tail-recursive functions, so its
 * body runs left to right and long lists do not deepen the stack; `maybe` runs its `?=` tests
 * in order and leaves at the first that fails, with that value or through its `else` clauses.
 *
 * @module
 */

import { arrayToList, Cons, type Term } from "../runtime/mod.ts";
import { gensym } from "./_records.ts";
import { call, elems, form, quote } from "./macros.ts";
import { isGuardFunction } from "./builtins/erl_internal.ts";

function error(...parts: Term[]): Term {
  return call("erlang", "error", form("tuple", ...parts));
}

// A generator `(<- pat [(when g...)] expr)` or `(<= binpat [(when g...)] expr)`.
function generator(q: Term): { kind: string; pat: Term; guard: Term | undefined; src: Term } {
  const [kind, pat, ...rest] = elems(q, "a generator");
  const guard = rest.length === 2 ? rest[0] as Term : undefined;
  return { kind: kind as string, pat: pat as Term, guard, src: rest[rest.length - 1] as Term };
}

const GUARD_FORMS = new Set([
  "quote",
  "andalso",
  "orelse",
  "tuple",
  "list",
  "cons",
  "car",
  "cdr",
  "binary",
  "map",
  "tref",
  "mref",
  "map-get",
  "msiz",
  "map-size",
  "is-record",
  "record-field",
  "record-index",
]);

// Whether `e` is an expression a guard may hold: variables, literals, guard BIFs, operators.
function isGuardTest(e: Term): boolean {
  if (!(e instanceof Cons)) return true;
  if (typeof e.hd !== "string") return false;
  if (e.hd === "quote") return true;
  const args = elems(e.tl, "an expression");
  if (!GUARD_FORMS.has(e.hd) && !isGuardFunction(e.hd, args.length)) return false;
  return args.every(isGuardTest);
}

function isGenerator(q: Term): boolean {
  return q instanceof Cons && (q.hd === "<-" || q.hd === "<=");
}

/**
 * The qualifiers `qs` from `i` on, around `inner` (which makes the new accumulator from `acc`):
 * an expression that answers the accumulator after them.
 */
function qualifiers(qs: Term[], i: number, acc: string, inner: (acc: string) => Term): Term {
  if (i === qs.length) return inner(acc);
  const q = qs[i] as Term;
  if (!isGenerator(q)) {
    // A filter that is a guard test is taken as a guard: false when it is not true.
    if (isGuardTest(q)) {
      return form(
        "case",
        quote("true"),
        arrayToList(["_", form("when", q), qualifiers(qs, i + 1, acc, inner)]),
        form("_", acc),
      );
    }
    const v = gensym("filter");
    return form(
      "case",
      q,
      form(quote(true), qualifiers(qs, i + 1, acc, inner)),
      form(quote(false), acc),
      form(v, error(quote("bad_filter"), v)),
    );
  }
  const g = generator(q);
  const loop = gensym("lc"), rest = gensym("rest"), a = gensym("acc");
  const next = qualifiers(qs, i + 1, a, inner);
  const when = g.guard === undefined ? [] : [g.guard];
  const clauses: Term[] = [];
  if (g.kind === "<-") {
    clauses.push(
      arrayToList([arrayToList([form("cons", g.pat, rest), a]), ...when, form(loop, rest, next)]),
      form(arrayToList([form("cons", "_", rest), a]), form(loop, rest, a)),
      form(arrayToList([null, a]), a),
      form(arrayToList([rest, "_"]), error(quote("bad_generator"), rest)),
    );
  } else {
    const segs = elems(binaryPattern(g.pat), "a binary pattern");
    const pat = form("binary", ...segs, form(rest, "bitstring"));
    clauses.push(arrayToList([arrayToList([pat, a]), ...when, form(loop, rest, next)]));
    // An element the guard refuses is skipped.
    if (when.length > 0) clauses.push(form(arrayToList([pat, a]), form(loop, rest, a)));
    clauses.push(form(arrayToList(["_", a]), a));
  }
  return form(
    "letrec-function",
    arrayToList([form(loop, form("match-lambda", ...clauses))]),
    form(loop, g.src, acc),
  );
}

// The segments of a binary generator's pattern: `(binary seg...)` or one segment.
function binaryPattern(p: Term): Term {
  if (p instanceof Cons && p.hd === "binary") return p.tl;
  return arrayToList([p]);
}

/** `(lc (qualifier...) expr...)`: the list of `expr`'s values, in order. */
export function listComp([quals, ...body]: Term[]): Term {
  const qs = elems(quals as Term, "list comprehension qualifiers");
  const value = body.length === 1 ? body[0] as Term : form("progn", ...body);
  const acc = gensym("acc");
  return form(
    "let",
    arrayToList([form(acc, null)]),
    call("lists", "reverse", qualifiers(qs, 0, acc, (a) => form("cons", value, a))),
  );
}

/** `(bc (qualifier...) segment...)`: the bitstrings of `expr`'s values, joined in order. */
export function binaryComp([quals, ...body]: Term[]): Term {
  const qs = elems(quals as Term, "binary comprehension qualifiers");
  const value = body.length === 1 ? body[0] as Term : form("progn", ...body);
  const acc = gensym("acc");
  return form(
    "let",
    arrayToList([form(acc, form("binary"))]),
    qualifiers(qs, 0, acc, (a) => form("binary", form(a, "bitstring"), form(value, "bitstring"))),
  );
}

/**
 * `(maybe expr... [(else clause...)])`: each `(?= pat [(when g...)] expr)` in the body (also in
 * the bodies of `let` and `progn` within it) must match or the `maybe` ends with the value that
 * did not; its variables are bound for what follows.
 */
export function maybeForm(args: Term[]): Term {
  const last = args[args.length - 1];
  const hasElse = last instanceof Cons && last.hd === "else";
  const body = hasElse ? args.slice(0, -1) : args;
  const tag = gensym("maybe");
  const v = gensym("value"), stack = gensym("stack");
  const fail = (x: Term) => call("erlang", "throw", form("tuple", quote(tag), x));
  const handler = hasElse
    ? form(
      "case",
      v,
      ...elems((last as Cons).tl, "else clauses").map((c) => {
        const [pats, ...rest] = elems(c, "an else clause");
        const ps = elems(pats as Term, "an else clause's pattern");
        if (ps.length !== 1) throw new SyntaxError("bad else form");
        return arrayToList([ps[0] as Term, ...rest]);
      }),
      form(stack, error(quote("else_clause"), stack)),
    )
    : v;
  return form(
    "try",
    sequence(body, fail),
    form(
      "catch",
      form(form("tuple", quote("throw"), form("tuple", quote(tag), v), "_"), handler),
    ),
  );
}

// A body in which `?=` forms bind what follows them or leave through `fail`.
function sequence(body: Term[], fail: (x: Term) => Term): Term {
  if (body.length === 0) return quote("ok");
  const [first, ...rest] = body;
  if (first instanceof Cons && first.hd === "?=") {
    const parts = elems(first.tl, "a ?= test");
    const pat = parts[0] as Term, expr = parts[parts.length - 1] as Term;
    const guard = parts.length === 3 ? [parts[1] as Term] : [];
    const other = gensym("other");
    const then = rest.length === 0 ? pat : sequence(rest, fail);
    const bound = gensym("matched");
    return form(
      "case",
      expr,
      arrayToList([form("=", pat, bound), ...guard, rest.length === 0 ? bound : then]),
      form(other, fail(other)),
    );
  }
  let head = first as Term;
  if (head instanceof Cons && (head.hd === "let" || head.hd === "let*")) {
    const [bindings, ...inner] = elems(head.tl, "let");
    head = form(head.hd, bindings as Term, sequence(inner, fail));
  } else if (head instanceof Cons && head.hd === "progn") {
    head = sequence(elems(head.tl, "progn"), fail);
  }
  return rest.length === 0 ? head : form("progn", head, sequence(rest, fail));
}
