/**
 * BIFs of `erlang` on identities and funs: pids, references and ports to and from their text
 * (`pid_to_list/1`, `list_to_pid/1`, ...), `fun_to_list/1`, `fun_info/1,2`, `fun_info_mfa/1`,
 * `make_fun/3` and `is_builtin/3`. A pid's text is `<Node.Number.Serial>`, node 0 being this one;
 * the number and serial fit in 15 and 13 bits, as on BEAM.
 *
 * @module
 */

import { exportedFun, findModule } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import { nodeByIndex } from "../../runtime/node_table.ts";
import { formatErlang, writeTerm } from "../../runtime/print_term.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { thisNode } from "../../runtime/api.ts";
import {
  arrayToList,
  atomName,
  charlist,
  charlistToString,
  type Fun,
  funInfo,
  Pid,
  Port,
  Ref,
  type Term,
} from "../../runtime/terms.ts";
import { md5 } from "./_md5.ts";

function badarg(): never {
  return raiseError("badarg");
}

function text(l: Term): string {
  return charlistToString(l) ?? badarg();
}

/** The node that the number `n` of a pid's text stands for. */
function nodeOf(n: string): string {
  return nodeByIndex(Number(n)) ?? badarg();
}

function node(): { name: string; creation: number } {
  return currentProcess()?.node ?? thisNode();
}

/** `pid_to_list/1`. */
export function pidToList(p: Term): Term {
  return p instanceof Pid ? charlist(writeTerm(p)) : badarg();
}

/** `list_to_pid/1`: `<N.Number.Serial>`, digits only. */
export function listToPid(l: Term): Pid {
  const m = /^<([0-9]+)\.([0-9]+)\.([0-9]+)>$/.exec(text(l));
  if (m === null) return badarg();
  const [id, serial] = [Number(m[2]), Number(m[3])];
  if (id > 32767 || serial > 8191) return badarg();
  const name = nodeOf(m[1] as string);
  const here = node();
  return new Pid(name, id, serial, name === here.name ? here.creation : 0);
}

/** `ref_to_list/1`. */
export function refToList(r: Term): Term {
  return r instanceof Ref ? charlist(writeTerm(r)) : badarg();
}

/** `list_to_ref/1`: `#Ref<N.A.B.C>`, three numbers of 32 bits. */
export function listToRef(l: Term): Ref {
  const m = /^#Ref<([0-9]+)((?:\.[0-9]+){3})>$/.exec(text(l));
  if (m === null) return badarg();
  const ids = (m[2] as string).slice(1).split(".").map(Number);
  if (ids.some((n) => n > 0xffffffff)) return badarg();
  const name = nodeOf(m[1] as string);
  const here = node();
  return new Ref(name, name === here.name ? here.creation : 0, ids);
}

/** `port_to_list/1`. */
export function portToList(p: Term): Term {
  return p instanceof Port ? charlist(writeTerm(p)) : badarg();
}

/** `list_to_port/1`: `#Port<N.Number>`. */
export function listToPort(l: Term): Port {
  const m = /^#Port<([0-9]+)\.([0-9]+)>$/.exec(text(l));
  if (m === null) return badarg();
  const name = nodeOf(m[1] as string);
  const here = node();
  return new Port(name, Number(m[2]), name === here.name ? here.creation : 0);
}

/** `fun_to_list/1`: the fun as Erlang writes it (`fun lists:map/2`, `#Fun<m.1.2>`). */
export function funToList(f: Term): Term {
  return typeof f === "function" ? charlist(formatErlang(f)) : badarg();
}

const ITEMS = ["pid", "module", "new_index", "new_uniq", "index", "uniq", "name", "arity", "env"];

/** The value of one item of `fun_info/2`. */
function item(f: Fun, what: string): Term {
  const info = funInfo(f);
  const external = info.exported === true;
  switch (what) {
    case "module":
      return info.module;
    case "name":
      return info.name;
    case "arity":
      return info.arity;
    case "env":
      return null;
    case "type":
      return external ? "external" : "local";
  }
  if (external) return "undefined";
  // A local fun's index and code number are those it prints with: #Fun<module.Index.Uniq>.
  const m = /\.([0-9]+)\.([0-9]+)(?:\/[0-9]+)?>$/.exec(writeTerm(f));
  const [index, uniq] = m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
  switch (what) {
    case "pid":
      return currentProcess()?.pid ?? "undefined";
    case "index":
    case "new_index":
      return index;
    case "uniq":
      return uniq;
    case "new_uniq":
      return md5(new TextEncoder().encode(`${info.module}/${uniq}`));
  }
  return badarg();
}

/** `fun_info/1`: the items of a fun, as BEAM lists them for a local or an external fun. */
export function funInfo1(f: Term): Term {
  if (typeof f !== "function") return badarg();
  const keys = funInfo(f).exported === true
    ? ["module", "name", "arity", "env", "type"]
    : [...ITEMS, "type"];
  return arrayToList(keys.map((k) => [k, item(f, k)]));
}

/** `fun_info/2`: one item; `badarg` for an item that is none. */
export function funInfo2(f: Term, what: Term): Term {
  if (typeof f !== "function" || typeof what !== "string") return badarg();
  if (what !== "type" && !ITEMS.includes(what)) return badarg();
  return [what, item(f, what)];
}

/** `fun_info_mfa/1`. */
export function funInfoMfa(f: Term): Term {
  if (typeof f !== "function") return badarg();
  const info = funInfo(f);
  return [info.module, info.name, info.arity];
}

function isAtom(t: Term): t is string | boolean {
  return typeof t === "string" || typeof t === "boolean";
}

/** `make_fun/3`: `fun M:F/A`, for an arity of 0 to 255. */
export function makeFun(m: Term, f: Term, a: Term): Fun {
  if (!isAtom(m) || !isAtom(f) || typeof a !== "number" || a < 0 || a > 255) return badarg();
  return exportedFun(atomName(m), atomName(f), a);
}

// The functions `erlang` exports that BEAM writes in Erlang rather than as BIFs.
const NOT_BIFS = new Set(
  ("binary_to_atom/1 binary_to_existing_atom/1 check_process_code/2 check_process_code/3 " +
    "alias/0 garbage_collect/1 garbage_collect/2 garbage_collect_message_area/0 is_alive/0 " +
    "process_display/2 process_flag/3 setnode/3 suspend_process/2 suspend_process/1 " +
    "trace_pattern/2 spawn/2 spawn_link/2 spawn_monitor/2 spawn_monitor/3 spawn_opt/2 " +
    "spawn_opt/3 spawn/4 spawn_link/4 spawn_monitor/4 spawn_opt/5 spawn_request/1 " +
    "spawn_request/2 spawn_request/3 spawn_request/4 spawn_request/5 disconnect_node/1 " +
    "fun_info/1 send_nosuspend/2 send_nosuspend/3 port_call/2 port_call/3 port_info/1 " +
    "set_cookie/1 set_cookie/2 get_cookie/0 get_cookie/1 min/2 memory/0 memory/1 " +
    "module_info/0 module_info/1 localtime_to_universaltime/1 max/2 port_control/3 " +
    "port_connect/2 port_command/2 port_command/3 port_close/1 open_port/2 prepare_loading/2 " +
    "trace/3 trace_pattern/3 spawn_monitor/1 spawn/1 load_module/2 group_leader/2 " +
    "spawn_link/1 purge_module/1 port_info/2 halt/0 atom_to_binary/1 garbage_collect/0 " +
    "halt/1 delay_trap/2 format_cpu_topology/1 set_cpu_topology/1 convert_time_unit/3 " +
    "dmonitor_node/3 gather_gc_info_result/1 alloc_sizes/1 alloc_info/1").split(" "),
);

// The BIFs of the other modules this runtime has.
const BIFS: Record<string, string> = {
  lists: "keyfind/3 keymember/3 keysearch/3 member/2 reverse/2",
  maps: "find/2 from_keys/2 from_list/1 get/2 is_key/2 keys/1 merge/2 put/3 remove/2 " +
    "take/2 update/3 values/1",
  os: "env/0 getenv/1 getpid/0 perf_counter/0 putenv/2 set_signal/2 system_time/0 " +
    "system_time/1 timestamp/0 unsetenv/1",
  string: "list_to_float/1 list_to_integer/1",
  unicode: "bin_is_7bit/1 characters_to_binary/2 characters_to_list/2",
  persistent_term: "erase/1 get/0 get/1 get/2 info/0 put/2",
  binary: "at/2 compile_pattern/1 copy/1 copy/2 decode_unsigned/1 decode_unsigned/2 " +
    "encode_unsigned/1 encode_unsigned/2 first/1 last/1 list_to_bin/1 " +
    "longest_common_prefix/1 longest_common_suffix/1 match/2 match/3 matches/2 matches/3 " +
    "part/2 part/3 referenced_byte_size/1 split/2 split/3",
};

/** `is_builtin/3`: whether `M:F/A` is a BIF, as BEAM answers. */
export function isBuiltin(m: Term, f: Term, a: Term): boolean {
  if (!isAtom(m) || !isAtom(f) || typeof a !== "number") return badarg();
  const key = `${atomName(f)}/${a}`;
  if (m === "erlang") return findModule("erlang")?.[key] !== undefined && !NOT_BIFS.has(key);
  return (BIFS[atomName(m)] ?? "").split(" ").includes(key);
}
