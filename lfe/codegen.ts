/**
 * Code generation: LFE forms to the JavaScript body of one function. An expression compiles to
 * statements plus the JavaScript expression of its value (`value`), or, in tail position, to
 * statements that return (`tail`). A function that can wait (it receives, or calls code that
 * may) is a generator function; one that cannot is a plain function. Calls to itself in tail
 * position become a loop; other tail calls return the callee's generator, or a tail call, for
 * the caller to run, so that recursion through tail calls runs in constant space.
 *
 * @module
 */

import { BitString, Cons, Float, type Term, TermMap } from "../runtime/mod.ts";
import { isStringLiteral, type PatternHost } from "./_pattern.ts";
import { recordPattern } from "./_records.ts";
import { elems, macroexpand1 } from "./macros.ts";
import type { ModuleUnit } from "./compile.ts";

/** Raised when a function that was compiled as plain turns out to need to wait. */
export class NeedsGenerator extends Error {}

/** A function known where a call is compiled: its JS name and whether it waits. */
export interface LocalFn {
  js: string;
  gen: boolean;
}

class Scope {
  readonly vars = new Map<string, string>();
  readonly fns = new Map<string, LocalFn>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): string | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  fn(key: string): LocalFn | undefined {
    return this.fns.get(key) ?? this.parent?.fn(key);
  }
}

const OPS: Record<string, [string, string]> = {
  "+": ["add", "+"],
  "-": ["sub", "-"],
  "*": ["mul", "*"],
};
const CMP: Record<string, [string, string]> = {
  "<": ["lt", "<"],
  ">": ["gt", ">"],
  "=<": ["le", "<="],
  ">=": ["ge", ">="],
  "==": ["eqArith", "==="],
  "/=": ["neArith", "!=="],
};

// The functions of the module `lfe` that are called without their module, as BIFs.
const LFE_BIFS = new Set([
  "eval/1",
  "eval/2",
  "macro-function/1",
  "macro-function/2",
  "macroexpand/1",
  "macroexpand/2",
  "macroexpand-1/1",
  "macroexpand-1/2",
  "macroexpand-all/1",
  "macroexpand-all/2",
]);

/** Compiles the body of one function (or lambda, or shell expression). */
export class FnGen {
  readonly unit: ModuleUnit;
  readonly gen: boolean;
  readonly lines: string[] = [];
  readonly decls = new Set<string>();
  #n = 0;
  /** For a function that loops on tail calls to itself: its key and parameters. */
  selfKey: string | undefined;
  selfParams: string[] = [];
  /** Variables of enclosing functions this one uses, for the closure's factory. */
  readonly captured = new Set<string>();
  readonly outer: Scope | null;

  constructor(unit: ModuleUnit, gen: boolean, outer: Scope | null) {
    this.unit = unit;
    this.gen = gen;
    this.outer = outer;
  }

  /** A new JavaScript local for `name`, declared at the top of the function. */
  declare(name: string): string {
    // The compiler's own names start with `$`; an LFE variable may too (`$ENV`), so any
    // character JavaScript does not allow in a name is replaced.
    const v = `${name.startsWith("$") ? "" : "v_"}${
      name.replace(/[^A-Za-z0-9_$]/g, "_")
    }$${this.unit.uid()}`;
    this.decls.add(v);
    return v;
  }

  tmp(): string {
    return this.declare(`$t${this.#n++}`);
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  /** Compiles `f` and returns the JS expression of its value. */
  value(f: Term, sc: Scope): string {
    if (typeof f === "string") return this.variable(f, sc);
    if (typeof f === "number") return f < 0 ? `(${f})` : String(f);
    // true and false are the atoms, unless a pattern has bound them as variables.
    if (typeof f === "boolean") {
      return sc.lookup(String(f)) !== undefined ? this.variable(String(f), sc) : String(f);
    }
    if (f === null) return "null";
    if (
      typeof f === "bigint" || f instanceof Float || f instanceof Uint8Array ||
      f instanceof BitString
    ) {
      return this.unit.constant(f);
    }
    if (Array.isArray(f) || f instanceof TermMap) return this.unit.constant(f);
    if (!(f instanceof Cons)) throw new SyntaxError(`Cannot evaluate ${String(f)}`);
    if (isStringLiteral(f)) return this.unit.constant(f);
    return this.call(f, sc, false) as string;
  }

  /** Compiles `f` in tail position: the statements emitted return its value. */
  tail(f: Term, sc: Scope): void {
    if (f instanceof Cons && typeof f.hd === "string" && !isStringLiteral(f)) {
      const r = this.call(f, sc, true);
      if (r !== undefined) this.emit(`return ${r};`);
      return;
    }
    this.emit(`return ${this.value(f, sc)};`);
  }

  variable(name: string, sc: Scope): string {
    const v = sc.lookup(name);
    if (v !== undefined) {
      if (this.outer !== null && !this.#ownScope(name, sc)) this.captured.add(v);
      return v;
    }
    if (this.unit.dynamic !== undefined) {
      return `rt.dynVar(${this.unit.dynamic}, ${JSON.stringify(name)})`;
    }
    // A macro's clause is checked only when it runs, as LFE's evaluator does.
    if (this.unit.lenient) return `rt.unboundSymbol(${JSON.stringify(name)})`;
    throw new SyntaxError(`symbol ${name} is unbound`);
  }

  #ownScope(name: string, sc: Scope): boolean {
    for (let s: Scope | null = sc; s !== null && s !== this.outer; s = s.parent) {
      if (s.vars.has(name)) return true;
    }
    return false;
  }

  body(forms: Term[], sc: Scope, tail: boolean): string | undefined {
    if (forms.length === 0) forms = [null];
    for (let i = 0; i < forms.length - 1; i++) {
      const v = this.value(forms[i] as Term, sc);
      if (!/^[\w$]+$/.test(v)) this.emit(`${v};`);
    }
    const last = forms[forms.length - 1] as Term;
    if (tail) {
      this.tail(last, sc);
      return undefined;
    }
    return this.value(last, sc);
  }

  /**
   * A form `(head args...)`. In tail position it may emit the return itself and answer
   * `undefined`; otherwise it answers the expression of the value.
   */
  call(f: Cons, sc: Scope, tail: boolean): string | undefined {
    const head = f.hd;
    const args = elems(f.tl, "a form");
    if (head instanceof Cons && (head.hd === "lambda" || head.hd === "match-lambda")) {
      return this.call(new Cons("funcall", f) as Cons, sc, tail);
    }
    if (typeof head !== "string") throw new SyntaxError("bad application form");
    const special = SPECIAL[head];
    if (special !== undefined && Object.hasOwn(SPECIAL, head)) {
      try {
        return special(this, args, sc, tail);
      } catch (e) {
        // A special form of the wrong shape, in LFE's words.
        if (e instanceof TypeError) throw new SyntaxError(`bad ${head} form`);
        throw e;
      }
    }
    const expanded = macroexpand1(f, this.unit.macroEnv);
    if (expanded !== undefined) {
      if (tail) {
        this.tail(expanded, sc);
        return undefined;
      }
      return this.value(expanded, sc);
    }
    return this.apply(head, args, sc, tail);
  }

  /** A call of the function `name` with `args`: local, imported, or a BIF of erlang. */
  apply(name: string, args: Term[], sc: Scope, tail: boolean): string | undefined {
    const key = `${name}/${args.length}`;
    if (args.length === 2 && (OPS[name] || CMP[name] || name === "=:=" || name === "=/=")) {
      return this.operator(name, args, sc);
    }
    const local = sc.fn(key) ?? this.unit.localFn(key);
    const vals = args.map((a) => this.value(a, sc));
    if (local !== undefined) {
      if (tail && this.selfKey === key && sc.fn(key) === undefined) {
        // A call to itself in tail position: a jump to the top with new arguments.
        const temps = vals.map((v) => {
          const t = this.tmp();
          this.emit(`${t} = ${v};`);
          return t;
        });
        temps.forEach((t, i) => this.emit(`${this.selfParams[i]} = ${t};`));
        this.emit("continue $top;");
        return undefined;
      }
      return this.invoke(`${local.js}(${vals.join(", ")})`, local.gen, tail);
    }
    const imp = this.unit.imports.get(key);
    if (imp !== undefined) {
      const [m, f] = imp;
      const bif = this.unit.bif(m, `${f}/${args.length}`);
      if (bif !== undefined) return this.invoke(`${bif.js}(${vals.join(", ")})`, bif.gen, tail);
      return this.invoke(this.extCall(m, f, vals), true, tail);
    }
    const bif = this.unit.bif("erlang", key);
    if (bif !== undefined) return this.invoke(`${bif.js}(${vals.join(", ")})`, bif.gen, tail);
    // A call of `name` in module `m`, found when it runs.
    const callIn = (m: string) => this.invoke(this.extCall(m, name, vals), true, tail);
    if (key === "module_info/0" || key === "module_info/1" || key === "__info__/1") {
      return callIn(this.unit.name);
    }
    if (LFE_BIFS.has(key)) return callIn("lfe");
    if (this.unit.lint) throw new SyntaxError(`function ${key} undefined`);
    if (this.unit.dynamic !== undefined) {
      return this.invoke(
        `rt.dynCall(${this.unit.dynamic}, ${JSON.stringify(name)}, [${vals.join(", ")}])`,
        true,
        tail,
      );
    }
    return callIn(this.unit.name);
  }

  /**
   * A call of `m:f` with the values `vals`: the function read from the module's record by its
   * `name/arity`, or (not loaded yet, or missing) found by `rt.extFn`.
   */
  extCall(m: string, f: string, vals: string[]): string {
    const ref = this.unit.moduleRef(m);
    const key = JSON.stringify(`${f}/${vals.length}`);
    return `(${ref}.fns[${key}] ?? rt.extFn(${ref}, ${JSON.stringify(f)}, ${vals.length}))(${
      vals.join(", ")
    })`;
  }

  /**
   * A call whose result may need running: a plain callee's value is ready; a waiting callee's
   * generator (or tail call) is returned in tail position, else run here with `yield*`.
   */
  invoke(expr: string, waits: boolean, tail: boolean): string | undefined {
    if (!waits) {
      if (tail) {
        this.emit(`return ${expr};`);
        return undefined;
      }
      const t = this.tmp();
      this.emit(`${t} = ${expr};`);
      return t;
    }
    if (!this.gen) throw new NeedsGenerator();
    if (tail) {
      this.emit(`return ${expr};`);
      return undefined;
    }
    const t = this.tmp();
    this.emit(`${t} = ${expr};`);
    // Generators are run here directly and tail calls made, until a term comes back: no
    // generator stands between this one and the callee.
    this.emit(
      `while (typeof ${t} === "object" && ${t} !== null) { if (${t} instanceof rt.TailCall) ${t} = ${t}.f(...${t}.args); else if (typeof ${t}.next === "function") ${t} = yield* ${t}; else break; }`,
    );
    return t;
  }

  operator(name: string, args: Term[], sc: Scope): string {
    const a = this.value(args[0] as Term, sc), b = this.value(args[1] as Term, sc);
    const t = this.tmp();
    const both = `typeof ${a} === "number" && typeof ${b} === "number"`;
    if (OPS[name]) {
      const [fn, op] = OPS[name];
      // `+ 0` turns the -0 of (* 0 -5) into the integer 0.
      this.emit(
        `${t} = ${both} && (${t} = ${a} ${op} ${b} + 0) <= 9007199254740991 && ${t} >= -9007199254740991 ? ${t} : rt.ops.${fn}(${a}, ${b});`,
      );
    } else if (CMP[name]) {
      const [fn, op] = CMP[name];
      this.emit(`${t} = ${both} ? ${a} ${op} ${b} : rt.ops.${fn}(${a}, ${b});`);
    } else if (name === "=:=") this.emit(`${t} = ${a} === ${b} || rt.exactEq(${a}, ${b});`);
    else this.emit(`${t} = !(${a} === ${b} || rt.exactEq(${a}, ${b}));`);
    return t;
  }

  /** What a pattern compiled in this function, with `sc`'s variables bound, needs. */
  patternHost(sc: Scope): PatternHost {
    return {
      declare: (n: string) => this.declare(n),
      constant: (t: Term) => this.unit.constant(t),
      expand: (f: Term) => this.unit.expand(f),
      recordPattern: (name: Term, args: Term[]) => recordPattern(this.unit.macroEnv, name, args),
      variable: (name: string) =>
        sc.lookup(name) === undefined ? undefined : this.variable(name, sc),
    };
  }

  /** Binds the variables of a compiled pattern in a new scope. */
  scopeWith(binds: Map<string, string>, sc: Scope): Scope {
    const s = new Scope(sc);
    for (const [k, v] of binds) s.vars.set(k, v);
    return s;
  }

  /** A guard: `(when g...)` tests, all true; an error in a guard is false. */
  guard(g: Term[], sc: Scope): string {
    if (g.length === 0) return "true";
    const sub = new FnGen(this.unit, false, null);
    sub.selfKey = undefined;
    const parts = g.map((t) => sub.value(t, sc));
    const code = [...sub.lines, `return ${parts.map((p) => `${p} === true`).join(" && ")};`];
    for (const d of sub.decls) this.decls.add(d);
    return `rt.guard(() => { ${code.join(" ")} })`;
  }
}

export { Scope };

type Special = (g: FnGen, args: Term[], sc: Scope, tail: boolean) => string | undefined;

import { SPECIAL_FORMS } from "./_forms.ts";
const SPECIAL: Record<string, Special> = SPECIAL_FORMS;
export type { Special };
