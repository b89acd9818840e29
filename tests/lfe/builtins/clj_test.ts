import assert from "node:assert/strict";
import { CLJ } from "../../../lfe/builtins/clj.ts";
import { LfeMacroError } from "../../../lfe/compile.ts";
import { compileModule, readAll, registerBuiltins } from "../../../lfe/mod.ts";
import { float, listToArray, nameFun, type Term } from "../../../runtime/terms.ts";
import { writeTerm } from "../../../runtime/print_term.ts";
import {
  readCases,
  readExpansions,
  runProgram,
  wrongCalls,
  wrongExpansions,
} from "./_compat_cases.ts";
import { evalText } from "../_run_lfe.ts";

registerBuiltins();

Deno.test("clj's functions answer and fail as LFE 2.2's do, call by recorded call", async () => {
  const cases = await readCases("clj");
  assert.ok(cases.length > 1400, `${cases.length} cases`);
  assert.deepEqual(await wrongCalls(cases), []);
});

Deno.test("clj's macros expand as LFE 2.2's do, and fail with the same reasons", async () => {
  const expansions = await readExpansions("clj");
  assert.ok(expansions.length > 140, `${expansions.length} expansions`);
  assert.deepEqual(wrongExpansions(expansions), []);
});

// What LFE 2.2.0 gave for each function of compat/clj-demo.lfe (see the file's head).
const CLJ_DEMO: [string, string][] = [
  [
    "threading",
    "((#(a 1) #(b 2) #(c 3) #(d 4) #(e 5) #(f 6)) ((76) (70) (69)) (#(f 6) #(e 5) #(d 4) #(a 1) #(b 2) #(c 3)) 1540.0 true (a 5) (a 5 b) 6 0 1 2 0 -1 0 -1 1 1 undefined -1 undefined 1 42 #B(110 101 118 101 114 32 121 111 117 32 99 104 97 110 103 101))",
  ],
  [
    "conditionals",
    "(pass pass pass pass pass pass #(error no-matching-clause) #(error no-matching-clause) false true then undefined 1 () undefined undefined undefined true 42 6 no undefined 7 undefined false false true false)",
  ],
  [
    "predicates",
    "(true false true false true false true true false true true false true true false false true true false true false true false true false false true false true false true false true true false true false true true false true false true true true true false true true false)",
  ],
  [
    "others",
    "(() (49 50 51) (97 98 99) (97 98 99) (49 97 50 98) (50 46 48 99) (114 111 117 103 104 108 121 32 51 46 49 52) (50 48 48 32 97 110 100 32 97 32 104 97 108 102) (101 105 103 104 116 121 32 112 108 117 115 32 49 48 48 48) (57 55 98 99) (1 2 3 4) ((1) 2 3 4) (1 2 3 4) #(a b c d) #(a b c d) #(a b c #(d)) #M(a 1 b 2) false () (1 2) (1 2 3) () (2 3) (2 3) (1 2 3 1 2 3 1) (1 1 1) (2 3 2 3 2) () true #(error evaluation_error) 42)",
  ],
  [
    "functions",
    "(atom 1.5 (1 2 3 4) (48 46 53) 40 6 (2 4 6) true false true false true false true false true true false true false true false true false true true false true true false true true true false true (1 2 3 4) (2 3 4) (2 4 6 8 10) (6 7 8 9 10 11 12) () (1 2 3 4 5) (1 2) (1 2 3 4) #(error function_clause) (1 6 21 66 201 606 1821 5466 16401 49206) (1 4.0 25.0 676.0 458329.0 210066388900.0 4.4127887745906175e22) (1 2 3) (3 3 3 3) (3 4 5 6) 4 #((1 2 3) (4 5 6)) ((1 2 3 4 5) (6 7 8 9 10)) (1 2 3) ((1 2 3 4 5) (6 7 8 9 10) (11 12)) ((1 2 3) (3 4 5) (5 6 7) (7 8 x)) (a 1 b 2 c 3) 9 val-5 default 123 6 6 (1 1 1) ((120 111) (120 111)) (1 1 1) #(error function_clause) 10 4.0 2)",
  ],
  ["lazy", "((1 2 3) #(made 1) #(made 2) #(made 3))"],
];

Deno.test("a module using clj's functions and macros runs as under LFE 2.2", async () => {
  const run = await runProgram("clj-demo.lfe", CLJ_DEMO.map(([f]) => [f]));
  CLJ_DEMO.forEach(([f, expected], i) => assert.equal(run.values[i], expected, f));
  assert.equal(run.output, "never you change");
});

Deno.test("clj's predicate macros are guards", async () => {
  const unary = nameFun((y: Term) => y, { module: "test", name: "-id-", arity: 1 });
  const args: Term[] = [2, 3, [1], "undefined", unary, ["foo", 1, 2, 3, 4], float(1.5), [
    "foo",
    1,
    2,
    3,
  ]];
  const run = await runProgram("clj-demo.lfe", args.map((a) => ["guards", a]));
  assert.equal(
    `(${run.values.join(" ")})`,
    "(even-integer odd-integer tuple falsy unary foo-record other tuple)",
  );
});

Deno.test("a clj macro that fails is an error expanding (: clj name ...) with LFE's reason", () => {
  const failing = (body: string) => {
    try {
      compileModule(readAll(`(defmodule clj-bad (export (a 0))) (defun a () ${body})`));
    } catch (e) {
      assert.ok(e instanceof LfeMacroError, String(e));
      return `${writeTerm(e.form)} ${writeTerm(e.reason)}`;
    }
    assert.fail(`${body} compiled`);
  };
  assert.equal(failing("(clj:iff)"), "(: clj iff) #(case_clause ())");
  assert.equal(failing("(clj:condp f)"), "(: clj condp f) function_clause");
  assert.equal(
    failing("(clj:cond-> 1 2)"),
    `(: clj cond-> 1 2) ${writeTerm(readAll('"cond-> requires test/sexp pairs."')[0] as Term)}`,
  );
});

Deno.test("(clj:if ...) is a call of a function clj lacks, as in LFE, where if is a core form", async () => {
  const r = await evalText("(clj:if 'undefined 1 2)");
  assert.equal(r.error?.reason, "undef");
  assert.equal(
    CLJ["LFE-EXPAND-EXPORTED-MACRO/3"]!("if", readAll("(a b)")[0], null),
    "no",
  );
});

Deno.test("clj answers module_info and __info__ as a compiled LFE module does", () => {
  const exports = listToArray(CLJ["module_info/1"]!("exports") as Term) as [string, number][];
  assert.equal(exports.length, 52);
  assert.deepEqual(exports.slice(0, 3), [["LFE-EXPAND-EXPORTED-MACRO", 3], ["__info__", 1], [
    "all?",
    2,
  ]]);
  assert.deepEqual(exports.slice(-2), [["module_info", 0], ["module_info", 1]]);
  for (const [name, arity] of exports) {
    assert.ok(CLJ[`${name}/${arity}`] !== undefined, `${name}/${arity}`);
  }
  assert.equal(CLJ["__info__/1"]!("module"), "clj");
  assert.equal(listToArray(CLJ["__info__/1"]!("functions") as Term).length, 49);
  assert.equal(CLJ["__info__/1"]!("macros"), null);
});
