/**
 * Section 6 experiments for Babaioff, Feige & Manaker Morag, "Truthful-in-Expectation Mechanisms for MMS
 * Approximation": the Lemma 6.7 tightness construction (spec T13), the exact distribution of the cyclic weight
 * W^alpha(pi) over all n! orderings (spec 6.4, C8), and the Theorem 2 fallback frequency and measured incentive loss
 * under the library's `threshold w` extension (not in the paper; spec M4, 6.3, 6.4). None of these numbers is in the
 * paper.
 *
 * Fast exact cyclic weights: agent i at (0-based) position p of pi demands 1/d_i exactly in the shifts
 * j in {p+1, ..., p+d_i} (mod n) (Definition 6.2: pi^(j)_i > n - d_i). Scaling every demand by L = lcm of the
 * deficiencies turns the n shift weights into integers, computed with one cyclic difference array in O(n)
 * (JS doubles while n * L < 2^53, exactly representable; BigInt otherwise). W = max(max_j w_j, L) / L is then
 * an exact Rational: no Rational arithmetic per term.
 */
import { DomainError, InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { permutations } from '../../core/permutations';
import { lcm, Rational, type RationalLike } from '../../core/rational';
import { rng } from '../../core/rng';
import { wilson, type Interval } from '../../stochastic/intervals';
import { cyclicData, orderingFromOrder, type PaddedOrders } from './cyclic-picking';
import { harmonic } from './constants';
import { cuqCounts } from './cuq';
import { deficiencySortedOrdering } from './deficiency';
import { loglogParameters } from './loglog';
import { deficiencies as trueDeficiencies } from './public-deficiency';
import { checkTimeBudget } from '../../core/time-budget';

/** What a `LimitError` of the experiments names when the time budget of its call runs out. */
const EXPERIMENT = 'tie-mms weight experiment';

function checkDeficiencies(d: readonly number[], n: number, where: string): void {
  if (d.length !== n || d.some((x) => !Number.isInteger(x) || x < 0 || x > n))
    throw new InvalidInputError(
      'bad-deficiencies',
      `${where}: expected ${n} integers in 0..${n}, got ${JSON.stringify(d)}`,
    );
}

/** L = lcm of the positive deficiencies (1 when there are none). */
function lcmOf(d: readonly number[]): bigint {
  let L = 1n;
  const seen = new Set<number>();
  for (const x of d)
    if (x > 0 && !seen.has(x)) {
      seen.add(x);
      L = lcm(L, BigInt(x));
    }
  return L;
}

/** Scaled shift weights L * w(pi^(j)), j = 0..n-1, as doubles (exact integers; caller guarantees n * L < 2^53). */
function scaledWeightsNumber(order: ArrayLike<number>, d: ArrayLike<number>, L: number, out: Float64Array): void {
  const n = order.length;
  out.fill(0);
  // out has length n + 1 and is used as the difference array, then prefix-summed in place
  for (let p = 0; p < n; p++) {
    const k = d[order[p]];
    if (k <= 0) continue;
    const c = L / k;
    const s = (p + 1) % n;
    const e = s + k;
    out[s] += c;
    if (e <= n) out[e] -= c;
    else {
      out[n] -= c;
      out[0] += c;
      out[e - n] -= c;
    }
  }
  let acc = 0;
  for (let j = 0; j < n; j++) {
    acc += out[j];
    out[j] = acc;
  }
}

function scaledWeightsBig(order: readonly number[], d: readonly number[], L: bigint): bigint[] {
  const n = order.length;
  const diff = new Array<bigint>(n + 1).fill(0n);
  for (let p = 0; p < n; p++) {
    const k = d[order[p]];
    if (k <= 0) continue;
    const c = L / BigInt(k);
    const s = (p + 1) % n;
    const e = s + k;
    diff[s] += c;
    if (e <= n) diff[e] -= c;
    else {
      diff[n] -= c;
      diff[0] += c;
      diff[e - n] -= c;
    }
  }
  let acc = 0n;
  const out = new Array<bigint>(n);
  for (let j = 0; j < n; j++) out[j] = acc += diff[j];
  return out;
}

export interface FastCyclicWeight {
  /** W^alpha(pi) = max(max_j w(pi^(j)), 1), exact. */
  readonly W: Rational;
  /** w^alpha(pi) = w(pi^(1)), the unshifted ordering, exact. */
  readonly w0: Rational;
  /** The first shift j (0-based, 0 = pi itself) attaining max_j w(pi^(j)). */
  readonly shift: number;
}

/**
 * Cyclic weight W^alpha(pi) of Definition 6.3 (Babaioff, Feige & Manaker Morag), exact, in O(n) integer
 * operations (see the module comment); agrees with `cyclicWeight` of deficiency.ts, which uses O(n^2) Rationals.
 * `order` is pi as agents by position (position 0 first), `d` the deficiencies by agent.
 */
export function cyclicWeightFast(order: readonly number[], d: readonly number[]): FastCyclicWeight {
  const n = order.length;
  if (n < 1) throw new InvalidInputError('bad-agent-order', 'cyclicWeightFast: empty ordering');
  orderingFromOrder(order, order.length); // validates the permutation
  checkDeficiencies(d, n, 'cyclicWeightFast: deficiencies');
  const L = lcmOf(d);
  let best: bigint;
  let w0: bigint;
  let shift = 0;
  if (L * BigInt(n + 1) < 2n ** 53n) {
    const buf = new Float64Array(n + 1);
    scaledWeightsNumber(order, d, Number(L), buf);
    let b = -1;
    for (let j = 0; j < n; j++) if (buf[j] > b) [b, shift] = [buf[j], j];
    best = BigInt(b);
    w0 = BigInt(buf[0]);
  } else {
    const ws = scaledWeightsBig(order, d, L);
    best = -1n;
    ws.forEach((x, j) => {
      if (x > best) [best, shift] = [x, j];
    });
    w0 = ws[0];
  }
  return { W: new Rational(best > L ? best : L, L), w0: new Rational(w0, L), shift };
}

/**
 * The l of the Lemma 6.7 tightness construction (Babaioff, Feige & Manaker Morag, Section 6; spec T13): l = log n / (2 log log n) (log base 2),
 * rounded as l(n) = max(1, round(log2 n / (2 log2 log2 n))) for n >= 3, and l(2) = 1 (log log 2 = 0).
 * It is 1 for n <= 981, 2 for 982 <= n <= 5,690,033 and 3 up to about 8.2 * 10^10: the construction is asymptotic, so
 * `cyclicWeightTightness` also accepts a fixed l to show the mechanism of the argument at feasible n.
 */
export function tightnessRunLength(n: number): number {
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidInputError('bad-n', `tightnessRunLength: n = ${n} must be an integer >= 2`);
  if (n === 2) return 1;
  const lg = Math.log2(n);
  return Math.max(1, Math.round(lg / (2 * Math.log2(lg))));
}

export interface CyclicWeightTightnessOptions {
  /** The values of n (integers >= 2). */
  readonly ns: readonly number[];
  /** Monte Carlo trials per n (>= 2). */
  readonly trials: number;
  /** RNG seed (src/core/rng.ts); n's stream is rng(`lemma67:${seed}:${n}`). */
  readonly seed?: number | string;
  /** Override l: a fixed integer >= 1, or a function of n. Default `tightnessRunLength`. */
  readonly l?: number | ((n: number) => number);
  /**
   * Also compute the worst case d = (n, ..., 1) in the identity ordering (W = H_n, spec T9), exactly (BigInt over
   * lcm(1..n)). Default true; always skipped for n > 20000 (H_n then has more than 8000 digits).
   */
  readonly worstCase?: boolean;
}

export interface CyclicWeightTightnessRow {
  readonly n: number;
  readonly l: number;
  readonly trials: number;
  /** H_l, the lower bound of the argument (W >= H_l w.h.p. for large n). */
  readonly Hl: Rational;
  /** Sample mean of W^alpha(pi), exact (every sampled W is exact). */
  readonly meanW: Rational;
  /** 95% normal interval mean +- 1.96 sd/sqrt(trials) on the sample of W (floats; not a proportion). */
  readonly meanWInterval: Interval;
  /** Sample standard deviation of W (float). */
  readonly sdW: number;
  /** Largest sampled W, exact. */
  readonly maxW: Rational;
  /** Number and frequency of trials with W >= H_l (exact comparison), with its 95% Wilson interval. */
  readonly atLeastHl: number;
  readonly freqAtLeastHl: number;
  readonly freqInterval: Interval;
  /** Number of trials whose ordering contains, cyclically, consecutive deficiencies l, l-1, ..., 1 (the event of the argument; implies W >= H_l). */
  readonly segment: number;
  /** Sample mean of w^alpha(pi) (unshifted), exact, and its expectation #{i : d_i >= 1}/n = 1 (spec 6.1; here all d_i >= 1). */
  readonly meanW0: Rational;
  readonly expectedW0: Rational;
  /** Worst case d = (n, n-1, ..., 1) in the identity ordering: W exactly, and H_n (spec T9: equal); only for n <= 20000. */
  readonly worstW?: Rational;
  readonly Hn?: Rational;
}

/**
 * The Lemma 6.7 tightness construction of Babaioff, Feige & Manaker Morag (Section 6; spec T13): for each n,
 * `trials` times, deficiencies i.i.d. uniform on {1..l} and a seeded uniformly random ordering (Fisher-Yates with the
 * project RNG, as `randomOrdering`); W^alpha(pi) exactly (integer arithmetic, see the module comment). The paper gives
 * only the asymptotic argument (W >= H_l ~ ln log n w.h.p.); the numbers here are a Monte Carlo illustration.
 */
export function cyclicWeightTightness(opts: CyclicWeightTightnessOptions): CyclicWeightTightnessRow[] {
  const { ns, trials } = opts;
  if (!Array.isArray(ns) || ns.length === 0 || ns.some((n) => !Number.isInteger(n) || n < 2 || n > 1_000_000))
    throw new InvalidInputError(
      'bad-n',
      `cyclicWeightTightness: ns must be integers in 2..10^6, got ${JSON.stringify(ns)}`,
    );
  if (!Number.isInteger(trials) || trials < 2)
    throw new InvalidInputError('bad-trials', `cyclicWeightTightness: trials = ${trials} must be an integer >= 2`);
  const seed = opts.seed ?? 0;
  return ns.map((n) => {
    const l = typeof opts.l === 'function' ? opts.l(n) : (opts.l ?? tightnessRunLength(n));
    if (!Number.isInteger(l) || l < 1 || l > Math.min(n, 40))
      throw new InvalidInputError(
        'bad-l',
        `cyclicWeightTightness: l = ${l} must be an integer in 1..min(n, 40) (n = ${n})`,
      );
    const Lb = lcmOf(Array.from({ length: l }, (_, k) => k + 1));
    if (Lb * BigInt(n + 1) >= 2n ** 53n)
      throw new InvalidInputError(
        'bad-l',
        `cyclicWeightTightness: lcm(1..${l}) * n too large for exact double arithmetic`,
      );
    const L = Number(Lb);
    let hlNum = 0;
    for (let k = 1; k <= l; k++) hlNum += L / k;
    const g = rng(`lemma67:${seed}:${n}`);
    const d = new Int32Array(n);
    const ident = Array.from({ length: n }, (_, i) => i);
    const buf = new Float64Array(n + 1);
    let sum = 0n;
    let sum0 = 0n;
    let sumF = 0;
    let sumSq = 0;
    let max = 0;
    let hits = 0;
    let seg = 0;
    for (let t = 0; t < trials; t++) {
      if ((t & 255) === 0) checkTimeBudget(EXPERIMENT);
      for (let i = 0; i < n; i++) d[i] = g.int(1, l);
      const order = g.shuffle(ident);
      scaledWeightsNumber(order, d, L, buf);
      let b = L; // W is capped below by 1
      for (let j = 0; j < n; j++) if (buf[j] > b) b = buf[j];
      sum += BigInt(b);
      sum0 += BigInt(buf[0]);
      const wf = b / L;
      sumF += wf;
      sumSq += wf * wf;
      if (b > max) max = b;
      if (b >= hlNum) hits++;
      if (hasDescendingSegment(order, d, l)) seg++;
    }
    const T = BigInt(trials);
    const mean = sumF / trials;
    const sd = Math.sqrt(Math.max(0, (sumSq - trials * mean * mean) / (trials - 1)));
    const half = 1.959963984540054 * (sd / Math.sqrt(trials));
    const row: CyclicWeightTightnessRow = {
      n,
      l,
      trials,
      Hl: new Rational(BigInt(hlNum), Lb),
      meanW: new Rational(sum, Lb * T),
      meanWInterval: { lo: mean - half, hi: mean + half },
      sdW: sd,
      maxW: new Rational(BigInt(max), Lb),
      atLeastHl: hits,
      freqAtLeastHl: hits / trials,
      freqInterval: wilson(hits, trials),
      segment: seg,
      meanW0: new Rational(sum0, Lb * T),
      expectedW0: Rational.ONE,
    };
    if (opts.worstCase === false || n > 20_000) return row;
    const worst = Array.from({ length: n }, (_, i) => n - i);
    return { ...row, worstW: cyclicWeightFast(ident, worst).W, Hn: harmonic(n) };
  });
}

/** Does the cyclic sequence of deficiencies along `order` contain l, l-1, ..., 1 consecutively? */
function hasDescendingSegment(order: readonly number[], d: ArrayLike<number>, l: number): boolean {
  const n = order.length;
  if (l > n) return false;
  for (let p = 0; p < n; p++) {
    if (d[order[p]] !== l) continue;
    let k = 1;
    while (k < l && d[order[(p + k) % n]] === l - k) k++;
    if (k === l) return true;
  }
  return false;
}

export interface CyclicWeightDistribution {
  readonly n: number;
  readonly d: readonly number[];
  /** n! */
  readonly orderings: number;
  /** The distinct values of W^alpha(pi) ascending, with their counts among the n! orderings and probabilities. */
  readonly distribution: readonly { readonly W: Rational; readonly count: number; readonly p: Rational }[];
  /** E[W^alpha(pi)] over a uniform ordering, exact. */
  readonly meanW: Rational;
  readonly maxW: Rational;
  /** E[w^alpha(pi)] (unshifted) by enumeration, and the spec 6.1 formula #{i : d_i >= 1}/n (equal). */
  readonly expectedWeight: Rational;
  readonly expectedWeightFormula: Rational;
  /** H_n, the worst case of W (spec D13, T9). */
  readonly Hn: Rational;
}

/**
 * The exact distribution of the cyclic weight W^alpha(pi) (Definition 6.3 of Babaioff, Feige & Manaker Morag)
 * over all n! orderings pi for fixed deficiencies d (spec 6.4: exact enumeration for n <= 8; spec C8: E[w] =
 * #{i : d_i >= 1}/n). DomainError for n > 8.
 */
export function cyclicWeightDistribution(d: readonly number[]): CyclicWeightDistribution {
  const n = d.length;
  if (n < 1 || n > 8)
    throw new DomainError(
      'cyclicWeightDistribution',
      'too-many-agents',
      `exact enumeration of n! orderings needs 1 <= n <= 8, got n = ${n}`,
    );
  checkDeficiencies(d, n, 'cyclicWeightDistribution: d');
  const Lb = lcmOf(d);
  const L = Number(Lb);
  const buf = new Float64Array(n + 1);
  const counts = new Map<number, number>();
  let sum = 0;
  let sum0 = 0;
  const perms = permutations(n);
  for (const order of perms) {
    checkTimeBudget(EXPERIMENT);
    scaledWeightsNumber(order, d, L, buf);
    let b = L;
    for (let j = 0; j < n; j++) if (buf[j] > b) b = buf[j];
    counts.set(b, (counts.get(b) ?? 0) + 1);
    sum += b;
    sum0 += buf[0];
  }
  const N = BigInt(perms.length);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return {
    n,
    d: [...d],
    orderings: perms.length,
    distribution: keys.map((k) => ({
      W: new Rational(BigInt(k), Lb),
      count: counts.get(k)!,
      p: new Rational(BigInt(counts.get(k)!), N),
    })),
    meanW: new Rational(BigInt(sum), Lb * N),
    maxW: new Rational(BigInt(keys[keys.length - 1]), Lb),
    expectedWeight: new Rational(BigInt(sum0), Lb * N),
    expectedWeightFormula: new Rational(BigInt(d.filter((x) => x >= 1).length), BigInt(n)),
    Hn: harmonic(n),
  };
}

/**
 * Whether Theorem 2's fallback (Babaioff, Feige & Manaker Morag; spec M4, 6.4) can ever trigger for n agents:
 * W^alpha(pi) <= max(H_n, 1) for every pi and d, with equality for d = (n, ..., 1) in that order, so some report
 * profile reaches the fallback iff H_n > threshold. Default threshold: the paper's (1/alpha - 2 + 1/n with the exact
 * rational alpha <= alpha(n), at least 23 + 2 log log n); `threshold` is the library extension w >= 2 + 1/n.
 */
export function fallbackReachable(
  n: number,
  threshold?: RationalLike,
): { n: number; Hn: Rational; threshold: Rational; reachable: boolean } {
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidInputError('bad-n', `fallbackReachable: n = ${n} must be an integer >= 2`);
  const p = loglogParameters(n, threshold === undefined ? undefined : Rational.from(threshold, 'threshold'));
  const Hn = harmonic(n);
  return { n, Hn, threshold: p.threshold, reachable: Hn.gt(p.threshold) };
}

export interface LoglogThresholdOptions {
  /** The library extension `threshold w` (NOT in the paper; w >= 2 + 1/n). Default: the paper's threshold. */
  readonly threshold?: RationalLike;
  /**
   * The reference (truthful) deficiency reports, default the true alpha_w-deficiencies of `inst` (Definition 6.1).
   * The incentive accounting of spec 6.3 does not need them to be true, so other reference profiles are allowed.
   */
  readonly deficiencies?: readonly number[];
  /** Also every strict-order misreport (all m! orders, each combined with every d' in 0..n); needs m <= 5. */
  readonly orderMisreports?: boolean;
}

export interface LoglogMisreport {
  readonly agent: number;
  /** The misreported deficiency d'_i. */
  readonly deficiency: number;
  /** The misreported strict order (best first), when it differs from the true one. */
  readonly order?: readonly number[];
  /** U_i(truth), U_i(misreport): exact expected values under the agent's true valuation. */
  readonly truthful: Rational;
  readonly misreport: Rational;
  /** U_i(misreport) - U_i(truth) and its ratio to U_i(truth) (the measured incentive loss). */
  readonly gain: Rational;
  readonly relativeGain: Rational;
  /** Pr[pi bad] under the truthful profile, under the misreport, and under either (exact, over all n! orderings). */
  readonly pBadTruth: Rational;
  readonly pBadLie: Rational;
  readonly pBadEither: Rational;
  /** Spec 6.3 additive bound with the measured probabilities: (pBadTruth + pBadLie) * v_i(M) >= pBadEither * v_i(M) >= gain. */
  readonly additiveBound: Rational;
  /** Spec C9 relative bound: relativeGain <= n * pBadEither (from U_i(truth) >= v_i(M)/n, ex-ante PROP). */
  readonly relativeBound: Rational;
}

export interface LoglogThresholdResult {
  readonly n: number;
  readonly m: number;
  readonly alpha: Rational;
  readonly threshold: Rational;
  /** true: the library extension `threshold w`; false: the paper's threshold. */
  readonly extension: boolean;
  /** Reference reports, the true deficiencies at alpha, and whether they agree. */
  readonly deficiencies: readonly number[];
  readonly trueDeficiencies: readonly number[];
  readonly deficienciesAreTrue: boolean;
  /** n!, the number of bad orderings (W > threshold) under the reference reports, and its probability. */
  readonly orderings: number;
  readonly badOrderings: number;
  readonly badProbability: Rational;
  /** max over all orderings of W under the reference reports; H_n; and whether ANY report profile can reach the fallback (H_n > threshold). */
  readonly maxW: Rational;
  readonly Hn: Rational;
  readonly fallbackReachable: boolean;
  /** U_i under the reference reports, per agent (exact). */
  readonly truthful: readonly Rational[];
  /** Number of misreports evaluated (agents with v_i(M) = 0 are skipped). */
  readonly misreports: number;
  /** The largest relative gain U_i(lie)/U_i(truth) - 1 over all misreports (0 when none is profitable), and its witness. */
  readonly maxRelativeGain: Rational;
  readonly witness: LoglogMisreport | null;
  /** Every misreport satisfies gain <= pBadEither * v_i(M) (hence relativeGain <= n * pBadEither). */
  readonly boundHolds: boolean;
  /** The largest measured gain / (pBadEither * v_i(M)) over misreports with pBadEither > 0 (how tight the accounting is). */
  readonly maxBoundUsage: Rational;
}

/** Padded strict orders (spec 0.6: dummies m..n-1 ranked last, by index) from explicit orders. */
function padOrders(orders: readonly (readonly number[])[], n: number, mReal: number): PaddedOrders {
  const m = Math.max(mReal, n);
  const out: number[][] = [];
  const rank: Int32Array[] = [];
  for (const o0 of orders) {
    const o = [...o0];
    for (let x = mReal; x < m; x++) o.push(x);
    const r = new Int32Array(m);
    o.forEach((x, k) => (r[x] = k));
    out.push(o);
    rank.push(r);
  }
  return { n, mReal, m, orders: out, rank };
}

/** Exact evaluation of Theorem 2's exact mixture for report profiles (shared by the experiment and `loglogExpectedValue`). */
function loglogEvaluator(
  who: string,
  inst: Instance,
  threshold: RationalLike | undefined,
  reference: readonly number[] | undefined,
  orderMisreports = false,
) {
  const { n, m } = inst;
  if (n < 2 || n > 6)
    throw new DomainError(
      who,
      'agents-out-of-range',
      `needs 2 <= n <= 6 (n! orderings, as exactMixture), got n = ${n}`,
    );
  if (orderMisreports && m > 5)
    throw new DomainError(
      who,
      'too-many-goods',
      `orderMisreports enumerates all m! strict orders; needs m <= 5, got m = ${m}`,
    );
  const params = loglogParameters(n, threshold === undefined ? undefined : Rational.from(threshold, 'threshold'));
  const truthD = trueDeficiencies(inst, params.alpha);
  const d = reference ? [...reference] : truthD;
  checkDeficiencies(d, n, `${who}: deficiencies`);
  const thr = params.threshold;

  // the (n-1)! cyclic classes: orders with agent 0 first
  const classes = permutations(n - 1).map((p) => [0, ...p.map((a) => a + 1)]);
  const nClasses = BigInt(classes.length);
  const nFact = classes.length * n;

  // good/bad flags per class for a deficiency profile (W rotation-invariant)
  const badCache = new Map<string, boolean[]>();
  const badFlags = (dd: readonly number[]): boolean[] => {
    const key = dd.join(',');
    let r = badCache.get(key);
    if (!r) {
      const Lb = lcmOf(dd);
      const L = Number(Lb);
      const buf = new Float64Array(n + 1);
      r = classes.map((order) => {
        checkTimeBudget(EXPERIMENT);
        scaledWeightsNumber(order, dd, L, buf);
        let b = L;
        for (let j = 0; j < n; j++) if (buf[j] > b) b = buf[j];
        return new Rational(BigInt(b), Lb).gt(thr);
      });
      badCache.set(key, r);
    }
    return r;
  };
  const pBad = (flags: readonly boolean[]) => new Rational(BigInt(flags.filter(Boolean).length), nClasses);

  // v_i(CUQ_i(orders, pi)) for the class of pi, cached per (orders key, class key)
  const cuqCache = new Map<string, Rational[]>();
  const truthOrders = inst.values.map((_, i) => inst.order(i));
  const cuqValues = (
    ordersKey: string,
    orders: readonly (readonly number[])[],
    classOrder: readonly number[],
  ): Rational[] => {
    // canonical rotation: agent 0 first
    const k0 = classOrder.indexOf(0);
    const canon = [...classOrder.slice(k0), ...classOrder.slice(0, k0)];
    const key = `${ordersKey}|${canon.join(',')}`;
    let r = cuqCache.get(key);
    if (!r) {
      const counts = cuqCounts(cyclicData(orderingFromOrder(canon, n), padOrders(orders, n, m)));
      const nn = BigInt(n);
      r = inst.values.map((row, i) => {
        let s = Rational.ZERO;
        for (let x = 0; x < m; x++) if (counts[i][x]) s = s.add(row[x].mul(counts[i][x]));
        return s.div(nn);
      });
      cuqCache.set(key, r);
    }
    return r;
  };
  /** U_i for the report profile (orders, dd): average over the classes of the implemented CUQ's value. */
  const expected = (
    i: number,
    ordersKey: string,
    orders: readonly (readonly number[])[],
    dd: readonly number[],
  ): { U: Rational; flags: boolean[] } => {
    const flags = badFlags(dd);
    let s = Rational.ZERO;
    const bad = flags.filter(Boolean).length;
    classes.forEach((c, k) => {
      if (!flags[k]) s = s.add(cuqValues(ordersKey, orders, c)[i]);
    });
    if (bad > 0) s = s.add(cuqValues(ordersKey, orders, deficiencySortedOrdering(dd).order)[i].mul(bad));
    return { U: s.div(nClasses), flags };
  };

  return { n, m, params, truthD, d, thr, classes, nClasses, nFact, badFlags, pBad, truthOrders, expected };
}

/**
 * Theorem 2 with the library's `threshold w` extension (not in the paper: it makes the fallback reachable at small n so
 * that the incentive loss can be measured; Babaioff, Feige & Manaker Morag, spec M4, 6.3, 6.4), exactly over all n! orderings: the bad-ordering probability and, for every agent and every deficiency
 * misreport d'_i in 0..n (and with `orderMisreports`, every strict order x every d'_i), the exact expected value under
 * truth vs misreport, the maximum relative gain (the measured incentive loss) with its witness, and the comparison
 * with the incentive accounting of spec 6.3: gain <= Pr[bad under truth or lie] * v_i(M) <= (Pr[bad truth] + Pr[bad lie])
 * * v_i(M) (the paper's 2 nu(n) v_i(M) with the measured probabilities), hence relative gain <= n * Pr[bad either].
 *
 * Expected values are computed from the fractional allocations the mechanism implements (Lemma 3.1: E[v_i(A_i)] =
 * v_i(f_i)): CUQ(v, pi) for a good pi, CUQ(v, pi') for pi' sorted by the reported deficiencies otherwise (the
 * `implements-cuq` claim of `tie-mms-loglog` with `exactMixture`, which certify re-checks). W and CUQ depend only on
 * the cyclic class of pi, so the n! orderings are enumerated as (n-1)! classes of n. Needs 2 <= n <= 6.
 */
export function loglogThresholdExperiment(inst: Instance, opts: LoglogThresholdOptions = {}): LoglogThresholdResult {
  const { n, m, params, truthD, d, thr, classes, nClasses, nFact, badFlags, pBad, truthOrders, expected } =
    loglogEvaluator('loglogThresholdExperiment', inst, opts.threshold, opts.deficiencies, opts.orderMisreports);
  const truthFlags = badFlags(d);
  const truthful = inst.values.map((_, i) => expected(i, 'truth', truthOrders, d).U);
  let witness: LoglogMisreport | null = null;
  let maxRel = Rational.ZERO;
  let maxUsage = Rational.ZERO;
  let boundHolds = true;
  let count = 0;
  const orderSpace: (readonly number[] | null)[] = opts.orderMisreports ? [null, ...permutations(m)] : [null];
  for (let i = 0; i < n; i++) {
    const total = inst.total(i);
    if (total.sign() === 0) continue;
    const Ut = truthful[i];
    for (const e of orderSpace) {
      checkTimeBudget(EXPERIMENT);
      const isTrueOrder = e === null || e.join() === truthOrders[i].join();
      if (e !== null && isTrueOrder) continue; // covered by e = null
      const orders = isTrueOrder ? truthOrders : truthOrders.map((o, k) => (k === i ? e! : o));
      const ordersKey = isTrueOrder ? 'truth' : `${i}:${e!.join(',')}`;
      for (let dp = 0; dp <= n; dp++) {
        if (isTrueOrder && dp === d[i]) continue; // the truthful report
        const dd = d.map((x, k) => (k === i ? dp : x));
        const { U, flags } = expected(i, ordersKey, orders, dd);
        count++;
        const gain = U.sub(Ut);
        const either = new Rational(BigInt(flags.filter((b, k) => b || truthFlags[k]).length), nClasses);
        const eitherBound = either.mul(total);
        if (gain.gt(eitherBound)) boundHolds = false;
        if (either.sign() > 0 && gain.sign() > 0) maxUsage = Rational.max(maxUsage, gain.div(eitherBound));
        const rel = gain.div(Ut);
        if (rel.sign() > 0 && rel.gt(maxRel)) {
          maxRel = rel;
          const pT = pBad(truthFlags);
          const pL = pBad(flags);
          witness = {
            agent: i,
            deficiency: dp,
            ...(isTrueOrder ? {} : { order: [...e!] }),
            truthful: Ut,
            misreport: U,
            gain,
            relativeGain: rel,
            pBadTruth: pT,
            pBadLie: pL,
            pBadEither: either,
            additiveBound: pT.add(pL).mul(total),
            relativeBound: either.mul(n),
          };
        }
      }
    }
  }
  const bad = truthFlags.filter(Boolean).length;
  let maxW = Rational.ONE;
  {
    const Lb = lcmOf(d);
    const buf = new Float64Array(n + 1);
    for (const c of classes) {
      checkTimeBudget(EXPERIMENT);
      scaledWeightsNumber(c, d, Number(Lb), buf);
      for (let j = 0; j < n; j++) if (buf[j] > Number(Lb)) maxW = Rational.max(maxW, new Rational(BigInt(buf[j]), Lb));
    }
  }
  const Hn = harmonic(n);
  return {
    n,
    m,
    alpha: params.alpha,
    threshold: thr,
    extension: params.extension,
    deficiencies: d,
    trueDeficiencies: truthD,
    deficienciesAreTrue: d.every((x, k) => x === truthD[k]),
    orderings: nFact,
    badOrderings: bad * n,
    badProbability: new Rational(BigInt(bad), nClasses),
    maxW,
    Hn,
    fallbackReachable: Hn.gt(thr),
    truthful,
    misreports: count,
    maxRelativeGain: maxRel,
    witness,
    boundHolds,
    maxBoundUsage: maxUsage,
  };
}

/**
 * Agent i's exact expected value E[v_i(A_i)] (true valuation) under Theorem 2's exact mixture over all n! orderings
 * (Babaioff, Feige & Manaker Morag; spec M4, C9) when she reports `report` (strict order, deficiency; each
 * default truthful) and the others report their reference orders and deficiencies; with the `threshold w` extension
 * when given. Computed from the implemented CUQ allocations (see `loglogThresholdExperiment`); equals
 * `lotteryExpectedValue` of `solve('tie-mms-loglog', ..., { exactMixture: true, threshold, deficiencies })`.
 */
export function loglogExpectedValue(
  inst: Instance,
  agent: number,
  report: { readonly order?: readonly number[]; readonly deficiency?: number } = {},
  opts: { readonly threshold?: RationalLike; readonly deficiencies?: readonly number[] } = {},
): { value: Rational; badProbability: Rational } {
  const ev = loglogEvaluator('loglogExpectedValue', inst, opts.threshold, opts.deficiencies);
  if (!Number.isInteger(agent) || agent < 0 || agent >= ev.n)
    throw new InvalidInputError('unknown-agent', `loglogExpectedValue: agent ${agent} not in 0..${ev.n - 1}`);
  const dd = ev.d.map((x, k) => (k === agent && report.deficiency !== undefined ? report.deficiency : x));
  checkDeficiencies(dd, ev.n, 'loglogExpectedValue: deficiencies');
  let orders: readonly (readonly number[])[] = ev.truthOrders;
  let key = 'truth';
  if (report.order) {
    if (report.order.length !== ev.m)
      throw new InvalidInputError('bad-order', `loglogExpectedValue: order must list all ${ev.m} goods`);
    orderingFromOrder(report.order, report.order.length); // validates the permutation
    orders = ev.truthOrders.map((o, k) => (k === agent ? report.order! : o));
    key = `${agent}:${report.order.join(',')}`;
  }
  const { U, flags } = ev.expected(agent, key, orders, dd);
  return { value: U, badProbability: ev.pBad(flags) };
}
