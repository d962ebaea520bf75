/**
 * The probability oracle of Bai & Gölz (IJCAI 2022, Eq. (1); seed-004 spec 3.1): for multipliers beta > 0, agent i's
 * resulting probability is the chance that she has the largest scaled utility for a random item,
 *
 *   p_i(beta) = ∫ f_i(x) prod_{k≠i} F_k(beta_i x / beta_k) dx,
 *
 * together with the quantities built from the same integrals: the Jacobian in log beta (spec 6.5) for Newton's
 * method, and the conditional expectations E[u_i | i gets], E[u_i | j gets] behind the gap of Proposition 6
 * (spec 2.5, 3.13).
 *
 * Quadrature, with its stated error:
 * * every density piecewise polynomial (uniform, piecewise uniform, peak): the support of f_i is split at its own
 *   kinks and at x = t beta_k / beta_i for every kink t of every other agent; on each piece the integrand is a
 *   polynomial, and Gauss–Legendre with ceil((degree + 1)/2) nodes is exact. `error` bounds the rounding only:
 *   (4n + 16) u sum |w f| with u = 2^-53 (a first-order bound on the evaluation and summation errors).
 * * a Beta agent i: x = sin^2 theta turns x^(a-1)(1-x)^(b-1) dx into a bounded weight (spec 3.1, item 4), then the
 *   adaptive Gauss–Kronrod rule of src/stochastic/quadrature.ts on the same breakpoints; otherwise adaptive in x.
 *   `error` is the summed |K15 - G7| estimate (not a proven bound).
 *
 * Differs from `winProbabilities` of src/stochastic/bai-golz.ts (the same p_i in quantile space, adaptive, no error
 * statement) by being exact for piecewise-polynomial densities, which Algorithm 1's comparisons need.
 */
import { InvalidInputError } from '../../core/errors';
import type { DensityDistribution } from '../../stochastic/density';
import { gaussLegendre, pointsForDegree } from '../../stochastic/gauss-legendre';
import { integrate } from '../../stochastic/quadrature';
import { logGamma } from '../../stochastic/special';

const U = 2 ** -53;

/** p and its error bound. */
export interface ProbabilityVector {
  readonly p: number[];
  /** max_i of the stated error of p_i (module header). */
  readonly error: number;
  /** 'exact-gauss-legendre' when every integral was exact up to rounding. */
  readonly method: 'exact-gauss-legendre' | 'adaptive';
}

/** One integral over agent i's support: ∫ f_i(x) g(x) dx. */
interface AgentIntegral {
  readonly value: number;
  readonly error: number;
  readonly exact: boolean;
}

/** Checks the multipliers: n positive finite numbers. Code `bad-multipliers`. */
export function checkMultipliers(beta: readonly number[], n: number, where = 'multipliers'): void {
  if (!Array.isArray(beta) && !(beta instanceof Float64Array))
    throw new InvalidInputError('bad-multipliers', `${where}: expected ${n} positive numbers`);
  if (beta.length !== n)
    throw new InvalidInputError(
      'bad-multipliers',
      `${where}: expected ${n} multipliers (one per agent), got ${beta.length}`,
    );
  beta.forEach((b, i) => {
    if (!(typeof b === 'number' && b > 0 && Number.isFinite(b)))
      throw new InvalidInputError('bad-multipliers', `${where}[${i}] = ${b} must be a positive finite number`);
  });
}

/** The integration pieces of agent i: her support split at every kink the integrand can have. */
function pieces(dists: readonly DensityDistribution[], beta: readonly number[], i: number): number[] {
  const [lo, hi] = dists[i].support;
  const cuts = new Set<number>([lo, hi]);
  const add = (x: number) => {
    if (x > lo && x < hi) cuts.add(x);
  };
  for (const x of dists[i].densityBreaks) add(x);
  for (let k = 0; k < dists.length; k++) {
    if (k === i) continue;
    const scale = beta[k] / beta[i];
    for (const t of dists[k].densityBreaks) add(t * scale);
  }
  return [...cuts].sort((a, b) => a - b);
}

/**
 * ∫ f_i(x) g(x) dx over agent i's support, where g is a polynomial of degree `gDegree` between the kinks (undefined
 * when it is not). Exact Gauss–Legendre when f_i and g are piecewise polynomial, else adaptive (module header).
 */
function integrateAgent(
  dists: readonly DensityDistribution[],
  beta: readonly number[],
  i: number,
  g: (x: number) => number,
  gDegree: number | undefined,
): AgentIntegral {
  const d = dists[i];
  const cuts = pieces(dists, beta, i);
  const n = dists.length;
  if (d.polynomialDegree !== undefined && gDegree !== undefined) {
    const N = pointsForDegree(d.polynomialDegree + gDegree);
    const { nodes, weights } = gaussLegendre(N);
    let s = 0,
      abs = 0;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k],
        b = cuts[k + 1];
      const c = 0.5 * (a + b),
        h = 0.5 * (b - a);
      let piece = 0,
        pieceAbs = 0;
      for (let j = 0; j < N; j++) {
        const x = c + h * nodes[j];
        const v = weights[j] * d.pdf(x) * g(x);
        piece += v;
        pieceAbs += Math.abs(v);
      }
      s += piece * h;
      abs += pieceAbs * h;
    }
    return { value: s, error: (4 * n + 16) * U * abs, exact: true };
  }
  if (d.betaExponents) {
    const [a, b] = d.betaExponents;
    const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
    const weight = (th: number) => {
      const s = Math.sin(th),
        c = Math.cos(th);
      // f(x) dx with x = sin^2 theta: (2/B) sin^(2a-1) cos^(2b-1) dtheta
      return 2 * Math.exp((2 * a - 1) * Math.log(s) + (2 * b - 1) * Math.log(c) - lnB);
    };
    const thetas = cuts.map((x) => Math.asin(Math.sqrt(Math.min(1, Math.max(0, x)))));
    const r = integrate(
      (th) => {
        const s = Math.sin(th);
        const w = weight(th);
        return w === 0 || !Number.isFinite(w) ? (Number.isFinite(w) ? 0 : 0) : w * g(s * s);
      },
      0,
      Math.PI / 2,
      { breakpoints: thetas.slice(1, -1), absTol: 1e-15, relTol: 1e-13, maxIntervals: 4000 },
    );
    return { value: r.value, error: r.error, exact: false };
  }
  const r = integrate((x) => d.pdf(x) * g(x), cuts[0], cuts[cuts.length - 1], {
    breakpoints: cuts.slice(1, -1),
    absTol: 1e-15,
    relTol: 1e-13,
    maxIntervals: 4000,
  });
  return { value: r.value, error: r.error, exact: false };
}

/** Degree of prod_{k ∉ skip} F_k as a polynomial between kinks (F_k has degree deg f_k + 1), or undefined. */
function cdfProductDegree(dists: readonly DensityDistribution[], skip: readonly number[]): number | undefined {
  let deg = 0;
  for (let k = 0; k < dists.length; k++) {
    if (skip.includes(k)) continue;
    const dk = dists[k].polynomialDegree;
    if (dk === undefined) return undefined;
    deg += dk + 1;
  }
  return deg;
}

/** G_i(x) = prod_{k ∉ skip} F_k(beta_i x / beta_k). */
function cdfProduct(
  dists: readonly DensityDistribution[],
  beta: readonly number[],
  i: number,
  skip: readonly number[],
): (x: number) => number {
  const n = dists.length;
  const ks: number[] = [];
  const ts: number[] = [];
  for (let k = 0; k < n; k++)
    if (!skip.includes(k)) {
      ks.push(k);
      ts.push(beta[i] / beta[k]);
    }
  return (x: number) => {
    let prod = 1;
    for (let j = 0; j < ks.length && prod !== 0; j++) prod *= dists[ks[j]].cdf(ts[j] * x);
    return prod;
  };
}

/** p_i(beta) for every agent, with the error of module header (spec 3.1). */
export function resultingProbabilities(
  dists: readonly DensityDistribution[],
  beta: readonly number[],
): ProbabilityVector {
  const n = dists.length;
  if (n < 1) throw new InvalidInputError('bad-count', 'resultingProbabilities: needs at least one agent');
  checkMultipliers(beta, n);
  let error = 0;
  let exact = true;
  const p = dists.map((_, i) => {
    const r = integrateAgent(dists, beta, i, cdfProduct(dists, beta, i, [i]), cdfProductDegree(dists, [i]));
    error = Math.max(error, r.error);
    exact &&= r.exact;
    return r.value;
  });
  return { p, error, method: exact ? 'exact-gauss-legendre' : 'adaptive' };
}

/**
 * The Jacobian J[i][k] = d p_i / d ln beta_k (spec 6.5): for k ≠ i,
 * -∫ f_i(x) t x f_k(t x) prod_{l ∉ {i,k}} F_l(beta_i x / beta_l) dx with t = beta_i / beta_k; the diagonal makes each
 * row sum to zero (scale invariance).
 */
export function probabilityJacobian(dists: readonly DensityDistribution[], beta: readonly number[]): number[][] {
  const n = dists.length;
  checkMultipliers(beta, n);
  const J = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      if (k === i) continue;
      const t = beta[i] / beta[k];
      const rest = cdfProduct(dists, beta, i, [i, k]);
      const dk = dists[k].polynomialDegree;
      const restDeg = cdfProductDegree(dists, [i, k]);
      const deg = dk === undefined || restDeg === undefined ? undefined : 1 + dk + restDeg;
      const fk = dists[k];
      J[i][k] = -integrateAgent(dists, beta, i, (x) => t * x * fk.pdf(t * x) * rest(x), deg).value;
    }
    J[i][i] = -J[i].reduce((s, v) => s + v, 0);
  }
  return J;
}

/** The conditional expectations of spec 2.5 for one beta. */
export interface ConditionalExpectations {
  readonly p: number[];
  /** own[i] = E[u_i | i gets the item]. */
  readonly own: number[];
  /** mean[i] = E[u_i]. */
  readonly mean: number[];
  /** cross[i][j] = E[u_i | j gets the item] (cross[i][i] = own[i]). */
  readonly cross: number[][];
  /** gap[i][j] = own[i] - cross[i][j] (Proposition 6's quantity; 0 on the diagonal). */
  readonly gap: number[][];
}

/**
 * E[u_i | i gets], E[u_i], E[u_i | j gets] and the gaps Gamma_ij (spec 3.13): own[i] = ∫ x f_i G_i / p_i and
 * cross[i][j] = ∫ f_j(y) Φ_i(beta_j y / beta_i) prod_{k ∉ {i,j}} F_k(beta_j y / beta_k) dy / p_j.
 */
export function conditionalExpectations(
  dists: readonly DensityDistribution[],
  beta: readonly number[],
): ConditionalExpectations {
  const n = dists.length;
  checkMultipliers(beta, n);
  const { p } = resultingProbabilities(dists, beta);
  const mean = dists.map((d) => d.mean());
  const own = dists.map((_, i) => {
    const G = cdfProduct(dists, beta, i, [i]);
    const deg = cdfProductDegree(dists, [i]);
    return integrateAgent(dists, beta, i, (x) => x * G(x), deg === undefined ? undefined : deg + 1).value / p[i];
  });
  const cross = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return own[i];
      const rest = cdfProduct(dists, beta, j, [i, j]);
      const restDeg = cdfProductDegree(dists, [i, j]);
      const di = dists[i].polynomialDegree;
      const deg = di === undefined || restDeg === undefined ? undefined : di + 2 + restDeg;
      const t = beta[j] / beta[i];
      const Phi = dists[i];
      return integrateAgent(dists, beta, j, (y) => Phi.partialMean(t * y) * rest(y), deg).value / p[j];
    }),
  );
  const gap = own.map((o, i) => cross[i].map((c, j) => (i === j ? 0 : o - c)));
  return { p, own, mean, cross, gap };
}
