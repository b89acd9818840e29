import { CALENDAR } from "../../../lfe/builtins/calendar.ts";
import { charlist } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t } from "./_check.ts";

const c = (key: string) => fn(CALENDAR, key);

Deno.test("calendar: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("calendar", 1000);
});

Deno.test("calendar: days and dates both ways", () => {
  is(c("date_to_gregorian_days/3")(2000, 1, 1), 730485);
  is(c("gregorian_days_to_date/1")(730485), t("#(2000 1 1)"));
  is(c("iso_week_number/1")(t("#(2021 1 3)")), t("#(2020 53)"));
  raises(() => c("date_to_gregorian_days/3")(2001, 2, 29), "if_clause");
});

Deno.test("calendar: RFC 3339 text both ways", () => {
  const opts = t('(#(unit millisecond) #(offset "+02:00"))');
  is(c("system_time_to_rfc3339/2")(1500, opts), charlist("1970-01-01T02:00:01.500+02:00"));
  is(
    c("rfc3339_to_system_time/2")(
      charlist("1970-01-01T02:00:01.5+02:00"),
      t("(#(unit millisecond))"),
    ),
    1500,
  );
});
