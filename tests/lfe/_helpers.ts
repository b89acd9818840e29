/** What the reader tests share. */

import { ok, strictEqual } from "node:assert/strict";
import { LfeSyntaxError, readAll } from "../../lfe/mod.ts";
import type { Term } from "../../runtime/terms.ts";

/** The one form of a text. */
export function read1(text: string): Term {
  const forms = readAll(text);
  strictEqual(forms.length, 1, `one form in ${JSON.stringify(text)}`);
  return forms[0] as Term;
}

/** The error `readAll` throws for a text. */
export function readError(text: string): LfeSyntaxError {
  try {
    readAll(text);
  } catch (e) {
    ok(e instanceof LfeSyntaxError, `an LfeSyntaxError for ${JSON.stringify(text)}`);
    ok(e instanceof SyntaxError);
    return e;
  }
  throw new Error(`No error reading ${JSON.stringify(text)}`);
}
