/**
 * The Bai–Gölz equalizing weights for Weighted Ranking (paper 001 Appendix A, Algorithm 2; spec 3.10,
 * pitfall P10): w with w_1 = 1 such that each agent has the highest weighted value with probability 1/n,
 *   pi_i(w) = ∫_0^1 prod_{k≠i} F_k(w_i Q_i(u) / w_k) du = 1/n.
 * The paper gives no algorithm; we solve in theta = ln w by the multiplicative iteration
 * w_i <- w_i (1/(n pi_i))^{1/2} followed by damped Newton with a finite-difference Jacobian, and report the
 * residual max_i |pi_i - 1/n|. Existence: Bai & Gölz (Sperner); uniqueness is not claimed.
 * Assumes continuous distributions (ties have probability 0).
 */
import { DomainError, InvalidInputError } from '../core/errors';
import type { Distribution } from './distribution';
import { solveLinear } from './linear';
import { integrate } from './quadrature';

/** pi_i(w) for every i. */
export function winProbabilities(dists: readonly Distribution[], w: readonly number[]): number[] {
  const n = dists.length;
  return dists.map((di, i) => {
    const cuts: number[] = [];
    for (let k = 0; k < n; k++)
      if (k !== i)
        for (const edge of dists[k].support) if (Number.isFinite(edge)) cuts.push(di.cdf((w[k] * edge) / w[i]));
    return integrate(
      (u) => {
        const x = w[i] * di.quantile(u);
        let p = 1;
        for (let k = 0; k < n; k++) if (k !== i) p *= dists[k].cdf(x / w[k]);
        return p;
      },
      0,
      1,
      { breakpoints: [...cuts, ...di.breakpoints], relTol: 1e-13, absTol: 1e-15 },
    ).value;
  });
}

export interface BaiGolzWeights {
  readonly w: number[];
  readonly pi: number[];
  /** max_i |pi_i - 1/n|. */
  readonly residual: number;
  readonly iterations: number;
}

/** Solves for the Bai–Gölz weights (w_1 = 1) to residual ≤ tol (default 1e-10). */
export function baiGolzWeights(dists: readonly Distribution[], tol = 1e-10): BaiGolzWeights {
  const n = dists.length;
  if (n < 1) throw new InvalidInputError('bad-count', 'baiGolzWeights: needs at least one distribution');
  dists.forEach((d, i) => {
    if (d.kind !== 'continuous')
      throw new DomainError(
        'weighted-ranking',
        'not-continuous',
        `dists[${i}] (${d.name}) has atoms; the weights need continuous distributions`,
      );
  });
  if (n === 1) return { w: [1], pi: [1], residual: 0, iterations: 0 };
  const target = 1 / n;
  const res = (w: number[]) => {
    const pi = winProbabilities(dists, w);
    return { pi, r: Math.max(...pi.map((p) => Math.abs(p - target))) };
  };
  // start: equalize medians
  let w = dists.map((d) => d.quantile(0.5));
  w = w.map((m) => (m > 0 ? w[0] / m : 1));
  let cur = res(w);
  let it = 0;
  for (; it < 30 && cur.r > 1e-4; it++) {
    w = w.map((wi, i) => wi * Math.pow(target / Math.max(cur.pi[i], 1e-12), 0.5));
    w = w.map((wi) => wi / w[0]);
    cur = res(w);
  }
  for (; it < 100 && cur.r > tol; it++) {
    const th = w.slice(1).map(Math.log);
    const F = (t: number[]) =>
      winProbabilities(dists, [1, ...t.map(Math.exp)])
        .slice(1)
        .map((p) => p - target);
    const f0 = cur.pi.slice(1).map((p) => p - target);
    const h = 1e-6;
    const J = th.map((_, c) => {
      const tp = th.slice();
      tp[c] += h;
      const fp = F(tp);
      return fp.map((v, r) => (v - f0[r]) / h);
    }); // J[c][r] = d f_r / d th_c
    const step = solveLinear(
      th.map((_, r) => th.map((__, c) => J[c][r])),
      f0.map((v) => -v),
      () => {
        throw new DomainError('weighted-ranking', 'singular-jacobian', 'Bai–Gölz solver: singular Jacobian');
      },
    );
    let lambda = 1;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      const tn = th.map((t, k) => t + lambda * step[k]);
      const wn = [1, ...tn.map(Math.exp)];
      const cand = res(wn);
      if (cand.r < cur.r) {
        w = wn;
        cur = cand;
        accepted = true;
        break;
      }
      lambda /= 2;
    }
    if (!accepted) break;
  }
  return { w, pi: cur.pi, residual: cur.r, iterations: it };
}
