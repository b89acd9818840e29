import assert from "node:assert/strict";
import { DEFAULT_MAX_FRAME, FrameError, FrameReader, FrameWriter } from "../../net/mod.ts";
import { decodeTerm, encodeFrame, type Term } from "../../runtime/mod.ts";
import { pipe } from "./_pipe.ts";

function frame(t: Term): Uint8Array {
  return encodeFrame(t).slice();
}

Deno.test("FrameReader reads frames split across reads and joined in one", async () => {
  const [a, b] = pipe();
  const r = new FrameReader(b);
  const bytes = new Uint8Array([...frame(["one", 1]), ...frame(["two", 2]), ...frame("three")]);
  await a.write(bytes.subarray(0, 3));
  await a.write(bytes.subarray(3, 11));
  await a.write(bytes.subarray(11));
  a.close();
  const got: Term[] = [];
  for (let f = await r.next(); f !== null; f = await r.next()) got.push(decodeTerm(f));
  assert.deepEqual(got, [["one", 1], ["two", 2], "three"]);
});

Deno.test("FrameReader refuses a length over the maximum before reading the body", async () => {
  const [a, b] = pipe();
  const r = new FrameReader(b, 1024);
  await a.write(new Uint8Array([0x7f, 0xff, 0xff, 0xff]));
  await assert.rejects(() => r.next(), (e: Error) => {
    assert.ok(e instanceof FrameError);
    assert.match(e.message, /Frame of 2147483647 bytes exceeds the maximum 1024/);
    return true;
  });
  assert.equal(DEFAULT_MAX_FRAME, 64 * 1024 * 1024);
});

Deno.test("FrameReader reports a stream that ends in the middle of a frame", async () => {
  const [a, b] = pipe();
  const r = new FrameReader(b);
  await a.write(frame(["cut", "short"]).subarray(0, 6));
  a.close();
  await assert.rejects(() => r.next(), /closed in the middle of a frame/);
});

Deno.test("FrameReader reads a frame larger than its first buffer", async () => {
  const [a, b] = pipe();
  const r = new FrameReader(b);
  const big = new Uint8Array(300_000).fill(7);
  await a.write(frame(["big", big]));
  const t = decodeTerm((await r.next()) as Uint8Array) as Term[];
  assert.equal((t[1] as Uint8Array).length, 300_000);
});

Deno.test("FrameWriter coalesces the frames of one turn into one write", async () => {
  const [a, b] = pipe();
  let drains = 0;
  const w = new FrameWriter(a, () => drains++, (e) => {
    throw e;
  });
  for (let i = 0; i < 100; i++) w.send(frame(["n", i]));
  assert.equal(w.pending > 0, true);
  await w.drain();
  assert.equal(a.writes.length, 1);
  assert.ok(drains >= 1);
  const r = new FrameReader(b);
  for (let i = 0; i < 100; i++) {
    assert.deepEqual(decodeTerm((await r.next()) as Uint8Array), ["n", i]);
  }
});

Deno.test("FrameWriter reports a failed write and drops what it holds", async () => {
  const [a, b] = pipe();
  let failed: unknown;
  const w = new FrameWriter(a, () => {}, (e) => failed = e);
  b.close();
  w.send(frame("lost"));
  await w.drain();
  assert.match(String(failed), /BrokenPipe/);
  w.send(frame("after"));
  assert.equal(w.pending, 0);
});
