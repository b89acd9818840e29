/**
 * `io_lib:fread/2,3`: input read by a format, as OTP's `io_lib_fread` reads it. Whitespace in
 * the format skips any whitespace; `~d` `~u` `~-` `~#` `~f` `~s` `~a` `~c` `~l` and `~~` read
 * integers (`~u` in the base its field width gives), a sign, `Base#Digits`, floats (with a
 * decimal point), strings and atoms up to whitespace (or of the field width), characters, and
 * the count read so far; `~*` reads without keeping. An input that ends too soon asks for
 * more: `{more, RestFormat, Count, Stack}`.
 *
 * @module
 */

import { raiseError } from "../../runtime/errors.ts";
import { arrayToList, atom, Cons, float, type Term } from "../../runtime/terms.ts";
import { parseInteger } from "./_erlang_convert.ts";

function isSpace(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** The characters of a flat list; `badarg` for anything else. */
function chars(t: Term): number[] {
  const out: number[] = [];
  let c = t;
  for (; c instanceof Cons; c = c.tl) {
    if (typeof c.hd !== "number") raiseError("badarg");
    out.push(c.hd);
  }
  return c === null ? out : raiseError("badarg");
}

class Fail {
  constructor(readonly what: string) {}
}

class More {
  constructor(readonly at: number) {}
}

/** What reading `input` by `format` gives, as `io_lib:fread/2` answers. */
export function fread(formatTerm: Term, inputTerm: Term): Term {
  const f = chars(formatTerm), s = chars(inputTerm);
  const results: Term[] = [];
  let i = 0, k = 0;
  const skip = () => {
    while (isSpace(s[i])) i++;
  };
  try {
    while (k < f.length) {
      const fc = f[k] as number;
      if (isSpace(fc)) {
        skip();
        k++;
        continue;
      }
      if (fc !== 126) {
        if (i >= s.length) throw new More(k);
        if (s[i] !== fc) throw new Fail("input");
        i++;
        k++;
        continue;
      }
      const start = k;
      k++;
      let suppress = false;
      if (f[k] === 42) {
        suppress = true;
        k++;
      }
      let width: number | undefined;
      while (f[k] !== undefined && f[k]! >= 48 && f[k]! <= 57) {
        width = (width ?? 0) * 10 + (f[k]! - 48);
        k++;
      }
      const ctl = f[k++];
      if (ctl === undefined) throw new Fail("format");
      const keep = (v: Term) => {
        if (!suppress) results.push(v);
      };
      // The characters of a field: of its width, or the longest run that `ok` takes.
      const field = (ok: (c: number, at: number) => boolean): number[] => {
        const from = i;
        if (width !== undefined) {
          if (i + width > s.length) throw new More(start);
          i += width;
        } else while (i < s.length && ok(s[i] as number, i - from)) i++;
        return s.slice(from, i);
      };
      switch (ctl) {
        case 126: // ~~
          skip();
          if (i >= s.length) throw new More(start);
          if (s[i] !== 126) throw new Fail("input");
          i++;
          break;
        case 100: { // ~d
          skip();
          if (i >= s.length) throw new More(start);
          const t = field((c, at) => (c >= 48 && c <= 57) || (at === 0 && (c === 43 || c === 45)));
          if (!/^[+-]?[0-9]+$/.test(String.fromCharCode(...t))) throw new Fail("integer");
          keep(parseInteger(String.fromCharCode(...t), 10) as Term);
          break;
        }
        case 117: { // ~u: the width is the base
          const base = width ?? 10;
          width = undefined;
          skip();
          if (i >= s.length) throw new More(start);
          const digit = (c: number) => {
            const d = c >= 48 && c <= 57
              ? c - 48
              : c >= 97 && c <= 122
              ? c - 87
              : c >= 65 && c <= 90
              ? c - 55
              : 99;
            return d < base;
          };
          const t = field((c) => digit(c));
          if (t.length === 0) throw new Fail("unsigned");
          keep(parseInteger(String.fromCharCode(...t), base) as Term);
          break;
        }
        case 45: // ~-: a sign, whitespace not skipped
          if (i >= s.length) throw new More(start);
          if (s[i] === 45) {
            i++;
            keep(-1);
          } else {
            if (s[i] === 43) i++;
            keep(1);
          }
          break;
        case 35: { // ~#: Base#Digits
          skip();
          if (i >= s.length) throw new More(start);
          const t = String.fromCharCode(
            ...field((c) =>
              (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 35 ||
              c === 45 || c === 43
            ),
          );
          const m = /^([+-]?)([0-9]+)#([0-9a-zA-Z]+)$/.exec(t);
          const base = m === null ? 0 : Number(m[2]);
          if (m === null || base < 2 || base > 36) throw new Fail("based");
          const v = parseInteger(m[1] + (m[3] as string), base);
          if (v === undefined) throw new Fail("based");
          keep(v);
          break;
        }
        case 102: { // ~f
          skip();
          if (i >= s.length) throw new More(start);
          const t = String.fromCharCode(
            ...field((c) =>
              (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45
            ),
          );
          const m = /^[+-]?[0-9]+\.[0-9]+([eE][+-]?[0-9]+)?/.exec(t);
          if (m === null || (width !== undefined && m[0] !== t)) throw new Fail("float");
          i -= t.length - m[0].length;
          keep(float(Number(m[0])));
          break;
        }
        case 115: // ~s
        case 97: { // ~a
          skip();
          if (i >= s.length) throw new More(start);
          let t = field((c) => !isSpace(c));
          if (width !== undefined) {
            while (t.length > 0 && isSpace(t[t.length - 1])) t = t.slice(0, -1);
          }
          keep(ctl === 115 ? arrayToList(t) : atom(String.fromCodePoint(...t)));
          break;
        }
        case 99: { // ~c
          const n = width ?? 1;
          if (i + n > s.length) throw new More(start);
          keep(arrayToList(s.slice(i, i + n)));
          i += n;
          break;
        }
        case 108: // ~l
          keep(i);
          break;
        default:
          throw new Fail("format");
      }
    }
  } catch (e) {
    if (e instanceof Fail) return ["error", ["fread", e.what]];
    if (e instanceof More) {
      return ["more", arrayToList(f.slice(e.at)), i, arrayToList(results.slice().reverse())];
    }
    throw e;
  }
  return ["ok", arrayToList(results), arrayToList(s.slice(i))];
}

/**
 * `io_lib:fread/3`: the collector of `io:fread/2,3` (a `get_until` request): the characters
 * so far (its continuation) and the new ones, until the format is read or the input ends.
 */
export function freadCollect(cont: Term, more: Term, format: Term): Term {
  const sofar = cont === null || cont instanceof Cons ? chars(cont) : [];
  if (more === "eof") {
    if (sofar.length === 0) return ["done", "eof", null];
    const r = fread(format, arrayToList(sofar)) as Term[];
    if (r[0] === "ok") return ["done", ["ok", r[1] as Term], r[2] as Term];
    if (r[0] === "error") return ["done", r, null];
    return ["done", ["error", ["fread", "input"]], null];
  }
  const all = [...sofar, ...chars(more)];
  const r = fread(format, arrayToList(all)) as Term[];
  if (r[0] === "ok") return ["done", ["ok", r[1] as Term], r[2] as Term];
  if (r[0] === "error") return ["done", r, null];
  return ["more", arrayToList(all)];
}
