/**
 * Arithmetic modulo one prime P < 2^26 on plain doubles (support reduction, Lemma 4.15): the product of two residues is
 * below 2^52, hence an exact double, and sums of up to 2^26 residues stay exact. Used only to find candidates fast;
 * every result that matters is re-verified exactly by the caller.
 */

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

/** a^-1 mod P for a residue a != 0. */
export function invmod(a: number): number {
  let r0 = P;
  let r1 = a;
  let t0 = 0;
  let t1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new Error(`invmod: ${a} is not invertible mod ${P}`);
  return t0 < 0 ? t0 + P : t0;
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
