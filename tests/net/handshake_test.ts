import assert from "node:assert/strict";
import {
  accept,
  constantTimeEqual,
  dial,
  FrameReader,
  HANDSHAKE_MAX_FRAME,
  HandshakeError,
} from "../../net/mod.ts";
import { pipe } from "./_pipe.ts";

function ends() {
  const [a, b] = pipe();
  return {
    a,
    b,
    ra: new FrameReader(a, HANDSHAKE_MAX_FRAME),
    rb: new FrameReader(b, HANDSHAKE_MAX_FRAME),
  };
}

Deno.test("dial() and accept() agree when both hold the cookie, and learn each other's names", async () => {
  const { a, b, ra, rb } = ends();
  const [d, c] = await Promise.all([
    dial(a, ra, "pong@gollum", { name: "ping@kosken", long: false, cookie: "secret" }),
    accept(b, rb, { name: "pong@gollum", long: false, cookie: "secret" }, () => "ok"),
  ]);
  assert.equal(d.name, "pong@gollum");
  assert.equal(c.name, "ping@kosken");
  assert.ok(d.capabilities.includes("cbor"));
});

Deno.test("a wrong cookie is refused on both sides, and the cookie never crosses the wire", async () => {
  const { a, b, ra, rb } = ends();
  const sent: Uint8Array[] = [];
  const write = a.write.bind(a);
  a.write = (p) => {
    sent.push(p.slice());
    return write(p);
  };
  const [d, c] = await Promise.allSettled([
    dial(a, ra, "pong@gollum", { name: "ping@kosken", long: false, cookie: "mycookie" }),
    accept(b, rb, { name: "pong@gollum", long: false, cookie: "yourcookie" }, () => "ok"),
  ]);
  assert.equal(d.status, "rejected");
  assert.equal(c.status, "rejected");
  assert.equal(((d as PromiseRejectedResult).reason as HandshakeError).why, "cookie");
  assert.match(((c as PromiseRejectedResult).reason as Error).message, /does not share the cookie/);
  const wire = new TextDecoder("latin1").decode(new Uint8Array(sent.flatMap((s) => [...s])));
  assert.ok(!wire.includes("mycookie"));
});

Deno.test("short and long names do not mix: the acceptor refuses with a clear reason", async () => {
  const { a, b, ra, rb } = ends();
  const [d] = await Promise.allSettled([
    dial(a, ra, "pong@gollum.example.com", { name: "ping@kosken", long: false, cookie: "c" }),
    accept(b, rb, { name: "pong@gollum.example.com", long: true, cookie: "c" }, () => "ok"),
  ]);
  const e = (d as PromiseRejectedResult).reason as HandshakeError;
  assert.equal(e.why, "name_type");
  assert.match(e.message, /short and long node names do not mix/);
});

Deno.test("a handshake read times out when the other side says nothing", async () => {
  const { a, ra } = ends();
  await assert.rejects(
    () =>
      dial(a, ra, "pong@gollum", { name: "ping@kosken", long: false, cookie: "c", timeoutMs: 50 }),
    /No challenge within 50 ms/,
  );
});

Deno.test("constantTimeEqual() compares bytes", () => {
  assert.ok(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3])));
  assert.ok(!constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4])));
  assert.ok(!constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3])));
});
