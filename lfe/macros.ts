/**
 * Macro expansion: LFE's core macros (`let*`, `cond`, `andalso`, `orelse`, `++`, `list*`,
 * `mod:fun` calls, n-ary arithmetic, backquote, `defrecord`'s accessors) and the macros a
 * module defines. {@linkcode macroexpand1} expands the head of one form a step; the compiler
 * calls it wherever a form is not a core form.
 *
 * @module
 */

import { arrayToList, Cons, listToArray, type Term, TermMap } from "../runtime/mod.ts";
import { binaryComp, listComp, maybeForm } from "./_comprehensions.ts";
import { gensym, RECORD_FORMS } from "./_records.ts";
import { STRUCT_FORMS } from "./_structs.ts";
import { matchSpec } from "./_ms.ts";

export { defineRecord } from "./_records.ts";

/** A macro: the argument forms in, the expansion out (`undefined`: nothing to expand). */
export type Macro = (args: Term[]) => Term | undefined;

/** What expansion knows of the module being compiled. */
export interface MacroEnv {
  /** Macros by name (the module's own, and records' accessors). */
  macros: Map<string, Macro>;
  /** The module being compiled, for `(MODULE)`. */
  module?: string;
  /** The function being compiled (`name/arity`), for `(FUNCTION_NAME)`, `(FUNCTION_ARITY)`. */
  function?: string;
  /** Module aliases (`module-alias`): the short name → the module. */
  aliases?: Map<string, string>;
}

const EXPORTED_MACROS = new Map<string, Map<string, Macro>>();

/**
 * Makes `macros` callable from other modules as `(module:name ...)` (LFE's `export-macro`): a
 * call of `module:name` expands with them before it is taken as a call of a function.
 */
export function registerExportedMacros(module: string, macros: ReadonlyMap<string, Macro>): void {
  const m = EXPORTED_MACROS.get(module) ?? new Map<string, Macro>();
  for (const [k, v] of macros) m.set(k, v);
  EXPORTED_MACROS.set(module, m);
}

/** The macro `name` that `module` exports, if any. */
export function exportedMacro(module: string, name: string): Macro | undefined {
  return EXPORTED_MACROS.get(module)?.get(name);
}

/** A form that is a call of `head` with `args`. */
export function form(head: Term, ...args: Term[]): Term {
  return arrayToList([head, ...args]);
}

/** `(quote x)`. */
export function quote(x: Term): Term {
  return form("quote", x);
}

/** `(call 'm 'f args...)`: a call of `m:f` by name. */
export function call(m: string, f: string, ...args: Term[]): Term {
  return form("call", quote(m), quote(f), ...args);
}

/** The elements of a proper list form; a TypeError names what was not one. */
export function elems(t: Term, what: string): Term[] {
  try {
    return listToArray(t);
  } catch {
    throw new TypeError(`Cannot read ${what}: not a proper list`);
  }
}

/**
 * Backquote: the form that builds `x` with its commas evaluated. A backquote inside keeps its
 * own commas (one level deeper), as in Scheme and LFE.
 */
export function backquote(x: Term, level = 0): Term {
  if (x instanceof Cons) {
    const h = x.hd;
    if (h === "comma" && x.tl instanceof Cons && x.tl.tl === null) {
      return level === 0 ? x.tl.hd : form("list", quote("comma"), backquote(x.tl.hd, level - 1));
    }
    if (h === "comma-at" && x.tl instanceof Cons && x.tl.tl === null) {
      if (level === 0) throw new SyntaxError("Cannot splice ,@ outside a list");
      return form("list", quote("comma-at"), backquote(x.tl.hd, level - 1));
    }
    if (h === "backquote" && x.tl instanceof Cons && x.tl.tl === null) {
      return form("list", quote("backquote"), backquote(x.tl.hd, level + 1));
    }
    if (h instanceof Cons && h.hd === "comma-at" && level === 0) {
      const spliced = (h.tl as Cons).hd;
      return x.tl === null ? spliced : call("erlang", "++", spliced, backquote(x.tl, level));
    }
    return form("cons", backquote(h, level), backquote(x.tl, level));
  }
  if (Array.isArray(x)) {
    if (level === 0 && x.some((e) => e instanceof Cons && e.hd === "comma-at")) {
      return call("erlang", "list_to_tuple", backquote(arrayToList(x), level));
    }
    return form("tuple", ...x.map((e) => backquote(e, level)));
  }
  if (x instanceof TermMap) {
    const kvs: Term[] = [];
    for (const [k, v] of x.entries()) kvs.push(backquote(k, level), backquote(v, level));
    return form("map", ...kvs);
  }
  if (x === null) return null;
  return typeof x === "string" ? quote(x) : x;
}

// n-ary arithmetic as nested binary operations; the binary form itself is the operator.
function nary(op: string, args: Term[], unit?: Term): Term | undefined {
  if (args.length === 2) return undefined;
  if (args.length === 0) {
    if (unit === undefined) throw new SyntaxError(`Cannot call ${op} with no arguments`);
    return unit;
  }
  if (args.length === 1) return op === "-" ? form("-", 0, args[0] as Term) : args[0] as Term;
  let acc = form(op, args[0] as Term, args[1] as Term);
  for (let i = 2; i < args.length; i++) acc = form(op, acc, args[i] as Term);
  return acc;
}

// (< a b c): each argument once, each neighbour pair compared, all true.
function chain(op: string, args: Term[]): Term | undefined {
  if (args.length === 2) return undefined;
  if (args.length < 2) throw new SyntaxError(`Cannot call ${op} with ${args.length} argument`);
  const vs = args.map(() => gensym("cmp"));
  const tests = vs.slice(1).map((v, i) => form(op, vs[i] as Term, v));
  return form(
    "let",
    arrayToList(args.map((a, i) => form(vs[i] as Term, a))),
    form("andalso", ...tests),
  );
}

function cond(clauses: Term[]): Term {
  if (clauses.length === 0) return false;
  const [c, ...rest] = clauses;
  const [test, ...body] = elems(c as Term, "a cond clause");
  if (test instanceof Cons && test.hd === "?=") {
    const [pat, ...more] = elems(test.tl, "a ?= test");
    const guard = more.length === 2 ? [more[0] as Term] : [];
    const expr = more[more.length - 1] as Term;
    return form(
      "case",
      expr,
      arrayToList([pat as Term, ...guard, ...body]),
      form("_", cond(rest)),
    );
  }
  const then = body.length === 0 ? test as Term : form("progn", ...body);
  if ((test === true || test === "else") && body.length > 0) return then;
  return form("if", test as Term, then, cond(rest));
}

type CoreMacro = (args: Term[], env: MacroEnv) => Term | undefined;

const CXR: Record<string, CoreMacro> = {};
for (const n of [2, 3, 4]) {
  const names = [""];
  for (let i = 0; i < n; i++) {
    names.splice(0, names.length, ...names.flatMap((x) => [x + "a", x + "d"]));
  }
  for (const ops of names) {
    CXR[`c${ops}r`] = ([x]) =>
      [...ops].reduceRight<Term>((acc, o) => form(o === "a" ? "car" : "cdr", acc), x as Term);
  }
}

const CORE_MACROS: Record<string, CoreMacro> = {
  ...CXR,
  "!=": (args) => form("/=", ...args),
  "===": (args) => form("=:=", ...args),
  "!==": (args) => form("=/=", ...args),
  MODULE: (_args, env) => quote(env.module ?? "-no-module-"),
  FUNCTION_NAME: (_args, env) => {
    const f = env.function ?? "-no-function-/0";
    return quote(f.slice(0, f.lastIndexOf("/")));
  },
  FUNCTION_ARITY: (_args, env) => {
    const f = env.function ?? "-no-function-/0";
    return Number(f.slice(f.lastIndexOf("/") + 1));
  },
  prog1: ([first, ...rest]) => {
    const v = gensym("prog1");
    return form("let", arrayToList([form(v, first as Term)]), ...rest, v);
  },
  prog2: ([first, second, ...rest]) => {
    const v = gensym("prog2");
    return form(
      "progn",
      first as Term,
      form("let", arrayToList([form(v, second as Term)]), ...rest, v),
    );
  },
  fun: (args) => {
    const arity = args[args.length - 1];
    if (typeof arity !== "number") throw new SyntaxError("bad fun form");
    const vs = Array.from({ length: arity }, () => gensym("arg"));
    const target = args.length === 2
      ? form(args[0] as Term, ...vs)
      : form("call", quote(args[0] as Term), quote(args[1] as Term), ...vs);
    return form("lambda", arrayToList(vs), target);
  },
  do: ([pars, test, ...body]) => {
    const ps = elems(pars as Term, "do variables").map((p) => elems(p, "a do variable"));
    const [stop, ret] = elems(test as Term, "a do test");
    const loop = gensym("do");
    return form(
      "letrec-function",
      arrayToList([form(
        loop,
        form(
          "lambda",
          arrayToList(ps.map((p) => p[0] as Term)),
          form(
            "if",
            stop as Term,
            (ret === undefined ? false : ret) as Term,
            form(
              "let",
              arrayToList([form("do-state", form("progn", ...body))]),
              form(loop, ...ps.map((p) => p[2] as Term)),
            ),
          ),
        ),
      )]),
      form(loop, ...ps.map((p) => p[1] as Term)),
    );
  },
  tref: ([t, i]) => call("erlang", "element", i as Term, t as Term),
  tset: ([t, i, v]) => call("erlang", "setelement", i as Term, t as Term, v as Term),
  mref: ([m, k]) => call("maps", "get", k as Term, m as Term),
  "map-get": ([m, k]) => call("maps", "get", k as Term, m as Term),
  msiz: ([m]) => call("erlang", "map_size", m as Term),
  "map-size": ([m]) => call("erlang", "map_size", m as Term),
  mset: (args) => mapChain("put", args),
  "map-set": (args) => mapChain("put", args),
  mupd: (args) => mapChain("update", args),
  "map-update": (args) => mapChain("update", args),
  mrem: ([m, ...ks]) => ks.reduce<Term>((acc, k) => call("maps", "remove", k, acc), m as Term),
  "map-remove": ([m, ...ks]) =>
    ks.reduce<Term>((acc, k) => call("maps", "remove", k, acc), m as Term),
  "binary-comp": (args) => binaryComp(args),
  bc: (args) => binaryComp(args),
  maybe: (args) => maybeForm(args),
  "ets-ms": (args, env) => matchSpec("table", args, env),
  "table-ms": (args, env) => matchSpec("table", args, env),
  "match-spec": (args, env) => matchSpec("table", args, env),
  "trace-ms": (args, env) => matchSpec("trace", args, env),
  "dbg-ms": (args, env) => matchSpec("trace", args, env),
  "let*": ([bindings, ...body]) => {
    const bs = elems(bindings as Term, "let* bindings");
    if (bs.length === 0) return form("let", null, ...body);
    return bs.reduceRight<Term>(
      (inner, b) => form("let", arrayToList([b]), inner),
      form("progn", ...body),
    );
  },
  "flet*": ([bindings, ...body]) => {
    const bs = elems(bindings as Term, "flet* bindings");
    return bs.reduceRight<Term>(
      (inner, b) => form("flet", arrayToList([b]), inner),
      form("progn", ...body),
    );
  },
  cond: (clauses) => cond(clauses),
  andalso: (args) =>
    args.length === 0
      ? true
      : args.reduceRight((rest, a) => form("if", a, rest, false), args.pop() as Term),
  orelse: (args) =>
    args.length === 0
      ? false
      : args.reduceRight((rest, a) => form("if", a, true, rest), args.pop() as Term),
  "++": (args) =>
    args.length === 0
      ? null
      : args.reduceRight((rest, a) => call("erlang", "++", a, rest), args.pop() as Term),
  "list*": (args) => {
    if (args.length === 0) throw new SyntaxError("Cannot call list* with no arguments");
    return args.reduceRight((rest, a) => form("cons", a, rest), args.pop() as Term);
  },
  ":": ([m, f, ...args]) => {
    const exported = typeof m === "string" && typeof f === "string"
      ? exportedMacro(m, f)
      : undefined;
    if (exported !== undefined) return exported(args);
    return form("call", quote(m as Term), quote(f as Term), ...args);
  },
  "+": (args) => nary("+", args, 0),
  "*": (args) => nary("*", args, 1),
  "-": (args) =>
    args.length === 1
      ? form("call", quote("erlang"), quote("-"), args[0] as Term)
      : nary("-", args),
  "/": (args) => nary("/", args),
  and: (args) => args.length > 2 ? args.reduceRight((acc, a) => form("and", a, acc)) : undefined,
  or: (args) => args.length > 2 ? args.reduceRight((acc, a) => form("or", a, acc)) : undefined,
  ...Object.fromEntries(
    ["<", ">", "=<", ">=", "==", "=:=", "/=", "=/="].map((
      op,
    ) => [op, (args: Term[]) => chain(op, args)]),
  ),
  backquote: ([x]) => backquote(x as Term, 0),
  "?": (args) => {
    const omega = form("omega", "omega");
    if (args.length === 0) return form("receive", omega);
    const dflt = args.length === 2
      ? args[1] as Term
      : form("call", quote("erlang"), quote("exit"), quote("timeout"));
    return form("receive", omega, form("after", args[0] as Term, dflt));
  },
  "--": (args) =>
    args.length === 0
      ? null
      : args.reduceRight((rest, a) => call("erlang", "--", a, rest), args.pop() as Term),
  send: ([to, msg]) => form("!", to as Term, msg as Term),
  unless: ([test, ...body]) => form("if", test as Term, false, form("progn", ...body)),
  when: ([test, ...body]) => form("if", test as Term, form("progn", ...body), false),
  "list-comp": (args) => listComp(args),
  lc: (args) => listComp(args),
};

// (map-set m k v k v ...): one `maps:put` (or `maps:update`) a pair.
function mapChain(how: string, [m, ...kvs]: Term[]): Term {
  let acc = m as Term;
  for (let i = 0; i + 1 < kvs.length; i += 2) {
    acc = call("maps", how, kvs[i] as Term, kvs[i + 1] as Term, acc);
  }
  return acc;
}

/**
 * Expands the head of `f` one step, or returns `undefined` if it is no macro call. Module
 * macros come first, then the core macros; `(mod:fun args...)` becomes a `call`.
 */
export function macroexpand1(f: Term, env: MacroEnv): Term | undefined {
  if (!(f instanceof Cons) || typeof f.hd !== "string") return undefined;
  const head = f.hd;
  const user = env.macros.get(head);
  if (user !== undefined) return user(elems(f.tl, `the arguments of ${head}`));
  if (Object.hasOwn(STRUCT_FORMS, head)) {
    return (STRUCT_FORMS[head] as CoreMacro)(elems(f.tl, `the arguments of ${head}`), env);
  }
  if (Object.hasOwn(RECORD_FORMS, head)) {
    return (RECORD_FORMS[head] as CoreMacro)(elems(f.tl, `the arguments of ${head}`), env);
  }
  if (Object.hasOwn(CORE_MACROS, head)) {
    return (CORE_MACROS[head] as CoreMacro)(elems(f.tl, `the arguments of ${head}`), env);
  }
  const colon = head.indexOf(":");
  if (
    colon > 0 && colon < head.length - 1 && head !== "=:=" && head.indexOf(":", colon + 1) < 0
  ) {
    const mod = env.aliases?.get(head.slice(0, colon)) ?? head.slice(0, colon);
    const exported = exportedMacro(mod, head.slice(colon + 1));
    if (exported !== undefined) return exported(elems(f.tl, `the arguments of ${head}`));
    return form(
      "call",
      quote(mod),
      quote(head.slice(colon + 1)),
      ...elems(f.tl, `the arguments of ${head}`),
    );
  }
  return undefined;
}
