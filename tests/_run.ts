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
