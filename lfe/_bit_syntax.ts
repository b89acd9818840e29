/**
 * Building a binary from LFE's bit segments (`lfe_bits`, `lfe_eval_bits`), as the reader does for
 * `#B(...)`: `42`, `"abc"`, `(42 (size 16) little)`, `(1.5 (size 32) float)`, `(#"ab" binary)`,
 * `(955 utf8)`. A segment's value and size go through the caller's `evaluate`. Errors are
 * `RangeError`s and `TypeError`s that say what is wrong; the reader says where.
 *
 * @module
 */

import { printTerm } from "../runtime/print_term.ts";
import { atomName, Cons, Float, isAtom, listToArray, type Term } from "../runtime/terms.ts";

/** Evaluates the expression of a segment's value or size. */
export type Evaluate = (expr: Term) => Term;

type SegmentType = "integer" | "float" | "binary" | "utf8" | "utf16" | "utf32";
type Endian = "big" | "little" | "native";

/** A segment's specifiers as written; `undefined` for what was left to its default. */
interface Spec {
  type?: SegmentType;
  size?: Term;
  unit?: number;
  endian?: Endian;
}

/** A segment's value with its specifiers, defaults applied; `size` is `"all"` for a whole binary. */
interface Segment {
  value: Term;
  type: SegmentType;
  size: Term | "all" | undefined;
  unit: number;
  endian: Endian;
}

const MAX_BITS = 2 ** 30;

/** A term for an error message, cut short if deep. */
function shown(t: Term): string {
  return printTerm(t, { depth: 8 });
}

const NATIVE: "big" | "little" = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
  ? "little"
  : "big";

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
 * The binary that the segments of `(binary ...)` make. Throws a `RangeError` or `TypeError` for
 * a bad segment, and a `RangeError` for a result that is not a whole number of bytes (a
 * bitstring, which terms cannot hold).
 */
export function buildBinary(segments: readonly Term[], evaluate: Evaluate): Uint8Array {
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
        throw new TypeError(
          `Cannot use ${shown(seg)} as a bit segment: it is an improper list`,
        );
      }
      const spec = parseSpecs(specs);
      const values = isPosintList(seg.hd) ? listToArray(seg.hd) : [seg.hd];
      for (const v of values) segs.push(withDefaults(v, spec));
    }
  }
  const out = new BitWriter();
  for (const seg of segs) writeSegment(out, seg, evaluate);
  return out.bytes();
}

function parseSpecs(specs: Term[]): Spec {
  const sp: Spec = {};
  for (const s of specs) {
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
        sp.endian = name.replace("-endian", "") as Endian;
        continue;
      case "signed":
      case "unsigned":
        // Construction does not depend on the sign: a value is written modulo 2^size.
        continue;
    }
    if (s instanceof Cons && s.tl instanceof Cons && s.tl.tl === null) {
      const [key, arg] = [s.hd, s.tl.hd];
      if (key === "size") {
        sp.size = arg;
        continue;
      }
      if (key === "unit" && typeof arg === "number" && arg > 0 && arg <= 256) {
        sp.unit = arg;
        continue;
      }
    }
    throw new TypeError(`Unknown bit type ${shown(s)}`);
  }
  return sp;
}

/** Applies the defaults of `lfe_bits`. */
function withDefaults(value: Term, sp: Spec): Segment {
  const type = sp.type ?? "integer";
  const endian = sp.endian ?? "big";
  if (sp.size === undefined && sp.unit !== undefined && (type === "integer" || type === "float")) {
    throw new TypeError(`Cannot give a unit to ${shown(value)} without a size`);
  }
  switch (type) {
    case "integer":
      return { value, type, size: sp.size ?? 8, unit: sp.unit ?? 1, endian };
    case "float":
      return { value, type, size: sp.size ?? 64, unit: sp.unit ?? 1, endian };
    case "binary":
      return { value, type, size: sp.size ?? "all", unit: sp.unit ?? 8, endian };
    default:
      return { value, type, size: undefined, unit: 1, endian };
  }
}

function isInt(t: Term): t is number | bigint {
  return (typeof t === "number" && Number.isSafeInteger(t)) || typeof t === "bigint";
}

/** The number of bits of a segment: its size, evaluated, times its unit. */
function segmentBits(seg: Segment, evaluate: Evaluate): number {
  const size = evaluate(seg.size as Term);
  if (!isInt(size) || size < 0) throw new TypeError(`Cannot use ${shown(size)} as a size`);
  const bits = Number(size) * seg.unit;
  if (bits > MAX_BITS) throw new RangeError(`Cannot make a segment of ${bits} bits: too large`);
  return bits;
}

function writeSegment(out: BitWriter, seg: Segment, evaluate: Evaluate): void {
  const v = evaluate(seg.value);
  const endian: "big" | "little" = seg.endian === "native" ? NATIVE : seg.endian;
  const bad = (what: string) => new TypeError(`Cannot put ${shown(v)} in ${what}`);
  switch (seg.type) {
    case "integer": {
      const bits = segmentBits(seg, evaluate);
      if (!isInt(v)) throw bad(`an integer segment of ${bits} bits`);
      return out.integer(BigInt.asUintN(bits, BigInt(v)), bits, endian);
    }
    case "float": {
      const bits = segmentBits(seg, evaluate);
      if (!(isInt(v) || v instanceof Float) || (bits !== 16 && bits !== 32 && bits !== 64)) {
        throw bad(`a float segment of ${bits} bits`);
      }
      const x = v instanceof Float ? v.value : Number(v);
      if (!Number.isFinite(x)) throw bad(`a float segment of ${bits} bits`);
      return out.float(x, bits, endian);
    }
    case "binary": {
      if (!(v instanceof Uint8Array)) throw bad("a binary segment");
      const bits = seg.size === "all" ? v.length * 8 : segmentBits(seg, evaluate);
      if (bits % seg.unit !== 0 || bits > v.length * 8) {
        throw bad(`a binary segment of ${bits} bits`);
      }
      return out.binary(v, bits);
    }
    default: {
      if (!isInt(v) || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        throw bad(`a ${seg.type} segment`);
      }
      return out.utf(Number(v), seg.type, endian);
    }
  }
}

/** The bits of a binary being built, most significant first in each byte. */
class BitWriter {
  #bytes: number[] = [];
  #bits = 0;

  /** Writes the low `n` bits of `v`, most significant first. */
  bits(v: bigint, n: number): void {
    if (this.#bits % 8 === 0 && n % 8 === 0) {
      for (let i = n - 8; i >= 0; i -= 8) this.#bytes.push(Number((v >> BigInt(i)) & 0xffn));
      this.#bits += n;
      return;
    }
    for (let i = n - 1; i >= 0; i--) {
      const at = this.#bits >> 3;
      if (at === this.#bytes.length) this.#bytes.push(0);
      if ((v >> BigInt(i)) & 1n) {
        this.#bytes[at] = (this.#bytes[at] as number) | 0x80 >> (this.#bits & 7);
      }
      this.#bits++;
    }
  }

  /**
   * An integer of `n` bits. Little-endian writes the whole bytes from the least significant up,
   * then the bits left over, as Erlang does.
   */
  integer(v: bigint, n: number, endian: "big" | "little"): void {
    if (endian === "big") return this.bits(v, n);
    let i = 0;
    for (; i + 8 <= n; i += 8) this.bits(v >> BigInt(i), 8);
    if (i < n) this.bits(v >> BigInt(i), n - i);
  }

  float(x: number, n: number, endian: "big" | "little"): void {
    const view = new DataView(new ArrayBuffer(8));
    if (n === 64) view.setFloat64(0, x);
    else if (n === 32) view.setFloat32(0, x);
    else view.setUint16(0, float16Bits(x));
    const bytes = new Uint8Array(view.buffer, 0, n / 8);
    if (endian === "little") bytes.reverse();
    for (const b of bytes) this.bits(BigInt(b), 8);
  }

  /** The first `n` bits of `b`. */
  binary(b: Uint8Array, n: number): void {
    const whole = n >> 3;
    if (this.#bits % 8 === 0) {
      for (let i = 0; i < whole; i++) this.#bytes.push(b[i] as number);
      this.#bits += whole * 8;
    } else {
      for (let i = 0; i < whole; i++) this.bits(BigInt(b[i] as number), 8);
    }
    const rest = n & 7;
    if (rest > 0) this.bits(BigInt((b[whole] as number) >> (8 - rest)), rest);
  }

  utf(c: number, type: "utf8" | "utf16" | "utf32", endian: "big" | "little"): void {
    let units: number[];
    let size: number;
    if (type === "utf8") {
      units = [...new TextEncoder().encode(String.fromCodePoint(c))];
      size = 8;
    } else if (type === "utf16") {
      units = c < 0x10000
        ? [c]
        : [0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff)];
      size = 16;
    } else {
      units = [c];
      size = 32;
    }
    for (const u of units) this.integer(BigInt(u), size, endian);
  }

  bytes(): Uint8Array {
    if (this.#bits % 8 !== 0) {
      throw new RangeError(
        `Cannot make a binary of ${this.#bits} bits: bitstrings that are not whole bytes are not supported`,
      );
    }
    return Uint8Array.from(this.#bytes);
  }
}

/** The bits of the IEEE half-precision float nearest `x`, rounding ties to even. */
function float16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00; // rounds to infinity, as Erlang writes it
  if (a < 2 ** -14) return sign | roundEven(a * 2 ** 24); // subnormal; may round up to normal
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const m = roundEven((a / 2 ** e - 1) * 1024); // 1024 carries into the exponent
  return sign | ((e + 15) << 10) + m;
}

function roundEven(r: number): number {
  const f = Math.floor(r);
  const d = r - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}
