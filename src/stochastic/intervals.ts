/**
 * 95% (or other level) confidence intervals for the statistical claims of the stochastic layer:
 * Wilson score and Jeffreys intervals for a binomial proportion (the EF frequency), and the
 * delta-method normal interval for a ratio of means (the welfare ratio sum SW / sum OPT, spec 3.13 and P7).
 */
import { InvalidInputError } from '../core/errors';
import { inverseIncompleteBeta, normalQuantile } from './special';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

function zFor(level: number): number {
  if (!(level > 0 && level < 1))
    throw new InvalidInputError('bad-level', `confidence level ${level} must be in (0, 1)`);
  return normalQuantile(1 - (1 - level) / 2);
}

function checkCounts(k: number, n: number): void {
  if (!(Number.isInteger(k) && Number.isInteger(n) && n > 0 && k >= 0 && k <= n))
    throw new InvalidInputError('bad-count', `interval: need integers 0 ≤ k ≤ n, n > 0 (got k = ${k}, n = ${n})`);
}

/** Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, level = 0.95): Interval {
  checkCounts(k, n);
  const z = zFor(level);
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Jeffreys interval: Beta(k + 1/2, n - k + 1/2) quantiles (lo = 0 when k = 0, hi = 1 when k = n). */
export function jeffreys(k: number, n: number, level = 0.95): Interval {
  checkCounts(k, n);
  const a = (1 - level) / 2;
  return {
    lo: k === 0 ? 0 : inverseIncompleteBeta(a, k + 0.5, n - k + 0.5),
    hi: k === n ? 1 : inverseIncompleteBeta(1 - a, k + 0.5, n - k + 0.5),
  };
}

/**
 * Ratio of means sum(x)/sum(y) with the delta-method standard error
 * sd(x_t - ratio y_t) / (sqrt(T) mean(y)) and the normal interval at `level`.
 */
export function ratioOfMeans(
  x: readonly number[],
  y: readonly number[],
  level = 0.95,
): { mean: number; se: number; lo: number; hi: number } {
  const T = x.length;
  if (T === 0 || y.length !== T)
    throw new InvalidInputError(
      'bad-sample',
      'ratioOfMeans: needs equally many (non-zero) numerators and denominators',
    );
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  if (!(sy > 0)) throw new InvalidInputError('bad-sample', 'ratioOfMeans: the denominators sum to 0');
  const ratio = sx / sy;
  let ss = 0;
  for (let t = 0; t < T; t++) ss += (x[t] - ratio * y[t]) ** 2;
  const sd = T > 1 ? Math.sqrt(ss / (T - 1)) : 0;
  const se = T > 1 ? sd / (Math.sqrt(T) * (sy / T)) : Infinity;
  const z = zFor(level);
  return { mean: ratio, se, lo: ratio - z * se, hi: ratio + z * se };
}
