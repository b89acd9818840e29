/**
 * Deep character lists as Erlang's printers build them (`io_lib:format`, `io_lib:write`,
 * `lfe_io:format1`, `lfe_io:print1`): a list whose elements are characters and other such
 * lists. A program sees their shape when it prints one without flattening it, as
 * `[91,["1",44,"2"],93]`, so the printers here build the same shape as OTP and LFE do.
 *
 * In TypeScript a deep list is an array of items; a string stands for a flat list of its
 * characters (`"12"` is `[49,50]`), whether it is the whole list or one element of one.
 *
 * @module
 */

import { Cons, type Term } from "../../runtime/terms.ts";

/** A deep character list: a flat one as a string, or an array of items. */
export type Deep = string | DeepItem[];

/** One element of a deep list: a character or a list. */
export type DeepItem = number | Deep;

/** `[H | T]`: `h` put before the elements of `t` (a string's characters one by one). */
export function cons(h: DeepItem, t: Deep): DeepItem[] {
  return typeof t === "string" ? [h, ...codes(t)] : [h, ...t];
}

/** The elements of `items`, then those of `tail`, as `[A, B | Tail]` is written. */
export function consAll(items: DeepItem[], tail: Deep): DeepItem[] {
  if (typeof tail === "string") items.push(...codes(tail));
  else items.push(...tail);
  return items;
}

/** The code points of a string. */
export function codes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/**
 * The text of a deep list, as `lists:flatten/1` would give it.
 *
 * @example
 * ```ts
 * import { flatText } from "./_deep.ts";
 * flatText([91, ["1", 44, "2"], 93]); // "[1,2]"
 * ```
 */
export function flatText(d: Deep): string {
  if (typeof d === "string") return d;
  let s = "";
  const stack: DeepItem[][] = [d];
  const pos: number[] = [0];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as DeepItem[];
    const i = pos[pos.length - 1] as number;
    if (i >= top.length) {
      stack.pop();
      pos.pop();
      continue;
    }
    pos[pos.length - 1] = i + 1;
    const x = top[i] as DeepItem;
    if (typeof x === "number") s += String.fromCodePoint(x);
    else if (typeof x === "string") s += x;
    else {
      stack.push(x);
      pos.push(0);
    }
  }
  return s;
}

/** The number of characters of a deep list (`lists:flatlength/1`). */
export function flatLength(d: Deep): number {
  let n = 0;
  for (const _ of flatText(d)) n++;
  return n;
}

/**
 * A deep list as the term a program receives: lists of integers and lists.
 *
 * @example
 * ```ts
 * import { deepTerm } from "./_deep.ts";
 * deepTerm(["1", 45, "2"]); // the list ("1" 45 "2")
 * ```
 */
export function deepTerm(d: Deep): Term {
  if (typeof d === "string") {
    const cs = codes(d);
    let l: Term = null;
    for (let i = cs.length - 1; i >= 0; i--) l = new Cons(cs[i] as number, l);
    return l;
  }
  let l: Term = null;
  for (let i = d.length - 1; i >= 0; i--) {
    const x = d[i] as DeepItem;
    l = new Cons(typeof x === "number" ? x : deepTerm(x), l);
  }
  return l;
}

/**
 * A deep list that a program passed in (a prefix of `~x`, say) as it stands, so that the
 * output keeps its shape; `undefined` if it is not a list of characters and lists.
 */
export function termDeep(t: Term): Deep | undefined {
  const out: DeepItem[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (typeof h === "number" && Number.isInteger(h) && h >= 0 && h <= 0x10ffff) out.push(h);
    else if (h === null || h instanceof Cons) {
      const d = termDeep(h);
      if (d === undefined) return undefined;
      out.push(d);
    } else return undefined;
  }
  return c === null ? out : undefined;
}

/**
 * `chars(C, N)` as `io_lib_format` and `lfe_io_format` build a run of `n` characters: halves
 * shared, so that a wide field costs little.
 */
export function charsRun(c: number, n: number): DeepItem[] {
  if (n <= 0) return [];
  if (n === 1) return [c];
  if (n === 2) return [c, c];
  if (n === 3) return [c, c, c];
  const s = charsRun(c, n >> 1);
  return n % 2 === 0 ? [s, ...s] : [c, s, ...s];
}
