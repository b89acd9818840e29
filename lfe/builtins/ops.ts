/**
 * Erlang's operators with their exact semantics, as plain functions for compiled LFE to call:
 * arithmetic that overflows into bigints and comes back to numbers when safe, floats that stay
 * floats (`(/ 4 2)` is `2.0`, `(+ 1 1.0)` is `2.0`), integer division truncating toward zero,
 * bitwise operators on integers of any size, the term-order comparisons and the two equalities,
 * and the type tests. Bad operands raise what Erlang raises: `badarith` for the operators,
 * `badarg` for `abs`.
 *
 * Each function tries two small integers first; the compiler may inline that path itself.
 *
 * @example
 * ```ts
 * import { add, fdiv, idiv, rem } from "./ops.ts";
 * add(9007199254740991, 1); // 9007199254740992n
 * fdiv(4, 2); // Float { value: 2 }
 * idiv(-7, 2); // -3
 * rem(-7, 2); // -1
 * ```
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arithEq, compare, exactEq } from "../../runtime/term_order.ts";
import {
  type Atom,
  Cons,
  Float,
  type Fun,
  funInfo,
  type Integer,
  normInt,
  Pid,
  Port,
  Ref,
  type Term,
  TermMap,
} from "../../runtime/terms.ts";

const MAX = Number.MAX_SAFE_INTEGER;
/** The most bits an integer may have, as in BEAM: `(bsl 1 33554367)` is the largest power of 2. */
const MAX_BITS = 33554368;

function badarith(): never {
  return raiseError("badarith");
}

function isInt(t: Term): t is Integer {
  return typeof t === "number" || typeof t === "bigint";
}

function isZero(n: Integer): boolean {
  return n === 0 || n === 0n;
}

function negate(n: Integer): Integer {
  return typeof n === "number" ? -n : normInt(-n);
}

/** The value of a number operand as a float; `badarith` if it is none or too big for one. */
function floatOf(t: Term): number {
  const x = t instanceof Float ? t.value : isInt(t) ? Number(t) : badarith();
  return Number.isFinite(x) ? x : badarith();
}

function floatResult(x: number): Float {
  return Number.isFinite(x) ? new Float(x) : badarith();
}

const ADD = 0, SUB = 1, MUL = 2;

function arith(a: Term, b: Term, op: number): Term {
  if (a instanceof Float || b instanceof Float) {
    const x = floatOf(a), y = floatOf(b);
    return floatResult(op === ADD ? x + y : op === SUB ? x - y : x * y);
  }
  if (!isInt(a) || !isInt(b)) return badarith();
  const x = BigInt(a), y = BigInt(b);
  return normInt(op === ADD ? x + y : op === SUB ? x - y : x * y);
}

/** `+`. */
export function add(a: Term, b: Term): Term {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return arith(a, b, ADD);
}

/** `-` of two operands. */
export function sub(a: Term, b: Term): Term {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return arith(a, b, SUB);
}

/** `*`. */
export function mul(a: Term, b: Term): Term {
  if (typeof a === "number" && typeof b === "number") {
    // A product beyond 2^53 never rounds back into the safe range, so this test is exact.
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r + 0; // no integer -0 (from 0 * -5)
  }
  return arith(a, b, MUL);
}

/** `/`: always a float; `badarith` for a zero divisor. */
export function fdiv(a: Term, b: Term): Float {
  const x = floatOf(a), y = floatOf(b);
  if (y === 0) badarith();
  return floatResult(x / y);
}

/** `div`: integers only, truncating toward zero. */
export function idiv(a: Term, b: Term): Integer {
  if (typeof a === "number" && typeof b === "number" && b !== 0) {
    // `a % b` is exact, so `a - a % b` is an exact multiple of `b` and the quotient exact.
    return (a - a % b) / b + 0;
  }
  if (!isInt(a) || !isInt(b) || isZero(b)) return badarith();
  return normInt(BigInt(a) / BigInt(b));
}

/** `rem`: integers only, with the sign of the dividend. */
export function rem(a: Term, b: Term): Integer {
  if (typeof a === "number" && typeof b === "number" && b !== 0) return a % b + 0;
  if (!isInt(a) || !isInt(b) || isZero(b)) return badarith();
  return normInt(BigInt(a) % BigInt(b));
}

/** `-` of one operand. */
export function neg(a: Term): Term {
  if (typeof a === "number") return 0 - a;
  if (typeof a === "bigint") return normInt(-a);
  if (a instanceof Float) return new Float(-a.value);
  return badarith();
}

/** `+` of one operand: the number itself. */
export function plus(a: Term): Term {
  return isInt(a) || a instanceof Float ? a : badarith();
}

/** `erlang:abs/1`: a BIF, so `badarg` rather than `badarith`. */
export function abs(a: Term): Term {
  if (typeof a === "number") return a < 0 ? -a : a;
  if (typeof a === "bigint") return a < 0n ? -a : a;
  if (a instanceof Float) return new Float(Math.abs(a.value));
  return raiseError("badarg");
}

function isInt32(t: Term): t is number {
  return typeof t === "number" && (t | 0) === t;
}

function bigOf(t: Term): bigint {
  return isInt(t) ? BigInt(t) : badarith();
}

/** `band`. */
export function band(a: Term, b: Term): Integer {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normInt(bigOf(a) & bigOf(b));
}

/** `bor`. */
export function bor(a: Term, b: Term): Integer {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normInt(bigOf(a) | bigOf(b));
}

/** `bxor`. */
export function bxor(a: Term, b: Term): Integer {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normInt(bigOf(a) ^ bigOf(b));
}

/** `bnot`. */
export function bnot(a: Term): Integer {
  if (isInt32(a)) return ~a;
  return normInt(-bigOf(a) - 1n);
}

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

/** `bsl`: a negative shift shifts right; a result past BEAM's size raises `system_limit`. */
export function bsl(a: Term, n: Term): Integer {
  if (typeof a === "number" && typeof n === "number" && n >= 0 && n < 53) {
    const r = a * 2 ** n;
    if (r <= MAX && r >= -MAX) return r;
  }
  if (!isInt(a) || !isInt(n)) return badarith();
  if (n < 0) return bsr(a, negate(n));
  if (isZero(a)) return 0;
  const x = BigInt(a);
  if (n > MAX_BITS || bitLength(x) + Number(n) > MAX_BITS) raiseError("system_limit");
  return normInt(x << BigInt(n));
}

/** `bsr`: an arithmetic shift (toward minus infinity); a negative shift shifts left. */
export function bsr(a: Term, n: Term): Integer {
  if (typeof a === "number" && typeof n === "number" && n >= 0) {
    if (n < 53) return Math.floor(a / 2 ** n); // dividing by a power of 2 is exact
    return a < 0 ? -1 : 0;
  }
  if (!isInt(a) || !isInt(n)) return badarith();
  if (n < 0) return bsl(a, negate(n));
  if (n > MAX_BITS) return a < 0 ? -1 : 0;
  return normInt(BigInt(a) >> BigInt(n));
}

/** `<`, in term order. */
export function lt(a: Term, b: Term): boolean {
  return typeof a === "number" && typeof b === "number" ? a < b : compare(a, b) < 0;
}

/** `=<`, in term order. */
export function le(a: Term, b: Term): boolean {
  return typeof a === "number" && typeof b === "number" ? a <= b : compare(a, b) <= 0;
}

/** `>`, in term order. */
export function gt(a: Term, b: Term): boolean {
  return typeof a === "number" && typeof b === "number" ? a > b : compare(a, b) > 0;
}

/** `>=`, in term order. */
export function ge(a: Term, b: Term): boolean {
  return typeof a === "number" && typeof b === "number" ? a >= b : compare(a, b) >= 0;
}

/** `==`: numbers by value (`1 == 1.0`). */
export function eqArith(a: Term, b: Term): boolean {
  return a === b || arithEq(a, b);
}

/** `/=`. */
export function neArith(a: Term, b: Term): boolean {
  return a !== b && !arithEq(a, b);
}

/** `=:=`: exactly equal (`1` and `1.0` differ). */
export function eqExact(a: Term, b: Term): boolean {
  return a === b || exactEq(a, b);
}

/** `=/=`. */
export function neExact(a: Term, b: Term): boolean {
  return a !== b && !exactEq(a, b);
}

/** `is_number/1`. */
export function isNumber(t: Term): boolean {
  return typeof t === "number" || typeof t === "bigint" || t instanceof Float;
}

/** `is_integer/1`. */
export function isInteger(t: Term): boolean {
  return typeof t === "number" || typeof t === "bigint";
}

/** `is_float/1`. */
export function isFloat(t: Term): boolean {
  return t instanceof Float;
}

/** `is_atom/1`. */
export function isAtom(t: Term): t is Atom {
  return typeof t === "string" || typeof t === "boolean";
}

/** `is_boolean/1`. */
export function isBoolean(t: Term): t is boolean {
  return typeof t === "boolean";
}

/** `is_list/1`: the empty list or a cons cell (improper lists included, as in Erlang). */
export function isList(t: Term): boolean {
  return t === null || t instanceof Cons;
}

/** `is_tuple/1`. */
export function isTuple(t: Term): t is Term[] {
  return Array.isArray(t);
}

/** `is_binary/1`. */
export function isBinary(t: Term): t is Uint8Array {
  return t instanceof Uint8Array;
}

/** `is_map/1`. */
export function isMap(t: Term): t is TermMap {
  return t instanceof TermMap;
}

/** `is_pid/1`. */
export function isPid(t: Term): t is Pid {
  return t instanceof Pid;
}

/** `is_reference/1`. */
export function isRef(t: Term): t is Ref {
  return t instanceof Ref;
}

/** `is_port/1`: only a BEAM node's ports exist here. */
export function isPort(t: Term): t is Port {
  return t instanceof Port;
}

/** `is_function/1` and `is_function/2`; a bad arity raises `badarg`. */
export function isFunction(f: Term, arity?: Term): boolean {
  if (arity === undefined) return typeof f === "function";
  if (typeof arity !== "number" || arity < 0) {
    if (typeof arity === "bigint" && arity > 0n) return false;
    return raiseError("badarg");
  }
  return typeof f === "function" && funInfo(f as Fun).arity === arity;
}
