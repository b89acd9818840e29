/**
 * The macros `clj` exports: `defn`, `defn-`, `fn`; the threading macros `->`, `->>`, `as->`,
 * `cond->`, `cond->>`, `some->`, `some->>`, `doto`; the conditionals `if-let`, `iff-let`,
 * `condp`, `if-not`, `iff`, `when-not`, `not=`; the predicates (`tuple?`, ..., `identical?`),
 * which are guards; and `str`, `lazy-seq`, `conj`. Each expands to the form LFE 2.2's `clj`
 * expands it to and fails as it does (a macro of argument patterns with `{case_clause, Args}`,
 * a helper with `function_clause`). A call of one of `clj`'s functions is a `call` of `clj`.
 *
 * LFE's `clj` also defines an `if` macro, but LFE does not let a module define a core form, so
 * `(clj:if ...)` is a call of a function that does not exist, here as there.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, charlist, Cons, type Term } from "../../runtime/terms.ts";
import { form, quote } from "../macros.ts";
import type { MacroFn } from "./_clj_util.ts";
import { defnArity } from "./_clj_defn.ts";

const FALSE = quote(false);
const UNDEFINED = quote("undefined");

function caseClause(args: Term[]): never {
  return raiseError(["case_clause", arrayToList(args)]);
}

function clause(): never {
  return raiseError("function_clause");
}

// `(h . t)` with `t` a list of forms; `tail` ends it (a form's own tail may be improper).
function cons(h: Term, t: Term[], tail: Term = null): Term {
  return arrayToList([h, ...t], tail);
}

function isForm(t: Term, head: string): t is Cons {
  return t instanceof Cons && t.hd === head;
}

// `(quote y)`: the quoted form, if `t` is exactly that.
function quoted(t: Term): { y: Term } | undefined {
  if (!isForm(t, "quote") || !(t.tl instanceof Cons) || t.tl.tl !== null) return undefined;
  return { y: t.tl.hd };
}

// `(append xs (list x))` of a form's elements, as a backquote's splice: `badarg` if improper.
function spliceEnd(xs: Term, x: Term): Term {
  const out: Term[] = [];
  let c = xs;
  for (; c instanceof Cons; c = c.tl) out.push(c.hd);
  return c === null ? arrayToList([...out, x]) : raiseError("badarg");
}

/** One step of `->`: `x` as the first argument of `sexp`. */
function threadFirst(x: Term, sexp: Term): Term {
  if (isForm(sexp, "fun")) return form("funcall", sexp, x);
  const q = quoted(sexp);
  if (q !== undefined && q.y instanceof Cons) {
    return form("list*", quote(q.y.hd), x, quote(q.y.tl));
  }
  if (q !== undefined) return form("list", quote(q.y), x);
  if (sexp instanceof Cons) return new Cons(sexp.hd, new Cons(x, sexp.tl));
  return form("list", sexp, x);
}

/** One step of `->>`: `x` as the last argument of `sexp`. */
function threadLast(x: Term, sexp: Term): Term {
  if (isForm(sexp, "fun")) return form("funcall", sexp, x);
  const q = quoted(sexp);
  if (q !== undefined && q.y instanceof Cons) {
    return form("list*", quote(q.y.hd), new Cons("quote", q.y.tl), form("list", x));
  }
  if (q !== undefined) return form("list", quote(q.y), x);
  if (sexp instanceof Cons) return new Cons(sexp.hd, spliceEnd(sexp.tl, x));
  return form("list", sexp, x);
}

type Step = (x: Term, sexp: Term) => Term;

function thread(step: Step): MacroFn {
  return (args) => {
    if (args.length === 0) return clause();
    return args.slice(1).reduce(step, args[0] as Term);
  };
}

// `(case test ('false x) ('undefined x) (_ then))`: `then` unless `test` is falsy.
function unlessFalsy(test: Term, x: Term, then: Term): Term {
  return form("case", test, form(FALSE, x), form(UNDEFINED, x), form("_", then));
}

function condThread(name: string, step: Step): MacroFn {
  return (args) => {
    if (args.length === 0) return clause();
    let x = args[0] as Term;
    for (let i = 1; i < args.length; i += 2) {
      if (i + 1 === args.length) return raiseError(charlist(`${name} requires test/sexp pairs.`));
      x = unlessFalsy(args[i] as Term, x, step(x, args[i + 1] as Term));
    }
    return x;
  };
}

function someThread(step: Step): MacroFn {
  return (args) => {
    if (args.length === 0) return clause();
    return args.slice(1).reduce(
      (x, sexp) => form("if", form("=:=", UNDEFINED, x), UNDEFINED, step(x, sexp)),
      args[0] as Term,
    );
  };
}

function asThread(args: Term[]): Term {
  if (args.length < 2) return clause();
  const [x, name, ...sexps] = args as [Term, Term, ...Term[]];
  return sexps.reduce((acc, sexp) => form("let", form(form(name, acc)), sexp), x);
}

function doto(args: Term[]): Term {
  if (args.length === 0) return caseClause(args);
  const [x, ...sexps] = args as [Term, ...Term[]];
  const calls = sexps.map((s) => s instanceof Cons ? cons(s.hd, ["x*"], s.tl) : form(s, "x*"));
  return form("let", form(form("x*", x)), ...calls, "x*");
}

// condp's clauses: `test >> fun`, `test result`, a default, or none.
function emit(pred: Term, expr: Term, clauses: Term[]): Term {
  if (clauses.length === 0) {
    return form("error", quote("no-matching-clause"), form("list", expr));
  }
  const [a, b, c] = clauses as [Term, Term?, Term?];
  if (clauses.length === 1) return a;
  const test = form("funcall", pred, a, expr);
  if (b === ">>" && clauses.length >= 3) {
    const more = emit(pred, expr, clauses.slice(3));
    return form(
      "case",
      test,
      form(FALSE, more),
      form(UNDEFINED, more),
      form("-P-", form("funcall", c as Term, "-P-")),
    );
  }
  const more = emit(pred, expr, clauses.slice(2));
  return form("case", test, form(FALSE, more), form(UNDEFINED, more), form("_", b as Term));
}

// `[a, b]` when `t` is exactly a list of two forms.
function pair(t: Term): [Term, Term] | undefined {
  if (!(t instanceof Cons) || !(t.tl instanceof Cons) || t.tl.tl !== null) return undefined;
  return [t.hd, t.tl.hd];
}

function ifLet(args: Term[]): Term {
  const binding = pair(args[0] as Term);
  if (binding === undefined || (args.length !== 2 && args.length !== 3)) return caseClause(args);
  const [patt, test] = binding;
  const then = args[1] as Term;
  const otherwise = args.length === 3 ? args[2] as Term : UNDEFINED;
  return form(
    "case",
    test,
    form(FALSE, otherwise),
    form(UNDEFINED, otherwise),
    form(patt, then),
    form("_", otherwise),
  );
}

function iffLet(args: Term[]): Term {
  const outer = args[0];
  const binding = outer instanceof Cons && outer.tl === null ? pair(outer.hd) : undefined;
  if (binding === undefined) return caseClause(args);
  const [patt, test] = binding;
  return form(
    "case",
    test,
    form(FALSE, UNDEFINED),
    form(UNDEFINED, UNDEFINED),
    form(patt, ...args.slice(1)),
    form("_", UNDEFINED),
  );
}

function ifNot(args: Term[]): Term {
  if (args.length !== 2 && args.length !== 3) return caseClause(args);
  const [test, then] = args as [Term, Term];
  const otherwise = args.length === 3 ? args[2] as Term : UNDEFINED;
  return form(
    "case",
    test,
    form(FALSE, then),
    form(UNDEFINED, then),
    form("_", otherwise),
  );
}

// A macro of fixed arguments `(x ...)`: `{case_clause, Args}` for another number of them.
function fixed(n: number, expand: (...xs: Term[]) => Term): MacroFn {
  return (args) => args.length === n ? expand(...args) : caseClause(args);
}

function guard(bif: string): MacroFn {
  return fixed(1, (x) => form(bif, x));
}

function isFunction(args: Term[]): Term {
  if (args.length !== 1 && args.length !== 2) return caseClause(args);
  return form("is_function", ...args);
}

function isRecord(args: Term[]): Term {
  const [x, tag, size] = args as [Term, Term, Term?];
  if (args.length === 2) {
    return form("andalso", form("is_tuple", x), form("=:=", form("tref", x, 1), tag));
  }
  if (args.length === 3) return form("is_record", x, tag, size as Term);
  return caseClause(args);
}

function lazySeq(args: Term[]): Term {
  if (args.length !== 1) return caseClause(args);
  const [seq] = args as [Term];
  if (seq === null) return null;
  const consPattern = form("backquote", new Cons(form("comma", "h"), form("comma", "t")));
  const loop = form(
    "-lazy-seq",
    form(form(null), null),
    form(form(consPattern), form("cons", "h", form("lambda", null, form("-lazy-seq", "t")))),
  );
  return form(
    "lambda",
    null,
    form(
      "let",
      form(form("seq*", seq)),
      form(
        "if",
        form("is_function", "seq*", 0),
        form("funcall", "seq*"),
        form("fletrec", form(loop), form("-lazy-seq", "seq*")),
      ),
    ),
  );
}

function conj(args: Term[]): Term {
  if (args.length === 0) return caseClause(args);
  const [coll, ...xs] = args as [Term, ...Term[]];
  const items = form("list", ...xs);
  const fold = (body: Term) =>
    form("lists:foldl", form("lambda", form("x", "acc"), body), coll, items);
  return form(
    "cond",
    form(form("is_list", coll), form("++", form("lists:reverse", items), coll)),
    form(form("is_tuple", coll), fold(form("erlang:append_element", "acc", "x"))),
    form(form("clj:map?", coll), fold(form("maps:merge", "acc", "x"))),
  );
}

function str(args: Term[]): Term {
  const each = form(
    "clj:cond->",
    "arg",
    form("not", form("call", quote("clj"), quote("string?"), "arg")),
    form("lfe_io:print1"),
  );
  return form("lists:flatmap", form("lambda", form("arg"), each), form("list", ...args));
}

function defn(args: Term[]): Term {
  if (args.length === 0) return caseClause(args);
  const [name, ...rest] = args as [Term, ...Term[]];
  const arity = defnArity(name, rest);
  return form(
    "progn",
    form("defun", name, ...rest),
    form("extend-module", null, form(form("export", form(name, arity)))),
  );
}

/** The macros of `clj` by name. */
export const CLJ_MACROS: Readonly<Record<string, MacroFn>> = {
  defn,
  "defn-": (args) => form("defun", ...args),
  fn: (args) => form("lambda", ...args),
  "->": thread(threadFirst),
  "->>": thread(threadLast),
  "as->": asThread,
  "cond->": condThread("cond->", threadFirst),
  "cond->>": condThread("cond->>", threadLast),
  "some->": someThread(threadFirst),
  "some->>": someThread(threadLast),
  doto,
  "if-let": ifLet,
  "iff-let": iffLet,
  condp: (args) =>
    args.length < 2 ? clause() : emit(args[0] as Term, args[1] as Term, args.slice(2)),
  "if-not": ifNot,
  iff: (args) => {
    if (args.length === 0) return caseClause(args);
    const [test, ...body] = args as [Term, ...Term[]];
    return form(
      "case",
      test,
      form(FALSE, UNDEFINED),
      form(UNDEFINED, UNDEFINED),
      form("_", form("progn", ...body)),
    );
  },
  "when-not": (args) => {
    if (args.length === 0) return caseClause(args);
    const [test, ...body] = args as [Term, ...Term[]];
    const then = form("progn", ...body);
    return form("case", test, form(FALSE, then), form(UNDEFINED, then), form("_", UNDEFINED));
  },
  "not=": (args) => {
    if (args.length === 0) return caseClause(args);
    return args.length === 1 ? FALSE : form("not", form("==", ...args));
  },
  "tuple?": guard("is_tuple"),
  "atom?": guard("is_atom"),
  "binary?": guard("is_binary"),
  "bitstring?": guard("is_bitstring"),
  "boolean?": guard("is_boolean"),
  "bool?": guard("is_boolean"),
  "float?": guard("is_float"),
  "function?": isFunction,
  "func?": isFunction,
  "integer?": guard("is_integer"),
  "int?": guard("is_integer"),
  "number?": guard("is_number"),
  "record?": isRecord,
  "reference?": guard("is_reference"),
  "map?": fixed(1, (x) => form("call", quote("erlang"), quote("is_map"), x)),
  "undefined?": fixed(1, (x) => form("=:=", UNDEFINED, x)),
  "undef?": fixed(1, (x) => form("=:=", UNDEFINED, x)),
  "nil?": fixed(1, (x) => form("orelse", form("=:=", quote("nil"), x), form("=:=", null, x))),
  "true?": fixed(1, (x) => form("=:=", quote(true), x)),
  "false?": fixed(1, (x) => form("=:=", FALSE, x)),
  "falsy?": fixed(1, (x) => form("orelse", form("=:=", FALSE, x), form("=:=", UNDEFINED, x))),
  "odd?": fixed(1, (x) => form("not", form("clj:even?", x))),
  "even?": fixed(1, (x) => form("clj:zero?", form("band", 1, x))),
  "zero?": fixed(1, (x) => form("==", 0, x)),
  "pos?": fixed(1, (x) => form(">", x, 0)),
  "neg?": fixed(1, (x) => form("<", x, 0)),
  "identical?": fixed(2, (x, y) => form("=:=", x, y)),
  str,
  "lazy-seq": lazySeq,
  conj,
};
