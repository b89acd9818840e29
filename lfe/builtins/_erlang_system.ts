/**
 * The BIFs of `erlang` about the system rather than one term: process information, `display`
 * and `halt`.
 *
 * @module
 */

import { groupLeader, type ProcessInfo, processInfoAnywhere, thisNode } from "../../runtime/api.ts";
import type { Yielded } from "../../runtime/process.ts";
import { raiseError } from "../../runtime/errors.ts";
import { haltNode } from "../../runtime/halt.ts";
import { putCharsAsync } from "../../runtime/io.ts";
import { formatErlang } from "../../runtime/print_term.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { arrayToList, Cons, Pid, type Term } from "../../runtime/terms.ts";
import { mustArray } from "./_util.ts";

function badarg(): never {
  return raiseError("badarg");
}

type Item = (i: ProcessInfo) => Term;

const ITEMS: Record<string, Item> = {
  registered_name: (i) => i.registeredName ?? null,
  initial_call: (i) => i.initialCall,
  status: (i) => i.status,
  message_queue_len: (i) => i.messageQueueLen,
  messages: (i) => arrayToList(i.messages),
  links: (i) => arrayToList(i.links),
  monitors: (i) => arrayToList(i.monitors),
  monitored_by: (i) => arrayToList(i.monitoredBy),
  dictionary: (i) => arrayToList(i.dictionary),
  trap_exit: (i) => i.trapExit,
  error_handler: () => "error_handler",
  priority: () => "normal",
  group_leader: (i) => i.groupLeader,
  reductions: (i) => i.reductions,
  heap_size: (i) => heapWords(i),
  total_heap_size: (i) => heapWords(i),
  stack_size: () => MIN_STACK,
  memory: (i) => heapWords(i) * 8 + 1000,
  current_function: (i) => i.initialCall,
  current_stacktrace: () => null,
  garbage_collection: () => null,
  suspending: () => null,
};

// A process's heap as BEAM counts it, in words: at least the smallest heap (233 words), and
// what its messages and dictionary hold. The stack of a waiting process is its smallest.
const MIN_HEAP = 233, MIN_STACK = 28;
function heapWords(i: ProcessInfo): number {
  let words = 0;
  for (const m of i.messages) words += termWords(m);
  for (const d of i.dictionary) words += termWords(d);
  return Math.max(MIN_HEAP, words);
}

function termWords(t: Term): number {
  if (Array.isArray(t)) return t.reduce((n: number, x) => n + termWords(x), 1 + t.length);
  if (t instanceof Cons) {
    let n = 0, c: Term = t;
    while (c instanceof Cons) {
      n += 2 + termWords(c.hd);
      c = c.tl;
    }
    return n;
  }
  if (t instanceof Uint8Array) return 2 + Math.ceil(t.length / 8);
  return 0;
}

// What process_info/1 tells, in Erlang's order (registered_name only when there is one).
const SUMMARY = [
  "initial_call",
  "status",
  "message_queue_len",
  "links",
  "dictionary",
  "trap_exit",
  "error_handler",
  "priority",
  "group_leader",
  "reductions",
];

function* infoOf(pid: Term): Generator<Yielded, ProcessInfo | undefined, unknown> {
  if (!(pid instanceof Pid) || pid.node !== thisNode().name) return badarg();
  return yield* processInfoAnywhere(pid);
}

/** `process_info/1`: a list of `#(item value)`, or `undefined` for a dead process. */
export function* processInfo1(pid: Term): Generator<Yielded, Term, unknown> {
  const i = yield* infoOf(pid);
  if (i === undefined) return "undefined";
  const keys = i.registeredName === undefined ? SUMMARY : ["registered_name", ...SUMMARY];
  return arrayToList(keys.map((k) => [k, (ITEMS[k] as Item)(i)]));
}

/** `process_info/2`: one item, or a list of items; `badarg` for an item it does not know. */
export function* processInfo2(pid: Term, what: Term): Generator<Yielded, Term, unknown> {
  const keys = typeof what === "string" ? [what] : mustArray(what);
  const items = keys.map((k) =>
    typeof k === "string" && Object.hasOwn(ITEMS, k) ? ITEMS[k] as Item : badarg()
  );
  const i = yield* infoOf(pid);
  if (i === undefined) return "undefined";
  if (typeof what === "string") {
    // The one item asked for alone: an unregistered process answers [] rather than a tuple.
    if (what === "registered_name" && i.registeredName === undefined) return null;
    return [what, (items[0] as Item)(i)];
  }
  return arrayToList(keys.map((k, n) => [k, (items[n] as Item)(i)]));
}

/** `display/1`: the term in Erlang syntax and a newline, through the group leader. */
export function display(t: Term): true {
  const node = currentProcess()?.node ?? thisNode();
  putCharsAsync(node, groupLeader(), formatErlang(t) + "\n");
  return true;
}

/** `halt/2`: as `halt/1`, after checking the options (`{flush, Bool}`). */
export function halt2(status: Term, options: Term): never {
  for (const o of mustArray(options)) {
    if (!Array.isArray(o) || o.length !== 2 || o[0] !== "flush" || typeof o[1] !== "boolean") {
      return badarg();
    }
  }
  return halt(status);
}

/** `halt/0,1`: ends the node with a status, or with a message (and status 1). */
export function halt(status: Term = 0): never {
  if (typeof status === "number" && status >= 0) haltNode(status);
  if (status === "abort") haltNode(134);
  const s = status instanceof Uint8Array ? undefined : textOf(status);
  if (s === undefined) return badarg();
  console.error(s);
  haltNode(1);
  throw new Error("unreachable");
}

function textOf(l: Term): string | undefined {
  try {
    return String.fromCodePoint(...(mustArray(l) as number[]));
  } catch {
    return undefined;
  }
}
