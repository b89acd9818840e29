/**
 * A shell on a BEAM node (`-remsh` or Ctrl-G `r` to an Erlang or LFE node of OTP): the forms
 * typed here are turned into Erlang's abstract format and evaluated there by `erl_eval`, through
 * `erpc`, with the shell's variables as bindings; the value comes back and prints here. What
 * the evaluated code prints comes here too, as erpc gives it this node's group leader.
 *
 * The forms it knows: literals and `quote`, variables, calls (`(f ...)` of an `erlang` BIF or a
 * shell command of `c`, `(m:f ...)`, `(: m f ...)`, `(call m f ...)`, `(funcall f ...)`), the
 * operators, `list` `tuple` `cons` `car` `cdr`, `progn` `let` `if` `case` `receive` `catch`,
 * `lambda` `match-lambda`, `!`, `andalso` `orelse`; patterns of literals, variables, `tuple`,
 * `list`, `cons` and `=`. Anything else raises `#(illegal_form ...)` here, before it is sent.
 *
 * @module
 */

import { erpcCall } from "../lfe/builtins/net.ts";
import { isStringLiteral } from "../lfe/mod.ts";
import {
  arrayToList,
  Cons,
  Float,
  isAtom,
  listToArray,
  raiseError,
  type Term,
  TermMap,
  type Yielded,
} from "../runtime/mod.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

const L = 1;

function atom(a: Term): Term {
  return ["atom", L, a];
}

// Builds the abstract forms of one evaluation; terms that have no literal syntax (pids, refs,
// funs) are passed as variables bound to them.
class Builder {
  readonly extra: [string, Term][] = [];
  readonly used = new Set<string>();

  lit(t: Term): Term {
    if (typeof t === "number") return [Number.isInteger(t) ? "integer" : "float", L, t];
    if (typeof t === "bigint") return ["integer", L, t];
    if (t instanceof Float) return ["float", L, t];
    if (isAtom(t)) return atom(t);
    if (t === null) return ["nil", L];
    if (t instanceof Cons) {
      const items: Term[] = [];
      let c: Term = t;
      for (; c instanceof Cons; c = c.tl) items.push(this.lit(c.hd));
      return items.reduceRight<Term>((tail, h) => ["cons", L, h, tail], this.lit(c));
    }
    if (Array.isArray(t)) return ["tuple", L, arrayToList(t.map((e) => this.lit(e)))];
    if (t instanceof Uint8Array) {
      const segs = [...t].map((b) => ["bin_element", L, ["integer", L, b], "default", "default"]);
      return ["bin", L, arrayToList(segs as Term[])];
    }
    if (t instanceof TermMap) {
      const fields = [...t.entries()].map((
        [k, v],
      ) => ["map_field_assoc", L, this.lit(k), this.lit(v)]);
      return ["map", L, arrayToList(fields as Term[])];
    }
    const name = `lfe-shell-literal-${this.extra.length}`;
    this.extra.push([name, t]);
    return ["var", L, name];
  }

  list(items: Term[]): Term {
    return items.reduceRight<Term>((tail, h) => ["cons", L, h, tail], ["nil", L]);
  }

  exprs(fs: Term[]): Term {
    return arrayToList(fs.map((f) => this.expr(f)));
  }

  body(fs: Term[]): Term {
    return fs.length === 0 ? arrayToList([["nil", L]]) : this.exprs(fs);
  }

  remote(m: Term, f: Term, args: Term[]): Term {
    return ["call", L, ["remote", L, m, f], this.exprs(args)];
  }

  expr(f: Term): Term {
    if (typeof f === "string") {
      this.used.add(f);
      return ["var", L, f];
    }
    if (!(f instanceof Cons) || isStringLiteral(f)) return this.lit(f);
    const head = f.hd;
    const args = listToArray(f.tl);
    if (typeof head !== "string") return raiseError(["illegal_form", f]);
    const form = FORMS[head];
    if (form !== undefined) return form(this, args, f);
    const op = OPERATORS[head];
    if (op !== undefined && args.length >= 1) return op(this, args);
    const colon = head.indexOf(":");
    if (colon > 0) {
      return this.remote(atom(head.slice(0, colon)), atom(head.slice(colon + 1)), args);
    }
    const m = C_COMMANDS.has(`${head}/${args.length}`) ? "c" : "erlang";
    return this.remote(atom(m), atom(head), args);
  }

  pattern(p: Term): Term {
    if (typeof p === "string") {
      if (p !== "_") this.used.add(p);
      return ["var", L, p];
    }
    if (!(p instanceof Cons) || isStringLiteral(p)) return this.lit(p);
    const args = listToArray(p.tl);
    switch (p.hd) {
      case "quote":
        return this.lit(args[0] as Term);
      case "tuple":
        return ["tuple", L, arrayToList(args.map((a) => this.pattern(a)))];
      case "list":
        return this.list(args.map((a) => this.pattern(a)));
      case "cons":
        return ["cons", L, this.pattern(args[0] as Term), this.pattern(args[1] as Term)];
      case "=":
        return ["match", L, this.pattern(args[0] as Term), this.pattern(args[1] as Term)];
    }
    return raiseError(["illegal_pattern", p]);
  }

  // `(pattern [(when guard...)] body...)` as a clause matching one value.
  clause(c: Term, arity = 1): Term {
    const [pats, ...rest] = listToArray(c);
    const ps = arity === 1 ? [pats as Term] : listToArray(pats as Term);
    const w = rest[0];
    const guarded = w instanceof Cons && w.hd === "when";
    const guard = guarded ? arrayToList([this.exprs(listToArray(w.tl))]) : null;
    return [
      "clause",
      L,
      arrayToList(ps.map((p) => this.pattern(p))),
      guard,
      this.body(guarded ? rest.slice(1) : rest),
    ];
  }
}

type Form = (b: Builder, args: Term[], whole: Term) => Term;

const FORMS: Record<string, Form> = {
  quote: (b, [x]) => b.lit(x as Term),
  list: (b, xs) => b.list(xs.map((x) => b.expr(x))),
  tuple: (b, xs) => ["tuple", L, b.exprs(xs)],
  cons: (b, [h, t]) => ["cons", L, b.expr(h as Term), b.expr(t as Term)],
  car: (b, [x]) => b.remote(atom("erlang"), atom("hd"), [x as Term]),
  cdr: (b, [x]) => b.remote(atom("erlang"), atom("tl"), [x as Term]),
  progn: (b, xs) => ["block", L, b.body(xs)],
  let: (b, [binds, ...body]) => {
    const ms = listToArray(binds as Term).map((bd) => {
      const [p, e] = listToArray(bd);
      return ["match", L, b.pattern(p as Term), b.expr(e as Term)];
    });
    return ["block", L, arrayToList([...ms, ...listToArray(b.body(body))] as Term[])];
  },
  if: (b, [c, t, e]) => [
    "case",
    L,
    b.expr(c as Term),
    arrayToList([
      ["clause", L, arrayToList([atom(true)]), null, arrayToList([b.expr(t as Term)])],
      ["clause", L, arrayToList([atom(false)]), null, arrayToList([b.expr((e ?? false) as Term)])],
    ]),
  ],
  case: (b, [e, ...cs]) => ["case", L, b.expr(e as Term), arrayToList(cs.map((c) => b.clause(c)))],
  receive: (b, cs) => {
    const last = cs.at(-1);
    if (last instanceof Cons && last.hd === "after") {
      const [t, ...body] = listToArray(last.tl);
      return [
        "receive",
        L,
        arrayToList(cs.slice(0, -1).map((c) => b.clause(c))),
        b.expr(t as Term),
        b.body(body),
      ];
    }
    return ["receive", L, arrayToList(cs.map((c) => b.clause(c)))];
  },
  catch: (b, body) => ["catch", L, ["block", L, b.body(body)]],
  lambda: (b, [params, ...body]) => {
    const ps = listToArray(params as Term).map((p) => b.pattern(p));
    return ["fun", L, [
      "clauses",
      arrayToList([["clause", L, arrayToList(ps), null, b.body(body)]]),
    ]];
  },
  "match-lambda": (b, cs) => {
    const arity = listToArray(listToArray(cs[0] as Term)[0] as Term).length;
    return ["fun", L, ["clauses", arrayToList(cs.map((c) => b.clause(c, arity)))]];
  },
  "!": (b, [to, m]) => ["op", L, "!", b.expr(to as Term), b.expr(m as Term)],
  funcall: (b, [f, ...xs]) => ["call", L, b.expr(f as Term), b.exprs(xs)],
  call: (
    b,
    [m, f, ...xs],
  ) => ["call", L, ["remote", L, b.expr(m as Term), b.expr(f as Term)], b.exprs(xs)],
  ":": (b, [m, f, ...xs]) => b.remote(atom(m as Term), atom(f as Term), xs),
  andalso: (b, xs) => xs.map((x) => b.expr(x)).reduceRight((r, x) => ["op", L, "andalso", x, r]),
  orelse: (b, xs) => xs.map((x) => b.expr(x)).reduceRight((r, x) => ["op", L, "orelse", x, r]),
};

const BINARY_OPS = [
  "==",
  "/=",
  "=:=",
  "=/=",
  "<",
  ">",
  "=<",
  ">=",
  "div",
  "rem",
  "band",
  "bor",
  "bxor",
  "bsl",
  "bsr",
  "and",
  "or",
  "xor",
  "++",
  "--",
];

type Op = (b: Builder, args: Term[]) => Term;

// `(+ a b c)` folds left as LFE's does; `(- a)` is negation.
function arith(op: string): Op {
  return (b, args) => {
    const xs = args.map((a) => b.expr(a));
    if (xs.length === 1) {
      return op === "-" || op === "+" ? ["op", L, op, xs[0] as Term] : xs[0] as Term;
    }
    return xs.slice(1).reduce((acc, x) => ["op", L, op, acc, x], xs[0] as Term);
  };
}

const OPERATORS: Record<string, Op> = {
  "+": arith("+"),
  "-": arith("-"),
  "*": arith("*"),
  "/": arith("/"),
  not: (b, [x]) => ["op", L, "not", b.expr(x as Term)],
  bnot: (b, [x]) => ["op", L, "bnot", b.expr(x as Term)],
  ...Object.fromEntries(
    BINARY_OPS.map((
      o,
    ) => [o, (b: Builder, [x, y]: Term[]) => ["op", L, o, b.expr(x as Term), b.expr(y as Term)]]),
  ),
};

// The shell's commands that Erlang's `c` module has under the same name.
const C_COMMANDS = new Set([
  "i/0",
  "i/1",
  "i/3",
  "regs/0",
  "nregs/0",
  "memory/0",
  "memory/1",
  "flush/0",
  "pwd/0",
  "cd/1",
  "ls/0",
  "ls/1",
  "m/0",
  "m/1",
  "uptime/0",
  "q/0",
  "pid/3",
  "help/0",
]);

/**
 * Evaluates `form` on the BEAM node `node` with the shell's variables `vars`; answers the value
 * or raises the exception it raised there.
 */
export function* evalOnBeam(node: string, form: Term, vars: ReadonlyMap<string, Term>): Gen<Term> {
  const b = new Builder();
  const exprs = arrayToList([b.expr(form)]);
  const bindings = [...b.used].filter((v) => vars.has(v)).map((v) => [v, vars.get(v) as Term]);
  const all = [...bindings, ...b.extra].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
  const r = yield* erpcCall(
    node,
    "erl_eval",
    "exprs",
    arrayToList([exprs, arrayToList(all as Term[])]),
  );
  if (Array.isArray(r) && r[0] === "value") return r[1] as Term;
  return raiseError(["bad_return", r]);
}
