/**
 * The module `filename` of OTP 25, for Unix file names: a name is a string (a deep list of
 * characters and atoms), an atom or a binary, and a function answers in the kind it was given
 * (a binary when any part of a join is one). Each function walks the name as OTP's does, so
 * redundant separators, `.` components and trailing slashes come out as they do on BEAM; a term
 * that is no name raises `function_clause`.
 *
 * @example
 * ```ts
 * import { FILENAME } from "./filename.ts";
 * import { charlist, list } from "../../runtime/terms.ts";
 * FILENAME["join/1"]!(list(charlist("/usr"), charlist("local/"), charlist("bin"))); // "/usr/local/bin"
 * FILENAME["extension/1"]!(charlist("foo.erl")); // ".erl"
 * ```
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, atomName, charlist, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { functionClause as fc, moduleTable } from "./_util.ts";

/** A name read from its term: its characters (a binary's bytes as Latin-1) and its kind. */
interface Name {
  text: string;
  binary: boolean;
}

function isAtom(t: Term): t is string | boolean {
  return typeof t === "string" || typeof t === "boolean";
}

/** `flatten/1`'s walk: characters, nested lists and atoms; `function_clause` for the rest. */
function flat(t: Term): string {
  if (isAtom(t)) return atomName(t);
  let s = "";
  const walk = (x: Term): void => {
    let c = x;
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && Number.isInteger(h) && h >= 0) s += String.fromCodePoint(h);
      else if (isAtom(h)) s += atomName(h);
      else if (h === null || h instanceof Cons) walk(h);
      else fc();
    }
    if (c !== null) fc();
  };
  walk(t);
  return s;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

function read(t: Term): Name {
  return t instanceof Uint8Array
    ? { text: latin1(t), binary: true }
    : { text: flat(t), binary: false };
}

const encoder = new TextEncoder();

/** A name's text as a binary's: a string's characters UTF-8 encoded, as OTP joins them to one. */
function bytesText(n: Name): string {
  return n.binary ? n.text : latin1(encoder.encode(n.text));
}

/** Two names read in one kind: binaries if either is one. */
function both(a: Term, b: Term): [string, string, boolean] {
  const x = read(a), y = read(b);
  const binary = x.binary || y.binary;
  return binary ? [bytesText(x), bytesText(y), true] : [x.text, y.text, false];
}

/** A result in the kind of the name it came from (a binary's text holds its bytes). */
function give(s: string, binary: boolean): Term {
  if (!binary) return charlist(s);
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function pathtype(t: Term): Term {
  const n = read(t);
  return n.text.startsWith("/") ? "absolute" : "relative";
}

/** OTP's `join1`: `a` and then the relative `b`, separators made single, no trailing one. */
function join2(a: string, b: string): string {
  let out = "";
  const add = (s: string) => {
    for (const ch of s) {
      if (ch === "/") {
        if (out.endsWith("/.")) out = out.slice(0, -1);
        else if (!out.endsWith("/")) out += "/";
      } else out += ch;
    }
  };
  add(a);
  if (b !== "") {
    if (out.endsWith("/.")) out = out.slice(0, -1);
    else if (!out.endsWith("/")) out += "/";
    add(b);
  }
  return out.length > 1 && out.endsWith("/") ? out.slice(0, -1) : out;
}

function join(a: Term, b: Term): Term {
  if (!isName(a) || !isName(b)) return fc();
  const [x, y, binary] = both(a, b);
  return give(y.startsWith("/") ? join2(y, "") : join2(x, y), binary);
}

function isName(t: Term): boolean {
  return t instanceof Uint8Array || t === null || t instanceof Cons || isAtom(t);
}

function joinList(l: Term): Term {
  if (!(l instanceof Cons)) return fc();
  if (l.tl === null) {
    if (!isName(l.hd)) return fc();
    const n = read(l.hd);
    return give(join2(n.text, ""), n.binary);
  }
  let acc = l.hd;
  let c: Term = l.tl;
  for (; c instanceof Cons; c = c.tl) acc = join(acc, c.hd);
  return c === null ? acc : fc();
}

function basename1(t: Term): Term {
  const { text, binary } = read(t);
  let s = text;
  if (s.endsWith("/")) s = s.slice(0, -1);
  return give(s.slice(s.lastIndexOf("/") + 1), binary);
}

function basename2(t: Term, e: Term): Term {
  const [text, ext, binary] = both(t, e);
  let tail = "";
  for (let i = 0; i < text.length; i++) {
    if (text.slice(i) === ext) return give(tail, binary);
    const ch = text[i] as string;
    if (ch !== "/") tail += ch;
    else if (i < text.length - 1) tail = "";
  }
  return give(tail, binary);
}

function dirname(t: Term): Term {
  const { text, binary } = read(t);
  const i = text.lastIndexOf("/");
  if (i < 0) return give(".", binary);
  const dir = text.slice(0, i).replace(/\/+$/, "");
  return give(dir === "" ? "/" : dir, binary);
}

/** The extension: from the last `.` of the last component, unless that dot starts it. */
function extension(t: Term): Term {
  const { text, binary } = read(t);
  const base = text.slice(text.lastIndexOf("/") + 1);
  const i = base.lastIndexOf(".");
  return give(i <= 0 ? "" : base.slice(i), binary);
}

function rootname1(t: Term): Term {
  const { text, binary } = read(t);
  const slash = text.lastIndexOf("/");
  const i = text.lastIndexOf(".");
  // A dot just after a slash starts a component's name, not an extension.
  if (i <= slash || (i === slash + 1 && slash >= 0)) return give(text, binary);
  return give(text.slice(0, i), binary);
}

function rootname2(t: Term, e: Term): Term {
  const [text, ext, binary] = both(t, e);
  if (ext.length < text.length && text.endsWith(ext)) {
    return give(text.slice(0, text.length - ext.length), binary);
  }
  return give(text, binary);
}

function split(t: Term): Term {
  const { text, binary } = read(t);
  const parts = text.split("/").filter((p) => p !== "");
  if (text.startsWith("/")) parts.unshift("/");
  return arrayToList(parts.map((p) => give(p, binary)));
}

function absname2(t: Term, base: Term): Term {
  const [n, b, binary] = both(t, base);
  return give(n.startsWith("/") ? join2(n, "") : join2(b, n), binary);
}

function cwd(): Term {
  try {
    return charlist(Deno.cwd());
  } catch {
    return raiseError("badarg");
  }
}

function validate(t: Term): boolean {
  if (!isName(t)) return fc();
  try {
    const n = read(t);
    return n.text !== "" && !n.text.includes("\u0000");
  } catch {
    return false;
  }
}

/** `append/2`: `Dir ++ "/" ++ Name` as it stands, or the binaries put together. */
function append(dir: Term, name: Term): Term {
  if (dir instanceof Uint8Array) {
    const [d, n] = both(dir, name);
    return give(d + "/" + n, true);
  }
  const items: Term[] = [];
  let c: Term = dir;
  for (; c instanceof Cons; c = c.tl) items.push(c.hd);
  if (c !== null) return raiseError("badarg");
  items.push(47);
  return arrayToList(items, name);
}

/** The functions of `filename`, by `name/arity`. */
const BASEDIR_TYPES = new Set([
  "user_cache",
  "user_config",
  "user_data",
  "user_log",
  "site_config",
  "site_data",
]);

/**
 * `basedir/2,3`: where an application keeps its files, as OTP places them on Linux (the XDG
 * directories, `$XDG_CACHE_HOME` and the others first), macOS and Windows (`#{os => ...}`),
 * with `#{version => V}` below the application's directory. A binary application name gives
 * binaries.
 */
function basedir(type: Term, app: Term, opts: Term = new TermMap([])): Term {
  if (!(opts instanceof TermMap)) fc();
  const asBinary = app instanceof Uint8Array;
  const name = asBinary
    ? new TextDecoder().decode(app)
    : app === null || app instanceof Cons
    ? charlistString(app)
    : fc();
  if (typeof type !== "string" || !BASEDIR_TYPES.has(type)) raiseError(["case_clause", type]);
  const v = opts.get("version");
  const version = v === undefined
    ? ""
    : "/" + (v instanceof Uint8Array ? new TextDecoder().decode(v) : charlistString(v));
  const osName = opts.get("os") ??
    (Deno.build.os === "darwin" ? "darwin" : Deno.build.os === "windows" ? "windows" : "linux");
  const env = (k: string) => {
    const x = Deno.env.get(k);
    return x === undefined || x === "" ? undefined : x;
  };
  const home = env("HOME") ?? "/";
  const out = (p: string): Term => asBinary ? new TextEncoder().encode(p) : charlist(p);
  const dirs = (ps: string[]): Term => arrayToList(ps.map(out));
  const at = (base: string) => `${base}/${name}${version}`;
  if (osName === "darwin") {
    switch (type) {
      case "user_cache":
        return out(at(`${home}/Library/Caches`));
      case "user_log":
        return out(at(`${home}/Library/Logs`));
      case "user_config":
      case "user_data":
        return out(at(`${home}/Library/Application Support`));
      default:
        return dirs([at("/Library/Application Support")]);
    }
  }
  if (osName === "windows") {
    const local = env("LOCALAPPDATA") ?? `${home}/Local`;
    const roaming = env("APPDATA") ?? `${home}/Roaming`;
    switch (type) {
      case "user_cache":
        return out(`${at(local)}/Cache`);
      case "user_log":
        return out(`${at(local)}/Logs`);
      case "user_config":
        return out(at(roaming));
      case "user_data":
        return out(at(local));
      default:
        return null;
    }
  }
  const cache = env("XDG_CACHE_HOME") ?? `${home}/.cache`;
  switch (type) {
    case "user_cache":
      return out(at(cache));
    case "user_log":
      return out(`${at(cache)}/log`);
    case "user_config":
      return out(at(env("XDG_CONFIG_HOME") ?? `${home}/.config`));
    case "user_data":
      return out(at(env("XDG_DATA_HOME") ?? `${home}/.local/share`));
    case "site_config":
      return dirs((env("XDG_CONFIG_DIRS") ?? "/etc/xdg").split(":").map(at));
    default:
      return dirs((env("XDG_DATA_DIRS") ?? "/usr/local/share:/usr/share").split(":").map(at));
  }
}

function charlistString(t: Term): string {
  let s = "";
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "number") fc();
    s += String.fromCodePoint(c.hd as number);
  }
  return c === null ? s : fc();
}

export const FILENAME: ModuleFunctions = moduleTable("filename", {
  "basedir/2": (type: Term, app: Term) => basedir(type, app),
  "basedir/3": basedir,
  "join/1": joinList,
  "join/2": join,
  "basename/1": basename1,
  "basename/2": basename2,
  "dirname/1": dirname,
  "extension/1": extension,
  "rootname/1": rootname1,
  "rootname/2": rootname2,
  "split/1": split,
  "pathtype/1": pathtype,
  "flatten/1": (t: Term) => t instanceof Uint8Array ? t : charlist(flat(t)),
  "absname/1": (t: Term) => absname2(t, cwd()),
  "absname/2": absname2,
  "absname_join/2": join,
  "nativename/1": (t: Term) => {
    const n = read(t);
    return give(join2(n.text, ""), n.binary);
  },
  "append/2": append,
  "validate/1": validate,
});
