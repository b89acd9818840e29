/**
 * More schedulers for one node: worker isolates, each with its own run queue, beside the main
 * isolate's scheduler (number 0, which also holds the network and the shell). With `count`
 * schedulers, processes run in parallel on up to `count` cores.
 *
 * The main isolate calls {@linkcode startSchedulers}; each worker's entry module calls
 * {@linkcode serveScheduler}, after registering the code its processes may run (a process
 * started by module and function on another scheduler finds the function there by name).
 *
 * @module
 */

import { crashReport, putCharsAsync } from "./io.ts";
import { Node } from "./node.ts";
import { setLocalNode } from "./node_table.ts";
import { GONE, SharedState, STARTING } from "./shared.ts";
import { type Batch, type Endpoint, lostScheduler, Siblings } from "./siblings.ts";
import { setDefaultNode } from "./api.ts";
import { Pid } from "./terms.ts";

/** Options of {@linkcode startSchedulers}. */
export interface SchedulerOptions {
  /** How many schedulers in all, the main isolate's included. */
  count: number;
  /** The module each worker runs; it calls {@linkcode serveScheduler}. */
  entry: string | URL;
  /**
   * Where a process started by name goes: `load` (the default) keeps it on its spawner's
   * scheduler unless another is less loaded; `spread` takes the schedulers in turn.
   */
  placement?: "spread" | "load";
  /** Handed to the worker's setup (structured-cloneable): a code path, say. */
  data?: unknown;
  /** Where lines about the schedulers go; standard error by default. */
  log?: (line: string) => void;
}

/** The schedulers started for a node. */
export interface Schedulers {
  /** How many schedulers in all. */
  readonly count: number;
  /** Resolves, once every worker has started or failed to, with how many schedulers run. */
  readonly ready: Promise<number>;
  /** Stops the workers; their processes end without signals. */
  stop(): void;
}

interface Init {
  up: string[];
  spread: boolean;
  index: number;
  count: number;
  name: string;
  creation: number;
  buffer: SharedArrayBuffer;
  groupLeader: [number, number, number];
  ports: (MessagePort | undefined)[];
  data: unknown;
}

type Reply = { ready: true } | { failed: string };

/**
 * Starts `count - 1` worker schedulers for `node` (this isolate's node becomes scheduler 0).
 * They start in the background: a process may be placed on one at once (it runs once that
 * scheduler is ready), and `ready` tells when all have started. One that fails to start, or
 * stops later, is reported to `log` and the node goes on with the others.
 */
export function startSchedulers(node: Node, o: SchedulerOptions): Schedulers {
  const log = o.log ?? ((line: string) => console.error(line));
  if (o.count <= 1) return { count: 1, ready: Promise.resolve(1), stop() {} };
  if (node.schedulerCount !== o.count) {
    throw new RangeError(
      `The node was made for ${node.schedulerCount} scheduler(s), not ${o.count}: ` +
        "give the count as `schedulers` when making it",
    );
  }
  const shared = new SharedState();
  node.attachShared(shared);
  node.spread = o.placement === "spread";
  // Nothing is placed on a scheduler by load until it is ready.
  for (let i = 1; i < o.count; i++) shared.setLoad(i, STARTING);
  const workers: (Worker | undefined)[] = new Array(o.count).fill(undefined);
  const ports: (MessagePort | undefined)[][] = [];
  for (let i = 0; i < o.count; i++) ports.push(new Array(o.count).fill(undefined));
  for (let i = 1; i < o.count; i++) {
    for (let j = i + 1; j < o.count; j++) {
      const c = new MessageChannel();
      ports[i]![j] = c.port1;
      ports[j]![i] = c.port2;
    }
  }
  const siblings = new Siblings(node, new Array(o.count).fill(undefined), log);
  const started: Promise<boolean>[] = [];
  for (let i = 1; i < o.count; i++) {
    // Making a Worker takes the calling thread about ten milliseconds (a new isolate), so it is
    // made once this turn is over: what is sent to it before then waits, after its setup.
    let worker: Worker | undefined;
    const early: [unknown, Transferable[]][] = [];
    siblings.connectTo(i, {
      postMessage(m, transfer) {
        if (worker !== undefined) worker.postMessage(m, transfer);
        else early.push([m, transfer]);
      },
    });
    started.push(
      new Promise((resolve) => {
        setTimeout(() => {
          const w = worker = new Worker(o.entry, { type: "module" });
          workers[i] = w;
          let up = false;
          const gone = (why: string) => {
            log(
              up
                ? `** Scheduler ${i + 1} stopped: ${why}; its processes are gone **`
                : `** Scheduler ${i + 1} could not start: ${why} **`,
            );
            w.terminate();
            workers[i] = undefined;
            schedulerGone(node, siblings, shared, i);
            resolve(false);
          };
          w.onmessage = (e: MessageEvent<Reply>) => {
            if ("failed" in e.data) return gone(e.data.failed);
            up = true;
            w.onmessage = (m: MessageEvent<Batch>) => siblings.receive(m.data);
            resolve(true);
          };
          w.onerror = (e: ErrorEvent) => {
            e.preventDefault();
            gone(e.message);
          };
          const gl = node.defaultGroupLeader;
          const init: Init = {
            up: node.router?.nodes() ?? [],
            spread: o.placement === "spread",
            index: i,
            count: o.count,
            name: node.name,
            creation: node.creation,
            buffer: shared.buffer,
            groupLeader: [gl.id, gl.serial, gl.creation],
            ports: ports[i]!,
            data: o.data,
          };
          w.postMessage(init, ports[i]!.filter((p): p is MessagePort => p !== undefined));
          for (const [m, transfer] of early) w.postMessage(m, transfer);
          early.length = 0;
        }, 0);
      }),
    );
  }
  return {
    count: o.count,
    ready: Promise.all(started).then((ok) => 1 + ok.filter((x) => x).length),
    stop() {
      for (const w of workers) w?.terminate();
    },
  };
}

// A worker scheduler is gone: its names are freed, no process is placed there again, and every
// scheduler treats links and monitors to its processes as a lost connection.
function schedulerGone(node: Node, siblings: Siblings, shared: SharedState, i: number): void {
  siblings.drop(i);
  shared.setLoad(i, GONE);
  for (const [name, id, serial] of shared.names()) {
    if (id % node.schedulerCount === i) shared.unregister(name, id, serial);
  }
  siblings.schedulerDown(i);
  lostScheduler(node, i);
}

/**
 * Serves as a worker scheduler: called once by the worker's entry module. `setup` runs before
 * any process does, with the `data` the main isolate gave.
 */
export function serveScheduler(setup?: (data: unknown, node: Node) => void | Promise<void>): void {
  const scope = globalThis as unknown as {
    onmessage: ((e: MessageEvent) => void) | null;
    postMessage(m: unknown, transfer?: Transferable[]): void;
  };
  scope.onmessage = async (e: MessageEvent<Init>) => {
    const init = e.data;
    try {
      setLocalNode(init.name);
      const node = new Node({ name: init.name, creation: init.creation, schedulers: init.count });
      node.index = init.index;
      node.spread = init.spread;
      node.attachShared(new SharedState(init.buffer));
      const [id, serial, creation] = init.groupLeader;
      node.defaultGroupLeader = new Pid(init.name, id, serial, creation);
      node.reportCrash = (p, reason) => putCharsAsync(node, p.groupLeader, crashReport(p, reason));
      setDefaultNode(node);
      const main: Endpoint = {
        postMessage: (m, transfer) => scope.postMessage(m, transfer),
      };
      const endpoints: (Endpoint | undefined)[] = init.ports.map((p) => p);
      endpoints[0] = main;
      const siblings = new Siblings(node, endpoints, (line) => console.error(line));
      siblings.nodesUp(init.up);
      // What comes before the setup is done waits for it: it may start processes of its code.
      let early: Batch[] | null = [];
      const take = (m: MessageEvent<Batch>) => {
        if (early !== null) early.push(m.data);
        else siblings.receive(m.data);
      };
      scope.onmessage = take;
      for (const p of init.ports) if (p !== undefined) p.onmessage = take;
      await setup?.(init.data, node);
      for (const b of early) siblings.receive(b);
      early = null;
      node.shared?.setLoad(init.index, 0);
      scope.postMessage({ ready: true } satisfies Reply);
    } catch (err) {
      scope.postMessage({ failed: (err as Error).message ?? String(err) } satisfies Reply);
    }
  };
}
