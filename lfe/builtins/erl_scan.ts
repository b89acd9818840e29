/**
 * The module `erl_scan`: Erlang text into tokens as OTP 25 makes them — atoms plain and
 * quoted, variables, integers in bases and with underscores, floats, characters and strings
 * with every escape, the reserved words, operators and punctuation, and the dot that ends a
 * form — each annotated with its line (or line and column), with OTP's error terms for bad
 * text; `string/1,2,3` for a whole text and `tokens/3,4` for text that comes in pieces (an io
 * server's `get_until`, as `io:scan_erl_exprs/1..4` reads).
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, Cons, Float, type Term, TermMap } from "../../runtime/terms.ts";
import { withModuleInfo } from "./_module_info.ts";
import { properArray } from "./_util.ts";

const RESERVED = new Set([
  "after",
  "and",
  "andalso",
  "band",
  "begin",
  "bnot",
  "bor",
  "bsl",
  "bsr",
  "bxor",
  "case",
  "catch",
  "cond",
  "div",
  "end",
  "fun",
  "if",
  "let",
  "not",
  "of",
  "or",
  "orelse",
  "receive",
  "rem",
  "try",
  "when",
  "xor",
]);

/** Punctuation and operators, longest first. */
const PUNCT = [
  "...",
  "=:=",
  "=/=",
  "||",
  "->",
  "=>",
  ":=",
  "<-",
  "<=",
  "<<",
  ">>",
  "::",
  "..",
  "==",
  "/=",
  "=<",
  ">=",
  "++",
  "--",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ";",
  "|",
  ":",
  ".",
  "#",
  "?",
  "!",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "=",
];

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 223 && c <= 255 && c !== 247);
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
const isNameChar = (c: number) => isLower(c) || isUpper(c) || isDigit(c) || c === 95 || c === 64;
const isWhite = (c: number) => (c >= 0 && c <= 32) || (c >= 128 && c <= 160);

/** Where a token starts: a line, or a line and a column. */
interface Loc {
  line: number;
  col: number | null;
}

function locTerm(l: Loc): Term {
  return l.col === null ? l.line : [l.line, l.col];
}

interface Options {
  comments: boolean;
  white: boolean;
  text: boolean;
}

class ScanError {
  constructor(readonly at: Loc, readonly what: Term, readonly end: Loc) {}
}

/** More text is needed to finish the token at the end. */
class NeedMore {}

/** A scan of `cs` from `start`: the tokens, and where it stopped. */
class Scanner {
  i = 0;
  line: number;
  col: number | null;
  readonly out: Term[] = [];
  constructor(readonly cs: number[], start: Loc, readonly o: Options, readonly atEof: boolean) {
    this.line = start.line;
    this.col = start.col;
  }
  loc(): Loc {
    return { line: this.line, col: this.col };
  }
  /** Moves over `n` characters, counting lines and columns. */
  adv(n: number): void {
    for (let k = 0; k < n; k++) {
      const c = this.cs[this.i++]!;
      if (c === 10) {
        this.line++;
        if (this.col !== null) this.col = 1;
      } else if (this.col !== null) this.col++;
    }
  }
  peek(k = 0): number | undefined {
    return this.cs[this.i + k];
  }
  anno(at: Loc, text: number[]): Term {
    if (!this.o.text) return locTerm(at);
    const l: Term[] = [["text", arrayToList(text)], ["location", locTerm(at)]];
    return arrayToList(l);
  }
  more(): never {
    throw new NeedMore();
  }
  fail(at: Loc, what: Term): never {
    throw new ScanError(at, what, this.loc());
  }

  /** The next token (or comment or white space when asked); `false` at the end of the text. */
  step(): Term | false | null {
    const c = this.peek();
    if (c === undefined) return false;
    const at = this.loc();
    const from = this.i;
    if (isWhite(c)) {
      while (this.peek() !== undefined && isWhite(this.peek()!)) this.adv(1);
      return this.o.white
        ? [
          "white_space",
          this.anno(at, this.cs.slice(from, this.i)),
          arrayToList(this.cs.slice(from, this.i)),
        ]
        : null;
    }
    if (c === 37) {
      while (this.peek() !== undefined && this.peek() !== 10) this.adv(1);
      if (this.peek() === undefined && !this.atEof) this.more();
      return this.o.comments
        ? [
          "comment",
          this.anno(at, this.cs.slice(from, this.i)),
          arrayToList(this.cs.slice(from, this.i)),
        ]
        : null;
    }
    if (isLower(c)) {
      this.name();
      const name = String.fromCodePoint(...this.cs.slice(from, this.i));
      const a = this.anno(at, this.cs.slice(from, this.i));
      return RESERVED.has(name) ? [name, a] : ["atom", a, atomOf(name)];
    }
    if (isUpper(c) || c === 95) {
      this.name();
      return [
        "var",
        this.anno(at, this.cs.slice(from, this.i)),
        String.fromCodePoint(...this.cs.slice(from, this.i)),
      ];
    }
    if (isDigit(c)) return this.number(at, from);
    if (c === 36) return this.char(at, from);
    if (c === 34) {
      const s = this.quoted(34, at);
      return ["string", this.anno(at, this.cs.slice(from, this.i)), arrayToList(s)];
    }
    if (c === 39) {
      const s = this.quoted(39, at);
      return [
        "atom",
        this.anno(at, this.cs.slice(from, this.i)),
        atomOf(String.fromCodePoint(...s)),
      ];
    }
    if (c === 46) {
      const n = this.peek(1);
      if (n === undefined && !this.atEof) this.more();
      if (n === undefined || isWhite(n) || n === 37) {
        this.adv(n !== undefined && n !== 37 ? 2 : 1);
        return ["dot", this.anno(at, this.cs.slice(from, this.i))];
      }
    }
    for (const p of PUNCT) {
      if (this.matches(p)) {
        // A shorter one could still grow into a longer one with the next character.
        if (
          this.i + p.length >= this.cs.length && !this.atEof &&
          PUNCT.some((q) => q.length > p.length && q.startsWith(p))
        ) {
          this.more();
        }
        this.adv(p.length);
        return [p, this.anno(at, this.cs.slice(from, this.i))];
      }
    }
    // Any other character is a token of its own, named by itself.
    this.adv(1);
    return [String.fromCodePoint(c), this.anno(at, this.cs.slice(from, this.i))];
  }

  matches(p: string): boolean {
    for (let k = 0; k < p.length; k++) if (this.cs[this.i + k] !== p.charCodeAt(k)) return false;
    return true;
  }

  name(): void {
    while (this.peek() !== undefined && isNameChar(this.peek()!)) this.adv(1);
    if (this.peek() === undefined && !this.atEof) this.more();
  }

  digits(base: number): string {
    let s = "";
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (!this.atEof) this.more();
        return s;
      }
      const d = digitValue(c);
      if (d < base) {
        s += String.fromCharCode(c);
        this.adv(1);
        continue;
      }
      if (c === 95 && s !== "" && !s.endsWith("_")) {
        const n = this.peek(1);
        if (n === undefined && !this.atEof) this.more();
        if (n !== undefined && digitValue(n) < base) {
          s += "_";
          this.adv(1);
          continue;
        }
      }
      return s;
    }
  }

  number(at: Loc, from: number): Term {
    const whole = this.digits(10);
    const c = this.peek();
    if (c === 35) {
      const base = Number(whole.replaceAll("_", ""));
      if (base < 2 || base > 36) {
        this.adv(1);
        return this.fail(at, ["base", base]);
      }
      this.adv(1);
      const ds = this.digits(base);
      if (ds === "") return this.fail(at, ["illegal", "integer"]);
      return [
        "integer",
        this.anno(at, this.cs.slice(from, this.i)),
        parseBig(ds.replaceAll("_", ""), base),
      ];
    }
    if (c === 46) {
      const n = this.peek(1);
      if (n === undefined && !this.atEof) this.more();
      if (n !== undefined && isDigit(n)) {
        this.adv(1);
        const frac = this.digits(10);
        let exp = "";
        const e = this.peek();
        if (e === 101 || e === 69) {
          const s = this.peek(1);
          const d = s === 43 || s === 45 ? this.peek(2) : s;
          if (d === undefined && !this.atEof) this.more();
          if (d !== undefined && isDigit(d)) {
            this.adv(s === 43 || s === 45 ? 2 : 1);
            exp = "e" + (s === 45 ? "-" : "") + this.digits(10);
          } else {
            this.adv(1);
            return this.fail(at, ["illegal", "float"]);
          }
        }
        const text = `${whole}.${frac}${exp}`.replaceAll("_", "");
        const v = Number(text);
        if (!Number.isFinite(v)) return this.fail(at, ["illegal", "float"]);
        return ["float", this.anno(at, this.cs.slice(from, this.i)), new Float(v)];
      }
    }
    return [
      "integer",
      this.anno(at, this.cs.slice(from, this.i)),
      parseBig(whole.replaceAll("_", ""), 10),
    ];
  }

  /** One character of a character literal, string or quoted atom, escapes read. */
  escaped(at: Loc, kind: () => Term): number {
    const c = this.peek();
    if (c === undefined) return this.atEof ? this.fail(at, kind()) : this.more();
    if (c !== 92) {
      this.adv(1);
      return c;
    }
    const n = this.peek(1);
    if (n === undefined) return this.atEof ? this.fail(at, kind()) : this.more();
    this.adv(2);
    const simple: Record<number, number> = {
      98: 8,
      100: 127,
      101: 27,
      102: 12,
      110: 10,
      114: 13,
      115: 32,
      116: 9,
      118: 11,
    };
    if (simple[n] !== undefined) return simple[n]!;
    if (n >= 48 && n <= 55) {
      let v = n - 48;
      for (let k = 0; k < 2; k++) {
        const d = this.peek();
        if (d === undefined && !this.atEof) this.more();
        if (d === undefined || d < 48 || d > 55) break;
        v = v * 8 + d - 48;
        this.adv(1);
      }
      return v;
    }
    if (n === 120) {
      if (this.peek() === 123) {
        this.adv(1);
        let hex = "";
        for (;;) {
          const d = this.peek();
          if (d === undefined) return this.atEof ? this.fail(at, kind()) : this.more();
          if (d === 125) {
            this.adv(1);
            break;
          }
          if (digitValue(d) >= 16) return this.fail(at, ["illegal", "character"]);
          hex += String.fromCharCode(d);
          this.adv(1);
        }
        const v = parseInt(hex || "x", 16);
        if (Number.isNaN(v) || v > 0x10ffff) return this.fail(at, ["illegal", "character"]);
        return v;
      }
      let hex = "";
      for (let k = 0; k < 2; k++) {
        const d = this.peek();
        if (d === undefined && !this.atEof) this.more();
        if (d === undefined || digitValue(d) >= 16) break;
        hex += String.fromCharCode(d);
        this.adv(1);
      }
      if (hex === "") return this.fail(at, ["illegal", "character"]);
      return parseInt(hex, 16);
    }
    if (n === 94) {
      const d = this.peek();
      if (d === undefined) return this.atEof ? this.fail(at, kind()) : this.more();
      this.adv(1);
      return d & 31;
    }
    return n;
  }

  char(at: Loc, from: number): Term {
    this.adv(1);
    if (this.peek() === undefined) return this.atEof ? this.fail(at, "char") : this.more();
    const v = this.escaped(at, () => "char");
    return ["char", this.anno(at, this.cs.slice(from, this.i)), v];
  }

  quoted(q: number, at: Loc): number[] {
    const start = this.i;
    this.adv(1);
    const out: number[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (!this.atEof) this.more();
        // OTP reports the first 16 characters of what was not ended.
        return this.fail(at, [
          "string",
          q,
          arrayToList(this.cs.slice(start + 1, this.i).slice(0, 16)),
        ]);
      }
      if (c === q) {
        this.adv(1);
        return out;
      }
      out.push(
        this.escaped(
          at,
          () => ["string", q, arrayToList(this.cs.slice(start + 1, this.i).slice(0, 16))],
        ),
      );
    }
  }
}

/** An atom's term: `true` and `false` are the booleans. */
function atomOf(name: string): Term {
  return name === "true" ? true : name === "false" ? false : name;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function parseBig(ds: string, base: number): Term {
  let v = 0n;
  const b = BigInt(base);
  for (const ch of ds) v = v * b + BigInt(digitValue(ch.charCodeAt(0)));
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function startLoc(t: Term): Loc {
  if (typeof t === "number") return { line: t, col: null };
  if (Array.isArray(t) && t.length === 2 && typeof t[0] === "number" && typeof t[1] === "number") {
    return { line: t[0], col: t[1] };
  }
  return raiseError("function_clause");
}

function options(t: Term): Options {
  const o: Options = { comments: false, white: false, text: false };
  const l = t === null || t instanceof Cons ? properArray(t) ?? [] : [t];
  for (const x of l) {
    if (x === "return_comments") o.comments = true;
    else if (x === "return_white_spaces") o.white = true;
    else if (x === "return") o.comments = o.white = true;
    else if (x === "text") o.text = true;
  }
  return o;
}

function chars(t: Term): number[] {
  const a = properArray(t);
  if (a === undefined || !a.every((c) => typeof c === "number")) {
    return raiseError("function_clause");
  }
  return a as number[];
}

/** `string/1,2,3`: the tokens of a whole text. */
export function string(text: Term, loc: Term = 1, opts: Term = null): Term {
  const s = new Scanner(chars(text), startLoc(loc), options(opts), true);
  try {
    for (;;) {
      const t = s.step();
      if (t === false) break;
      if (t !== null) s.out.push(t);
    }
  } catch (e) {
    if (e instanceof ScanError) {
      return ["error", [locTerm(e.at), "erl_scan", e.what], locTerm(e.end)];
    }
    throw e;
  }
  return ["ok", arrayToList(s.out), locTerm(s.loc())];
}

/**
 * `tokens/3,4`: the tokens up to a dot, from text that comes in pieces: `{done, Result, Rest}`
 * or `{more, Continuation}`. The continuation holds the text so far, and is scanned again from
 * its start when more comes.
 */
export function tokens(cont: Term, data: Term, loc: Term, opts: Term = null): Term {
  let pending: number[] = [];
  let start = startLoc(loc);
  if (cont !== null) {
    if (!(cont instanceof TermMap) || cont.get("erl_scan") !== true) {
      return raiseError("function_clause");
    }
    pending = chars(cont.get("text")!);
    start = startLoc(cont.get("location")!);
  }
  const atEof = data === "eof";
  const cs = atEof ? pending : [...pending, ...chars(data)];
  const s = new Scanner(cs, start, options(opts), atEof);
  try {
    for (;;) {
      const t = s.step();
      if (t === false) break;
      if (t === null) continue;
      s.out.push(t);
      if ((t as Term[])[0] === "dot") {
        const rest = atEof && s.i >= cs.length ? "eof" : arrayToList(cs.slice(s.i));
        return ["done", ["ok", arrayToList(s.out), locTerm(s.loc())], rest];
      }
    }
  } catch (e) {
    if (e instanceof NeedMore) {
      return [
        "more",
        new TermMap([["erl_scan", true], ["text", arrayToList(cs)], ["location", locTerm(start)]]),
      ];
    }
    if (e instanceof ScanError) {
      // An error ends the form: what follows up to its dot is skipped, as erl_scan skips it.
      return [
        "done",
        ["error", [locTerm(e.at), "erl_scan", e.what], locTerm(e.end)],
        atEof ? "eof" : arrayToList(cs.slice(s.i)),
      ];
    }
    throw e;
  }
  if (!atEof) {
    return [
      "more",
      new TermMap([["erl_scan", true], ["text", arrayToList(cs)], ["location", locTerm(start)]]),
    ];
  }
  if (s.out.length === 0) return ["done", ["eof", locTerm(s.loc())], "eof"];
  return ["done", ["ok", arrayToList(s.out), locTerm(s.loc())], "eof"];
}

/** The functions of `erl_scan`, by `name/arity`. */
export const ERL_SCAN: ModuleFunctions = withModuleInfo("erl_scan", {
  "string/1": (t: Term) => string(t),
  "string/2": (t: Term, l: Term) => string(t, l),
  "string/3": string,
  "tokens/3": (c: Term, d: Term, l: Term) => tokens(c, d, l),
  "tokens/4": tokens,
  "reserved_word/1": (a: Term) => typeof a === "string" && RESERVED.has(a),
});
