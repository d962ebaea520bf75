/**
 * Gauss–Legendre quadrature: N nodes integrate every polynomial of degree ≤ 2N - 1 exactly (up to rounding). The
 * probability oracle of Bai & Gölz (seed-004 spec 3.1, item 3) splits the support at every kink and integrates a
 * polynomial on each piece, so this rule is exact there; `integrate` (quadrature.ts) is the adaptive rule for
 * everything else.
 *
 * Nodes: Newton's method on P_N from the Chebyshev-like guess cos(π (k - 1/4)/(N + 1/2)), weights
 * 2 / ((1 - x^2) P_N'(x)^2) (Numerical Recipes `gauleg`). Cached per N.
 */
import { InvalidInputError } from '../core/errors';

export interface GaussLegendreRule {
  /** Nodes on [-1, 1], increasing. */
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussLegendreRule>();

/** P_N(x) by the three-term recurrence, and P_N'(x) = N (x P_N - P_{N-1}) / (x^2 - 1). */
function legendre(N: number, x: number): { p: number; dp: number } {
  let p0 = 1,
    p1 = 0;
  for (let j = 1; j <= N; j++) {
    const p2 = p1;
    p1 = p0;
    p0 = ((2 * j - 1) * x * p1 - (j - 1) * p2) / j;
  }
  return { p: p0, dp: (N * (x * p0 - p1)) / (x * x - 1) };
}

/** The N-point rule on [-1, 1] (1 ≤ N ≤ 200). */
export function gaussLegendre(N: number): GaussLegendreRule {
  if (!Number.isInteger(N) || N < 1 || N > 200)
    throw new InvalidInputError('bad-count', `gaussLegendre: N = ${N} must be an integer in 1..200`);
  const hit = cache.get(N);
  if (hit) return hit;
  const nodes = new Float64Array(N);
  const weights = new Float64Array(N);
  const half = Math.floor((N + 1) / 2);
  for (let k = 1; k <= half; k++) {
    let x = Math.cos((Math.PI * (k - 0.25)) / (N + 0.5));
    for (let it = 0; it < 100; it++) {
      const { p, dp } = legendre(N, x);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-16) break;
    }
    // the derivative at the converged node
    const { dp } = legendre(N, x);
    const w = 2 / ((1 - x * x) * dp * dp);
    nodes[k - 1] = -x;
    nodes[N - k] = x;
    weights[k - 1] = w;
    weights[N - k] = w;
  }
  const rule = { nodes, weights };
  cache.set(N, rule);
  return rule;
}

/** N such that the N-point rule is exact for degree `degree` (N = ceil((degree + 1) / 2), at least 1). */
export function pointsForDegree(degree: number): number {
  return Math.max(1, Math.ceil((degree + 1) / 2));
}

/** ∫_a^b f by the N-point rule (exact when f is a polynomial of degree ≤ 2N - 1). */
export function integrateGaussLegendre(f: (x: number) => number, a: number, b: number, N: number): number {
  const { nodes, weights } = gaussLegendre(N);
  const c = 0.5 * (a + b),
    h = 0.5 * (b - a);
  let s = 0;
  for (let k = 0; k < N; k++) s += weights[k] * f(c + h * nodes[k]);
  return s * h;
}
