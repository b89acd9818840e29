/**
 * ets against a model: an ordered_set (a balanced tree) and a set under thousands of random
 * inserts and deletes keep what a sorted map keeps, in order; match specifications give what
 * OTP 25 gives for guards, bodies and the special variables, and refuse what it refuses.
 */

import assert from "node:assert/strict";
import { ETS } from "../../../lfe/builtins/ets.ts";
import { compare } from "../../../runtime/term_order.ts";
import { float, listToArray, type Term } from "../../../runtime/terms.ts";
import { inProcess, is, raises, t } from "../builtins/_check.ts";

const ets = (key: string) => ETS[key] as (...a: Term[]) => Term;

// A small seeded generator, so that a failure can be run again.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

Deno.test("ets: an ordered_set keeps Erlang's term order through random inserts and deletes", async () => {
  await inProcess(function* () {
    const tab = ets("new/2")("o", t("(ordered_set public)"));
    const model = new Map<string, Term>();
    const rnd = random(7);
    for (let i = 0; i < 5000; i++) {
      const k = Math.floor(rnd() * 800);
      // Integer and float keys that compare equal are one key in an ordered_set.
      const key: Term = rnd() < 0.2 ? float(k) : k;
      if (rnd() < 0.3) {
        ets("delete/2")(tab, key);
        model.delete(String(k));
      } else {
        ets("insert/2")(tab, [key, i]);
        model.set(String(k), [key, i]);
      }
    }
    const want = [...model.values()].sort((a, b) => compare((a as Term[])[0]!, (b as Term[])[0]!));
    const got = listToArray(ets("tab2list/1")(tab));
    assert.equal(got.length, want.length);
    got.forEach((o, i) => is(o, want[i] as Term));
    is(ets("info/2")(tab, "size"), want.length);
    // first/next walk the keys in order, and next of a key not there is the next one.
    const keys: Term[] = [];
    for (let k = ets("first/1")(tab); k !== "$end_of_table"; k = ets("next/2")(tab, k)) {
      keys.push(k);
    }
    assert.equal(keys.length, want.length);
    is(ets("next/2")(tab, -1), (want[0] as Term[])[0] as Term);
    is(ets("prev/2")(tab, 10_000), (want[want.length - 1] as Term[])[0] as Term);
    return null;
  });
});

Deno.test("ets: a set's keys match exactly (1 and 1.0 are two keys), a bag keeps distinct objects", async () => {
  await inProcess(function* () {
    const s = ets("new/2")("s", t("(set)"));
    ets("insert/2")(s, t("(#(1 a) #(1.0 b))"));
    is(ets("info/2")(s, "size"), 2);
    const b = ets("new/2")("b", t("(bag)"));
    ets("insert/2")(b, t("(#(k 1) #(k 1) #(k 2))"));
    is(ets("lookup/2")(b, "k"), "(#(k 1) #(k 2))");
    const d = ets("new/2")("d", t("(duplicate_bag)"));
    ets("insert/2")(d, t("(#(k 1) #(k 1))"));
    is(ets("lookup/2")(d, "k"), "(#(k 1) #(k 1))");
    raises(() => ets("update_counter/3")(b, "k", 1), "badarg");
    const c = ets("new/2")("c", t("(set)"));
    ets("insert/2")(c, t("#(n 1 10)"));
    is(ets("update_counter/3")(c, "n", t("(#(2 1) #(3 5 12 0))")), "(2 0)");
    is(ets("update_counter/4")(c, "m", 5, t("#(x 100)")), 105);
    is(ets("lookup/2")(c, "m"), "(#(m 105))");
    is(ets("update_element/3")(c, "n", t("#(3 x)")), true);
    is(ets("lookup/2")(c, "n"), "(#(n 2 x))");
    return null;
  });
});

Deno.test("ets: match specifications as OTP 25 runs them", async () => {
  await inProcess(function* () {
    const tab = ets("new/2")("m", t("(set)"));
    ets("insert/2")(tab, t("(#(a 1) #(b 2) #(c 3))"));
    const sel = (ms: string) => ets("select/2")(tab, t(ms));
    is(
      ets("match_spec_run/2")(
        t("(#(a 1) #(b 2) #(c 3))"),
        ets("match_spec_compile/1")(t("(#(#($1 $2) (#(> $2 1)) (#(#($2 $1)))))")),
      ),
      "(#(2 b) #(3 c))",
    );
    is(
      ets("match_spec_run/2")(
        t("(#(a 1))"),
        ets("match_spec_compile/1")(t("(#(#($1 $2) () ($$)))")),
      ),
      "((a 1))",
    );
    is(
      ets("match_spec_run/2")(t("(#(a 1))"), ets("match_spec_compile/1")(t("(#(_ () ($_)))"))),
      "(#(a 1))",
    );
    // A guard that raises fails its clause; a body that raises gives 'EXIT.
    is(
      ets("match_spec_run/2")(
        t("(#(a 1))"),
        ets("match_spec_compile/1")(t("(#(#($1 $2) (#(> #(element 5 $_) 0)) ($1)))")),
      ),
      "()",
    );
    is(
      ets("match_spec_run/2")(
        t("(#(a 1))"),
        ets("match_spec_compile/1")(t("(#(#($1 $2) () (#(element 3 $_))))")),
      ),
      "(EXIT)",
    );
    is(
      ets("match_spec_run/2")(
        t("(#(a 1))"),
        ets("match_spec_compile/1")(t("(#(#($1 $2) () (#(const #(x y)))))")),
      ),
      "(#(x y))",
    );
    is(
      ets("match_spec_run/2")(
        t("(#(a 1))"),
        ets("match_spec_compile/1")(
          t("(#(#($1 $2) (#(andalso #(is_atom $1) #(not #(is_atom $2)))) (ok)))"),
        ),
      ),
      "(ok)",
    );
    is(ets("select_count/2")(tab, t("(#(#(_ $1) (#(>= $1 2)) (true)))")), 2);
    raises(() => sel("(#(#($1 $2) () ($3)))"), "badarg");
    raises(() => sel("(#(#($1) (#(no_such_bif $1)) ($1)))"), "badarg");
    raises(() => sel("foo"), "badarg");
    is(ets("test_ms/2")(t("#(a 1)"), t("(#(#($1 $2) () ($2)))")), "#(ok 1)");
    return null;
  });
});

Deno.test("ets: errors are badarg as on BEAM, and a deleted table is gone", async () => {
  await inProcess(function* () {
    const tab = ets("new/2")("e", t("(set)"));
    raises(() => ets("insert/2")(tab, "foo"), "badarg");
    raises(() => ets("insert/2")(tab, t("#()")), "badarg");
    raises(() => ets("lookup_element/3")(tab, "none", 2), "badarg");
    raises(() => ets("new/2")("x", t("(no_such_option)")), "badarg");
    raises(() => ets("next/2")(tab, "not_there"), "badarg");
    raises(() => ets("update_counter/3")(tab, "none", 1), "badarg");
    ets("new/2")("named", t("(named_table)"));
    raises(() => ets("new/2")("named", t("(named_table)")), "badarg");
    ets("delete/1")(tab);
    raises(() => ets("lookup/2")(tab, 1), "badarg");
    is(ets("info/1")(tab), "undefined");
    is(ets("whereis/1")("named") !== "undefined", true);
    return null;
  });
});
