/**
 * What LFE takes from an Erlang header (`.hrl`) that a file includes: its records
 * (`-record(name, {field = Default :: type, ...}).`) and its macros without arguments whose
 * value is a constant (`-define(NAME, 42).`). Defaults and constants may be atoms, numbers,
 * strings, lists and tuples of them; any other default is left `undefined`. Other forms are
 * skipped.
 *
 * @module
 */

import { arrayToList, charlist, Float, type Term } from "../runtime/mod.ts";

type Tok = { k: "atom" | "var" | "int" | "float" | "str" | "punct"; v: string };

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s+|%[^\n]*|([a-z][A-Za-z0-9_@]*)|'((?:[^'\\]|\\.)*)'|([A-Z_][A-Za-z0-9_]*)|(\d+\.\d+(?:[eE][-+]?\d+)?)|(\d+#[0-9A-Za-z]+|\d+|\$\\?.)|"((?:[^"\\]|\\.)*)"|(::|->|=>|:=|\.\.\.|[-+*\/=<>!?#.,;:(){}\[\]|])/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.push({ k: "atom", v: m[1] });
    else if (m[2] !== undefined) out.push({ k: "atom", v: m[2] });
    else if (m[3] !== undefined) out.push({ k: "var", v: m[3] });
    else if (m[4] !== undefined) out.push({ k: "float", v: m[4] });
    else if (m[5] !== undefined) out.push({ k: "int", v: m[5] });
    else if (m[6] !== undefined) out.push({ k: "str", v: m[6] });
    else if (m[7] !== undefined) out.push({ k: "punct", v: m[7] });
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(
    /\\(.)/g,
    (_, c: string) => ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[c] ?? c,
  );
}

class Parser {
  i = 0;
  constructor(readonly ts: Tok[]) {}
  peek(): Tok | undefined {
    return this.ts[this.i];
  }
  is(v: string): boolean {
    return this.peek()?.k === "punct" && this.peek()?.v === v;
  }
  next(): Tok {
    const t = this.ts[this.i++];
    if (t === undefined) throw new SyntaxError("unexpected end of the header");
    return t;
  }
  // A constant term, or `undefined` when the expression is not one (skipped to `,`/`}`/`)`).
  constant(): Term | undefined {
    const t = this.next();
    if (t.k === "atom") return t.v === "true" ? true : t.v === "false" ? false : t.v;
    if (t.k === "int") {
      if (t.v.startsWith("$")) return t.v.length === 2 ? t.v.codePointAt(1)! : t.v.codePointAt(2)!;
      const [base, digits] = t.v.includes("#") ? t.v.split("#") : ["10", t.v];
      return parseInt(digits as string, Number(base));
    }
    if (t.k === "float") return new Float(Number(t.v));
    if (t.k === "str") {
      let s = unescape(t.v);
      while (this.peek()?.k === "str") s += unescape(this.next().v);
      return charlist(s);
    }
    if (t.k === "punct" && t.v === "-" && this.peek()?.k === "int") {
      return -(this.constant() as number);
    }
    if (t.k === "punct" && (t.v === "[" || t.v === "{")) {
      const close = t.v === "[" ? "]" : "}";
      const items: Term[] = [];
      let ok = true;
      while (!this.is(close)) {
        const v = this.constant();
        if (v === undefined) ok = false;
        else items.push(v);
        if (this.is(",")) this.next();
        else if (!this.is(close)) {
          ok = false;
          this.skip();
          break;
        }
      }
      if (this.is(close)) this.next();
      if (!ok) return undefined;
      return close === "]" ? arrayToList(items) : items;
    }
    this.i--;
    this.skip();
    return undefined;
  }
  // Skips an expression, up to a `,` `}` `)` or `.` at its own depth.
  skip(): void {
    let depth = 0;
    while (this.peek() !== undefined) {
      const t = this.peek()!;
      if (t.k === "punct") {
        if ("([{".includes(t.v)) depth++;
        else if (")]}".includes(t.v)) {
          if (depth === 0) return;
          depth--;
        } else if ((t.v === "," || t.v === ".") && depth === 0) return;
      }
      this.next();
    }
  }
  toDot(): void {
    while (this.peek() !== undefined && !(this.peek()!.k === "punct" && this.peek()!.v === ".")) {
      this.next();
    }
    this.next();
  }
}

/** The LFE forms (`defrecord`, `defmacro`) that an Erlang header's text stands for. */
export function erlangHeaderForms(text: string): Term[] {
  const p = new Parser(tokens(text));
  const forms: Term[] = [];
  while (p.peek() !== undefined) {
    const start = p.i;
    try {
      if (!p.is("-")) {
        p.toDot();
        continue;
      }
      p.next();
      const what = p.next();
      if (what.k === "atom" && what.v === "record" && p.is("(")) {
        p.next();
        const name = p.next().v;
        p.next(); // ,
        p.next(); // {
        const fields: Term[] = [];
        while (!p.is("}")) {
          const f = p.next().v;
          let dflt: Term | undefined;
          if (p.is("=")) {
            p.next();
            dflt = p.constant();
          }
          if (p.is("::")) {
            p.next();
            p.skip();
          }
          fields.push(
            dflt === undefined ? f : arrayToList([f, arrayToList(["quote", dflt])]),
          );
          if (p.is(",")) p.next();
        }
        forms.push(arrayToList(["defrecord", name, ...fields]));
      } else if (what.k === "atom" && what.v === "define" && p.is("(")) {
        p.next();
        const name = p.next().v;
        if (p.is(",")) {
          p.next();
          const v = p.constant();
          if (v !== undefined && p.is(")")) {
            forms.push(
              arrayToList([
                "defmacro",
                name,
                null,
                arrayToList(["quote", arrayToList(["quote", v])]),
              ]),
            );
          }
        }
      }
      p.toDot();
    } catch {
      if (p.i === start) p.next();
      p.toDot();
    }
  }
  return forms;
}
