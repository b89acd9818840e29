import assert from "node:assert/strict";
import { formatException } from "../../lfe/errors.ts";
import { arrayToList, charlist, list, type Term } from "../../runtime/terms.ts";

// What the LFE 2.2.1 shell (on OTP 25) printed for each exception, and `erl` for the Erlang style.

const seq = (n: number) => arrayToList(Array.from({ length: n }, (_, i) => i + 1));
const at = (file: string, line: number) => list(["file", charlist(file)], ["line", line]);
const long = [
  "aaaaaaaaaaaaaaa",
  "bbbbbbbbbbbbbbbbbbbbbbbbbb",
  "cccccccccccccccccccccccccc",
  "ddddddddddddddddddddd",
];

Deno.test("an undefined function is named in one line: undefined function tut99:go/0", () => {
  assert.equal(
    formatException("error", "undef", list(["tut99", "go", null, null])),
    "** exception error: undefined function tut99:go/0\n\n",
  );
  assert.equal(
    formatException("error", "undef", list(["tut99", "go", list(1, 2), null])),
    "** exception error: undefined function tut99:go/2\n\n",
  );
  assert.equal(
    formatException("error", "undef", list(["tut99", "go", 0, null])),
    "** exception error: undefined function tut99:go/0\n\n",
  );
});

Deno.test("errors of compiled LFE code, with their stack frames", () => {
  const cases: [Term, Term, string][] = [
    [
      "function_clause",
      list(["tut98", "f", list(2), at("tut98.lfe", 4)]),
      "** exception error: no function clause matching\n  in (tut98 : f 2)\n\n",
    ],
    [
      ["badmatch", 2],
      list(["tut98", "g", 1, at("tut98.lfe", 7)]),
      "** exception error: no match of value 2\n  in tut98:g/1 (tut98.lfe, line 7)\n\n",
    ],
    [
      ["case_clause", 2],
      list(["tut98", "h", 1, at("tut98.lfe", 10)]),
      "** exception error: no case clause matching 2\n  in tut98:h/1 (tut98.lfe, line 10)\n\n",
    ],
    [
      "badarith",
      list(["tut98", "k", 1, at("tut98.lfe", 13)]),
      "** exception error: error in arithmetic expression\n  in tut98:k/1 (tut98.lfe, line 13)\n\n",
    ],
    [
      "badarg",
      list(["erlang", "atom_to_list", list(1), null], ["tut98", "a", 1, at("tut98.lfe", 16)]),
      "** exception error: bad argument\n  in (erlang : atom_to_list 1)\n" +
      "  in tut98:a/1 (tut98.lfe, line 16)\n\n",
    ],
    [
      "function_clause",
      list(["tut98", "f", list(seq(30)), at("tut98.lfe", 4)]),
      "** exception error: no function clause matching\n" +
      "  in (tut98 : f (1 2 3 4 5 6 7 8 9 10 ...))\n\n",
    ],
    [
      ["case_clause", long],
      list(["tut98", "h", 1, at("tut98.lfe", 10)]),
      "** exception error: no case clause matching #(aaaaaaaaaaaaaaa\n" +
      "                                           bbbbbbbbbbbbbbbbbbbbbbbbbb\n" +
      "                                           cccccccccccccccccccccccccc\n" +
      "                                           ddddddddddddddddddddd)\n" +
      "  in tut98:h/1 (tut98.lfe, line 10)\n\n",
    ],
  ];
  for (const [reason, stack, text] of cases) {
    assert.equal(formatException("error", reason, stack), text);
  }
});

Deno.test("reasons as LFE's shell explains them, for every class", () => {
  const cases: ["error" | "exit" | "throw", Term, string][] = [
    ["exit", "foo", "** exception exit: foo\n\n"],
    ["throw", "bar", "** exception throw: bar\n\n"],
    ["exit", "badarg", "** exception exit: bad argument\n\n"],
    ["exit", ["badmatch", 1], "** exception exit: no match of value 1\n\n"],
    ["throw", list(1, 2, 3), "** exception throw: (1 2 3)\n\n"],
    ["exit", ["shutdown", 1], "** exception exit: #(shutdown 1)\n\n"],
    ["error", "my_reason", "** exception error: my_reason\n\n"],
    ["error", ["a", charlist("abc"), list(1, 2)], '** exception error: #(a "abc" (1 2))\n\n'],
    ["error", ["badkey", "a"], "** exception error: #(badkey a)\n\n"],
    ["error", ["unbound_symbol", "xyz"], "** exception error: symbol xyz is unbound\n\n"],
    ["error", ["undefined_function", ["f", 2]], "** exception error: function f/2 undefined\n\n"],
    ["error", ["badarg", 1], "** exception error: bad argument 1\n\n"],
    ["error", ["badfun", 1], "** exception error: bad function 1\n\n"],
    ["error", ["try_clause", 1], "** exception error: no try clause matching 1\n\n"],
    ["error", "timeout_value", "** exception error: bad receive timeout value\n\n"],
    ["error", "if_clause", "** exception error: no if clause matching\n\n"],
    ["error", "noproc", "** exception error: no such process or port\n\n"],
    [
      "error",
      ["case_clause", charlist("abc")],
      '** exception error: no case clause matching "abc"\n\n',
    ],
    ["error", ["illegal_pattern", ["a", "b"]], "** exception error: illegal pattern #(a b)\n\n"],
    [
      "error",
      ["badmatch", seq(40)],
      "** exception error: no match of value (1 2 3 4 5 6 7 8 9 ...)\n\n",
    ],
    [
      "error",
      ["badmatch", ["a", seq(30), seq(30)]],
      "** exception error: no match of value #(a (1 2 3 4 5 6 7 ...) (1 2 3 4 5 6 ...))\n\n",
    ],
    [
      "error",
      ["a", seq(40)],
      "** exception error: #(a\n  (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n" +
      "   26 27 28 29 30 31 32 33 34 35 36 37 38 39 40))\n\n",
    ],
  ];
  for (const [cls, reason, text] of cases) assert.equal(formatException(cls, reason, null), text);
});

Deno.test("frames of the shell itself at the bottom of the stack are left out", () => {
  const stack = list(
    ["lfe_eval", "f", 1, null],
    ["m", "f", 1, null],
    ["lfe_eval", "g", 2, null],
    ["lfe_shell", "g", 2, null],
  );
  assert.equal(
    formatException("error", "badarg", stack),
    "** exception error: bad argument\n  in lfe_eval:f/1 \n  in m:f/1 \n\n",
  );
  assert.equal(
    formatException("error", "badarg", list(["m", "f", seq(40), null], ["a b", "g", 2, null])),
    "** exception error: bad argument\n  in (m : f 1 2 3 4 5 6 7 8 9 10 11 ...)\n  in |a b|:g/2 \n\n",
  );
  assert.equal(
    formatException("error", "badarg", list(["m", "f", 1, null]), "lfe", { skip: () => true }),
    "** exception error: bad argument\n\n",
  );
});

Deno.test("a stack that is not a stack trace goes with the reason", () => {
  assert.equal(formatException("error", "x", "notalist"), "** exception error: #(x notalist)\n\n");
});

Deno.test("the Erlang style prints as erl's shell", () => {
  const m = (line: number) => at("m.erl", line);
  const cases: ["error" | "exit" | "throw", Term, Term, string][] = [
    [
      "error",
      "undef",
      list(["tut99", "go", null, null]),
      "** exception error: undefined function tut99:go/0\n",
    ],
    [
      "error",
      "badarith",
      list(["m", "f", 1, m(3)], ["m", "g", 2, m(9)], ["n", "h", 0, null]),
      "** exception error: an error occurred when evaluating an arithmetic expression\n" +
      "     in function  m:f/1 (m.erl, line 3)\n     in call from m:g/2 (m.erl, line 9)\n" +
      "     in call from n:h/0 \n",
    ],
    [
      "error",
      "function_clause",
      list(["m", "f", list(1, charlist("ab")), m(3)], ["m", "g", 2, m(9)]),
      '** exception error: no function clause matching m:f(1,"ab") (m.erl, line 3)\n' +
      "     in function  m:g/2 (m.erl, line 9)\n",
    ],
    [
      "error",
      "badarg",
      list(["erlang", "atom_to_list", list(1), null], ["m", "g", 2, m(9)]),
      "** exception error: bad argument\n     in function  atom_to_list/1\n" +
      "        called as atom_to_list(1)\n     in call from m:g/2 (m.erl, line 9)\n",
    ],
    [
      "error",
      "badarith",
      list(["erlang", "+", list(1, "a"), null]),
      "** exception error: an error occurred when evaluating an arithmetic expression\n" +
      "     in operator  +/2\n        called as 1 + a\n",
    ],
    [
      "exit",
      "foo",
      list(["m", "f", 1, m(3)]),
      "** exception exit: foo\n     in function  m:f/1 (m.erl, line 3)\n",
    ],
    ["throw", "bar", null, "** exception throw: bar\n"],
    ["error", ["badmatch", 42], null, "** exception error: no match of right hand side value 42\n"],
    [
      "error",
      "if_clause",
      null,
      "** exception error: no true branch found when evaluating an if expression\n",
    ],
    ["error", ["badkey", "a"], null, "** exception error: bad key: a\n"],
    [
      "error",
      ["a", seq(40)],
      null,
      "** exception error: {a,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,\n" +
      "                        22,23,24,25,26,27|...]}\n",
    ],
  ];
  for (const [cls, reason, stack, text] of cases) {
    assert.equal(formatException(cls, reason, stack, "erlang"), text);
  }
});
