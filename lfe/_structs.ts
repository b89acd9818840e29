/**
 * Structs as LFE 2.2 has them: `(defstruct field (field default) ...)` in a module defines its
 * `__struct__/0,1` (a map with the key `__struct__` naming the module; a field without a default
 * is `nil`); `(struct mod field value ...)` builds one through `mod:__struct__/1`, and in a
 * pattern matches a map of that module; `is-struct`, `struct-field` and `struct-update` read and
 * change them.
 *
 * @module
 */

import { arrayToList, type Term } from "../runtime/mod.ts";
import { gensym } from "./_records.ts";
import { call, elems, form, quote } from "./macros.ts";

/** The `defun`s that `(defstruct field...)` in module `mod` stands for. */
export function structFunctions(mod: string, fields: Term[]): Term[] {
  const kvs: Term[] = [quote("__struct__"), quote(mod)];
  for (const f of fields) {
    if (typeof f === "string") kvs.push(quote(f), quote("nil"));
    else {
      const [n, d] = elems(f, "a struct field");
      kvs.push(quote(n as Term), d === undefined ? quote("nil") : d as Term);
    }
  }
  const dflt = form("map", ...kvs);
  const x = gensym("x"), y = gensym("y"), acc = gensym("acc");
  return [
    form("defun", "__struct__", null, dflt),
    form(
      "defun",
      "__struct__",
      arrayToList(["assocs"]),
      call(
        "lists",
        "foldl",
        form(
          "match-lambda",
          form(arrayToList([form("tuple", x, y), acc]), call("maps", "update", x, y, acc)),
        ),
        dflt,
        "assocs",
      ),
    ),
  ];
}

function pairs(args: Term[]): Term[] {
  const out: Term[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    out.push(form("tuple", quote(args[i] as Term), args[i + 1] as Term));
  }
  return out;
}

function checked(mod: Term, s: Term, then: (v: string) => Term): Term {
  const v = gensym("struct"), other = gensym("other");
  return form(
    "case",
    s,
    arrayToList([form("=", form("map", quote("__struct__"), quote(mod)), v), then(v)]),
    form(other, call("erlang", "error", form("tuple", quote("badstruct"), quote(mod), other))),
  );
}

/** The struct forms as expressions. */
export const STRUCT_FORMS: Record<string, (args: Term[]) => Term> = {
  struct: ([mod, ...args]) =>
    args.length === 0
      ? call(mod as string, "__struct__")
      : call(mod as string, "__struct__", form("list", ...pairs(args))),
  "is-struct": ([s, mod]) => {
    const v = gensym("s");
    const test = mod === undefined
      ? form("andalso", form("is_map", v), call("maps", "is_key", quote("__struct__"), v))
      : form(
        "andalso",
        form("is_map", v),
        form(
          "=:=",
          call("maps", "get", quote("__struct__"), v, quote("undefined")),
          quote(mod as Term),
        ),
      );
    return form("let", arrayToList([form(v, s as Term)]), test);
  },
  "struct-field": ([s, mod, f]) =>
    checked(mod as Term, s as Term, (v) => call("maps", "get", quote(f as Term), v)),
  "struct-update": ([s, mod, ...args]) =>
    checked(mod as Term, s as Term, (v) => {
      let acc: Term = v;
      for (let i = 0; i + 1 < args.length; i += 2) {
        acc = call("maps", "update", quote(args[i] as Term), args[i + 1] as Term, acc);
      }
      return acc;
    }),
};

/** `(struct mod field pattern ...)` as a pattern: a map of that module with those fields. */
export function structPattern(mod: Term, args: Term[]): Term {
  const kvs: Term[] = [quote("__struct__"), quote(mod)];
  for (let i = 0; i + 1 < args.length; i += 2) {
    kvs.push(quote(args[i] as Term), args[i + 1] as Term);
  }
  return form("map", ...kvs);
}
