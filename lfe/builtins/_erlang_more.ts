/**
 * More BIFs of `erlang`: `binary_to_list/3`, `error/3`, `nif_error/1,2`, `bump_reductions/1`,
 * `yield/0`, `garbage_collect/0,1,2`, `is_alive/0`, `nodes/1`, `module_loaded/1`, `loaded/0`,
 * `link/1`, `send/3`, `send_nosuspend/2,3`, `spawn_monitor/2,4`, `spawn_opt/3,5`, `iolist_to_iovec/1`,
 * `display_string/1`, and the options of `term_to_binary/2`, `term_to_iovec/1,2` and `binary_to_term/2`. Bad
 * arguments are `badarg`, as on BEAM.
 *
 * @module
 */

import { isAlive as isAliveAnywhere, link, node, self, send, thisNode } from "../../runtime/api.ts";
import { loadedModules } from "../../runtime/code.ts";
import { nodes, spawnMonitorOn, spawnOn } from "../../runtime/dist_api.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import {
  arrayToList,
  atomName,
  charlistToString,
  Cons,
  type Fun,
  Pid,
  type Term,
} from "../../runtime/terms.ts";
import { binaryToTerm, termToBinary } from "./_erlang_convert.ts";
import * as p from "./_erlang_process.ts";
import { mustArray } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function badarg(): never {
  return raiseError("badarg");
}

function isAtom(t: Term): t is string | boolean {
  return typeof t === "string" || typeof t === "boolean";
}

function here(): string {
  return (currentProcess()?.node ?? thisNode()).name;
}

/** `binary_to_list/3`: bytes `start` to `stop`, counted from 1, both in. */
export function binaryToList3(b: Term, start: Term, stop: Term): Term {
  if (!(b instanceof Uint8Array) || typeof start !== "number" || typeof stop !== "number") {
    return badarg();
  }
  if (start < 1 || stop > b.length || start > stop) return badarg();
  return arrayToList([...b.subarray(start - 1, stop)]);
}

/** `bump_reductions/1`: the calling process uses up `n` reductions more. */
export function bumpReductions(n: Term): true {
  if (typeof n !== "number" || n < 0) return badarg();
  const proc = currentProcess();
  if (proc !== null) proc.reds -= n;
  return true;
}

/** `yield/0`: lets the other processes run first. */
export function* yieldNow(): Gen<true> {
  yield;
  return true;
}

/** `garbage_collect/1`: `true` for a live process, `false` for a dead one. */
export function* garbageCollect1(pid: Term): Gen<boolean> {
  if (!(pid instanceof Pid) || pid.node !== here()) return badarg();
  return yield* isAliveAnywhere(pid);
}

/**
 * `garbage_collect/2`: the options `{async, RequestId}` (the answer comes as the message
 * `{garbage_collect, RequestId, Result}`) and `{type, major | minor}`.
 */
export function* garbageCollect2(pid: Term, opts: Term): Gen<Term> {
  let request: Term | undefined;
  for (const o of mustArray(opts)) {
    if (Array.isArray(o) && o.length === 2 && o[0] === "async") request = o[1] as Term;
    else if (
      !(Array.isArray(o) && o.length === 2 && o[0] === "type" &&
        (o[1] === "major" || o[1] === "minor"))
    ) return badarg();
  }
  const r = yield* garbageCollect1(pid);
  if (request === undefined) return r;
  send(self(), ["garbage_collect", request, r]);
  return "async";
}

/** `is_alive/0`: whether the node is distributed. */
export function isAlive(): boolean {
  return (currentProcess()?.node ?? thisNode()).router !== null;
}

const NODE_KINDS = ["visible", "hidden", "connected", "this", "known"];

/** `nodes/1`: the nodes of the kinds asked, each once. */
export function nodes1(kinds: Term): Term {
  const ks = isAtom(kinds) ? [kinds] : mustArray(kinds);
  if (!ks.every((k) => typeof k === "string" && NODE_KINDS.includes(k))) return badarg();
  const out: Term[] = [];
  const add = (n: Term) => out.includes(n) || out.push(n);
  for (const k of ks) {
    if (k === "this" || k === "known") add(node());
    if (k === "visible" || k === "connected" || k === "known") nodes().forEach(add);
  }
  return arrayToList(out);
}

/** `module_loaded/1`. */
export function moduleLoaded(m: Term): boolean {
  if (!isAtom(m)) return badarg();
  return loadedModules().includes(atomName(m));
}

/** `loaded/0`. */
export function loaded(): Term {
  return arrayToList(loadedModules());
}

/** `send/3`: the options `nosuspend` and `noconnect` (nothing here ever suspends). */
export function send3(dest: Term, msg: Term, opts: Term): Term {
  for (const o of mustArray(opts)) if (o !== "nosuspend" && o !== "noconnect") return badarg();
  send(dest as Pid, msg);
  return "ok";
}

/** `send_nosuspend/2,3`: `true`, the message sent. */
export function sendNosuspend(dest: Term, msg: Term, opts: Term = null): true {
  for (const o of mustArray(opts)) if (o !== "noconnect") return badarg();
  send(dest as Pid, msg);
  return true;
}

/** `spawn_monitor/2`: a fun on `node`, monitored. */
export function* spawnMonitor2(n: Term, f: Term): Gen<Term> {
  if (!isAtom(n) || typeof f !== "function") return badarg();
  if (n === here()) return p.spawnFun(f, { monitor: true });
  return yield* spawnMonitorOn(n, "erlang", "apply", [f as Fun, null]);
}

/** `spawn_monitor/4`: `m:f(args...)` on `node`, monitored. */
export function* spawnMonitor4(n: Term, m: Term, f: Term, args: Term): Gen<Term> {
  if (!isAtom(n) || !isAtom(m) || !isAtom(f)) return badarg();
  if (n === here()) return p.spawnMfa(m, f, args, { monitor: true });
  return yield* spawnMonitorOn(n, atomName(m), atomName(f), mustArray(args));
}

/** Whether the spawn options ask for a link or a monitor. */
function linkOrMonitor(opts: Term): { link: boolean; monitor: boolean } {
  const os = mustArray(opts);
  return { link: os.includes("link"), monitor: os.includes("monitor") };
}

/** `spawn_opt/3`: a fun on `node`, with options. */
export function* spawnOpt3(n: Term, f: Term, opts: Term): Gen<Term> {
  if (!isAtom(n) || typeof f !== "function") return badarg();
  if (n === here()) return p.spawnOpt2(f, opts);
  return yield* spawnOpt5(n, "erlang", "apply", arrayToList([f as Fun, null]), opts);
}

/** `spawn_opt/5`: `m:f(args...)` on `node`, with options. */
export function* spawnOpt5(n: Term, m: Term, f: Term, args: Term, opts: Term): Gen<Term> {
  if (!isAtom(n) || !isAtom(m) || !isAtom(f)) return badarg();
  if (n === here()) return p.spawnOpt4(m, f, args, opts);
  const how = linkOrMonitor(opts);
  if (how.monitor) return yield* spawnMonitorOn(n, atomName(m), atomName(f), mustArray(args));
  return yield* spawnOn(n, atomName(m), atomName(f), mustArray(args), { link: how.link });
}

/** Binaries this long or longer are kept apart in an io vector; shorter ones are copied. */
const SHARED_BINARY = 512;

/** `iolist_to_iovec/1`: the bytes of io data as a list of binaries. */
export function iolistToIovec(t: Term): Term {
  const out: Uint8Array[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) out.push(Uint8Array.from(run));
    run = [];
  };
  const bin = (b: Uint8Array) => {
    if (b.length >= SHARED_BINARY) {
      flush();
      out.push(b);
    } else for (const x of b) run.push(x);
  };
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let c = stack.pop() as Term;
    if (c instanceof Uint8Array) {
      bin(c);
      continue;
    }
    if (c !== null && !(c instanceof Cons)) return badarg();
    for (; c instanceof Cons; c = c.tl) {
      const h = c.hd;
      if (typeof h === "number" && h >= 0 && h <= 255) run.push(h);
      else if (h instanceof Uint8Array) bin(h);
      else if (h === null || h instanceof Cons) {
        stack.push(c.tl, h);
        c = null;
        break;
      } else return badarg();
    }
    if (c instanceof Uint8Array) bin(c);
    else if (c !== null) return badarg();
  }
  flush();
  return arrayToList(out);
}

/** The options of `term_to_binary/2`: checked, then of no effect on the encoding. */
function checkEncodeOptions(opts: Term): void {
  for (const o of mustArray(opts)) {
    if (o === "compressed" || o === "deterministic" || o === "local") continue;
    if (Array.isArray(o) && o.length === 2 && typeof o[1] === "number") {
      if (o[0] === "compressed" && o[1] >= 0 && o[1] <= 9) continue;
      if (o[0] === "minor_version" && o[1] >= 0 && o[1] <= 2) continue;
    }
    badarg();
  }
}

/** `term_to_binary/2`. */
export function termToBinary2(t: Term, opts: Term): Uint8Array {
  checkEncodeOptions(opts);
  return termToBinary(t);
}

/** `binary_to_term/2`: the options `safe` and `used` (which adds the bytes read). */
export function binaryToTerm2(b: Term, opts: Term): Term {
  let used = false;
  for (const o of mustArray(opts)) {
    if (o === "used") used = true;
    else if (o !== "safe") return badarg();
  }
  const t = binaryToTerm(b);
  return used ? [t, (b as Uint8Array).length] : t;
}

/**
 * `link/1`: to a local process that is not alive, `noproc` (an `{'EXIT', Pid, noproc}`
 * message instead, to a process that traps exits), as BEAM checks a local pid.
 */
export function* link1(pid: Term): Gen<true> {
  if (!(pid instanceof Pid)) return badarg();
  const n = currentProcess()?.node ?? thisNode();
  if (pid.node === n.name) {
    const alive = n.isHere(pid) ? n.lookup(pid) !== undefined : yield* isAliveAnywhere(pid);
    if (!alive) {
      const me = currentProcess();
      if (me === null || !me.trapExit) return raiseError("noproc");
      send(self(), ["EXIT", pid, "noproc"]);
      return true;
    }
  }
  return link(pid);
}

/** `display_string/1`: the characters straight to standard error, as BEAM writes them. */
export function displayString(s: Term): true {
  const text = charlistToString(s) ?? (s instanceof Uint8Array ? utf8.decode(s) : badarg());
  Deno.stderr.writeSync(new TextEncoder().encode(text));
  return true;
}

const utf8 = new TextDecoder();
