/**
 * The BIFs of `erlang` whose answers hang on the running node (clocks, timers, counts, the
 * atoms seen, processes), which recorded cases cannot pin down: their shapes and how they
 * move, against OTP 25's documented behaviour.
 */

import assert from "node:assert/strict";
import { ERLANG } from "../../../lfe/builtins/erlang.ts";
import { readAll } from "../../../lfe/mod.ts";
import { $, on, receive, self, sleep, spawn } from "../../../runtime/mod.ts";
import {
  arrayToList,
  charlist,
  listToArray,
  type Pid,
  type Ref,
  type Term,
} from "../../../runtime/terms.ts";
import { fn, inProcess, is, raises, raisesIn, value } from "./_check.ts";
import { checkOtpCases } from "./_otp_cases.ts";

const e = (key: string) => fn(ERLANG, key);

Deno.test("erlang: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("erlang", 1500);
});

Deno.test("system_info: the release, the counts of processes and atoms, the schedulers", async () => {
  is(await value(e("system_info/1")("otp_release")), charlist("25"));
  is(await value(e("system_info/1")("wordsize")), 8);
  const count = await inProcess(function* () {
    spawn(function* () {
      yield* sleep(50);
    });
    return (yield* e("system_info/1")("process_count")) as Term;
  });
  assert.ok(typeof count === "number" && count >= 2, `process_count ${String(count)}`);
  assert.ok((await value(e("system_info/1")("atom_count")) as number) > 10);
  is(await value(e("system_info/1")("schedulers")), 1);
  await raisesIn(() => e("system_info/1")("no_such_key"), "badarg");
});

Deno.test("statistics: run time and wall clock go up, each with the time since the last call", async () => {
  const [t1] = (await value(e("statistics/1")("wall_clock"))) as number[];
  await new Promise((r) => setTimeout(r, 30));
  const [t2, since] = (await value(e("statistics/1")("wall_clock"))) as number[];
  assert.ok(
    (t2 as number) >= (t1 as number) + 25 && (since as number) >= 25,
    `${t1} ${t2} ${since}`,
  );
  const [cpu] = (await value(e("statistics/1")("runtime"))) as number[];
  assert.ok(typeof cpu === "number" && cpu >= 0);
  const [reds] = (await value(e("statistics/1")("reductions"))) as number[];
  assert.ok(typeof reds === "number" && reds >= 0);
});

Deno.test("memory: every kind, in bytes, a list for a list of kinds", () => {
  const kinds = listToArray(e("memory/0")() as Term).map((p) => (p as Term[])[0] as Term);
  is(
    arrayToList(kinds),
    readAll("(total processes processes_used system atom atom_used binary code ets)")[0] as Term,
  );
  assert.ok((e("memory/1")("total") as number) > 0);
  const two = listToArray(e("memory/1")(readAll("(atom binary)")[0] as Term));
  is(arrayToList(two.map((p) => (p as Term[])[0] as Term)), readAll("(atom binary)")[0] as Term);
  raises(() => e("memory/1")("maximum"), "badarg");
});

Deno.test("start_timer sends #(timeout Ref Msg); read_timer and cancel_timer tell the time left", async () => {
  const got = await inProcess(function* () {
    const ref = e("start_timer/3")(20, self(), "ping") as Ref;
    const left = e("read_timer/1")(ref) as number;
    assert.ok(left > 0 && left <= 20, `left ${left}`);
    const msg = yield* receive(on(["timeout", $("r"), $("m")], ({ r, m }) => [r, m] as Term));
    is((msg as Term[])[0] as Term, ref);
    return (msg as Term[])[1] as Term;
  });
  is(got, "ping");
  const cancelled = await inProcess(function* () {
    const ref = e("send_after/3")(10_000, self(), "late") as Ref;
    const left = e("cancel_timer/1")(ref) as number;
    yield* sleep(1);
    return [left > 9000, e("cancel_timer/1")(ref), e("read_timer/1")(ref)] as Term;
  });
  is(cancelled, readAll("#(true false false)")[0] as Term);
  await raisesIn(function* () {
    return e("start_timer/4")(10, self(), "x", readAll("(#(abs maybe))")[0] as Term);
  }, "badarg");
});

Deno.test("cancel_timer with async: ok, and the answer comes as a message", async () => {
  const got = await inProcess(function* () {
    const ref = e("start_timer/3")(10_000, self(), "x") as Ref;
    is(e("cancel_timer/2")(ref, readAll("(#(async true))")[0] as Term), "ok");
    return yield* receive(on(["cancel_timer", $("_"), $("left")], ({ left }) => left as Term));
  });
  assert.ok(typeof got === "number" && got > 9000);
});

Deno.test("list_to_existing_atom: an atom read or made exists, another is badarg", () => {
  readAll("(a-freshly-read-atom)");
  is(e("list_to_existing_atom/1")(charlist("a-freshly-read-atom")), "a-freshly-read-atom");
  raises(() => e("list_to_existing_atom/1")(charlist("never-seen-anywhere-atom")), "badarg");
  e("list_to_atom/1")(charlist("made-at-run-time"));
  is(e("list_to_existing_atom/1")(charlist("made-at-run-time")), "made-at-run-time");
  is(e("list_to_existing_atom/1")(charlist("keyfind")), "keyfind"); // a function's name
});

Deno.test("link to a local process that is gone: noproc, or an EXIT message when trapping", async () => {
  await raisesIn(function* () {
    return yield* e("link/1")(e("list_to_pid/1")(charlist("<0.9999.0>")));
  }, "noproc");
  const msg = await inProcess(function* () {
    e("process_flag/2")("trap_exit", true);
    const dead = e("list_to_pid/1")(charlist("<0.9999.0>")) as Pid;
    yield* e("link/1")(dead);
    return yield* receive(on(["EXIT", $("p"), $("r")], ({ r }) => r as Term));
  });
  is(msg, "noproc");
});

Deno.test("unique_integer: monotonic ones go up, positive ones start above 0", () => {
  const opts = readAll("(positive monotonic)")[0] as Term;
  const a = e("unique_integer/1")(opts) as number, b = e("unique_integer/1")(opts) as number;
  assert.ok(a > 0 && b > a);
});
