/**
 * Scenario tests run real OS processes: a port mapper and nodes started with `deno run`, each
 * test with its own port-mapper port and temporary HOME (holding its own cookie). Everything
 * started is stopped in `stop()`, by pid.
 *
 * @module
 */

const DENO = Deno.execPath();
const ROOT = new URL("../../", import.meta.url).pathname;
const SHORT_HOST = Deno.hostname().split(".")[0] as string;

/** The full name of node `alive` on this machine, as `-sname` makes it. */
export function nodeName(alive: string): string {
  return `${alive}@${SHORT_HOST}`;
}

/** A process started by a test: its output, line by line, and its stdin. */
export class Proc {
  readonly child: Deno.ChildProcess;
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly #writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  readonly #waiters = new Set<() => void>();
  readonly done: Promise<Deno.CommandStatus>;

  constructor(child: Deno.ChildProcess, stdin: boolean) {
    this.child = child;
    this.#writer = stdin ? child.stdin.getWriter() : undefined;
    const pump = async (s: ReadableStream<Uint8Array>, into: string[]) => {
      let rest = "";
      for await (const chunk of s.pipeThrough(new TextDecoderStream())) {
        rest += chunk;
        const parts = rest.split("\n");
        rest = parts.pop() as string;
        into.push(...parts);
        for (const w of this.#waiters) w();
      }
      if (rest !== "") into.push(rest);
      for (const w of this.#waiters) w();
    };
    this.done = Promise.all([pump(child.stdout, this.out), pump(child.stderr, this.err)])
      .then(() => child.status);
  }

  /** Sends a command line and waits for the first line after it that matches `re`. */
  async ask(line: string, re: RegExp, timeoutMs = 10_000): Promise<string> {
    const from = this.out.length;
    await this.send(line);
    return await this.waitFor(re, timeoutMs, "out", from);
  }

  /** Waits until a line of stdout (or stderr), from line `from` on, matches; returns it. */
  async waitFor(
    re: RegExp,
    timeoutMs = 10_000,
    stream: "out" | "err" = "out",
    from = 0,
  ): Promise<string> {
    const lines = stream === "out" ? this.out : this.err;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = lines.slice(from).find((l) => re.test(l));
      if (hit !== undefined) return hit;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `No line matching ${re} within ${timeoutMs} ms; stdout:\n${
            this.out.join("\n")
          }\nstderr:\n${this.err.join("\n")}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, Math.min(left, 200));
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.#waiters.add(done);
      });
      this.#waiters.clear();
    }
  }

  /** Sends one line to stdin. */
  async send(line: string): Promise<void> {
    await this.#writer?.write(new TextEncoder().encode(line + "\n"));
  }

  /** Sends a signal, if the process still runs. */
  kill(signal: Deno.Signal = "SIGTERM"): void {
    try {
      this.child.kill(signal);
    } catch { /* already gone */ }
  }

  /** Stops the process (SIGTERM, then SIGKILL) and waits for it. */
  async stop(): Promise<void> {
    await this.#writer?.close().catch(() => {});
    this.kill("SIGTERM");
    const t = setTimeout(() => this.kill("SIGKILL"), 3000);
    await this.done.catch(() => {});
    clearTimeout(t);
  }
}

/** A port mapper and the nodes of one test. */
export class Cluster {
  readonly epmdPort: number;
  readonly home: string;
  readonly #procs: Proc[] = [];
  readonly #dirs: string[];

  private constructor(epmdPort: number, home: string) {
    this.epmdPort = epmdPort;
    this.home = home;
    this.#dirs = [home];
  }

  /** A cluster with its own port mapper (started unless `epmd` is false) and cookie. */
  static async create(o: { cookie?: string; epmd?: boolean } = {}): Promise<Cluster> {
    for (let attempt = 0;; attempt++) {
      // Below the ephemeral range (32768 up), where the nodes' own ports are picked.
      const c = new Cluster(20000 + Math.floor(Math.random() * 12000), await Deno.makeTempDir());
      await c.writeCookie(c.home, o.cookie ?? "clustercookie");
      if (o.epmd === false) return c;
      const epmd = c.spawn(["run", "-A", "main.ts", "epmd", "-port", String(c.epmdPort)]);
      try {
        await c.#waitEpmd(epmd);
        return c;
      } catch (e) {
        await c.stop();
        if (attempt >= 2) throw e;
      }
    }
  }

  async #waitEpmd(epmd: Proc): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (epmd.err.some((l) => /Cannot listen/.test(l))) break;
      try {
        const conn = await Deno.connect({ hostname: "127.0.0.1", port: this.epmdPort });
        conn.close();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`The port mapper did not start: ${epmd.err.join("\n")}`);
  }

  /** Writes a cookie file (mode 0400 unless given) into `home`. */
  async writeCookie(home: string, cookie: string, mode = 0o400): Promise<void> {
    const file = `${home}/.erlang.cookie`;
    try {
      await Deno.chmod(file, 0o600);
    } catch { /* none yet */ }
    await Deno.writeTextFile(file, cookie);
    await Deno.chmod(file, mode);
  }

  /** Another HOME for a node that must not share this cluster's cookie file. */
  async newHome(): Promise<string> {
    const d = await Deno.makeTempDir();
    this.#dirs.push(d);
    return d;
  }

  /** Starts `deno ARGS` in the project root with this cluster's port mapper and HOME. */
  spawn(args: string[], o: { home?: string; stdin?: boolean } = {}): Proc {
    const child = new Deno.Command(DENO, {
      args,
      cwd: ROOT,
      env: { HOME: o.home ?? this.home, ERL_EPMD_PORT: String(this.epmdPort), NO_COLOR: "1" },
      stdin: o.stdin ? "piped" : "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const p = new Proc(child, o.stdin === true);
    this.#procs.push(p);
    return p;
  }

  /** Starts another program (a real `erl`, say) with this cluster's port mapper and HOME. */
  spawnProgram(
    program: string,
    args: string[],
    o: { cwd?: string; home?: string; stdin?: boolean } = {},
  ): Proc {
    const child = new Deno.Command(program, {
      args,
      cwd: o.cwd ?? ROOT,
      env: { HOME: o.home ?? this.home, ERL_EPMD_PORT: String(this.epmdPort) },
      stdin: o.stdin ? "piped" : "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const p = new Proc(child, o.stdin === true);
    this.#procs.push(p);
    return p;
  }

  /** Starts a probe node (tests/distributed/_probe.ts) and waits until it is up. */
  async probe(alive: string, o: { home?: string; ticktime?: number } = {}): Promise<Proc> {
    const args = ["run", "-A", "tests/distributed/_probe.ts", "-sname", alive];
    if (o.ticktime !== undefined) args.push("-net_ticktime", String(o.ticktime));
    const p = this.spawn(args, { stdin: true, ...(o.home ? { home: o.home } : {}) });
    await p.waitFor(/^started /, 20_000);
    return p;
  }

  /** Waits until `node` answers a ping (from a probe node of the cluster's own). */
  async waitForNode(node: string, timeoutMs = 20_000): Promise<void> {
    this.#waiter ??= await this.probe(`waiter${Math.floor(Math.random() * 1e6)}`);
    const end = Date.now() + timeoutMs;
    while ((await this.#waiter.ask(`ping ${node}`, /^p[oa]ng$/)) !== "pong") {
      if (Date.now() > end) throw new Error(`${node} did not come up within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  #waiter: Proc | undefined;

  /** Stops every process this cluster started, and removes its directories. */
  async stop(): Promise<void> {
    await Promise.all(this.#procs.map((p) => p.stop()));
    for (const d of this.#dirs) await Deno.remove(d, { recursive: true }).catch(() => {});
  }
}
