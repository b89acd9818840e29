/**
 * LFE's own test suites (the `test/` folder of an lfe/lfe checkout named by `LFE_DIR`) run on
 * this runtime through tools/lfe_suites.ts: every case of guard_SUITE, andor_SUITE, eval_SUITE,
 * maybe_SUITE, tqstring_SUITE, clj-tests and maps-tests must pass, as on real LFE 2.2 (135
 * cases). Ignored where no checkout is given: LFE's files are not part of this repository.
 */

import { strictEqual } from "node:assert/strict";

const LFE_DIR = Deno.env.get("LFE_DIR");

Deno.test({
  name: "LFE 2.2's own test suites pass here, case for case",
  ignore: LFE_DIR === undefined,
  async fn() {
    const tool = new URL("../../tools/lfe_suites.ts", import.meta.url).pathname;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-all", tool, LFE_DIR!],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    const last = text.trim().split("\n").pop();
    strictEqual(last, "135 passed, 0 failed", text);
    strictEqual(out.code, 0);
  },
});
