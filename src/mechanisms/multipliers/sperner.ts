/**
 * The Sperner grid search of Bai & Gölz (Proposition 9; seed-004 spec 3.5.2): exponential in n, for n ≤ 4 as a
 * cross-check of Algorithm 1 and for drawing the colour map.
 *
 * With d = n - 1, eps = delta / (2 (n - 1) q), K0 = ceil(ln R / ln(1 + eps)) (R just above 2q, Lemma 12) and K = 2 K0,
 * grid point x in {0..K}^d has multipliers beta(x) = ((1+eps)^{x_1}, ..., (1+eps)^{x_d}, (1+eps)^{K0}) (the last agent
 * fixed) and colour argmax_i p_i(beta(x)) (lowest index on ties). On the face x_i = 0 the colour is not i, on x_i = K
 * it is not n; each cubelet y + {0,1}^d is split into the d! Kuhn simplices y, y + e_pi(1), y + e_pi(1) + e_pi(2), ...
 * Sperner's lemma gives a panchromatic simplex; its lower corner y gives beta with |p_i - 1/n| ≤ delta (spec 3.5.2).
 *
 * [DECISION] Cubelets are scanned by increasing Chebyshev distance from the centre (K0, ..., K0), which is beta = 1;
 * equalizing multipliers of agents with comparable distributions lie near it, so the scan usually stops after a few
 * cubelets, and it still covers the whole grid (the guarantee) when they do not. Colours are computed lazily and cached.
 */
import { DomainError, InvalidInputError } from '../../core/errors';
import { permutations } from '../../core/permutations';
import type { DensityDistribution } from '../../stochastic/density';
import type { EqualizationResult } from './algorithm1';
import { resultingProbabilities } from './oracle';

export interface SpernerOptions {
  readonly delta: number;
  readonly q: number;
}

export interface SpernerResult extends EqualizationResult {
  /** The lower corner of the cubelet that holds the panchromatic simplex. */
  readonly corner: number[];
  /** Grid points whose colour was computed. */
  readonly coloured: number;
  readonly gridSide: number;
}

/** Equalizing multipliers by the Sperner grid (Proposition 9), n ≤ 4. */
export function spernerMultipliers(dists: readonly DensityDistribution[], opts: SpernerOptions): SpernerResult {
  const n = dists.length;
  if (n < 2 || n > 4)
    throw new InvalidInputError('bad-count', `spernerMultipliers: n = ${n}; the grid search is for 2 ≤ n ≤ 4`);
  const { delta, q } = opts;
  if (!(delta > 0 && delta < 1))
    throw new InvalidInputError('bad-delta', `spernerMultipliers: delta = ${delta} must lie in (0, 1)`);
  if (!(q > 0 && Number.isFinite(q)))
    throw new InvalidInputError('bad-q', `spernerMultipliers: q = ${q} must be positive and finite`);
  const d = n - 1;
  const eps = delta / (2 * (n - 1) * q);
  const K0 = Math.ceil(Math.log(2 * q * (1 + 1e-9)) / Math.log1p(eps));
  const K = 2 * K0;
  const betaOf = (x: readonly number[]) => [...x.map((k) => (1 + eps) ** k), (1 + eps) ** K0];
  const colours = new Map<string, number>();
  let rounds = 0;
  const colour = (x: readonly number[]): number => {
    const key = x.join(',');
    const hit = colours.get(key);
    if (hit !== undefined) return hit;
    rounds++;
    const { p } = resultingProbabilities(dists, betaOf(x));
    let best = 0;
    for (let i = 1; i < n; i++) if (p[i] > p[best]) best = i;
    colours.set(key, best);
    return best;
  };
  const perms = permutations(d);
  const panchromatic = (y: readonly number[]): boolean => {
    for (const pi of perms) {
      const v = y.slice();
      const seen = new Set<number>([colour(v)]);
      for (const axis of pi) {
        v[axis]++;
        seen.add(colour(v));
      }
      if (seen.size === n) return true;
    }
    return false;
  };
  // cubelets y in {0..K-1}^d by Chebyshev distance from the centre
  const centre = K0;
  for (let radius = 0; radius <= K; radius++) {
    for (const y of shell(d, centre, radius, K - 1)) {
      if (!panchromatic(y)) continue;
      const beta = betaOf(y);
      const { p, error } = resultingProbabilities(dists, beta);
      const deviation = Math.max(...p.map((x) => Math.abs(x - 1 / n)));
      return {
        beta,
        p,
        deviation,
        delta,
        rounds,
        converged: deviation <= delta + error,
        oracleError: error,
        corner: y,
        coloured: colours.size,
        gridSide: K,
      };
    }
  }
  throw new DomainError(
    'multiplier',
    'no-panchromatic-simplex',
    'spernerMultipliers: no panchromatic simplex (the distributions violate the density bound q)',
  );
}

/** The points y in {0..max}^d with max_k |y_k - centre| = radius. */
function* shell(d: number, centre: number, radius: number, max: number): Generator<number[]> {
  const lo = centre - radius,
    hi = centre + radius;
  const y = new Array<number>(d).fill(0);
  function* rec(k: number, onShell: boolean): Generator<number[]> {
    if (k === d) {
      if (onShell) yield y.slice();
      return;
    }
    for (let v = Math.max(0, lo); v <= Math.min(max, hi); v++) {
      y[k] = v;
      yield* rec(k + 1, onShell || v === lo || v === hi);
    }
  }
  yield* rec(0, radius === 0);
}
