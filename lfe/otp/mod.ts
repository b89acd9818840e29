/**
 * OTP's behaviours for TypeScript processes: a gen_server or a supervisor whose callbacks are
 * TypeScript functions, run by the same `gen_server` and `supervisor` the node carries for LFE
 * and Erlang programs — so a TypeScript server answers `gen_server:call/2` from LFE, from
 * another node of ours or from BEAM, and an LFE supervisor can start a TypeScript child.
 *
 * A callback module is defined by name; its callbacks answer OTP's tuples, built here with
 * {@linkcode reply}, {@linkcode noreply} and {@linkcode stop}. A callback may be a generator
 * function (to receive, or to call other servers).
 *
 * @example
 * ```ts
 * import { call, defineGenServer, noreply, reply, startLink } from "./mod.ts";
 * import { run } from "../../runtime/mod.ts";
 * defineGenServer<number>("counter", {
 *   init: (start) => ["ok", start as number],
 *   handleCall: (req, _from, n) => req === "next" ? reply(n + 1, n + 1) : reply(n, n),
 *   handleCast: (_msg, n) => noreply(0),
 * });
 * await run(function* () {
 *   const [, pid] = (yield* startLink("counter", 41)) as [string, unknown];
 *   return yield* call(pid as never, "next"); // 42
 * });
 * ```
 *
 * @module
 */

import {
  arrayToList,
  defineModule,
  findFunction,
  type Pid,
  resolve,
  type Term,
  TermMap,
  type Yielded,
} from "../../runtime/mod.ts";

import { registerBuiltins } from "../builtins/mod.ts";
import { installCodePathLoader } from "../loader.ts";

// The behaviours are the node's own modules: the built-in modules and the loader that
// compiles the carried ones must be there.
registerBuiltins();
installCodePathLoader();

type Gen<T> = Generator<Yielded, T, unknown>;
type Result<T> = T | Gen<T>;

/** Where a server is: a pid, a registered name, `[name, node]`, `["global", n]`, `["via", m, n]`. */
export type ServerRef = Pid | string | readonly Term[];

/** The caller of a `handleCall`: `[Pid, Tag]`, for {@linkcode replyTo}. */
export type From = readonly [Pid, Term];

/** What `init` answers: `["ok", State]`, `["ok", State, Timeout]`, `["stop", Reason]`, `"ignore"`. */
export type InitResult<S> =
  | readonly ["ok", S]
  | readonly ["ok", S, Term]
  | readonly ["stop", Term]
  | "ignore";

/** What a gen_server callback answers, in OTP's shapes. */
export type CallbackResult<S> = readonly Term[] | readonly [string, ...(S | Term)[]];

/** The callbacks of a gen_server; those left out behave as OTP's defaults. */
export interface GenServerCallbacks<S> {
  init(args: Term): Result<InitResult<S>>;
  handleCall?(request: Term, from: From, state: S): Result<CallbackResult<S>>;
  handleCast?(msg: Term, state: S): Result<CallbackResult<S>>;
  handleInfo?(msg: Term, state: S): Result<CallbackResult<S>>;
  handleContinue?(cont: Term, state: S): Result<CallbackResult<S>>;
  terminate?(reason: Term, state: S): Result<Term>;
}

/** `{reply, Reply, State}`, and a timeout, `hibernate` or `{continue, C}` when given. */
export function reply<S>(value: Term, state: S, after?: Term): CallbackResult<S> {
  return after === undefined
    ? ["reply", value, state as Term]
    : ["reply", value, state as Term, after];
}

/** `{noreply, State}`, and a timeout, `hibernate` or `{continue, C}` when given. */
export function noreply<S>(state: S, after?: Term): CallbackResult<S> {
  return after === undefined ? ["noreply", state as Term] : ["noreply", state as Term, after];
}

/** `{stop, Reason, State}`, or `{stop, Reason, Reply, State}` when a reply is given. */
export function stop<S>(reason: Term, state: S, replyValue?: Term): CallbackResult<S> {
  return replyValue === undefined
    ? ["stop", reason, state as Term]
    : ["stop", reason, replyValue, state as Term];
}

/**
 * Defines the gen_server callback module `name` from TypeScript callbacks (on this scheduler;
 * define it on each scheduler whose processes start it, as any TypeScript module). The module
 * also has `start_link/0,1` (`gen_server:start_link(Name, Args, [])`), for a supervisor's
 * child specification.
 */
export function defineGenServer<S = Term>(name: string, cb: GenServerCallbacks<S>): void {
  const fns: Record<string, (...a: never[]) => unknown> = {
    "init/1": (args: Term) => cb.init(args),
    "handle_call/3": (req: Term, from: From, s: S) =>
      cb.handleCall !== undefined
        ? cb.handleCall(req, from, s)
        : ["stop", ["bad_call", req], s as Term],
    "handle_cast/2": (msg: Term, s: S) =>
      cb.handleCast !== undefined ? cb.handleCast(msg, s) : ["stop", ["bad_cast", msg], s as Term],
    "handle_info/2": (msg: Term, s: S) =>
      cb.handleInfo !== undefined ? cb.handleInfo(msg, s) : ["noreply", s as Term],
    "terminate/2": (reason: Term, s: S) =>
      cb.terminate !== undefined ? cb.terminate(reason, s) : "ok",
    "code_change/3": (_old: Term, s: S) => ["ok", s as Term],
    // A child specification's start function: `{Name, start_link, [Args]}` (or `[]`).
    "start_link/0": () => startLink(name, null),
    "start_link/1": (args: Term) => startLink(name, args),
  };
  if (cb.handleContinue !== undefined) {
    const hc = cb.handleContinue;
    fns["handle_continue/2"] = (c: Term, s: S) => hc(c, s);
  }
  defineModule(name, fns as never);
}

/** The child specifications and flags a supervisor's `init` answers. */
export interface SupervisorSpec {
  /** `one_for_one` (the default), `one_for_all`, `rest_for_one`, `simple_one_for_one`. */
  strategy?: "one_for_one" | "one_for_all" | "rest_for_one" | "simple_one_for_one";
  /** Restarts allowed within `period` seconds (1 and 5 by default). */
  intensity?: number;
  period?: number;
  children: ChildSpec[];
}

/** A child: started by `start` (module, function, arguments), as OTP's map specifications. */
export interface ChildSpec {
  id: Term;
  start: readonly [string, string, Term[]];
  restart?: "permanent" | "transient" | "temporary";
  shutdown?: "brutal_kill" | "infinity" | number;
  type?: "worker" | "supervisor";
}

/** OTP's map of a child specification. */
export function childSpec(c: ChildSpec): TermMap {
  const entries: [Term, Term][] = [
    ["id", c.id],
    ["start", [c.start[0], c.start[1], arrayToList(c.start[2])]],
  ];
  if (c.restart !== undefined) entries.push(["restart", c.restart]);
  if (c.shutdown !== undefined) entries.push(["shutdown", c.shutdown]);
  if (c.type !== undefined) entries.push(["type", c.type]);
  return new TermMap(entries);
}

/** Defines the supervisor callback module `name`: `init` answers its flags and children. */
export function defineSupervisor(name: string, init: (args: Term) => SupervisorSpec): void {
  defineModule(name, {
    "init/1": (args: Term) => {
      const s = init(args);
      const flags = new TermMap([
        ["strategy", s.strategy ?? "one_for_one"],
        ["intensity", s.intensity ?? 1],
        ["period", s.period ?? 5],
      ]);
      return ["ok", [flags, arrayToList(s.children.map(childSpec))]];
    },
  });
}

function* callOtp(module: string, fn: string, args: Term[]): Gen<Term> {
  const f = findFunction(module, fn, args.length);
  if (f === undefined) throw new Error(`${module}:${fn}/${args.length} is not available`);
  return yield* resolve(f(...args));
}

function nameTerm(name: ServerRef | undefined): Term | undefined {
  return name === undefined ? undefined : typeof name === "string" ? ["local", name] : name as Term;
}

/** `gen_server:start_link/3,4`: answers `["ok", Pid]` or `["error", Reason]`, as OTP. */
export function* startLink(module: string, args: Term, name?: ServerRef): Gen<Term> {
  const n = nameTerm(name);
  return yield* callOtp(
    "gen_server",
    "start_link",
    n === undefined ? [module, args, null] : [n, module, args, null],
  );
}

/** `gen_server:start/3,4`: as {@linkcode startLink}, not linked. */
export function* start(module: string, args: Term, name?: ServerRef): Gen<Term> {
  const n = nameTerm(name);
  return yield* callOtp(
    "gen_server",
    "start",
    n === undefined ? [module, args, null] : [n, module, args, null],
  );
}

/** `gen_server:call/2,3`: the reply; exits as OTP's does. */
export function* call(server: ServerRef, request: Term, timeout?: number | "infinity"): Gen<Term> {
  const args = timeout === undefined
    ? [server as Term, request]
    : [server as Term, request, timeout];
  return yield* callOtp("gen_server", "call", args);
}

/** `gen_server:cast/2`. */
export function* cast(server: ServerRef, msg: Term): Gen<Term> {
  return yield* callOtp("gen_server", "cast", [server as Term, msg]);
}

/** `gen_server:reply/2`: answers a call left waiting. */
export function* replyTo(from: From, value: Term): Gen<Term> {
  return yield* callOtp("gen_server", "reply", [from as unknown as Term, value]);
}

/** `gen_server:stop/1`. */
export function* stopServer(server: ServerRef): Gen<Term> {
  return yield* callOtp("gen_server", "stop", [server as Term]);
}

/** `supervisor:start_link/2,3`. */
export function* startSupervisor(module: string, args: Term, name?: ServerRef): Gen<Term> {
  const n = nameTerm(name);
  return yield* callOtp(
    "supervisor",
    "start_link",
    n === undefined ? [module, args] : [n, module, args],
  );
}

/** `supervisor:start_child/2` with a specification (or, simple_one_for_one, arguments). */
export function* startChild(sup: ServerRef, spec: ChildSpec | Term[]): Gen<Term> {
  const s = Array.isArray(spec) ? arrayToList(spec as Term[]) : childSpec(spec as ChildSpec);
  return yield* callOtp("supervisor", "start_child", [sup as Term, s]);
}

/** `supervisor:which_children/1`. */
export function* whichChildren(sup: ServerRef): Gen<Term> {
  return yield* callOtp("supervisor", "which_children", [sup as Term]);
}
