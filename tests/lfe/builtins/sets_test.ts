import { phash } from "../../../lfe/builtins/_phash.ts";
import { SETS } from "../../../lfe/builtins/sets.ts";
import { readAll } from "../../../lfe/reader.ts";
import { Cons, list, type Term } from "../../../runtime/terms.ts";
import { checkOtpCases, otpCases } from "./_otp_cases.ts";
import { fn, is, raises } from "./_check.ts";

const s = (key: string) => fn(SETS, key);

Deno.test("sets: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("sets", 400);
});

Deno.test("erlang:phash/2, which places set and dict elements, gives BEAM's value", async () => {
  let n = 0;
  for (const c of await otpCases("phash")) {
    // (erlang:phash 'T Range)
    const call = readAll(c.expr)[0] as Cons;
    const quoted = (call.tl as Cons).hd as Cons;
    const range = ((call.tl as Cons).tl as Cons).hd as number;
    const term = (quoted.tl as Cons).hd as Term;
    is(phash(term, range), (readAll(c.want)[0] as Term[])[1] as Term, c.expr);
    n++;
  }
  if (n < 400) throw new Error(`${n} cases`);
});

Deno.test("sets: version 1 is the default, version 2 a map", () => {
  is(
    s("from_list/1")(list("a", "b")),
    "#(set 2 16 16 8 80 48 #(() () () () () () () () () () () () () () () ()) " +
      "#(#(() (a) (b) () () () () () () () () () () () () ())))",
  );
  is(s("from_list/2")(list("a", "b"), list(["version", 2])), "#M(a () b ())");
  raises(() => s("size/1")("a"), "function_clause");
});
