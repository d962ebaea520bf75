/**
 * The constants of paper 001 (seed-001 spec sections 5.1 and 6.6):
 * * c2 = (2 + sqrt 2)/4, the tight DSIC ratio for two agents (Theorem 3.1 impossibility, Proposition 3.3
 *   Pick-r0 achieves it); r0 = (2 - sqrt 2)/2 the Pick share; q* = 2 - sqrt 2;
 * * the Hill–Kertz constants: `hillKertz(n).prophetRatio` = 1/a_n, the best worst-case ratio of an
 *   i.i.d. prophet (gambler) for n draws, which by Proposition 3.8 / Corollary 3.9 is the best worst-case
 *   welfare ratio of any Pick-r for n agents. Convention (spec P13): `aN` ≥ 1 is prophet/gambler as in
 *   Hill & Kertz; `prophetRatio` = 1/a_n ≤ 1 is what the paper calls a_n;
 * * beta = 1/gamma* ≈ 0.7454, the n -> ∞ limit (Kertz 1986), with gamma* the unique gamma > 1 solving
 *   ∫_0^1 dy / (y(1 - ln y) + gamma - 1) = 1 (the corrected equation, spec P12).
 */
import { InvalidInputError } from '../core/errors';
import { bisect, integrate } from './quadrature';

/** (2 + sqrt 2)/4 = 0.8535533905932737. */
export const C2 = (2 + Math.SQRT2) / 4;
/** r0 = (2 - sqrt 2)/2 = 0.2928932188134524, the Pick-r0 share of Proposition 3.3. */
export const R0 = (2 - Math.SQRT2) / 2;
/** q* = 2 - sqrt 2 (the hard distribution's parameter). */
export const Q_STAR = 2 - Math.SQRT2;

export interface HillKertz {
  readonly n: number;
  /** The first quantile breakpoint x_1 of the worst-case distribution. */
  readonly x1: number;
  /** a_n = n(1 - x_1^{n-1}) ≥ 1 (prophet/gambler). */
  readonly aN: number;
  /** 1/a_n ≤ 1: the gambler's (and the best Pick-r's) worst-case ratio. */
  readonly prophetRatio: number;
  /** All breakpoints x_1 > x_2 > ... > x_n = 0. */
  readonly x: readonly number[];
}

/**
 * Hill–Kertz a_n by shooting on y = x_1^{n-1} (spec 3.7, after Correa et al. 2021 eqs. (8)–(10)):
 * x_{j+1}^{n-1} = ((n-1)/n) x_j^n + y - (n-1)/n for j = 1..n-1 must end with x_n^{n-1} = 0. Working with
 * y keeps full precision for large n (x_1 = 0.999999986583 at n = 10^4, spec T3, tested).
 */
export function hillKertz(n: number): HillKertz {
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError('bad-count', `hillKertz: n = ${n} must be a positive integer`);
  if (n === 1) return { n, x1: 1, aN: 1, prophetRatio: 1, x: [1] };
  const c = (n - 1) / n;
  const p = n / (n - 1);
  // returns +1 if y too large (final z > 0), -1 if too small (some z ≤ 0 early or final < 0)
  const shoot = (y: number): { sign: number; z: number[] } => {
    const z = [y];
    for (let j = 1; j < n; j++) {
      const next = c * Math.pow(z[j - 1], p) + y - c;
      if (j < n - 1 && next <= 0) return { sign: -1, z };
      z.push(next);
    }
    const last = z[n - 1];
    return { sign: last > 0 ? 1 : last < 0 ? -1 : 0, z };
  };
  let lo = 0,
    hi = 1;
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const s = shoot(mid).sign;
    if (s === 0) {
      lo = hi = mid;
      break;
    }
    if (s > 0) hi = mid;
    else lo = mid;
  }
  const y = 0.5 * (lo + hi);
  const z = shoot(y).z;
  const x = z.map((v) => Math.pow(Math.max(0, v), 1 / (n - 1)));
  while (x.length < n) x.push(0);
  const aN = n * (1 - y);
  return { n, x1: x[0], aN, prophetRatio: 1 / aN, x };
}

let kertzCache: number | undefined;

/** gamma* ≈ 1.3414889923701554: the unique gamma > 1 with ∫_0^1 dy/(y(1 - ln y) + gamma - 1) = 1. */
export function kertzGamma(): number {
  if (kertzCache !== undefined) return kertzCache;
  const I = (g: number) =>
    integrate((y) => 1 / ((y > 0 ? y * (1 - Math.log(y)) : 0) + g - 1), 0, 1, { relTol: 1e-13, absTol: 1e-15 }).value -
    1;
  kertzCache = bisect(I, 1.05, 3, { tol: 1e-15 });
  return kertzCache;
}

/** beta = 1/gamma* ≈ 0.7454403321142357, the n -> ∞ limit of 1/a_n (Kertz 1986; paper's "≈ 0.745"). */
export function kertzBeta(): number {
  return 1 / kertzGamma();
}

/** The 1/a_n table of spec T3. */
export function prophetRatioTable(
  ns: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 10, 20, 50, 100, 1000, 10000],
): HillKertz[] {
  return ns.map((n) => hillKertz(n));
}
