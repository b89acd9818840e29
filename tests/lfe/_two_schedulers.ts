/** Running an LFE program on a node of two schedulers, in an OS process of its own. */

const MAIN = new URL("../../main.ts", import.meta.url).pathname;

/** What the node wrote. */
export interface Output {
  stdout: string;
  stderr: string;
}

/**
 * Writes `program` as `file` in a new folder and runs `(module:main)` there on a node with two
 * schedulers that take new processes in turn (`+S 2 +Sp spread`), then stops it.
 */
export async function runOnTwoSchedulers(file: string, program: string): Promise<Output> {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/${file}`, program);
    const module = file.replace(/\.lfe$/, "");
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", MAIN, "+S", "2", "+Sp", "spread", "-noshell", "-eval", `(${module}:main)`]
        .concat(["-eval", "(init:stop)"]),
      cwd: dir,
      env: { HOME: dir },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    return { stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
