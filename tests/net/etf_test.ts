/**
 * The External Term Format codec: byte for byte against what erl 25 writes with
 * `term_to_binary(T, [{minor_version, 2}])`, round trips of random terms, bad input, and (where
 * `erl` is installed) random terms carried through a real BEAM and back.
 */

import assert from "node:assert/strict";
import { decodeEtf, decodeEtfAt, encodeEtf, EtfEncodeError } from "../../net/etf.ts";
import { TermDecodeError } from "../../runtime/cbor_codec.ts";
import { resolvePlain } from "../../runtime/call.ts";
import { ErlangError } from "../../runtime/errors.ts";
import { registerBuiltins } from "../../lfe/builtins/mod.ts";
import { bitstring } from "../../runtime/bits.ts";
import {
  arrayToList,
  atom,
  charlist,
  Cons,
  float,
  type Fun,
  nameFun,
  Pid,
  Port,
  Ref,
  type Term,
  termKey,
  TermMap,
} from "../../runtime/terms.ts";
import { makeGen } from "../runtime/_gen.ts";
import { onPath } from "./_epmd.ts";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const unhex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const same = (a: Term, b: Term) => termKey(a) === termKey(b);

// Whether a map in `t` has both 0.0 and -0.0 as keys: two keys here, one key to OTP before 27
// (where 0.0 =:= -0.0), so such a map cannot be read there.
function zeroKeysClash(t: Term): boolean {
  if (t instanceof TermMap) {
    return (t.has(float(0)) && t.has(float(-0))) ||
      t.entries().some(([k, v]) => zeroKeysClash(k) || zeroKeysClash(v));
  }
  if (Array.isArray(t)) return t.some(zeroKeysClash);
  if (t instanceof Cons) return zeroKeysClash(t.hd) || zeroKeysClash(t.tl);
  return false;
}

// Each term with the bytes erl 25 writes for it.
const GOLDEN: [Term, string][] = [
  ["ok", "8377026F6B"],
  [true, "83770474727565"],
  ["", "837700"],
  ["ünï", "837705C3BC6EC3AF"],
  ["😀", "837704F09F9880"],
  [0, "836100"],
  [255, "8361FF"],
  [256, "836200000100"],
  [-1, "8362FFFFFFFF"],
  [2147483647, "83627FFFFFFF"],
  [2147483648, "836E040000000080"],
  [-2147483648, "836280000000"],
  [-2147483649, "836E040101000080"],
  [9007199254740991, "836E0700FFFFFFFFFFFF1F"],
  [2n ** 64n, "836E0900000000000000000001"],
  [-(2n ** 64n), "836E0901000000000000000001"],
  [float(1.5), "83463FF8000000000000"],
  [float(-0), "83468000000000000000"],
  [float(2), "83464000000000000000"],
  [float(1e300), "83467E37E43C8800759C"],
  [[], "836800"],
  [["a", 1], "8368027701616101"],
  [null, "836A"],
  [charlist("hello"), "836B000568656C6C6F"],
  [arrayToList([1000, 2]), "836C0000000262000003E861026A"],
  [new Cons("a", "b"), "836C00000001770161770162"],
  [arrayToList([1, 2], 3), "836C00000002610161026103"],
  [new Uint8Array(), "836D00000000"],
  [new Uint8Array([1, 2, 3]), "836D00000003010203"],
  [bitstring(Uint8Array.of(0x80), 1), "834D000000010180"],
  [bitstring(Uint8Array.of(1, 2, 0x30), 20), "834D0000000304010230"],
  [bitstring(Uint8Array.of(0xa0), 3), "834D0000000103A0"],
  [bitstring(Uint8Array.of(255, 255, 254), 23), "834D0000000307FFFFFE"],
  [
    arrayToList([bitstring(Uint8Array.of(0x80), 1), [
      new Uint8Array(),
      bitstring(new Uint8Array(2), 15),
    ]]),
    "836C000000024D00000001018068026D000000004D000000020700006A",
  ],
  [new TermMap(), "837400000000"],
  [
    new TermMap([["a", 1], [["x"], arrayToList(["y"])]]),
    "837400000002770161610168017701786C000000017701796A",
  ],
  [new Pid("a@host", 41, 0, 7), "835877066140686F7374000000290000000000000007"],
  [new Ref("a@host", 7, [1, 2, 3]), "835A000377066140686F737400000007000000010000000200000003"],
  [new Port("a@host", 5, 7), "835977066140686F73740000000500000007"],
  [new Port("a@host", 2 ** 32 + 5, 7), "837877066140686F7374000000010000000500000007"],
];

Deno.test("encodeEtf() writes each kind of term as erl's term_to_binary does", () => {
  for (const [t, bytes] of GOLDEN) {
    assert.equal(hex(encodeEtf(t)).toUpperCase(), bytes, `encoding ${String(t)}`);
  }
});

Deno.test("decodeEtf() reads what erl writes back to the same terms", () => {
  for (const [t, bytes] of GOLDEN) {
    const got = decodeEtf(unhex(bytes));
    assert.ok(same(got, t), `decoding ${bytes}`);
  }
  assert.equal(decodeEtf(unhex("83770474727565")), true);
  assert.equal(decodeEtf(unhex("836E0700FFFFFFFFFFFF1F")), 9007199254740991);
});

Deno.test("encodeEtf() chooses the long forms past their limits, as erl does", () => {
  // list_to_tuple(lists:seq(1, 300)): LARGE_TUPLE_EXT.
  assert.match(hex(encodeEtf(range(1, 300))), /^83690000012c61016102/);
  // lists:seq(1, 70000): too long for STRING_EXT even where the first elements are bytes.
  assert.match(hex(encodeEtf(arrayToList(range(1, 70000)))), /^836c0001117061016102/);
  // 1 bsl 2100: LARGE_BIG_EXT of 263 digits.
  const big = encodeEtf(2n ** 2100n);
  assert.equal(hex(big.subarray(0, 7)), "836f0000010700");
  assert.equal(big.length, 7 + 263);
  // An atom of 300 bytes: ATOM_UTF8_EXT.
  assert.equal(hex(encodeEtf("é".repeat(150)).subarray(0, 4)), "8376012c");
});

Deno.test("the External Term Format carries random terms there and back", () => {
  const gen = makeGen(20261125, { processes: false, maxDepth: 5 });
  for (let i = 0; i < 5000; i++) {
    const t = gen.term();
    const back = decodeEtf(encodeEtf(t));
    assert.ok(same(back, t), `case ${i}`);
  }
});

Deno.test("decodeEtfAt() reads terms one after another, as a distribution message holds them", () => {
  const a = encodeEtf(["send", "", "pong"]), b = encodeEtf(charlist("hi"));
  const both = new Uint8Array([...a, ...b]);
  const first = decodeEtfAt(both, 0);
  assert.deepEqual(first.term, ["send", "", "pong"]);
  assert.equal(first.end, a.length);
  const second = decodeEtfAt(both, first.end);
  assert.ok(same(second.term, charlist("hi")));
  assert.equal(second.end, both.length);
});

Deno.test("decodeEtf() reads the older forms: Latin-1 atoms, FLOAT_EXT, PID_EXT, compressed", () => {
  assert.equal(decodeEtf(unhex("836400026F6B")), "ok");
  assert.equal(decodeEtf(unhex("837302E9E9")), "éé");
  const f = new TextEncoder().encode("1.50000000000000000000e+00".padEnd(31, "\0"));
  assert.ok(same(decodeEtf(new Uint8Array([131, 99, ...f])), float(1.5)));
  const port = decodeEtf(unhex("83667701610000000503"));
  assert.ok(port instanceof Port && port.node === "a" && port.id === 5 && port.creation === 3);
  const pid = decodeEtf(unhex("836764000161000000050000000003"));
  assert.ok(pid instanceof Pid && pid.node === "a" && pid.id === 5 && pid.creation === 3);
  // term_to_binary(lists:duplicate(100, 0), [compressed]) from erl 25.
  const z = decodeEtf(unhex("835000000067789CCB664861A003000052E800D0"));
  assert.ok(same(z, charlist("\0".repeat(100))));
});

Deno.test("decodeEtf() refuses bad input with a TermDecodeError that says what is wrong", () => {
  const bad: [string, RegExp][] = [
    ["", /ends early/],
    ["8277026F6B", /version byte 131/],
    ["8377056F6B", /ends early/],
    ["836C7FFFFFFF6101", /ends early/],
    ["83FF", /Unknown term tag 255/],
    ["8377026F6B00", /1 bytes follow the term/],
    ["83770280FF", /not UTF-8/],
    ["834D000000020001", /bitstring of 2 bytes cannot use 0 bits/],
    ["834D000000020901", /bitstring of 2 bytes cannot use 9 bits/],
    ["834D0000000001", /bitstring of 0 bytes cannot use 1 bits/],
    ["837877016100200000000000000000000000", /port's id is beyond 2\^53/],
    ["8370000000", /only `fun M:F\/A` can cross/],
    ["83467FF0000000000000", /not a float term/],
    ["835000000064789C00", /does not inflate/],
  ];
  for (const [bytes, why] of bad) {
    assert.throws(() => decodeEtf(unhex(bytes)), (e: Error) => {
      assert.ok(e instanceof TermDecodeError, `${bytes}: ${e}`);
      assert.match(e.message, why, bytes);
      return true;
    });
  }
});

Deno.test("decodeEtf() reads a list nested 10,000 deep without overflowing the stack", () => {
  const depth = 9_999;
  const bytes = [131];
  for (let i = 0; i < depth; i++) bytes.push(108, 0, 0, 0, 1);
  bytes.push(106);
  for (let i = 0; i < depth; i++) bytes.push(106);
  let t = decodeEtf(new Uint8Array(bytes));
  let n = 0;
  while (t instanceof Cons) {
    t = t.hd;
    n++;
  }
  assert.equal(n, depth);
  assert.equal(hex(encodeEtf(decodeEtf(new Uint8Array(bytes)))), hex(new Uint8Array(bytes)));
});

Deno.test("encodeEtf() refuses a fun: its code cannot travel to an Erlang node", () => {
  const f = nameFun(() => 1, { module: "m", name: "f", arity: 0 });
  assert.throws(() => encodeEtf(["call", f]), (e: Error) => {
    assert.ok(e instanceof EtfEncodeError);
    assert.match(e.message, /Cannot send the fun #Fun<m\.f\.0> to an Erlang node/);
    return true;
  });
  // The codec is fine afterwards.
  assert.equal(hex(encodeEtf(atom("ok"))), "8377026f6b");
});

Deno.test({
  name: "random terms written here are read by a real BEAM, written back and read here the same",
  ignore: !onPath("erl"),
  async fn() {
    const gen = makeGen(7, { processes: false, maxDepth: 4 });
    const terms: Term[] = [];
    while (terms.length < 2000) {
      const t = gen.term();
      if (!zeroKeysClash(t)) terms.push(t);
    }
    terms.push(new Pid("a@host", 41, 3, 7), new Ref("b@host", 9, [1, 2, 3]));
    const dir = await Deno.makeTempDir();
    try {
      const input = `${dir}/in.hex`, output = `${dir}/out.hex`;
      await Deno.writeTextFile(input, terms.map((t) => hex(encodeEtf(t))).join("\n") + "\n");
      const script = `{ok, B} = file:read_file("${input}"),
        Lines = [L || L <- binary:split(B, <<"\\n">>, [global]), L =/= <<>>],
        Out = [binary:encode_hex(term_to_binary(binary_to_term(binary:decode_hex(L)),
                 [{minor_version, 2}])) || L <- Lines],
        ok = file:write_file("${output}", lists:join("\\n", Out)), halt().`;
      const run = await new Deno.Command("erl", {
        args: ["-noshell", "-eval", script],
        cwd: dir,
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(
        run.code,
        0,
        new TextDecoder().decode(run.stdout) + new TextDecoder().decode(run.stderr),
      );
      const back = (await Deno.readTextFile(output)).split("\n");
      assert.equal(back.length, terms.length);
      for (let i = 0; i < terms.length; i++) {
        assert.ok(same(decodeEtf(unhex(back[i] as string)), terms[i] as Term), `case ${i}`);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("`fun M:F/A` crosses as EXPORT_EXT, byte for byte as erl writes it, and calls by name", () => {
  registerBuiltins();
  const reverse = nameFun((l: Term) => l, {
    module: "lists",
    name: "reverse",
    arity: 1,
    exported: true,
  });
  // term_to_binary(fun lists:reverse/1, [{minor_version, 2}]) from erl 25.
  assert.equal(hex(encodeEtf(reverse)).toUpperCase(), "837177056C697374737707726576657273656101");
  const f = decodeEtf(unhex("837177056C697374737707726576657273656101"));
  assert.equal(typeof f, "function");
  assert.ok(same(resolvePlain((f as Fun)(arrayToList([1, 2, 3]))), arrayToList([3, 2, 1])));
  assert.equal(hex(encodeEtf(f)).toUpperCase(), "837177056C697374737707726576657273656101");
  // A function the code here lacks is undef when called, not when received.
  const g = decodeEtf(encodeEtf(nameFun(() => 1, {
    module: "nosuch",
    name: "f",
    arity: 0,
    exported: true,
  }))) as Fun;
  assert.throws(() => g(), (e: Error) => e instanceof ErlangError && e.reason === "undef");
});
