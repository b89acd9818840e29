/**
 * Terminal scenarios in tmux (Debian's `tmux`): a node started in a real terminal as a user
 * starts it, keys typed as a person types them, and the screen read back. Each scenario has a
 * tmux server of its own (`-L`); every process a pane started is ended by pid in `stop()`.
 *
 * @module
 */

import type { Cluster } from "./_cluster.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Whether tmux can be run here. */
export const hasTmux = (() => {
  try {
    return new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
})();

function sh(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// The pids of `pid` and every process under it, from /proc.
function tree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${e.name}/stat`);
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(e.name));
      parents.set(ppid, list);
    } catch { /* gone meanwhile */ }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of parents.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** A tmux server of one scenario and its terminals. */
export class Terminals {
  readonly #socket = `lfe-test-${Deno.pid}-${Math.floor(Math.random() * 1e9)}`;
  readonly #cluster: Cluster;
  readonly #pids: number[] = [];

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  #tmux(args: string[]): string {
    const r = new Deno.Command("tmux", { args: ["-L", this.#socket, ...args] }).outputSync();
    return new TextDecoder().decode(r.stdout);
  }

  /**
   * Opens terminal `name` running `deno ARGS` in the project root, with the cluster's port
   * mapper and HOME (or `home`), and no NODE_ERL_FLAGS: the node's own defaults.
   */
  open(name: string, args: string[], o: { home?: string; program?: string } = {}): void {
    const env = `HOME=${sh(o.home ?? this.#cluster.home)} ERL_EPMD_PORT=${this.#cluster.epmdPort}`;
    const program = o.program ?? Deno.execPath();
    const run = `env -u NODE_ERL_FLAGS ${env} TERM=xterm ${sh(program)} ${args.map(sh).join(" ")}`;
    // The shell around it says how it ended, for exited().
    const cmd = `sh -c ${sh(`${run}; echo "[exited $?]"`)}`;
    this.#tmux(["new-session", "-d", "-s", name, "-x", "160", "-y", "50", "-c", ROOT, cmd]);
    this.#tmux(["set-option", "-t", name, "remain-on-exit", "on"]);
    const pid = Number(this.#tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trim());
    if (pid > 0) this.#pids.push(pid);
  }

  /** Types `text` as keys (no Enter). */
  type(name: string, text: string): void {
    this.#tmux(["send-keys", "-t", name, "-l", text]);
  }

  /** Types `text` and Enter. */
  line(name: string, text: string): void {
    this.type(name, text);
    this.key(name, "Enter");
  }

  /** Presses a key by tmux's name for it (`C-g`, `Enter`). */
  key(name: string, key: string): void {
    this.#tmux(["send-keys", "-t", name, key]);
  }

  /** What terminal `name` shows, trailing spaces of each line taken off. */
  screen(name: string): string {
    return this.#tmux(["capture-pane", "-p", "-t", name, "-S", "-2000"]).split("\n")
      .map((l) => l.trimEnd()).join("\n").trimEnd();
  }

  /** The exit status of the terminal's program once it has ended. */
  exited(name: string): number | undefined {
    const m = /\[exited (\d+)\]/.exec(this.screen(name));
    return m === null ? undefined : Number(m[1]);
  }

  /** Waits until the screen of `name` satisfies `test`; throws with the screen if it does not. */
  async until(
    name: string,
    test: (screen: string) => boolean,
    timeoutMs = 15_000,
  ): Promise<string> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen(name);
      if (test(s)) return s;
      if (Date.now() > end) throw new Error(`The terminal ${name} shows:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Ends every process the terminals started (by pid), then the tmux server. */
  async stop(): Promise<void> {
    for (const root of this.#pids) {
      for (const pid of tree(root).reverse()) {
        try {
          Deno.kill(pid, "SIGKILL");
        } catch { /* gone */ }
      }
    }
    this.#tmux(["kill-server"]);
    await new Promise((r) => setTimeout(r, 50));
  }
}
