/**
 * What the encoder and the decoder of `cbor_codec.ts` share: the tags, the depth limit, the
 * decoding error, and the table that lets a fun come back to the isolate that made it.
 *
 * @module
 */

import { exportedFun } from "./code.ts";
import { ErlangError } from "./errors.ts";
import { type Fun, nameFun } from "./terms.ts";

/**
 * The CBOR tags of the kinds CBOR lacks. Unregistered numbers from the first-come-first-served
 * range, clear of the tags cbor-x gives meaning to.
 */
export const TERM_TAGS = {
  FLOAT: 49648,
  LIST: 49649,
  IMPROPER_LIST: 49650,
  MAP: 49651,
  PID: 49652,
  REF: 49653,
  FUN: 49654,
  PORT: 49655,
  BITS: 49656,
} as const;

/** How deeply terms may nest: tuples, lists and maps inside one another. */
export const MAX_TERM_DEPTH = 10_000;

/** Bytes that do not hold a term. A `SyntaxError`, so that a caller can tell it from a bug. */
export class TermDecodeError extends SyntaxError {
  override name = "TermDecodeError";
}

// A fun travels as a reference into the table of the isolate that made it: its code cannot.
const ISOLATE = crypto.randomUUID();
const funsById = new Map<number, WeakRef<Fun>>();
const wireIds = new WeakMap<Fun, { isolate: string; id: number }>();
const remoteFuns = new Map<string, WeakRef<Fun>>();
const forget = new FinalizationRegistry<() => void>((drop) => drop());
let nextFunId = 1;

export function funWireId(f: Fun): { isolate: string; id: number } {
  let w = wireIds.get(f);
  if (w === undefined) {
    const id = nextFunId++;
    wireIds.set(f, w = { isolate: ISOLATE, id });
    funsById.set(id, new WeakRef(f));
    forget.register(f, () => funsById.delete(id));
  }
  return w;
}

// The same remote fun decodes to the same stub each time, and a stub sent on goes out as the
// original, so that the fun still works once it is back where it was made.
export function funFromWire(
  module: string,
  name: string,
  arity: number,
  isolate: string,
  id: number,
): Fun {
  if (isolate === "") return exportedFun(module, name, arity);
  if (isolate === ISOLATE) {
    const f = funsById.get(id)?.deref();
    if (f !== undefined) return f;
  }
  const key = `${isolate}/${id}`;
  const known = remoteFuns.get(key)?.deref();
  if (known !== undefined) return known;
  const stub: Fun = nameFun(() => {
    // Its code is where it was made (another node, or another scheduler): `{badfun, F}`.
    const e = new ErlangError("error", ["badfun", stub]);
    e.message = `#Fun<${module}.${name}.${arity}> was made in another isolate and cannot run here`;
    throw e;
  }, { module, name, arity });
  wireIds.set(stub, { isolate, id });
  remoteFuns.set(key, new WeakRef(stub));
  forget.register(stub, () => remoteFuns.delete(key));
  return stub;
}
