/**
 * Distributions whose quantile function is piecewise linear: Uniform[a,b], piecewise-uniform
 * (histogram), discrete (atoms = flat pieces, used with the randomized probability-integral transform of
 * seed-001 spec section 3.3), empirical (from samples, spec section 6.2), the hard distribution D_{p,delta}
 * of paper 001 Theorem 3.1 and Bernoulli(q) + U[0, delta] (the Pick-r0 tight instance, spec T7).
 * Every functional (Top, M_n, E[X^2], F, F(x-)) is exact in closed form, piece by piece.
 */
import { InvalidInputError } from '../core/errors';
import type { Rng } from '../core/rng';
import { Q_STAR } from './constants';
import { checkCount, checkUnit, QuantileDistribution, type DistributionKind } from './distribution';

/** One piece: Q rises linearly from x0 at u0 to x1 at u1 (x0 = x1 is an atom of mass u1 - u0). */
export interface QuantilePiece {
  readonly u0: number;
  readonly u1: number;
  readonly x0: number;
  readonly x1: number;
}

export class PiecewiseQuantile extends QuantileDistribution {
  readonly pieces: readonly QuantilePiece[];
  readonly kind: DistributionKind;
  readonly support: readonly [number, number];
  override readonly breakpoints: readonly number[];
  private readonly u1s: Float64Array;

  constructor(
    readonly name: string,
    readonly spec: string,
    pieces: readonly QuantilePiece[],
  ) {
    super();
    if (pieces.length === 0) throw new InvalidInputError('empty-distribution', `${name}: needs at least one piece`);
    let u = 0;
    let x = -Infinity;
    const kept: QuantilePiece[] = [];
    pieces.forEach((p, k) => {
      if (![p.u0, p.u1, p.x0, p.x1].every(Number.isFinite))
        throw new InvalidInputError('non-finite', `${name}: piece ${k} has a non-finite entry`);
      if (Math.abs(p.u0 - u) > 1e-12)
        throw new InvalidInputError('bad-pieces', `${name}: piece ${k} starts at u = ${p.u0}, expected ${u}`);
      if (p.u1 < p.u0) throw new InvalidInputError('bad-pieces', `${name}: piece ${k} has u1 < u0`);
      if (p.x1 < p.x0 || p.x0 < x - 1e-12 * Math.max(1, Math.abs(x)))
        throw new InvalidInputError('not-monotone', `${name}: the quantile function decreases at piece ${k}`);
      u = p.u1;
      x = p.x1;
      if (p.u1 > p.u0) kept.push({ ...p, u0: kept.length ? kept[kept.length - 1].u1 : 0 });
    });
    if (Math.abs(u - 1) > 1e-9)
      throw new InvalidInputError('bad-pieces', `${name}: pieces end at u = ${u}, expected 1`);
    const last = kept[kept.length - 1];
    kept[kept.length - 1] = { ...last, u1: 1 };
    this.pieces = Object.freeze(kept);
    this.u1s = Float64Array.from(kept.map((p) => p.u1));
    const atoms = kept.filter((p) => p.x1 === p.x0).length;
    this.kind = atoms === 0 ? 'continuous' : atoms === kept.length ? 'discrete' : 'mixed';
    this.support = [kept[0].x0, last.x1];
    this.breakpoints = kept.slice(0, -1).map((p) => p.u1);
  }

  /** guide[b]: the piece of u = b / guide.length, so a lookup scans O(1) pieces on average (Chen's guide table). */
  private guideTable: Int32Array | null = null;

  /** The first piece with u1 ≥ u (u in (0, 1)): the lower bound on the pieces' ends. */
  private pieceAt(u: number): number {
    const u1s = this.u1s;
    if (u1s.length <= 8) {
      let k = 0;
      while (u1s[k] < u) k++;
      return k;
    }
    const guide = (this.guideTable ??= this.buildGuide());
    let k = guide[Math.min(guide.length - 1, Math.floor(u * guide.length))];
    // u * length may round across a bucket boundary: step back, then forward, to the lower bound
    while (k > 0 && u1s[k - 1] >= u) k--;
    while (u1s[k] < u) k++;
    return k;
  }

  private buildGuide(): Int32Array {
    const u1s = this.u1s;
    const guide = new Int32Array(u1s.length);
    let k = 0;
    for (let b = 0; b < guide.length; b++) {
      const u = b / guide.length;
      while (u1s[k] < u) k++;
      guide[b] = k;
    }
    return guide;
  }
  quantile(u: number): number {
    if (u <= 0) return this.pieces[0].x0;
    if (u >= 1) return this.support[1];
    const p = this.pieces[this.pieceAt(u)];
    return p.x0 + ((p.x1 - p.x0) * (u - p.u0)) / (p.u1 - p.u0);
  }
  override sample(r: Rng): number {
    return this.quantile(r.float());
  }
  sampleInto(r: Rng, out: Float64Array): void {
    for (let j = 0; j < out.length; j++) out[j] = this.quantile(r.float());
  }
  override cdf(x: number): number {
    let F = 0;
    for (const p of this.pieces) {
      if (x >= p.x1) F = p.u1;
      else {
        if (x >= p.x0 && p.x1 > p.x0) F = p.u0 + ((p.u1 - p.u0) * (x - p.x0)) / (p.x1 - p.x0);
        break;
      }
    }
    return F;
  }
  override cdfLeft(x: number): number {
    let F = 0;
    for (const p of this.pieces) {
      if (x > p.x1) F = p.u1;
      else {
        if (x > p.x0) F = p.u0 + ((p.u1 - p.u0) * (x - p.x0)) / (p.x1 - p.x0);
        break;
      }
    }
    return F;
  }
  /** ∫_a^b Q(u) du exactly. */
  integral(a: number, b: number): number {
    let s = 0;
    for (const p of this.pieces) {
      const lo = Math.max(a, p.u0),
        hi = Math.min(b, p.u1);
      if (hi <= lo) continue;
      const slope = (p.x1 - p.x0) / (p.u1 - p.u0);
      s += (hi - lo) * (p.x0 + slope * (0.5 * (lo + hi) - p.u0));
    }
    return s;
  }
  override top(tau: number): number {
    checkUnit(tau, 'top(tau)');
    return this.integral(tau, 1);
  }
  override mean(): number {
    return this.integral(0, 1);
  }
  override secondMoment(): number {
    return this.pieces.reduce((s, p) => s + ((p.u1 - p.u0) * (p.x0 * p.x0 + p.x0 * p.x1 + p.x1 * p.x1)) / 3, 0);
  }
  override emax(n: number): number {
    checkCount(n, 'emax(n)');
    let s = 0;
    for (const p of this.pieces) {
      const slope = (p.x1 - p.x0) / (p.u1 - p.u0);
      // ∫ n u^{n-1} (x0 + slope (u - u0)) du = (x0 - slope u0)(u1^n - u0^n) + slope n/(n+1) (u1^{n+1} - u0^{n+1})
      const dn = p.u1 ** n - p.u0 ** n;
      const dn1 = p.u1 ** (n + 1) - p.u0 ** (n + 1);
      s += p.x0 * dn + slope * ((n / (n + 1)) * dn1 - p.u0 * dn);
    }
    return s;
  }
}

function fmt(x: number): string {
  return String(x);
}

/** Uniform[a, b] (0 ≤ a < b). Top(tau) = (1-tau)a + (b-a)(1-tau^2)/2; M_n = a + (b-a) n/(n+1). */
export function uniform(a = 0, b = 1): PiecewiseQuantile {
  if (!(Number.isFinite(a) && Number.isFinite(b) && a < b))
    throw new InvalidInputError('bad-parameter', `uniform: need finite a < b, got a = ${a}, b = ${b}`);
  return new PiecewiseQuantile(`Uniform[${fmt(a)}, ${fmt(b)}]`, `uniform:${fmt(a)},${fmt(b)}`, [
    { u0: 0, u1: 1, x0: a, x1: b },
  ]);
}

/** Piecewise-uniform (histogram): bin k = [edges[k], edges[k+1]] with probability weights[k] (normalized). */
export function histogram(edges: readonly number[], weights: readonly number[]): PiecewiseQuantile {
  if (edges.length !== weights.length + 1 || weights.length === 0)
    throw new InvalidInputError(
      'bad-histogram',
      `histogram: ${edges.length} edges for ${weights.length} weights (need one more edge than weights)`,
    );
  edges.forEach((e, k) => {
    if (!Number.isFinite(e)) throw new InvalidInputError('non-finite', `histogram: edges[${k}] = ${e} is not finite`);
    if (k > 0 && !(e > edges[k - 1]))
      throw new InvalidInputError('bad-histogram', `histogram: edges must increase strictly (edges[${k}] = ${e})`);
  });
  weights.forEach((w, k) => {
    if (!(w >= 0 && Number.isFinite(w)))
      throw new InvalidInputError('bad-histogram', `histogram: weights[${k}] = ${w} must be non-negative and finite`);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new InvalidInputError('bad-histogram', 'histogram: weights sum to 0');
  let u = 0;
  const pieces: QuantilePiece[] = [];
  weights.forEach((w, k) => {
    if (w === 0) return;
    const u1 = u + w / total;
    pieces.push({ u0: u, u1, x0: edges[k], x1: edges[k + 1] });
    u = u1;
  });
  return new PiecewiseQuantile(
    `Histogram(${weights.length} bins)`,
    `histogram:${edges.join(',')};${weights.join(',')}`,
    pieces,
  );
}

/** Discrete distribution: atoms `values` with probabilities `probs` (normalized); equal values merge. */
export function discrete(values: readonly number[], probs?: readonly number[], name?: string): PiecewiseQuantile {
  if (values.length === 0) throw new InvalidInputError('empty-distribution', 'discrete: needs at least one value');
  const ps = probs ?? values.map(() => 1);
  if (ps.length !== values.length)
    throw new InvalidInputError('bad-shape', `discrete: ${values.length} values but ${ps.length} probabilities`);
  values.forEach((v, k) => {
    if (!Number.isFinite(v)) throw new InvalidInputError('non-finite', `discrete: values[${k}] = ${v} is not finite`);
  });
  ps.forEach((p, k) => {
    if (!(p >= 0 && Number.isFinite(p)))
      throw new InvalidInputError('bad-probability', `discrete: probs[${k}] = ${p} must be non-negative`);
  });
  const total = ps.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new InvalidInputError('bad-probability', 'discrete: probabilities sum to 0');
  const idx = values
    .map((_, k) => k)
    .filter((k) => ps[k] > 0)
    .sort((a, b) => values[a] - values[b]);
  const atoms: { x: number; p: number }[] = [];
  for (const k of idx) {
    const last = atoms[atoms.length - 1];
    if (last && last.x === values[k]) last.p += ps[k];
    else atoms.push({ x: values[k], p: ps[k] });
  }
  let u = 0;
  const pieces = atoms.map((a) => {
    const u1 = u + a.p / total;
    const piece = { u0: u, u1, x0: a.x, x1: a.x };
    u = u1;
    return piece;
  });
  return new PiecewiseQuantile(
    name ?? `Discrete(${atoms.length} atoms)`,
    `discrete:${atoms.map((a) => a.x).join(',')};${atoms.map((a) => a.p / total).join(',')}`,
    pieces,
  );
}

/**
 * Empirical distribution of a sample: F(x) = #{k : x_k ≤ x}/N, Q(u) = x_(max(1, ceil(uN))) (spec 6.2).
 * With `interpolate`, Q is linear between consecutive order statistics instead (a continuous, "valid"
 * distribution with the same support; the optional variant of the spec).
 */
export function empirical(
  samples: readonly number[],
  opts: { interpolate?: boolean; name?: string } = {},
): PiecewiseQuantile {
  if (samples.length === 0) throw new InvalidInputError('empty-sample', 'empirical: the sample is empty');
  samples.forEach((x, k) => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new InvalidInputError('non-finite', `empirical: samples[${k}] = ${x} is not a finite number`);
  });
  const xs = [...samples].sort((a, b) => a - b);
  const N = xs.length;
  if (opts.interpolate) {
    if (N < 2 || xs[0] === xs[N - 1])
      throw new InvalidInputError('bad-sample', 'empirical(interpolate): needs at least two distinct values');
    const pieces = xs.slice(1).map((x, k) => ({ u0: k / (N - 1), u1: (k + 1) / (N - 1), x0: xs[k], x1: x }));
    return new PiecewiseQuantile(opts.name ?? `Empirical(N=${N}, interpolated)`, `samples(${N}, interpolated)`, pieces);
  }
  const d = discrete(xs, undefined, opts.name ?? `Empirical(N=${N})`);
  return new PiecewiseQuantile(d.name, `samples(${N})`, d.pieces);
}

/**
 * The hard distribution D_{p,delta} of paper 001 Theorem 3.1: base value H = (1 - q*)/p w.p. p, 1 w.p. q*,
 * 0 otherwise, plus independent U[0, delta] noise (spec 6.2). Needs delta < 1 and H > 1 + delta.
 * On it no DSIC mechanism for two agents beats (2 + sqrt 2)/4 + psi(p, delta).
 */
export function hardDistribution(p: number, delta: number): PiecewiseQuantile {
  if (!(p > 0 && delta > 0 && delta < 1))
    throw new InvalidInputError(
      'bad-parameter',
      `hardDistribution: need p > 0 and 0 < delta < 1, got p = ${p}, delta = ${delta}`,
    );
  if (!(p < (Math.SQRT2 - 1) / (1 + delta)))
    throw new InvalidInputError(
      'bad-parameter',
      `hardDistribution: need p < (sqrt2 - 1)/(1 + delta) so that H > 1 + delta, got p = ${p}`,
    );
  const H = (1 - Q_STAR) / p;
  const z = 1 - Q_STAR - p;
  return new PiecewiseQuantile(`D_{p=${p}, delta=${delta}}`, `hard:${p},${delta}`, [
    { u0: 0, u1: z, x0: 0, x1: delta },
    { u0: z, u1: 1 - p, x0: 1, x1: 1 + delta },
    { u0: 1 - p, u1: 1, x0: H, x1: H + delta },
  ]);
}

/** Bernoulli(q) + U[0, delta]: the tight instance for Pick-r0 (spec T7). */
export function bernoulliNoise(q: number, delta: number): PiecewiseQuantile {
  if (!(q > 0 && q < 1 && delta > 0 && delta < 1))
    throw new InvalidInputError(
      'bad-parameter',
      `bernoulliNoise: need 0 < q < 1 and 0 < delta < 1, got q = ${q}, delta = ${delta}`,
    );
  return new PiecewiseQuantile(`Bern(${q}) + U[0, ${delta}]`, `bernoulli-noise:${q},${delta}`, [
    { u0: 0, u1: 1 - q, x0: 0, x1: delta },
    { u0: 1 - q, u1: 1, x0: 1, x1: 1 + delta },
  ]);
}

/**
 * A finite long shot added to a piecewise distribution: with probability p the value is L/p, otherwise a
 * draw of `regular` (its quantile compressed to [0, 1 - p]). As p -> 0 this tends to the long-shot limit
 * form of spec 6.2 (see `LongShotLimit`).
 */
export function withLongShot(regular: PiecewiseQuantile, p: number, L: number): PiecewiseQuantile {
  if (!(p > 0 && p < 1 && L > 0))
    throw new InvalidInputError('bad-parameter', `withLongShot: need 0 < p < 1 and L > 0, got p = ${p}, L = ${L}`);
  const big = L / p;
  if (big < regular.support[1])
    throw new InvalidInputError(
      'bad-parameter',
      `withLongShot: the long-shot value L/p = ${big} is below the regular support`,
    );
  const pieces = regular.pieces.map((q) => ({ ...q, u0: q.u0 * (1 - p), u1: q.u1 * (1 - p) }));
  pieces.push({ u0: 1 - p, u1: 1, x0: big, x1: big });
  return new PiecewiseQuantile(
    `${regular.name} + long shot (p=${p}, L=${L})`,
    `${regular.spec}+longshot:${p},${L}`,
    pieces,
  );
}
