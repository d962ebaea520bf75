/**
 * Theorem 3.1 of paper 001 (Halpern–Psomas–Zhang, "Truthful Fair Division under Stochastic Valuations"):
 * the component bounds on the hard distribution D_{p,delta} (seed-001 spec C15, R1, T6, T8, T22).
 *
 * Every DSIC mechanism for two agents is a picking–exchange mechanism (Amanatidis et al. 2017): the items are
 * split into components, each allocated by a fixed picking mechanism (a menu, a picker) or a fixed exchange
 * (endowments S, T; trade iff both strictly prefer it). The proof bounds the expected welfare per item of
 * every component on D_{p,delta} by sqrt 2 + psi(delta, p), against E[OPT] per item M_2 -> 4 sqrt 2 - 4:
 *
 * * picking: ≤ 2 - q - p + delta ≤ sqrt 2 + delta (the proof); exactly, no rule that depends only on the
 *   picker's values beats E[max(X, mu)] per item (keep an item iff its value beats the other agent's mean),
 *   and a cardinality menu "top t of s" gets (E[top t of s draws] + (s - t) mu)/s (order statistics);
 * * 1-for-1 exchange: exactly mu + E|X - Y|/4 = (mu + M_2)/2 per item, ≤ sqrt 2 + delta;
 * * exchanges with s ≥ 3: ≤ q' + sqrt(q'(1 - q')/(2s)) + delta + (3/2)(1 - q) + 2 p delta per item
 *   (q' = q/(1 - p), the non-high values are Bern(q') + U[0, delta]), ≤ sqrt 2 + psi for s ≥ 3 > 2 sqrt 2;
 *   estimated here by seeded Monte Carlo;
 * * whole mechanisms: E[sw]/E[OPT] ≤ (sqrt 2 + psi)/M_2 = (2 + sqrt 2)/4 + psi_ratio (Monte Carlo).
 *
 * psi is the paper's psi(delta, p) made explicit: psi = q p/(1 - p) + (1 + 2p) delta (the paper writes the
 * mean of the non-high values as q instead of q/(1 - p); the difference is in psi, which -> 0). M_2 is the
 * exact value (spec P16: the paper's 4 sqrt 2 - 4 - qp - p + delta/2 is slightly low), so psi_ratio =
 * (sqrt 2 + psi)/M_2 - (2 + sqrt 2)/4 -> 0 as p, delta -> 0.
 *
 * Monte Carlo: trial t uses rng(`${seed}:${t}`); means with the delta-method interval (`ratioOfMeans`),
 * frequencies (trades) with Wilson or Jeffreys intervals. Floats throughout (architecture section 3): these
 * claims are statistical.
 */
import { InvalidInputError } from '../core/errors';
import { rng as makeRng } from '../core/rng';
import { C2, Q_STAR } from './constants';
import type { Distribution } from './distribution';
import { jeffreys, ratioOfMeans, wilson } from './intervals';
import { hardDistribution } from './piecewise';
import { integrate } from './quadrature';
import { iidSampler } from './simulate';
import { incompleteBeta } from './special';

/** The analytic side of Theorem 3.1 on D_{p,delta}. All values per item. */
export interface Theorem31Bounds {
  readonly p: number;
  readonly delta: number;
  /** q = q* = 2 - sqrt 2. */
  readonly q: number;
  /** The long-shot value H = (1 - q)/p. */
  readonly H: number;
  /** mu = E[X] = 1 + delta/2 (exact). */
  readonly mu: number;
  /** M_2 = E[max(X, Y)], exact (quantile closed form). */
  readonly m2: number;
  /** The paper's approximation 4 sqrt 2 - 4 - qp - p + delta/2 (spec P16). */
  readonly m2Paper: number;
  /** psi(delta, p) = q p/(1 - p) + (1 + 2p) delta. */
  readonly psi: number;
  /** Picking component: the spec's bound sqrt 2 + delta. */
  readonly picking: number;
  /** Picking component: the proof's sharper bound 2 - q - p + delta. */
  readonly pickingProof: number;
  /** 1-for-1 exchange: the spec's bound sqrt 2 + delta. */
  readonly oneForOne: number;
  /** Exchanges with s ≥ 3: sqrt 2 + psi. */
  readonly exchange: number;
  /** Whole mechanisms: E[sw]/E[OPT] ≤ (sqrt 2 + psi)/M_2 = (2 + sqrt 2)/4 + psiRatio. */
  readonly ratio: number;
  readonly psiRatio: number;
}

/**
 * The analytic bounds of Theorem 3.1 (paper 001, Halpern–Psomas–Zhang) for D_{p,delta}: psi, the exact and
 * the paper's M_2, the per-item bounds of picking, 1-for-1 and s ≥ 3 exchange components, and the ratio
 * bound (2 + sqrt 2)/4 + psi_ratio for whole picking–exchange mechanisms (spec C15).
 */
export function theorem31Bounds(p: number, delta: number): Theorem31Bounds {
  const d = hardDistribution(p, delta); // validates p and delta
  const q = Q_STAR;
  const psi = (q * p) / (1 - p) + (1 + 2 * p) * delta;
  const m2 = d.emax(2);
  const ratio = (Math.SQRT2 + psi) / m2;
  return {
    p,
    delta,
    q,
    H: (1 - q) / p,
    mu: 1 + delta / 2,
    m2,
    m2Paper: 4 * Math.SQRT2 - 4 - q * p - p + delta / 2,
    psi,
    picking: Math.SQRT2 + delta,
    pickingProof: 2 - q - p + delta,
    oneForOne: Math.SQRT2 + delta,
    exchange: Math.SQRT2 + psi,
    ratio,
    psiRatio: ratio - C2,
  };
}

/**
 * The proof's per-item bound for one exchange component of s ≥ 3 items on D_{p,delta} (paper 001,
 * Theorem 3.1, non-high values by Jensen plus Lemma 3.2 for the high values):
 * q' + sqrt(q'(1 - q')/(2s)) + delta + (3/2)(1 - q) + 2 p delta with q' = q/(1 - p). At most sqrt 2 + psi.
 */
export function exchangeBoundPerItem(p: number, delta: number, s: number): number {
  hardDistribution(p, delta); // validates p and delta
  if (!Number.isInteger(s) || s < 3)
    throw new InvalidInputError('bad-count', `exchangeBoundPerItem: the bound needs s ≥ 3 items, got ${s}`);
  const q = Q_STAR;
  const q1 = q / (1 - p);
  return q1 + Math.sqrt((q1 * (1 - q1)) / (2 * s)) + delta + 1.5 * (1 - q) + 2 * p * delta;
}

/** The p and delta of a D_{p,delta} built by `hardDistribution` (its spec string "hard:p,delta"), else null. */
function hardParams(d: Distribution): { p: number; delta: number } | null {
  const m = /^hard:([^,]+),(.+)$/.exec(d.spec);
  return m ? { p: Number(m[1]), delta: Number(m[2]) } : null;
}

/** A distribution, or {p, delta} for D_{p,delta}. */
export type HardnessInput = Distribution | { readonly p: number; readonly delta: number };

function resolve(x: HardnessInput): { d: Distribution; bounds: Theorem31Bounds | null } {
  if (typeof (x as Distribution).quantile === 'function') {
    const d = x as Distribution;
    const hp = hardParams(d);
    return { d, bounds: hp ? theorem31Bounds(hp.p, hp.delta) : null };
  }
  const { p, delta } = x as { p: number; delta: number };
  return { d: hardDistribution(p, delta), bounds: theorem31Bounds(p, delta) };
}

export interface PickingComponentWelfare {
  /** mu = E[X]: the expected value of an item given to the non-picker. */
  readonly mu: number;
  /**
   * E[max(X, mu)]: the per-item welfare of the best rule that depends only on the picker's values (keep an
   * item iff it beats mu). No picking component of any size or menu does better per item.
   */
  readonly bestRule: number;
  /** Cardinality menu "top t of s" (when s, t are given): exact expected welfare per item. */
  readonly cardinality?: { readonly s: number; readonly t: number; readonly perItem: number };
  /** On D_{p,delta}: the bound sqrt 2 + delta (and the proof's 2 - q - p + delta); null otherwise. */
  readonly bound: number | null;
  readonly proofBound: number | null;
}

/**
 * Expected welfare per item of a picking component (paper 001, Halpern–Psomas–Zhang, Theorem 3.1, the
 * picking case; spec C15): exact. `bestRule` = E[max(X, mu)] bounds every picking component; with
 * `cardinality` {s, t} the menu "all t-subsets of the s items" (the picker takes her top t, e.g. Pick-r)
 * gets (E[sum of the top t of s draws] + (s - t) mu)/s, with E[top t of s] = s ∫ Q(u) I_u(s - t, t) du.
 */
export function pickingComponentWelfare(
  x: HardnessInput,
  cardinality?: { s: number; t: number },
): PickingComponentWelfare {
  const { d, bounds } = resolve(x);
  const mu = d.mean();
  const bestRule = d.emaxWith(mu);
  let card: PickingComponentWelfare['cardinality'];
  if (cardinality) {
    const { s, t } = cardinality;
    if (!Number.isInteger(s) || s < 1 || !Number.isInteger(t) || t < 0 || t > s)
      throw new InvalidInputError(
        'bad-count',
        `pickingComponentWelfare: need integers s ≥ 1 and 0 ≤ t ≤ s, got s = ${s}, t = ${t}`,
      );
    let top = 0;
    if (t === s) top = s * mu;
    else if (t > 0) {
      // sum over the top t order statistics: s * P(Bin(s - 1, u) ≥ s - t) = s * I_u(s - t, t)
      const bps = [...d.breakpoints, 1 - t / s].filter((u) => u > 0 && u < 1).sort((a, b) => a - b);
      top =
        s *
        integrate((u) => incompleteBeta(u, s - t, t) * d.quantile(u), 0, 1, {
          breakpoints: bps,
          relTol: 1e-11,
          absTol: 1e-14,
        }).value;
    }
    card = { s, t, perItem: (top + (s - t) * mu) / s };
  }
  return {
    mu,
    bestRule,
    ...(card ? { cardinality: card } : {}),
    bound: bounds?.picking ?? null,
    proofBound: bounds?.pickingProof ?? null,
  };
}

export interface OneForOneExchange {
  readonly mu: number;
  /** E|X - Y| = 2 ∫ (2u - 1) Q(u) du. */
  readonly meanAbsDiff: number;
  /** mu + E|X - Y|/4 (= (mu + M_2)/2). */
  readonly welfarePerItem: number;
  readonly m2: number;
  /** welfarePerItem / M_2. */
  readonly ratio: number;
  /** On D_{p,delta}: sqrt 2 + delta; null otherwise. */
  readonly bound: number | null;
}

/**
 * The 1-for-1 exchange (paper 001, Halpern–Psomas–Zhang, Theorem 3.1, case s = 2; spec C15, T8): each
 * agent keeps her endowed item, or the two trade when both strictly prefer it; the expected welfare per
 * item is exactly mu + E|X - Y|/4 (a gain E|X - Y|/2 for an agent, accepted with probability 1/2).
 */
export function oneForOneExchange(x: HardnessInput): OneForOneExchange {
  const { d, bounds } = resolve(x);
  const mu = d.mean();
  const meanAbsDiff =
    2 *
    integrate((u) => (2 * u - 1) * d.quantile(u), 0, 1, { breakpoints: d.breakpoints, relTol: 1e-12, absTol: 1e-15 })
      .value;
  const m2 = d.emax(2);
  const welfarePerItem = mu + meanAbsDiff / 4;
  return { mu, meanAbsDiff, welfarePerItem, m2, ratio: welfarePerItem / m2, bound: bounds?.oneForOne ?? null };
}

// --------------------------------------------------------------------------------------- Monte Carlo

/** A component of a two-agent picking–exchange mechanism (items are numbered within the component). */
export type Component =
  /** The picker takes her top `take` of the component's `size` items (the cardinality menu). */
  | { readonly kind: 'picking'; readonly picker: 0 | 1; readonly size: number; readonly take: number }
  /** The picker takes the menu entry (subsets of 0..size-1) she values most; ties to the first entry. */
  | {
      readonly kind: 'picking';
      readonly picker: 0 | 1;
      readonly size: number;
      readonly menu: readonly (readonly number[])[];
    }
  /**
   * Agent 0 is endowed with the first `endowed[0]` items, agent 1 with the next `endowed[1]`; they trade
   * iff both strictly prefer the other endowment; under indifference (probability 0 for continuous D) the
   * outcome is `indifference` (default 'keep').
   */
  | {
      readonly kind: 'exchange';
      readonly endowed: readonly [number, number];
      readonly indifference?: 'keep' | 'trade';
    };

export interface MonteCarloOptions {
  readonly trials: number;
  readonly seed?: number | string;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Interval for the trade frequency (default 'wilson'). */
  readonly interval?: 'wilson' | 'jeffreys';
}

export interface Estimate {
  readonly mean: number;
  readonly se: number;
  readonly lo: number;
  readonly hi: number;
}

function componentSize(c: Component): number {
  return c.kind === 'exchange' ? c.endowed[0] + c.endowed[1] : c.size;
}

function validateComponent(c: Component, k: number): void {
  const where = `components[${k}]`;
  if (c.kind === 'exchange') {
    const [l, r] = c.endowed;
    if (!Number.isInteger(l) || !Number.isInteger(r) || l < 1 || r < 1)
      throw new InvalidInputError(
        'bad-component',
        `${where}: an exchange needs integers endowed = [l ≥ 1, k ≥ 1], got ${JSON.stringify(c.endowed)} (l = 0 or k = 0 is a picking component)`,
      );
    if (c.indifference !== undefined && c.indifference !== 'keep' && c.indifference !== 'trade')
      throw new InvalidInputError('bad-component', `${where}: indifference must be "keep" or "trade"`);
    return;
  }
  if (c.kind !== 'picking')
    throw new InvalidInputError('bad-component', `${where}: kind must be "picking" or "exchange"`);
  if (c.picker !== 0 && c.picker !== 1) throw new InvalidInputError('bad-component', `${where}: picker must be 0 or 1`);
  if (!Number.isInteger(c.size) || c.size < 1)
    throw new InvalidInputError('bad-component', `${where}: size must be a positive integer`);
  if ('menu' in c) {
    const menu: readonly (readonly number[])[] = c.menu;
    if (!Array.isArray(menu as unknown) || menu.length === 0 || !menu.every((e) => Array.isArray(e as unknown)))
      throw new InvalidInputError(
        'bad-component',
        `${where}: the menu needs at least one entry, each an array of items`,
      );
    menu.forEach((e, k2) =>
      e.forEach((j) => {
        if (!Number.isInteger(j) || j < 0 || j >= c.size)
          throw new InvalidInputError('bad-component', `${where}.menu[${k2}]: ${j} is not an item in 0..${c.size - 1}`);
      }),
    );
  } else if (!Number.isInteger(c.take) || c.take < 0 || c.take > c.size)
    throw new InvalidInputError('bad-component', `${where}: take must be an integer in 0..size`);
}

/** Welfare of one component on values v[0], v[1] at items offset..offset+size-1; also whether it traded. */
function runComponent(c: Component, v: readonly Float64Array[], offset: number): { welfare: number; traded: boolean } {
  if (c.kind === 'exchange') {
    const [l, k] = c.endowed;
    let s0 = 0,
      t0 = 0,
      s1 = 0,
      t1 = 0;
    for (let j = 0; j < l; j++) {
      s0 += v[0][offset + j];
      s1 += v[1][offset + j];
    }
    for (let j = l; j < l + k; j++) {
      t0 += v[0][offset + j];
      t1 += v[1][offset + j];
    }
    const fav = t0 > s0 && s1 > t1;
    const unf = t0 < s0 || s1 < t1;
    const trade = fav || (!unf && c.indifference === 'trade');
    return { welfare: trade ? t0 + s1 : s0 + t1, traded: trade };
  }
  const me = v[c.picker],
    other = v[1 - c.picker];
  const chosen = new Uint8Array(c.size);
  if ('menu' in c) {
    let best = -Infinity,
      bestK = 0;
    c.menu.forEach((e, k) => {
      let s = 0;
      for (const j of e) s += me[offset + j];
      if (s > best) {
        best = s;
        bestK = k;
      }
    });
    for (const j of c.menu[bestK]) chosen[j] = 1;
  } else if (c.take > 0) {
    const idx = Array.from({ length: c.size }, (_, j) => j).sort((a, b) => me[offset + b] - me[offset + a] || a - b);
    for (let k = 0; k < c.take; k++) chosen[idx[k]] = 1;
  }
  let w = 0;
  for (let j = 0; j < c.size; j++) w += chosen[j] ? me[offset + j] : other[offset + j];
  return { welfare: w, traded: false };
}

function checkTrials(o: MonteCarloOptions): void {
  if (!Number.isInteger(o.trials) || o.trials < 2)
    throw new InvalidInputError('bad-count', `trials = ${o.trials} must be an integer ≥ 2`);
}

/** Two agents' i.i.d. values for m items, from a seed (`iidSampler`). */
function sampleValues(d: Distribution, m: number, seed: string): Float64Array[] {
  return iidSampler(d)(2, m, makeRng(seed));
}

export interface ExchangeEstimate {
  readonly endowed: readonly [number, number];
  readonly s: number;
  readonly trials: number;
  /** Expected welfare per item (mean and interval). */
  readonly welfarePerItem: Estimate;
  /** Trade frequency with its Wilson (or Jeffreys) interval. */
  readonly tradeRate: { readonly p: number; readonly lo: number; readonly hi: number; readonly count: number };
  /** On D_{p,delta}: sqrt 2 + psi (s ≥ 3), sqrt 2 + delta (s = 2); null otherwise. */
  readonly bound: number | null;
  /** On D_{p,delta} with s ≥ 3: the proof's s-specific bound (`exchangeBoundPerItem`). */
  readonly proofBound: number | null;
  /** mean ≤ bound + 4 se (the statistical check of spec C15/C7); null without a bound. */
  readonly consistent: boolean | null;
}

/**
 * Seeded Monte Carlo of one exchange component (paper 001, Halpern–Psomas–Zhang, Theorem 3.1; spec C15:
 * "any exchange with s ≥ 3: ≤ sqrt 2 + psi (simulate)"): agent 0 endowed with l items, agent 1 with k.
 */
export function simulateExchange(x: HardnessInput, l: number, k: number, opts: MonteCarloOptions): ExchangeEstimate {
  const { d, bounds } = resolve(x);
  checkTrials(opts);
  const c: Component = { kind: 'exchange', endowed: [l, k] };
  validateComponent(c, 0);
  const s = l + k;
  const seed = String(opts.seed ?? 0);
  const W: number[] = [],
    S: number[] = [];
  let trades = 0;
  for (let t = 0; t < opts.trials; t++) {
    const v = sampleValues(d, s, `${seed}:${t}`);
    const r = runComponent(c, v, 0);
    W.push(r.welfare);
    S.push(s);
    if (r.traded) trades++;
  }
  const est = ratioOfMeans(W, S, opts.level ?? 0.95);
  const iv =
    (opts.interval ?? 'wilson') === 'jeffreys'
      ? jeffreys(trades, opts.trials, opts.level ?? 0.95)
      : wilson(trades, opts.trials, opts.level ?? 0.95);
  const bound = bounds ? (s >= 3 ? bounds.exchange : bounds.oneForOne) : null;
  return {
    endowed: [l, k],
    s,
    trials: opts.trials,
    welfarePerItem: est,
    tradeRate: { p: trades / opts.trials, lo: iv.lo, hi: iv.hi, count: trades },
    bound,
    proofBound: bounds && s >= 3 ? exchangeBoundPerItem(bounds.p, bounds.delta, s) : null,
    consistent: bound === null ? null : est.mean <= bound + 4 * est.se,
  };
}

export interface MechanismEstimate {
  readonly m: number;
  readonly trials: number;
  /** E[sw]/E[OPT] as a ratio of means with its delta-method interval. */
  readonly ratio: Estimate;
  /** Per component: expected welfare per item (mean and interval) and its bound on D_{p,delta}. */
  readonly components: readonly {
    readonly component: Component;
    readonly welfarePerItem: Estimate;
    readonly bound: number | null;
  }[];
  /** On D_{p,delta}: (2 + sqrt 2)/4 + psi_ratio = (sqrt 2 + psi)/M_2; null otherwise. */
  readonly bound: number | null;
  /** On D_{p,delta}: the size-weighted component bounds over m M_2 (at most `bound`). */
  readonly componentBound: number | null;
  /** ratio ≤ bound + 4 se; null without a bound. */
  readonly consistent: boolean | null;
}

/**
 * Seeded Monte Carlo of a whole two-agent picking–exchange mechanism (paper 001, Halpern–Psomas–Zhang,
 * Theorem 3.1; spec C15: E[sw]/E[OPT] ≤ (2 + sqrt 2)/4 + psi(delta, p) for every mechanism tried). The
 * items are the components' items in order; OPT gives each item to the higher value.
 */
export function simulatePickingExchange(
  x: HardnessInput,
  components: readonly Component[],
  opts: MonteCarloOptions,
): MechanismEstimate {
  const { d, bounds } = resolve(x);
  checkTrials(opts);
  if (!Array.isArray(components) || components.length === 0)
    throw new InvalidInputError('bad-component', 'simulatePickingExchange: needs at least one component');
  components.forEach(validateComponent);
  const sizes = components.map(componentSize);
  const m = sizes.reduce((a, b) => a + b, 0);
  const seed = String(opts.seed ?? 0);
  const SW: number[] = [],
    OPT: number[] = [];
  const per = components.map(() => [] as number[]);
  for (let t = 0; t < opts.trials; t++) {
    const v = sampleValues(d, m, `${seed}:${t}`);
    let sw = 0,
      opt = 0,
      off = 0;
    components.forEach((c, k) => {
      const w = runComponent(c, v, off).welfare;
      per[k].push(w);
      sw += w;
      off += sizes[k];
    });
    for (let j = 0; j < m; j++) opt += Math.max(v[0][j], v[1][j]);
    SW.push(sw);
    OPT.push(opt);
  }
  const level = opts.level ?? 0.95;
  const ratio = ratioOfMeans(SW, OPT, level);
  const compBound = (c: Component, s: number): number | null => {
    if (!bounds) return null;
    if (c.kind === 'picking') return bounds.picking;
    return s >= 3 ? bounds.exchange : bounds.oneForOne;
  };
  const comps = components.map((c, k) => ({
    component: c,
    welfarePerItem: ratioOfMeans(
      per[k],
      per[k].map(() => sizes[k]),
      level,
    ),
    bound: compBound(c, sizes[k]),
  }));
  const bound = bounds ? bounds.ratio : null;
  const componentBound = bounds ? comps.reduce((s, c, k) => s + sizes[k] * c.bound!, 0) / (m * bounds.m2) : null;
  return {
    m,
    trials: opts.trials,
    ratio,
    components: comps,
    bound,
    componentBound,
    consistent: bound === null ? null : ratio.mean <= bound + 4 * ratio.se,
  };
}
