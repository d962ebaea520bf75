/**
 * The Hill–Kertz worst-case distribution for n agents in the long-shot limit form ([DERIVED], generalizing
 * spec T15 from n = 3 to every n): atoms 0, c[1], ..., c[n-1] = 1 at the quantile breakpoints
 * x_{n-1} < ... < x_1 of `hillKertz(n)`, where c[k] are the DP continuation values themselves, plus a long
 * shot of total contribution L. The values and L solve the linear system c[1] = mu,
 * c[k+1] = E[max(X, c[k])] (k < n-1), c[n-1] = 1. On it the prophet-optimal Pick-r (Corollary 3.9) achieves
 * 1/a_n (to 1e-12 in the tests, n = 2..5, 10, 20, 50), which decreases to beta ≈ 0.7454: this is the instance on
 * which paper 001's "≈ 0.745" (Corollary 3.9's tightness) is approached.
 */
import { DomainError, InvalidInputError } from '../core/errors';
import { hillKertz } from './constants';
import { LongShotLimit } from './continuous';
import { solveLinear } from './linear';
import { discrete, withLongShot, type PiecewiseQuantile } from './piecewise';

export interface WorstCase {
  readonly n: number;
  /** The regular (discrete) part. */
  readonly regular: PiecewiseQuantile;
  /** The long shot's contribution L. */
  readonly L: number;
  /** The limit form (analytic only). */
  readonly limit: LongShotLimit;
  /** A samplable version with a long shot of mass p (value L/p). */
  withMass(p: number): PiecewiseQuantile;
}

export function hillKertzWorstCase(n: number): WorstCase {
  if (!Number.isInteger(n) || n < 2) throw new InvalidInputError('bad-count', `hillKertzWorstCase: n = ${n} must be an integer ≥ 2`);
  const x = [1, ...hillKertz(n).x];
  const mass = [x[n - 1], ...Array.from({ length: n - 1 }, (_, k) => x[n - 2 - k] - x[n - 1 - k])];
  const N = n;
  const A: number[][] = [];
  const b: number[] = [];
  const row = () => new Array<number>(N).fill(0);
  {
    const r = row();
    r[0] += 1;
    for (let l = 1; l < n; l++) r[l - 1] -= mass[l];
    r[N - 1] -= 1;
    A.push(r);
    b.push(0);
  }
  for (let k = 1; k <= n - 2; k++) {
    const r = row();
    r[k] += 1;
    let below = 0;
    for (let l = 0; l <= k; l++) below += mass[l];
    r[k - 1] -= below;
    for (let l = k + 1; l < n; l++) r[l - 1] -= mass[l];
    r[N - 1] -= 1;
    A.push(r);
    b.push(0);
  }
  {
    const r = row();
    r[n - 2] = 1;
    A.push(r);
    b.push(1);
  }
  const z = solveLinear(A, b, () => {
    throw new DomainError('hill-kertz-worst-case', 'singular', `n = ${n}: singular system`);
  });
  const regular = discrete([0, ...z.slice(0, n - 1)], mass, `HillKertzWorstCase(n=${n}) regular part`);
  const L = z[N - 1];
  return { n, regular, L, limit: new LongShotLimit(regular, L), withMass: (p: number) => withLongShot(regular, p, L) };
}
