/**
 * Chart payloads: the MMS-fraction histogram of a lottery and simulation curves with interval bands.
 */
import type { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import type { Outcome } from '../core/outcome';
import { Rational } from '../core/rational';
import { agentShares, type DisplayOptions } from './build';
import type { CurvePanel, CurveSeries, HistogramBar, MmsHistogramPayload, SimulationPayload } from './payload';
import { payloadHeader } from './payload';

/** A displayable histogram of each agent's MMS fraction v_i(A_i)/MMS_i over a lottery's support. */
export class MmsHistogram {
  constructor(readonly payload: MmsHistogramPayload) {}
  toJSON(): MmsHistogramPayload {
    return this.payload;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const p = this.payload;
    return `MmsHistogram(${p.mechanism ?? 'outcome'})\n${p.agents
      .map((a, i) => `  ${a}: ${p.series[i].map((b) => `${b.x}:${b.p}`).join('  ') || '(MMS unavailable)'}`)
      .join('\n')}`;
  }
}

/** The support of an outcome or a {instance, lottery}-like object. */
function supportOf(
  x:
    | Outcome
    | {
        instance: Instance;
        lottery?: { entries: readonly { p: Rational; allocation: Allocation }[] };
        allocation?: Allocation;
      },
): {
  instance: Instance;
  mechanism?: string;
  support: { p: Rational; allocation: Allocation }[];
} {
  if (x === null || typeof x !== 'object')
    throw new InvalidInputError(
      'bad-argument',
      `mmsHistogram: the first argument must be an Outcome, got ${x === null ? 'null' : typeof x}`,
    );
  if (typeof (x as Outcome).support === 'function') {
    const o = x as Outcome;
    return { instance: o.instance, mechanism: o.mechanism, support: o.support() };
  }
  const y = x as {
    instance: Instance;
    lottery?: { entries: readonly { p: Rational; allocation: Allocation }[] };
    allocation?: Allocation;
  };
  if (y.lottery)
    return { instance: y.instance, support: y.lottery.entries.map((e) => ({ p: e.p, allocation: e.allocation })) };
  if (y.allocation) return { instance: y.instance, support: [{ p: Rational.ONE, allocation: y.allocation }] };
  throw new InvalidInputError(
    'bad-argument',
    'mmsHistogram: the first argument must be an Outcome or {instance, lottery | allocation}',
  );
}

/**
 * For every agent, the distribution of v_i(A_i)/MMS_i over the outcome's support (exact fractions,
 * probabilities summed per fraction), with P(fraction >= 1) and the worst fraction.
 */
export function mmsHistogram(
  outcome:
    | Outcome
    | {
        instance: Instance;
        lottery?: { entries: readonly { p: Rational; allocation: Allocation }[] };
        allocation?: Allocation;
      },
  opts: DisplayOptions = {},
): MmsHistogram {
  const { instance: inst, mechanism, support } = supportOf(outcome);
  const s = agentShares(inst, { ...opts, mms: true });
  const series: HistogramBar[][] = [];
  const pAtLeast: (string | null)[] = [];
  const worst: (string | null)[] = [];
  inst.agents.forEach((_, i) => {
    const mms = s.mms[i];
    if (!mms || mms.sign() <= 0) {
      series.push([]);
      pAtLeast.push(null);
      worst.push(null);
      return;
    }
    const byX = new Map<string, { x: Rational; p: Rational }>();
    for (const e of support) {
      const x = inst.value(i, e.allocation.bundles[i]).div(mms);
      const k = x.toString();
      const prev = byX.get(k);
      byX.set(k, { x, p: prev ? prev.p.add(e.p) : e.p });
    }
    const bars = [...byX.values()].sort((a, b) => a.x.cmp(b.x));
    series.push(
      bars.map((b) => ({ x: b.x.toString(), approx: b.x.toNumber(), p: b.p.toString(), pApprox: b.p.toNumber() })),
    );
    pAtLeast.push(Rational.sum(bars.filter((b) => b.x.ge(1)).map((b) => b.p)).toString());
    worst.push(bars.length ? bars[0].x.toString() : null);
  });
  return new MmsHistogram({
    ...payloadHeader('mms-histogram', opts.title, mechanism),
    agents: [...inst.agents],
    series,
    shares: s.shares,
    pAtLeastMms: pAtLeast,
    worst,
  });
}

// ---------------------------------------------------------------------------------------------------
// Simulation curves (paper 001): accepted structurally.

/**
 * A simulation result: `{points: {m, <metric>: {mean|p|value, lo, hi}}[], analytic?, ...}`. Optional layout keys:
 * `xScale: 'log'` (a logarithmic x axis), `xLabel`, `interval: 'bars'` (error bars instead of bands), `labels`
 * (a series name per metric) and `panels` (`[{title, yLabel?, yRange?, metrics}]`: metrics overlaid in one panel each,
 * instead of one panel per metric).
 */
export interface SimulationLike {
  points: readonly Record<string, unknown>[];
  analytic?: unknown;
  xScale?: 'linear' | 'log';
  xLabel?: string;
  interval?: 'band' | 'bars';
  labels?: Readonly<Record<string, string>>;
  panels?: readonly SimulationPanelSpec[];
  [k: string]: unknown;
}

/** A panel of overlaid metrics in a simulation-like value. */
export interface SimulationPanelSpec {
  title: string;
  yLabel?: string;
  yRange?: readonly [number, number];
  metrics: readonly string[];
}

/** Keys of a simulation-like value that shape the figure (never listed among its parameters). */
const LAYOUT_KEYS = new Set(['points', 'kind', 'title', 'xScale', 'xLabel', 'interval', 'labels', 'panels']);

/** Line styles of overlaid series, in the paper's order (Bai & Gölz's figures: solid, dotted, dashed, dash-dot). */
const OVERLAY_DASHES = ['solid', 'dot', 'dash', 'dashdot'] as const;

const CENTER_KEYS = ['mean', 'p', 'value', 'y', 'estimate'];
const X_KEYS = ['m', 'x', 'n'];

function num(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (x instanceof Rational) return x.toNumber();
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  return null;
}

function xKeyOf(p: Record<string, unknown>): string | null {
  return X_KEYS.find((k) => num(p[k]) !== null) ?? null;
}

function centerOf(v: unknown): { y: number; lo?: number; hi?: number; key: string } | null {
  const n = num(v);
  if (n !== null) return { y: n, key: 'value' };
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const key = CENTER_KEYS.find((k) => num(o[k]) !== null);
  if (!key) return null;
  const lo = num(o.lo ?? o.lower);
  const hi = num(o.hi ?? o.upper);
  return { y: num(o[key])!, key, ...(lo !== null ? { lo } : {}), ...(hi !== null ? { hi } : {}) };
}

/** The value structure looks like a simulation result. */
export function isSimulationLike(x: unknown): x is SimulationLike {
  if (x === null || typeof x !== 'object') return false;
  const pts = (x as { points?: unknown }).points;
  if (!Array.isArray(pts) || pts.length === 0) return false;
  const p0 = pts[0] as Record<string, unknown>;
  if (p0 === null || typeof p0 !== 'object') return false;
  const xk = xKeyOf(p0);
  if (xk === null) return false;
  return Object.keys(p0).some((k) => k !== xk && centerOf(p0[k]) !== null && typeof p0[k] === 'object');
}

const TITLES: Record<string, [string, string]> = {
  welfare: ['Welfare ratio (SW / OPT)', 'SW / OPT'],
  ef: ['Probability of envy-freeness', 'P(EF)'],
  prop: ['Probability of proportionality', 'P(PROP)'],
  mms: ['Probability of MMS', 'P(MMS)'],
};

function analyticSeries(analytic: unknown, metric: string, xKey: string, xs: number[]): CurveSeries | null {
  if (analytic === undefined || analytic === null) return null;
  const pts: { x: number; y: number }[] = [];
  if (Array.isArray(analytic)) {
    for (const a of analytic as Record<string, unknown>[]) {
      const x = num(a?.[xKey]);
      const c = a ? centerOf(a[metric]) : null;
      if (x !== null && c) pts.push({ x, y: c.y });
    }
  } else if (typeof analytic === 'object') {
    const a = analytic as Record<string, unknown>;
    // Paper 001 results: {welfareRatio: number | null, efWhp: boolean | null} are m -> infinity limits.
    const whp = a[`${metric}Whp`];
    const v = a[metric] ?? a[`${metric}Ratio`] ?? a[`${metric}Limit`] ?? (whp === true ? 1 : undefined);
    if (typeof v === 'function') {
      for (const x of xs) {
        const y = num((v as (x: number) => unknown)(x));
        if (y !== null) pts.push({ x, y });
      }
    } else if (Array.isArray(v)) {
      for (const a of v as unknown[]) {
        if (Array.isArray(a) && num(a[0]) !== null && num(a[1]) !== null) pts.push({ x: num(a[0])!, y: num(a[1])! });
        else if (a && typeof a === 'object') {
          const x = num((a as Record<string, unknown>)[xKey] ?? (a as Record<string, unknown>).x);
          const c = centerOf(a);
          if (x !== null && c) pts.push({ x, y: c.y });
        }
      }
    } else {
      const y = num(v) ?? centerOf(v)?.y ?? null;
      if (y !== null && xs.length) {
        pts.push({ x: xs[0], y }, { x: xs[xs.length - 1], y });
      }
    }
  }
  if (!pts.length) return null;
  return { name: `${metric}: analytic limit`, points: pts.sort((a, b) => a.x - b.x), dashed: true };
}

/** One metric's measured series (its points' centers and intervals). */
function measuredSeries(
  pts: readonly Record<string, unknown>[],
  xKey: string,
  metric: string,
  name: string,
): CurveSeries {
  return {
    name,
    points: pts.flatMap((p) => {
      const x = num(p[xKey]);
      const c = centerOf(p[metric]);
      return x !== null && c
        ? [{ x, y: c.y, ...(c.lo !== undefined ? { lo: c.lo } : {}), ...(c.hi !== undefined ? { hi: c.hi } : {}) }]
        : [];
    }),
  };
}

/** A `[lo, hi]` pair of finite numbers, or undefined. */
function rangeOf(r: unknown): [number, number] | undefined {
  return Array.isArray(r) &&
    r.length === 2 &&
    r.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    r[1] > r[0]
    ? [r[0], r[1]]
    : undefined;
}

/**
 * Simulation curves with intervals, x = the points' `m` (or `x`, `n`): one panel per metric, or the value's
 * `panels` with their metrics overlaid (line styles solid, dotted, dashed, dash-dot in turn); a logarithmic x axis
 * with `xScale: 'log'`; error bars with `interval: 'bars'`.
 */
export function simulationPayload(sim: SimulationLike, opts: DisplayOptions = {}): SimulationPayload {
  const pts = [...sim.points].filter((p) => p && typeof p === 'object');
  const xKey = xKeyOf(pts[0]) ?? 'm';
  pts.sort((a, b) => (num(a[xKey]) ?? 0) - (num(b[xKey]) ?? 0));
  const metrics = [...new Set(pts.flatMap((p) => Object.keys(p)))].filter(
    (k) => k !== xKey && pts.some((p) => p[k] !== null && typeof p[k] === 'object' && centerOf(p[k]) !== null),
  );
  const xs = pts.map((p) => num(p[xKey])).filter((x): x is number => x !== null);
  const labels = sim.labels && typeof sim.labels === 'object' ? sim.labels : {};
  const nameOf = (metric: string) =>
    Object.hasOwn(labels, metric) && typeof labels[metric] === 'string' ? labels[metric] : metric;
  const bars = sim.interval === 'bars';
  const isProbability = (metric: string) => {
    const first = pts.find((p) => centerOf(p[metric]) !== null);
    return first !== undefined && centerOf(first[metric])!.key === 'p';
  };
  const styled = (s: CurveSeries, k: number, overlaid: boolean): CurveSeries => ({
    ...s,
    ...(overlaid ? { dash: OVERLAY_DASHES[k % OVERLAY_DASHES.length] } : {}),
    ...(bars ? { interval: 'bars' as const } : {}),
  });
  const given: readonly SimulationPanelSpec[] = Array.isArray(sim.panels) ? sim.panels : [];
  const specs = given.filter((q) => q && typeof q === 'object' && Array.isArray(q.metrics));
  const panels: CurvePanel[] = specs.length
    ? specs.map((spec) => {
        const shown: string[] = spec.metrics.filter((m) => metrics.includes(m));
        const series = shown.map((m, k) => styled(measuredSeries(pts, xKey, m, nameOf(m)), k, shown.length > 1));
        const yRange =
          rangeOf(spec.yRange) ??
          (shown.length && shown.every(isProbability) ? ([0, 1] as [number, number]) : undefined);
        return {
          title: String(spec.title),
          yLabel: typeof spec.yLabel === 'string' ? spec.yLabel : shown.length === 1 ? nameOf(shown[0]) : 'value',
          ...(yRange ? { yRange } : {}),
          series,
        };
      })
    : metrics.map((metric) => {
        const [title, yLabel] = TITLES[metric] ?? [nameOf(metric), nameOf(metric)];
        const series: CurveSeries[] = [styled(measuredSeries(pts, xKey, metric, nameOf(metric)), 0, false)];
        const an = analyticSeries(sim.analytic, metric, xKey, xs);
        if (an) series.push(an);
        return { title, yLabel, ...(isProbability(metric) ? { yRange: [0, 1] as [number, number] } : {}), series };
      });
  const params: [string, string][] = [];
  const scalar = (v: unknown) =>
    v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v) || v instanceof Rational;
  for (const [k, v] of Object.entries(sim)) {
    if (LAYOUT_KEYS.has(k)) continue;
    if (scalar(v) && v !== null) params.push([k, String(v)]);
    else if ((k === 'parameters' || k === 'analytic') && v && typeof v === 'object' && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>))
        if (scalar(v2) && v2 !== null) params.push([`${k === 'analytic' ? 'analytic ' : ''}${k2}`, String(v2)]);
  }
  const title =
    opts.title ||
    (typeof sim.title === 'string'
      ? sim.title
      : typeof sim.mechanism === 'string'
        ? `Simulation · ${sim.mechanism}${typeof sim.distribution === 'string' ? ` · ${sim.distribution}` : ''}`
        : undefined);
  return {
    ...payloadHeader('simulation', title),
    xLabel: typeof sim.xLabel === 'string' ? sim.xLabel : xKey === 'm' ? 'm (goods)' : xKey,
    ...(sim.xScale === 'log' ? { xScale: 'log' as const } : {}),
    panels,
    ...(params.length ? { params } : {}),
  };
}
