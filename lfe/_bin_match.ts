/**
 * Binary patterns compiled: `(binary seg...)` becomes a chain of tests over the subject's bytes
 * and a bit offset, each segment checked for room, read, and compared or bound as it goes, so a
 * size may name a variable bound by an earlier segment (`(binary (len (size 8)) (data binary
 * (size len)) (rest binary))`) or outside the pattern. When every size is a literal, one length
 * test covers the whole pattern and each segment is read at an offset known now; bytes at such
 * offsets are read directly. A `binary`/`bitstring` segment without a size, last, takes the rest:
 * a view of the subject's bytes when it starts on a byte.
 *
 * @module
 */

import { Cons, Float, type Term } from "../runtime/terms.ts";
import { isPosintList, parseSegments, type Segment } from "./_bit_syntax.ts";

/** What a binary pattern needs from the pattern it is part of. */
export interface BinaryPatternHost {
  /** The tests so far, in order; the pattern's own are added to them. */
  tests: string[];
  /** The variables the pattern has bound so far (LFE name → JS name), added to. */
  binds: Map<string, string>;
  /** A new JavaScript variable. */
  declare(name: string): string;
  /** The expression of a constant term. */
  constant(t: Term): string;
  /** The JS expression of a variable bound outside the pattern, or undefined. */
  variable?(name: string): string | undefined;
}

/** Adds to `h.tests` the tests that `(binary ...segs)` matches the subject `s` (a plain name). */
export function binaryPattern(segs: Term[], s: string, h: BinaryPatternHost): void {
  const parsed = parseSegments(segs);
  for (const seg of segs) {
    // A string with specifiers: only as characters of a UTF encoding.
    if (seg instanceof Cons && seg.tl !== null && !isPosintList(seg) && isPosintList(seg.hd)) {
      const type = parseSegments([new Cons(0, seg.tl)])[0]?.type;
      if (type !== "utf8" && type !== "utf16" && type !== "utf32") {
        throw new SyntaxError(
          "a literal string in a binary pattern must not have a type or a size",
        );
      }
    }
  }
  parsed.forEach((seg, i) => {
    checkSegment(seg);
    if (seg.size === "all" && i < parsed.length - 1) {
      throw new SyntaxError(
        "a binary field without size is only allowed at the end of a binary pattern",
      );
    }
  });
  new Matcher(s, h).match(parsed);
}

function checkSegment(seg: Segment): void {
  const v = seg.value;
  const ok = typeof v === "string" || typeof v === "number" || typeof v === "bigint" ||
    v instanceof Float;
  if (!ok) throw new SyntaxError("illegal bit segment");
  const sz = seg.size;
  if (sz === undefined || sz === "all" || typeof sz === "string") return;
  if (typeof sz !== "number" || sz <= 0) throw new SyntaxError("illegal bit size");
}

class Matcher {
  readonly #s: string;
  readonly #h: BinaryPatternHost;
  readonly #b: string;
  readonly #n: string;
  #o = "";
  // The offset of the next segment: `#at` bits after `#o` (or after 0 while `#o` is unused).
  #at = 0;
  // Whether the offsets added at run time are all whole bytes.
  #aligned = true;
  #t = 0;

  constructor(s: string, h: BinaryPatternHost) {
    this.#s = s;
    this.#h = h;
    this.#b = h.declare("$bb");
    this.#n = h.declare("$bn");
  }

  #test(t: string): void {
    this.#h.tests.push(t);
  }

  #tmp(): string {
    return this.#h.declare(`$bt${this.#t++}`);
  }

  #offset(): string {
    if (this.#o === "") return String(this.#at);
    return this.#at === 0 ? this.#o : `${this.#o} + ${this.#at}`;
  }

  /** Moves the offset on by the run-time bits `n` (a name). */
  #advance(n: string, aligned: boolean): void {
    const at = this.#offset();
    if (this.#o === "") this.#o = this.#h.declare("$bo");
    this.#test(`((${this.#o} = ${at} + ${n}), true)`);
    this.#at = 0;
    this.#aligned &&= aligned;
  }

  match(segs: Segment[]): void {
    const [b, n, s] = [this.#b, this.#n, this.#s];
    this.#test(`(${n} = rt.bin.bitsOf(${s})) >= 0 && ((${b} = rt.bin.bytesOf(${s})), true)`);
    const last = segs[segs.length - 1];
    const rest = last !== undefined && last.size === "all";
    const fixed = segs.every((g) => typeof g.size === "number" || g.size === "all");
    let min = 0;
    for (const g of segs) if (typeof g.size === "number") min += g.size * g.unit;
    if (fixed && !rest) this.#test(`${n} === ${min}`);
    else if (min > 0) this.#test(`${n} >= ${min}`);
    for (const g of segs) this.#segment(g, fixed);
    if (!rest && !fixed) this.#test(`${this.#offset()} === ${n}`);
  }

  /** A segment; `fixed` when every size is a literal (so the length is tested already). */
  #segment(g: Segment, fixed: boolean): void {
    if (g.type === "utf8" || g.type === "utf16" || g.type === "utf32") return this.#utf(g);
    if (g.size === "all") return this.#rest(g);
    let bits: number | string;
    if (typeof g.size === "number") {
      bits = g.size * g.unit;
      if (!fixed && this.#o !== "") this.#test(`${this.#n} - (${this.#offset()}) >= ${bits}`);
    } else {
      const z = this.#tmp();
      this.#test(`(${z} = rt.bin.matchSize(${this.#sizeVar(g.size as string)}, ${g.unit})) >= 0`);
      this.#test(`${this.#n} - (${this.#offset()}) >= ${z}`);
      bits = z;
    }
    const at = this.#offset();
    const read = this.#read(g, at, bits);
    if (read !== undefined) this.#value(g, read);
    if (typeof bits === "number") this.#at += bits;
    else this.#advance(bits, g.unit % 8 === 0);
  }

  /** The JS name of the size variable `name`, bound earlier in the pattern or outside it. */
  #sizeVar(name: string): string {
    const v = this.#h.binds.get(name) ?? this.#h.variable?.(name);
    if (v === undefined) throw new SyntaxError(`symbol ${name} is unbound`);
    return v;
  }

  /** The expression reading the segment's value, or undefined for `_` (nothing to read). */
  #read(g: Segment, at: string, bits: number | string): string | undefined {
    if (g.value === "_" && g.type !== "float") return undefined;
    const b = this.#b;
    switch (g.type) {
      case "integer": {
        const i = this.#byteIndex(at);
        if (i !== undefined && !g.little && (bits === 8 || bits === 16 || bits === 32)) {
          if (bits === 8) return g.signed ? `(${b}[${i}] << 24 >> 24)` : `${b}[${i}]`;
          if (bits === 16) {
            return g.signed
              ? `(${b}[${i}] << 24 >> 16 | ${b}[${i} + 1])`
              : `(${b}[${i}] << 8 | ${b}[${i} + 1])`;
          }
          const word =
            `${b}[${i}] << 24 | ${b}[${i} + 1] << 16 | ${b}[${i} + 2] << 8 | ${b}[${i} + 3]`;
          return g.signed ? `(${word})` : `((${word}) >>> 0)`;
        }
        return `rt.bin.read(${b}, ${at}, ${bits}, ${g.little}, ${g.signed})`;
      }
      case "float":
        return `rt.bin.readFloat(${b}, ${at}, ${bits}, ${g.little})`;
      default:
        return `rt.bin.sub(${b}, ${at}, ${bits})`;
    }
  }

  /** The index of the byte at `at` when it is known to be on a byte, else undefined. */
  #byteIndex(at: string): string | undefined {
    if (this.#at % 8 !== 0 || !this.#aligned) return undefined;
    if (this.#o === "") return String(this.#at / 8);
    return `((${at}) >>> 3)`;
  }

  /** Binds or compares the value `read` of a segment. */
  #value(g: Segment, read: string): void {
    const v = g.value;
    if (g.type === "float") {
      const x = this.#tmp();
      this.#test(`(${x} = ${read}) !== undefined`);
      if (v === "_") return;
      if (typeof v !== "string") {
        const lit = v instanceof Float ? v.value : Number(v);
        return this.#test(`${x}.value === ${Object.is(lit, -0) ? "-0" : lit}`);
      }
      return this.#bind(v, x);
    }
    if (typeof v === "string") return this.#bind(v, read);
    if (typeof v === "number" && g.type === "integer") return this.#test(`${read} === ${v}`);
    this.#test(`rt.exactEq(${this.#h.constant(v)}, ${read})`);
  }

  #bind(name: string, expr: string): void {
    const known = this.#h.binds.get(name);
    if (known !== undefined) return this.#test(`rt.exactEq(${known}, ${expr})`);
    const js = this.#h.declare(name);
    this.#h.binds.set(name, js);
    this.#test(`((${js} = ${expr}), true)`);
  }

  /** The last segment, `binary`/`bitstring` without a size: the rest, in whole units. */
  #rest(g: Segment): void {
    const [n, at] = [this.#n, this.#offset()];
    if (g.unit > 1) this.#test(`(${n} - (${at})) % ${g.unit} === 0`);
    if (g.value === "_") return;
    this.#value(g, `rt.bin.tail(${this.#s}, ${this.#b}, ${at}, ${n})`);
  }

  /** A `utf8`/`utf16`/`utf32` segment: a character of the length its first unit says. */
  #utf(g: Segment): void {
    const u = this.#tmp();
    const name = `readU${g.type.slice(1)}`;
    const little = g.type === "utf8" ? "" : `, ${g.little}`;
    this.#test(
      `(${u} = rt.bin.${name}(${this.#b}, ${this.#offset()}, ${this.#n}${little})) >= 0`,
    );
    const v = g.value;
    if (v !== "_") {
      const cp = `(${u} & 0x1fffff)`;
      if (typeof v === "string") this.#bind(v, cp);
      else this.#test(`rt.exactEq(${this.#h.constant(v)}, ${cp})`);
    }
    const len = this.#tmp();
    this.#test(`((${len} = (${u} >>> 21) * 8), true)`);
    this.#advance(len, true);
  }
}
