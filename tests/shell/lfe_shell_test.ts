// The shell's own forms and commands, session by session, against what LFE 2.2.0's shell printed
// for the same input (recorded on Erlang/OTP 25 with the same files; lines with pids or
// addresses of this machine left out).
import assert from "node:assert/strict";
import { runDenoWithInput } from "../_run.ts";

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

const FILES: Record<string, string> = {
  "mymod.lfe": `(defmodule mymod
  "A module docstring for mymod."
  (export (hello 0) (add 2) (sq 1)))

(defun hello ()
  "Say hello."
  'hello)

(defun add (a b)
  "Add two numbers."
  (+ a b))

(defun sq (x)
  "Square x."
  (* x x))

(defun internal (x) (* x 10))
`,
  "script.lfe": `(set x 42)
(io:format "x is ~p~n" (list x))
(defun triple (n) (* 3 n))
(triple x)
`,
  "badscript.lfe": "(set y 1)\n(+ y\n",
  "bad.lfe": "(defmodule bad\n  (export (f 0)))\n\n(defun f ()\n  (+ 1 2)\n",
  "badsyntax.lfe": "(defmodule badsyntax\n  (export (f 0)))\n\n(defun f () #z)\n",
  "unbound.lfe": "(defmodule unbound\n  (export (f 0)))\n\n(defun f ()\n  (+ y 2))\n",
  "undeffun.lfe": "(defmodule undeffun\n  (export (f 0)))\n\n(defun f ()\n  (g 2))\n",
};

// Runs a shell in a directory holding FILES, with `lines` typed; answers the lines after the
// banner, each prompt taken off.
async function session(lines: string[]): Promise<string[]> {
  const dir = await Deno.makeTempDir();
  try {
    for (const [name, text] of Object.entries(FILES)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    const r = await runDenoWithInput(["run", "-A", MAIN], lines.join("\n") + "\n", { cwd: dir });
    return r.stdout.split("\n").slice(3).map((l) => l.replace(/^(lfe> )+/, "")).filter((l) =>
      l !== ""
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("defun, defmacro, defrecord at the prompt, as LFE 2.2's shell", async () => {
  assert.deepEqual(
    await session([
      "(defun sq (x) (* x x))",
      "(sq 5)",
      "(defun f ((0) 'zero) ((n) n))",
      "(f 0)",
      "(f 7)",
      '(defun g (x) "Doubles x." (* 2 x))',
      "(g 21)",
      "(sq 1 2)",
      "(defun sq (x) (* x x x))",
      "(sq 2)",
      "(defmacro dbl (x) `(* 2 ,x))",
      "(dbl 4)",
      "(defmacro m2 ((list a) `(list 'one ,a)) ((list a b) `(list 'two ,a ,b)))",
      "(m2 1)",
      "(m2 1 2)",
      "(m2 1 2 3)",
      "(defrecord person name age)",
      '(make-person name "a" age 3)',
      '(set p (make-person name "a" age 3))',
      "(person-name p)",
      "(person-age p)",
      "(set x 5)",
      "(defun fx () x)",
      "(set x 6)",
      "(fx)",
      "(defun later () (sq2 3))",
      "(defun sq2 (y) (* y y))",
      "(later)",
    ]),
    [
      "sq",
      "25",
      "f",
      "zero",
      "7",
      "g",
      "42",
      "** exception error: function sq/2 undefined",
      "sq",
      "8",
      "dbl",
      "8",
      "m2",
      "(one 1)",
      "(two 1 2)",
      "1: error expanding (m2 1 2 3):",
      "    function_clause",
      "error",
      "set-person-age",
      '#(person "a" 3)',
      '#(person "a" 3)',
      '"a"',
      "3",
      "5",
      "fx",
      "6",
      "6",
      "later",
      "sq2",
      "9",
    ],
  );
});

Deno.test("slurp, unslurp, run, reset-environment, set, as LFE 2.2's shell", async () => {
  assert.deepEqual(
    await session([
      '(slurp "mymod.lfe")',
      "(hello)",
      "(add 1 2)",
      "(sq 3)",
      "(internal 4)",
      "(unslurp)",
      "(hello)",
      '(slurp "nosuch.lfe")',
      '(slurp "bad.lfe")',
      '(slurp "badsyntax.lfe")',
      '(slurp "unbound.lfe")',
      '(slurp "undeffun.lfe")',
      '(slurp "mymod")',
      '(slurp "foo.erl")',
      '(run "script.lfe")',
      "x",
      "(triple 2)",
      '(run "nosuch.lfe")',
      '(run "badscript.lfe")',
      "(reset-environment)",
      "x",
      "(set (tuple a b) #(1 2))",
      "a",
      "(set (list c d) (list 1))",
      "(set e (when (> 1 2)) 3)",
      "(set f (when (< 1 2)) 3)",
      "f",
    ]),
    [
      "#(ok mymod)",
      "hello",
      "3",
      "9",
      "40",
      "ok",
      "** exception error: function hello/0 undefined",
      "nosuch.lfe:none: no such file or directory",
      "error",
      "bad.lfe:4: missing token",
      "error",
      "badsyntax.lfe:4: illegal token #z",
      "error",
      "unbound.lfe:4: symbol y is unbound",
      "error",
      "undeffun.lfe:4: function g/1 undefined",
      "error",
      "#(ok mymod)",
      "foo.erl.lfe:none: no such file or directory",
      "error",
      "x is 42",
      "126",
      "42",
      "6",
      "** exception error: no case clause matching #(error enoent)",
      "badscript.lfe:2: missing token",
      "error",
      "ok",
      "** exception error: symbol x is unbound",
      "#(1 2)",
      "1",
      "** exception error: no match of value (1)",
      "** exception error: no match of value 3",
      "3",
      "3",
    ],
  );
});

Deno.test("c, l, flush, history variables, printing commands, as LFE 2.2's shell", async () => {
  assert.deepEqual(
    await session([
      '(c "mymod")',
      "(mymod:add 2 3)",
      '(c "nosuchfile")',
      '(c "bad")',
      '(c "unbound")',
      '(c "undeffun")',
      "(l 'mymod)",
      "(l 'nosuchmod)",
      "(! (self) 'hi)",
      "(flush)",
      "(flush)",
      '(progn (! (self) \'a) (! (self) #(b 1)) (! (self) "str"))',
      "(flush)",
      "(+ 1 2)",
      "+",
      "*",
      "(list 1 2)",
      "**",
      "+++",
      "-",
      '(p "hello")',
      "(pp '(a b c))",
      "(ep '(a b))",
      '(ep #(a "s" #b(1 2) 1.5 (1 . 2)))',
      "(epp (lists:seq 1 60))",
      "(p (lists:seq 1 100) 5)",
      "(ep (lists:seq 1 100) 5)",
      "(lists:seq 1 100)",
      "(h 'mymod 'nosuch 1)",
      "(h 'nosuchmod)",
    ]),
    [
      "mymod.lfe:17: Warning: function internal/1 is unused",
      "(#(module mymod))",
      "5",
      "nosuchfile.lfe:none: no such file or directory",
      "error",
      "bad.lfe:4: missing token",
      "error",
      "unbound.lfe:4: symbol y is unbound",
      "error",
      "undeffun.lfe:4: function g/1 undefined",
      "error",
      "(#(module mymod))",
      "(#(error nofile))",
      "hi",
      "Shell got hi",
      "ok",
      "ok",
      '"str"',
      "Shell got a",
      "Shell got {b,1}",
      'Shell got "str"',
      "ok",
      "3",
      "(+ 1 2)",
      "(+ 1 2)",
      "(1 2)",
      "(+ 1 2)",
      "*",
      "-",
      "(104 101 108 108 111)",
      "ok",
      "(a b c)",
      "ok",
      "[a,b]",
      "ok",
      "{a,[115],<<1,2>>,1.5,[1|2]}",
      "ok",
      "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,",
      " 29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,",
      " 54,55,56,57,58,59,60]",
      "ok",
      "(1 2 3 4 ...)",
      "ok",
      "[1,2,3,4|...]",
      "ok",
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 ...)",
      "#(error function_missing)",
      "#(error non_existing)",
    ],
  );
});
