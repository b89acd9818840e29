/**
 * `clj:get-in/2,3`: a value in nested property lists, lists (by 1-based index) and maps, by a
 * list of keys. It follows LFE's `clj` clause by clause, quirks included: a dict answers the
 * list of keys itself (LFE's dict branch calls its helper with its arguments shifted), and a
 * list of keys that runs out inside a property list or map raises `function_clause`.
 *
 * @module
 */

import { ErlangError } from "../../runtime/errors.ts";
import { Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { isDict, isListNotString, isProplist } from "./_clj_pred.ts";
import { nth } from "./_lists_basic.ts";
import { PROPLISTS } from "./proplists.ts";
import { isInteger } from "./_clj_util.ts";
import { functionClause as fc } from "./_util.ts";

type Lookup = (key: Term, data: Term) => Term;

const getValue = PROPLISTS["get_value/3"] as (k: Term, l: Term, d: Term) => Term;

/** `get-in/3`: the value at `keys` in `data`, or `notFound`. */
export function getIn(data: Term, keys: Term, notFound: Term): Term {
  for (;;) {
    if (keys === null) return data;
    if (isProplist(data)) {
      [data, keys] = step((k, l) => getValue(k, l, notFound), data, keys);
      if (keys === null) return data;
    } else if (isDict(data)) return keys;
    else if (isListNotString(data)) {
      if (!(keys instanceof Cons) || !isInteger(keys.hd)) return fc();
      data = nthOr(keys.hd, data, notFound);
      keys = keys.tl;
    } else if (data instanceof TermMap) {
      [data, keys] = step(
        (k, m) => (m as TermMap).has(k) ? (m as TermMap).get(k) as Term : notFound,
        data,
        keys,
      );
      if (keys === null) return data;
    } else return notFound;
  }
}

// One key looked up by -get-in/4: the value and the keys left (`null` when it was the last).
function step(lookup: Lookup, data: Term, keys: Term): [Term, Term] {
  if (!(keys instanceof Cons)) return fc();
  const value = lookup(keys.hd, data);
  return keys.tl === null ? [value, null] : [value, keys.tl];
}

// `lists:nth/2`, with `notFound` where it raises function_clause (out of range).
function nthOr(n: Term, l: Term, notFound: Term): Term {
  try {
    return nth(n, l);
  } catch (e) {
    if (e instanceof ErlangError && e.cls === "error" && e.reason === "function_clause") {
      return notFound;
    }
    throw e;
  }
}
