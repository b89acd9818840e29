/**
 * The text a shell prints for an uncaught exception: the `lfe` style is LFE's shell
 * (`lfe_shell` with `lfe_error:format_exception/6`), the `erlang` style the Erlang shell's
 * (`erl_error`), both as LFE 2.2 and OTP 25 print them.
 *
 * ```
 * ** exception error: no function clause matching
 *   in (tut98 : f 2)
 *
 * ** exception error: no match of value 2
 *   in tut98:g/1 (tut98.lfe, line 7)
 * ```
 *
 * @module
 */

import {
  atomName,
  charlistToString,
  Cons,
  isAtom,
  listToArray,
  type Term,
} from "../runtime/terms.ts";
import { writeTerm } from "../runtime/print_term.ts";
import { prettyErlang } from "./builtins/_erl_pretty.ts";
import { writeErlang } from "./builtins/_erl_write.ts";
import { prettyLfe } from "./builtins/_lfe_pretty.ts";

/** Options of {@linkcode formatException}. */
export interface FormatExceptionOptions {
  /**
   * Frames at the bottom of the stack to leave out while this says so: the shell's own. By
   * default `lfe_eval` and `lfe_shell` (and `erl_eval` and `shell` in the `erlang` style).
   */
  skip?: (module: Term, fun: Term, arity: Term) => boolean;
}

/** A stack frame: `#(module function arity-or-args location)`, location optional. */
type Frame = [Term, Term, Term, Term | undefined];

function frames(stack: Term): Frame[] | undefined {
  if (stack !== null && !(stack instanceof Cons)) return undefined;
  let items: Term[];
  try {
    items = listToArray(stack);
  } catch {
    return undefined;
  }
  const out: Frame[] = [];
  for (const f of items) {
    if (!Array.isArray(f) || (f.length !== 3 && f.length !== 4)) return undefined;
    const [m, fn, a, loc] = f as [Term, Term, Term, Term | undefined];
    if (!isAtom(m) || !isAtom(fn)) return undefined;
    if (!(typeof a === "number" || isProperList(a))) return undefined;
    if (f.length === 4 && !isProperList(loc as Term)) return undefined;
    out.push([m, fn, a, loc]);
  }
  return out;
}

function isProperList(t: Term): boolean {
  let c = t;
  while (c instanceof Cons) c = c.tl;
  return c === null;
}

/** `(file, line N)` from a frame's location, or "" without both. */
function location(loc: Term | undefined): string {
  let file: string | undefined;
  let line: Term | undefined;
  for (let c = loc ?? null; c instanceof Cons; c = c.tl) {
    const e = c.hd;
    if (!Array.isArray(e) || e.length !== 2) continue;
    if (e[0] === "file" && file === undefined) file = charlistToString(e[1] as Term) ?? "";
    if (e[0] === "line" && line === undefined) line = e[1] as Term;
  }
  return file !== undefined && line !== undefined ? `(${file}, line ${String(line)})` : "";
}

function defaultSkip(style: "lfe" | "erlang") {
  // erl_eval too: a shell on a BEAM node evaluates there with it.
  const shell = style === "lfe" ? ["lfe_eval", "lfe_shell", "erl_eval"] : ["erl_eval", "shell"];
  return (m: Term) => typeof m === "string" && shell.includes(m);
}

/**
 * The text a shell prints for an exception of class `cls` with `reason` and `stack`, ending
 * with the newline after it (LFE's shell prints a blank line after; Erlang's does not).
 *
 * @example
 * ```ts
 * import { formatException } from "./errors.ts";
 * import { list } from "../runtime/terms.ts";
 * formatException("error", "undef", list(["tut99", "go", null, null]));
 * // "** exception error: undefined function tut99:go/0\n\n"
 * formatException("error", "undef", list(["tut99", "go", null, null]), "erlang");
 * // "** exception error: undefined function tut99:go/0\n"
 * ```
 */
export function formatException(
  cls: "error" | "exit" | "throw",
  reason: Term,
  stack: Term,
  style: "lfe" | "erlang" = "lfe",
  options: FormatExceptionOptions = {},
): string {
  let fs = frames(stack);
  if (fs === undefined) {
    reason = [reason, stack];
    fs = [];
  }
  const undefTop = reason === "undef" ? fs[0] : undefined;
  if (style === "lfe" && cls === "error" && undefTop !== undefined) {
    // An undefined function is named in one line, as the seed's era of LFE printed it
    // (`undefined function tut99:go/0`) rather than LFE 2's `in (tut99 : go)`; a function of
    // the shell's own is named without a module.
    const [m, f, a] = undefTop;
    const arity = typeof a === "number" ? a : listToArray(a).length;
    const name = m === "lfe_shell"
      ? `${writeTerm(f)}/${arity}`
      : `${writeTerm(m)}:${writeTerm(f)}/${arity}`;
    return `** exception error: undefined function ${name}\n\n`;
  }
  const skip = options.skip ?? defaultSkip(style);
  let end = fs.length;
  while (end > 0 && skip(...(fs[end - 1] as Frame).slice(0, 3) as [Term, Term, Term])) end--;
  fs = fs.slice(0, end);
  return style === "lfe" ? lfeException(cls, reason, fs) : erlException(cls, reason, fs);
}

// ---- LFE ----

function lfeException(cls: string, reason: Term, fs: Frame[]): string {
  const p = `exception ${cls}: `;
  return lfeFrames("** " + p + lfeReason(reason, p.length) + "\n", fs);
}

function lfeFrames(head: string, fs: Frame[]): string {
  let s = head;
  for (const [m, f, a, loc] of fs) {
    if (typeof a === "number") {
      s += `  in ${writeTerm(m)}:${writeTerm(f)}/${a} ${location(loc)}\n`;
    } else s += "  in " + prettyLfe(new Cons(m, new Cons(":", new Cons(f, a))), 15, 5, 80) + "\n";
  }
  return s + "\n";
}

/** `text` followed by a value printed to depth 10 where the text ends. */
function lfeValue(v: Term | undefined, text: string, col: number): string {
  return text + prettyLfe(v ?? null, 10, col + text.length, 80);
}

const LFE_PLAIN: Record<string, string> = {
  badarg: "bad argument",
  badarith: "error in arithmetic expression",
  function_clause: "no function clause matching",
  if_clause: "no if clause matching",
  noproc: "no such process or port",
  notalive: "the node cannot be part of a distributed system",
  system_limit: "a system limit has been reached",
  timeout_value: "bad receive timeout value",
  undef: "undefined function",
  illegal_guard: "illegal guard expression",
  bad_head_arity: "function head arity mismatch",
  illegal_bitsize: "illegal bit size",
  illegal_bitseg: "illegal bit segment",
};

const LFE_VALUE: Record<string, string> = {
  badarg: "bad argument ",
  badfun: "bad function ",
  badmatch: "no match of value ",
  case_clause: "no case clause matching ",
  try_clause: "no try clause matching ",
};

// `lfe_eval:format_error/1`: errors of the evaluator, each value written as `~w`.
const LFE_EVAL: Record<string, (a: Term[]) => string> = {
  unbound_symbol: ([s]) => `symbol ${w(s)} is unbound`,
  undefined_function: ([fa]) =>
    Array.isArray(fa) && fa.length === 2
      ? `function ${w(fa[0] as Term)}/${w(fa[1] as Term)} undefined`
      : prettyLfe(["undefined_function", fa as Term]),
  nonbool_test: ([t]) => `non-boolean ${w(t)} test`,
  illegal_mapkey: ([k]) => `illegal map key ${w(k)}`,
  argument_limit: ([n]) => `too many arguments ${w(n)}`,
  bad_form: ([f]) => `bad ${w(f)} form`,
  illegal_form: ([f]) => `illegal form ${w(f)}`,
  illegal_exception: ([e]) => `illegal exception ${w(e)}`,
  undefined_record: ([n]) => `record ${w(n)} undefined`,
  undefined_record_field: ([n, f]) => `field ${w(f)} undefined in record ${w(n)}`,
  missing_record_field_value: ([f]) => `missing value to field ${w(f)} in record`,
  undefined_struct: ([n]) => `struct ${w(n)} undefined`,
  undefined_struct_field: ([n, f]) => `field ${w(f)} undefined in struct ${w(n)}`,
  missing_struct_field_value: ([f]) => `missing value to field ${w(f)} in struct`,
  not_yet_implemented: ([f]) => `not yet implemented ${w(f)}`,
  illegal_pattern: ([p]) => lfeValue(p, "illegal pattern ", 0),
  illegal_literal: ([l]) => lfeValue(l, "illegal literal value ", 0),
  bad_binary_argument: ([a]) => lfeValue(a, "bad binary argument ", 0),
  bad_generator: ([g]) => lfeValue(g, "bad generator ", 0),
};

function w(t: Term | undefined): string {
  return writeTerm(t ?? null);
}

function lfeReason(r: Term, col: number): string {
  if (typeof r === "string" && r in LFE_PLAIN) return LFE_PLAIN[r] as string;
  if (Array.isArray(r) && typeof r[0] === "string") {
    const [tag, ...args] = r as [string, ...Term[]];
    if (args.length === 1 && tag in LFE_VALUE) {
      return lfeValue(args[0] as Term, LFE_VALUE[tag] as string, col);
    }
    const fa = args[0];
    if (tag === "badarity" && args.length === 1 && Array.isArray(fa) && fa.length === 2) {
      const [f, as] = fa as [Term, Term];
      if (typeof f === "function" && isProperList(as)) {
        return `${writeTerm(f)} called with ${argCount(listToArray(as).length)}`;
      }
    }
    const text = LFE_EVAL[tag];
    if (text !== undefined && args.length === text.length) return text(args);
  }
  return prettyLfe(r);
}

function argCount(n: number): string {
  return ["no arguments", "one argument", "two arguments"][n] ?? `${n} arguments`;
}

// ---- Erlang ----

function erlException(cls: string, reason: Term, fs: Frame[]): string {
  const head = `** exception ${cls}: `;
  let body: string;
  if (cls !== "error") body = erlTerm(reason, head.length + 1);
  else {
    const r = erlReason(reason, fs, head.length + 1);
    body = r.text;
    if (r.consumed) fs = fs.slice(1);
  }
  let s = head + body + "\n";
  fs.forEach(([m, f, a, loc], i) => {
    const args = typeof a === "number" ? undefined : listToArray(a);
    const arity = args === undefined ? a as number : args.length;
    const op = m === "erlang" && isOperator(f) && args !== undefined;
    const name = op
      ? atomName(f as string)
      : m === "erlang"
      ? erlAtom(f)
      : `${erlAtom(m)}:${erlAtom(f)}`;
    const where = i === 0 ? (op ? "in operator " : "in function ") : "in call from";
    const at = location(loc);
    // A frame with its arity ends in a space even without a location, as erl_error writes it.
    s += `     ${where} ${name}/${arity}${args === undefined || at !== "" ? " " + at : ""}\n`;
    if (args !== undefined) s += `        called as ${call(m, f, args, op)}\n`;
  });
  return s;
}

function isOperator(f: Term): boolean {
  return typeof f === "string" &&
    /^([-+*/<>=]|==|=:=|=\/=|\/=|=<|>=|band|bor|bxor|bsl|bsr|div|rem|and|or|xor|not|bnot)$/.test(f);
}

function erlAtom(a: Term): string {
  return writeErlang(a, -1, "unicode");
}

function call(m: Term, f: Term, args: Term[], op: boolean): string {
  const as = args.map((x) => erlTerm(x, 1));
  if (op && as.length === 2) return `${as[0]} ${atomName(f as string)} ${as[1]}`;
  if (op && as.length === 1) return `${atomName(f as string)} ${as[0]}`;
  return `${m === "erlang" ? "" : erlAtom(m) + ":"}${erlAtom(f)}(${as.join(",")})`;
}

function erlTerm(t: Term, col: number): string {
  return prettyErlang(t, { column: col, depth: 30, encoding: "unicode" });
}

const ERL_PLAIN: Record<string, string> = {
  badarg: "bad argument",
  badarith: "an error occurred when evaluating an arithmetic expression",
  if_clause: "no true branch found when evaluating an if expression",
  noproc: "no such process or port",
  notalive: "the node cannot be part of a distributed system",
  system_limit: "a system limit has been reached",
  timeout_value: "bad receive timeout value",
};

const ERL_VALUE: Record<string, string> = {
  badarg: "bad argument: ",
  badfun: "bad function ",
  badmatch: "no match of right hand side value ",
  case_clause: "no case clause matching ",
  try_clause: "no try clause matching ",
  badkey: "bad key: ",
  badmap: "bad map: ",
};

function erlReason(r: Term, fs: Frame[], col: number): { text: string; consumed: boolean } {
  const top = fs[0];
  if (r === "undef" && top !== undefined) {
    const [m, f, a] = top;
    const arity = typeof a === "number" ? a : listToArray(a).length;
    return { text: `undefined function ${erlAtom(m)}:${erlAtom(f)}/${arity}`, consumed: true };
  }
  if (r === "function_clause" && top !== undefined && typeof top[2] !== "number") {
    const [m, f, a, loc] = top;
    const where = location(loc);
    const text = `no function clause matching ${call(m, f, listToArray(a), false)}`;
    return { text: where === "" ? text : `${text} ${where}`, consumed: true };
  }
  if (typeof r === "string" && r in ERL_PLAIN) {
    return { text: ERL_PLAIN[r] as string, consumed: false };
  }
  if (Array.isArray(r) && r.length === 2 && typeof r[0] === "string" && r[0] in ERL_VALUE) {
    const text = ERL_VALUE[r[0]] as string;
    return { text: text + erlTerm(r[1] as Term, col + text.length), consumed: false };
  }
  if (Array.isArray(r) && r[0] === "badarity" && Array.isArray(r[1]) && r[1].length === 2) {
    const [f, as] = r[1] as [Term, Term];
    if (typeof f === "function" && isProperList(as)) {
      const text = `${erlTerm(f, col)} called with ${argCount(listToArray(as).length)}`;
      return { text, consumed: false };
    }
  }
  return { text: erlTerm(r, col), consumed: false };
}
