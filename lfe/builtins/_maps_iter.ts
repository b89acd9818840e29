/**
 * Iterators of `maps` as OTP 25 has them: `iterator/1` gives `[0 | Map]`, and `next/1` of it
 * the whole map as nested `#(Key Value Next)` tuples ending in `none`, in the map's key order,
 * as BEAM does for a map of up to 32 keys. The functions of `maps` that take a fun
 * (`fold/3`, `map/2`, `filter/2`, `filtermap/2`, `foreach/2`) take a map or an iterator, and
 * walk it as OTP's do: an iterator that `next/1` refuses at the start is `{badmap, It}`, one
 * refused later is `badarg`.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import { ErlangError, raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import { Cons, type Fun, type Term, TermMap } from "../../runtime/terms.ts";
import { isFunOf, spent, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** The map `m`; `{badmap, M}` if it is none. */
export function map(m: Term): TermMap {
  return m instanceof TermMap ? m : raiseError(["badmap", m]);
}

/** `iterator/1`: `[0 | Map]`. */
export function iterator(m: Term): Term {
  return new Cons(0, map(m));
}

/** The entries of `m` from position `from`, as `next/1` chains them. */
function chain(m: TermMap, from: number): Term {
  const es = orderedEntries(m);
  let r: Term = "none";
  for (let i = es.length - 1; i >= from; i--) {
    const [k, v] = es[i] as [Term, Term];
    r = [k, v, r];
  }
  return r;
}

/** `next/1`: a step `#(K V I)` as it is, `[Path | Map]` taken apart, `none`; `badarg` else. */
export function next(it: Term): Term {
  if (Array.isArray(it) && it.length === 3) return it;
  if (it === "none") return it;
  if (it instanceof Cons && it.tl instanceof TermMap) {
    const path = it.hd, m = it.tl;
    if (typeof path === "number" && path >= 0 && path <= m.size) return chain(m, 0);
  }
  return raiseError("badarg");
}

/** Whether `e` is an error raised by Erlang code (class `error`), as `catch error:_` takes. */
function isError(e: unknown): boolean {
  return e instanceof ErlangError && e.cls === "error";
}

/**
 * The first step of walking `m` (a map or an iterator), after checking that `f` is a fun of
 * `arity` (`badarg`): `{badmap, M}` if `next/1` refuses it.
 */
function start(f: Term, arity: number, m: Term): [Fun, Term] {
  if (!isFunOf(f, arity)) raiseError("badarg");
  if (m instanceof TermMap) return [f, chain(m, 0)];
  try {
    return [f, next(m)];
  } catch (e) {
    if (isError(e)) raiseError(["badmap", m]);
    throw e;
  }
}

/**
 * Walks the steps from `step`, calling `g(k, v, acc)` (or `g(k, v)` without `acc`) on each;
 * answers what each call gave, in order.
 */
export function* walk(g: Fun, step: Term, acc?: Term): Gen<[Term, Term, Term][]> {
  const out: [Term, Term, Term][] = [];
  while (step !== "none") {
    if (!Array.isArray(step) || step.length !== 3) return raiseError("function_clause");
    const [k, v, rest] = step as [Term, Term, Term];
    let r = acc === undefined ? g(k, v) : g(k, v, acc);
    if (unresolved(r)) r = yield* resolve(r);
    else if (spent()) yield;
    if (acc !== undefined) acc = r as Term;
    out.push([k, v, r as Term]);
    step = next(rest);
  }
  return out;
}

/** `fold/3`. */
export function* fold(f: Term, acc: Term, m: Term): Gen<Term> {
  const [g, step] = start(f, 3, m);
  const out = yield* walk(g, step, acc);
  return out.length === 0 ? acc : (out[out.length - 1] as [Term, Term, Term])[2];
}

/** `map/2`. */
export function* mapValues(f: Term, m: Term): Gen<Term> {
  const [g, step] = start(f, 2, m);
  return new TermMap((yield* walk(g, step)).map(([k, , r]) => [k, r]));
}

/** `filter/2`: the predicate must answer a boolean (`case_clause`). */
export function* filter(f: Term, m: Term): Gen<Term> {
  const [g, step] = start(f, 2, m);
  const kept: [Term, Term][] = [];
  // The predicate's answer is looked at before the next step is taken.
  for (const [k, v, r] of yield* walkChecked(g, step, (r) => typeof r === "boolean")) {
    if (r === true) kept.push([k, v]);
  }
  return new TermMap(kept);
}

/** `filtermap/2`: the fun answers `true`, `false` or `#(true Value)`. */
export function* filtermap(f: Term, m: Term): Gen<Term> {
  const [g, step] = start(f, 2, m);
  const ok = (r: Term) =>
    typeof r === "boolean" || (Array.isArray(r) && r.length === 2 && r[0] === true);
  const kept: [Term, Term][] = [];
  for (const [k, v, r] of yield* walkChecked(g, step, ok)) {
    if (r === true) kept.push([k, v]);
    else if (Array.isArray(r)) kept.push([k, r[1] as Term]);
  }
  return new TermMap(kept);
}

/** As {@linkcode walk}, a `case_clause` for an answer that `ok` refuses, before going on. */
function* walkChecked(g: Fun, step: Term, ok: (r: Term) => boolean): Gen<[Term, Term, Term][]> {
  const checked = (k: Term, v: Term) => {
    const r = g(k, v);
    if (unresolved(r)) return check(r, ok);
    return ok(r) ? r : raiseError(["case_clause", r]);
  };
  return yield* walk(checked as Fun, step);
}

function* check(r: unknown, ok: (r: Term) => boolean): Gen<Term> {
  const v = (yield* resolve(r)) as Term;
  return ok(v) ? v : raiseError(["case_clause", v]);
}

/** `foreach/2`: `ok`. */
export function* foreach(f: Term, m: Term): Gen<Term> {
  const [g, step] = start(f, 2, m);
  yield* walk(g, step);
  return "ok";
}
