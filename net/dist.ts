/**
 * Distribution: this node's connections to other nodes, and the {@linkcode Router} through
 * which the runtime's signals reach processes there. A connection opens on first use; signals
 * sent while it is being set up wait for it, in order. When a connection goes, links to that
 * node's processes get `noconnection`, monitors `DOWN ... noconnection`, and `monitor_node`
 * watchers `#(nodedown Node)`.
 *
 * @module
 */

import { type Node, Pid, type Process, SignalRouter, type Term } from "../runtime/mod.ts";
import { Connection, type ConnectionHost, type Wire } from "./connection.ts";
import { handleControl, nodeDown } from "./control.ts";
import { lookupNode } from "./epmd_client.ts";
import { erlAccept, erlDial } from "./erl_handshake.ts";
import { ErlWire } from "./erl_wire.ts";
import { DEFAULT_MAX_FRAME, FrameReader, type Stream } from "./frame.ts";
import {
  accept,
  type Admission,
  dial,
  HANDSHAKE_MAX_FRAME,
  HandshakeError,
  within,
} from "./handshake.ts";
import { isLongNodeName, NODE_MARK, splitNodeName } from "./names.ts";

/** Options of the distribution layer of one node. */
export interface DistOptions {
  cookie: string;
  /** Whether this node has a long name (`-name`). */
  long: boolean;
  /** The port mapper's port. */
  epmdPort: number;
  /** Erlang's net_ticktime, in seconds (60 by default). */
  ticktime?: number;
  /** Bytes waiting on one connection past which senders wait (1 MiB by default). */
  busyLimit?: number;
  /** How long each handshake read may take, in milliseconds. */
  handshakeTimeoutMs?: number;
  /** The largest frame taken from a connected node, in bytes (64 MiB by default). */
  maxFrame?: number;
  /** Where one-line reports go (stderr by default). */
  log?: (line: string) => void;
}

// How soon after this node's dial is set up a dial from the same peer counts as crossing it.
const CROSSING_MS = 2000;

interface Pending {
  queue: Term[];
  promise: Promise<boolean>;
  resolve: (ok: boolean) => void;
  dialing: boolean;
}

/** The distribution layer of one node. */
export class Distribution extends SignalRouter implements ConnectionHost {
  readonly node: Node;
  readonly #o: Required<DistOptions>;
  readonly #conns = new Map<string, Connection>();
  readonly #pending = new Map<string, Pending>();
  /** When this node's own dial to a peer was set up: to tell a crossing dial from a restart. */
  readonly #dialedAt = new Map<string, number>();
  /** Processes waiting for a busy connection to drain. */
  readonly #blocked = new Map<Connection, Set<Process>>();
  /** Others waiting for it (the schedulers of senders on worker isolates). */
  readonly #drainWaiters = new Map<Connection, (() => void)[]>();

  constructor(node: Node, options: DistOptions) {
    super();
    this.node = node;
    this.#o = {
      ticktime: 60,
      busyLimit: 1024 * 1024,
      handshakeTimeoutMs: 7000,
      maxFrame: DEFAULT_MAX_FRAME,
      log: (line) => console.error(line),
      ...options,
    };
    node.router = this;
  }

  /** Writes one line to the log. */
  log(line: string): void {
    this.#o.log(line);
  }

  /** The nodes connected now. */
  nodes(): string[] {
    return [...this.#conns.keys()];
  }

  /** Erlang's net_ticktime in seconds; with `set`, what connections made from now on use. */
  /** Cookies set for single nodes (`erlang:set_cookie/2`). */
  readonly #cookies = new Map<string, string>();

  /** The cookie used with `node` (this node's own when none was set for it). */
  cookie(node?: string): string {
    return (node !== undefined ? this.#cookies.get(node) : undefined) ?? this.#o.cookie;
  }

  /** Sets this node's cookie, or the cookie used with `node`. */
  setCookie(cookie: string, node?: string): void {
    if (node === undefined || node === this.node.name) this.#o.cookie = cookie;
    else this.#cookies.set(node, cookie);
  }

  netTicktime(set?: number): number {
    if (set !== undefined) this.#o.ticktime = set;
    return this.#o.ticktime;
  }

  /** Closes the connection to `node` (`erlang:disconnect_node/1`); `false` if there was none. */
  disconnect(node: string): boolean {
    const c = this.#conns.get(node);
    if (c === undefined) return false;
    c.close("disconnect_node was called");
    return true;
  }

  /** Closes every connection. */
  closeAll(): void {
    for (const c of [...this.#conns.values()]) c.close("this node is stopping");
  }

  // ---- the Router side: signals to other nodes ----

  protected signal(node: string, t: Term[], from: Pid | null): void {
    this.#out(node, t);
    if (from !== null) this.#throttle(from, node);
  }

  protected unreachable(node: string): void {
    nodeDown(this, node);
  }

  /** Connects to `node` if need be; resolves whether it is connected. */
  connect(node: string): Promise<boolean> {
    if (node === this.node.name || this.#conns.has(node)) return Promise.resolve(true);
    return this.#pendingFor(node).promise;
  }

  // A signal for `node`: written now if connected, else queued behind the connection setup.
  #out(node: string, t: Term): void {
    const c = this.#conns.get(node);
    if (c !== undefined) c.send(t);
    else this.#pendingFor(node).queue.push(t);
  }

  // A connection being set up counts as busy: what is sent to it waits in memory.
  busy(node: string): boolean {
    const c = this.#conns.get(node);
    return c !== undefined ? c.busy : this.#pending.has(node);
  }

  whenDrained(node: string, then: () => void): void {
    const c = this.#conns.get(node);
    if (c === undefined) {
      const p = this.#pending.get(node);
      if (p === undefined) return then();
      void p.promise.then(() => this.whenDrained(node, then));
      return;
    }
    if (!c.busy) return then();
    let list = this.#drainWaiters.get(c);
    if (list === undefined) this.#drainWaiters.set(c, list = []);
    list.push(then);
  }

  // A sender whose connection is busy waits (at its next yield) until the connection drains.
  #throttle(from: Pid, node: string): void {
    const c = this.#conns.get(node);
    if (c === undefined || !c.busy) return;
    const p = this.node.lookup(from);
    if (p === undefined) return;
    p.reds = 0;
    p.blocked = true;
    let set = this.#blocked.get(c);
    if (set === undefined) this.#blocked.set(c, set = new Set());
    set.add(p);
  }

  #pendingFor(node: string): Pending {
    let p = this.#pending.get(node);
    if (p !== undefined) return p;
    let resolve!: (ok: boolean) => void;
    const promise = new Promise<boolean>((r) => resolve = r);
    p = { queue: [], promise, resolve, dialing: true };
    this.#pending.set(node, p);
    void this.#dial(node, p);
    return p;
  }

  async #dial(peer: string, p: Pending): Promise<void> {
    let conn: Deno.TcpConn | undefined;
    try {
      if (!peer.includes("@")) throw new HandshakeError("name", `${peer} is not a node name`);
      if (isLongNodeName(peer) !== this.#o.long) {
        throw new HandshakeError(
          "name_type",
          `${peer} has a ${this.#o.long ? "short" : "long"} name and ${this.node.name} a ${
            this.#o.long ? "long" : "short"
          } one: short and long node names do not mix`,
        );
      }
      const { alive, host } = splitNodeName(peer);
      const found = await lookupNode(alive, host, this.#o.epmdPort);
      if (found === undefined) {
        throw new HandshakeError("epmd", `The port mapper on ${host} knows no node ${alive}`);
      }
      conn = await Deno.connect({ hostname: host, port: found.port });
      conn.setNoDelay(true);
      if (new TextDecoder().decode(found.extra) !== NODE_MARK) {
        // A BEAM node: Erlang's own handshake and External Term Format.
        await erlDial(conn, peer, { ...this.#erlHs(), cookie: this.cookie(peer) });
        this.#install(peer, conn, new FrameReader(conn, HANDSHAKE_MAX_FRAME), this.#erlWire(peer));
        return;
      }
      const reader = new FrameReader(conn, HANDSHAKE_MAX_FRAME);
      await dial(conn, reader, peer, { ...this.#hs(), cookie: this.cookie(peer) });
      this.#dialedAt.set(peer, Date.now());
      this.#install(peer, conn, reader);
    } catch (e) {
      try {
        conn?.close();
      } catch { /* closed already */ }
      p.dialing = false;
      const he = e instanceof HandshakeError ? e : undefined;
      // Refused because the peer is connecting to us at the same time: its connection wins,
      // and settles this attempt when it is set up (or has already).
      if (he?.why === "nok") {
        if (this.#pending.get(peer) === p) {
          setTimeout(() => this.#fail(peer, p, "the crossing connection did not come"), 10_000);
        }
        return;
      }
      this.log(`** Cannot connect to node ${peer}: ${he?.message ?? (e as Error).message} **`);
      this.#fail(peer, p);
    }
  }

  #fail(peer: string, p: Pending, why?: string): void {
    if (this.#pending.get(peer) !== p) return;
    if (why !== undefined) this.log(`** Cannot connect to node ${peer}: ${why} **`);
    this.#pending.delete(peer);
    p.resolve(false);
    nodeDown(this, peer);
  }

  #hs() {
    return {
      name: this.node.name,
      long: this.#o.long,
      cookie: this.#o.cookie,
      timeoutMs: this.#o.handshakeTimeoutMs,
    };
  }

  #erlHs() {
    return {
      name: this.node.name,
      cookie: this.#o.cookie,
      creation: this.node.creation,
      timeoutMs: this.#o.handshakeTimeoutMs,
    };
  }

  #erlWire(peer: string): ErlWire {
    return new ErlWire(peer, new Pid(this.node.name, 0, 0, this.node.creation));
  }

  /**
   * Takes an incoming connection through the handshake: Erlang's when its first bytes are an
   * Erlang name packet (a 2-byte length, then `N` or `n`), ours otherwise.
   */
  async accept(conn: Deno.TcpConn): Promise<void> {
    conn.setNoDelay(true);
    try {
      const s = await peek(conn, 3, this.#o.handshakeTimeoutMs);
      if (s.head[2] === 0x4e || s.head[2] === 0x6e) {
        const peer = await erlAccept(s, this.#erlHs(), (name) => this.#admit(name));
        this.#install(
          peer.name,
          conn,
          new FrameReader(s, HANDSHAKE_MAX_FRAME),
          this.#erlWire(peer.name),
        );
        return;
      }
      const reader = new FrameReader(s, HANDSHAKE_MAX_FRAME);
      const peer = await accept(s, reader, this.#hs(), (name) => this.#admit(name));
      this.#install(peer.name, conn, reader);
    } catch (e) {
      try {
        conn.close();
      } catch { /* closed already */ }
      if (e instanceof HandshakeError && (e.why === "nok" || e.why === "alive")) return;
      const who = e instanceof HandshakeError && e.peer !== undefined
        ? `from node ${e.peer}`
        : `from ${addr(conn)}`;
      this.log(`** Connection attempt ${who} rejected: ${(e as Error).message} **`);
    }
  }

  #admit(peer: string): Admission {
    const p = this.#pending.get(peer);
    // Both sides dialing at once: the connection dialed by the greater name wins. Ours may be
    // up already when theirs comes in: a crossing dial, not a peer come back, when it is that
    // fresh.
    if (p !== undefined && p.dialing && this.node.name > peer) return "nok";
    const dialed = this.#dialedAt.get(peer);
    if (
      this.node.name > peer && dialed !== undefined && Date.now() - dialed < CROSSING_MS &&
      this.#conns.has(peer)
    ) return "nok";
    const old = this.#conns.get(peer);
    if (old !== undefined) old.close("it connected again"); // a new incarnation of the peer
    return "ok";
  }

  #install(peer: string, conn: Deno.Conn, reader: FrameReader, wire?: Wire): void {
    reader.maxFrame = this.#o.maxFrame;
    const c = new Connection(peer, conn, reader, this, {
      ticktimeMs: this.#o.ticktime * 1000,
      busyLimit: this.#o.busyLimit,
      ...(wire !== undefined ? { wire } : {}),
    });
    this.#conns.set(peer, c);
    this.node.siblings?.nodeUp(peer);
    this.node.nodeEvent(true, peer);
    const p = this.#pending.get(peer);
    this.#pending.delete(peer);
    if (p !== undefined) {
      for (const t of p.queue) {
        try {
          c.send(t);
        } catch (e) {
          this.log(`** Cannot send to node ${peer}: ${(e as Error).message} **`);
        }
      }
      p.resolve(true);
    }
    c.start();
  }

  // ---- the ConnectionHost side ----

  control(c: Connection, t: Term[]): void {
    handleControl(this, c, t);
  }

  closed(c: Connection, why: string): void {
    if (this.#conns.get(c.peer) !== c) return;
    this.#conns.delete(c.peer);
    this.#dialedAt.delete(c.peer);
    if (why.includes("net_tick_timeout")) this.log(`** Node ${c.peer} not responding: ${why} **`);
    else if (why !== "connection closed" && why !== "this node is stopping") {
      this.log(`** Connection to node ${c.peer} closed: ${why} **`);
    }
    this.drained(c);
    nodeDown(this, c.peer);
  }

  drained(c: Connection): void {
    const waiters = this.#drainWaiters.get(c);
    this.#drainWaiters.delete(c);
    for (const then of waiters ?? []) then();
    const set = this.#blocked.get(c);
    if (set === undefined) return;
    this.#blocked.delete(c);
    for (const p of set) {
      p.blocked = false;
      this.node.scheduler.wake(p);
    }
  }
}

// A stream that gives `head`, read ahead to tell the kind of peer, before the rest.
interface Peeked extends Stream {
  readonly head: Uint8Array;
}

async function peek(conn: Deno.TcpConn, n: number, ms: number): Promise<Peeked> {
  // One read takes what has come (the whole greeting, as a rule), so that peeking costs no
  // extra turn: every byte read is handed on.
  const buf = new Uint8Array(4096);
  let got = 0;
  await within(
    (async () => {
      while (got < n) {
        const r = await conn.read(buf.subarray(got));
        if (r === null) throw new HandshakeError("closed", "Connection closed before a greeting");
        got += r;
      }
    })(),
    ms,
    "greeting",
  );
  const head = buf.subarray(0, got);
  let rest: Uint8Array | null = head;
  return {
    head,
    read(p: Uint8Array): Promise<number | null> {
      if (rest === null) return conn.read(p);
      const k = Math.min(p.length, rest.length);
      p.set(rest.subarray(0, k));
      rest = k === rest.length ? null : rest.subarray(k);
      return Promise.resolve(k);
    },
    write: (p: Uint8Array) => conn.write(p),
  };
}

function addr(conn: Deno.TcpConn): string {
  const a = conn.remoteAddr;
  return `${a.hostname}:${a.port}`;
}
