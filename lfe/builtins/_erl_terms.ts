/**
 * Reads Erlang terms written in Erlang's syntax, each ended by a full stop, as `file:consult/1`
 * reads them: atoms (quoted or not), integers (with `Base#Digits` and `$c` characters), floats,
 * strings (adjacent ones joined), binaries of strings and integers, tuples, lists with a tail,
 * maps, and `%` comments. A text that is not such terms gives an {@linkcode ErlTermsError}
 * with the line it stops at, as `erl_parse` reports it.
 *
 * @module
 */

import { arrayToList, charlist, float, type Term, TermMap } from "../../runtime/terms.ts";
import { normInt } from "../../runtime/terms.ts";

/** A text that is not Erlang terms: the line, and what is wrong in `erl_parse`'s words. */
export class ErlTermsError extends Error {
  override name = "ErlTermsError";
  /** The token a syntax error is before, when it is one. */
  token: string | undefined = undefined;
  constructor(readonly line: number, readonly what: string) {
    super(`${line}: ${what}`);
  }
}

const ESCAPES: Record<string, number> = {
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  b: 8,
  f: 12,
  e: 27,
  s: 32,
  d: 127,
  "0": 0,
};

class Reader {
  i = 0;
  line = 1;
  constructor(readonly s: string) {}

  /** Fails at the token here, as `erl_parse` says it: `syntax error before: Token`. */
  before(): never {
    const rest = this.s.slice(this.i);
    const m =
      /^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[0-9][0-9a-zA-Z#._]*|[a-zA-Z_][a-zA-Z0-9_@]*|=>|:=|<<|>>|\S)/
        .exec(rest);
    // At the end of the text, the line is that of the last token.
    const line = m === null
      ? 1 + (this.s.slice(0, this.i).trimEnd().match(/\n/g)?.length ?? 0)
      : this.line;
    const e = new ErlTermsError(line, `syntax error before: ${m?.[0] ?? ""}`);
    e.token = m?.[0] ?? "";
    throw e;
  }

  fail(what: string): never {
    throw new ErlTermsError(this.line, what);
  }

  skip(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === "\n") {
        this.line++;
        this.i++;
      } else if (c === " " || c === "\t" || c === "\r") this.i++;
      else if (c === "%") {
        while (this.i < this.s.length && this.s[this.i] !== "\n") this.i++;
      } else return;
    }
  }

  peek(): string | undefined {
    this.skip();
    return this.s[this.i];
  }

  expect(t: string): void {
    this.skip();
    if (!this.s.startsWith(t, this.i)) {
      this.before();
    }
    this.i += t.length;
  }

  // One character of a quoted atom or string, escapes read.
  char(): number {
    const c = this.s.codePointAt(this.i) as number;
    if (c === undefined) this.fail("unterminated string");
    this.i += c > 0xffff ? 2 : 1;
    if (c === 10) this.line++;
    if (c !== 92) return c;
    const e = this.s[this.i++] as string;
    if (e === undefined) this.fail("unterminated string");
    if (e in ESCAPES && !/[0-7]/.test(e === "0" ? "x" : e)) return ESCAPES[e] as number;
    if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(this.s[this.i] ?? "")) oct += this.s[this.i++];
      return parseInt(oct, 8);
    }
    if (e === "x") {
      if (this.s[this.i] === "{") {
        const end = this.s.indexOf("}", this.i);
        const v = parseInt(this.s.slice(this.i + 1, end), 16);
        this.i = end + 1;
        return v;
      }
      const h = this.s.slice(this.i, this.i + 2);
      this.i += 2;
      return parseInt(h, 16);
    }
    if (e === "^") return (this.s.charCodeAt(this.i++) & 31);
    return e.codePointAt(0) as number;
  }

  quoted(q: string): number[] {
    const out: number[] = [];
    while (this.s[this.i] !== q) {
      if (this.i >= this.s.length) this.fail("unterminated string");
      out.push(this.char());
    }
    this.i++;
    return out;
  }

  term(): Term {
    const c = this.peek();
    if (c === undefined) this.before();
    if (c === "{") {
      this.i++;
      const items = this.items("}");
      return items;
    }
    if (c === "[") {
      this.i++;
      if (this.peek() === "]") {
        this.i++;
        return null;
      }
      const items: Term[] = [this.term()];
      while (this.peek() === ",") {
        this.i++;
        items.push(this.term());
      }
      let tail: Term = null;
      if (this.peek() === "|") {
        this.i++;
        tail = this.term();
      }
      this.expect("]");
      return arrayToList(items, tail);
    }
    if (c === "#") {
      this.i++;
      this.expect("{");
      const entries: [Term, Term][] = [];
      if (this.peek() !== "}") {
        for (;;) {
          const k = this.term();
          this.expect("=>");
          entries.push([k, this.term()]);
          if (this.peek() !== ",") break;
          this.i++;
        }
      }
      this.expect("}");
      return new TermMap(entries);
    }
    if (c === "<" && this.s[this.i + 1] === "<") {
      this.i += 2;
      const bytes: number[] = [];
      if (this.peek() !== ">") {
        for (;;) {
          const p = this.peek();
          if (p === '"') {
            this.i++;
            for (const ch of this.quoted('"')) bytes.push(ch & 255);
          } else {
            const v = this.term();
            if (typeof v !== "number") this.fail("bad binary");
            bytes.push(v & 255);
          }
          if (this.peek() !== ",") break;
          this.i++;
        }
      }
      this.expect(">>");
      return new Uint8Array(bytes);
    }
    if (c === '"') {
      const chars: number[] = [];
      while (this.peek() === '"') {
        this.i++;
        chars.push(...this.quoted('"'));
      }
      return arrayToList(chars);
    }
    if (c === "'") {
      this.i++;
      return String.fromCodePoint(...this.quoted("'"));
    }
    if (c === "$") {
      this.i++;
      return this.char();
    }
    if (/[0-9-+]/.test(c)) return this.number();
    if (/[a-z]/.test(c)) {
      const m = /^[a-z][A-Za-z0-9_@]*/.exec(this.s.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      return m[0] === "true" ? true : m[0] === "false" ? false : m[0];
    }
    if (/[A-Z_]/.test(c)) {
      this.fail(`variable '${/^[A-Za-z0-9_]*/.exec(this.s.slice(this.i))}' is unbound`);
    }
    this.before();
  }

  items(close: string): Term[] {
    const items: Term[] = [];
    if (this.peek() === close) {
      this.i++;
      return items;
    }
    items.push(this.term());
    while (this.peek() === ",") {
      this.i++;
      items.push(this.term());
    }
    this.expect(close);
    return items;
  }

  number(): Term {
    const rest = this.s.slice(this.i);
    const m =
      /^([-+]?)([0-9]+)(?:#([0-9A-Za-z]+)|(\.[0-9]+(?:[eE][-+]?[0-9]+)?)|([eE][-+]?[0-9]+))?/
        .exec(rest);
    if (m === null || m[0] === "-" || m[0] === "+") this.before();
    this.i += m[0].length;
    const sign = m[1] === "-" ? -1n : 1n;
    if (m[3] !== undefined) {
      const base = Number(m[2]);
      let v = 0n;
      for (const d of m[3].toLowerCase()) v = v * BigInt(base) + BigInt(parseInt(d, 36));
      return normInt(sign * v);
    }
    if (m[4] !== undefined || m[5] !== undefined) return float(Number(m[0]));
    return normInt(sign * BigInt(m[2] as string));
  }

  all(): Term[] {
    const out: Term[] = [];
    while (this.peek() !== undefined) {
      out.push(this.term());
      this.skip();
      if (this.s[this.i] !== "." || !/^\.(\s|%|$)/.test(this.s.slice(this.i, this.i + 2))) {
        this.before();
      }
      this.i++;
    }
    return out;
  }
}

/** The terms of `text`, each ended by a full stop. */
export function readErlTerms(text: string): Term[] {
  return new Reader(text).all();
}

/** The character list of a message, for `{error, {Line, erl_parse, Message}}`. */
export function errorMessage(e: ErlTermsError): Term {
  // erl_parse's own form: the words and the token apart.
  if (e.token !== undefined) {
    return arrayToList([charlist("syntax error before: "), charlist(e.token)]);
  }
  return charlist(e.what);
}
