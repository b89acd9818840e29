/**
 * What the port mapper's client and daemon share: the EPMD message tags and limits, its error,
 * and the plumbing of its connections (a client socket under one deadline, full reads and
 * writes for the daemon). Private to `net/`.
 *
 * The protocol: https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#epmd-protocol
 *
 * @module
 */

/** The port mapper's message tags. */
export const EPMD = {
  ALIVE2_REQ: 120,
  ALIVE2_X_RESP: 118,
  ALIVE2_RESP: 121,
  PORT_PLEASE2_REQ: 122,
  PORT2_RESP: 119,
  NAMES_REQ: 110,
  DUMP_REQ: 100,
  KILL_REQ: 107,
  STOP_REQ: 115,
} as const;

/** ALIVE2's node types: a normal node, and a hidden one (not in `nodes()`). */
export const NODE_TYPE = { normal: 77, hidden: 72 } as const;

/** The port the port mapper listens on unless `ERL_EPMD_PORT` says otherwise. */
export const DEFAULT_EPMD_PORT = 4369;

/** The longest alive name the port mapper registers, in UTF-8 bytes. */
export const MAX_ALIVE_BYTES = 255;

/** The most extra bytes a registration may carry (the real epmd takes up to about 1000). */
export const MAX_EXTRA_BYTES = 512;

/** Why a conversation with the port mapper failed. */
export type EpmdErrorKind = "unreachable" | "timeout" | "refused" | "malformed";

/** A port mapper that cannot be reached, does not answer, refuses, or answers nonsense. */
export class EpmdError extends Error {
  /** What went wrong, for a caller that acts on it. */
  readonly kind: EpmdErrorKind;
  constructor(kind: EpmdErrorKind, message: string) {
    super(message);
    this.name = "EpmdError";
    this.kind = kind;
  }
}

/** One connection to the port mapper, under one deadline for the whole exchange. */
export class EpmdSocket {
  readonly where: string;
  #conn: Deno.Conn;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  #closed = false;
  #ms: number;

  private constructor(
    conn: Deno.Conn,
    where: string,
    timer: ReturnType<typeof setTimeout>,
    ms: number,
  ) {
    this.#conn = conn;
    this.where = where;
    this.#timer = timer;
    this.#ms = ms;
  }

  static async open(host: string, port: number, ms = 5000): Promise<EpmdSocket> {
    const where = `${host}:${port}`;
    const abort = new AbortController();
    let sock: EpmdSocket | undefined;
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      if (sock) sock.#expire();
      else abort.abort();
    }, ms);
    try {
      const conn = await Deno.connect({ hostname: host, port, signal: abort.signal });
      sock = new EpmdSocket(conn, where, timer, ms);
      return sock;
    } catch (e) {
      clearTimeout(timer);
      const why = expired ? `no connection within ${ms} ms` : messageOf(e);
      throw new EpmdError("unreachable", `Cannot reach the port mapper at ${where}: ${why}`);
    }
  }

  async send(bytes: Uint8Array): Promise<void> {
    const frame = new Uint8Array(2 + bytes.length);
    new DataView(frame.buffer).setUint16(0, bytes.length);
    frame.set(bytes, 2);
    try {
      for (let off = 0; off < frame.length;) off += await this.#conn.write(frame.subarray(off));
    } catch (e) {
      throw this.#failure(e);
    }
  }

  /** Exactly `n` bytes; the mapper closing first is a malformed answer. */
  async readExact(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    for (let got = 0; got < n;) {
      const r = await this.#read(out.subarray(got));
      if (r === null) throw this.malformed("closed the connection in the middle of an answer");
      got += r;
    }
    return out;
  }

  /** Everything up to the mapper's close, refusing more than `max` bytes. */
  async readToEnd(max: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const buf = new Uint8Array(4096);
    for (;;) {
      const r = await this.#read(buf);
      if (r === null) break;
      total += r;
      if (total > max) throw this.malformed(`sent more than ${max} bytes`);
      chunks.push(buf.slice(0, r));
    }
    if (total === 0) throw this.malformed("closed the connection without answering");
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  /** Ends the deadline: the connection now stays open as long as its owner wants. */
  settle(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Reads until the connection ends, so that its end is seen; settles then. */
  async watch(): Promise<void> {
    const buf = new Uint8Array(64);
    try {
      while (!this.#closed && (await this.#conn.read(buf)) !== null) { /* nothing is expected */ }
    } catch { /* closed under the read, or reset: both end the registration */ }
    this.close();
  }

  malformed(what: string): EpmdError {
    return new EpmdError("malformed", `The port mapper at ${this.where} ${what}`);
  }

  close(): void {
    this.settle();
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch { /* already closed */ }
  }

  async #read(buf: Uint8Array): Promise<number | null> {
    try {
      return await this.#conn.read(buf);
    } catch (e) {
      throw this.#failure(e);
    }
  }

  #expire(): void {
    this.#timedOut = true;
    this.close();
  }

  #failure(e: unknown): EpmdError {
    if (this.#timedOut) {
      return new EpmdError(
        "timeout",
        `The port mapper at ${this.where} did not answer within ${this.#ms} ms`,
      );
    }
    return new EpmdError(
      "unreachable",
      `Cannot talk to the port mapper at ${this.where}: ${messageOf(e)}`,
    );
  }
}

/** Exactly `n` bytes from `conn`, or `undefined` when it ends or fails first. */
export async function readFully(conn: Deno.Conn, n: number): Promise<Uint8Array | undefined> {
  const out = new Uint8Array(n);
  try {
    for (let got = 0; got < n;) {
      const r = await conn.read(out.subarray(got));
      if (r === null) return undefined;
      got += r;
    }
  } catch {
    return undefined;
  }
  return out;
}

/** Writes all of `bytes`; `false` when the connection failed. */
export async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<boolean> {
  try {
    for (let off = 0; off < bytes.length;) off += await conn.write(bytes.subarray(off));
    return true;
  } catch {
    return false;
  }
}

/** Closes `conn` unless it is closed already. */
export function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch { /* already closed */ }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
