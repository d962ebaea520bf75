/**
 * Interim (Bayesian) incentive analysis of Ranking and Weighted Ranking (paper 001 Theorem 4.1 and
 * Theorem A.1; seed-001 spec 3.9–3.10, C5–C6). In the i.i.d. continuous model every other agent's rank of a
 * fixed item is uniform on {1..m} and independent, so agent i wins the item it ranks t-th with probability
 *   p_t^{(i)} = ((m - t)/m)^{i-1} ((m - t + 1)/m)^{n-i}   (agents 1-indexed; ties go to the lowest index),
 * non-increasing in t; by the rearrangement inequality the truthful order maximizes
 * E[u_i] = sum_t p_t v_{i, pi(t)}: Ranking is BIC. For Weighted Ranking the p_t come from the counting
 * formula with the virtual values w_k Q_k(1 - rho/(m + 1)).
 */
import { InvalidInputError } from '../core/errors';
import type { Distribution } from './distribution';

/** p_t^{(i)} for t = 1..m (index t-1), agent i 0-indexed. */
export function rankingWinProbabilities(n: number, m: number, i: number): number[] {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(m) && m >= 1 && Number.isInteger(i) && i >= 0 && i < n))
    throw new InvalidInputError(
      'bad-count',
      `rankingWinProbabilities: need integers n ≥ 1, m ≥ 1, 0 ≤ i < n (got ${n}, ${m}, ${i})`,
    );
  return Array.from({ length: m }, (_, k) => {
    const t = k + 1;
    return Math.pow((m - t) / m, i) * Math.pow((m - t + 1) / m, n - 1 - i);
  });
}

/** Exact p_t^{(i)} as fractions [numerator, denominator] (BigInt), for exact certificates. */
export function rankingWinProbabilitiesExact(n: number, m: number, i: number): [bigint, bigint][] {
  const M = BigInt(m);
  return Array.from({ length: m }, (_, k) => {
    const t = BigInt(k + 1);
    return [(M - t) ** BigInt(i) * (M - t + 1n) ** BigInt(n - 1 - i), M ** BigInt(n - 1)];
  });
}

/**
 * Weighted Ranking's p_t^{(i)} = prod_{k≠i} c_k(t)/m, c_k(t) = #{rho : w_k Q_k(1 - rho/(m+1)) < w_i Q_i(1 - t/(m+1))}
 * plus the equal ones when k > i (ties go to the lowest index), spec 3.10.
 */
export function weightedRankingWinProbabilities(
  dists: readonly Distribution[],
  w: readonly number[],
  m: number,
  i: number,
): number[] {
  const n = dists.length;
  const vv = dists.map((d, k) => Array.from({ length: m }, (_, r) => w[k] * d.quantile(1 - (r + 1) / (m + 1))));
  return Array.from({ length: m }, (_, t) => {
    const mine = vv[i][t];
    let p = 1;
    for (let k = 0; k < n; k++)
      if (k !== i) {
        let c = 0;
        for (const x of vv[k]) if (x < mine || (k > i && x === mine)) c++;
        p *= c / m;
      }
    return p;
  });
}

/** True when p is non-increasing (up to tol): the rearrangement argument then gives BIC. */
export function isNonIncreasing(p: readonly number[], tol = 1e-15): boolean {
  return p.every((x, t) => t === 0 || x <= p[t - 1] + tol);
}
