/**
 * The module `cl`, LFE's Common Lisp compatibility library: boolean conversion, mapping,
 * symbol and property lists, sequences (lists and tuples), lists as trees, sets and
 * association lists, `type-of` and `coerce`, and the macro `do`, with LFE 2.2's semantics and
 * errors.
 *
 * @example
 * ```ts
 * import { CL } from "./cl.ts";
 * import { list } from "../../runtime/terms.ts";
 * CL["position/2"]!("c", list("a", "b", "c")); // 2
 * CL["type-of/1"]!(list(104, 105)); // "string"
 * ```
 *
 * @module
 */

import { defineModule, exportedFun, type ModuleFunctions } from "../../runtime/code.ts";
import type { Term } from "../../runtime/terms.ts";
import { registerExportedMacros } from "../macros.ts";
import { CL_MACROS } from "./_cl_macros.ts";
import * as l from "./_cl_lists.ts";
import * as pl from "./_cl_plist.ts";
import * as s from "./_cl_seq.ts";
import { coerce, makeClBool, makeLfeBool, typeOf } from "./_cl_types.ts";
import { moduleInfo } from "./_clj_info.ts";
import { atomToList } from "./_erlang_convert.ts";
import { expandExported, exportedMacros } from "./_clj_util.ts";
import { moduleTable } from "./_util.ts";

type T = Term;

const FUNCTIONS: ModuleFunctions = {
  "make-lfe-bool/1": makeLfeBool,
  "make-cl-bool/1": makeClBool,

  "mapcar/2": l.mapcar,
  "maplist/2": l.maplist,
  "mapc/2": l.mapc,
  "mapl/2": l.mapl,

  "symbol-plist/1": pl.symbolPlist,
  "symbol-name/1": (symbol: T) => atomToList(symbol),
  "get/2": (symbol: T, name: T) => pl.get(symbol, name, null),
  "get/3": pl.get,
  "getl/2": pl.getl,
  "putprop/3": pl.putprop,
  "remprop/2": pl.remprop,
  "getf/2": (plist: T, name: T) => pl.getf(plist, name, null),
  "getf/3": pl.getf,
  "putf/3": pl.putf,
  "remf/2": pl.remf,
  "get-properties/2": pl.getProperties,

  "elt/2": s.elt,
  "length/1": s.length,
  "reverse/1": s.reverse,
  "some/2": s.some,
  "every/2": s.every,
  "notany/2": s.notany,
  "notevery/2": s.notevery,
  "reduce/2": s.reduce2,
  "reduce/4": s.reduce4,
  "reduce/6": s.reduce6,
  "remove/2": s.remove,
  "remove-if/2": (pred: T, seq: T) => s.removeIf(pred, seq, false),
  "remove-if-not/2": (pred: T, seq: T) => s.removeIf(pred, seq, true),
  "remove-duplicates/1": s.removeDuplicates,
  "substitute/3": s.substitute,
  "substitute-if/3": (nu: T, pred: T, seq: T) => s.substituteIf(nu, pred, seq, true),
  "substitute-if-not/3": (nu: T, pred: T, seq: T) => s.substituteIf(nu, pred, seq, false),
  "find/2": s.find,
  "find-if/2": (pred: T, seq: T) => s.findIf(pred, seq, true),
  "find-if-not/2": (pred: T, seq: T) => s.findIf(pred, seq, false),
  "position/2": s.position,
  "position-if/2": (pred: T, seq: T) => s.positionIf(pred, seq, true),
  "position-if-not/2": (pred: T, seq: T) => s.positionIf(pred, seq, false),
  "count/2": s.count,
  "count-if/2": (pred: T, seq: T) => s.countIf(pred, seq, true),
  "count-if-not/2": (pred: T, seq: T) => s.countIf(pred, seq, false),

  "car/1": l.car,
  "cdr/1": l.cdr,
  "first/1": (x: T) => l.car(x),
  "rest/1": (x: T) => l.cdr(x),
  "nth/2": l.nth,
  "nthcdr/2": l.nthcdr,
  "last/1": l.last,
  "butlast/1": l.butlast,

  "subst/3": l.subst,
  "subst-if/3": (nu: T, pred: T, tree: T) => l.substIf(nu, pred, tree, true),
  "subst-if-not/3": (nu: T, pred: T, tree: T) => l.substIf(nu, pred, tree, false),
  "sublis/2": l.sublis,

  "member/2": l.isMember,
  "member-if/2": (pred: T, list: T) => l.memberIf(pred, list, true),
  "member-if-not/2": (pred: T, list: T) => l.memberIf(pred, list, false),
  "adjoin/2": l.adjoin,
  "union/2": l.union,
  "intersection/2": (a: T, b: T) => l.select(a, b, true),
  "set-difference/2": (a: T, b: T) => l.select(a, b, false),
  "set-exclusive-or/2": l.setExclusiveOr,
  "subsetp/2": l.subsetp,

  "acons/3": l.acons,
  "pairlis/2": (ks: T, vs: T) => l.pairlis(ks, vs, null),
  "pairlis/3": l.pairlis,
  "assoc/2": (k: T, alist: T) => l.assoc(k, alist, "hd"),
  "assoc-if/2": (pred: T, alist: T) => l.assocIf(pred, alist, true, "hd"),
  "assoc-if-not/2": (pred: T, alist: T) => l.assocIf(pred, alist, false, "hd"),
  "rassoc/2": (v: T, alist: T) => l.assoc(v, alist, "tl"),
  "rassoc-if/2": (pred: T, alist: T) => l.assocIf(pred, alist, true, "tl"),
  "rassoc-if-not/2": (pred: T, alist: T) => l.assocIf(pred, alist, false, "tl"),

  "type-of/1": typeOf,
  "coerce/2": coerce,

  "posix-argv/0": () => exportedFun("init", "get_arguments", 0)(),

  "LFE-EXPAND-EXPORTED-MACRO/3": expandExported(CL_MACROS),
};

/** The functions of `cl`, by `name/arity`. */
export const CL: ModuleFunctions = moduleTable("cl", {
  ...FUNCTIONS,
  ...moduleInfo("cl", FUNCTIONS, [["do", "if", "cond"]]),
});

/** Loads `cl` and makes its macro `do` callable as `(cl:do ...)`. */
export function registerCl(): void {
  defineModule("cl", CL);
  registerExportedMacros("cl", exportedMacros("cl", CL_MACROS));
}
