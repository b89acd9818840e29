/**
 * The output half of LFE's `lfe_io`: `format` and `fwrite` (whose `~p` prints LFE syntax, as
 * `#(ping <0.41.0>)`), `print` (a term as `~w` writes it, strings as lists) and `prettyprint`
 * (as `~p` prints it), each also as a `...1` function that returns the characters instead.
 * None of them writes a newline of its own; the `...1` functions return the deep character
 * lists LFE builds, as `("1" 45 "2")` for `(format1 "~w-~w" '(1 2))`.
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { writeTerm } from "../../runtime/print_term.ts";
import { arrayToList, charlist, charlistToString, type Term } from "../../runtime/terms.ts";
import { readAll } from "../reader.ts";
import { LfeSyntaxError } from "../syntax_error.ts";
import { latin1 } from "./_chardata.ts";
import { deepTerm } from "./_deep.ts";
import { prettyLfe, prettyLfeDeep } from "./_lfe_pretty.ts";
import { lfeWrite } from "./_lfe_write.ts";
import { formatDeep, formatToString } from "./format.ts";
import { putCharsTo } from "./io.ts";

function lfeFormat(format: Term, args: Term): string {
  return formatToString(format, args, "lfe");
}

function* format3(device: Term, format: Term, args: Term) {
  return yield* putCharsTo(device, lfeFormat(format, args));
}

function int(t: Term): number {
  return typeof t === "number" && Number.isInteger(t) ? t : raiseError("function_clause");
}

function print1(term: Term, depth = -1): string {
  return writeTerm(term, { depth });
}

/**
 * `lfe_io:prettyprint/2` writes the UTF-8 bytes of the text with `file:write/2`, which a
 * Unicode terminal takes as Latin-1: text beyond ASCII comes out as its bytes, as in LFE.
 */
function* prettyprint(device: Term, term: Term) {
  return yield* putCharsTo(device, latin1(new TextEncoder().encode(prettyLfe(term))));
}

/** The functions of `lfe_io` that write: generators, as they wait for the device. */
export const lfeIoModule: ModuleFunctions = {
  "format/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "format/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "fwrite/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "fwrite/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "format1/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "lfe")),
  "fwrite1/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "lfe")),
  "print/1": function* (term: Term) {
    return yield* putCharsTo("standard_io", print1(term));
  },
  "print/2": function* (device: Term, term: Term) {
    return yield* putCharsTo(device, print1(term));
  },
  "print1/1": (term: Term) => deepTerm(lfeWrite(term)),
  "print1/2": (term: Term, depth: Term) => deepTerm(lfeWrite(term, int(depth))),
  "prettyprint/1": function* (term: Term) {
    return yield* prettyprint("standard_io", term);
  },
  "prettyprint/2": function* (device: Term, term: Term) {
    return yield* prettyprint(device, term);
  },
  "prettyprint1/1": (term: Term) => deepTerm(prettyLfeDeep(term)),
  "prettyprint1/2": (term: Term, depth: Term) => deepTerm(prettyLfeDeep(term, int(depth))),
  "prettyprint1/3": (term: Term, depth: Term, indent: Term) =>
    deepTerm(prettyLfeDeep(term, int(depth), int(indent))),
  "prettyprint1/4": (term: Term, depth: Term, indent: Term, length: Term) =>
    deepTerm(prettyLfeDeep(term, int(depth), int(indent), int(length))),
  "read_file/1": (name: Term) => readFile(name),
  "read_string/1": (text: Term) => readText(charlistToString(text) ?? raiseError("badarg")),
};

// `#(ok forms)`, or `#(error #(line lfe_parse reason))` for text that does not read.
function readText(text: string): Term {
  try {
    return ["ok", arrayToList(readAll(text))];
  } catch (e) {
    if (!(e instanceof LfeSyntaxError)) throw e;
    return ["error", [e.lfeLine, "lfe_parse", charlist(e.lfe)]];
  }
}

function readFile(name: Term): Term {
  const path = charlistToString(name) ?? (typeof name === "string" ? name : raiseError("badarg"));
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "enoent"
      : e instanceof Deno.errors.PermissionDenied
      ? "eacces"
      : e instanceof Deno.errors.IsADirectory
      ? "eisdir"
      : "einval";
    return ["error", ["none", "file", why]];
  }
  return readText(text);
}
