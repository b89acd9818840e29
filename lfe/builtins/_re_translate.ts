/**
 * PCRE's pattern syntax (as OTP's `re` takes it) turned into a JavaScript RegExp source with
 * the same meaning. What differs is rewritten: `^`, `$`, `.`, `\A`, `\z`, `\Z` by PCRE's
 * newline rules, `\s` and `\h`/`\v`/`\R` by PCRE's sets, inline options (`(?i)`, `(?x)`, ...),
 * `\Q...\E`, `\x{...}`, octal escapes, POSIX classes, `(?P<name>...)` and relative
 * backreferences; atomic groups and possessive quantifiers become a lookahead that captures
 * and a backreference to it, in groups the caller does not see. What JavaScript cannot do
 * (recursion, conditionals, `\G`, `\K`, branch reset, callouts, verbs) is a
 * {@linkcode PcreError} naming it.
 *
 * @module
 */

/** A pattern PCRE (or this translation) refuses: the reason and its offset in the pattern. */
export class PcreError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** The options that change how a pattern reads. */
export interface PatternOptions {
  caseless?: boolean;
  multiline?: boolean;
  dotall?: boolean;
  extended?: boolean;
  ungreedy?: boolean;
  dollarEndonly?: boolean;
  noAutoCapture?: boolean;
  unicode?: boolean;
  notbol?: boolean;
  noteol?: boolean;
  /** The newline convention: `lf` (the default), `cr`, `crlf`, `anycrlf` or `any`. */
  newline?: string;
}

/** A translated pattern. */
export interface JsPattern {
  source: string;
  /** How many groups PCRE numbers (hidden ones not counted). */
  groups: number;
  /** The JavaScript group of each PCRE group, index 0 for the whole match. */
  jsGroup: number[];
  /** PCRE group numbers by name. */
  names: Map<string, number>;
  /** The pattern uses `\G`: every match attempt is anchored where it starts. */
  anchorG: boolean;
}

interface Scope {
  m: boolean;
  s: boolean;
  x: boolean;
  U: boolean;
  extra: string[];
  /** A lookbehind, which PCRE takes only of a fixed length; `variable` when it is not. */
  lookbehind?: boolean;
  /** A branch reset group `(?|...)`: the groups made before it (it may hold none here). */
  branchReset?: number;
  variable?: boolean;
  /** For an atomic group: the hidden group whose backreference follows it. */
  atomic?: number;
  start: number;
  open: number;
}

const SYNTAX = new Set("^$\\.*+?()[]{}|/");
// OTP's PCRE reads characters below 256 by Latin-1 tables: its letters are word characters.
const WORD = "A-Za-z0-9_\\xaa\\xb5\\xba\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff";
const ALPHA = "A-Za-z\\xaa\\xb5\\xba\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff";
const NEWLINES: Record<string, string> = {
  lf: "\\n",
  cr: "\\r",
  crlf: "\\r\\n",
  anycrlf: "\\r\\n|\\r|\\n",
  any: "\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029]",
};
const POSIX: Record<string, string> = {
  alpha: ALPHA,
  digit: "0-9",
  alnum: "0-9" + ALPHA,
  upper: "A-Z\\xc0-\\xd6\\xd8-\\xde",
  lower: "a-z\\xb5\\xdf-\\xf6\\xf8-\\xff",
  space: "\\t\\n\\v\\f\\r ",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9a-fA-F",
  word: WORD,
  cntrl: "\\x00-\\x1f\\x7f",
  print: " -~",
  graph: "!-~",
  ascii: "\\x00-\\x7f",
};

function hex(c: number): string {
  return c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\u{${c.toString(16)}}`;
}

/** A literal character outside a class. */
function lit(c: number): string {
  const ch = String.fromCodePoint(c);
  if (SYNTAX.has(ch)) return "\\" + ch;
  return c < 0x20 || c === 0x7f || c > 0x7e ? hex(c) : ch;
}

/** A literal character inside a class. */
function classLit(c: number): string {
  const ch = String.fromCodePoint(c);
  if ("\\]^-[".includes(ch)) return "\\" + ch;
  return c < 0x20 || c === 0x7f || c > 0x7e ? hex(c) : ch;
}

/** The options of a scope, which a group inside it starts with. */
function flagsOf(sc: Scope): Pick<Scope, "m" | "s" | "x" | "U"> {
  return { m: sc.m, s: sc.s, x: sc.x, U: sc.U };
}

/** Translates a pattern; throws a {@linkcode PcreError} for one PCRE or JavaScript refuses. */
export function translate(pattern: string, o: PatternOptions): JsPattern {
  return new Translator(pattern, o).run();
}

class Translator {
  readonly p: number[];
  readonly o: PatternOptions;
  i = 0;
  out = "";
  /** Capturing groups in the output: id → position of its `(`, for numbering at the end. */
  opens: number[] = [];
  /** The id of each PCRE group, index 0 unused. */
  pcre: number[] = [-1];
  names = new Map<string, number>();
  scopes: Scope[];
  atomStart = -1;
  totalGroups: number;
  anchorG = false;

  constructor(pattern: string, o: PatternOptions) {
    this.p = [...pattern].map((c) => c.codePointAt(0) as number);
    this.o = o;
    this.scopes = [{
      m: !!o.multiline,
      s: !!o.dotall,
      x: !!o.extended,
      U: !!o.ungreedy,
      extra: [],
      start: 0,
      open: 0,
    }];
    this.totalGroups = this.countGroups();
  }

  get scope(): Scope {
    return this.scopes.at(-1) as Scope;
  }

  error(msg: string, at = this.i): never {
    throw new PcreError(msg, at);
  }

  peek(k = 0): number | undefined {
    return this.p[this.i + k];
  }

  ch(k = 0): string {
    const c = this.p[this.i + k];
    return c === undefined ? "" : String.fromCodePoint(c);
  }

  /** Counts the capturing groups, for telling a backreference from an octal escape. */
  countGroups(): number {
    let n = 0, inClass = false;
    for (let i = 0; i < this.p.length; i++) {
      const c = String.fromCodePoint(this.p[i] as number);
      if (c === "\\") i++;
      else if (inClass) inClass = c !== "]";
      else if (c === "[") inClass = true;
      else if (c === "(") {
        const next = String.fromCodePoint(this.p[i + 1] ?? 0);
        const after = String.fromCodePoint(this.p[i + 2] ?? 0);
        if (next !== "?" && next !== "*") n++;
        else if (next === "?" && (after === "<" || after === "'" || after === "P")) {
          const third = String.fromCodePoint(this.p[i + 3] ?? 0);
          if (!(after === "<" && (third === "=" || third === "!"))) n++;
        }
      }
    }
    return n;
  }

  run(): JsPattern {
    const p = this.p;
    while (this.i < p.length) this.token();
    if (this.scopes.length > 1) this.error("missing )", p.length);
    this.out += this.scope.extra.map(() => ")").join("");
    // Number the groups by where their `(` stands, and put the numbers in the backreferences.
    const order = this.opens.map((pos, id) => [pos, id]).sort((a, b) => a[0]! - b[0]!);
    const jsOf = new Map<number, number>();
    order.forEach(([, id], k) => jsOf.set(id as number, k + 1));
    const source = this.out
      .replace(/\uE000(\d+)\uE000/g, (_, id) => `(?:\\${jsOf.get(+id)})`)
      .replace(/\uE001(\d+)\uE001/g, (_, n) => `(?:\\${jsOf.get(this.pcre[+n] as number)})`);
    return {
      source,
      groups: this.pcre.length - 1,
      jsGroup: this.pcre.map((id, k) => k === 0 ? 0 : jsOf.get(id) as number),
      names: this.names,
      anchorG: this.anchorG,
    };
  }

  emit(s: string, atom = true): void {
    if (atom) this.atomStart = this.out.length;
    this.out += s;
  }

  /** A new capturing group at the current end of the output; answers its id. */
  newGroup(): number {
    this.opens.push(this.out.length);
    return this.opens.length - 1;
  }

  backref(pcreNo: number, at: number): void {
    if (pcreNo < 1 || pcreNo > this.totalGroups) {
      this.error("reference to non-existent subpattern", at);
    }
    this.emit(`\uE001${pcreNo}\uE001`);
  }

  token(): void {
    const c = this.ch();
    const sc = this.scope;
    if (sc.x && /\s/.test(c)) {
      this.i++;
      return;
    }
    if (sc.x && c === "#") {
      while (this.i < this.p.length && this.ch() !== "\n") this.i++;
      return;
    }
    switch (c) {
      case "\\":
        return this.escape();
      case "[":
        return this.charClass();
      case "(":
        return this.group();
      case ")":
        return this.close();
      case "|":
        this.i++;
        this.out += sc.extra.map(() => ")").join("") + "|" + sc.extra.join("");
        this.atomStart = -1;
        return;
      case ".":
        this.i++;
        return this.emit(sc.s ? "[\\s\\S]" : `(?:(?!${this.nl()})[\\s\\S])`);
      case "^":
        this.i++;
        return this.emit(this.caret(), false);
      case "$":
        this.i++;
        return this.emit(this.dollar(), false);
      case "*":
      case "+":
      case "?":
        return this.quantifier(c);
      case "{":
        if (this.braceQuantifier() !== undefined) return this.quantifier("{");
        this.i++;
        return this.emit("\\{");
      default:
        this.i++;
        return this.emit(lit(this.p[this.i - 1] as number));
    }
  }

  nl(): string {
    const n = NEWLINES[this.o.newline ?? "lf"];
    return n === undefined ? this.error("unknown newline convention") : n;
  }

  caret(): string {
    const start = this.o.notbol ? "(?!)" : "(?<![\\s\\S])";
    if (!this.scope.m) return start;
    return `(?:${start}|(?<=${this.nl()})(?=[\\s\\S]))`;
  }

  dollar(): string {
    const end = this.o.noteol ? "(?!)" : "(?![\\s\\S])";
    if (this.scope.m) return `(?=${this.nl()}|${end})`;
    if (this.o.dollarEndonly) return end;
    return `(?=(?:${this.nl()})?${end})`;
  }

  /** The `{n}`, `{n,}` or `{n,m}` at the cursor, or `undefined` when the brace is literal. */
  braceQuantifier(): string | undefined {
    let j = this.i + 1, s = "{";
    const digits = () => {
      let d = "";
      while (/[0-9]/.test(String.fromCodePoint(this.p[j] ?? 0))) {
        d += String.fromCodePoint(this.p[j++]!);
      }
      return d;
    };
    const a = digits();
    if (a === "") return undefined;
    s += a;
    if (String.fromCodePoint(this.p[j] ?? 0) === ",") {
      j++;
      s += "," + digits();
    }
    if (String.fromCodePoint(this.p[j] ?? 0) !== "}") return undefined;
    return s + "}";
  }

  quantifier(c: string): void {
    const at = this.i;
    let q = c;
    if (c === "{") {
      q = this.braceQuantifier() as string;
      this.i += [...q].length;
    } else this.i++;
    if (this.atomStart < 0) this.error("nothing to repeat", at);
    if (!/^\{(\d+)\}$/.test(q)) {
      for (const s of this.scopes) {
        if (s.lookbehind) s.variable = true;
      }
    }
    const range = /^\{(\d+),(\d+)\}$/.exec(q);
    if (range && Number(range[1]) > Number(range[2])) {
      this.error("numbers out of order in {} quantifier", this.i - 1);
    }
    let lazy = this.scope.U;
    let possessive = false;
    if (this.ch() === "?") {
      lazy = !lazy;
      this.i++;
    } else if (this.ch() === "+") {
      possessive = true;
      this.i++;
    }
    if (possessive) {
      // X*+ is (?>X*): a lookahead capturing X*, then a backreference to what it took.
      const start = this.atomStart;
      const hidden = this.opens.length;
      for (let k = 0; k < hidden; k++) if ((this.opens[k] as number) >= start) this.opens[k]! += 4;
      this.opens.push(start + 3);
      this.out = this.out.slice(0, start) + "(?=(" + this.out.slice(start) + q + "))" +
        `\uE000${hidden}\uE000`;
      this.atomStart = -1;
      return;
    }
    this.out += q + (lazy ? "?" : "");
    this.atomStart = -1;
  }

  group(): void {
    const at = this.i;
    this.i++;
    const sc = this.scope;
    const push = (open: string, capture: boolean, extra: Partial<Scope> = {}) => {
      const start = this.out.length;
      if (capture) this.pcre.push(this.newGroup());
      this.out += open;
      this.scopes.push({ ...flagsOf(sc), extra: [], start, open: at, ...extra });
      this.atomStart = -1;
    };
    if (this.ch() === "*") this.error("(*VERB) is not supported", at);
    if (this.ch() !== "?") return push(this.o.noAutoCapture ? "(?:" : "(", !this.o.noAutoCapture);
    this.i++;
    const c = this.ch();
    if (c === "#") {
      while (this.i < this.p.length && this.ch() !== ")") this.i++;
      if (this.i >= this.p.length) this.error("missing ) after comment");
      this.i++;
      return;
    }
    if (c === ":" || c === "=" || c === "!") {
      this.i++;
      return push(c === ":" ? "(?:" : `(?${c}`, false);
    }
    if (c === "<" && (this.ch(1) === "=" || this.ch(1) === "!")) {
      this.i += 2;
      return push(`(?<${this.ch(-1)}`, false, { lookbehind: true });
    }
    if (c === ">") {
      this.i++;
      const hidden = this.newGroup();
      return push("(?=(", false, { atomic: hidden });
    }
    if (c === "<" || c === "'" || (c === "P" && this.ch(1) === "<")) {
      this.i += c === "P" ? 2 : 1;
      const name = this.name(c === "'" ? "'" : ">");
      if (this.names.has(name)) this.error("two named subpatterns have the same name", this.i - 1);
      this.names.set(name, this.pcre.length);
      return push(`(?<${name}>`, true);
    }
    if (c === "P" && this.ch(1) === "=") {
      this.i += 2;
      const name = this.name(")");
      const n = this.names.get(name);
      if (n === undefined) this.error("reference to non-existent subpattern", at);
      return this.backref(n, at);
    }
    if (c === "|") {
      this.i++;
      return push("(?:", false, { branchReset: this.opens.length });
    }
    if (c === "(") this.error("conditional groups (?(...)...) are not supported", at);
    if (c === "C") this.error("callouts (?C...) are not supported", at);
    if (c === "R") this.error("recursive call could loop indefinitely", at + 3);
    if (
      /[R0-9+&]/.test(c) || (c === "P" && this.ch(1) === ">") ||
      c === "-" && /[0-9]/.test(this.ch(1))
    ) {
      this.error("recursion and subroutine calls are not supported", at);
    }
    this.options(at);
  }

  /** `(?imsxU-imsxU)` or `(?imsx-imsx:...)`. */
  options(at: number): void {
    const sc = this.scope;
    let on = true;
    const flags = { ...sc };
    let iOn = "", iOff = "";
    for (;;) {
      const c = this.ch();
      this.i++;
      if (c === "-") on = false;
      else if (c === "i") on ? (iOn = "i", iOff = "") : (iOff = "i", iOn = "");
      else if (c === "m") flags.m = on;
      else if (c === "s") flags.s = on;
      else if (c === "x") flags.x = on;
      else if (c === "U") flags.U = on;
      else if (c === "J" || c === "X") continue;
      else if (c === ")" || c === ":") {
        const mod = iOn || iOff ? `(?${iOn}${iOff ? "-" + iOff : ""}:` : "(?:";
        if (c === ":") {
          this.out += mod;
          this.scopes.push({
            ...flagsOf(flags),
            extra: [],
            start: this.out.length - mod.length,
            open: at,
          });
          this.atomStart = -1;
        } else {
          Object.assign(sc, { m: flags.m, s: flags.s, x: flags.x, U: flags.U });
          if (iOn || iOff) {
            this.out += mod;
            sc.extra.push(mod);
          }
        }
        return;
      } else this.error("unrecognized character after (? or (?-", this.i - 1);
    }
  }

  name(end: string): string {
    let s = "";
    while (this.i < this.p.length && this.ch() !== end) s += this.ch(), this.i++;
    if (this.i >= this.p.length || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) {
      this.error("syntax error in subpattern name (missing terminator?)");
    }
    this.i++;
    return s;
  }

  close(): void {
    if (this.scopes.length === 1) this.error("unmatched parentheses");
    this.i++;
    const sc = this.scopes.pop() as Scope;
    if (sc.variable) this.error("lookbehind assertion is not fixed length", this.i - 1);
    if (sc.branchReset !== undefined && this.opens.length > sc.branchReset) {
      this.error("branch reset groups (?|...) that capture are not supported", sc.open);
    }
    this.out += sc.extra.map(() => ")").join("") + ")";
    if (sc.atomic !== undefined) this.out += `)\uE000${sc.atomic}\uE000`;
    this.atomStart = sc.start;
  }

  /** Reads the digits at the cursor (at most `max`) in `base`. */
  digits(base: number, max = Infinity): string {
    let s = "";
    const re = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
    while (s.length < max && re.test(this.ch())) s += this.ch(), this.i++;
    return s;
  }

  /** An escape that stands for one character, or `undefined`; the cursor is past the `\`. */
  charEscape(): number | undefined {
    const c = this.charEscape1();
    if (c !== undefined && c > 255 && !this.o.unicode) {
      this.error("character value in \\x{} or \\o{} is too large", this.i - 1);
    }
    return c;
  }

  charEscape1(): number | undefined {
    const c = this.ch();
    const simple: Record<string, number> = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9 };
    if (c in simple) {
      this.i++;
      return simple[c];
    }
    if (c === "x") {
      this.i++;
      if (this.ch() === "{") {
        this.i++;
        const h = this.digits(16);
        if (this.ch() !== "}") this.error("\\x{ is not followed by hexadecimal digits and }");
        this.i++;
        return parseInt(h, 16);
      }
      const h = this.digits(16, 2);
      return h === "" ? 0 : parseInt(h, 16);
    }
    if (c === "o" && this.ch(1) === "{") {
      this.i += 2;
      const d = this.digits(8);
      this.i++;
      return parseInt(d, 8);
    }
    if (c === "0") return parseInt(this.digits(8, 3), 8);
    if (c === "c") {
      this.i += 2;
      const x = this.p[this.i - 1];
      if (x === undefined) this.error("\\c at end of pattern");
      return String.fromCodePoint(x).toUpperCase().codePointAt(0)! ^ 0x40;
    }
    return undefined;
  }

  hspace(negate: boolean): string {
    const u = this.o.unicode ? "\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000" : "";
    return `[${negate ? "^" : ""}\\t \\xa0${u}]`;
  }

  vspace(negate: boolean): string {
    const u = this.o.unicode ? "\\u2028\\u2029" : "";
    return `[${negate ? "^" : ""}\\n\\v\\f\\r\\x85${u}]`;
  }

  property(negate: boolean): string {
    let name: string;
    if (this.ch() === "{") {
      this.i++;
      name = "";
      while (this.i < this.p.length && this.ch() !== "}") name += this.ch(), this.i++;
      this.i++;
    } else name = this.ch(), this.i++;
    if (name.startsWith("^")) negate = !negate, name = name.slice(1);
    if (name === "Any") return negate ? "[^\\s\\S]" : "[\\s\\S]";
    if (name === "L&") name = "LC";
    const prop = /^[A-Z][a-z&]?$/.test(name) ? name : `Script=${name}`;
    return `\\${negate ? "P" : "p"}{${prop}}`;
  }

  escape(): void {
    const at = this.i;
    this.i++;
    if (this.i >= this.p.length) this.error("\\ at end of pattern", this.p.length);
    const c = this.ch();
    const one = this.charEscape();
    if (one !== undefined) return this.emit(lit(one));
    this.i++;
    switch (c) {
      case "d":
      case "D":
        return this.emit("\\" + c);
      case "w":
        return this.emit(`[${WORD}]`);
      case "W":
        return this.emit(`[^${WORD}]`);
      case "b":
        return this.emit(`(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`, false);
      case "B":
        return this.emit(`(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`, false);
      case "s":
        return this.emit("[\\t\\n\\v\\f\\r ]");
      case "S":
        return this.emit("[^\\t\\n\\v\\f\\r ]");
      case "h":
      case "H":
        return this.emit(this.hspace(c === "H"));
      case "v":
      case "V":
        return this.emit(this.vspace(c === "V"));
      case "R":
        return this.emit("(?:\\r\\n|[\\n\\v\\f\\r\\x85])");
      case "N":
        return this.emit("[^\\n]");
      // notbol and noteol change only ^ and $.
      case "A":
        return this.emit("(?<![\\s\\S])", false);
      case "z":
        return this.emit("(?![\\s\\S])", false);
      case "Z":
        return this.emit("(?=\\n?(?![\\s\\S]))", false);
      case "p":
      case "P":
        return this.emit(this.property(c === "P"));
      case "Q": {
        while (this.i < this.p.length && !(this.ch() === "\\" && this.ch(1) === "E")) {
          this.emit(lit(this.p[this.i++] as number));
        }
        this.i += 2;
        return;
      }
      case "E":
        return;
      case "g":
      case "k":
        return this.namedOrNumberedRef(c, at);
      case "G":
        // Only where a match attempt starts: the search is made anchored (see `anchorG`).
        this.anchorG = true;
        return;
      case "K":
      case "X":
      case "C":
        return this.error(`\\${c} is not supported`, at);
    }
    if (/[1-9]/.test(c)) {
      this.i--;
      const save = this.i;
      const n = parseInt(this.digits(10), 10);
      if (n < 10 || n <= this.totalGroups) return this.backref(n, this.i);
      this.i = save;
      const o = this.digits(8, 3);
      if (o === "") return this.emit(lit(this.p[this.i++] as number));
      return this.emit(lit(parseInt(o, 8)));
    }
    return this.emit(lit(c.codePointAt(0) as number));
  }

  namedOrNumberedRef(c: string, at: number): void {
    const open = this.ch();
    const close = open === "{" ? "}" : open === "<" ? ">" : open === "'" ? "'" : undefined;
    let ref: string;
    if (close === undefined) {
      if (c === "k") {
        this.error("\\k is not followed by a braced, angle-bracketed, or quoted name", at);
      }
      ref = (this.ch() === "-" ? (this.i++, "-") : "") + this.digits(10);
    } else {
      this.i++;
      ref = "";
      while (this.i < this.p.length && this.ch() !== close) ref += this.ch(), this.i++;
      this.i++;
    }
    if (/^-?[0-9]+$/.test(ref)) {
      let n = parseInt(ref, 10);
      if (n < 0) n = this.pcre.length + n;
      return this.backref(n, at);
    }
    const n = this.names.get(ref);
    if (n === undefined) this.error("reference to non-existent subpattern", this.i - 1);
    this.backref(n, at);
  }

  charClass(): void {
    this.i++;
    let s = "[";
    if (this.ch() === "^") {
      s += "^";
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= this.p.length) {
        this.error("missing terminating ] for character class", this.p.length);
      }
      const c = this.ch();
      if (c === "]" && !first) break;
      first = false;
      if (c === "[" && this.ch(1) === ":") {
        const end = this.p.indexOf(":".codePointAt(0)!, this.i + 2);
        const name = String.fromCodePoint(...this.p.slice(this.i + 2, end));
        const set = POSIX[name];
        if (set === undefined || this.p[end + 1] !== 93) {
          this.error(
            name.startsWith("^")
              ? "negated POSIX classes are not supported"
              : "unknown POSIX class name",
          );
        }
        s += set;
        this.i = end + 2;
        continue;
      }
      let item = "", code: number | undefined;
      if (c === "\\") {
        this.i++;
        const e = this.ch();
        const one = e === "b" ? (this.i++, 8) : this.charEscape();
        if (one !== undefined) code = one, item = classLit(one);
        else {
          this.i++;
          if ("dD".includes(e)) item = "\\" + e;
          else if (e === "w") item = WORD;
          else if (e === "W") item = "\\W";
          else if (e === "s") item = "\\t\\n\\v\\f\\r ";
          else if (e === "S") item = "\\S";
          else if (e === "h") item = this.hspace(false).slice(1, -1);
          else if (e === "v") item = this.vspace(false).slice(1, -1);
          else if (e === "p" || e === "P") item = this.property(e === "P");
          else if (e === "Q") {
            item = "";
            while (this.i < this.p.length && !(this.ch() === "\\" && this.ch(1) === "E")) {
              item += classLit(this.p[this.i++] as number);
            }
            this.i += 2;
          } else if (e === "E") item = "";
          else if (/[1-7]/.test(e)) {
            this.i--;
            code = parseInt(this.digits(8, 3), 8);
            item = classLit(code);
          } else code = e.codePointAt(0), item = classLit(code as number);
        }
      } else {
        code = this.p[this.i++];
        item = classLit(code as number);
      }
      if (this.ch() === "-" && this.ch(1) !== "]" && this.ch(1) !== "" && code !== undefined) {
        // A range: the character after the `-`.
        this.i++;
        const hiAt = this.i;
        let hi: number | undefined;
        if (this.ch() === "\\") {
          this.i++;
          hi = this.charEscape() ?? (/[a-zA-Z0-9]/.test(this.ch()) ? undefined : this.p[this.i++]);
        } else hi = this.p[this.i++];
        if (hi === undefined) {
          this.i = hiAt;
          s += item + "\\-";
          continue;
        }
        if (hi < code) this.error("range out of order in character class", hiAt);
        s += item + "-" + classLit(hi);
        continue;
      }
      s += item;
    }
    this.i++;
    this.emit(s + "]");
  }
}
