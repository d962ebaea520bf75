/**
 * Equalizing multipliers for two agents by bisection (seed-004 spec 3.5.3): p_1 depends only on r = beta_1/beta_2,
 * is continuous and nondecreasing in r (Lemmas 8 and 10), tends to 0 as r -> 0 and to 1 as r -> ∞, so p_1(r) = 1/2
 * has a root found by bisection on ln r; the root is unique with interval supports (Lemma 15). For the agents of
 * Appendix B the root is r* = 2√6 - 3.
 */
import { DomainError, InvalidInputError } from '../../core/errors';
import type { DensityDistribution } from '../../stochastic/density';
import type { EqualizationResult } from './algorithm1';
import { resultingProbabilities } from './oracle';

export interface BisectionOptions {
  /** Stop when |p_1 - 1/2| ≤ tolerance or the bracket cannot shrink in double precision (default 1e-15). */
  readonly tolerance?: number;
}

/** beta = (r, 1) with p_1(r) = 1/2 up to the tolerance. */
export function equalizeTwoAgents(
  dists: readonly DensityDistribution[],
  opts: BisectionOptions = {},
): EqualizationResult {
  if (dists.length !== 2)
    throw new InvalidInputError('bad-count', `equalizeTwoAgents: needs exactly 2 agents, got ${dists.length}`);
  const tol = opts.tolerance ?? 1e-15;
  if (!(tol >= 0))
    throw new InvalidInputError('bad-tolerance', `equalizeTwoAgents: tolerance ${tol} must be non-negative`);
  let rounds = 0;
  const at = (r: number) => {
    rounds++;
    return resultingProbabilities(dists, [r, 1]);
  };
  let lo = 1,
    hi = 1;
  let pLo = at(1);
  let pHi = pLo;
  for (let k = 0; pLo.p[0] > 0.5 && k < 200; k++) {
    hi = lo;
    pHi = pLo;
    lo /= 2;
    pLo = at(lo);
  }
  for (let k = 0; pHi.p[0] < 0.5 && k < 200; k++) {
    lo = hi;
    pLo = pHi;
    hi *= 2;
    pHi = at(hi);
  }
  if (pLo.p[0] > 0.5 || pHi.p[0] < 0.5)
    throw new DomainError('multiplier', 'no-bracket', 'equalizeTwoAgents: p_1(r) = 1/2 has no root in [2^-200, 2^200]');
  let best = Math.abs(pLo.p[0] - 0.5) <= Math.abs(pHi.p[0] - 0.5) ? { r: lo, v: pLo } : { r: hi, v: pHi };
  while (Math.abs(best.v.p[0] - 0.5) > tol) {
    const mid = Math.sqrt(lo * hi);
    if (!(mid > lo && mid < hi)) break;
    const v = at(mid);
    if (Math.abs(v.p[0] - 0.5) < Math.abs(best.v.p[0] - 0.5)) best = { r: mid, v };
    if (v.p[0] < 0.5) lo = mid;
    else if (v.p[0] > 0.5) hi = mid;
    else break;
  }
  const deviation = Math.max(...best.v.p.map((x) => Math.abs(x - 0.5)));
  return {
    beta: [best.r, 1],
    p: best.v.p,
    deviation,
    delta: Math.max(tol, deviation),
    rounds,
    converged: true,
    oracleError: best.v.error,
  };
}
