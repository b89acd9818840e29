/**
 * A port mapper daemon that speaks EPMD as the real `epmd` does, so that our nodes, BEAM nodes
 * and the real `epmd -names` can all use it: names are registered (ALIVE2) for as long as the
 * registering connection stays open, looked up (PORT_PLEASE2), listed (NAMES, DUMP), and the
 * daemon stops on KILL. As in `epmd`, registering and stopping are taken only from this host.
 *
 * The protocol: https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#epmd-protocol
 *
 * @example
 * ```ts
 * import { serveEpmd } from "./epmd_server.ts";
 * import { listNames } from "./epmd_client.ts";
 * const server = serveEpmd({ port: 0, hostname: "127.0.0.1" });
 * console.assert((await listNames("127.0.0.1", server.port)).names.length === 0);
 * await server.close();
 * ```
 *
 * @module
 */

import { closeQuietly, EPMD, MAX_ALIVE_BYTES, readFully, writeAll } from "./_epmd_wire.ts";

/** Where the daemon listens. */
export interface ServeEpmdOptions {
  /** The port; 0 picks a free one (see {@linkcode EpmdServer.port}). */
  port: number;
  /** The address to listen on; all interfaces (`0.0.0.0`) by default, as `epmd`. */
  hostname?: string;
}

/** A running port mapper daemon. */
export interface EpmdServer {
  /** The port it listens on. */
  readonly port: number;
  /** Settles when the daemon has stopped, by {@linkcode EpmdServer.close} or a KILL request. */
  readonly finished: Promise<void>;
  /** Stops listening, drops every connection (and so every name), and waits for all of it. */
  close(): Promise<void>;
}

/** The largest request taken, as `epmd`'s input buffer; a longer one closes its connection. */
const MAX_REQUEST = 1021;
/** The most extra bytes `epmd` keeps for a name. */
const MAX_EXTRA = 1020;
/** How long a connection may take to send its request, as `epmd`'s packet timeout. */
const REQUEST_TIMEOUT = 60_000;
/** How many given-up names keep their last creation, as `epmd` keeps its unused slots. */
const MAX_REMEMBERED = 1000;
/** Creations below 4 are the old 2-bit kind; 32-bit creations start here. */
const FIRST_CREATION = 4;

interface Entry {
  name: string;
  port: number;
  nodeType: number;
  protocol: number;
  high: number;
  low: number;
  extra: Uint8Array;
}

/**
 * Starts a port mapper on `options.port`. Throws (as `Deno.listen` does) when the port is taken.
 * Unlike `epmd` started without `-relaxed_command_check`, a KILL request stops it even while
 * names are registered, so that whoever started it can always stop it.
 *
 * @example
 * ```ts
 * import { serveEpmd } from "./epmd_server.ts";
 * import { lookupNode, registerNode } from "./epmd_client.ts";
 * const server = serveEpmd({ port: 0, hostname: "127.0.0.1" });
 * const reg = await registerNode({ alive: "pong", port: 36011, epmdPort: server.port });
 * console.assert((await lookupNode("pong", "127.0.0.1", server.port))?.port === 36011);
 * reg.close();
 * await server.close();
 * ```
 */
export function serveEpmd(options: ServeEpmdOptions): EpmdServer {
  return new Daemon(options.port, options.hostname ?? "0.0.0.0");
}

class Daemon implements EpmdServer {
  readonly port: number;
  readonly finished: Promise<void>;
  #listener: Deno.TcpListener;
  #names = new Map<string, Entry>();
  #creations = new Map<string, number>();
  #conns = new Set<Deno.Conn>();
  #handlers = new Set<Promise<void>>();
  #stopping = false;
  #stopped: () => void = () => {};
  #accepting: Promise<void>;

  constructor(port: number, hostname: string) {
    this.#listener = Deno.listen({ port, hostname, transport: "tcp" });
    this.port = this.#listener.addr.port;
    this.finished = new Promise((resolve) => this.#stopped = resolve);
    this.#accepting = this.#accept();
  }

  async close(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      try {
        this.#listener.close();
      } catch { /* already closed */ }
      for (const conn of this.#conns) closeQuietly(conn);
    }
    await this.#accepting;
    while (this.#handlers.size > 0) await Promise.all([...this.#handlers]);
    this.#stopped();
  }

  async #accept(): Promise<void> {
    for (;;) {
      let conn: Deno.Conn;
      try {
        conn = await this.#listener.accept();
      } catch (e) {
        if (this.#stopping || e instanceof Deno.errors.BadResource) return;
        // Out of file descriptors, say: wait for some to be freed rather than stop serving.
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (this.#stopping) {
        closeQuietly(conn);
        continue;
      }
      this.#conns.add(conn);
      const handler = this.#serve(conn).finally(() => {
        this.#conns.delete(conn);
        this.#handlers.delete(handler);
        closeQuietly(conn);
      });
      this.#handlers.add(handler);
    }
  }

  /** One connection: one request, answered; a registration stays until the connection ends. */
  async #serve(conn: Deno.Conn): Promise<void> {
    const req = await readRequest(conn);
    if (req === undefined) return;
    const local = isLocalPeer(conn);
    switch (req[0]) {
      case EPMD.ALIVE2_REQ:
        if (local) await this.#alive2(conn, req);
        return;
      case EPMD.PORT_PLEASE2_REQ:
        return await this.#portPlease2(conn, req);
      case EPMD.NAMES_REQ:
        return await this.#listNames(conn, false);
      case EPMD.DUMP_REQ:
        if (local) await this.#listNames(conn, true);
        return;
      case EPMD.KILL_REQ:
        if (!local) return;
        await writeAll(conn, new TextEncoder().encode("OK"));
        closeQuietly(conn);
        void this.close();
        return;
      default:
        return; // STOP_REQ, which `epmd` refuses by default, and anything unknown
    }
  }

  async #alive2(conn: Deno.Conn, req: Uint8Array): Promise<void> {
    const view = new DataView(req.buffer, req.byteOffset, req.byteLength);
    if (req.length < 14) return;
    const nameLen = view.getUint16(9);
    if (nameLen < 1 || nameLen > MAX_ALIVE_BYTES || 13 + nameLen > req.length) return;
    const nameBytes = req.subarray(11, 11 + nameLen);
    const extraLen = view.getUint16(11 + nameLen);
    if (extraLen > MAX_EXTRA || 13 + nameLen + extraLen > req.length) return;
    if (nameBytes.includes(0)) return;
    let name: string;
    try {
      name = new TextDecoder("utf-8", { fatal: true }).decode(nameBytes);
    } catch {
      return;
    }
    const high = view.getUint16(5);
    const taken = this.#names.has(name);
    const creation = taken ? 0 : this.#nextCreation(name);
    // Nodes older than protocol version 6 expect the 16-bit answer with a creation of 1 to 3.
    const answer = high >= 6 ? new Uint8Array(6) : new Uint8Array(4);
    const out = new DataView(answer.buffer);
    answer[1] = taken ? 1 : 0;
    if (high >= 6) {
      answer[0] = EPMD.ALIVE2_X_RESP;
      out.setUint32(2, taken ? 99 : creation);
    } else {
      answer[0] = EPMD.ALIVE2_RESP;
      out.setUint16(2, taken ? 99 : creation % 3 + 1);
    }
    if (taken) {
      await writeAll(conn, answer);
      return;
    }
    const entry: Entry = {
      name,
      port: view.getUint16(1),
      nodeType: req[3]!,
      protocol: req[4]!,
      high,
      low: view.getUint16(7),
      extra: req.slice(13 + nameLen, 13 + nameLen + extraLen),
    };
    this.#names.set(name, entry);
    try {
      if (!(await writeAll(conn, answer))) return;
      // The name lives as long as this connection: wait for its end, ignoring anything sent.
      const buf = new Uint8Array(256);
      try {
        while ((await conn.read(buf)) !== null) { /* nothing is expected */ }
      } catch { /* reset, or closed by close() */ }
    } finally {
      if (this.#names.get(name) === entry) this.#names.delete(name);
    }
  }

  async #portPlease2(conn: Deno.Conn, req: Uint8Array): Promise<void> {
    let end = req.length;
    if (req[end - 1] === 0) end--; // old clients send a trailing NUL
    if (end <= 1) return;
    let name: string;
    try {
      name = new TextDecoder("utf-8", { fatal: true }).decode(req.subarray(1, end));
    } catch {
      return;
    }
    const e = this.#names.get(name);
    if (e === undefined) {
      await writeAll(conn, new Uint8Array([EPMD.PORT2_RESP, 1]));
      return;
    }
    const nameBytes = new TextEncoder().encode(e.name);
    const answer = new Uint8Array(14 + nameBytes.length + e.extra.length);
    const view = new DataView(answer.buffer);
    answer[0] = EPMD.PORT2_RESP;
    answer[1] = 0;
    view.setUint16(2, e.port);
    answer[4] = e.nodeType;
    answer[5] = e.protocol;
    view.setUint16(6, e.high);
    view.setUint16(8, e.low);
    view.setUint16(10, nameBytes.length);
    answer.set(nameBytes, 12);
    view.setUint16(12 + nameBytes.length, e.extra.length);
    answer.set(e.extra, 14 + nameBytes.length);
    await writeAll(conn, answer);
  }

  /** NAMES (and DUMP, which `epmd -dump` reads): the port, then one line per name. */
  async #listNames(conn: Deno.Conn, dump: boolean): Promise<void> {
    let text = "";
    let fd = 0;
    for (const e of this.#names.values()) {
      text += dump
        ? `active name     <${e.name}> at port ${e.port}, fd = ${++fd}\n\0`
        : `name ${e.name} at port ${e.port}\n`;
    }
    const body = new TextEncoder().encode(text);
    const answer = new Uint8Array(4 + body.length);
    new DataView(answer.buffer).setUint32(0, this.port);
    answer.set(body, 4);
    await writeAll(conn, answer);
  }

  /** A new name gets a random creation; a name seen before gets the next one, as in `epmd`. */
  #nextCreation(name: string): number {
    const last = this.#creations.get(name);
    let creation: number;
    if (last === undefined) {
      const r = new Uint32Array(1);
      crypto.getRandomValues(r);
      creation = FIRST_CREATION + (r[0]! % (0x1_0000_0000 - FIRST_CREATION));
    } else {
      creation = last >= 0xffff_ffff ? FIRST_CREATION : last + 1;
    }
    this.#creations.delete(name);
    this.#creations.set(name, creation);
    if (this.#creations.size > MAX_REMEMBERED) {
      const oldest = this.#creations.keys().next().value;
      if (oldest !== undefined) this.#creations.delete(oldest);
    }
    return creation;
  }
}

/** One length-prefixed request, or `undefined` for a short, oversized or slow one. */
async function readRequest(conn: Deno.Conn): Promise<Uint8Array | undefined> {
  const timer = setTimeout(() => closeQuietly(conn), REQUEST_TIMEOUT);
  try {
    const head = await readFully(conn, 2);
    if (head === undefined) return undefined;
    const len = (head[0]! << 8) | head[1]!;
    // The length is checked before anything is allocated for the body.
    if (len < 1 || len > MAX_REQUEST) return undefined;
    return await readFully(conn, len);
  } finally {
    clearTimeout(timer);
  }
}

/** As `epmd`: a peer on a loopback address, or on the address it reached us at. */
function isLocalPeer(conn: Deno.Conn): boolean {
  const peer = (conn.remoteAddr as Deno.NetAddr).hostname.replace(/^::ffff:/, "");
  const self = (conn.localAddr as Deno.NetAddr).hostname.replace(/^::ffff:/, "");
  return peer.startsWith("127.") || peer === "::1" || peer === self;
}
