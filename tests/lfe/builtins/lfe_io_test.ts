import assert from "node:assert/strict";
import { registerIoBuiltins } from "../../../lfe/builtins/io_mods.ts";
import { readAll } from "../../../lfe/reader.ts";
import {
  caught,
  charlist,
  findFunction,
  groupLeaderBody,
  iodataToString,
  list,
  run,
  self,
  spawn,
  type Term,
} from "../../../runtime/mod.ts";
import { freshNode } from "../../runtime/_node.ts";

registerIoBuiltins();

// deno-lint-ignore no-explicit-any
function lfeIo(name: string, arity: number): (...args: any[]) => any {
  const f = findFunction("lfe_io", name, arity);
  assert.ok(f !== undefined, `lfe_io:${name}/${arity}`);
  return f;
}

const read = (text: string) => readAll(text)[0] as Term;
const seq40 = read(`(${Array.from({ length: 40 }, (_, i) => i + 1).join(" ")})`);
const seq30 = read(`(${Array.from({ length: 30 }, (_, i) => i + 1).join(" ")})`);

/** What a process running `body` wrote through its group leader. */
async function output(body: () => Generator<unknown, void, unknown>): Promise<string> {
  const t = freshNode();
  assert.equal(await run(body), "normal");
  return t.text();
}

// Expected texts are what LFE 2.2.1's shell printed for the same calls.

Deno.test("lfe_io:format writes LFE syntax, as in the seed", async () => {
  let pid = "";
  const text = await output(function* () {
    pid = `<0.${self().id}.0>`;
    yield* lfeIo("format", 2)(charlist("Pong received ping~n"), null);
    yield* lfeIo("format", 2)(charlist("~p ~w~n"), list(["ping", self()], charlist("ab")));
  });
  assert.equal(text, `Pong received ping\n#(ping ${pid}) (97 98)\n`);
});

Deno.test("lfe_io:format breaks long terms as LFE does, from the column it is at", async () => {
  const text = await output(function* () {
    yield* lfeIo("format", 2)(charlist("abc: ~p~n"), list(seq40));
    yield* lfeIo("format", 2)(charlist("~p ~p~n"), list(seq30, seq30));
  });
  assert.equal(
    text,
    "abc: (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24\n" +
      "      25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40)\n" +
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26\n" +
      " 27 28 29 30) (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21\n" +
      "               22 23 24 25 26 27 28 29 30)\n",
  );
});

Deno.test("lfe_io:print writes as ~w and prettyprint as ~p, with no newline", async () => {
  const t = read('#(a "abc" #"abc" (1 2))');
  const text = await output(function* () {
    assert.equal(yield* lfeIo("print", 1)(t), "ok");
    yield* lfeIo("prettyprint", 1)(t);
    yield* lfeIo("prettyprint", 1)(seq40);
  });
  assert.equal(
    text,
    '#(a (97 98 99) #B(97 98 99) (1 2))#(a "abc" #"abc" (1 2))' +
      "(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26\n" +
      " 27 28 29 30 31 32 33 34 35 36 37 38 39 40)",
  );
});

Deno.test("lfe_io:prettyprint writes UTF-8 bytes as Latin-1 characters, as file:write does", async () => {
  const text = await output(function* () {
    yield* lfeIo("prettyprint", 1)(charlist("\u03b1\u03b2"));
  });
  assert.equal(text, '"\u00ce\u00b1\u00ce\u00b2"');
});

Deno.test("format/3, fwrite/3 and print/2 write to the given device", async () => {
  const captured: string[] = [];
  await output(function* () {
    const device = spawn(groupLeaderBody, (s: string) => captured.push(s));
    yield* lfeIo("format", 3)(device, charlist("~s~n"), list("atom"));
    yield* lfeIo("fwrite", 3)(device, charlist("~w~n"), list(["a", 1]));
    yield* lfeIo("print", 2)(device, charlist("hi"));
  });
  assert.deepEqual(captured, ["atom\n", "#(a 1)\n", "(104 105)"]);
});

Deno.test("the ...1 functions return the characters, in deep lists as LFE builds them", () => {
  const s = (t: Term) => iodataToString(t);
  assert.deepEqual(
    lfeIo("format1", 2)(charlist("~w-~w"), list(1, 2)),
    list(charlist("1"), 45, charlist("2")),
  );
  assert.deepEqual(lfeIo("print1", 1)(list(1)), list(40, list(charlist("1")), 41));
  assert.equal(s(lfeIo("format1", 2)(charlist("~p"), list(read("'x")))), "'x");
  assert.equal(s(lfeIo("fwrite1", 2)(charlist("~w"), list(read("'x")))), "(quote x)");
  assert.equal(s(lfeIo("print1", 1)(read("#(a b)"))), "#(a b)");
  assert.equal(s(lfeIo("print1", 2)(read("#(1 2)"), 1)), "#(...)");
  assert.equal(s(lfeIo("prettyprint1", 1)(read('("abc" #M(a 1))'))), '("abc" #M(a 1))');
  assert.equal(s(lfeIo("prettyprint1", 4)(seq40, 5, 3, 40)), "(1 2 3 4 ...)");
});

Deno.test("lfe_io:format raises badarg for ~a, modifiers and missing arguments", async () => {
  freshNode();
  const reasons: Term[] = [];
  await run(function* () {
    for (const f of ["~a", "~tp", "~p~p"]) {
      try {
        yield* lfeIo("format", 2)(charlist(f), list("foo"));
      } catch (e) {
        reasons.push(caught(e).reason);
      }
    }
  });
  assert.deepEqual(reasons, ["badarg", "badarg", "badarg"]);
});
