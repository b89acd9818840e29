/**
 * The module `clj`, LFE's Clojure compatibility library: function composition and partial
 * application, predicates, lazy and eager sequences, `get-in`, and the macros it exports
 * (`(clj:-> x (f) (g))`, `(clj:defn ...)`, `(clj:condp ...)`, ...), with LFE 2.2's semantics and
 * errors.
 *
 * @example
 * ```ts
 * import { CLJ } from "./clj.ts";
 * import { list, listToArray } from "../../runtime/terms.ts";
 * listToArray(CLJ["interleave/2"]!(list("a", "b"), list(1, 2))); // ["a", 1, "b", 2]
 * CLJ["string?/1"]!(list(104, 105)); // true
 * ```
 *
 * @module
 */

import { defineModule, type ModuleFunctions } from "../../runtime/code.ts";
import type { Term } from "../../runtime/terms.ts";
import { registerExportedMacros } from "../macros.ts";
import { comp1, comp2, comp3, constantly, identity, partial } from "./_clj_fun.ts";
import { getIn } from "./_clj_get_in.ts";
import { CLJ_MACROS } from "./_clj_macros.ts";
import * as p from "./_clj_pred.ts";
import * as s from "./_clj_seq.ts";
import { expandExported, exportedMacros } from "./_clj_util.ts";
import { moduleInfo } from "./_clj_info.ts";
import { foldl } from "./_lists_hof.ts";
import { seq3 } from "./_lists_basic.ts";
import { add, sub } from "./ops.ts";
import { moduleTable } from "./_util.ts";

// The predicates clj exports as macros (guards), in the order it declares them.
const PREDICATE_MACROS = [
  "tuple?",
  "atom?",
  "binary?",
  "bitstring?",
  "boolean?",
  "bool?",
  "float?",
  "function?",
  "func?",
  "integer?",
  "int?",
  "number?",
  "record?",
  "reference?",
  "map?",
  "undefined?",
  "undef?",
  "nil?",
  "true?",
  "false?",
  "falsy?",
  "odd?",
  "even?",
  "zero?",
  "pos?",
  "neg?",
  "identical?",
];

const FUNCTIONS: ModuleFunctions = {
  "comp/0": () => identity,
  "comp/1": comp1,
  "comp/2": comp2,
  "comp/3": comp3,
  "partial/2": partial,

  "string?/1": p.printableLatin1,
  "unicode?/1": p.printableUnicode,
  "list?/1": p.isListNotString,
  "set?/1": (t: Term) => p.setsIsSet(t) || p.ordsetsIsSet(t),
  "dict?/1": p.isDict,
  "proplist?/1": p.isProplist,
  "proplist-kv?/1": p.isProplistKv,
  "queue?/1": p.isQueue,
  "empty?/1": p.isEmpty,
  "every?/2": (pred: Term, l: Term) => p.every(pred, l),
  "all?/2": (pred: Term, l: Term) => p.every(pred, l),
  "any?/2": p.anyOf,
  "not-any?/2": p.notAny,
  "element?/2": p.isElement,

  "seq/1": (end: Term) => seq3(1, end, 1),
  "seq/2": (start: Term, end: Term) => seq3(start, end, 1),
  "seq/3": (start: Term, end: Term, step: Term) => seq3(start, end, step),
  "next/1": (f: Term) => s.next(f, 1, 1),
  "next/2": (f: Term, start: Term) => s.next(f, start, 1),
  "next/3": s.next,
  "cycle/1": s.cycle,
  "range/0": () => s.range(1, 1),
  "range/1": (start: Term) => s.range(start, 1),
  "range/2": s.range,
  "drop/2": s.drop,
  "take/2": s.take,
  "split-at/2": s.splitAt,
  "partition/2": (n: Term, l: Term) => s.partition(n, n, null, false, l),
  "partition/3": (n: Term, step: Term, l: Term) => s.partition(n, step, null, false, l),
  "partition/4": (n: Term, step: Term, pad: Term, l: Term) => s.partition(n, step, pad, true, l),
  "partition-all/2": (n: Term, l: Term) => s.partition(n, n, null, true, l),
  "partition-all/3": (n: Term, step: Term, l: Term) => s.partition(n, step, null, true, l),
  "interleave/2": s.interleave,
  "get-in/2": (data: Term, keys: Term) => getIn(data, keys, "undefined"),
  "get-in/3": getIn,
  "reduce/2": s.reduce2,
  "reduce/3": (f: Term, acc: Term, l: Term) => foldl(f, acc, l),
  "repeat/1": s.repeat1,
  "repeat/2": s.repeat2,

  "identity/1": identity,
  "constantly/1": constantly,
  "inc/1": (x: Term) => add(x, 1),
  "dec/1": (x: Term) => sub(x, 1),

  "LFE-EXPAND-EXPORTED-MACRO/3": expandExported(CLJ_MACROS),
};

/** The functions of `clj`, by `name/arity`. */
export const CLJ: ModuleFunctions = moduleTable("clj", {
  ...FUNCTIONS,
  ...moduleInfo("clj", FUNCTIONS, [
    ["defn", "defn-", "fn"],
    ["->", "->>", "as->", "cond->", "cond->>", "some->", "some->>", "doto"],
    ["if-let", "iff-let", "condp", "if-not", "iff", "when-not", "not="],
    PREDICATE_MACROS,
    ["str", "lazy-seq", "conj"],
    ["if"],
  ]),
});

/** Loads `clj` and makes its macros callable as `(clj:name ...)`. */
export function registerClj(): void {
  defineModule("clj", CLJ);
  registerExportedMacros("clj", exportedMacros("clj", CLJ_MACROS));
}
