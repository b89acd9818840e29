/**
 * The reader as a shell uses it: `readForm` answering "more" for unfinished input, forms typed
 * over several lines, errors with their line and column, and nesting deeper than the
 * JavaScript stack.
 */

import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { LfeSyntaxError, readAll, readForm, type ReadResult } from "../../lfe/mod.ts";
import { printTerm } from "../../runtime/print_term.ts";
import { Cons, type Term } from "../../runtime/terms.ts";
import { read1, readError } from "./_helpers.ts";

function more(text: string): boolean {
  const r = readForm(text);
  return r.kind === "more";
}

Deno.test("readForm() answers more for each kind of unfinished form", () => {
  const unfinished = [
    "(a b",
    "[a",
    "#(a",
    "#B(1",
    "#M(a",
    "(a .",
    "(a . b",
    '"abc',
    '"ab\\',
    '#"abc',
    "|a b",
    "#| comment",
    '"""',
    '"""\n  a\n',
    "'",
    "`",
    ",",
    ",@",
    "#.",
    "'(a '",
    "#",
    "#\\",
    "(defun pong ()\n  (receive\n",
  ];
  for (const text of unfinished) {
    deepStrictEqual(readForm(text), { kind: "more", empty: false }, JSON.stringify(text));
    // As a shell gives it, a line at a time; "#\n" is an error and "#\\\n" the character 10.
    if (text !== "#" && text !== "#\\") {
      ok(more(text + "\n"), JSON.stringify(text + "\n"));
    }
    strictEqual(readError(text).incomplete, true);
  }
});

Deno.test("readForm() answers more, and empty, for text without a form", () => {
  for (const text of ["", "\n", "   \t\n", "; just a comment\n", "#| a |#\n"]) {
    deepStrictEqual(readForm(text), { kind: "more", empty: true });
  }
  deepStrictEqual(readAll(" ; nothing\n"), []);
});

Deno.test("readForm() completes a form typed over several lines", () => {
  const lines = [
    "(defun start-ping (pong-node)\n",
    "  (spawn 'tut21 'ping\n",
    "         (list 3 pong-node)))\n",
  ];
  let text = "";
  const results: ReadResult["kind"][] = [];
  for (const line of lines) {
    text += line;
    results.push(readForm(text).kind);
  }
  deepStrictEqual(results, ["more", "more", "form"]);
  const r = readForm(text);
  ok(r.kind === "form");
  strictEqual(
    printTerm(r.form),
    "(defun start-ping (pong-node) (spawn 'tut21 'ping (list 3 pong-node)))",
  );
  strictEqual(r.rest, "\n");
  deepStrictEqual(readForm(r.rest), { kind: "more", empty: true });
});

Deno.test("readForm() returns the text after the first form unread", () => {
  const r = readForm("(tut21:start-ping 'pong@gollum) (b\n");
  ok(r.kind === "form");
  strictEqual(printTerm(r.form), "(tut21:start-ping 'pong@gollum)");
  strictEqual(r.rest, " (b\n");
  strictEqual(readForm(r.rest).kind, "more");
  // A bad token after the first form waits for the next read.
  const s = readForm('foo {"');
  ok(s.kind === "form" && s.form === "foo" && s.rest === ' {"');
  strictEqual(readForm(s.rest).kind, "error");
  const t = readForm('"a string"\n');
  ok(t.kind === "form" && t.rest === "\n");
});

Deno.test("readForm() answers an error, not more, for an unmatched ) or a bad token", () => {
  for (const text of [")", "(a b]", "{", "#S(a)", "#|a #|", "#xzz\n", "(a . b c", "#\n"]) {
    strictEqual(readForm(text).kind, "error", JSON.stringify(text));
  }
  // The extra ")" is the next read's error.
  const r = readForm("(a))");
  ok(r.kind === "form" && r.rest === ")");
  strictEqual(readForm(r.rest).kind, "error");
});

Deno.test("readAll() says what is wrong, and on which line and column", () => {
  const e = readError("(defun f ()\n  (g 1\n      2)))\n");
  deepStrictEqual([e.line, e.column, e.incomplete], [3, 10, false]);
  strictEqual(e.message, "Unexpected ')' at line 3, column 10: nothing is open");
  strictEqual(
    readError("(a\n  (b c]").message,
    "Unexpected ']' at line 2, column 7: expected ')' to close '(' at line 2, column 3",
  );
  strictEqual(
    readError("(a\n  (b c)").message,
    "Unexpected end of input at line 2, column 8: '(' at line 1, column 1 is not closed",
  );
  strictEqual(
    readError('x "abc\n').message,
    "Unexpected end of input at line 2, column 1: the string opened at line 1, column 3 is not closed",
  );
  strictEqual(readError("🙂 {").message, "Unexpected '{' at line 1, column 3");
  strictEqual(
    readError("(a . b c)").message,
    "Unexpected 'c' at line 1, column 8: expected ')' after the tail of the dotted list",
  );
  strictEqual(
    readError("#'foo").message,
    "Bad function reference '#'foo' at line 1, column 1: expected #'name/arity or #'module:name/arity",
  );
  strictEqual(
    readError("#xfg").message,
    "Bad number '#xfg' at line 1, column 1: 'g' is not a digit in base 16",
  );
  strictEqual(readError("\u00a0").message, "Unexpected character U+00A0 at line 1, column 1");
});

Deno.test("readAll() counts lines and columns from the options", () => {
  const at = (text: string) => {
    try {
      readAll(text, { line: 10, column: 5 });
    } catch (e) {
      if (e instanceof LfeSyntaxError) return [e.line, e.column];
    }
  };
  deepStrictEqual(at(" )"), [10, 6]);
  deepStrictEqual(at("a\n  )"), [11, 3]);
  throws(() => readAll("(", { line: 7 }), /at line 7, column 2/);
});

Deno.test("readAll() reads nesting 100,000 deep without running out of stack", () => {
  const n = 100_000;
  let t = read1("(".repeat(n) + "x" + ")".repeat(n));
  let depth = 0;
  while (t instanceof Cons) {
    t = t.hd;
    depth++;
  }
  deepStrictEqual([depth, t], [n, "x"]);
  const deep = "(".repeat(n) + "x" + ")".repeat(n);
  strictEqual(printTerm(read1(deep)), deep);
  let q = read1("'".repeat(n) + "x");
  for (depth = 0; q instanceof Cons; depth++) q = (q.tl as Cons).hd;
  strictEqual(depth, n);
  let u = read1("#(".repeat(n) + ")".repeat(n));
  for (depth = 0; Array.isArray(u) && u.length > 0; depth++) u = u[0] as Term;
  strictEqual(depth, n - 1);
  deepStrictEqual(readForm("[".repeat(n)), { kind: "more", empty: false });
  strictEqual(readError("(".repeat(n) + "]").column, n + 1);
});
