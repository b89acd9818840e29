import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("erl_parse: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("erl_parse", 230);
});
