import { checkOtpCases } from "./_otp_cases.ts";

Deno.test("io_lib: format/3, the format's pieces, write/3, limit_term, prompts and the continuation functions give what OTP 25 gave", async () => {
  await checkOtpCases("io_lib_more", 200);
});
