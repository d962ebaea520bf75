/**
 * The Hill–Kertz worst-case distribution for n agents in the long-shot limit form ([DERIVED], generalizing
 * spec T15 from n = 3 to every n): atoms 0, c[1], ..., c[n-1] = 1 at the quantile breakpoints
 * x_{n-1} < ... < x_1 of `hillKertz(n)`, where c[k] are the DP continuation values themselves, plus a long
 * shot of total contribution L. The values and L solve the linear system c[1] = mu,
 * c[k+1] = E[max(X, c[k])] (k < n-1), c[n-1] = 1. On it the prophet-optimal Pick-r (Corollary 3.9) achieves
 * 1/a_n (to 1e-12 in the tests, n = 2..5, 10, 20, 50), which decreases to beta ≈ 0.7454: this is the instance on
 * which paper 001's "≈ 0.745" (Corollary 3.9's tightness) is approached.
 */
import { DomainError, InvalidInputError } from '../core/errors';
import { dpThresholds } from './analytics';
import { hillKertz, kertzBeta } from './constants';
import { ratioOfMeans } from './intervals';
import { LongShotLimit } from './continuous';
import { discrete, withLongShot, type PiecewiseQuantile } from './piecewise';
import { SeededStream } from '../core/rng';

export interface WorstCase {
  readonly n: number;
  /** The regular (discrete) part. */
  readonly regular: PiecewiseQuantile;
  /** The long shot's contribution L. */
  readonly L: number;
  /** The limit form (analytic only). */
  readonly limit: LongShotLimit;
  /** A samplable version with a long shot of mass p (value L/p). */
  withMass(p: number): PiecewiseQuantile;
}

export function hillKertzWorstCase(n: number): WorstCase {
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidInputError('bad-count', `hillKertzWorstCase: n = ${n} must be an integer ≥ 2`);
  const x = [1, ...hillKertz(n).x];
  const mass = [x[n - 1], ...Array.from({ length: n - 1 }, (_, k) => x[n - 2 - k] - x[n - 1 - k])];
  // The system c[1] = mu, c[k+1] = E[max(X, c[k])] (k < n-1), c[n-1] = 1, with the atoms at the c[k] themselves,
  // in O(n): subtracting consecutive equations gives c[2] - c[1] = mass[0] c[1] and, for k ≥ 2,
  // c[k+1] - c[k] = (mass[0] + ... + mass[k-1]) (c[k] - c[k-1]). So c = c[1] g with g from that recursion,
  // c[n-1] = 1 fixes c[1] = 1 / g[n-1], and the first equation gives L. (A dense solve took 2.3 s at n = 1000.)
  const g = new Array<number>(n - 1);
  g[0] = 1;
  let step = mass[0];
  let below = mass[0];
  for (let k = 1; k < n - 1; k++) {
    g[k] = g[k - 1] + step;
    below += mass[k];
    step *= below;
  }
  const scale = 1 / g[n - 2];
  if (!Number.isFinite(scale) || !(scale > 0))
    throw new DomainError('hill-kertz-worst-case', 'singular', `n = ${n}: singular system`);
  const c = g.map((v) => v * scale);
  c[n - 2] = 1;
  let L = c[0];
  for (let l = 1; l < n; l++) L -= mass[l] * c[l - 1];
  const regular = discrete([0, ...c], mass, `HillKertzWorstCase(n=${n}) regular part`);
  return { n, regular, L, limit: new LongShotLimit(regular, L), withMass: (p: number) => withLongShot(regular, p, L) };
}

/** The Monte Carlo estimate of the prophet-optimal Pick-r's ratio on the n-agent worst case (see below). */
export interface WorstCaseSimulation {
  readonly n: number;
  readonly items: number;
  /** E[sw]/E[OPT] per item, ratio of means with its delta-method interval. */
  readonly ratio: { mean: number; se: number; lo: number; hi: number };
  /** The analytic value it estimates: alpha_DP of the limit form, = 1/a_n. */
  readonly analytic: number;
  /** 1/a_n from the Hill–Kertz recursion, and beta = lim 1/a_n. */
  readonly prophetRatio: number;
  readonly beta: number;
  /** Mean number of agents an item passes before it is taken (the long shot's exposure). */
  readonly meanReach: number;
}

/**
 * Monte Carlo of the prophet-optimal Pick-r (paper 001, Corollary 3.9) on the Hill–Kertz worst case for n agents,
 * in the large-market limit where each good is taken by the first agent whose value beats her threshold (agent n
 * takes what is left), and with the vanishing long shot handled by conditioning (Rao–Blackwell). Per good the
 * regular values of the agents are drawn; the mechanism's regular welfare is the taker's value and OPT's is the
 * largest draw. As the long shot's mass p -> 0 with p * value = L fixed, a long shot held by agent i adds L to OPT
 * always and to the mechanism iff the good reaches agent i, so the conditional expectations L * n and L * reach are
 * added instead of sampling an event of probability p. The estimate targets alpha_DP = 1/a_n, which decreases to
 * beta ≈ 0.7454 (1/a_1000 - beta ≈ 2.4e-4): this is how the simulation reaches beta.
 */
export function simulateWorstCase(
  n: number,
  options: { items: number; seed?: number | string; level?: number },
): WorstCaseSimulation {
  const items = options.items;
  if (!Number.isInteger(items) || items < 2)
    throw new InvalidInputError('bad-count', `simulateWorstCase: items = ${items} must be an integer ≥ 2`);
  const w = hillKertzWorstCase(n);
  const dp = dpThresholds(w.limit, n);
  const theta = dp.theta;
  // rng(seed)'s stream, drawn n values at a time
  const r = new SeededStream(options.seed ?? 0);
  const draws = new Float64Array(n);
  const alg = new Array<number>(items);
  const opt = new Array<number>(items);
  let reachSum = 0;
  for (let j = 0; j < items; j++) {
    let taken = -1;
    let reach = n;
    let best = -Infinity;
    w.regular.sampleInto(r, draws);
    for (let k = 0; k < n; k++) {
      const x = draws[k];
      if (x > best) best = x;
      if (taken < 0 && (k === n - 1 || x > theta[k])) {
        taken = x;
        reach = k + 1;
      }
    }
    reachSum += reach;
    alg[j] = taken + w.L * reach;
    opt[j] = best + w.L * n;
  }
  const hk = hillKertz(n);
  return {
    n,
    items,
    ratio: ratioOfMeans(alg, opt, options.level ?? 0.95),
    analytic: dp.alpha,
    prophetRatio: hk.prophetRatio,
    beta: kertzBeta(),
    meanReach: reachSum / items,
  };
}
