/**
 * What the tests of `clj` and `cl` replay, recorded from LFE 2.2 in compat/:
 *
 * - cases.txt: calls, each an expression of calls (`(clj:take 2 (clj:range))`), quoted data,
 *   `(list ...)`, `(funcall ...)` and the funs `#'f-inc/1`, ... of the module the cases were
 *   compiled in; each result as `#(ok Value)` or `#(Class Reason)`, written with `~w`, every fun
 *   in it as `#(fun Arity)`. {@linkcode evalCase} evaluates one here and writes it the same way.
 * - expansions.txt: what `'LFE-EXPAND-EXPORTED-MACRO'/3` gives for macro calls.
 * - clj-demo.lfe, cl-demo.lfe: modules that use the functions and macros, compiled and run
 *   here by {@linkcode runProgram}.
 */

import { resolve } from "../../../runtime/call.ts";
import { defineModule, findFunction } from "../../../runtime/code.ts";
import { run } from "../../../runtime/api.ts";
import { caught } from "../../../runtime/errors.ts";
import type { Yielded } from "../../../runtime/process.ts";
import { writeTerm } from "../../../runtime/print_term.ts";
import { exactEq } from "../../../runtime/term_order.ts";
import {
  arrayToList,
  Cons,
  type Fun,
  funInfo,
  listToArray,
  nameFun,
  type Term,
  TermMap,
} from "../../../runtime/terms.ts";
import { compileModule, readAll } from "../../../lfe/mod.ts";
import { CL } from "../../../lfe/builtins/cl.ts";
import { CLJ } from "../../../lfe/builtins/clj.ts";
import { add, isAtom, isInteger, lt, rem } from "../../../lfe/builtins/ops.ts";
import { applyFun } from "../../../lfe/builtins/_util.ts";
import { raiseError } from "../../../runtime/errors.ts";
import { createNode, setDefaultNode } from "../../../runtime/mod.ts";
import { inProcess } from "./_check.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** One recorded case: the expression and what LFE 2.2 gave. */
export interface Case {
  expr: string;
  expected: string;
}

/** The cases of the data file whose expressions call `module` first. */
export async function readCases(module: "clj" | "cl"): Promise<Case[]> {
  const text = await Deno.readTextFile(new URL("./compat/cases.txt", import.meta.url));
  return text.split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => JSON.parse(l) as [string, string])
    .filter(([expr]) => expr.replace(/^\(funcall /, "").startsWith(`(${module}:`))
    .map(([expr, expected]) => ({ expr, expected }));
}

// The funs of the module the cases were recorded in, with the same bodies.
const FUNS: Record<string, (...xs: Term[]) => Term> = {
  "f-inc/1": (x) => add(x, 1),
  "f-evenp/1": (x) => exactEq(0, rem(x, 2)),
  "f-intp/1": (x) => isInteger(x),
  "f-atomp/1": (x) => isAtom(x),
  "f-five/1": () => 5,
  "f-id/1": (x) => x,
  "f-lt3/1": (x) => lt(x, 3),
  "f-boom/1": () => raiseError("boom"),
  "f-add/2": (x, y) => add(x, y),
  "f-pair/2": (x, y) => [x, y],
  "f-cons/2": (x, y) => new Cons(x, y),
  "f-konst/0": () => 7,
  "f-nil/0": () => null,
  "f-three/3": (x, y, z) => [x, y, z],
};
for (const [k, f] of Object.entries(FUNS)) {
  const [name, arity] = k.split("/") as [string, string];
  nameFun(f, { module: "fz", name, arity: Number(arity) });
}

function* evaluate(f: Term): Gen<Term> {
  if (!(f instanceof Cons)) return f;
  const [head, ...args] = listToArray(f) as [string, ...Term[]];
  if (head === "quote") return args[0] as Term;
  if (head === "function") return FUNS[`${String(args[0])}/${String(args[1])}`] as Fun;
  const vals: Term[] = [];
  for (const a of args) vals.push(yield* evaluate(a));
  if (head === "list") return arrayToList(vals);
  if (head === "funcall") return yield* resolve(applyFun(vals[0], vals.slice(1)));
  const [m, name] = head.split(":") as [string, string];
  const fn = (m === "clj" ? CLJ : CL)[`${name}/${vals.length}`];
  if (fn === undefined) throw new Error(`No function ${head}/${vals.length}`);
  return yield* resolve(fn(...vals));
}

// Every fun as `#(fun Arity)`, so that results print the same on both systems.
function norm(t: Term): Term {
  if (typeof t === "function") return ["fun", funInfo(t as Fun).arity];
  if (t instanceof Cons) {
    const xs: Term[] = [];
    let c: Term = t;
    for (; c instanceof Cons; c = c.tl) xs.push(norm(c.hd));
    return arrayToList(xs, norm(c));
  }
  if (Array.isArray(t)) return t.map(norm);
  if (t instanceof TermMap) return new TermMap(t.entries().map(([k, v]) => [k, norm(v)]));
  return t;
}

/** Evaluates a case's expression (inside a process) and writes its result as recorded. */
export function* evalCase(expr: Term): Gen<string> {
  let r: Term;
  try {
    r = ["ok", yield* evaluate(expr)];
  } catch (e) {
    const c = caught(e);
    r = [c.cls, c.reason];
  }
  return writeTerm(norm(r));
}

/** The recorded calls that do not give here what LFE gave, a line each (run in a process). */
export async function wrongCalls(cases: Case[]): Promise<string[]> {
  const got = await inProcess(function* () {
    const out: string[] = [];
    for (const c of cases) out.push(yield* evalCase(readAll(c.expr)[0] as Term));
    return out as unknown as Term;
  }) as unknown as string[];
  return cases
    .map((c, i) => ({ ...c, got: got[i] }))
    .filter((c) => c.got !== c.expected)
    .map((c) => `${c.expr}: got ${c.got}, LFE gave ${c.expected}`);
}

/** One recorded macro call: module, macro, arguments (LFE text) and what LFE 2.2 gave. */
export interface Expansion {
  module: "clj" | "cl";
  macro: string;
  args: string;
  expected: string;
}

/** The recorded expansions of `module`'s macros. */
export async function readExpansions(module: "clj" | "cl"): Promise<Expansion[]> {
  const text = await Deno.readTextFile(new URL("./compat/expansions.txt", import.meta.url));
  return text.split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => JSON.parse(l) as [Expansion["module"], string, string, string])
    .filter(([m]) => m === module)
    .map(([module, macro, args, expected]) => ({ module, macro, args, expected }));
}

// `(call 'clj 'f ...)` written as LFE's clj writes it, `(clj:f ...)`.
function asLfeWrites(t: Term): Term {
  if (t instanceof Cons) {
    const xs = t.hd === "call" ? listToArray(t) : [];
    const [, m, f] = xs;
    const quoted = (x: Term | undefined, v?: Term) =>
      x instanceof Cons && x.hd === "quote" && x.tl instanceof Cons &&
      (v === undefined || x.tl.hd === v);
    if (quoted(m, "clj") && quoted(f)) {
      const name = ((f as Cons).tl as Cons).hd as string;
      return arrayToList([`clj:${name}`, ...xs.slice(3).map(asLfeWrites)]);
    }
    return new Cons(asLfeWrites(t.hd), asLfeWrites(t.tl));
  }
  return Array.isArray(t) ? t.map(asLfeWrites) : t;
}

/**
 * What `'LFE-EXPAND-EXPORTED-MACRO'/3` of the module gives for the call, written as recorded;
 * a call of `clj`'s own function, a `call` form here, is written as LFE's `clj` writes it.
 */
export function expand(e: Expansion): string {
  const leem = (e.module === "clj" ? CLJ : CL)["LFE-EXPAND-EXPORTED-MACRO/3"] as Fun;
  try {
    return writeTerm(asLfeWrites(leem(e.macro, readAll(e.args)[0] as Term, null)));
  } catch (e) {
    const c = caught(e);
    return writeTerm([c.cls, c.reason]);
  }
}

/** The recorded expansions that do not expand here as LFE's did, a line each. */
export function wrongExpansions(expansions: Expansion[]): string[] {
  return expansions
    .map((e) => ({ ...e, got: expand(e) }))
    .filter((e) => e.got !== e.expected)
    .map((e) =>
      `(${e.module}:${e.macro} ${e.args.slice(1, -1)}): got ${e.got}, LFE gave ${e.expected}`
    );
}

/** What a run of a program gave: each function's value written with `~w`, and the output. */
export interface ProgramRun {
  values: string[];
  output: string;
}

/**
 * Compiles the module in compat/`file`, then calls each of `calls` (a function and its
 * arguments) in one process of a fresh node, writing each value with `~w`.
 */
export async function runProgram(file: string, calls: [string, ...Term[]][]): Promise<ProgramRun> {
  const text = await Deno.readTextFile(new URL(`./compat/${file}`, import.meta.url));
  const m = compileModule(readAll(text));
  defineModule(m.name, m.functions);
  const output: string[] = [];
  setDefaultNode(createNode({ output: (s) => output.push(s) }));
  const values: string[] = [];
  let failure: unknown;
  await run(function* () {
    try {
      for (const [name, ...args] of calls) {
        const f = findFunction(m.name, name, args.length);
        if (f === undefined) throw new Error(`No function ${m.name}:${name}/${args.length}`);
        values.push(writeTerm((yield* resolve(f(...args))) as Term));
      }
    } catch (e) {
      failure = e;
    }
  });
  if (failure !== undefined) throw failure;
  return { values, output: output.join("") };
}
