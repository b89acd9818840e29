/**
 * LFE's reader (`lfe_parse`): tokens to terms.
 *
 * | text                        | term                                          |
 * |-----------------------------|-----------------------------------------------|
 * | `foo`, `\|a b\|`            | the atom; `true` and `false` are the booleans |
 * | `42`, `#x-ff`, `1.5`        | an integer (a bigint beyond 2^53), a `Float`  |
 * | `"abc"`                     | a list of character codes                     |
 * | `(a b)`, `[a b]`, `(a . b)` | a list, proper or improper                    |
 * | `#(a b)`                    | a tuple                                       |
 * | `#"abc"`, `#B(1 (2 (size 16)))` | a binary                                  |
 * | `#M(k v ...)`               | a `TermMap`                                   |
 * | `'x` `` `x `` `,x` `,@x`    | `(quote x)` `(backquote x)` `(comma x)` `(comma-at x)` |
 * | `#'f/2`, `#'m:f/2`          | `(function f 2)`, `(function m f 2)`          |
 * | `#.x`                       | the value of `x`, evaluated while reading     |
 *
 * `#B(...)` and `#.` evaluate while reading, as LFE does: literals, `(quote x)` and strings
 * evaluate to themselves; anything else (`#B(((+ 1 2)))`, `#.(+ 1 2)`) needs the `evaluate`
 * option, and symbols are unbound, as in LFE's empty environment.
 *
 * Nesting is followed with a stack of its own, so any depth reads without exhausting the
 * JavaScript stack.
 *
 * @module
 */

import { noteAtom } from "../runtime/atom_table.ts";
import { printTerm } from "../runtime/print_term.ts";
import {
  arrayToList,
  atom,
  Cons,
  isAtom,
  list,
  normInt,
  type Term,
  TermMap,
} from "../runtime/terms.ts";
import { buildBinary, type Evaluate, isPosintList } from "./_bit_syntax.ts";
import { type ScanOptions, scanTokens, type Token } from "./scanner.ts";
import { LfeSyntaxError, type TextPosition } from "./syntax_error.ts";

/** Options for {@linkcode readAll} and {@linkcode readForm}. */
export interface ReadOptions extends ScanOptions {
  /**
   * Evaluates, while reading, what `#.` and the segments of `#B(...)` hold beyond literals,
   * quoted terms and strings: `(+ 1 2)` in `#.(+ 1 2)`. Without it such text is an error.
   */
  evaluate?: (expr: Term) => Term;
}

/**
 * What {@linkcode readForm} found: a whole form and the text after it; `more` when the text
 * ends inside a form (or holds no form at all: `empty`), so that more lines may complete it; or
 * an error that no more text can mend.
 */
export type ReadResult =
  | { kind: "form"; form: Term; rest: string }
  | { kind: "more"; empty: boolean }
  | { kind: "error"; error: LfeSyntaxError };

/**
 * Every form of a text. Throws an {@linkcode LfeSyntaxError} for text that cannot be read,
 * including text that ends inside a form.
 *
 * @example
 * ```ts
 * import { readAll } from "./reader.ts";
 * import { printTerm } from "../runtime/print_term.ts";
 * readAll("(! pong #(ping 1)) 'x").map((f) => printTerm(f)); // ["(! pong #(ping 1))", "'x"]
 * ```
 */
export function readAll(text: string, options: ReadOptions = {}): Term[] {
  return readAllWithLines(text, options).map((f) => f.form);
}

/** A form of a text and the line where it starts. */
export interface FormAt {
  form: Term;
  line: number;
}

/**
 * Every form of a text with the line where each starts, for errors that name the line of the
 * form they are in, as LFE's compiler does. Throws as {@linkcode readAll}.
 */
export function readAllWithLines(text: string, options: ReadOptions = {}): FormAt[] {
  const tokens = scanTokens(text, options);
  const forms: FormAt[] = [];
  for (
    let r = readOne(text, tokens, options);
    r !== undefined;
    r = readOne(text, tokens, options)
  ) {
    forms.push({ form: r.form, line: r.line });
  }
  return forms;
}

/**
 * The first form of a text, for a shell that reads a line at a time: `more` while the text is
 * an unfinished form (an open parenthesis, string, quoted symbol or block comment, a quote with
 * nothing after it) or holds nothing but white space and comments; an unmatched `)` or a bad
 * token is an `error`. Text after the first form is returned unread in `rest`.
 *
 * @example
 * ```ts
 * import { readForm } from "./reader.ts";
 * readForm("(tut21:start-ping\n").kind; // "more"
 * readForm("(tut21:start-ping\n 'pong@gollum)\n"); // { kind: "form", form: ..., rest: "\n" }
 * ```
 */
export function readForm(text: string, options: ReadOptions = {}): ReadResult {
  try {
    const r = readOne(text, scanTokens(text, options), options);
    if (r === undefined) return { kind: "more", empty: true };
    return { kind: "form", form: r.form, rest: text.slice(r.end) };
  } catch (e) {
    if (!(e instanceof LfeSyntaxError)) throw e;
    return e.incomplete ? { kind: "more", empty: false } : { kind: "error", error: e };
  }
}

/** A form being read: a list, tuple, binary or map still open, or a prefix awaiting its form. */
type Frame =
  | { kind: "list"; open: Token; items: Term[]; dot?: Token; tail?: Term }
  | { kind: "#(" | "#B(" | "#M("; open: Token; items: Term[] }
  | { kind: "prefix"; open: Token };

const PREFIX_NAMES: Record<string, string> = {
  "'": "quote",
  "`": "backquote",
  ",": "comma",
  ",@": "comma-at",
};

const PREFIX_WORDS: Record<string, string> = {
  "'": "the quote",
  "`": "the backquote",
  ",": "the comma",
  ",@": "the comma-at",
  "#.": "'#.'",
};

const UNREAD: Record<string, string> = {
  "#S(": "structs cannot be written as literals: use (struct mod-name ...)",
};

function place(p: TextPosition): string {
  return `line ${p.line}, column ${p.column}`;
}

/** The next form from the tokens, with the offset just past it; `undefined` at the end. */
function readOne(
  text: string,
  tokens: Generator<Token, void>,
  options: ReadOptions,
): { form: Term; end: number; line: number } | undefined {
  const stack: Frame[] = [];
  let line = 0;
  const unexpected = (t: Token, detail?: string) => {
    const shown = text.slice(t.offset, t.end);
    const what = shown.length > 24 ? shown.slice(0, 20) + "..." : shown;
    const lfe = /^[a-z][A-Za-z0-9_@]*$/.test(shown) ? shown : `'${shown.replace(/'/g, "\\'")}'`;
    return new LfeSyntaxError(`Unexpected '${what}'`, t, {
      ...(detail ? { detail } : {}),
      lfe: `illegal ${lfe}`,
    });
  };
  for (;;) {
    const t = tokens.next().value as Token;
    const top = stack.at(-1);
    if (top === undefined) line = t.line;
    if (
      top?.kind === "list" && top.tail !== undefined && t.kind !== closer(top.open) &&
      t.kind !== "eof"
    ) {
      throw unexpected(t, `expected '${closer(top.open)}' after the tail of the dotted list`);
    }
    let value: Term;
    switch (t.kind) {
      case "eof":
        if (top === undefined) return undefined;
        throw new LfeSyntaxError("Unexpected end of input", t, {
          detail: top.kind === "prefix"
            ? `nothing follows ${PREFIX_WORDS[top.open.kind]} at ${place(top.open)}`
            : `'${text.slice(top.open.offset, top.open.end)}' at ${place(top.open)} is not closed`,
          incomplete: true,
          lfeLine: (stack[0] as Frame).open.line,
        });
      case "(":
      case "[":
        stack.push({ kind: "list", open: t, items: [] });
        continue;
      case "#(":
      case "#B(":
      case "#M(":
        stack.push({ kind: t.kind, open: t, items: [] });
        continue;
      case "'":
      case "`":
      case ",":
      case ",@":
      case "#.":
        stack.push({ kind: "prefix", open: t });
        continue;
      case ".":
        if (top?.kind !== "list" || top.items.length === 0 || top.dot !== undefined) {
          throw unexpected(t, "a dot goes between the elements and the tail of a list");
        }
        top.dot = t;
        continue;
      case ")":
      case "]":
        if (top === undefined || top.kind === "prefix" || t.kind !== closer(top.open)) {
          throw unexpected(
            t,
            top === undefined
              ? "nothing is open"
              : top.kind === "prefix"
              ? `expected a form after ${PREFIX_WORDS[top.open.kind]} at ${place(top.open)}`
              : `expected '${closer(top.open)}' to close '${
                text.slice(top.open.offset, top.open.end)
              }' at ${place(top.open)}`,
          );
        }
        if (top.kind === "list" && top.dot !== undefined && top.tail === undefined) {
          throw unexpected(t, `expected the tail of the list after the dot at ${place(top.dot)}`);
        }
        stack.pop();
        value = close(top, options);
        break;
      case "symbol":
        value = atom(noteAtom(t.name));
        break;
      case "number":
        value = t.value;
        break;
      case "string":
        value = arrayToList(t.codes);
        break;
      case "binary":
        value = t.value;
        break;
      case "#'":
        value = functionRef(t.name);
        break;
      default:
        throw unexpected(t, UNREAD[t.kind]);
    }
    // Hand the value to the forms it completes.
    for (;;) {
      const f = stack.at(-1);
      if (f === undefined) return { form: value, end: t.end, line };
      if (f.kind !== "prefix") {
        if (f.kind === "list" && f.dot !== undefined) f.tail = value;
        else f.items.push(value);
        break;
      }
      stack.pop();
      const expr = value;
      value = f.open.kind === "#."
        ? failingAt(f.open, "Bad #. expression", () => readTimeEvaluator(options.evaluate)(expr))
        : list(PREFIX_NAMES[f.open.kind] as string, expr);
    }
  }
}

function closer(open: Token): ")" | "]" {
  return open.kind === "[" ? "]" : ")";
}

function close(f: Exclude<Frame, { kind: "prefix" }>, options: ReadOptions): Term {
  switch (f.kind) {
    case "list":
      return arrayToList(f.items, f.tail ?? null);
    case "#(":
      return f.items;
    case "#B(":
      return failingAt(
        f.open,
        "Bad binary",
        () => buildBinary(f.items, readTimeEvaluator(options.evaluate)),
      );
    case "#M(": {
      if (f.items.length % 2 !== 0) {
        throw new LfeSyntaxError("Bad map", f.open, {
          detail: "it has an odd number of elements: each key needs a value",
        });
      }
      const pairs: [Term, Term][] = [];
      for (let i = 0; i < f.items.length; i += 2) {
        pairs.push([f.items[i] as Term, f.items[i + 1] as Term]);
      }
      return new TermMap(pairs);
    }
  }
}

/** The value of `run`, any failure of which becomes the error of `what` at `at`. */
function failingAt(at: Token, what: string, run: () => Term): Term {
  try {
    return run();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The message becomes the detail after a colon, so it starts in lower case.
    const detail = message.charAt(0).toLowerCase() + message.slice(1);
    throw new LfeSyntaxError(what, at, { detail });
  }
}

/** Evaluates as LFE does in an empty environment, handing what needs more to `hook`. */
function readTimeEvaluator(hook: ((expr: Term) => Term) | undefined): Evaluate {
  return (expr) => {
    if (expr instanceof Cons) {
      if (expr.hd === "quote" && expr.tl instanceof Cons && expr.tl.tl === null) return expr.tl.hd;
      if (isPosintList(expr)) return expr;
    } else if (!isAtom(expr)) return expr;
    if (hook !== undefined) return hook(expr);
    const shown = printTerm(expr, { depth: 8 });
    throw new Error(
      isAtom(expr)
        ? `the symbol ${shown} is unbound`
        : `${shown} cannot be evaluated while reading without an evaluator`,
    );
  };
}

/** `(function f a)` or `(function m f a)` of the text after `#'`, as `lfe_parse` makes it. */
function functionRef(name: string): Term {
  const slash = name.lastIndexOf("/");
  const arity = normInt(BigInt(name.slice(slash + 1)));
  // `=:=` is the one name with a colon that is not a module.
  const colon = name === "=:=/2" ? -1 : name.indexOf(":");
  return colon < 0
    ? list("function", atom(name.slice(0, slash)), arity)
    : list("function", atom(name.slice(0, colon)), atom(name.slice(colon + 1, slash)), arity);
}
