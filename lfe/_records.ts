/**
 * Records as LFE 2 has them: `(defrecord name field (field default) ...)` keeps the definition in
 * the macro environment and defines the macros `make-R`, `match-R`, `is-R`, `update-R`, `set-R`,
 * `fields-R`, `size-R`, `R-F`, `set-R-F` and `update-R-F`; the core forms `record`,
 * `make-record`, `is-record`, `record-index`, `record-field` and `record-update` become tuple
 * operations here. A record that is not one raises `{badrecord, R}` as OTP 25 does.
 *
 * @module
 */

import { arrayToList, type Term } from "../runtime/mod.ts";
import { call, elems, form, type Macro, type MacroEnv, quote } from "./macros.ts";

/** A record's definition: its fields in order, each with its default (an expression). */
export interface RecordDef {
  name: string;
  fields: { name: string; init: Term | undefined }[];
}

/** A record definition as it is kept among the macros. */
type RecordEntry = Macro & { record: RecordDef };

const key = (name: string) => `-record-${name}-`;

let fresh = 0;
/** A variable name no program writes. */
export function gensym(what: string): string {
  return `-${what}-${fresh++}-`;
}

/** The definition of record `name`; a `SyntaxError` in LFE's words if there is none. */
export function recordDef(env: MacroEnv, name: Term): RecordDef {
  const r = typeof name === "string"
    ? env.macros.get(key(name)) as RecordEntry | undefined
    : undefined;
  if (r === undefined) throw new SyntaxError(`undefined record ${String(name)}`);
  return r.record;
}

function fieldIndex(def: RecordDef, field: Term): number {
  const i = def.fields.findIndex((f) => f.name === field);
  if (i < 0) throw new SyntaxError(`undefined field ${String(field)} in record ${def.name}`);
  return i + 2;
}

function pairs(def: RecordDef, args: Term[]): Map<string, Term> {
  const m = new Map<string, Term>();
  for (let i = 0; i < args.length; i += 2) {
    const f = args[i] as Term;
    if (f !== "_") fieldIndex(def, f);
    if (i + 1 >= args.length) throw new SyntaxError(`bad record ${def.name} field list`);
    m.set(f as string, args[i + 1] as Term);
  }
  return m;
}

// The first of the terms given (the empty list is a term; `undefined` is none).
function pick(...ts: (Term | undefined)[]): Term {
  for (const t of ts) if (t !== undefined) return t;
  return "undefined";
}

/** `(defrecord name fields...)`: the definition and its macros, added to `env`. */
export function defineRecord(name: string, fieldForms: Term[], env: MacroEnv): void {
  const fields = fieldForms.map((f) => {
    if (typeof f === "string") return { name: f, init: undefined };
    const [n, init] = elems(f, "a record field");
    if (typeof n !== "string") throw new SyntaxError(`bad definition of record ${name}`);
    return { name: n, init: init as Term | undefined };
  });
  const def: RecordDef = { name, fields };
  const entry = Object.assign((() => undefined) as Macro, { record: def });
  const m = env.macros;
  m.set(key(name), entry);
  m.set(`make-${name}`, (args) => form("record", name, ...args));
  m.set(`match-${name}`, (args) => form("record", name, ...args));
  m.set(`is-${name}`, ([r]) => form("is-record", r as Term, name));
  const update: Macro = ([r, ...args]) => form("record-update", r as Term, name, ...args);
  m.set(`update-${name}`, update);
  m.set(`set-${name}`, update);
  m.set(`fields-${name}`, () => quote(arrayToList(fields.map((f) => f.name))));
  m.set(`size-${name}`, () => fields.length + 1);
  for (const f of fields) {
    m.set(
      `${name}-${f.name}`,
      (args) =>
        args.length === 0
          ? form("record-index", name, f.name)
          : form("record-field", args[0] as Term, name, f.name),
    );
    const set: Macro = ([r, v]) => form("record-update", r as Term, name, f.name, v as Term);
    m.set(`update-${name}-${f.name}`, set);
    m.set(`set-${name}-${f.name}`, set);
  }
}

// (if (is-record r R) then (error #(badrecord R))), with `r` read once.
function checked(def: RecordDef, rec: Term, then: (r: string) => Term): Term {
  const r = gensym("rec");
  return form(
    "let",
    arrayToList([form(r, rec)]),
    form(
      "if",
      isRecord(def, r),
      then(r),
      call("erlang", "error", form("tuple", quote("badrecord"), r)),
    ),
  );
}

function isRecord(def: RecordDef, r: Term): Term {
  return call("erlang", "is_record", r, quote(def.name), def.fields.length + 1);
}

/** The core record forms, as macros over tuples. */
export const RECORD_FORMS: Record<string, (args: Term[], env: MacroEnv) => Term> = {
  record: ([name, ...args], env) => {
    const def = recordDef(env, name as Term);
    const given = pairs(def, args);
    const other = given.get("_");
    return form(
      "tuple",
      quote(def.name),
      ...def.fields.map((f) => pick(given.get(f.name), other, f.init, quote("undefined"))),
    );
  },
  "make-record": (args, env) => RECORD_FORMS.record!(args, env),
  "is-record": ([r, name], env) => isRecord(recordDef(env, name as Term), r as Term),
  "record-index": ([name, f], env) => fieldIndex(recordDef(env, name as Term), f as Term),
  "record-field": ([r, name, f], env) => {
    const def = recordDef(env, name as Term);
    const i = fieldIndex(def, f as Term);
    return checked(def, r as Term, (v) => call("erlang", "element", i, v));
  },
  "record-update": ([r, name, ...args], env) => {
    const def = recordDef(env, name as Term);
    const given = pairs(def, args);
    return checked(def, r as Term, (v) => {
      let acc: Term = v;
      for (const [f, val] of given) {
        acc = call("erlang", "setelement", fieldIndex(def, f), acc, val);
      }
      return acc;
    });
  },
};

/** `(record R f p ...)` as a pattern: the tuple, fields not named match anything. */
export function recordPattern(env: MacroEnv, name: Term, args: Term[]): Term {
  const def = recordDef(env, name);
  const given = pairs(def, args);
  const other = given.get("_");
  return form(
    "tuple",
    quote(def.name),
    ...def.fields.map((f) => pick(given.get(f.name), other, "_")),
  );
}
