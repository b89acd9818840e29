/**
 * The module `file`, the part of it that reads and writes whole files: `consult/1` (Erlang
 * terms, each ended by a full stop), `read_file/1`, `write_file/2`, `get_cwd/0`. Errors are
 * `{error, enoent}` and the other POSIX names, and `{error, {Line, erl_parse, Message}}` for a
 * file that is not terms.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { iodataToString } from "../../runtime/io.ts";
import { charlist, charlistToString, Cons, type Term } from "../../runtime/terms.ts";
import { ErlTermsError, errorMessage, readErlTerms } from "./_erl_terms.ts";
import { moduleTable } from "./_util.ts";
import { FILE_OPS } from "./_file_ops.ts";
import { arrayToList } from "../../runtime/terms.ts";

/** A file name as a string, or `undefined` if the term is none. */
export function fileName(t: Term): string | undefined {
  if (t instanceof Uint8Array) return new TextDecoder().decode(t);
  if (typeof t === "string") return t;
  try {
    return charlistToString(t) ?? iodataToString(t);
  } catch {
    return undefined;
  }
}

/** The POSIX name of a file system error, as `file` gives it. */
export function posixError(e: unknown): string {
  if (e instanceof Deno.errors.NotFound) return "enoent";
  if (e instanceof Deno.errors.PermissionDenied) return "eacces";
  if (e instanceof Deno.errors.IsADirectory) return "eisdir";
  if (e instanceof Deno.errors.AlreadyExists) return "eexist";
  if (e instanceof Deno.errors.NotADirectory) return "enotdir";
  const code = (e as { code?: string }).code;
  return typeof code === "string" ? code.toLowerCase() : "einval";
}

function consult(f: Term): Term {
  const name = fileName(f);
  if (name === undefined) return ["error", "badarg"];
  let text: string;
  try {
    text = new TextDecoder().decode(Deno.readFileSync(name));
  } catch (e) {
    return ["error", posixError(e)];
  }
  try {
    return ["ok", arrayToList(readErlTerms(text))];
  } catch (e) {
    if (e instanceof ErlTermsError) return ["error", [e.line, "erl_parse", errorMessage(e)]];
    throw e;
  }
}

function readFile(f: Term): Term {
  const name = fileName(f);
  if (name === undefined) return ["error", "badarg"];
  try {
    return ["ok", Deno.readFileSync(name)];
  } catch (e) {
    return ["error", posixError(e)];
  }
}

function writeFile(f: Term, data: Term): Term {
  const name = fileName(f);
  if (name === undefined) return ["error", "badarg"];
  let bytes: Uint8Array;
  try {
    bytes = data instanceof Uint8Array
      ? data
      : new Uint8Array([...iodataToString(data)].map((c) => c.charCodeAt(0) & 255));
  } catch {
    return ["error", "badarg"];
  }
  try {
    Deno.writeFileSync(name, bytes);
    return "ok";
  } catch (e) {
    return ["error", posixError(e)];
  }
}

/** `path_consult/2`: the terms of the first `file` found in the directories of `path`. */
function pathConsult(path: Term, file: Term): Term {
  const f = fileName(file);
  if (f === undefined) return ["error", "badarg"];
  let c: Term = f.startsWith("/") ? arrayToList([charlist("/")]) : path;
  for (; c instanceof Cons; c = c.tl) {
    const dir = fileName(c.hd);
    if (dir === undefined) continue;
    const full = f.startsWith("/") ? f : `${dir}/${f}`;
    const r = consult(charlist(full));
    if (Array.isArray(r) && r[0] === "error" && r[1] === "enoent") continue;
    return Array.isArray(r) && r[0] === "ok" ? ["ok", r[1] as Term, charlist(full)] : r;
  }
  return ["error", "enoent"];
}

/** `file` by `name/arity`. */
export const FILE: ModuleFunctions = moduleTable("file", {
  ...FILE_OPS,
  "consult/1": consult,
  "path_consult/2": pathConsult,
  "read_file/1": readFile,
  "write_file/2": writeFile,
  "get_cwd/0": () => ["ok", charlist(Deno.cwd())],
});
