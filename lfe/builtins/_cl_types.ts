/**
 * Types in `cl`: `type-of/1` (a string is a printable list, a cons a list that ends in no
 * list), `coerce/2` between lists, tuples, atoms, characters and numbers (through the BIFs LFE's
 * `cl` uses, with their `badarg`s), and the two boolean conversions: LFE's `true`/`false` and
 * Common Lisp's `true`/`()`.
 *
 * @module
 */

import { BitString, Cons, Float, Pid, Port, Ref, type Term, TermMap } from "../../runtime/terms.ts";
import { printableLatin1, printableUnicode } from "./_clj_pred.ts";
import { isAtom, isList } from "./_clj_util.ts";
import {
  atomToList,
  binaryToList,
  integerToList,
  listToAtom,
  listToFloat,
} from "./_erlang_convert.ts";
import { ERLANG_BITS } from "./_erlang_bits.ts";
import { hd, listToTuple, trunc, tupleToList } from "./_erlang_terms.ts";
import { functionClause as fc } from "./_util.ts";

const bitstringToList = ERLANG_BITS["bitstring_to_list/1"] as (t: Term) => Term;

/** `make-lfe-bool/1`: `false` for `()`, else `true`. */
export function makeLfeBool(x: Term): boolean {
  return x !== null;
}

/** `make-cl-bool/1`: `()` for `false`, `true` for `true`. */
export function makeClBool(x: Term): Term {
  return x === false ? null : x === true ? true : fc();
}

/** `type-of/1`: the type of `x` as an atom. */
export function typeOf(x: Term): Term {
  if (typeof x === "boolean") return "boolean";
  if (typeof x === "string") return "atom";
  if (Array.isArray(x)) return "tuple";
  if (typeof x === "number" || typeof x === "bigint") return "integer";
  if (x instanceof Float) return "float";
  if (isList(x)) {
    if (printableLatin1(x)) return "string";
    if (printableUnicode(x)) return "unicode";
    return x instanceof Cons && !isList(x.tl) ? "cons" : "list";
  }
  if (typeof x === "function") return "function";
  if (x instanceof Uint8Array) return "binary";
  if (x instanceof BitString) return "bitstring";
  if (x instanceof Pid) return "pid";
  if (x instanceof Port) return "port";
  if (x instanceof Ref) return "reference";
  return x instanceof TermMap ? "map" : false;
}

/** `coerce/2`: `x` as a `vector`/`tuple`, `atom`, `list`, `character`, `integer`, `float` or `t`. */
export function coerce(x: Term, type: Term): Term {
  switch (type) {
    case "vector":
    case "tuple":
      if (isList(x)) return listToTuple(x);
      break;
    case "atom":
      if (isList(x)) return listToAtom(x);
      break;
    case "list":
      if (isAtom(x)) return atomToList(x);
      if (Array.isArray(x)) return tupleToList(x);
      if (x instanceof Uint8Array) return binaryToList(x);
      if (x instanceof BitString) return bitstringToList(x);
      break;
    case "character":
      if (isAtom(x)) return hd(atomToList(x));
      if (isList(x)) return hd(x);
      break;
    case "integer":
      if (x instanceof Float) return trunc(x);
      break;
    case "float":
      if (typeof x === "number" || typeof x === "bigint") return listToFloat(integerToList(x));
      if (isList(x)) return listToFloat(x);
      if (isAtom(x)) return listToFloat(atomToList(x));
      break;
    case "t":
      return x;
  }
  return fc();
}
