/**
 * Start-up: seconds from the command to the shell's prompt, for `deno task node` (the same
 * main.ts as the executable), the best of a few runs.
 *
 * @module
 */

const ROOT = new URL("../", import.meta.url).pathname;

async function once(): Promise<number> {
  const t0 = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts"],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!seen.includes("lfe> ")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`The shell ended before its prompt: ${seen}`);
    seen += value;
  }
  const dt = (performance.now() - t0) / 1000;
  await child.stdin.close();
  await reader.cancel();
  await child.status;
  return dt;
}

/** Runs the startup group, printing one line per figure. */
export async function benchStartup(print: (name: string, value: number) => void): Promise<void> {
  let best = Infinity;
  for (let i = 0; i < 5; i++) best = Math.min(best, await once());
  print("startup_seconds", Math.round(best * 1000) / 1000);
}
