import assert from "node:assert/strict";
import { findFunction, isGeneratorFunction } from "../../runtime/mod.ts";
import { evalText, load } from "./_run_lfe.ts";

const TUT21 = Deno.readTextFileSync(new URL("../../examples/tut21.lfe", import.meta.url));

async function value(text: string): Promise<string> {
  const r = await evalText(text);
  if (r.error) throw r.error;
  return r.value as string;
}

Deno.test("the seed's tut21 compiles and plays on one node", async () => {
  load(TUT21);
  const r = await evalText("(progn (tut21:start-pong) (tut21:start-ping (node)) (timer:sleep 50))");
  assert.equal(
    r.output,
    "Pong received ping\nPing received pong\n".repeat(3) + "Ping finished\nPong finished\n",
  );
});

Deno.test("a function that cannot wait compiles to a plain function; one that receives to a generator", () => {
  load(`(defmodule plainfib (export (fib 1) (wait 0)))
        (defun fib ((0) 0) ((1) 1) ((n) (+ (fib (- n 1)) (fib (- n 2)))))
        (defun wait () (receive (x x)))`);
  const fib = findFunction("plainfib", "fib", 1)!;
  assert.equal(isGeneratorFunction(fib), false);
  assert.equal(fib(25), 75025);
  assert.equal(isGeneratorFunction(findFunction("plainfib", "wait", 0)), true);
});

Deno.test("tail recursion runs in constant space, plain or waiting", async () => {
  load(`(defmodule loops (export (count 2) (drain 2)))
        (defun count (n acc) (if (== n 0) acc (count (- n 1) (+ acc 1))))
        (defun drain ((0 acc) acc) ((n acc) (receive (x (drain (- n 1) (+ acc x))))))`);
  assert.equal(await value("(loops:count 1000000 0)"), "1000000");
  assert.equal(
    await value(
      "(progn (lists:foreach (lambda (i) (! (self) i)) (lists:seq 1 100000)) (loops:drain 100000 0))",
    ),
    "5000050000",
  );
});

Deno.test("patterns: tuples, lists, cons, quoted atoms, strings, aliases, repeated variables, guards", async () => {
  assert.equal(
    await value(`(case (tuple 'ok (list 1 2 3)) ((tuple 'ok (cons h t)) (tuple h t)))`),
    "#(1 (2 3))",
  );
  assert.equal(await value(`(case "abc" ("abc" 'yes) (_ 'no))`), "yes");
  assert.equal(await value(`(case (tuple 1 1) ((tuple x x) 'same) (_ 'differ))`), "same");
  assert.equal(await value(`(case (tuple 1 2) ((tuple x x) 'same) (_ 'differ))`), "differ");
  assert.equal(
    await value(`(case (list 1 2) ((= (list a _) whole) (tuple a whole)))`),
    "#(1 (1 2))",
  );
  assert.equal(await value(`(case 5 (n (when (> n 3) (< n 10)) 'mid) (_ 'out))`), "mid");
  assert.equal(
    await value(`(case 'a (n (when (> (+ n 1) 3)) 'bad) (_ 'guard-error-is-false))`),
    "guard-error-is-false",
  );
  assert.equal(await value(`(let (((tuple a b) (tuple 1 2)) (c 3)) (list a b c))`), "(1 2 3)");
});

Deno.test("errors are terms: badmatch, case_clause, function_clause, badarith, undef", async () => {
  const reason = async (t: string) => {
    const r = await evalText(t);
    assert.ok(r.error, `${t} raises`);
    return r.error;
  };
  assert.deepEqual((await reason("(let (((tuple a) 42)) a)")).reason, ["badmatch", 42]);
  assert.deepEqual((await reason("(case 7 (1 'one))")).reason, ["case_clause", 7]);
  // As LFE 2.2's compiled code has it: if is a case on true and false.
  assert.deepEqual((await reason("(if 'maybe 1 2)")).reason, ["case_clause", "maybe"]);
  assert.equal((await reason("(+ 1 'a)")).reason, "badarith");
  load(`(defmodule fc (export (one 1))) (defun one ((1) 'ok))`);
  assert.equal((await reason("(fc:one 2)")).reason, "function_clause");
  const undef = await reason("(tut99:go)");
  assert.equal(undef.reason, "undef");
  assert.match(undef.message, /undefined function tut99:go\/0/);
});

Deno.test("lambdas capture their variables; match-lambda, flet, fletrec and funcall", async () => {
  assert.equal(await value(`(let ((x 10)) (funcall (lambda (y) (+ x y)) 5))`), "15");
  assert.equal(await value(`(funcall (match-lambda ((0) 'zero) ((_) 'other)) 0)`), "zero");
  assert.equal(await value(`(flet ((double (x) (* 2 x))) (double 21))`), "42");
  assert.equal(
    await value(`(fletrec ((fact ((0) 1) ((n) (* n (fact (- n 1)))))) (fact 20))`),
    "2432902008176640000",
  );
  assert.equal(await value(`(lists:map (lambda (x) (* x x)) (list 1 2 3))`), "(1 4 9)");
  // Each closure keeps the value it saw, even when its maker loops.
  load(`(defmodule clo (export (make 2)))
        (defun make ((0 acc) acc) ((n acc) (make (- n 1) (cons (lambda () n) acc))))`);
  assert.equal(await value(`(lists:map (lambda (f) (funcall f)) (clo:make 3 ()))`), "(1 2 3)");
});

Deno.test("try, catch and after", async () => {
  assert.equal(
    await value(`(try (error 'boom) (catch ((tuple 'error r _) (tuple 'caught r))))`),
    "#(caught boom)",
  );
  assert.equal(await value(`(try (+ 1 2) (case (3 'three)) (catch (_ 'no)))`), "three");
  assert.equal(await value(`(catch (throw 'ball))`), "ball");
  assert.equal(await value(`(catch (exit 'gone))`), "#(EXIT gone)");
  const r = await evalText(
    `(try (error 'x) (catch ((tuple _ _ _) 'c)) (after (io:format "after~n")))`,
  );
  assert.equal(r.value, "c");
  assert.equal(r.output, "after\n");
});

Deno.test("receive with guards, after 0 and a timeout", async () => {
  assert.equal(await value(`(receive (x x) (after 0 'empty))`), "empty");
  assert.equal(
    await value(
      `(progn (! (self) 5) (! (self) 50) (receive (x (when (> x 10)) x) (after 10 'none)))`,
    ),
    "50",
  );
  assert.equal(await value(`(receive (x x) (after 20 'timeout))`), "timeout");
});

Deno.test("macros: defmacro with backquote, defrecord, cond, andalso, orelse, ++, list*", async () => {
  load(`(defmodule mac (export (swap 1) (person 0)))
        (defmacro swap-pair (p) \`(tuple (element 2 ,p) (element 1 ,p)))
        (defun swap (p) (swap-pair p))
        (defrecord person name (age 0))
        (defun person () (let ((p (make-person name "joe"))) (tuple (person-age p) (person-name (set-person-age p 42)) (person-age (set-person-age p 42)))))`);
  assert.equal(await value(`(mac:swap (tuple 1 2))`), "#(2 1)");
  assert.equal(await value(`(mac:person)`), `#(0 "joe" 42)`);
  assert.equal(await value(`(cond ((> 1 2) 'a) ((> 2 1) 'b))`), "b");
  assert.equal(
    await value(`(tuple (andalso 'true 'false) (orelse 'false 'true))`),
    "#(false true)",
  );
  assert.equal(await value(`(++ (list 1) (list 2) (list 3))`), "(1 2 3)");
  assert.equal(await value(`(list* 1 2 (list 3))`), "(1 2 3)");
  assert.equal(await value(`(: lists reverse (list 1 2))`), "(2 1)");
});

Deno.test("literals: floats stay floats, binaries, maps, bigints", async () => {
  assert.equal(await value(`(/ 4 2)`), "2.0");
  assert.equal(await value(`(* 99999999999 99999999999)`), "9999999999800000000001");
  assert.equal(await value(`#"abc"`), `#"abc"`);
  assert.equal(await value(`(binary 97 98 "c")`), `#"abc"`);
  assert.equal(await value(`(map 'a 1 'b 2)`), "#M(a 1 b 2)");
  assert.equal(await value(`(case (map 'a 1) ((map 'a x) x))`), "1");
});

Deno.test("processes from LFE: spawn of a lambda, monitor, link, register, apply", async () => {
  assert.equal(
    await value(`(let ((p (spawn (lambda () (receive (x (exit x)))))))
                   (monitor 'process p)
                   (! p 'bye)
                   (receive ((tuple 'DOWN _ 'process _ r) r)))`),
    "bye",
  );
  assert.equal(
    await value(`(progn (process_flag 'trap_exit 'true)
                   (let ((p (spawn_link (lambda () (error 'crash)))))
                     (receive ((tuple 'EXIT p2 (tuple r _)) (tuple (== p p2) r)))))`),
    "#(true crash)",
  );
  assert.equal(await value(`(progn (register 'me (self)) (! 'me 'hi) (receive (m m)))`), "hi");
  assert.equal(await value(`(apply 'lists 'reverse (list (list 1 2)))`), "(2 1)");
  assert.equal(await value(`(apply (lambda (a b) (+ a b)) (list 1 2))`), "3");
});

Deno.test("examples/ring.lfe and examples/pingpong.lfe run", async () => {
  load(Deno.readTextFileSync(new URL("../../examples/ring.lfe", import.meta.url)));
  const r = await evalText("(ring:start 5 3)");
  assert.equal(r.value, "15");
  assert.equal(r.output, "Lap 1 done\nLap 2 done\nLap 3 done\n");
  load(Deno.readTextFileSync(new URL("../../examples/pingpong.lfe", import.meta.url)));
  const p = await evalText("(progn (pingpong:start) (timer:sleep 50))");
  assert.equal(
    p.output,
    "Pong received ping\nPing received pong\n".repeat(3) + "Ping finished\nPong finished\n",
  );
});

Deno.test("funs of other modules are called with their arity; (* 0 -5) is the integer 0", async () => {
  assert.equal(await value(`(funcall #'erlang:+/2 1 2)`), "3");
  assert.equal(await value(`(float (* 0 -5))`), "0.0");
});

Deno.test("the process dictionary: put, get, erase, get_keys", async () => {
  assert.equal(
    await value(
      `(list (put 'a 1) (put 'a 2) (get 'a) (put #(k 1) 'v) (get #(k 1)) (lists:sort (get_keys))
                       (erase 'a) (get 'a) (get_keys 'v))`,
    ),
    "(undefined 1 2 undefined v (a #(k 1)) 2 undefined (#(k 1)))",
  );
});
