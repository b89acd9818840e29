import assert from "node:assert/strict";
import { isLongNodeName, nodeNameFromFlags, splitNodeName } from "../../net/names.ts";

Deno.test("nodeNameFromFlags() makes a short name from the host name up to its first dot", () => {
  assert.deepEqual(nodeNameFromFlags({ sname: "pong", hostname: "kosken.example.com" }), {
    node: "pong@kosken",
    alive: "pong",
    host: "kosken",
    long: false,
  });
  assert.equal(nodeNameFromFlags({ sname: "ping", hostname: "gollum" }).node, "ping@gollum");
});

Deno.test("nodeNameFromFlags() uses Deno.hostname() when no host name is given", () => {
  const short = Deno.hostname().split(".")[0];
  assert.equal(nodeNameFromFlags({ sname: "pong" }).node, `pong@${short}`);
});

Deno.test("nodeNameFromFlags() keeps the host of -sname N@H when it has no dot", () => {
  const n = nodeNameFromFlags({ sname: "pong@kosken", hostname: "gollum.example.com" });
  assert.deepEqual(n, { node: "pong@kosken", alive: "pong", host: "kosken", long: false });
});

Deno.test("nodeNameFromFlags() refuses -sname N@H when H has a dot", () => {
  assert.throws(
    () => nodeNameFromFlags({ sname: "pong@kosken.example.com" }),
    (e: unknown) =>
      e instanceof RangeError && /pong@kosken\.example\.com/.test(e.message) &&
      /use -name/.test(e.message),
  );
});

Deno.test("nodeNameFromFlags() makes a long name from -name N@HOST", () => {
  assert.deepEqual(nodeNameFromFlags({ name: "pong@kosken.example.com", hostname: "x" }), {
    node: "pong@kosken.example.com",
    alive: "pong",
    host: "kosken.example.com",
    long: true,
  });
  assert.equal(nodeNameFromFlags({ name: "pong@127.0.0.1" }).node, "pong@127.0.0.1");
  assert.equal(nodeNameFromFlags({ name: "pong@::1" }).host, "::1");
});

Deno.test("nodeNameFromFlags() makes a long name from -name N on a fully qualified host", () => {
  const n = nodeNameFromFlags({ name: "pong", hostname: "kosken.example.com" });
  assert.equal(n.node, "pong@kosken.example.com");
  assert.equal(n.long, true);
});

Deno.test("nodeNameFromFlags() refuses -name N on a host without a domain, saying what to do", () => {
  assert.throws(
    () => nodeNameFromFlags({ name: "pong", hostname: "kosken" }),
    (e: unknown) =>
      e instanceof RangeError &&
      e.message ===
        'Cannot set long node name "pong": the host name "kosken" has no domain; give ' +
          "-name pong@HOST with a fully qualified HOST or an IP address, or use -sname pong",
  );
});

Deno.test("nodeNameFromFlags() refuses -name N@HOST when HOST is neither qualified nor an IP", () => {
  assert.throws(
    () => nodeNameFromFlags({ name: "pong@kosken" }),
    (e: unknown) => e instanceof RangeError && /"pong@kosken"/.test(e.message),
  );
});

Deno.test("nodeNameFromFlags() refuses an alive part that is empty or has other characters", () => {
  for (const sname of ["", "@kosken", "po.ng", "po ng", "pöng", "pong!"]) {
    assert.throws(
      () => nodeNameFromFlags({ sname, hostname: "kosken" }),
      (e: unknown) => e instanceof RangeError && e.message.includes(`"${sname}"`),
      sname,
    );
  }
  assert.equal(nodeNameFromFlags({ sname: "Pong_2-b", hostname: "k" }).alive, "Pong_2-b");
  assert.throws(() => nodeNameFromFlags({ sname: "a".repeat(256), hostname: "k" }), RangeError);
});

Deno.test("nodeNameFromFlags() refuses an empty host", () => {
  assert.throws(() => nodeNameFromFlags({ sname: "pong@" }), /host is empty/);
  assert.throws(() => nodeNameFromFlags({ name: "pong@" }), /host is empty/);
});

Deno.test("nodeNameFromFlags() wants exactly one of -sname and -name", () => {
  assert.throws(() => nodeNameFromFlags({}), TypeError);
  assert.throws(
    () => nodeNameFromFlags({ sname: "a", name: "b@c.d" }),
    (e: unknown) => e instanceof TypeError && /-sname "a" and -name "b@c.d"/.test(e.message),
  );
});

Deno.test("splitNodeName() splits alive@host and refuses anything else", () => {
  assert.deepEqual(splitNodeName("pong@kosken"), { alive: "pong", host: "kosken" });
  assert.deepEqual(splitNodeName("pong@10.0.0.1"), { alive: "pong", host: "10.0.0.1" });
  for (const bad of ["pong", "@kosken", "pong@", ""]) {
    assert.throws(
      () => splitNodeName(bad),
      (e: unknown) => e instanceof RangeError && e.message.includes(`"${bad}"`),
    );
  }
});

Deno.test("isLongNodeName() tells long names from short ones", () => {
  assert.equal(isLongNodeName("pong@kosken"), false);
  assert.equal(isLongNodeName("pong@kosken.example.com"), true);
  assert.equal(isLongNodeName("pong@127.0.0.1"), true);
  assert.equal(isLongNodeName("pong@::1"), true);
});
