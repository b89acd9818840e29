/**
 * The tables of the ziggurat that `rand:normal/0` and its kin draw from (Marsaglia and Tsang's
 * method with 256 layers and 51 random bits, r = 3.6541528853610087963519472518), computed in
 * fixed point with 400 fractional bits and rounded once to doubles, so that each entry is the
 * double nearest the exact value, as OTP's tables are.
 *
 *     deno run tools/rand_tables.ts > lfe/builtins/_rand_tables.ts
 *
 * A test computes them again and compares them with the committed file.
 *
 * @module
 */

const P = 400n;
const ONE = 1n << P;
const HALF = ONE >> 1n;

const mul = (a: bigint, b: bigint) => (a * b) >> P;
const div = (a: bigint, b: bigint) => (a << P) / b;

function fromDecimal(s: string): bigint {
  const [i, f = ""] = s.split(".");
  return (BigInt(i! + f) << P) / 10n ** BigInt(f.length);
}

/** The double nearest a fixed-point value (a power-of-two scaling after one rounding). */
function toNumber(x: bigint): number {
  return x < 0n ? -toNumber(-x) : Number(x) * 2 ** -Number(P);
}

function exp(x: bigint): bigint {
  const m = 12n;
  const y = x >> m;
  let term = ONE, sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = mul(term, y) / n;
    sum += term;
  }
  for (let i = 0n; i < m; i++) sum = mul(sum, sum);
  return sum;
}

function ln(x: bigint): bigint {
  let y = BigInt(Math.round(Math.log(toNumber(x)) * 2 ** 50)) << (P - 50n);
  for (let i = 0; i < 8; i++) {
    const ey = exp(y);
    y += 2n * div(x - ey, x + ey);
  }
  return y;
}

function sqrt(x: bigint): bigint {
  const n = x << P;
  let r = BigInt(Math.floor(Math.sqrt(toNumber(x)) * 2 ** 50)) << (P - 50n);
  for (;;) {
    const next = (r + n / r) >> 1n;
    if (next - r <= 1n && r - next <= 1n) {
      r = next;
      break;
    }
    r = next;
  }
  while (r * r > n) r--;
  while ((r + 1n) * (r + 1n) <= n) r++;
  return r;
}

function atanInverse(k: bigint): bigint {
  const x = ONE / k, x2 = ONE / (k * k);
  let sum = 0n, t = x, n = 1n, sign = 1n;
  while (t !== 0n) {
    sum += sign * t / n;
    t = mul(t, x2);
    n += 2n;
    sign = -sign;
  }
  return sum;
}

/** The density's shape, e^(-x²/2). */
const f = (x: bigint) => exp(-mul(HALF, mul(x, x)));

/** `[ki, wi]` for each layer and `fi`, as `rand`'s `normal_kiwi/1` and `normal_fi/1` hold them. */
export function normalTables(): { kiwi: [bigint, number][]; fi: number[] } {
  const r = fromDecimal("3.6541528853610087963519472518");
  const pi = 4n * (4n * atanInverse(5n) - atanInverse(239n));
  // The area of a layer: the base strip r·f(r) and the tail beyond r.
  let inner = 0n, term = r;
  const r2h = mul(HALF, mul(r, r));
  for (let n = 0n;; n++) {
    const t = term / (2n * n + 1n);
    if (t === 0n) break;
    inner += n % 2n === 0n ? t : -t;
    term = mul(term, r2h) / (n + 1n);
  }
  const v = mul(r, f(r)) + sqrt(div(pi, 2n * ONE)) - inner;
  const m1 = 1n << 51n;
  const kn: bigint[] = new Array(256), wn: number[] = new Array(256), fn: number[] = new Array(256);
  let dn = r, tn = r;
  const q = div(v, f(dn));
  kn[0] = (div(dn, q) * m1) >> P;
  kn[1] = 0n;
  wn[0] = toNumber(q) / 2 ** 51;
  wn[255] = toNumber(dn) / 2 ** 51;
  fn[0] = 1;
  fn[255] = toNumber(f(dn));
  for (let i = 254; i >= 1; i--) {
    dn = sqrt(-2n * ln(div(v, dn) + f(dn)));
    kn[i + 1] = (div(dn, tn) * m1) >> P;
    tn = dn;
    fn[i] = toNumber(f(dn));
    wn[i] = toNumber(dn) / 2 ** 51;
  }
  return { kiwi: kn.map((k, i) => [k, wn[i]!]), fi: fn };
}

/** The module text of `lfe/builtins/_rand_tables.ts`. */
export function tablesModule(): string {
  const { kiwi, fi } = normalTables();
  const rows = (xs: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < xs.length; i += 4) out.push("  " + xs.slice(i, i + 4).join(", ") + ",");
    return out.join("\n");
  };
  return `/**
 * The ziggurat of \`rand:normal/0\`, written by tools/rand_tables.ts: for each of the 256 layers
 * the bound ki (an integer below 2^51) under which a draw is taken at once, and the width wi
 * that scales it; then fi, the density at each layer's edge.
 *
 * @module
 */

/** ki of each layer. */
export const NORMAL_K: readonly number[] = [
${rows(kiwi.map(([k]) => String(k)))}
];

/** wi of each layer. */
export const NORMAL_W: readonly number[] = [
${rows(kiwi.map(([, w]) => String(w)))}
];

/** fi of each layer. */
export const NORMAL_F: readonly number[] = [
${rows(fi.map(String))}
];
`;
}

if (import.meta.main) console.log(tablesModule().trimEnd());
