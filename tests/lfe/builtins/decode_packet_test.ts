import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("erlang:decode_packet/3: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("decode_packet", 250);
});
