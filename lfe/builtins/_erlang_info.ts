/**
 * What `erlang` tells of the system: `system_info/1` for the keys programs ask (the release,
 * counts of processes and atoms, schedulers, word size, versions, ...), `statistics/1` (run
 * time, wall clock, reductions) and `memory/0,1`, from what this runtime and Deno know. The
 * emulated release is OTP 25 with erts 13.1.5; a key this runtime has no answer for is
 * `badarg`, as an unknown key is on BEAM.
 *
 * @module
 */

import process from "node:process";
import { allProcesses, thisNode } from "../../runtime/api.ts";
import { atomTableSize } from "../../runtime/atom_table.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Yielded } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { arrayToList, charlist, type Term } from "../../runtime/terms.ts";
import { mustArray } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;

function badarg(): never {
  return raiseError("badarg");
}

/** The release and the version of the emulator this runtime answers as. */
const OTP_RELEASE = "25";
const ERTS_VERSION = "13.1.5";

function node() {
  return currentProcess()?.node ?? thisNode();
}

function cpus(): number {
  return navigator.hardwareConcurrency ?? 1;
}

function systemVersion(): string {
  const n = node().schedulerCount;
  return `Erlang/OTP ${OTP_RELEASE} [erts-${ERTS_VERSION}] [source] [64-bit] ` +
    `[smp:${n}:${n}] [ds:0:0:0] [async-threads:0] [deno-${Deno.version.deno}]\n`;
}

/** The keys that need no waiting. */
const PLAIN: Record<string, () => Term> = {
  otp_release: () => charlist(OTP_RELEASE),
  version: () => charlist(ERTS_VERSION),
  system_version: () => charlist(systemVersion()),
  compat_rel: () => Number(OTP_RELEASE),
  machine: () => charlist("BEAM"),
  schedulers: () => node().schedulerCount,
  schedulers_online: () => node().schedulerCount,
  scheduler_id: () => node().index + 1,
  dirty_cpu_schedulers: () => 0,
  dirty_cpu_schedulers_online: () => 0,
  dirty_io_schedulers: () => 0,
  logical_processors: () => cpus(),
  logical_processors_available: () => cpus(),
  logical_processors_online: () => cpus(),
  wordsize: () => 8,
  smp_support: () => true,
  threads: () => true,
  thread_pool_size: () => 0,
  process_limit: () => 262144,
  atom_count: () => atomTableSize().count,
  atom_limit: () => 1048576,
  port_count: () => 0,
  port_limit: () => 65536,
  creation: () => node().creation,
  endian: () => "little",
  heap_type: () => "private",
  build_type: () => "opt",
  emu_type: () => "opt",
  debug_compiled: () => false,
  time_correction: () => true,
  time_warp_mode: () => "no_time_warp",
  multi_scheduling: () => node().schedulerCount > 1 ? "enabled" : "disabled",
  system_architecture: () =>
    charlist(`${Deno.build.arch}-${Deno.build.vendor}-${Deno.build.os}-${Deno.build.env ?? ""}`),
};

/** `system_info/1`. */
export function* systemInfo(what: Term): Gen<Term> {
  if (typeof what === "string" && Object.hasOwn(PLAIN, what)) return (PLAIN[what] as () => Term)();
  if (what === "process_count") return (yield* allProcesses()).length;
  if (Array.isArray(what) && what.length === 2 && what[0] === "wordsize") {
    if (what[1] === "internal" || what[1] === "external") return 8;
  }
  return badarg();
}

// What statistics/1 last told, for its "since the last call" figures.
const last = { runtime: 0, wall: 0, reductions: 0, total: 0 };
const started = performance.now();

function cpuMillis(): number {
  const u = process.cpuUsage();
  return Math.floor((u.user + u.system) / 1000);
}

/** `statistics/1`: `runtime`, `wall_clock`, `reductions`, `exact_reductions`, ... */
export function* statistics(what: Term): Gen<Term> {
  switch (what) {
    case "runtime": {
      const t = cpuMillis(), since = t - last.runtime;
      last.runtime = t;
      return [t, since];
    }
    case "wall_clock": {
      const t = Math.floor(performance.now() - started), since = t - last.wall;
      last.wall = t;
      return [t, since];
    }
    case "reductions":
    case "exact_reductions": {
      // Reductions of the live processes; a count that shrinks (a process ended) adds nothing.
      const now = (yield* allProcesses()).reduce((s, p) => s + p.reductions, 0);
      const since = Math.max(0, now - last.reductions);
      last.reductions = now;
      last.total += since;
      return [last.total, since];
    }
    case "scheduler_wall_time":
    case "scheduler_wall_time_all":
      return "undefined";
  }
  return badarg();
}

const MEMORY = [
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

/**
 * The memory by kind, in bytes: the processes' terms are Deno's heap, binaries its memory
 * outside the heap, atoms the table's names; code and ets tables are not measured apart from
 * the rest, so they count as system memory.
 */
function memoryOf(kind: string): number {
  const m = Deno.memoryUsage();
  const atoms = atomTableSize().bytes;
  switch (kind) {
    case "total":
      return m.rss;
    case "processes":
    case "processes_used":
      return m.heapUsed;
    case "system":
      return Math.max(0, m.rss - m.heapUsed);
    case "atom":
    case "atom_used":
      return atoms;
    case "binary":
      return m.external;
  }
  return 0;
}

/** `memory/0`. */
export function memory0(): Term {
  return arrayToList(MEMORY.map((k) => [k, memoryOf(k)]));
}

/** `memory/1`: one kind, or a list of them. */
export function memory1(what: Term): Term {
  const known = (k: Term): k is string => typeof k === "string" && MEMORY.includes(k);
  if (typeof what === "string") return known(what) ? memoryOf(what) : badarg();
  const kinds = mustArray(what);
  if (!kinds.every(known)) return badarg();
  return arrayToList(kinds.map((k) => [k, memoryOf(k as string)]));
}
