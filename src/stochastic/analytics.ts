/**
 * Closed-form (quantile-limit) analytics of Pick-r / QT-s, paper 001 Lemma 3.6 and its corollaries
 * (seed-001 spec sections 3.6–3.8, 6.3–6.4):
 * * `welfareRatio` alpha(r; D) = sum_i P_i Top(1 - s_i) / M_n (Lemma 3.6(2)), the welfare ratio Pick-r
 *   achieves up to o(1); `qtpRatio` the same number by the prophet backward recursion (Prop. 3.8, C8);
 * * `efMargins`: the expected per-item EF margins of Lemma 3.6(3); EF w.h.p. iff all are > 0 (a zero
 *   margin is NOT EF w.h.p., spec P1/P21);
 * * `worstCaseGuarantee` g(r) = inf_D alpha(r; D) (spec C11, [DERIVED]);
 * * `halfValueShare` r_min(D) and `efSelectorShare` (Theorem 3.7 selector with the knife-edge rule P1);
 * * `dpThresholds` (Corollary 3.9: the prophet-optimal Pick-r by backward induction);
 * * `nearEqualShares` (Theorem 3.10) and the equal split.
 */
import { DomainError, InvalidInputError } from '../core/errors';
import { R0 } from './constants';
import type { Distribution } from './distribution';
import { bisect } from './quadrature';
import { rToS, sToR } from './shares';

function checkShares(r: readonly number[]): void {
  if (r.length === 0) throw new InvalidInputError('bad-shares', 'shares: empty');
  r.forEach((x, i) => {
    if (!(x >= -1e-15 && Number.isFinite(x)))
      throw new InvalidInputError('bad-shares', `shares[${i}] = ${x} must be non-negative`);
  });
  const s = r.reduce((a, b) => a + b, 0);
  if (Math.abs(s - 1) > 1e-9) throw new InvalidInputError('bad-shares', `shares sum to ${s}, expected 1`);
}

/** alpha(r; D) = sum_i P_i Top(1 - s_i) / M_n (paper 001 Lemma 3.6(2), quantile form). */
export function welfareRatio(r: readonly number[], d: Distribution): number {
  checkShares(r);
  const s = rToS(r);
  let P = 1,
    num = 0;
  s.forEach((si, i) => {
    if (si > 0 && P > 0) num += P * d.top(1 - si);
    P -= r[i];
  });
  return num / d.emax(r.length);
}

/** The QTP-s reward ratio by backward recursion V_n = mu, V_i = Top(1 - s_i) + (1 - s_i) V_{i+1} (spec C8). */
export function qtpRatio(s: readonly number[], d: Distribution): number {
  const n = s.length;
  let V = d.mean();
  for (let i = n - 2; i >= 0; i--) V = d.top(1 - s[i]) + (1 - s[i]) * V;
  return V / d.emax(n);
}

export interface EfMargins {
  /** own[i] = E[v_i(A_i)]/m in QT-s = P_i Top(tau_i). */
  readonly own: number[];
  /** other[i][j] = E[v_i(A_j)]/m in QT-s. */
  readonly other: number[][];
  /** (own_i - other_ij)/mu for i != j (0 on the diagonal). */
  readonly normalized: number[][];
  /** Minimum normalized margin over i != j. */
  readonly min: number;
  /** The pair (i, j) attaining the minimum. */
  readonly argmin: readonly [number, number];
  /** All margins > tol (1e-9 relative): Pick-r is EF with probability -> 1 (Lemma 3.6(3)). */
  readonly efWhp: boolean;
}

/** The expected EF margins of Pick-r (QT-s limit), paper 001 Lemma 3.6(3); quantile forms of spec 6.4. */
export function efMargins(r: readonly number[], d: Distribution, tol = 1e-9): EfMargins {
  checkShares(r);
  const n = r.length;
  const s = rToS(r);
  const mu = d.mean();
  const own: number[] = [];
  const other: number[][] = [];
  let P = 1;
  const tops = s.map((si) => d.top(1 - si));
  for (let i = 0; i < n; i++) {
    const tau = 1 - s[i];
    own.push(s[i] > 0 ? P * tops[i] : 0);
    other.push(
      r.map((rj, j) => {
        if (j === i) return own[i];
        if (i < j) return tau <= 0 ? 0 : (rj * (mu - tops[i])) / tau;
        return rj * mu;
      }),
    );
    P -= r[i];
  }
  const normalized = other.map((row, i) => row.map((o, j) => (i === j ? 0 : (own[i] - o) / mu)));
  let min = Infinity;
  let argmin: [number, number] = [0, 0];
  normalized.forEach((row, i) =>
    row.forEach((x, j) => {
      if (i !== j && x < min) {
        min = x;
        argmin = [i, j];
      }
    }),
  );
  if (n === 1) min = Infinity;
  return { own, other, normalized, min, argmin, efWhp: min > tol };
}

/**
 * g(r) = inf over all D of alpha(r; D) = inf_{t in [0,1)} G_r(t)/(1 - t^n), G_r(t) = sum_i P_i min(s_i, 1 - t)
 * (spec C11, [DERIVED]). g(r0) = (2+sqrt2)/4 for n = 2; g(equal split) = (n+1)/(2n); g(r) ≤ 1/a_n.
 */
export function worstCaseGuarantee(r: readonly number[]): { value: number; t: number } {
  checkShares(r);
  const n = r.length;
  const s = rToS(r);
  const P: number[] = [];
  let acc = 1;
  r.forEach((ri) => {
    P.push(acc);
    acc -= ri;
  });
  const G = (t: number) => s.reduce((sum, si, i) => sum + (si > 0 ? P[i] * Math.min(si, 1 - t) : 0), 0);
  const ratio = (t: number) => G(t) / (1 - Math.pow(t, n));
  // limit t -> 1
  let best = { value: P.reduce((a, p, i) => a + (s[i] > 0 ? p : 0), 0) / n, t: 1 };
  const cuts = [0, ...s.map((si) => 1 - si).filter((t) => t > 0 && t < 1), 1].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    let a = cuts[k],
      b = cuts[k + 1];
    const consider = (t: number) => {
      if (t < 1) {
        const v = ratio(t);
        if (v < best.value) best = { value: v, t };
      }
    };
    consider(a);
    // golden-section search on the piece (the ratio of a linear function to 1 - t^n is quasi-convex here)
    const g = (Math.sqrt(5) - 1) / 2;
    let c = b - g * (b - a),
      d = a + g * (b - a);
    for (let it = 0; it < 200 && b - a > 1e-15; it++) {
      if (ratio(c) < ratio(Math.min(d, 1 - 1e-16))) {
        b = d;
        d = c;
        c = b - g * (b - a);
      } else {
        a = c;
        c = d;
        d = a + g * (b - a);
      }
    }
    consider(Math.min(0.5 * (a + b), 1 - 1e-12));
  }
  return best;
}

/**
 * The half-value share r_min(D) in (0, 1/2): Top(1 - r_min) = mu/2 (spec 3.6). For n = 2, Pick-r is EF
 * w.h.p. iff r_min < r < 1/2. Throws a DomainError for zero variance.
 */
export function halfValueShare(d: Distribution): number {
  const mu = d.mean();
  if (!(mu > 0)) throw new DomainError('half-value-share', 'zero-mean', `${d.name}: the mean must be positive`);
  const f = (r: number) => d.top(1 - r) - mu / 2;
  if (!(f(0.5) > 1e-12 * mu))
    throw new DomainError(
      'half-value-share',
      'zero-variance',
      `${d.name}: Top(1/2) = mu/2, so r_min = 1/2 and no Pick-r is EF w.h.p. (zero variance)`,
    );
  return bisect(f, 0, 0.5, { tol: 1e-15 });
}

/** The half-value quantile tau with Top(tau) = mu/2 (Appendix B), = 1 - r_min. */
export function halfValueQuantile(d: Distribution): number {
  return 1 - halfValueShare(d);
}

export type EfSelectorVariant = 'paper' | 'robust';

export interface EfSelectorChoice {
  readonly r: number;
  readonly branch: 'r0' | 'fallback' | 'robust';
  /** 2 Top(1 - r0) - mu (the paper's A); the r0 branch needs it > 1e-9 mu (strict, spec P1). */
  readonly condition: number;
  readonly rMin: number;
  readonly variant: EfSelectorVariant;
}

/**
 * Theorem 3.7's share for two agents (paper 001, Appendix E): r0 when Top(1 - r0) > mu/2 strictly
 * (|2Top - mu| ≤ 1e-9 mu counts as EQUALITY and goes to the fallback: pitfall P1, e.g. Uniform[0,1]);
 * otherwise the paper's max(0, 1/2 - m^{-1/4}) (variant 'paper'), or the robust midpoint
 * (r_min + 1/2)/2 of spec 3.6 (variant 'robust': EF margins linear in m, welfare still ≥ (2+sqrt2)/4).
 */
export function efSelectorShare(d: Distribution, m: number, variant: EfSelectorVariant = 'paper'): EfSelectorChoice {
  if (!(Number.isInteger(m) && m >= 1))
    throw new InvalidInputError('bad-count', `efSelectorShare: m = ${m} must be a positive integer`);
  const mu = d.mean();
  const condition = 2 * d.top(1 - R0) - mu;
  const rMin = halfValueShare(d);
  if (condition > 1e-9 * mu) return { r: R0, branch: 'r0', condition, rMin, variant };
  if (variant === 'robust') return { r: (rMin + 0.5) / 2, branch: 'robust', condition, rMin, variant };
  return { r: Math.max(0, 0.5 - Math.pow(m, -0.25)), branch: 'fallback', condition, rMin, variant };
}

export interface DpThresholds {
  /** Continuation values c[1..n] (c[1] = mu, c[k+1] = E[max(X, c[k])]). */
  readonly c: number[];
  /** Value thresholds theta_i = c[n-i] for agents 1..n-1 (theta_n = ess inf). */
  readonly theta: number[];
  /** Acceptance probabilities s_i = P(X > theta_i) (strict, spec P19), s_n = 1. */
  readonly s: number[];
  /** Pick shares r = S_TO_R(s). */
  readonly r: number[];
  /** alpha_DP = c[n]/M_n ≥ 1/a_n ≥ beta. */
  readonly alpha: number;
}

/**
 * The prophet-optimal Pick-r for D and n (paper 001 Corollary 3.9 via Proposition 3.8; spec 3.7):
 * backward induction of optimal stopping; agent i accepts iff its value exceeds the continuation value of
 * the n - i agents after it. Ratio alpha_DP(D, n) ≥ 1/a_n ≥ beta ≈ 0.745.
 */
export function dpThresholds(d: Distribution, n: number): DpThresholds {
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError('bad-count', `dpThresholds: n = ${n} must be a positive integer`);
  const c = [d.mean()];
  for (let k = 1; k < n; k++) c.push(d.emaxWith(c[k - 1]));
  const theta: number[] = [];
  const s: number[] = [];
  for (let i = 1; i < n; i++) {
    theta.push(c[n - i - 1]);
    s.push(1 - d.cdf(c[n - i - 1]));
  }
  theta.push(d.support[0]);
  s.push(1);
  return { c, theta, s, r: sToR(s), alpha: c[n - 1] / d.emax(n) };
}

/** Theorem 3.10 shares (1/n - eps, ..., 1/n - eps, 1/n + (n-1) eps); eps = 0 is the equal split. */
export function nearEqualShares(n: number, eps: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError('bad-count', `nearEqualShares: n = ${n} must be a positive integer`);
  if (!(eps >= 0 && eps <= 1 / n))
    throw new InvalidInputError('bad-parameter', `nearEqualShares: eps = ${eps} must be in [0, 1/n]`);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 / n + (n - 1) * eps : 1 / n - eps));
}

/**
 * Chooses Theorem 3.10's eps for D: `preferred` (default 0.02, spec 3.8) when every margin is > 0 and
 * alpha > 1/2, else the grid point of (0, 1/n) with the largest minimum normalized margin among those with
 * alpha > 1/2. Throws a DomainError when none qualifies.
 */
export function chooseNearEqualEps(
  d: Distribution,
  n: number,
  preferred = 0.02,
): { eps: number; r: number[]; alpha: number; minMargin: number } {
  const ok = (eps: number) => {
    const r = nearEqualShares(n, eps);
    const m = efMargins(r, d);
    const alpha = welfareRatio(r, d);
    return { eps, r, alpha, minMargin: m.min, good: m.efWhp && alpha > 0.5 };
  };
  if (preferred > 0 && preferred < 1 / n) {
    const p = ok(preferred);
    if (p.good) return p;
  }
  let best: ReturnType<typeof ok> | null = null;
  for (let k = 1; k < 100; k++) {
    const c = ok((k / 100) * (1 / n));
    if (c.good && (!best || c.minMargin > best.minMargin)) best = c;
  }
  if (!best)
    throw new DomainError(
      'pick-near-equal',
      'no-epsilon',
      `${d.name}: no eps in (0, 1/n) gives positive margins with alpha > 1/2`,
    );
  return best;
}
