/**
 * Property lists in `cl`: lists of alternating names and values (`getf`, `putf`, `remf`,
 * `get-properties`), and the property lists of symbols (`symbol-plist`, `get`, `getl`,
 * `putprop`, `remprop`), which LFE keeps in a public ETS table `lfe-symbol-plist` and which are
 * kept here in a table of this isolate, by symbol (any term).
 *
 * @module
 */

import { arrayToList, Cons, type Term, termKey } from "../../runtime/terms.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { member } from "./_lists_basic.ts";
import { functionClause as fc } from "./_util.ts";

const SYMBOL_PLISTS = new Map<unknown, Term>();

/** `symbol-plist/1`: the property list of `symbol`, `()` if it has none. */
export function symbolPlist(symbol: Term): Term {
  return SYMBOL_PLISTS.get(termKey(symbol)) ?? null;
}

/** `get/3`: the property `name` of `symbol`, else `dflt`. */
export function get(symbol: Term, name: Term, dflt: Term): Term {
  return getf(symbolPlist(symbol), name, dflt);
}

/** `getl/2`: the tail of `symbol`'s property list from its first property in `names`. */
export function getl(symbol: Term, names: Term): Term {
  let c = symbolPlist(symbol);
  for (; c instanceof Cons && c.tl instanceof Cons; c = c.tl.tl) {
    if (member(c.hd, names)) return c;
  }
  return c === null ? null : fc();
}

/** `putprop/3`: sets the property `name` of `symbol` to `value`; `true`. */
export function putprop(symbol: Term, value: Term, name: Term): Term {
  SYMBOL_PLISTS.set(termKey(symbol), putf(symbolPlist(symbol), value, name));
  return true;
}

/** `remprop/2`: removes the property `name` of `symbol` (and an emptied list); `true`. */
export function remprop(symbol: Term, name: Term): Term {
  const plist = remf(symbolPlist(symbol), name);
  if (plist === null) SYMBOL_PLISTS.delete(termKey(symbol));
  else SYMBOL_PLISTS.set(termKey(symbol), plist);
  return true;
}

/** `getf/3`: the value after the first `name` at a name's place in `plist`, else `dflt`. */
export function getf(plist: Term, name: Term, dflt: Term): Term {
  let c = plist;
  for (; c instanceof Cons && c.tl instanceof Cons; c = c.tl.tl) {
    if (exactEq(c.hd, name)) return c.tl.hd;
  }
  return c === null ? dflt : fc();
}

// The pairs of `plist` before the first with `name` (or all), and what follows them.
function split(plist: Term, name: Term): { before: Term[]; at: Cons | null } {
  const before: Term[] = [];
  let c = plist;
  for (; c instanceof Cons && c.tl instanceof Cons; c = c.tl.tl) {
    if (exactEq(c.hd, name)) return { before, at: c };
    before.push(c.hd, c.tl.hd);
  }
  return c === null ? { before, at: null } : fc();
}

/** `putf/3`: `plist` with the value of `name` set to `value` (added at the end if new). */
export function putf(plist: Term, value: Term, name: Term): Term {
  const { before, at } = split(plist, name);
  if (at === null) return arrayToList([...before, name, value]);
  return arrayToList([...before, at.hd, value], (at.tl as Cons).tl);
}

/** `remf/2`: `plist` without its first property `name`. */
export function remf(plist: Term, name: Term): Term {
  const { before, at } = split(plist, name);
  return arrayToList(before, at === null ? null : (at.tl as Cons).tl);
}

/** `get-properties/2`: `#(name value tail)` at the first name in `names`, else `#(() () ())`. */
export function getProperties(plist: Term, names: Term): Term {
  let c = plist;
  for (; c instanceof Cons && c.tl instanceof Cons; c = c.tl.tl) {
    if (member(c.hd, names)) return [c.hd, c.tl.hd, c];
  }
  return c === null ? [null, null, null] : fc();
}
