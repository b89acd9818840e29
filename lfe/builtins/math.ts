/**
 * The module `math`, as OTP 25 has it: every function takes integers or floats and answers a
 * float (`floor`/`ceil` too); an argument that is no number raises `badarg`, a result that is no
 * real number (`sqrt(-1)`, `log(0)`) `badarith`.
 *
 * @example
 * ```ts
 * import { MATH } from "./math.ts";
 * MATH["sqrt/1"]!(16); // Float { value: 4 }
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { Float, type Term } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

function num(t: Term): number {
  if (t instanceof Float) return t.value;
  if (typeof t === "number") return t;
  if (typeof t === "bigint") {
    const x = Number(t);
    return Number.isFinite(x) ? x : raiseError("badarg");
  }
  return raiseError("badarg");
}

function result(x: number): Float {
  return Number.isFinite(x) ? new Float(x) : raiseError("badarith");
}

const f1 = (f: (x: number) => number) => (a: Term) => result(f(num(a)));
const f2 = (f: (x: number, y: number) => number) => (a: Term, b: Term) => result(f(num(a), num(b)));

// erf by the series/continued fraction of Numerical Recipes' erfc (accurate to ~1e-16).
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const cof = [
    -1.3026537197817094,
    6.4196979235649026e-1,
    1.9476473204185836e-2,
    -9.561514786808631e-3,
    -9.46595344482036e-4,
    3.66839497852761e-4,
    4.2523324806907e-5,
    -2.0278578112534e-5,
    -1.624290004647e-6,
    1.303655835580e-6,
    1.5626441722e-8,
    -8.5238095915e-8,
    6.529054439e-9,
    5.059343495e-9,
    -9.91364156e-10,
    -2.27365122e-10,
    9.6467911e-11,
    2.394038e-12,
    -6.886027e-12,
    8.94487e-13,
    3.13092e-13,
    -1.12708e-13,
    3.81e-16,
    7.106e-15,
    -1.523e-15,
    -9.4e-17,
    1.21e-16,
    -2.8e-17,
  ];
  let d = 0, dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + cof[j]!;
    dd = tmp;
  }
  const r = t * Math.exp(-z * z + 0.5 * (cof[0]! + ty * d) - dd);
  return x >= 0 ? r : 2 - r;
}

/** The functions of `math`, by `name/arity`. */
export const MATH: ModuleFunctions = moduleTable("math", {
  "pi/0": () => new Float(Math.PI),
  "sin/1": f1(Math.sin),
  "cos/1": f1(Math.cos),
  "tan/1": f1(Math.tan),
  "asin/1": f1(Math.asin),
  "acos/1": f1(Math.acos),
  "atan/1": f1(Math.atan),
  "atan2/2": f2(Math.atan2),
  "sinh/1": f1(Math.sinh),
  "cosh/1": f1(Math.cosh),
  "tanh/1": f1(Math.tanh),
  "asinh/1": f1(Math.asinh),
  "acosh/1": f1(Math.acosh),
  "atanh/1": f1(Math.atanh),
  "exp/1": f1(Math.exp),
  "log/1": f1((x) => x <= 0 ? NaN : Math.log(x)),
  "log2/1": f1((x) => x <= 0 ? NaN : Math.log2(x)),
  "log10/1": f1((x) => x <= 0 ? NaN : Math.log10(x)),
  "pow/2": f2(Math.pow),
  "sqrt/1": f1(Math.sqrt),
  "erf/1": f1((x) => 1 - erfc(x)),
  "erfc/1": f1(erfc),
  "ceil/1": f1(Math.ceil),
  "floor/1": f1(Math.floor),
  "fmod/2": f2((x, y) => y === 0 ? NaN : x % y),
});
