/**
 * The Erlang distribution handshake, for connections with BEAM nodes: version 6 (OTP 23 and
 * later), and the older `n` form with the complement that OTP 23+ nodes send when the port
 * mapper says a peer speaks version 5. Packets carry a 2-byte length until the handshake is
 * done, a 4-byte one after. Both sides prove the cookie with MD5 over the cookie and the
 * other's challenge in decimal, as BEAM does. Every read has a timeout.
 *
 * ```
 * initiator A                                    acceptor B
 *   send_name      N Flags Creation Name    ->
 *                                           <-  send_status    s ok | nok | alive ...
 *                                           <-  send_challenge N Flags Challenge Creation Name
 *   (send_complement c FlagsHigh Creation   ->  only after an old `n` send_name)
 *   send_challenge_reply r ChallengeA Digest ->
 *                                           <-  send_challenge_ack a Digest
 * ```
 *
 * @module
 */

import { createHash } from "node:crypto";
import type { Stream } from "./frame.ts";
import { constantTimeEqual, HANDSHAKE_TIMEOUT_MS, HandshakeError, within } from "./handshake.ts";

/** The capability flags of the Erlang distribution protocol. */
export const DFLAG = {
  PUBLISHED: 0x01n,
  ATOM_CACHE: 0x02n,
  EXTENDED_REFERENCES: 0x04n,
  DIST_MONITOR: 0x08n,
  FUN_TAGS: 0x10n,
  DIST_MONITOR_NAME: 0x20n,
  HIDDEN_ATOM_CACHE: 0x40n,
  NEW_FUN_TAGS: 0x80n,
  EXTENDED_PIDS_PORTS: 0x100n,
  EXPORT_PTR_TAG: 0x200n,
  BIT_BINARIES: 0x400n,
  NEW_FLOATS: 0x800n,
  UNICODE_IO: 0x1000n,
  DIST_HDR_ATOM_CACHE: 0x2000n,
  SMALL_ATOM_TAGS: 0x4000n,
  UTF8_ATOMS: 0x10000n,
  MAP_TAG: 0x20000n,
  BIG_CREATION: 0x40000n,
  SEND_SENDER: 0x80000n,
  BIG_SEQTRACE_LABELS: 0x100000n,
  EXIT_PAYLOAD: 0x400000n,
  FRAGMENTS: 0x800000n,
  HANDSHAKE_23: 0x1000000n,
  UNLINK_ID: 0x2000000n,
  MANDATORY_25_DIGEST: 0x4000000n,
  SPAWN: 1n << 32n,
  NAME_ME: 2n << 32n,
  V4_NC: 4n << 32n,
  ALIAS: 8n << 32n,
} as const;

/** The flags that OTP 25 and later refuse a connection without (OTP 26 adds the last two). */
export const MANDATORY_FLAGS = DFLAG.EXTENDED_REFERENCES | DFLAG.FUN_TAGS |
  DFLAG.EXTENDED_PIDS_PORTS | DFLAG.UTF8_ATOMS | DFLAG.NEW_FUN_TAGS | DFLAG.BIG_CREATION |
  DFLAG.NEW_FLOATS | DFLAG.MAP_TAG | DFLAG.EXPORT_PTR_TAG | DFLAG.BIT_BINARIES |
  DFLAG.HANDSHAKE_23 | DFLAG.V4_NC | DFLAG.UNLINK_ID;

/** What a node of ours tells a BEAM node it can do. */
export const OUR_FLAGS = MANDATORY_FLAGS | DFLAG.PUBLISHED | DFLAG.DIST_MONITOR |
  DFLAG.DIST_MONITOR_NAME | DFLAG.EXIT_PAYLOAD | DFLAG.SPAWN | DFLAG.UNICODE_IO;

/** What one side knows of itself for an Erlang handshake. */
export interface ErlHandshakeOptions {
  /** The full node name, `name@host`. */
  name: string;
  cookie: string;
  creation: number;
  flags?: bigint;
  timeoutMs?: number;
}

/** What the handshake learned of a BEAM peer. */
export interface ErlPeer {
  name: string;
  flags: bigint;
  creation: number;
}

/** How the acceptor answers a node that wants in: `ok`, or why not. */
export type ErlAdmission = "ok" | "ok_simultaneous" | "nok" | "alive" | "not_allowed";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** MD5 of the cookie and the challenge written in decimal: BEAM's proof of the cookie. */
export function cookieDigest(cookie: string, challenge: number): Uint8Array {
  return new Uint8Array(
    createHash("md5").update(enc.encode(cookie + String(challenge >>> 0))).digest(),
  );
}

function randomChallenge(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}

async function writeAll(s: Stream, b: Uint8Array): Promise<void> {
  let off = 0;
  while (off < b.length) off += await s.write(b.subarray(off));
}

/** Sends one handshake packet: a 2-byte length, then the bytes. */
async function sendPacket(s: Stream, body: Uint8Array): Promise<void> {
  const p = new Uint8Array(2 + body.length);
  new DataView(p.buffer).setUint16(0, body.length);
  p.set(body, 2);
  await writeAll(s, p);
}

// Reads exactly `n` bytes: no byte past the handshake is taken from the stream.
async function readExactly(s: Stream, n: number, step: string, peer?: string) {
  const b = new Uint8Array(n);
  let off = 0;
  while (off < n) {
    const got = await s.read(b.subarray(off));
    if (got === null) {
      throw new HandshakeError("closed", `Connection closed before the ${step}`, peer);
    }
    off += got;
  }
  return b;
}

async function readPacket(
  s: Stream,
  ms: number,
  step: string,
  peer?: string,
): Promise<Uint8Array> {
  return await within(
    (async () => {
      const len = await readExactly(s, 2, step, peer);
      const n = (len[0] as number) << 8 | (len[1] as number);
      if (n === 0) throw new HandshakeError("protocol", `An empty ${step}`, peer);
      return await readExactly(s, n, step, peer);
    })(),
    ms,
    step,
    peer,
  );
}

class Packet {
  readonly b: Uint8Array;
  readonly v: DataView;
  readonly step: string;
  readonly peer: string | undefined;
  p = 1;
  constructor(b: Uint8Array, step: string, peer?: string) {
    this.b = b;
    this.v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.step = step;
    this.peer = peer;
  }
  need(n: number): void {
    if (this.p + n > this.b.length) {
      throw new HandshakeError("protocol", `The ${this.step} is too short`, this.peer);
    }
  }
  u16(): number {
    this.need(2);
    const n = this.v.getUint16(this.p);
    this.p += 2;
    return n;
  }
  u32(): number {
    this.need(4);
    const n = this.v.getUint32(this.p);
    this.p += 4;
    return n;
  }
  u64(): bigint {
    this.need(8);
    const n = this.v.getBigUint64(this.p);
    this.p += 8;
    return n;
  }
  text(n: number): string {
    this.need(n);
    const s = dec.decode(this.b.subarray(this.p, this.p + n));
    this.p += n;
    return s;
  }
  rest(): Uint8Array {
    const r = this.b.subarray(this.p);
    this.p = this.b.length;
    return r;
  }
}

function build(tag: string, fill: (v: DataView) => void, size: number, tail?: Uint8Array) {
  const b = new Uint8Array(1 + size + (tail?.length ?? 0));
  b[0] = tag.charCodeAt(0);
  fill(new DataView(b.buffer, 1, size));
  if (tail) b.set(tail, 1 + size);
  return b;
}

function missingFlags(flags: bigint): string[] {
  const missing: string[] = [];
  for (const [name, bit] of Object.entries(DFLAG)) {
    if ((MANDATORY_FLAGS & bit) !== 0n && (flags & bit) === 0n) missing.push(name);
  }
  return missing;
}

function lacking(peer: string, missing: string[]): HandshakeError {
  return new HandshakeError(
    "version",
    `${peer} lacks capabilities this node needs: ${missing.join(", ")}`,
    peer,
  );
}

/**
 * The initiating side: connects as `o.name` to the BEAM node `expected`, proves the cookie and
 * checks the peer's proof. Throws a {@linkcode HandshakeError} saying why when there is no
 * connection (BEAM closes the connection on a wrong cookie without a word, so a close after
 * our proof is reported as the cookie).
 */
export async function erlDial(
  s: Stream,
  expected: string,
  o: ErlHandshakeOptions,
): Promise<ErlPeer> {
  const ms = o.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  const flags = o.flags ?? OUR_FLAGS;
  const name = enc.encode(o.name);
  await sendPacket(
    s,
    build(
      "N",
      (v) => {
        v.setBigUint64(0, flags);
        v.setUint32(8, o.creation);
        v.setUint16(12, name.length);
      },
      14,
      name,
    ),
  );
  const status = new Packet(await readPacket(s, ms, "status", expected), "status", expected);
  if (status.b[0] !== 0x73) throw new HandshakeError("protocol", "Expected a status", expected);
  const said = status.text(status.b.length - 1);
  if (said === "alive") {
    // It still holds a connection from an earlier run of this node: ask it to drop that one.
    await sendPacket(s, enc.encode("strue"));
  } else if (said !== "ok" && said !== "ok_simultaneous") {
    const why = said === "nok" || said === "not_allowed" ? said : "protocol";
    throw new HandshakeError(why, `${expected} refused the connection: ${said}`, expected);
  }
  const c = new Packet(await readPacket(s, ms, "challenge", expected), "challenge", expected);
  let peerFlags: bigint, challenge: number, creation: number, peerName: string;
  if (c.b[0] === 0x4e) { // N
    peerFlags = c.u64();
    challenge = c.u32();
    creation = c.u32();
    peerName = c.text(c.u16());
  } else if (c.b[0] === 0x6e) { // n: a node that speaks version 5 only
    c.u16();
    peerFlags = BigInt(c.u32());
    challenge = c.u32();
    creation = 0;
    peerName = dec.decode(c.rest());
  } else throw new HandshakeError("protocol", "Expected a challenge", expected);
  if (peerName !== expected) {
    throw new HandshakeError(
      "protocol",
      `The node answering is ${peerName}, not ${expected}`,
      expected,
    );
  }
  const missing = missingFlags(peerFlags);
  if (missing.length > 0) throw lacking(expected, missing);
  const mine = randomChallenge();
  await sendPacket(
    s,
    build("r", (v) => v.setUint32(0, mine), 4, cookieDigest(o.cookie, challenge)),
  );
  let ack: Uint8Array;
  try {
    ack = await readPacket(s, ms, "acknowledgement", expected);
  } catch (e) {
    if (e instanceof HandshakeError && e.why === "closed") {
      throw new HandshakeError(
        "cookie",
        `${expected} closed the connection at our proof of the cookie: the cookies differ`,
        expected,
      );
    }
    throw e;
  }
  if (
    ack[0] !== 0x61 || !constantTimeEqual(ack.subarray(1), cookieDigest(o.cookie, mine))
  ) throw new HandshakeError("cookie", `${expected}'s proof of the cookie is wrong`, expected);
  return { name: peerName, flags: peerFlags, creation };
}

/**
 * The accepting side: reads the caller's name, asks `admit` whether it may connect, then checks
 * its proof of the cookie and proves it back. On a wrong cookie the connection is refused as
 * BEAM refuses it: closed without a word, with the reason in the error.
 */
export async function erlAccept(
  s: Stream,
  o: ErlHandshakeOptions,
  admit: (peer: string) => ErlAdmission,
): Promise<ErlPeer> {
  const ms = o.timeoutMs ?? HANDSHAKE_TIMEOUT_MS;
  const flags = o.flags ?? OUR_FLAGS;
  const n = new Packet(await readPacket(s, ms, "name"), "name");
  let peerFlags: bigint, creation: number, peerName: string;
  const old = n.b[0] === 0x6e;
  if (n.b[0] === 0x4e) { // N
    peerFlags = n.u64();
    creation = n.u32();
    peerName = n.text(n.u16());
  } else if (old) { // n: version 5, with HANDSHAKE_23 when the caller is OTP 23 or later
    n.u16();
    peerFlags = BigInt(n.u32());
    creation = 0;
    peerName = dec.decode(n.rest());
  } else throw new HandshakeError("protocol", "Expected a name");
  // After an old name the upper 32 flags come later, in the complement.
  const missing = missingFlags(old ? peerFlags | (MANDATORY_FLAGS & ~0xffffffffn) : peerFlags);
  if (missing.length > 0) {
    await sendPacket(s, enc.encode("snot_allowed")).catch(() => {});
    throw lacking(peerName, missing);
  }
  const admission = admit(peerName);
  await sendPacket(s, enc.encode("s" + admission));
  if (admission === "alive") {
    const answer = new Packet(await readPacket(s, ms, "status", peerName), "status", peerName);
    if (answer.text(answer.b.length - 1) !== "true") {
      throw new HandshakeError("alive", "Already connected", peerName);
    }
  } else if (admission !== "ok" && admission !== "ok_simultaneous") {
    throw new HandshakeError(
      admission,
      admission === "nok" ? "Connecting the other way" : "Not allowed",
      peerName,
    );
  }
  const mine = randomChallenge();
  const name = enc.encode(o.name);
  await sendPacket(
    s,
    build(
      "N",
      (v) => {
        v.setBigUint64(0, flags);
        v.setUint32(8, mine);
        v.setUint32(12, o.creation);
        v.setUint16(16, name.length);
      },
      18,
      name,
    ),
  );
  if (old) {
    // The caller sent the old name, so its upper flags and its creation follow on their own.
    const c = new Packet(await readPacket(s, ms, "complement", peerName), "complement", peerName);
    if (c.b[0] !== 0x63) throw new HandshakeError("protocol", "Expected a complement", peerName);
    peerFlags |= BigInt(c.u32()) << 32n;
    creation = c.u32();
    const late = missingFlags(peerFlags);
    if (late.length > 0) throw lacking(peerName, late);
  }
  const r = new Packet(await readPacket(s, ms, "reply", peerName), "reply", peerName);
  if (r.b[0] !== 0x72) throw new HandshakeError("protocol", "Expected a reply", peerName);
  const theirs = r.u32();
  const digest = r.rest();
  if (!constantTimeEqual(digest, cookieDigest(o.cookie, mine))) {
    throw new HandshakeError(
      "cookie",
      `${peerName} does not share the cookie of ${o.name}`,
      peerName,
    );
  }
  await sendPacket(s, build("a", () => {}, 0, cookieDigest(o.cookie, theirs)));
  return { name: peerName, flags: peerFlags, creation };
}
