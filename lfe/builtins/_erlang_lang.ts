/**
 * BIFs of `erlang` that the language leans on: record and map guards (`is_record/2,3`,
 * `map_get/2`, `is_map_key/2`, `map_size/1`), `raise/3`, tuple building (`make_tuple`,
 * `append_element`, `insert_element`, `delete_element`), `binary_part`, `split_binary`, and the
 * clock (`date/0`, `time/0`, `localtime/0`, `universaltime/0`).
 *
 * @module
 */

import { ErlangError, raiseError } from "../../runtime/errors.ts";
import { Cons, type Term, TermMap } from "../../runtime/terms.ts";

function badarg(): never {
  return raiseError("badarg");
}

function isSmallInt(x: Term): x is number {
  return typeof x === "number";
}

// A proper stack trace term: a list of `{M, F, A, Info}` tuples.
function isStack(s: Term): boolean {
  let c = s;
  for (; c instanceof Cons; c = c.tl) {
    const f = c.hd;
    if (!Array.isArray(f) || (f.length !== 4 && f.length !== 3)) return false;
  }
  return c === null;
}

function clock(d: Date, utc: boolean): [Term, Term] {
  return utc
    ? [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()], [
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ]]
    : [[d.getFullYear(), d.getMonth() + 1, d.getDate()], [
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
    ]];
}

function part(b: Term, start: Term, len: Term): Uint8Array {
  if (!(b instanceof Uint8Array) || !isSmallInt(start) || !isSmallInt(len)) return badarg();
  const [from, to] = len >= 0 ? [start, start + len] : [start + len, start];
  if (from < 0 || to > b.length) return badarg();
  return b.subarray(from, to);
}

/** The functions, by `name/arity`. */
export const ERLANG_LANG: Record<string, (...args: Term[]) => Term> = {
  "is_record/2": (r, name) => {
    if (typeof name !== "string" && typeof name !== "boolean") return badarg();
    return Array.isArray(r) && r.length > 0 && r[0] === name;
  },
  "is_record/3": (r, name, size) => {
    if ((typeof name !== "string" && typeof name !== "boolean") || !isSmallInt(size)) {
      return badarg();
    }
    return Array.isArray(r) && r.length === size && r[0] === name;
  },
  "raise/3": (cls, reason, stack) => {
    // A class or stack that is no class or stack: raise/3 returns badarg, as on BEAM.
    if ((cls !== "error" && cls !== "exit" && cls !== "throw") || !isStack(stack)) {
      return "badarg";
    }
    throw new ErlangError(cls, reason, stack);
  },
  "map_get/2": (k, m) => {
    if (!(m instanceof TermMap)) return raiseError(["badmap", m]);
    const v = m.get(k);
    return v === undefined ? raiseError(["badkey", k]) : v;
  },
  "is_map_key/2": (k, m) => {
    if (!(m instanceof TermMap)) return raiseError(["badmap", m]);
    return m.has(k);
  },
  "map_size/1": (m) => m instanceof TermMap ? m.size : raiseError(["badmap", m]),
  "make_tuple/2": (n, v) => isSmallInt(n) && n >= 0 ? Array(n).fill(v) : badarg(),
  "make_tuple/3": (n, dflt, inits) => {
    if (!isSmallInt(n) || n < 0) return badarg();
    const t: Term[] = Array(n).fill(dflt);
    for (let c = inits; c !== null; c = (c as Cons).tl) {
      if (!(c instanceof Cons)) return badarg();
      const p = c.hd;
      if (!Array.isArray(p) || p.length !== 2 || !isSmallInt(p[0] as Term)) return badarg();
      const i = p[0] as number;
      if (i < 1 || i > n) return badarg();
      t[i - 1] = p[1] as Term;
    }
    return t;
  },
  "append_element/2": (t, v) => Array.isArray(t) ? [...t, v] : badarg(),
  "insert_element/3": (i, t, v) => {
    if (!Array.isArray(t) || !isSmallInt(i) || i < 1 || i > t.length + 1) return badarg();
    return [...t.slice(0, i - 1), v, ...t.slice(i - 1)];
  },
  "delete_element/2": (i, t) => {
    if (!Array.isArray(t) || !isSmallInt(i) || i < 1 || i > t.length) return badarg();
    return [...t.slice(0, i - 1), ...t.slice(i)];
  },
  "binary_part/2": (b, pl) =>
    Array.isArray(pl) && pl.length === 2 ? part(b, pl[0] as Term, pl[1] as Term) : badarg(),
  "binary_part/3": (b, s, l) => part(b, s, l),
  "split_binary/2": (b, n) => {
    if (!(b instanceof Uint8Array) || !isSmallInt(n) || n < 0 || n > b.length) return badarg();
    return [b.subarray(0, n), b.subarray(n)];
  },
  "date/0": () => clock(new Date(), false)[0],
  "time/0": () => clock(new Date(), false)[1],
  "localtime/0": () => clock(new Date(), false),
  "universaltime/0": () => clock(new Date(), true),
};
