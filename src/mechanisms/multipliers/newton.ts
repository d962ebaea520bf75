/**
 * A fast equalizer that is not in the paper (seed-004 spec 3.15): Newton's method, or Broyden's rank-one updates of the
 * Newton Jacobian, on w = ln beta with the last agent fixed at beta_n = 1, solving p_i(beta) = 1/n for i < n. The
 * Jacobian d p_i / d ln beta_k is the integral of spec 6.5 (`probabilityJacobian`); its rows sum to zero, so fixing one
 * coordinate makes it regular for interval supports. Steps are damped by backtracking on max_i |p_i - 1/n|.
 *
 * [DECISION] The answer is re-verified by the guaranteed method: the exact oracle must show max_i |p_i - 1/n| ≤ delta
 * at the returned beta; otherwise (no convergence, singular Jacobian) the refinement schedule of Algorithm 1 runs and
 * its answer is returned, with `fallback` giving the reason. Newton never certifies itself.
 */
import { InvalidInputError } from '../../core/errors';
import type { DensityDistribution } from '../../stochastic/density';
import { solveLinear } from '../../stochastic/linear';
import { refinedAlgorithm1, type EqualizationResult } from './algorithm1';
import { probabilityJacobian, resultingProbabilities } from './oracle';

export interface NewtonOptions {
  /** The accuracy the result is verified against (default 1e-12). */
  readonly delta?: number;
  /** The density bound q for the fallback (Algorithm 1). */
  readonly q: number;
  /** 'newton' recomputes the Jacobian every step; 'broyden' computes it once and updates it (default 'newton'). */
  readonly update?: 'newton' | 'broyden';
  /** Starting multipliers (default all 1). */
  readonly start?: readonly number[];
  readonly maxIterations?: number;
}

export interface NewtonResult extends EqualizationResult {
  readonly iterations: number;
  /** Why Algorithm 1's refinement schedule produced the answer instead, when Newton did not reach delta. */
  readonly fallback?: string;
}

function residual(p: readonly number[]): number {
  return Math.max(...p.map((x) => Math.abs(x - 1 / p.length)));
}

/** Equalizing multipliers by Newton or Broyden on ln beta, verified (module header). Normalised to beta_n = 1. */
export function newtonMultipliers(dists: readonly DensityDistribution[], opts: NewtonOptions): NewtonResult {
  const n = dists.length;
  if (n < 2) throw new InvalidInputError('bad-count', `newtonMultipliers: needs at least 2 agents, got ${n}`);
  const delta = opts.delta ?? 1e-12;
  if (!(delta > 0 && delta < 1))
    throw new InvalidInputError('bad-delta', `newtonMultipliers: delta = ${delta} must lie in (0, 1)`);
  const maxIterations = opts.maxIterations ?? 60;
  const start = opts.start ?? new Array<number>(n).fill(1);
  let w = start.slice(0, n - 1).map((b) => Math.log(b / start[n - 1]));
  const betaOf = (v: readonly number[]) => [...v.map(Math.exp), 1];
  let rounds = 1;
  let cur = resultingProbabilities(dists, betaOf(w));
  let res = residual(cur.p);
  const reduced = (J: number[][]) => J.slice(0, n - 1).map((row) => row.slice(0, n - 1));
  let J = reduced(probabilityJacobian(dists, betaOf(w)));
  let it = 0;
  let stuck = `no convergence in ${maxIterations} iterations`;
  for (; it < maxIterations && res > delta; it++) {
    const f = cur.p.slice(0, n - 1).map((x) => x - 1 / n);
    let step: number[];
    try {
      step = solveLinear(
        J,
        f.map((v) => -v),
        () => {
          throw new InvalidInputError('singular-jacobian', 'singular Jacobian');
        },
      );
    } catch {
      stuck = 'singular Jacobian';
      break;
    }
    let lambda = 1;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      const wn = w.map((x, k) => x + lambda * step[k]);
      const cand = resultingProbabilities(dists, betaOf(wn));
      rounds++;
      const r = residual(cand.p);
      if (r < res) {
        if (opts.update === 'broyden') {
          // J += (df - J dw) dw^T / (dw^T dw)
          const dw = wn.map((x, k) => x - w[k]);
          const df = cand.p.slice(0, n - 1).map((x, k) => x - 1 / n - f[k]);
          const Jdw = J.map((row) => row.reduce((s, v, k) => s + v * dw[k], 0));
          const den = dw.reduce((s, v) => s + v * v, 0);
          if (den > 0) J = J.map((row, r2) => row.map((v, c) => v + ((df[r2] - Jdw[r2]) * dw[c]) / den));
        }
        w = wn;
        cur = cand;
        res = r;
        accepted = true;
        break;
      }
      lambda /= 2;
    }
    if (!accepted) {
      stuck = 'no step reduced the residual';
      break;
    }
    if (opts.update !== 'broyden') J = reduced(probabilityJacobian(dists, betaOf(w)));
  }
  if (res <= delta)
    return {
      beta: betaOf(w),
      p: cur.p,
      deviation: res,
      delta,
      rounds,
      converged: true,
      oracleError: cur.error,
      iterations: it,
    };
  const rescue = refinedAlgorithm1(dists, { delta: Math.max(delta, 1e-9), q: opts.q });
  const scale = rescue.beta[n - 1];
  return {
    ...rescue,
    beta: rescue.beta.map((b) => b / scale),
    rounds: rounds + rescue.rounds,
    iterations: it,
    fallback: stuck,
  };
}
