import assert from "node:assert/strict";
import { CRYPTO } from "../../../lfe/builtins/crypto.ts";
import { RAND } from "../../../lfe/builtins/rand.ts";
import { binary, Float, list, listToArray, type Term } from "../../../runtime/terms.ts";
import { checkOtpCases } from "./_otp_cases.ts";
import { fn, inProcess } from "./_check.ts";

const c = (key: string) => fn(CRYPTO, key);

Deno.test("crypto: every recorded call gives what OTP 25 gave", async () => {
  await checkOtpCases("crypto", 700);
});

Deno.test("crypto: keys made here sign, verify and agree", () => {
  const msg = binary("a message");
  const [pub, priv] = c("generate_key/2")("rsa", [2048, 65537]) as [Term, Term];
  assert.equal(listToArray(priv).length, 8);
  const sig = c("sign/4")("rsa", "sha256", msg, priv);
  assert.equal(c("verify/5")("rsa", "sha256", msg, sig, pub), true);
  assert.equal(c("verify/5")("rsa", "sha256", binary("another"), sig, pub), false);
  const plain = c("private_decrypt/4")(
    "rsa",
    c("public_encrypt/4")("rsa", msg, pub, "rsa_pkcs1_oaep_padding"),
    priv,
    "rsa_pkcs1_oaep_padding",
  );
  assert.deepEqual(plain, msg);

  for (const curve of ["secp256r1", "secp384r1", "secp256k1"]) {
    const [p1, k1] = c("generate_key/2")("ecdh", curve) as [Uint8Array, Uint8Array];
    const [p2, k2] = c("generate_key/2")("ecdh", curve) as [Uint8Array, Uint8Array];
    assert.deepEqual(
      c("compute_key/4")("ecdh", p2, k1, curve),
      c("compute_key/4")("ecdh", p1, k2, curve),
    );
    const s = c("sign/4")("ecdsa", "sha256", msg, list(k1, curve));
    assert.equal(c("verify/5")("ecdsa", "sha256", msg, s, list(p1, curve)), true);
  }
  const [ep, ek] = c("generate_key/2")("eddsa", "ed25519") as [Uint8Array, Uint8Array];
  assert.equal(ep.length, 32);
  assert.equal(ek.length, 32);
  const es = c("sign/4")("eddsa", "none", msg, list(ek, "ed25519"));
  assert.equal(c("verify/5")("eddsa", "none", msg, es, list(ep, "ed25519")), true);
});

Deno.test("crypto: strong random bytes and the plug-ins rand draws from", async () => {
  assert.equal((c("strong_rand_bytes/1")(40) as Uint8Array).length, 40);
  assert.notDeepEqual(c("strong_rand_bytes/1")(16), c("strong_rand_bytes/1")(16));
  const r = (key: string) => fn(RAND, key);
  // deno-lint-ignore require-yield
  const draws = await inProcess(function* () {
    const out: number[] = [];
    for (const alg of ["crypto", "crypto_cache"]) {
      c("rand_seed_alg/1")(alg);
      for (let i = 0; i < 200; i++) {
        out.push((r("uniform/0")() as Float).value, r("uniform/1")(6) as number);
      }
    }
    return out as unknown as Term;
  }) as unknown as number[];
  for (let i = 0; i < draws.length; i += 2) {
    assert.ok(draws[i]! >= 0 && draws[i]! < 1);
    assert.ok(draws[i + 1]! >= 1 && draws[i + 1]! <= 6);
  }
});
