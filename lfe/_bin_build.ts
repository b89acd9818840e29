/**
 * `(binary seg...)` compiled: the segments' values and sizes are evaluated in order, then the
 * bit size of each segment is found (known at compile time where its size is a literal), one
 * buffer of the total size is allocated, and each segment is written into it at its offset. A
 * construction of literals only is made once, at compile time. A byte at a whole-byte offset
 * is stored directly; other segments call the writers of `rt.bin`. When the first segment is a
 * whole binary (`(acc binary)`, `(acc bitstring)`), the result grows from it, in place when it
 * can (see `_bin_rt.ts`).
 *
 * @module
 */

import { BitString, Float, type Term } from "../runtime/terms.ts";
import type { Bits } from "../runtime/bits.ts";
import { buildBinary, parseSegments, type Segment } from "./_bit_syntax.ts";
import type { FnGen, Scope } from "./codegen.ts";

/** The JavaScript expression of the bitstring `(binary ...segs)` makes. */
export function compileBinary(g: FnGen, segs: Term[], sc: Scope): string {
  const parsed = parseSegments(segs);
  const folded = fold(segs, parsed);
  if (folded !== undefined) return g.unit.constant(folded);
  if (parsed.length === 0) return g.unit.constant(new Uint8Array(0));
  // All values and sizes first, in order, as BEAM evaluates them; then the sizes are checked.
  const vals: string[] = [], sizeExprs: (string | undefined)[] = [];
  for (const seg of parsed) {
    vals.push(once(g, g.value(seg.value, sc)));
    const size = seg.size === undefined || seg.size === "all" || typeof seg.size === "number"
      ? undefined
      : once(g, g.value(seg.size, sc));
    sizeExprs.push(size);
  }
  const bits = parsed.map((seg, i) => segmentBits(g, seg, vals[i] as string, sizeExprs[i]));
  let fixed = 0;
  const dyn: string[] = [];
  for (const n of bits) typeof n === "number" ? fixed += n : dyn.push(n);
  const total = dyn.length === 0 ? String(fixed) : once(g, [fixed, ...dyn].join(" + "));
  const b = g.tmp();
  const first = parsed[0] as Segment;
  const grows = first.type === "binary" && first.size === "all";
  g.emit(`${b} = ${grows ? `rt.bin.grow(${vals[0]}, ${total})` : `rt.bin.alloc(${total})`};`);
  let at = 0, atDyn: string[] = [], aligned = true;
  parsed.forEach((seg, i) => {
    const n = bits[i] as number | string;
    if (i > 0 || !grows) {
      write(g, seg, b, offset(at, atDyn), aligned && at % 8 === 0, vals[i] as string, n);
    }
    if (typeof n === "number") at += n;
    else {
      atDyn = [...atDyn, n];
      aligned &&= seg.unit % 8 === 0 || seg.size === undefined; // utf: whole bytes
    }
  });
  if (dyn.length === 0 && fixed % 8 === 0 && !grows) return b;
  return once(g, `rt.bin.done(${b}, ${total})`);
}

// The expression of a value read once: a name or literal as it is, anything else in a temporary.
function once(g: FnGen, v: string): string {
  if (/^(?:[\w$]+|\(-?\d+\))$/.test(v) && v !== "undefined") return v;
  const t = g.tmp();
  g.emit(`${t} = ${v};`);
  return t;
}

function offset(at: number, dyn: string[]): string {
  return dyn.length === 0 ? String(at) : `${[at, ...dyn].join(" + ")}`;
}

function isLiteral(t: Term): boolean {
  return typeof t === "number" || typeof t === "bigint" || t instanceof Float ||
    t instanceof Uint8Array || t instanceof BitString;
}

// A construction of literals only, made now; undefined if it has other parts or would fail.
function fold(segs: Term[], parsed: Segment[]): Bits | undefined {
  for (const s of parsed) {
    if (!isLiteral(s.value)) return undefined;
    if (s.size !== undefined && s.size !== "all" && typeof s.size !== "number") return undefined;
  }
  try {
    return buildBinary(segs, (x) => x);
  } catch {
    return undefined; // left to fail when it runs, as BEAM's does
  }
}

/** A segment's bits: a number when known now, else the temporary that will hold them. */
function segmentBits(g: FnGen, seg: Segment, v: string, size: string | undefined): number | string {
  const sz = seg.size;
  if (typeof sz === "number" && Number.isSafeInteger(sz) && sz >= 0) return sz * seg.unit;
  const value = seg.value;
  switch (seg.type) {
    case "integer":
    case "float":
      return once(g, `rt.bin.size(${size ?? String(sz)}, ${seg.unit})`);
    case "binary":
      if (sz === "all") return once(g, `rt.bin.all(${v}, ${seg.unit})`);
      return once(g, `rt.bin.size(${size ?? String(sz)}, ${seg.unit})`);
    case "utf8":
    case "utf16":
    case "utf32":
      if (typeof value === "number" && value >= 0 && value <= 0x10ffff && !isSurrogate(value)) {
        return seg.type === "utf8"
          ? value < 0x80 ? 8 : value < 0x800 ? 16 : value < 0x10000 ? 24 : 32
          : seg.type === "utf16"
          ? (value < 0x10000 ? 16 : 32)
          : 32;
      }
      return once(g, `rt.bin.${seg.type}Size(${v})`);
  }
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

function write(
  g: FnGen,
  seg: Segment,
  b: string,
  at: string,
  aligned: boolean,
  v: string,
  n: number | string,
): void {
  switch (seg.type) {
    case "integer":
      if (n === 8 && aligned) {
        const i = /^\d+$/.test(at) ? String(Number(at) / 8) : `(${at}) / 8`;
        const byte = typeof seg.value === "number"
          ? String(seg.value & 0xff)
          : `typeof ${v} === "number" ? ${v} : rt.bin.byte(${v})`;
        return g.emit(`${b}[${i}] = ${byte};`);
      }
      return g.emit(`rt.bin.int(${b}, ${at}, ${v}, ${n}, ${seg.little});`);
    case "float":
      return g.emit(`rt.bin.float(${b}, ${at}, ${v}, ${n}, ${seg.little});`);
    case "binary":
      return g.emit(`rt.bin.bits(${b}, ${at}, ${v}, ${n});`);
    case "utf8":
      return g.emit(`rt.bin.utf8(${b}, ${at}, ${v});`);
    default:
      return g.emit(`rt.bin.${seg.type}(${b}, ${at}, ${v}, ${seg.little});`);
  }
}
