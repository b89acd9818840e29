/**
 * The expected texts below were produced by LFE itself (lfe_io_pretty:term/4 on one line for
 * printTerm, lfe_io_write:term/1 for writeTerm, built from lfe/lfe) and by erl (io_lib_pretty on
 * one line, with +pc unicode, for formatErlang), fed the same terms.
 */

import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { localNodeName } from "../../runtime/node_table.ts";
import { formatErlang, printTerm, writeTerm } from "../../runtime/print_term.ts";
import {
  arrayToList,
  atom,
  binary,
  charlist,
  Cons,
  float,
  list,
  nameFun,
  Pid,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

type Case = [Term, string, string, string];

/** Each term with its texts from printTerm, writeTerm and formatErlang. */
const CASES: Record<string, Case[]> = {
  atoms: [
    [atom("ok"), "ok", "ok", "ok"],
    [atom("hello world"), "|hello world|", "|hello world|", "'hello world'"],
    [atom(""), "||", "||", "''"],
    [atom("1"), "|1|", "|1|", "'1'"],
    [atom("-1"), "|-1|", "|-1|", "'-1'"],
    [atom("+1"), "|+1|", "|+1|", "'+1'"],
    [atom("1.5"), "|1.5|", "|1.5|", "'1.5'"],
    [atom("1.0e5"), "|1.0e5|", "|1.0e5|", "'1.0e5'"],
    [atom("1e5"), "1e5", "1e5", "'1e5'"],
    [atom("1.0e400"), "1.0e400", "1.0e400", "'1.0e400'"],
    [atom("."), "|.|", "|.|", "'.'"],
    [atom("a|b"), "a|b", "a|b", "'a|b'"],
    [atom("|"), "|\\||", "|\\||", "'|'"],
    [atom("#a"), "|#a|", "|#a|", "'#a'"],
    [atom("a#b"), "a#b", "a#b", "'a#b'"],
    [atom("a\nb"), "|a\\nb|", "|a\\nb|", "'a\\nb'"],
    [atom("é"), "é", "é", "é"],
    // list_to_integer/1 keeps only the low byte of a character: U+0531 reads as "1".
    [atom("\u0531"), "|Ա|", "|Ա|", "'Ա'"],
    [atom("a'b"), "a'b", "a'b", "'a\\'b'"],
    [atom("'a"), "|'a|", "|'a|", "'\\'a'"],
    [atom('a"b'), '|a"b|', '|a"b|', "'a\"b'"],
    [atom("a\\b"), "a\\b", "a\\b", "'a\\\\b'"],
    [atom("a(b"), "|a(b|", "|a(b|", "'a(b'"],
    [atom("a,b"), "a,b", "a,b", "'a,b'"],
    [atom(",a"), "|,a|", "|,a|", "',a'"],
    [atom("\u00a0"), "|\u00a0|", "|\u00a0|", "'\u00a0'"],
    [atom("\u00a1"), "¡", "¡", "'¡'"],
    [atom("true"), "true", "true", "true"],
    [atom("nil"), "nil", "nil", "nil"],
    [atom("Abc"), "Abc", "Abc", "'Abc'"],
    [atom("and"), "and", "and", "'and'"],
    [atom("a@b"), "a@b", "a@b", "a@b"],
    [atom("a.b"), "a.b", "a.b", "'a.b'"],
    [atom("_a"), "_a", "_a", "'_a'"],
    [atom("maybe"), "maybe", "maybe", "'maybe'"], // erl 25 leaves it bare; OTP 27 reserves it,
    [atom("a\u0001b"), "|a\u0001b|", "|a\u0001b|", "'a\\001b'"],
    [atom("a\u007fb"), "|a\\db|", "|a\\db|", "'a\\db'"],
    [atom("a\u0080b"), "|a\u0080b|", "|a\u0080b|", "'a\\200b'"],
    [atom("€"), "€", "€", "'€'"],
    [atom("😀"), "😀", "😀", "'😀'"],
  ],
  integers: [
    [42, "42", "42", "42"],
    [-7, "-7", "-7", "-7"],
    [2n ** 64n, "18446744073709551616", "18446744073709551616", "18446744073709551616"],
    [-(2n ** 70n), "-1180591620717411303424", "-1180591620717411303424", "-1180591620717411303424"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991", "9007199254740991", "9007199254740991"],
  ],
  floats: [
    [float(2), "2.0", "2.0", "2.0"],
    [float(0.1), "0.1", "0.1", "0.1"],
    [float(1e20), "1.0e20", "1.0e20", "1.0e20"],
    [float(1e-5), "1.0e-5", "1.0e-5", "1.0e-5"],
    [float(-0), "-0.0", "-0.0", "-0.0"],
    [float(0), "0.0", "0.0", "0.0"],
    [float(1000), "1.0e3", "1.0e3", "1.0e3"],
    [float(100), "100.0", "100.0", "100.0"],
    [float(123456), "123456.0", "123456.0", "123456.0"],
    [float(0.0001), "0.0001", "0.0001", "0.0001"],
    [float(1.2e-4), "1.2e-4", "1.2e-4", "1.2e-4"],
    [float(2 ** 53), "9.007199254740992e15", "9.007199254740992e15", "9.007199254740992e15"],
    [float(1e300), "1.0e300", "1.0e300", "1.0e300"],
    [float(5e-324), "5.0e-324", "5.0e-324", "5.0e-324"],
    [float(-12.5), "-12.5", "-12.5", "-12.5"],
    [
      float(1.7976931348623157e308),
      "1.7976931348623157e308",
      "1.7976931348623157e308",
      "1.7976931348623157e308",
    ],
    [float(1 / 3), "0.3333333333333333", "0.3333333333333333", "0.3333333333333333"],
  ],
  lists: [
    [null, "()", "()", "[]"],
    [list(1, 2, 3), "(1 2 3)", "(1 2 3)", "[1,2,3]"],
    [new Cons("a", "b"), "(a . b)", "(a . b)", "[a|b]"],
    [arrayToList(["a", "b"], "c"), "(a b . c)", "(a b . c)", "[a,b|c]"],
    [charlist("abc"), '"abc"', "(97 98 99)", '"abc"'],
    [charlist('a\nb"c\\d'), '"a\\nb\\"c\\\\d"', "(97 10 98 34 99 92 100)", '"a\\nb\\"c\\\\d"'],
    [
      charlist("\b\t\v\f\r\u001b"),
      '"\\b\\t\\v\\f\\r\\e"',
      "(8 9 11 12 13 27)",
      '"\\b\\t\\v\\f\\r\\e"',
    ],
    [list(7), "(7)", "(7)", "[7]"],
    [list(127), "(127)", "(127)", "[127]"],
    [list(128), "(128)", "(128)", "[128]"],
    [list(160), '"\u00a0"', "(160)", '"\u00a0"'],
    [list(233, 98), '"éb"', "(233 98)", '"éb"'],
    [list(0xd800), "(55296)", "(55296)", "[55296]"],
    [list(0xfffe), "(65534)", "(65534)", "[65534]"],
    [charlist("😀"), '"😀"', "(128512)", '"😀"'],
    [list(97, float(98)), "(97 98.0)", "(97 98.0)", "[97,98.0]"],
    [arrayToList([97, 98], 99), "(97 98 . 99)", "(97 98 . 99)", "[97,98|99]"],
    [list(charlist("ab"), charlist("cd")), '("ab" "cd")', "((97 98) (99 100))", '["ab","cd"]'],
  ],
  readerMacros: [
    [list("quote", "a"), "'a", "(quote a)", "[quote,a]"],
    [list("quote", "a", "b"), "(quote a b)", "(quote a b)", "[quote,a,b]"],
    [new Cons("quote", "a"), "(quote . a)", "(quote . a)", "[quote|a]"],
    [list(list("quote", "a")), "('a)", "((quote a))", "[[quote,a]]"],
    [["quote", "a"], "#(quote a)", "#(quote a)", "{quote,a}"],
    [list("quote", charlist("abc")), '\'"abc"', "(quote (97 98 99))", '[quote,"abc"]'],
    [
      list("backquote", list("comma", "x")),
      "`,x",
      "(backquote (comma x))",
      "[backquote,[comma,x]]",
    ],
    [list("comma-at", "xs"), ",@xs", "(comma-at xs)", "['comma-at',xs]"],
  ],
  tuples: [
    [[], "#()", "#()", "{}"],
    [["ping", 1, list(2)], "#(ping 1 (2))", "#(ping 1 (2))", "{ping,1,[2]}"],
  ],
  binaries: [
    [binary("abc"), '#"abc"', "#B(97 98 99)", '<<"abc">>'],
    [binary([1, 2, 3]), "#B(1 2 3)", "#B(1 2 3)", "<<1,2,3>>"],
    [binary([]), '#""', "#B()", "<<>>"],
    [binary("é"), '#"é"', "#B(195 169)", '<<"é"/utf8>>'],
    [binary([233]), "#B(233)", "#B(233)", '<<"é">>'],
    [binary([255]), "#B(255)", "#B(255)", '<<"ÿ">>'],
    [binary("abc\n"), '#"abc\\n"', "#B(97 98 99 10)", '<<"abc\\n">>'],
    [binary([0xef, 0xbf, 0xbe]), "#B(239 191 190)", "#B(239 191 190)", "<<239,191,190>>"],
    [binary([194, 128]), "#B(194 128)", "#B(194 128)", "<<194,128>>"],
    [binary("€"), '#"€"', "#B(226 130 172)", '<<"€"/utf8>>'],
    [binary([0x80, 0x41]), "#B(128 65)", "#B(128 65)", "<<128,65>>"],
  ],
  maps: [
    [
      new TermMap([["a", 1], ["b", charlist("x")]]),
      '#M(a 1 b "x")',
      "#M(a 1 b (120))",
      '#{a => 1,b => "x"}',
    ],
    [new TermMap(), "#M()", "#M()", "#{}"],
    [
      new TermMap([[float(1), "a"], [1, "b"], [2, "c"], [float(1.5), "d"]]),
      "#M(1 b 2 c 1.0 a 1.5 d)",
      "#M(1 b 2 c 1.0 a 1.5 d)",
      "#{1 => b,2 => c,1.0 => a,1.5 => d}",
    ],
    [
      new TermMap([["__struct__", "foo"], ["b", 2], ["a", 1]]),
      "#S(foo a 1 b 2)",
      "#M(__struct__ foo a 1 b 2)",
      "#{'__struct__' => foo,a => 1,b => 2}",
    ],
    [
      new TermMap([["__struct__", "foo"]]),
      "#S(foo)",
      "#M(__struct__ foo)",
      "#{'__struct__' => foo}",
    ],
    [
      new TermMap([[["k", list(1)], binary("v")]]),
      '#M(#(k (1)) #"v")',
      "#M(#(k (1)) #B(118))",
      '#{{k,[1]} => <<"v">>}',
    ],
  ],
};

const index = (node: string) => node === "here@host" ? 0 : 8524;

function checkColumn(column: 1 | 2 | 3, print: (t: Term) => string, cases: Case[]): void {
  const got = cases.map((c) => print(c[0]));
  deepStrictEqual(got, cases.map((c) => c[column]));
}

Deno.test('printTerm() writes a string as "abc"', () => {
  strictEqual(printTerm(charlist("abc")), '"abc"');
});

Deno.test("printTerm() writes atoms as LFE does, between bars when they would not read back", () => {
  checkColumn(1, printTerm, CASES.atoms as Case[]);
});

Deno.test("printTerm() writes integers, bigints included", () => {
  checkColumn(1, printTerm, CASES.integers as Case[]);
});

Deno.test("printTerm() writes floats as erl's ~p does: 2.0, 0.1, 1.0e20, 1.0e-5", () => {
  checkColumn(1, printTerm, CASES.floats as Case[]);
});

Deno.test("printTerm() writes lists, dotted pairs and printable lists as strings", () => {
  checkColumn(1, printTerm, CASES.lists as Case[]);
});

Deno.test("printTerm() writes (quote x) as 'x, and the other reader macros likewise", () => {
  checkColumn(1, printTerm, CASES.readerMacros as Case[]);
});

Deno.test("printTerm() writes tuples as #(...)", () => {
  checkColumn(1, printTerm, CASES.tuples as Case[]);
});

Deno.test('printTerm() writes a printable binary as #"abc" and any other as #B(...)', () => {
  checkColumn(1, printTerm, CASES.binaries as Case[]);
});

Deno.test("printTerm() writes maps as #M(...) with keys in term order, and structs as #S(...)", () => {
  checkColumn(1, printTerm, CASES.maps as Case[]);
});

Deno.test("writeTerm() writes every kind as lfe_io:print1 does, with no string detection", () => {
  for (const cases of Object.values(CASES)) checkColumn(2, writeTerm, cases);
});

Deno.test("formatErlang() writes every kind in Erlang syntax, as ~tp does", () => {
  for (const cases of Object.values(CASES)) checkColumn(3, formatErlang, cases);
});

Deno.test("printTerm() writes a local pid as <0.41.0> and a remote one with its node's index", () => {
  const local = new Pid("here@host", 41, 0, 1), remote = new Pid("there@host", 50, 0, 1);
  strictEqual(printTerm(["ping", local], { nodeIndex: index }), "#(ping <0.41.0>)");
  strictEqual(printTerm(remote, { nodeIndex: index }), "<8524.50.0>");
  strictEqual(writeTerm(list(local), { nodeIndex: index }), "(<0.41.0>)");
  strictEqual(formatErlang(["ping", local], { nodeIndex: index }), "{ping,<0.41.0>}");
});

Deno.test("printTerm() numbers the local node 0 by the node table", () => {
  strictEqual(printTerm(new Pid(localNodeName(), 7, 2, 0)), "<0.7.2>");
});

Deno.test("printTerm() writes a reference as #Ref<0.1.2.3>", () => {
  const ref = new Ref("here@host", 1, [3712406428, 2390491137, 95013]);
  strictEqual(printTerm(ref, { nodeIndex: index }), "#Ref<0.3712406428.2390491137.95013>");
  strictEqual(
    formatErlang(list(ref), { nodeIndex: index }),
    "[#Ref<0.3712406428.2390491137.95013>]",
  );
});

Deno.test("a fun prints as LFE and Erlang print it: external by name, local as #Fun<m.i.u>", () => {
  const ext = nameFun(() => 0, { module: "lists", name: "map", arity: 2, exported: true });
  strictEqual(printTerm(ext), "(function lists map 2)");
  strictEqual(writeTerm(list(ext)), "((function lists map 2))");
  strictEqual(formatErlang([ext]), "{fun lists:map/2}");
  const local = nameFun(() => 0, { module: "m", name: "-f/1-fun-0-", arity: 1 });
  const text = printTerm(local);
  strictEqual(/^#Fun<m\.\d+\.\d+\/1>$/.test(text), true, text);
  strictEqual(formatErlang([local]), `{${text.replace("/1>", ">")}}`);
  const other = nameFun(() => 0, { module: "m", name: "-g/0-fun-0-", arity: 0 });
  strictEqual(printTerm(other) !== text.replace("/1>", "/0>"), true);
});

Deno.test("printTerm() and writeTerm() stop at the given depth as LFE does", () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const cases: [string, Term, number, string, string][] = [
    [
      "range(50)",
      arrayToList(range(50)),
      30,
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)",
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)",
    ],
    [
      "range(29)",
      arrayToList(range(29)),
      30,
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29)",
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29)",
    ],
    [
      "tuple of 50",
      range(50),
      30,
      "#(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)",
      "#(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)",
    ],
    [
      "binary of 50",
      binary(range(50)),
      30,
      "#B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 ...)",
      "#B(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50)",
    ],
    ["nested", list(list(list(list(list("a"))))), 3, "(((...)))", "(((...)))"],
    [
      "map of 5",
      new TermMap([["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]]),
      3,
      "#M(a 1 b 2 c 3 ...)",
      "#M(a 1 b 2 ...)",
    ],
    [
      "struct",
      new TermMap([["__struct__", "s"], ["a", 1], ["b", 2]]),
      2,
      "#S(s a 1 ...)",
      "#M(__struct__ s ...)",
    ],
    ["improper", arrayToList([1, 2], "t"), 3, "(1 2 ...)", "(1 2 ...)"],
  ];
  for (const [name, t, depth, pretty, written] of cases) {
    strictEqual(printTerm(t, { depth }), pretty, name);
    strictEqual(writeTerm(t, { depth }), written, name);
  }
});

Deno.test("printTerm() prints a term nested 10,000 deep without overflowing the stack", () => {
  let t: Term = "x";
  for (let i = 0; i < 10_000; i++) t = [list(t)];
  strictEqual(printTerm(t), "#((".repeat(10_000) + "x" + "))".repeat(10_000));
  strictEqual(formatErlang(t), "{[".repeat(10_000) + "x" + "]}".repeat(10_000));
});

Deno.test("printTerm() throws a TypeError for a value that is not a term", () => {
  throws(() => printTerm([undefined as unknown as Term]), TypeError);
  throws(() => formatErlang(new Date() as unknown as Term), TypeError);
});
