/**
 * The distribution interface of the stochastic layer, in quantile space (seed-001 spec section 6.1).
 *
 * Paper 001 (Halpern, Psomas, Zhang) draws every value v_{i,j} i.i.d. from D; every quantity it uses is a
 * linear functional of the quantile function Q = F^{-1}: the upper-tail integral Top(tau) = ∫_tau^1 Q,
 * the mean mu = Top(0), the prophet benchmark M_n = E[max of n draws] = ∫_0^1 n u^{n-1} Q(u) du and
 * E[max(X, c)] = c F(c) + Top(F(c)). `QuantileDistribution` implements all of them by quadrature
 * (src/stochastic/quadrature.ts) from `quantile` alone; concrete distributions override closed forms.
 *
 * Floats are the right numbers here (architecture section 3): claims of this layer are statistical.
 */
import { InvalidInputError } from '../core/errors';
import type { Rng } from '../core/rng';
import { bisect, integrate } from './quadrature';

export type DistributionKind = 'continuous' | 'discrete' | 'mixed';

export interface Distribution {
  /** Human-readable name, e.g. `Uniform[0, 1]`. */
  readonly name: string;
  /** A JSON-able description (the CLI `--dist` spec when there is one). */
  readonly spec: string;
  readonly kind: DistributionKind;
  /** [essential inf, essential sup]; sup may be Infinity. */
  readonly support: readonly [number, number];
  /**
   * Paper 001's validity (section 2.2): non-negative, bounded, non-zero variance, continuous. Results
   * labelled "w.h.p." are proven only for valid D; formulas for alpha and margins hold for any finite mean
   * (spec pitfall P8).
   */
  readonly valid: boolean;
  /** Why the distribution is not valid (empty when valid). */
  readonly validityNotes: readonly string[];
  /** Kinks and jumps of Q in (0, 1), for quadrature. */
  readonly breakpoints: readonly number[];
  /** Q(u) = inf{x : F(x) ≥ u}, the left-continuous inverse (u in [0, 1]). */
  quantile(u: number): number;
  /** F(x) = P(X ≤ x). */
  cdf(x: number): number;
  /** F(x-) = P(X < x). Equal to cdf for continuous D. */
  cdfLeft(x: number): number;
  /** mu = E[X]. */
  mean(): number;
  /** E[X^2]. */
  secondMoment(): number;
  /** Top(tau) = ∫_tau^1 Q(u) du = E[X 1{F(X) ≥ tau}] (randomized quantile for atoms). */
  top(tau: number): number;
  /** M_n = E[max(X_1..X_n)]. */
  emax(n: number): number;
  /** E[max(X, c)]. */
  emaxWith(c: number): number;
  /** One draw (Q(U) unless a faster exact sampler exists). */
  sample(r: Rng): number;
  /**
   * Optional: fills `out` with the draws `out.length` calls of `sample(r)` give, in a loop where the draw is inlined
   * (the simulation's hot loop: a double returned from a call that is not inlined is allocated on the heap).
   */
  sampleInto?(r: Rng, out: Float64Array): void;
}

/** Checks tau in [0, 1]. */
export function checkUnit(u: number, where: string): void {
  if (!(u >= 0 && u <= 1)) throw new InvalidInputError('bad-quantile', `${where}: ${u} is not in [0, 1]`);
}

/** Checks n is a positive integer. */
export function checkCount(n: number, where: string): void {
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError('bad-count', `${where}: expected a positive integer, got ${n}`);
}

/**
 * Base class: everything from `quantile` by quadrature (relative tolerance 1e-12, breakpoints honoured).
 * `cdf` is computed by bisection on Q when not overridden.
 */
export abstract class QuantileDistribution implements Distribution {
  abstract readonly name: string;
  abstract readonly spec: string;
  abstract readonly kind: DistributionKind;
  abstract readonly support: readonly [number, number];
  readonly breakpoints: readonly number[] = [];
  abstract quantile(u: number): number;

  get valid(): boolean {
    return this.validityNotes.length === 0;
  }
  get validityNotes(): string[] {
    const notes: string[] = [];
    if (this.support[0] < 0) notes.push('negative values');
    if (!Number.isFinite(this.support[1]))
      notes.push("unbounded (outside the paper's assumptions; formulas still hold with a finite mean)");
    if (this.kind !== 'continuous') notes.push('has atoms (mechanisms need tie-breaking, QT needs the randomized PIT)');
    if (!(this.secondMoment() - this.mean() ** 2 > 1e-15 * Math.max(1, this.secondMoment())))
      notes.push('zero variance');
    return notes;
  }

  /** ∫_a^b w(u) Q(u) du with the distribution's breakpoints. */
  protected integrateQ(a: number, b: number, w: (u: number) => number = () => 1): number {
    if (b <= a) return 0;
    return integrate((u) => w(u) * this.quantile(u), a, b, {
      breakpoints: this.breakpoints,
      relTol: 1e-12,
      absTol: 1e-15,
    }).value;
  }
  cdf(x: number): number {
    const [lo, hi] = this.support;
    if (x < lo) return 0;
    if (x >= hi) return 1;
    // F(x) = sup{u : Q(u) ≤ x}
    if (this.quantile(1) <= x) return 1;
    return bisect((u) => (this.quantile(u) <= x ? -1 : 1), 0, 1, { tol: 1e-15 });
  }
  cdfLeft(x: number): number {
    if (this.kind === 'continuous') return this.cdf(x);
    // F(x-) = inf{u : Q(u) ≥ x} ... = sup{u : Q(u) < x}
    const [lo] = this.support;
    if (x <= lo) return 0;
    if (this.quantile(1) < x) return 1;
    return bisect((u) => (this.quantile(u) < x ? -1 : 1), 0, 1, { tol: 1e-15 });
  }
  mean(): number {
    return this.top(0);
  }
  secondMoment(): number {
    return this.integrateQ(0, 1, (u) => this.quantile(u));
  }
  top(tau: number): number {
    checkUnit(tau, 'top(tau)');
    return this.integrateQ(tau, 1);
  }
  emax(n: number): number {
    checkCount(n, 'emax(n)');
    if (n === 1) return this.mean();
    return this.integrateQ(0, 1, (u) => n * u ** (n - 1));
  }
  emaxWith(c: number): number {
    const F = this.cdf(c);
    return c * F + this.top(F);
  }
  sample(r: Rng): number {
    return this.quantile(r.float());
  }
}

/** A plain-data summary of a distribution (for CLI output and notebooks). */
export function describe(d: Distribution): Record<string, unknown> {
  return {
    name: d.name,
    spec: d.spec,
    kind: d.kind,
    support: d.support,
    valid: d.valid,
    validityNotes: d.validityNotes,
    mean: d.mean(),
  };
}
