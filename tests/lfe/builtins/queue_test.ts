import { QUEUE } from "../../../lfe/builtins/queue.ts";
import { arrayToList, list, nameFun, type Term } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, is, raises, t, value } from "./_check.ts";

const q = (key: string) => fn(QUEUE, key);

Deno.test("queue: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("queue", 1000);
});

Deno.test("queue: the representation is OTP's {RearList, FrontList}", () => {
  is(q("from_list/1")(list(1, 2, 3, 4, 5)), "#((5 4 3) (1 2))");
  is(q("in/2")(1, q("new/0")()), "#((1) ())");
  is(q("in/2")(2, t("#((1) ())")), "#((2) (1))");
  is(q("out/1")(t("#((5 4 3) ())")), "#(#(value 3) #((5) (4)))");
  raises(() => q("get/1")(t("#(() ())")), "empty");
  raises(() => q("len/1")("a"), "badarg");
});

Deno.test("queue: fold visits the front list, then the rear from its end", async () => {
  const cons = nameFun((x: Term, acc: Term) => arrayToList([x], acc), {
    module: "test",
    name: "-cons-",
    arity: 2,
  });
  is(await value(q("fold/3")(cons, null, t("#((5 4) (1 2 3))"))), "(5 4 3 2 1)");
});
