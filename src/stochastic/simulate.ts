/**
 * Monte Carlo harness for paper 001's asymptotic claims (seed-001 spec 3.13, C7): draw the n x m value
 * matrix, run an allocator on truthful bids, and record welfare / OPT and whether the allocation is EF.
 * The welfare ratio is a ratio of means (sum SW / sum OPT, pitfall P7) with a delta-method 95% interval;
 * the EF frequency has a Wilson (default) or Jeffreys interval. Seeded: trial t at size m uses
 * rng(`${seed}:${m}:${t}`), so results do not depend on the order of evaluation. `simulate` is async,
 * reports progress and honours an AbortSignal (throws LimitError 'aborted'); `simulateSync` is the same
 * computation without yielding.
 *
 * The result is plain data (`SimulationResult`) for the display layer: one point per m.
 */
import { InvalidInputError, LimitError } from '../core/errors';
import { rng as makeRng, type Rng } from '../core/rng';
import type { Distribution } from './distribution';
import { jeffreys, ratioOfMeans, wilson } from './intervals';

/** Allocates items given the (truthful) value matrix: returns owner[j] in 0..n-1. */
export type Allocator = (values: readonly Float64Array[], r: Rng) => ArrayLike<number>;

/** Draws the n x m value matrix of one trial (default: i.i.d. from `dist`). */
export type ValueSampler = (n: number, m: number, r: Rng) => Float64Array[];

export interface SimulationPoint {
  readonly m: number;
  readonly trials: number;
  /** sum SW / sum OPT with its 95% interval (delta method) and standard error. */
  readonly welfare: { readonly mean: number; readonly lo: number; readonly hi: number; readonly se: number };
  /** EF frequency with its interval. */
  readonly ef: { readonly p: number; readonly lo: number; readonly hi: number; readonly count: number };
  /** Mean bundle size per agent. */
  readonly bundleSizes: readonly number[];
}

export interface SimulationResult {
  readonly kind: 'simulation';
  readonly mechanism: string;
  readonly distribution: string;
  readonly n: number;
  readonly trials: number;
  readonly seed: string;
  readonly confidence: number;
  readonly efInterval: 'wilson' | 'jeffreys';
  /** The analytic (m -> ∞) welfare ratio where one exists, else null. */
  readonly analytic: { readonly welfareRatio: number | null; readonly efWhp: boolean | null; readonly note?: string };
  /** Mechanism parameters (shares, thresholds, ...), plain data. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly points: readonly SimulationPoint[];
}

export interface SimulationProgress {
  readonly m: number;
  readonly trial: number;
  readonly done: number;
  readonly total: number;
}

export interface SimulationOptions {
  readonly mechanism: string;
  /** Value distribution (i.i.d. model) — or give `sampler`. */
  readonly dist?: Distribution;
  readonly sampler?: ValueSampler;
  readonly distributionName?: string;
  readonly n: number;
  readonly ms: readonly number[];
  readonly trials: number;
  readonly seed?: number | string;
  /** The allocator for items count m (mechanisms such as Theorem 3.7's depend on m). */
  readonly allocator: (m: number) => Allocator;
  readonly analytic?: { welfareRatio: number | null; efWhp: boolean | null; note?: string };
  readonly parameters?: Record<string, unknown>;
  readonly confidence?: number;
  readonly efInterval?: 'wilson' | 'jeffreys';
  readonly onProgress?: (p: SimulationProgress) => void;
  readonly signal?: AbortSignal;
  /** Yield to the event loop every this many trials (async only; default 1). */
  readonly yieldEvery?: number;
}

/** i.i.d. sampler from a distribution. */
export function iidSampler(d: Distribution): ValueSampler {
  return (n, m, r) =>
    Array.from({ length: n }, () => {
      const row = new Float64Array(m);
      for (let j = 0; j < m; j++) row[j] = d.sample(r);
      return row;
    });
}

/** Per-trial statistics of an allocation: welfare, OPT, EF (weak, relative tolerance 1e-12). */
export function evaluateAllocation(
  values: readonly Float64Array[],
  owner: ArrayLike<number>,
): { sw: number; opt: number; ef: boolean; sizes: number[] } {
  const n = values.length;
  const m = owner.length;
  const V = Array.from({ length: n }, () => new Float64Array(n));
  const sizes = new Array<number>(n).fill(0);
  let sw = 0,
    opt = 0;
  for (let j = 0; j < m; j++) {
    const o = owner[j];
    if (!(o >= 0 && o < n))
      throw new InvalidInputError('bad-allocation', `allocator: owner[${j}] = ${o} is not an agent index`);
    sizes[o]++;
    let best = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i][j];
      V[i][o] += v;
      if (v > best) best = v;
    }
    sw += values[o][j];
    opt += best;
  }
  let ef = true;
  for (let i = 0; i < n && ef; i++) {
    const tol =
      1e-12 *
      Math.max(
        1,
        V[i].reduce((a, b) => a + b, 0),
      );
    for (let k = 0; k < n; k++)
      if (k !== i && V[i][k] > V[i][i] + tol) {
        ef = false;
        break;
      }
  }
  return { sw, opt, ef, sizes };
}

/** Checks the counts of a simulation (n, trials, ms); returns the sampler (given, or i.i.d. from `dist`). */
export function validateSimulation(o: SimulationOptions): ValueSampler {
  if (!Number.isInteger(o.n) || o.n < 1)
    throw new InvalidInputError('bad-count', `simulate: n = ${o.n} must be a positive integer`);
  if (!Number.isInteger(o.trials) || o.trials < 2)
    throw new InvalidInputError(
      'bad-count',
      `simulate: trials = ${o.trials} must be an integer ≥ 2 (an interval needs two trials)`,
    );
  if (o.ms.length === 0) throw new InvalidInputError('bad-count', 'simulate: give at least one m');
  o.ms.forEach((m, k) => {
    if (!Number.isInteger(m) || m < 1)
      throw new InvalidInputError('bad-count', `simulate: ms[${k}] = ${m} must be a positive integer`);
  });
  if (o.sampler) return o.sampler;
  if (!o.dist) throw new InvalidInputError('missing-distribution', 'simulate: give `dist` or `sampler`');
  return iidSampler(o.dist);
}

/**
 * One point of a result from its per-trial statistics in trial order: the ratio of means with its delta-method
 * interval, the EF frequency with its interval, the mean bundle sizes (`sizes` summed over the trials).
 */
export function simulationPoint(
  m: number,
  sw: readonly number[],
  opt: readonly number[],
  efCount: number,
  sizes: ArrayLike<number>,
  o: Pick<SimulationOptions, 'confidence' | 'efInterval'>,
): SimulationPoint {
  const level = o.confidence ?? 0.95;
  const trials = sw.length;
  const w = ratioOfMeans(sw, opt, level);
  const ci = o.efInterval === 'jeffreys' ? jeffreys(efCount, trials, level) : wilson(efCount, trials, level);
  return {
    m,
    trials,
    welfare: { mean: w.mean, lo: w.lo, hi: w.hi, se: w.se },
    ef: { p: efCount / trials, lo: ci.lo, hi: ci.hi, count: efCount },
    bundleSizes: Array.from(sizes, (s) => s / trials),
  };
}

/** The result around its points (one per m of `o.ms`). */
export function simulationResult(o: SimulationOptions, points: readonly SimulationPoint[]): SimulationResult {
  return {
    kind: 'simulation',
    mechanism: o.mechanism,
    distribution: o.distributionName ?? o.dist?.name ?? 'custom sampler',
    n: o.n,
    trials: o.trials,
    seed: String(o.seed ?? 0),
    confidence: o.confidence ?? 0.95,
    efInterval: o.efInterval ?? 'wilson',
    analytic: o.analytic ?? { welfareRatio: null, efWhp: null },
    parameters: o.parameters ?? {},
    points,
  };
}

function* core(o: SimulationOptions): Generator<SimulationProgress, SimulationResult, void> {
  const sampler = validateSimulation(o);
  const seed = String(o.seed ?? 0);
  const total = o.ms.length * o.trials;
  let done = 0;
  const points: SimulationPoint[] = [];
  for (const m of o.ms) {
    const alloc = o.allocator(m);
    const sw: number[] = [],
      opt: number[] = [];
    let efCount = 0;
    const sizes = new Array<number>(o.n).fill(0);
    for (let t = 0; t < o.trials; t++) {
      if (o.signal?.aborted) throw new LimitError('aborted', `simulate: aborted after ${done} of ${total} trials`);
      const r = makeRng(`${seed}:${m}:${t}`);
      const values = sampler(o.n, m, r);
      const owner = alloc(values, r.fork());
      if (owner.length !== m)
        throw new InvalidInputError('bad-allocation', `allocator returned ${owner.length} owners for m = ${m}`);
      const e = evaluateAllocation(values, owner);
      sw.push(e.sw);
      opt.push(e.opt);
      if (e.ef) efCount++;
      e.sizes.forEach((s, i) => (sizes[i] += s));
      done++;
      const p = { m, trial: t, done, total };
      o.onProgress?.(p);
      yield p;
    }
    points.push(simulationPoint(m, sw, opt, efCount, sizes, o));
  }
  return simulationResult(o, points);
}

/** Runs the simulation synchronously (no yielding; the AbortSignal is still checked between trials). */
export function simulateSync(o: SimulationOptions): SimulationResult {
  const g = core(o);
  for (;;) {
    const s = g.next();
    if (s.done) return s.value;
  }
}

/** Runs the simulation, yielding to the event loop between trials so progress and cancellation work. */
export async function simulate(o: SimulationOptions): Promise<SimulationResult> {
  const g = core(o);
  const every = Math.max(1, o.yieldEvery ?? 1);
  let k = 0;
  for (;;) {
    const s = g.next();
    if (s.done) return s.value;
    if (++k % every === 0) await new Promise<void>((res) => setImmediate(res));
  }
}
