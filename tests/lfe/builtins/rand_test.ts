import assert from "node:assert/strict";
import { normalTables } from "../../../tools/rand_tables.ts";
import { NORMAL_F, NORMAL_K, NORMAL_W } from "../../../lfe/builtins/_rand_tables.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { RAND } from "../../../lfe/builtins/rand.ts";
import { exactEq } from "../../../runtime/mod.ts";
import { Float, type Term } from "../../../runtime/terms.ts";
import { fn, inProcess, is, t } from "./_check.ts";

Deno.test("rand: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("rand", 1000);
});

Deno.test("rand: the ziggurat's tables are the ones computed from its constants", () => {
  const { kiwi, fi } = normalTables();
  assert.deepEqual(NORMAL_K, kiwi.map(([k]) => Number(k)));
  assert.deepEqual(NORMAL_W, kiwi.map(([, w]) => w));
  assert.deepEqual(NORMAL_F, fi);
  // Spot values as OTP 25's rand.erl holds them.
  assert.equal(NORMAL_K[0], 2104047571236786);
  assert.equal(NORMAL_W[255], 1.6227698675312968e-15);
  assert.equal(NORMAL_F[254], 2.6090727461021627e-03);
});

Deno.test("rand: a process that never seeded draws from a fresh exsss state", async () => {
  const r = (key: string) => fn(RAND, key);
  // deno-lint-ignore require-yield
  const [x, n, state] = await inProcess(function* () {
    const x = r("uniform/0")() as Float;
    const n = r("uniform/1")(6) as number;
    return [x, n, r("export_seed/0")()];
  }) as [Float, number, Term[]];
  assert.ok(x instanceof Float && x.value >= 0 && x.value < 1);
  assert.ok(n >= 1 && n <= 6);
  is(state[0]!, t("exsss"));
  // Two processes seeded from the clock differ.
  // deno-lint-ignore require-yield
  const a = await inProcess(function* () {
    return r("export_seed_s/1")(r("seed_s/1")("exrop"));
  });
  // deno-lint-ignore require-yield
  const b = await inProcess(function* () {
    return r("export_seed_s/1")(r("seed_s/1")("exrop"));
  });
  assert.ok(!exactEq(a as Term, b as Term));
});

Deno.test("rand: uniform and normal draws are spread as they should be", async () => {
  const r = (key: string) => fn(RAND, key);
  // deno-lint-ignore require-yield
  const [mean, variance, buckets] = await inProcess(function* () {
    r("seed/2")("exsss", 2026);
    let sum = 0, sq = 0;
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100000; i++) {
      const z = (r("normal/0")() as Float).value;
      sum += z;
      sq += z * z;
      counts[(r("uniform/1")(10) as number) - 1]++;
    }
    return [sum / 100000, sq / 100000, counts];
  }) as [number, number, number[]];
  assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.03, `variance ${variance}`);
  for (const c of buckets) assert.ok(Math.abs(c - 10000) < 500, `bucket ${c}`);
});
