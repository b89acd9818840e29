/**
 * The module `erl_internal`: which functions are Erlang's auto-imported BIFs, guard BIFs and
 * type tests, and which names are operators, as OTP 25 answers (the lists were taken from
 * OTP 25's own `erl_internal`).
 *
 * @module
 */

import type { ModuleFunctions } from "../../runtime/code.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Term } from "../../runtime/terms.ts";
import { moduleTable } from "./_util.ts";

const set = (s: string) => new Set(s.split(" "));

const BIFS = set(
  "binary_to_atom/1 binary_to_existing_atom/1 check_process_code/2 check_process_code/3 alias/0 " +
    "garbage_collect/1 garbage_collect/2 is_alive/0 process_flag/3 spawn/2 spawn_link/2 " +
    "spawn_monitor/2 spawn_monitor/3 spawn_opt/2 spawn_opt/3 spawn/4 spawn_link/4 spawn_monitor/4 " +
    "spawn_opt/5 spawn_request/1 spawn_request/2 spawn_request/3 spawn_request/4 spawn_request/5 " +
    "disconnect_node/1 min/2 max/2 port_control/3 port_connect/2 port_command/2 port_command/3 " +
    "port_close/1 open_port/2 spawn_monitor/1 spawn/1 load_module/2 group_leader/2 apply/3 " +
    "spawn_link/1 purge_module/1 halt/0 atom_to_binary/1 garbage_collect/0 halt/1 apply/2 error/3 " +
    "monitor/3 unalias/1 alias/1 integer_to_binary/2 integer_to_list/2 is_map_key/2 map_get/2 " +
    "ceil/1 floor/1 get_keys/0 map_size/1 is_map/1 binary_to_float/1 float_to_binary/2 " +
    "float_to_binary/1 list_to_integer/2 integer_to_binary/1 binary_to_integer/2 " +
    "binary_to_integer/1 check_old_code/1 binary_part/3 binary_part/2 binary_to_term/2 " +
    "binary_to_existing_atom/2 binary_to_atom/2 atom_to_binary/2 bitstring_to_list/1 " +
    "list_to_bitstring/1 bit_size/1 byte_size/1 tuple_size/1 is_bitstring/1 list_to_existing_atom/1 " +
    "iolist_to_binary/1 iolist_size/1 is_boolean/1 is_record/3 is_record/2 is_function/2 " +
    "is_function/1 is_binary/1 is_reference/1 is_port/1 is_pid/1 is_number/1 is_integer/1 " +
    "is_float/1 is_tuple/1 is_list/1 is_atom/1 error/2 error/1 is_process_alive/1 demonitor/2 " +
    "demonitor/1 monitor/2 port_to_list/1 ref_to_list/1 spawn_request_abandon/1 spawn_opt/4 " +
    "whereis/1 unregister/1 unlink/1 tuple_to_list/1 trunc/1 tl/1 time/0 throw/1 term_to_iovec/2 " +
    "term_to_iovec/1 term_to_binary/2 term_to_binary/1 statistics/1 split_binary/2 spawn_link/3 " +
    "spawn/3 size/1 setelement/3 self/0 round/1 registered/0 register/2 put/2 processes/0 " +
    "process_info/2 process_info/1 process_flag/2 pre_loaded/0 pid_to_list/1 now/0 nodes/2 nodes/1 " +
    "nodes/0 node/0 node/1 monitor_node/2 module_loaded/1 make_ref/0 list_to_tuple/1 list_to_ref/1 " +
    "list_to_port/1 list_to_pid/1 list_to_integer/1 list_to_float/1 list_to_binary/1 list_to_atom/1 " +
    "link/1 length/1 integer_to_list/1 hd/1 halt/2 group_leader/0 get_keys/1 get/1 get/0 " +
    "float_to_list/2 float_to_list/1 float/1 exit/2 exit/1 erase/1 erase/0 element/2 " +
    "delete_module/1 date/0 binary_to_term/1 binary_to_list/3 binary_to_list/1 atom_to_list/1 abs/1",
);
const GUARD_BIFS = set(
  "is_map_key/2 map_get/2 ceil/1 floor/1 map_size/1 is_map/1 binary_part/3 binary_part/2 " +
    "bit_size/1 byte_size/1 tuple_size/1 is_bitstring/1 is_boolean/1 is_record/3 is_record/2 " +
    "is_function/2 is_function/1 is_binary/1 is_reference/1 is_port/1 is_pid/1 is_number/1 " +
    "is_integer/1 is_float/1 is_tuple/1 is_list/1 is_atom/1 trunc/1 tl/1 size/1 self/0 round/1 " +
    "node/0 node/1 length/1 hd/1 float/1 element/2 abs/1",
);
const TYPE_TESTS = set(
  "is_map/1 is_bitstring/1 is_boolean/1 is_record/3 is_record/2 is_function/2 is_function/1 " +
    "is_binary/1 is_reference/1 is_port/1 is_pid/1 is_number/1 is_integer/1 is_float/1 is_tuple/1 " +
    "is_list/1 is_atom/1 float/1",
);

const ARITH: Record<string, number[]> = {
  "+": [1, 2],
  "-": [1, 2],
  "*": [2],
  "/": [2],
  div: [2],
  rem: [2],
  band: [2],
  bor: [2],
  bxor: [2],
  bsl: [2],
  bsr: [2],
  bnot: [1],
};
const BOOL: Record<string, number[]> = { not: [1], and: [2], or: [2], xor: [2] };
const COMP = new Set(["==", "/=", "=<", "<", ">=", ">", "=:=", "=/="]);

function key(n: Term, a: Term): string {
  if (typeof n !== "string" || typeof a !== "number") return raiseError("function_clause");
  return `${n}/${a}`;
}

const isArith = (n: Term, a: Term) =>
  typeof n === "string" && (ARITH[n]?.includes(a as number) ?? false);
const isBool = (n: Term, a: Term) =>
  typeof n === "string" && (BOOL[n]?.includes(a as number) ?? false);
const isComp = (n: Term, a: Term) => typeof n === "string" && COMP.has(n) && a === 2;
const isList = (n: Term, a: Term) => (n === "++" || n === "--") && a === 2;
const isSend = (n: Term, a: Term) => n === "!" && a === 2;

/** The functions of `erl_internal`, by `name/arity`. */
export const ERL_INTERNAL: ModuleFunctions = moduleTable("erl_internal", {
  "bif/2": (n: Term, a: Term) => BIFS.has(key(n, a)),
  "bif/3": (m: Term, n: Term, a: Term) => m === "erlang" && BIFS.has(key(n, a)),
  "guard_bif/2": (n: Term, a: Term) => GUARD_BIFS.has(key(n, a)),
  "type_test/2": (n: Term, a: Term) => TYPE_TESTS.has(key(n, a)),
  "new_type_test/2": (n: Term, a: Term) => TYPE_TESTS.has(key(n, a)),
  "old_type_test/2": (n: Term, a: Term) =>
    [
      "integer",
      "float",
      "number",
      "atom",
      "list",
      "tuple",
      "pid",
      "reference",
      "port",
      "binary",
      "function",
      "record",
      "constant",
    ].includes(n as string) && (a === 1 || (n === "record" && a === 2)),
  "arith_op/2": isArith,
  "bool_op/2": isBool,
  "comp_op/2": isComp,
  "list_op/2": isList,
  "send_op/2": isSend,
  "op_type/2": (n: Term, a: Term) =>
    isArith(n, a)
      ? "arith"
      : isBool(n, a)
      ? "bool"
      : isComp(n, a)
      ? "comp"
      : isList(n, a)
      ? "list"
      : isSend(n, a)
      ? "send"
      : raiseError("function_clause"),
});

/** Whether `name/arity` may be called in a guard: a guard BIF, a type test or an operator. */
/** Whether `name/arity` is an auto-imported BIF, as `erl_internal:bif/2` says. */
export function isBif(name: string, arity: number): boolean {
  return BIFS.has(key(name, arity));
}

export function isGuardFunction(name: string, arity: number): boolean {
  const k = `${name}/${arity}`;
  return GUARD_BIFS.has(k) || TYPE_TESTS.has(k) || isArith(name, arity) || isBool(name, arity) ||
    isComp(name, arity);
}
