/**
 * The rest of `file` as OTP 25 has it on a Unix system: directories (`list_dir`, `make_dir`,
 * `del_dir`, `del_dir_r`), files by name (`delete`, `rename`, `copy`, links, `read_file_info`
 * and `write_file_info` with OTP's `#file_info{}` record, `change_mode` and the others,
 * `set_cwd`), and opened files. `open/2` gives the pid of a file io server, as OTP's does: it
 * answers the io protocol (so `io:format/3` and `io:get_line/2` work on it) and file requests
 * (`read`, `read_line`, `write`, `position`, `pread`, `pwrite`, `truncate`, `sync`, `close`),
 * and closes the file when the process that opened it ends. Errors are the POSIX names.
 *
 * @module
 */

import { bindingsFrom, exprs as evalExprs } from "./erl_eval.ts";
import { parseExprs } from "./erl_parse.ts";
import { tokens as scanTokens } from "./erl_scan.ts";
import { caught } from "../../runtime/errors.ts";
import { monitor, self, sendTerm } from "../../runtime/api.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import { iodataToString } from "../../runtime/io.ts";
import { type Process, type Yielded } from "../../runtime/process.ts";
import { mustCurrent, NOMATCH, receiveWith } from "../../runtime/receive.ts";
import { exactEq } from "../../runtime/term_order.ts";
import {
  arrayToList,
  charlist,
  Cons,
  listToArray,
  Pid,
  type Term,
  termKey,
} from "../../runtime/terms.ts";
import { fileName, posixError } from "./file.ts";
import { universalToLocal } from "./_erlang_time.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

/** Runs a file system call: its value, or `{error, Posix}`. */
function attempt(f: () => Term): Term {
  try {
    return f();
  } catch (e) {
    return ["error", posixError(e)];
  }
}

/** A file name argument; `{error, badarg}` is the caller's answer when there is none. */
function named(t: Term, then: (name: string) => Term): Term {
  const name = fileName(t);
  return name === undefined ? ["error", "badarg"] : then(name);
}

/** The bytes of io data written to a file: Latin-1 characters, or UTF-8 for `utf8` files. */
function bytesOf(data: Term, utf8 = false): Uint8Array {
  if (data instanceof Uint8Array) return data;
  const s = iodataToString(data);
  if (utf8) return new TextEncoder().encode(s);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new RangeError("no_translation");
    out[i] = c;
  }
  return out;
}

// ---- Files and directories by name ----

function listDir(d: Term): Term {
  return named(d, (name) =>
    attempt(() => {
      const out: Term[] = [];
      for (const e of Deno.readDirSync(name)) out.push(charlist(e.name));
      return ["ok", arrayToList(out)];
    }));
}

function delDirR(d: Term): Term {
  return named(d, (name) =>
    attempt(() => {
      const st = Deno.lstatSync(name);
      if (!st.isDirectory) return ["error", "enotdir"];
      Deno.removeSync(name, { recursive: true });
      return "ok";
    }));
}

function copy(src: Term, dst: Term, count: Term = "infinity"): Term {
  const s = fileName(Array.isArray(src) ? src[0] as Term : src);
  const d = fileName(Array.isArray(dst) ? dst[0] as Term : dst);
  if (s === undefined || d === undefined) return ["error", "badarg"];
  const appending = Array.isArray(dst) && (dst[1] instanceof Cons) &&
    [...iter(dst[1])].includes("append");
  return attempt(() => {
    let bytes = Deno.readFileSync(s);
    if (typeof count === "number") bytes = bytes.subarray(0, count);
    Deno.writeFileSync(d, bytes, { append: appending });
    return ["ok", bytes.length];
  });
}

function* iter(l: Term): Generator<Term> {
  for (let c = l; c instanceof Cons; c = c.tl) yield c.hd;
}

/** A time of a file as `file` gives it: local or universal date and time, or POSIX seconds. */
function timeOf(d: Date | null, kind: Term): Term {
  const ms = d === null ? 0 : d.getTime();
  const secs = Math.floor(ms / 1000);
  if (kind === "posix") return secs;
  const t = new Date(secs * 1000);
  const utc: Term = [
    [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()],
    [t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()],
  ];
  return kind === "universal" ? utc : universalToLocal(utc);
}

function timeKind(opts: Term): Term {
  let kind: Term = "local";
  for (const o of iter(opts)) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "time") kind = o[1] as Term;
  }
  return kind;
}

/** `#file_info{}`: size, type, access, times, mode, links, devices, inode, uid, gid. */
function fileInfo(st: Deno.FileInfo, kind: Term): Term {
  const type = st.isFile
    ? "regular"
    : st.isDirectory
    ? "directory"
    : st.isSymlink
    ? "symlink"
    : "other";
  const mode = st.mode ?? 0;
  const uid = Deno.uid();
  const mine = uid === null || uid === 0 || st.uid === uid;
  const r = mine ? (mode & 0o400) !== 0 || uid === 0 : (mode & 0o004) !== 0;
  const w = mine ? (mode & 0o200) !== 0 || uid === 0 : (mode & 0o002) !== 0;
  const access = r && w ? "read_write" : r ? "read" : w ? "write" : "none";
  const ctime = (st as { ctime?: Date | null }).ctime ?? st.mtime;
  return [
    "file_info",
    st.size,
    type,
    access,
    timeOf(st.atime, kind),
    timeOf(st.mtime, kind),
    timeOf(ctime, kind),
    mode,
    st.nlink ?? 1,
    st.dev ?? 0,
    st.rdev ?? 0,
    st.ino ?? 0,
    st.uid ?? 0,
    st.gid ?? 0,
  ];
}

function readFileInfo(f: Term, opts: Term = null, link = false): Term {
  return named(
    f,
    (name) =>
      attempt(
        () => ["ok", fileInfo(link ? Deno.lstatSync(name) : Deno.statSync(name), timeKind(opts))],
      ),
  );
}

/** A time given to `change_time` or `write_file_info`, as a Date. */
function dateOf(t: Term, kind: Term = "local"): Date | undefined {
  if (typeof t === "number") return new Date(t * 1000);
  if (!(Array.isArray(t) && t.length === 2)) return undefined;
  const [[y, mo, d], [h, mi, s]] = t as unknown as [
    [number, number, number],
    [number, number, number],
  ];
  if (kind === "universal") return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return new Date(y, mo - 1, d, h, mi, s);
}

function writeFileInfo(f: Term, info: Term, opts: Term = null): Term {
  if (!(Array.isArray(info) && info.length === 14 && info[0] === "file_info")) {
    return ["error", "badarg"];
  }
  const kind = timeKind(opts);
  return named(f, (name) =>
    attempt(() => {
      const mode = info[7];
      if (typeof mode === "number") Deno.chmodSync(name, mode & 0o7777);
      const at = dateOf(info[4] as Term, kind), mt = dateOf(info[5] as Term, kind);
      if (at !== undefined || mt !== undefined) {
        const st = Deno.statSync(name);
        Deno.utimeSync(name, at ?? st.atime ?? new Date(), mt ?? st.mtime ?? new Date());
      }
      return "ok";
    }));
}

function writeFile3(f: Term, data: Term, modes: Term): Term {
  const ms = [...iter(modes)];
  return named(f, (name) => {
    let bytes: Uint8Array;
    try {
      bytes = bytesOf(data);
    } catch {
      return ["error", "badarg"];
    }
    return attempt(() => {
      if (ms.includes("exclusive")) {
        const file = Deno.openSync(name, { write: true, createNew: true });
        file.writeSync(bytes);
        file.close();
      } else Deno.writeFileSync(name, bytes, { append: ms.includes("append") });
      return "ok";
    });
  });
}

// ---- Opened files ----

interface OpenFile {
  file: Deno.FsFile;
  /** The name it was opened by, as `pid2name/1` gives it back. */
  name: Term;
  binary: boolean;
  utf8: boolean;
  read: boolean;
  write: boolean;
  /** Bytes read ahead of the position the reader is at. */
  ahead: number[];
}

/** Data read from a file, as the file was opened: a binary, or a list of characters. */
function dataOf(f: OpenFile, bytes: readonly number[]): Term {
  if (f.binary) return Uint8Array.from(bytes);
  if (f.utf8) return charlist(new TextDecoder().decode(Uint8Array.from(bytes)));
  return arrayToList(bytes as number[]);
}

/** The next byte, or `undefined` at the end. */
function nextByte(f: OpenFile): number | undefined {
  if (f.ahead.length > 0) return f.ahead.shift();
  const buf = new Uint8Array(4096);
  const n = f.file.readSync(buf);
  if (n === null || n === 0) return undefined;
  for (let i = 0; i < n; i++) f.ahead.push(buf[i] as number);
  return f.ahead.shift();
}

/** Moves the file's position back over what was read ahead, so position and writes agree. */
function settle(f: OpenFile): void {
  if (f.ahead.length > 0) {
    f.file.seekSync(-f.ahead.length, Deno.SeekMode.Current);
    f.ahead = [];
  }
}

function readN(f: OpenFile, n: number): Term {
  const out: number[] = [];
  while (out.length < n) {
    const b = nextByte(f);
    if (b === undefined) break;
    out.push(b);
  }
  return out.length === 0 && n > 0 ? "eof" : ["ok", dataOf(f, out)];
}

function readLine(f: OpenFile): Term {
  const out: number[] = [];
  for (;;) {
    const b = nextByte(f);
    if (b === undefined) break;
    out.push(b);
    if (b === 10) break;
  }
  return out.length === 0 ? "eof" : ["ok", dataOf(f, out)];
}

function position(f: OpenFile, at: Term): Term {
  settle(f);
  let mode = Deno.SeekMode.Start, off = 0;
  if (typeof at === "number") off = at;
  else if (at === "bof" || at === "cur" || at === "eof") {
    mode = at === "bof"
      ? Deno.SeekMode.Start
      : at === "cur"
      ? Deno.SeekMode.Current
      : Deno.SeekMode.End;
  } else if (Array.isArray(at) && at.length === 2 && typeof at[1] === "number") {
    off = at[1];
    if (at[0] === "bof") mode = Deno.SeekMode.Start;
    else if (at[0] === "cur") mode = Deno.SeekMode.Current;
    else if (at[0] === "eof") mode = Deno.SeekMode.End;
    else return ["error", "einval"];
  } else return ["error", "einval"];
  return attempt(() => ["ok", f.file.seekSync(off, mode)]);
}

/** The answer to a file request. */
function fileAnswer(f: OpenFile, req: Term): Term {
  if (req === "read_line") return attempt(() => readLine(f));
  if (req === "truncate") {
    settle(f);
    return attempt(() => {
      f.file.truncateSync(f.file.seekSync(0, Deno.SeekMode.Current));
      return "ok";
    });
  }
  if (req === "sync" || req === "datasync") return attempt(() => (f.file.syncSync(), "ok"));
  if (!Array.isArray(req)) return ["error", "einval"];
  switch (req[0]) {
    case "read": {
      const n = req[1];
      if (typeof n !== "number" || n < 0) return ["error", "einval"];
      if (!f.read) return ["error", "ebadf"];
      return attempt(() => readN(f, n));
    }
    case "write": {
      if (!f.write) return ["error", "ebadf"];
      settle(f);
      let bytes: Uint8Array;
      try {
        bytes = bytesOf(req[1] as Term, f.utf8);
      } catch {
        return ["error", "badarg"];
      }
      return attempt(() => {
        let off = 0;
        while (off < bytes.length) off += f.file.writeSync(bytes.subarray(off));
        return "ok";
      });
    }
    case "position":
      return position(f, req[1] as Term);
    case "pread": {
      const [, at, n] = req as [Term, Term, Term];
      if (typeof at !== "number" || typeof n !== "number") return ["error", "einval"];
      settle(f);
      return attempt(() => {
        f.file.seekSync(at, Deno.SeekMode.Start);
        return readN(f, n);
      });
    }
    case "pwrite": {
      const [, at, data] = req as [Term, Term, Term];
      if (typeof at !== "number") return ["error", "einval"];
      settle(f);
      return attempt(() => {
        f.file.seekSync(at, Deno.SeekMode.Start);
        const bytes = bytesOf(data, f.utf8);
        let off = 0;
        while (off < bytes.length) off += f.file.writeSync(bytes.subarray(off));
        return "ok";
      });
    }
    case "advise":
    case "allocate":
      return "ok";
  }
  return ["error", "einval"];
}

/** The answer to an io request on an opened file. */
function ioAnswer(f: OpenFile, req: Term): Term {
  if (!Array.isArray(req)) return ["error", "request"];
  if (req[0] === "put_chars") {
    if (!f.write) return ["error", "ebadf"];
    const data = req[req.length - 1] as Term;
    let bytes: Uint8Array;
    try {
      bytes = req.length === 3 && req[1] === "latin1" && data instanceof Uint8Array
        ? data
        : bytesOf(
          data instanceof Uint8Array ? charlist(new TextDecoder().decode(data)) : data,
          f.utf8,
        );
    } catch (e) {
      return e instanceof RangeError
        ? ["error", ["no_translation", "unicode", "latin1"]]
        : ["error", "put_chars"];
    }
    return fileAnswer(f, ["write", bytes]);
  }
  if (req[0] === "get_line") {
    const r = attempt(() => readLine(f));
    return Array.isArray(r) && r[0] === "ok" ? r[1] as Term : r;
  }
  if (req[0] === "get_chars") {
    const n = req[req.length - 1];
    if (typeof n !== "number") return ["error", "request"];
    const r = attempt(() => readN(f, n));
    return Array.isArray(r) && r[0] === "ok" ? r[1] as Term : r;
  }
  if (req[0] === "setopts") return "ok";
  if (req[0] === "getopts") {
    return arrayToList([["binary", f.binary], ["encoding", f.utf8 ? "unicode" : "latin1"]]);
  }
  return ["error", "request"];
}

/** The names of the files open, by their io servers. */
const NAMES = new Map<unknown, Term>();

/** The file io server: answers until closed, or until its owner ends. */
function* fileServer(f: OpenFile, owner: Pid): Gen<Term> {
  try {
    return yield* serve(f, owner);
  } finally {
    NAMES.delete(termKey(self()));
  }
}

function* serve(f: OpenFile, owner: Pid): Gen<Term> {
  const mon = monitor(owner);
  for (;;) {
    const m = yield* receiveWith((m) => m);
    if (Array.isArray(m) && m[0] === "DOWN" && exactEq(m[1] as Term, mon)) break;
    if (Array.isArray(m) && m[0] === "file_request" && m[1] instanceof Pid) {
      const req = m[3] as Term;
      if (req === "close") {
        settle(f);
        try {
          f.file.close();
        } catch { /* closed already */ }
        sendTerm(m[1], ["file_reply", m[2] as Term, "ok"]);
        return "normal";
      }
      sendTerm(m[1], ["file_reply", m[2] as Term, fileAnswer(f, req)]);
    } else if (Array.isArray(m) && m[0] === "io_request" && m[1] instanceof Pid) {
      const req = m[3] === "getopts" ? ["getopts"] : m[3] as Term;
      sendTerm(m[1], ["io_reply", m[2] as Term, ioAnswer(f, req)]);
    }
  }
  try {
    f.file.close();
  } catch { /* closed already */ }
  return "normal";
}

function open(nameTerm: Term, modes: Term): Term {
  const name = fileName(nameTerm);
  if (name === undefined) return ["error", "badarg"];
  const ms = modes === null || modes instanceof Cons ? [...iter(modes)] : [modes];
  const has = (m: string) => ms.includes(m);
  let utf8 = false;
  for (const m of ms) {
    if (Array.isArray(m) && m[0] === "encoding" && m[1] !== "latin1") utf8 = true;
  }
  const write = has("write") || has("append") || has("exclusive");
  const read = has("read") || !write;
  const p: Process = mustCurrent("file:open");
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(name, {
      read,
      write: write && !has("append"),
      append: has("append"),
      create: write,
      createNew: has("exclusive"),
      truncate: write && !read && !has("append") && !has("exclusive"),
    });
  } catch (e) {
    return ["error", posixError(e)];
  }
  const f: OpenFile = { file, name: nameTerm, binary: has("binary"), utf8, read, write, ahead: [] };
  const pid = p.node.spawn(fileServer, [f, p.pid], { initialCall: ["file_io_server", "init", 1] });
  NAMES.set(termKey(pid), typeof nameTerm === "string" ? charlist(nameTerm) : nameTerm);
  return ["ok", pid];
}

/** A file request to a file io server, waited for: its reply, or `{error, terminated}`. */
function* request(dev: Term, req: Term, deadAnswer: Term = ["error", "terminated"]): Gen<Term> {
  if (!(dev instanceof Pid)) return ["error", "badarg"];
  const p = mustCurrent("file");
  const ref = p.node.makeRef();
  const mon = p.node.monitor(p, dev);
  sendTerm(dev, ["file_request", p.pid, ref, req]);
  const r = yield* receiveWith((m) => {
    if (!Array.isArray(m)) return NOMATCH;
    if (m[0] === "file_reply" && exactEq(m[1] as Term, ref)) return m[2] as Term;
    if (m[0] === "DOWN" && exactEq(m[1] as Term, mon)) return deadAnswer;
    return NOMATCH;
  });
  p.node.demonitor(p, mon);
  return r;
}

/** The words of `format_error/1` for the POSIX names `file` gives. */
const POSIX_TEXT: Record<string, string> = {
  enoent: "no such file or directory",
  eacces: "permission denied",
  eexist: "file already exists",
  eisdir: "illegal operation on a directory",
  enotdir: "not a directory",
  enotempty: "directory not empty",
  eperm: "not owner",
  ebadf: "bad file number",
  einval: "invalid argument",
  enospc: "no space left on device",
  emfile: "too many open files",
  erofs: "read-only file system",
  eloop: "too many levels of symbolic links",
  enametoolong: "file name too long",
  exdev: "cross-domain link",
  ebusy: "file busy",
  eio: "I/O error",
  enotsup: "operation not supported",
  terminated: "the file server process is terminated",
  badarg: "bad argument",
  system_limit: "a system limit was hit, probably not enough ports",
};

function formatError(reason: Term): Term {
  if (Array.isArray(reason) && reason.length === 3 && typeof reason[0] === "number") {
    // {Line, Module, Description}: as erl_parse and the others describe it.
    return arrayToList([charlist(String(reason[0])), 58, 32, reason[2] as Term]);
  }
  if (typeof reason === "string") return charlist(POSIX_TEXT[reason] ?? "unknown POSIX error");
  return charlist("unknown POSIX error");
}

/** The first directory of `path` that has `file`, and the file's full name there. */
function onPath(path: Term, file: Term): string | undefined {
  const f = fileName(file);
  if (f === undefined) return undefined;
  if (f.startsWith("/")) return f;
  for (const d of iter(path)) {
    const dir = fileName(d);
    if (dir === undefined) continue;
    const full = `${dir}/${f}`;
    try {
      Deno.statSync(full);
      return full;
    } catch { /* not here */ }
  }
  return undefined;
}

const opsByName: ModuleFunctions = {
  "format_error/1": formatError,
  "raw_read_file_info/1": (f: Term) => readFileInfo(f),
  "raw_write_file_info/2": (f: Term, i: Term) => writeFileInfo(f, i),
  "path_open/3": (path: Term, file: Term, modes: Term) => {
    const full = onPath(path, file);
    if (full === undefined) return ["error", "enoent"];
    const r = open(charlist(full), modes);
    return Array.isArray(r) && r[0] === "ok" ? ["ok", r[1] as Term, charlist(full)] : r;
  },
  "list_dir/1": listDir,
  "list_dir_all/1": listDir,
  "make_dir/1": (d: Term) => named(d, (n) => attempt(() => (Deno.mkdirSync(n), "ok"))),
  "del_dir/1": (d: Term) =>
    named(d, (n) =>
      attempt(() => {
        if (!Deno.lstatSync(n).isDirectory) return ["error", "enotdir"];
        for (const _ of Deno.readDirSync(n)) return ["error", "eexist"];
        Deno.removeSync(n);
        return "ok";
      })),
  "del_dir_r/1": delDirR,
  "delete/1": (f: Term) =>
    named(f, (n) =>
      attempt(() => {
        if (Deno.lstatSync(n).isDirectory) return ["error", "eperm"];
        Deno.removeSync(n);
        return "ok";
      })),
  "delete/2": (f: Term, _o: Term) => named(f, (n) => attempt(() => (Deno.removeSync(n), "ok"))),
  "rename/2": (a: Term, b: Term) =>
    named(a, (x) => named(b, (y) => attempt(() => (Deno.renameSync(x, y), "ok")))),
  "copy/2": (a: Term, b: Term) => copy(a, b),
  "copy/3": copy,
  "make_symlink/2": (a: Term, b: Term) =>
    named(a, (x) => named(b, (y) => attempt(() => (Deno.symlinkSync(x, y), "ok")))),
  "make_link/2": (a: Term, b: Term) =>
    named(a, (x) => named(b, (y) => attempt(() => (Deno.linkSync(x, y), "ok")))),
  "read_link/1": (f: Term) =>
    named(f, (n) =>
      attempt(() => {
        if (!Deno.lstatSync(n).isSymlink) return ["error", "einval"];
        return ["ok", charlist(Deno.readLinkSync(n))];
      })),
  "read_link_all/1": (f: Term) =>
    named(f, (n) =>
      attempt(() => {
        if (!Deno.lstatSync(n).isSymlink) return ["error", "einval"];
        return ["ok", charlist(Deno.readLinkSync(n))];
      })),
  "read_file_info/1": (f: Term) => readFileInfo(f),
  "read_file_info/2": (f: Term, o: Term) => readFileInfo(f, o),
  "read_link_info/1": (f: Term) => readFileInfo(f, null, true),
  "read_link_info/2": (f: Term, o: Term) => readFileInfo(f, o, true),
  "write_file_info/2": (f: Term, i: Term) => writeFileInfo(f, i),
  "write_file_info/3": writeFileInfo,
  "write_file/3": writeFile3,
  "change_mode/2": (f: Term, mode: Term) =>
    typeof mode !== "number"
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.chmodSync(n, mode), "ok"))),
  "change_owner/2": (f: Term, uid: Term) =>
    typeof uid !== "number"
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.chownSync(n, uid, null), "ok"))),
  "change_owner/3": (f: Term, uid: Term, gid: Term) =>
    typeof uid !== "number" || typeof gid !== "number"
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.chownSync(n, uid, gid), "ok"))),
  "change_group/2": (f: Term, gid: Term) =>
    typeof gid !== "number"
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.chownSync(n, null, gid), "ok"))),
  "change_time/2": (f: Term, mt: Term) => {
    const m = dateOf(mt);
    return m === undefined
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.utimeSync(n, m, m), "ok")));
  },
  "change_time/3": (f: Term, at: Term, mt: Term) => {
    const a = dateOf(at), m = dateOf(mt);
    return a === undefined || m === undefined
      ? ["error", "badarg"]
      : named(f, (n) => attempt(() => (Deno.utimeSync(n, a, m), "ok")));
  },
  "set_cwd/1": (d: Term) => named(d, (n) => attempt(() => (Deno.chdir(n), "ok"))),
  "get_cwd/1": (_drive: Term) => ["error", "enotsup"],
  "native_name_encoding/0": () => "utf8",
  "altname/1": (_f: Term) => ["error", "enotsup"],
  "open/2": open,
};

function* fileRequest(dev: Term, req: Term): Gen<Term> {
  return yield* request(dev, req);
}

/** `copy_opened/3`: bytes from one opened file to another, `{ok, Copied}`. */
function* copyOpened(src: Term, dst: Term, count: Term): Gen<Term> {
  if (!(count === "infinity" || (typeof count === "number" && count >= 0))) {
    return ["error", "badarg"];
  }
  let left = count === "infinity" ? Infinity : count as number, copied = 0;
  while (left > 0) {
    const r = yield* fileRequest(src, ["read", Math.min(65536, left)]);
    if (r === "eof") break;
    if (!Array.isArray(r) || r[0] !== "ok") return r;
    const data = r[1] as Term;
    const n = data instanceof Uint8Array ? data.length : [...iter(data)].length;
    const w = yield* fileRequest(dst, ["write", data]);
    if (w !== "ok") return w;
    copied += n;
    left -= n;
  }
  return ["ok", copied];
}

/**
 * `ipread_s32bu_p32bu/3`: a 32-bit size and a 32-bit pointer at `pos`, then the size's bytes
 * at the pointer (no more than `max`): `{ok, {Size, Pointer, Data}}` or `eof`.
 */
function* ipread(dev: Term, pos: Term, max: Term): Gen<Term> {
  if (typeof pos !== "number" || !(max === "infinity" || typeof max === "number")) {
    return ["error", "badarg"];
  }
  const head = yield* fileRequest(dev, ["pread", pos, 8]);
  if (head === "eof") return "eof";
  if (!Array.isArray(head) || head[0] !== "ok") return head;
  const hb = head[1] instanceof Uint8Array
    ? head[1]
    : Uint8Array.from([...iter(head[1] as Term)] as number[]);
  if (hb.length < 8) return "eof";
  const dv = new DataView(hb.buffer, hb.byteOffset, 8);
  const size = dv.getInt32(0), ptr = dv.getUint32(4);
  if (size < 0 || (typeof max === "number" && size > max)) return "eof";
  if (size === 0) return ["ok", [size, ptr, "eof"]];
  const data = yield* fileRequest(dev, ["pread", ptr, size]);
  if (data === "eof") return ["ok", [size, ptr, "eof"]];
  if (!Array.isArray(data) || data[0] !== "ok") return data;
  return ["ok", [size, ptr, data[1] as Term]];
}

/**
 * `eval/1,2` and `script/1,2`: a file's Erlang expressions, each ended by a dot, evaluated in
 * turn with the bindings they make: `ok` (or `{ok, Value}` of the last), or the first error,
 * `{error, {Line, Module, Term}}` (a syntax error, or `{Class, Reason, Stack}` from `file`).
 */
function* evalFile(nameTerm: Term, bs: Term, wantValue: boolean): Gen<Term> {
  const name = fileName(nameTerm);
  if (name === undefined) return ["error", "badarg"];
  let text: string;
  try {
    text = Deno.readTextFileSync(name);
  } catch (e) {
    return ["error", posixError(e)];
  }
  const b = bindingsFrom(bs);
  let rest: Term = arrayToList([...text].map((c) => c.codePointAt(0)!));
  let loc: Term = 1;
  let last: Term = "undefined";
  let evaluated = false;
  for (;;) {
    let r = scanTokens(null, rest, loc) as Term[];
    if (r[0] === "more") r = scanTokens(r[1]!, "eof", loc) as Term[];
    const [, res, after] = r as [Term, Term[], Term];
    if (res[0] === "eof") {
      if (!wantValue) return "ok";
      return evaluated ? ["ok", last] : ["error", [res[1]!, "file", "undefined_script"]];
    }
    if (res[0] === "error") return ["error", res[1]!];
    const parsed = parseExprs(res[1]!) as Term[];
    if (parsed[0] !== "ok") return ["error", parsed[1]!];
    try {
      last = yield* evalExprs(listToArray(parsed[1]!), b);
      evaluated = true;
    } catch (e) {
      const c = caught(e);
      return ["error", [res[2]!, "file", [c.cls, c.reason, c.stack ?? null]]];
    }
    loc = res[2]!;
    rest = after === "eof" ? null : after;
  }
}

/** The functions of `file` that this module adds, by `name/arity`. */
export const FILE_OPS: ModuleFunctions = {
  ...opsByName,
  "eval/1": function* (f: Term) {
    return yield* evalFile(f, null, false);
  },
  "eval/2": function* (f: Term, bs: Term) {
    return yield* evalFile(f, bs, false);
  },
  "script/1": function* (f: Term) {
    return yield* evalFile(f, null, true);
  },
  "script/2": function* (f: Term, bs: Term) {
    return yield* evalFile(f, bs, true);
  },
  "path_eval/2": function* (path: Term, f: Term) {
    return yield* pathEval(path, f, null, false);
  },
  "path_eval/3": function* (path: Term, f: Term, bs: Term) {
    return yield* pathEval(path, f, bs, false);
  },
  "path_script/2": function* (path: Term, f: Term) {
    return yield* pathEval(path, f, null, true);
  },
  "path_script/3": function* (path: Term, f: Term, bs: Term) {
    return yield* pathEval(path, f, bs, true);
  },
  "pid2name/1": (pid: Term) => {
    const name = pid instanceof Pid ? NAMES.get(termKey(pid)) : undefined;
    return name === undefined ? "undefined" : ["ok", name];
  },
  "copy_opened/3": copyOpened,
  "ipread_s32bu_p32bu/3": ipread,
  "ipread_s32bu_p32bu_int/3": ipread,
  "close/1": function* (dev: Term) {
    return yield* request(dev, "close", "ok");
  },
  "read/2": function* (dev: Term, n: Term) {
    return yield* fileRequest(dev, ["read", n]);
  },
  "read_line/1": function* (dev: Term) {
    return yield* fileRequest(dev, "read_line");
  },
  "write/2": function* (dev: Term, data: Term) {
    return yield* fileRequest(dev, ["write", data]);
  },
  "position/2": function* (dev: Term, at: Term) {
    return yield* fileRequest(dev, ["position", at]);
  },
  "pread/3": function* (dev: Term, at: Term, n: Term) {
    return yield* fileRequest(dev, ["pread", at, n]);
  },
  "pwrite/3": function* (dev: Term, at: Term, data: Term) {
    return yield* fileRequest(dev, ["pwrite", at, data]);
  },
  "pread/2": function* (dev: Term, locs: Term) {
    const out: Term[] = [];
    for (const l of iter(locs)) {
      if (!(Array.isArray(l) && l.length === 2)) return ["error", "badarg"];
      const r = yield* fileRequest(dev, ["pread", l[0] as Term, l[1] as Term]);
      if (Array.isArray(r) && r[0] === "error") return r;
      out.push(r === "eof" ? "eof" : (r as Term[])[1] as Term);
    }
    return ["ok", arrayToList(out)];
  },
  "pwrite/2": function* (dev: Term, locs: Term) {
    for (const l of iter(locs)) {
      if (!(Array.isArray(l) && l.length === 2)) return ["error", "badarg"];
      const r = yield* fileRequest(dev, ["pwrite", l[0] as Term, l[1] as Term]);
      if (r !== "ok") return r;
    }
    return "ok";
  },
  "truncate/1": function* (dev: Term) {
    return yield* fileRequest(dev, "truncate");
  },
  "sync/1": function* (dev: Term) {
    return yield* fileRequest(dev, "sync");
  },
  "datasync/1": function* (dev: Term) {
    return yield* fileRequest(dev, "datasync");
  },
  "advise/4": function* (dev: Term, _o: Term, _l: Term, _a: Term) {
    return yield* fileRequest(dev, ["advise"]);
  },
  "allocate/3": function* (dev: Term, _o: Term, _l: Term) {
    return yield* fileRequest(dev, ["allocate"]);
  },
};

function* pathEval(path: Term, file: Term, bs: Term, wantValue: boolean): Gen<Term> {
  const full = onPath(path, file);
  if (full === undefined) return ["error", "enoent"];
  const r = yield* evalFile(charlist(full), bs, wantValue);
  if (r === "ok") return ["ok", charlist(full)];
  if (Array.isArray(r) && r[0] === "ok") return ["ok", r[1]!, charlist(full)];
  return r;
}
