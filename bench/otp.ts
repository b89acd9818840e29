/**
 * The otp workloads: `gen_server:call` round trips per second and `ets:insert` and
 * `ets:lookup` per second (bench/otp.lfe, compiled by our LFE compiler, run by our node), then
 * the same in Erlang (bench/otp.erl) on BEAM where `erl` and `erlc` are installed, printed with
 * a `beam_` prefix so that the two are compared in one run.
 *
 * @module
 */

import { loadFile, registerBuiltins } from "../lfe/mod.ts";
import { installCodePathLoader } from "../lfe/loader.ts";
import { findFunction, type Proc, resolve, run, type Term } from "../runtime/mod.ts";

function* otp(fn: string, n: number): Proc<Term> {
  const f = findFunction("otp", fn, 1);
  if (f === undefined) throw new Error(`otp:${fn}/1 is not loaded`);
  return yield* resolve(f(n));
}

async function timed(fn: string, n: number): Promise<Term> {
  let r: Term = 0;
  await run(function* () {
    r = yield* otp(fn, n);
  });
  return r;
}

async function beam(print: (name: string, value: number) => void): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    const src = new URL("./otp.erl", import.meta.url).pathname;
    const c = await new Deno.Command("erlc", { args: ["-o", dir, src] }).output().catch(() => null);
    if (c === null || c.code !== 0) {
      console.error("erlc is not installed: the BEAM side of the otp group is left out");
      return;
    }
    const out = await new Deno.Command("erl", {
      args: ["-noshell", "-pa", dir, "-s", "otp", "main"],
      stdout: "piped",
    }).output();
    for (const line of new TextDecoder().decode(out.stdout).split("\n")) {
      const m = /^(\S+) (\d+)$/.exec(line);
      if (m !== null) print(m[1] as string, Number(m[2]));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Runs the otp group, printing one line per figure. */
export async function benchOtp(print: (name: string, value: number) => void): Promise<void> {
  registerBuiltins();
  installCodePathLoader();
  loadFile(new URL("./otp.lfe", import.meta.url).pathname);
  await timed("calls", 50_000);
  print("otp_gen_server_calls_per_s", (await timed("calls", 300_000)) as number);
  await timed("ets_ops", 100_000);
  const [ins, look] = (await timed("ets_ops", 1_000_000)) as number[];
  print("otp_ets_inserts_per_s", ins as number);
  print("otp_ets_lookups_per_s", look as number);
  await beam(print);
}
