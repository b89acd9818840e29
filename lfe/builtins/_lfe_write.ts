/**
 * LFE's plain writer (`lfe_io:print1/2`, `~w` of `lfe_io:format`) as a deep character list of
 * the shape `lfe_io_write` builds: `(1 2)` is `[40,["1",32,"2"],41]`. Its text is what
 * `writeTerm` writes.
 *
 * @module
 */

import { writeTerm } from "../../runtime/print_term.ts";
import { orderedEntries } from "../../runtime/term_order.ts";
import { BitString, Cons, funInfo, type Term, TermMap } from "../../runtime/terms.ts";
import { codes, cons, consAll, type Deep, type DeepItem } from "./_deep.ts";

/**
 * A term as `lfe_io_write:term/2` writes it, down to depth `d` (-1 for all of it).
 *
 * @example
 * ```ts
 * import { lfeWrite } from "./_lfe_write.ts";
 * import { list } from "../../runtime/terms.ts";
 * lfeWrite(list(1, 2)); // [40, ["1", 32, "2"], 41]
 * ```
 */
export function lfeWrite(t: Term, d = -1): Deep {
  try {
    return term(t, d);
  } catch (e) {
    if (e instanceof RangeError) return writeTerm(t, { depth: d }); // too deep to build
    throw e;
  }
}

function term(t: Term, d: number): Deep {
  if (d === 0) return "...";
  if (t === null || t instanceof Cons) return [40, list(t, d - 1), 41];
  if (Array.isArray(t)) return t.length === 0 ? "#()" : ["#(", list(t, d - 1), ")"];
  if (t instanceof Uint8Array || t instanceof BitString) return bitstring(t, -1);
  if (t instanceof TermMap) return [35, 77, 40, mapBody(orderedEntries(t), d), 41];
  if (typeof t === "function") {
    const info = funInfo(t);
    if (info.exported) return term(listOf(["function", info.module, info.name, info.arity]), -1);
    const text = writeTerm(t);
    const slash = text.lastIndexOf("/");
    return [text.slice(0, slash), "/", String(info.arity), ">"];
  }
  return writeTerm(t); // atoms, numbers, pids, references, ports: flat
}

function listOf(items: Term[]): Term {
  let l: Term = null;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}

/** The elements of a list or tuple, each a step deeper; no brackets. */
function list(t: Term, d: number): Deep {
  const items = Array.isArray(t) ? t : null;
  if (items !== null ? items.length === 0 : t === null) return [];
  if (d === 0) return "...";
  if (items !== null) {
    const out: DeepItem[] = [term(items[0] as Term, d)];
    let e = d - 1;
    for (let i = 1; i < items.length; i++, e--) {
      if (e === 0) return consAll(out, " ...");
      out.push(32, term(items[i] as Term, e));
    }
    return out;
  }
  const c = t as Cons;
  const out: DeepItem[] = [term(c.hd, d)];
  let rest = c.tl;
  for (let e = d - 1; rest !== null; e--) {
    if (e === 0) return consAll(out, " ...");
    if (!(rest instanceof Cons)) return consAll(out, cons(" . ", term(rest, e)));
    out.push(32, term(rest.hd, e));
    rest = rest.tl;
  }
  return out;
}

/** `#B(...)`: every byte (LFE's writer ignores the depth), the last bits as `(b (size n))`. */
export function bitstring(b: Uint8Array | BitString, d: number): Deep {
  return ["#B(", bytes(b, d), 41];
}

function bytes(b: Uint8Array | BitString, d: number): Deep {
  const data = b instanceof BitString ? b.bytes : b;
  const whole = b instanceof BitString ? data.length - 1 : data.length;
  const out: DeepItem[] = [];
  for (let i = 0; i < data.length; i++, d--) {
    if (d === 0) return consAll(out, "...");
    if (i < whole) {
      if (i === whole - 1 && whole === data.length) return consAll(out, String(data[i]));
      out.push(String(data[i]), 32);
    } else {
      const n = (b as BitString).bits % 8;
      const v = (data[i] as number) >> (8 - n);
      // io_lib:format("(~w (size ~w))", [B, N]) builds this shape.
      return consAll(out, [40, String(v), ...codes(" (size "), String(n), 41, 41]);
    }
  }
  return out;
}

function mapBody(kvs: readonly (readonly [Term, Term])[], d: number): Deep {
  if (kvs.length === 0) return [];
  if (d === 0 || d === 1) return "...";
  const assoc = ([k, v]: readonly [Term, Term], e: number): DeepItem[] => [
    term(k, e - 1),
    32,
    term(v, e - 1),
  ];
  if (kvs.length === 1) return assoc(kvs[0] as readonly [Term, Term], d);
  const out: DeepItem[] = [];
  for (let i = 0; i < kvs.length; i++, d--) {
    if (i > 0 && (d === 0 || d === 1)) return consAll(out, "...");
    if (i === kvs.length - 1) return consAll(out, assoc(kvs[i] as readonly [Term, Term], d));
    out.push(assoc(kvs[i] as readonly [Term, Term], d), 32);
  }
  return out;
}
