/**
 * LFE's bit segments (`lfe_bits`): `42`, `"abc"`, `(42 (size 16) little)`, `(1.5 (size 32)
 * float)`, `(#"ab" binary)`, `(955 utf8)`, read into {@linkcode Segment}s with Erlang's defaults,
 * for construction and matching alike; and the reader's `#B(...)`, built here by evaluating each
 * segment with the writers compiled code uses. A string, as a segment or as the value of one,
 * stands for one segment per character. Bad specifiers are `SyntaxError`s in LFE's words.
 *
 * @module
 */

import { printTerm } from "../runtime/print_term.ts";
import { type Bits } from "../runtime/bits.ts";
import { ErlangError } from "../runtime/errors.ts";
import { atomName, Cons, isAtom, listToArray, type Term } from "../runtime/terms.ts";
import { BIN_BUILD as B } from "./_bin_rt.ts";

/** Evaluates the expression of a segment's value or size. */
export type Evaluate = (expr: Term) => Term;

/** The type of a segment; `binary` covers `bytes`, `bitstring` and `bits` (by their unit). */
export type SegmentType = "integer" | "float" | "binary" | "utf8" | "utf16" | "utf32";

/** A segment's value (an expression, or a pattern) with its specifiers, defaults applied. */
export interface Segment {
  value: Term;
  type: SegmentType;
  /** The size expression; `"all"` for a binary without one, `undefined` for utf. */
  size: Term | "all" | undefined;
  unit: number;
  signed: boolean;
  /** Little-endian (`native` resolved to this machine's order). */
  little: boolean;
}

interface Spec {
  type?: SegmentType;
  size?: Term;
  unit?: number;
  signed?: boolean;
  endian?: "big" | "little" | "native";
  /** What Erlang's compiler refuses and LFE's reader lets pass: why, if so. */
  refused?: string;
}

/** This machine's byte order, which `native` stands for. */
export const NATIVE_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A term for an error message, cut short if deep. */
function shown(t: Term): string {
  return printTerm(t, { depth: 8 });
}

/** Whether `t` is a proper list of non-negative integers, as a string is (`lfe_lib`). */
export function isPosintList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (!((typeof h === "number" || typeof h === "bigint") && h >= 0)) return false;
  }
  return c === null;
}

/**
 * The segments of `(binary seg...)`, strings spread into one segment per character. `strict`,
 * for compiled code, also refuses what Erlang's compiler refuses: a size or unit for a utf
 * segment, a unit other than 1 for a bitstring; the reader lets them pass, as LFE's does.
 */
export function parseSegments(segments: readonly Term[], strict = true): Segment[] {
  const segs: Segment[] = [];
  for (const seg of segments) {
    if (!(seg instanceof Cons)) {
      segs.push(withDefaults(seg, {}));
    } else if (isPosintList(seg)) {
      for (const c of listToArray(seg)) segs.push(withDefaults(c, {}));
    } else {
      let specs: Term[];
      try {
        specs = listToArray(seg.tl);
      } catch {
        throw new SyntaxError(`illegal bit segment ${shown(seg)}`);
      }
      const spec = parseSpecs(specs);
      if (strict && spec.refused !== undefined) throw new SyntaxError(spec.refused);
      const values = isPosintList(seg.hd) ? listToArray(seg.hd) : [seg.hd];
      for (const v of values) segs.push(withDefaults(v, spec));
    }
  }
  return segs;
}

function parseSpecs(specs: Term[]): Spec {
  const sp: Spec = {};
  let bits = -1, unit = -1, u = 1; // where `bitstring` and a unit were given, and the unit
  for (const [i, s] of specs.entries()) {
    const name = isAtom(s) ? atomName(s) : undefined;
    switch (name) {
      case "integer":
      case "float":
        sp.type = name;
        continue;
      case "binary":
      case "bytes":
        sp.type = "binary";
        sp.unit = 8;
        continue;
      case "bitstring":
      case "bits":
        sp.type = "binary";
        sp.unit = 1;
        bits = i;
        continue;
      case "utf8":
      case "utf-8":
      case "utf16":
      case "utf-16":
      case "utf32":
      case "utf-32":
        sp.type = name.replace("-", "") as SegmentType;
        continue;
      case "big":
      case "big-endian":
      case "little":
      case "little-endian":
      case "native":
      case "native-endian":
        sp.endian = name.replace("-endian", "") as "big" | "little" | "native";
        continue;
      case "signed":
      case "unsigned":
        sp.signed = name === "signed";
        continue;
    }
    if (s instanceof Cons && s.tl instanceof Cons && s.tl.tl === null) {
      const [key, arg] = [s.hd, s.tl.hd];
      if (key === "size") {
        sp.size = arg;
        continue;
      }
      if (key === "unit" && typeof arg === "number" && arg > 0 && arg <= 256) {
        sp.unit = u = arg;
        unit = i;
        continue;
      }
    }
    throw new SyntaxError(`bit type ${printTerm(s)} undefined`);
  }
  if (sp.type?.startsWith("utf") && (sp.size !== undefined || unit >= 0)) {
    sp.refused = "neither size nor unit must be given for segments of type utf8/utf16/utf32";
    delete sp.size;
  } else if (bits >= 0 && unit >= 0 && u !== 1) {
    const [a, b] = bits < unit ? [u, 1] : [1, u];
    sp.refused = `conflict in unit specification for bit field: '${a}' and '${b}'`;
  }
  return sp;
}

/** Applies the defaults of `lfe_bits` (those of `erl_bits`). */
function withDefaults(value: Term, sp: Spec): Segment {
  const type = sp.type ?? "integer";
  const signed = sp.signed ?? false;
  const little = sp.endian === "native" ? NATIVE_LITTLE : sp.endian === "little";
  if (sp.size === undefined && sp.unit !== undefined && (type === "integer" || type === "float")) {
    throw new SyntaxError("bit unit size can only be specified together with size");
  }
  switch (type) {
    case "integer":
      return { value, type, size: sp.size ?? 8, unit: sp.unit ?? 1, signed, little };
    case "float":
      return { value, type, size: sp.size ?? 64, unit: sp.unit ?? 1, signed, little };
    case "binary":
      return { value, type, size: sp.size ?? "all", unit: sp.unit ?? 8, signed, little };
    default:
      return { value, type, size: undefined, unit: 1, signed, little };
  }
}

/** The bits a segment takes, given its value and size already evaluated. */
export function segmentBits(seg: Segment, v: Term, size: Term): number {
  switch (seg.type) {
    case "integer":
    case "float":
      return B.size(size, seg.unit);
    case "binary":
      return seg.size === "all" ? B.all(v, seg.unit) : B.size(size, seg.unit);
    case "utf8":
      return B.utf8Size(v);
    case "utf16":
      return B.utf16Size(v);
    case "utf32":
      return B.utf32Size(v);
  }
}

/** Writes a segment of `n` bits (from {@linkcode segmentBits}) at bit `at` of `b`. */
export function writeSegment(seg: Segment, b: Uint8Array, at: number, v: Term, n: number): void {
  switch (seg.type) {
    case "integer":
      return B.int(b, at, v, n, seg.little);
    case "float":
      return B.float(b, at, v, n, seg.little);
    case "binary":
      return B.bits(b, at, v, n);
    case "utf8":
      return B.utf8(b, at, v);
    case "utf16":
      return B.utf16(b, at, v, seg.little);
    case "utf32":
      return B.utf32(b, at, v, seg.little);
  }
}

/**
 * The bitstring that the segments of `#B(...)` make, each value and size evaluated by
 * `evaluate`. A value that does not fit its segment is a `TypeError`.
 */
export function buildBinary(segments: readonly Term[], evaluate: Evaluate): Bits {
  const segs = parseSegments(segments, false);
  const values: Term[] = [], sizes: number[] = [];
  let total = 0;
  for (const seg of segs) {
    const v = evaluate(seg.value);
    const size = seg.size === undefined || seg.size === "all" ? 0 : evaluate(seg.size);
    const n = fitting(v, () => segmentBits(seg, v, size));
    values.push(v);
    sizes.push(n);
    total += n;
  }
  const b = B.alloc(total);
  let at = 0;
  segs.forEach((seg, i) => {
    const v = values[i] as Term, n = sizes[i] as number;
    fitting(v, () => writeSegment(seg, b, at, v, n));
    at += n;
  });
  return B.done(b, total);
}

// What a segment's `badarg` means to someone reading `#B(...)`.
function fitting<T>(v: Term, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ErlangError && e.reason === "badarg") {
      throw new TypeError(`bad binary argument ${shown(v)}`);
    }
    throw e;
  }
}
