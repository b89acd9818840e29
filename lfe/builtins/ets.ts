/**
 * The module `ets`: term storage as OTP 25 has it. A table is `set`, `ordered_set`, `bag` or
 * `duplicate_bag`; `public`, `protected` (the default) or `private`; named or known by its
 * identifier (a reference); its key at `keypos`; owned by a process, and deleted when that
 * process ends unless an heir takes it (`{'ETS-TRANSFER', Tid, From, HeirData}`). Errors are
 * `badarg`, as on BEAM: a table that is gone, a name nobody holds, a write to another
 * process's protected table, an object that is no tuple or is too short.
 *
 * A table lives in the isolate of the scheduler that made it, where its owner's operations go
 * straight to it. A process on another scheduler of the node reaches it all the same: the
 * operation is asked of the table's scheduler (the identifier names it; a name is in the node's
 * shared name table) and the caller waits for the answer, so that the node has one set of
 * tables as BEAM has.
 *
 * @module
 */

import { resolve } from "../../runtime/call.ts";
import type { ModuleFunctions } from "../../runtime/code.ts";
import {
  askScheduler,
  monitor,
  send,
  setQueryHandler,
  spawn,
  thisNode,
} from "../../runtime/api.ts";
import { receiveWith } from "../../runtime/receive.ts";
import { raiseError } from "../../runtime/errors.ts";
import type { Node } from "../../runtime/node.ts";
import { refKey, samePid } from "../../runtime/node.ts";
import { addOnExit, type Process, type Yielded } from "../../runtime/process.ts";
import { currentProcess } from "../../runtime/scheduler.ts";
import { compare, exactEq } from "../../runtime/term_order.ts";
import { arrayToList, charlist, Cons, Pid, Ref, type Term, termKey } from "../../runtime/terms.ts";
import { HashStore, type Store, TreeStore } from "./_ets_store.ts";
import {
  checkMatchSpec,
  type CompiledSpec,
  compileMatchSpec,
  NO_MATCH,
  patternSpec,
} from "./_match_spec.ts";
import { add } from "./ops.ts";
import { applyFun, moduleTable, properArray, unresolved } from "./_util.ts";

type Gen<T> = Generator<Yielded, T, unknown>;
type Kind = "set" | "ordered_set" | "bag" | "duplicate_bag";
type Protection = "public" | "protected" | "private";

/** One table. */
export class Table {
  store: Store;
  owner: Pid;
  heir: Pid | "none" = "none";
  heirData: Term = null;
  readConcurrency = false;
  writeConcurrency: Term = false;
  decentralized = false;
  compressed = false;
  /** Whether the table still exists. */
  alive = true;
  constructor(
    readonly id: Ref,
    public name: string,
    readonly named: boolean,
    readonly kind: Kind,
    readonly keypos: number,
    public protection: Protection,
    owner: Pid,
  ) {
    this.store = kind === "ordered_set" ? new TreeStore() : new HashStore(kind, keypos);
    this.owner = owner;
  }
  /** How the table is written in results: its name if named, else its identifier. */
  get handle(): Term {
    return this.named ? this.name : this.id;
  }
  keyOf(obj: Term): Term {
    return (obj as Term[])[this.keypos - 1] as Term;
  }
}

const byId = new Map<string, Table>();
const byName = new Map<string, Table>();
// The tables each process of this isolate owns.
const owned = new Map<Process, Set<Table>>();

// The node's shared name table holds a named table's name under this prefix, with the
// number of the scheduler that keeps it.
const SHARED_PREFIX = "\u0000ets\u0000";

// The process an operation runs for: the caller, or the one another scheduler asked for.
let askedBy: Pid | null = null;

function caller(): Pid | null {
  return askedBy ?? currentProcess()?.pid ?? null;
}

function badarg(): never {
  raiseError("badarg");
}

/** Where a table is: here, on scheduler `at`, or nowhere. */
type Where = { here: Table } | { at: number } | null;

// The table last found by identifier, and each identifier's table: a loop over one table
// finds it without building its key.
let lastRef: Ref | null = null;
let lastTable: Table | null = null;
const byRef = new WeakMap<Ref, Table>();

/** The live table here that `t` names, found fast, or `undefined`. */
function hereFast(t: Term): Table | undefined {
  if (t === lastRef && lastTable !== null && lastTable.alive) return lastTable;
  let tab: Table | undefined;
  if (t instanceof Ref) {
    tab = byRef.get(t);
    if (tab === undefined) {
      tab = byId.get(refKey(t));
      if (tab !== undefined) byRef.set(t, tab);
    }
    if (tab !== undefined && tab.alive) {
      lastRef = t;
      lastTable = tab;
      return tab;
    }
    return undefined;
  }
  if (typeof t === "string") return byName.get(t);
  return undefined;
}

function where(t: Term): Where {
  const fast = hereFast(t);
  if (fast !== undefined) return { here: fast };
  if (t instanceof Ref) {
    const here = byId.get(refKey(t));
    if (here !== undefined) return { here };
    const node = thisNode();
    const at = t.ids[2];
    if (
      node.siblings !== null && t.node === node.name && typeof at === "number" &&
      at !== node.index && at < node.schedulerCount
    ) return { at };
    return null;
  }
  if (typeof t === "string") {
    const here = byName.get(t);
    if (here !== undefined) return { here };
    const node = thisNode();
    const found = node.shared?.whereis(SHARED_PREFIX + t);
    if (found !== undefined && found[0] !== node.index) return { at: found[0] };
  }
  return null;
}

function allowed(tab: Table, write: boolean): Table {
  if (tab.protection === "public") return tab;
  const me = caller();
  if (me === null || samePid(me, tab.owner)) return tab;
  if (tab.protection === "private" || write) badarg();
  return tab;
}

// An operation on the table `t`, run here or asked of the scheduler that keeps it.
function onTable(name: string, args: Term[], here: (tab: Table) => Term, write = false): Term {
  const w = where(args[0] as Term);
  if (w === null) badarg();
  if ("here" in w) return here(allowed(w.here, write));
  return remote(w.at, name, args) as unknown as Term;
}

function* remote(at: number, name: string, args: Term[]): Gen<Term> {
  const me = currentProcess();
  if (me === undefined || me === null) badarg();
  const a = yield* askScheduler(at, "ets", [name, arrayToList(args), me.pid]);
  if (!Array.isArray(a)) badarg();
  if (a[0] === "ok") return a[1] as Term;
  raiseError(a[1] as Term);
}

// Answers another scheduler's operation on a table kept here.
function answer(_node: Node, arg: Term): Term {
  const [name, args, from] = arg as [string, Term, Pid];
  const f = ETS[name];
  if (f === undefined) return ["error", "badarg"];
  askedBy = from;
  try {
    const r = f(...(properArray(args) ?? []));
    if (unresolved(r)) return ["error", "badarg"];
    return ["ok", r as Term];
  } catch (e) {
    const reason = (e as { reason?: Term }).reason;
    return ["error", reason ?? "badarg"];
  } finally {
    askedBy = null;
  }
}

setQueryHandler("ets", answer);

function deleteTable(tab: Table): void {
  tab.alive = false;
  byId.delete(refKey(tab.id));
  if (tab.named && byName.get(tab.name) === tab) {
    byName.delete(tab.name);
    thisNode().shared?.unregister(SHARED_PREFIX + tab.name);
  }
  dropOwner(tab);
  tab.store.clear();
}

// The owner `p` ended: each of its tables goes to its heir, or is deleted.
function ownerExited(p: Process): void {
  const tabs = owned.get(p);
  owned.delete(p);
  if (tabs !== undefined) ownerGone(p.pid, tabs);
}

function ownerGone(pid: Pid, tabs: Iterable<Table>): void {
  const node = thisNode();
  for (const tab of [...tabs]) {
    if (!tab.alive) continue;
    const heir = tab.heir;
    if (heir instanceof Pid && !samePid(heir, pid) && heirAlive(heir)) {
      giveTo(tab, heir);
      node.sendPid(heir, ["ETS-TRANSFER", tab.handle, pid, tab.heirData], null);
    } else deleteTable(tab);
  }
}

// Whether the heir can take a table: alive here, or a process of another scheduler of the
// node (whose end the keeper hears of).
function heirAlive(heir: Pid): boolean {
  const node = thisNode();
  if (node.isHere(heir)) return node.lookup(heir) !== undefined;
  return node.isLocal(heir);
}

// Makes `pid` the owner: a process here, or one on another scheduler of the node.
function giveTo(tab: Table, pid: Pid): void {
  const node = thisNode();
  const p = node.isHere(pid) ? node.lookup(pid) : undefined;
  if (p !== undefined) return setOwner(tab, p);
  dropOwner(tab);
  tab.owner = pid;
  const key = termKey(pid);
  let set = remoteOwned.get(key);
  if (set === undefined) {
    remoteOwned.set(key, set = new Set());
    send(keeper(), ["watch", pid]);
  }
  set.add(tab);
}

function setOwner(tab: Table, p: Process): void {
  dropOwner(tab);
  tab.owner = p.pid;
  let set = owned.get(p);
  if (set === undefined) {
    owned.set(p, set = new Set());
    addOnExit(p, ownerExited);
  }
  set.add(tab);
}

// Forgets the table's present owner.
function dropOwner(tab: Table): void {
  const node = thisNode();
  const old = node.isHere(tab.owner) ? node.lookup(tab.owner) : undefined;
  if (old !== undefined) owned.get(old)?.delete(tab);
  remoteOwned.get(termKey(tab.owner))?.delete(tab);
}

// Tables here owned by processes of other schedulers, by owner.
const remoteOwned = new Map<ReturnType<typeof termKey>, Set<Table>>();
let keeperPid: Pid | undefined;

// A process of this scheduler that watches the owners on other schedulers of tables here,
// and gives their tables to the heir, or deletes them, when they end.
function keeper(): Pid {
  if (keeperPid !== undefined && thisNode().lookup(keeperPid) !== undefined) return keeperPid;
  keeperPid = spawn(function* (): Gen<Term> {
    for (;;) {
      const m = yield* receiveWith((x) => x);
      if (!Array.isArray(m)) continue;
      if (m[0] === "watch" && m[1] instanceof Pid) monitor(m[1]);
      else if (m[0] === "DOWN" && m[3] instanceof Pid) {
        const key = termKey(m[3]);
        const tabs = remoteOwned.get(key);
        remoteOwned.delete(key);
        if (tabs !== undefined) ownerGone(m[3], tabs);
      }
    }
  });
  return keeperPid;
}

const KINDS = new Set(["set", "ordered_set", "bag", "duplicate_bag"]);
const PROTECTIONS = new Set(["public", "protected", "private"]);

function isBool(t: Term): boolean {
  return t === true || t === false;
}

function newTable(name: Term, options: Term): Term {
  const opts = properArray(options);
  if (typeof name !== "string" || opts === undefined) badarg();
  let kind: Kind = "set", protection: Protection = "protected", keypos = 1, named = false;
  let typed = false;
  let heir: Pid | "none" = "none", heirData: Term = null;
  let rc = false, wc: Term = false, dc = false, compressed = false;
  for (const o of opts) {
    if (typeof o === "string" && KINDS.has(o)) {
      if (!typed) kind = o as Kind;
      typed = true;
    } else if (typeof o === "string" && PROTECTIONS.has(o)) protection = o as Protection;
    else if (o === "named_table") named = true;
    else if (o === "compressed") compressed = true;
    else if (Array.isArray(o) && o.length === 2 && o[0] === "keypos") {
      if (typeof o[1] !== "number" || o[1] < 1) badarg();
      keypos = o[1];
    } else if (Array.isArray(o) && o.length === 3 && o[0] === "heir") {
      if (!(o[1] instanceof Pid)) badarg();
      heir = o[1];
      heirData = o[2] as Term;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "heir" && o[1] === "none") {
      heir = "none";
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "read_concurrency") {
      if (!isBool(o[1] as Term)) badarg();
      rc = o[1] as boolean;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "write_concurrency") {
      if (!isBool(o[1] as Term) && o[1] !== "auto") badarg();
      wc = o[1] as Term;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === "decentralized_counters") {
      if (!isBool(o[1] as Term)) badarg();
      dc = o[1] as boolean;
    } else badarg();
  }
  const node = thisNode();
  if (named) {
    if (byName.has(name)) badarg();
    if (node.shared !== null && !node.shared.register(SHARED_PREFIX + name, node.index, 0)) {
      badarg();
    }
  }
  const p = currentProcess();
  const owner = p?.pid ?? new Pid(node.name, 0, 0, node.creation);
  const tab = new Table(node.makeRef(), name, named, kind, keypos, protection, owner);
  tab.heir = heir;
  tab.heirData = heirData;
  tab.readConcurrency = rc;
  tab.writeConcurrency = wc;
  tab.decentralized = dc || wc === "auto";
  tab.compressed = compressed;
  byId.set(refKey(tab.id), tab);
  if (named) byName.set(name, tab);
  if (p !== undefined && p !== null) setOwner(tab, p);
  return tab.handle;
}

// The objects of an `insert`: one tuple or a list of them, each long enough for the key.
function objectsOf(tab: Table, x: Term): Term[] {
  const objs = Array.isArray(x) ? [x] : properArray(x);
  if (objs === undefined) badarg();
  for (const o of objs) if (!Array.isArray(o) || o.length < tab.keypos) badarg();
  return objs;
}

function insert(t: Term, x: Term): Term {
  const fast = hereFast(t);
  if (fast !== undefined && Array.isArray(x) && x.length >= fast.keypos) {
    allowed(fast, true).store.insert(x[fast.keypos - 1] as Term, x);
    return true;
  }
  return onTable("insert/2", [t, x], (tab) => {
    for (const o of objectsOf(tab, x)) tab.store.insert(tab.keyOf(o), o);
    return true;
  }, true);
}

function insertNew(t: Term, x: Term): Term {
  return onTable("insert_new/2", [t, x], (tab) => {
    const objs = objectsOf(tab, x);
    for (const o of objs) if (tab.store.has(tab.keyOf(o))) return false;
    for (const o of objs) tab.store.insert(tab.keyOf(o), o);
    return true;
  }, true);
}

function lookup(t: Term, k: Term): Term {
  const fast = hereFast(t);
  if (fast !== undefined) {
    const os = allowed(fast, false).store.lookup(k);
    return os.length === 0
      ? null
      : os.length === 1
      ? new Cons(os[0] as Term, null)
      : arrayToList(os);
  }
  return onTable("lookup/2", [t, k], () => null);
}

function lookupElement(t: Term, k: Term, pos: Term): Term {
  return onTable("lookup_element/3", [t, k, pos], (tab) => {
    const os = tab.store.lookup(k);
    if (os.length === 0 || typeof pos !== "number" || pos < 1) badarg();
    const out = os.map((o) => {
      const e = (o as Term[])[pos - 1];
      return e === undefined ? badarg() : e;
    });
    return tab.kind === "set" || tab.kind === "ordered_set" ? out[0] as Term : arrayToList(out);
  });
}

function member(t: Term, k: Term): Term {
  return onTable("member/2", [t, k], (tab) => tab.store.has(k));
}

function take(t: Term, k: Term): Term {
  return onTable("take/2", [t, k], (tab) => {
    const os = tab.store.lookup(k);
    tab.store.deleteKey(k);
    return arrayToList(os);
  }, true);
}

function delete1(t: Term): Term {
  const w = where(t);
  if (w !== null && "at" in w) return remote(w.at, "delete/1", [t]) as unknown as Term;
  if (w === null) badarg();
  const tab = w.here;
  const me = caller();
  if (tab.protection !== "public" && me !== null && !samePid(me, tab.owner)) badarg();
  deleteTable(tab);
  return true;
}

function delete2(t: Term, k: Term): Term {
  return onTable("delete/2", [t, k], (tab) => {
    tab.store.deleteKey(k);
    return true;
  }, true);
}

function deleteObject(t: Term, o: Term): Term {
  return onTable("delete_object/2", [t, o], (tab) => {
    if (!Array.isArray(o) || o.length < tab.keypos) badarg();
    tab.store.deleteObject(tab.keyOf(o), o);
    return true;
  }, true);
}

function deleteAll(t: Term): Term {
  return onTable("delete_all_objects/1", [t], (tab) => {
    tab.store.clear();
    return true;
  }, true);
}

function tab2list(t: Term): Term {
  return onTable("tab2list/1", [t], (tab) => arrayToList(tab.store.objects()));
}

const END = "$end_of_table";

function firstKey(t: Term): Term {
  return onTable("first/1", [t], (tab) => tab.store.first() ?? END);
}

function lastKey(t: Term): Term {
  return onTable("last/1", [t], (tab) => {
    const s = tab.store;
    return (tab.kind === "ordered_set" ? s.last() : s.first()) ?? END;
  });
}

function nextKey(t: Term, k: Term): Term {
  return onTable("next/2", [t, k], (tab) => {
    const n = tab.store.next(k);
    if (n === undefined) badarg();
    return n ?? END;
  });
}

function prevKey(t: Term, k: Term): Term {
  return onTable("prev/2", [t, k], (tab) => {
    const n = tab.kind === "ordered_set" ? tab.store.prev(k) : tab.store.next(k);
    if (n === undefined) badarg();
    return n ?? END;
  });
}

function spec(ms: Term): CompiledSpec {
  return compileMatchSpec(ms) ?? badarg();
}

// The results of `ms` over the table, in its order (or reversed), at most `limit`.
function run(tab: Table, ms: CompiledSpec, reverse = false): Term[] {
  const out: Term[] = [];
  const key = ms.key?.(tab.keypos);
  const visit = (o: Term) => {
    const r = ms.run(o);
    if (r !== NO_MATCH) out.push(r);
  };
  if (key !== undefined) {
    for (const o of tab.store.lookup(key)) visit(o);
    return out;
  }
  if (reverse && tab.store instanceof TreeStore) tab.store.eachReverse(visit);
  else tab.store.each(visit);
  return out;
}

function select2(t: Term, ms: Term): Term {
  return onTable("select/2", [t, ms], (tab) => arrayToList(run(tab, spec(ms))));
}

function selectReverse2(t: Term, ms: Term): Term {
  return onTable("select_reverse/2", [t, ms], (tab) => arrayToList(run(tab, spec(ms), true)));
}

// A chunk of `limit` results and the continuation that gives the rest.
function chunk(handle: Term, results: Term[], limit: number): Term {
  if (results.length === 0) return END;
  const first = results.slice(0, limit), rest = results.slice(limit);
  const cont = rest.length === 0 ? END : [handle, arrayToList(rest), limit, "$ets_continuation"];
  return [arrayToList(first), cont];
}

function validLimit(n: Term): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) badarg();
  return n;
}

function select3(t: Term, ms: Term, n: Term): Term {
  return onTable("select/3", [t, ms, n], (tab) => {
    return chunk(tab.handle, run(tab, spec(ms)), validLimit(n));
  });
}

function selectReverse3(t: Term, ms: Term, n: Term): Term {
  return onTable("select_reverse/3", [t, ms, n], (tab) => {
    return chunk(tab.handle, run(tab, spec(ms), true), validLimit(n));
  });
}

function continueSelect(c: Term): Term {
  if (c === END) return END;
  if (!Array.isArray(c) || c.length !== 4 || c[3] !== "$ets_continuation") badarg();
  const rest = properArray(c[1] as Term);
  if (rest === undefined || typeof c[2] !== "number") badarg();
  return chunk(c[0] as Term, rest, c[2]);
}

function selectCount(t: Term, ms: Term): Term {
  return onTable("select_count/2", [t, ms], (tab) => {
    return run(tab, spec(ms)).filter((r) => r === true).length;
  });
}

function selectDelete(t: Term, ms: Term): Term {
  return onTable("select_delete/2", [t, ms], (tab) => {
    const m = spec(ms);
    const gone = tab.store.objects().filter((o) => m.run(o) === true);
    for (const o of gone) tab.store.deleteObject(tab.keyOf(o), o);
    return gone.length;
  }, true);
}

function selectReplace(t: Term, ms: Term): Term {
  return onTable("select_replace/2", [t, ms], (tab) => {
    const m = spec(ms);
    if (tab.kind === "bag" || tab.kind === "duplicate_bag") badarg();
    let n = 0;
    for (const o of tab.store.objects()) {
      const r = m.run(o);
      if (r === NO_MATCH) continue;
      if (!Array.isArray(r) || r.length < tab.keypos) badarg();
      if (!exactEq(tab.keyOf(r), tab.keyOf(o))) badarg();
      tab.store.insert(tab.keyOf(r), r);
      n++;
    }
    return n;
  }, true);
}

function match2(t: Term, p: Term): Term {
  return onTable("match/2", [t, p], (tab) => arrayToList(run(tab, spec(patternSpec(p, false)))));
}

function match3(t: Term, p: Term, n: Term): Term {
  return onTable("match/3", [t, p, n], (tab) => {
    return chunk(tab.handle, run(tab, spec(patternSpec(p, false))), validLimit(n));
  });
}

function matchObject2(t: Term, p: Term): Term {
  return onTable(
    "match_object/2",
    [t, p],
    (tab) => arrayToList(run(tab, spec(patternSpec(p, true)))),
  );
}

function matchObject3(t: Term, p: Term, n: Term): Term {
  return onTable("match_object/3", [t, p, n], (tab) => {
    return chunk(tab.handle, run(tab, spec(patternSpec(p, true))), validLimit(n));
  });
}

function matchDelete(t: Term, p: Term): Term {
  return onTable("match_delete/2", [t, p], (tab) => {
    const m = spec(patternSpec(p, true));
    for (const o of tab.store.objects()) {
      if (m.run(o) !== NO_MATCH) tab.store.deleteObject(tab.keyOf(o), o);
    }
    return true;
  }, true);
}

// One counter operation on `obj`: `Incr`, `{Pos, Incr}` or `{Pos, Incr, Threshold, SetValue}`.
function counterOp(tab: Table, obj: Term[], op: Term): Term {
  let pos: Term = tab.keypos + 1, incr: Term = op, threshold: Term = null, setTo: Term = null;
  if (Array.isArray(op)) {
    if (op.length === 2) [pos, incr] = op as [Term, Term];
    else if (op.length === 4) [pos, incr, threshold, setTo] = op as [Term, Term, Term, Term];
    else badarg();
  }
  const isInt = (x: Term) =>
    (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint";
  if (typeof pos !== "number" || pos < 1 || pos > obj.length || pos === tab.keypos) badarg();
  if (!isInt(incr) || (threshold !== null && (!isInt(threshold) || !isInt(setTo)))) badarg();
  const old = obj[pos - 1] as Term;
  if (!isInt(old)) badarg();
  let v = add(old, incr);
  if (threshold !== null) {
    const up = compare(incr, 0) >= 0;
    if (up ? compare(v, threshold) > 0 : compare(v, threshold) < 0) v = setTo;
  }
  obj[pos - 1] = v;
  return v;
}

function updateCounter(t: Term, k: Term, op: Term, dflt?: Term): Term {
  const args = dflt === undefined ? [t, k, op] : [t, k, op, dflt];
  const name = dflt === undefined ? "update_counter/3" : "update_counter/4";
  return onTable(name, args, (tab) => {
    if (tab.kind === "bag" || tab.kind === "duplicate_bag") badarg();
    let obj = tab.store.lookup(k)[0] as Term[] | undefined;
    if (obj === undefined) {
      if (dflt === undefined || !Array.isArray(dflt) || dflt.length < tab.keypos) badarg();
      obj = [...dflt];
      obj[tab.keypos - 1] = k;
    } else obj = [...obj];
    const ops = op instanceof Cons || op === null ? properArray(op) : undefined;
    let r: Term;
    if (ops !== undefined) r = arrayToList(ops.map((o) => counterOp(tab, obj as Term[], o)));
    else r = counterOp(tab, obj, op);
    tab.store.insert(k, obj);
    return r;
  }, true);
}

function updateElement(t: Term, k: Term, upd: Term): Term {
  return onTable("update_element/3", [t, k, upd], (tab) => {
    if (tab.kind === "bag" || tab.kind === "duplicate_bag") badarg();
    const ups = Array.isArray(upd) ? [upd] : properArray(upd);
    if (ups === undefined) badarg();
    const found = tab.store.lookup(k)[0] as Term[] | undefined;
    for (const u of ups) {
      if (!Array.isArray(u) || u.length !== 2 || typeof u[0] !== "number") badarg();
    }
    if (found === undefined) return false;
    const obj = [...found];
    for (const u of ups as [number, Term][]) {
      if (u[0] < 1 || u[0] > obj.length || u[0] === tab.keypos) badarg();
      obj[u[0] - 1] = u[1];
    }
    tab.store.insert(k, obj);
    return true;
  }, true);
}

function* fold(f: Term, acc: Term, t: Term, right: boolean): Gen<Term> {
  if (typeof f !== "function") raiseError("function_clause");
  const objs = properArray(yield* resolve(tab2list(t))) as Term[];
  if (right) objs.reverse();
  let a = acc;
  for (const o of objs) {
    const r = applyFun(f, [o, a]);
    a = unresolved(r) ? yield* resolve(r) : r as Term;
  }
  return a;
}

function wordsOf(t: Term): number {
  if (Array.isArray(t)) return 1 + t.reduce((n: number, x) => n + wordsOf(x), t.length);
  if (t instanceof Cons) return 2 + wordsOf(t.hd) + wordsOf(t.tl);
  if (t instanceof Uint8Array) return 3 + Math.ceil(t.length / 8);
  return 0;
}

function infoItem(tab: Table, item: Term): Term {
  switch (item) {
    case "id":
      return tab.id;
    case "decentralized_counters":
      return tab.decentralized;
    case "read_concurrency":
      return tab.readConcurrency;
    case "write_concurrency":
      return tab.writeConcurrency;
    case "compressed":
      return tab.compressed;
    case "memory":
      return tab.store.objects().reduce((n: number, o) => n + 5 + wordsOf(o), 305);
    case "owner":
      return tab.owner;
    case "heir":
      return tab.heir;
    case "name":
      return tab.name;
    case "size":
      return tab.store.size;
    case "node":
      return thisNode().name;
    case "named_table":
      return tab.named;
    case "type":
      return tab.kind;
    case "keypos":
      return tab.keypos;
    case "protection":
      return tab.protection;
    case "fixed":
      return false;
    case "safe_fixed":
    case "safe_fixed_monotonic_time":
      return false;
    case "stats":
      return false;
  }
  badarg();
}

const INFO_ITEMS = [
  "id",
  "decentralized_counters",
  "read_concurrency",
  "write_concurrency",
  "compressed",
  "memory",
  "owner",
  "heir",
  "name",
  "size",
  "node",
  "named_table",
  "type",
  "keypos",
  "protection",
];

function info1(t: Term): Term {
  if (!(t instanceof Ref) && typeof t !== "string") badarg();
  const w = where(t);
  if (w === null) return "undefined";
  if ("at" in w) return remote(w.at, "info/1", [t]) as unknown as Term;
  return arrayToList(INFO_ITEMS.map((i) => [i, infoItem(w.here, i)]));
}

function info2(t: Term, item: Term): Term {
  if (!(t instanceof Ref) && typeof t !== "string") badarg();
  const w = where(t);
  if (w === null) return "undefined";
  if ("at" in w) return remote(w.at, "info/2", [t, item]) as unknown as Term;
  return infoItem(w.here, item);
}

function giveAway(t: Term, to: Term, data: Term): Term {
  return onTable("give_away/3", [t, to, data], (tab) => {
    const me = caller();
    if (!(to instanceof Pid) || me === null || !samePid(me, tab.owner) || samePid(to, me)) badarg();
    const node = thisNode();
    if (!node.isLocal(to) || (node.isHere(to) && node.lookup(to) === undefined)) badarg();
    giveTo(tab, to);
    node.sendPid(to, ["ETS-TRANSFER", tab.handle, me, data], null);
    return true;
  });
}

function setopts(t: Term, opts: Term): Term {
  return onTable("setopts/2", [t, opts], (tab) => {
    const me = caller();
    if (me !== null && !samePid(me, tab.owner)) badarg();
    const os = Array.isArray(opts) ? [opts] : properArray(opts);
    if (os === undefined) badarg();
    for (const o of os) {
      if (Array.isArray(o) && o[0] === "heir" && o.length === 3 && o[1] instanceof Pid) {
        tab.heir = o[1];
        tab.heirData = o[2] as Term;
      } else if (Array.isArray(o) && o[0] === "heir" && o.length === 2 && o[1] === "none") {
        tab.heir = "none";
      } else if (
        Array.isArray(o) && o[0] === "protection" && o.length === 2 &&
        typeof o[1] === "string" && PROTECTIONS.has(o[1])
      ) tab.protection = o[1] as Protection;
      else badarg();
    }
    return true;
  });
}

function rename(t: Term, name: Term): Term {
  return onTable("rename/2", [t, name], (tab) => {
    if (typeof name !== "string" || !tab.named) badarg();
    if (byName.has(name) && byName.get(name) !== tab) badarg();
    const shared = thisNode().shared;
    if (shared !== null && !shared.register(SHARED_PREFIX + name, thisNode().index, 0)) badarg();
    shared?.unregister(SHARED_PREFIX + tab.name);
    byName.delete(tab.name);
    tab.name = name;
    byName.set(name, tab);
    return name;
  }, true);
}

function all(): Term {
  return arrayToList([...byId.values()].map((t) => t.handle));
}

function whereisTable(name: Term): Term {
  if (typeof name !== "string") badarg();
  const tab = byName.get(name);
  return tab === undefined ? "undefined" : tab.id;
}

function slot(t: Term, i: Term): Term {
  return onTable("slot/2", [t, i], (tab) => {
    const objs = tab.store.objects();
    if (typeof i !== "number" || i < 0 || i > objs.length) badarg();
    return i === objs.length ? END : arrayToList([objs[i] as Term]);
  });
}

function matchSpecCompile(ms: Term): Term {
  if (compileMatchSpec(ms) === undefined) badarg();
  return ["$ets_compiled_ms", ms];
}

function matchSpecRun(l: Term, c: Term): Term {
  const objs = properArray(l);
  if (objs === undefined || !Array.isArray(c) || c[0] !== "$ets_compiled_ms") badarg();
  const m = spec(c[1] as Term);
  const out: Term[] = [];
  for (const o of objs) {
    const r = m.run(o);
    if (r !== NO_MATCH) out.push(r);
  }
  return arrayToList(out);
}

function testMs(tuple: Term, ms: Term): Term {
  const m = checkMatchSpec(ms);
  if (typeof m === "string") return ["error", arrayToList([["error", charlist(m)]])];
  const r = m.run(tuple);
  return ["ok", r === NO_MATCH ? false : r];
}

function safeFixtable(t: Term, fix: Term): Term {
  return onTable("safe_fixtable/2", [t, fix], () => {
    if (typeof fix !== "boolean") badarg();
    return true;
  });
}

/** `ets` by `name/arity`. */
export const ETS: ModuleFunctions = moduleTable("ets", {
  "new/2": newTable,
  "insert/2": insert,
  "insert_new/2": insertNew,
  "lookup/2": lookup,
  "lookup_element/3": lookupElement,
  "member/2": member,
  "take/2": take,
  "delete/1": delete1,
  "delete/2": delete2,
  "delete_object/2": deleteObject,
  "delete_all_objects/1": deleteAll,
  "tab2list/1": tab2list,
  "first/1": firstKey,
  "last/1": lastKey,
  "next/2": nextKey,
  "prev/2": prevKey,
  "select/1": continueSelect,
  "select/2": select2,
  "select/3": select3,
  "select_reverse/1": continueSelect,
  "select_reverse/2": selectReverse2,
  "select_reverse/3": selectReverse3,
  "select_count/2": selectCount,
  "select_delete/2": selectDelete,
  "select_replace/2": selectReplace,
  "match/1": continueSelect,
  "match/2": match2,
  "match/3": match3,
  "match_object/1": continueSelect,
  "match_object/2": matchObject2,
  "match_object/3": matchObject3,
  "match_delete/2": matchDelete,
  "update_counter/3": (t: Term, k: Term, op: Term) => updateCounter(t, k, op),
  "update_counter/4": updateCounter,
  "update_element/3": updateElement,
  "foldl/3": (f: Term, acc: Term, t: Term) => fold(f, acc, t, false),
  "foldr/3": (f: Term, acc: Term, t: Term) => fold(f, acc, t, true),
  "info/1": info1,
  "info/2": info2,
  "give_away/3": giveAway,
  "setopts/2": setopts,
  "rename/2": rename,
  "all/0": all,
  "whereis/1": whereisTable,
  "slot/2": slot,
  "safe_fixtable/2": safeFixtable,
  "match_spec_compile/1": matchSpecCompile,
  "match_spec_run/2": matchSpecRun,
  "is_compiled_ms/1": (c: Term) => Array.isArray(c) && c[0] === "$ets_compiled_ms",
  "test_ms/2": testMs,
  "repair_continuation/2": (c: Term) => c,
  "fun2ms/1": () => raiseError(["error", "fun2ms requires a parse transform"]),
});

/**
 * The ets functions that may have to wait (for a table on another scheduler): compiled code
 * treats their calls as calls that may wait.
 */
export const ETS_MAY_WAIT: ReadonlySet<unknown> = new Set(
  Object.entries(ETS).filter(([k]) =>
    !["all/0", "whereis/1", "match_spec_compile/1", "match_spec_run/2", "is_compiled_ms/1"]
      .includes(k) &&
    !k.startsWith("test_ms") && !k.startsWith("fun2ms") &&
    !k.startsWith("repair")
  ).map(([, f]) => f),
);
