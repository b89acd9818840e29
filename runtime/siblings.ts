/**
 * The channels between the schedulers of one node. Each scheduler is an isolate (the main one,
 * or a worker); a signal for a process of another scheduler is written as a CBOR frame into
 * that scheduler's batch, and each batch goes out once per turn as one `postMessage` of a
 * transferred buffer, never one per message. What arrives is applied by the same signal
 * handlers as signals from other nodes.
 *
 * Besides the signals of `signals.ts`, schedulers tell each other:
 *
 * | tuple                                          | meaning                                      |
 * |------------------------------------------------|----------------------------------------------|
 * | `#(spawn Pid Mod Fun Args GL InitialCall)`     | start the process `Pid` here                 |
 * | `#(relay Peer Signal)`                         | a signal from node `Peer` for a process here |
 * | `#(net Node Signal)`                           | (to the main isolate) send this to `Node`    |
 * | `#(net_ack Bytes)`                             | (main → worker) that much of `net` went on   |
 * | `#(connect Node Id)` / `#(connected Id Ok)`    | (worker ↔ main) connect to a node            |
 * | `#(nodeup Node)` / `#(nodedown Node)`          | (main → workers) a node came or went         |
 * | `#(scheduler_down I)`                          | scheduler `I` is gone                        |
 * | `#(load_file Path)`                            | load the module of that file here too        |
 * | `#(adopt_name Name Pid)`                       | `Pid` here was registered as `Name`          |
 * | `#(query What Arg From Ref)`                    | a question about processes here (`answerQuery`), answered `#(answer Ref A)` |
 *
 * @module
 */

import { findFunction, loadFileHere, setLoadAnnouncer } from "./code.ts";
import { decodeTerm, encodeFrame } from "./cbor_codec.ts";
import { type Node, type ProcessFn, type Siblings as SiblingsApi } from "./node.ts";
import type { Process } from "./process.ts";
import { SignalRouter } from "./router.ts";
import { answerQuery } from "./api.ts";
import { applySignal, lostContact, nodeDown, type SignalSource, signalTarget } from "./signals.ts";
import { arrayToList, listToArray, Pid, type Ref, type Term } from "./terms.ts";
import { ErlangError } from "./errors.ts";

/** One end of a channel to another scheduler: a Worker, a MessagePort, or a worker's `self`. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** What a batch is when it crosses. */
export interface Batch {
  from: number;
  bytes: ArrayBuffer;
  length: number;
}

const INITIAL = 16 * 1024;
// How long an idle scheduler watches for the next batch after traffic, in milliseconds.
const WATCH_MS = 0.2;
// A batch this small goes as a copy (the buffer is kept for the next).
const COPY_BELOW = 64 * 1024;
// A batch this big goes out at once.
const BIG_BATCH = 256 * 1024;
// How many bytes of signals for other nodes a worker may have on their way through the main
// isolate before its senders wait.
const NET_WINDOW = 1024 * 1024;

// The frames waiting to go to one scheduler.
class Outbox {
  buf = new Uint8Array(INITIAL);
  len = 0;
  constructor(readonly to: Endpoint, readonly index: number) {}

  add(frame: Uint8Array): void {
    const need = this.len + frame.length;
    if (need > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < need) size *= 2;
      const b = new Uint8Array(size);
      b.set(this.buf.subarray(0, this.len));
      this.buf = b;
    }
    this.buf.set(frame, this.len);
    this.len = need;
  }
}

/** The channels of one scheduler to the others of its node. */
export class Siblings extends SignalRouter implements SiblingsApi {
  readonly #node: Node;
  readonly #sched: Node["scheduler"];
  readonly #out: (Outbox | undefined)[];
  readonly #pending = new Set<Outbox>();
  #scheduled = false;
  readonly #sources: SignalSource[] = [];
  readonly #log: (line: string) => void;
  // Workers only: the nodes connected (as the main isolate tells), and connects under way.
  readonly #up = new Set<string>();
  readonly #connects = new Map<number, (ok: boolean) => void>();
  #nextConnect = 1;
  readonly #flush = () => this.#flushAll();
  // The main isolate: bytes of `net` signals from a batch being applied, and the busy
  // connections they went to.
  #netBytes = 0;
  readonly #netBusy = new Set<string>();
  /** A worker: bytes of `net` signals sent to the main isolate and not yet acknowledged. */
  netOutstanding = 0;
  /** A worker: its processes held until the main isolate acknowledges enough. */
  readonly netHeld = new Set<Process>();

  constructor(node: Node, endpoints: (Endpoint | undefined)[], log: (line: string) => void) {
    super();
    this.#node = node;
    this.#sched = node.scheduler;
    this.#log = log;
    this.#out = endpoints.map((e, i) => e && new Outbox(e, i));
    node.siblings = this;
    node.schedulerCount = endpoints.length;
    node.scheduler.flushOut = this.#flush;
    node.scheduler.idle = this.#watch;
    setLoadAnnouncer((path) => {
      for (let i = 0; i < this.#out.length; i++) {
        if (i !== node.index) this.post(i, ["load_file", path]);
      }
    });
    if (node.index !== 0) node.router = new ViaMain(this, node);
  }

  ask(i: number, t: Term[]): boolean {
    if (this.#out[i] === undefined) return false;
    this.post(i, t);
    return true;
  }

  /**
   * Queues `t` for scheduler `to`; the batch goes out at the end of this turn. Answers the
   * bytes it takes.
   */
  post(to: number, t: Term[]): number {
    const box = this.#out[to];
    if (box === undefined) return 0; // that scheduler is gone: as a message to a dead process
    const frame = encodeFrame(t);
    box.add(frame);
    // A big batch goes at once, so that a step that sends a great deal is not one huge batch.
    if (box.len >= BIG_BATCH) {
      this.#pending.delete(box);
      this.#send(box);
      return frame.length;
    }
    this.#pending.add(box);
    if (!this.#sched.outPending) {
      this.#sched.outPending = true;
      this.#sched.outSince = Date.now();
    }
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(this.#flush);
    }
    return frame.length;
  }

  #flushAll(): void {
    this.#scheduled = false;
    this.#sched.outPending = false;
    for (const box of this.#pending) this.#send(box);
    this.#pending.clear();
  }

  #send(box: Outbox): void {
    // A small batch goes as a copy of just its bytes and the buffer stays; a big one goes as
    // the buffer itself, and a new one is made.
    let bytes: ArrayBuffer;
    if (box.len <= COPY_BELOW) bytes = box.buf.slice(0, box.len).buffer as ArrayBuffer;
    else {
      bytes = box.buf.buffer as ArrayBuffer;
      box.buf = new Uint8Array(INITIAL);
    }
    const batch: Batch = { from: this.#node.index, bytes, length: box.len };
    box.len = 0;
    box.to.postMessage(batch, [bytes]);
    this.#node.shared?.ring(box.index);
  }

  // After traffic with another scheduler, an idle scheduler watches for the next batch a
  // little while before it sleeps: a thread woken from its sleep takes tens of microseconds,
  // and a round trip between schedulers takes two wake-ups.
  #watch = (): void => {
    const shared = this.#node.shared;
    if (shared === null || Date.now() - this.#lastTraffic > 2) return;
    const me = this.#node.index, seen = this.#mailSeen;
    const t0 = performance.now();
    for (let k = 1;; k++) {
      if (shared.mail(me) !== seen) return;
      if ((k & 255) === 0 && performance.now() - t0 > WATCH_MS) return;
    }
  };
  #lastTraffic = 0;
  #mailSeen = 0;

  /** Takes the nodes connected now (a worker starting after the main isolate connected). */
  nodesUp(nodes: string[]): void {
    for (const n of nodes) this.#up.add(n);
  }

  /** Opens the channel to scheduler `i`. */
  connectTo(i: number, to: Endpoint): void {
    this.#out[i] = new Outbox(to, i);
  }

  /** Tells the other schedulers that scheduler `i` is gone. */
  schedulerDown(i: number): void {
    for (let j = 0; j < this.#out.length; j++) {
      if (j !== this.#node.index && j !== i) this.post(j, ["scheduler_down", i]);
    }
  }

  /** Stops sending to scheduler `i`, which is gone. */
  drop(i: number): void {
    const box = this.#out[i];
    if (box !== undefined) this.#pending.delete(box);
    this.#out[i] = undefined;
  }

  /** Applies a batch that came from another scheduler. */
  receive(batch: Batch): void {
    this.#lastTraffic = Date.now();
    this.#mailSeen = this.#node.shared?.mail(this.#node.index) ?? 0;
    const b = new Uint8Array(batch.bytes, 0, batch.length);
    const view = new DataView(batch.bytes);
    let at = 0;
    this.#netBytes = 0;
    while (at + 4 <= batch.length) {
      const n = view.getUint32(at);
      const t = decodeTerm(b.subarray(at + 4, at + 4 + n)) as Term[];
      at += 4 + n;
      if (t[0] === "net") this.#netBytes += 4 + n;
      try {
        this.#apply(batch.from, t);
      } catch (e) {
        this.#log(`** A signal from scheduler ${batch.from} failed: ${(e as Error).message} **`);
      }
    }
    if (this.#netBytes > 0) this.#ackNet(batch.from, this.#netBytes);
  }

  // Acknowledges `bytes` of a worker's `net` signals once the connections they went to have
  // room again, so that a worker's senders wait while a connection is busy.
  #ackNet(to: number, bytes: number): void {
    const busy = [...this.#netBusy];
    this.#netBusy.clear();
    let waiting = busy.length + 1;
    const done = () => {
      if (--waiting === 0) this.post(to, ["net_ack", bytes]);
    };
    const router = this.#node.router;
    for (const peer of busy) {
      if (router?.whenDrained !== undefined) router.whenDrained(peer, done);
      else done();
    }
    done();
  }

  #sourceFrom(i: number): SignalSource {
    return this.#sources[i] ??= {
      node: this.#node,
      peer: this.#node.name,
      reply: (t) => this.post(i, t),
      spawns: this.spawns,
      log: this.#log,
    };
  }

  #apply(from: number, t: Term[]): void {
    const node = this.#node;
    switch (t[0]) {
      case "spawn": {
        const [, pid, m, f, args, gl, call] = t as [string, Pid, string, string, Term, Pid, Term];
        const argv = listToArray(args);
        const fn: ProcessFn = findFunction(m, f, argv.length) ?? (() => {
          const e = new ErlangError("error", "undef", arrayToList([[m, f, args, null]]));
          e.message = `undefined function ${m}:${f}/${argv.length}`;
          throw e;
        });
        node.spawnPlaced(pid, fn, argv, gl, call);
        return;
      }
      case "relay": {
        const peer = t[1] as string, signal = t[2] as Term[];
        applySignal({
          node,
          peer,
          reply: (r) => this.post(0, ["net", peer, r]),
          spawns: this.spawns,
          log: this.#log,
        }, signal);
        return;
      }
      case "net": {
        const peer = t[1] as string;
        node.router?.deliver(peer, t[2] as Term[]);
        if (node.router?.busy?.(peer)) this.#netBusy.add(peer);
        return;
      }
      case "net_ack": {
        this.netOutstanding -= t[1] as number;
        if (this.netOutstanding > NET_WINDOW / 2) return;
        for (const p of this.netHeld) {
          p.blocked = false;
          node.scheduler.wake(p);
        }
        this.netHeld.clear();
        return;
      }
      case "connect":
        void (node.router?.connect(t[1] as string) ?? Promise.resolve(false)).then((ok) =>
          this.post(from, ["connected", t[2] as number, ok])
        );
        return;
      case "connected":
        this.#connects.get(t[1] as number)?.(t[2] === true);
        this.#connects.delete(t[1] as number);
        return;
      case "scheduler_down":
        this.drop(t[1] as number);
        lostScheduler(node, t[1] as number);
        return;
      case "load_file":
        loadFileHere(t[1] as string);
        return;
      case "adopt_name":
        node.adoptName(t[1] as string, t[2] as Pid);
        return;
      case "query": {
        const [, what, arg, from, ref] = t as [string, Term, Term, Pid, Term];
        node.sendPid(from, ["answer", ref, answerQuery(node, what, arg)], null);
        return;
      }
      case "nodeup":
        this.#up.add(t[1] as string);
        node.nodeEvent(true, t[1] as string);
        return;
      case "nodedown":
        this.#up.delete(t[1] as string);
        nodeDown(node, t[1] as string, this.spawns, this.nodeWatchers);
        return;
    }
    applySignal(this.#sourceFrom(from), t);
  }

  // The scheduler of the process of this node a signal is for, by pid or by registered name.
  #schedulerFor(t: Term[]): number | undefined {
    const to = signalTarget(t);
    if (to === undefined) return undefined;
    const pid = to instanceof Pid ? to : this.#node.whereisPid(to);
    return pid && this.#node.schedulerOf(pid);
  }

  // ---- the Router side: signals to processes of the other schedulers ----

  // To the scheduler of the process the signal is for (a monitor of a name that no process
  // has gets its DOWN at once).
  protected signal(node: string, t: Term[]): void {
    const at = this.#schedulerFor(t);
    if (at !== undefined) this.post(at, t);
    else if (t[0] === "monitor") {
      const [, from, to, ref] = t as [string, Pid, Pid | string, Ref];
      const object: Term = to instanceof Pid ? to : [to, node];
      this.#node.downSignal(this.#node.lookup(from)!, ref, object, "noproc");
    }
  }

  protected unreachable(node: string): void {
    nodeDown(this.#node, node, this.spawns, this.nodeWatchers);
  }

  spawnAt(
    at: number,
    pid: Pid,
    module: string,
    fun: string,
    args: Term[],
    groupLeader: Pid,
    initialCall: Term,
  ): void {
    this.post(at, ["spawn", pid, module, fun, arrayToList(args), groupLeader, initialCall]);
  }

  relay(peer: string, t: Term[]): boolean {
    const at = this.#schedulerFor(t);
    if (at === undefined || at === this.#node.index) return false;
    this.post(at, ["relay", peer, t]);
    return true;
  }

  nodeDown(node: string): void {
    for (let i = 0; i < this.#out.length; i++) {
      if (i !== this.#node.index) this.post(i, ["nodedown", node]);
    }
  }

  nodeUp(node: string): void {
    for (let i = 0; i < this.#out.length; i++) {
      if (i !== this.#node.index) this.post(i, ["nodeup", node]);
    }
  }

  // A worker connects through the main isolate.
  connect(node: string): Promise<boolean> {
    if (node === this.#node.name || this.#up.has(node)) return Promise.resolve(true);
    const id = this.#nextConnect++;
    return new Promise((resolve) => {
      this.#connects.set(id, resolve);
      this.post(0, ["connect", node, id]);
    });
  }
  nodes(): string[] {
    return [...this.#up];
  }
}

/**
 * The network as a worker scheduler sees it: signals for other nodes go to the main isolate,
 * which holds the connections; spawns asked and `monitor_node` watchers are kept here, so that
 * a node going down is handled here too.
 */
/** The node's cookie as the main isolate had it when this worker started. */
let siblingCookie = "nocookie";
const siblingCookies = new Map<string, string>();

/** Sets the cookie a worker scheduler answers `erlang:get_cookie/0` with. */
export function setSiblingCookie(cookie: string): void {
  siblingCookie = cookie;
}

class ViaMain extends SignalRouter {
  readonly #s: Siblings;
  readonly #node: Node;
  cookie(node?: string): string {
    return (node !== undefined ? siblingCookies.get(node) : undefined) ?? siblingCookie;
  }
  setCookie(cookie: string, node?: string): void {
    if (node === undefined || node === this.#node.name) siblingCookie = cookie;
    else siblingCookies.set(node, cookie);
  }
  constructor(s: Siblings, node: Node) {
    super(s.spawns, s.nodeWatchers);
    this.#s = s;
    this.#node = node;
  }
  // Counts what goes to the main isolate; past the window, a sender waits (at its next
  // yield) until the main isolate has passed enough on.
  protected signal(node: string, t: Term[], from: Pid | null): void {
    this.#s.netOutstanding += this.#s.post(0, ["net", node, t]);
    if (from === null || this.#s.netOutstanding <= NET_WINDOW) return;
    const p = this.#node.lookup(from);
    if (p === undefined) return;
    p.reds = 0;
    p.blocked = true;
    this.#s.netHeld.add(p);
  }
  protected unreachable(node: string): void {
    this.#s.receive(selfBatch(["nodedown", node]));
  }
  connect(node: string): Promise<boolean> {
    return this.#s.connect(node);
  }
  nodes(): string[] {
    return this.#s.nodes();
  }
}

/** What the loss of scheduler `i` means for the processes of `node`'s scheduler here. */
export function lostScheduler(node: Node, i: number): void {
  lostContact(
    node,
    (pid) => pid !== null && pid.node === node.name && node.schedulerOf(pid) === i,
  );
}

// A batch of one signal, as if it came from the main isolate.
function selfBatch(t: Term[]): Batch {
  const f = encodeFrame(t).slice();
  return { from: 0, bytes: f.buffer, length: f.length };
}
