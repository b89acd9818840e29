/**
 * The module `random` (deprecated in OTP but still there in OTP 25): Wichmann-Hill's AS183
 * generator, its state `{A1, A2, A3}` kept under `random_seed` in the process dictionary, so
 * that the same seeds give the same numbers as on BEAM.
 *
 * @module
 */

import { get, put } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { Float, type Term } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

const SEED0: [number, number, number] = [3172, 9814, 20125];

function state(): [number, number, number] {
  const s = get("random_seed");
  return Array.isArray(s) && s.length === 3 ? s as [number, number, number] : SEED0;
}

function int(t: Term): number {
  return typeof t === "number" ? t : raiseError("badarith");
}

function seed(a1: Term, a2: Term, a3: Term): Term {
  const old = get("random_seed");
  put("random_seed", [
    Math.abs(int(a1)) % (30269 - 1) + 1,
    Math.abs(int(a2)) % (30307 - 1) + 1,
    Math.abs(int(a3)) % (30323 - 1) + 1,
  ]);
  return old;
}

function uniform(): number {
  const [a1, a2, a3] = state();
  const b1 = (a1 * 171) % 30269, b2 = (a2 * 172) % 30307, b3 = (a3 * 170) % 30323;
  put("random_seed", [b1, b2, b3]);
  const r = b1 / 30269 + b2 / 30307 + b3 / 30323;
  return r - Math.trunc(r);
}

/** The functions of `random`, by `name/arity`. */
export const RANDOM: ModuleFunctions = moduleTable("random", {
  "seed0/0": () => [...SEED0],
  "seed/0": () => seed(...SEED0),
  "seed/1": (t: Term) =>
    Array.isArray(t) && t.length === 3
      ? seed(t[0] as Term, t[1] as Term, t[2] as Term)
      : raiseError("function_clause"),
  "seed/3": seed,
  "uniform/0": () => new Float(uniform()),
  "uniform/1": (n: Term) =>
    typeof n === "number" && n >= 1 ? Math.trunc(uniform() * n) + 1 : raiseError("function_clause"),
  "uniform_s/1": (s: Term) => {
    const [a1, a2, a3] = s as number[];
    const b1 = (a1! * 171) % 30269, b2 = (a2! * 172) % 30307, b3 = (a3! * 170) % 30323;
    const r = b1 / 30269 + b2 / 30307 + b3 / 30323;
    return [new Float(r - Math.trunc(r)), [b1, b2, b3]];
  },
});
