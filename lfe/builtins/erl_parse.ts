/**
 * The module `erl_parse`: Erlang tokens (as `erl_scan` makes them) into OTP 25's abstract
 * format — `parse_exprs/1` for a body of expressions, `parse_form/1` for a function or an
 * attribute, `parse_term/1` for a term — with the annotations and the `syntax error before:`
 * errors OTP gives; what `io:parse_erl_exprs` and `io:parse_erl_form` read with.
 *
 * The grammar is erl_parse.yrl's, by precedence: `catch`, `=` and `!` (right), `orelse`,
 * `andalso`, comparisons, `++` and `--` (right), additive, multiplicative, prefix operators,
 * map and record access, calls, `:`, and the primaries. Type specifications (`-spec`,
 * `-type`) are not read.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, charlist, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { withModuleInfo } from "./_module_info.ts";
import { properArray } from "./_util.ts";
import { writeErlang } from "./_erl_write.ts";

type Tok = Term[];

class SyntaxErr {
  constructor(readonly tok: Tok | undefined) {}
}

class BadForm {
  constructor(readonly anno: Term, readonly text: string) {}
}

const SEND = new Set(["!"]);
const ORELSE = new Set(["orelse"]);
const ANDALSO = new Set(["andalso"]);
const COMP = new Set(["==", "/=", "=<", "<", ">=", ">", "=:=", "=/="]);
const LIST_OP = new Set(["++", "--"]);
const ADD = new Set(["+", "-", "bor", "bxor", "bsl", "bsr", "or", "xor"]);
const MULT = new Set(["/", "*", "div", "rem", "band", "and"]);
const PREFIX = new Set(["+", "-", "bnot", "not"]);

const cat = (t: Tok | undefined) => (t === undefined ? undefined : t[0] as string);
const anno = (t: Tok) => t[1]!;

/** The annotation of an abstract expression: its second element. */
function annoOf(e: Term): Term {
  return (e as Term[])[1]!;
}

/** Where an abstract expression starts: the annotation of its first token. */
function firstAnno(e: Term): Term {
  const x = e as Term[];
  switch (x[0]) {
    case "match":
      return firstAnno(x[2]!);
    case "op":
      return x.length === 5 ? firstAnno(x[3]!) : x[1]!;
    case "call":
      return firstAnno(x[2]!);
    case "remote":
      return firstAnno(x[2]!);
    case "record_field":
      return x.length === 5 ? firstAnno(x[2]!) : x[1]!;
    case "record":
    case "map":
      return x.length === 5 || (x[0] === "map" && x.length === 4) ? firstAnno(x[2]!) : x[1]!;
  }
  return x[1]!;
}

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  next(): Tok {
    const t = this.toks[this.i];
    if (t === undefined) throw new SyntaxErr(undefined);
    this.i++;
    return t;
  }
  is(c: string, k = 0): boolean {
    return cat(this.peek(k)) === c;
  }
  expect(c: string): Tok {
    const t = this.peek();
    if (cat(t) !== c) throw new SyntaxErr(t);
    this.i++;
    return t!;
  }
  fail(): never {
    throw new SyntaxErr(this.peek());
  }

  // ---- expressions, by precedence ----

  exprs(): Term[] {
    const out = [this.expr()];
    while (this.is(",")) {
      this.i++;
      out.push(this.expr());
    }
    return out;
  }

  expr(): Term {
    if (this.is("catch")) {
      const t = this.next();
      return ["catch", anno(t), this.expr()];
    }
    return this.expr100();
  }

  /** `l Op R` for an operator of `ops` next, its right side read by `right`; else `l`. */
  op(l: Term, ops: ReadonlySet<string>, right: () => Term): Term {
    const c = cat(this.peek());
    if (c === undefined || !ops.has(c)) return l;
    const t = this.next();
    return ["op", anno(t), c, l, right()];
  }

  /** Operands of `ops` read by `operand`, grouped to the left. */
  leftAssoc(ops: ReadonlySet<string>, operand: () => Term): Term {
    let l = operand();
    for (;;) {
      const e = this.op(l, ops, operand);
      if (e === l) return l;
      l = e;
    }
  }

  expr100(): Term {
    const l = this.expr150();
    if (this.is("=")) {
      this.next();
      return ["match", firstAnno(l), l, this.expr100()];
    }
    return this.op(l, SEND, () => this.expr100());
  }

  expr150(): Term {
    return this.op(this.expr160(), ORELSE, () => this.expr150());
  }

  expr160(): Term {
    return this.op(this.expr200(), ANDALSO, () => this.expr160());
  }

  expr200(): Term {
    return this.op(this.expr300(), COMP, () => this.expr300());
  }

  expr300(): Term {
    return this.op(this.expr400(), LIST_OP, () => this.expr300());
  }

  expr400(): Term {
    return this.leftAssoc(ADD, () => this.expr500());
  }

  expr500(): Term {
    return this.leftAssoc(MULT, () => this.expr600());
  }

  expr600(): Term {
    const c = cat(this.peek());
    if (c !== undefined && PREFIX.has(c)) {
      const t = this.next();
      return ["op", anno(t), c, this.expr600()];
    }
    return this.expr650();
  }

  /** Map and record expressions, and calls: what can follow a primary. */
  expr650(): Term {
    let e = this.expr700();
    for (;;) {
      if (this.is("#")) {
        const h = this.next();
        if (this.is("{")) {
          e = ["map", anno(h), e, this.mapFields()];
          continue;
        }
        const name = this.expect("atom");
        if (this.is(".")) {
          this.i++;
          const f = this.expect("atom");
          e = ["record_field", anno(h), e, name[2]!, ["atom", anno(f), f[2]!]];
          continue;
        }
        e = ["record", anno(h), e, name[2]!, this.recordFields()];
        continue;
      }
      return e;
    }
  }

  expr700(): Term {
    let e = this.expr800();
    while (this.is("(")) {
      // A call: its annotation is its function's.
      const args = this.args();
      e = ["call", firstAnno(e), e, arrayToList(args)];
      if (this.is("(")) this.fail();
    }
    return e;
  }

  expr800(): Term {
    const l = this.exprMax();
    if (this.is(":")) {
      const t = this.next();
      const r = this.exprMax();
      return ["remote", anno(t), l, r];
    }
    return l;
  }

  args(): Term[] {
    this.expect("(");
    if (this.is(")")) {
      this.i++;
      return [];
    }
    const out = this.exprs();
    this.expect(")");
    return out;
  }

  exprMax(): Term {
    const t = this.peek();
    const c = cat(t);
    switch (c) {
      case "var":
        this.i++;
        return ["var", anno(t!), t![2]!];
      case "atom":
      case "integer":
      case "float":
      case "char":
        this.i++;
        return [c, anno(t!), t![2]!];
      case "string": {
        this.i++;
        let s = properArray(t![2]!) as number[];
        while (this.is("string")) s = s.concat(properArray(this.next()[2]!) as number[]);
        return ["string", anno(t!), arrayToList(s)];
      }
      case "(": {
        this.i++;
        const e = this.expr();
        this.expect(")");
        return e;
      }
      case "{": {
        this.i++;
        if (this.is("}")) {
          this.i++;
          return ["tuple", anno(t!), null];
        }
        const es = this.exprs();
        this.expect("}");
        return ["tuple", anno(t!), arrayToList(es)];
      }
      case "[":
        return this.list();
      case "<<":
        return this.binary();
      case "#":
        return this.mapOrRecord();
      case "begin": {
        this.i++;
        const b = this.exprs();
        this.expect("end");
        return ["block", anno(t!), arrayToList(b)];
      }
      case "if":
        return this.ifExpr();
      case "case":
        return this.caseExpr();
      case "receive":
        return this.receiveExpr();
      case "fun":
        return this.funExpr();
      case "try":
        return this.tryExpr();
    }
    return this.fail();
  }

  list(): Term {
    const open = this.expect("[");
    if (this.is("]")) {
      this.next();
      return ["nil", anno(open)];
    }
    const first = this.expr();
    if (this.is("||")) {
      this.i++;
      const qs = this.qualifiers();
      this.expect("]");
      return ["lc", anno(open), first, arrayToList(qs)];
    }
    return ["cons", anno(open), first, this.tail()];
  }

  tail(): Term {
    if (this.is("]")) return ["nil", anno(this.next())];
    if (this.is("|")) {
      this.i++;
      const e = this.expr();
      this.expect("]");
      return e;
    }
    this.expect(",");
    const e = this.expr();
    return ["cons", firstAnno(e), e, this.tail()];
  }

  qualifiers(): Term[] {
    const out: Term[] = [];
    for (;;) {
      const e = this.expr();
      if (this.is("<-")) {
        const t = this.next();
        out.push(["generate", anno(t), e, this.expr()]);
      } else if (this.is("<=")) {
        const t = this.next();
        out.push(["b_generate", anno(t), e, this.expr()]);
      } else out.push(e);
      if (!this.is(",")) return out;
      this.i++;
    }
  }

  binary(): Term {
    const open = this.expect("<<");
    if (this.is(">>")) {
      this.i++;
      return ["bin", anno(open), null];
    }
    const first = this.binElement();
    if (this.is("||")) {
      this.i++;
      const qs = this.qualifiers();
      this.expect(">>");
      // The element of a comprehension is an expression, not a bit segment.
      return ["bc", anno(open), (first as Term[])[2]!, arrayToList(qs)];
    }
    const els = [first];
    while (this.is(",")) {
      this.i++;
      els.push(this.binElement());
    }
    this.expect(">>");
    return ["bin", anno(open), arrayToList(els)];
  }

  binElement(): Term {
    let e: Term;
    const c = cat(this.peek());
    if (c !== undefined && PREFIX.has(c)) {
      const t = this.next();
      e = ["op", anno(t), c, this.exprMax()];
    } else e = this.exprMax();
    // A comprehension's element may be any expression: `<< <<X>> || X <- L >>`.
    let size: Term = "default";
    if (this.is(":")) {
      this.i++;
      size = this.exprMax();
    }
    let types: Term = "default";
    if (this.is("/")) {
      this.i++;
      const ts: Term[] = [];
      for (;;) {
        const a = this.expect("atom");
        if (this.is(":")) {
          this.i++;
          const n = this.expect("integer");
          ts.push([a[2]!, n[2]!]);
        } else ts.push(a[2]!);
        if (!this.is("-")) break;
        this.i++;
      }
      types = arrayToList(ts);
    }
    return ["bin_element", firstAnno(e), e, size, types];
  }

  mapOrRecord(): Term {
    const h = this.expect("#");
    if (this.is("{")) return ["map", anno(h), this.mapFields()];
    const name = this.expect("atom");
    if (this.is(".")) {
      this.i++;
      const f = this.expect("atom");
      return ["record_index", anno(h), name[2]!, ["atom", anno(f), f[2]!]];
    }
    return ["record", anno(h), name[2]!, this.recordFields()];
  }

  mapFields(): Term {
    this.expect("{");
    const out: Term[] = [];
    if (this.is("}")) {
      this.i++;
      return null;
    }
    for (;;) {
      const k = this.expr();
      if (this.is("=>")) {
        const t = this.next();
        out.push(["map_field_assoc", anno(t), k, this.expr()]);
      } else if (this.is(":=")) {
        const t = this.next();
        out.push(["map_field_exact", anno(t), k, this.expr()]);
      } else this.fail();
      if (this.is("}")) {
        this.i++;
        return arrayToList(out);
      }
      this.expect(",");
    }
  }

  recordFields(): Term {
    this.expect("{");
    const out: Term[] = [];
    if (this.is("}")) {
      this.i++;
      return null;
    }
    for (;;) {
      const f = this.peek();
      if (cat(f) !== "atom" && cat(f) !== "var") this.fail();
      this.i++;
      const fe: Term = cat(f) === "atom" ? ["atom", anno(f!), f![2]!] : ["var", anno(f!), f![2]!];
      this.expect("=");
      out.push(["record_field", anno(f!), fe, this.expr()]);
      if (this.is("}")) {
        this.i++;
        return arrayToList(out);
      }
      this.expect(",");
    }
  }

  /** Guards: tests separated by `,`, alternatives by `;`. */
  guard(): Term {
    const alts: Term[] = [];
    for (;;) {
      const tests = [this.expr()];
      while (this.is(",")) {
        this.i++;
        tests.push(this.expr());
      }
      alts.push(arrayToList(tests));
      if (!this.is(";")) return arrayToList(alts);
      this.i++;
    }
  }

  clauseGuard(): Term {
    if (!this.is("when")) return null;
    this.i++;
    return this.guard();
  }

  body(): Term {
    this.expect("->");
    return arrayToList(this.exprs());
  }

  /** `Pattern [when Guard] -> Body` clauses, separated by `;`. */
  crClauses(): Term {
    const out: Term[] = [];
    for (;;) {
      const p = this.expr();
      const g = this.clauseGuard();
      out.push(["clause", firstAnno(p), arrayToList([p]), g, this.body()]);
      if (!this.is(";")) return arrayToList(out);
      this.i++;
    }
  }

  ifExpr(): Term {
    const t = this.expect("if");
    const out: Term[] = [];
    for (;;) {
      const g = this.guard();
      const first = ((g as Cons).hd as Cons).hd;
      out.push(["clause", firstAnno(first), null, g, this.body()]);
      if (!this.is(";")) break;
      this.i++;
    }
    this.expect("end");
    return ["if", anno(t), arrayToList(out)];
  }

  caseExpr(): Term {
    const t = this.expect("case");
    const e = this.expr();
    this.expect("of");
    const cs = this.crClauses();
    this.expect("end");
    return ["case", anno(t), e, cs];
  }

  receiveExpr(): Term {
    const t = this.expect("receive");
    let cs: Term = null;
    if (!this.is("after")) cs = this.crClauses();
    if (this.is("after")) {
      this.i++;
      const to = this.expr();
      const b = this.body();
      this.expect("end");
      return ["receive", anno(t), cs, to, b];
    }
    this.expect("end");
    return ["receive", anno(t), cs];
  }

  funExpr(): Term {
    const t = this.expect("fun");
    if (this.is("(")) {
      const cs = this.funClauses(undefined);
      this.expect("end");
      return ["fun", anno(t), ["clauses", cs]];
    }
    if (this.is("var") && this.is("(", 1)) {
      const name = this.peek()![2]!;
      const cs = this.funClauses(name as string);
      this.expect("end");
      return ["named_fun", anno(t), name, cs];
    }
    // fun F/A, fun M:F/A
    const a = this.exprMax();
    if (this.is(":")) {
      this.i++;
      const f = this.exprMax();
      this.expect("/");
      const ar = this.exprMax();
      return ["fun", anno(t), ["function", a, f, ar]];
    }
    if (!Array.isArray(a) || a[0] !== "atom") this.fail();
    this.expect("/");
    const n = this.expect("integer");
    return ["fun", anno(t), ["function", (a as Term[])[2]!, n[2]!]];
  }

  funClauses(name: string | undefined): Term {
    const out: Term[] = [];
    for (;;) {
      let at: Term | undefined;
      if (name !== undefined) {
        const v = this.expect("var");
        if (v[2] !== name) throw new SyntaxErr(v);
        at = anno(v);
      }
      at ??= anno(this.peek() ?? this.fail());
      const args = this.args();
      const g = this.clauseGuard();
      out.push(["clause", at, arrayToList(args), g, this.body()]);
      if (!this.is(";")) return arrayToList(out);
      this.i++;
    }
  }

  tryExpr(): Term {
    const t = this.expect("try");
    const b = arrayToList(this.exprs());
    let of: Term = null;
    if (this.is("of")) {
      this.i++;
      of = this.crClauses();
    }
    let catches: Term = null;
    if (this.is("catch")) {
      this.i++;
      catches = this.tryClauses();
    }
    let after: Term = null;
    if (this.is("after")) {
      this.i++;
      after = arrayToList(this.exprs());
    }
    if (catches === null && after === null) this.fail();
    this.expect("end");
    return ["try", anno(t), b, of, catches, after];
  }

  tryClauses(): Term {
    const out: Term[] = [];
    for (;;) {
      // `Class:Reason[:Stack]`, the class an atom or a variable; or a reason alone.
      const classed = (this.is("atom") || this.is("var")) && this.is(":", 1);
      const first: Term = classed
        ? (() => {
          const t = this.next();
          return [cat(t)!, anno(t), t[2]!];
        })()
        : this.expr();
      let pat: Term;
      const a = firstAnno(first);
      if (classed) {
        this.i++;
        // `Class:Reason:Stack` with variables: the stack is no remote call's function.
        let reason: Term;
        if (this.is("var") && this.is(":", 1) && this.is("var", 2)) {
          const r = this.next();
          reason = ["var", anno(r), r[2]!];
        } else reason = this.expr();
        let stack: Term = ["var", firstAnno(reason), "_"];
        if (this.is(":")) {
          this.i++;
          const v = this.expect("var");
          stack = ["var", anno(v), v[2]!];
        }
        pat = ["tuple", a, arrayToList([first, reason, stack])];
      } else pat = ["tuple", a, arrayToList([["atom", a, "throw"], first, ["var", a, "_"]])];
      const g = this.clauseGuard();
      out.push(["clause", a, arrayToList([pat]), g, this.body()]);
      if (!this.is(";")) return arrayToList(out);
      this.i++;
    }
  }

  // ---- forms ----

  form(): Term {
    if (this.is("-")) return this.attribute();
    return this.func();
  }

  func(): Term {
    const clauses: Term[] = [];
    let name: Term | undefined, arity = -1, first: Tok | undefined;
    for (;;) {
      const n = this.expect("atom");
      first ??= n;
      if (name !== undefined && n[2] !== name) throw new SyntaxErr(n);
      name = n[2]!;
      const args = this.args();
      if (arity >= 0 && args.length !== arity) throw new SyntaxErr(n);
      arity = args.length;
      const g = this.clauseGuard();
      clauses.push(["clause", anno(n), arrayToList(args), g, this.body()]);
      if (!this.is(";")) break;
      this.i++;
    }
    return ["function", anno(first!), name!, arity, arrayToList(clauses)];
  }

  attribute(): Term {
    const dash = this.expect("-");
    const nameTok = this.peek();
    if (cat(nameTok) !== "atom" && cat(nameTok) !== "if" && cat(nameTok) !== "else") this.fail();
    this.i++;
    const name = cat(nameTok) === "atom" ? nameTok![2]! : cat(nameTok)!;
    void dash;
    const a = anno(nameTok!);
    if (this.is("(") && this.is(")", 1)) {
      this.i++;
      this.fail();
    }
    if (name === "record") {
      this.expect("(");
      const r = this.expect("atom");
      this.expect(",");
      const open = this.expect("{");
      const fields: Term[] = [];
      if (!this.is("}")) {
        for (;;) {
          const f = this.expect("atom");
          const fe: Term = ["atom", anno(f), f[2]!];
          if (this.is("=")) {
            this.i++;
            fields.push(["record_field", anno(f), fe, this.expr()]);
          } else fields.push(["record_field", anno(f), fe]);
          if (this.is("::")) this.fail();
          if (this.is("}")) break;
          this.expect(",");
        }
      }
      void open;
      this.expect("}");
      this.expect(")");
      return ["attribute", a, "record", [r[2]!, arrayToList(fields)]];
    }
    if (["spec", "type", "opaque", "callback"].includes(name as string)) this.fail();
    let args: Term[];
    if (this.is("(")) args = this.args();
    else args = [this.expr()];
    const value = (e: Term) => this.term(e, a);
    switch (name) {
      case "module":
        if (args.length === 1) return ["attribute", a, "module", value(args[0]!)];
        if (args.length === 2) {
          return ["attribute", a, "module", [value(args[0]!), value(args[1]!)]];
        }
        break;
      case "export":
      case "export_type":
      case "optional_callbacks":
        if (args.length === 1) return ["attribute", a, name, this.farity(args[0]!, a)];
        break;
      case "import":
        if (args.length === 1) return ["attribute", a, "import", value(args[0]!)];
        if (args.length === 2) {
          return ["attribute", a, "import", [value(args[0]!), this.farity(args[1]!, a)]];
        }
        break;
      case "file":
        if (args.length === 2) return ["attribute", a, "file", [value(args[0]!), value(args[1]!)]];
        break;
      case "on_load":
      case "nifs":
        if (args.length === 1) {
          const one = name === "on_load" ? ["cons", a, args[0]!, ["nil", a]] : args[0]!;
          const fa = properArray(this.farity(one, a))!;
          return ["attribute", a, name, name === "on_load" ? fa[0]! : arrayToList(fa)];
        }
        break;
      default:
        if (args.length === 1) return ["attribute", a, name, value(args[0]!)];
    }
    throw new BadForm(args.length > 0 ? firstAnno(args[args.length - 1]!) : a, "bad attribute");
  }

  /** `[f/1, g/2]` as `[{f, 1}, {g, 2}]`. */
  farity(e: Term, a: Term): Term {
    const out: Term[] = [];
    let c = e;
    while (Array.isArray(c) && c[0] === "cons") {
      const x = c[2] as Term[];
      if (
        x[0] === "op" && x[2] === "/" && (x[3] as Term[])[0] === "atom" &&
        (x[4] as Term[])[0] === "integer"
      ) {
        out.push([(x[3] as Term[])[2]!, (x[4] as Term[])[2]!]);
      } else throw new BadForm(a, "bad function arity");
      c = c[3]!;
    }
    if (!Array.isArray(c) || c[0] !== "nil") throw new BadForm(a, "bad function arity");
    return arrayToList(out);
  }

  term(e: Term, a: Term): Term {
    const t = normalise(e);
    if (t === undefined) throw new BadForm(a, "bad attribute");
    return t;
  }
}

/** The term an abstract expression of a literal stands for; `undefined` if it is no literal. */
function normalise(e: Term): Term | undefined {
  if (!Array.isArray(e)) return undefined;
  switch (e[0]) {
    case "atom":
    case "integer":
    case "float":
    case "char":
    case "string":
      return e[2]!;
    case "nil":
      return null;
    case "cons": {
      const h = normalise(e[2]!), t = normalise(e[3]!);
      return h === undefined || t === undefined ? undefined : new Cons(h, t);
    }
    case "tuple": {
      const es = (properArray(e[2]!) ?? []).map(normalise);
      return es.some((x) => x === undefined) ? undefined : es as Term[];
    }
    case "map": {
      if (e.length !== 3) return undefined;
      const out: [Term, Term][] = [];
      for (const f of properArray(e[2]!) ?? []) {
        const ff = f as Term[];
        if (ff[0] !== "map_field_assoc") return undefined;
        const k = normalise(ff[2]!), v = normalise(ff[3]!);
        if (k === undefined || v === undefined) return undefined;
        out.push([k, v]);
      }
      return new TermMap(out);
    }
    case "bin": {
      const bytes: number[] = [];
      for (const el of properArray(e[2]!) ?? []) {
        const b = el as Term[];
        if (b[3] !== "default" || b[4] !== "default") return undefined;
        const v = b[2] as Term[];
        if (v[0] === "string") bytes.push(...(properArray(v[2]!) as number[]));
        else if (v[0] === "integer" || v[0] === "char") bytes.push((v[2] as number) & 255);
        else return undefined;
      }
      return new Uint8Array(bytes);
    }
    case "op":
      if (e.length === 4 && (e[2] === "-" || e[2] === "+")) {
        const v = normalise(e[3]!);
        if (typeof v === "number") return e[2] === "-" ? -v : v;
        if (typeof v === "bigint") return e[2] === "-" ? -v : v;
        return undefined;
      }
      return undefined;
  }
  return undefined;
}

/** How `syntax error before:` names a token. */
function tokenText(t: Tok | undefined): Term {
  if (t === undefined) return null;
  const c = t[0] as string;
  switch (c) {
    case "atom":
      return charlist(writeErlang(t[2]!, -1, "unicode"));
    case "var":
      return charlist(String(t[2]));
    case "integer":
    case "float":
    case "char":
    case "string":
      return charlist(writeErlang(t[2]!, -1, "unicode"));
  }
  return charlist(`'${c === "dot" ? "." : c}'`);
}

function tokens(t: Term): Tok[] {
  const a = properArray(t);
  if (a === undefined) return raiseError("function_clause");
  return a.map((x) => (Array.isArray(x) ? x : raiseError("function_clause")));
}

function locOf(t: Tok | undefined, toks: Tok[]): Term {
  const tok = t ?? toks[toks.length - 1];
  return tok === undefined ? 1 : locationOf(tok[1]!);
}

/** A token's location, from a plain annotation or a `[{location, L}, ...]` list. */
function locationOf(a: Term): Term {
  if (a instanceof Cons) {
    for (let c: Term = a; c instanceof Cons; c = c.tl) {
      const e = c.hd;
      if (Array.isArray(e) && e[0] === "location") return e[1]!;
    }
  }
  return a;
}

function run(t: Term, what: (p: Parser) => Term): Term {
  const toks = tokens(t);
  const p = new Parser(toks);
  try {
    const r = what(p);
    return ["ok", r];
  } catch (e) {
    if (e instanceof SyntaxErr) {
      return ["error", [
        locOf(e.tok, toks),
        "erl_parse",
        arrayToList([charlist("syntax error before: "), tokenText(e.tok)]),
      ]];
    }
    if (e instanceof BadForm) return ["error", [locationOf(e.anno), "erl_parse", charlist(e.text)]];
    throw e;
  }
}

/** `parse_exprs/1`: the expressions before the dot. */
export function parseExprs(t: Term): Term {
  return run(t, (p) => {
    const es = p.exprs();
    p.expect("dot");
    if (p.peek() !== undefined) p.fail();
    return arrayToList(es);
  });
}

/** `parse_form/1`: a function or an attribute. */
export function parseForm(t: Term): Term {
  return run(t, (p) => {
    const f = p.form();
    p.expect("dot");
    if (p.peek() !== undefined) p.fail();
    return f;
  });
}

/** `parse_term/1`: the term the tokens write. */
export function parseTerm(t: Term): Term {
  const r = run(t, (p) => {
    const e = p.expr();
    p.expect("dot");
    if (p.peek() !== undefined) p.fail();
    return e;
  });
  if (!Array.isArray(r) || r[0] !== "ok") return r;
  const v = normalise(r[1]!);
  if (v === undefined) {
    return ["error", [locationOf(annoOf(r[1]!)), "erl_parse", charlist("bad term")]];
  }
  return ["ok", v];
}

/** The functions of `erl_parse`, by `name/arity`. */
export const ERL_PARSE: ModuleFunctions = withModuleInfo("erl_parse", {
  "parse_exprs/1": parseExprs,
  "parse_form/1": parseForm,
  "parse_term/1": parseTerm,
  "normalise/1": (e: Term) => normalise(e) ?? raiseError(["badarg", e]),
});
