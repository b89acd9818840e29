/**
 * The module `erlang`: the operators under their Erlang names (`+/2`, `=:=/2`, `band/2`, ...),
 * the type tests, the BIFs on terms and conversions, and the process BIFs, as compiled LFE calls
 * them (positional arguments, keys `name/arity`). Those that may wait (`apply/2,3`, a spawn on
 * another node) are generator functions; all others are plain and never call user code.
 *
 * @example
 * ```ts
 * import { ERLANG } from "./erlang.ts";
 * import { float } from "../../runtime/terms.ts";
 * ERLANG["+/2"]!(1, float(1)); // Float { value: 2 }
 * ERLANG["element/2"]!(2, ["a", "b"]); // "b"
 * ```
 *
 * @module
 */

import {
  allProcesses,
  demonitor,
  erase,
  eraseAll,
  get,
  getAll,
  getKeys,
  groupLeader,
  makeRef,
  node,
  put,
  self,
  send,
  setGroupLeader,
  unlink,
  unregister,
} from "../../runtime/api.ts";
import { findModule, type ModuleFunctions } from "../../runtime/code.ts";
import { nodes } from "../../runtime/dist_api.ts";
import { ErlangError, raiseError, raiseExit, raiseThrow } from "../../runtime/errors.ts";
import { arrayToList, charlist, Float, Pid, Ref, type Term } from "../../runtime/terms.ts";
import type * as plainOps from "./ops.ts";
import { FRAMED_OPS, framedTable } from "./_framed_ops.ts";
import * as t from "./_erlang_terms.ts";
import * as c from "./_erlang_convert.ts";
import * as p from "./_erlang_process.ts";
import * as ports from "./_ports.ts";
import { decodePacket } from "./_decode_packet.ts";
import { SYS_FLAG_FUNCTIONS } from "./_erlang_sysflags.ts";
import * as tr from "./_erlang_trace.ts";
import * as al from "./_erlang_alias.ts";
import * as s from "./_erlang_system.ts";
import { append2, subtract2 } from "./_lists_basic.ts";
import { moduleTable } from "./_util.ts";
import { ERLANG_BITS } from "./_erlang_bits.ts";
import { ERLANG_LANG } from "./_erlang_lang.ts";
import { ERLANG_HASH } from "./_erlang_hash.ts";
import * as ids from "./_erlang_ids.ts";
import * as info from "./_erlang_info.ts";
import * as m from "./_erlang_more.ts";
import * as tm from "./_erlang_time.ts";
import { floatToText } from "./_float_text.ts";
import { withModuleInfo } from "./_module_info.ts";

const ops = FRAMED_OPS as unknown as typeof plainOps;

function badarg(): never {
  return raiseError("badarg");
}

const TABLE: ModuleFunctions = {
  "+/2": ops.add,
  "-/2": ops.sub,
  "*/2": ops.mul,
  "//2": ops.fdiv,
  "div/2": ops.idiv,
  "rem/2": ops.rem,
  "-/1": ops.neg,
  "+/1": ops.plus,
  "band/2": ops.band,
  "bor/2": ops.bor,
  "bxor/2": ops.bxor,
  "bnot/1": ops.bnot,
  "bsl/2": ops.bsl,
  "bsr/2": ops.bsr,
  "==/2": ops.eqArith,
  "/=/2": ops.neArith,
  "=:=/2": ops.eqExact,
  "=/=/2": ops.neExact,
  "</2": ops.lt,
  ">/2": ops.gt,
  "=</2": ops.le,
  ">=/2": ops.ge,
  "and/2": t.and,
  "or/2": t.or,
  "xor/2": t.xor,
  "not/1": t.not,
  "++/2": append2,
  "--/2": subtract2,
  "append/2": append2,
  "subtract/2": subtract2,

  "abs/1": ops.abs,
  "min/2": t.min,
  "max/2": t.max,
  "float/1": t.toFloat,
  "round/1": t.round,
  "trunc/1": t.trunc,
  "floor/1": t.floor,
  "ceil/1": t.ceil,

  "is_atom/1": ops.isAtom,
  "is_boolean/1": ops.isBoolean,
  "is_integer/1": ops.isInteger,
  "is_float/1": ops.isFloat,
  "is_number/1": ops.isNumber,
  "is_list/1": ops.isList,
  "is_tuple/1": ops.isTuple,
  "is_binary/1": ops.isBinary,
  "is_map/1": ops.isMap,
  "is_pid/1": ops.isPid,
  "is_reference/1": ops.isRef,
  "is_port/1": ops.isPort,
  "is_function/1": (f: Term) => ops.isFunction(f),
  "is_function/2": (f: Term, n: Term) => ops.isFunction(f, n),

  "element/2": t.element,
  "setelement/3": t.setelement,
  "tuple_size/1": t.tupleSize,
  "size/1": t.size,
  "length/1": t.length,
  "hd/1": t.hd,
  "tl/1": t.tl,
  "tuple_to_list/1": t.tupleToList,
  "list_to_tuple/1": t.listToTuple,

  "atom_to_list/1": c.atomToList,
  "list_to_atom/1": c.listToAtom,
  "list_to_existing_atom/1": c.listToExistingAtom,
  "atom_to_binary/1": (a: Term) => c.atomToBinary(a),
  "atom_to_binary/2": (a: Term, e: Term) => c.atomToBinary(a, e),
  "binary_to_atom/1": (b: Term) => c.binaryToAtom(b),
  "binary_to_atom/2": (b: Term, e: Term) => c.binaryToAtom(b, e),
  "binary_to_existing_atom/1": (b: Term) => c.binaryToExistingAtom(b),
  "binary_to_existing_atom/2": (b: Term, e: Term) => c.binaryToExistingAtom(b, e),
  "integer_to_list/1": (i: Term) => c.integerToList(i),
  "integer_to_list/2": (i: Term, b: Term) => c.integerToList(i, b),
  "list_to_integer/1": (l: Term) => c.listToInteger(l),
  "list_to_integer/2": (l: Term, b: Term) => c.listToInteger(l, b),
  "integer_to_binary/1": (i: Term) => c.integerToBinary(i),
  "integer_to_binary/2": (i: Term, b: Term) => c.integerToBinary(i, b),
  "binary_to_integer/1": (x: Term) => c.binaryToInteger(x),
  "binary_to_integer/2": (x: Term, b: Term) => c.binaryToInteger(x, b),
  "float_to_list/1": c.floatToList,
  "float_to_list/2": (f: Term, o: Term) =>
    f instanceof Float ? charlist(floatToText(f.value, o)) : badarg(),
  "float_to_binary/2": (f: Term, o: Term) =>
    f instanceof Float ? new TextEncoder().encode(floatToText(f.value, o)) : badarg(),
  "list_to_float/1": c.listToFloat,
  "float_to_binary/1": c.floatToBinary,
  "binary_to_float/1": c.binaryToFloat,
  "list_to_binary/1": c.listToBinary,
  "binary_to_list/1": c.binaryToList,
  "binary_to_list/3": m.binaryToList3,
  "iolist_to_binary/1": c.iolistToBinary,
  "iolist_size/1": c.iolistSize,
  "term_to_binary/1": c.termToBinary,
  "binary_to_term/1": c.binaryToTerm,
  "term_to_binary/2": m.termToBinary2,
  "binary_to_term/2": m.binaryToTerm2,
  "term_to_iovec/1": (t: Term) => arrayToList([c.termToBinary(t)]),
  "term_to_iovec/2": (t: Term, o: Term) => arrayToList([m.termToBinary2(t, o)]),
  "external_size/1": (t: Term) => c.termToBinary(t).length,
  "external_size/2": (t: Term, o: Term) => m.termToBinary2(t, o).length,
  "iolist_to_iovec/1": m.iolistToIovec,
  "pid_to_list/1": ids.pidToList,
  "list_to_pid/1": ids.listToPid,
  "ref_to_list/1": ids.refToList,
  "list_to_ref/1": ids.listToRef,
  "port_to_list/1": ids.portToList,
  "list_to_port/1": ids.listToPort,
  "fun_to_list/1": ids.funToList,
  "fun_info/1": ids.funInfo1,
  "fun_info/2": ids.funInfo2,
  "fun_info_mfa/1": ids.funInfoMfa,
  "make_fun/3": ids.makeFun,
  "is_builtin/3": ids.isBuiltin,

  "self/0": () => self(),
  "put/2": (k: Term, v: Term) => put(k, v),
  "get/1": (k: Term) => get(k),
  "get/0": () => getAll(),
  "erase/1": (k: Term) => erase(k),
  "erase/0": () => eraseAll(),
  "get_keys/0": () => getKeys(),
  "get_keys/1": (v: Term) => getKeys(v),
  "node/0": () => node(),
  "node/1": p.nodeOf,
  "nodes/0": () => arrayToList(nodes()),
  "nodes/1": m.nodes1,
  "is_alive/0": m.isAlive,
  "make_ref/0": () => makeRef(),
  "spawn/1": (f: Term) => p.spawnFun(f),
  "spawn/2": function* (n: Term, f: Term) {
    return yield* p.spawnFunAt(n, f);
  },
  "spawn/3": (m: Term, f: Term, a: Term) => p.spawnMfa(m, f, a),
  "spawn/4": function* (n: Term, m: Term, f: Term, a: Term) {
    return yield* p.spawnAt(n, m, f, a);
  },
  "spawn_link/1": (f: Term) => p.spawnFun(f, { link: true }),
  "spawn_link/2": function* (n: Term, f: Term) {
    return yield* p.spawnFunAt(n, f, { link: true });
  },
  "spawn_link/3": (m: Term, f: Term, a: Term) => p.spawnMfa(m, f, a, { link: true }),
  "spawn_link/4": function* (n: Term, m: Term, f: Term, a: Term) {
    return yield* p.spawnAt(n, m, f, a, { link: true });
  },
  "spawn_monitor/1": (f: Term) => p.spawnFun(f, { monitor: true }),
  "spawn_monitor/3": (m: Term, f: Term, a: Term) => p.spawnMfa(m, f, a, { monitor: true }),
  "spawn_monitor/2": m.spawnMonitor2,
  "spawn_monitor/4": m.spawnMonitor4,
  "spawn_opt/2": p.spawnOpt2,
  "spawn_opt/4": p.spawnOpt4,
  "spawn_opt/3": m.spawnOpt3,
  "spawn_opt/5": m.spawnOpt5,
  "register/2": p.registerName,
  "unregister/1": (name: Term) => unregister(name as string),
  "whereis/1": p.whereisName,
  "registered/0": p.registeredNames,
  "link/1": m.link1,
  "unlink/1": (pid: Term) => unlink(pid as Pid),
  "monitor/2": p.monitor2,
  "monitor/3": al.monitor3,
  "alias/0": () => al.alias(),
  "alias/1": (o: Term) => al.alias(o),
  "unalias/1": al.unalias,
  "nodes/2": al.nodes2,
  "process_flag/3": al.processFlag3,
  "disconnect_node/1": al.disconnectNode,
  "decode_packet/3": decodePacket,
  ...SYS_FLAG_FUNCTIONS,
  "trace/3": tr.trace,
  "trace_info/2": tr.traceInfo,
  "trace_pattern/2": (mfa: Term, ms: Term) => tr.tracePattern(mfa, ms),
  "trace_pattern/3": tr.tracePattern,
  "trace_delivered/1": tr.traceDelivered,
  "open_port/2": ports.openPort,
  "port_command/2": (port: Term, data: Term) => ports.portCommand(port, data),
  "port_command/3": ports.portCommand,
  "port_close/1": ports.portClose,
  "port_connect/2": ports.portConnect,
  "port_info/1": ports.portInfo,
  "port_info/2": ports.portInfo2,
  "ports/0": ports.ports,
  "port_get_data/1": ports.portGetData,
  "port_set_data/2": ports.portSetData,
  "port_control/3": (port: Term, op: Term, data: Term) => ports.portControl(port, op, data),
  "port_call/2": (port: Term, data: Term) => ports.portControl(port, 0, data),
  "port_call/3": (port: Term, op: Term, data: Term) => ports.portControl(port, op, data),
  "get_cookie/0": () => al.getCookie(),
  "get_cookie/1": (n: Term) => al.getCookie(n),
  "set_cookie/1": (c: Term) => al.setCookie(c),
  "set_cookie/2": (n: Term, c: Term) => al.setCookie(n, c),
  ...al.CODE_BIFS,
  "spawn_request/1": function* (a: Term) {
    return yield* al.spawnRequest(a);
  },
  "spawn_request/2": function* (a: Term, b: Term) {
    return yield* al.spawnRequest(a, b);
  },
  "spawn_request/3": function* (a: Term, b: Term, c: Term) {
    return yield* al.spawnRequest(a, b, c);
  },
  "spawn_request/4": function* (a: Term, b: Term, c: Term, d: Term) {
    return yield* al.spawnRequest(a, b, c, d);
  },
  "spawn_request/5": function* (a: Term, b: Term, c: Term, d: Term, e: Term) {
    return yield* al.spawnRequest(a, b, c, d, e);
  },
  "spawn_request_abandon/1": al.spawnRequestAbandon,
  "demonitor/1": (ref: Term) => demonitor(ref as Ref),
  "demonitor/2": p.demonitor2,
  "monitor_node/2": p.monitorNode2,
  "exit/1": (reason: Term) => raiseExit(reason),
  "exit/2": p.exit2,
  "throw/1": (v: Term) => raiseThrow(v),
  "error/1": (reason: Term) => raiseError(reason),
  "error/2": (reason: Term, args: Term) => {
    const e = new ErlangError("error", reason);
    e.errorArgs = args;
    throw e;
  },
  "error/3": (reason: Term, args: Term, _opts: Term) => {
    const e = new ErlangError("error", reason);
    e.errorArgs = args;
    throw e;
  },
  "nif_error/1": (reason: Term) => raiseError(reason),
  "nif_error/2": (reason: Term, _args: Term) => raiseError(reason),
  "function_exported/3": (m: Term, f: Term, a: Term) => {
    if (typeof m !== "string" || typeof f !== "string" || typeof a !== "number") {
      return raiseError("badarg");
    }
    return findModule(m)?.[`${f}/${a}`] !== undefined;
  },
  "halt/0": () => s.halt(),
  "halt/1": (status: Term) => s.halt(status),
  "halt/2": s.halt2,
  "send/2": (to: Term, msg: Term) => send(to as Pid, msg),
  "!/2": (to: Term, msg: Term) => send(to as Pid, msg),
  "send/3": m.send3,
  "send_nosuspend/2": (to: Term, msg: Term) => m.sendNosuspend(to, msg),
  "send_nosuspend/3": m.sendNosuspend,
  "send_after/3": (t: Term, to: Term, msg: Term) => tm.startTimer(t, to, msg, null, false),
  "send_after/4": (t: Term, to: Term, msg: Term, o: Term) => tm.startTimer(t, to, msg, o, false),
  "start_timer/3": (t: Term, to: Term, msg: Term) => tm.startTimer(t, to, msg, null, true),
  "start_timer/4": (t: Term, to: Term, msg: Term, o: Term) => tm.startTimer(t, to, msg, o, true),
  "cancel_timer/1": (ref: Term) => tm.timerCall(ref, null, true),
  "cancel_timer/2": (ref: Term, o: Term) => tm.timerCall(ref, o, true),
  "read_timer/1": (ref: Term) => tm.timerCall(ref, null, false),
  "read_timer/2": (ref: Term, o: Term) => tm.timerCall(ref, o, false),
  "apply/2": p.apply2,
  "apply/3": p.apply3,
  "hibernate/3": p.hibernate,
  "process_flag/2": p.processFlag,
  "process_info/1": s.processInfo1,
  "process_info/2": s.processInfo2,
  "processes/0": function* () {
    return arrayToList((yield* allProcesses()).map((p) => p.pid));
  },
  "system_info/1": info.systemInfo,
  "statistics/1": info.statistics,
  "memory/0": info.memory0,
  "memory/1": info.memory1,
  "bump_reductions/1": m.bumpReductions,
  "yield/0": m.yieldNow,
  "garbage_collect/0": () => true,
  "garbage_collect/1": m.garbageCollect1,
  "garbage_collect/2": m.garbageCollect2,
  "module_loaded/1": m.moduleLoaded,
  "loaded/0": m.loaded,
  "is_process_alive/1": p.isAlive,
  "group_leader/0": () => groupLeader(),
  "group_leader/2": (leader: Term, pid: Term) =>
    leader instanceof Pid && pid instanceof Pid ? setGroupLeader(leader, pid) : badarg(),
  "now/0": tm.now,
  "timestamp/0": tm.timestamp,
  "monotonic_time/0": () => tm.monotonicTime(),
  "monotonic_time/1": (unit: Term) => tm.monotonicTime(unit),
  "system_time/0": () => tm.systemTime(),
  "system_time/1": (unit: Term) => tm.systemTime(unit),
  "time_offset/0": () => tm.timeOffset(),
  "time_offset/1": (unit: Term) => tm.timeOffset(unit),
  "convert_time_unit/3": tm.convertTimeUnit,
  "unique_integer/0": () => tm.uniqueInteger(),
  "unique_integer/1": (o: Term) => tm.uniqueInteger(o),
  "universaltime_to_localtime/1": tm.universalToLocal,
  "localtime_to_universaltime/1": (t: Term) => tm.localToUniversal(t),
  "localtime_to_universaltime/2": tm.localToUniversal,
  "universaltime_to_posixtime/1": tm.universalToPosix,
  "posixtime_to_universaltime/1": tm.posixToUniversal,
  "display/1": s.display,
  "display_string/1": m.displayString,
  "display_nl/0": () => m.displayString(charlist("\n")),
  ...ERLANG_LANG,
  ...ERLANG_BITS,
  ...ERLANG_HASH,
};

/** The functions of `erlang`, by `name/arity`; a BIF's errors show it first in their trace. */
export const ERLANG: ModuleFunctions = withModuleInfo(
  "erlang",
  moduleTable("erlang", framedTable(TABLE)),
  true,
);
