/**
 * The handshake between two nodes, before any other frame: both prove that they hold the same
 * cookie without sending it, and tell each other their names, protocol version and
 * capabilities. The dialing side proves first (as in Erlang's handshake), so a stranger who
 * dials in learns nothing of the cookie. Every read has a timeout.
 *
 * ```
 * dialer                                        acceptor
 *   #(hello Version Name Long Caps)         ->
 *                                           <-  #(challenge Version Name Long Caps ChallengeB)
 *                                               or #(refuse Why Text)
 *   #(reply ChallengeA HMAC(ChallengeB))    ->
 *                                           <-  #(ack HMAC(ChallengeA))  or #(refuse cookie Text)
 * ```
 *
 * HMAC is HMAC-SHA256 keyed by the cookie, over a label, the challenge and both names.
 *
 * @module
 */

import { binary, decodeTerm, encodeFrame, list, listToArray, type Term } from "../runtime/mod.ts";
import type { FrameReader, Stream } from "./frame.ts";

/** The version of the protocol spoken after the handshake. */
export const PROTOCOL_VERSION = 1;
/** What this node can do, told to its peers. */
export const CAPABILITIES = ["cbor", "spawn_request", "monitor_name", "tick"];
/** The largest frame taken from a peer that has not proved the cookie yet. */
export const HANDSHAKE_MAX_FRAME = 4096;
/** How long one handshake read may take by default, in milliseconds (Erlang's net_setuptime). */
export const HANDSHAKE_TIMEOUT_MS = 7000;

/** A handshake that did not end in a connection: why, for the one log line. */
export class HandshakeError extends Error {
  /** `cookie`, `name_type`, `version`, `alive`, `nok`, `timeout`, `protocol` or `closed`. */
  readonly why: string;
  /** The peer's node name, when it was told. */
  readonly peer: string | undefined;
  constructor(why: string, message: string, peer?: string) {
    super(message);
    this.name = "HandshakeError";
    this.why = why;
    this.peer = peer;
  }
}

/** What one side knows of itself for a handshake. */
export interface HandshakeOptions {
  name: string;
  long: boolean;
  cookie: string;
  timeoutMs?: number;
}

/** What the handshake learned of the peer. */
export interface Peer {
  name: string;
  version: number;
  capabilities: string[];
}

/** How the acceptor answers a node that wants in: `ok`, or why not. */
export type Admission = "ok" | "alive" | "nok";

async function hmac(cookie: string, parts: (string | Uint8Array)[]): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    enc.encode(cookie),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const chunks = parts.map((p) => typeof p === "string" ? enc.encode(p + "\0") : p);
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    data.set(c, off);
    off += c.length;
  }
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
}

/** Compares two byte strings in time that depends on their length only. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function challenge(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

async function send(s: Stream, t: Term): Promise<void> {
  const frame = encodeFrame(t).slice();
  let off = 0;
  while (off < frame.length) off += await s.write(frame.subarray(off));
}

/**
 * `work`, or a {@linkcode HandshakeError} of kind `timeout` ("No STEP within MS ms") if it has
 * not settled in `ms` milliseconds.
 */
export async function within<T>(work: Promise<T>, ms: number, step: string, peer?: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HandshakeError("timeout", `No ${step} within ${ms} ms`, peer)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function receive(r: FrameReader, ms: number, step: string, peer?: string): Promise<Term[]> {
  try {
    const f = await within(r.next(), ms, step, peer);
    if (f === null) {
      throw new HandshakeError("closed", `Connection closed before the ${step}`, peer);
    }
    const t = decodeTerm(f);
    if (!Array.isArray(t) || typeof t[0] !== "string") {
      throw new HandshakeError("protocol", `Expected the ${step}, got something else`, peer);
    }
    return t;
  } catch (e) {
    if (e instanceof HandshakeError) throw e;
    throw new HandshakeError("protocol", `Cannot read the ${step}: ${(e as Error).message}`, peer);
  }
}

function refused(t: Term[], peer: string): HandshakeError {
  const why = typeof t[1] === "string" ? t[1] : "refused";
  const text = t[2] instanceof Uint8Array ? new TextDecoder().decode(t[2]) : why;
  return new HandshakeError(why, text, peer);
}

function nameType(long: boolean): string {
  return long ? "long" : "short";
}

/**
 * The dialing side: proves the cookie to the node it called, `expected`, and checks its proof.
 * Throws a {@linkcode HandshakeError} saying why when there is no connection.
 */
export async function dial(
  s: Stream,
  r: FrameReader,
  expected: string,
  o: HandshakeOptions,
): Promise<Peer> {
  const ms = o.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  await send(s, ["hello", PROTOCOL_VERSION, o.name, o.long, list(...CAPABILITIES)]);
  const c = await receive(r, ms, "challenge", expected);
  if (c[0] === "refuse") throw refused(c, expected);
  const [tag, version, name, long, caps, chB] = c;
  if (
    tag !== "challenge" || typeof version !== "number" || typeof name !== "string" ||
    typeof long !== "boolean" || !(chB instanceof Uint8Array)
  ) throw new HandshakeError("protocol", "Malformed challenge", expected);
  if (name !== expected) {
    throw new HandshakeError(
      "protocol",
      `The node answering is ${name}, not ${expected}`,
      expected,
    );
  }
  const chA = challenge();
  await send(s, ["reply", chA, await hmac(o.cookie, ["reply", chB, o.name, name])]);
  const a = await receive(r, ms, "acknowledgement", name);
  if (a[0] === "refuse") throw refused(a, name);
  if (
    a[0] !== "ack" || !(a[1] instanceof Uint8Array) ||
    !constantTimeEqual(a[1], await hmac(o.cookie, ["ack", chA, name, o.name]))
  ) throw new HandshakeError("cookie", "Its proof of the cookie is wrong", name);
  return { name, version, capabilities: capabilityNames(caps) };
}

/**
 * The accepting side: asks `admit` whether the caller may connect (it may already be connected,
 * or a connection the other way may be under way), then checks its proof of the cookie and
 * proves it back.
 */
export async function accept(
  s: Stream,
  r: FrameReader,
  o: HandshakeOptions,
  admit: (peer: string) => Admission,
): Promise<Peer> {
  const ms = o.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  const h = await receive(r, ms, "hello");
  const [tag, version, name, long, caps] = h;
  if (tag !== "hello" || typeof version !== "number" || typeof name !== "string") {
    throw new HandshakeError("protocol", "Malformed hello");
  }
  const no = async (why: string, text: string): Promise<never> => {
    await send(s, ["refuse", why, binary(text)]).catch(() => {});
    throw new HandshakeError(why, text, name);
  };
  if (version !== PROTOCOL_VERSION) {
    await no("version", `Protocol version ${version} is not ${PROTOCOL_VERSION}`);
  }
  if (long !== o.long) {
    await no(
      "name_type",
      `${name} has a ${nameType(long === true)} name and ${o.name} a ${
        nameType(o.long)
      } one: short and long node names do not mix`,
    );
  }
  const admission = admit(name);
  if (admission !== "ok") {
    await no(admission, admission === "alive" ? "Already connected" : "Connecting the other way");
  }
  const chB = challenge();
  await send(s, ["challenge", PROTOCOL_VERSION, o.name, o.long, list(...CAPABILITIES), chB]);
  const rep = await receive(r, ms, "reply", name);
  const [rtag, chA, digest] = rep;
  if (rtag !== "reply" || !(chA instanceof Uint8Array) || !(digest instanceof Uint8Array)) {
    throw new HandshakeError("protocol", "Malformed reply", name);
  }
  if (!constantTimeEqual(digest, await hmac(o.cookie, ["reply", chB, name, o.name]))) {
    await no("cookie", `${name} does not share the cookie of ${o.name}`);
  }
  await send(s, ["ack", await hmac(o.cookie, ["ack", chA, o.name, name])]);
  return { name, version, capabilities: capabilityNames(caps) };
}

function capabilityNames(caps: Term | undefined): string[] {
  try {
    return listToArray(caps ?? null).filter((c): c is string => typeof c === "string");
  } catch {
    return [];
  }
}
