/**
 * Continuous parametric distributions with closed forms where they exist: Exponential(lambda) (spec 6.2:
 * Top(tau) = (1-tau)(1 - ln(1-tau))/lambda, M_n = H_n/lambda, E[max(X,c)] = c + e^{-lambda c}/lambda),
 * Beta(a, b) (Top through the incomplete beta function, M_n = ∫_0^1 (1 - F^n) dx by quadrature) and the
 * user-defined distribution given by its quantile function (everything by quadrature).
 */
import { DomainError, InvalidInputError } from '../core/errors';
import type { Rng } from '../core/rng';
import { checkCount, checkUnit, QuantileDistribution, type Distribution, type DistributionKind } from './distribution';
import { integrate } from './quadrature';
import { harmonic, incompleteBeta, inverseIncompleteBeta, logGamma } from './special';
import { NumpyRandomState } from './numpy-random-state';

/** Exponential(lambda). Unbounded, hence not "valid" in paper 001's sense (spec P8); formulas still hold. */
export class Exponential extends QuantileDistribution {
  readonly name: string;
  readonly spec: string;
  readonly kind: DistributionKind = 'continuous';
  readonly support = [0, Infinity] as const;
  constructor(readonly lambda = 1) {
    super();
    if (!(lambda > 0 && Number.isFinite(lambda)))
      throw new InvalidInputError('bad-parameter', `exponential: rate lambda = ${lambda} must be positive`);
    this.name = `Exp(${lambda})`;
    this.spec = `exp:${lambda}`;
  }
  quantile(u: number): number {
    if (u >= 1) return Infinity;
    return -Math.log1p(-u) / this.lambda;
  }
  override cdf(x: number): number {
    return x <= 0 ? 0 : -Math.expm1(-this.lambda * x);
  }
  override cdfLeft(x: number): number {
    return this.cdf(x);
  }
  override mean(): number {
    return 1 / this.lambda;
  }
  override secondMoment(): number {
    return 2 / (this.lambda * this.lambda);
  }
  override top(tau: number): number {
    checkUnit(tau, 'top(tau)');
    if (tau >= 1) return 0;
    return ((1 - tau) * (1 - Math.log1p(-tau))) / this.lambda;
  }
  override emax(n: number): number {
    checkCount(n, 'emax(n)');
    return harmonic(n) / this.lambda;
  }
  override emaxWith(c: number): number {
    if (c <= 0) return this.mean();
    return c + Math.exp(-this.lambda * c) / this.lambda;
  }
  override sample(r: Rng): number {
    return -Math.log1p(-r.float()) / this.lambda;
  }
  sampleInto(r: Rng, out: Float64Array): void {
    for (let j = 0; j < out.length; j++) out[j] = -Math.log1p(-r.float()) / this.lambda;
  }
}

function gammaSample(r: Rng, shape: number): number {
  // Marsaglia & Tsang (2000); shape < 1 by the boost U^{1/shape}.
  if (shape < 1) return gammaSample(r, shape + 1) * Math.pow(1 - r.float(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      // standard normal by Box–Muller
      const u1 = 1 - r.float();
      const u2 = r.float();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - r.float();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Beta(a, b) on [0, 1]. Top(tau) = a/(a+b) (1 - I_{Q(tau)}(a+1, b)). Sampling by the gamma ratio, or by NumPy's legacy
 * `beta` when the generator is a `NumpyRandomState` (so that `np.random.seed(s)` experiments replay).
 */
export class Beta extends QuantileDistribution {
  readonly name: string;
  readonly spec: string;
  readonly kind: DistributionKind = 'continuous';
  readonly support = [0, 1] as const;
  constructor(
    readonly a: number,
    readonly b: number,
  ) {
    super();
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)))
      throw new InvalidInputError('bad-parameter', `beta: a = ${a}, b = ${b} must be positive and finite`);
    this.name = `Beta(${a}, ${b})`;
    this.spec = `beta:${a},${b}`;
  }
  quantile(u: number): number {
    return inverseIncompleteBeta(u, this.a, this.b);
  }
  override cdf(x: number): number {
    return incompleteBeta(Math.min(1, Math.max(0, x)), this.a, this.b);
  }
  override cdfLeft(x: number): number {
    return this.cdf(x);
  }
  override mean(): number {
    return this.a / (this.a + this.b);
  }
  override secondMoment(): number {
    const { a, b } = this;
    return (a * (a + 1)) / ((a + b) * (a + b + 1));
  }
  override top(tau: number): number {
    checkUnit(tau, 'top(tau)');
    if (tau <= 0) return this.mean();
    if (tau >= 1) return 0;
    return this.mean() * (1 - incompleteBeta(this.quantile(tau), this.a + 1, this.b));
  }
  override emax(n: number): number {
    checkCount(n, 'emax(n)');
    if (n === 1) return this.mean();
    return integrate((x) => 1 - this.cdf(x) ** n, 0, 1, { relTol: 1e-12, absTol: 1e-15 }).value;
  }
  override emaxWith(c: number): number {
    if (c <= 0) return this.mean();
    if (c >= 1) return c;
    return c + integrate((x) => 1 - this.cdf(x), c, 1, { relTol: 1e-12, absTol: 1e-15 }).value;
  }
  override sample(r: Rng): number {
    if (r instanceof NumpyRandomState) return r.beta(this.a, this.b);
    const x = gammaSample(r, this.a);
    const y = gammaSample(r, this.b);
    return x / (x + y);
  }
  /** The density (for tests). */
  density(x: number): number {
    if (x <= 0 || x >= 1) return 0;
    const { a, b } = this;
    return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b)));
  }
}

/**
 * A user-defined distribution given by its quantile function Q (non-decreasing on [0, 1]). Everything is
 * computed by quadrature of Q; pass the kinks/jumps of Q as `breakpoints` for full accuracy, and
 * `kind: 'discrete' | 'mixed'` when Q has flat pieces (atoms).
 */
export class QuantileFunctionDistribution extends QuantileDistribution {
  readonly kind: DistributionKind;
  readonly support: readonly [number, number];
  override readonly breakpoints: readonly number[];
  readonly spec: string;
  constructor(
    private readonly q: (u: number) => number,
    readonly name = 'user-defined',
    opts: { breakpoints?: readonly number[]; kind?: DistributionKind } = {},
  ) {
    super();
    if (typeof q !== 'function')
      throw new InvalidInputError('bad-quantile-function', 'fromQuantile: expected a function u -> Q(u)');
    const lo = q(0),
      hi = q(1);
    if (Number.isNaN(lo) || Number.isNaN(hi) || lo === -Infinity)
      throw new InvalidInputError('bad-quantile-function', `fromQuantile: Q(0) = ${lo}, Q(1) = ${hi}`);
    let prev = lo;
    for (let k = 1; k <= 64; k++) {
      const x = q(k / 64);
      if (Number.isNaN(x) || x < prev - 1e-12 * Math.max(1, Math.abs(prev)))
        throw new InvalidInputError('not-monotone', `fromQuantile: Q decreases (or is NaN) near u = ${k / 64}`);
      prev = x;
    }
    this.support = [lo, hi];
    this.kind = opts.kind ?? 'continuous';
    this.breakpoints = [...(opts.breakpoints ?? [])].filter((u) => u > 0 && u < 1).sort((a, b) => a - b);
    this.spec = `quantile-function:${name}`;
  }
  quantile(u: number): number {
    return this.q(u);
  }
}

/** A distribution from its quantile function (see `QuantileFunctionDistribution`). */
export function fromQuantile(
  q: (u: number) => number,
  name?: string,
  opts?: { breakpoints?: readonly number[]; kind?: DistributionKind },
): Distribution {
  return new QuantileFunctionDistribution(q, name, opts);
}

/**
 * The long-shot limit form of spec 6.2 (worst-case instances, e.g. T15): a regular part plus a long shot
 * of vanishing mass p -> 0 and value L/p, contributing L to mu, to Top(tau) for tau < 1 and to every
 * E[max(X, c)], and n L to M_n. Analytic only: it cannot be sampled (use `withLongShot` with a finite p).
 */
export class LongShotLimit implements Distribution {
  readonly name: string;
  readonly spec: string;
  readonly kind: DistributionKind;
  readonly support: readonly [number, number];
  readonly valid = false;
  readonly validityNotes = ['limit form with a vanishing long shot: analytic only'];
  readonly breakpoints: readonly number[];
  constructor(
    readonly regular: Distribution,
    readonly L: number,
  ) {
    if (!(L >= 0 && Number.isFinite(L)))
      throw new InvalidInputError('bad-parameter', `LongShotLimit: L = ${L} must be non-negative`);
    this.name = `${regular.name} + long shot L=${L} (limit)`;
    this.spec = `${regular.spec}+longshot-limit:${L}`;
    this.kind = regular.kind;
    this.support = [regular.support[0], Infinity];
    this.breakpoints = regular.breakpoints;
  }
  quantile(u: number): number {
    return u >= 1 ? Infinity : this.regular.quantile(u);
  }
  cdf(x: number): number {
    return this.regular.cdf(x);
  }
  cdfLeft(x: number): number {
    return this.regular.cdfLeft(x);
  }
  mean(): number {
    return this.regular.mean() + this.L;
  }
  secondMoment(): number {
    return Infinity;
  }
  top(tau: number): number {
    return tau >= 1 ? 0 : this.regular.top(tau) + this.L;
  }
  emax(n: number): number {
    return this.regular.emax(n) + n * this.L;
  }
  emaxWith(c: number): number {
    return this.regular.emaxWith(c) + this.L;
  }
  sample(): number {
    throw new DomainError(
      'long-shot-limit',
      'not-samplable',
      'the limit form has a vanishing long shot; simulate withLongShot(regular, p, L) with a finite p',
    );
  }
}
