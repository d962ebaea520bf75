/**
 * Distributions with a density, for the probability oracle of Bai & Gölz (seed-004 spec 3.1): p_i(beta) =
 * ∫ f_i(x) prod_{k≠i} F_k(beta_i x / beta_k) dx needs f, F, the points where f is not smooth, and whether f is a
 * polynomial between them (then Gauss–Legendre with enough nodes is exact). `DensityDistribution` extends the
 * quantile-space `Distribution` of this layer, so a density distribution works everywhere a distribution does.
 *
 * Implementations: `PiecewiseLinearDensity` (uniform, piecewise uniform, the "peak" agents; piecewise-density.ts)
 * and `BetaDensity` (below). `toDensity` turns a parsed spec ("uniform:0,1", "beta:2,5", "histogram:...",
 * "peak:0.5") into one.
 */
import { InvalidInputError } from '../core/errors';
import { Beta } from './continuous';
import type { Distribution } from './distribution';
import { parseDistribution } from './parse';
import { PiecewiseLinearDensity, peak } from './piecewise-density';
import { PiecewiseQuantile } from './piecewise';
import { incompleteBeta } from './special';

/** Bounds p ≤ f(x) ≤ q on the support (spec 2.2, "(p, q)-PDF-bounded"); q = Infinity when f is unbounded. */
export interface PdfBounds {
  readonly lower: number;
  readonly upper: number;
}

export interface DensityDistribution extends Distribution {
  /** The density f(x) (0 outside the support). */
  pdf(x: number): number;
  /** Φ(t) = ∫_{-∞}^t x f(x) dx, the partial expectation (spec 2.5). */
  partialMean(t: number): number;
  /** Points of x-space where f is not smooth, support ends included, increasing. */
  readonly densityBreaks: readonly number[];
  /** The degree of f as a polynomial between consecutive breaks; undefined when f is not piecewise polynomial. */
  readonly polynomialDegree?: number;
  /**
   * For a density with integrable endpoint singularities: the exponents (a, b) of x^(a-1) (1-x)^(b-1) on [0, 1],
   * so the oracle can integrate in theta with x = sin^2 theta (spec 3.1, item 4).
   */
  readonly betaExponents?: readonly [number, number];
  readonly pdfBounds: PdfBounds;
  /** Interval support: f > 0 on the interior of [support[0], support[1]] (spec 2.2). */
  readonly intervalSupport: boolean;
}

/** True when `d` carries a density. */
export function isDensity(d: Distribution): d is DensityDistribution {
  const x = d as Partial<DensityDistribution>;
  return typeof x.pdf === 'function' && typeof x.partialMean === 'function' && Array.isArray(x.densityBreaks);
}

/** Beta(a, b) on [0, 1] with its density (the Beta agents of spec 5.3). */
export class BetaDensity extends Beta implements DensityDistribution {
  readonly densityBreaks = [0, 1] as const;
  readonly betaExponents: readonly [number, number];
  readonly pdfBounds: PdfBounds;
  readonly intervalSupport = true;
  constructor(a: number, b: number) {
    super(a, b);
    this.betaExponents = [a, b];
    this.pdfBounds = betaPdfBounds(this, a, b);
  }
  pdf(x: number): number {
    return this.density(x);
  }
  /** Φ(t) = mean · I_t(a + 1, b). */
  partialMean(t: number): number {
    if (t <= 0) return 0;
    if (t >= 1) return this.mean();
    return this.mean() * incompleteBeta(t, this.a + 1, this.b);
  }
}

function betaPdfBounds(d: BetaDensity, a: number, b: number): PdfBounds {
  const at = (x: number) => d.density(x);
  const edge0 = a < 1 ? Infinity : a === 1 ? b : 0;
  const edge1 = b < 1 ? Infinity : b === 1 ? a : 0;
  // the interior extremum sits at the mode (a - 1)/(a + b - 2) when a + b ≠ 2
  const mode = a + b !== 2 ? (a - 1) / (a + b - 2) : 0.5;
  const interior = mode > 0 && mode < 1 ? at(mode) : NaN;
  const values = [edge0, edge1, ...(Number.isNaN(interior) ? [] : [interior])];
  return { lower: Math.min(...values), upper: Math.max(...values) };
}

/**
 * A density distribution from a spec or a distribution: "peak:a" / "peak:a,base" (the Bai–Gölz peak), any spec
 * of `parseDistribution` whose distribution has a density (uniform, histogram, beta), or a `Distribution` object.
 * Code `bad-distribution` when there is no density (atoms, exponential tails, empirical samples).
 */
export function toDensity(x: unknown, where = 'distribution'): DensityDistribution {
  if (typeof x === 'string') {
    const spec = x.trim();
    if (spec.toLowerCase().startsWith('peak:')) {
      const parts = spec
        .slice(5)
        .split(',')
        .map((s) => Number(s.trim()));
      if (parts.length < 1 || parts.length > 2 || parts.some((p) => !Number.isFinite(p)))
        throw new InvalidInputError('bad-distribution', `${where}: "${spec}": expected peak:a or peak:a,base`);
      return peak(parts[0], parts[1]);
    }
    return toDensity(parseDistribution(spec), where);
  }
  if (x && typeof x === 'object') {
    const d = x as Distribution;
    if (isDensity(d)) return d;
    if (d instanceof Beta) return new BetaDensity(d.a, d.b);
    if (d instanceof PiecewiseQuantile && d.kind === 'continuous') return PiecewiseLinearDensity.fromQuantilePieces(d);
    if (typeof d.quantile === 'function')
      throw new InvalidInputError(
        'bad-distribution',
        `${where}: ${d.name} has no density (the multiplier oracle needs one: uniform, histogram, beta or peak)`,
      );
  }
  throw new InvalidInputError(
    'bad-distribution',
    `${where}: expected a distribution spec such as "peak:0.5", "uniform:0,1" or "beta:2,5", got ${JSON.stringify(x)}`,
  );
}
