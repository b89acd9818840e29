/**
 * What the shell does with one form it reads, as `lfe_shell:eval_form/2` does: the forms only
 * the shell knows (`set`, `slurp`, `unslurp`, `run`, `reset-environment`), definitions that stay
 * for the rest of the shell's life (`defun`, `defmacro`, `defrecord`), `progn` opened up, the
 * shell's macros expanded at the top, and anything else evaluated as an expression.
 *
 * @module
 */

import {
  compileMacro,
  compileShellFunction,
  defineRecord,
  evalForm,
  form,
  LfeCompileError,
  LfeFileError,
  LfeMacroError,
  LfeSyntaxError,
  macroexpand1,
  patternVariables,
  readAllWithLines,
  readSource,
  slurpForms,
} from "../lfe/mod.ts";
import {
  Cons,
  listToArray,
  putChars,
  raiseError,
  type Term,
  type Yielded,
} from "../runtime/mod.ts";
import { prettyLfe } from "../lfe/builtins/_lfe_pretty.ts";
import { evalOnBeam } from "./beam_eval.ts";
import { nameArg } from "./commands_file.ts";
import type { ShellState } from "./state.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** Evaluates one form read at the prompt (or from a `run` file) and answers its value. */
export function* evalTop(f: Term, st: ShellState): Gen<Term> {
  try {
    return yield* evalTop1(f, st);
  } catch (e) {
    if (!(e instanceof LfeMacroError)) throw e;
    // As lfe_shell lists a macro expansion error: the line, the form, the reason; then `error`.
    yield* putChars(
      `1: error expanding ${prettyLfe(e.form, -1, 0, 80)}:\n    ${prettyLfe(e.reason)}\n`,
    );
    return "error";
  }
}

function* evalTop1(f0: Term, st: ShellState): Gen<Term> {
  let f = f0;
  for (;;) {
    if (!(f instanceof Cons) || typeof f.hd !== "string") break;
    const args = listToArray(f.tl);
    const top = TOP[f.hd];
    if (top !== undefined) return yield* top(args, st);
    // The shell's own macros, and those defined at the prompt, may make a top-level form.
    if (!st.macros.has(f.hd)) break;
    const e = macroexpand1(f, { macros: st.macros });
    if (e === undefined) break;
    f = e;
  }
  return yield* evalExpr(f, st);
}

/** An expression's value: evaluated here, or on the BEAM node the shell runs on. */
function* evalExpr(f: Term, st: ShellState): Gen<Term> {
  if (st.beam !== undefined) return yield* evalOnBeam(st.beam, f, st.vars);
  return yield* evalForm(f, st.vars, st.context);
}

type Top = (args: Term[], st: ShellState) => Gen<Term>;

const TOP: Record<string, Top> = {
  *progn(args, st) {
    let v: Term = null;
    for (const a of args) v = yield* evalTop1(a, st);
    return v;
  },
  *set(args, st) {
    return yield* set(args, st);
  },
  *defun([name, ...rest], st) {
    if (typeof name !== "string") return raiseError(["bad_form", "defun"]);
    const { key, fn } = compileShellFunction(name, rest as Term[], st.context);
    st.defineFunction(key, fn);
    return name;
  },
  *defmacro([name, ...rest], st) {
    if (typeof name !== "string") return raiseError(["bad_form", "defmacro"]);
    st.defineMacro(name, compileMacro(name, rest as Term[], st.macros, "lfe_shell", st));
    return name;
  },
  *defrecord([name, ...fields], st) {
    if (typeof name !== "string") return raiseError(["bad_form", "defrecord"]);
    defineRecord(name, fields as Term[], { macros: st.macros });
    // The value of the last definition defrecord makes, as LFE's shell prints it.
    const last = fields.at(-1);
    const field = last instanceof Cons ? last.hd : last;
    return last === undefined ? `size-${name}` : `set-${name}-${String(field)}`;
  },
  *slurp(args, st) {
    return yield* slurp(args, st);
  },
  *unslurp(_args, st) {
    st.unslurp();
    return "ok";
  },
  *run(args, st) {
    return yield* run(args, st);
  },
  *["reset-environment"](_args, st) {
    st.reset();
    return "ok";
  },
  *["eval-when-compile"]() {
    return null;
  },
  *["extend-module"]() {
    return null;
  },
};

/** `(set pattern [(when guard)] expr)`: binds the pattern's variables for the shell. */
function* set(args: Term[], st: ShellState): Gen<Term> {
  const [pat, a, b] = args as [Term, Term | undefined, Term | undefined];
  const guarded = b !== undefined;
  if (args.length < 2 || args.length > 3) return raiseError(["bad_form", "set"]);
  if (guarded && !(a instanceof Cons && a.hd === "when")) return raiseError(["bad_form", "set"]);
  const expr = (guarded ? b : a) as Term;
  const value = yield* evalExpr(expr, st);
  const names = patternVariables(pat, st.context);
  const clause = guarded
    ? form(pat, a as Term, form("list", ...names))
    : form(pat, form("list", ...names));
  const bound = yield* evalForm(
    form(
      "case",
      "$shell-value",
      clause,
      form("$other", form("error", form("tuple", form("quote", "badmatch"), "$other"))),
    ),
    new Map([...st.vars, ["$shell-value", value]]),
    st.context,
  );
  listToArray(bound).forEach((v, i) => st.vars.set(names[i] as string, v));
  return value;
}

/** `(slurp file)`: a module's functions, macros and records, usable at the prompt. */
function* slurp(args: Term[], st: ShellState): Gen<Term> {
  if (args.length !== 1) return raiseError(["bad_form", "slurp"]);
  st.unslurp();
  const name = nameArg(yield* evalForm(args[0] as Term, st.vars, st.context));
  const path = name.endsWith(".lfe") ? name : `${name}.lfe`;
  try {
    const forms = readForms(path);
    const s = slurpForms(forms.map((f) => f.form), forms.map((f) => f.line));
    st.save();
    st.addSlurped(s.functions, s.macros, s.imports);
    return ["ok", s.module];
  } catch (e) {
    if (e instanceof LfeCompileError) {
      yield* putChars(`${path}:${e.line ?? "none"}: ${e.message}\n`);
      return "error";
    }
    if (!(e instanceof LfeFileError)) throw e;
    yield* putChars(`${e.message}\n`);
    return "error";
  }
}

function readForms(path: string): { form: Term; line: number }[] {
  const text = readSource(path);
  try {
    return readAllWithLines(text);
  } catch (e) {
    if (e instanceof LfeSyntaxError) throw new LfeFileError(path, e.lfeLine, e.lfe);
    throw e;
  }
}

/**
 * `(run file)`: every form of a file evaluated as if typed, the history variables kept; the
 * value of the last. A file that cannot be opened raises what LFE 2.2 raises for it.
 */
function* run(args: Term[], st: ShellState): Gen<Term> {
  if (args.length !== 1) return raiseError(["bad_form", "run"]);
  const path = nameArg(yield* evalForm(args[0] as Term, st.vars, st.context));
  let text: string;
  try {
    text = readSource(path);
  } catch (e) {
    if (!(e instanceof LfeFileError)) throw e;
    return raiseError(["case_clause", [
      "error",
      e.text.startsWith("no such") ? "enoent" : "eacces",
    ]]);
  }
  // A first line "#!..." is a script line, not a form.
  const script = text.startsWith("#!") ? text.replace(/^[^\n]*/, "") : text;
  let forms: { form: Term; line: number }[];
  try {
    forms = readAllWithLines(script);
  } catch (e) {
    if (!(e instanceof LfeSyntaxError)) throw e;
    yield* putChars(`${path}:${e.lfeLine}: ${e.lfe}\n`);
    return "error";
  }
  let value: Term = null;
  for (const { form: f } of forms) {
    st.vars.set("-", f);
    value = yield* evalTop(f, st);
    st.remember(f, value);
  }
  return value;
}
