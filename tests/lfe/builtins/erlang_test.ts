import assert from "node:assert/strict";
import { ERLANG } from "../../../lfe/builtins/erlang.ts";
import { binary, charlist, float, funInfo, type Term } from "../../../runtime/terms.ts";
import { fn, is, raises, t } from "./_check.ts";

const e = (key: string) => fn(ERLANG, key);
const BIG = 2n ** 70n;

Deno.test("the operators under their Erlang names", () => {
  is(e("+/2")(1, float(1)), "2.0");
  is(e("//2")(4, 2), "2.0");
  is(e("div/2")(7, 2), 3);
  is(e("rem/2")(-7, 2), -1);
  is(e("-/1")(BIG), -BIG);
  is(e("=:=/2")(1, float(1)), false);
  is(e("==/2")(1, float(1)), true);
  is(e("/=/2")(1, 2), true);
  is(e("=/=/2")(1, float(1)), true);
  is(e("=</2")(1, float(1)), true);
  is(e("bsl/2")(1, 70), BIG);
  is(e("++/2")(t("(1 2)"), t("(3)")), "(1 2 3)");
  is(e("--/2")(t("(1 2 1 3)"), t("(1 3 4)")), "(2 1)");
  raises(() => e("++/2")(t("(1 . 2)"), null), "badarg");
});

Deno.test("the boolean operators take booleans only", () => {
  is(e("and/2")(true, false), false);
  is(e("xor/2")(true, false), true);
  is(e("not/1")(false), true);
  raises(() => e("and/2")(true, 1), "badarg");
  raises(() => e("and/2")(false, 1), "badarg"); // both operands are checked
  raises(() => e("or/2")(true, 1), "badarg");
  raises(() => e("not/1")(1), "badarg");
});

Deno.test("the names carry the arity of their keys", () => {
  assert.deepEqual(funInfo(e("is_function/2")), {
    module: "erlang",
    name: "is_function",
    arity: 2,
  });
  assert.deepEqual(funInfo(e("-/1")), { module: "erlang", name: "-", arity: 1 });
  assert.deepEqual(funInfo(e("/=/2")), { module: "erlang", name: "/=", arity: 2 });
});

Deno.test("number BIFs: float, round, trunc, floor, ceil, min, max", () => {
  is(e("float/1")(3), "3.0");
  is(e("float/1")(2n ** 60n), float(1152921504606846976));
  raises(() => e("float/1")("a"), "badarg");
  raises(() => e("float/1")(2n ** 2000n), "badarg");
  is(e("round/1")(float(2.5)), 3);
  is(e("round/1")(float(-2.5)), -3);
  is(e("round/1")(float(1e20)), 100000000000000000000n);
  is(e("round/1")(float(1e30)), 1000000000000000019884624838656n);
  is(e("trunc/1")(float(-2.7)), -2);
  is(e("floor/1")(float(-2.5)), -3);
  is(e("ceil/1")(float(-2.5)), -2);
  is(e("floor/1")(3), 3);
  is(e("trunc/1")(BIG), BIG);
  raises(() => e("round/1")("a"), "badarg");
  is(e("min/2")(1, float(1)), 1);
  is(e("min/2")(float(1), 1), "1.0");
  is(e("max/2")(1, float(1)), 1);
  is(e("min/2")("a", 1), 1);
  is(e("max/2")(charlist("a"), binary("a")), '#"a"');
  is(e("abs/1")(float(-3.5)), "3.5");
});

Deno.test("tuples and lists: element, setelement, sizes, hd, tl", () => {
  const tup = t("#(a b)");
  is(e("element/2")(2, tup), "b");
  for (const n of [0, 3, "a"]) raises(() => e("element/2")(n, tup), "badarg");
  raises(() => e("element/2")(1, t("(a)")), "badarg");
  is(e("setelement/3")(1, tup, "z"), "#(z b)");
  is(tup, "#(a b)"); // unchanged
  raises(() => e("setelement/3")(3, tup, "z"), "badarg");
  is(e("tuple_size/1")(t("#()")), 0);
  raises(() => e("tuple_size/1")(null), "badarg");
  is(e("size/1")(tup), 2);
  is(e("size/1")(binary("abc")), 3);
  raises(() => e("size/1")(t("(1)")), "badarg");
  is(e("length/1")(t("(1 2 3)")), 3);
  raises(() => e("length/1")(t("(1 . 2)")), "badarg");
  raises(() => e("length/1")("a"), "badarg");
  is(e("hd/1")(t("(1 2)")), 1);
  is(e("tl/1")(t("(1 . 2)")), 2);
  raises(() => e("hd/1")(null), "badarg");
  raises(() => e("tl/1")(null), "badarg");
  is(e("tuple_to_list/1")(tup), "(a b)");
  is(e("list_to_tuple/1")(t("(1 2)")), "#(1 2)");
  raises(() => e("list_to_tuple/1")(t("(1 . 2)")), "badarg");
  raises(() => e("tuple_to_list/1")("a"), "badarg");
});

Deno.test("atoms to and from text", () => {
  is(e("atom_to_list/1")(true), '"true"');
  raises(() => e("atom_to_list/1")(charlist("a")), "badarg");
  is(e("list_to_atom/1")(charlist("ab")), "ab");
  is(e("list_to_atom/1")(null), "||");
  is(e("list_to_atom/1")(charlist("true")), true);
  is(e("list_to_atom/1")(t("(256)")), "\u0100");
  raises(() => e("list_to_atom/1")(t("(1 . a)")), "badarg");
  raises(() => e("list_to_atom/1")(t("(-1)")), "badarg");
  raises(() => e("list_to_atom/1")(t("(55296)")), "badarg"); // a surrogate
  raises(() => e("list_to_atom/1")(charlist("a".repeat(256))), "system_limit");
  is(e("list_to_existing_atom/1")(charlist("ok")), "ok");
  is(e("atom_to_binary/1")("é"), binary([195, 169]));
  is(e("atom_to_binary/2")("é", "latin1"), binary([233]));
  raises(() => e("atom_to_binary/2")("\u0101", "latin1"), "badarg");
  raises(() => e("atom_to_binary/2")("ok", "utf16"), "badarg");
  is(e("binary_to_atom/1")(binary("ok")), "ok");
  is(e("binary_to_atom/2")(binary([233]), "latin1"), "é");
  is(e("binary_to_atom/2")(binary("é"), "unicode"), "é");
  raises(() => e("binary_to_atom/2")(binary([233]), "utf8"), "badarg");
  raises(() => e("binary_to_atom/1")(charlist("ab")), "badarg");
});

Deno.test("integers to and from text, in any base from 2 to 36", () => {
  is(e("integer_to_list/1")(123), '"123"');
  is(e("integer_to_list/2")(-255, 16), '"-FF"');
  is(e("integer_to_list/2")(255, 36), '"73"');
  is(e("integer_to_list/1")(BIG), '"1180591620717411303424"');
  for (const b of [1, 37]) raises(() => e("integer_to_list/2")(255, b), "badarg");
  raises(() => e("integer_to_list/1")(float(1)), "badarg");
  is(e("list_to_integer/1")(charlist("-12")), -12);
  is(e("list_to_integer/1")(charlist("+12")), 12);
  is(e("list_to_integer/2")(charlist("ff"), 16), 255);
  is(e("list_to_integer/2")(charlist("-zz"), 36), -1295);
  is(
    e("list_to_integer/1")(charlist("123456789012345678901234567890")),
    t("123456789012345678901234567890"),
  );
  is(e("list_to_integer/2")(charlist("1".repeat(60)), 2), 2n ** 60n - 1n);
  for (const s of ["12a", "", "-", " 12", "1_000"]) {
    raises(() => e("list_to_integer/1")(charlist(s)), "badarg");
  }
  raises(() => e("list_to_integer/2")(charlist("2"), 2), "badarg");
  raises(() => e("list_to_integer/2")(charlist("12"), 37), "badarg");
  is(e("integer_to_binary/2")(255, 16), '#"FF"');
  is(e("binary_to_integer/1")(binary("+7")), 7);
  raises(() => e("binary_to_integer/1")(binary("4.2")), "badarg");
});

Deno.test("floats to and from text, as float_to_list/1 and list_to_float/1 write and read", () => {
  is(e("float_to_list/1")(float(2)), '"2.00000000000000000000e+00"');
  is(e("float_to_list/1")(float(0.1)), '"1.00000000000000005551e-01"');
  is(e("float_to_list/1")(float(-1.5e300)), '"-1.50000000000000007876e+300"');
  is(e("float_to_list/1")(float(123.456)), '"1.23456000000000003070e+02"');
  is(e("float_to_list/1")(float(1e-310)), '"9.99999999999996944933e-311"');
  raises(() => e("float_to_list/1")(1), "badarg");
  is(e("list_to_float/1")(charlist("2.0e3")), "2000.0");
  is(e("list_to_float/1")(charlist("2.0E+3")), "2000.0");
  is(e("list_to_float/1")(charlist("+2.5")), "2.5");
  is(e("list_to_float/1")(charlist("-0.0")), "-0.0");
  is(e("list_to_float/1")(charlist("01.50")), "1.5");
  is(e("list_to_float/1")(charlist("1.0e-400")), "0.0");
  for (const s of ["2", "2.e3", ".5", "2.5 ", "1.0e400", "1e5", "1.5e3x"]) {
    raises(() => e("list_to_float/1")(charlist(s)), "badarg");
  }
});

Deno.test("binaries, io lists and terms as bytes", () => {
  is(e("list_to_binary/1")(t('(1 (2 #B(3)) "ab" . #B(4))')), "#B(1 2 3 97 98 4)");
  for (const x of ["(256)", "(-1)", "#B(1)", "a", "(a)"]) {
    raises(() => e("list_to_binary/1")(t(x)), "badarg");
  }
  is(e("binary_to_list/1")(binary([1, 2])), "(1 2)");
  raises(() => e("binary_to_list/1")("a"), "badarg");
  is(e("iolist_to_binary/1")(binary([1, 2])), "#B(1 2)");
  is(e("iolist_to_binary/1")(t("(#B(1 2) 3 . #B(4))")), "#B(1 2 3 4)");
  is(e("iolist_size/1")(t("(#B(1 2) 3 . #B(4))")), 4);
  raises(() => e("iolist_size/1")(t("(1 . a)")), "badarg");
  is(e("byte_size/1")(binary([1, 2])), 2);
  raises(() => e("byte_size/1")("a"), "badarg");
  const term = t('#(ping (1 2.0 #"x") #M(a 1))');
  is(e("binary_to_term/1")(e("term_to_binary/1")(term)), term);
  raises(() => e("binary_to_term/1")(binary([0xff, 2])), "badarg");
});

Deno.test("type tests under their Erlang names", () => {
  const results: Term[] = [
    e("is_atom/1")("a"),
    e("is_integer/1")(BIG),
    e("is_float/1")(1),
    e("is_number/1")(float(1)),
    e("is_list/1")(null),
    e("is_tuple/1")(null),
    e("is_binary/1")(binary("")),
    e("is_map/1")(t("#M()")),
    e("is_boolean/1")(false),
    e("is_function/1")(e("self/0")),
    e("is_function/2")(e("self/0"), 0),
  ];
  is(results as Term, "#(true true false true true false true true true true true)");
});
