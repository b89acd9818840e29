/**
 * The module `lists`, as compiled LFE calls it. The functions that take a fun are generator
 * functions (the fun may wait); the others are plain. Results and errors are OTP 25's.
 *
 * @example
 * ```ts
 * import { LISTS } from "./lists.ts";
 * import { list, listToArray } from "../../runtime/terms.ts";
 * listToArray(LISTS["seq/3"]!(1, 10, 3)); // [1, 4, 7, 10]
 * LISTS["keyfind/3"]!("b", 1, list(["a", 1], ["b", 2])); // ["b", 2]
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import type { Term } from "../../runtime/terms.ts";
import * as b from "./_lists_basic.ts";
import * as h from "./_lists_hof.ts";
import * as k from "./_lists_keys.ts";
import * as s from "./_lists_sort.ts";
import * as ks from "./_lists_keysort.ts";
import * as fs from "./_lists_fsort.ts";
import { withModuleInfo } from "./_module_info.ts";
import { moduleTable } from "./_util.ts";

/** The functions of `lists`, by `name/arity`. */
export const LISTS: ModuleFunctions = withModuleInfo(
  "lists",
  moduleTable("lists", {
    "map/2": h.map,
    "foldl/3": h.foldl,
    "foldr/3": h.foldr,
    "filter/2": h.filter,
    "foreach/2": h.foreach,
    "any/2": h.any,
    "all/2": h.all,
    "takewhile/2": h.takewhile,
    "dropwhile/2": h.dropwhile,
    "splitwith/2": h.splitwith,
    "partition/2": h.partition,
    "flatmap/2": h.flatmap,
    "filtermap/2": h.filtermap,
    "search/2": h.search,
    "zipwith/3": function* (f: Term, a: Term, b: Term) {
      return yield* h.zipwith(f, a, b);
    },
    "zipwith3/4": function* (f: Term, a: Term, b: Term, c: Term) {
      return yield* h.zipwith(f, a, b, c);
    },
    "keymap/3": h.keymap,
    "zf/2": h.filtermap,
    "mapfoldl/3": function* (f: Term, acc: Term, l: Term) {
      return yield* h.mapfold(f, acc, l);
    },
    "mapfoldr/3": function* (f: Term, acc: Term, l: Term) {
      return yield* h.mapfold(f, acc, l, true);
    },
    "uniq/2": h.uniqBy,
    "sort/2": fs.sort,
    "usort/2": fs.usort,
    "merge/3": function* (f: Term, a: Term, b: Term) {
      return yield* fs.merge(f, a, b);
    },
    "rmerge/3": function* (f: Term, a: Term, b: Term) {
      return yield* fs.merge(f, a, b, true);
    },
    "umerge/3": fs.umerge,
    "rumerge/3": fs.rumerge,

    "sort/1": s.sort,
    "usort/1": s.usort,
    "merge/1": (l: Term) => s.mergel(l, null, true),
    "merge/2": (a: Term, b: Term) => s.merge2(a, b),
    "rmerge/2": (a: Term, b: Term) => s.merge2(a, b, true),
    "merge3/3": (a: Term, b: Term, c: Term) => s.merge3(a, b, c),
    "rmerge3/3": (a: Term, b: Term, c: Term) => s.merge3(a, b, c, true),
    "umerge/1": (l: Term) => s.umergel(l, null, true, false),
    "umerge/2": s.umerge2l,
    "rumerge/2": s.rumerge2l,
    "umerge3/3": (a: Term, b: Term, c: Term) => s.umerge3l(a, b, c),
    "rumerge3/3": (a: Term, b: Term, c: Term) => s.umerge3l(a, b, c, true),
    "keysort/2": ks.keysort,
    "ukeysort/2": ks.ukeysort,
    "keymerge/3": (i: Term, a: Term, b: Term) => ks.keymerge(i, a, b),
    "rkeymerge/3": (i: Term, a: Term, b: Term) => ks.keymerge(i, a, b, true),
    "ukeymerge/3": ks.ukeymerge,
    "rukeymerge/3": ks.rukeymerge,
    "keyfind/3": k.keyfind,
    "keymember/3": k.keymember,
    "keysearch/3": k.keysearch,
    "keydelete/3": k.keydelete,
    "keyreplace/4": k.keyreplace,
    "keystore/4": k.keystore,
    "keytake/3": k.keytake,

    "seq/2": b.seq2,
    "seq/3": b.seq3,
    "reverse/1": b.reverse,
    "reverse/2": b.reverse2,
    "nth/2": b.nth,
    "nthtail/2": b.nthtail,
    "member/2": b.member,
    "append/1": b.append1,
    "append/2": (x: Term, y: Term) => b.append2(x, y),
    "concat/1": b.concat,
    "delete/2": b.deleteFirst,
    "subtract/2": (x: Term, y: Term) => b.subtract2(x, y),
    "duplicate/2": b.duplicate,
    "split/2": b.split,
    "sum/1": b.sum,
    "max/1": b.max,
    "min/1": b.min,
    "last/1": b.last,
    "droplast/1": b.droplast,
    "flatten/1": (l: Term) => b.flatten(l),
    "flatten/2": (l: Term, tail: Term) => b.flatten(l, tail),
    "zip/2": b.zip,
    "zip3/3": b.zip3,
    "unzip3/1": b.unzip3,
    "flatlength/1": b.flatlength,
    "unzip/1": b.unzip,
    "sublist/2": b.sublist2,
    "sublist/3": b.sublist3,
    "prefix/2": b.prefix,
    "suffix/2": b.suffix,
    "enumerate/1": (l: Term) => b.enumerate(1, l),
    "enumerate/2": b.enumerate,
    "uniq/1": b.uniq,
    "join/2": b.join,
  }),
);
