/** Helpers for the port mapper tests: free ports, the real `epmd`, waiting for a condition. */

import { lookup } from "node:dns/promises";
import { listNames } from "../../net/epmd_client.ts";
export { runProgram } from "../_run.ts";

/** Whether `program` is on PATH. */
export function onPath(program: string): boolean {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (dir === "") continue;
    try {
      if (Deno.statSync(`${dir}/${program}`).isFile) return true;
    } catch { /* not here */ }
  }
  return false;
}

/** Whether `host` names this machine's loopback, so that traffic to it stays on the machine. */
export async function isLoopback(host: string): Promise<boolean> {
  try {
    const { address } = await lookup(host);
    return address.startsWith("127.") || address === "::1";
  } catch {
    return false;
  }
}

/** A port from 20000 up that nothing listens on just now. */
export function freePort(): number {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000); // below the ephemeral range
    try {
      Deno.listen({ port, hostname: "0.0.0.0" }).close();
      return port;
    } catch { /* taken: try another */ }
  }
}

/** Polls `test` every 50 ms until it holds, failing after `ms`. */
export async function waitFor(what: string, test: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a port mapper answers NAMES on 127.0.0.1:`port`. */
export async function answers(port: number): Promise<boolean> {
  try {
    await listNames("127.0.0.1", port, { timeout: 1000 });
    return true;
  } catch {
    return false;
  }
}

/** The real `epmd` in the foreground on `port`, as a child to kill by its pid. */
export async function startRealEpmd(port: number): Promise<Deno.ChildProcess> {
  const child = new Deno.Command("epmd", {
    args: ["-port", String(port)],
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await waitFor(`epmd on port ${port}`, () => answers(port));
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return child;
}

/**
 * Stops a child process by its pid and waits for it: SIGTERM, then SIGKILL if it is still there
 * after a while (a BEAM that is still booting drops SIGTERM).
 */
export async function stopChild(child: Deno.ChildProcess): Promise<void> {
  const kill = (signal: Deno.Signal) => {
    try {
      child.kill(signal);
    } catch { /* ended already */ }
  };
  kill("SIGTERM");
  const timer = setTimeout(() => kill("SIGKILL"), 2000);
  try {
    await child.status;
  } finally {
    clearTimeout(timer);
  }
}
