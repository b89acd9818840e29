import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { Decoder, Encoder, Tag } from "cbor-x/decode";
import {
  decodeTerm,
  encodeTerm,
  MAX_TERM_DEPTH,
  TERM_TAGS,
  TermDecodeError,
} from "../../runtime/cbor_codec.ts";
import { ErlangError } from "../../runtime/errors.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { printTerm } from "../../runtime/print_term.ts";
import {
  arrayToList,
  binary,
  charlist,
  Cons,
  Float,
  float,
  funInfo,
  list,
  nameFun,
  Pid,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";
import { makeGen } from "./_gen.ts";
import { bitstring } from "../../runtime/bits.ts";

function roundTrip(t: Term): Term {
  return decodeTerm(encodeTerm(t));
}

function assertRoundTrips(t: Term): void {
  const back = roundTrip(t);
  ok(exactEq(t, back), `${printTerm(t)} came back as ${printTerm(back)}`);
}

/** CBOR bytes from numbers and text, to write inputs by hand. */
function cbor(...parts: (number | string)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === "number") out.push(p);
    else {
      const b = new TextEncoder().encode(p);
      if (b.length >= 24) throw new RangeError("Cannot write long text in a test");
      out.push(0x60 | b.length, ...b);
    }
  }
  return Uint8Array.from(out);
}

function tagHead(tag: number): number[] {
  return [0xd9, tag >> 8, tag & 0xff];
}

function assertRefused(bytes: Uint8Array, why: RegExp): void {
  throws(() => decodeTerm(bytes), (e: unknown) => {
    ok(e instanceof TermDecodeError && e instanceof SyntaxError, `${e}`);
    ok(e.message.startsWith("Cannot decode term: "), e.message);
    ok(why.test(e.message), `${e.message} does not match ${why}`);
    return true;
  });
}

Deno.test("decodeTerm() gives back thousands of random terms exactly", () => {
  const gen = makeGen(2024);
  for (let i = 0; i < 5000; i++) assertRoundTrips(gen.term());
});

Deno.test("decodeTerm() gives back a float as a float: 2.0 stays 2.0, -0.0 stays -0.0", () => {
  for (const x of [2, -2, 0.1, 1e300, -1e300, 5e-324, 1.7976931348623157e308, 2 ** 53, 0.5]) {
    const back = roundTrip(float(x));
    ok(back instanceof Float && back.value === x, `${x}`);
  }
  const zero = roundTrip(float(-0));
  ok(zero instanceof Float && Object.is(zero.value, -0));
});

Deno.test("decodeTerm() gives back integers of every size, as numbers while they are safe", () => {
  const ints: Term[] = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -1, -24, -25];
  ints.push(-(2 ** 32), -(2 ** 32) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  ints.push(2n ** 53n, -(2n ** 53n), 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n), -(2n ** 64n) - 1n);
  ints.push(2n ** 200n + 7n, -(3n ** 300n));
  for (const n of ints) {
    const back = roundTrip(n);
    strictEqual(back, n);
  }
  // A bigint within the safe range comes back as the number it should have been.
  strictEqual(roundTrip(5n), 5);
});

Deno.test("decodeTerm() gives back strings, and lists of integers that are not characters", () => {
  strictEqual(roundTrip(charlist("")), null);
  for (const s of ["abc", "é", "😀 and \u{10ffff}", "a\u0000b"]) assertRoundTrips(charlist(s));
  for (
    const l of [list(0xd800), list(0x110000), list(-1), list(97, 0xdfff, 98), list(1, float(2))]
  ) {
    assertRoundTrips(l);
  }
  assertRoundTrips(arrayToList([97, 98], 99));
  assertRoundTrips(new Cons("a", binary([1])));
});

Deno.test("decodeTerm() gives back atoms, tuples, binaries, maps, pids and references", () => {
  assertRoundTrips(["", "ünïcödé", true, false, "nil", [], [[]], binary([]), binary([0, 255])]);
  assertRoundTrips(
    new TermMap([[["k", list(1)], 1], [new TermMap([["a", 1]]), 2], [float(0), 3], [float(-0), 4]]),
  );
  assertRoundTrips(new Pid("ünï@host", 41, 256, 3));
  assertRoundTrips(new Ref("a@host", 2, [3712406428, 2390491137, 95013]));
});

Deno.test("decodeTerm() gives back bitstrings that are not whole bytes, on both paths", () => {
  const b12 = bitstring(Uint8Array.of(1, 0x20), 12);
  // BITS on [12, h'0120'].
  const bytes = cbor(...tagHead(TERM_TAGS.BITS), 0x82, 0x0c, 0x42, 0x01, 0x20);
  deepStrictEqual(encodeTerm(b12), bytes);
  ok(exactEq(decodeTerm(bytes), b12));
  // In a tuple the fast path reads it; in a map, the careful one.
  assertRoundTrips(["a", b12, bitstring(new Uint8Array(300).fill(255), 2399)]);
  assertRoundTrips(new TermMap([[b12, bitstring(Uint8Array.of(0x80), 1)]]));
  // Bits past the last one used are cleared, so equal bitstrings stay equal.
  ok(exactEq(decodeTerm(cbor(...tagHead(TERM_TAGS.BITS), 0x82, 0x0c, 0x42, 0x01, 0x2f)), b12));
  assertRefused(cbor(...tagHead(TERM_TAGS.BITS), 0x82, 0x10, 0x42, 0x01, 0x20), /16 bits/);
  assertRefused(cbor(...tagHead(TERM_TAGS.BITS), 0x82, 0x0c, 0x41, 0x01), /12 bits/);
  assertRefused(cbor(...tagHead(TERM_TAGS.BITS), 0x81, 0x0c), /2 fields/);
});

Deno.test("encodeTerm() writes standard CBOR: our tags only where CBOR lacks the kind", () => {
  deepStrictEqual(encodeTerm("ok"), cbor("ok"));
  deepStrictEqual(encodeTerm([true, false, null, 1, -1]), cbor(0x85, 0xf5, 0xf4, 0xf6, 0x01, 0x20));
  deepStrictEqual(encodeTerm(float(2)), cbor(...tagHead(TERM_TAGS.FLOAT), 0xfa, 0x40, 0, 0, 0));
  deepStrictEqual(encodeTerm(charlist("hi")), cbor(...tagHead(TERM_TAGS.LIST), "hi"));
  deepStrictEqual(encodeTerm(binary([7])), cbor(0x41, 0x07));
  deepStrictEqual(encodeTerm(2n ** 64n), cbor(0xc2, 0x49, 1, 0, 0, 0, 0, 0, 0, 0, 0));
});

Deno.test("encodeTerm() output reads with cbor-x, an independent CBOR decoder", () => {
  const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });
  deepStrictEqual(decoder.decode(encodeTerm(["ok", 1, binary([1, 2]), null, true, 2n ** 70n])), [
    "ok",
    1,
    Uint8Array.from([1, 2]),
    null,
    true,
    2n ** 70n,
  ]);
  const f = decoder.decode(encodeTerm(float(2.5)));
  ok(f instanceof Tag && f.tag === TERM_TAGS.FLOAT && f.value === 2.5);
  const gen = makeGen(99);
  for (let i = 0; i < 1000; i++) decoder.decode(encodeTerm(gen.term()));
});

Deno.test("decodeTerm() reads plain values that cbor-x writes", () => {
  const encoder = new Encoder({ useRecords: false, tagUint8Array: false });
  const plain = ["a", 1, -300, 70000, [true, null], Uint8Array.from([1, 2]), 2n ** 64n, ""];
  deepStrictEqual(decodeTerm(encoder.encode(plain)), plain);
});

Deno.test("decodeTerm() gives back the very fun that was encoded in this isolate", () => {
  const f = nameFun((x: number) => x + 1, { module: "m", name: "inc", arity: 1 });
  strictEqual(roundTrip(f), f);
  const back = roundTrip(["call", f]) as Term[];
  strictEqual(back[1], f);
});

Deno.test("decodeTerm() turns a fun of another isolate into one that throws badfun", () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  const head = [...tagHead(TERM_TAGS.FUN), 0x85];
  const text = (s: string) => [0x78, s.length, ...new TextEncoder().encode(s)];
  const bytes = Uint8Array.from([...head, ...cbor("lists", "map"), 0x02, ...text(uuid), 0x07]);
  const stub = decodeTerm(bytes) as () => unknown;
  strictEqual(typeof stub, "function");
  deepStrictEqual(funInfo(stub), { module: "lists", name: "map", arity: 2 });
  throws(() => stub(), (e: unknown) => {
    const r = (e as ErlangError).reason as Term[];
    return e instanceof ErlangError && Array.isArray(r) && r[0] === "badfun" && r[1] === stub &&
      /made in another isolate/.test(e.message);
  });
  strictEqual(decodeTerm(bytes), stub, "the same remote fun decodes to the same function");
  deepStrictEqual(encodeTerm(stub), bytes, "it goes on as the fun it stands for");
});

Deno.test("encodeTerm() throws a TypeError that says why a value is not a term", () => {
  const cases: [unknown, RegExp][] = [
    [[undefined], /undefined is not a term/],
    [1.5, /the number 1\.5 is not an integer/],
    [2 ** 60, /beyond 2\^53/],
    [{}, /a Object object is not a term/],
    [list(new Map() as unknown as Term), /a Map object is not a term/],
    [[Symbol("s")], /the symbol Symbol\(s\) is not a term/],
    [list(97, 1.5), /the number 1\.5 is not an integer/],
    [new Pid("a@h", -1, 0, 0), /the pid id -1 is not a non-negative integer/],
    ["\ud800", /lone surrogate/],
  ];
  for (const [value, why] of cases) {
    throws(() => encodeTerm(value as Term), (e: unknown) => {
      ok(e instanceof TypeError && e.message.startsWith("Cannot encode term: "), `${e}`);
      ok(why.test(e.message), `${e.message} does not match ${why}`);
      return true;
    });
  }
});

Deno.test("decodeTerm() refuses empty, truncated and overlong input", () => {
  assertRefused(new Uint8Array(0), /the input ends 1 byte early at byte 0/);
  const bytes = encodeTerm(["msg", list(1, float(2)), new TermMap([["k", binary([1, 2, 3])]])]);
  for (let n = 0; n < bytes.length; n++) assertRefused(bytes.subarray(0, n), /early|exceeds/);
  assertRefused(Uint8Array.from([...bytes, 0]), /1 byte follows the term/);
  assertRefused(cbor(0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), /exceeds the input/);
  assertRefused(cbor(0x9a, 0xff, 0xff, 0xff, 0xff), /exceeds the input/);
});

Deno.test("decodeTerm() refuses CBOR values that are not terms", () => {
  assertRefused(cbor(0xf7), /undefined is not a term/);
  assertRefused(cbor(0xfb, 0x40, 0, 0, 0, 0, 0, 0, 0), /a float outside the float tag/);
  assertRefused(cbor(0xf9, 0x3c, 0x00), /a float outside the float tag/);
  assertRefused(cbor(0xa1, "a", 0x01), /a CBOR map is not a term/);
  assertRefused(cbor(0xe0), /simple value 0/);
  assertRefused(cbor(0x9f, 0xff), /indefinite lengths/);
  assertRefused(cbor(0x7f, 0xff), /indefinite lengths/);
  assertRefused(cbor(0xff), /indefinite lengths/);
  assertRefused(cbor(0x1c), /reserved/);
  assertRefused(cbor(0x62, 0xc3, 0x28), /not valid UTF-8/);
});

Deno.test("decodeTerm() refuses tags it does not use and tags with the wrong content", () => {
  assertRefused(cbor(0xc0, "2024"), /the tag 0 is not one this codec uses/);
  assertRefused(cbor(0xd8, 28, 0x01), /the tag 28/);
  assertRefused(cbor(0xd9, 0xd9, 0xf7, 0x01), /the tag 55799/);
  assertRefused(cbor(0xc2, 0x01), /expected a byte string/);
  const t = TERM_TAGS;
  assertRefused(cbor(...tagHead(t.FLOAT), 0x02), /a float tag must hold a float/);
  assertRefused(cbor(...tagHead(t.FLOAT), 0xf9, 0x7e, 0x00), /not finite/);
  assertRefused(cbor(...tagHead(t.LIST), 0xf6), /non-empty array or text/);
  assertRefused(cbor(...tagHead(t.LIST), 0x80), /non-empty array or text/);
  assertRefused(cbor(...tagHead(t.IMPROPER_LIST), 0x81, 0x01), /an element and a tail/);
  assertRefused(cbor(...tagHead(t.IMPROPER_LIST), 0x82, 0x01, 0xf6), /ends in a list/);
  assertRefused(cbor(...tagHead(t.MAP), 0x83, 0x01, 0x02, 0x03), /as many values as keys/);
  assertRefused(cbor(...tagHead(t.MAP), 0x84, 0x01, 0x02, 0x01, 0x03), /a key twice/);
  assertRefused(cbor(...tagHead(t.PID), 0x83, "a@h", 0x01, 0x02), /a pid needs 4 fields/);
  assertRefused(cbor(...tagHead(t.PID), 0x84, 0x01, 0x01, 0x02, 0x03), /expected a node name/);
  assertRefused(cbor(...tagHead(t.PID), 0x84, "a@h", 0x20, 0x02, 0x03), /expected an id/);
  assertRefused(cbor(...tagHead(t.REF), 0x82, "a@h", 0x01), /a node, a creation and an id/);
  assertRefused(cbor(...tagHead(t.FUN), 0x83, "m", "f", 0x01), /a fun needs 5 fields/);
});

Deno.test("decodeTerm() reads terms nested to the limit and refuses deeper ones without recursing", () => {
  const nested = (n: number) => Uint8Array.from([...new Array(n).fill(0x81), 0x01]);
  let t = decodeTerm(nested(MAX_TERM_DEPTH + 1));
  for (let i = 0; i <= MAX_TERM_DEPTH; i++) t = (t as Term[])[0] as Term;
  strictEqual(t, 1);
  assertRefused(nested(MAX_TERM_DEPTH + 2), /nest deeper than 10000/);
  assertRefused(nested(1_000_000), /nest deeper than 10000/);
  let deep: Term = "x";
  for (let i = 0; i <= MAX_TERM_DEPTH; i++) deep = i % 2 ? [deep] : list(deep);
  assertRoundTrips(deep);
  throws(() => encodeTerm([deep]), /Cannot encode term: it is nested too deeply/);
});

Deno.test("decodeTerm() throws only TermDecodeError on random and mutated bytes", () => {
  const gen = makeGen(31337);
  const valid = Array.from({ length: 200 }, () => encodeTerm(gen.term()));
  for (let i = 0; i < 20_000; i++) {
    let bytes: Uint8Array;
    if (i % 2 === 0) {
      bytes = new Uint8Array(gen.int(40));
      for (let j = 0; j < bytes.length; j++) bytes[j] = gen.int(256);
    } else {
      bytes = (valid[gen.int(valid.length)] as Uint8Array).slice();
      for (let k = 1 + gen.int(3); k > 0 && bytes.length > 0; k--) {
        bytes[gen.int(bytes.length)] = gen.int(256);
      }
    }
    try {
      decodeTerm(bytes);
    } catch (e) {
      ok(e instanceof TermDecodeError, `${e} for ${bytes}`);
    }
  }
});

Deno.test("decodeTerm() copies binaries out of the input and refuses what is not bytes", () => {
  const input = encodeTerm(binary([1, 2, 3]));
  const b = decodeTerm(input) as Uint8Array;
  input.fill(0);
  deepStrictEqual(b, Uint8Array.from([1, 2, 3]));
  throws(() => decodeTerm("abc" as unknown as Uint8Array), TypeError);
});

Deno.test("decodeTerm() gives binaries of their own: reusing the input or decoding more changes none", () => {
  const input = encodeTerm([new Uint8Array(100).fill(1), new Uint8Array(3000).fill(2)]).slice();
  const [small, big] = decodeTerm(input) as [Uint8Array, Uint8Array];
  input.fill(9);
  const again = decodeTerm(encodeTerm(new Uint8Array(100).fill(7))) as Uint8Array;
  ok(small.every((b) => b === 1) && small.length === 100);
  ok(big.every((b) => b === 2) && big.length === 3000);
  ok(again.every((b) => b === 7));
});
