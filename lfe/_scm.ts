/**
 * The macros of LFE's `scm` module (Scheme's forms): `(scm:defsyntax name (pat exp) ...)`,
 * `(scm:define-syntax name (syntax-rules (pat exp) ...))`, `(scm:let-syntax ((name (syntax-rules
 * ...)) ...) body...)`, `(scm:begin ...)` and `(scm:define (name args...) body...)`.
 *
 * @module
 */

import { arrayToList, type Term } from "../runtime/mod.ts";
import { elems, form, type Macro, registerExportedMacros } from "./macros.ts";

function rules(def: Term): Term[] {
  const [kind, ...rs] = elems(def, "syntax rules");
  if (kind !== "syntax-rules") throw new SyntaxError("bad syntax definition");
  return rs;
}

const SCM = new Map<string, Macro>([
  ["defsyntax", ([name, ...rs]) => form("defsyntax", name as Term, ...rs)],
  ["define-syntax", ([name, def]) => form("defsyntax", name as Term, ...rules(def as Term))],
  ["let-syntax", ([defs, ...body]) =>
    form(
      "syntaxlet",
      arrayToList(
        elems(defs as Term, "syntax bindings").map((d) => {
          const [n, def] = elems(d, "a syntax binding");
          return form(n as Term, ...rules(def as Term));
        }),
      ),
      ...body,
    )],
  ["begin", (body) => form("progn", ...body)],
  ["define", ([head, ...body]) => {
    if (typeof head === "string") return form("defun", head, ...body);
    const [name, ...args] = elems(head as Term, "a definition");
    return form("defun", name as Term, arrayToList(args), ...body);
  }],
]);

/** Makes `scm`'s macros callable as `(scm:name ...)`. */
export function registerScm(): void {
  registerExportedMacros("scm", SCM);
}
