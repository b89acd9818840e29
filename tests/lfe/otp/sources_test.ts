/** The OTP modules the node carries are embedded as their `lfe/otp/*.lfe` files read now. */

import assert from "node:assert/strict";
import { embedded } from "../../../tools/embed_otp.ts";

Deno.test("lfe/otp/_sources.ts holds the text of every lfe/otp/*.lfe as it is", async () => {
  const file = await Deno.readTextFile(new URL("../../../lfe/otp/_sources.ts", import.meta.url));
  assert.ok(file === embedded(), "lfe/otp/_sources.ts is out of date: run tools/embed_otp.ts");
});
