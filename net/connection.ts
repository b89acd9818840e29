/**
 * One connection to another node, after the handshake: frames in, control messages out, ticks
 * both ways. Frames read are decoded and handed over at once; frames written are coalesced.
 * A frame that cannot be read closes this connection only.
 *
 * @module
 */

import { decodeTerm, encodeFrame, type Term } from "../runtime/mod.ts";
import { FrameReader, FrameWriter } from "./frame.ts";
import { keepAwake } from "./_spin.ts";

/** What a connection tells the distribution layer. */
export interface ConnectionHost {
  /** A control message arrived. */
  control(c: Connection, t: Term[]): void;
  /** The connection is gone, and why (for the log line and the exit reasons). */
  closed(c: Connection, why: string): void;
  /** The writer drained below the busy limit: blocked senders may go on. */
  drained(c: Connection): void;
}

/** Options of a connection. */
export interface ConnectionOptions {
  /** Erlang's net_ticktime, in milliseconds: silence this long means the peer is down. */
  ticktimeMs: number;
  /** Bytes waiting to be written past which senders wait (Erlang's +zdbbl). */
  busyLimit: number;
  /** The translation for a BEAM peer; none for a node of ours (CBOR control tuples). */
  wire?: Wire;
}

/** How control tuples are written and read on a connection to a peer of another kind. */
export interface Wire {
  /** A control tuple as a whole frame, length included. */
  encode(t: Term): Uint8Array;
  /** A frame as a control tuple, `null` for a tick; `reply` answers at once. */
  decode(f: Uint8Array, reply: (t: Term) => void): Term[] | null;
}

/** A live connection to the node `peer`. */
export class Connection {
  readonly peer: string;
  readonly #conn: Deno.Conn;
  readonly #reader: FrameReader;
  readonly #writer: FrameWriter;
  readonly #host: ConnectionHost;
  readonly #opts: ConnectionOptions;
  readonly #wire: Wire | undefined;
  #lastRecv = Date.now();
  #sentSinceTick = false;
  #tick: ReturnType<typeof setInterval> | undefined;
  #closed = false;

  constructor(
    peer: string,
    conn: Deno.Conn,
    reader: FrameReader,
    host: ConnectionHost,
    opts: ConnectionOptions,
  ) {
    this.peer = peer;
    this.#conn = conn;
    this.#reader = reader;
    this.#host = host;
    this.#opts = opts;
    this.#wire = opts.wire;
    this.#writer = new FrameWriter(conn, () => {
      if (this.#writer.pending < opts.busyLimit) host.drained(this);
    }, (e) => this.close(`write failed: ${(e as Error).message}`));
  }

  /** Whether senders should wait for the writer to drain. */
  get busy(): boolean {
    return this.#writer.pending >= this.#opts.busyLimit;
  }

  /** Whether the connection is closed. */
  get isClosed(): boolean {
    return this.#closed;
  }

  /** Starts reading and ticking. */
  start(): void {
    const tickMs = Math.max(10, Math.floor(this.#opts.ticktimeMs / 4));
    this.#tick = setInterval(() => this.#onTick(), tickMs);
    void this.#readLoop();
  }

  /** Sends a control message. */
  send(t: Term): void {
    if (this.#closed) return;
    this.#writer.send(this.#wire === undefined ? encodeFrame(t) : this.#wire.encode(t));
    this.#sentSinceTick = true;
  }

  /** Resolves once everything sent so far is written. */
  flushed(): Promise<void> {
    return this.#writer.drain();
  }

  /** Closes the connection; `why` goes to the host once. */
  close(why: string): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#tick);
    this.#writer.close();
    try {
      this.#conn.close();
    } catch { /* already closed by the peer */ }
    this.#host.closed(this, why);
  }

  #onTick(): void {
    if (Date.now() - this.#lastRecv > this.#opts.ticktimeMs) {
      this.close(`no word from it in ${this.#opts.ticktimeMs} ms (net_tick_timeout)`);
      return;
    }
    if (!this.#sentSinceTick) this.send(TICK);
    this.#sentSinceTick = false;
  }

  async #readLoop(): Promise<void> {
    const r = this.#reader;
    try {
      for (;;) {
        for (let f = r.take(); f !== null; f = r.take()) {
          if (this.#wire !== undefined) {
            const t = this.#wire.decode(f, (answer) => this.send(answer));
            if (t !== null) this.#host.control(this, t);
            if (this.#closed) return;
            continue;
          }
          const t = decodeTerm(f);
          if (!Array.isArray(t) || typeof t[0] !== "string") {
            throw new SyntaxError("a frame that is not a control message");
          }
          this.#host.control(this, t);
          if (this.#closed) return;
        }
        if (!(await r.fill())) {
          this.close("connection closed");
          return;
        }
        this.#lastRecv = Date.now();
        keepAwake();
      }
    } catch (e) {
      if (this.#closed) return;
      const msg = e instanceof Error ? e.message : String(e);
      this.close(/closed|reset|BadResource/i.test(msg) ? "connection closed" : `bad frame: ${msg}`);
    }
  }
}

const TICK: Term = ["tick"];
