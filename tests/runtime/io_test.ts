import assert from "node:assert/strict";
import {
  $,
  after,
  binary,
  charlist,
  exit,
  groupLeader,
  groupLeaderBody,
  iodataToString,
  list,
  on,
  type Pid,
  print,
  putChars,
  raiseError,
  receive,
  run,
  self,
  send,
  setGroupLeader,
  spawn,
  spawnMonitor,
  type Term,
  whereis,
} from "../../runtime/mod.ts";
import { freshNode, settle } from "./_node.ts";

Deno.test("putChars() writes through the node's default group leader and returns ok", async () => {
  const t = freshNode();
  let r: Term = null;
  await run(function* () {
    r = yield* putChars("hello\n");
  });
  assert.equal(r, "ok");
  assert.equal(t.text(), "hello\n");
  assert.equal(whereis("user"), t.node.defaultGroupLeader);
});

Deno.test("print() writes without waiting, in order", async () => {
  const t = freshNode();
  await run(function* () {
    print("a");
    print("b");
    yield* putChars("c");
  });
  assert.equal(t.text(), "abc");
});

Deno.test("an uncaught error prints an error report and the node runs on", async () => {
  const t = freshNode();
  let victim: Pid | undefined;
  await run(function* () {
    const [pid, ref] = spawnMonitor(function* () {
      raiseError("badarith");
    });
    victim = pid;
    yield* receive(on(["DOWN", ref, "process", pid, $("r")], () => null));
    yield* receive(after(5, () => null));
    yield* putChars("still here\n");
  });
  const text = t.text();
  assert.match(text, /^=ERROR REPORT==== \d+-\w{3}-\d{4}::\d\d:\d\d:\d\d\.\d{6} ===\n/);
  assert.match(
    text,
    new RegExp(`Error in process <0\\.${victim!.id}\\.0> with exit value:\\n#\\(badarith `),
  );
  assert.match(text, /still here\n$/);
});

Deno.test("a JavaScript error in a process is reported as a js_error", async () => {
  const t = freshNode();
  await run(function* () {
    const [, ref] = spawnMonitor(function* () {
      (null as unknown as { x: () => void }).x();
    });
    yield* receive(on(["DOWN", ref, "process", $("p"), $("r")], () => null));
    yield* receive(after(5, () => null));
  });
  assert.match(t.text(), /#\(#\(js_error #"TypeError: Cannot read properties of null/);
});

Deno.test("exit/1 ends a process without an error report", async () => {
  const t = freshNode();
  await run(function* () {
    const [, ref] = spawnMonitor(function* () {
      exit("quietly");
    });
    yield* receive(on(["DOWN", ref, "process", $("p"), $("r")], () => null));
    yield* receive(after(5, () => null));
  });
  assert.equal(t.text(), "");
});

Deno.test("output goes to the group leader, which children inherit", async () => {
  const t = freshNode();
  const captured: string[] = [];
  await run(function* () {
    const me = self();
    const gl = spawn(groupLeaderBody, (s: string) => captured.push(s));
    const child = spawn(function* () {
      yield* receive(on("go", () => null));
      yield* putChars("from child\n");
      const grandchild = spawn(function* () {
        yield* putChars("from grandchild\n");
        send(me, ["gl", groupLeader()]);
      });
      void grandchild;
    });
    setGroupLeader(gl, child);
    send(child, "go");
    const seen = yield* receive(on(["gl", $("g")], ({ g }) => g));
    assert.equal(seen, gl);
  });
  await settle();
  assert.deepEqual(captured, ["from child\n", "from grandchild\n"]);
  assert.equal(t.text(), "");
});

Deno.test("iodataToString() reads binaries, character lists and nested io lists", () => {
  const data = list(charlist("ab"), binary("cd"), list(101, list(binary("f"))), 0x1f600);
  assert.equal(iodataToString(data), "abcdef\u{1f600}");
  assert.throws(() => iodataToString(list("atom")), /Cannot write atom: not io data/);
});
