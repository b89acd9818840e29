/**
 * LFE's own modules that programs call: `lfe` (`eval/1,2`, the `macroexpand` family, the
 * association-list functions), `lfe_env` (environments of variables and functions), `lfe_eval`
 * (`expr`, `exprs`, `add_dynamic_func`), `lfe_macro` (`expand_expr`, `expand_expr_1`,
 * `expand_expr_all`), `lfe_scan:string` and `lfe_parse:sexpr` (LFE's token format), and
 * `lfe_comp:file` (compiles a file and loads its modules). An environment is LFE's term
 * `#(env vars funs records)` with maps inside.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { defineModule } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { resolve } from "../../runtime/call.ts";
import { printTerm } from "../../runtime/print_term.ts";
import {
  arrayToList,
  charlist,
  charlistToString,
  Cons,
  type Fun,
  listToArray,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { compileExpr, evalForm } from "../eval.ts";
import { macroexpand1 } from "../macros.ts";
import { readForm } from "../reader.ts";
import { scan, type Token } from "../scanner.ts";
import { runNow } from "../compile.ts";
import { compileLfeFileModules, LfeFileError } from "../loader.ts";
import { moduleTable } from "./_util.ts";

type Env = [string, TermMap, TermMap, TermMap];

function isEnv(e: Term): e is Env {
  return Array.isArray(e) && e.length === 4 && e[0] === "env" && e[1] instanceof TermMap;
}

function env(e: Term): Env {
  return isEnv(e) ? e : raiseError("badarg");
}

const newEnv = (): Env => ["env", new TermMap(), new TermMap(), new TermMap()];

function vars(e: Env): Map<string, Term> {
  const m = new Map<string, Term>();
  for (const [k, v] of e[1].entries()) if (typeof k === "string") m.set(k, v);
  return m;
}

// The function `name/arity` an environment holds: a dynamic function's definition evaluated
// in that environment, as LFE does when it is called.
function envFun(e: Env, name: string, arity: number): Fun | undefined {
  const defs = e[2].get(name);
  if (defs === undefined) return undefined;
  for (const d of listToArray(defs)) {
    if (!Array.isArray(d) || d[0] !== arity) continue;
    const val = d[1] as Term;
    if (typeof val === "function") return val as Fun;
    if (Array.isArray(val) && val[0] === "dynamic_expr") {
      const names = [...vars(e).keys()];
      const f = compileExpr(val[1] as Term, names, "lfe_eval", { scope: scopeOf(e) });
      return runNow(f(...names.map((n) => e[1].get(n)))) as Fun;
    }
  }
  return undefined;
}

function scopeOf(e: Env) {
  return {
    variable: (name: string) => e[1].get(name),
    fn: (name: string, arity: number) =>
      envFun(e, name, arity) ?? (name === "funcall" && arity >= 1 ? evalFuncall : undefined),
  };
}

// `funcall` as LFE's evaluator has it: a fun, or a `(lambda ...)` form taken as one.
const evalFuncall = function* (f: Term, ...args: Term[]) {
  let fn: Term = f;
  if (f instanceof Cons && (f.hd === "lambda" || f.hd === "match-lambda")) {
    fn = yield* evalIn(f, newEnv());
  }
  if (typeof fn !== "function") return raiseError(["badfun", f]);
  return yield* resolve((fn as Fun)(...args));
};

function* evalIn(form: Term, e: Env) {
  return yield* evalForm(form, vars(e), { scope: scopeOf(e) });
}

function addFun(e: Env, name: Term, arity: Term, value: Term): Env {
  if (typeof name !== "string" || typeof arity !== "number") return raiseError("badarg");
  const old = e[2].get(name);
  const kept = old === undefined
    ? []
    : listToArray(old).filter((d) => !(Array.isArray(d) && d[0] === arity));
  return [e[0], e[1], e[2].put(name, arrayToList([[arity, value], ...kept])), e[3]];
}

/** A form expanded at its top until it is no macro call. */
function expandTop(form: Term): Term {
  let f = form;
  for (let i = 0; i < 10000; i++) {
    const x = macroexpand1(f, { macros: new Map() });
    if (x === undefined) return f;
    f = x;
  }
  return f;
}

/** A form with every macro in it expanded (quoted data left alone). */
function expandAll(form: Term): Term {
  const f = expandTop(form);
  if (!(f instanceof Cons)) return f;
  if (f.hd === "quote") return f;
  const out: Term[] = [];
  let c: Term = f;
  for (; c instanceof Cons; c = c.tl) out.push(out.length === 0 ? c.hd : expandAll(c.hd));
  return arrayToList(out, c);
}

const LFE: ModuleFunctions = moduleTable("lfe", {
  "eval/1": function* (form: Term) {
    return yield* evalIn(form, newEnv());
  },
  "eval/2": function* (form: Term, e: Term) {
    return yield* evalIn(form, env(e));
  },
  "macroexpand/1": (f: Term) => expandTop(f),
  "macroexpand/2": (f: Term, _e: Term) => expandTop(f),
  "macroexpand-1/1": (f: Term) => macroexpand1(f, { macros: new Map() }) ?? f,
  "macroexpand-1/2": (f: Term, _e: Term) => macroexpand1(f, { macros: new Map() }) ?? f,
  "macroexpand-all/1": (f: Term) => expandAll(f),
  "macroexpand-all/2": (f: Term, _e: Term) => expandAll(f),
  "macro-function/1": (_n: Term) => "undefined",
  "macro-function/2": (_n: Term, _e: Term) => "undefined",
  "acons/3": (k: Term, v: Term, l: Term) => new Cons(new Cons(k, v), l),
  "pairlis/2": (ks: Term, vs: Term) => pairlis(ks, vs, null),
  "pairlis/3": (ks: Term, vs: Term, l: Term) => pairlis(ks, vs, l),
  "assoc/2": (k: Term, l: Term) =>
    listToArray(l).find((p) => p instanceof Cons && exactEq(p.hd, k)) ?? null,
  "rassoc/2": (v: Term, l: Term) =>
    listToArray(l).find((p) => p instanceof Cons && exactEq(p.tl, v)) ?? null,
  "subst/3": (n: Term, o: Term, t: Term) => subst(n, o, t),
  "version/0": () => charlist("2.2.0"),
});

function pairlis(ks: Term, vs: Term, l: Term): Term {
  const a = listToArray(ks), b = listToArray(vs);
  if (a.length !== b.length) return raiseError("badarg");
  return arrayToList(a.map((k, i) => new Cons(k, b[i] as Term)), l);
}

function subst(n: Term, o: Term, t: Term): Term {
  if (exactEq(t, o)) return n;
  if (t instanceof Cons) return new Cons(subst(n, o, t.hd), subst(n, o, t.tl));
  return t;
}

const LFE_ENV: ModuleFunctions = moduleTable("lfe_env", {
  "new/0": () => newEnv(),
  "add_vbinding/3": (n: Term, v: Term, e: Term) => {
    const x = env(e);
    return [x[0], x[1].put(n, v), x[2], x[3]];
  },
  "add_vbindings/2": (vs: Term, e: Term) => {
    let m = env(e)[1];
    for (const p of listToArray(vs)) {
      if (!Array.isArray(p) || p.length !== 2) return raiseError("badarg");
      m = m.put(p[0] as Term, p[1] as Term);
    }
    const x = env(e);
    return [x[0], m, x[2], x[3]];
  },
  "is_vbound/2": (n: Term, e: Term) => env(e)[1].has(n),
  "get_vbinding/2": (n: Term, e: Term) => {
    const v = env(e)[1].get(n);
    return v === undefined ? "no" : ["yes", v];
  },
  "fetch_vbinding/2": (n: Term, e: Term) => env(e)[1].get(n) ?? raiseError("badarg"),
  "del_vbinding/2": (n: Term, e: Term) => {
    const x = env(e);
    return [x[0], x[1].remove(n), x[2], x[3]];
  },
  "get_vars/1": (e: Term) => env(e)[1],
  "get_funs/1": (e: Term) => env(e)[2],
  "add_fbinding/4": (n: Term, a: Term, v: Term, e: Term) => addFun(env(e), n, a, v),
  "is_fbound/3": (n: Term, a: Term, e: Term) =>
    typeof n === "string" && typeof a === "number" && envFun(env(e), n, a) !== undefined,
});

const LFE_EVAL: ModuleFunctions = moduleTable("lfe_eval", {
  "expr/1": function* (form: Term) {
    return yield* evalIn(form, newEnv());
  },
  "expr/2": function* (form: Term, e: Term) {
    return yield* evalIn(form, env(e));
  },
  "exprs/1": function* (forms: Term) {
    const out: Term[] = [];
    for (const f of listToArray(forms)) out.push(yield* evalIn(f, newEnv()));
    return arrayToList(out);
  },
  "exprs/2": function* (forms: Term, e: Term) {
    const out: Term[] = [];
    for (const f of listToArray(forms)) out.push(yield* evalIn(f, env(e)));
    return arrayToList(out);
  },
  "add_dynamic_func/4": (n: Term, a: Term, def: Term, e: Term) =>
    addFun(env(e), n, a, ["dynamic_expr", def]),
});

const LFE_MACRO: ModuleFunctions = moduleTable("lfe_macro", {
  "expand_expr/2": (f: Term, _e: Term) => {
    const x = expandTop(f);
    return x === f ? "no" : ["yes", x];
  },
  "expand_expr_1/2": (f: Term, _e: Term) => {
    const x = macroexpand1(f, { macros: new Map() });
    return x === undefined ? "no" : ["yes", x];
  },
  "expand_expr_all/2": (f: Term, _e: Term) => expandAll(f),
});

// Our tokens in LFE's format: `#(|(| line)`, `#(symbol line name)`, `#(number line n)`, ...
function lfeToken(t: Token): Term[] {
  switch (t.kind) {
    case "symbol":
      return [["symbol", t.line, t.name]];
    case "number":
      return [["number", t.line, t.value]];
    case "string":
      return [["string", t.line, arrayToList(t.codes)]];
    case "binary":
      return [["binary", t.line, t.value]];
    case "#'":
      return [["#'", t.line], ["symbol", t.line, t.name]];
    case "eof":
      return [];
    default:
      return [[t.kind, t.line]];
  }
}

// A token as text that reads back to it.
function tokenText(t: Term): string {
  if (!Array.isArray(t)) return raiseError("badarg");
  const [kind, , v] = t;
  if (kind === "symbol") return `|${String(v).replace(/[|\\]/g, (c) => `\\${c}`)}|`;
  if (kind === "number" || kind === "string" || kind === "binary") {
    return kind === "string" && v === null ? '""' : printTerm(v as Term);
  }
  if (kind === "#'") return "#'";
  return String(kind);
}

const LFE_SCAN: ModuleFunctions = moduleTable("lfe_scan", {
  "string/1": (s: Term) => scanString(s, 1),
  "string/2": (s: Term, line: Term) => scanString(s, typeof line === "number" ? line : 1),
});

function scanString(s: Term, line: number): Term {
  const text = charlistToString(s) ?? raiseError("badarg");
  try {
    const toks = scan(text);
    const last = toks[toks.length - 1];
    return ["ok", arrayToList(toks.flatMap(lfeToken)), (last?.line ?? 1) + line - 1];
  } catch (e) {
    return [
      "error",
      [line, "lfe_scan", charlist(e instanceof Error ? e.message : String(e))],
      line,
    ];
  }
}

const LFE_PARSE: ModuleFunctions = moduleTable("lfe_parse", {
  "sexpr/1": (ts: Term) => parseSexpr(ts),
  "sexpr/2": (_cont: Term, ts: Term) => parseSexpr(ts),
});

function parseSexpr(ts: Term): Term {
  const toks = listToArray(ts);
  if (toks.length === 0) return ["more", []];
  const texts = toks.map(tokenText);
  let text = "";
  const ends: number[] = [];
  for (const t of texts) {
    text += (text === "" || t === "#'" ? "" : " ") + t;
    ends.push(text.length);
  }
  // `#'` and the symbol after it are one token of our reader.
  text = text.replace(/#' \|/g, "#'|");
  const r = readForm(text);
  if (r.kind === "more") return ["more", []];
  if (r.kind === "error") {
    return ["error", [1, "lfe_parse", charlist(r.error.lfe)], arrayToList(toks)];
  }
  const used = text.length - r.rest.length;
  let n = 0;
  while (n < ends.length && (ends[n] as number) <= used) n++;
  const line = (toks[0] as Term[])[1] as Term;
  return ["ok", line, r.form, arrayToList(toks.slice(n))];
}

const LFE_COMP: ModuleFunctions = moduleTable("lfe_comp", {
  "file/1": (f: Term) => compFile(f, null),
  "file/2": (f: Term, opts: Term) => compFile(f, opts),
});

function compFile(f: Term, opts: Term): Term {
  const name = charlistToString(f) ?? (typeof f === "string" ? f : raiseError("badarg"));
  const path = name.endsWith(".lfe") ? name : `${name}.lfe`;
  const options = listToArray(opts);
  const ret = options.some((o) => o === "return" || o === "return_errors");
  try {
    const ms = compileLfeFileModules(path);
    for (const m of ms) defineModule(m.name, m.functions);
    const warnings = arrayToList(
      ms.flatMap((m) => m.warnings.map((w) => [w.line ?? "none", "lfe_lint", charlist(w.text)])),
    );
    if (ms.length === 1) {
      return ret
        ? ["ok", ms[0]!.name, ms.length > 0 ? warningsOf(path, warnings) : null]
        : ["ok", ms[0]!.name];
    }
    const all = arrayToList(ms.map((m) => ["ok", m.name]));
    return ret ? ["ok", all, warningsOf(path, warnings)] : ["ok", all];
  } catch (e) {
    if (!(e instanceof LfeFileError)) throw e;
    if (!ret) return "error";
    const err = arrayToList([[
      charlist(path),
      arrayToList([[e.line, "lfe_comp", charlist(e.text)]]),
    ]]);
    return ["error", err, null];
  }
}

function warningsOf(path: string, ws: Term): Term {
  return ws === null ? null : arrayToList([[charlist(path), ws]]);
}

/** Defines LFE's own modules. */
export function registerLfeModules(): void {
  defineModule("lfe", LFE);
  defineModule("lfe_env", LFE_ENV);
  defineModule("lfe_eval", LFE_EVAL);
  defineModule("lfe_macro", LFE_MACRO);
  defineModule("lfe_scan", LFE_SCAN);
  defineModule("lfe_parse", LFE_PARSE);
  defineModule("lfe_comp", LFE_COMP);
}
