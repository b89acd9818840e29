import assert from "node:assert/strict";
import { ERLANG } from "../../../lfe/builtins/erlang.ts";
import { $, _, after, exactEq, on, receive, run } from "../../../runtime/mod.ts";
import { defineModule } from "../../../runtime/code.ts";
import { resolve } from "../../../runtime/call.ts";
import { ErlangError } from "../../../runtime/errors.ts";
import { list, listToArray, nameFun, Pid, Ref, type Term } from "../../../runtime/terms.ts";
import { fn, inProcess, is, raises, raisesIn, t } from "./_check.ts";
import { freshNode } from "../../runtime/_node.ts";
import { runDeno } from "../../_run.ts";

const e = (key: string) => fn(ERLANG, key);

// A fun that waits for a message before it answers, as compiled LFE with a receive is.
const waitThenDouble = nameFun(function* (x: number) {
  const y = yield* receive(on(["go", $("n")], ({ n }) => n as number));
  return x * 2 + y;
}, { module: "test", name: "-waiter-", arity: 1 });

defineModule("erlang_test_mod", {
  "echo/2": function* (to: Pid, x: Term) {
    e("!/2")(to, ["echoed", x]);
    return yield* receive(on("stop", () => "ok"));
  },
  "add/2": (a: number, b: number) => a + b,
});

Deno.test("apply/2 runs a fun that waits; apply/3 finds module functions", async () => {
  const v = await inProcess(function* () {
    e("!/2")(e("self/0")(), ["go", 1]);
    return yield* resolve(e("apply/2")(waitThenDouble, list(20)));
  });
  is(v, 41);
  is(await inProcess(() => e("apply/3")("erlang_test_mod", "add", list(1, 2))), 3);
  is(await inProcess(() => e("apply/3")("erlang", "abs", list(-1))), 1);
});

Deno.test("apply raises what Erlang raises: undef, badfun, badarity, badarg", async () => {
  await raisesIn(() => e("apply/3")("erlang", "nosuch", list(1)), "undef");
  await raisesIn(() => e("apply/3")("nosuchmod", "f", null), "undef");
  await raisesIn(() => e("apply/2")(1, list(1)), "#(badfun 1)");
  await raisesIn(() => e("apply/3")(1, "abs", list(1)), "badarg");
  await raisesIn(() => e("apply/3")("erlang", "abs", t("(-1 . a)")), "badarg");
  try {
    await inProcess(() => e("apply/2")(waitThenDouble, list(1, 2)));
    assert.fail("no error");
  } catch (err) {
    assert.ok(err instanceof ErlangError);
    const [tag, [f, args]] = err.reason as [string, [Term, Term]];
    assert.equal(tag, "badarity");
    assert.equal(f, waitThenDouble);
    is(args, "(1 2)"); // the arguments as a list, as in Erlang
  }
  const err = await inProcess(() => e("apply/3")("erlang", "nosuch", list(1))).catch((x) => x);
  is((err as ErlangError).stackTerm, "(#(erlang nosuch (1) ()))");
});

Deno.test("spawn/1, spawn/3 and spawn_monitor run funs and module functions", async () => {
  const got = await inProcess(function* () {
    const me = e("self/0")() as Pid;
    e("spawn/1")(nameFun(() => e("!/2")(me, "from-fun"), { module: "t", name: "f", arity: 0 }));
    const echo = e("spawn/3")("erlang_test_mod", "echo", list(me, 42));
    const a = yield* receive(on("from-fun", () => "from-fun"));
    const b = yield* receive(on(["echoed", $("x")], ({ x }) => x));
    const [pid, ref] = e("spawn_monitor/3")("erlang_test_mod", "add", list(1, 2)) as [Pid, Ref];
    const down = yield* receive(on(["DOWN", ref, "process", pid, $("r")], ({ r }) => r));
    e("!/2")(echo, "stop");
    return [a, b, down];
  });
  is(got, "#(from-fun 42 normal)");
});

Deno.test("spawning a function the code lacks gives a process that fails with undef", async () => {
  const reason = await inProcess(function* () {
    const [pid, ref] = e("spawn_monitor/3")("nosuchmod", "f", list(1)) as [Pid, Ref];
    const info = yield* e("process_info/2")(pid, "initial_call");
    is(info, "#(initial_call #(nosuchmod f 1))");
    return yield* receive(on(["DOWN", ref, _, _, $("r")], ({ r }) => r));
  });
  is(reason, "#(undef (#(nosuchmod f (1) ())))");
});

Deno.test("a spawned fun of the wrong arity fails in the new process with badarity", async () => {
  const reason = await inProcess(function* () {
    const [, ref] = e("spawn_monitor/1")(waitThenDouble) as [Pid, Ref];
    return yield* receive(on(["DOWN", ref, _, _, $("r")], ({ r }) => r));
  });
  const [[tag, [f, args]]] = reason as [[string, [Term, Term]]];
  assert.equal(tag, "badarity");
  assert.equal(f, waitThenDouble);
  is(args, "()");
});

Deno.test("spawn BIFs refuse bad arguments with badarg", async () => {
  await inProcess(function* () {
    raises(() => e("spawn/1")(1), "badarg");
    raises(() => e("spawn_link/1")(1), "badarg");
    raises(() => e("spawn/3")("m", 1, null), "badarg");
    raises(() => e("spawn/3")("m", "f", "a"), "badarg");
    yield* [];
  });
  await raisesIn(() => e("spawn/4")(1, "m", "f", null), "badarg");
});

Deno.test("spawn/4 on this node spawns here", async () => {
  const got = await inProcess(function* () {
    const me = e("self/0")();
    const pid = yield* e("spawn/4")(e("node/0")(), "erlang_test_mod", "echo", list(me, 7));
    const x = yield* receive(on(["echoed", $("x")], ({ x }) => x));
    e("!/2")(pid, "stop");
    return x;
  });
  is(got, 7);
});

Deno.test("register, whereis, registered, unregister", async () => {
  await inProcess(function* () {
    const me = e("self/0")();
    is(e("register/2")("erlang_test_name", me), true);
    assert.equal(e("whereis/1")("erlang_test_name"), me);
    assert.ok(listToArray(e("registered/0")()).includes("erlang_test_name"));
    is(yield* e("process_info/2")(me, "registered_name"), "#(registered_name erlang_test_name)");
    e("send/2")("erlang_test_name", "hello");
    is(yield* receive(on("hello", () => "got")), "got");
    is(e("unregister/1")("erlang_test_name"), true);
    is(e("whereis/1")("erlang_test_name"), "undefined");
    is(yield* e("process_info/2")(me, "registered_name"), "()");
    raises(() => e("unregister/1")("erlang_test_name"), "badarg");
    raises(() => e("register/2")(1, me), "badarg");
    raises(() => e("register/2")("undefined", me), "badarg");
    raises(() => e("whereis/1")(1), "badarg");
    raises(() => e("send/2")("no_such_name_here", "hi"), "badarg");
    raises(() => e("!/2")(1, "hi"), "badarg");
  });
});

Deno.test("links, trap_exit and exit/2", async () => {
  const got = await inProcess(function* () {
    is(e("process_flag/2")("trap_exit", true), false);
    is(e("process_flag/2")("trap_exit", true), true);
    raises(() => e("process_flag/2")("trap_exit", 1), "badarg");
    raises(() => e("process_flag/2")("foo", true), "badarg");
    const child = e("spawn_link/1")(nameFun(function* () {
      yield* receive(on("never", () => null));
    }, { module: "t", name: "w", arity: 0 }));
    is(e("exit/2")(child, "bye"), true);
    raises(() => e("exit/2")(1, "normal"), "badarg");
    // link/1 may have to ask another scheduler whether a process lives: it runs as a call.
    let reason: unknown;
    try {
      yield* e("link/1")(1);
    } catch (err) {
      reason = (err as { reason: unknown }).reason;
    }
    is(reason as Term, "badarg");
    return yield* receive(on(["EXIT", child, $("r")], ({ r }) => r));
  });
  is(got, "bye");
});

Deno.test("monitor/2, demonitor/2 with info and flush", async () => {
  const got = await inProcess(function* () {
    const pid = e("spawn/1")(nameFun(function* () {
      yield* receive(on("stop", () => null));
    }, { module: "t", name: "w", arity: 0 }));
    const ref = e("monitor/2")("process", pid);
    assert.ok(ref instanceof Ref);
    raises(() => e("monitor/2")("foo", pid), "badarg");
    raises(() => e("monitor/2")("process", 1), "badarg");
    const held = e("demonitor/2")(ref, list("info"));
    const again = e("demonitor/2")(ref, list("info"));
    raises(() => e("demonitor/2")(ref, list("foo")), "badarg");
    const ref2 = e("monitor/2")("process", pid);
    e("!/2")(pid, "stop");
    yield* receive(on(["DOWN", ref2, _, _, _], () => null));
    const dead = e("monitor/2")("process", pid);
    const flushed = e("demonitor/2")(dead, list("flush"));
    const left = yield* e("process_info/2")(e("self/0")(), "message_queue_len");
    return [held, again, flushed, left];
  });
  is(got, "#(true false true #(message_queue_len 0))");
});

Deno.test("process_info answers Erlang's proplists; dead processes give undefined", async () => {
  await inProcess(function* () {
    const me = e("self/0")();
    const info = listToArray(yield* e("process_info/1")(me)) as [string, Term][];
    assert.deepEqual(info.map(([k]) => k), [
      "initial_call",
      "status",
      "message_queue_len",
      "links",
      "dictionary",
      "trap_exit",
      "error_handler",
      "priority",
      "group_leader",
      "reductions",
    ]);
    is(
      yield* e("process_info/2")(me, list("status", "trap_exit")),
      "(#(status running) #(trap_exit false))",
    );
    is(yield* e("process_info/2")(me, "priority"), "#(priority normal)");
    raises(() => e("process_info/2")(me, "foo").next(), "badarg");
    raises(() => e("process_info/2")(me, list("status", "foo")).next(), "badarg");
    raises(() => e("process_info/1")(1).next(), "badarg");
    const dead = e("spawn/1")(nameFun(() => null, { module: "t", name: "n", arity: 0 }));
    yield* receive(on("nothing", () => null), after(5, () => null));
    is(yield* e("process_info/1")(dead), "undefined");
    is(yield* e("process_info/2")(dead, "status"), "undefined");
    is(yield* e("is_process_alive/1")(dead), false);
    is(yield* e("is_process_alive/1")(me), true);
    raises(() => e("is_process_alive/1")(1).next(), "badarg");
    assert.ok(listToArray(yield* e("processes/0")()).some((p) => exactEq(p, me)));
    assert.ok(e("group_leader/0")() instanceof Pid);
  });
});

Deno.test("send_after/3 and cancel_timer/1 tell the time left", async () => {
  const got = await inProcess(function* () {
    const me = e("self/0")();
    const ref = e("send_after/3")(1000, me, "late");
    const left = e("cancel_timer/1")(ref) as number;
    assert.ok(left > 900 && left <= 1000, `${left} ms left`);
    is(e("cancel_timer/1")(ref), false);
    e("send_after/3")(5, me, "soon");
    raises(() => e("send_after/3")(-1, me, "x"), "badarg");
    raises(() => e("send_after/3")("a", me, "x"), "badarg");
    raises(() => e("send_after/3")(10, 1, "x"), "badarg");
    raises(() => e("cancel_timer/1")("a"), "badarg");
    return yield* receive(on(_, (_b, m) => m));
  });
  is(got, "soon");
});

Deno.test("nodes, node/1, monitor_node on a node that is not distributed", async () => {
  await inProcess(function* () {
    is(e("node/0")(), "nonode@nohost");
    is(e("node/1")(e("self/0")()), "nonode@nohost");
    is(e("node/1")(e("make_ref/0")()), "nonode@nohost");
    raises(() => e("node/1")(1), "badarg");
    is(e("nodes/0")(), "()");
    raises(() => e("monitor_node/2")("a@b", true), "notalive");
    raises(() => e("monitor_node/2")(1, true), "badarg");
    assert.notEqual(e("make_ref/0")(), e("make_ref/0")());
  });
});

Deno.test("exit/1, throw/1, error/1,2 raise their classes", () => {
  raises(() => e("exit/1")("a"), "a", "exit");
  raises(() => e("throw/1")("a"), "a", "throw");
  raises(() => e("error/1")("a"), "a");
  raises(() => e("error/2")("a", list(1)), "a");
  raises(() => e("halt/1")("a"), "badarg");
  raises(() => e("halt/1")(-1), "badarg");
});

Deno.test("clocks: now/0 increases, time units, timestamps", () => {
  const [a, b] = [e("now/0")(), e("now/0")()] as [Term[], Term[]];
  assert.ok(e("</2")(a, b));
  const [mega, secs, micro] = e("timestamp/0")() as number[];
  assert.ok(Math.abs(mega! * 1e6 + secs! + micro! / 1e6 - Date.now() / 1000) < 5);
  const ns = e("system_time/0")();
  assert.equal(typeof ns, "bigint");
  const s = e("system_time/1")("second") as number;
  assert.ok(Math.abs(s - Date.now() / 1000) < 5);
  assert.ok(Math.abs(e("system_time/1")(1000) - Date.now()) < 5000);
  const m1 = e("monotonic_time/1")("millisecond") as number;
  const m2 = e("monotonic_time/1")("microsecond") as number;
  assert.ok(m2 >= m1 * 1000);
  raises(() => e("system_time/1")("foo"), "badarg");
  raises(() => e("monotonic_time/1")("toString"), "badarg");
});

Deno.test("display/1 prints the term in Erlang syntax through the group leader", async () => {
  const node = freshNode();
  await run(function* () {
    is(e("display/1")(t('#(ping "abc" (1 . 2))')), true);
    yield* receive(on("nothing", () => null), after(5, () => null));
  });
  assert.equal(node.text(), '{ping,"abc",[1|2]}\n');
});

Deno.test("halt/1 ends the OS process with the status", async () => {
  const code = `import { ERLANG } from "./lfe/builtins/erlang.ts"; ERLANG["halt/1"]!(3);`;
  const r = await runDeno(["eval", code]);
  assert.equal(r.code, 3);
});

Deno.test("hibernate/3 waits for a message (leaving it), runs the function, then the process ends", async () => {
  const v = await inProcess(function* () {
    const me = e("self/0")() as Pid;
    defineModule("hibernate_test", {
      "woke/1": function* (parent: Pid) {
        const m = yield* receive(on($("m"), ({ m }) => m));
        e("!/2")(parent, ["woke", m]);
        return "done";
      },
    });
    const pid = e("spawn/3")("erlang", "hibernate", list("hibernate_test", "woke", list(me)));
    const early = yield* receive(on(_, () => "early"), after(50, () => "waiting"));
    const alive = yield* resolve(e("is_process_alive/1")(pid));
    e("!/2")(pid as Pid, "hello");
    const woke = yield* receive(on(["woke", $("m")], ({ m }) => m), after(1000, () => "none"));
    yield* receive(after(20, () => null));
    return [early, alive, woke, yield* resolve(e("is_process_alive/1")(pid))];
  });
  is(v, "#(waiting true hello false)");
});
