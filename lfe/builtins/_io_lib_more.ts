/**
 * The rest of `io_lib`: `format/3` and `fwrite/3` with their options, the format's pieces
 * (`scan_format/2`, `unscan_format/1`, `build_text/1,2`), `write/3`, `limit_term/2`,
 * `format_prompt/1,2`, and the continuation functions an io server reads input with
 * (`collect_chars/3,4`, `collect_line/3,4`, `get_until/3,4`).
 *
 * A `chars_limit` is shared as OTP shares it: what the plain characters and small controls
 * leave is divided among the `~p`, `~P`, `~w`, `~W` and `~s` controls in turn, each term
 * measured to fit its share as `io_lib_pretty` measures it (`_erl_limited.ts`).
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, BitString, Cons, type Term, TermMap } from "../../runtime/terms.ts";
import { bitstring } from "../../runtime/bits.ts";
import { buildItems, formatDeep, type FormatItem, scanFormat, type Spec } from "./format.ts";
import { type DeepItem, flatText } from "./_deep.ts";
import { writeErlangDeep } from "./_erl_deep.ts";
import { prettyErlangDeep, writeLimited } from "./_erl_pretty.ts";
import { erlTermField } from "./_erl_deep.ts";
import { properArray } from "./_util.ts";
import { printableLatin1 } from "./_clj_pred.ts";
import { orderedEntries } from "../../runtime/term_order.ts";

function badarg(): never {
  return raiseError("badarg");
}

/** A deep character list as a term. */
function deep(d: DeepItem[] | DeepItem): Term {
  if (typeof d === "number") return d;
  if (typeof d === "string") return arrayToList([...d].map((c) => c.codePointAt(0)!));
  return arrayToList((d as DeepItem[]).map(deep));
}

function charsLimit(options: Term): number {
  const opts = properArray(options) ?? badarg();
  let limit = -1;
  for (const o of opts) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "chars_limit") {
      if (typeof o[1] !== "number") return badarg();
      limit = o[1];
    }
  }
  return limit;
}

/** `format/3` and `fwrite/3`. */
export function format3(format: Term, args: Term, options: Term): Term {
  const limit = charsLimit(options);
  if (limit < 0) return deep(formatDeep(format, args, "erlang"));
  return deep(buildLimited(scanFormat(format, args), limit));
}

const LIMITED = new Set(["p", "P", "w", "W", "s"]);

/** The items built with each limited control given its share of what is left of `limit`. */
function buildLimited(items: FormatItem[], limit: number): DeepItem[] {
  // The small controls and plain characters take what they take; the rest share the remainder.
  const small = buildItems(
    items.filter((i) => typeof i === "string" || !LIMITED.has(i.c)),
    "erlang",
  );
  let left = Math.max(0, limit - flatText(small).length);
  let count = items.filter((i) => typeof i !== "string" && LIMITED.has(i.c)).length;
  const out: DeepItem[] = [];
  for (const item of items) {
    if (typeof item === "string" || !LIMITED.has(item.c)) {
      out.push(...buildItems([item], "erlang"));
      continue;
    }
    const share = Math.floor(left / count);
    const text = flatText(out);
    const col = text.length - (text.lastIndexOf("\n") + 1);
    const d = limitedControl(item, share, col);
    out.push(...d);
    left = Math.max(0, left - flatText(d).length);
    count--;
  }
  return out;
}

function limitedControl(item: Spec, share: number, col: number): DeepItem[] {
  if (item.c === "s") {
    const text = flatText(buildItems([{ ...item }], "erlang"));
    if ([...text].length <= share) return buildItems([item], "erlang");
    const cut = [...text].slice(0, Math.max(0, share - 3)).join("") + "...";
    return [cut];
  }
  const depth = item.c === "P" || item.c === "W" ? Number(item.args[1]) : -1;
  if (share === 0) return ["..."];
  if (item.c === "w" || item.c === "W") {
    return [erlTermField(writeLimited(item.args[0]!, depth, share, item.enc), item)];
  }
  return [prettyErlangDeep(item.args[0]!, {
    column: item.prec ?? col + 1,
    lineLength: item.width ?? 80,
    encoding: item.enc,
    depth,
    strings: item.strings,
    charsLimit: share,
  })];
}

// ---- scan_format, unscan_format, build_text ----

/** `scan_format/2`: the format as characters and maps, one map a control sequence. */
export function scanFormat2(format: Term, args: Term): Term {
  return arrayToList(
    scanFormat(format, args).map((i) => typeof i === "string" ? i.codePointAt(0)! : specMap(i)),
  );
}

function specMap(s: Spec): TermMap {
  return new TermMap([
    ["control_char", s.c.codePointAt(0)!],
    ["args", arrayToList(s.args)],
    ["width", s.width ?? "none"],
    ["adjust", s.left ? "left" : "right"],
    ["precision", s.prec ?? "none"],
    ["pad_char", s.pad],
    ["encoding", s.enc],
    ["strings", s.strings],
  ]);
}

function mapSpec(m: TermMap): Spec {
  const get = (k: string): Term => {
    const v = m.get(k);
    return v === undefined ? badarg() : v;
  };
  const c = get("control_char");
  if (typeof c !== "number") return badarg();
  const width = get("width"), prec = get("precision");
  return {
    c: String.fromCodePoint(c),
    args: properArray(get("args")) ?? badarg(),
    width: width === "none" ? null : width as number,
    left: get("adjust") === "left",
    prec: prec === "none" ? null : prec as number,
    pad: get("pad_char"),
    enc: get("encoding") === "unicode" ? "unicode" : "latin1",
    strings: get("strings") !== false,
  };
}

function formatList(t: Term): FormatItem[] {
  return (properArray(t) ?? badarg()).map((x) =>
    typeof x === "number" ? String.fromCodePoint(x) : x instanceof TermMap ? mapSpec(x) : badarg()
  );
}

/** `unscan_format/1`: the format text and arguments a scanned format came from. */
export function unscanFormat(list: Term): Term {
  const chars: number[] = [];
  const args: Term[] = [];
  for (const x of properArray(list) ?? badarg()) {
    if (typeof x === "number") {
      chars.push(x);
      continue;
    }
    if (!(x instanceof TermMap)) return badarg();
    const s = mapSpec(x);
    let t = "~";
    if (s.width !== null) t += s.left ? String(-s.width) : String(s.width);
    if (s.prec !== null) t += "." + s.prec;
    else if (s.pad !== 32) t += ".";
    if (s.pad !== 32) t += "." + String.fromCodePoint(s.pad as number);
    if (s.enc === "unicode") t += "t";
    if (!s.strings) t += "l";
    t += s.c;
    chars.push(...[...t].map((c) => c.codePointAt(0)!));
    args.push(...s.args);
  }
  return [arrayToList(chars), arrayToList(args)];
}

/** `build_text/1,2`. */
export function buildText(list: Term, options: Term = null): Term {
  const items = formatList(list);
  const limit = charsLimit(options);
  return deep(limit < 0 ? buildItems(items, "erlang") : buildLimited(items, limit));
}

// ---- write/3, limit_term/2, format_prompt/1,2 ----

/** `write/3`: a term to a depth, written plainly or pretty. */
export function write3(term: Term, depth: Term, pretty: Term): Term {
  if (typeof depth !== "number") return badarg();
  if (pretty === true) return deep(prettyErlangDeep(term, { depth }));
  return deep(writeErlangDeep(term, depth));
}

/** `limit_term/2`: the term as `~P` with the depth would show it, its cut parts `'...'`. */
export function limitTerm(term: Term, depth: Term): Term {
  if (typeof depth !== "number") return badarg();
  if (depth < 0) return term;
  return limit(term, depth);
}

function limit(t: Term, d: number): Term {
  if (d === 0) return "...";
  if (t instanceof Cons) {
    if (d === 1) return new Cons("...", null);
    if (printableLatin1(t)) return t;
    return new Cons(limit(t.hd, d - 1), limitTail(t.tl, d - 1));
  }
  if (Array.isArray(t)) {
    if (t.length === 0) return t;
    if (d === 1) return ["..."];
    const rest = listOf(limitTail(arrayToList(t.slice(1)), d - 1));
    return [limit(t[0]!, d - 1), ...rest];
  }
  if (t instanceof TermMap) {
    // As OTP's limit_map/2: D + 1 pairs at most, in key order, each value to depth D - 1.
    const out = orderedEntries(t).slice(0, d + 1).map(([k, v]) =>
      [k, limit(v, d - 1)] as [Term, Term]
    );
    return new TermMap(out);
  }
  if (t instanceof Uint8Array) {
    if (t.length <= d - 1) return t;
    return t.slice(0, Math.max(0, d - 1));
  }
  return t;
}

function limitTail(t: Term, d: number): Term {
  if (t === null) return null;
  if (d === 1) return new Cons("...", null);
  if (t instanceof Cons) return new Cons(limit(t.hd, d - 1), limitTail(t.tl, d - 1));
  return limit(t, d - 1);
}

function listOf(t: Term): Term[] {
  const out: Term[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) out.push(c.hd);
  if (c !== null) out.push(c);
  return out;
}

/** `format_prompt/1,2`: a prompt as the characters an io server shows. */
export function formatPrompt(prompt: Term, _encoding: Term = "latin1"): Term {
  if (Array.isArray(prompt) && prompt.length === 3 && prompt[0] === "format") {
    return deep(formatDeep(prompt[1]!, prompt[2]!, "erlang"));
  }
  if (typeof prompt === "string" || typeof prompt === "boolean") {
    return arrayToList([...String(prompt)].map((c) => c.codePointAt(0)!));
  }
  if (prompt instanceof Uint8Array || prompt === null || prompt instanceof Cons) {
    return deep(formatDeep(arrayToList([126, 116, 115]), arrayToList([prompt]), "erlang"));
  }
  return deep(formatDeep(arrayToList([126, 116, 112]), arrayToList([prompt]), "erlang"));
}

// ---- the continuation functions ----

/** `collect_chars/3`: `{done, Chars, Rest}`, or `{more, Continuation}`. */
export function collectChars3(cont: Term, data: Term, n: Term): Term {
  let left: number, stack: Term;
  if (cont === null) [left, stack] = [n as number, null];
  else if (Array.isArray(cont) && cont.length === 2 && typeof cont[0] === "number") {
    [left, stack] = [cont[0], cont[1]!];
  } else return raiseError("function_clause");
  let c = data;
  for (;;) {
    if (left <= 0) return ["done", reverse(stack), c];
    if (c instanceof Cons) {
      stack = new Cons(c.hd, stack);
      c = c.tl;
      left--;
      continue;
    }
    if (c === "eof") return ["done", stack === null ? "eof" : reverse(stack), null];
    if (c === null) return ["more", [left, stack]];
    return raiseError("function_clause");
  }
}

/** `collect_chars/4`: the io server's form, from `start`. */
export function collectChars4(cont: Term, data: Term, enc: Term, n: Term): Term {
  if (typeof n !== "number") return raiseError("function_clause");
  if (cont === "start") {
    if (data === "eof") return ["stop", "eof", "eof"];
    if (data instanceof Uint8Array) return binChars([], data, enc, n);
    if (data === null || data instanceof Cons) return listChars(null, n, data);
    return raiseError("function_clause");
  }
  if (Array.isArray(cont) && cont.length === 3 && cont[0] === "binary") {
    const stack = listOf(cont[1]!) as Uint8Array[];
    if (data === "eof") return ["stop", concatBins([...stack].reverse()), "eof"];
    if (data instanceof Uint8Array) return binChars(stack, data, enc, cont[2] as number);
  }
  if (Array.isArray(cont) && cont.length === 3 && cont[0] === "list") {
    if (data === "eof") return ["stop", reverse(cont[1]!), "eof"];
    return listChars(cont[1]!, cont[2] as number, data);
  }
  return raiseError("function_clause");
}

function binChars(stack: Uint8Array[], data: Uint8Array, enc: Term, n: number): Term {
  // `stack` holds what came before, newest first.
  let cut = -1, count = 0;
  if (enc === "unicode" || enc === "utf8") {
    for (let i = 0; i < data.length; i++) {
      if ((data[i]! & 0xc0) === 0x80) continue;
      if (count === n) {
        cut = i;
        break;
      }
      count++;
    }
  } else {
    count = Math.min(data.length, n);
    if (data.length > n) cut = n;
  }
  if (cut < 0 && count < n) return ["binary", arrayToList([data, ...stack]), n - count];
  const all = concatBins([...[...stack].reverse(), cut < 0 ? data : data.slice(0, cut)]);
  return ["stop", all, cut < 0 ? "eof" : data.slice(cut)];
}

function listChars(stack: Term, n: number, data: Term): Term {
  let c = data;
  let s = stack;
  let left = n;
  while (left > 0 && c instanceof Cons) {
    s = new Cons(c.hd, s);
    c = c.tl;
    left--;
  }
  if (left === 0) return ["stop", reverse(s), c];
  return ["list", s, left];
}

function concatBins(bs: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function reverse(t: Term): Term {
  let out: Term = null;
  for (let c = t; c instanceof Cons; c = c.tl) out = new Cons(c.hd, out);
  return out;
}

/** `collect_line/3,4`: `{stop, Line, Rest}`, or the continuation (what is read so far). */
export function collectLine(cont: Term, data: Term, _enc: Term = "latin1"): Term {
  if (cont === "start") {
    if (data === "eof") return ["stop", "eof", "eof"];
    cont = null;
  }
  if (data === "eof") {
    if (cont instanceof Cons && cont.hd instanceof Uint8Array) {
      return ["stop", concatBins((listOf(cont) as Uint8Array[]).reverse()), "eof"];
    }
    return ["stop", reverse(cont), "eof"];
  }
  if (data instanceof Uint8Array) {
    const nl = data.indexOf(10);
    const stack = cont === null ? [] : listOf(cont) as Uint8Array[];
    if (nl < 0) return arrayToList([data, ...stack]);
    let line: Uint8Array = data.slice(0, nl + 1);
    if (nl > 0 && data[nl - 1] === 13) {
      line = concatBins([data.slice(0, nl - 1), new Uint8Array([10])]);
    }
    return ["stop", concatBins([...stack.reverse(), line]), data.slice(nl + 1)];
  }
  let s: Term = cont;
  let c: Term = data;
  for (; c instanceof Cons; c = c.tl) {
    if (c.hd === 10) {
      if (s instanceof Cons && s.hd === 13) s = s.tl;
      let out: Term = new Cons(10, null);
      for (let k = s; k instanceof Cons; k = k.tl) out = new Cons(k.hd, out);
      return ["stop", out, c.tl];
    }
    s = new Cons(c.hd, s);
  }
  if (c !== null) return raiseError("function_clause");
  return s;
}

/** `get_until/3,4`: runs an old-style `{M, F, A}` reader over the data. */
export function getUntil(
  cont: Term,
  data: Term,
  mfa: Term,
  call: (m: string, f: string, args: Term[]) => Term,
): Term {
  if (!Array.isArray(mfa) || mfa.length !== 3) return raiseError("function_clause");
  const [m, f, a] = mfa;
  const r = call(m as string, f as string, [cont, data, ...(properArray(a!) ?? badarg())]);
  if (Array.isArray(r) && r.length === 3 && r[0] === "done") return ["stop", r[1]!, r[2]!];
  if (Array.isArray(r) && r.length === 2 && r[0] === "more") return r[1]!;
  return raiseError(["case_clause", r]);
}

/** `write_binary/3`: a binary's bytes to a depth and a character limit, and what was not written. */
export function writeBinary(b: Term, depth: Term, limit: Term): Term {
  if (typeof depth !== "number" || typeof limit !== "number") return raiseError("badarith");
  let bytes: Uint8Array, tailBits = 0;
  if (b instanceof Uint8Array) bytes = b;
  else if (b instanceof BitString) {
    bytes = b.bytes.slice(0, Math.floor(b.bits / 8));
    tailBits = b.bits % 8;
  } else return raiseError("function_clause");
  const tsub = (t: number, e: number) => (t < 0 ? t : t >= e ? t - e : 0);
  const acc: DeepItem[] = [];
  let d = depth, t = tsub(limit, 4), i = 0;
  const rest = (): Term => {
    if (tailBits === 0) return bytes.slice(i);
    const all = b as BitString;
    return bitstring(all.bytes.slice(i), all.bits - 8 * i);
  };
  for (;;) {
    const left = bytes.length - i;
    if (left === 0 && tailBits === 0) break;
    if (d === 1 || t === 0) {
      acc.push("...");
      return [deep([60, 60, acc, 62, 62]), rest()];
    }
    if (left === 0) {
      const x = (b as BitString).bytes[i]! >> (8 - tailBits);
      acc.push(String(x), 58, String(tailBits));
      i = bytes.length;
      tailBits = 0;
      break;
    }
    const s = String(bytes[i]!);
    acc.push(s);
    i++;
    if (bytes.length - i === 0 && tailBits === 0) break;
    acc.push(44);
    d--;
    t = tsub(t, s.length + 1);
  }
  return [deep([60, 60, acc, 62, 62]), new Uint8Array(0)];
}
