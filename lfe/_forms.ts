/**
 * The special forms of LFE's core, one function each: what `quote`, `if`, `case`, `let`,
 * `receive`, `try`, `lambda` and the others compile to.
 *
 * @module
 */

import { Cons, type Term } from "../runtime/mod.ts";
import { compilePattern } from "./_pattern.ts";
import { compileBinary } from "./_bin_build.ts";
import { type FnGen, NeedsGenerator, type Scope, type Special } from "./codegen.ts";
import { elems, type Macro } from "./macros.ts";
import { compileCoreMacro, compileMacro } from "./compile.ts";
import { syntaxMacro } from "./_syntax.ts";

function done(g: FnGen, v: string, tail: boolean): string | undefined {
  if (!tail) return v;
  g.emit(`return ${v};`);
  return undefined;
}

// The value of an expression with an effect (a send, an error), taken now, so that it happens
// before what the expressions after it do.
function now(g: FnGen, v: string, tail: boolean): string | undefined {
  if (tail) return done(g, v, tail);
  const t = g.tmp();
  g.emit(`${t} = ${v};`);
  return t;
}

function quoted(g: FnGen, x: Term): string {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "number") return x < 0 ? `(${x})` : String(x);
  if (typeof x === "boolean" || x === null) return String(x);
  return g.unit.constant(x);
}

// The subject of a match as a plain name, read once.
function subject(g: FnGen, v: string): string {
  if (/^[\w$]+$/.test(v) && !/^\d/.test(v) && v !== "null" && v !== "true" && v !== "false") {
    return v;
  }
  const t = g.tmp();
  g.emit(`${t} = ${v};`);
  return t;
}

/**
 * Clauses tried in order against `s`; the first whose pattern matches and guard holds runs.
 * In value mode the result goes to a temporary; a label lets a clause leave the chain.
 */
function clauses(
  g: FnGen,
  cls: Term[],
  s: string,
  sc: Scope,
  tail: boolean,
  onNoMatch: string,
): string | undefined {
  const label = `$c${g.unit.uid()}`;
  const r = tail ? "" : g.tmp();
  g.emit(`${label}: {`);
  for (const c of cls) {
    const { pat, guard, body } = clauseParts(c);
    const cp = compilePattern(pat, s, host(g, sc));
    const inner = g.scopeWith(cp.binds, sc);
    const test = guard.length > 0 ? `${cp.test} && ${g.guard(guard, inner)}` : cp.test;
    g.emit(`if (${test}) {`);
    const v = g.body(body, inner, tail);
    if (!tail) g.emit(`${r} = ${v};`);
    g.emit(`break ${label}; }`);
  }
  g.emit(`${onNoMatch}; }`);
  return tail ? undefined : r;
}

function clauseParts(c: Term): { pat: Term; guard: Term[]; body: Term[] } {
  const [pat, ...rest] = elems(c, "a clause");
  const w = rest[0];
  if (w instanceof Cons && w.hd === "when") {
    return { pat: pat as Term, guard: elems(w.tl, "a guard"), body: rest.slice(1) };
  }
  return { pat: pat as Term, guard: [], body: rest };
}

function host(g: FnGen, sc: Scope) {
  return g.patternHost(sc);
}

const receive: Special = (g, args, sc, tail) => {
  if (!g.gen) throw new NeedsGenerator();
  const last = args[args.length - 1];
  const hasAfter = last instanceof Cons && last.hd === "after";
  const cls = hasAfter ? args.slice(0, -1) : args;
  const id = g.unit.uid();
  const [i, tm, q, m, ms] = ["$i", "$tm", "$q", "$m", "$ms"].map((n) => `${n}${id}`) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const r = tail ? "" : g.tmp();
  const label = `$r${id}`;
  g.decls.add(i);
  g.decls.add(tm);
  g.decls.add(m);
  let afterBody: Term[] = [];
  if (hasAfter) {
    const [timeout, ...body] = elems((last as Cons).tl, "an after clause");
    g.decls.add(ms);
    g.emit(`${ms} = ${g.value(timeout as Term, sc)};`);
    afterBody = body;
  }
  g.emit(`${i} = $p.qh; ${tm} = false;`);
  g.emit(`${label}: for (;;) { const ${q} = $p.q; if (${q} !== null) {`);
  g.emit(`for (; ${i} < $p.qt; ${i}++) { ${m} = ${q}[${i}]; if (${m} === rt.HOLE) continue;`);
  for (const c of cls) {
    const { pat, guard, body } = clauseParts(c);
    const cp = compilePattern(pat, m, host(g, sc));
    const inner = g.scopeWith(cp.binds, sc);
    const test = guard.length > 0 ? `${cp.test} && ${g.guard(guard, inner)}` : cp.test;
    g.emit(`if (${test}) { $p.take(${i}); if (${tm}) rt.stopTimer($p);`);
    const v = g.body(body, inner, tail);
    if (!tail) g.emit(`${r} = ${v};`);
    g.emit(`break ${label}; }`);
  }
  g.emit(`} }`);
  if (hasAfter) {
    g.emit(`if (${ms} === 0) {`);
    const v = g.body(afterBody, sc, tail);
    if (!tail) g.emit(`${r} = ${v};`);
    g.emit(`break ${label}; }`);
    g.emit(`if (!${tm}) { rt.startTimer($p, ${ms}); ${tm} = true; }`);
  }
  g.emit(`$p.waitLen = $p.qt; yield rt.WAIT;`);
  if (hasAfter) {
    g.emit(`if ($p.timedOut) { $p.timedOut = false; ${tm} = false;`);
    const v = g.body(afterBody, sc, tail);
    if (!tail) g.emit(`${r} = ${v};`);
    g.emit(`break ${label}; }`);
  }
  g.emit(`}`);
  return tail ? undefined : r;
};

const letForm: Special = (g, [bindings, ...body], sc, tail) => {
  const bs = elems(bindings as Term, "let bindings");
  const binds = new Map<string, string>();
  for (const b of bs) {
    const parts = elems(b, "a let binding");
    if (parts.length < 2 || parts.length > 3) throw new TypeError("bad let form");
    const pat = parts[0] as Term;
    const guard = parts.length === 3 ? elems((parts[1] as Cons).tl, "a guard") : [];
    const v = subject(g, g.value(parts[parts.length - 1] as Term, sc));
    const cp = compilePattern(pat, v, host(g, sc));
    const test = guard.length > 0
      ? `${cp.test} && ${g.guard(guard, g.scopeWith(cp.binds, sc))}`
      : cp.test;
    if (test !== "true") g.emit(`if (!(${test})) rt.badmatch(${v});`);
    for (const [k, js] of cp.binds) binds.set(k, js);
  }
  return g.body(body, g.scopeWith(binds, sc), tail);
};

const ifForm: Special = (g, [test, then, otherwise], sc, tail) => {
  const t = g.value(test as Term, sc);
  const r = tail ? "" : g.tmp();
  g.emit(`if (${t} === true) {`);
  const a = g.body([then as Term], sc, tail);
  if (!tail) g.emit(`${r} = ${a};`);
  g.emit(`} else if (${t} === false) {`);
  const b = g.body([otherwise === undefined ? false : otherwise], sc, tail);
  if (!tail) g.emit(`${r} = ${b};`);
  // LFE's if is a case on true and false: any other value is a case_clause.
  g.emit(`} else rt.caseClause(${t});`);
  return tail ? undefined : r;
};

const caseForm: Special = (g, [expr, ...cls], sc, tail) => {
  const s = subject(g, g.value(expr as Term, sc));
  return clauses(g, cls, s, sc, tail, `rt.caseClause(${s})`);
};

const tryForm: Special = (g, [expr, ...parts], sc, tail) => {
  let ofClauses: Term[] | undefined,
    catchClauses: Term[] | undefined,
    afterBody: Term[] | undefined;
  for (const p of parts) {
    const [kind, ...rest] = elems(p, "a try part");
    if (kind === "case") ofClauses = rest;
    else if (kind === "catch") catchClauses = rest;
    else if (kind === "after") afterBody = rest;
    else throw new SyntaxError("bad try form");
  }
  if (catchClauses === undefined && afterBody === undefined) throw new SyntaxError("bad try form");
  const r = g.tmp(), ok = g.tmp(), e = `$e${g.unit.uid()}`;
  g.emit(`${ok} = false;`);
  if (afterBody !== undefined) g.emit(`try {`);
  g.emit(`try {`);
  g.emit(`${r} = ${g.value(expr as Term, sc)}; ${ok} = true;`);
  g.emit(`} catch (${e}) {`);
  if (catchClauses !== undefined) {
    const x = g.tmp();
    // The stack trace is built only when a clause can see it.
    const stack = catchClauses.some((c) => {
      const pat = clauseParts(c).pat;
      if (!(pat instanceof Cons) || pat.hd !== "tuple") return true;
      return elems(pat.tl, "a pattern")[3] !== "_";
    });
    g.emit(`${x} = rt.exceptionParts(${e}${stack ? "" : ", false"});`);
    const v = clauses(g, catchClauses, x, sc, false, `throw ${e}`);
    g.emit(`${r} = ${v};`);
  } else g.emit(`throw ${e};`);
  g.emit(`}`);
  if (ofClauses !== undefined) {
    g.emit(`if (${ok}) {`);
    const v = clauses(g, ofClauses, r, sc, false, `rt.tryClause(${r})`);
    g.emit(`${r} = ${v}; }`);
  }
  if (afterBody !== undefined) {
    g.emit(`} finally {`);
    g.body(afterBody, sc, false);
    g.emit(`}`);
  }
  return done(g, r, tail);
};

const catchForm: Special = (g, body, sc, tail) => {
  const r = g.tmp(), e = `$e${g.unit.uid()}`;
  g.emit(`try {`);
  g.emit(`${r} = ${g.body(body, sc, false)};`);
  g.emit(`} catch (${e}) { ${r} = rt.caught(${e}); }`);
  return done(g, r, tail);
};

const lambda: Special = (g, [params, ...body], sc, tail) => {
  const ps = elems(params as Term, "lambda parameters");
  const clause = new Cons(params as Term, body.reduceRight<Term>((t, b) => new Cons(b, t), null));
  return done(g, g.unit.closure([clause], ps.length, sc, g, "-lambda-"), tail);
};

const matchLambda: Special = (g, cls, sc, tail) => {
  const arity = elems(elems(cls[0] as Term, "a clause")[0] as Term, "clause patterns").length;
  return done(g, g.unit.closure(cls, arity, sc, g, "-match-lambda-"), tail);
};

// (flet ((name (args) body...) ...) body...) and fletrec: functions local to the body.
function fletForm(rec: boolean): Special {
  return (g, [defs, ...body], sc, tail) =>
    g.unit.localFunctions(g, elems(defs as Term, "local functions"), body, sc, tail, rec);
}

const funcall: Special = (g, [f, ...args], sc, tail) => {
  const fv = g.value(f as Term, sc);
  const vals = args.map((a) => g.value(a, sc));
  return g.invoke(`rt.funcall(${fv}, [${vals.join(", ")}])`, true, tail);
};

const callForm: Special = (g, [m, f, ...args], sc, tail) => {
  const mq = m instanceof Cons && m.hd === "quote" ? (m.tl as Cons).hd : undefined;
  const fq = f instanceof Cons && f.hd === "quote" ? (f.tl as Cons).hd : undefined;
  if (typeof mq === "string" && typeof fq === "string") {
    if (
      args.length === 2 && mq === "erlang" &&
      ["+", "-", "*", "<", ">", "=<", ">=", "==", "/=", "=:=", "=/="].includes(fq)
    ) {
      return done(g, g.operator(fq, args, sc), tail);
    }
    const vals = args.map((a) => g.value(a, sc));
    const bif = g.unit.bif(mq, `${fq}/${args.length}`);
    if (bif !== undefined) return g.invoke(`${bif.js}(${vals.join(", ")})`, bif.gen, tail);
    return g.invoke(g.extCall(mq, fq, vals), true, tail);
  }
  const mv = g.value(m as Term, sc), fv = g.value(f as Term, sc);
  const vals = args.map((a) => g.value(a, sc));
  if (typeof fq === "string") {
    // A module computed, a function named: `(call mod 'handle_call req from state)`.
    const key = JSON.stringify(`${fq}/${args.length}`);
    return g.invoke(
      `rt.dynFn(${mv}, ${key}, ${JSON.stringify(fq)}, ${args.length})(${vals.join(", ")})`,
      true,
      tail,
    );
  }
  return g.invoke(`rt.callDynamic(${mv}, ${fv}, [${vals.join(", ")}])`, true, tail);
};

const functionForm: Special = (g, args, sc, tail) => {
  if (args.length === 2) {
    const key = `${String(args[0])}/${String(args[1])}`;
    return done(g, g.unit.funRef(key, sc, g), tail);
  }
  const [m, f, a] = args;
  return done(g, `rt.extFun(${JSON.stringify(m)}, ${JSON.stringify(f)}, ${Number(a)})`, tail);
};

// (let-macro ((name lambda|match-lambda) ...) body...), and `macrolet`/`syntaxlet` made into
// it: macros seen only in the body.
function localMacros(kind: "core" | "defmacro" | "syntax"): Special {
  return (g, [defs, ...body], sc, tail) => {
    const macros = g.unit.macroEnv.macros;
    const saved = new Map<string, Macro | undefined>();
    for (const d of elems(defs as Term, "local macros")) {
      const [name, ...rest] = elems(d, "a local macro");
      const n = name as string;
      if (!saved.has(n)) saved.set(n, macros.get(n));
      macros.set(
        n,
        kind === "core"
          ? compileCoreMacro(n, rest[0] as Term, macros, g.unit.name)
          : kind === "defmacro"
          ? compileMacro(n, rest, macros, g.unit.name)
          : syntaxMacro(n, rest),
      );
    }
    try {
      return g.body(body, sc, tail);
    } finally {
      for (const [n, m] of saved) {
        if (m === undefined) macros.delete(n);
        else macros.set(n, m);
      }
    }
  };
}

/** The special forms by name. */
export const SPECIAL_FORMS: Record<string, Special> = {
  quote: (g, [x], _sc, tail) => done(g, quoted(g, x as Term), tail),
  cons: (g, [h, t], sc, tail) =>
    done(g, `new rt.Cons(${g.value(h as Term, sc)}, ${g.value(t as Term, sc)})`, tail),
  car: (g, [x], sc, tail) => now(g, `rt.car(${g.value(x as Term, sc)})`, tail),
  cdr: (g, [x], sc, tail) => now(g, `rt.cdr(${g.value(x as Term, sc)})`, tail),
  list: (g, xs, sc, tail) => {
    const vals = xs.map((x) => g.value(x, sc));
    // A long list is built from an array: a call takes at most about 65,000 arguments.
    const make = vals.length > 256
      ? `rt.arrayToList([${vals.join(", ")}])`
      : `rt.list(${vals.join(", ")})`;
    return done(g, vals.length === 0 ? "null" : make, tail);
  },
  tuple: (g, xs, sc, tail) => done(g, `[${xs.map((x) => g.value(x, sc)).join(", ")}]`, tail),
  binary: (g, xs, sc, tail) => now(g, compileBinary(g, xs, sc), tail),
  map: (g, xs, sc, tail) => {
    const pairs: string[] = [];
    for (let i = 0; i + 1 < xs.length; i += 2) {
      pairs.push(`[${g.value(xs[i] as Term, sc)}, ${g.value(xs[i + 1] as Term, sc)}]`);
    }
    return done(g, `new rt.TermMap([${pairs.join(", ")}])`, tail);
  },
  progn: (g, body, sc, tail) => g.body(body, sc, tail),
  if: ifForm,
  case: caseForm,
  let: letForm,
  receive,
  try: tryForm,
  catch: catchForm,
  lambda,
  "match-lambda": matchLambda,
  flet: fletForm(false),
  "let-function": fletForm(false),
  fletrec: fletForm(true),
  "letrec-function": fletForm(true),
  funcall,
  "let-macro": localMacros("core"),
  macrolet: localMacros("defmacro"),
  syntaxlet: localMacros("syntax"),
  call: callForm,
  function: functionForm,
  "!": (g, [to, msg], sc, tail) =>
    now(g, `rt.send(${g.value(to as Term, sc)}, ${g.value(msg as Term, sc)})`, tail),
};
