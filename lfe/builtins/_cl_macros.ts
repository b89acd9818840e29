/**
 * The macro `cl` exports: `do`, Common Lisp's loop, `(do ((var init step) ...) (test result)
 * body ...)`, in which `do-state` is bound to the value of the body for the steps and the test.
 * It expands and fails as LFE 2.2's does (`{badmatch, Args}` for a bad shape,
 * `function_clause` for a bad variable).
 *
 * LFE's `cl` also defines `if` and `cond` macros for export, but LFE does not let a module
 * define a core form, so `(cl:if ...)` and `(cl:cond ...)` are calls of functions that do not
 * exist, here as there.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { form } from "../macros.ts";
import type { MacroFn } from "./_clj_util.ts";
import { functionClause as fc, properArray } from "./_util.ts";

// The name of the loop's function: the symbol |-do-func-| with its bars.
const LOOP = "|-do-func-|";

function doLoop(args: Term[]): Term {
  const [pars, end, ...body] = args as [Term, Term, ...Term[]];
  const stop = args.length < 2 ? undefined : properArray(end);
  if (stop === undefined || stop.length !== 2) return raiseError(["badmatch", arrayToList(args)]);
  const [test, result] = stop as [Term, Term];
  const vars = properArray(pars);
  if (vars === undefined) return fc();
  const triples = vars.map((v) => {
    const t = properArray(v);
    return t !== undefined && t.length === 3 ? t as [Term, Term, Term] : fc();
  });
  const step = new Cons(LOOP, arrayToList(triples.map((t) => t[2])));
  const loop = form(
    "lambda",
    arrayToList(triples.map((t) => t[0])),
    form("if", test, result, form("let", form(form("do-state", form("progn", ...body))), step)),
  );
  return form(
    "letrec-function",
    form(form(LOOP, loop)),
    new Cons(LOOP, arrayToList(triples.map((t) => t[1]))),
  );
}

/** The macros of `cl` by name. */
export const CL_MACROS: Readonly<Record<string, MacroFn>> = { do: doLoop };
