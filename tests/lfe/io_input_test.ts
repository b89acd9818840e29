/**
 * Input under -noshell, as OTP's `user` reads standard input: io:get_line, get_chars, read
 * (terms over lines, a syntax error in erl_parse's words), fread, columns (no terminal), a raw
 * io:request, each byte one character, and eof at the end. The expected output of `rd` and `fr` is what
 * `erl -noshell` with LFE 2.2 printed for the same program and input; `rd2`'s follows the rule
 * erl showed for its bytes (one character each, also after `{encoding, unicode}`).
 */

import assert from "node:assert/strict";
import { runDenoWithInput } from "../_run.ts";

const PROGRAMS: Record<string, string> = {
  rd: `(defmodule rd (export (main 0)))
(defun p (x) (io:format "~p~n" (list x)))
(defun main ()
  (p (io:get_line "line> "))
  (p (io:get_chars "chars> " 3))
  (p (io:get_line ""))
  (p (io:read "term> "))
  (p (io:read "term> "))
  (p (io:read 'more>))
  (p (io:columns))
  (p (io:get_line "last> "))
  (p (io:get_line "after> ")))
`,
  rd2: `(defmodule rd2 (export (main 0)))
(defun p (x) (io:format "~w~n" (list x)))
(defun main ()
  (p (io:get_line ""))
  (io:setopts '(#(encoding unicode)))
  (p (io:get_line ""))
  (p (io:get_line ""))
  (p (io:get_chars "" 2))
  (p (io:request (tuple 'get_line 'unicode "")))
  (p (io:get_line "")))
`,
  se: `(defmodule se (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (io:scan_erl_exprs '|> |)))
  (io:format "~p~n" (list (io:scan_erl_form 'standard_io '|> | #(1 1))))
  (io:format "~p~n" (list (io:scan_erl_exprs 'standard_io "" 7)))
  (io:format "~p~n" (list (io:scan_erl_exprs ""))))
`,
  pe: `(defmodule pe (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (io:parse_erl_exprs '|> |)))
  (io:format "~p~n" (list (io:parse_erl_form 'standard_io '|> | #(1 1))))
  (io:format "~p~n" (list (io:parse_erl_exprs 'standard_io "" 7)))
  (io:format "~p~n" (list (io:parse_erl_form 'standard_io "" 7 '())))
  (io:format "~p~n" (list (io:parse_erl_exprs ""))))
`,
  pw: `(defmodule pw (export (main 0)))
(defun main ()
  (io:format "~p~n" (list (io:get_password)))
  (io:format "~p~n" (list (io:get_line ""))))
`,
  fr: `(defmodule fr (export (main 0)))
(defun p (x) (io:format "~w~n" (list x)))
(defun main ()
  (p (io:fread "n> " "~d ~s"))
  (p (io:fread "n> " "~d"))
  (p (io:fread "n> " "~d")))
`,
};

async function run(name: string, input: string): Promise<string> {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/${name}.lfe`, PROGRAMS[name] as string);
    const r = await runDenoWithInput(
      [
        "run",
        "--allow-all",
        "main.ts",
        "-noshell",
        "-pa",
        dir,
        "-eval",
        `(${name}:main)`,
        "-eval",
        "(init:stop)",
      ],
      input,
    );
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("-noshell input: lines, characters and terms from standard input, as OTP's user gives them", async () => {
  const out = await run("rd", 'hello world\nabcdef\n{a, [1,2],\n "s"}.\nfoo bar.\n');
  assert.equal(
    out,
    [
      'line> "hello world\\n"',
      'chars> "abc"',
      '"def\\n"',
      'term> {ok,{a,[1,2],"s"}}',
      'term> {error,{1,erl_parse,["syntax error before: ","bar"]}}',
      "more>eof",
      "{error,enotsup}",
      "last> eof",
      "after> eof",
      "",
    ].join("\n"),
  );
});

Deno.test("-noshell input: io:fread reads by its format, line after line, to eof", async () => {
  const out = await run("fr", "12 abc\nxyz\n");
  assert.equal(
    out,
    ["n> {ok,[12,[97,98,99]]}", "n> {error,{fread,integer}}", "n> eof", ""].join("\n"),
  );
});

Deno.test("-noshell input: each byte is one character, whatever the encoding", async () => {
  const out = await run("rd2", "\u00c3\u00a9a\n\u00c3\u00a9b\nxyz\nq\u00c3\u00a9\nlast");
  assert.equal(
    out,
    [
      "[195,131,194,169,97,10]",
      "[195,131,194,169,98,10]",
      "[120,121,122,10]",
      "[113,195]",
      "[131,194,169,10]",
      "[108,97,115,116]",
      "",
    ].join("\n"),
  );
});

Deno.test("-noshell input: io:get_password is refused when standard input is no terminal, as erl refuses it", async () => {
  const out = await run("pw", "secret\nnext\n");
  assert.equal(out, ["{error,{request,{get_password,unicode}}}", '"secret\\n"', ""].join("\n"));
});

Deno.test("-noshell input: io:scan_erl_exprs and scan_erl_form read Erlang tokens to a dot, as erl reads them", async () => {
  const out = await run("se", 'foo(X, Y) ->\n  X + Y.\n"unterminated\n. a b.\n1 2 3');
  assert.equal(
    out,
    [
      "> {ok,[{atom,1,foo},",
      "     {'(',1},",
      "     {var,1,'X'},",
      "     {',',1},",
      "     {var,1,'Y'},",
      "     {')',1},",
      "     {'->',1},",
      "     {var,2,'X'},",
      "     {'+',2},",
      "     {var,2,'Y'},",
      "     {dot,2}],",
      "    3}",
      '> {error,{{1,1},erl_scan,{string,34,"unterminated\\n. a"}},{3,6}}',
      "eof",
      "eof",
      "",
    ].join("\n"),
  );
});

Deno.test("-noshell input: io:parse_erl_exprs and parse_erl_form read and parse Erlang, as erl does", async () => {
  const out = await run(
    "pe",
    "X = 1 + f(Y),\n  [a|T].\nfoo(X) -> X;\nfoo(_) -> none.\n1 + .\n-module(m).\n",
  );
  assert.equal(
    out,
    [
      "> {ok,[{match,1,",
      "            {var,1,'X'},",
      "            {op,1,'+',{integer,1,1},{call,1,{atom,1,f},[{var,1,'Y'}]}}},",
      "     {cons,2,{atom,2,a},{var,2,'T'}}],",
      "    3}",
      "> {ok,{function,{1,1},",
      "              foo,1,",
      "              [{clause,{1,1},[{var,{1,5},'X'}],[],[{var,{1,11},'X'}]},",
      "               {clause,{2,1},[{var,{2,5},'_'}],[],[{atom,{2,11},none}]}]},",
      "    {3,1}}",
      '{error,{7,erl_parse,["syntax error before: ","\'.\'"]},8}',
      "{ok,{attribute,7,module,m},8}",
      "eof",
      "",
    ].join("\n"),
  );
});
