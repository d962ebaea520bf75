/**
 * Piecewise-linear densities: uniform, piecewise uniform (gaps allowed, e.g. U([0,1/3] ∪ [2/3,1])), and the "peak"
 * agents of Bai & Gölz (IJCAI 2022, Appendix F.2; seed-004 spec 6.2), whose density grows linearly from
 * (0, base) to (a, 2 - base) and falls linearly to (1, base). F is quadratic and Φ(t) = ∫ x f cubic on each
 * segment, all in closed form; the quantile solves the quadratic in its cancellation-free form.
 *
 * The peak sampler is the authors' own, not the inverse CDF (spec 3.14): three uniforms r0, r1, r2 per value,
 * x = r1 if r0 < base, else a sqrt(r2) if r1 < a, else 1 - (1 - a) sqrt(r2). With `Mt19937` and m consecutive
 * draws this replays NumPy's `rand(m, 3)` row by row.
 */
import { InvalidInputError } from '../core/errors';
import type { Rng } from '../core/rng';
import type { DensityDistribution, PdfBounds } from './density';
import { QuantileDistribution, type DistributionKind } from './distribution';
import type { PiecewiseQuantile } from './piecewise';

/** One segment: f rises (or falls) linearly from f0 at x0 to f1 at x1. */
export interface DensitySegment {
  readonly x0: number;
  readonly x1: number;
  readonly f0: number;
  readonly f1: number;
}

interface Prepared extends DensitySegment {
  /** F(x0). */
  readonly F0: number;
  /** Φ(x0). */
  readonly P0: number;
  /** (f1 - f0)/(x1 - x0). */
  readonly slope: number;
}

/** A continuous distribution whose density is linear on each of finitely many segments (zero between them). */
export class PiecewiseLinearDensity extends QuantileDistribution implements DensityDistribution {
  readonly kind: DistributionKind = 'continuous';
  readonly support: readonly [number, number];
  override readonly breakpoints: readonly number[];
  readonly densityBreaks: readonly number[];
  readonly polynomialDegree: number;
  readonly pdfBounds: PdfBounds;
  readonly intervalSupport: boolean;
  readonly segments: readonly DensitySegment[];
  private readonly prepared: readonly Prepared[];
  private readonly sampler?: (r: Rng) => number;

  constructor(
    readonly name: string,
    readonly spec: string,
    segments: readonly DensitySegment[],
    sampler?: (r: Rng) => number,
  ) {
    super();
    if (segments.length === 0) throw new InvalidInputError('empty-distribution', `${name}: needs at least one segment`);
    let total = 0;
    segments.forEach((s, k) => {
      if (![s.x0, s.x1, s.f0, s.f1].every(Number.isFinite))
        throw new InvalidInputError('non-finite', `${name}: segment ${k} has a non-finite entry`);
      if (!(s.x1 > s.x0)) throw new InvalidInputError('bad-segments', `${name}: segment ${k} has x1 <= x0`);
      if (s.f0 < 0 || s.f1 < 0)
        throw new InvalidInputError('bad-segments', `${name}: segment ${k} has a negative density`);
      if (k > 0 && s.x0 < segments[k - 1].x1)
        throw new InvalidInputError('bad-segments', `${name}: segment ${k} overlaps segment ${k - 1}`);
      total += ((s.f0 + s.f1) / 2) * (s.x1 - s.x0);
    });
    if (Math.abs(total - 1) > 1e-9)
      throw new InvalidInputError('bad-segments', `${name}: the density integrates to ${total}, not 1`);
    let F = 0,
      P = 0;
    const prepared: Prepared[] = [];
    for (const s of segments) {
      const slope = (s.f1 - s.f0) / (s.x1 - s.x0);
      prepared.push({ ...s, F0: F, P0: P, slope });
      F += ((s.f0 + s.f1) / 2) * (s.x1 - s.x0);
      P += partialOnSegment(s, slope, s.x1);
    }
    this.segments = Object.freeze(segments.map((s) => ({ ...s })));
    this.prepared = prepared;
    this.sampler = sampler;
    this.support = [segments[0].x0, segments[segments.length - 1].x1];
    this.breakpoints = prepared.slice(1).map((s) => s.F0);
    const xs = new Set<number>();
    for (const s of segments) xs.add(s.x0).add(s.x1);
    this.densityBreaks = [...xs].sort((a, b) => a - b);
    this.polynomialDegree = segments.every((s) => s.f0 === s.f1) ? 0 : 1;
    const fs = segments.flatMap((s) => [s.f0, s.f1]);
    const gaps = segments.some((s, k) => k > 0 && s.x0 > segments[k - 1].x1);
    this.intervalSupport =
      !gaps && segments.every((s) => s.f0 > 0 || s.f1 > 0) && segments.slice(1, -1).every((s) => s.f0 > 0 && s.f1 > 0);
    this.pdfBounds = { lower: gaps ? 0 : Math.min(...fs), upper: Math.max(...fs) };
  }

  /** The density of a continuous piecewise-linear quantile function: uniform on each piece. */
  static fromQuantilePieces(d: PiecewiseQuantile): PiecewiseLinearDensity {
    const segments = d.pieces.map((p) => {
      const f = (p.u1 - p.u0) / (p.x1 - p.x0);
      return { x0: p.x0, x1: p.x1, f0: f, f1: f };
    });
    return new PiecewiseLinearDensity(d.name, d.spec, segments);
  }

  private segmentAt(x: number): Prepared | undefined {
    let lo = 0,
      hi = this.prepared.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.prepared[mid].x0 <= x) lo = mid;
      else hi = mid - 1;
    }
    return this.prepared[lo];
  }

  pdf(x: number): number {
    if (!(x >= this.support[0] && x <= this.support[1])) return 0;
    const s = this.segmentAt(x)!;
    if (x > s.x1) return 0;
    return s.f0 + s.slope * (x - s.x0);
  }

  override cdf(x: number): number {
    if (x <= this.support[0]) return 0;
    if (x >= this.support[1]) return 1;
    const s = this.segmentAt(x)!;
    const d = Math.min(x, s.x1) - s.x0;
    return s.F0 + d * (s.f0 + (s.slope * d) / 2);
  }

  override cdfLeft(x: number): number {
    return this.cdf(x);
  }

  partialMean(t: number): number {
    if (t <= this.support[0]) return 0;
    const s = this.segmentAt(Math.min(t, this.support[1]))!;
    return s.P0 + partialOnSegment(s, s.slope, Math.min(t, s.x1));
  }

  quantile(u: number): number {
    if (u <= 0) return this.support[0];
    if (u >= 1) return this.support[1];
    let k = this.prepared.length - 1;
    while (k > 0 && this.prepared[k].F0 >= u) k--;
    const s = this.prepared[k];
    const r = u - s.F0;
    // f0 d + slope d^2 / 2 = r, in the form without cancellation
    const d = (2 * r) / (s.f0 + Math.sqrt(Math.max(0, s.f0 * s.f0 + 2 * s.slope * r)));
    return Math.min(s.x1, s.x0 + d);
  }

  override mean(): number {
    return this.partialMean(this.support[1]);
  }

  override secondMoment(): number {
    let m2 = 0;
    for (const s of this.prepared) {
      // ∫ x^2 (f0 + slope (x - x0)) dx = (f0 - slope x0) (x1^3 - x0^3)/3 + slope (x1^4 - x0^4)/4
      const c = s.f0 - s.slope * s.x0;
      m2 += (c * (s.x1 ** 3 - s.x0 ** 3)) / 3 + (s.slope * (s.x1 ** 4 - s.x0 ** 4)) / 4;
    }
    return m2;
  }

  override sample(r: Rng): number {
    return this.sampler ? this.sampler(r) : this.quantile(r.float());
  }
}

/** ∫_{x0}^{t} x (f0 + slope (x - x0)) dx. */
function partialOnSegment(s: DensitySegment, slope: number, t: number): number {
  const c = s.f0 - slope * s.x0;
  return (c * (t * t - s.x0 * s.x0)) / 2 + (slope * (t ** 3 - s.x0 ** 3)) / 3;
}

/**
 * The Bai–Gölz peak distribution with peak `a` in (0, 1) and base density `base` in [0, 1) (default 0.1): density
 * base + (2 - 2 base) x/a on [0, a), base + (2 - 2 base)(1 - x)/(1 - a) on [a, 1]; (base, 2 - base)-PDF-bounded with
 * interval support when base > 0. Equivalently base·U[0,1] + (1 - base)·Triangular(0, a, 1). Sampled with the
 * authors' three-uniform sampler (module header).
 */
export function peak(a: number, base = 0.1): PiecewiseLinearDensity {
  if (!(a > 0 && a < 1)) throw new InvalidInputError('bad-parameter', `peak: the peak a = ${a} must lie in (0, 1)`);
  if (!(base >= 0 && base < 1))
    throw new InvalidInputError('bad-parameter', `peak: the base density ${base} must lie in [0, 1)`);
  const ceiling = 2 - base;
  const sampler = (r: Rng): number => {
    const r0 = r.float();
    const r1 = r.float();
    const r2 = r.float();
    if (r0 < base) return r1;
    return r1 < a ? a * Math.sqrt(r2) : 1 - (1 - a) * Math.sqrt(r2);
  };
  return new PiecewiseLinearDensity(
    `Peak(${a}${base === 0.1 ? '' : `, base ${base}`})`,
    base === 0.1 ? `peak:${a}` : `peak:${a},${base}`,
    [
      { x0: 0, x1: a, f0: base, f1: ceiling },
      { x0: a, x1: 1, f0: ceiling, f1: base },
    ],
    sampler,
  );
}
