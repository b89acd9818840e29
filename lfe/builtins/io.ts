/**
 * The modules `io` and `io_lib` of Erlang/OTP 25, as far as they make sense here: formatted
 * output (`io:format`, whose `~p` writes Erlang syntax), `put_chars`, `nl`, `write`, and
 * `get_line` as an io request; `io_lib` formats into character lists. Output is an io request
 * to a device: `standard_io` (the group leader), `user`, another registered name, or a pid; a
 * process spawned from another node has that node's group leader, so its output goes there.
 *
 * @module
 */

import { whereis } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import { binary, charlist, Cons, Pid, type Term } from "../../runtime/terms.ts";
import { chardataToString } from "./_chardata.ts";
import { prettyErlangDeep } from "./_erl_pretty.ts";
import { quoteChars, writeAtom, writeErlang } from "./_erl_write.ts";
import { deepTerm } from "./_deep.ts";
import { writeErlangDeep } from "./_erl_deep.ts";
import { formatDeep, formatToString } from "./format.ts";

/** The pid an io device names: `standard_io` is the caller's group leader. */
export function devicePid(device: Term): Pid {
  if (device instanceof Pid) return device;
  if (device === "standard_io") return mustCurrent("io").groupLeader;
  if (typeof device === "string") {
    const pid = whereis(device);
    if (pid instanceof Pid) return pid;
    // No process writes to standard error here: it goes where the terminal output goes.
    if (device === "standard_error") return devicePid("user");
  }
  return raiseError("badarg");
}

/**
 * Sends an io request to `device` and waits for its reply; `#(error terminated)` if the device
 * is gone (or its node), as `io:request/2`.
 */
export function* ioRequest(device: Term, request: Term): Generator<Yielded, Term, unknown> {
  const p = mustCurrent("io");
  const to = devicePid(device);
  const ref = p.node.makeRef();
  const mon = p.node.monitor(p, to);
  p.node.sendPid(to, ["io_request", p.pid, ref, request], p);
  const r = yield* receiveWith((m) => {
    if (!Array.isArray(m)) return NOMATCH;
    if (m[0] === "io_reply" && exactEq(m[1] as Term, ref)) return m[2] as Term;
    if (m[0] === "DOWN" && exactEq(m[1] as Term, mon)) return ["error", "terminated"] as Term;
    return NOMATCH;
  });
  p.node.demonitor(p, mon);
  return r;
}

/**
 * Writes `text` to `device` and returns `ok`; raises as `io:put_chars/2` does when the device
 * refuses (`badarg`) or is gone (`terminated`).
 */
export function* putCharsTo(device: Term, text: string): Generator<Yielded, Term, unknown> {
  const r = yield* ioRequest(device, ["put_chars", "unicode", binary(text)]);
  if (Array.isArray(r) && r[0] === "error") {
    raiseError(r[1] === "terminated" ? "terminated" : "badarg");
  }
  return r;
}

function erlFormat(format: Term, args: Term): string {
  return formatToString(format, args, "erlang");
}

function* format3(device: Term, format: Term, args: Term) {
  return yield* putCharsTo(device, erlFormat(format, args));
}

function isInteger(t: Term): t is number | bigint {
  return (typeof t === "number" && Number.isInteger(t)) || typeof t === "bigint";
}

function depthOf(d: Term): number {
  return isInteger(d) ? Number(d) : raiseError("badarg");
}

function printableLatin1List(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (
      !(typeof h === "number" &&
        ((h >= 32 && h <= 126) || (h >= 160 && h <= 255) || (h >= 8 && h <= 13) || h === 27))
    ) return false;
  }
  return c === null;
}

function printableUnicodeList(t: Term): boolean {
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    const h = c.hd;
    if (
      !(typeof h === "number" &&
        ((h >= 32 && h <= 126) || (h >= 0xa0 && h < 0xd800) || (h > 0xdfff && h < 0xfffe) ||
          (h > 0xffff && h <= 0x10ffff) || (h >= 8 && h <= 13) || h === 27))
    ) return false;
  }
  return c === null;
}

/** The functions of `io`: generators, since each one waits for its device's reply. */
export const ioModule: ModuleFunctions = {
  "format/1": function* (format: Term) {
    return yield* format3("standard_io", format, null);
  },
  "format/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "format/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "fwrite/1": function* (format: Term) {
    return yield* format3("standard_io", format, null);
  },
  "fwrite/2": function* (format: Term, args: Term) {
    return yield* format3("standard_io", format, args);
  },
  "fwrite/3": function* (device: Term, format: Term, args: Term) {
    return yield* format3(device, format, args);
  },
  "put_chars/1": function* (chars: Term) {
    return yield* putCharsTo("standard_io", chardataToString(chars));
  },
  "put_chars/2": function* (device: Term, chars: Term) {
    return yield* putCharsTo(device, chardataToString(chars));
  },
  "nl/0": function* () {
    return yield* putCharsTo("standard_io", "\n");
  },
  "nl/1": function* (device: Term) {
    return yield* putCharsTo(device, "\n");
  },
  "write/1": function* (term: Term) {
    return yield* putCharsTo("standard_io", writeErlang(term, -1, "latin1"));
  },
  "write/2": function* (device: Term, term: Term) {
    return yield* putCharsTo(device, writeErlang(term, -1, "latin1"));
  },
  "get_line/1": function* (prompt: Term) {
    return yield* ioRequest("standard_io", ["get_line", "unicode", prompt]);
  },
  "get_line/2": function* (device: Term, prompt: Term) {
    return yield* ioRequest(device, ["get_line", "unicode", prompt]);
  },
  "printable_range/0": () => "latin1",
  "getopts/0": function* () {
    return yield* ioRequest("standard_io", "getopts");
  },
  "getopts/1": function* (device: Term) {
    return yield* ioRequest(device, "getopts");
  },
  "setopts/1": function* (opts: Term) {
    return yield* ioRequest("standard_io", ["setopts", opts]);
  },
  "setopts/2": function* (device: Term, opts: Term) {
    return yield* ioRequest(device, ["setopts", opts]);
  },
};

/** The functions of `io_lib`: plain functions that return character lists. */
export const ioLibModule: ModuleFunctions = {
  "format/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "erlang")),
  "fwrite/2": (format: Term, args: Term) => deepTerm(formatDeep(format, args, "erlang")),
  "write/1": (term: Term) => deepTerm(writeErlangDeep(term)),
  "write/2": (term: Term, depth: Term) => deepTerm(writeErlangDeep(term, depthOf(depth))),
  "print/1": (term: Term) => deepTerm(prettyErlangDeep(term)),
  "print/4": (term: Term, column: Term, lineLength: Term, depth: Term) =>
    deepTerm(prettyErlangDeep(term, {
      column: depthOf(column),
      lineLength: depthOf(lineLength),
      depth: depthOf(depth),
    })),
  "nl/0": () => charlist("\n"),
  "write_atom/1": (a: Term) =>
    typeof a === "string" || typeof a === "boolean"
      ? charlist(writeAtom(a, "unicode"))
      : raiseError("function_clause"),
  "write_string/1": (s: Term) =>
    charlist(
      quoteChars([...chardataToString(s)].map((c) => c.codePointAt(0) as number), '"', "unicode"),
    ),
  "printable_list/1": (t: Term) => printableLatin1List(t),
  "printable_latin1_list/1": (t: Term) => printableLatin1List(t),
  "printable_unicode_list/1": printableUnicodeList,
};
