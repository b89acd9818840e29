import assert from "node:assert/strict";
import { CL } from "../../../lfe/builtins/cl.ts";
import { LfeMacroError } from "../../../lfe/compile.ts";
import { compileModule, readAll, registerBuiltins } from "../../../lfe/mod.ts";
import { listToArray, type Term } from "../../../runtime/terms.ts";
import { writeTerm } from "../../../runtime/print_term.ts";
import {
  readCases,
  readExpansions,
  runProgram,
  wrongCalls,
  wrongExpansions,
} from "./_compat_cases.ts";
import { inProcess, is } from "./_check.ts";
import { evalText } from "../_run_lfe.ts";

registerBuiltins();

Deno.test("cl's functions answer and fail as LFE 2.2's do, call by recorded call", async () => {
  const cases = await readCases("cl");
  assert.ok(cases.length > 2500, `${cases.length} cases`);
  assert.deepEqual(await wrongCalls(cases), []);
});

Deno.test("cl's do expands as LFE 2.2's does; if and cond, core forms, are no macros of cl", async () => {
  const expansions = await readExpansions("cl");
  assert.ok(expansions.length >= 10, `${expansions.length} expansions`);
  assert.deepEqual(wrongExpansions(expansions), []);
});

// What LFE 2.2.0 gave for each function of compat/cl-demo.lfe (see the file's head).
const CL_DEMO: [string, string][] = [
  ["loops", "((5 4 3 2 1) 60 done at-once)"],
  [
    "plists",
    "(() true true true (colour 3 size 2) 2 () none (size 2) true (size 2) true () true v (100 101 109 111 45 115 121 109) 2 () dflt (a 1 b 3) (a 1 c 3) (a 1 c 3) #(b 2 (b 2 c 3)) #(() () ()))",
  ],
  [
    "sequences",
    "(b b 3 2 (3 2 1) #(3 2 1) true false true true false true true (3 2 1) 16 (1 2 3) (1 2 3 . z) (b c) #(b c) (1 2) #(a b) (a c b) (x b x) #(x 1 x) (a x b) b () 1 1 2 1 () 2 2 1 #(error #(case_clause 5)) #(error #(bad_filter 5)) #(error badarg))",
  ],
  [
    "lists",
    "(1 () (2) a () a () () (b c) (c) 3 (1 2) (x (b x) . x) (n (a n) b) (n (n n) n) (1 (2 c) . 1) true true false (a b) (c a b) (a c b d) (b c) (a c) (a d) true false ((k . v) (a . 1)) ((a . 1) (b . 2)) ((a . 1) (z . 0)) (b . 2) (2 . b) (2 . b) (2 . b) (2 . b) (2 . 3) (1 4 9) (3 2 1) false true () true)",
  ],
  [
    "types",
    "((boolean atom tuple integer float string string unicode cons list string function binary pid reference map bitstring) #(1 2) #(1 2) abc (97 98 99) (1 2) (97 98) 97 120 2 2.5 1.5e3 q (#B((5 (size 3)))) #(error badarg) #(error function_clause))",
  ],
  [
    "effects",
    "((1 2) (1 2) (2 1) (1 (2) . 3) (#(mapc 1) #(mapc 2) #(mapl (1 2)) #(mapl (2)) #(maplist (a b)) #(maplist (b)) #(subst-if (1 (2) . 3)) #(subst-if 1) #(subst-if ((2) . 3)) #(subst-if (2)) #(subst-if 2) #(subst-if ()) #(subst-if 3)))",
  ],
];

Deno.test("a module using cl's functions and do runs as under LFE 2.2", async () => {
  const run = await runProgram("cl-demo.lfe", CL_DEMO.map(([f]) => [f]));
  CL_DEMO.forEach(([f, expected], i) => assert.equal(run.values[i], expected, f));
});

Deno.test("a symbol's property list outlives the call that set it", async () => {
  const got = await inProcess(function* () {
    CL["putprop/3"]!("cl-test-sym", 42, "answer");
    CL["putprop/3"]!(["any", "term"], 1, "p");
    return [
      CL["get/2"]!("cl-test-sym", "answer"),
      CL["symbol-plist/1"]!(["any", "term"]),
      CL["remprop/2"]!("cl-test-sym", "answer"),
      CL["symbol-plist/1"]!("cl-test-sym"),
      CL["get/3"]!("cl-test-sym", "answer", "gone"),
    ];
  });
  is(got, "#(42 (p 1) true () gone)");
});

Deno.test("a bad do is an error expanding (: cl do ...) with LFE's reason", () => {
  const failing = (body: string) => {
    try {
      compileModule(readAll(`(defmodule cl-bad (export (a 0))) (defun a () ${body})`));
    } catch (e) {
      assert.ok(e instanceof LfeMacroError, String(e));
      return `${writeTerm(e.form)} ${writeTerm(e.reason)}`;
    }
    assert.fail(`${body} compiled`);
  };
  assert.equal(failing("(cl:do 1)"), "(: cl do 1) #(badmatch (1))");
  assert.equal(
    failing("(cl:do ((x)) ('true 1))"),
    "(: cl do ((x)) ((quote true) 1)) function_clause",
  );
});

Deno.test("(cl:if ...) and (cl:cond ...) are calls of functions cl lacks, as in LFE", async () => {
  assert.equal((await evalText("(cl:if () 1 2)")).error?.reason, "undef");
  assert.equal((await evalText("(cl:cond 1)")).error?.reason, "undef");
});

Deno.test("cl answers module_info and __info__ as a compiled LFE module does", () => {
  const exports = listToArray(CL["module_info/1"]!("exports") as Term) as [string, number][];
  assert.equal(exports.length, 81);
  for (const [name, arity] of exports) {
    assert.ok(CL[`${name}/${arity}`] !== undefined, `${name}/${arity}`);
  }
  assert.equal(listToArray(CL["__info__/1"]!("functions") as Term).length, 78);
  is(CL["module_info/1"]!("attributes"), "(#(export-macro (do if cond)))");
});
