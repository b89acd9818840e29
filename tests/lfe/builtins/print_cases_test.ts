// The printers' deep character lists against LFE 2.2's, case by case: the cases of
// otp_cases/lfe_print.jsonl, written by otp_cases/gen_print.escript, call lfe_io:print1,
// prettyprint1 and format1 on random terms and formats; each result must be exactly the list
// real LFE built, shape and all, not only its text.
import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("lfe_io:print1, prettyprint1 and format1 build the lists LFE 2.2 builds", async () => {
  await checkOtpCases("lfe_print", 1000);
});
