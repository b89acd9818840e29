/**
 * The client side of the port mapper (EPMD) protocol, which the real `epmd` and our own daemon
 * both speak: a node registers its name and listening port (and keeps that connection open for
 * as long as it lives), and a peer asks for the port of a name before it connects. Every
 * request is a 2-byte big-endian length and the request; every read has a timeout.
 *
 * The protocol: https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#epmd-protocol
 *
 * @example
 * ```ts ignore
 * import { lookupNode, registerNode } from "./epmd_client.ts";
 * const reg = await registerNode({ alive: "pong", port: 36011 });
 * console.log(await lookupNode("pong", "localhost")); // { port: 36011, ... }
 * reg.close();
 * ```
 *
 * @module
 */

import {
  DEFAULT_EPMD_PORT,
  EPMD,
  EpmdError,
  EpmdSocket,
  MAX_ALIVE_BYTES,
  MAX_EXTRA_BYTES,
  NODE_TYPE,
} from "./_epmd_wire.ts";

export {
  DEFAULT_EPMD_PORT,
  EPMD,
  EpmdError,
  type EpmdErrorKind,
  MAX_ALIVE_BYTES,
  MAX_EXTRA_BYTES,
  NODE_TYPE,
} from "./_epmd_wire.ts";

/** Options of any request to the port mapper. */
export interface EpmdRequestOptions {
  /** Milliseconds for the whole exchange, connecting included; 5000 by default. */
  timeout?: number;
}

/**
 * The port mapper's port: `ERL_EPMD_PORT` when set, else 4369.
 *
 * @example
 * ```ts
 * import { epmdPort } from "./epmd_client.ts";
 * console.assert(epmdPort() > 0);
 * ```
 */
export function epmdPort(): number {
  const text = Deno.env.get("ERL_EPMD_PORT");
  if (text === undefined || text === "") return DEFAULT_EPMD_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new RangeError(`Cannot use ERL_EPMD_PORT "${text}": expected a port from 1 to 65535`);
  }
  return port;
}

/** What a node tells the port mapper about itself. */
export interface RegisterNodeOptions extends EpmdRequestOptions {
  /** The alive name, the part before `@`. */
  alive: string;
  /** The port the node accepts distribution connections on. */
  port: number;
  /** Bytes a peer gets back from {@linkcode lookupNode}; empty by default. */
  extra?: Uint8Array;
  /** The port mapper's port; {@linkcode epmdPort} by default. */
  epmdPort?: number;
  /** The port mapper's host; 127.0.0.1 by default (the real epmd takes names only locally). */
  host?: string;
  /** Register as a hidden node. */
  hidden?: boolean;
  /** The highest distribution protocol version spoken; 6 by default. */
  highestVersion?: number;
  /** The lowest distribution protocol version spoken; 6 by default. */
  lowestVersion?: number;
}

/** A name held at the port mapper for as long as its connection stays open. */
export interface Registration {
  /** The creation the port mapper gave this incarnation of the name (never 0). */
  readonly creation: number;
  /** Settles when the connection ends, by {@linkcode Registration.close} or the mapper's end. */
  readonly closed: Promise<void>;
  /** Closes the connection, which gives the name up. */
  close(): void;
}

/**
 * Registers a node's name and port (ALIVE2_REQ). The name stays registered while the returned
 * registration's connection is open; closing it gives the name up, as a node's exit does.
 * Refuses with an {@linkcode EpmdError} of kind `refused` when the name is taken.
 *
 * @example
 * ```ts ignore
 * import { registerNode } from "./epmd_client.ts";
 * const reg = await registerNode({ alive: "pong", port: 36011 });
 * console.log(reg.creation);
 * reg.close();
 * ```
 */
export async function registerNode(options: RegisterNodeOptions): Promise<Registration> {
  const name = aliveBytes(options.alive);
  const extra = options.extra ?? new Uint8Array(0);
  if (extra.length > MAX_EXTRA_BYTES) {
    throw new RangeError(
      `Cannot register "${options.alive}": extra of ${extra.length} bytes exceeds ${MAX_EXTRA_BYTES}`,
    );
  }
  checkPort(options.port, `Cannot register "${options.alive}"`);
  const req = new Uint8Array(13 + name.length + extra.length);
  const view = new DataView(req.buffer);
  req[0] = EPMD.ALIVE2_REQ;
  view.setUint16(1, options.port);
  req[3] = options.hidden ? NODE_TYPE.hidden : NODE_TYPE.normal;
  req[4] = 0; // TCP over IPv4
  view.setUint16(5, options.highestVersion ?? 6);
  view.setUint16(7, options.lowestVersion ?? 6);
  view.setUint16(9, name.length);
  req.set(name, 11);
  view.setUint16(11 + name.length, extra.length);
  req.set(extra, 13 + name.length);

  const sock = await EpmdSocket.open(
    options.host ?? "127.0.0.1",
    options.epmdPort ?? epmdPort(),
    options.timeout,
  );
  try {
    await sock.send(req);
    const [tag] = await sock.readExact(1);
    let result: number;
    let creation: number;
    if (tag === EPMD.ALIVE2_X_RESP) {
      const b = await sock.readExact(5);
      result = b[0]!;
      creation = new DataView(b.buffer, b.byteOffset).getUint32(1);
    } else if (tag === EPMD.ALIVE2_RESP) {
      const b = await sock.readExact(3);
      result = b[0]!;
      creation = new DataView(b.buffer, b.byteOffset).getUint16(1);
    } else {
      throw sock.malformed(`answered ALIVE2_REQ with tag ${tag}`);
    }
    if (result !== 0) {
      throw new EpmdError(
        "refused",
        `Cannot register "${options.alive}" with the port mapper at ${sock.where}: ` +
          `the name is in use (is another node named ${options.alive} running?)`,
      );
    }
    sock.settle();
    const closed = sock.watch();
    return { creation, closed, close: () => sock.close() };
  } catch (e) {
    sock.close();
    throw e;
  }
}

/** What the port mapper knows of a registered node. */
export interface NodeEntry {
  /** The node's distribution port. */
  port: number;
  /** {@linkcode NODE_TYPE}: 77 for a normal node, 72 for a hidden one. */
  nodeType: number;
  /** 0 for TCP over IPv4. */
  protocol: number;
  /** The highest distribution protocol version it speaks. */
  highestVersion: number;
  /** The lowest distribution protocol version it speaks. */
  lowestVersion: number;
  /** The bytes it registered with. */
  extra: Uint8Array;
}

/**
 * Asks the port mapper on `host` for the node `alive` (PORT_PLEASE2_REQ); `undefined` when no
 * such name is registered there.
 *
 * @example
 * ```ts ignore
 * import { lookupNode } from "./epmd_client.ts";
 * const entry = await lookupNode("pong", "kosken");
 * if (entry) console.log(`pong@kosken listens on ${entry.port}`);
 * ```
 */
export async function lookupNode(
  alive: string,
  host: string,
  port: number = epmdPort(),
  options: EpmdRequestOptions = {},
): Promise<NodeEntry | undefined> {
  const name = aliveBytes(alive);
  const req = new Uint8Array(1 + name.length);
  req[0] = EPMD.PORT_PLEASE2_REQ;
  req.set(name, 1);
  const b = await request(host, port, req, 4096, options);
  if (b[0] !== EPMD.PORT2_RESP || b.length < 2) {
    throw malformed(host, port, `answered PORT_PLEASE2_REQ with tag ${b[0]}`);
  }
  if (b[1] !== 0) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const nameEnd = 12 + (b.length >= 12 ? view.getUint16(10) : 0);
  if (b.length < nameEnd + 2) throw malformed(host, port, "sent a short PORT2_RESP");
  const extraLen = view.getUint16(nameEnd);
  if (b.length < nameEnd + 2 + extraLen) throw malformed(host, port, "sent a short PORT2_RESP");
  return {
    port: view.getUint16(2),
    nodeType: b[4]!,
    protocol: b[5]!,
    highestVersion: view.getUint16(6),
    lowestVersion: view.getUint16(8),
    extra: b.slice(nameEnd + 2, nameEnd + 2 + extraLen),
  };
}

/** The answer to NAMES_REQ: the mapper's own port and the names registered with it. */
export interface EpmdNames {
  /** The port the port mapper listens on. */
  port: number;
  /** Every registered name, with its distribution port. */
  names: { name: string; port: number }[];
}

/**
 * Lists the names registered with the port mapper on `host` (NAMES_REQ), as `epmd -names`.
 *
 * @example
 * ```ts ignore
 * import { listNames } from "./epmd_client.ts";
 * for (const { name, port } of (await listNames("localhost")).names) console.log(name, port);
 * ```
 */
export async function listNames(
  host: string,
  port: number = epmdPort(),
  options: EpmdRequestOptions = {},
): Promise<EpmdNames> {
  const b = await request(host, port, new Uint8Array([EPMD.NAMES_REQ]), 1 << 20, options);
  if (b.length < 4) throw malformed(host, port, "sent a short NAMES_RESP");
  const names: { name: string; port: number }[] = [];
  for (const line of new TextDecoder().decode(b.subarray(4)).split("\n")) {
    const m = /^name (.+) at port (\d+)$/.exec(line);
    if (m) names.push({ name: m[1]!, port: Number(m[2]) });
  }
  return { port: new DataView(b.buffer, b.byteOffset).getUint32(0), names };
}

/**
 * Asks the port mapper at `host:port` to stop (KILL_REQ). `true` when it agreed; `false` when it
 * refused, as the real `epmd` does while nodes are registered with it.
 *
 * @example
 * ```ts ignore
 * import { killEpmd } from "./epmd_client.ts";
 * await killEpmd("127.0.0.1", 4369);
 * ```
 */
export async function killEpmd(
  host: string,
  port: number,
  options: EpmdRequestOptions = {},
): Promise<boolean> {
  const b = await request(host, port, new Uint8Array([EPMD.KILL_REQ]), 16, options);
  const answer = new TextDecoder().decode(b);
  if (answer === "OK") return true;
  if (answer === "NO") return false;
  throw malformed(host, port, `answered KILL_REQ with ${JSON.stringify(answer)}`);
}

/** Sends one request and reads the answer up to the end the port mapper makes. */
async function request(
  host: string,
  port: number,
  req: Uint8Array,
  max: number,
  options: EpmdRequestOptions,
): Promise<Uint8Array> {
  const sock = await EpmdSocket.open(host, port, options.timeout);
  try {
    await sock.send(req);
    return await sock.readToEnd(max);
  } finally {
    sock.close();
  }
}

function aliveBytes(alive: string): Uint8Array {
  const b = new TextEncoder().encode(alive);
  if (b.length === 0 || b.length > MAX_ALIVE_BYTES || b.includes(0)) {
    throw new RangeError(
      `Cannot use node name "${alive}" with the port mapper: expected 1 to ` +
        `${MAX_ALIVE_BYTES} bytes and no NUL`,
    );
  }
  return b;
}

function checkPort(port: number, action: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`${action}: port ${port} is not from 1 to 65535`);
  }
}

function malformed(host: string, port: number, what: string): EpmdError {
  return new EpmdError("malformed", `The port mapper at ${host}:${port} ${what}`);
}
