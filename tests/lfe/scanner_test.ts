import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  LfeSyntaxError,
  scan,
  scanTokens,
  startSymbolChar,
  symbolChar,
  type Token,
} from "../../lfe/mod.ts";
import { float } from "../../runtime/terms.ts";

/** Each token as [kind, line, column, the text it was scanned from]. */
function shape(text: string): [string, number, number, string][] {
  return scan(text).map((t) => [t.kind, t.line, t.column, text.slice(t.offset, t.end)]);
}

Deno.test("scan() gives each token its kind, line and column", () => {
  deepStrictEqual(shape("(ping 'pong)\n  #(a [b]) ; c\n`(,x ,@y . z)"), [
    ["(", 1, 1, "("],
    ["symbol", 1, 2, "ping"],
    ["'", 1, 7, "'"],
    ["symbol", 1, 8, "pong"],
    [")", 1, 12, ")"],
    ["#(", 2, 3, "#("],
    ["symbol", 2, 5, "a"],
    ["[", 2, 7, "["],
    ["symbol", 2, 8, "b"],
    ["]", 2, 9, "]"],
    [")", 2, 10, ")"],
    ["`", 3, 1, "`"],
    ["(", 3, 2, "("],
    [",", 3, 3, ","],
    ["symbol", 3, 4, "x"],
    [",@", 3, 6, ",@"],
    ["symbol", 3, 8, "y"],
    [".", 3, 10, "."],
    ["symbol", 3, 12, "z"],
    [")", 3, 13, ")"],
  ]);
});

Deno.test("scan() scans the # forms", () => {
  deepStrictEqual(shape('#B(#b(#M(#m(#.x #"ab" #\'f/2 #\\a #x1f'), [
    ["#B(", 1, 1, "#B("],
    ["#B(", 1, 4, "#b("],
    ["#M(", 1, 7, "#M("],
    ["#M(", 1, 10, "#m("],
    ["#.", 1, 13, "#."],
    ["symbol", 1, 15, "x"],
    ["binary", 1, 17, '#"ab"'],
    ["#'", 1, 23, "#'f/2"],
    ["number", 1, 29, "#\\a"],
    ["number", 1, 33, "#x1f"],
  ]);
  // LFE scans these, though no form reads them.
  deepStrictEqual(scan("#S( #; #` #, #,@").map((t) => t.kind), ["#S(", "#;", "#`", "#,", "#,@"]);
});

Deno.test("scan() counts columns in characters and offsets in UTF-16 units", () => {
  const [smile, x] = scan("🙂 x") as [Token, Token];
  deepStrictEqual([smile.column, smile.offset, smile.end], [1, 0, 2]);
  deepStrictEqual([x.column, x.offset, x.end], [3, 3, 4]);
  const y = scan('"λ\n🙂" y')[1] as Token;
  deepStrictEqual([y.line, y.column], [2, 4]);
});

Deno.test("scan() gives tokens their values", () => {
  const values = scan('42 -1.5 #\\a "a\\tb" #"é" sym |q s| #\'m:f/1').map((t) => {
    switch (t.kind) {
      case "number":
        return t.value;
      case "string":
        return t.codes;
      case "binary":
        return [...t.value];
      case "symbol":
      case "#'":
        return t.name;
      default:
        return t.kind;
    }
  });
  deepStrictEqual(values, [
    42,
    float(-1.5),
    97,
    [97, 9, 98],
    [0xc3, 0xa9],
    "sym",
    "q s",
    "m:f/1",
  ]);
});

Deno.test("scan() starts at the line and column of the options", () => {
  const t = scan("\n  x", { line: 5, column: 9 })[0] as Token;
  deepStrictEqual([t.line, t.column], [6, 3]);
  strictEqual((scan("x", { line: 5, column: 9 })[0] as Token).column, 9);
});

Deno.test("scanTokens() ends with eof and looks no further than the token asked for", () => {
  const tokens = scanTokens("a {");
  const first = tokens.next().value as Token;
  ok(first.kind === "symbol" && first.name === "a");
  throws(() => tokens.next(), LfeSyntaxError);
  deepStrictEqual([...scanTokens(" ; only a comment")].map((t) => [t.kind, t.column]), [[
    "eof",
    18,
  ]]);
  deepStrictEqual(scan(""), []);
});

Deno.test("scan() marks text that ends too soon as incomplete", () => {
  for (const text of ['"abc', "|ab", "#| x", '"""\n', "#"]) {
    throws(() => scan(text), (e) => e instanceof LfeSyntaxError && e.incomplete);
  }
  for (const text of ["{", "#xg", "#'f", "#|#|"]) {
    throws(() => scan(text), (e) => e instanceof LfeSyntaxError && !e.incomplete);
  }
});

Deno.test("symbolChar() and startSymbolChar() follow lfe_scan", () => {
  const code = (s: string) => s.codePointAt(0) as number;
  deepStrictEqual(
    [..."a1-+*/<=>!?:.#'`,|@λ"].map((c) => symbolChar(code(c))),
    Array(20).fill(true),
  );
  deepStrictEqual([...'()[]{}";'].map((c) => symbolChar(code(c))), Array(8).fill(false));
  deepStrictEqual([0, 32, 127, 0xa0].map(symbolChar), [false, false, false, false]);
  deepStrictEqual([..."#'`,|"].map((c) => startSymbolChar(code(c))), Array(5).fill(false));
  strictEqual(startSymbolChar(code(".")), true);
});
