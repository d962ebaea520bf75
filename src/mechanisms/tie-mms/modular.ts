/**
 * Arithmetic modulo one prime P < 2^26 on plain doubles (the exact incremental support reduction, Lemma 4.15): the
 * product of two residues is below 2^52, hence an exact double, and sums of up to 2^26 residues stay exact; `invmod`
 * also takes another prime (the 22-bit one of the guided reduction). Used only to find candidates fast;
 * every result that matters is re-verified exactly by the caller. Also the BigInt rational reconstruction modulo a
 * prime power used by the p-adic liftings of support-reduction.ts and lifting.ts.
 */
import { gcd } from '../../core/rational';

/** The largest prime below 2^26. */
export const P = 67108859;
const INV_P = 1 / P;

/** a * b mod P for residues a, b in [0, P). */
export function mulmod(a: number, b: number): number {
  const x = a * b;
  let r = x - Math.floor(x * INV_P) * P;
  if (r < 0) r += P;
  else if (r >= P) r -= P;
  return r;
}

/** a^-1 mod `mod` (a prime below 2^26, default P) for a residue a != 0. */
export function invmod(a: number, mod: number = P): number {
  let r0 = mod;
  let r1 = a;
  let t0 = 0;
  let t1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new Error(`invmod: ${a} is not invertible mod ${mod}`);
  return t0 < 0 ? t0 + mod : t0;
}

/** Bound of rational reconstruction: |num|, den <= sqrt(P/2) makes the reconstruction unique. */
export const RECON_BOUND = Math.floor(Math.sqrt(P / 2));

/**
 * Rational reconstruction (Wang): the unique a/b with |a|, b <= RECON_BOUND, gcd(a, b) = 1 and a = u*b mod P, written
 * into out[0] = a, out[1] = b; returns false when there is none.
 */
export function ratRecon(u: number, out: Float64Array): boolean {
  if (u === 0) {
    out[0] = 0;
    out[1] = 1;
    return true;
  }
  let r0 = P;
  let r1 = u;
  let t0 = 0;
  let t1 = 1;
  while (r1 > RECON_BOUND) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0 || Math.abs(t1) > RECON_BOUND) return false;
  if (gcdNum(r1, Math.abs(t1)) !== 1) return false;
  out[0] = t1 < 0 ? -r1 : r1;
  out[1] = Math.abs(t1);
  return true;
}

export function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** floor(sqrt(h)) for h >= 0. */
export function isqrt(h: bigint): bigint {
  if (h < 2n) return h;
  let x = 1n << BigInt((h.toString(2).length >> 1) + 1);
  for (;;) {
    const nx = (x + h / x) >> 1n;
    if (nx >= x) return x;
    x = nx;
  }
}

/** Rational reconstruction modulo M (bounds sqrt(M/2)): num/den in lowest terms, den > 0, or null. */
export function ratReconBig(u: bigint, M: bigint): { num: bigint; den: bigint } | null {
  u %= M;
  if (u < 0n) u += M;
  if (u === 0n) return { num: 0n, den: 1n };
  const bound = isqrt(M / 2n);
  let r0 = M;
  let r1 = u;
  let t0 = 0n;
  let t1 = 1n;
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  const at = t1 < 0n ? -t1 : t1;
  if (t1 === 0n || at > bound || gcd(r1, at) !== 1n) return null;
  return { num: t1 < 0n ? -r1 : r1, den: at };
}

/**
 * c_q = a_q / L from X = c mod pk (p-adic lifting), growing L from L0 (the probe's denominator) by rational
 * reconstruction of the entries that do not fit; a_q = 0 where X_q = 0. Null when some entry does not fit.
 */
export function liftedCommonDenominator(
  X: readonly bigint[],
  pk: bigint,
  L0: bigint,
): { a: bigint[]; L: bigint } | null {
  let L = L0;
  const bound = isqrt(pk / 2n);
  const half = pk / 2n;
  const a = new Array<bigint>(X.length).fill(0n);
  for (let q = 0; q < X.length; q++) {
    if (X[q] === 0n) continue;
    let u = (X[q] * L) % pk;
    if (u > half) u -= pk;
    if (u > bound || -u > bound) {
      const rr = ratReconBig(u, pk);
      if (!rr) return null;
      L *= rr.den;
      for (let z = 0; z < q; z++) a[z] *= rr.den;
      u = rr.num;
    }
    a[q] = u;
  }
  return { a, L };
}
