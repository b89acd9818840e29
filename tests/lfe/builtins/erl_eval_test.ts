import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("erl_eval: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("erl_eval", 80);
});
