// The printers' deep character lists against LFE 2.2's and OTP 25's, case by case: the cases of
// otp_cases/lfe_print.jsonl and erl_print.jsonl, written by otp_cases/gen_print.escript, call
// lfe_io:print1, prettyprint1 and format1, and io_lib:write, print and format, on random terms
// and formats; each result must be exactly the list real LFE or OTP built, shape and all, not
// only its text. Erlang's pretty printer (io_lib:print, ~p) builds OTP's shape for a term that
// fits on its line; one laid out over lines, or on a line narrower than the term, has OTP's
// text in a shape of its own, so for those only the text is compared.
import assert from "node:assert/strict";
import { evalForm, readAll } from "../../../lfe/mod.ts";
import { ErlangError } from "../../../runtime/errors.ts";
import { createNode, iodataToString, run, setDefaultNode } from "../../../runtime/mod.ts";
import { exactEq } from "../../../runtime/term_order.ts";
import type { Term } from "../../../runtime/terms.ts";
import { checkOtpCases, otpCases } from "./_otp_cases.ts";

Deno.test("lfe_io:print1, prettyprint1 and format1 build the lists LFE 2.2 builds", async () => {
  await checkOtpCases("lfe_print", 1000);
});

Deno.test("io_lib:write, print and format build the lists OTP 25 builds", async () => {
  const cases = await otpCases("erl_print");
  const failures: string[] = [];
  let exact = 0, layouts = 0;
  setDefaultNode(createNode({ output: () => {} }));
  await run(function* () {
    for (const c of cases) {
      let got: Term;
      try {
        got = ["value", (yield* evalForm(readAll(c.expr)[0] as Term)) as Term];
      } catch (e) {
        if (!(e instanceof ErlangError)) throw e;
        got = [e.cls, e.reason];
      }
      const want = readAll(c.want)[0] as Term;
      if (exactEq(got, want)) {
        exact++;
        continue;
      }
      const pretty = c.expr.startsWith("(io_lib:print") ||
        (c.expr.startsWith("(io_lib:format") && /~[0-9.\-]*[tl]*[pP]/.test(c.expr));
      const text = (t: Term) => Array.isArray(t) && t[0] === "value" ? iodataToString(t[1]!) : "";
      if (pretty && text(got) !== "" && text(got) === text(want)) layouts++;
      else {failures.push(
          `${c.expr}\n  got      ${JSON.stringify(text(got))}\n  expected ${c.want}`,
        );}
    }
  });
  assert.deepEqual(failures.slice(0, 10), []);
  assert.ok(cases.length >= 1000 && exact >= 980, `${exact} exact of ${cases.length}`);
  assert.ok(layouts <= 120, `${layouts} laid out in a shape of their own`);
});
