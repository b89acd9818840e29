import assert from "node:assert/strict";
import { charlist, float, type Term, termKey, TermMap } from "../../runtime/terms.ts";

// A small seeded generator, so that a failure can be run again.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomKey(r: () => number): Term {
  const n = Math.floor(r() * 400);
  switch (Math.floor(r() * 6)) {
    case 0:
      return n;
    case 1:
      return float(n / 2);
    case 2:
      return `atom${n % 50}`;
    case 3:
      return [n % 7, `k${n % 13}`];
    case 4:
      return charlist(`s${n}`);
    default:
      return BigInt(n) + (1n << 70n);
  }
}

Deno.test("TermMap: puts and removes agree with a model, small and large, old versions unchanged", () => {
  const r = rng(2026);
  const model = new Map<unknown, [Term, Term]>();
  let m = new TermMap();
  const snapshots: [TermMap, Map<unknown, [Term, Term]>][] = [];
  for (let step = 0; step < 20000; step++) {
    const k = randomKey(r);
    if (r() < 0.7) {
      const v = step;
      m = m.put(k, v);
      model.set(termKey(k), [k, v]);
    } else {
      m = m.remove(k);
      model.delete(termKey(k));
    }
    if (step % 1000 === 0) snapshots.push([m, new Map(model)]);
    assert.equal(m.size, model.size);
  }
  for (const [map, mod] of [...snapshots, [m, model] as [TermMap, Map<unknown, [Term, Term]>]]) {
    assert.equal(map.size, mod.size);
    for (const [, [k, v]] of mod) {
      assert.ok(map.has(k));
      assert.equal(map.get(k), v);
    }
    const seen = new Set(map.entries().map(([k]) => termKey(k)));
    assert.equal(seen.size, mod.size);
    for (const key of seen) assert.ok(mod.has(key));
  }
  // 1 and 1.0 stay two keys.
  const two = new TermMap().put(1, "int").put(float(1), "float");
  assert.equal(two.size, 2);
  assert.equal(two.get(1), "int");
});

Deno.test("TermMap: a map of 50,000 keys built and emptied one key at a time", () => {
  let m = new TermMap();
  for (let i = 0; i < 50000; i++) m = m.put(i, i);
  assert.equal(m.size, 50000);
  for (let i = 0; i < 50000; i += 997) assert.equal(m.get(i), i);
  for (let i = 0; i < 50000; i++) m = m.remove(i);
  assert.equal(m.size, 0);
  assert.deepEqual(m.entries(), []);
});

Deno.test("TermMap: keys whose hashes are equal share a bucket, found, replaced and removed", () => {
  // Pairs of atoms whose lookup keys have the same 32-bit hash.
  const same = [["k7yzx", "ke6ad"], ["k7yzy", "ke6ae"], ["k7yzz", "ke6af"]];
  let m = new TermMap();
  for (let i = 0; i < 40; i++) m = m.put(i, i);
  for (const [a, b] of same) m = m.put(a!, `${a}`).put(b!, `${b}`);
  assert.equal(m.size, 46);
  for (const [a, b] of same) {
    assert.equal(m.get(a!), a);
    assert.equal(m.get(b!), b);
  }
  m = m.put("ke6ad", "again");
  assert.equal(m.get("ke6ad"), "again");
  assert.equal(m.get("k7yzx"), "k7yzx");
  m = m.remove("k7yzx");
  assert.equal(m.has("k7yzx"), false);
  assert.equal(m.get("ke6ad"), "again");
  m = m.remove("ke6ad").remove("ke6ae").remove("k7yzy");
  assert.equal(m.size, 42);
  assert.equal(m.get("ke6af"), "ke6af");
  for (let i = 0; i < 40; i++) assert.equal(m.get(i), i);
});
