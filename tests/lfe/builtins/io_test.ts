import assert from "node:assert/strict";
import { ioRequest } from "../../../lfe/builtins/io.ts";
import { registerIoBuiltins } from "../../../lfe/builtins/io_mods.ts";
import {
  $,
  caught,
  charlist,
  charlistToString,
  findFunction,
  float,
  groupLeaderBody,
  iodataToString,
  list,
  on,
  type Pid,
  receive,
  run,
  self,
  send,
  sleep,
  spawn,
  type Term,
} from "../../../runtime/mod.ts";
import { freshNode } from "../../runtime/_node.ts";

registerIoBuiltins();

// deno-lint-ignore no-explicit-any
function fn(module: string, name: string, arity: number): (...args: any[]) => any {
  const f = findFunction(module, name, arity);
  assert.ok(f !== undefined, `${module}:${name}/${arity}`);
  return f;
}

/** Runs `body` in a process of a fresh node; returns what the node's group leader wrote. */
async function output(body: () => Generator<unknown, void, unknown>): Promise<string> {
  const t = freshNode();
  const reason = await run(body);
  assert.equal(reason, "normal");
  return t.text();
}

/** The reason of the exception `body` raises, run in a process. */
async function raised(body: () => Generator<unknown, unknown, unknown>): Promise<Term> {
  freshNode();
  let reason: Term = "none";
  await run(function* () {
    try {
      yield* body();
    } catch (e) {
      reason = caught(e).reason;
    }
  });
  return reason;
}

Deno.test("io:format writes Erlang syntax through the group leader and returns ok", async () => {
  const results: Term[] = [];
  const text = await output(function* () {
    const args = list(["ping", self()], charlist("abc"), float(2.25));
    results.push(yield* fn("io", "format", 2)(charlist("~p ~s ~.1f~n"), args));
    results.push(yield* fn("io", "format", 1)(charlist("plain~n")));
    results.push(yield* fn("io", "fwrite", 2)(charlist("~w|~-4s|~n"), list("x", "ab")));
  });
  assert.match(text, /^\{ping,<0\.\d+\.0>\} abc 2\.3\nplain\nx\|ab {2}\|\n$/);
  assert.deepEqual(results, ["ok", "ok", "ok"]);
});

Deno.test("io:put_chars, nl and write", async () => {
  const text = await output(function* () {
    yield* fn("io", "put_chars", 1)(list(charlist("ab"), new TextEncoder().encode("cd")));
    yield* fn("io", "nl", 0)();
    yield* fn("io", "write", 1)(list(charlist("abc"), ["a b", 1]));
    yield* fn("io", "put_chars", 2)("standard_io", charlist("\u03b1\n"));
  });
  assert.equal(text, "abcd\n[[97,98,99],{'a b',1}]\u03b1\n");
});

Deno.test("io:format/3 writes to standard_io, user, or a device's pid", async () => {
  const captured: string[] = [];
  const text = await output(function* () {
    const device = spawn(groupLeaderBody, (s: string) => captured.push(s));
    yield* fn("io", "format", 3)("standard_io", charlist("one~n"), null);
    yield* fn("io", "format", 3)("user", charlist("two~n"), null);
    yield* fn("io", "format", 3)(device, charlist("three ~w~n"), list(3));
  });
  assert.equal(text, "one\ntwo\n");
  assert.deepEqual(captured, ["three 3\n"]);
});

Deno.test("io errors: a bad format is badarg, an unknown device badarg, a dead one terminated", async () => {
  assert.equal(await raised(() => fn("io", "format", 2)(charlist("~d"), list(1))), "badarg");
  assert.equal(await raised(() => fn("io", "format", 1)(charlist("~p~n"))), "badarg");
  assert.equal(
    await raised(() => fn("io", "format", 3)("nosuchdevice", charlist("x"), null)),
    "badarg",
  );
  assert.equal(await raised(() => fn("io", "put_chars", 1)("atom")), "badarg");
  const dead = await raised(function* () {
    const pid = spawn(function* () {});
    yield* sleep(5);
    return yield* fn("io", "format", 3)(pid, charlist("x"), null);
  });
  assert.equal(dead, "terminated");
});

Deno.test("io:get_line is an io request to the device, which answers it", async () => {
  let line: Term = null;
  await output(function* () {
    const device = spawn(function* () {
      const [from, ref, prompt] = yield* receive(
        on(
          ["io_request", $("from"), $("ref"), ["get_line", "unicode", $("p")]],
          (b) => [b.from, b.ref, b.p],
        ),
      );
      send(from as Pid, [
        "io_reply",
        ref as Term,
        charlist(`${charlistToString(prompt as Term)}hello\n`),
      ]);
    });
    line = yield* fn("io", "get_line", 2)(device, charlist("> "));
  });
  assert.equal(charlistToString(line), "> hello\n");
});

Deno.test("io_lib formats into character lists", () => {
  const s = (t: Term) => iodataToString(t);
  assert.equal(
    s(fn("io_lib", "format", 2)(charlist("~p-~w"), list(charlist("ab"), charlist("ab")))),
    '"ab"-[97,98]',
  );
  assert.equal(s(fn("io_lib", "write", 1)(["a", "B"])), "{a,'B'}");
  assert.equal(s(fn("io_lib", "write", 2)(list(1, 2, 3, 4, 5, 6), 3)), "[1,2|...]");
  assert.equal(s(fn("io_lib", "print", 1)(["ok", charlist("hello")])), '{ok,"hello"}');
  assert.equal(s(fn("io_lib", "write_atom", 1)("hello world")), "'hello world'");
  assert.equal(fn("io_lib", "printable_list", 1)(charlist("abc\n")), true);
  assert.equal(fn("io_lib", "printable_list", 1)(charlist("\u03b1")), false);
  assert.equal(fn("io_lib", "printable_unicode_list", 1)(charlist("\u03b1")), true);
  assert.throws(() => fn("io_lib", "format", 2)(charlist("~p"), null));
});

// What `erl -noshell -s dev main` wrote on OTP 25 (standard output is a Latin-1 device there),
// as hex bytes, for dev:main/0 doing, in order:
//   S = [955,65,8364], A = list_to_atom([955,97]),
//   io:format("~p ~tp ~w ~tw|", [S,S,S,S]), io:format("~ts|~s|", [S,[233,65]]),
//   io:format("~p ~tp ~w ~tw|", [A,A,A,A]), io:format("~p ~tp|", [<<"λ€A"/utf8>>,<<"é"/utf8>>]),
//   io:put_chars([955,233,<<"é"/utf8>>,$|]),
//   io:request(standard_io, {put_chars,latin1,<<"λ|"/utf8>>}),
//   io:setopts([{encoding,unicode}]),
//   io:format("~ts ~s ~tp ~p|", [S,[233],list_to_atom([955]),list_to_atom([955])]),
//   io:put_chars([955,233,$|]), io:request(standard_io, {put_chars,latin1,<<"λ|"/utf8>>}).
const ERL_DEVICE_BYTES = "5b3935352c36352c383336345d205b3935352c36352c383336345d205b3935352c36" +
  "352c383336345d205b3935352c36352c383336345d7c5c787b3342427d415c787b323041437d7ce9417c275c78" +
  "7b3342427d612720275c787b3342427d612720275c787b3342427d612720275c787b3342427d61277c3c3c3230" +
  "362c3138372c3232362c3133302c3137322c36353e3e203c3c22e9222f757466383e3e7c5c787b3342427de9e9" +
  "7ccebb7ccebb41e282ac20c3a92027cebb2720275c787b3342427d277ccebbc3a97cc38ec2bb7c";

Deno.test("a Latin-1 device writes bytes, and \\x{3BB} beyond 255, until setopts makes it unicode", async () => {
  const bytes: number[] = [];
  const text: string[] = [];
  const getopts: Term[] = [];
  await output(function* () {
    const device = spawn(groupLeaderBody, (s: string) => text.push(s), {
      encoding: "latin1",
      writeBytes: (b: Uint8Array) => bytes.push(...b),
    });
    const s = list(955, 65, 8364);
    const a = "\u03bba";
    const utf8 = (x: string) => new TextEncoder().encode(x);
    const format = (f: string, ...args: Term[]) =>
      fn("io", "format", 3)(device, charlist(f), list(...args));
    yield* format("~p ~tp ~w ~tw|", s, s, s, s);
    yield* format("~ts|~s|", s, list(233, 65));
    yield* format("~p ~tp ~w ~tw|", a, a, a, a);
    yield* format("~p ~tp|", utf8("\u03bb\u20acA"), utf8("\u00e9"));
    yield* fn("io", "put_chars", 2)(device, list(955, 233, utf8("\u00e9"), 124));
    yield* ioRequest(device, ["put_chars", "latin1", utf8("\u03bb|")]);
    getopts.push(yield* fn("io", "getopts", 1)(device));
    assert.equal(yield* fn("io", "setopts", 2)(device, list(["encoding", "unicode"])), "ok");
    getopts.push(yield* fn("io", "getopts", 1)(device));
    yield* format("~ts ~s ~tp ~p|", s, list(233), "\u03bb", "\u03bb");
    yield* fn("io", "put_chars", 2)(device, list(955, 233, 124));
    yield* ioRequest(device, ["put_chars", "latin1", utf8("\u03bb|")]);
    assert.deepEqual(yield* fn("io", "setopts", 2)(device, list("foo")), ["error", "enotsup"]);
  });
  const unicode = new TextEncoder().encode(text.join(""));
  const hex = [...bytes, ...unicode].map((b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(hex, ERL_DEVICE_BYTES);
  assert.deepEqual(getopts, [
    list(["binary", false], ["encoding", "latin1"]),
    list(["binary", false], ["encoding", "unicode"]),
  ]);
});
