/**
 * Runs the cases recorded from real LFE on Erlang/OTP 25 (`otp_cases/*.jsonl`, written by
 * `otp_cases/gen*.escript`): each LFE expression is evaluated here, in one process of a fresh
 * node, and what it gave, `#(value V)` or `#(Class Reason)`, must be exactly (`=:=`) what BEAM
 * gave, each fun in it taken as the atom `$fun` (as the generators write them).
 */

import assert from "node:assert/strict";
import { evalForm, readAll, registerBuiltins } from "../../../lfe/mod.ts";
import { ErlangError } from "../../../runtime/errors.ts";
import { createNode, printTerm, run, setDefaultNode } from "../../../runtime/mod.ts";
import { exactEq } from "../../../runtime/term_order.ts";
import { Cons, type Term, TermMap } from "../../../runtime/terms.ts";

registerBuiltins();

/** One recorded case: the expression and what BEAM gave, as LFE text. */
export interface OtpCase {
  expr: string;
  want: string;
}

/** The cases of a module's file. */
export async function otpCases(module: string): Promise<OtpCase[]> {
  const url = new URL(`./otp_cases/${module}.jsonl`, import.meta.url);
  const out: OtpCase[] = [];
  for (const line of (await Deno.readTextFile(url)).split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [expr, want] = JSON.parse(line) as [string, string];
    out.push({ expr, want });
  }
  return out;
}

/** `t` with each fun in it replaced by the atom `$fun`, and `'.'`, `'..'`, `'...'` by `$dot1..3`. */
function noFuns(t: Term): Term {
  if (typeof t === "function") return "$fun";
  if (t === "." || t === ".." || t === "...") return `$dot${t.length}`;
  if (Array.isArray(t)) return t.map(noFuns);
  if (t instanceof Cons) return new Cons(noFuns(t.hd), noFuns(t.tl));
  if (t instanceof TermMap) return new TermMap(t.entries().map(([k, v]) => [noFuns(k), noFuns(v)]));
  return t;
}

function show(t: Term): string {
  try {
    return printTerm(t);
  } catch {
    return String(t);
  }
}

/**
 * Evaluates every case of `module` and asserts that each gave what BEAM gave; the message
 * lists the first cases that did not. Answers how many cases ran.
 */
export async function checkOtpCases(module: string, min = 1): Promise<number> {
  const cases = await otpCases(module);
  const failures: string[] = [];
  setDefaultNode(createNode({ output: () => {} }));
  let ran = 0;
  const exit = await run(function* () {
    for (const c of cases) {
      ran++;
      let want: Term;
      try {
        want = readAll(c.want)[0] as Term;
      } catch (e) {
        failures.push(`${c.expr}\n  its recorded result cannot be read: ${(e as Error).message}`);
        continue;
      }
      let got: Term;
      try {
        got = ["value", (yield* evalForm(readAll(c.expr)[0] as Term)) as Term];
      } catch (e) {
        if (!(e instanceof ErlangError)) {
          failures.push(`${c.expr}\n  threw ${(e as Error).stack}`);
          continue;
        }
        got = [e.cls, e.reason];
      }
      got = noFuns(got);
      if (!exactEq(got, want)) {
        failures.push(`${c.expr}\n  got      ${show(got)}\n  expected ${c.want}`);
      }
    }
  });
  // A case that crashed the process running them would end the run early: none may.
  assert.equal(exit, "normal", `the cases stopped at case ${ran}: ${show(exit)}`);
  assert.equal(ran, cases.length);
  assert.ok(
    failures.length === 0,
    `${failures.length} of ${cases.length} cases differ from OTP:\n` +
      failures.slice(0, Deno.env.get("OTP_CASES_SHOW") ? undefined : 15).join("\n"),
  );
  assert.ok(cases.length >= min, `${cases.length} cases`);
  return cases.length;
}
