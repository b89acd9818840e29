import assert from "node:assert/strict";
import * as ops from "../../../lfe/builtins/ops.ts";
import { Float, float, nameFun } from "../../../runtime/terms.ts";
import { is, raises, t } from "./_check.ts";

const BIG = 2n ** 70n; // (bsl 1 70) = 1180591620717411303424

Deno.test("+ - * keep small integers as numbers and overflow into bigints", () => {
  is(ops.add(1, 2), 3);
  is(ops.add(9007199254740991, 1), 9007199254740992n);
  is(ops.sub(-9007199254740991, 1), -9007199254740992n);
  is(ops.mul(4294967296, 4294967296), 18446744073709551616n);
  is(ops.sub(BIG, BIG - 5n), 5); // back to a number when safe
  assert.equal(typeof ops.sub(BIG, BIG - 5n), "number");
  is(ops.add(BIG, -BIG), 0);
  assert.ok(Object.is(ops.mul(0, -5), 0), "no integer -0");
});

Deno.test("a float operand gives a float: (+ 1 1.0) is 2.0", () => {
  is(ops.add(1, float(1)), "2.0");
  is(ops.mul(float(1.5), 2), "3.0");
  is(ops.sub(BIG, float(0)), float(1180591620717411303424));
  is(ops.mul(float(0), -1), "-0.0");
  raises(() => ops.mul(2n ** 1023n, float(2)), "badarith"); // erl: badarith (float overflow)
  raises(() => ops.add(2n ** 1024n, float(1)), "badarith"); // no float holds the integer
  raises(() => ops.mul(float(1e308), 10), "badarith");
});

Deno.test("/ always gives a float; a zero divisor is badarith", () => {
  is(ops.fdiv(4, 2), "2.0");
  is(ops.fdiv(1, 4), "0.25");
  raises(() => ops.fdiv(1, 0), "badarith");
  raises(() => ops.fdiv(float(1), float(0)), "badarith");
  raises(() => ops.fdiv(float(1), 0), "badarith");
  raises(() => ops.fdiv(2n ** 2000n, 2n ** 1999n), "badarith"); // as in erl
});

Deno.test("div and rem truncate toward zero, integers only", () => {
  is(ops.idiv(7, 2), 3);
  is(ops.idiv(-7, 2), -3);
  is(ops.rem(-7, 2), -1);
  is(ops.rem(7, -2), 1);
  assert.ok(Object.is(ops.rem(-4, 2), 0), "no integer -0");
  is(ops.idiv(9007199254740991, 2), 4503599627370495);
  is(ops.idiv(BIG, 3), 393530540239137101141n);
  is(ops.rem(-BIG, 7), -2);
  raises(() => ops.idiv(float(7), 2), "badarith");
  raises(() => ops.idiv(7, 0), "badarith");
  raises(() => ops.rem(7, 0), "badarith");
  raises(() => ops.rem(BIG, 0), "badarith");
});

Deno.test("- of one operand, and abs, which is a BIF and raises badarg", () => {
  is(ops.neg(5), -5);
  is(ops.neg(float(0)), "-0.0"); // erl: - 0.0 is -0.0
  is(ops.neg(-9007199254740991), 9007199254740991);
  is(ops.neg(-BIG), BIG);
  raises(() => ops.neg("a"), "badarith");
  raises(() => ops.plus("a"), "badarith");
  is(ops.abs(float(-3.5)), "3.5");
  is(ops.abs(-BIG), BIG);
  raises(() => ops.abs("a"), "badarg");
});

Deno.test("bitwise operators on integers of any size", () => {
  is(ops.band(12, 10), 8);
  is(ops.bor(12, 10), 14);
  is(ops.bxor(12, 10), 6);
  is(ops.bnot(5), -6);
  is(ops.band(-1, BIG), BIG); // erl: 1180591620717411303424
  is(ops.bnot(9007199254740991), -9007199254740992n);
  is(ops.bor(2 ** 40, 1), 2 ** 40 + 1);
  raises(() => ops.bnot("a"), "badarith");
  raises(() => ops.bnot(float(1)), "badarith");
  raises(() => ops.band(1, float(1)), "badarith");
});

Deno.test("bsl and bsr: arithmetic shifts, negative counts, BEAM's size limit", () => {
  is(ops.bsl(1, 70), BIG);
  is(ops.bsl(1, -1), 0);
  is(ops.bsr(-1, 100), -1);
  is(ops.bsr(-5, 1), -3);
  is(ops.bsr(BIG, 70), 1);
  is(ops.bsr(1, 2n ** 64n), 0);
  is(ops.bsl(0, 2n ** 64n), 0);
  is(ops.bsl(3, 52), 13510798882111488);
  is(ops.bsl(3, 53), 27021597764222976n);
  raises(() => ops.bsl(1, 2 ** 40), "system_limit");
  raises(() => ops.bsl(1, 2n ** 64n), "system_limit");
  raises(() => ops.bsl(1, 33554368), "system_limit");
  assert.equal(ops.bsl(1, 33554367).toString(2).length, 33554368); // the largest, as erl
  raises(() => ops.bsl(1, float(1)), "badarith");
});

Deno.test("comparisons follow term order; =< is le", () => {
  assert.equal(ops.lt(1, float(1)), false);
  assert.equal(ops.le(1, float(1)), true);
  assert.equal(ops.gt(BIG, 1), true);
  assert.equal(ops.lt(1, "a"), true); // number < atom
  assert.equal(ops.lt(t("#(1)"), t("(1)")), true); // tuple < list
  assert.equal(ops.ge("b", "a"), true);
  assert.equal(ops.eqArith(1, float(1)), true);
  assert.equal(ops.neArith(1, float(1)), false);
  assert.equal(ops.eqExact(1, float(1)), false);
  assert.equal(ops.neExact(1, float(1)), true);
  assert.equal(ops.eqExact(t("#(a (1 2))"), t("#(a (1 2))")), true);
  assert.equal(ops.eqArith(t("#M(a 1)"), t("#M(a 1.0)")), true);
});

Deno.test("type tests answer booleans", () => {
  const f = nameFun((x: unknown) => x, { module: "m", name: "f", arity: 1 });
  assert.deepEqual(
    [ops.isNumber(float(1)), ops.isInteger(BIG), ops.isFloat(1), ops.isAtom(true)],
    [true, true, false, true],
  );
  assert.deepEqual(
    [ops.isBoolean("true"), ops.isList(t("(1 . 2)")), ops.isTuple(null), ops.isBinary(t('#"a"'))],
    [false, true, false, true],
  );
  assert.deepEqual(
    [ops.isMap(t("#M()")), ops.isFunction(f), ops.isFunction(f, 1), ops.isFunction(f, 2)],
    [true, true, true, false],
  );
  assert.equal(ops.isFunction(f, 2n ** 70n), false); // erl: false
  raises(() => ops.isFunction(f, -1), "badarg");
  raises(() => ops.isFunction(1, "a"), "badarg");
  assert.ok(ops.fdiv(4, 2) instanceof Float);
});
