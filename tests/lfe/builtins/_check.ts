/**
 * What the tests of the built-in modules share: expected terms written in LFE syntax (read,
 * not evaluated), checks by exact equality (`=:=`, so `1` and `1.0` differ), checks of the
 * Erlang error a call raises, and running a built-in that waits inside a process.
 */

import assert from "node:assert/strict";
import { readAll } from "../../../lfe/reader.ts";
import { registerCoreBuiltins } from "../../../lfe/builtins/core.ts";
import { resolve } from "../../../runtime/call.ts";
import { ErlangError } from "../../../runtime/errors.ts";
import { formatErlang } from "../../../runtime/print_term.ts";
import type { Yielded } from "../../../runtime/process.ts";
import { exactEq } from "../../../runtime/term_order.ts";
import type { Term } from "../../../runtime/terms.ts";
import type { ModuleFunctions } from "../../../runtime/code.ts";
import { run } from "../../../runtime/api.ts";
import { freshNode } from "../../runtime/_node.ts";

registerCoreBuiltins();

/** The term an LFE text reads as: `t("#(ok (1 2))")`. */
export function t(text: string): Term {
  const forms = readAll(text);
  assert.equal(forms.length, 1, `one form in ${text}`);
  return forms[0] as Term;
}

function show(x: unknown): string {
  try {
    return formatErlang(x as Term);
  } catch {
    return String(x);
  }
}

/** Asserts that `actual` is exactly the term `expected` (LFE text, or a term). */
export function is(actual: unknown, expected: string | Term, what = ""): void {
  const want = typeof expected === "string" ? t(expected) : expected;
  assert.ok(
    exactEq(actual as Term, want),
    `${what}${what ? ": " : ""}got ${show(actual)}, expected ${show(want)}`,
  );
}

/** The Erlang error `fn` raises: asserts its class and reason (LFE text, or a term). */
export function raises(fn: () => unknown, reason: string | Term, cls = "error"): void {
  try {
    const v = fn();
    assert.fail(`expected ${cls}:${show(reason)}, got the value ${show(v)}`);
  } catch (e) {
    if (!(e instanceof ErlangError)) throw e;
    assert.equal(e.cls, cls);
    is(e.reason, reason, "the reason");
  }
}

type Body = () => Generator<Yielded, unknown, unknown>;

/** Runs `body` in a process of a fresh node and answers what it returned, or throws its error. */
export async function inProcess(body: Body): Promise<Term> {
  freshNode();
  const out: { value?: Term; error?: unknown } = {};
  await run(function* () {
    try {
      out.value = yield* resolve(body());
    } catch (e) {
      out.error = e;
    }
  });
  if (out.error !== undefined) throw out.error;
  return out.value as Term;
}

/** Runs a built-in that may wait (or any call result) to its term inside a process. */
export function value(r: unknown): Promise<Term> {
  return inProcess(function* () {
    return yield* resolve(r);
  });
}

/** As {@linkcode raises}, for a call that runs in a process. */
export async function raisesIn(body: Body, reason: string | Term, cls = "error"): Promise<void> {
  try {
    const v = await inProcess(body);
    assert.fail(`expected ${cls}:${show(reason)}, got the value ${show(v)}`);
  } catch (e) {
    if (!(e instanceof ErlangError)) throw e;
    assert.equal(e.cls, cls);
    is(e.reason, reason, "the reason");
  }
}

/** The function `key` (`name/arity`) of a module's table, to call with positional arguments. */
// deno-lint-ignore no-explicit-any
export function fn(table: ModuleFunctions, key: string): (...args: any[]) => any {
  const f = table[key];
  if (f === undefined) throw new Error(`No function ${key}`);
  return f;
}
