/** Runs a Deno subcommand of this project as an OS process and collects what it prints. */

const DENO = Deno.execPath();
const ROOT = new URL("../", import.meta.url).pathname;

/** What a finished command printed, and how it ended. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end, with `stdin` closed, and collects what it printed. */
export async function runProgram(
  program: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<Ran> {
  const out = await new Deno.Command(program, {
    args,
    env,
    ...(cwd !== undefined ? { cwd } : {}),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** Runs `deno ARGS...` in the project root, with `stdin` closed, and waits for it to end. */
export function runDeno(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return runProgram(DENO, args, env, ROOT);
}

/**
 * Runs `deno ARGS...` (in the project root unless `cwd` says otherwise) with `input` on its
 * standard input, closed after it, and waits for it to end.
 */
export async function runDenoWithInput(
  args: string[],
  input: string,
  o: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  const child = new Deno.Command(DENO, {
    args,
    cwd: o.cwd ?? ROOT,
    ...(o.env !== undefined ? { env: o.env } : {}),
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(input));
  await w.close();
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}
