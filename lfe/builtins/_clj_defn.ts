/**
 * The arity `clj:defn` exports its function with, found as LFE finds it: by expanding
 * `(defun name ...)` one step and reading the `lambda`'s argument list or the first
 * `match-lambda` clause's patterns (after any doc strings and specs).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, type Term } from "../../runtime/terms.ts";
import { isAtom } from "./_clj_util.ts";
import { properArray } from "./_util.ts";

// lfe_lib:is_symb_list/1: a proper list of atoms (`()` included).
function isSymbolList(t: Term): boolean {
  const xs = properArray(t);
  return xs !== undefined && xs.every(isAtom);
}

// lfe_lib:is_doc_string/1: a binary or a flat list of Unicode characters.
function isDocString(t: Term): boolean {
  if (t instanceof Uint8Array) return true;
  const xs = properArray(t);
  return xs !== undefined && xs.every((c) =>
    typeof c === "number" && c >= 0 &&
    (c < 0xd800 || (c > 0xdfff && c < 0xfffe) || (c > 0xffff && c <= 0x10ffff))
  );
}

// The clauses of a `match-lambda` defun: what follows its doc strings and `(spec ...)` forms.
function clauses(rest: Term[]): Term[] {
  let i = 0;
  for (; i < rest.length; i++) {
    const x = rest[i] as Term;
    if (x instanceof Cons && x.hd === "spec") continue;
    if (!isDocString(x) || i === rest.length - 1) break;
  }
  return rest.slice(i);
}

/**
 * The arity of `(defun name . rest)`. Fails as LFE's `defn` does: `{expand_macro, (defun name),
 * function_clause}` with nothing after the name, `{case_clause, (match-lambda ...)}` when there
 * is no first clause, `badarg` when its patterns are no proper list.
 */
export function defnArity(name: Term, rest: Term[]): number {
  if (rest.length === 0) {
    return raiseError(["expand_macro", arrayToList(["defun", name]), "function_clause"]);
  }
  const [args] = rest as [Term];
  if (isSymbolList(args)) return (properArray(args) as Term[]).length;
  const cls = clauses(rest);
  const first = cls[0];
  if (!(first instanceof Cons)) {
    return raiseError(["case_clause", arrayToList(["match-lambda", ...cls])]);
  }
  const patterns = properArray(first.hd);
  return patterns === undefined ? raiseError("badarg") : patterns.length;
}
