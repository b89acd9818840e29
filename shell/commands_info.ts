/**
 * The shell's commands about the node: `(i)` and `(i pids)` (the table of `c:i/0`), `(i x y z)`,
 * `(pid x y z)`, `(regs)`, `(nregs)`, `(memory)`, `(uptime)`, `(flush)` and `(q)`/`(exit)`,
 * laid out as OTP 25's `c` module lays them out.
 *
 * @module
 */

import { prettyErlang } from "../lfe/builtins/_erl_pretty.ts";
import { writeErlang } from "../lfe/builtins/_erl_write.ts";
import { processInfo1 } from "../lfe/builtins/_erlang_system.ts";
import { rpcCall } from "../lfe/builtins/net.ts";
import {
  allProcesses,
  arrayToList,
  Cons,
  haltNode,
  listToArray,
  nodeByIndex,
  nodes,
  Pid,
  putChars,
  raiseError,
  takeAll,
  type Term,
  thisNode,
  type Yielded,
} from "../runtime/mod.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

const started = Date.now();

/** `~-Ns`: left-aligned in a field of `n` characters, cut to it. */
function left(s: string, n: number): string {
  const cs = [...s];
  return cs.length >= n ? cs.slice(0, n).join("") : s + " ".repeat(n - cs.length);
}

/** `~Ns`: right-aligned in a field of `n` characters, cut to it. */
function right(s: string, n: number): string {
  const cs = [...s];
  return cs.length >= n ? cs.slice(0, n).join("") : " ".repeat(n - cs.length) + s;
}

const w = (t: Term) => writeErlang(t, -1, "unicode");

function mfa(t: Term): string {
  if (Array.isArray(t) && t.length === 3 && typeof t[2] === "number") {
    return `${w(t[0] as Term)}:${w(t[1] as Term)}/${t[2]}`;
  }
  return w(t);
}

function iformat(a1: string, a2: string, a3: string, a4: string, a5: string): string {
  return `${left(a1, 21)} ${left(a2, 33)} ${right(a3, 8)} ${right(a4, 8)} ${right(a5, 4)}\n`;
}

function field(info: Term, key: string): Term {
  for (let c = info; c instanceof Cons; c = c.tl) {
    const e = c.hd;
    if (Array.isArray(e) && e[0] === key) return e[1] as Term;
  }
  return 0;
}

// One process's two lines of the table, and its reductions and queue length for the totals;
// a value this runtime does not keep (heap, stack) is 0, as c:i/0 shows a missing one.
function* processLines(pid: Pid): Gen<[string, number, number]> {
  const info = yield* processInfo1(pid);
  if (info === "undefined") return ["", 0, 0];
  const call = field(info, "initial_call");
  const reds = field(info, "reductions") as number;
  const msgs = field(info, "message_queue_len") as number;
  const name = field(info, "registered_name");
  const text = iformat(w(pid), mfa(call), "0", String(reds), String(msgs)) +
    iformat(name === 0 ? "" : w(name), mfa(field(info, "current_function") || call), "0", "", "");
  return [text, reds, msgs];
}

function* table(pids: Pid[]): Gen<Term> {
  let s = iformat("Pid", "Initial Call", "Heap", "Reds", "Msgs") +
    iformat("Registered", "Current Function", "Stack", "", "");
  let reds = 0, msgs = 0;
  for (const pid of pids) {
    const [text, r, m] = yield* processLines(pid);
    s += text;
    reds += r;
    msgs += m;
  }
  s += iformat("Total", "", "0", String(reds), String(msgs)) + iformat("", "", "0", "", "");
  yield* putChars(s);
  return "ok";
}

/** `(i)`: every process of the node, on every scheduler. */
export function* i0(): Gen<Term> {
  return yield* table((yield* allProcesses()).map((p) => p.pid));
}

/** `(i pids)`: the processes of a list. */
export function* i1(pids: Term): Gen<Term> {
  const list = listToArray(pids);
  if (!list.every((p) => p instanceof Pid)) return raiseError("function_clause");
  return yield* table(list as Pid[]);
}

/** `(pid x y z)`: the pid `<x.y.z>`. */
export function pid3(x: Term, y: Term, z: Term): Pid {
  if (![x, y, z].every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0)) {
    return raiseError("badarg");
  }
  const node = nodeByIndex(x as number);
  if (node === undefined) return raiseError("badarg");
  const creation = node === thisNode().name ? thisNode().creation : 0;
  return new Pid(node, y as number, z as number, creation);
}

/** `(i x y z)`: what `process_info/1` tells of `<x.y.z>`. */
export function* i3(x: Term, y: Term, z: Term): Gen<Term> {
  return yield* processInfo1(pid3(x, y, z));
}

function regsText(node: string, rows: [string, Term, Term, number, number][]): string {
  const procformat = (a: string, b: string, c: string, d: string, e: string) =>
    `${left(a, 21)} ${left(b, 12)} ${left(c, 25)} ${right(d, 12)} ${right(e, 4)}\n`;
  let s = `\n** Registered procs on node ${w(node)} **\n` +
    procformat("Name", "Pid", "Initial Call", "Reds", "Msgs");
  for (const [name, pid, call, reds, msgs] of rows) {
    s += procformat(w(name), w(pid), mfa(call), String(reds), String(msgs));
  }
  s += `\n** Registered ports on node ${w(node)} **\n` +
    `${left("Name", 21)} ${left("Id", 15)} ${left("Command", 40)}\n`;
  return s;
}

function* localRegs(): Gen<[string, Term, Term, number, number][]> {
  const named = (yield* allProcesses()).filter((p) => p.name !== undefined);
  named.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  return named.map((p) => [p.name as string, p.pid, p.initialCall, p.reductions, p.messages]);
}

/** `(regs)`: the registered processes of this node. */
export function* regs(): Gen<Term> {
  yield* putChars(regsText(thisNode().name, yield* localRegs()));
  return "ok";
}

/** `(nregs)`: the registered processes of this node and of every node connected. */
export function* nregs(): Gen<Term> {
  yield* putChars(regsText(thisNode().name, yield* localRegs()));
  for (const n of nodes()) {
    const names = yield* rpcCall(n, "erlang", "registered", null);
    if (!(names instanceof Cons)) continue;
    const rows: [string, Term, Term, number, number][] = [];
    for (const name of [...listToArray(names)].sort()) {
      const pid = yield* rpcCall(n, "erlang", "whereis", arrayToList([name]));
      if (!(pid instanceof Pid)) continue;
      const info = yield* rpcCall(n, "erlang", "process_info", arrayToList([pid]));
      rows.push([
        name as string,
        pid,
        field(info, "initial_call"),
        field(info, "reductions") as number,
        field(info, "message_queue_len") as number,
      ]);
    }
    yield* putChars(regsText(String(n), rows));
  }
  return "ok";
}

const MEMORY_TYPES = [
  "total",
  "processes",
  "processes_used",
  "system",
  "atom",
  "atom_used",
  "binary",
  "code",
  "ets",
];

// What erlang:memory/0 tells, from what the JavaScript engine reports: the processes' share is
// the engine's heap, the rest of the resident size is the system's.
function* memoryTable(): Gen<Map<string, number>> {
  const m = Deno.memoryUsage();
  const processes = m.heapUsed;
  return new Map([
    ["total", m.rss],
    ["processes", m.heapTotal],
    ["processes_used", processes],
    ["system", Math.max(0, m.rss - m.heapTotal)],
    ["atom", 0],
    ["atom_used", 0],
    ["binary", m.external],
    ["code", 0],
    ["ets", 0],
  ]);
}

/** `(memory)`: the node's memory by type, as `erlang:memory/0` lists it. */
export function* memory0(): Gen<Term> {
  const t = yield* memoryTable();
  return arrayToList(MEMORY_TYPES.map((k) => [k, t.get(k) as number]));
}

/** `(memory type)` or `(memory (type ...))`. */
export function* memory1(what: Term): Gen<Term> {
  const t = yield* memoryTable();
  if (typeof what === "string") {
    const v = t.get(what);
    return v === undefined ? raiseError("badarg") : v;
  }
  const keys = listToArray(what);
  if (!keys.every((k) => typeof k === "string" && t.has(k))) return raiseError("badarg");
  return arrayToList(keys.map((k) => [k, t.get(k as string) as number]));
}

/** `(uptime)`: how long the node has run, as `c:uptime/0` says it. */
export function* uptime(): Gen<Term> {
  let s = Math.floor((Date.now() - started) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let text = "";
  if (d > 0) text += `${d} days, `;
  if (d + h > 0) text += `${h} hours, `;
  if (d + h + m > 0) text += `${m} minutes and `;
  yield* putChars(`${text}${s} seconds\n`);
  return "ok";
}

/** `(flush)`: prints and removes every message of the caller's mailbox. */
export function* flush(): Gen<Term> {
  for (const m of takeAll()) {
    yield* putChars(`Shell got ${prettyErlang(m, { column: 11, encoding: "unicode" })}\n`);
  }
  return "ok";
}

/** `(q)`, `(exit)`: stops the node, as `init:stop/0`. */
export function exit0(): Term {
  haltNode(0, { graceful: true });
  return "ok";
}
