/**
 * The hashing and checksum BIFs of `erlang`: `phash/2`, `phash2/1,2`, `md5/1` with
 * `md5_init/0`, `md5_update/2` and `md5_final/1`, `crc32/1,2`, `adler32/1,2` and their
 * `_combine/3`. Data is io data (`badarg` otherwise), a range runs from 1 to 2^32, a checksum
 * to go on from is an integer of 32 bits.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import type { Term } from "../../runtime/terms.ts";
import { adler32, adler32Combine, crc32, crc32Combine } from "./_checksums.ts";
import { iolistBytes } from "./_erlang_convert.ts";
import { CONTEXT_SIZE, md5, md5Final, md5Init, md5Update } from "./_md5.ts";
import { phash } from "./_phash.ts";
import { phash2, phash2Range } from "./_phash2.ts";

function badarg(): never {
  return raiseError("badarg");
}

function bytes(data: Term): Uint8Array {
  return iolistBytes(data) ?? badarg();
}

/** A range of 1 to 2^32. */
function range(r: Term): number {
  if (typeof r === "number" && r >= 1 && r <= 2 ** 32) return r;
  return badarg();
}

/** A checksum of 32 bits to go on from. */
function word(n: Term): number {
  if (typeof n === "number" && n >= 0 && n <= 0xffffffff) return n;
  return badarg();
}

/** A length for `_combine/3`: an integer of 32 bits. */
function length(n: Term): bigint {
  return BigInt(word(n));
}

function context(c: Term): Uint8Array {
  return c instanceof Uint8Array && c.length === CONTEXT_SIZE ? c : badarg();
}

/** The functions, by `name/arity`. */
export const ERLANG_HASH: Record<string, (...args: Term[]) => Term> = {
  "phash/2": (t, r) => phash(t, range(r)),
  "phash2/1": (t) => phash2(t),
  "phash2/2": (t, r) => phash2Range(t, range(r)),
  "md5/1": (d) => md5(bytes(d)),
  "md5_init/0": () => md5Init(),
  "md5_update/2": (c, d) => md5Update(context(c), bytes(d)),
  "md5_final/1": (c) => md5Final(context(c)),
  "crc32/1": (d) => crc32(0, bytes(d)),
  "crc32/2": (c, d) => crc32(word(c), bytes(d)),
  "crc32_combine/3": (a, b, n) => crc32Combine(word(a), word(b), length(n)),
  "adler32/1": (d) => adler32(1, bytes(d)),
  "adler32/2": (c, d) => adler32(word(c), bytes(d)),
  "adler32_combine/3": (a, b, n) => adler32Combine(word(a), word(b), length(n)),
};
