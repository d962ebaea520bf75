/**
 * Exact comparisons of sums of doubles, for deciding envy-freeness "exactly on the sampled doubles" (issue 15): a
 * float sum with a rigorous error bound decides almost every comparison, and the rare close call is settled by
 * summing the doubles exactly as BigInt multiples of 2^-1074.
 *
 * Error bound: recursive summation of k non-negative doubles has |fl(S) - S| ≤ (k - 1) u S with u = 2^-53
 * (Higham, Accuracy and Stability of Numerical Algorithms, §4.2); we use k u (fl(S) + fl(T) + |plus|) + 3u |d| for
 * d = fl(S) - fl(T) + plus, which covers the roundings of the two subtractions too.
 */

const U = 2 ** -53;
const view = new DataView(new ArrayBuffer(8));

/** x (a finite double) as the exact integer x · 2^1074. */
export function exactScaled(x: number): bigint {
  if (x === 0) return 0n;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) return sign * mant; // subnormal: mant · 2^-1074
  mant |= 1n << 52n;
  // value = mant · 2^(exp - 1075) = mant · 2^(exp - 1) · 2^-1074
  return sign * (mant << BigInt(exp - 1));
}

/** The sign of sum_{g in a} row[g] - sum_{g in b} row[g] + plus, exactly. */
export function exactSign(row: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, plus = 0): number {
  let s = exactScaled(plus);
  for (let k = 0; k < a.length; k++) s += exactScaled(row[a[k]]);
  for (let k = 0; k < b.length; k++) s -= exactScaled(row[b[k]]);
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}

/** A float sum of non-negative doubles and the count of terms (for the error bound). */
export interface FloatSum {
  readonly value: number;
  readonly terms: number;
}

/**
 * The sign of S - T + plus where S, T are float sums of non-negative doubles (plus a single double): +1 or -1, or null
 * when the float error bound cannot decide (the caller then sums exactly).
 */
export function filteredSign(S: FloatSum, T: FloatSum, plus = 0): number | null {
  const d = S.value - T.value + plus;
  const k = Math.max(S.terms, T.terms) + 1;
  const err = k * U * (S.value + T.value + Math.abs(plus)) + 3 * U * Math.abs(d);
  if (d > err) return 1;
  if (d < -err) return -1;
  return null;
}
