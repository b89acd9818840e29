import assert from "node:assert/strict";
import { TIMER } from "../../../lfe/builtins/timer.ts";
import { ERLANG } from "../../../lfe/builtins/erlang.ts";
import { defineModule } from "../../../runtime/code.ts";
import { $, after, on, receive, self, send, spawn } from "../../../runtime/mod.ts";
import { float, list, nameFun, type Pid, type Term } from "../../../runtime/terms.ts";
import { fn, inProcess, is, raises, raisesIn } from "./_check.ts";

const tm = (key: string) => fn(TIMER, key);

Deno.test("sleep/1 waits in a receive while other processes run", async () => {
  const log: string[] = [];
  const got = await inProcess(function* () {
    spawn(function* () {
      log.push("other ran");
    });
    const t0 = performance.now();
    const r = yield* tm("sleep/1")(20);
    log.push("woke");
    return [r, performance.now() - t0 >= 15];
  });
  is(got, "#(ok true)");
  assert.deepEqual(log, ["other ran", "woke"]);
});

Deno.test("sleep/1 leaves the mailbox alone and refuses a bad time with timeout_value", async () => {
  const got = await inProcess(function* () {
    send(self(), "kept");
    yield* tm("sleep/1")(0);
    return yield* receive(on("kept", () => "kept"), after(0, () => "lost"));
  });
  is(got, "kept");
  await raisesIn(() => tm("sleep/1")("a"), "timeout_value");
  await raisesIn(() => tm("sleep/1")(-1), "timeout_value");
});

Deno.test("tc/1,2,3 time a call, in microseconds, with its value", async () => {
  const waiter = nameFun(function* () {
    yield* receive(on("nothing", () => null), after(10, () => null));
    return "done";
  }, { module: "test", name: "-waiter-", arity: 0 });
  const [us, v] = (await inProcess(() => tm("tc/1")(waiter))) as [number, Term];
  is(v, "done");
  assert.ok(us >= 8000 && us < 1_000_000, `${us} us`);
  const adder = nameFun((a: number, b: number) => a + b, { module: "t", name: "a", arity: 2 });
  const [, sum] = (await inProcess(() => tm("tc/2")(adder, list(1, 2)))) as [number, Term];
  is(sum, 3);
  const [, abs] = (await inProcess(() => tm("tc/3")("erlang", "abs", list(-1)))) as [number, Term];
  is(abs, 1);
  await raisesIn(() => tm("tc/3")("erlang", "nosuch", null), "undef");
});

Deno.test("time conversions", () => {
  is(tm("seconds/1")(2), 2000);
  is(tm("minutes/1")(float(1.5)), "90000.0");
  is(tm("hours/1")(1), 3600000);
  is(tm("hms/3")(1, 2, 3), 3723000);
  raises(() => tm("seconds/1")("a"), "badarith");
  is(tm("now_diff/2")([1, 2, 3], [1, 1, 0]), 1000003);
});

Deno.test("send_after/2,3 and cancel/1", async () => {
  const got = await inProcess(function* () {
    const me = self();
    const [ok, tref] = tm("send_after/3")(5, me, "ping") as [Term, Term[]];
    is(ok, "ok");
    is(tref[0], "send_local");
    const [, tref2] = tm("send_after/2")(1, "late") as [Term, Term];
    is(tm("cancel/1")(tref2), "#(ok cancel)");
    is(tm("send_after/3")("a", me, "x"), "#(error badarg)");
    is(tm("send_after/3")(10, 1, "x"), "#(error badarg)");
    is(tm("send_after/3")(-1, me, "x"), "#(error badarg)");
    is(tm("cancel/1")("a"), "#(error badarg)");
    const first = yield* receive(on($("m"), ({ m }) => m));
    const more = yield* receive(on($("m"), ({ m }) => m), after(20, () => "none"));
    return [first, more];
  });
  is(got, "#(ping none)");
});

Deno.test("apply_after/4 starts a process running m:f(args...) later", async () => {
  defineModule("timer_test_mod", {
    "tell/2": (to: Pid, what: Term) => (ERLANG["!/2"] as (a: Term, b: Term) => Term)(to, what),
  });
  const got = await inProcess(function* () {
    const me = self();
    const [ok] = tm("apply_after/4")(5, "timer_test_mod", "tell", list(me, "hi")) as Term[];
    const [, tref] = tm("apply_after/4")(5, "timer_test_mod", "tell", list(me, "cancelled"));
    tm("cancel/1")(tref);
    const m1 = yield* receive(on($("m"), ({ m }) => m), after(500, () => "none"));
    const m2 = yield* receive(on($("m"), ({ m }) => m), after(30, () => "none"));
    return [ok, m1, m2];
  });
  is(got, "#(ok hi none)");
});
