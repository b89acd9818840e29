import assert from "node:assert/strict";
import { formatToString } from "../../../lfe/builtins/format.ts";
import { readAll } from "../../../lfe/reader.ts";
import { ErlangError } from "../../../runtime/errors.ts";
import { binary, charlist, float, list, Pid, type Term, TermMap } from "../../../runtime/terms.ts";

// Each case: a format, its arguments as LFE text, and what Erlang/OTP 25 and LFE 2.2.1 gave.
const CASES = new URL("./format_cases.txt", import.meta.url);

function run(format: Term, args: Term, style: "erlang" | "lfe"): string | null {
  try {
    return formatToString(format, args, style);
  } catch (e) {
    if (e instanceof ErlangError && e.reason === "badarg") return null;
    throw e;
  }
}

Deno.test("formatToString() writes what io_lib:format and lfe_io:format1 wrote, case by case", async () => {
  const lines = (await Deno.readTextFile(CASES)).split("\n");
  let n = 0;
  for (const line of lines) {
    if (line === "" || line.startsWith("#")) continue;
    const [format, argsText, erl, lfe] = JSON.parse(line) as [string, string, string, string];
    const args = readAll(argsText)[0] as Term;
    const label = `${JSON.stringify(format)} ${argsText}`;
    assert.equal(run(charlist(format), args, "erlang"), erl, `erlang: ${label}`);
    assert.equal(run(charlist(format), args, "lfe"), lfe, `lfe: ${label}`);
    n++;
  }
  assert.ok(n > 300, `${n} cases`);
});

Deno.test("pids print as <0.41.0> in both styles", () => {
  const pid = new Pid("nonode@nohost", 41, 0, 0);
  const args = list(["ping", pid]);
  assert.equal(
    formatToString(charlist("~p ~w~n"), list(["ping", pid], pid), "erlang"),
    "{ping,<0.41.0>} <0.41.0>\n",
  );
  assert.equal(formatToString(charlist("~p~n"), args, "lfe"), "#(ping <0.41.0>)\n");
});

Deno.test("the seed's lfe_io:format calls write their text", () => {
  assert.equal(
    formatToString(charlist("Pong received ping~n"), null, "lfe"),
    "Pong received ping\n",
  );
  assert.equal(formatToString(charlist("Ping finished~n"), null, "erlang"), "Ping finished\n");
});

Deno.test("a format may be a binary, and in Erlang an atom", () => {
  assert.equal(formatToString(binary("x=~w~n"), list(1), "lfe"), "x=1\n");
  assert.equal(formatToString("hello~n", null, "erlang"), "hello\n");
  assert.equal(run("hello~n", null, "lfe"), null);
  // A binary format is read byte by byte, as binary_to_list/1 does.
  assert.equal(formatToString(binary("é~n"), null, "erlang"), "\u00c3\u00a9\n");
});

Deno.test("bad formats and wrong arguments raise badarg", () => {
  const bad = [
    ["~d", list(1)],
    ["~p", null],
    ["~p", list(1, 2)],
    ["~a", list("foo")],
    ["~", null],
    ["~f", list(1)],
    ["~s", list(1)],
    ["~-10p", list(1)],
    ["~p", "notalist"],
  ] as const;
  for (const [f, a] of bad) {
    for (const style of ["erlang", "lfe"] as const) {
      assert.throws(
        () => formatToString(charlist(f), a as Term, style),
        (e: unknown) => e instanceof ErlangError && e.reason === "badarg",
        `${style} ${f}`,
      );
    }
  }
});

Deno.test("LFE prints structs as #S(...), breaking lines as lfe_io_pretty does", () => {
  const long = list(
    "aaaaaaaaaaaa",
    "bbbbbbbbbbbbbbbb",
    "cccccccccccccc",
    "dddddddddddddd",
    "eeeeeeeeeeeeeee",
    "fffffffffff",
  );
  const s = new TermMap([["__struct__", "mystruct"], ["a", long], ["b", 2]]);
  assert.equal(
    formatToString(charlist("abc: ~p~n"), list(s), "lfe"),
    "abc: #S(mystruct\n        a\n          (aaaaaaaaaaaa bbbbbbbbbbbbbbbb cccccccccccccc\n" +
      "           dddddddddddddd eeeeeeeeeeeeeee fffffffffff)\n        b 2)\n",
  );
  assert.equal(
    formatToString(charlist("~p"), list(s), "erlang"),
    "#{'__struct__' => mystruct,\n  a =>\n      [aaaaaaaaaaaa,bbbbbbbbbbbbbbbb,cccccccccccccc," +
      "dddddddddddddd,\n       eeeeeeeeeeeeeee,fffffffffff],\n  b => 2}",
  );
});

Deno.test("floats in ~e, ~f and ~g forms, Erlang signing -0.0 and LFE not", () => {
  const args = list(float(-0.0), float(-0.0), float(2.675), float(1e-5));
  assert.equal(
    formatToString(charlist("~f ~e ~.2f ~g"), args, "erlang"),
    "-0.000000 -0.00000e+0 2.67 1.00000e-5",
  );
  assert.equal(
    formatToString(charlist("~f ~e ~.2f ~g"), args, "lfe"),
    "0.000000 0.00000e+0 2.67 1.00000e-5",
  );
});
